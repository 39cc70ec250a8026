// The DNS check's DKIM section in Chromium, against Knot + dnsdist
// (tests/zones/dkim.test.zone and the stand-in onmicrosoft.com and dkim.mail.microsoft zones).

import { test, expect } from "./fixtures";
import AxeBuilder from "@axe-core/playwright";
import { card, finished, openCheck } from "./check-page";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

const selector = (page, n: number) => card(page, "dkim").locator(`.dkim-selector[data-selector="selector${n}"]`);

test("a classic Microsoft 365 setup: the published target, the rule it matches, the key, and where to look", async ({ page }) => {
  await openCheck(page, "domain=classic.dkim.test&method=client-submission");
  await finished(page);
  const dkim = card(page, "dkim");
  await expect(dkim).toHaveAttribute("data-status", "ok");
  const first = selector(page, 1);
  await expect(first).toHaveAttribute("data-rule", "microsoft-365-classic");
  await expect(first.locator(".dkim-target")).toHaveText(
    "selector1-classic-dkim-test._domainkey.dkimtenant.onmicrosoft.com",
  );
  await expect(first.locator(".dkim-rule")).toContainText("tenant dkimtenant");
  await expect(first.locator(".dkim-key")).toHaveText("RSA, 2048 bits");
  await expect(selector(page, 2)).toHaveAttribute("data-key", "not-published");
  await expect(dkim.locator(".dkim-meaning")).toContainText("aligned DKIM");
  await expect(dkim.locator(".dkim-where")).toContainText("Get-DkimSigningConfig -Identity classic.dkim.test");
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations).toEqual([]);
});

test("the format for new custom domains is recognised, in Vietnamese", async ({ page }) => {
  await openCheck(page, "lang=vi&domain=partitioned.dkim.test");
  await finished(page);
  const first = selector(page, 1);
  await expect(first).toHaveAttribute("data-rule", "microsoft-365-partitioned");
  await expect(first.locator(".dkim-rule")).toContainText("tháng 5/2025");
  await expect(first.locator(".dkim-key")).toHaveText("RSA, 2048 bit");
  await expect(card(page, "dkim").locator(".dkim-where")).toContainText("DNS không cho biết");
});

for (const [domain, query, status, code] of [
  ["none.dkim.test", "", "warning", "dkim-missing"],
  ["none.dkim.test", "&method=direct-send", "info", "dkim-missing"],
  ["txt.dkim.test", "", "warning", "dkim-txt-not-cname"],
  ["weak.dkim.test", "", "error", "dkim-weak-key"],
  ["malformed.dkim.test", "", "warning", "dkim-target-malformed"],
  ["broken.dkim.test", "", "could-not-check", "dns-error"],
]) {
  test(`${domain}${query}: ${status}, ${code}`, async ({ page }) => {
    await openCheck(page, `domain=${domain}${query}`);
    await finished(page);
    const dkim = card(page, "dkim");
    await expect(dkim).toHaveAttribute("data-status", status);
    await expect(dkim.locator(`[data-code="${code}"]`).first()).toBeVisible();
  });
}

test("Direct Send: DKIM is explained as not needed for internal mail", async ({ page }) => {
  await openCheck(page, "domain=none.dkim.test&method=direct-send");
  await finished(page);
  await expect(card(page, "dkim").locator(".dkim-meaning")).toContainText("does not need to be");
});
