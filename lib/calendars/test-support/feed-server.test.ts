import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFeedServer, type FeedServer } from "./feed-server";

const FEED = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nEND:VCALENDAR\r\n";

describe("the iCalendar feed server", () => {
  let feeds: FeedServer;
  beforeEach(async () => {
    feeds = await startFeedServer();
  });
  afterEach(async () => {
    await feeds.stop();
  });

  it("serves a feed as text/calendar with a strong ETag, and 304 to a matching If-None-Match", async () => {
    feeds.setFeed("/alice.ics", FEED);
    const first = await fetch(`${feeds.url}/alice.ics`);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(await first.text()).toBe(FEED);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[^"]+"$/);

    const again = await fetch(`${feeds.url}/alice.ics`, { headers: { "if-none-match": etag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");

    feeds.setFeed("/alice.ics", FEED.replace("VERSION:2.0", "VERSION:2.0\r\nX-WR-CALNAME:Alice"));
    const changed = await fetch(`${feeds.url}/alice.ics`, { headers: { "if-none-match": etag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(await changed.text()).toContain("X-WR-CALNAME:Alice");

    expect(feeds.requests("/alice.ics")).toEqual([
      { ifNoneMatch: undefined, status: 200 },
      { ifNoneMatch: etag, status: 304 },
      { ifNoneMatch: etag, status: 200 },
    ]);
  });

  it("gives the same body the same ETag", async () => {
    feeds.setFeed("/a.ics", FEED);
    feeds.setFeed("/b.ics", FEED);
    const [a, b] = await Promise.all([fetch(`${feeds.url}/a.ics`), fetch(`${feeds.url}/b.ics`)]);
    expect(a.headers.get("etag")).toBe(b.headers.get("etag"));
  });

  it("answers failWith's status on that path only, until the feed is set again", async () => {
    feeds.setFeed("/alice.ics", FEED);
    feeds.setFeed("/bob.ics", FEED);
    feeds.failWith("/alice.ics", 503);
    expect((await fetch(`${feeds.url}/alice.ics`)).status).toBe(503);
    expect((await fetch(`${feeds.url}/bob.ics`)).status).toBe(200);

    feeds.setFeed("/alice.ics", FEED);
    expect((await fetch(`${feeds.url}/alice.ics`)).status).toBe(200);
    expect(feeds.requests("/alice.ics").map((request) => request.status)).toEqual([503, 200]);
  });

  it("answers 404 for a path without a feed, and records nothing for paths never asked", async () => {
    expect((await fetch(`${feeds.url}/nobody.ics`)).status).toBe(404);
    expect(feeds.requests("/nobody.ics")).toEqual([{ ifNoneMatch: undefined, status: 404 }]);
    expect(feeds.requests("/other.ics")).toEqual([]);
  });
});
