import { bookingFraming, bookingNoJs, bookingScripted, rateLimited, replayedToken, type FloodOptions, type Kind } from "./junk-recipes";
import { anyAction, manageForms, nextAuth, readRoutes, signIn, webhook } from "./junk-routes";
import type { JunkRequest } from "./junk-send";

// How the flood is made up. The booking form has most of it, as the form that matters most; sign-in
// has little, because each attempt that reaches a password costs the server an Argon2 hash.
const kinds: Kind[] = [
  { name: "booking form without JavaScript", weight: 24, make: bookingNoJs },
  { name: "booking form as React's client posts it", weight: 13, make: bookingScripted },
  { name: "booking form framing, content types, Origin, size", weight: 10, make: bookingFraming },
  { name: "a whole form over the rate limit", weight: 2, make: rateLimited },
  { name: "a whole form replaying a used token", weight: 1, make: replayedToken },
  { name: "manage link: move and cancel", weight: 9, make: manageForms },
  { name: "staff sign-in", weight: 3, make: signIn },
  { name: "every server action, anonymously", weight: 7, make: anyAction },
  { name: "next-auth", weight: 7, make: nextAuth },
  { name: "Resend webhook", weight: 5, make: webhook },
  { name: "pages and routes read with junk", weight: 19, make: readRoutes },
];

/** The flood's nth request, with its recipe; call it for 0, 1, 2… in order: the same seed gives the same requests (but for fresh tokens and emails). */
export function floodMaker(options: FloodOptions): (index: number) => JunkRequest {
  const total = kinds.reduce((sum, kind) => sum + kind.weight, 0);
  return (index) => {
    let roll = options.random.next() * total;
    const kind = kinds.find((candidate) => (roll -= candidate.weight) < 0) ?? kinds[0]!;
    const headers = {
      host: new URL(options.site.origin).host,
      origin: options.site.origin,
      // An address of its own per request, so that neither the booking nor the sign-in limit hides what is tested.
      "x-forwarded-for": `2001:db8:${(index >> 16).toString(16)}:${(index & 0xffff).toString(16)}::7`,
    };
    const request = kind.make({ ...options, index, headers, log: [] });
    return { ...request, recipe: `#${index} ${request.recipe}` };
  };
}
