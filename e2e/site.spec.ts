import { expect, test } from "@playwright/test";
import { source } from "./article-source";
import { expectNoAccessibilityViolations } from "./axe";

test("the home page says what the firm does and leads to a consultation and the article", async ({ page }) => {
  await page.goto("/");
  const main = page.getByRole("main");

  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(main.getByRole("heading", { name: "Define the COO and VP of Operations roles" })).toBeVisible();
  await expect(main.getByRole("link", { name: "Book a consultation" })).toHaveAttribute("href", "/book");

  await main.getByRole("link", { name: source.title }).click();
  await expect(page).toHaveURL(`/articles/${source.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(source.title);
});

test("the articles index lists the article", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Articles" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Articles" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: source.title })).toHaveAttribute("href", `/articles/${source.slug}`);
});

test("every page has the site header, navigation and footer", async ({ page }) => {
  await page.goto("/articles");
  await expect(page.getByRole("banner").getByRole("link", { name: "SmallBusiness.Management" })).toHaveAttribute("href", "/");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Book a consultation" })).toHaveAttribute("href", "/book");
  const footer = page.getByRole("contentinfo");
  await expect(footer.getByRole("link", { name: "hello@smallbusiness.management" })).toHaveAttribute("href", "mailto:hello@smallbusiness.management");
  await expect(footer).toContainText("©");
});

test("a keyboard user can skip straight to the content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skipLink = page.getByRole("link", { name: "Skip to main content" });
  await expect(skipLink).toBeFocused();
  await skipLink.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

test("the privacy notice is one click from the footer", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Privacy" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What we collect" })).toBeVisible();
  await expect(page.getByText(/Resend/).first()).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "hello@smallbusiness.management" }).first()).toBeVisible();
});

for (const path of ["/no-such-page", "/articles/no-such-article"]) {
  test(`an unknown address (${path}) answers 404 with a way back`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("find that page");
    await expect(page.getByRole("main").getByRole("link", { name: "Go to the home page" })).toHaveAttribute("href", "/");
    await expect(page.getByRole("main").getByRole("link", { name: "Browse our articles" })).toHaveAttribute("href", "/articles");
    await expect(page.getByRole("main").getByRole("link", { name: "Book a consultation" })).toHaveAttribute("href", "/book");
    await expect(page.getByRole("banner")).toBeVisible();
    await expect(page.getByRole("contentinfo")).toBeVisible();
  });
}

test("robots.txt lets crawlers in, keeps them out of admin and api, and names the sitemap", async ({ request, baseURL }) => {
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain("Allow: /");
  expect(robots).toContain("Disallow: /admin");
  expect(robots).toContain("Disallow: /api");
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

test("the sitemap lists the public pages by absolute address", async ({ request, baseURL }) => {
  const sitemap = await (await request.get("/sitemap.xml")).text();
  for (const path of ["", "/articles", "/book", "/privacy"]) expect(sitemap).toContain(`<loc>${baseURL}${path}</loc>`);
});

for (const colorScheme of ["light", "dark"] as const) {
  for (const path of ["/", "/articles", "/privacy", "/no-such-page"]) {
    test(`${path} has no accessibility violations in the ${colorScheme} color scheme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      await expectNoAccessibilityViolations(page);
    });
  }
}

test("the home page fits a phone screen without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto("/");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test("the site has its icons and a web manifest: the browser finds every one, and /favicon.ico is there for those that ask", async ({ page, request }) => {
  await page.goto("/");
  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  const appleIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
  const manifestUrl = await page.locator('link[rel="manifest"]').getAttribute("href");
  for (const [url, type] of [[icon, "image/svg+xml"], [appleIcon, "image/png"], ["/favicon.ico", "image/"]] as const) {
    const response = await request.get(url!);
    expect(response.status(), url!).toBe(200);
    expect(response.headers()["content-type"], url!).toContain(type);
  }
  const manifest = (await (await request.get(manifestUrl!)).json()) as { name: string; start_url: string; icons: { src: string }[] };
  expect(manifest.name).toContain("SmallBusiness.Management");
  expect(manifest.start_url).toBe("/");
  for (const { src } of manifest.icons) expect((await request.get(src)).status(), src).toBe(200);
});
