/** What a page's scripts may be: this origin's files, plus one nonce (dynamic pages) or the hashes of its inline scripts (prerendered pages). */
export type ScriptSources = { nonce?: string; hashes?: readonly string[] };

export function contentSecurityPolicy(scripts: ScriptSources, https: boolean): string {
  const script = ["'self'", ...(scripts.nonce ? [`'nonce-${scripts.nonce}'`] : []), ...(scripts.hashes ?? []).map((hash) => `'${hash}'`)];
  return [
    "default-src 'none'",
    `script-src ${script.join(" ")}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * The headers every response carries, whoever answers it (this server or nginx, whose config
 * repeats them: deploy/nginx.conf). HSTS only where the site is served over HTTPS.
 */
export function securityHeaders(https: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
