import http from "node:http";

export type JunkRequest = {
  /** What was sent and how it was broken, printed with any failure so it can be read (and made again from the seed). */
  recipe: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Sends this many bytes of the body (its whole length declared), then drops the connection: no answer is expected. */
  abortAfterBytes?: number;
};

export type JunkAnswer = { index: number; status: number; error?: string; unescaped?: string; ms?: number };

/** The server closed the connection without answering (Next.js does so when a form's upload cannot be parsed): not a 5xx, and counted apart. */
export const isDropped = (answer: JunkAnswer) => answer.status === 0 && /socket hang up|ECONNRESET/.test(answer.error ?? "");

// Injected markup that must come back escaped, if at all.
const DANGEROUS = ["<script>alert(document.cookie)</script>", "<img src=x onerror=alert(1)>"];

function sendOne(agent: http.Agent, port: number, request: JunkRequest, index: number): Promise<JunkAnswer> {
  return new Promise((resolve) => {
    const headers = { ...request.headers };
    if (request.body && headers["content-length"] === undefined && headers["transfer-encoding"] === undefined) headers["content-length"] = String(request.body.length);
    const req = http.request({ host: "127.0.0.1", port, method: request.method, path: request.path, headers, agent: request.abortAfterBytes === undefined ? agent : false });
    req.setTimeout(60_000, () => req.destroy(new Error("no answer within 60 s")));
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        resolve({ index, status: res.statusCode ?? 0, unescaped: DANGEROUS.find((markup) => body.includes(markup)) });
      });
      res.on("error", (error) => resolve({ index, status: res.statusCode ?? 0, error: error.message }));
    });
    req.on("error", (error) => resolve({ index, status: 0, error: request.abortAfterBytes === undefined ? error.message : undefined }));
    if (request.abortAfterBytes !== undefined && request.body) {
      req.write(request.body.subarray(0, request.abortAfterBytes), () => setImmediate(() => req.destroy()));
      // A destroyed request that never saw an answer is what was meant.
      req.on("close", () => resolve({ index, status: 0 }));
      return;
    }
    req.end(request.body);
  });
}

/**
 * Sends `count` requests made by `make` (called once per index, in order, so a seeded maker gives
 * the same requests again), `concurrency` at a time; returns each one's answer and recipe by index.
 * Requests are made as they are sent: the whole flood held at once would be gigabytes.
 */
export async function sendAll(
  port: number,
  count: number,
  make: (index: number) => JunkRequest,
  concurrency: number,
  onAnswer?: (done: number) => void,
): Promise<Array<JunkAnswer & { recipe: string }>> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const answers: Array<JunkAnswer & { recipe: string }> = new Array(count);
  let nextIndex = 0;
  let done = 0;
  const worker = async () => {
    while (nextIndex < count) {
      const index = nextIndex++;
      const request = make(index);
      const started = performance.now();
      answers[index] = { ...(await sendOne(agent, port, request, index)), recipe: request.recipe, ms: performance.now() - started };
      onAnswer?.(++done);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return answers;
}
