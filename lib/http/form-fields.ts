/** A form field as text: "" when it is missing or a file, or when what was sent is not a form at all. */
export function formText(formData: unknown, name: string): string {
  const value = formData instanceof FormData ? formData.get(name) : null;
  return typeof value === "string" ? value : "";
}

/** Every field of what an action was sent; a caller other than our forms may send anything at all. */
export const formFields = (formData: unknown): Record<string, unknown> => (formData instanceof FormData ? Object.fromEntries(formData) : {});

/** How many answers a form's previous state counts; 0 when the state sent back is not one an action wrote. */
export function answerCountOf(previous: unknown): number {
  const answer = typeof previous === "object" && previous !== null ? (previous as { answer?: unknown }).answer : undefined;
  return typeof answer === "number" && Number.isSafeInteger(answer) && answer >= 0 ? answer : 0;
}
