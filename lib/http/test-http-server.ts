import { once } from "node:events";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A local HTTP server for tests of outgoing requests: records each request, answers with `handle`. */

export type RecordedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: string };

export type TestHttpServer = {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  url: string;
  port: number;
  /** The requests received so far, oldest first. */
  requests: RecordedRequest[];
  stop(): Promise<void>;
};

/** `handle` is called once the request body has been read; it may leave the response unanswered. */
export type Handler = (request: RecordedRequest, response: ServerResponse) => void;

export async function startTestHttpServer(handle: Handler): Promise<TestHttpServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (incoming, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const request = { method: incoming.method ?? "", path: incoming.url ?? "", headers: incoming.headers, body: Buffer.concat(chunks).toString("utf8") };
    requests.push(request);
    handle(request, response);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    async stop() {
      const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      server.closeAllConnections();
      await closed;
    },
  };
}
