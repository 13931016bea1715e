const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char);

/**
 * A small page of its own, for answers given before the app renders anything (429, 403, 413, 503).
 * Its style is a file (public/plain-page.css), so the page needs nothing inline under the CSP.
 * `paragraphs` are HTML: escape what comes from outside with `escapeHtml`.
 */
export function plainPage(title: string, paragraphs: readonly string[]): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><link rel="stylesheet" href="/plain-page.css"></head>
<body><main><h1>${escapeHtml(title)}</h1>
${paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join("\n")}</main></body></html>`;
}

export { escapeHtml };
