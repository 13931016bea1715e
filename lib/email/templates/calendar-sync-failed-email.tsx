import { Button, Detail, Layout, Paragraph, previewFirm, startTime, Title, type FirmContact } from "./email-layout";

export type CalendarSyncFailedEmailProps = {
  firm: FirmContact & { timeZone: string };
  consultantName: string;
  calendarLabel: string;
  host: string;
  error: string;
  failingSince: Date;
  /** Null when it has never synced. */
  lastSyncedAt: Date | null;
  /** Where the consultant (or an administrator) fixes it. */
  fixUrl: string;
};

export default function CalendarSyncFailedEmail({ firm, consultantName, calendarLabel, host, error, failingSince, lastSyncedAt, fixUrl }: CalendarSyncFailedEmailProps) {
  return (
    <Layout firm={firm} preview={`${consultantName}'s calendar "${calendarLabel}" has stopped syncing`}>
      <Title>A calendar has stopped syncing</Title>
      <Paragraph>
        {consultantName}&apos;s calendar &ldquo;{calendarLabel}&rdquo; ({host}) could not be read. Until it can, /book goes on using the busy
        times from its last good sync, so new events in it do not keep people from booking those times.
      </Paragraph>
      <Detail label="Error" value={error} />
      <Detail label="Failing since" value={startTime(failingSince, firm.timeZone)} />
      <Detail label="Last good sync" value={lastSyncedAt ? startTime(lastSyncedAt, firm.timeZone) : "never"} />
      <Paragraph>A new app password, or the calendar&apos;s new address, usually fixes it. This is the only email about this failure.</Paragraph>
      <Button href={fixUrl}>Check the calendar</Button>
    </Layout>
  );
}

CalendarSyncFailedEmail.PreviewProps = {
  firm: { ...previewFirm, timeZone: "America/New_York" },
  consultantName: "Grace Hopper",
  calendarLabel: "Work",
  host: "caldav.fastmail.com",
  error: "CalDAV PROPFIND was refused (401): check the username and app password",
  failingSince: new Date("2026-12-02T14:05:00Z"),
  lastSyncedAt: new Date("2026-12-02T14:00:00Z"),
  fixUrl: "https://smallbusiness.management/admin/me",
} satisfies CalendarSyncFailedEmailProps;
