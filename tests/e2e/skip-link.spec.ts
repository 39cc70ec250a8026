import { test, expect } from "./fixtures";
import { siteUrl, withDoh } from "./site";
import { expectNoAxeViolations } from "./axe-audit";

// Every page has <base href> pointing at the site root, so a bare href="#main" would
// leave the screen and its query (the DNS check lost its domain). The skip link must
// move focus to the content and leave the address and the page alone.

const SKIP = { en: "Skip to content", vi: "Chuyển đến nội dung chính" };

// The plan's later steps move focus to their heading on load, so Tab would start there;
// the first question is the planner's entry page.
const screens: string[] = [
  "?recipients=internal",
  "compare/?recipients=external",
  "cards/",
  "connector/?kind=relay-ip&ips=203.0.113.25",
  withDoh("check/?domain=mx-classic.test"),
  "explain/?method=relay-ip",
  "settings/",
];

for (const lang of ["en", "vi"] as const) {
  for (const path of screens) {
    test(`in ${lang}, the skip link on /${path.split("&doh=")[0]} moves focus to the content and keeps the address`, async ({ page }) => {
      const url = siteUrl(`${path}${path.includes("?") ? "&" : "?"}lang=${lang}`);
      await page.goto(url);
      await expect(page.locator("main h1").first()).toBeVisible();
      if (path.startsWith("check/")) await expect(page.getByTestId("mx-result")).toBeVisible();
      // A marker that a reload or a route change would lose.
      await page.evaluate(() => ((window as unknown as { skipMarker: number }).skipMarker = 1));
      const before = page.url();

      await page.keyboard.press("Tab");
      const skip = page.getByRole("link", { name: SKIP[lang] });
      await expect(skip).toBeFocused();
      await expect(skip).toBeInViewport();
      await expectNoAxeViolations(page);
      await page.keyboard.press("Enter");

      await expect(page.locator("main#main")).toBeFocused();
      expect(page.url()).toBe(before);
      expect(await page.evaluate(() => (window as unknown as { skipMarker?: number }).skipMarker)).toBe(1);
      if (path.startsWith("check/")) await expect(page.getByTestId("mx-result")).toBeVisible();
      // The next Tab reaches the content, not the header.
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => !!document.activeElement?.closest("main"))).toBe(true);
    });
  }
}

// Moving between screens inside the app: the link must follow the new screen (it kept
// the previous screen's address, so it no longer pointed into the page it sat on, and
// axe found the page's content outside any landmark).
for (const lang of ["en", "vi"] as const) {
  test(`in ${lang}, after moving to another screen in the app, the skip link points at that screen`, async ({ page }) => {
    await page.goto(siteUrl(`?lang=${lang}`));
    await expect(page.locator("fieldset")).toBeVisible();
    await page.locator("header").getByRole("link", { name: lang === "en" ? "Compare" : "So sánh", exact: true }).click();
    await expect(page).toHaveURL(/\/compare\/?\?/);
    const link = page.locator("a.skip-link");
    await expect
      .poll(async () => new URL((await link.getAttribute("href")) ?? "", page.url()).pathname)
      .toBe(new URL(page.url()).pathname);
    await link.focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("#main")).toBeFocused();
    await expect(page).toHaveURL(/\/compare\/?\?/);
    await expectNoAxeViolations(page);
  });
}
