import { render, toPlainText } from "@react-email/render";
import type { ReactElement } from "react";

// Headings as written rather than in capitals.
const TEXT_OPTIONS = {
  selectors: [
    { selector: "h1", options: { uppercase: false } },
    { selector: "h2", options: { uppercase: false } },
  ],
};

/**
 * An email's HTML and plain-text parts from one render: the text is converted from the HTML, as
 * render(…, { plainText: true }) would, without drawing the email a second time (an email's
 * render is most of the CPU a send costs the server).
 */
export async function renderEmail(body: ReactElement): Promise<{ html: string; text: string }> {
  const html = await render(body);
  return { html, text: toPlainText(html, TEXT_OPTIONS) };
}
