import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { bookLater } from "@/lib/worker/worker-test-fixtures";

// Signed as Resend signs (Standard Webhooks, which Svix implements): v1,base64(HMAC-SHA256(key, "id.timestamp.body")).
const secretKey = Buffer.from("a webhook signing key for tests!");
const webhookSecret = `whsec_${secretKey.toString("base64")}`;

let database: TestDatabase;
let POST: (request: Request) => Promise<Response>;
beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url ?? "";
  process.env.RESEND_WEBHOOK_SECRET = webhookSecret;
  ({ POST } = await import("./route"));
});
afterAll(async () => {
  const { getDatabase } = await import("@/lib/db/database");
  await getDatabase().then((db) => db.close(), () => {});
  await database.destroy();
});

type Signed = { id?: string; timestamp?: number; secret?: Buffer; signature?: string };
function webhook(payload: unknown, { id = `msg_${randomUUID()}`, timestamp = Math.floor(Date.now() / 1000), secret = secretKey, signature }: Signed = {}) {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const signed = signature ?? `v1,${createHmac("sha256", secret).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
  return new Request("http://localhost/api/webhooks/resend", {
    method: "POST",
    headers: { "content-type": "application/json", "svix-id": id, "svix-timestamp": String(timestamp), "svix-signature": signed },
    body,
  });
}

const event = (type: string, outboxId: string | undefined, createdAt: string, emailId = "unknown-email-id") => ({
  type,
  created_at: createdAt,
  data: { email_id: emailId, created_at: createdAt, from: "a@b.c", to: ["d@e.f"], subject: "s", ...(outboxId ? { tags: { outbox_id: outboxId } } : {}) },
});

async function sentConfirmation() {
  const { lead } = await bookLater(database.prisma, Math.floor(Math.random() * 20));
  const providerMessageId = randomUUID();
  return database.prisma.outboxMessage.update({
    where: { id: (await database.prisma.outboxMessage.findFirstOrThrow({ where: { leadId: lead.id, kind: "BOOKING_CONFIRMATION" } })).id },
    data: { status: "SENT", sentAt: new Date(), providerMessageId },
  });
}
const statusOf = async (id: string) => (await database.prisma.outboxMessage.findUniqueOrThrow({ where: { id } })).deliveryStatus;

describe("POST /api/webhooks/resend", () => {
  it("records a delivered event on the email's row, found by Resend's message id", async () => {
    const row = await sentConfirmation();
    const response = await POST(webhook(event("email.delivered", undefined, new Date().toISOString(), row.providerMessageId!)));
    expect(response.status).toBe(200);
    expect(await statusOf(row.id)).toBe("DELIVERED");
    expect(await database.prisma.emailEvent.count({ where: { outboxId: row.id } })).toBe(1);
  });

  it("answers 401 to a missing, wrong, forged or stale signature, and records nothing", async () => {
    const row = await sentConfirmation();
    const payload = event("email.bounced", row.id, new Date().toISOString());
    const unsigned = new Request("http://localhost/api/webhooks/resend", { method: "POST", body: JSON.stringify(payload) });
    const answers = await Promise.all([
      POST(unsigned),
      POST(webhook(payload, { secret: Buffer.from("some other key, not the real one") })),
      POST(webhook(payload, { signature: "v1,bm90IGEgc2lnbmF0dXJl" })),
      POST(webhook(payload, { timestamp: Math.floor(Date.now() / 1000) - 3_600 })),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 401]);
    expect(await statusOf(row.id)).toBeNull();
  });

  it("rejects a body altered after signing", async () => {
    const row = await sentConfirmation();
    const request = webhook(event("email.delivered", row.id, new Date().toISOString()), { id: "msg_fixed" });
    const tampered = new Request(request.url, { method: "POST", headers: request.headers, body: JSON.stringify(event("email.bounced", row.id, new Date().toISOString())) });
    expect((await POST(tampered)).status).toBe(401);
  });

  it("changes nothing on a replayed event", async () => {
    const row = await sentConfirmation();
    const id = `msg_${randomUUID()}`;
    const delivered = event("email.delivered", row.id, new Date().toISOString());
    expect((await POST(webhook(delivered, { id }))).status).toBe(200);
    expect((await POST(webhook(delivered, { id }))).status).toBe(200);
    expect(await database.prisma.emailEvent.count({ where: { outboxId: row.id } })).toBe(1);
    expect(await statusOf(row.id)).toBe("DELIVERED");
  });

  it("never moves a status backwards when events arrive out of order", async () => {
    const row = await sentConfirmation();
    const at = (seconds: number) => new Date(Date.now() - 60_000 + seconds * 1000).toISOString();
    for (const [type, seconds] of [["email.bounced", 3], ["email.delivered", 2], ["email.sent", 0], ["email.delivery_delayed", 1]] as const) {
      expect((await POST(webhook(event(type, row.id, at(seconds))))).status).toBe(200);
    }
    expect(await statusOf(row.id)).toBe("BOUNCED");
    expect(await database.prisma.emailEvent.count({ where: { outboxId: row.id } }), "every event kept for the timeline").toBe(4);
  });

  it("finds the row by its tag even before the send was recorded", async () => {
    const { lead } = await bookLater(database.prisma, 25);
    const row = await database.prisma.outboxMessage.findFirstOrThrow({ where: { leadId: lead.id, kind: "STAFF_NOTIFICATION" } });
    expect((await POST(webhook(event("email.sent", row.id, new Date().toISOString())))).status).toBe(200);
    expect(await statusOf(row.id)).toBe("SENT");
  });

  it("acknowledges and ignores events for unknown emails and events it does not track", async () => {
    const before = await database.prisma.emailEvent.count();
    expect((await POST(webhook(event("email.delivered", randomUUID(), new Date().toISOString())))).status).toBe(200);
    expect((await POST(webhook(event("email.opened", undefined, new Date().toISOString())))).status).toBe(200);
    expect((await POST(webhook({ type: "contact.created", created_at: new Date().toISOString(), data: {} }))).status).toBe(200);
    expect(await database.prisma.emailEvent.count()).toBe(before);
  });

  it("acknowledges and ignores a signed event with a date or message id PostgreSQL cannot store", async () => {
    const row = await sentConfirmation();
    for (const createdAt of ["-271821-04-20T00:00:00Z", "+275760-09-13T00:00:00Z", "yesterday", "2026-02-30T25:00:00Z"]) {
      expect((await POST(webhook(event("email.delivered", row.id, createdAt, row.providerMessageId!)))).status, createdAt).toBe(200);
    }
    expect((await POST(webhook(event("email.delivered", undefined, new Date().toISOString(), "id\u0000with-nul")))).status).toBe(200);
    expect(await statusOf(row.id), "no delivery status recorded").toBeNull();
  });

  it("refuses a body over its size limit with 413 before checking anything else", async () => {
    const response = await POST(webhook({ type: "email.delivered", padding: "x".repeat(100_000) }));
    expect(response.status).toBe(413);
  });
});
