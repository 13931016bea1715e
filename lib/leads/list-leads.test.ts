import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AccessDenied, type Staff } from "../auth/verify-staff";
import type { Prisma } from "../db/generated/client";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import { leadListQuerySchema, PAGE_SIZE, type LeadListQuery } from "./lead-list-query";
import { createLead, leadData, staffMember } from "./leads-test-fixtures";
import { listLeads, type LeadListPage } from "./list-leads";

let database: TestDatabase;
let me: Staff;
let colleague: Staff;
beforeAll(async () => {
  database = await createTestDatabase();
  me = (await staffMember(database.prisma, "STAFF", "Me Myself")).staff;
  colleague = (await staffMember(database.prisma, "STAFF", "A Colleague")).staff;
});
afterAll(() => database.destroy());
beforeEach(async () => {
  await database.prisma.$executeRawUnsafe(`TRUNCATE "Lead", "Booking", "OutboxMessage", "Note", "AuditEvent" CASCADE`);
});

const NEW_YORK = "America/New_York";
const MINUTE = 60_000;
const base = new Date("2026-10-01T12:00:00.000Z");
const at = (minutes: number) => new Date(base.getTime() + minutes * MINUTE);

const list = (query: LeadListQuery = {}, timeZone = NEW_YORK) => listLeads(database.prisma, me, query, timeZone);
const names = (page: LeadListPage) => page.rows.map((row) => row.fullName);
const ids = (page: LeadListPage) => page.rows.map((row) => row.id);

/** `count` leads, the i-th created at `createdAt(i)`; returns their ids in the order created. */
async function manyLeads(count: number, createdAt: (i: number) => Date, extra: (i: number) => Partial<Prisma.LeadUncheckedCreateInput> = () => ({})) {
  const rows = await database.prisma.lead.createManyAndReturn({
    data: Array.from({ length: count }, (_, i) => leadData({ fullName: `Lead ${String(i).padStart(3, "0")}`, createdAt: createdAt(i), ...extra(i) })),
    select: { id: true, createdAt: true },
  });
  return rows;
}

/** Every page from the first, following `older`; fails rather than loop for ever. */
async function walkForward(query: LeadListQuery = {}) {
  const pages: LeadListPage[] = [];
  let page = await list(query);
  pages.push(page);
  while (page.older) {
    if (pages.length > 10) throw new Error("more pages than there are leads");
    page = await list({ ...query, after: page.older });
    pages.push(page);
  }
  return pages;
}

describe("the leads list", () => {
  it("shows the newest first, with each lead's owner, booking and confirmation email status", async () => {
    const owned = await createLead(database.prisma, { fullName: "Middle", createdAt: at(2), ownerId: colleague.id });
    await createLead(database.prisma, { fullName: "Oldest", createdAt: at(1) });
    await createLead(database.prisma, { fullName: "Newest", createdAt: at(3) });
    const startsAt = new Date("2026-12-01T15:00:00.000Z");
    await database.prisma.booking.create({ data: { leadId: owned.id, startsAt, endsAt: new Date(startsAt.getTime() + 30 * MINUTE) } });
    await database.prisma.outboxMessage.create({ data: { leadId: owned.id, kind: "BOOKING_CONFIRMATION", recipient: owned.email, status: "SENT", deliveryStatus: "DELIVERED" } });
    await database.prisma.outboxMessage.create({ data: { leadId: owned.id, kind: "STAFF_NOTIFICATION", recipient: "staff@example.com", status: "FAILED" } });

    const page = await list();
    expect(names(page)).toEqual(["Newest", "Middle", "Oldest"]);
    expect(page.newer).toBeUndefined();
    expect(page.older).toBeUndefined();
    const middle = page.rows[1]!;
    expect(middle.owner).toEqual({ id: colleague.id, name: "A Colleague" });
    expect(middle.booking).toEqual({ startsAt, status: "CONFIRMED" });
    expect(middle.outbox, "only the confirmation's status").toEqual([{ status: "SENT", deliveryStatus: "DELIVERED" }]);
    expect(page.rows[0]).toMatchObject({ owner: null, booking: null, outbox: [] });
  });

  it("finds a search term anywhere in the name, email, company or message, whatever its case", async () => {
    await createLead(database.prisma, { fullName: "Margaret Hamilton", createdAt: at(1) });
    await createLead(database.prisma, { fullName: "Grace H", email: "grace@navy.example", createdAt: at(2) });
    await createLead(database.prisma, { fullName: "Widget maker", company: "ACME WIDGETS LLC", createdAt: at(3) });
    await createLead(database.prisma, { fullName: "Plant owner", message: "We need a COO for our widget plant.", createdAt: at(4) });
    await createLead(database.prisma, { fullName: "Unrelated", company: "Globex", message: "Nothing to see", createdAt: at(5) });

    expect(names(await list({ q: "hamil" }))).toEqual(["Margaret Hamilton"]);
    expect(names(await list({ q: "NAVY.ex" }))).toEqual(["Grace H"]);
    expect(names(await list({ q: "Widget" }))).toEqual(["Plant owner", "Widget maker"]);
    expect(names(await list({ q: "coo for" }))).toEqual(["Plant owner"]);
    expect((await list({ q: "no such words" })).rows).toEqual([]);
  });

  it("filters by status and by topic, together with a search", async () => {
    await createLead(database.prisma, { fullName: "New role", status: "NEW", topic: "DEFINE_ROLE", createdAt: at(1) });
    await createLead(database.prisma, { fullName: "Contacted role", status: "CONTACTED", topic: "DEFINE_ROLE", createdAt: at(2) });
    await createLead(database.prisma, { fullName: "Contacted other", status: "CONTACTED", topic: "OTHER", createdAt: at(3) });
    await createLead(database.prisma, { fullName: "Spam other", status: "SPAM", topic: "OTHER", createdAt: at(4) });

    expect(names(await list({ status: "CONTACTED" }))).toEqual(["Contacted other", "Contacted role"]);
    expect(names(await list({ topic: "OTHER" }))).toEqual(["Spam other", "Contacted other"]);
    expect(names(await list({ status: "CONTACTED", topic: "DEFINE_ROLE" }))).toEqual(["Contacted role"]);
    expect(names(await list({ status: "CONTACTED", q: "other" }))).toEqual(["Contacted other"]);
    expect((await list({ status: "WON" })).rows).toEqual([]);
  });

  it("filters by owner: mine, nobody's, or a given colleague's", async () => {
    await createLead(database.prisma, { fullName: "Mine", ownerId: me.id, createdAt: at(1) });
    await createLead(database.prisma, { fullName: "Theirs", ownerId: colleague.id, createdAt: at(2) });
    await createLead(database.prisma, { fullName: "Nobody's", createdAt: at(3) });

    expect(names(await list({ owner: "mine" }))).toEqual(["Mine"]);
    expect(names(await listLeads(database.prisma, colleague, { owner: "mine" }, NEW_YORK)), "mine means the caller's").toEqual(["Theirs"]);
    expect(names(await list({ owner: "none" }))).toEqual(["Nobody's"]);
    expect(names(await list({ owner: colleague.id }))).toEqual(["Theirs"]);
    expect(names(await list({}))).toHaveLength(3);
  });

  it("takes a date range as whole days in the firm's time zone", async () => {
    // New York is UTC-5 in November.
    await createLead(database.prisma, { fullName: "Nov 9, 23:59 NY", createdAt: new Date("2026-11-10T04:59:00.000Z") });
    await createLead(database.prisma, { fullName: "Nov 10, 00:00 NY", createdAt: new Date("2026-11-10T05:00:00.000Z") });
    await createLead(database.prisma, { fullName: "Nov 10, 23:30 NY", createdAt: new Date("2026-11-11T04:30:00.000Z") });
    await createLead(database.prisma, { fullName: "Nov 11, 00:00 NY", createdAt: new Date("2026-11-11T05:00:00.000Z") });

    expect(names(await list({ from: "2026-11-10", to: "2026-11-10" }))).toEqual(["Nov 10, 23:30 NY", "Nov 10, 00:00 NY"]);
    expect(names(await list({ from: "2026-11-10", to: "2026-11-10" }, "UTC")), "the same days in UTC").toEqual(["Nov 10, 00:00 NY", "Nov 9, 23:59 NY"]);
    expect(names(await list({ from: "2026-11-11" }))).toEqual(["Nov 11, 00:00 NY"]);
    expect(names(await list({ to: "2026-11-09" }))).toEqual(["Nov 9, 23:59 NY"]);
    expect((await list({ from: "2026-11-12", to: "2026-11-13" })).rows).toEqual([]);
  });

  it("takes a day that changes the clocks as the day it is there (23 hours in New York on 8 March 2026)", async () => {
    await createLead(database.prisma, { fullName: "Mar 8, 00:30 EST", createdAt: new Date("2026-03-08T05:30:00.000Z") });
    await createLead(database.prisma, { fullName: "Mar 8, 23:30 EDT", createdAt: new Date("2026-03-09T03:30:00.000Z") });
    await createLead(database.prisma, { fullName: "Mar 9, 00:30 EDT", createdAt: new Date("2026-03-09T04:30:00.000Z") });

    expect(names(await list({ from: "2026-03-08", to: "2026-03-08" }))).toEqual(["Mar 8, 23:30 EDT", "Mar 8, 00:30 EST"]);
  });

  it("sorts oldest first, and by the time of the call", async () => {
    const created = [];
    for (const [i, callHours] of [30, 10, 20].entries()) {
      const lead = await createLead(database.prisma, { fullName: `Created ${i}, call in ${callHours} h`, createdAt: at(i) });
      const startsAt = new Date(base.getTime() + callHours * 60 * MINUTE);
      await database.prisma.booking.create({ data: { leadId: lead.id, startsAt, endsAt: new Date(startsAt.getTime() + 30 * MINUTE) } });
      created.push(lead);
    }
    expect(names(await list({ sort: "oldest" }))).toEqual(["Created 0, call in 30 h", "Created 1, call in 10 h", "Created 2, call in 20 h"]);
    expect(names(await list({ sort: "newest" }))).toEqual(["Created 2, call in 20 h", "Created 1, call in 10 h", "Created 0, call in 30 h"]);
    expect(names(await list({ sort: "call" }))).toEqual(["Created 1, call in 10 h", "Created 2, call in 20 h", "Created 0, call in 30 h"]);
  });

  it("refuses a caller that verifyStaff did not vouch for, however it is shaped", async () => {
    const handMade = { id: me.id, email: me.email, name: me.name, role: me.role } as unknown as Staff;
    await expect(listLeads(database.prisma, handMade, {}, NEW_YORK)).rejects.toBeInstanceOf(AccessDenied);
    await expect(listLeads(database.prisma, { ...me }, {}, NEW_YORK)).rejects.toMatchObject({ status: 401 });
  });
});

describe("paging through the leads list", () => {
  it("gives 120 leads as pages of 50, 50 and 20, newest first, with no lead twice and none missed", async () => {
    const created = await manyLeads(120, (i) => at(i));
    const expected = [...created].reverse().map((row) => row.id);

    const pages = await walkForward();
    expect(pages.map((page) => page.rows.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 20]);
    expect(pages.flatMap(ids)).toEqual(expected);
    expect(pages[0]!.newer, "nothing newer than the first page").toBeUndefined();
    expect(pages[1]!.newer).toBeDefined();
    expect(pages[1]!.older).toBeDefined();
    expect(pages[2]!.newer).toBeDefined();
    expect(pages[2]!.older, "nothing older than the last page").toBeUndefined();
  });

  it("goes back a page to exactly the page before, and to the first page with nothing newer", async () => {
    await manyLeads(120, (i) => at(i));
    const [first, second, third] = await walkForward();

    const backToSecond = await list({ before: third!.newer });
    expect(ids(backToSecond)).toEqual(ids(second!));
    expect(backToSecond.newer).toBeDefined();
    expect(backToSecond.older).toBeDefined();
    expect(ids(await list({ after: backToSecond.older })), "and forward again").toEqual(ids(third!));

    const backToFirst = await list({ before: backToSecond.newer });
    expect(ids(backToFirst)).toEqual(ids(first!));
    expect(backToFirst.newer).toBeUndefined();
    expect(backToFirst.older).toBeDefined();
  });

  it("lists leads created at the very same moment exactly once each, ties broken by id, forward and back", async () => {
    const sameMoment = at(0);
    const created = await manyLeads(120, () => sameMoment);
    const expected = created.map((row) => row.id).sort().reverse();

    const pages = await walkForward();
    expect(pages.map((page) => page.rows.length)).toEqual([50, 50, 20]);
    expect(pages.flatMap(ids)).toEqual(expected);
    expect(ids(await list({ before: pages[2]!.newer }))).toEqual(ids(pages[1]!));
    expect(ids(await list({ before: pages[1]!.newer }))).toEqual(ids(pages[0]!));
  });

  it("pages oldest first the same way", async () => {
    const created = await manyLeads(75, (i) => at(i % 5)); // five moments, fifteen leads at each
    const expected = [...created].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1)).map((row) => row.id);

    const pages = await walkForward({ sort: "oldest" });
    expect(pages.map((page) => page.rows.length)).toEqual([50, 25]);
    expect(pages.flatMap(ids)).toEqual(expected);
    expect(ids(await list({ sort: "oldest", before: pages[1]!.newer }))).toEqual(ids(pages[0]!));
  });

  it("pages by the time of the call, soonest first, whatever order the leads came in", async () => {
    const created = await manyLeads(60, (i) => at(i));
    // The i-th lead's call is 60 - i half-hours out: the newest lead has the soonest call.
    await database.prisma.booking.createMany({
      data: created.map((lead, i) => {
        const startsAt = new Date(base.getTime() + (60 - i) * 30 * MINUTE);
        return { leadId: lead.id, startsAt, endsAt: new Date(startsAt.getTime() + 30 * MINUTE) };
      }),
    });

    const pages = await walkForward({ sort: "call" });
    expect(pages.map((page) => page.rows.length)).toEqual([50, 10]);
    expect(pages.flatMap(ids)).toEqual([...created].reverse().map((row) => row.id));
    const starts = pages.flatMap((page) => page.rows.map((row) => row.booking!.startsAt.getTime()));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(ids(await list({ sort: "call", before: pages[1]!.newer }))).toEqual(ids(pages[0]!));
  });

  it("keeps the filters while paging", async () => {
    await manyLeads(110, (i) => at(i), (i) => ({ status: i % 2 === 0 ? "CONTACTED" : "NEW" }));
    const pages = await walkForward({ status: "CONTACTED" });
    expect(pages.map((page) => page.rows.length)).toEqual([50, 5]);
    expect(new Set(pages.flatMap(ids)).size).toBe(55);
    const statuses = await database.prisma.lead.findMany({ where: { id: { in: pages.flatMap(ids) } }, select: { status: true } });
    expect(statuses.every((row) => row.status === "CONTACTED")).toBe(true);
  });

  it("starts from the first page when the address carries a cursor it cannot read", async () => {
    await manyLeads(3, (i) => at(i));
    const first = await list();
    for (const after of ["garbage", Buffer.from("not a date|also not an id").toString("base64url")]) {
      const query = leadListQuerySchema.parse({ after });
      expect(ids(await list(query))).toEqual(ids(first));
    }
  });
});
