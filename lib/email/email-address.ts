// Anything a prospect typed can end up in a header (a subject, a Reply-To name). A CR or LF there
// would start a new header line (`\r\nBcc: …`), so every header value goes through these.

export const SUBJECT_MAX_LENGTH = 200;
const NAME_MAX_LENGTH = 100;

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/g;

/** One line of text fit for a header: no control characters, single spaces, at most `max` characters. */
export function headerSafe(text: string, max: number = SUBJECT_MAX_LENGTH): string {
  const line = text.replace(CONTROL, " ").replace(/\s+/g, " ").trim();
  const characters = Array.from(line); // by code point, so an emoji is never cut in half
  if (characters.length <= max) return line;
  return `${characters.slice(0, Math.max(0, max - 1)).join("").trimEnd()}…`;
}

/** `"Name" <address>`, the name quoted and escaped; the bare address when there is no name. */
export function mailbox(name: string, address: string): string {
  const safeAddress = headerSafe(address, 254);
  if (!/^[^\s<>"(),;:\\[\]]+@[^\s<>"(),;:\\[\]@]+$/.test(safeAddress)) {
    throw new Error(`mailbox: not an email address: ${JSON.stringify(safeAddress)}`);
  }
  const safeName = headerSafe(name, NAME_MAX_LENGTH);
  if (!safeName) return safeAddress;
  return `"${safeName.replace(/[\\"]/g, "\\$&")}" <${safeAddress}>`;
}
