import { addMinutes } from "date-fns";
import { v7 as uuidv7 } from "uuid";
import type { PrismaClient } from "../db/generated/client";
import { isOverlapConflict, isUniqueViolation } from "../db/prisma-errors";
import type { Attribution } from "./attribution";
import type { BookingForm } from "./booking-form-schema";
import type { BookingOutcome } from "./booking-outcome";
import type { BookingSettings } from "./booking-settings";
import { parseFormToken } from "./form-token";
import { insertBooking } from "./insert-booking";
import { nearestOpenSlots, slotAvailability } from "./offered-slots";
import { hashManageToken, manageToken } from "./manage-token";
import { recordBookingOutcome } from "./record-booking-outcome";
import { reminderDueAt } from "./reminder-due-at";
import { bookingRateLimitKey } from "./rate-limit-key";
import { generateReferenceCode } from "./reference-code";

export type BookingRequest = {
  form: BookingForm;
  formToken: string;
  /** The honeypot field: people never see it, so anything in it came from a script. */
  honeypot: string;
  timeZone: string;
  attribution: Attribution;
  clientIp: string;
};

// Each attempt after the first follows a clash: a reference code already used, or the chosen
// consultant booked by someone else a moment before (refused, or deadlocked with that booking's
// insert: then the next free one is tried, or the time is found taken).
const ATTEMPTS = 6;

/**
 * Books a consultation: the lead, its booking and the outbox rows for its emails, in one
 * statement, assigned to a consultant free for it. The database decides races for a consultant's
 * time; a repeated form token returns the booking
 * it already made. Scripts get the same answer as people, but their lead is stored as SPAM, holds
 * no slot and sends no email.
 */
export async function bookConsultation(
  db: PrismaClient,
  request: BookingRequest,
  settings: BookingSettings,
  now = new Date(),
): Promise<BookingOutcome> {
  const spam = isSpam(request, settings, now);
  const outcome = await book(db, request, settings, now, spam);
  recordBookingOutcome(outcome, spam);
  return outcome;
}

async function book(db: PrismaClient, request: BookingRequest, settings: BookingSettings, now: Date, spam: boolean): Promise<BookingOutcome> {
  const slot = { startsAt: request.form.slot, endsAt: addMinutes(request.form.slot, settings.availability.slotMinutes) };
  const rateLimit = { key: bookingRateLimitKey(request.clientIp), rule: settings.rateLimit, now };
  for (let attempt = 1; ; attempt++) {
    let consultantIds: string[] = [];
    if (!spam) {
      const availability = await slotAvailability(db, slot, settings, now);
      if (availability.kind !== "free") {
        const earlier = await findByFormToken(db, request.formToken);
        if (earlier) return { kind: "booked", reference: earlier };
        const nearest = await nearestOpenSlots(db, slot, settings, now);
        return availability.kind === "taken" ? { kind: "slot-taken", nearest } : { kind: "slot-unavailable", nearest };
      }
      consultantIds = availability.consultantIds;
    }
    try {
      const reference = generateReferenceCode();
      const bookingId = uuidv7();
      const result = await insertBooking(db, {
        ...request,
        reference,
        slot,
        spam,
        bookingId,
        consultantIds,
        manageTokenHash: hashManageToken(manageToken(settings.secret, bookingId)),
        staffRecipients: settings.staffEmails.join(", "),
        remindAt: reminderDueAt(slot.startsAt, settings.reminderHoursBefore, now),
        rateLimit,
      });
      if (result.inserted) return { kind: "booked", reference };
      const earlier = await findByFormToken(db, request.formToken);
      return earlier ? { kind: "booked", reference: earlier } : { kind: "rate-limited", retryAfterSeconds: result.retryAfterSeconds };
    } catch (error) {
      if (isUniqueViolation(error, "formToken")) {
        const earlier = await findByFormToken(db, request.formToken);
        if (earlier) return { kind: "booked", reference: earlier };
      }
      const lostRace = isOverlapConflict(error);
      if ((lostRace || isUniqueViolation(error, "reference")) && attempt < ATTEMPTS) continue;
      if (lostRace) return { kind: "slot-taken", nearest: await nearestOpenSlots(db, slot, settings, now) };
      throw error;
    }
  }
}

function isSpam(request: BookingRequest, settings: BookingSettings, now: Date): boolean {
  if (request.honeypot.trim() !== "") return true;
  const token = parseFormToken(request.formToken);
  if (!token) return true;
  return now.getTime() - token.issuedAt.getTime() < settings.minimumFillSeconds * 1000;
}

async function findByFormToken(db: PrismaClient, formToken: string): Promise<string | undefined> {
  const lead = await db.lead.findUnique({ where: { formToken }, select: { reference: true } });
  return lead?.reference;
}
