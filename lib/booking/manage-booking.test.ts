import { addMinutes } from "date-fns";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, someoneWaitsForALock, type TestDatabase } from "../db/test-database";
import { eventually } from "../worker/worker-test-fixtures";
import { bookConsultation } from "./book-consultation";
import { bookingRequest, testNow, testSettings, tuesdayNineAm } from "./booking-test-fixtures";
import { cancelBooking } from "./cancel-booking";
import { findManagedBooking } from "./find-managed-booking";
import { listOpenSlots } from "./list-open-slots";
import { manageToken } from "./manage-token";
import { moveBooking } from "./move-booking";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());
beforeEach(async () => {
  await database.prisma.$executeRawUnsafe(`TRUNCATE "Lead", "Booking", "OutboxMessage", "RateLimitBucket", "AuditEvent" CASCADE`);
});

const HOUR = 3_600_000;
const wednesdayNineAm = new Date(tuesdayNineAm.getTime() + 24 * HOUR);

async function booked(at = tuesdayNineAm) {
  const request = bookingRequest({ form: { slot: at.toISOString() } });
  const outcome = await bookConsultation(database.prisma, request, testSettings, testNow);
  if (outcome.kind !== "booked") throw new Error(outcome.kind);
  const lead = await database.prisma.lead.findUniqueOrThrow({ where: { reference: outcome.reference }, include: { booking: true } });
  return { lead, token: manageToken(testSettings.secret, lead.booking!.id) };
}
const rowsOf = (leadId: string) =>
  database.prisma.outboxMessage.findMany({ where: { leadId }, orderBy: { createdAt: "asc" }, select: { kind: true, status: true, recipient: true, slotStartsAt: true, previousStartsAt: true, inviteSequence: true, nextAttemptAt: true } });
const isOpen = async (at: Date) => (await listOpenSlots(database.prisma, testSettings.availability, testNow)).some((slot) => slot.startsAt.getTime() === at.getTime());

describe("the manage link", () => {
  it("opens its booking, and nothing opens from an unknown or malformed token", async () => {
    const { lead, token } = await booked();
    expect(await findManagedBooking(database.prisma, token, testNow)).toMatchObject({ kind: "open", booking: { id: lead.booking!.id, lead: { reference: lead.reference } } });
    expect(await findManagedBooking(database.prisma, manageToken("another-secret-another-secret-0000", lead.booking!.id), testNow)).toEqual({ kind: "unknown" });
    expect(await findManagedBooking(database.prisma, "../../etc/passwd", testNow)).toEqual({ kind: "unknown" });
    expect(await findManagedBooking(database.prisma, token, addMinutes(tuesdayNineAm, 1))).toMatchObject({ kind: "passed" });
  });
});

describe("moving a booking", () => {
  it("moves it in one go: SEQUENCE up, the old reminder withdrawn and a new one owed, the prospect's invite and staff's notice queued, the old time free", async () => {
    const { lead, token } = await booked();
    expect(await moveBooking(database.prisma, token, wednesdayNineAm, testSettings, testNow)).toMatchObject({ kind: "moved" });

    const booking = await database.prisma.booking.findUniqueOrThrow({ where: { id: lead.booking!.id } });
    expect(booking).toMatchObject({ startsAt: wednesdayNineAm, endsAt: addMinutes(wednesdayNineAm, 30), sequence: 1, status: "CONFIRMED" });
    const rows = await rowsOf(lead.id);
    expect(rows.map((row) => `${row.kind} ${row.status}`).sort()).toEqual([
      "BOOKING_CONFIRMATION PENDING",
      "BOOKING_MOVED PENDING",
      "BOOKING_REMINDER PENDING",
      "BOOKING_REMINDER WITHDRAWN",
      "STAFF_BOOKING_MOVED PENDING",
      "STAFF_NOTIFICATION PENDING",
    ]);
    const moved = rows.find((row) => row.kind === "BOOKING_MOVED")!;
    expect(moved).toMatchObject({ recipient: lead.email, slotStartsAt: wednesdayNineAm, previousStartsAt: tuesdayNineAm, inviteSequence: 1 });
    expect(rows.find((row) => row.kind === "STAFF_BOOKING_MOVED")!.recipient).toBe("staff@example.com");
    const reminder = rows.find((row) => row.kind === "BOOKING_REMINDER" && row.status === "PENDING")!;
    expect(reminder.nextAttemptAt).toEqual(new Date(wednesdayNineAm.getTime() - 24 * HOUR));
    expect(await isOpen(tuesdayNineAm), "the old time is offered again").toBe(true);
    expect(await isOpen(wednesdayNineAm)).toBe(false);
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { leadId: lead.id } });
    expect(audit.action).toBe("booking.moved_by_prospect");
  });

  it("refuses a time someone else holds, leaves the booking as it was, and offers the nearest open times", async () => {
    const { lead, token } = await booked();
    await booked(wednesdayNineAm);
    const outcome = await moveBooking(database.prisma, token, wednesdayNineAm, testSettings, testNow);
    expect(outcome.kind).toBe("slot-taken");
    expect(outcome.kind === "slot-taken" && outcome.nearest.length).toBeGreaterThan(0);
    expect(await database.prisma.booking.findUniqueOrThrow({ where: { id: lead.booking!.id } })).toMatchObject({ startsAt: tuesdayNineAm, sequence: 0 });
    expect((await rowsOf(lead.id)).map((row) => row.status)).toEqual(["PENDING", "PENDING", "PENDING"]);
  });

  it("lets exactly one of two prospects racing for the same time have it", async () => {
    const first = await booked();
    const second = await booked(addMinutes(tuesdayNineAm, 30));
    const outcomes = await Promise.all([first, second].map(({ token }) => moveBooking(database.prisma, token, wednesdayNineAm, testSettings, testNow)));
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(["moved", "slot-taken"]);
  });

  // PostgreSQL only: PGlite runs one transaction at a time, so nothing there can deadlock.
  it.runIf(process.env.DATABASE_URL)("takes a deadlock with another booking's write as a lost race: tries again rather than failing", async () => {
    // Another transaction holds the new time, uncommitted, and the move waits for it; that
    // transaction then writes the booking being moved, which the move has locked. PostgreSQL aborts
    // the one that waited first, the move, with 40P01.
    const { lead, token } = await booked();
    const other = await booked(addMinutes(wednesdayNineAm, 60));
    let move: ReturnType<typeof moveBooking> | undefined;
    const rolledBack = new Error("rolled back on purpose");
    const transaction = database.prisma.$transaction(
      async (tx) => {
        await tx.booking.update({ where: { id: other.lead.booking!.id }, data: { startsAt: wednesdayNineAm, endsAt: addMinutes(wednesdayNineAm, 30) } });
        move = moveBooking(database.prisma, token, wednesdayNineAm, testSettings, testNow);
        await eventually(() => someoneWaitsForALock(database.prisma), "the move waiting for the other transaction");
        await tx.booking.update({ where: { id: lead.booking!.id }, data: { sequence: { increment: 0 } } });
        throw rolledBack;
      },
      { timeout: 30_000 },
    );
    await expect(transaction).rejects.toBe(rolledBack);
    expect(await move).toMatchObject({ kind: "moved" });
    expect(await database.prisma.booking.findUniqueOrThrow({ where: { id: lead.booking!.id } })).toMatchObject({ startsAt: wednesdayNineAm, sequence: 1 });
  }, 30_000);

  it("refuses a time the firm does not offer, and does nothing for the same time", async () => {
    const { token } = await booked();
    const saturday = new Date("2026-12-05T15:00:00.000Z");
    expect((await moveBooking(database.prisma, token, saturday, testSettings, testNow)).kind).toBe("slot-unavailable");
    expect(await moveBooking(database.prisma, token, tuesdayNineAm, testSettings, testNow)).toEqual({ kind: "unchanged" });
  });
});

describe("cancelling a booking", () => {
  it("cancels it: the time free at once, the reminder withdrawn, a METHOD:CANCEL invite and staff's notice owed", async () => {
    const { lead, token } = await booked();
    expect(await cancelBooking(database.prisma, token, testSettings, testNow)).toEqual({ kind: "cancelled" });
    expect(await database.prisma.booking.findUniqueOrThrow({ where: { id: lead.booking!.id } })).toMatchObject({ status: "CANCELLED", sequence: 1 });
    const rows = await rowsOf(lead.id);
    expect(rows.find((row) => row.kind === "BOOKING_REMINDER")!.status).toBe("WITHDRAWN");
    expect(rows.find((row) => row.kind === "BOOKING_CANCELLED")).toMatchObject({ status: "PENDING", recipient: lead.email, inviteSequence: 1, slotStartsAt: tuesdayNineAm });
    expect(rows.find((row) => row.kind === "STAFF_BOOKING_CANCELLED")).toMatchObject({ recipient: "staff@example.com" });
    expect(await isOpen(tuesdayNineAm)).toBe(true);
    expect(await findManagedBooking(database.prisma, token, testNow)).toMatchObject({ kind: "cancelled" });
  });

  it("is done once: the link then neither cancels again nor moves", async () => {
    const { lead, token } = await booked();
    await cancelBooking(database.prisma, token, testSettings, testNow);
    expect(await cancelBooking(database.prisma, token, testSettings, testNow)).toEqual({ kind: "not-cancellable" });
    expect(await moveBooking(database.prisma, token, wednesdayNineAm, testSettings, testNow)).toEqual({ kind: "not-movable" });
    expect(await database.prisma.outboxMessage.count({ where: { leadId: lead.id } })).toBe(5);
  });

  it("cannot cancel a call that has started", async () => {
    const { token } = await booked();
    expect(await cancelBooking(database.prisma, token, testSettings, addMinutes(tuesdayNineAm, 5))).toEqual({ kind: "not-cancellable" });
  });
});
