import type { Slot } from "../../booking/generate-slots";
import { companySizeLabels, topicLabels } from "../../booking/booking-choices";
import {
  Button,
  callMinutes,
  callTime,
  Detail,
  Layout,
  Lines,
  Paragraph,
  previewFirm,
  startTime,
  Subtitle,
  TextLink,
  Title,
  type FirmContact,
} from "./email-layout";
import type { EmailLead } from "../email-lead";

export type StaffNotificationLead = Omit<EmailLead, "id">;

export type StaffNotificationEmailProps = {
  firm: FirmContact & { timeZone: string };
  lead: StaffNotificationLead;
  call: Slot;
  /** The consultant the call was given to; null when the firm has none set up. */
  consultantName: string | null;
  adminLeadUrl: string;
};

export default function StaffNotificationEmail({ firm, lead, call, consultantName, adminLeadUrl }: StaffNotificationEmailProps) {
  return (
    <Layout firm={firm} preview={`${lead.fullName} (${lead.company}) booked a call: ${callTime(call, firm.timeZone)}`}>
      <Title>New call booked</Title>
      <Paragraph>
        {lead.fullName} from {lead.company} booked a {callMinutes(call)}-minute call. Reply to this email to write to them.
      </Paragraph>
      <Detail label="When (our time)" value={callTime(call, firm.timeZone)} />
      {lead.timeZone !== firm.timeZone ? <Detail label="When (their time)" value={callTime(call, lead.timeZone)} /> : null}
      {consultantName ? <Detail label="Consultant" value={consultantName} /> : null}
      <Detail label="Reference" value={lead.reference} />
      <Button href={adminLeadUrl}>Open the lead</Button>

      <Subtitle>What they told us</Subtitle>
      <Detail label="Name" value={lead.fullName} />
      <Detail label="Email" value={<TextLink href={`mailto:${lead.email}`}>{lead.email}</TextLink>} />
      <Detail label="Company" value={lead.company} />
      <Detail label="Job role" value={lead.jobRole} />
      <Detail label="Phone" value={lead.phone} />
      <Detail label="Company size" value={companySizeLabels[lead.companySize]} />
      <Detail label="Topic" value={topicLabels[lead.topic]} />
      <Detail label="Message" value={lead.message ? <Lines text={lead.message} /> : null} />

      <Subtitle>Where they came from</Subtitle>
      <Detail label="Source" value={lead.utmSource} />
      <Detail label="Medium" value={lead.utmMedium} />
      <Detail label="Campaign" value={lead.utmCampaign} />
      <Detail label="Term" value={lead.utmTerm} />
      <Detail label="Content" value={lead.utmContent} />
      <Detail label="Google click ID (gclid)" value={lead.gclid} />
      <Detail label="Landing page" value={lead.landingPage} />
      <Detail label="Referrer" value={lead.referrer} />
      <Detail label="Booked" value={startTime(lead.createdAt, firm.timeZone)} />
    </Layout>
  );
}

StaffNotificationEmail.PreviewProps = {
  firm: { ...previewFirm, timeZone: "America/New_York" },
  lead: {
    reference: "OPS-7K2Q9M",
    fullName: "Ada Lovelace",
    email: "ada@analytical-engines.co.uk",
    company: "Analytical Engines Ltd",
    jobRole: "Managing Director",
    phone: "+44 20 7946 0958",
    companySize: "SIZE_11_50",
    topic: "DEFINE_ROLE",
    message: "We have grown to 40 people and I am still running operations myself.\nWhat should a COO own in a company our size?",
    timeZone: "Europe/London",
    utmSource: "google",
    utmMedium: "cpc",
    utmCampaign: "coo-hiring",
    utmTerm: "fractional coo",
    utmContent: null,
    gclid: "Cj0KCQiA-preview",
    referrer: "https://www.google.com/",
    landingPage: "https://smallbusiness.management/articles/when-to-hire-a-coo?utm_source=google",
    createdAt: new Date("2026-12-08T16:42:00Z"),
  },
  call: { startsAt: new Date("2026-12-15T15:00:00Z"), endsAt: new Date("2026-12-15T15:30:00Z") },
  consultantName: "Grace Hopper",
  adminLeadUrl: "https://smallbusiness.management/admin/leads/cm5preview0000",
} satisfies StaffNotificationEmailProps;
