import { randomUUID } from "node:crypto";

// Every rendered booking form carries a one-time token: the lead it creates is unique on it, so a
// double click, a retried request or "back and submit again" books once. It also records when the
// form was shown, to tell a person from a script that submits within moments.

export function issueFormToken(now = new Date()): string {
  return `${now.getTime().toString(36)}.${randomUUID()}`;
}

export function parseFormToken(token: string): { issuedAt: Date } | undefined {
  const match = /^([0-9a-z]{1,12})\.[0-9a-f-]{36}$/.exec(token);
  if (!match?.[1]) return undefined;
  const issuedAt = new Date(Number.parseInt(match[1], 36));
  return Number.isNaN(issuedAt.getTime()) ? undefined : { issuedAt };
}
