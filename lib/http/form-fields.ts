/** A form field as text: "" when it is missing or a file. */
export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** Every field of what an action was sent; a caller other than our forms may send anything at all. */
export const formFields = (formData: unknown): Record<string, unknown> => (formData instanceof FormData ? Object.fromEntries(formData) : {});
