import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Runs axe on the page as it is now and fails with each violation's rule and the elements it found. */
export async function expectNoAccessibilityViolations(page: Page, options: { disableRules?: string[] } = {}) {
  const { violations } = await new AxeBuilder({ page }).disableRules(options.disableRules ?? []).analyze();
  expect(violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}
