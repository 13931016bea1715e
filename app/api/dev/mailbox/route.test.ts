import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { mailboxReadKey } from "@/lib/email/latest-mailbox-messages";

// What `npm run mailbox` reads from a running app: only with the key only the app's own folder holds.

const secret = "a-mailbox-test-secret-a-mailbox-test-secret";
let database: TestDatabase;
let GET: (request: Request) => Promise<Response>;
beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url ?? "";
  process.env.AUTH_SECRET = secret;
  delete process.env.RESEND_API_KEY;
  ({ GET } = await import("./route"));
});
afterAll(async () => {
  const { getDatabase } = await import("@/lib/db/database");
  await getDatabase().then((db) => db.close(), () => {});
  await database.destroy();
});

const ask = (key?: string) => GET(new Request("http://localhost/api/dev/mailbox?limit=2", key ? { headers: { authorization: `Bearer ${key}` } } : {}));

describe("GET /api/dev/mailbox", () => {
  it("is not there for anyone without the key", async () => {
    expect((await ask()).status).toBe(404);
    expect((await ask(mailboxReadKey("some other secret, some other secret"))).status).toBe(404);
  });

  it("lists the newest messages for the key derived from the app secret", async () => {
    const lead = await database.prisma.lead.create({
      data: { reference: "OPS-MAILBX", formToken: "t-mailbox", fullName: "M", email: "m@example.com", company: "C", companySize: "SIZE_1_10", topic: "OTHER", timeZone: "UTC", consentAt: new Date() },
    });
    const outbox = await database.prisma.outboxMessage.create({ data: { leadId: lead.id, kind: "BOOKING_CONFIRMATION", recipient: "m@example.com", status: "SENT" } });
    await database.prisma.mailboxMessage.create({
      data: { outboxId: outbox.id, from: "f@example.com", to: ["m@example.com"], subject: "Your call", html: "<p>Hi</p>", text: "Hi", attachments: [{ filename: "invite.ics", contentType: "text/calendar", content: "" }] },
    });
    const response = await ask(mailboxReadKey(secret));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([expect.objectContaining({ to: ["m@example.com"], subject: "Your call", text: "Hi", attachments: ["invite.ics"] })]);
  });
});
