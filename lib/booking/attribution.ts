import { z } from "zod";

// First-touch attribution, first-party: the proxy records where a visitor came from in a cookie
// when they first open the booking page (no script needed), and the booking copies it onto the
// lead. Reader pages are static and never pass through the app, so the page a visitor was reading
// is known from the booking page's Referer: the site's Referrer-Policy (strict-origin-when-cross-
// origin) sends the full address, campaign parameters and all, between its own pages.

/** The first-touch cookie: over HTTPS Secure and `__Host-` prefixed (this host only, path /, never set over plain HTTP). */
export function firstTouchCookie(appUrl: string): { name: string; secure: boolean } {
  const secure = appUrl.startsWith("https:");
  return { name: secure ? "__Host-first_touch" : "first_touch", secure };
}
export const FIRST_TOUCH_MAX_AGE_SECONDS = 60 * 60 * 24 * 90;

const value = z.string().max(500).optional().catch(undefined);

export const attributionSchema = z.object({
  utmSource: value,
  utmMedium: value,
  utmCampaign: value,
  utmTerm: value,
  utmContent: value,
  gclid: value,
  referrer: value,
  landingPage: value,
});

export type Attribution = z.infer<typeof attributionSchema>;

const queryParameters = {
  utmSource: "utm_source",
  utmMedium: "utm_medium",
  utmCampaign: "utm_campaign",
  utmTerm: "utm_term",
  utmContent: "utm_content",
  gclid: "gclid",
} as const;

const clip = (text: string | null | undefined) => (text ? text.slice(0, 500) : undefined);

/** Where this request came from: its campaign parameters, an outside referrer, the page it landed on. */
export function attributionOf(url: URL, referer: string | null): Attribution {
  const attribution: Attribution = {};
  for (const [field, parameter] of Object.entries(queryParameters)) {
    attribution[field as keyof typeof queryParameters] = clip(url.searchParams.get(parameter));
  }
  const from = referer ? URL.parse(referer) : null;
  if (from && from.host !== url.host) attribution.referrer = clip(from.href);
  attribution.landingPage = clip(url.pathname + url.search);
  return attribution;
}

const hasCampaign = (url: URL) => Object.values(queryParameters).some((parameter) => url.searchParams.has(parameter));

/**
 * Where a visitor opening the booking page at `url` came from: the site's page they were on (with
 * its campaign parameters) when the Referer is one of `siteHosts`, else the booking page itself and
 * the outside referrer. Campaign parameters on the booking page's own address win.
 */
export function attributionAtBooking(url: URL, referer: string | null, siteHosts: readonly string[]): Attribution {
  const from = referer ? URL.parse(referer) : null;
  const fromSite = from !== null && (from.host === url.host || siteHosts.includes(from.host));
  if (fromSite && !hasCampaign(url)) return attributionOf(from, null);
  return attributionOf(url, fromSite ? null : referer);
}

/** Browsers drop a cookie whose name and value pass 4,096 bytes; this leaves room for the name and attributes. */
export const FIRST_TOUCH_MAX_ENCODED_BYTES = 3_500;

/**
 * The cookie's value (the cookie API percent-encodes it), short enough that a browser keeps it:
 * values full of characters that encode to three bytes each are cut, the longest first.
 */
export function encodeAttribution(attribution: Attribution): string {
  const fitted = { ...attribution };
  let json = JSON.stringify(fitted);
  while (encodeURIComponent(json).length > FIRST_TOUCH_MAX_ENCODED_BYTES) {
    const [field, text] = Object.entries(fitted).reduce((longest, entry) => ((entry[1]?.length ?? 0) > (longest[1]?.length ?? 0) ? entry : longest));
    fitted[field as keyof Attribution] = text!.slice(0, Math.floor(text!.length / 2));
    json = JSON.stringify(fitted);
  }
  return json;
}

export function decodeAttribution(cookie: string | undefined): Attribution {
  if (!cookie) return {};
  try {
    return attributionSchema.parse(JSON.parse(cookie));
  } catch {
    return {};
  }
}
