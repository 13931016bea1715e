import type { LookupAddress, LookupAllOptions } from "node:dns";
import { isIP } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BlockedAddressError, createGuardedFetch } from "./guarded-fetch";
import { startTestHttpServer, type Handler, type TestHttpServer } from "./test-http-server";

// Made-up host names with the addresses a DNS server (possibly an attacker's) could give them.
const fakeDns = vi.hoisted(() => new Map<string, string[]>([
  ["calendar.example.test", ["127.0.0.1"]],
  ["intranet.example.test", ["10.0.0.7"]],
  ["rebinding.example.test", ["93.184.215.14", "127.0.0.1"]],
]));
vi.mock("node:dns/promises", async (importOriginal) => {
  const dns = await importOriginal<typeof import("node:dns/promises")>();
  const lookup = async (hostname: string, options: LookupAllOptions): Promise<LookupAddress[]> =>
    fakeDns.get(hostname)?.map((address) => ({ address, family: isIP(address) })) ?? dns.lookup(hostname, options);
  return { ...dns, lookup, default: { ...dns, lookup } };
});

const servers: TestHttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});
async function serve(handle: Handler = (_, response) => response.end("hello")): Promise<TestHttpServer> {
  const server = await startTestHttpServer(handle);
  servers.push(server);
  return server;
}
const redirectTo = (location: (path: string) => string, status = 302): Handler =>
  (request, response) => response.writeHead(status, { location: location(request.path) }).end();

describe("addresses that are refused", () => {
  it("refuses loopback by default, whether named or written as an IP literal, before any request is made", async () => {
    const server = await serve();
    const guardedFetch = createGuardedFetch();
    for (const host of ["127.0.0.1", "localhost", "[::1]", "2130706433", "0x7f.1", "127.1", "[::ffff:127.0.0.1]", "calendar.example.test"]) {
      await expect(guardedFetch(`http://${host}:${server.port}/`), host).rejects.toThrow(BlockedAddressError);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("refuses a host when any of its addresses is blocked, and names only the host in the error", async () => {
    const attempt = createGuardedFetch()("http://rebinding.example.test/secret-token/basic.ics?key=hush");
    await expect(attempt).rejects.toThrow("rebinding.example.test resolves to 127.0.0.1, a loopback, private or reserved address");
    await expect(attempt).rejects.not.toThrow(/secret-token|hush/);
  });

  it("connects to the very address that was checked", async () => {
    const server = await serve();
    const checked: string[] = [];
    const guardedFetch = createGuardedFetch({ isBlockedAddress: (address) => (checked.push(address), false) });
    const response = await guardedFetch(`http://calendar.example.test:${server.port}/feed.ics`);
    expect(await response.text()).toBe("hello");
    expect(checked).toEqual(["127.0.0.1"]);
    expect(server.requests[0]).toMatchObject({ path: "/feed.ics", headers: { host: `calendar.example.test:${server.port}` } });
  });

  it("checks every redirect hop again, for IP literals and host names alike", async () => {
    // Only 127.0.0.1 is allowed, so the first server is reachable and whatever it redirects to is not.
    const onlyLoopbackOne = createGuardedFetch({ isBlockedAddress: (address) => address !== "127.0.0.1" });
    const toOtherLoopback = await serve(redirectTo((path) => `http://127.0.0.2:1${path}`));
    await expect(onlyLoopbackOne(`${toOtherLoopback.url}/`)).rejects.toThrow("127.0.0.2 is a loopback, private or reserved address");
    const toIntranet = await serve(redirectTo(() => "http://intranet.example.test/admin", 307));
    await expect(onlyLoopbackOne(`${toIntranet.url}/`)).rejects.toThrow("intranet.example.test resolves to 10.0.0.7");
    expect([toOtherLoopback.requests.length, toIntranet.requests.length]).toEqual([1, 1]);
  });

  it("refuses other schemes, from the caller and in redirects, and addresses with credentials in them", async () => {
    const guardedFetch = createGuardedFetch({ allowPrivateHosts: true });
    await expect(guardedFetch("file:///etc/passwd")).rejects.toThrow("Only http and https addresses can be fetched, not file:");
    await expect(guardedFetch("ftp://example.com/feed.ics")).rejects.toThrow(TypeError);
    const toFile = await serve(redirectTo(() => "file:///etc/passwd"));
    await expect(guardedFetch(toFile.url)).rejects.toThrow("not file:");
    const withCredentials = guardedFetch("https://ann:app-password@caldav.example.com/");
    await expect(withCredentials).rejects.toThrow("The address for caldav.example.com has a user name or password in it");
    await expect(withCredentials).rejects.not.toThrow(/app-password/);
  });
});

describe("requests and responses, with private hosts allowed", () => {
  const guardedFetch = createGuardedFetch({ allowPrivateHosts: true });

  it("sends a GET and returns a real Response", async () => {
    const server = await serve((_, response) => response.writeHead(200, { "content-type": "text/calendar" }).end("BEGIN:VCALENDAR"));
    const response = await guardedFetch(new URL(`${server.url}/feed.ics?token=1`));
    expect(response).toBeInstanceOf(Response);
    expect([response.status, response.ok, response.headers.get("content-type")]).toEqual([200, true, "text/calendar"]);
    expect(await response.text()).toBe("BEGIN:VCALENDAR");
    expect(server.requests[0]).toMatchObject({ method: "GET", path: "/feed.ics?token=1", headers: { "accept-encoding": "gzip, deflate, br" } });
  });

  it("sends a custom method with its headers and body, as tsdav does", async () => {
    const server = await serve((_, response) => response.writeHead(207, { "content-type": "application/xml" }).end("<multistatus/>"));
    const body = '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/></d:prop></d:propfind>';
    const headers = { Depth: "1", Authorization: "Basic YW5uOnB3", "Content-Type": "text/xml;charset=UTF-8" };
    const response = await guardedFetch(`${server.url}/dav/`, { method: "PROPFIND", headers, body });
    expect([response.status, await response.text()]).toEqual([207, "<multistatus/>"]);
    expect(server.requests[0]).toMatchObject({
      method: "PROPFIND",
      body,
      headers: { depth: "1", authorization: "Basic YW5uOnB3", "content-type": "text/xml;charset=UTF-8", "content-length": String(body.length) },
    });
  });

  it("accepts a Request, and refuses a body it cannot send", async () => {
    const server = await serve((_, response) => response.writeHead(201).end());
    const request = new Request(`${server.url}/event.ics`, { method: "PUT", headers: [["If-Match", '"1"']], body: new TextEncoder().encode("BEGIN:VEVENT") });
    expect((await guardedFetch(request)).status).toBe(201);
    expect(server.requests[0]).toMatchObject({ method: "PUT", body: "BEGIN:VEVENT", headers: { "if-match": '"1"' } });
    await expect(guardedFetch(server.url, { method: "POST", body: new URLSearchParams({ a: "1" }) })).rejects.toThrow("only string or byte");
  });

  it("returns a 304 with no body", async () => {
    const server = await serve((_, response) => response.writeHead(304, { etag: '"v1"' }).end());
    const response = await guardedFetch(`${server.url}/feed.ics`, { headers: new Headers({ "If-None-Match": '"v1"' }) });
    expect([response.status, response.body, response.headers.get("etag")]).toEqual([304, null, '"v1"']);
    expect(server.requests[0]?.headers["if-none-match"]).toBe('"v1"');
  });
});

describe("redirects, with private hosts allowed", () => {
  const guardedFetch = createGuardedFetch({ allowPrivateHosts: true, maxRedirects: 3 });

  it("follows them, keeping method and body on 307/308, and drops Authorization on leaving the origin", async () => {
    const elsewhere = await serve();
    const origin = await serve((request, response) =>
      request.path === "/first" ? redirectTo(() => "/second", 307)(request, response) : redirectTo(() => `${elsewhere.url}/third`, 308)(request, response),
    );
    const response = await guardedFetch(`${origin.url}/first`, { method: "PUT", body: "BEGIN:VEVENT", headers: { authorization: "Basic c2VjcmV0" } });
    expect(await response.text()).toBe("hello");
    expect(origin.requests.map(({ path, headers }) => [path, headers.authorization])).toEqual([["/first", "Basic c2VjcmV0"], ["/second", "Basic c2VjcmV0"]]);
    expect(elsewhere.requests).toEqual([expect.objectContaining({ method: "PUT", path: "/third", body: "BEGIN:VEVENT" })]);
    expect(elsewhere.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("turns a POST into a GET without its body on 303", async () => {
    const server = await serve((request, response) => (request.path === "/form" ? redirectTo(() => "/done", 303)(request, response) : response.end("done")));
    await guardedFetch(`${server.url}/form`, { method: "POST", body: "a=1", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(server.requests[1]).toMatchObject({ method: "GET", path: "/done", body: "" });
    expect(server.requests[1]?.headers["content-type"]).toBeUndefined();
  });

  it("gives up after maxRedirects", async () => {
    const server = await serve(redirectTo((path) => `${path}x`));
    await expect(guardedFetch(`${server.url}/`)).rejects.toThrow("Too many redirects (more than 3) fetching from 127.0.0.1");
    expect(server.requests.map((request) => request.path)).toEqual(["/", "/x", "/xx", "/xxx"]);
  });

  it("returns the redirect itself with redirect: manual (tsdav's service discovery)", async () => {
    const server = await serve(redirectTo(() => "/dav/", 301));
    const response = await guardedFetch(`${server.url}/.well-known/caldav`, { method: "PROPFIND", redirect: "manual" });
    expect([response.status, response.headers.get("location"), server.requests.length]).toEqual([301, "/dav/", 1]);
  });
});
