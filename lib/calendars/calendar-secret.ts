import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { getAppSecret } from "../auth/app-secret";
import { isProduction, type AppConfig } from "../config";

/**
 * Calendar secrets (feed addresses, CalDAV passwords) sealed for storage with AES-256-GCM:
 * "v1.<iv>.<tag>.<ciphertext>", each part base64url, with a fresh random IV every time.
 */

/** The 32-byte AES-256 key; make one with calendarKeyFromConfig. */
export type CalendarKey = { readonly bytes: Buffer };

export class CalendarSecretError extends Error {
  name = "CalendarSecretError";
}

const VERSION = "v1";
const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Seals `plaintext`. `context` (such as the calendar's id) must be given again to open it, so that
 * a sealed value copied into another row does not open there.
 */
export function sealSecret(plaintext: string, key: CalendarKey, context = ""): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key.bytes, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, ...[iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString("base64url"))].join(".");
}

/** The plaintext of a sealed secret; throws CalendarSecretError unless key and context are right. */
export function openSecret(sealed: string, key: CalendarKey, context = ""): string {
  const [version, ...encoded] = sealed.split(".");
  if (version !== VERSION || encoded.length !== 3 || !encoded.every((part) => BASE64URL.test(part))) {
    throw new CalendarSecretError(`Not a sealed calendar secret: expected ${VERSION}.<iv>.<tag>.<ciphertext>`);
  }
  const [iv, tag, ciphertext] = encoded.map((part) => Buffer.from(part, "base64url")) as [Buffer, Buffer, Buffer];
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new CalendarSecretError("Not a sealed calendar secret: its IV or authentication tag has the wrong length");
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, key.bytes, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    decipher.setAAD(additionalData(context));
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new CalendarSecretError("The calendar secret does not open: the key or context is wrong, or it was altered");
  }
}

/**
 * CALENDAR_ENCRYPTION_KEY when set. Otherwise, outside production, a key derived from the app
 * secret; in production, null: the caller must refuse to connect calendars until the key is set.
 */
export function calendarKeyFromConfig(config: AppConfig): CalendarKey | null {
  const configured = config.CALENDAR_ENCRYPTION_KEY;
  // Hex first, as lib/config.ts validates it: 64 hex characters are also valid base64.
  if (configured) return { bytes: Buffer.from(configured, /^[0-9a-f]{64}$/i.test(configured) ? "hex" : "base64") };
  if (isProduction(config)) return null;
  return { bytes: Buffer.from(hkdfSync("sha256", getAppSecret(config), Buffer.alloc(0), "calendar-secrets", 32)) };
}

const additionalData = (context: string) => Buffer.from(`calendar-secret:${context}`, "utf8");
