import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { accounts, PASSWORD, signIn } from "./admin-session";
import { expectNoAccessibilityViolations } from "./axe";
import { bookSlot, expect, expectConfirmation, laneSlots, openBookingForm, plainSpaces, prospect, test, type Lane } from "./booking-fixtures";
import { FIRM_TIME_ZONE } from "./booking-lanes";

// Staff work a lead from arrival: sign in, find it, move it through the pipeline, note it, sign out.

async function bookLead(page: Page, lane: Lane, fullName: string, timeZone: string, company = `Firm ${fullName.slice(-6)}`) {
  await openBookingForm(page);
  const [slot] = await laneSlots(page, lane);
  await bookSlot(page, slot!, prospect({ fullName, company }));
  await expectConfirmation(page, slot!, timeZone);
  return slot!;
}

/** The lead in the list: its call in the viewer's zone, short enough that the table fits a laptop's screen; a card on a phone. axe needs JavaScript. */
async function expectListRow(page: Page, fullName: string, call: { slot: string; timeZone: string }, withJavaScript: boolean) {
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: fullName, exact: true }) });
  const year = (date: Date) => new Intl.DateTimeFormat("en-US", { timeZone: call.timeZone, year: "numeric" }).format(date);
  const at = new Date(call.slot);
  const shown = new Intl.DateTimeFormat("en-US", {
    timeZone: call.timeZone,
    weekday: "short",
    month: "short",
    day: "numeric",
    ...(year(at) === year(new Date()) ? {} : { year: "numeric" }),
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(at);
  const callTime = row.locator(`time[datetime="${call.slot}"]`);
  await expect(callTime).toBeVisible();
  expect(plainSpaces((await callTime.textContent())!)).toBe(plainSpaces(shown));
  const table = page.getByRole("table");
  expect(await table.evaluate((element) => element.parentElement!.scrollWidth - element.parentElement!.clientWidth), "the list scrolls sideways").toBe(0);
  if (withJavaScript) await expectNoAccessibilityViolations(page);

  // On a phone each row is a card: the name first, then the call and the rest, nothing off the side.
  const laptop = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    const name = row.getByRole("link", { name: fullName, exact: true });
    await expect(name).toBeVisible();
    await expect(callTime).toBeVisible();
    const label = await row.getByRole("cell").filter({ has: page.locator(`time[datetime="${call.slot}"]`) }).evaluate((cell) => getComputedStyle(cell, "::before").content);
    expect(label, "the column's name before the call").toMatch(/^"Call"/);
    expect((await name.boundingBox())!.y, "the name above the call").toBeLessThan((await callTime.boundingBox())!.y);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), "the page scrolls sideways on a phone").toBeLessThanOrEqual(390);
    if (withJavaScript) await expectNoAccessibilityViolations(page);
  } finally {
    await page.setViewportSize(laptop);
  }
}

type Worker = "workerWithJs" | "workerWithoutJs";
const workerName: Record<Worker, string> = { workerWithJs: "E2E worker with JS", workerWithoutJs: "E2E worker without JS" };

async function workTheLead(page: Page, who: Worker, fullName: string, call: { slot: string; timeZone: string }, checkRow: (row: string[]) => void = () => {}) {
  await signIn(page, who, "/admin/leads");
  await page.getByLabel("Search name, email, company, message").fill(fullName.slice(-8));
  await page.getByRole("button", { name: "Show leads" }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  await expectListRow(page, fullName, call, who === "workerWithJs");
  await page.getByRole("link", { name: fullName, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: fullName })).toBeVisible();

  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline).toContainText("Booked a call");
  // Each save comes back to this page; its timeline shows when the save has landed.
  await page.getByLabel("Status").selectOption("CONTACTED");
  await page.getByRole("button", { name: "Save status" }).click();
  await expect(timeline).toContainText("Status changed from new to contacted");
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await page.getByLabel("Owner").selectOption({ label: `${workerName[who]} (me)` });
  await page.getByRole("button", { name: "Save owner" }).click();
  await expect(timeline).toContainText("Owner changed");
  await page.getByLabel("Add a note").fill("Called: wants a COO by spring.\n<b>not bold</b>");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("status")).toHaveText("Note added.");
  await expect(timeline).toContainText("<b>not bold</b>");

  await page.goto(`/admin/leads?owner=mine&status=CONTACTED&q=${encodeURIComponent(fullName.slice(-8))}`);
  await expect(page.getByRole("link", { name: fullName, exact: true })).toBeVisible();
  const csv = await exportedCsv(page);
  expect(csv[0]!.slice(0, 4)).toEqual(["Received", "Reference", "Status", "Name"]);
  expect(csv).toHaveLength(2);
  expect(csv[1]).toContain(fullName);
  expect(csv[1]).toContain("CONTACTED");
  checkRow(csv[1]!);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in/);
}

/** The "Export this view as CSV" download, as rows of cells (a minimal RFC 4180 reader). */
async function exportedCsv(page: Page): Promise<string[][]> {
  const response = await page.request.get(await page.getByRole("link", { name: "Export this view as CSV" }).getAttribute("href").then((href) => href!));
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const text = (await response.text()).replace(/^\ufeff/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ",") {
      row.push(cell);
      cell = "";
    } else if (!quoted && char === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else {
      cell += char;
    }
  }
  return rows;
}

test("without a session the admin sends you to sign in, and brings you back afterwards", async ({ page }) => {
  const response = await page.goto("/admin/leads?status=NEW");
  expect(response?.headers()["cache-control"]).toMatch(/private/);
  expect(response?.headers()["cache-control"]).toMatch(/no-store/);
  await expect(page).toHaveURL(/\/admin\/sign-in\?callbackUrl=%2Fadmin%2Fleads%3Fstatus%3DNEW$/);
  await page.getByLabel("Email").fill(accounts.staff);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#sign-in-error")).toHaveText("That email and password do not match an active account.");
  await expect(page.getByLabel("Email"), "the email is kept").toHaveValue(accounts.staff);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/leads\?status=NEW$/);
});

test("the address to return to after sign-in can only be on this site", async ({ page }) => {
  await page.goto("/admin/sign-in?callbackUrl=https%3A%2F%2Fevil.example%2F");
  await page.getByLabel("Email").fill(accounts.staff);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
});

test.describe("with JavaScript", () => {
  test.use({ timezoneId: "Europe/Paris" });
  test("staff find a lead booked a minute ago, move it on, own it, note it, and sign out; the old session is dead", async ({ page, context }) => {
    test.setTimeout(120_000);
    const fullName = `<img src=x onerror=alert(1)> ${randomUUID().slice(0, 8)}`;
    let alerted = false;
    page.on("dialog", (dialog) => {
      alerted = true;
      return dialog.dismiss();
    });
    const slot = await bookLead(page, "admin", fullName, "Europe/Paris");
    await workTheLead(page, "workerWithJs", fullName, { slot, timeZone: "Europe/Paris" });
    expect(alerted, "what the prospect typed never runs as markup").toBe(false);

    // The cookie from before sign-out opens nothing.
    await signIn(page, "workerWithJs", "/admin");
    const cookies = await context.cookies();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page, "signed out").toHaveURL(/\/admin\/sign-in/);
    await context.addCookies(cookies);
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/admin\/sign-in/);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the same work with plain form posts", async ({ page }) => {
    test.setTimeout(120_000);
    const fullName = `Nojs Person ${randomUUID().slice(0, 8)}`;
    const slot = await bookLead(page, "admin-no-js", fullName, FIRM_TIME_ZONE, '=HYPERLINK("https://evil.example","Open")');
    await workTheLead(page, "workerWithoutJs", fullName, { slot, timeZone: FIRM_TIME_ZONE }, (row) => expect(row, "a formula is exported as text").toContain(`'=HYPERLINK("https://evil.example","Open")`));
  });
});
