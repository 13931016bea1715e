import { readFileSync } from "node:fs";
import http from "node:http";
import type { JunkRequest } from "./junk-requests";

// Sends the junk over plain node:http (fetch would refuse some of it: bodies on a GET, bytes that
// are not UTF-8 in a path), a few requests at a time, and keeps what came back.

/**
 * What came back: a status, or the error the client saw. A server that answers before it has read
 * a body it refuses (a 413, or a route that never reads it) may close the connection while the
 * client is still writing, which then sees the close before the answer: the server's access log
 * says what it answered (see junk.spec.ts).
 */
export type JunkOutcome = { request: JunkRequest; status: number } | { request: JunkRequest; error: string };

// Each request on a connection of its own: a client that is busy making its next megabyte of junk
// would otherwise reuse a kept-alive connection the server had already closed (its 5 s idle
// timeout), and report the server's correct close as a dropped request.
function send(baseUrl: URL, request: JunkRequest): Promise<JunkOutcome> {
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = { ...request.headers };
    if (request.body) headers["content-length"] = request.body.length;
    let outgoing: http.ClientRequest;
    try {
      outgoing = http.request({ agent: false, host: baseUrl.hostname, port: baseUrl.port, method: request.method, path: request.path, headers, timeout: 60_000 });
    } catch {
      // Node refuses to send it (a header it will not write): nothing reached the server.
      resolve({ request, status: 0 });
      return;
    }
    let status: number | undefined;
    outgoing.on("response", (response) => {
      status = response.statusCode ?? 0;
      response.resume();
      response.on("end", () => resolve({ request, status: status! }));
      response.on("error", () => resolve({ request, status: status! }));
    });
    outgoing.on("timeout", () => outgoing.destroy(new Error("no answer within 60 s")));
    outgoing.on("error", (error) => resolve(status === undefined ? { request, error: error.message } : { request, status }));
    outgoing.end(request.body);
  });
}

/** Sends every request that `next` makes, `concurrency` at a time; `each` hears of every outcome. */
export async function flood(baseUrl: string, count: number, next: (index: number) => JunkRequest, concurrency: number, each: (outcome: JunkOutcome) => void): Promise<void> {
  const url = new URL(baseUrl);
  let issued = 0;
  const lane = async () => {
    while (issued < count) {
      const request = next(issued++);
      each(await send(url, request));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
}

/** A process's resident memory in MB, from /proc (Linux). */
export function residentMegabytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
  if (!line) throw new Error(`no VmRSS for process ${pid}`);
  return Number(line[1]) / 1024;
}
