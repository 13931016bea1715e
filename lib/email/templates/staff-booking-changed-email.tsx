import type { Slot } from "../../booking/generate-slots";
import { Button, callTime, Detail, Layout, Paragraph, previewFirm, startTime, TextLink, Title, type FirmContact } from "./email-layout";

export type StaffBookingChangedEmailProps = {
  firm: FirmContact & { timeZone: string };
  lead: { reference: string; fullName: string; email: string; company: string };
  /** The new time when moved, the cancelled one when cancelled. */
  call: Slot;
  change: { kind: "moved"; previousStartsAt: Date } | { kind: "cancelled" };
  /** The consultant the call is with; null when the firm has none set up. */
  consultantName: string | null;
  adminLeadUrl: string;
};

export default function StaffBookingChangedEmail({ firm, lead, call, change, consultantName, adminLeadUrl }: StaffBookingChangedEmailProps) {
  const moved = change.kind === "moved";
  const what = moved ? "moved" : "cancelled";
  return (
    <Layout firm={firm} preview={`${lead.fullName} (${lead.company}) ${what} their call`}>
      <Title>
        {lead.fullName} {what} their call
      </Title>
      <Paragraph>
        {lead.fullName} from {lead.company} {what} their call. Reply to this email to write to them.
      </Paragraph>
      {change.kind === "moved" ? (
        <>
          <Detail label="Now" value={callTime(call, firm.timeZone)} />
          <Detail label="Was" value={startTime(change.previousStartsAt, firm.timeZone)} />
        </>
      ) : (
        <Detail label="Was" value={callTime(call, firm.timeZone)} />
      )}
      {consultantName ? <Detail label="Consultant" value={consultantName} /> : null}
      <Detail label="Name" value={lead.fullName} />
      <Detail label="Company" value={lead.company} />
      <Detail label="Email" value={<TextLink href={`mailto:${lead.email}`}>{lead.email}</TextLink>} />
      <Detail label="Reference" value={lead.reference} />
      <Button href={adminLeadUrl}>Open the lead</Button>
    </Layout>
  );
}

StaffBookingChangedEmail.PreviewProps = {
  firm: { ...previewFirm, timeZone: "America/New_York" },
  lead: { reference: "OPS-7K2Q9M", fullName: "Ada Lovelace", email: "ada@analytical-engines.co.uk", company: "Analytical Engines Ltd" },
  call: { startsAt: new Date("2026-11-03T15:00:00Z"), endsAt: new Date("2026-11-03T15:30:00Z") },
  change: { kind: "moved", previousStartsAt: new Date("2026-10-30T14:00:00Z") },
  consultantName: "Grace Hopper",
  adminLeadUrl: "https://smallbusiness.management/admin/leads/cm5preview0000",
} satisfies StaffBookingChangedEmailProps;
