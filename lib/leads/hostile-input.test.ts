import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import type { AuthSettings } from "../auth/auth-settings";
import { authenticate } from "../auth/authenticate";
import { safeCallbackPath } from "../auth/safe-callback-path";
import type { Staff } from "../auth/verify-staff";
import { getLead } from "../leads/get-lead";
import { encodeLeadCursor } from "../leads/lead-cursor";
import { leadListQuerySchema } from "../leads/lead-list-query";
import { createLead, staffMember } from "../leads/leads-test-fixtures";
import { listLeads } from "../leads/list-leads";

let database: TestDatabase;
let ann: Staff;
beforeAll(async () => {
  database = await createTestDatabase();
  ann = (await staffMember(database.prisma, "STAFF", "Ann")).staff;
});
afterAll(() => database.destroy());
beforeEach(async () => {
  await database.prisma.$executeRawUnsafe(`TRUNCATE "Lead", "Note", "AuditEvent", "RateLimitBucket" CASCADE`);
});

const settings: AuthSettings = { secret: "x".repeat(40), sessionHours: 8, perAccount: { limit: 3, windowSeconds: 900 }, perIp: { limit: 5, windowSeconds: 900 }, secureCookies: false };

describe("the address to return to after sign-in", () => {
  it("never answers a protocol-relative //host path, however it is spelled", () => {
    expect(safeCallbackPath("/admin/..//evil.example")).toBe("/admin");
    expect(safeCallbackPath("/.//evil.example")).toBe("/admin");
  });
});

describe("an over-long search", () => {
  it("is cut to 200 characters instead of refused", () => {
    expect(leadListQuerySchema.parse({ q: "x".repeat(201), status: "NEW" })).toEqual(expect.objectContaining({ q: "x".repeat(200), status: "NEW" }));
  });
});

describe("searching for LIKE's own wildcards", () => {
  it("searches for the characters typed: % and _ are not wildcards", async () => {
    await createLead(database.prisma, { fullName: "Percent", message: "We cut costs by 100% last year" });
    await createLead(database.prisma, { fullName: "Thousand", message: "We have 1000 staff" });
    await createLead(database.prisma, { fullName: "Underscore", email: "first_last@example.com" });
    await createLead(database.prisma, { fullName: "Dot", email: "first.last@example.com" });
    const names = async (q: string) => (await listLeads(database.prisma, ann, { q }, "UTC")).rows.map((row) => row.fullName);
    expect.soft(await names("100%")).toEqual(["Percent"]);
    expect.soft(await names("first_last")).toEqual(["Underscore"]);
  });
});

describe("ids that look like UUIDs but are not", () => {
  it("getLead answers null for 36 dashes instead of throwing a database error", async () => {
    await expect(getLead(database.prisma, ann, "-".repeat(36))).resolves.toBeNull();
  });
  it("listLeads ignores a cursor whose id is 36 dashes instead of throwing a database error", async () => {
    await createLead(database.prisma);
    const after = encodeLeadCursor({ at: new Date(), id: "-".repeat(36) });
    await expect(listLeads(database.prisma, ann, leadListQuerySchema.parse({ after }), "UTC")).resolves.toMatchObject({ rows: expect.any(Array) });
  });
});

describe("the sign-in throttle's two windows", () => {
  it("an address's failure count lasts the per-address window", async () => {
    const perIp = { ...settings, perIp: { limit: 5, windowSeconds: 60 } };
    await authenticate(database.prisma, { email: "nobody@example.com", password: "x", ip: "192.0.2.1" }, perIp);
    const bucket = await database.prisma.rateLimitBucket.findUniqueOrThrow({ where: { key: "sign-in:ip:192.0.2.1" } });
    expect(bucket.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 60_000);
  });
});
