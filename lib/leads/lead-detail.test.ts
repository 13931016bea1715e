import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AccessDenied, type Staff } from "../auth/verify-staff";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { bookLater } from "../worker/worker-test-fixtures";
import { changeLead } from "./change-lead";
import { getLead, listOwners } from "./get-lead";
import { leadOverview } from "./lead-overview";
import { leadTimeline } from "./lead-timeline";
import { createLead, staffMember } from "./leads-test-fixtures";

let database: TestDatabase;
let ann: Staff;
let zoe: Staff;
beforeAll(async () => {
  database = await createTestDatabase();
  zoe = (await staffMember(database.prisma, "ADMIN", "Zoe Admin")).staff;
  ann = (await staffMember(database.prisma, "STAFF", "Ann Staff")).staff;
  const leaver = await staffMember(database.prisma, "STAFF", "Bea Leaver");
  await database.prisma.user.update({ where: { id: leaver.id }, data: { disabledAt: new Date() } });
});
afterAll(() => database.destroy());
beforeEach(async () => {
  await database.prisma.$executeRawUnsafe(`TRUNCATE "Lead", "Booking", "OutboxMessage", "MailboxMessage", "EmailEvent", "Note", "AuditEvent", "RateLimitBucket" CASCADE`);
});

const MINUTE = 60_000;
const handMade = (staff: Staff) => ({ ...staff }) as Staff;

describe("one lead", () => {
  it("comes with its owner, booking, emails, notes with their authors and audit rows with their actors", async () => {
    const { lead, booking } = await bookLater(database.prisma, 0);
    await changeLead(database.prisma, ann, { leadId: lead.id, version: 0, change: { ownerId: zoe.id }, ip: "203.0.113.1" });
    await database.prisma.note.create({ data: { leadId: lead.id, authorId: ann.id, body: "Called, left a message." } });

    const detail = await getLead(database.prisma, ann, lead.id);
    expect(detail).toMatchObject({ id: lead.id, reference: lead.reference, owner: { id: zoe.id, name: "Zoe Admin" }, booking: { id: booking.id, startsAt: booking.startsAt } });
    expect(detail!.outbox.map((row) => row.kind).sort()).toEqual(["BOOKING_CONFIRMATION", "BOOKING_REMINDER", "STAFF_NOTIFICATION"]);
    expect(detail!.notes).toEqual([expect.objectContaining({ body: "Called, left a message.", author: { name: "Ann Staff" } })]);
    expect(detail!.auditEvents).toEqual([expect.objectContaining({ action: "lead.owner", actor: { name: "Ann Staff" } })]);
  });

  it("is null for an id that is not a UUID, or that no lead has", async () => {
    await createLead(database.prisma);
    expect(await getLead(database.prisma, ann, "not-a-uuid")).toBeNull();
    expect(await getLead(database.prisma, ann, "' OR 1=1 --")).toBeNull();
    expect(await getLead(database.prisma, ann, "")).toBeNull();
    expect(await getLead(database.prisma, ann, randomUUID())).toBeNull();
  });

  it("is refused to a caller verifyStaff did not vouch for", async () => {
    const lead = await createLead(database.prisma);
    await expect(getLead(database.prisma, handMade(ann), lead.id)).rejects.toBeInstanceOf(AccessDenied);
  });
});

describe("the staff who can own a lead", () => {
  it("are the enabled accounts, by name", async () => {
    expect(await listOwners(database.prisma, ann)).toEqual([
      { id: ann.id, name: "Ann Staff" },
      { id: zoe.id, name: "Zoe Admin" },
    ]);
    await expect(listOwners(database.prisma, handMade(ann))).rejects.toBeInstanceOf(AccessDenied);
  });
});

describe("the overview", () => {
  it("counts the last seven days' leads, leaving out spam, and every lead by status", async () => {
    const now = new Date("2026-11-20T12:00:00.000Z");
    const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * MINUTE);
    await createLead(database.prisma, { createdAt: daysAgo(0.5) });
    await createLead(database.prisma, { createdAt: daysAgo(6.9), status: "CONTACTED" });
    await createLead(database.prisma, { createdAt: daysAgo(1), status: "SPAM" });
    await createLead(database.prisma, { createdAt: daysAgo(7.1) });
    await createLead(database.prisma, { createdAt: daysAgo(30), status: "WON" });

    const overview = await leadOverview(database.prisma, ann, now);
    expect(overview).toMatchObject({ newThisWeek: 2, counts: { NEW: 2, CONTACTED: 1, SPAM: 1, WON: 1 } });
    expect(overview.weeks, "twelve weeks, the last one the last seven days").toHaveLength(12);
    expect(overview.weeks.map((week) => week.leads)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 2]);
    expect(overview.weeks.at(-1)!.weekStart).toEqual(daysAgo(7));
    expect(overview.topSources).toEqual([{ source: "direct or unknown", leads: 4 }]);
    expect(overview.topTopics).toEqual([{ topic: "DEFINE_ROLE", leads: 4 }]);
    await expect(leadOverview(database.prisma, handMade(ann), now)).rejects.toBeInstanceOf(AccessDenied);
  });

  it("is all zeros with no leads", async () => {
    const overview = await leadOverview(database.prisma, zoe);
    expect(overview).toMatchObject({ newThisWeek: 0, counts: {}, topSources: [], topTopics: [] });
    expect(overview.weeks.every((week) => week.leads === 0)).toBe(true);
  });
});

describe("a lead's timeline", () => {
  it("tells the booking, emails sent, failed and delivered, status changes and notes with their authors, oldest first", async () => {
    const { lead } = await bookLater(database.prisma, 1);
    const t = (minutes: number) => new Date(lead.createdAt.getTime() + minutes * MINUTE);

    // Written out of order, to show the timeline sorts them.
    await changeLead(database.prisma, zoe, { leadId: lead.id, version: 0, change: { status: "CONTACTED" }, ip: "203.0.113.1" });
    await database.prisma.auditEvent.updateMany({ where: { leadId: lead.id, action: "lead.status" }, data: { createdAt: t(30) } });
    await database.prisma.note.create({ data: { leadId: lead.id, authorId: ann.id, body: "Wants a call back on Friday.", createdAt: t(20) } });
    await database.prisma.auditEvent.create({ data: { leadId: lead.id, actorId: ann.id, action: "lead.note", createdAt: t(20) } });
    const confirmation = await database.prisma.outboxMessage.findFirstOrThrow({ where: { leadId: lead.id, kind: "BOOKING_CONFIRMATION" } });
    await database.prisma.outboxMessage.update({ where: { id: confirmation.id }, data: { status: "SENT", sentAt: t(1) } });
    await database.prisma.emailEvent.create({ data: { id: "evt_delivered_1", outboxId: confirmation.id, type: "DELIVERED", occurredAt: t(2) } });
    await database.prisma.outboxMessage.updateMany({ where: { leadId: lead.id, kind: "STAFF_NOTIFICATION" }, data: { status: "FAILED", lastError: "timeout" } });

    const timeline = leadTimeline((await getLead(database.prisma, ann, lead.id))!);
    expect(timeline.map(({ what, who, body }) => ({ what, who, body }))).toEqual([
      { what: "Booked a call", who: undefined, body: undefined },
      { what: "Email failed: staff notification", who: undefined, body: "timeout" },
      { what: "Email sent: confirmation", who: undefined, body: undefined },
      { what: "Email delivered: confirmation", who: undefined, body: undefined },
      { what: "Note", who: "Ann Staff", body: "Wants a call back on Friday." },
      { what: "Status changed from new to contacted", who: "Zoe Admin", body: undefined },
    ]);
    const times = timeline.map((entry) => entry.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(timeline.at(-1)!.at).toEqual(t(30));
  });
});
