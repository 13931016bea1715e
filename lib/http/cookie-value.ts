/** One cookie's value from a request's Cookie header, read as Next.js's cookies() reads it (the last of a name wins). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  let found: string | undefined;
  for (const pair of (header ?? "").split(/; */)) {
    const splitAt = pair.indexOf("=");
    if (splitAt === -1 || pair.slice(0, splitAt) !== name) continue;
    try {
      found = decodeURIComponent(pair.slice(splitAt + 1));
    } catch {
      // As Next.js: a value that does not decode is passed over.
    }
  }
  return found;
}
