import { test, expect } from "./fixtures";
import { siteUrl } from "./site";

// 320 CSS px is WCAG 2.2's reflow width (1.4.10): nothing may need sideways scrolling.
test.use({ viewport: { width: 320, height: 640 } });

const screens: [string, string][] = [
  ["", "Which way should this device send?"],
  ["?step=results&recipients=external&auth=oauth", "Your ranking"],
  ["compare/", "Compare the ways to send"],
  ["cards/", "Device config cards"],
  ["connector/?method=relay-ip&ip=203.0.113.25&domain=contoso.com", "Connector and tenant steps"],
  ["check/", "Check your domain"],
  ["settings/", "Settings"],
];

for (const [path, heading] of screens) {
  test(`at 320 px, /${path} reflows without sideways scrolling`, async ({ page }) => {
    await page.goto(siteUrl(path));
    await expect(page.getByRole("heading", { name: heading }).first()).toBeVisible();
    if (path.startsWith("cards")) {
      await page.getByRole("button", { name: "Add a device" }).click();
      await page.getByLabel("Device name").fill("A rather long device name for a narrow phone screen");
    }
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      // The matrix scrolls inside its own region, which reflow allows for data tables;
      // so does the phone header's row of screens, and a code box whose one unbreakable
      // piece (an address) is wider than the phone: the box scrolls, the page does not.
      const offenders = [...document.querySelectorAll("body *")]
        .filter((el) => !el.closest(".table-scroll") && !el.closest(".site-header nav"))
        .filter((el) => {
          const box = el.parentElement?.closest("pre");
          return !box || getComputedStyle(box).overflowX !== "auto";
        })
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      return { scroll: document.documentElement.scrollWidth, width, offenders: offenders.slice(0, 5) };
    });
    expect(overflow.offenders).toEqual([]);
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.width);
  });
}

for (const [lang, guides] of [["en", "Guides"], ["vi", "Hướng dẫn"]]) {
  for (const width of [320, 390]) {
    test(`at ${width} px in ${lang}, the header is two rows and every screen's link is reachable`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(siteUrl(`check/?lang=${lang}`));
      const header = page.locator(".site-header");
      await expect(header).toBeVisible();
      const rows = await header.evaluate((el) => {
        // Items whose vertical middles are within 12 px of each other share a row.
        const middles = [...el.querySelectorAll(".brand, .lang-switch, nav li")]
          .map((e) => e.getBoundingClientRect())
          .map((r) => r.top + r.height / 2)
          .sort((a, b) => a - b);
        const rows = middles.filter((m, i) => i === 0 || m - middles[i - 1] > 12).length;
        return { rows, height: el.getBoundingClientRect().height };
      });
      // Brand and language switch, then the screens: about a tenth of the first screen.
      expect(rows.height).toBeLessThanOrEqual(100);
      expect(rows.rows).toBeLessThanOrEqual(2);
      // The last link, off to the right, scrolls into view when the keyboard reaches it.
      const last = page.locator(".site-header nav").getByRole("link", { name: guides });
      await last.focus();
      await expect(last).toBeInViewport({ ratio: 1 });
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(scroll).toBeLessThanOrEqual(0);
    });
  }
}
