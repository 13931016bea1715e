import { describe, expect, it } from "vitest";
import { leadListQuerySchema, leadListSearch, leadSorts, leadStatuses, PAGE_SIZE } from "./lead-list-query";

const ownerId = "0199a3f0-1234-7abc-8def-0123456789ab";

describe("the leads list's query, from the address", () => {
  it("reads every parameter, trimmed", () => {
    expect(
      leadListQuerySchema.parse({ q: "  acme  ", status: "CONTACTED", topic: "OTHER", owner: ownerId, from: "2026-11-01", to: "2026-11-30", sort: "call", after: "abc", before: "def" }),
    ).toEqual({ q: "acme", status: "CONTACTED", topic: "OTHER", owner: ownerId, from: "2026-11-01", to: "2026-11-30", sort: "call", after: "abc", before: "def" });
    expect(leadListQuerySchema.parse({ owner: "mine" }).owner).toBe("mine");
    expect(leadListQuerySchema.parse({ owner: "none" }).owner).toBe("none");
  });

  it("leaves out what is missing or blank", () => {
    expect(leadListQuerySchema.parse({})).toEqual({});
    const blank = leadListQuerySchema.parse({ q: "   ", status: "", topic: "", owner: "", from: "", to: "", sort: "", after: "", before: "" });
    expect(Object.values(blank).filter((value) => value !== undefined)).toEqual([]);
  });

  it("takes the first of a repeated parameter", () => {
    expect(leadListQuerySchema.parse({ status: ["WON", "LOST"], q: ["first", "second"] })).toMatchObject({ status: "WON", q: "first" });
  });

  it("drops malformed values instead of refusing the whole address", () => {
    const query = leadListQuerySchema.parse({
      q: "kept",
      status: "ARCHIVED",
      topic: "define_role",
      owner: "someone",
      from: "2026-13",
      to: "yesterday",
      sort: "random",
      after: "x".repeat(201),
      before: 42,
    });
    expect(query).toEqual({ q: "kept", status: undefined, topic: undefined, owner: undefined, from: undefined, to: undefined, sort: undefined, after: undefined, before: undefined });
  });

  it("offers every status, the three sorts and pages of 50", () => {
    expect(leadStatuses).toEqual(["NEW", "CONTACTED", "QUALIFIED", "WON", "LOST", "SPAM"]);
    expect(leadSorts).toEqual(["newest", "oldest", "call"]);
    expect(PAGE_SIZE).toBe(50);
  });
});

describe("the leads list's query, as an address", () => {
  it("writes only what is set, and nothing at all for no query", () => {
    expect(leadListSearch({})).toBe("");
    expect(leadListSearch({ q: undefined, status: undefined })).toBe("");
    expect(leadListSearch({ q: "acme widgets", status: "NEW", owner: "mine" })).toBe("?q=acme+widgets&status=NEW&owner=mine");
  });

  it("applies changes over the query: a new value, or a value taken away", () => {
    const query = { q: "acme", sort: "oldest" as const, after: "cursor" };
    expect(leadListSearch(query, { after: undefined, before: "other" })).toBe("?q=acme&sort=oldest&before=other");
    expect(leadListSearch(query, { sort: "call" })).toBe("?q=acme&sort=call&after=cursor");
    expect(query.after, "the query itself is left alone").toBe("cursor");
  });

  it("escapes what it writes, and reads back as the same query", () => {
    const query = leadListQuerySchema.parse({ q: "a&b=c #1 ?", status: "WON" });
    const search = leadListSearch(query);
    expect(search).toBe("?q=a%26b%3Dc+%231+%3F&status=WON");
    expect(leadListQuerySchema.parse(Object.fromEntries(new URLSearchParams(search)))).toEqual(query);
  });
});
