import { addDays, addMinutes } from "date-fns";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { bookConsultation } from "./book-consultation";
import { bookingRequest, testNow, testSettings, tuesdayNineAm } from "./booking-test-fixtures";
import { cancelBooking } from "./cancel-booking";
import { listOpenSlots } from "./list-open-slots";
import { manageToken } from "./manage-token";
import { moveBooking } from "./move-booking";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());
beforeEach(async () => {
  await database.prisma.$executeRawUnsafe(`TRUNCATE "Lead", "Booking", "OutboxMessage", "RateLimitBucket", "Calendar", "User" CASCADE`);
});

const db = () => database.prisma;
const book = (at: Date) => bookConsultation(db(), bookingRequest({ form: { slot: at.toISOString() } }), testSettings, testNow);
const isOpen = async (at: Date) => (await listOpenSlots(db(), testSettings.availability, testNow)).some((slot) => slot.startsAt.getTime() === at.getTime());

let people = 0;
async function consultant(hours: { timeZone?: string; workingDays?: string[]; dayStart?: string; dayEnd?: string } = {}) {
  people += 1;
  return db().user.create({
    data: { email: `consultant-${people}@firm.example`, name: `Consultant ${people}`, passwordHash: "x", takesCalls: true, ...hours },
  });
}

async function busy(consultantId: string, startsAt: Date, endsAt: Date, kind: "CALDAV" | "ICS_FEED" = "ICS_FEED", writeBookings = false) {
  const calendar = await db().calendar.create({ data: { consultantId, kind, label: "Work", secret: "sealed", host: "cal.example", writeBookings } });
  await db().busyInterval.create({ data: { calendarId: calendar.id, consultantId, startsAt, endsAt } });
  return calendar;
}

async function bookingAt(at: Date) {
  return db().booking.findFirstOrThrow({ where: { startsAt: at, status: "CONFIRMED" }, include: { lead: true } });
}

describe("consultants", () => {
  it("with none set up, the firm takes every call itself, as before", async () => {
    expect((await book(tuesdayNineAm)).kind).toBe("booked");
    expect(await bookingAt(tuesdayNineAm)).toMatchObject({ consultantId: null, lead: { ownerId: null } });
    expect((await book(tuesdayNineAm)).kind).toBe("slot-taken");
  });

  it("offers a time while one consultant is free for it, and gives each prospect a different consultant", async () => {
    const [ada, grace] = [await consultant(), await consultant()];
    expect((await book(tuesdayNineAm)).kind).toBe("booked");
    expect(await isOpen(tuesdayNineAm)).toBe(true);
    expect((await book(tuesdayNineAm)).kind).toBe("booked");
    expect(await isOpen(tuesdayNineAm)).toBe(false);
    expect(await book(tuesdayNineAm)).toMatchObject({ kind: "slot-taken", nearest: [{ startsAt: addMinutes(tuesdayNineAm, 30) }, expect.anything(), expect.anything()] });
    const owners = (await db().booking.findMany({ where: { startsAt: tuesdayNineAm }, include: { lead: true } })).map((booking) => {
      expect(booking.lead.ownerId).toBe(booking.consultantId);
      return booking.consultantId;
    });
    expect(owners.sort()).toEqual([ada.id, grace.id].sort());
  });

  it("names the consultant to staff, and tells the consultant too", async () => {
    const ada = await consultant();
    await book(tuesdayNineAm);
    const notice = await db().outboxMessage.findFirstOrThrow({ where: { kind: "STAFF_NOTIFICATION" } });
    expect(notice.recipient).toBe(`staff@example.com, ${ada.email}`);
  });

  it("spreads 30 bookings evenly over three equally free consultants", async () => {
    const team = [await consultant(), await consultant(), await consultant()];
    for (let n = 0; n < 30; n++) expect((await book(addMinutes(addDays(tuesdayNineAm, Math.floor(n / 10)), (n % 10) * 30))).kind).toBe("booked");
    const calls = await db().booking.groupBy({ by: ["consultantId"], _count: true });
    expect(calls.map((row) => [row.consultantId, row._count]).sort()).toEqual(team.map((member) => [member.id, 10]).sort());
  });

  it("gives the call to the consultant with the fewest coming calls, then to the one booked least recently", async () => {
    const [ada, grace] = [await consultant(), await consultant()];
    // Ada is busy at 09:00, so Grace takes it; at 09:30 both are free and Ada has fewer calls.
    await busy(ada.id, tuesdayNineAm, addMinutes(tuesdayNineAm, 30));
    await book(tuesdayNineAm);
    expect((await bookingAt(tuesdayNineAm)).consultantId).toBe(grace.id);
    await book(addMinutes(tuesdayNineAm, 30));
    expect((await bookingAt(addMinutes(tuesdayNineAm, 30))).consultantId).toBe(ada.id);
    // One call each: Grace was booked first, so least recently.
    await book(addMinutes(tuesdayNineAm, 60));
    expect((await bookingAt(addMinutes(tuesdayNineAm, 60))).consultantId).toBe(grace.id);
  });

  it("never offers a time every consultant's calendar has taken", async () => {
    const [ada, grace] = [await consultant(), await consultant()];
    const tenAm = addMinutes(tuesdayNineAm, 60);
    await busy(ada.id, tenAm, addMinutes(tenAm, 45));
    expect(await isOpen(tenAm)).toBe(true);
    await busy(grace.id, addMinutes(tenAm, -15), addMinutes(tenAm, 15));
    expect(await isOpen(tenAm)).toBe(false);
    expect(await isOpen(addMinutes(tenAm, 30))).toBe(true);
    expect((await book(tenAm)).kind).toBe("slot-taken");
    expect(await db().lead.count()).toBe(0);
  });

  it("offers each consultant's own hours in their own zone", async () => {
    // 08:00 in London is 03:00 in New York: outside the firm's hours, inside hers.
    await consultant({ timeZone: "Europe/London", workingDays: ["wed"], dayStart: "08:00", dayEnd: "12:00" });
    const londonEight = new Date("2026-12-02T08:00:00Z");
    const wednesdayNineAmNewYork = addDays(tuesdayNineAm, 1);
    expect(await isOpen(londonEight)).toBe(true);
    expect(await isOpen(wednesdayNineAmNewYork)).toBe(false);
    expect(await isOpen(addDays(londonEight, 1))).toBe(false);
    expect((await book(wednesdayNineAmNewYork)).kind).toBe("slot-unavailable");
    expect((await book(londonEight)).kind).toBe("booked");
  });

  it("with two consultants free, two prospects racing for one time both get it; with one free, exactly one does", async () => {
    await consultant();
    await consultant();
    const both = await Promise.all([book(tuesdayNineAm), book(tuesdayNineAm)]);
    expect(both.map((outcome) => outcome.kind)).toEqual(["booked", "booked"]);
    const racers = await Promise.all(Array.from({ length: 6 }, () => book(addMinutes(tuesdayNineAm, 30))));
    expect(racers.filter((outcome) => outcome.kind === "booked")).toHaveLength(2);
    expect(racers.filter((outcome) => outcome.kind === "slot-taken")).toHaveLength(4);
    expect(await db().booking.count({ where: { startsAt: addMinutes(tuesdayNineAm, 30) } })).toBe(2);
  });

  it("lets the database refuse a second booking for one consultant at an overlapping time", async () => {
    const ada = await consultant();
    await book(tuesdayNineAm);
    const lead = await db().lead.create({
      data: { reference: "OPS-RACE01", formToken: "race", fullName: "R", email: "r@example.com", company: "R", companySize: "SIZE_1_10", topic: "OTHER", timeZone: "UTC", consentAt: testNow },
    });
    await expect(
      db().$executeRaw`INSERT INTO "Booking" ("id", "leadId", "startsAt", "endsAt", "consultantId", "updatedAt")
        VALUES (gen_random_uuid(), ${lead.id}::uuid, ${addMinutes(tuesdayNineAm, 15)}, ${addMinutes(tuesdayNineAm, 45)}, ${ada.id}::uuid, now())`,
    ).rejects.toThrow(/Booking_no_overlap|23P01/);
  });

  it("writes the call to the consultant's CalDAV calendar through the outbox, and not to a feed", async () => {
    const ada = await consultant();
    const diary = await busy(ada.id, addDays(tuesdayNineAm, 3), addDays(tuesdayNineAm, 3), "CALDAV", true);
    await busy(ada.id, addDays(tuesdayNineAm, 4), addDays(tuesdayNineAm, 4), "ICS_FEED");
    await book(tuesdayNineAm);
    expect(await db().outboxMessage.findMany({ where: { kind: "CALENDAR_EVENT" }, select: { calendarId: true, recipient: true } })).toEqual([
      { calendarId: diary.id, recipient: ada.email },
    ]);
  });

  it("keeps a moved call with its consultant when they are free then, else gives it and the lead to another", async () => {
    const [ada, grace] = [await consultant(), await consultant()];
    const diary = await busy(ada.id, addDays(tuesdayNineAm, 5), addDays(tuesdayNineAm, 5), "CALDAV", true);
    await db().user.update({ where: { id: grace.id }, data: { takesCalls: false } });
    await book(tuesdayNineAm);
    await db().user.update({ where: { id: grace.id }, data: { takesCalls: true } });
    const booking = await bookingAt(tuesdayNineAm);
    expect(booking.consultantId).toBe(ada.id);
    const token = manageToken(testSettings.secret, booking.id);

    const tenAm = addMinutes(tuesdayNineAm, 60);
    expect((await moveBooking(db(), token, tenAm, testSettings, testNow)).kind).toBe("moved");
    expect(await bookingAt(tenAm)).toMatchObject({ consultantId: ada.id, lead: { ownerId: ada.id } });

    const elevenAm = addMinutes(tuesdayNineAm, 120);
    await busy(ada.id, elevenAm, addMinutes(elevenAm, 30));
    expect((await moveBooking(db(), token, elevenAm, testSettings, testNow)).kind).toBe("moved");
    expect(await bookingAt(elevenAm)).toMatchObject({ consultantId: grace.id, lead: { ownerId: grace.id } });
    // Ada's diary hears of both moves: the second takes the call out of it.
    expect(await db().outboxMessage.count({ where: { kind: "CALENDAR_EVENT", calendarId: diary.id } })).toBe(3);

    expect(await cancelBooking(db(), token, testSettings, testNow)).toEqual({ kind: "cancelled" });
    const cancelNotice = await db().outboxMessage.findFirstOrThrow({ where: { kind: "STAFF_BOOKING_CANCELLED" } });
    expect(cancelNotice.recipient).toBe(`staff@example.com, ${grace.email}`);
  });

  it("moves a call to the slot next to its own time, which its own booking does not block", async () => {
    await consultant();
    await book(tuesdayNineAm);
    const booking = await bookingAt(tuesdayNineAm);
    const settings = { ...testSettings, availability: { ...testSettings.availability, bufferMinutes: 15 } };
    const next = addMinutes(tuesdayNineAm, 45);
    expect((await moveBooking(db(), manageToken(testSettings.secret, booking.id), next, settings, testNow)).kind).toBe("moved");
  });
});
