import { afterEach, describe, expect, it } from "vitest";
import { runWithRequestContext } from "../http/request-context";
import { captureLogLines, type CapturedLog } from "./capture-log-lines";
import { loggerFor } from "./logger";

let capture: CapturedLog | undefined;
afterEach(() => capture?.stop());

describe("the logger", () => {
  it("writes one JSON line per event, naming its component and, inside a request, the request", () => {
    capture = captureLogLines();
    const log = loggerFor("test");
    log.info("outside");
    runWithRequestContext({ requestId: "req-abcdefgh" }, () => log.warn({ outboxId: "o-1" }, "inside"));
    expect(capture.raw.every((chunk) => chunk.endsWith("\n") && chunk.split("\n").length === 2)).toBe(true);
    const [outside, inside] = capture.entries();
    expect(outside).toMatchObject({ level: "info", component: "test", msg: "outside" });
    expect(outside).not.toHaveProperty("requestId");
    expect(inside).toMatchObject({ level: "warn", component: "test", requestId: "req-abcdefgh", outboxId: "o-1", msg: "inside" });
  });

  it("masks people, leaves out what they typed and hides secrets, however deep", () => {
    capture = captureLogLines();
    loggerFor("test").info(
      {
        email: "jane.doe@example.com",
        fullName: "Jane Doe",
        phone: "+1 212 555 0100",
        message: "We need a COO",
        lead: { email: "jane.doe@example.com", name: "Jane Doe", form: { company: "Acme" } },
        headers: { authorization: "Bearer s3cret", cookie: "session=s3cret", "set-cookie": "a=s3cret" },
        apiKey: "re_s3cret",
        calendar: { password: "s3cret" },
      },
      "a booking",
    );
    const [line] = capture.raw;
    for (const personal of ["jane.doe", "Jane", "Doe", "555", "COO", "Acme", "s3cret"]) expect(line).not.toContain(personal);
    expect(JSON.parse(line!)).toMatchObject({
      email: "j***@example.com",
      fullName: "J*** D***",
      phone: "***",
      message: "[omitted]",
      lead: { email: "j***@example.com", name: "J*** D***", form: "[omitted]" },
      headers: { authorization: "[redacted]", cookie: "[redacted]", "set-cookie": "[redacted]" },
      apiKey: "[redacted]",
      calendar: { password: "[redacted]" },
    });
  });

  it("logs an error's type and stack frames, with addresses in its message masked", () => {
    capture = captureLogLines();
    loggerFor("test").error({ err: new TypeError("no mailbox for jane.doe@example.com") }, "failed");
    const [entry] = capture.entries();
    const err = entry!.err as Record<string, string>;
    expect(err.type).toBe("TypeError");
    expect(err.message).toBe("no mailbox for j***@example.com");
    expect(err.stack).toMatch(/^at .*logger\.test\.ts/);
  });
});
