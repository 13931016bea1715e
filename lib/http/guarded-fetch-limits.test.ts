import { once } from "node:events";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { createGuardedFetch, RequestTimeoutError, ResponseTooLargeError } from "./guarded-fetch";
import { startTestHttpServer, type Handler, type TestHttpServer } from "./test-http-server";

const servers: TestHttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});
async function serve(handle: Handler): Promise<TestHttpServer> {
  const server = await startTestHttpServer(handle);
  servers.push(server);
  return server;
}

const KIB = 1024;

describe("the size cap", () => {
  const guardedFetch = createGuardedFetch({ allowPrivateHosts: true, maxBytes: 4 * KIB });

  it("accepts a body of exactly maxBytes", async () => {
    const server = await serve((_, response) => response.end("x".repeat(4 * KIB)));
    expect((await (await guardedFetch(server.url)).text()).length).toBe(4 * KIB);
  });

  it("refuses a body whose Content-Length is over the cap before reading it", async () => {
    // Only one byte of the body is ever sent: waiting for more would end in a timeout instead.
    const server = await serve((_, response) => response.writeHead(200, { "content-length": 5 * KIB }).write("x"));
    await expect(guardedFetch(server.url)).rejects.toThrow(new ResponseTooLargeError("The response from 127.0.0.1 is larger than 4096 bytes"));
  });

  it("stops reading a body without Content-Length as soon as it passes the cap", async () => {
    // The body never ends: only stopping at the cap, not at the end, can settle this.
    const server = await serve((_, response) => {
      response.write("x".repeat(3 * KIB));
      response.write("x".repeat(3 * KIB));
    });
    await expect(guardedFetch(server.url)).rejects.toThrow(ResponseTooLargeError);
  });
});

describe("compressed bodies", () => {
  const guardedFetch = createGuardedFetch({ allowPrivateHosts: true, maxBytes: 64 * KIB });
  const ics = "BEGIN:VCALENDAR\r\n".repeat(1000);

  it.each([
    ["gzip", gzipSync],
    ["deflate", deflateSync],
    ["br", brotliCompressSync],
  ])("decompresses %s", async (encoding, compress) => {
    const server = await serve((_, response) => response.writeHead(200, { "content-encoding": encoding }).end(compress(ics)));
    const response = await guardedFetch(server.url);
    expect(await response.text()).toBe(ics);
    expect(response.headers.get("content-encoding")).toBeNull();
  });

  it("keeps an Accept-Encoding the caller set", async () => {
    const server = await serve((request, response) => response.end(request.headers["accept-encoding"]));
    const response = await guardedFetch(server.url, { headers: { "accept-encoding": "identity" } });
    expect(await response.text()).toBe("identity");
  });

  it("stops a gzip bomb at the cap on the decompressed bytes", async () => {
    const bomb = gzipSync(Buffer.alloc(16 * 1024 * KIB));
    expect(bomb.length).toBeLessThan(64 * KIB); // small enough to pass the cap on what is received
    const server = await serve((_, response) => response.writeHead(200, { "content-encoding": "gzip", "content-length": bomb.length }).end(bomb));
    // Not `rejects.toThrow`: should it ever resolve, printing a 16 MiB Response would swamp the report.
    const outcome = await guardedFetch(server.url).then(() => "resolved", (error: unknown) => error);
    expect(outcome).toBeInstanceOf(ResponseTooLargeError);
  });
});

describe("the time limit", () => {
  const guardedFetch = createGuardedFetch({ allowPrivateHosts: true, timeoutMs: 300 });

  it("gives up on a server that never answers, and closes the connection", async () => {
    let closed: Promise<unknown> | undefined;
    const server = await serve((_, response) => {
      closed = once(response, "close");
    });
    await expect(guardedFetch(`${server.url}/secret-feed.ics`)).rejects.toThrow(new RequestTimeoutError("The request to 127.0.0.1 timed out after 300 ms"));
    await expect(closed).resolves.toBeDefined();
  });

  it("gives up on a body that trickles in slower than the limit allows", async () => {
    const server = await serve((_, response) => {
      response.writeHead(200, { "content-type": "text/calendar" });
      const drip = setInterval(() => response.write("x"), 50);
      response.on("close", () => clearInterval(drip));
    });
    await expect(guardedFetch(server.url)).rejects.toThrow(RequestTimeoutError);
    expect(server.requests).toHaveLength(1);
  });

  it("counts redirects against the same limit", async () => {
    const server = await serve((request, response) => {
      if (request.path === "/") response.writeHead(302, { location: "/stall" }).end();
    });
    await expect(guardedFetch(`${server.url}/`)).rejects.toThrow(RequestTimeoutError);
    expect(server.requests.map((request) => request.path)).toEqual(["/", "/stall"]);
  });

  it("stops when the caller's signal aborts, with the caller's reason", async () => {
    const caller = new AbortController();
    const server = await serve(() => caller.abort(new Error("the sync was cancelled")));
    await expect(createGuardedFetch({ allowPrivateHosts: true })(server.url, { signal: caller.signal })).rejects.toThrow("the sync was cancelled");
    await expect(createGuardedFetch()("http://127.0.0.1/", { signal: caller.signal })).rejects.toThrow("the sync was cancelled");
  });
});
