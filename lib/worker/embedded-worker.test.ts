import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../db/open-database";
import { createMailboxTransport } from "../email/mailbox-transport";
import { latestMailboxMessages } from "../email/latest-mailbox-messages";
import { bookLater, eventually, testWorker } from "./worker-test-fixtures";

// The embedded default: PGlite in this process, no RESEND_API_KEY, so emails land in the dev mailbox.

let database: Database;
beforeAll(async () => {
  database = openDatabase({ kind: "embedded", dataDir: "memory://" });
  await database.migrate();
});
afterAll(() => database.close());

describe("the worker on the embedded database, delivering to the dev mailbox", () => {
  it("is woken by the booking's commit and stores both emails, rendered, with the invite", async () => {
    const transport = createMailboxTransport(database.prisma);
    const worker = testWorker(database.prisma, transport, { pollSeconds: 300, listen: (onWake) => database.listen("outbox", onWake) });
    await worker.start();
    try {
      const { lead } = await bookLater(database.prisma);
      const stored = await eventually(async () => {
        const rows = await database.prisma.mailboxMessage.findMany({ include: { outbox: true } });
        return rows.length === 2 && rows;
      }, "two mailbox messages");
      const confirmation = stored.find((row) => row.outbox.kind === "BOOKING_CONFIRMATION")!;
      expect(confirmation.to).toEqual([lead.email]);
      expect(confirmation.html).toContain(lead.reference);
      const [invite] = confirmation.attachments as Array<{ filename: string; contentType: string; content: string }>;
      expect(invite!.filename).toBe("invite.ics");
      const calendar = new ICAL.Component(ICAL.parse(Buffer.from(invite!.content, "base64").toString("utf8")));
      expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
      await eventually(async () => (await database.prisma.outboxMessage.count({ where: { status: "SENT" } })) === 2, "rows marked sent");
      const rows = await database.prisma.outboxMessage.findMany({ where: { status: "SENT" } });
      expect(rows.every((row) => row.providerMessageId?.startsWith("mailbox:"))).toBe(true);

      const listing = await latestMailboxMessages(database.prisma, 5);
      expect(listing.map((message) => message.subject).sort()).toEqual(stored.map((row) => row.subject).sort());
    } finally {
      await worker.stop();
    }
  });

  it("stores a retried row's email once", async () => {
    const transport = createMailboxTransport(database.prisma);
    const { lead } = await bookLater(database.prisma, 1);
    const row = await database.prisma.outboxMessage.findFirstOrThrow({ where: { leadId: lead.id, kind: "BOOKING_CONFIRMATION" } });
    const message = { from: "a@example.com", to: [lead.email], subject: "Hello", html: "<p>Hi</p>", text: "Hi", attachments: [] };
    const first = await transport.send(message, { idempotencyKey: row.id });
    const second = await transport.send(message, { idempotencyKey: row.id });
    expect(first).toEqual(second);
    expect(await database.prisma.mailboxMessage.count({ where: { outboxId: row.id } })).toBe(1);
  });
});
