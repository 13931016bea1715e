/**
 * The most of one field a form reads: twice the longest any of our forms allows (a 5,000-character
 * message), so a value over its limit still gets its message, while a script's megabyte is not
 * sent back, several times over, in the page that says so.
 */
export const FORM_TEXT_MAX_LENGTH = 10_000;

/** A form field as text (cut at FORM_TEXT_MAX_LENGTH): "" when it is missing or a file, or when what was sent is not a form at all. */
export function formText(formData: unknown, name: string): string {
  const value = formData instanceof FormData ? formData.get(name) : null;
  return typeof value === "string" ? value.slice(0, FORM_TEXT_MAX_LENGTH) : "";
}

/** Every field of what an action was sent; a caller other than our forms may send anything at all. */
export const formFields = (formData: unknown): Record<string, unknown> => (formData instanceof FormData ? Object.fromEntries(formData) : {});

/** How many answers a form's previous state counts; 0 when the state sent back is not one an action wrote. */
export function answerCountOf(previous: unknown): number {
  const answer = typeof previous === "object" && previous !== null ? (previous as { answer?: unknown }).answer : undefined;
  return typeof answer === "number" && Number.isSafeInteger(answer) && answer >= 0 ? answer : 0;
}
