// Compare: with answers the columns follow the ranking and the recommended method is
// marked; the method names and the row names stay in view while the table scrolls,
// on a phone and on a desktop (review J2-3, J2-4).
import { test, expect, type Page } from "./fixtures";
import AxeBuilder from "@axe-core/playwright";
import { siteUrl } from "./site";
import { LANGS, WORDS } from "./plan-page";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

// The review's Journey 2 application on Azure, mailing customers.
const APP = "client=application&cloud=worldwide&recipients=external&auth=oauth&tls=1.2&ports=587&hosting=third-party-cloud&volume=normal&sender=device&onprem-server=no&port25-blocked=yes";

const heads = (page: Page) => page.locator(".matrix thead th");

for (const lang of LANGS) {
  const w = WORDS[lang];

  test(`with answers the columns are in ranking order and the recommended one is marked (${lang})`, async ({ page }) => {
    await page.clock.setFixedTime(new Date("2026-12-02T12:00:00Z"));
    await page.goto(siteUrl(`?lang=${lang}&${APP}&step=results`));
    await expect(page.locator(".method-result")).toHaveCount(8);
    const ranked = await page.locator(".method-result").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-method")));
    expect(ranked).toHaveLength(8);
    await page.getByRole("link", { name: lang === "en" ? "Compare the methods for these answers" : "So sánh các phương thức gửi với những câu trả lời này" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.compareTitle);
    await expect(heads(page)).toHaveCount(8);
    expect(await heads(page).evaluateAll((ths) => ths.map((th) => th.getAttribute("data-method")))).toEqual(ranked);
    await expect(heads(page).first()).toHaveAttribute("data-verdict", "recommended");
    await expect(heads(page).first().locator(".verdict")).toHaveText(w.recommended);
    await expect(page.locator('.matrix thead th[data-verdict="recommended"]')).toHaveCount(1);
    await expect(heads(page).last().locator(".verdict")).toHaveText(w.notPossible);
  });
}

test("without answers the table keeps its own order and marks no verdict", async ({ page }) => {
  await page.goto(siteUrl("compare/"));
  await expect(heads(page).first()).toHaveAttribute("data-method", "client-submission");
  await expect(page.locator(".matrix thead .verdict")).toHaveCount(0);
});

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1366, height: 768 },
]) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test("the method names and the row names stay in view while the table scrolls both ways", async ({ page }) => {
      await page.goto(siteUrl(`compare/?${APP}`));
      const region = page.getByRole("region", { name: "Ways to send through Microsoft 365, compared" });
      await expect(heads(page)).toHaveCount(8);
      await region.scrollIntoViewIfNeeded();
      // Scroll the table sideways and down, as far as it goes.
      const scrolled = await region.evaluate((el) => {
        el.scrollTo({ left: el.scrollWidth, top: el.scrollHeight / 2, behavior: "instant" });
        return { left: el.scrollLeft, top: el.scrollTop };
      });
      expect(scrolled.left).toBeGreaterThan(100);
      expect(scrolled.top).toBeGreaterThan(100);
      const box = (await region.boundingBox())!;
      // The region is on screen, so what stays inside it is in view.
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height + 2);

      // The last method's head is at the top of the scrolled box, not scrolled away.
      const lastHead = (await heads(page).last().boundingBox())!;
      expect(lastHead.y).toBeGreaterThanOrEqual(box.y - 1);
      expect(lastHead.y).toBeLessThanOrEqual(box.y + 2);
      expect(lastHead.x + lastHead.width).toBeLessThanOrEqual(box.x + box.width + 1);

      // A row in view (below the heads) has its name at the left edge of the box.
      const rowNames = page.locator(".matrix tbody th");
      const headBottom = lastHead.y + lastHead.height;
      const names = await rowNames.evaluateAll((ths) => ths.map((th) => {
        const r = th.getBoundingClientRect();
        return { x: r.x, y: r.y, bottom: r.bottom, text: th.textContent ?? "" };
      }));
      const visible = names.filter((n) => n.y >= headBottom - 1 && n.bottom <= box.y + box.height + 1);
      expect(visible.length).toBeGreaterThan(0);
      for (const name of visible) {
        expect(name.x, name.text).toBeGreaterThanOrEqual(box.x - 1);
        expect(name.x, name.text).toBeLessThanOrEqual(box.x + 2);
      }
      // The row names left above went under the heads, not out of order: the first
      // row's name is hidden behind them, so the table did scroll down.
      expect(names[0].y).toBeLessThan(headBottom);
    });

    test("the table scrolls by keyboard and has no axe violations", async ({ page }) => {
      await page.goto(siteUrl(`compare/?lang=vi&${APP}`));
      const region = page.getByRole("region", { name: "So sánh các phương thức gửi thư qua Microsoft 365" });
      await expect(heads(page)).toHaveCount(8);
      await region.focus();
      await page.keyboard.press("End");
      await expect.poll(() => region.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
      const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(results.violations).toEqual([]);
    });
  });
}

// Review J2-3: on a desktop the table takes the window's width, not the 1,100 px column.
test.describe("the table's width on a desktop", () => {
  const regionOf = (page: Page) => page.locator(".matrix-scroll");
  const hint = (page: Page) => page.locator("p.hint");

  test.describe("at 1920 px", () => {
    test.use({ viewport: { width: 1920, height: 1080 } });

    test("all 8 method columns are in view without scrolling sideways, and no hint says otherwise", async ({ page }) => {
      await page.goto(siteUrl(`compare/?${APP}`));
      await expect(heads(page)).toHaveCount(8);
      const region = regionOf(page);
      await expect(region).toHaveAttribute("data-scrolls-sideways", "false");
      const sizes = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(sizes.scroll).toBeLessThanOrEqual(sizes.client + 1);
      const box = (await region.boundingBox())!;
      for (const head of await heads(page).all()) {
        const h = (await head.boundingBox())!;
        expect(h.x).toBeGreaterThanOrEqual(box.x - 1);
        expect(h.x + h.width).toBeLessThanOrEqual(box.x + box.width + 1);
      }
      // The page itself does not scroll sideways either.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1920);
      // The text keeps its column: the heading starts where the 69.5rem column does.
      const h1 = (await page.getByRole("heading", { level: 1 }).boundingBox())!;
      const columnStart = await page.evaluate(() => (document.documentElement.clientWidth - 69.5 * 16) / 2);
      expect(Math.abs(h1.x - columnStart)).toBeLessThanOrEqual(2);
      await expect(hint(page)).not.toContainText("sideways");
    });
  });

  test.describe("at 1366 px", () => {
    test.use({ viewport: { width: 1366, height: 768 } });

    test("the table is as wide as the window allows, and where it still scrolls the hint says so", async ({ page }) => {
      await page.goto(siteUrl(`compare/?lang=vi&${APP}`));
      await expect(heads(page)).toHaveCount(8);
      const region = regionOf(page);
      const box = (await region.boundingBox())!;
      const room = await page.evaluate(() => {
        const main = document.querySelector("main")!;
        const style = getComputedStyle(main);
        return main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      });
      // Wider than the old column, and the whole width main has inside its padding.
      expect(box.width).toBeGreaterThan(69.5 * 16);
      expect(Math.abs(box.width - room)).toBeLessThanOrEqual(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        await page.evaluate(() => document.documentElement.clientWidth),
      );
      const scrolls = await region.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
      await expect(region).toHaveAttribute("data-scrolls-sideways", String(scrolls));
      if (scrolls) {
        await expect(hint(page)).toHaveText("Bảng cuộn được theo chiều ngang và chiều dọc; tên các phương thức gửi và tên các hàng luôn hiển thị.");
      }
      await expect(hint(page)).toBeVisible();
    });
  });
});
