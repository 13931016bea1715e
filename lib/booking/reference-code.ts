import { randomInt } from "node:crypto";

/** Crockford's base32 without I, L, O and U, so a code read aloud or copied by hand survives. */
export const REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const PREFIX = "OPS-";
const LENGTH = 6;
const PATTERN = /^OPS-[0-9A-HJKMNP-TV-Z]{6}$/;

/**
 * A fresh booking reference such as "OPS-7K2Q9M": 32^6 (about 1.07e9) possible codes. Not unique by
 * itself: the database's unique index is the guarantee, and the caller retries on a collision.
 */
export function generateReferenceCode(): string {
  let code = PREFIX;
  for (let index = 0; index < LENGTH; index++) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return code;
}

/** Whether `value` is exactly a reference in the canonical form (upper case, with the prefix). */
export function isReferenceCode(value: string): boolean {
  return PATTERN.test(value);
}
