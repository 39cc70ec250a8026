import { test, expect, type Page } from "./fixtures";
import AxeBuilder from "@axe-core/playwright";
import { siteUrl, subPathUrl } from "./site";
import { pdfPages, PT_PER_MM, squash } from "./pdf";
import { lineBoxes } from "./line-boxes";

// The guides that `smarthost build` writes into dist/guide/ (cargo xtask build): plain
// HTML and CSS, so most tests run with JavaScript off. Their scripts only add to that:
// assets/embed.js serves embed mode and the embed snippet (embed.spec.ts),
// assets/language.js remembers the reader's language (below), assets/card-fit.js fits
// printed cards (guide-cards.spec.ts).

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

async function noViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations).toEqual([]);
}

/** Skips a test when the translation has not been built (guide/vi/ still empty). */
async function requireVietnamese(page: Page) {
  const response = await page.request.get(siteUrl("guide/vi/index.html"));
  test.skip(response.status() === 404, "guide/vi/ has no pages yet, so dist/guide/vi/ was not built");
}

test.describe("setup guides without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an English page has navigation, previous/next and its translation", async ({ page }) => {
    const response = await page.goto(siteUrl("guide/en/smtp-relay.html"));
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("SMTP relay with a connector");
    await expect(page.locator("script")).toHaveCount(2);
    await expect(page.locator("script").first()).toHaveAttribute("src", "../assets/embed.js");
    await expect(page.locator("script").nth(1)).toHaveAttribute("src", "../assets/language.js");

    const nav = page.getByRole("navigation", { name: "Guides" });
    // Every English guide (12 so far) and the device cards.
    expect(await nav.getByRole("link").count()).toBeGreaterThanOrEqual(13);
    await expect(nav.getByRole("link").last()).toHaveText("Device config cards");
    await expect(nav.getByRole("link", { name: "SMTP relay with a connector" })).toHaveAttribute("aria-current", "page");
    await expect(page.locator('a[rel="prev"]')).toHaveAttribute("href", "direct-send.html");
    await expect(page.locator('a[rel="next"]')).toHaveAttribute("href", "high-volume-email.html");

    // Shortcodes rendered from core: settings, facts, connector steps.
    await expect(page.locator("table.settings").first()).toContainText("Port");
    await expect(page.locator(".fact").first()).toContainText("(checked 28 November 2026)");
    await expect(page.locator(".connector-steps").first()).toContainText("New-InboundConnector");

    // The embed snippet is text to copy, inside a closed <details>.
    const embed = page.locator("details.embed");
    await expect(embed.locator("pre")).toBeHidden();
    await embed.locator("summary").click();
    // Without the script the snippet holds the path, and the help says to prefix it.
    await expect(embed.locator("pre")).toContainText('<iframe src="en/smtp-relay.html?embed=1"');
    await expect(embed.locator("p:visible")).toContainText("in front of the path");

    await page.locator('a[rel="next"]').click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("High Volume Email (HVE)");
  });

  test("pages link to their translation with hreflang", async ({ page }) => {
    await requireVietnamese(page);
    await page.goto(siteUrl("guide/en/direct-send.html"));
    // Built without --base-url: no <link rel="alternate">, since search engines take only
    // absolute hreflang URLs (the unit tests cover the absolute ones).
    await expect(page.locator('link[rel="alternate"]')).toHaveCount(0);
    const switcher = page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Tiếng Việt" });
    await expect(switcher).toHaveAttribute("hreflang", "vi");
    await switcher.click();
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    expect(new URL(page.url()).pathname).toMatch(/\/guide\/vi\/direct-send\.html$/);
    await expect(page.getByRole("navigation", { name: "Ngôn ngữ" }).getByRole("link", { name: "English" })).toHaveAttribute("hreflang", "en");
  });

  test("the root page chooses a language", async ({ page }) => {
    await page.goto(siteUrl("guide/"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("smarthost setup guides");
    await page.getByRole("link", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Sending email from devices and applications through Microsoft 365",
    );
  });

  test("works under a sub-path, links and styles included", async ({ page }) => {
    const response = await page.goto(subPathUrl("guide/en/index.html"));
    expect(response?.status()).toBe(200);
    // The stylesheet loaded: the header has the app's rule under it, not the browser's
    // default nothing.
    await expect(page.locator(".site-header")).toHaveCSS("border-bottom-color", "rgb(201, 209, 219)");
    await page.getByRole("navigation", { name: "Guides" }).getByRole("link", { name: "Direct Send" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Direct Send");
    expect(new URL(page.url()).pathname).toBe("/tools/smarthost/guide/en/direct-send.html");
    await page.getByRole("link", { name: "Device config cards" }).click();
    expect(new URL(page.url()).pathname).toBe("/tools/smarthost/guide/en/devices/index.html");
    await page.getByRole("link", { name: "Reception MFP" }).click();
    await expect(page.locator(".device-card h2")).toHaveText("Reception MFP");
  });

  test("a device page prints as one A6 card without navigation", async ({ page }) => {
    // Without scripts the card prints at full size, on its one page.
    await page.goto(siteUrl("guide/en/devices/reception-mfp.html"));
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Guides" })).toBeHidden();
    await expect(page.getByRole("heading", { level: 1 })).toBeHidden();
    const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true }));
    expect(pages).toHaveLength(1);
    expect(pages[0].width).toBeCloseTo(148 * PT_PER_MM, 0);
    expect(pages[0].height).toBeCloseTo(105 * PT_PER_MM, 0);
    expect(pages[0].text).toContain(squash("Reception MFP"));
    expect(pages[0].text).toContain("Smarthostsmtp.office365.com");
    expect(pages[0].text).toContain("Port587");
    expect(pages[0].text).not.toContain(squash("Open the planner"));
    expect(pages[0].text).not.toContain(squash("Device config cards"));
  });
});

// axe-core runs as a script inside the page, so these keep JavaScript on; outside embed
// mode the pages' one script only rewrites the embed snippet, so what axe sees is what a
// no-script reader gets.
test.describe("setup guides pass axe-core", () => {
  test("axe-core: an English page", async ({ page }) => {
    await page.goto(siteUrl("guide/en/choosing-a-method.html"));
    await expect(page.locator("table.matrix")).toBeVisible();
    await noViolations(page);
  });

  test("axe-core: a Vietnamese page", async ({ page }) => {
    await requireVietnamese(page);
    await page.goto(siteUrl("guide/vi/smtp-relay.html"));
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await noViolations(page);
  });

  test("axe-core: the device index", async ({ page }) => {
    await page.goto(siteUrl("guide/en/devices/index.html"));
    await expect(page.getByRole("table")).toContainText("Warehouse printer");
    await noViolations(page);
  });

  test("axe-core: a device card page", async ({ page }) => {
    await page.goto(siteUrl("guide/en/devices/warehouse-printer.html"));
    await expect(page.locator(".device-card")).toContainText("203.0.113.25");
    await noViolations(page);
  });
});

test.describe("setup guides and the planner", () => {
  test("'Open the planner' opens the app in the page's language", async ({ page }) => {
    await requireVietnamese(page);
    await page.goto(siteUrl("guide/vi/index.html"));
    await page.getByRole("link", { name: "Mở trang Lập kế hoạch" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thiết bị này nên gửi thư theo cách nào?");
    const url = new URL(page.url());
    expect(url.searchParams.get("lang")).toBe("vi");
    expect(url.pathname).toBe(new URL(siteUrl()).pathname);
  });

  test("'Open the planner' stays under the sub-path", async ({ page }) => {
    await page.goto(subPathUrl("guide/en/devices/index.html"));
    await page.getByRole("link", { name: "Open the planner" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Which way should this device send?");
    const url = new URL(page.url());
    expect(url.pathname).toBe("/tools/smarthost/");
    expect(url.searchParams.get("lang")).toBe("en");
  });

  test("a plan link opens the ranking with the guide's answers", async ({ page }) => {
    await page.goto(siteUrl("guide/en/direct-send.html"));
    await page.getByRole("link", { name: "Plan a device that cannot sign in, with Reject Direct Send on" }).click();
    await expect(page.locator(".method-result").first()).toBeVisible();
    const url = new URL(page.url());
    expect(url.searchParams.get("step")).toBe("results");
    expect(url.searchParams.get("reject-direct-send")).toBe("on");
  });
});

// Review J6-2: on a phone the page list comes after the text, so each long page opens with
// its sections and a pointer to the list.
const TOC = {
  en: { toc: "On this page", all: "All guides (at the end of this page)", guides: "Guides" },
  vi: { toc: "Trong trang này", all: "Tất cả hướng dẫn (ở cuối trang)", guides: "Các hướng dẫn" },
};

for (const lang of ["en", "vi"] as const) {
  for (const width of [1366, 390]) {
    test(`at ${width} px in ${lang}, a long guide page lists its sections in the first screen`, async ({ page }) => {
      await requireVietnamese(page);
      await page.setViewportSize({ width, height: 800 });
      await page.goto(siteUrl(`guide/${lang}/direct-send.html`));
      const toc = page.getByRole("navigation", { name: TOC[lang].toc });
      await expect(toc).toBeInViewport();
      expect(await toc.getByRole("listitem").count()).toBeGreaterThanOrEqual(4);
      await noViolations(page);

      const all = page.getByRole("link", { name: TOC[lang].all });
      const guides = page.getByRole("navigation", { name: TOC[lang].guides, exact: true });
      if (width < 768) {
        // The page list is far below; the pointer takes the keyboard there.
        await expect(guides).not.toBeInViewport();
        await all.focus();
        await page.keyboard.press("Enter");
        await expect(guides).toBeInViewport();
        await page.goto(siteUrl(`guide/${lang}/direct-send.html`));
      } else {
        // Beside the text the page list is in sight already.
        await expect(all).toBeHidden();
        await expect(guides).toBeInViewport();
      }

      // By keyboard: a section link jumps to its heading.
      const second = toc.getByRole("link").nth(1);
      const target = (await second.getAttribute("href")) ?? "";
      await second.focus();
      await page.keyboard.press("Enter");
      await expect(page.locator(target)).toBeInViewport();
      expect(new URL(page.url()).hash).toBe(target);
    });
  }
}

// Review J6-1: the web guides lead to the web DNS check, not only to the command line.
for (const [lang, link, heading] of [
  ["en", "Check your domain's MX and SPF for Direct Send", "Check your domain's DNS"],
  ["vi", "Kiểm tra MX và SPF của tên miền cho Direct Send", "Kiểm tra DNS của tên miền"],
] as const) {
  test(`in ${lang}, "Find your MX host" opens the web DNS check for Direct Send`, async ({ page }) => {
    await requireVietnamese(page);
    await page.goto(siteUrl(`guide/${lang}/direct-send.html#find-your-mx-host`));
    await page.getByRole("link", { name: link }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    const url = new URL(page.url());
    expect(url.pathname).toMatch(/\/check\/$/);
    expect(url.searchParams.get("method")).toBe("direct-send");
    expect(url.searchParams.get("lang")).toBe(lang);
  });
}

// Review J6-5: one visual identity. The guides' header and footer are drawn as the app's
// are: measured in both, not only read from the stylesheet.
test("the guides' header, brand and footer look like the app's", async ({ page }) => {
  const look = (header: string, brand: string) =>
    page.evaluate(
      ([header, brand]) => {
        const css = (selector: string, props: string[]) => {
          const el = document.querySelector(selector);
          if (!el) return null;
          const style = getComputedStyle(el);
          return Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
        };
        return {
          header: css(header, ["background-color", "border-bottom-width", "border-bottom-style", "border-bottom-color", "padding-left"]),
          brand: css(brand, ["color", "font-size", "font-weight", "text-decoration-line"]),
          footer: css(".site-footer", ["color", "font-size", "border-top-color"]),
          body: css("body", ["font-family", "color", "background-color"]),
        };
      },
      [header, brand],
    );
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.goto(siteUrl("?lang=en"));
  await expect(page.locator(".site-header .brand")).toBeVisible();
  const app = await look(".site-header", ".site-header .brand");
  await page.goto(siteUrl("guide/en/direct-send.html"));
  const guide = await look(".site-header", ".site-header .site-name a");
  expect(app.header).not.toBeNull();
  // The app's white page shows through its header: no coloured bar.
  expect(app.body?.["background-color"]).toBe("rgb(255, 255, 255)");
  expect(app.header?.["border-bottom-width"]).toBe("1px");
  expect(guide).toEqual(app);
});

// Review J6-5: /guide/ follows the language the reader chose, in the app or in the guides,
// kept in this origin's localStorage as the app keeps it; a static host needs nothing.
test.describe("the guides follow the reader's language", () => {
  test("after choosing Vietnamese in the app's Settings, /guide/ opens the Vietnamese guides", async ({ page }) => {
    await requireVietnamese(page);
    await page.goto(siteUrl("settings/?lang=en"));
    await page.getByRole("radio", { name: "Tiếng Việt" }).check();
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await page.goto(siteUrl("guide/"));
    await expect(page).toHaveURL(/\/guide\/vi\/index\.html$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await noViolations(page);
  });

  test("a language picked in the guides is the one /guide/ and the app open next time", async ({ page }) => {
    await requireVietnamese(page);
    await page.goto(siteUrl("guide/en/testing.html"));
    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Tiếng Việt" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await page.goto(siteUrl("guide/"));
    await expect(page).toHaveURL(/\/guide\/vi\/index\.html$/);
    // The app reads the same choice.
    await page.goto(siteUrl("compare"));
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    // And back to English the same way.
    await page.goto(siteUrl("guide/vi/index.html"));
    await page.getByRole("navigation", { name: "Ngôn ngữ" }).getByRole("link", { name: "English" }).click();
    await page.goto(siteUrl("guide/"));
    await expect(page).toHaveURL(/\/guide\/en\/index\.html$/);
  });

  test("under a sub-path, /guide/ opens the chosen language there", async ({ page }) => {
    await requireVietnamese(page);
    await page.goto(subPathUrl("guide/en/index.html"));
    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Tiếng Việt" }).click();
    await page.goto(subPathUrl("guide/"));
    await expect(page).toHaveURL(/\/tools\/smarthost\/guide\/vi\/index\.html$/);
    await page.getByRole("navigation", { name: "Các hướng dẫn", exact: true }).getByRole("link", { name: "Thẻ cấu hình thiết bị" }).click();
    await page.getByRole("link", { name: "In tất cả thẻ cấu hình" }).click();
    expect(new URL(page.url()).pathname).toBe("/tools/smarthost/guide/vi/devices/print.html");
    await expect(page.locator(".card-sheet .paper-card:not([data-fit])")).toHaveCount(0);
    await expect(page.locator(".card-sheet .paper-card")).not.toHaveCount(0);
  });

  test.describe("with a Vietnamese browser and no choice made", () => {
    test.use({ locale: "vi-VN" });
    test("/guide/ opens the Vietnamese guides", async ({ page }) => {
      await requireVietnamese(page);
      await page.goto(siteUrl("guide/"));
      await expect(page).toHaveURL(/\/guide\/vi\/index\.html$/);
    });
  });

  test.describe("with an English browser and no choice made", () => {
    test.use({ locale: "en-GB" });
    test("/guide/ opens the English guides", async ({ page }) => {
      await page.goto(siteUrl("guide/"));
      await expect(page).toHaveURL(/\/guide\/en\/index\.html$/);
    });
  });
});

// Review X-6: on a phone a command never breaks inside a parameter or a host: lines end at
// a space, and a block with a token longer than its line scrolls, by keyboard too, with a
// shadow at its edge as the cue.
for (const lang of ["en", "vi"] as const) {
  test(`at 390 px in ${lang}, code blocks wrap only at spaces and scroll a token too long for the line`, async ({ page }) => {
    await requireVietnamese(page);
    await page.setViewportSize({ width: 390, height: 800 });
    let wrapped = 0;
    let scrolling = 0;
    for (const path of ["testing.html", "direct-send.html", "smtp-relay.html", "spf-dkim-dmarc.html"]) {
      await page.goto(siteUrl(`guide/${lang}/${path}`));
      const blocks = page.locator("main pre:not(.embed pre)");
      const count = await blocks.count();
      expect(count, path).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        const block = blocks.nth(i);
        await block.scrollIntoViewIfNeeded();
        const lines = await lineBoxes(block.locator("code"));
        const text = (await block.locator("code").textContent()) ?? "";
        expect(lines.join("")).toBe(text);
        for (const [at, line] of lines.slice(0, -1).entries()) {
          // A line the browser broke (not one the command itself ends) ends at a space.
          if (!line.endsWith("\n")) {
            wrapped++;
            expect(line, `${path} block ${i}: ${JSON.stringify(lines.slice(at, at + 2))}`).toMatch(/\s$/);
          }
        }
        const { scrollWidth, clientWidth } = await block.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
        await expect(block).toHaveAttribute("tabindex", "0");
        if (scrollWidth > clientWidth) {
          scrolling++;
          await block.focus();
          await page.keyboard.press("ArrowRight");
          await expect.poll(() => block.evaluate((el) => el.scrollLeft), `${path} block ${i} scrolls by keyboard`).toBeGreaterThan(0);
          // The cue: a shadow layer in the block's background.
          expect(await block.evaluate((el) => getComputedStyle(el).backgroundImage)).toContain("radial-gradient");
        }
      }
    }
    // Both cases happened: commands wrapped at spaces, and a host too long scrolled.
    expect(wrapped).toBeGreaterThan(0);
    expect(scrolling).toBeGreaterThan(0);
    await noViolations(page);
  });
}
