import type { Lead } from "../db/generated/client";

/** What of a lead the emails show: everything the prospect gave, and where they came from. */
export type EmailLead = Pick<
  Lead,
  | "id"
  | "reference"
  | "fullName"
  | "email"
  | "company"
  | "jobRole"
  | "phone"
  | "companySize"
  | "topic"
  | "message"
  | "timeZone"
  | "utmSource"
  | "utmMedium"
  | "utmCampaign"
  | "utmTerm"
  | "utmContent"
  | "gclid"
  | "referrer"
  | "landingPage"
  | "createdAt"
>;
