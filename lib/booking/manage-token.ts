import { createHash, createHmac } from "node:crypto";

// The manage link's token is derived from the booking's id and the app secret, so any worker can
// write it into an email at any time without the database holding it: only its hash is stored,
// and a copy of the database opens no booking.

export function manageToken(secret: string, bookingId: string): string {
  return createHmac("sha256", secret).update(`manage-booking:${bookingId}`).digest("base64url");
}

export function hashManageToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A token as manageToken writes them (43 base64url characters); anything else is not looked up. */
export const isManageTokenShape = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);
