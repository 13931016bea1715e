// C0 and C1 control characters; line breaks and tabs are kept only where a field allows lines.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LINE_BREAKS_AND_TABS = /[\t\n\r]/g;

/** Unicode NFC, no control characters, collapsed spaces, trimmed: one line of text. */
export function normalizeLine(value: string): string {
  return value.normalize("NFC").replace(CONTROL, "").replace(LINE_BREAKS_AND_TABS, " ").replace(/\s+/g, " ").trim();
}

/** As normalizeLine, but keeps line breaks (as \n) for free text. */
export function normalizeParagraphs(value: string): string {
  return value
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL, "")
    .replace(/\t/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
