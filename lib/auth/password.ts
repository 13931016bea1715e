import { hash, verify } from "@node-rs/argon2";
import { randomBytes, randomInt } from "node:crypto";

// Argon2id with the library's defaults (19 MiB, 2 passes: OWASP's minimum), about 30-60 ms here.

export const MIN_PASSWORD_LENGTH = 12;

export const hashPassword = (password: string) => hash(password);

// Checked against when no account has the email, so that a wrong email takes as long as a wrong password.
let decoy: Promise<string> | undefined;

/** Whether `password` matches `passwordHash`; with no hash, spends the same time and says no. */
export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  decoy ??= hash(randomBytes(16).toString("hex"));
  const target = passwordHash ?? (await decoy);
  const matches = await verify(target, password).catch(() => false);
  return matches && passwordHash !== undefined;
}

/** A password to hand to a new account: 20 characters from an alphabet without look-alikes. */
export function generatePassword(): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)]).join("");
}
