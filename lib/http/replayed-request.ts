import { IncomingMessage } from "node:http";

/**
 * A request whose body the server has already read, to hand on as if unread: the same method,
 * address, headers and socket, and the body again. Next.js reads a request only as a stream.
 */
export function replayedRequest(request: IncomingMessage, body: Buffer): IncomingMessage {
  const replay = new IncomingMessage(request.socket);
  replay.method = request.method;
  replay.url = request.url;
  replay.headers = request.headers;
  replay.rawHeaders = request.rawHeaders;
  replay.httpVersion = request.httpVersion;
  replay.httpVersionMajor = request.httpVersionMajor;
  replay.httpVersionMinor = request.httpVersionMinor;
  // Complete: destroying a replay once read must not close the connection, as it would an upload cut short.
  replay.complete = true;
  replay.push(body);
  replay.push(null);
  return replay;
}

/** The whole body of a request, at most `maxBytes` (more: rejected, and the request destroyed). */
export function readRequestBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    request.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) request.destroy(new Error(`request body over ${maxBytes} bytes`));
      else chunks.push(chunk);
    });
    request.once("end", () => resolve(Buffer.concat(chunks, bytes)));
    request.once("error", reject);
    request.once("close", () => reject(new Error("the client closed the request before its body ended")));
  });
}
