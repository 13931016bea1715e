import { formatSlot } from "../lib/booking/slot-display";
import {
  bookButton,
  bookSlot,
  consent,
  expect,
  expectAnswersKept,
  expectConfirmation,
  fillAnswers,
  laneSlots,
  openBookingForm,
  pickSlot,
  prospect,
  test,
  timeOnForm,
  timeZoneSelect,
} from "./booking-fixtures";
import { expectCalendarFile } from "./booking-ics";

const zone = "America/Chicago";
test.use({ timezoneId: zone });

test("a prospect books a call: the button waits while it books, then the confirmation shows the time and a reference", async ({ page }) => {
  await openBookingForm(page);
  const scripts = await page.locator("script").evaluateAll((all) => all.map((script) => (script as HTMLScriptElement).src));
  expect(scripts, "no React: the page's own module is its one script").toEqual([expect.stringMatching(/\/_next\/static\/page-scripts\/booking-\w+\.js$/)]);
  const [slot] = await laneSlots(page, "with-js");
  await fillAnswers(page, prospect());
  await pickSlot(page, slot!);
  await consent(page).check();

  // While the booking is on its way (held here until then), the page reports what its button says
  // and whether a second press sends anything: Playwright's own reads would wait for the navigation.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let whileBooking: unknown;
  let posts = 0;
  await page.route(
    (url) => url.pathname === "/while-booking",
    async (route) => {
      whileBooking = JSON.parse(new URL(route.request().url()).searchParams.get("state")!);
      release();
      await route.fulfill({ status: 204 });
    },
  );
  await page.route(
    (url) => url.pathname === "/book",
    async (route) => {
      if (route.request().method() === "POST" && ++posts === 1) await held;
      await route.continue();
    },
  );
  await page.evaluate(() => {
    const form = document.querySelector<HTMLFormElement>("form[data-enhance]")!;
    const button = form.querySelector<HTMLButtonElement>("button[data-pending-label]")!;
    // After the form's own handler, and after what that handler leaves for later.
    form.addEventListener("submit", () =>
      setTimeout(() => {
        const state = { label: button.textContent, disabled: button.disabled };
        button.click();
        void fetch(`/while-booking?state=${encodeURIComponent(JSON.stringify(state))}`);
      }),
    );
  });
  await bookButton(page).click();

  await expectConfirmation(page, slot!, zone);
  expect(whileBooking).toEqual({ label: "Booking your call…", disabled: true });
  expect(posts, "a second press sent nothing").toBe(1);
});

test("choosing another zone redraws the times at once, on the same page, keeping the chosen time and every answer", async ({ page }) => {
  await openBookingForm(page);
  const answers = prospect();
  await fillAnswers(page, answers);
  const [slot] = await laneSlots(page, "js-time-zone");
  await pickSlot(page, slot!);
  await page.evaluate(() => Object.assign(window, { samePage: true }));

  await timeZoneSelect(page).selectOption("Europe/London");
  await expect(page.getByText(/^Times are shown in/)).toContainText("(Europe/London)");
  await expect(page.getByRole("button", { name: "Show times" }), "nothing to press: the times follow the choice").toBeHidden();
  const { radio } = await timeOnForm(page, slot!);
  await expect(radio, "the chosen time, now under its day in London").toBeChecked();
  await expectAnswersKept(page, answers);
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage), "no page load").toBe(true);

  await consent(page).check();
  await bookButton(page).click();
  await expectConfirmation(page, slot!, "Europe/London");
});

test("the confirmation's Add to calendar link downloads the booking as a calendar file", async ({ page }) => {
  await openBookingForm(page);
  const [slot] = await laneSlots(page, "calendar-file");
  await bookSlot(page, slot!);
  const reference = await expectConfirmation(page, slot!, zone);
  await expectCalendarFile(page, reference, slot!);
});

test("when someone else takes the time first, the prospect keeps every answer and is offered the nearest open times", async ({
  page,
  anotherPerson,
}) => {
  // Two people fill the form and book; on two busy cores the fills alone can take 20 s.
  test.slow();
  await openBookingForm(page);
  const [slot, nextSlot] = await laneSlots(page, "slot-taken");
  const answers = prospect();
  await fillAnswers(page, answers);
  await pickSlot(page, slot!);
  await consent(page).check();

  const someoneElse = await anotherPerson();
  await openBookingForm(someoneElse);
  await bookSlot(someoneElse, slot!);
  await expectConfirmation(someoneElse, slot!, zone);

  await bookButton(page).click();
  const taken = "That time was just taken; please pick another";
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary.getByRole("link", { name: `Time: ${taken}` })).toBeVisible();
  await expect(summary).toBeFocused();
  const times = page.getByRole("group", { name: "Choose a time" });
  // The group keeps saying which zone the times are in, and adds the error.
  await expect(times).toHaveAccessibleDescription(/^Times are shown in .+\. Error: That time was just taken; please pick another$/);
  await expectAnswersKept(page, answers);
  await expect(timeZoneSelect(page), "the times are still in the prospect's zone").toHaveValue(zone);
  await expect(consent(page)).toBeChecked();

  await expect(times.getByText("The nearest open times:")).toBeVisible();
  const nearest = times.getByRole("radio").first();
  const nearestLabel = formatSlot(new Date(nextSlot!), zone);
  await expect(nearest, "the nearest open time is offered first").toHaveAccessibleName(nearestLabel);
  await expect(nearest).toHaveAttribute("value", nextSlot!);
  await expect(nearest).not.toBeChecked();
  await expect(page.locator(`input[name="slot"][value="${slot}"]`), "the taken time is no longer offered").toHaveCount(0);

  await times.getByText(nearestLabel, { exact: true }).click();
  await expect(nearest).toBeChecked();
  await bookButton(page).click();
  await expectConfirmation(page, nextSlot!, zone);
});
