import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { siteUrl, subPathUrl } from "./site";
import { pdfPages, PT_PER_MM, squash } from "./pdf";

// The guides that `smarthost build` writes into dist/guide/ (cargo xtask build): plain
// HTML and CSS, so every test but the planner link runs with JavaScript off. Their one
// script, assets/embed.js, serves only embed mode and the embed snippet (embed.spec.ts).

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
    await expect(page.locator("script")).toHaveCount(1);
    await expect(page.locator("script")).toHaveAttribute("src", "../assets/embed.js");

    const nav = page.getByRole("navigation", { name: "Guides" });
    // Every English guide (12 so far) and the device cards.
    expect(await nav.getByRole("link").count()).toBeGreaterThanOrEqual(13);
    await expect(nav.getByRole("link").last()).toHaveText("Device config cards");
    await expect(nav.getByRole("link", { name: "SMTP relay with a connector" })).toHaveAttribute("aria-current", "page");
    await expect(page.locator('a[rel="prev"]')).toHaveAttribute("href", "direct-send.html");
    await expect(page.locator('a[rel="next"]')).toHaveAttribute("href", "high-volume-email.html");

    // Shortcodes rendered from core: settings, facts, connector steps.
    await expect(page.locator("table.settings").first()).toContainText("Port");
    await expect(page.locator(".fact").first()).toContainText("(checked 2026-11-28)");
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
    // The stylesheet loaded: the header is dark blue, not the browser's default.
    await expect(page.locator(".site-header")).toHaveCSS("background-color", "rgb(15, 59, 102)");
    await page.getByRole("navigation", { name: "Guides" }).getByRole("link", { name: "Direct Send" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Direct Send");
    expect(new URL(page.url()).pathname).toBe("/tools/smarthost/guide/en/direct-send.html");
    await page.getByRole("link", { name: "Device config cards" }).click();
    expect(new URL(page.url()).pathname).toBe("/tools/smarthost/guide/en/devices/index.html");
    await page.getByRole("link", { name: "Reception MFP" }).click();
    await expect(page.locator(".device-card h2")).toHaveText("Reception MFP");
  });

  test("a device page prints as one A6 card without navigation", async ({ page }) => {
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
