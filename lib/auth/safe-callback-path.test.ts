import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-callback-path";

describe("the path to go to after signing in", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeCallbackPath("/admin/leads?q=x")).toBe("/admin/leads?q=x");
    expect(safeCallbackPath("/admin/leads?status=NEW&owner=mine")).toBe("/admin/leads?status=NEW&owner=mine");
    expect(safeCallbackPath("/admin/leads/0199a3f0-0000-7000-8000-000000000000#notes")).toBe("/admin/leads/0199a3f0-0000-7000-8000-000000000000#notes");
    expect(safeCallbackPath("/admin")).toBe("/admin");
  });

  it("normalises dot segments and still answers with a path on this site", () => {
    expect(safeCallbackPath("/admin/../x")).toBe("/x");
    expect(safeCallbackPath("/admin/./leads")).toBe("/admin/leads");
  });

  it.each([
    ["an absolute address on another site", "https://evil.example"],
    ["an absolute address on another site, with a path", "https://evil.example/admin"],
    ["a protocol-relative address", "//evil.example"],
    ["a protocol-relative address with a path", "//evil.example/admin"],
    ["a backslash trick", "/\\evil.example"],
    ["a backslash trick, the other way round", "\\/evil.example"],
    ["a tab the URL parser drops, leaving //", "/\t/evil.example"],
    ["a javascript: address", "javascript:alert(1)"],
    ["a data: address", "data:text/html,<script>alert(1)</script>"],
    ["a relative path", "admin/leads"],
    ["an empty string", ""],
  ])("sends %s to the admin's front page", (_what, value) => {
    expect(safeCallbackPath(value)).toBe("/admin");
  });

  it("sends a missing value (undefined or null) to the admin's front page", () => {
    expect(safeCallbackPath(undefined)).toBe("/admin");
    expect(safeCallbackPath(null)).toBe("/admin");
  });
});
