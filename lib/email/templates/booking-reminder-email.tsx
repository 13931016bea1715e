import type { Slot } from "../../booking/generate-slots";
import { callMinutes, callTime, Detail, Layout, ManageBooking, Paragraph, previewProspect, Title, type FirmContact } from "./email-layout";

export type BookingReminderEmailProps = {
  firm: FirmContact;
  fullName: string;
  reference: string;
  call: Slot;
  /** The prospect's zone. */
  timeZone: string;
  /** Who takes the call; null when the firm has no consultants set up. */
  consultantName: string | null;
  /** None once the booking has changed since this email was queued. */
  manageUrl: string | null;
};

export default function BookingReminderEmail({ firm, fullName, reference, call, timeZone, manageUrl, consultantName }: BookingReminderEmailProps) {
  return (
    <Layout firm={firm} preview={`Reminder: your call with ${firm.name}, ${callTime(call, timeZone)}`}>
      <Title>Your call is coming up</Title>
      <Paragraph>
        Hello {fullName}, this is a reminder of your {callMinutes(call)}-minute call with {firm.name}.
      </Paragraph>
      <Detail label="When" value={callTime(call, timeZone)} />
      {consultantName ? <Detail label="With" value={consultantName} /> : null}
      <Detail label="Your reference" value={reference} />
      <ManageBooking url={manageUrl}>If the time no longer works for you, you can move or cancel the call:</ManageBooking>
      <Paragraph>We look forward to speaking with you.</Paragraph>
    </Layout>
  );
}

BookingReminderEmail.PreviewProps = {
  ...previewProspect,
} satisfies BookingReminderEmailProps;
