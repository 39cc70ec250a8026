import { test, expect } from "@playwright/test";
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
      // The matrix scrolls inside its own region, which reflow allows for data tables.
      const offenders = [...document.querySelectorAll("body *")]
        .filter((el) => !el.closest(".table-scroll"))
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      return { scroll: document.documentElement.scrollWidth, width, offenders: offenders.slice(0, 5) };
    });
    expect(overflow.offenders).toEqual([]);
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.width);
  });
}
