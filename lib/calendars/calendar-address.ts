/**
 * A calendar address as people paste it, made fetchable: webcal:// (what Google, Apple and
 * Outlook hand out for subscriptions) is https://, surrounding spaces go. Null unless http(s).
 */
export function calendarUrl(input: string): URL | null {
  const trimmed = input.trim().replace(/^webcals?:\/\//i, "https://");
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (url.username || url.password) return null;
  return url;
}
