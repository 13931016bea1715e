import { describe, expect, it } from "vitest";
import { FIRST_TOUCH_MAX_ENCODED_BYTES, attributionAtBooking, attributionOf, decodeAttribution, encodeAttribution } from "./attribution";

describe("first-touch attribution", () => {
  it("keeps the campaign parameters, an outside referrer and the landing page", () => {
    const url = new URL("https://firm.example/articles/vp-of-operations-vs-coo?utm_source=google&utm_medium=cpc&utm_campaign=coo&utm_term=vp+ops&utm_content=ad1&gclid=abc123");
    expect(attributionOf(url, "https://www.google.com/search?q=vp+of+operations+vs+coo")).toEqual({
      utmSource: "google",
      utmMedium: "cpc",
      utmCampaign: "coo",
      utmTerm: "vp ops",
      utmContent: "ad1",
      gclid: "abc123",
      referrer: "https://www.google.com/search?q=vp+of+operations+vs+coo",
      landingPage: "/articles/vp-of-operations-vs-coo?utm_source=google&utm_medium=cpc&utm_campaign=coo&utm_term=vp+ops&utm_content=ad1&gclid=abc123",
    });
  });

  it("ignores the site's own pages as a referrer", () => {
    const url = new URL("https://firm.example/book");
    expect(attributionOf(url, "https://firm.example/articles/x").referrer).toBeUndefined();
  });

  it("at the booking page, takes the site's page the visitor came from as the landing page, with its campaign", () => {
    const book = new URL("https://firm.example/book");
    expect(attributionAtBooking(book, "https://firm.example/articles/x?utm_source=newsletter&utm_medium=email", [])).toEqual({
      utmSource: "newsletter",
      utmMedium: "email",
      landingPage: "/articles/x?utm_source=newsletter&utm_medium=email",
    });
    // Behind a proxy the app may see its own address as another host than the one the browser used.
    const behindProxy = new URL("http://localhost:3000/book");
    expect(attributionAtBooking(behindProxy, "https://firm.example/articles/x", ["firm.example"])).toEqual({ landingPage: "/articles/x" });
  });

  it("at the booking page, keeps an outside referrer and the booking page as the landing page", () => {
    const book = new URL("https://firm.example/book?utm_source=ad");
    expect(attributionAtBooking(book, "https://www.google.com/", ["firm.example"])).toEqual({ utmSource: "ad", referrer: "https://www.google.com/", landingPage: "/book?utm_source=ad" });
    expect(attributionAtBooking(new URL("https://firm.example/book"), null, [])).toEqual({ landingPage: "/book" });
  });

  it("at the booking page, prefers its own campaign parameters to those of the page before", () => {
    const campaign = new URL("https://firm.example/book?utm_campaign=spring");
    expect(attributionAtBooking(campaign, "https://firm.example/articles/x?utm_campaign=autumn", [])).toEqual({ utmCampaign: "spring", landingPage: "/book?utm_campaign=spring" });
  });

  it("survives the cookie round trip, and reads a tampered cookie as nothing", () => {
    const attribution = { utmSource: "news letter; =,", landingPage: "/" };
    expect(decodeAttribution(encodeAttribution(attribution))).toEqual(attribution);
    expect(decodeAttribution("{not json")).toEqual({});
    expect(decodeAttribution(JSON.stringify({ utmSource: 42, gclid: "ok" }))).toEqual({ utmSource: undefined, gclid: "ok" });
    expect(decodeAttribution(undefined)).toEqual({});
  });

  it("clips values to 500 characters", () => {
    const url = new URL(`https://firm.example/?utm_source=${"x".repeat(900)}`);
    expect(attributionOf(url, null).utmSource).toHaveLength(500);
  });

  it("keeps the cookie small enough for a browser to keep, however the landing page's address is made", () => {
    const junk = "%7B%22a%22%3A".repeat(100);
    const attribution = attributionOf(new URL(`https://firm.example/book?utm_source=${junk}&utm_medium=${junk}&utm_campaign=${junk}&utm_term=${junk}&utm_content=${junk}&gclid=${junk}`), `https://search.example/?q=${junk}`);
    const encoded = encodeAttribution(attribution);
    expect(encodeURIComponent(encoded).length).toBeLessThanOrEqual(FIRST_TOUCH_MAX_ENCODED_BYTES);
    const decoded = decodeAttribution(encoded);
    expect(decoded.utmSource).toMatch(/^\{"a":\{"a":/);
    expect(decoded.landingPage).toMatch(/^\/book\?utm_source=/);
    expect(Object.keys(decoded)).toEqual(Object.keys(attribution));
  });
});
