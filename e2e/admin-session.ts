import { expect, type Page } from "@playwright/test";

// Signing in as the accounts scripts/e2e.mjs makes before the server starts.

// Signing out ends every session of an account: a test that signs out uses an account of its own.
export const accounts = {
  admin: process.env.E2E_ADMIN_EMAIL ?? "e2e-admin@example.com",
  staff: process.env.E2E_STAFF_EMAIL ?? "e2e-staff@example.com",
  workerWithJs: process.env.E2E_WORKER_JS_EMAIL ?? "e2e-worker-js@example.com",
  workerWithoutJs: process.env.E2E_WORKER_NOJS_EMAIL ?? "e2e-worker-nojs@example.com",
  consultant: process.env.E2E_CONSULTANT_EMAIL ?? "e2e-consultant@example.com",
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
