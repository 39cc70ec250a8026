// A resolver that never answers (a firewall that drops DoH instead of refusing it), as
// review J4-5 met it: the page must say what it waits for and for how long at most,
// offer paste mode at once, and state the failure once, with the way to another
// resolver. The black hole is a route that is never fulfilled; the page's clock is
// run forward to the deadline instead of waiting for it.

import { test, expect, type Page } from "./fixtures";
import { dohUrl } from "./site";
import { card, expectNoAxeViolations, finished, openCheck } from "./check-page";


/** Every DoH request hangs: held, never answered. Returns how many were held. */
async function blackHole(page: Page): Promise<() => number> {
  let held = 0;
  await page.route(
    (url) => url.pathname.endsWith("/dns-query"),
    () => {
      held += 1;
    },
  );
  return () => held;
}

const words = {
  en: {
    lang: "",
    waiting: "Asking",
    request: "Each lookup waits at most 8 seconds",
    total: "the check stops waiting after 20 seconds",
    pasteInstead: "Stop and paste the records by hand",
    reason: "did not answer in time",
    settings: "Choose another DNS-over-HTTPS resolver in Settings",
    cancelled: "Check cancelled.",
    pasteTxt: "TXT records of contoso.com",
  },
  vi: {
    lang: "lang=vi&",
    waiting: "Đang hỏi",
    request: "Mỗi lượt tra cứu chờ tối đa 8 giây",
    total: "sau 20 giây, việc kiểm tra sẽ thôi chờ",
    pasteInstead: "Dừng lại và dán bản ghi thủ công",
    reason: "không trả lời kịp",
    settings: "Chọn resolver DNS-over-HTTPS khác trong phần Cài đặt",
    cancelled: "Đã hủy kiểm tra.",
    pasteTxt: "Bản ghi TXT của contoso.com",
  },
};

const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

for (const [lang, w] of Object.entries(words)) {
  test(`a black-holed resolver (${lang}): named, bounded, paste offered at once, the failure said once`, async ({ page }) => {
    await page.clock.install();
    const held = await blackHole(page);
    await openCheck(page, `${w.lang}domain=contoso.com&ip=203.0.113.25&method=direct-send`);

    // While it waits: what it waits for, the bounds, and paste mode, before any time-out.
    const waiting = page.getByTestId("waiting-for");
    await expect(waiting).toHaveCount(1);
    await expect(waiting).toContainText(`${w.waiting} ${new URL(dohUrl()).host}`);
    await expect(waiting).toContainText(w.request);
    await expect(waiting).toContainText(w.total);
    await expect(page.getByRole("button", { name: w.pasteInstead })).toBeVisible();
    await expect.poll(held).toBeGreaterThan(0);
    await expectNoAxeViolations(page);

    // The deadline ends the wait though nothing ever answered.
    await page.clock.runFor(21_000);
    await finished(page);
    for (const section of ["mx", "spf", "dmarc"]) {
      await expect(card(page, section)).toHaveAttribute("data-status", "could-not-check");
    }
    await expect(page.getByTestId("waiting-for")).toHaveCount(0);
    const banner = page.getByTestId("unreachable");
    await expect(banner).toHaveCount(1);
    await expect(banner).toContainText(w.reason);
    // One banner: the reason is not repeated under every card.
    expect(occurrences(await page.locator("main").innerText(), w.reason)).toBe(1);
    for (const repeated of await page.locator('[data-code="dns-error"]').all()) await expect(repeated).toBeHidden();
    const settings = banner.getByRole("link", { name: w.settings });
    await expect(settings).toHaveAttribute("href", /\/settings\/?(\?|$)/);
    await expect(page.getByLabel(w.pasteTxt)).toBeVisible();
    await expectNoAxeViolations(page);

    // The requests the deadline stopped leave no timer behind that outlives its
    // callback: time running on past each one's own 8-second limit throws nothing.
    await page.clock.runFor(10_000);
    await expect(banner).toHaveCount(1);
  });

  test(`stopping the wait (${lang}) opens paste mode and points to Settings`, async ({ page }) => {
    await blackHole(page);
    await openCheck(page, `${w.lang}domain=contoso.com&ip=203.0.113.25`);
    await page.getByRole("button", { name: w.pasteInstead }).click();
    await expect(page.getByText(w.cancelled)).toBeVisible();
    await expect(page.getByRole("link", { name: w.settings })).toBeVisible();
    await expect(page.locator("details.paste")).toHaveAttribute("open", "");
    await expect(page.getByLabel(w.pasteTxt)).toBeVisible();
    await expect(page.getByTestId("waiting-for")).toHaveCount(0);
    await expectNoAxeViolations(page);

    // The pasted records are checked, and nothing waits on the resolver any more.
    await page.getByLabel(w.pasteTxt).fill('contoso.com\ttext = "v=spf1 ip4:203.0.113.25 -all"');
    await page.getByLabel(w.pasteTxt).press("Tab");
    await page.locator("details.paste form button[type=submit]").click();
    await expect(card(page, "spf").locator(".ip-results tbody tr").first()).toHaveAttribute("data-result", "pass");
  });
}
