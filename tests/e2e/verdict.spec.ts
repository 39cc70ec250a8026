// The verdict per device at the top of the DNS check, in Chromium against Knot + dnsdist.

import { test, expect } from "./fixtures";
import AxeBuilder from "@axe-core/playwright";
import { finished, openCheck } from "./check-page";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

const verdict = (page, ip: string) => page.locator(`.device-verdict[data-ip="${ip}"]`);

test("one line per device: one reaches the mailboxes, one goes to junk, each linked to what decided it", async ({ page }) => {
  await openCheck(page, "domain=ok.cli.test&ip=198.51.100.7,203.0.113.50&method=direct-send");
  await finished(page);
  const verdicts = page.getByTestId("verdicts");
  // Above the sections.
  const box = await verdicts.boundingBox();
  const mx = await page.locator('.check-card[data-section="mx"]').boundingBox();
  expect(box && mx && box.y < mx.y).toBeTruthy();
  await expect(verdict(page, "198.51.100.7")).toHaveAttribute("data-outcome", "reaches");
  await expect(verdict(page, "198.51.100.7").locator(".verdict-line")).toHaveText(
    "Mail from 198.51.100.7 by Direct Send reaches your mailboxes: SPF passes for 198.51.100.7.",
  );
  // Readable: the sentence is in the page's ink, not another component's pill colours.
  const ink = await page.locator("main h1").evaluate((e) => getComputedStyle(e).color);
  const lineColour = await verdict(page, "198.51.100.7").locator(".verdict-line").evaluate((e) => getComputedStyle(e).color);
  expect(lineColour).toBe(ink);
  const junk = verdict(page, "203.0.113.50");
  await expect(junk).toHaveAttribute("data-outcome", "junk");
  await expect(junk.locator(".status-badge")).toHaveText("Junk");
  await expect(junk.locator(".verdict-link")).toHaveText(["See SPF", "See DMARC"]);
  // Following a link scrolls to the section and keeps the check on the page.
  await junk.locator('.verdict-link[data-section="dmarc"]').click();
  await expect(page).toHaveURL(/domain=ok\.cli\.test.*#dmarc-card-heading$/);
  await expect(page.locator("#dmarc-card-heading")).toBeInViewport();
  await expect(verdict(page, "203.0.113.50")).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations).toEqual([]);
});

test("in Vietnamese, and re-worded on a language switch", async ({ page }) => {
  await openCheck(page, "lang=vi&domain=ok.cli.test&ip=203.0.113.50&method=direct-send");
  await finished(page);
  const junk = verdict(page, "203.0.113.50");
  await expect(junk.locator(".status-badge")).toHaveText("Vào thư rác");
  await expect(junk.locator(".verdict-line")).toContainText("Thư từ 203.0.113.50 gửi bằng Direct Send sẽ vào thư rác");
  await page.getByRole("link", { name: "English" }).click();
  await expect(junk.locator(".verdict-line")).toContainText("will go to junk");
});

test("a section that could not be checked makes the answer unknown, never a guess", async ({ page }) => {
  await openCheck(page, "domain=servfail.cli.test&ip=198.51.100.7&method=direct-send");
  await finished(page);
  const unknown = verdict(page, "198.51.100.7");
  await expect(unknown).toHaveAttribute("data-outcome", "unknown");
  await expect(unknown.locator(".verdict-line")).toContainText("MX, SPF could not be checked");
  await expect(unknown.locator(".verdict-link")).toHaveText(["See MX", "See SPF"]);
});

test("client submission is judged without an IP", async ({ page }) => {
  await openCheck(page, "domain=partitioned.dkim.test&method=client-submission");
  await finished(page);
  await expect(page.locator(".device-verdict").first()).toHaveAttribute("data-case", "submission-reaches");
});
