const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char);

/** The page a client over the booking limit sees with its 429, saying when to try again. */
export function tooManyBookingsPage(retryAfterSeconds: number, firmEmail: string): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const email = escapeHtml(firmEmail);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Please try again shortly</title>
<style>body{font:1.125rem/1.6 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}
@media (prefers-color-scheme: dark){body{background:#020617;color:#f1f5f9}a{color:#93c5fd}}</style></head>
<body><main><h1>Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}</h1>
<p>We have received several bookings from your network in the last few minutes, so we have paused new ones for a short while.</p>
<p>Your details were not saved. Go back, and send the form again after ${minutes} minute${minutes === 1 ? "" : "s"}; or write to us at <a href="mailto:${email}">${email}</a>.</p>
<p><a href="/book">Back to the booking form</a></p></main></body></html>`;
}
