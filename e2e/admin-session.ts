import { expect, type Page } from "@playwright/test";

// Signing in as the accounts scripts/e2e.mjs makes before the server starts.

export const accounts = {
  admin: process.env.E2E_ADMIN_EMAIL ?? "e2e-admin@example.com",
  staff: process.env.E2E_STAFF_EMAIL ?? "e2e-staff@example.com",
};
export const PASSWORD = process.env.E2E_PASSWORD ?? "e2e-password-e2e-password";

export async function signIn(page: Page, who: keyof typeof accounts, path = "/admin") {
  await page.goto(path);
  await expect(page).toHaveURL(/\/admin\/sign-in\?callbackUrl=/);
  await page.getByLabel("Email").fill(accounts[who]);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, "\\?")}$`));
}
