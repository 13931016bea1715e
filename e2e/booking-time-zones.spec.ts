import {
  bookSlot,
  dstSlots,
  expect,
  expectConfirmation,
  openBookingForm,
  plainSpaces,
  slotLabels,
  test,
  timeZoneSelect,
} from "./booking-fixtures";
import { expectCalendarFile } from "./booking-ics";
import { dstZones, periods } from "./booking-lanes";

// Filling the whole form and reading the calendar file on 2 busy cores has run close to the default
// 30 s, so these tests get three times that.
test.describe.configure({ timeout: 90_000 });

// A prospect sees the times in their computer's zone. Around the DST changes (the US changes first
// in spring, the EU first in autumn) the gap between the firm's zone and theirs moves by an hour:
// the instant booked must be the one they clicked, wherever and whenever they are.

const intl = (zone: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-US", { ...options, timeZone: zone });
const zoneName = (zone: string, at: Date) => intl(zone, { timeZoneName: "long" }).formatToParts(at).find((part) => part.type === "timeZoneName")!.value;
const sameZone = (a: string, b: string) => intl(a, {}).resolvedOptions().timeZone === intl(b, {}).resolvedOptions().timeZone;

for (const zone of dstZones) {
  test.describe(`a prospect whose computer is set to ${zone}`, () => {
    test.use({ timezoneId: zone });

    for (const period of periods) {
      test(`books a time ${period}: the same instant on the form, the confirmation and the calendar file`, async ({ page }) => {
        await openBookingForm(page);
        // The browser's own spelling of the zone (Chromium says Asia/Calcutta for Asia/Kolkata).
        const shownZone = await timeZoneSelect(page).inputValue();
        expect(sameZone(shownZone, zone), `${shownZone} is ${zone}`).toBe(true);
        await expect(page.getByText(/^Times are shown in/)).toHaveText(
          `Times are shown in ${zoneName(zone, new Date())} (${shownZone}). Each call lasts 30 minutes.`,
        );

        const [slot] = (await dstSlots(page))[zone][period];
        const instant = new Date(slot!);
        expect(slotLabels(slot!, zone), "the form's day on the row of days, its heading and the time, as Intl writes them for this zone").toEqual({
          dayChoice: plainSpaces(intl(zone, { weekday: "short", month: "short", day: "numeric" }).format(instant)),
          day: plainSpaces(intl(zone, { weekday: "long", month: "long", day: "numeric" }).format(instant)),
          time: plainSpaces(intl(zone, { hour: "numeric", minute: "2-digit" }).format(instant)),
        });
        await bookSlot(page, slot!);

        const reference = await expectConfirmation(page, slot!, zone);
        await expect(page.getByText(`${zoneName(zone, instant)} (${shownZone})`, { exact: true }), "the zone at the time of the call").toBeVisible();
        await expectCalendarFile(page, reference, slot!);
      });
    }
  });
}
