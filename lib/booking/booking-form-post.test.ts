import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/test-database";
import type { BookingFormAnswer } from "./answer-booking-form";
import type { BookingFormInput } from "./booking-form-schema";
import { bookingFormInput } from "./booking-test-fixtures";
import { issueFormToken } from "./form-token";

// The booking form's post through a real HTTP server, against PostgreSQL: what it answers itself,
// and what it hands on (to Next.js in the server; here to the test's own handler), body and all.
const ACTION_ID = "60booking0action0id";
let database: TestDatabase;
let server: Server;
let url: string;
let firstSlot: string;
let laterSlot: string;
let handedOn: Array<{ method: string; body: string; contentType: string | undefined; edgeAnswer: BookingFormAnswer | undefined }>;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  const { createBookingFormPost } = await import("./booking-form-post");
  const { runWithRequestContext } = await import("../http/request-context");
  const { listOpenSlots } = await import("./list-open-slots");
  const { bookingSettingsFromConfig } = await import("./booking-settings");
  const { getConfig } = await import("../config");
  const post = createBookingFormPost({ actionId: ACTION_ID, appUrl: "http://localhost:3000" });
  server = createServer((request, response) => {
    const context = { requestId: "booking-form-post-test" };
    void runWithRequestContext(context, async () => {
      const unanswered = await post(request, response);
      if (!unanswered) return;
      const chunks: Buffer[] = [];
      for await (const chunk of unanswered) chunks.push(chunk as Buffer);
      const edgeAnswer = (context as { edgeAnswer?: BookingFormAnswer }).edgeAnswer;
      handedOn.push({ method: unanswered.method!, body: Buffer.concat(chunks).toString(), contentType: unanswered.headers["content-type"], edgeAnswer });
      response.end("handed on");
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const slots = await listOpenSlots(database.prisma, bookingSettingsFromConfig(getConfig()).availability);
  firstSlot = slots[0]!.startsAt.toISOString();
  laterSlot = slots[5]!.startsAt.toISOString();
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  const { getDatabase } = await import("../db/database");
  await getDatabase().then((opened) => opened.close());
  await database.destroy();
});

beforeEach(() => {
  handedOn = [];
});

/** The form as /book draws it (React's fields for the action and its last state), filled in by a person of its own. */
function bookingForm(overrides: Partial<BookingFormInput> = {}, state: object = { formToken: issueFormToken(new Date(Date.now() - 60_000)), values: {}, fieldErrors: {}, answer: 0 }) {
  const form = new FormData();
  const fields: Record<string, string> = {
    $ACTION_REF_1: "",
    "$ACTION_1:0": JSON.stringify({ id: ACTION_ID, bound: "$@1" }),
    "$ACTION_1:1": JSON.stringify([state]),
    $ACTION_KEY: "k0123456789abcdef",
    ...(bookingFormInput({ slot: firstSlot, ...overrides }) as Record<string, string>),
    timeZone: "America/New_York",
    website: "",
  };
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

const send = (body: FormData, path = "/book", headers: Record<string, string> = {}) => fetch(`${url}${path}`, { method: "POST", body, headers, redirect: "manual" });
const rows = async () => ({ leads: await database.prisma.lead.count(), outbox: await database.prisma.outboxMessage.count() });

describe("the booking form's post, answered before Next.js", () => {
  it("books a filled-in form and answers the 303 to its confirmation itself: the lead, its booking and its three outbox rows stored", async () => {
    const form = bookingForm();
    const response = await send(form);
    expect(response.status).toBe(303);
    const reference = new URL(response.headers.get("location")!, url).searchParams.get("ref");
    expect(response.headers.get("location")).toBe(`/book/confirmed?ref=${reference}`);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(handedOn).toEqual([]);
    const lead = await database.prisma.lead.findUniqueOrThrow({ where: { reference: reference! }, include: { booking: true, outbox: true } });
    expect(lead).toMatchObject({ email: form.get("email"), status: "NEW", timeZone: "America/New_York" });
    expect(lead.booking?.startsAt.toISOString()).toBe(firstSlot);
    expect(lead.outbox.map((row) => row.kind).sort()).toEqual(["BOOKING_CONFIRMATION", "BOOKING_REMINDER", "STAFF_NOTIFICATION"]);
    expect(lead.outbox.every((row) => row.requestId === "booking-form-post-test")).toBe(true);
  });

  it("hands a form to fix on to Next.js with its body unchanged and the answer worked out, having stored nothing", async () => {
    const before = await rows();
    const form = bookingForm({ email: "not-an-email", message: "$100 a month" }, { formToken: issueFormToken(new Date(Date.now() - 60_000)), values: { message: "$$earlier" }, fieldErrors: {}, answer: 2 });
    const response = await send(form);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("handed on");
    expect(handedOn).toHaveLength(1);
    const [request] = handedOn;
    expect(request!.method).toBe("POST");
    expect(request!.contentType).toMatch(/^multipart\/form-data; boundary=/);
    const replayed = await new Response(request!.body, { headers: { "content-type": request!.contentType! } }).formData();
    expect(Object.fromEntries(replayed)).toEqual(Object.fromEntries(form));
    expect(request!.edgeAnswer).toMatchObject({
      kind: "form",
      state: { answer: 3, values: { email: "not-an-email", message: "$100 a month" }, fieldErrors: { email: expect.any(String) } },
    });
    expect(await rows()).toEqual(before);
  });

  it("hands on, with no answer of its own, a post naming another action, a post whose state is not plain values, and one that is not a form", async () => {
    const before = await rows();
    const otherAction = bookingForm();
    otherAction.set("$ACTION_1:0", JSON.stringify({ id: "60some0other0action", bound: "$@1" }));
    const dated = bookingForm();
    dated.set("$ACTION_1:1", JSON.stringify([{ formToken: issueFormToken(new Date(Date.now() - 60_000)), values: {}, fieldErrors: {}, answer: 0, at: "$D2026-12-01T00:00:00.000Z" }]));
    const byId = bookingForm();
    byId.delete("$ACTION_REF_1");
    byId.append(`$ACTION_ID_${ACTION_ID}`, "");
    for (const form of [otherAction, dated, byId]) expect((await send(form)).status).toBe(200);
    const truncated = await fetch(`${url}/book`, { method: "POST", body: "--x\r\nContent-Disposition: form-data; name=\"fullName\"\r\n\r\nCut", headers: { "content-type": "multipart/form-data; boundary=x" } });
    expect(await truncated.text()).toBe("handed on");
    expect(handedOn.map((request) => request.edgeAnswer)).toEqual([undefined, undefined, undefined, undefined]);
    expect(handedOn.slice(0, 3).map((request) => request.body.includes(`name="$ACTION_`))).toEqual([true, true, true]);
    expect(await rows()).toEqual(before);
  });

  it("leaves alone what is not the form's post: another page, a GET, and React's own fetch of the action", async () => {
    const before = await rows();
    expect((await send(bookingForm(), "/book/manage/x")).status).toBe(200);
    expect((await send(bookingForm(), "/book", { "next-action": ACTION_ID })).status).toBe(200);
    expect((await fetch(`${url}/book`)).status).toBe(200);
    expect(handedOn.map((request) => [request.method, request.edgeAnswer])).toEqual([
      ["POST", undefined],
      ["POST", undefined],
      ["GET", undefined],
    ]);
    expect(await rows()).toEqual(before);
  });

  it("answers a form sent again after it booked with the same booking, not a second one", async () => {
    const form = bookingForm({ slot: laterSlot });
    const first = await send(form);
    expect(first.status).toBe(303);
    const again = await send(form);
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect(await database.prisma.lead.count({ where: { email: String(form.get("email")) } })).toBe(1);
  });
});
