// The DNS check in Vietnamese: what core finds in records and answers (an SPF syntax
// error, why a result is an error, why nothing could be checked) is shown from the
// catalog in the page's language (vi.txt, fetched when Vietnamese is chosen), not as
// English text in the middle of a Vietnamese card.

import { test, expect } from "./fixtures";
import { CLOSED_DOH_URL, dohUrl } from "./site";
import { card, finished, openCheck } from "./check-page";

/** syntax.cli.test publishes "v=spf1 ip4:198.51.100.300 include:… -all". */
const SYNTAX = 'ip4: "198.51.100.300" không phải là địa chỉ IPv4';

test("an SPF syntax error is marked, listed and explained in Vietnamese", async ({ page }) => {
  await openCheck(page, "lang=vi&domain=syntax.cli.test&ip=203.0.113.9&method=direct-send");
  await finished(page);
  const spf = card(page, "spf");
  await expect(spf.locator("mark.syntax-error")).toHaveAttribute("title", SYNTAX);
  await expect(spf.locator(".syntax-errors li")).toHaveText(`Ký tự 8–25: ${SYNTAX}`);
  await expect(spf.locator('.ip-results tr[data-ip="203.0.113.9"] .spf-result')).toContainText(
    `lỗi cú pháp trong bản ghi SPF của syntax.cli.test: ${SYNTAX}`,
  );
  await expect(spf.locator('[data-code="spf-syntax"] .finding-message')).toHaveText(
    `Bản ghi SPF của syntax.cli.test có lỗi cú pháp: ${SYNTAX}.`,
  );
  await expect(spf).not.toContainText("is not an IPv4 address");

  // The what-if editor says it in Vietnamese too.
  await page.getByLabel("Bản ghi SPF nháp").fill("v=spf1 ip4:203.0.113.999 -all");
  const result = page.getByTestId("whatif-result");
  await expect(result.locator(".syntax-errors li")).toHaveText(
    'Ký tự 8–24: ip4: "203.0.113.999" không phải là địa chỉ IPv4',
  );
  await expect(result).not.toContainText("is not an IPv4 address");
});

test("with an unreachable resolver, why nothing could be checked is said in Vietnamese", async ({ page }) => {
  await openCheck(page, "lang=vi&domain=contoso.com", CLOSED_DOH_URL);
  await finished(page);
  for (const section of ["mx", "spf", "dmarc"]) {
    await expect(card(page, section)).toHaveAttribute("data-status", "could-not-check");
  }
  // Said once, in the banner, not under every card.
  const banner = page.getByTestId("unreachable");
  await expect(banner).toContainText("không kết nối được tới máy chủ DNS-over-HTTPS");
  expect((await page.locator("main").innerText()).split("không kết nối được tới máy chủ DNS-over-HTTPS").length - 1).toBe(1);
  await expect(page.locator("main")).not.toContainText("could not be reached");
});

test("a resolver the page's policy forbids is explained in Vietnamese", async ({ page }) => {
  await openCheck(page, "lang=vi&domain=contoso.com", "https://doh.corp.example:8443/dns-query");
  const result = page.getByTestId("mx-result");
  await expect(result).toHaveAttribute("data-status", "could-not-check");
  await expect(result).toContainText(
    "Content-Security-Policy của trang này không cho phép kết nối tới https://doh.corp.example:8443",
  );
  await expect(result).not.toContainText("does not allow connecting");
});

// The report is data, worded when shown: switching the language on a finished check
// re-words every card from the report the page holds and asks the resolver nothing.
test("switching the language on a finished check asks the network nothing", async ({ page }) => {
  const doh = new URL(dohUrl());
  const asked: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.host === doh.host && url.pathname === doh.pathname) asked.push(request.url());
  });
  await openCheck(page, "domain=syntax.cli.test&ip=203.0.113.9&method=direct-send");
  await finished(page);
  const spf = card(page, "spf");
  await expect(spf.locator('[data-code="spf-syntax"] .finding-message')).toContainText("has a syntax error");
  const before = asked.length;
  expect(before, "the check itself went through the test resolver").toBeGreaterThan(0);

  await page.getByRole("link", { name: "Tiếng Việt" }).click();
  await expect(spf.locator('[data-code="spf-syntax"] .finding-message')).toHaveText(
    `Bản ghi SPF của syntax.cli.test có lỗi cú pháp: ${SYNTAX}.`,
  );
  await expect(spf.locator('.ip-results tr[data-ip="203.0.113.9"] .spf-result')).toContainText("lỗi cú pháp");
  await expect(card(page, "mx").getByTestId("cloud-source")).toContainText("suy ra từ máy chủ MX");
  await page.getByRole("link", { name: "English" }).click();
  await expect(spf.locator('[data-code="spf-syntax"] .finding-message')).toContainText("has a syntax error");
  expect(asked.length, "no DoH request after the check finished").toBe(before);
});
