import { addMinutes } from "date-fns";
import type { PrismaClient } from "../db/generated/client";
import { isExclusionViolation, isUniqueViolation } from "../db/prisma-errors";
import type { Attribution } from "./attribution";
import type { BookingForm } from "./booking-form-schema";
import type { BookingSettings } from "./booking-settings";
import { parseFormToken } from "./form-token";
import { generateSlots, type Slot } from "./generate-slots";
import { listOpenSlots } from "./list-open-slots";
import { nearestSlots } from "./nearest-slots";
import { consumeRateLimit, refundRateLimit } from "./rate-limit";
import { generateReferenceCode } from "./reference-code";
import { bookingRateLimitKey } from "./too-many-bookings";

export type BookingRequest = {
  form: BookingForm;
  formToken: string;
  /** The honeypot field: people never see it, so anything in it came from a script. */
  honeypot: string;
  timeZone: string;
  attribution: Attribution;
  clientIp: string;
};

export type BookingOutcome =
  | { kind: "booked"; reference: string }
  | { kind: "slot-taken"; nearest: Slot[] }
  | { kind: "slot-unavailable"; nearest: Slot[] }
  | { kind: "rate-limited"; retryAfterSeconds: number };

const NEAREST_COUNT = 3;
const REFERENCE_ATTEMPTS = 5;

/**
 * Books a consultation: the lead, its booking and the outbox rows for its two emails, in one
 * transaction. The database decides races for a slot; a repeated form token returns the booking
 * it already made. Scripts get the same answer as people, but their lead is stored as SPAM, holds
 * no slot and sends no email.
 */
export async function bookConsultation(
  db: PrismaClient,
  request: BookingRequest,
  settings: BookingSettings,
  now = new Date(),
): Promise<BookingOutcome> {
  const rateKey = bookingRateLimitKey(request.clientIp);
  const rate = await consumeRateLimit(db, rateKey, settings.rateLimit, now);
  if (!rate.allowed) {
    const earlier = await findByFormToken(db, request.formToken);
    return earlier ? { kind: "booked", reference: earlier } : { kind: "rate-limited", retryAfterSeconds: rate.retryAfterSeconds };
  }

  const spam = isSpam(request, settings, now);
  const slot = { startsAt: request.form.slot, endsAt: addMinutes(request.form.slot, settings.availability.slotMinutes) };
  if (!spam && !isOfferedSlot(slot, settings, now)) {
    await refundRateLimit(db, rateKey);
    return { kind: "slot-unavailable", nearest: await nearestOpen(db, slot, settings, now) };
  }

  try {
    return { kind: "booked", reference: await insertBooking(db, request, slot, spam, settings) };
  } catch (error) {
    if (isUniqueViolation(error, "formToken")) {
      await refundRateLimit(db, rateKey);
      const earlier = await findByFormToken(db, request.formToken);
      if (earlier) return { kind: "booked", reference: earlier };
    }
    if (isExclusionViolation(error)) {
      await refundRateLimit(db, rateKey);
      return { kind: "slot-taken", nearest: await nearestOpen(db, slot, settings, now) };
    }
    throw error;
  }
}

function isSpam(request: BookingRequest, settings: BookingSettings, now: Date): boolean {
  if (request.honeypot.trim() !== "") return true;
  const token = parseFormToken(request.formToken);
  if (!token) return true;
  return now.getTime() - token.issuedAt.getTime() < settings.minimumFillSeconds * 1000;
}

/** Whether the slot is one the firm offers now, ignoring bookings (the database checks those). */
function isOfferedSlot(slot: Slot, settings: BookingSettings, now: Date): boolean {
  const offered = generateSlots({ availability: settings.availability, now, booked: [] });
  return offered.some((candidate) => candidate.startsAt.getTime() === slot.startsAt.getTime());
}

async function nearestOpen(db: PrismaClient, slot: Slot, settings: BookingSettings, now: Date): Promise<Slot[]> {
  return nearestSlots(await listOpenSlots(db, settings.availability, now), slot.startsAt, NEAREST_COUNT);
}

async function findByFormToken(db: PrismaClient, formToken: string): Promise<string | undefined> {
  const lead = await db.lead.findUnique({ where: { formToken }, select: { reference: true } });
  return lead?.reference;
}

async function insertBooking(db: PrismaClient, request: BookingRequest, slot: Slot, spam: boolean, settings: BookingSettings) {
  const { form } = request;
  for (let attempt = 1; ; attempt++) {
    const reference = generateReferenceCode();
    try {
      await db.lead.create({
        data: {
          reference,
          formToken: request.formToken,
          status: spam ? "SPAM" : "NEW",
          fullName: form.fullName,
          email: form.email,
          company: form.company,
          jobRole: form.jobRole ?? null,
          phone: form.phone ?? null,
          companySize: form.companySize,
          topic: form.topic,
          message: form.message ?? null,
          timeZone: request.timeZone,
          consentAt: new Date(),
          utmSource: request.attribution.utmSource ?? null,
          utmMedium: request.attribution.utmMedium ?? null,
          utmCampaign: request.attribution.utmCampaign ?? null,
          utmTerm: request.attribution.utmTerm ?? null,
          utmContent: request.attribution.utmContent ?? null,
          gclid: request.attribution.gclid ?? null,
          referrer: request.attribution.referrer ?? null,
          landingPage: request.attribution.landingPage ?? null,
          booking: { create: { ...slot, status: spam ? "CANCELLED" : "CONFIRMED" } },
          outbox: spam
            ? {}
            : {
                create: [
                  { kind: "BOOKING_CONFIRMATION", recipient: form.email },
                  { kind: "STAFF_NOTIFICATION", recipient: settings.staffEmail },
                ],
              },
        },
        select: { id: true },
      });
      return reference;
    } catch (error) {
      if (attempt < REFERENCE_ATTEMPTS && isUniqueViolation(error, "reference")) continue;
      throw error;
    }
  }
}
