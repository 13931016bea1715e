"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { bookingSettingsFromConfig } from "@/lib/booking/booking-settings";
import { cancelBooking } from "@/lib/booking/cancel-booking";
import { isManageTokenShape } from "@/lib/booking/manage-token";
import { moveBooking } from "@/lib/booking/move-booking";
import { parseSlot } from "@/lib/booking/parse-slot";
import type { MoveFormState } from "@/lib/booking/move-form-state";
import { resolveTimeZone } from "@/lib/booking/time-zones";
import { getConfig } from "@/lib/config";
import { getPrisma } from "@/lib/db/database";
import { answerCountOf, formText } from "@/lib/http/form-fields";
import { markActionEntered } from "@/lib/http/request-context";
import { loggerFor } from "@/lib/log/logger";

const log = loggerFor("booking");
const TRY_AGAIN = "Something went wrong on our side and your call was not changed. Please try again in a moment.";

export async function moveBookingAction(previous: MoveFormState, formData: FormData): Promise<MoveFormState> {
  markActionEntered();
  const config = getConfig();
  const token = formText(formData, "token");
  const timeZone = resolveTimeZone(formText(formData, "timeZone"), config.FIRM_TIME_ZONE);
  const slot = formText(formData, "slot");
  const answer = { slot, timeZone, answer: answerCountOf(previous) + 1 };
  if (formText(formData, "intent") === "show-times") return answer;
  const startsAt = parseSlot(slot);
  if (!startsAt) return { ...answer, slotError: "Choose the new time for your call" };
  if (!isManageTokenShape(token)) redirect("/book/manage/unknown");

  let outcome;
  try {
    outcome = await moveBooking(await getPrisma(), token, startsAt, bookingSettingsFromConfig(config));
  } catch (error) {
    log.error({ err: error }, "could not move");
    return { ...answer, formError: TRY_AGAIN };
  }
  switch (outcome.kind) {
    case "moved":
      redirect(`/book/manage/${token}?done=moved`);
    case "unchanged":
      return { ...answer, slotError: "Your call is already at that time; choose another to move it" };
    case "not-movable":
      redirect(`/book/manage/${token}`);
    case "slot-taken":
    case "slot-unavailable":
      refresh();
      return {
        ...answer,
        slot: "",
        slotError: outcome.kind === "slot-taken" ? "That time was just taken; please pick another" : "That time is no longer available; please pick another",
        nearest: outcome.nearest.map((nearest) => nearest.startsAt.toISOString()),
      };
  }
}

export async function cancelBookingAction(formData: FormData): Promise<void> {
  markActionEntered();
  const token = formText(formData, "token");
  if (!isManageTokenShape(token)) redirect("/book/manage/unknown");
  try {
    await cancelBooking(await getPrisma(), token, bookingSettingsFromConfig(getConfig()));
  } catch (error) {
    log.error({ err: error }, "could not cancel");
    redirect(`/book/manage/${token}?step=cancel&failed=1`);
  }
  redirect(`/book/manage/${token}?done=cancelled`);
}
