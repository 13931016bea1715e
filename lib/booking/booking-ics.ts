import { createEvent, type EventAttributes } from "ics";
import type { Slot } from "./generate-slots";

type Person = { name: string; email: string };

export type BookingIcsInput = {
  reference: string;
  slot: Slot;
  title: string;
  description: string;
  organizer: Person;
  /** Left out of files served by reference alone, so a guessed link shows no email address. */
  attendee?: Person;
  url?: string;
  /** When the file was made (DTSTAMP); now unless given. */
  stamp?: Date;
  /**
   * For an emailed invite (iTIP, RFC 5546): REQUEST adds or updates the event in the attendee's
   * calendar, CANCEL removes it. Left out, the file is a plain event to import, with no METHOD.
   */
  method?: "REQUEST" | "CANCEL";
  /** Raised on each change, so a calendar keeps the latest copy of the event; 0 unless given. */
  sequence?: number;
};

const MAX_LINE_OCTETS = 75;

const organizerDomain = (email: string) => email.split("@").pop()!.toLowerCase();

/** Every copy of a booking's event has this UID: the invites, the download, the consultant's calendar. */
export function bookingUid(reference: string, organizerEmail: string): string {
  return `${reference}@${organizerDomain(organizerEmail)}`;
}

/**
 * The booking as an iCalendar file (CRLF lines folded at 75 octets) for a download or an email
 * attachment. The UID is `${reference}@<organizer's domain>`, so every copy is the same event.
 */
export function buildBookingIcs(input: BookingIcsInput): string {
  const domain = organizerDomain(input.organizer.email);
  const sequence = input.sequence ?? 0;
  if (!Number.isInteger(sequence) || sequence < 0) {
    throw new Error(`Could not build the calendar file for ${input.reference}: sequence ${sequence} is not a whole number ≥ 0`);
  }
  if (input.method && !input.attendee) {
    throw new Error(`Could not build the calendar file for ${input.reference}: METHOD:${input.method} needs an attendee`);
  }
  const event: EventAttributes & { timestamp: number } = {
    // Without a method, no METHOD line: a plain event to add to a calendar, not an iTIP request
    // asking for replies (and RFC 5546 allows no ATTENDEE under METHOD:PUBLISH, ics's default).
    method: input.method ?? "",
    productId: `-//${domain}//Consultation booking//EN`,
    uid: bookingUid(input.reference, input.organizer.email),
    sequence,
    timestamp: (input.stamp ?? new Date()).getTime(),
    start: input.slot.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: input.slot.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    title: oneLine(input.title),
    description: input.description.replace(/\r\n?/g, "\n").replace(/[\x00-\x08\x0b-\x1f\x7f]/g, ""),
    status: input.method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
    busyStatus: input.method === "CANCEL" ? "FREE" : "BUSY",
    organizer: { name: parameterText(input.organizer.name), email: input.organizer.email },
    attendees: input.attendee
      ? [
          {
            name: parameterText(input.attendee.name),
            email: input.attendee.email,
            role: "REQ-PARTICIPANT",
            partstat: "ACCEPTED",
            rsvp: false,
          },
        ]
      : undefined,
    url: input.url,
  };
  const { error, value } = createEvent(event);
  if (error || !value) {
    throw new Error(`Could not build the calendar file for ${input.reference}: ${error?.message ?? "no output"}`);
  }
  return refold(value);
}

const oneLine = (text: string) => text.replace(/[\x00-\x1f\x7f]+/g, " ").trim();

/** A name fit for a quoted parameter such as CN="…", which can hold neither quotes nor line breaks. */
const parameterText = (text: string) => oneLine(text).replace(/"/g, "'");

/** ics folds at 75 characters; RFC 5545 says 75 octets, so fold again by UTF-8 length. */
function refold(calendar: string): string {
  return calendar
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .map(foldLine)
    .join("\r\n");
}

function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const character of line) {
    const size = utf8Length(character.codePointAt(0)!);
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = MAX_LINE_OCTETS - 1; // continuation lines start with a space
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const utf8Length = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);
