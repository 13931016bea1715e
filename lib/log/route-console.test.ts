import { afterEach, describe, expect, it } from "vitest";
import { captureLogLines, type CapturedLog } from "./capture-log-lines";
import { routeConsoleToLog } from "./route-console";

const original = { error: console.error, warn: console.warn, info: console.info, log: console.log, debug: console.debug };
let capture: CapturedLog | undefined;
afterEach(() => {
  capture?.stop();
  Object.assign(console, original);
});

describe("console calls, routed to the log", () => {
  it("become one JSON line each, with the framework's marker dropped and the error serialised", () => {
    capture = captureLogLines();
    routeConsoleToLog();
    const error = new TypeError("Invalid URL: /book?email=jane.doe@example.com");
    console.error(" ⨯", error);
    console.warn("⚠ slow %s", "response");
    console.log("ready");
    expect(capture.raw).toHaveLength(3);
    const [failed, warned, logged] = capture.entries();
    expect(failed).toMatchObject({ level: "error", component: "console", msg: "TypeError", err: { type: "TypeError" } });
    expect((failed!.err as { message: string }).message).toContain("j***@example.com");
    expect(capture.raw[0]).not.toContain("jane.doe");
    expect(warned).toMatchObject({ level: "warn", msg: "slow response" });
    expect(logged).toMatchObject({ level: "info", msg: "ready" });
  });

  it("mask an email written in the text itself", () => {
    capture = captureLogLines();
    routeConsoleToLog();
    console.error("could not send to jane.doe@example.com");
    expect(capture.entries()[0]).toMatchObject({ msg: expect.stringContaining("@example.com") });
    expect(capture.raw[0]).not.toContain("jane.doe");
  });
});
