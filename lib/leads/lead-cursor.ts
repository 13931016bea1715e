import { isUuid } from "../db/is-uuid";

/** A position in a sorted list: the sort key's value and the id that breaks ties. */
export type LeadCursor = { at: Date; id: string };

export const encodeLeadCursor = (cursor: LeadCursor) => Buffer.from(`${cursor.at.toISOString()}|${cursor.id}`).toString("base64url");

export function decodeLeadCursor(value: string | undefined): LeadCursor | undefined {
  if (!value) return undefined;
  const [at, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const date = new Date(at ?? "");
  if (Number.isNaN(date.getTime()) || !isUuid(id)) return undefined;
  return { at: date, id: id! };
}
