import { NextResponse, type NextRequest } from "next/server";
import { FIRST_TOUCH_MAX_AGE_SECONDS, attributionAtBooking, encodeAttribution, firstTouchCookie } from "@/lib/booking/attribution";
import { tooManyBookingsPage } from "@/lib/booking/too-many-bookings";
import { clientAddressOf } from "@/lib/http/edge/client-address-header";
import { bookingRateLimitKey } from "@/lib/booking/rate-limit-key";
import { peekRateLimit } from "@/lib/rate-limit/rate-limit";
import { bookingSettingsFromConfig } from "@/lib/booking/booking-settings";
import { getConfig } from "@/lib/config";
import { getPrisma } from "@/lib/db/database";
import { loggerFor } from "@/lib/log/logger";

// Two jobs on the booking page, and only there (reader pages are static and never wake the app):
// remember where a visitor came from when they first open it (a first-party cookie, so it works
// without JavaScript), and answer a booking POST from a client over its limit with 429 before any
// work is done. The booking itself enforces the limit too.
export async function proxy(request: NextRequest) {
  if (request.method === "POST" && !request.headers.has("next-action")) {
    const refusal = await refuseOverLimit(request);
    if (refusal) return refusal;
  }
  const response = NextResponse.next();
  const { APP_URL } = getConfig();
  const cookie = firstTouchCookie(APP_URL);
  if (request.method === "GET" && !request.cookies.has(cookie.name)) {
    // The site's own pages: its public address, and the host this request was sent to.
    const siteHosts = [new URL(APP_URL).host, request.headers.get("host") ?? ""];
    const attribution = attributionAtBooking(request.nextUrl, request.headers.get("referer"), siteHosts);
    response.cookies.set(cookie.name, encodeAttribution(attribution), {
      maxAge: FIRST_TOUCH_MAX_AGE_SECONDS,
      httpOnly: true,
      sameSite: "lax",
      secure: cookie.secure,
      path: "/",
    });
  }
  return response;
}

async function refuseOverLimit(request: NextRequest): Promise<Response | undefined> {
  const config = getConfig();
  const ip = clientAddressOf(request.headers);
  try {
    const verdict = await peekRateLimit(await getPrisma(), bookingRateLimitKey(ip), bookingSettingsFromConfig(config).rateLimit);
    if (verdict.allowed) return undefined;
    return new Response(tooManyBookingsPage(verdict.retryAfterSeconds, config.FIRM_EMAIL), {
      status: 429,
      headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(verdict.retryAfterSeconds) },
    });
  } catch (error) {
    loggerFor("proxy").error({ err: error }, "rate-limit check failed; letting the booking decide");
    return undefined;
  }
}

export const config = { matcher: "/book" };
