const FALLBACK = "/admin";

/**
 * Where to go after signing in: only a path on this site (never another origin, a protocol-relative
 * `//host` or a backslash trick), else the admin's front page.
 */
export function safeCallbackPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return FALLBACK;
  try {
    const url = new URL(value, "http://site.invalid");
    const path = `${url.pathname}${url.search}${url.hash}`;
    // "/admin/..//evil.example" resolves to "//evil.example": another site again.
    if (url.origin !== "http://site.invalid" || path.startsWith("//") || path.startsWith("/\\")) return FALLBACK;
    return path;
  } catch {
    return FALLBACK;
  }
}
