import type { Slot } from "../../booking/generate-slots";
import { callTime, Detail, Layout, ManageBooking, Paragraph, previewProspect, startTime, Title, type FirmContact } from "./email-layout";

export type BookingMovedEmailProps = {
  firm: FirmContact;
  fullName: string;
  reference: string;
  call: Slot;
  previousStartsAt: Date;
  /** The prospect's zone. */
  timeZone: string;
  /** Who takes the call now; null when the firm has no consultants set up. */
  consultantName: string | null;
  /** None once the booking has changed since this email was queued. */
  manageUrl: string | null;
};

export default function BookingMovedEmail({ firm, fullName, reference, call, previousStartsAt, timeZone, manageUrl, consultantName }: BookingMovedEmailProps) {
  return (
    <Layout firm={firm} preview={`Your call with ${firm.name} is now ${callTime(call, timeZone)}`}>
      <Title>Your call has moved</Title>
      <Paragraph>
        Hello {fullName}, your call with {firm.name} has moved to a new time.
      </Paragraph>
      <Detail label="Now" value={callTime(call, timeZone)} />
      <Detail label="Was" value={startTime(previousStartsAt, timeZone)} />
      {consultantName ? <Detail label="With" value={consultantName} /> : null}
      <Detail label="Your reference" value={reference} />
      <Paragraph>The updated calendar invite attached to this email moves the call in your calendar.</Paragraph>
      <ManageBooking url={manageUrl}>Need to change it again, or cancel?</ManageBooking>
    </Layout>
  );
}

BookingMovedEmail.PreviewProps = {
  ...previewProspect,
  call: { startsAt: new Date("2026-11-03T15:00:00Z"), endsAt: new Date("2026-11-03T15:30:00Z") },
  previousStartsAt: new Date("2026-10-30T14:00:00Z"),
} satisfies BookingMovedEmailProps;
