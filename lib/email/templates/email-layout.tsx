import { Body, Button as EmailButton, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";
import type { Slot } from "../../booking/generate-slots";
import { formatSlot, formatSlotRange, timeZoneLabel } from "../../booking/slot-display";

// The parts every email shares. Styles are inline for clients that drop <style>; the classes are
// there only so the dark-mode block below can override them (hence its !important).

export type FirmContact = { name: string; email: string; phone?: string; address?: string };

/** The firm in every template's PreviewProps. */
export const previewFirm: FirmContact = {
  name: "SmallBusiness.Management",
  email: "hello@smallbusiness.management",
  phone: "+1 212 555 0100",
  address: "200 Park Avenue, New York, NY 10166",
};

/** The prospect and call the prospect emails' previews show. */
export const previewProspect = {
  firm: previewFirm,
  fullName: "Ada Lovelace",
  reference: "OPS-7K2Q9M",
  call: { startsAt: new Date("2026-12-15T15:00:00Z"), endsAt: new Date("2026-12-15T15:30:00Z") },
  timeZone: "America/New_York",
  manageUrl: "https://smallbusiness.management/book/manage/preview-token",
  consultantName: "Grace Hopper" as string | null,
};

const FONT = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

const styles = {
  body: { margin: 0, padding: 0, fontFamily: FONT },
  canvas: { padding: "16px 2%", backgroundColor: "#f1f5f9", color: "#0f172a" },
  container: { width: "100%", maxWidth: "560px", margin: "0 auto" },
  header: { padding: "8px 6% 16px", fontSize: "18px", fontWeight: 700, color: "#047857" },
  card: {
    padding: "24px 6%",
    backgroundColor: "#ffffff",
    border: "1px solid #e2e8f0",
    borderRadius: "8px",
    overflowWrap: "anywhere",
    wordBreak: "break-word",
  },
  heading: { margin: "0 0 16px", fontSize: "22px", lineHeight: "28px", fontWeight: 700, color: "#0f172a" },
  subheading: { margin: "24px 0 8px", fontSize: "17px", lineHeight: "24px", fontWeight: 700, color: "#0f172a" },
  text: { margin: "0 0 16px", fontSize: "16px", lineHeight: "24px", color: "#0f172a" },
  detailLabel: { fontWeight: 700 },
  button: {
    display: "inline-block",
    padding: "12px 20px",
    backgroundColor: "#047857",
    color: "#ffffff",
    borderRadius: "6px",
    fontSize: "16px",
    fontWeight: 700,
    textDecoration: "none",
  },
  buttonRow: { margin: "8px 0 24px" },
  link: { color: "#047857", textDecoration: "underline" },
  rule: { margin: "24px 0", border: "none", borderTop: "1px solid #e2e8f0" },
  footer: { padding: "16px 6%" },
  footerText: { margin: "0 0 4px", fontSize: "13px", lineHeight: "20px", color: "#475569" },
} satisfies Record<string, CSSProperties>;

const darkMode = `
:root { color-scheme: light dark; supported-color-schemes: light dark; }
.email-body { background-color: #f1f5f9; }
@media (prefers-color-scheme: dark) {
  .email-body, .email-canvas { background-color: #020617 !important; color: #f1f5f9 !important; }
  .email-card { background-color: #0f172a !important; border-color: #334155 !important; }
  .email-header { color: #34d399 !important; }
  .email-text { color: #f1f5f9 !important; }
  .email-muted { color: #94a3b8 !important; }
  .email-link { color: #34d399 !important; }
  .email-button { background-color: #34d399 !important; color: #020617 !important; }
  .email-rule { border-top-color: #334155 !important; }
}
`;

export function Layout({ firm, preview, children }: { firm: FirmContact; preview: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <title>{preview}</title>
        <style dangerouslySetInnerHTML={{ __html: darkMode }} />
      </Head>
      <Preview>{preview}</Preview>
      <Body className="email-body" style={styles.body}>
        <Section className="email-canvas" style={styles.canvas}>
          <Container style={styles.container}>
            <Section className="email-header" style={styles.header}>
              {firm.name}
            </Section>
            <Section className="email-card" style={styles.card}>
              {children}
            </Section>
            <Footer firm={firm} />
          </Container>
        </Section>
      </Body>
    </Html>
  );
}

export function Footer({ firm }: { firm: FirmContact }) {
  return (
    <Section style={styles.footer}>
      <Text className="email-muted" style={styles.footerText}>
        {firm.name}
      </Text>
      <Text className="email-muted" style={styles.footerText}>
        <Link className="email-link" href={`mailto:${firm.email}`} style={styles.link}>
          {firm.email}
        </Link>
        {firm.phone ? ` · ${firm.phone}` : null}
      </Text>
      {firm.address ? (
        <Text className="email-muted" style={styles.footerText}>
          {firm.address}
        </Text>
      ) : null}
    </Section>
  );
}

export function Button({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={styles.buttonRow}>
      <EmailButton className="email-button" href={href} style={styles.button}>
        {children}
      </EmailButton>
    </Section>
  );
}

/** The link to move or cancel, led in by `children`; when there is none, a line on how to ask us instead. */
export function ManageBooking({ url, children }: { url: string | null; children: ReactNode }) {
  if (!url) return <Paragraph>To move or cancel the call, reply to this email.</Paragraph>;
  return (
    <>
      <Paragraph>{children}</Paragraph>
      <Button href={url}>Manage your booking</Button>
    </>
  );
}

export function Title({ children }: { children: ReactNode }) {
  return (
    <Heading as="h1" className="email-text" style={styles.heading}>
      {children}
    </Heading>
  );
}

export function Subtitle({ children }: { children: ReactNode }) {
  return (
    <Heading as="h2" className="email-text" style={styles.subheading}>
      {children}
    </Heading>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return (
    <Text className="email-text" style={styles.text}>
      {children}
    </Text>
  );
}

/** A labelled value on its own line: "Reference: OPS-7K2Q9M"; "—" when there is none. */
export function Detail({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Text className="email-text" style={{ ...styles.text, margin: "0 0 8px" }}>
      <span style={styles.detailLabel}>{label}:</span> {value === null || value === undefined || value === "" ? "—" : value}
    </Text>
  );
}

/** Text typed with line breaks keeps them, in the HTML and in the plain text alike. */
export function Lines({ text }: { text: string }) {
  return text.split("\n").map((line, index) => (
    <span key={index}>
      {index > 0 ? <br /> : null}
      {line}
    </span>
  ));
}

export function TextLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link className="email-link" href={href} style={styles.link}>
      {children}
    </Link>
  );
}

export function Rule() {
  return <Hr className="email-rule" style={styles.rule} />;
}

/** "Tuesday, December 15, 2026, 10:00–10:30 AM Eastern Standard Time (America/New_York)" */
export const callTime = (slot: Slot, timeZone: string) => `${formatSlotRange(slot, timeZone)} ${timeZoneLabel(timeZone, slot.startsAt)}`;

/** "Monday, November 30, 2026, 9:00 AM Eastern Standard Time (America/New_York)" */
export const startTime = (startsAt: Date, timeZone: string) => `${formatSlot(startsAt, timeZone)} ${timeZoneLabel(timeZone, startsAt)}`;

export const callMinutes = (slot: Slot) => Math.round((slot.endsAt.getTime() - slot.startsAt.getTime()) / 60_000);
