import { NextResponse, type NextRequest } from "next/server";
import { FIRST_TOUCH_MAX_AGE_SECONDS, attributionAtBooking, encodeAttribution, firstTouchCookie } from "@/lib/booking/attribution";
import { getConfig } from "@/lib/config";

// On the booking page only (reader pages are static and never wake the app): remember where a
// visitor came from when they first open it, in a first-party cookie, so it works without
// JavaScript. (A client over the booking limit is answered by the booking itself: 429, with the
// form and every answer, with or without JavaScript.)
export function proxy(request: NextRequest) {
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

// Only the page's GET: a form POST (which always carries a Content-Type) already has the cookie
// from the GET that showed the form, and skipping the proxy spares every booking its cost.
export const config = { matcher: [{ source: "/book", missing: [{ type: "header", key: "content-type" }] }] };
