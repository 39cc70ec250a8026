import { test, expect } from "./fixtures";
import { expectNoAxeViolations } from "./axe-audit";
import { siteUrl } from "./site";

// Issue #17: the guides' index explains, once and early, the words every other page uses
// (tenant, smart host, connector, relay, mail user). The list comes from core through the
// `{{ terms }}` shortcode, so its names and explanations are the planner's, in the page's
// language; other pages link their first mention to it.

const PAGE = {
  en: {
    heading: "Words used in these guides",
    next: "The three classic options",
    names: [/^tenant/, /^smart host/, /^connector/, /^relay/, /^mail user/],
    link: "smart host",
  },
  vi: {
    heading: "Thuật ngữ dùng trong hướng dẫn",
    next: "Ba phương thức truyền thống",
    names: [/^tenant \(đối tượng thuê\)/, /^smart host/, /^connector \(trình kết nối\)/, /^relay \(chuyển tiếp thư\)/, /^mail user/],
    link: "smart host",
  },
} as const;

/** A letter only Vietnamese writes (not in English text). */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

for (const lang of ["en", "vi"] as const) {
  for (const width of [1366, 390]) {
    test(`at ${width} px in ${lang}, the index explains the five terms before the methods`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      const response = await page.goto(siteUrl(`guide/${lang}/index.html`));
      expect(response?.status()).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);

      const heading = page.getByRole("heading", { level: 2, name: PAGE[lang].heading });
      await expect(heading).toHaveAttribute("id", "terms");
      const list = page.locator("dl.terms");
      const terms = list.locator("dt");
      const explanations = list.locator("dd");
      await expect(terms).toHaveCount(PAGE[lang].names.length);
      await expect(explanations).toHaveCount(PAGE[lang].names.length);
      for (const [i, name] of PAGE[lang].names.entries()) {
        await expect(terms.nth(i)).toHaveText(name);
        const text = (await explanations.nth(i).textContent()) ?? "";
        expect(text.trim().length, `explanation of ${name}`).toBeGreaterThan(30);
        // The explanation is in the page's language, not the other catalog's.
        expect(VIETNAMESE.test(text), text).toBe(lang === "vi");
      }

      // Early: the list stands between its heading and the first section on the methods.
      const next = page.getByRole("heading", { level: 2, name: PAGE[lang].next });
      const [headingBox, listBox, nextBox] = await Promise.all([heading.boundingBox(), list.boundingBox(), next.boundingBox()]);
      expect(headingBox && listBox && nextBox).toBeTruthy();
      if (headingBox && listBox && nextBox) {
        expect(listBox.y).toBeGreaterThan(headingBox.y);
        expect(nextBox.y).toBeGreaterThan(listBox.y + listBox.height - 1);
      }

      // Each explanation sits below its term, indented, and nothing runs off the screen.
      const [dt, dd] = await Promise.all([terms.first().boundingBox(), explanations.first().boundingBox()]);
      expect(dt && dd).toBeTruthy();
      if (dt && dd) {
        expect(dd.y).toBeGreaterThanOrEqual(dt.y + dt.height - 1);
        expect(dd.x).toBeGreaterThan(dt.x);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      await expectNoAxeViolations(page);
    });
  }

  test(`in ${lang}, a guide's first "smart host" leads to the explained terms`, async ({ page }) => {
    await page.goto(siteUrl(`guide/${lang}/direct-send.html#device-settings`));
    await page.locator("main").getByRole("link", { name: PAGE[lang].link, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/guide/${lang}/index\\.html#terms$`));
    await expect(page.getByRole("heading", { level: 2, name: PAGE[lang].heading })).toBeInViewport();
    await expect(page.locator("#term-smart-host")).toBeVisible();
  });
}
