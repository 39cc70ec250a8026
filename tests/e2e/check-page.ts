// The DNS check screen, for the specs that drive it.

import { expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { siteUrl, withDoh } from "./site";

/** A section's card in the results: mx, spf, dkim or dmarc. */
export const card = (page: Page, section: string) => page.locator(`.check-card[data-section="${section}"]`);

/** Opens the check with `query` (domain, ip, method), against the test stack's resolver unless `doh` says otherwise. */
export async function openCheck(page: Page, query: string, doh?: string) {
  await page.goto(siteUrl(withDoh(`check/?${query}`, doh)));
}

/** Waits until every section has its result. */
export async function finished(page: Page) {
  for (const section of ["mx", "spf", "dkim", "dmarc"]) {
    await expect(card(page, section)).not.toHaveAttribute("data-status", "pending");
  }
}

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** axe-core audits the page as it is now: no violation of WCAG 2.2 AA or best practice. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations).toEqual([]);
}
