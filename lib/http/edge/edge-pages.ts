import { escapeHtml, plainPage } from "../plain-page";
import { MAX_REQUEST_BODY_BYTES, MAX_REQUEST_TARGET_BYTES, type Refusal } from "./request-guards";

const status: Record<Refusal | "unreadable-form", number> = { "cross-site": 403, "too-large": 413, "length-required": 411, "bad-address": 400, "address-too-long": 414, "unreadable-form": 400 };

/** The status and page for a request refused before the app reads it. */
export function refusalResponse(refusal: Refusal | "unreadable-form", firmEmail: string): { status: number; html: string } {
  const email = escapeHtml(firmEmail);
  const writeToUs = `If this keeps happening, write to us at <a href="mailto:${email}">${email}</a>.`;
  const pages: Record<Refusal | "unreadable-form", string> = {
    "cross-site": plainPage("This form came from another site", [
      "We only accept forms sent from our own pages, so that no other site can act in your name. Nothing was saved.",
      `Open the form on our site and send it from there: <a href="/book">book a consultation</a>. ${writeToUs}`,
    ]),
    "too-large": plainPage("That was more than the form can take", [
      `What was sent is over ${Math.round(MAX_REQUEST_BODY_BYTES / 1024 / 1024)} MB, so we did not read it and nothing was saved.`,
      `Go back (your answers should still be there), shorten what you wrote, and send it again. ${writeToUs}`,
    ]),
    "length-required": plainPage("We could not read that request", [
      "It did not say how long it was, so we did not read it and nothing was saved.",
      `Go back and send the form again from your browser. ${writeToUs}`,
    ]),
    "bad-address": plainPage("We could not read that address", [
      "Part of the address is not valid text, so there is no page here.",
      `Check the link, or start from <a href="/">our home page</a>. ${writeToUs}`,
    ]),
    "address-too-long": plainPage("That address is too long", [
      `It is over ${MAX_REQUEST_TARGET_BYTES / 1024} KB, longer than any of our pages' addresses, so there is no page here.`,
      `Check the link, or start from <a href="/">our home page</a>. ${writeToUs}`,
    ]),
    "unreadable-form": plainPage("We could not read that form", [
      "What was sent is not a form from our pages, so we did not act on it and nothing was saved.",
      `Open the form on our site and send it again: <a href="/book">book a consultation</a>. ${writeToUs}`,
    ]),
  };
  return { status: status[refusal], html: pages[refusal] };
}
