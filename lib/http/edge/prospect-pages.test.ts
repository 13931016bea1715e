import { createServer, get, type IncomingMessage, type ServerResponse, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { asProspectPage, isProspectPage, serveAsProspectPage } from "./prospect-pages";

const SCRIPT = "/_next/static/page-scripts/booking-ABC123.js";

// A dynamic page as Next 16 streams it, cut short.
const head = '<!DOCTYPE html><html lang="en"><head><link rel="stylesheet" href="/_next/static/chunks/a.css"/>' +
  '<link rel="preload" as="script" fetchPriority="low" nonce="n0" href="/_next/static/chunks/b.js"/>' +
  '<script src="/_next/static/chunks/c.js" async="" nonce="n0"></script></head>';
const body = '<body><main><form action="" method="POST" data-enhance><input name="fullName" value="Grace"/></form></main>' +
  '<script nonce="n0">(self.__next_f=self.__next_f||[]).push([0])</script>' +
  '<script nonce="n0">self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n<\\/script>"])</script></body></html>';

describe("asProspectPage", () => {
  it("takes out Next's scripts and their preloads, and adds the page's own module in the head", () => {
    const page = asProspectPage(head + body, SCRIPT);
    expect(page).not.toContain("__next_f");
    expect(page).not.toContain(".js\"/>");
    expect(page).not.toContain("chunks/c.js");
    expect(page).toContain(`<script type="module" src="${SCRIPT}"></script></head>`);
    expect(page).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css"/>');
    expect(page).toContain('<input name="fullName" value="Grace"/>');
  });

  it("adds no script to a page without a form to enhance, or when the build made none", () => {
    expect(asProspectPage(head + "<body><h1>Booked</h1></body></html>", SCRIPT)).not.toContain("<script");
    expect(asProspectPage(head + body, undefined)).not.toContain("<script");
  });

  it("leaves alone the shell of a page that failed or was not found, which only React fills in", () => {
    const shell = '<!DOCTYPE html><html id="__next_error__"><head></head><body><script nonce="n0">self.__next_f.push([0])</script></body></html>';
    expect(asProspectPage(shell, SCRIPT)).toBe(shell);
  });
});

describe("isProspectPage", () => {
  it("is /book and every page under it, nothing else", () => {
    for (const path of ["/book", "/book/confirmed", "/book/manage/abc"]) expect(isProspectPage(path), path).toBe(true);
    for (const path of ["/", "/booking", "/articles/book", "/admin"]) expect(isProspectPage(path), path).toBe(false);
  });
});

// A server standing in for Next.js: it sends its answer in the ways Next's renderer and its
// compression middleware do (the head first, then the body in pieces).
let server: Server | undefined;
afterEach(() => server?.close());

async function serve(send: (response: ServerResponse) => void, { compress = true, rsc = false, method = "GET" } = {}) {
  let seenAcceptEncoding: string | undefined;
  server = createServer((request, response) => {
    serveAsProspectPage(request, response, { script: SCRIPT, compress });
    seenAcceptEncoding = request.headers["accept-encoding"];
    send(response);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const response = await new Promise<IncomingMessage>((resolve, reject) =>
    get(`http://127.0.0.1:${port}/book`, { method, headers: { "accept-encoding": "gzip", ...(rsc ? { rsc: "1" } : {}) } }, resolve).on("error", reject),
  );
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return { response, raw: Buffer.concat(chunks), seenAcceptEncoding };
}

const streamHtml = (response: ServerResponse) => {
  response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", Vary: "rsc" });
  response.flushHeaders();
  response.write(head);
  response.write(Buffer.from(body.slice(0, 40)));
  response.end(body.slice(40));
};

describe("serveAsProspectPage", () => {
  it("sends the rewritten page whole, gzipped for a client that takes it, with Next's own compression kept out", async () => {
    const { response, raw, seenAcceptEncoding } = await serve(streamHtml);
    expect(seenAcceptEncoding, "Next.js must not compress what is rewritten after it").toBeUndefined();
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(response.headers.vary).toBe("rsc, Accept-Encoding");
    expect(Number(response.headers["content-length"])).toBe(raw.length);
    const page = gunzipSync(raw).toString("utf8");
    expect(page).toBe(asProspectPage(head + body, SCRIPT));
  });

  it("sends it plain when compression is off (nginx in front compresses)", async () => {
    const { response, raw } = await serve(streamHtml, { compress: false });
    expect(response.headers["content-encoding"]).toBeUndefined();
    expect(raw.toString("utf8")).toBe(asProspectPage(head + body, SCRIPT));
  });

  it("answers a HEAD request, whose body Next.js ends with null, with the head alone", async () => {
    const { response, raw } = await serve(
      (answer) => {
        answer.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        answer.end(null);
      },
      { method: "HEAD" },
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(raw.length).toBe(0);
  });

  it("passes through untouched what is not HTML, and React's own requests", async () => {
    const calendar = await serve((response) => {
      response.writeHead(200, { "Content-Type": "text/calendar" });
      response.end("BEGIN:VCALENDAR<script>");
    });
    expect(calendar.raw.toString("utf8")).toBe("BEGIN:VCALENDAR<script>");
    const rsc = await serve(streamHtml, { rsc: true });
    expect(rsc.raw.toString("utf8")).toBe(head + body);
    expect(rsc.seenAcceptEncoding, "React's requests are compressed by Next.js as before").toBe("gzip");
  });
});
