import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied, type Staff } from "../auth/verify-staff";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { createMailboxTransport } from "../email/mailbox-transport";
import { bookLater } from "../worker/worker-test-fixtures";
import { addNote, changeLead } from "./change-lead";
import { ERASED, eraseLead } from "./erase-lead";
import { staffMember } from "./leads-test-fixtures";

let database: TestDatabase;
let admin: Staff;
let staff: Staff;
beforeAll(async () => {
  database = await createTestDatabase();
  admin = (await staffMember(database.prisma, "ADMIN", "Ada Admin")).staff;
  staff = (await staffMember(database.prisma, "STAFF", "Sam Staff")).staff;
});
afterAll(() => database.destroy());

describe("erasing a lead on request", () => {
  it("removes the personal data everywhere it is held, frees the call, keeps an anonymous record, and audits the erasure", async () => {
    const { lead, booking } = await bookLater(database.prisma);
    const db = database.prisma;
    await changeLead(db, staff, { leadId: lead.id, version: 0, change: { status: "CONTACTED" }, ip: "203.0.113.5" });
    await addNote(db, staff, { leadId: lead.id, body: `Spoke to ${lead.fullName} on ${lead.phone}`, ip: "203.0.113.5" });
    const confirmation = await db.outboxMessage.findFirstOrThrow({ where: { leadId: lead.id, kind: "BOOKING_CONFIRMATION" } });
    await createMailboxTransport(db).send({ from: "f@x.test", to: [lead.email], subject: `Hi ${lead.fullName}`, html: "<p>x</p>", text: "x", attachments: [] }, { idempotencyKey: confirmation.id });

    expect(await eraseLead(db, admin, { leadId: lead.id, ip: "198.51.100.7" })).toBe("erased");

    const after = await db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(after).toMatchObject({ reference: lead.reference, fullName: ERASED, company: ERASED, phone: null, message: null, jobRole: null, utmSource: null, landingPage: null, status: "CONTACTED", topic: lead.topic });
    expect(after.email).not.toContain(lead.email);
    expect(after.erasedAt).toBeInstanceOf(Date);
    expect(await db.note.count({ where: { leadId: lead.id } })).toBe(0);
    expect(await db.mailboxMessage.count({ where: { outbox: { leadId: lead.id } } })).toBe(0);
    const outbox = await db.outboxMessage.findMany({ where: { leadId: lead.id } });
    expect(outbox.every((row) => row.recipient === ERASED && row.status === "WITHDRAWN")).toBe(true);
    expect(await db.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({ status: "CANCELLED", manageTokenHash: null });
    const audit = await db.auditEvent.findMany({ where: { leadId: lead.id }, orderBy: { createdAt: "asc" } });
    expect(audit.filter((event) => event.action !== "lead.erase").every((event) => event.detail === null)).toBe(true);
    expect(audit.at(-1)).toMatchObject({ action: "lead.erase", actorId: admin.id, ip: "198.51.100.7", detail: null });
    const everything = JSON.stringify(await db.lead.findUniqueOrThrow({ where: { id: lead.id }, include: { notes: true, outbox: { include: { mailbox: true } }, auditEvents: true, booking: true } }));
    for (const personal of [lead.fullName, lead.email, lead.phone!, lead.company]) expect(everything, personal).not.toContain(personal);
  });

  it("is for admins only", async () => {
    const { lead } = await bookLater(database.prisma, 1);
    await expect(eraseLead(database.prisma, staff, { leadId: lead.id, ip: "203.0.113.5" })).rejects.toEqual(new AccessDenied(403));
    expect((await database.prisma.lead.findUniqueOrThrow({ where: { id: lead.id } })).erasedAt).toBeNull();
  });
});
