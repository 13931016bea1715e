import { createHash } from "node:crypto";
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local HTTP server for iCalendar feeds in tests (the "secret address" a calendar app publishes):
 * each path serves the text set for it, with a strong ETag, and answers a matching If-None-Match
 * with 304.
 */

export type FeedRequest = { ifNoneMatch: string | undefined; status: number };

export type FeedServer = {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  url: string;
  /** Serves `ics` at `path` (e.g. `/alice.ics`) from now on, and ends a `failWith` there. */
  setFeed(path: string, ics: string): void;
  /** `path` answers `status` from now on, until `setFeed` is called for it again. */
  failWith(path: string, status: number): void;
  /** The requests made to `path` so far, oldest first. */
  requests(path: string): FeedRequest[];
  stop(): Promise<void>;
};

type Feed = { body: string; etag: string };

export async function startFeedServer(): Promise<FeedServer> {
  const feeds = new Map<string, Feed>();
  const failures = new Map<string, number>();
  const requestsByPath = new Map<string, FeedRequest[]>();

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://feed.test").pathname;
    const ifNoneMatch = request.headers["if-none-match"];
    const feed = feeds.get(path);
    const failure = failures.get(path);
    let status: number;
    if (request.method !== "GET" && request.method !== "HEAD") {
      status = 405;
      response.writeHead(status, { allow: "GET, HEAD" }).end();
    } else if (failure !== undefined) {
      status = failure;
      response.writeHead(status, { "content-type": "text/plain" }).end(`failing with ${status} on purpose`);
    } else if (!feed) {
      status = 404;
      response.writeHead(status, { "content-type": "text/plain" }).end("no such feed");
    } else if (ifNoneMatch !== undefined && matchesEtag(ifNoneMatch, feed.etag)) {
      status = 304;
      response.writeHead(status, { etag: feed.etag }).end();
    } else {
      status = 200;
      response.writeHead(status, { "content-type": "text/calendar; charset=utf-8", etag: feed.etag });
      response.end(request.method === "HEAD" ? undefined : feed.body);
    }
    const list = requestsByPath.get(path) ?? [];
    list.push({ ifNoneMatch, status });
    requestsByPath.set(path, list);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    setFeed(path, ics) {
      feeds.set(path, { body: ics, etag: `"${createHash("sha256").update(ics).digest("base64url")}"` });
      failures.delete(path);
    },
    failWith(path, status) {
      failures.set(path, status);
    },
    requests(path) {
      return [...(requestsByPath.get(path) ?? [])];
    },
    async stop() {
      const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** If-None-Match compares weakly (RFC 9110 §13.1.2): `*`, or any listed tag with the same opaque part. */
function matchesEtag(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}
