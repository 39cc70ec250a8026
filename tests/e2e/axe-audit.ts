import { expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

/** The rule sets every audit runs: WCAG 2.0 to 2.2 A and AA, and axe's best practices. */
export const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** Fails with axe-core's own report when the page, as it is now, has any violation. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations).toEqual([]);
}
