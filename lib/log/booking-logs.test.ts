import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testSettings } from "../booking/booking-test-fixtures";
import { moveBooking } from "../booking/move-booking";
import { manageToken } from "../booking/manage-token";
import { listOpenSlots } from "../booking/list-open-slots";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { startFakeResend, type FakeResend } from "../email/fake-resend-server";
import { createResendTransport } from "../email/resend-transport";
import { runWithRequestContext } from "../http/request-context";
import { bookLater, eventually, testWorker } from "../worker/worker-test-fixtures";
import { captureLogLines } from "./capture-log-lines";
import { loggerFor } from "./logger";

// A booking followed by its request id from the booking, through the outbox rows it writes, to the
// worker's sends, in the log lines as they would reach stdout: JSON, and without the person in them.

let database: TestDatabase;
let fake: FakeResend;

beforeAll(async () => {
  [database, fake] = await Promise.all([createTestDatabase(), startFakeResend()]);
});
afterAll(async () => {
  await Promise.all([database.destroy(), fake.close()]);
});

describe("a booking's log lines", () => {
  it("are JSON, carry the request id from the booking to the provider, and never name the prospect", async () => {
    const capture = captureLogLines();
    const worker = testWorker(database.prisma, createResendTransport({ apiKey: "re_test", baseUrl: fake.url, timeoutMs: 2_000 }), {
      log: loggerFor("outbox"),
    });
    try {
      const person = { fullName: "Zelda Quill-Marrow", email: "zelda.quillmarrow@example.org", phone: "+1 917 555 0142", message: "Our warehouse in Tulsa needs a rethink." };
      const booked = await runWithRequestContext({ requestId: "req-book-00000001" }, () => bookLater(database.prisma, 0, { form: person }));
      // The first send fails once (the provider's 500), then goes: a retry line too.
      fake.failNext(1, { kind: "error" });
      await worker.start();
      await eventually(async () => (await database.prisma.outboxMessage.count({ where: { status: "SENT" } })) === 2, "confirmation and staff notice sent");

      // A move is a request of its own, and its rows say so.
      const later = (await listOpenSlots(database.prisma, testSettings.availability, new Date())).at(-1)!;
      const moved = await runWithRequestContext({ requestId: "req-move-00000002" }, () =>
        moveBooking(database.prisma, manageToken(testSettings.secret, booked.booking.id), later.startsAt, testSettings),
      );
      expect(moved.kind).toBe("moved");
      await eventually(async () => (await database.prisma.outboxMessage.count({ where: { status: "SENT" } })) === 4, "the move's two emails sent");

      const rows = await database.prisma.outboxMessage.findMany({ select: { kind: true, requestId: true }, orderBy: { createdAt: "asc" } });
      expect(rows.filter((row) => row.requestId === "req-book-00000001").map((row) => row.kind).sort()).toEqual(["BOOKING_CONFIRMATION", "BOOKING_REMINDER", "STAFF_NOTIFICATION"]);
      expect(rows.filter((row) => row.requestId === "req-move-00000002").map((row) => row.kind).sort()).toEqual(["BOOKING_MOVED", "BOOKING_REMINDER", "STAFF_BOOKING_MOVED"]);

      const text = capture.raw.join("");
      const entries = capture.entries();
      expect(text.split("\n").filter(Boolean)).toHaveLength(entries.length);
      for (const personal of [person.fullName, "Zelda", "Quill", person.email, "quillmarrow", "555 0142", "Tulsa", booked.request.formToken]) {
        expect(text, `"${personal}" in the logs`).not.toContain(personal);
      }

      const ofBooking = entries.filter((entry) => entry.requestId === "req-book-00000001");
      const said = (msg: string, kind?: string) => ofBooking.filter((entry) => entry.msg === msg && (!kind || entry.kind === kind));
      expect(said("booked")).toEqual([expect.objectContaining({ component: "booking", reference: booked.lead.reference, spam: false })]);
      for (const kind of ["BOOKING_CONFIRMATION", "STAFF_NOTIFICATION"]) expect(said("sent", kind), kind).toHaveLength(1);
      // Whichever of the two reached the provider first got its 500: that one was claimed twice.
      const retried = said("attempt failed, will retry");
      expect(retried).toEqual([expect.objectContaining({ level: "warn", component: "outbox", attempt: 1, reason: expect.stringContaining("500") })]);
      expect(said("claimed", retried[0]!.kind as string)).toHaveLength(2);
      expect(said("claimed")).toHaveLength(3);
      const ofMove = entries.filter((entry) => entry.requestId === "req-move-00000002").map((entry) => `${entry.msg} ${entry.kind ?? ""}`.trim());
      expect(ofMove).toEqual(expect.arrayContaining(["booking moved", "sent BOOKING_MOVED", "sent STAFF_BOOKING_MOVED"]));
      for (const entry of entries) expect(entry).toMatchObject({ level: expect.any(String), time: expect.any(String), component: expect.any(String), msg: expect.any(String) });
    } finally {
      await worker.stop();
      capture.stop();
    }
  });

  it("hold a database error's codes but not its text, which quotes the values it refused", async () => {
    const { lead } = await bookLater(database.prisma, 1, { form: { email: "yusuf.vantongeren@example.org" } });
    const capture = captureLogLines();
    try {
      // PostgreSQL's own message: invalid input syntax for type integer: "yusuf.vantongeren@example.org".
      const refused = await database.prisma.$queryRaw`SELECT "email"::int FROM "Lead" WHERE "id" = ${lead.id}::uuid`.catch((error: unknown) => error);
      expect(String(refused)).toContain("vantongeren");
      loggerFor("booking").error({ err: refused }, "could not book");
      const [entry] = capture.entries();
      expect(capture.raw.join("")).not.toContain("vantongeren");
      expect(entry!.err).toMatchObject({ type: expect.stringMatching(/^Prisma/), code: "P2010", sqlState: "22P02", message: expect.stringContaining("not logged"), stack: expect.stringMatching(/^at /) });
    } finally {
      capture.stop();
    }
  });
});
