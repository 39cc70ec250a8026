import { expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { live } from "./fixtures";

/** The rule sets every audit runs: WCAG 2.0 to 2.2 A and AA, and axe's best practices. */
export const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** Fails with axe-core's own report when the page, once the app is live, has any
 * violation (the prerendered <main> is inert until then, out of axe's reach). */
export async function expectNoAxeViolations(page: Page) {
  await live(page);
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations).toEqual([]);
}
