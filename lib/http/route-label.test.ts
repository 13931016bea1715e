import { describe, expect, it } from "vitest";
import { createRouteLabeler } from "./route-label";

const routeOf = createRouteLabeler([
  "/",
  "/book",
  "/book/confirmed",
  "/book/manage/[token]",
  "/book/calendar/[reference]",
  "/articles/[slug]",
  "/articles",
  "/api/auth/[...nextauth]",
  "/admin/[[...rest]]",
  "/icon.svg",
]);

describe("route labels", () => {
  it("names a path by its app route, never by its values", () => {
    expect(routeOf("/")).toBe("/");
    expect(routeOf("/book")).toBe("/book");
    expect(routeOf("/book/")).toBe("/book");
    expect(routeOf("/book/manage/eyJ0b2tlbiI6InNlY3JldCJ9")).toBe("/book/manage/[token]");
    expect(routeOf("/book/calendar/OPS-ABC123")).toBe("/book/calendar/[reference]");
    expect(routeOf("/articles/vp-of-operations-vs-coo")).toBe("/articles/[slug]");
    expect(routeOf("/api/auth/callback/credentials")).toBe("/api/auth/[...nextauth]");
    expect(routeOf("/admin")).toBe("/admin/[[...rest]]");
    expect(routeOf("/icon.svg")).toBe("/icon.svg");
  });

  it("groups Next's assets and calls anything unknown other", () => {
    expect(routeOf("/_next/static/chunks/app/page-0123.js")).toBe("/_next/static");
    expect(routeOf("/_next/image")).toBe("/_next/image");
    expect(routeOf("/wp-login.php")).toBe("other");
    expect(routeOf("/articles/a/b")).toBe("other");
    expect(routeOf("/book/manage")).toBe("other");
  });
});
