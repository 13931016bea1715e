import pg from "pg";
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
  timeZoneSelect,
} from "./booking-fixtures";
import { FIRM_TIME_ZONE } from "./booking-lanes";

// Without JavaScript the form is a plain HTML form: it posts to /book and the answer is a new page.
// The times are shown in the firm's zone until the person picks theirs and presses "Show times".

test.use({ javaScriptEnabled: false, timezoneId: "Europe/Berlin" });
// Without JavaScript the page holds every open day's times (some 1,500 radios over the e2e horizon
// of 130 days); on 2 busy cores a whole booking through it has run past the default 30 s.
test.describe.configure({ timeout: 90_000 });

const zoneName = (zone: string) =>
  new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "long" }).formatToParts(new Date()).find((part) => part.type === "timeZoneName")!.value;
const isBookingPost = (request: { method(): string; url(): string }) => request.method() === "POST" && new URL(request.url()).pathname === "/book";

test("a prospect books with a plain form post and reaches the confirmation", async ({ page }) => {
  await openBookingForm(page);
  await expect(page.getByText(/^Times are shown in/)).toContainText(`${zoneName(FIRM_TIME_ZONE)} (${FIRM_TIME_ZONE})`);
  const [slot] = await laneSlots(page, "no-js");

  const posted = page.waitForRequest(isBookingPost);
  await bookSlot(page, slot!);
  const request = await posted;
  expect(request.isNavigationRequest(), "the browser itself sent the form").toBe(true);
  expect(request.headers()["next-action"], "no script sent it").toBeUndefined();

  await expectConfirmation(page, slot!, FIRM_TIME_ZONE);
});

test("Show times redraws the times in the chosen zone and keeps every answer", async ({ page }) => {
  await openBookingForm(page);
  const answers = prospect();
  await fillAnswers(page, answers);
  await consent(page).check();

  await timeZoneSelect(page).selectOption("Europe/London");
  await page.getByRole("button", { name: "Show times" }).click();

  await expect(page.getByText(/^Times are shown in/)).toContainText(`${zoneName("Europe/London")} (Europe/London)`);
  await expect(page.getByRole("alert", { name: "There is a problem" }), "no errors for a redraw").toHaveCount(0);
  await expectAnswersKept(page, answers);
  await expect(consent(page)).toBeChecked();
  await expect(timeZoneSelect(page)).toHaveValue("Europe/London");

  const [slot] = await laneSlots(page, "no-js-time-zone");
  await pickSlot(page, slot!);
  await bookButton(page).click();
  await expectConfirmation(page, slot!, "Europe/London");
});

test("a reader from a newsletter books from the article, and the article and campaign they came from are kept", async ({ page, context }) => {
  const landing = "/articles/vp-of-operations-vs-coo?utm_source=newsletter&utm_medium=email&utm_campaign=nov";
  await page.goto(landing, { referer: "https://news.example/" });
  const cookieNamed = async () => (await context.cookies()).find((candidate) => candidate.name === "first_touch");
  const firstTouch = async () => {
    const cookie = await cookieNamed();
    expect(cookie, "the first_touch cookie").toBeDefined();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    return JSON.parse(decodeURIComponent(cookie!.value)) as unknown;
  };
  expect(await cookieNamed(), "the article is static: it sets no cookie").toBeUndefined();

  await page.getByRole("region", { name: "Talk to us about your operations" }).getByRole("link", { name: "Book a consultation" }).click();
  await expect(page).toHaveURL("/book");
  // The booking page learns the article and its campaign from the Referer; the newsletter's own
  // address, which only the article's request carried, is not known to the site.
  const expected = { utmSource: "newsletter", utmMedium: "email", utmCampaign: "nov", landingPage: landing };
  expect(await firstTouch()).toEqual(expected);
  const [slot] = await laneSlots(page, "attribution");
  await bookSlot(page, slot!);
  const reference = await expectConfirmation(page, slot!, FIRM_TIME_ZONE);
  expect(await firstTouch(), "later pages do not overwrite the first touch").toEqual(expected);

  // The e2e server shares a PostgreSQL only when DATABASE_URL is set; the embedded one is its own.
  if (process.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT "utmSource", "utmMedium", "utmCampaign", "referrer", "landingPage", "status" FROM "Lead" WHERE "reference" = $1`,
        [reference],
      );
      expect(rows).toEqual([{ ...expected, referrer: null, status: "NEW" }]);
    } finally {
      await client.end();
    }
  }
});
