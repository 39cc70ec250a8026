import { test, expect } from "./fixtures";
import { expectNoAxeViolations } from "./axe-audit";
import { siteUrl } from "./site";

// Issue #17: the planner explains, once, the words its questions and reasons use
// (tenant, smart host, connector, relay, mail user), from the same catalog keys as the
// guides' list; and dates meet readers in their language's convention, never as ISO.

const WORDS = {
  en: {
    summary: "Words used here",
    names: [/^tenant$/, /^smart host$/, /^connector$/, /^relay$/, /^mail user$/],
    date: /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/,
  },
  vi: {
    summary: "Thuật ngữ dùng ở đây",
    names: [/^tenant \(đối tượng thuê\)$/, /^smart host \(/, /^connector \(trình kết nối\)$/, /^relay \(chuyển tiếp thư\)$/, /^mail user \(người dùng thư\)$/],
    date: /\b\d{1,2}\/\d{1,2}\/\d{4}\b/,
  },
} as const;

const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

for (const lang of ["en", "vi"] as const) {
  for (const width of [1366, 390]) {
    test(`at ${width} px in ${lang}, the planner explains the five terms on request`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(siteUrl(`?lang=${lang}`));
      const summary = page.locator("details.terms > summary");
      await expect(summary).toHaveText(WORDS[lang].summary);
      const terms = page.locator("details.terms dt");
      await expect(terms.first()).toBeHidden();
      await summary.click();
      await expect(terms).toHaveCount(WORDS[lang].names.length);
      for (const [i, name] of WORDS[lang].names.entries()) {
        await expect(terms.nth(i)).toBeVisible();
        await expect(terms.nth(i)).toHaveText(name);
        const text = (await page.locator("details.terms dd").nth(i).textContent()) ?? "";
        expect(text.trim().length).toBeGreaterThan(30);
        expect(VIETNAMESE.test(text), text).toBe(lang === "vi");
      }
      // Open, it stays inside the page and the first question follows it.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expect(page.getByRole("radio").first()).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }

  test(`in ${lang}, the footer, the ranking and Compare write their dates the language's way`, async ({ page }) => {
    await page.goto(siteUrl(`?lang=${lang}&client=device&step=results`));
    const footer = page.locator("footer");
    await expect(footer).toHaveText(WORDS[lang].date);
    expect(await footer.textContent()).not.toMatch(ISO_DATE);
    const main = page.locator("main");
    await expect(main).toContainText(WORDS[lang].date);
    expect(await main.textContent()).not.toMatch(ISO_DATE);

    await page.goto(siteUrl(`compare?lang=${lang}`));
    const lede = page.locator("main .lede").first();
    await expect(lede).toHaveText(WORDS[lang].date);
    expect(await page.locator("main").textContent()).not.toMatch(ISO_DATE);
  });
}
