import { z } from "zod";

// First-touch attribution, first-party: the proxy records where a visitor first came from in a
// cookie (no script needed), and the booking copies it onto the lead.

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

/** The cookie's value (the cookie API percent-encodes it). */
export function encodeAttribution(attribution: Attribution): string {
  return JSON.stringify(attribution);
}

export function decodeAttribution(cookie: string | undefined): Attribution {
  if (!cookie) return {};
  try {
    return attributionSchema.parse(JSON.parse(cookie));
  } catch {
    return {};
  }
}
