import { assertStaff, type Staff } from "../auth/verify-staff";
import { companySizeLabels, topicLabels } from "../booking/booking-choices";
import type { PrismaClient } from "../db/generated/client";
import { csvRow } from "./csv";
import type { LeadListQuery } from "./lead-list-query";
import { listLeadsForExport } from "./list-leads";

const HEADER = ["Received", "Reference", "Status", "Name", "Email", "Company", "Role", "Phone", "Company size", "Topic", "Message", "Call", "Booking", "Owner", "Source", "Medium", "Campaign", "Term", "Content", "gclid", "Landing page", "Referrer"];

/**
 * The current view of the leads list as CSV, streamed a keyset page at a time: memory stays flat
 * however many rows there are, and the database is never asked for them all at once.
 */
export function exportLeadsCsv(db: PrismaClient, staff: Staff, query: LeadListQuery, timeZone: string): ReadableStream<Uint8Array> {
  assertStaff(staff);
  const encoder = new TextEncoder();
  const pages = listLeadsForExport(db, staff, query, timeZone);
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\ufeff${csvRow(HEADER)}`));
        return;
      }
      const { value: rows, done } = await pages.next();
      if (done) return controller.close();
      const text = rows
        .map((lead) =>
          csvRow([
            lead.createdAt, lead.reference, lead.status, lead.fullName, lead.email, lead.company, lead.jobRole, lead.phone,
            companySizeLabels[lead.companySize], topicLabels[lead.topic], lead.message, lead.booking?.startsAt, lead.booking?.status,
            lead.owner?.name, lead.utmSource, lead.utmMedium, lead.utmCampaign, lead.utmTerm, lead.utmContent, lead.gclid, lead.landingPage, lead.referrer,
          ]),
        )
        .join("");
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}
