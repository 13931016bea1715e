import type { Slot } from "../../booking/generate-slots";
import { callMinutes, callTime, Detail, Layout, ManageBooking, Paragraph, previewProspect, Subtitle, Title, type FirmContact } from "./email-layout";

export type BookingConfirmationEmailProps = {
  firm: FirmContact;
  fullName: string;
  reference: string;
  call: Slot;
  /** The prospect's zone, which every time in the email is shown in. */
  timeZone: string;
  /** Who takes the call; null when the firm has no consultants set up. */
  consultantName: string | null;
  /** None once the booking has changed since this email was queued. */
  manageUrl: string | null;
};

export default function BookingConfirmationEmail({ firm, fullName, reference, call, timeZone, manageUrl, consultantName }: BookingConfirmationEmailProps) {
  const minutes = callMinutes(call);
  return (
    <Layout firm={firm} preview={`Your call with ${firm.name} is booked: ${callTime(call, timeZone)}`}>
      <Title>Your call is booked</Title>
      <Paragraph>
        Thank you, {fullName}. Your call with {firm.name} is booked.
      </Paragraph>
      <Detail label="When" value={callTime(call, timeZone)} />
      {consultantName ? <Detail label="With" value={consultantName} /> : null}
      <Detail label="Length" value={`${minutes} minutes`} />
      <Detail label="Your reference" value={reference} />
      <Paragraph>The calendar invite attached to this email adds the call to your calendar.</Paragraph>
      <Subtitle>What happens next</Subtitle>
      <Paragraph>
        {consultantName ?? "A consultant"} reads what you told us before the call, so the {minutes} minutes go on your questions.
      </Paragraph>
      <ManageBooking url={manageUrl}>Need another time, or can no longer make it? You can move or cancel the call yourself:</ManageBooking>
      <Paragraph>
        Any questions, reply to this email or write to {firm.email}
        {firm.phone ? `, or call ${firm.phone}` : ""}. Please quote your reference, {reference}.
      </Paragraph>
    </Layout>
  );
}

BookingConfirmationEmail.PreviewProps = {
  ...previewProspect,
} satisfies BookingConfirmationEmailProps;
