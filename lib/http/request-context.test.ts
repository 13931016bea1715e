import { describe, expect, it } from "vitest";
import { currentRequestContext, requestIdFrom, runWithRequestContext, setResponseStatus } from "./request-context";

describe("request context", () => {
  it("takes a trusted proxy's well-formed request id, and makes a new one otherwise", () => {
    expect(requestIdFrom("req-0123456789", true)).toBe("req-0123456789");
    expect(requestIdFrom("req-0123456789", false)).not.toBe("req-0123456789");
    expect(requestIdFrom("bad id\nwith a newline", true)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(undefined, true)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("is seen across awaits inside the request, and nowhere outside it", async () => {
    expect(currentRequestContext()).toBeUndefined();
    const seen = await runWithRequestContext({ requestId: "r-12345678" }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      setResponseStatus(503, 30);
      return currentRequestContext();
    });
    expect(seen).toEqual({ requestId: "r-12345678", status: { code: 503, retryAfterSeconds: 30 } });
    expect(currentRequestContext()).toBeUndefined();
  });
});
