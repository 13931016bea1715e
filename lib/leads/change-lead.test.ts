import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AccessDenied, type Staff } from "../auth/verify-staff";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { addNote, changeLead, retryEmail } from "./change-lead";
import { createLead, staffMember } from "./leads-test-fixtures";

let database: TestDatabase;
let ann: Staff;
let bob: Staff;
beforeAll(async () => {
  database = await createTestDatabase();
  ann = (await staffMember(database.prisma, "STAFF", "Ann")).staff;
  bob = (await staffMember(database.prisma, "ADMIN", "Bob")).staff;
});
afterAll(() => database.destroy());
beforeEach(async () => {
  await database.prisma.$executeRawUnsafe(`TRUNCATE "Lead", "Booking", "OutboxMessage", "Note", "AuditEvent" CASCADE`);
});

const IP = "203.0.113.9";
const leadRow = (id: string) => database.prisma.lead.findUniqueOrThrow({ where: { id }, select: { status: true, ownerId: true, version: true } });
const auditOf = (leadId: string) =>
  database.prisma.auditEvent.findMany({ where: { leadId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { action: true, actorId: true, detail: true, ip: true } });
const handMade = (staff: Staff) => ({ id: staff.id, email: staff.email, name: staff.name, role: staff.role }) as unknown as Staff;

describe("changing a lead's status", () => {
  it("changes it, moves its version on and audits who changed it from what to what, and from where", async () => {
    const lead = await createLead(database.prisma);
    expect(await changeLead(database.prisma, ann, { leadId: lead.id, version: 0, change: { status: "CONTACTED" }, ip: IP })).toEqual({ kind: "changed" });
    expect(await leadRow(lead.id)).toEqual({ status: "CONTACTED", ownerId: null, version: 1 });
    expect(await auditOf(lead.id)).toEqual([{ action: "lead.status", actorId: ann.id, detail: { from: "NEW", to: "CONTACTED" }, ip: IP }]);

    expect(await changeLead(database.prisma, bob, { leadId: lead.id, version: 1, change: { status: "QUALIFIED" }, ip: IP })).toEqual({ kind: "changed" });
    expect(await leadRow(lead.id)).toMatchObject({ status: "QUALIFIED", version: 2 });
    expect((await auditOf(lead.id)).map((row) => row.detail)).toEqual([{ from: "NEW", to: "CONTACTED" }, { from: "CONTACTED", to: "QUALIFIED" }]);
  });

  it("tells the second of two people who saw the same version of the conflict, and keeps the first one's change", async () => {
    const lead = await createLead(database.prisma);
    expect(await changeLead(database.prisma, ann, { leadId: lead.id, version: 0, change: { status: "WON" }, ip: IP })).toEqual({ kind: "changed" });
    expect(await changeLead(database.prisma, bob, { leadId: lead.id, version: 0, change: { status: "LOST" }, ip: IP })).toEqual({ kind: "conflict" });
    expect(await leadRow(lead.id)).toEqual({ status: "WON", ownerId: null, version: 1 });
    expect(await auditOf(lead.id)).toHaveLength(1);
  });

  it("lets exactly one of two changes made at the same moment from the same version through", async () => {
    const lead = await createLead(database.prisma);
    const outcomes = await Promise.all([
      changeLead(database.prisma, ann, { leadId: lead.id, version: 0, change: { status: "WON" }, ip: IP }),
      changeLead(database.prisma, bob, { leadId: lead.id, version: 0, change: { status: "LOST" }, ip: IP }),
    ]);
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(["changed", "conflict"]);
    const winner = outcomes[0]!.kind === "changed" ? "WON" : "LOST";
    expect(await leadRow(lead.id)).toEqual({ status: winner, ownerId: null, version: 1 });
    expect(await auditOf(lead.id)).toEqual([expect.objectContaining({ detail: { from: "NEW", to: winner } })]);
  });

  it("refuses a change made from a version since overtaken, even of the other field", async () => {
    const lead = await createLead(database.prisma);
    await changeLead(database.prisma, ann, { leadId: lead.id, version: 0, change: { status: "CONTACTED" }, ip: IP });
    expect(await changeLead(database.prisma, bob, { leadId: lead.id, version: 0, change: { ownerId: bob.id }, ip: IP })).toEqual({ kind: "conflict" });
    expect(await leadRow(lead.id)).toEqual({ status: "CONTACTED", ownerId: null, version: 1 });
  });

  it("says unchanged, without a new version or an audit row, when the status is already the one asked for", async () => {
    const lead = await createLead(database.prisma, { status: "CONTACTED" });
    expect(await changeLead(database.prisma, ann, { leadId: lead.id, version: 0, change: { status: "CONTACTED" }, ip: IP })).toEqual({ kind: "unchanged" });
    expect(await leadRow(lead.id)).toMatchObject({ version: 0 });
    expect(await auditOf(lead.id)).toEqual([]);
  });

  it("says not-found for a lead that does not exist", async () => {
    expect(await changeLead(database.prisma, ann, { leadId: randomUUID(), version: 0, change: { status: "WON" }, ip: IP })).toEqual({ kind: "not-found" });
  });
});

describe("changing a lead's owner", () => {
  it("assigns an enabled colleague and takes them off again, auditing both", async () => {
    const lead = await createLead(database.prisma);
    expect(await changeLead(database.prisma, ann, { leadId: lead.id, version: 0, change: { ownerId: bob.id }, ip: IP })).toEqual({ kind: "changed" });
    expect(await leadRow(lead.id)).toEqual({ status: "NEW", ownerId: bob.id, version: 1 });
    expect(await changeLead(database.prisma, ann, { leadId: lead.id, version: 1, change: { ownerId: null }, ip: IP })).toEqual({ kind: "changed" });
    expect(await leadRow(lead.id)).toEqual({ status: "NEW", ownerId: null, version: 2 });
    expect(await auditOf(lead.id)).toEqual([
      { action: "lead.owner", actorId: ann.id, detail: { from: null, to: bob.id }, ip: IP },
      { action: "lead.owner", actorId: ann.id, detail: { from: bob.id, to: null }, ip: IP },
    ]);
  });

  it("says unchanged when the lead already has that owner, or already has none", async () => {
    const owned = await createLead(database.prisma, { ownerId: bob.id });
    const unowned = await createLead(database.prisma);
    expect(await changeLead(database.prisma, ann, { leadId: owned.id, version: 0, change: { ownerId: bob.id }, ip: IP })).toEqual({ kind: "unchanged" });
    expect(await changeLead(database.prisma, ann, { leadId: unowned.id, version: 0, change: { ownerId: null }, ip: IP })).toEqual({ kind: "unchanged" });
    expect(await leadRow(owned.id)).toMatchObject({ version: 0 });
  });

  it("refuses a disabled account, or one that does not exist, as the owner, leaving the lead alone", async () => {
    const leaver = await staffMember(database.prisma, "STAFF", "Leaver");
    await database.prisma.user.update({ where: { id: leaver.id }, data: { disabledAt: new Date() } });
    const lead = await createLead(database.prisma);
    expect(await changeLead(database.prisma, ann, { leadId: lead.id, version: 0, change: { ownerId: leaver.id }, ip: IP })).toEqual({ kind: "invalid-owner" });
    expect(await changeLead(database.prisma, ann, { leadId: lead.id, version: 0, change: { ownerId: randomUUID() }, ip: IP })).toEqual({ kind: "invalid-owner" });
    expect(await leadRow(lead.id)).toEqual({ status: "NEW", ownerId: null, version: 0 });
    expect(await auditOf(lead.id)).toEqual([]);
  });
});

describe("notes", () => {
  it("adds a note by its author and audits it, and two notes written at once are both kept", async () => {
    const lead = await createLead(database.prisma);
    const outcomes = await Promise.all([
      addNote(database.prisma, ann, { leadId: lead.id, body: "Called, no answer.", ip: IP }),
      addNote(database.prisma, bob, { leadId: lead.id, body: "Sent a follow-up email.", ip: "198.51.100.2" }),
    ]);
    expect(outcomes).toEqual(["added", "added"]);
    const notes = await database.prisma.note.findMany({ where: { leadId: lead.id }, select: { authorId: true, body: true } });
    expect(notes.sort((a, b) => a.body.localeCompare(b.body))).toEqual([
      { authorId: ann.id, body: "Called, no answer." },
      { authorId: bob.id, body: "Sent a follow-up email." },
    ]);
    const audit = await auditOf(lead.id);
    expect(audit.map(({ action, actorId, ip }) => ({ action, actorId, ip })).sort((a, b) => (a.ip ?? "").localeCompare(b.ip ?? ""))).toEqual([
      { action: "lead.note", actorId: bob.id, ip: "198.51.100.2" },
      { action: "lead.note", actorId: ann.id, ip: IP },
    ]);
    expect(await leadRow(lead.id), "a note does not move the lead's version").toMatchObject({ version: 0 });
  });

  it("says not-found for a lead that does not exist, and writes nothing", async () => {
    expect(await addNote(database.prisma, ann, { leadId: randomUUID(), body: "Called, no answer.", ip: IP })).toBe("not-found");
    expect(await database.prisma.note.count()).toBe(0);
    expect(await database.prisma.auditEvent.count()).toBe(0);
  });
});

describe("sending a failed email again", () => {
  const outboxRow = (leadId: string, status: "FAILED" | "SENT" | "PENDING") =>
    database.prisma.outboxMessage.create({
      data: { leadId, kind: "BOOKING_CONFIRMATION", recipient: "prospect@example.com", status, attempts: 8, lastError: "550 mailbox unavailable", nextAttemptAt: new Date("2026-01-01T00:00:00.000Z") },
    });

  it("queues a FAILED email from its first attempt, due now, and audits it against the lead", async () => {
    const lead = await createLead(database.prisma);
    const failed = await outboxRow(lead.id, "FAILED");
    const before = Date.now();
    expect(await retryEmail(database.prisma, ann, { outboxId: failed.id, ip: IP })).toBe("queued");

    const row = await database.prisma.outboxMessage.findUniqueOrThrow({ where: { id: failed.id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 0, lastError: null });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect(await auditOf(lead.id)).toEqual([{ action: "email.retry", actorId: ann.id, detail: { outboxId: failed.id }, ip: IP }]);
  });

  it("leaves alone an email that has not failed, and says so", async () => {
    const lead = await createLead(database.prisma);
    for (const status of ["SENT", "PENDING"] as const) {
      const row = await outboxRow(lead.id, status);
      expect(await retryEmail(database.prisma, ann, { outboxId: row.id, ip: IP })).toBe("not-failed");
      expect(await database.prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status, attempts: 8, lastError: "550 mailbox unavailable" });
    }
    expect(await retryEmail(database.prisma, ann, { outboxId: randomUUID(), ip: IP }), "no such email").toBe("not-failed");
    expect(await auditOf(lead.id)).toEqual([]);
  });

  it("queues a failed email only once when retried twice", async () => {
    const lead = await createLead(database.prisma);
    const failed = await outboxRow(lead.id, "FAILED");
    expect(await retryEmail(database.prisma, ann, { outboxId: failed.id, ip: IP })).toBe("queued");
    expect(await retryEmail(database.prisma, bob, { outboxId: failed.id, ip: IP })).toBe("not-failed");
    expect(await auditOf(lead.id)).toHaveLength(1);
  });
});

describe("the data layer's check on the caller", () => {
  it("refuses a caller verifyStaff did not vouch for before touching anything", async () => {
    const lead = await createLead(database.prisma);
    const failed = await database.prisma.outboxMessage.create({ data: { leadId: lead.id, kind: "BOOKING_CONFIRMATION", recipient: "p@example.com", status: "FAILED" } });
    const fake = handMade(ann);
    await expect(changeLead(database.prisma, fake, { leadId: lead.id, version: 0, change: { status: "SPAM" }, ip: IP })).rejects.toBeInstanceOf(AccessDenied);
    await expect(addNote(database.prisma, fake, { leadId: lead.id, body: "forged", ip: IP })).rejects.toBeInstanceOf(AccessDenied);
    await expect(retryEmail(database.prisma, fake, { outboxId: failed.id, ip: IP })).rejects.toBeInstanceOf(AccessDenied);
    expect(await leadRow(lead.id)).toEqual({ status: "NEW", ownerId: null, version: 0 });
    expect(await database.prisma.note.count()).toBe(0);
    expect((await database.prisma.outboxMessage.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("FAILED");
  });
});
