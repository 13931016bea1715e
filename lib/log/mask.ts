// What a log line may say about a person: enough to tell two apart while reading, not enough to
// find them. Applied to every field named like personal data (see logger.ts) and to error texts.

const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

/** "jane.doe@example.com" → "j***@example.com"; anything that is not one address → "***". */
export function maskEmail(value: unknown): string {
  if (typeof value !== "string") return "***";
  const match = /^([^@\s])[^@\s]*@([^@\s]+)$/.exec(value.trim());
  return match ? `${match[1]}***@${match[2]}` : "***";
}

/** A list of addresses, as the staff field holds them: "a@x.com, b@y.com" → "a***@x.com, b***@y.com". */
export function maskEmailList(value: unknown): string {
  if (typeof value !== "string") return "***";
  return value.split(",").map((address) => maskEmail(address)).join(", ");
}

/** "Jane Doe" → "J*** D***". */
export function maskName(value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") return "***";
  return value.trim().split(/\s+/).map((word) => `${[...word][0]}***`).join(" ");
}

/** Every email address inside a free text (an error message, say) masked. */
export function maskEmailsIn(text: string): string {
  return text.replace(EMAIL, (_, first: string, domain: string) => `${first}***@${domain}`);
}
