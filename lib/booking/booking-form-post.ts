import type { IncomingMessage, ServerResponse } from "node:http";
import { firstTouchCookie } from "./attribution";
import { answerBookingForm, bookingConfirmedPath } from "./answer-booking-form";
import { cookieValue } from "../http/cookie-value";
import { clientAddressOf } from "../http/edge/client-address-header";
import { MAX_REQUEST_BODY_BYTES } from "../http/edge/request-guards";
import { isServerActionRequest } from "../http/edge/unreadable-action";
import { readRequestBody, replayedRequest } from "../http/replayed-request";
import { currentRequestContext } from "../http/request-context";
import { readServerActionForm } from "../http/server-action-form";
import { loggerFor } from "../log/logger";

export type BookingFormPostOptions = {
  /** The build's id of the booking form's server action (submitBooking). */
  actionId: string;
  appUrl: string;
};

/** POST /book as a browser sends the form: a server action's multipart post, without React's Next-Action header. */
function isBookingFormPost(request: IncomingMessage): boolean {
  const pathname = (request.url ?? "/").split("?")[0]!;
  return pathname === "/book" && request.headers["next-action"] === undefined && isServerActionRequest(request.method ?? "GET", pathname, request.headers);
}

/**
 * The booking form's post, answered in the server before Next.js: the same work as its server
 * action (answerBookingForm), without Next's machinery for it, which cost a booking twice the CPU.
 * A booking made is answered here, with the 303 to its confirmation the action would send. Anything
 * else goes on to Next.js: a form to draw again with what to fix (the action takes the answer worked
 * out here, rather than booking twice), or a post this does not read (Next.js decides what it is).
 * Resolves with the request for Next.js to handle (its body replayed), or undefined when answered.
 */
export function createBookingFormPost(options: BookingFormPostOptions) {
  const attributionCookie = firstTouchCookie(options.appUrl).name;
  const log = loggerFor("booking");

  return async (request: IncomingMessage, response: ServerResponse): Promise<IncomingMessage | undefined> => {
    if (!isBookingFormPost(request)) return request;
    let body: Buffer;
    try {
      body = await readRequestBody(request, MAX_REQUEST_BODY_BYTES);
    } catch {
      response.destroy();
      return undefined;
    }
    // Made only when Next.js is to have the request: a booking answered here needs none.
    const replay = () => replayedRequest(request, body);
    const formData = await new Response(new Uint8Array(body), { headers: { "content-type": request.headers["content-type"]! } }).formData().catch(() => undefined);
    const action = formData && readServerActionForm(formData);
    if (!formData || action?.actionId !== options.actionId) return replay();

    try {
      const answer = await answerBookingForm(action.boundArguments[0], formData, {
        clientIp: clientAddressOf(request.headers),
        attributionCookie: cookieValue(request.headers.cookie, attributionCookie),
      });
      if (answer.kind === "form") {
        const context = currentRequestContext();
        if (context) context.edgeAnswer = answer;
        return replay();
      }
      response.writeHead(303, { Location: bookingConfirmedPath(answer.reference), "Cache-Control": "no-store", "Content-Length": 0 });
      response.end();
      return undefined;
    } catch (error) {
      log.error({ err: error }, "could not answer a booking form post: Next.js answers it");
      return replay();
    }
  };
}
