import { describe, expect, it } from "vitest";
import { MAX_REQUEST_BODY_BYTES, MAX_REQUEST_TARGET_BYTES, refusalOf } from "./request-guards";
import { contentSecurityPolicy, securityHeaders } from "./security-headers";
import { inlineScriptHashes } from "./static-page-hashes";
import { createHash } from "node:crypto";

const own = new Set(["https://site.example"]);

describe("refusalOf", () => {
  it("never refuses a read", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) expect(refusalOf(method, "/book", { origin: "https://attacker.example" }, own)).toBeUndefined();
  });

  it("refuses a write from another site, with a null Origin or none; accepts the site's own, in any case", () => {
    for (const origin of ["https://attacker.example", "null", undefined]) expect(refusalOf("POST", "/book", { origin }, own), String(origin)).toBe("cross-site");
    expect(refusalOf("POST", "/book", { origin: "HTTPS://SITE.EXAMPLE", "content-length": "10" }, own)).toBeUndefined();
  });

  it("refuses any request whose address does not decode (Next.js answers a route parameter that does not with a 500)", () => {
    for (const path of ["/book/calendar/%FF", "/book/manage/%E0%A4%A", "/api/auth/%"]) expect(refusalOf("GET", path, {}, own), path).toBe("bad-address");
    expect(refusalOf("GET", "/book/calendar/OPS-ABC%20123", {}, own)).toBeUndefined();
    expect(refusalOf("GET", "/book?utm_source=%FF", {}, own), "a query is the page's to read").toBeUndefined();
  });

  it("lets the signed webhook in without an Origin", () => {
    expect(refusalOf("POST", "/api/webhooks/resend", { "content-length": "100" }, own)).toBeUndefined();
  });

  it("refuses a body over the limit, or of unknown length", () => {
    const headers = (extra: Record<string, string>) => ({ origin: "https://site.example", ...extra });
    expect(refusalOf("POST", "/book", headers({ "content-length": String(MAX_REQUEST_BODY_BYTES) }), own)).toBeUndefined();
    expect(refusalOf("POST", "/book", headers({ "content-length": String(MAX_REQUEST_BODY_BYTES + 1) }), own)).toBe("too-large");
    expect(refusalOf("POST", "/book", headers({ "transfer-encoding": "chunked" }), own)).toBe("length-required");
    expect(refusalOf("POST", "/book", headers({ "content-length": "12abc" }), own)).toBe("length-required");
  });
});

describe("the security headers", () => {
  it("allow scripts only from this origin and by nonce or hash, never inline or eval'd, and are never framed", () => {
    const policy = contentSecurityPolicy({ nonce: "abc", hashes: ["sha256-xyz"] }, false);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'sha256-xyz'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|upgrade-insecure-requests/);
    expect(contentSecurityPolicy({}, true)).toContain("upgrade-insecure-requests");
  });

  it("send HSTS only over HTTPS", () => {
    expect(securityHeaders(false)["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders(true)["Strict-Transport-Security"]).toMatch(/max-age=\d{8}/);
    expect(securityHeaders(false)["X-Content-Type-Options"]).toBe("nosniff");
  });
});

describe("inlineScriptHashes", () => {
  it("hashes each inline script once, and leaves out scripts with a src and JSON data blocks", () => {
    const body = "self.__next_f.push([1])";
    const html = `<script>${body}</script><script src="/a.js"></script><script type="application/ld+json">{"a":1}</script><script>${body}</script>`;
    expect(inlineScriptHashes(html)).toEqual([`sha256-${createHash("sha256").update(body).digest("base64")}`]);
  });

  it("refuses an address longer than nginx takes, whose echo in a redirect no proxy would pass on", () => {
    expect(refusalOf("GET", `/book?slot=${"a".repeat(MAX_REQUEST_TARGET_BYTES - 11)}`, {}, own)).toBeUndefined();
    expect(refusalOf("GET", `/book?slot=${"a".repeat(MAX_REQUEST_TARGET_BYTES - 10)}`, {}, own)).toBe("address-too-long");
  });
});
