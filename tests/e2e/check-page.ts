// The DNS check screen, for the specs that drive it.

import { expect, type Page } from "@playwright/test";
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

export { expectNoAxeViolations } from "./axe-audit";
