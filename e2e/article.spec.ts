import { expect, test, type Page } from "@playwright/test";
import { source, sections } from "./article-source";
import { expectNoAccessibilityViolations } from "./axe";

const articlePath = `/articles/${source.slug}`;
const metaContent = (page: Page, selector: string) => page.locator(`head ${selector}`).getAttribute("content");

test("a reader gets the article word for word: one title, four sections, every paragraph in order", async ({ page }) => {
  await page.goto(articlePath);
  const article = page.getByRole("article");

  await expect(page.getByRole("heading", { level: 1 })).toHaveText([source.title]);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(sections);
  expect(await article.getByRole("paragraph").allTextContents()).toEqual([expect.stringMatching(/^By /), ...source.paragraphs]);
  await expect(article).not.toContainText(source.keyword, { ignoreCase: true });
});

test("both calls to action take the reader to /book", async ({ page }) => {
  await page.goto(articlePath);

  const inText = page
    .getByRole("article")
    .getByRole("link", { name: "consult with the experts at SmallBusiness.Management's Business Consulting services" });
  await expect(inText).toHaveAttribute("href", "/book");

  const callToAction = page.getByRole("region", { name: "Talk to us about your operations" });
  await expect(callToAction.getByRole("link", { name: "Book a consultation" })).toHaveAttribute("href", "/book");
});

test("search engines and social networks get a description, canonical address and share card", async ({ page, request, baseURL }) => {
  await page.goto(articlePath);
  const canonical = `${baseURL}${articlePath}`;
  const description = await metaContent(page, 'meta[name="description"]');

  await expect(page).toHaveTitle(new RegExp(`^${source.title}`));
  expect(description?.length).toBeGreaterThanOrEqual(50);
  expect(description?.length).toBeLessThanOrEqual(170);
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute("href", canonical);
  expect(await metaContent(page, 'meta[name="keywords"]')).toBe(source.keyword);
  expect(await metaContent(page, 'meta[property="og:title"]')).toBe(source.title);
  expect(await metaContent(page, 'meta[property="og:description"]')).toBe(description);
  expect(await metaContent(page, 'meta[property="og:url"]')).toBe(canonical);
  expect(await metaContent(page, 'meta[property="og:type"]')).toBe("article");
  expect(await metaContent(page, 'meta[name="twitter:card"]')).toBe("summary_large_image");

  const ogImage = await metaContent(page, 'meta[property="og:image"]');
  expect(ogImage).toMatch(new RegExp(`^${canonical}/opengraph-image`));
  expect(await metaContent(page, 'meta[name="twitter:image"]')).toBe(ogImage);
  const image = await request.get(ogImage!);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
});

test("the structured data describes the article, its author and publisher", async ({ page, baseURL }) => {
  await page.goto(articlePath);
  const canonical = `${baseURL}${articlePath}`;
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  const ogImage = await metaContent(page, 'meta[property="og:image"]');

  expect(jsonLd).toMatchObject({
    "@context": "https://schema.org",
    "@type": "Article",
    headline: source.title,
    description: await metaContent(page, 'meta[name="description"]'),
    datePublished: expect.stringMatching(/^\d{4}-\d{2}-\d{2}/),
    dateModified: expect.stringMatching(/^\d{4}-\d{2}-\d{2}/),
    author: { name: expect.any(String) },
    publisher: { "@type": "Organization", name: "SmallBusiness.Management", url: baseURL },
    mainEntityOfPage: { "@id": canonical },
  });
  expect(jsonLd.image).toBe(ogImage!.split("?")[0]);
});

test("search engines can find the article in the sitemap", async ({ request, baseURL }) => {
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`<loc>${baseURL}${articlePath}</loc>`);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the article has no accessibility violations in the ${colorScheme} color scheme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(articlePath);
    await expectNoAccessibilityViolations(page);
  });
}

test("from the booking form to an article and back, every public page is plain HTML: links are ordinary navigations", async ({ page }) => {
  const frameworkStarted = () => page.evaluate(() => Boolean((window as unknown as { next?: unknown }).next));
  await page.goto("/book");
  await expect(page.getByRole("heading", { level: 1, name: "Book a consultation" })).toBeVisible();
  expect(await frameworkStarted(), "no framework on the booking form").toBe(false);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Articles" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Articles" })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: source.title }).click();
  await expect(page).toHaveURL(articlePath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(source.title);
  await expect(page.getByText(source.paragraphs.at(-1)!)).toBeVisible();
  expect(await frameworkStarted(), "no framework on the article").toBe(false);

  await page.getByRole("region", { name: "Talk to us about your operations" }).getByRole("link", { name: "Book a consultation" }).click();
  await expect(page).toHaveURL("/book");
  await expect(page.getByRole("heading", { level: 1, name: "Book a consultation" })).toBeVisible();
});

test.describe("on a phone with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 375, height: 812 } });

  test("the article reads in full, without sideways scrolling", async ({ page }) => {
    await page.goto(articlePath);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(source.title);
    await expect(page.getByText(source.paragraphs.at(-1)!)).toBeVisible();
    const callToAction = page.getByRole("region", { name: "Talk to us about your operations" });
    await expect(callToAction.getByRole("link", { name: "Book a consultation" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
