import type { Slot } from "../../booking/generate-slots";
import { Button, callTime, Detail, Layout, Paragraph, previewProspect, Title, type FirmContact } from "./email-layout";

export type BookingCancelledEmailProps = {
  firm: FirmContact;
  fullName: string;
  reference: string;
  call: Slot;
  /** The prospect's zone. */
  timeZone: string;
  /** Where to book a new call: APP_URL/book. */
  bookUrl: string;
};

export default function BookingCancelledEmail({ firm, fullName, reference, call, timeZone, bookUrl }: BookingCancelledEmailProps) {
  return (
    <Layout firm={firm} preview={`Your call with ${firm.name} is cancelled`}>
      <Title>Your call is cancelled</Title>
      <Paragraph>
        Hello {fullName}, your call with {firm.name} on {callTime(call, timeZone)} is cancelled.
      </Paragraph>
      <Detail label="Your reference" value={reference} />
      <Paragraph>The calendar update attached to this email removes the call from your calendar.</Paragraph>
      <Paragraph>Whenever you would like to talk, you can book a new time:</Paragraph>
      <Button href={bookUrl}>Book a call</Button>
      <Paragraph>
        Or reply to this email, or write to {firm.email}
        {firm.phone ? `, or call ${firm.phone}` : ""}.
      </Paragraph>
    </Layout>
  );
}

BookingCancelledEmail.PreviewProps = {
  ...previewProspect,
  bookUrl: "https://smallbusiness.management/book",
} satisfies BookingCancelledEmailProps;
