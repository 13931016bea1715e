import { z } from "zod";
import { LeadStatus, Topic } from "../db/generated/enums";

export const PAGE_SIZE = 50;
export const leadStatuses = Object.values(LeadStatus);
export const leadSorts = ["newest", "oldest", "call"] as const;

const single = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const optionalText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => {
    const one = single(value);
    return typeof one === "string" && one.trim() !== "" ? one.trim() : undefined;
  }, schema.optional());
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * The leads list's whole state, from the address (so a view can be bookmarked and shared, and the
 * form works without JavaScript). Anything malformed is dropped rather than refused.
 */
export const leadListQuerySchema = z.object({
  q: optionalText(z.string().transform((text) => text.slice(0, 200))),
  status: optionalText(z.enum(LeadStatus)).catch(undefined),
  topic: optionalText(z.enum(Topic)).catch(undefined),
  // "mine", "none" (unassigned) or a staff member's id.
  owner: optionalText(z.union([z.literal("mine"), z.literal("none"), z.uuid()])).catch(undefined),
  from: optionalText(day).catch(undefined),
  to: optionalText(day).catch(undefined),
  sort: optionalText(z.enum(leadSorts)).catch(undefined),
  after: optionalText(z.string().max(200)).catch(undefined),
  before: optionalText(z.string().max(200)).catch(undefined),
});
export type LeadListQuery = z.infer<typeof leadListQuerySchema>;

/** The query as address parameters, leaving out what is unset; `changes` override. */
export function leadListSearch(query: LeadListQuery, changes: Partial<LeadListQuery> = {}): string {
  const merged = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) if (typeof value === "string" && value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}
