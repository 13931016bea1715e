import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { markActionEntered, runWithRequestContext, type RequestContext } from "../request-context";
import { answerUnreadableActions, isServerActionRequest } from "./unreadable-action";

describe("isServerActionRequest", () => {
  it("is a POST to a page from React's client or as a multipart form, never a route under /api/", () => {
    expect(isServerActionRequest("POST", "/book", { "next-action": "abc" })).toBe(true);
    expect(isServerActionRequest("POST", "/book", { "content-type": "Multipart/Form-Data; boundary=x" })).toBe(true);
    expect(isServerActionRequest("POST", "/book", { "content-type": "application/json" })).toBe(false);
    expect(isServerActionRequest("GET", "/book", { "next-action": "abc" })).toBe(false);
    expect(isServerActionRequest("POST", "/api/webhooks/resend", { "content-type": "multipart/form-data" })).toBe(false);
  });
});

// A server standing in for Next.js: it fails the way Next does (status 500, then a body), after
// running the "action" or not.
let server: Server | undefined;
afterEach(() => server?.close());

let loggedStatus: number | undefined;

async function answerOf(headers: Record<string, string>, { actionRuns, writeHead }: { actionRuns: boolean; writeHead: boolean }) {
  server = createServer((request, response) => {
    const context: RequestContext = { requestId: "r-12345678" };
    answerUnreadableActions(request, response, context, "hello@firm.example");
    runWithRequestContext(context, () => {
      if (actionRuns) markActionEntered();
      if (writeHead) response.writeHead(500, { "Content-Type": "text/plain", "Content-Length": "21" });
      else response.statusCode = 500;
      response.write("Internal ");
      response.end("Server Error");
      // As Next does once more after the body: the access log must still read what was sent.
      response.statusCode = 500;
    });
    response.once("close", () => (loggedStatus = response.statusCode));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}/book`, { method: "POST", headers, body: "x" });
  return { status: response.status, body: await response.text() };
}

describe("answerUnreadableActions", () => {
  it("answers a server action Next could not decode with a 400 page, however Next writes its 500", async () => {
    for (const writeHead of [true, false]) {
      const answer = await answerOf({ "next-action": "abc" }, { actionRuns: false, writeHead });
      expect(answer.status).toBe(400);
      await expect.poll(() => loggedStatus).toBe(400);
      expect(answer.body).toContain("We could not read that form");
      expect(answer.body).toContain("hello@firm.example");
      server?.close();
    }
  });

  it("leaves a 500 from an action that ran, and from any other request, as it is", async () => {
    expect(await answerOf({ "next-action": "abc" }, { actionRuns: true, writeHead: true })).toEqual({ status: 500, body: "Internal Server Error" });
    server?.close();
    expect(await answerOf({ "content-type": "text/plain" }, { actionRuns: false, writeHead: false })).toEqual({ status: 500, body: "Internal Server Error" });
  });
});
