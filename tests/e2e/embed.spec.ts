import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { test, expect, type Page } from "./fixtures";
import { siteUrl } from "./site";
import { expectNoAxeViolations } from "./axe-audit";

// A wiki page on another origin (another port on loopback), sized the way the README
// tells wikis to: from the {type: "smarthost:height"} messages. A real server in this
// spec serves it: Chromium's local network access checks give a frame on 127.0.0.1 an
// error page when its parent came from page.route (an address space it cannot place).
let wiki: Server;
let wikiOrigin = "";
let wikiBody = "";

test.beforeAll(async () => {
  wiki = createServer((_, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(wikiBody);
  });
  await new Promise<void>((resolve) => wiki.listen(0, "127.0.0.1", resolve));
  wikiOrigin = `http://127.0.0.1:${(wiki.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => wiki.close(resolve));
});

async function openInWiki(page: Page, frameUrl: string, initialHeight = 300) {
  wikiBody = `<!doctype html><html lang="en"><title>IT wiki</title>
        <style>body { margin: 0 } iframe { display: block; border: 0; width: 100% }</style>
        <script>
          window.heights = [];
          addEventListener("message", (e) => {
            if (!e.data || e.data.type !== "smarthost:height") return;
            window.heights.push(e.data.height);
            document.querySelector("iframe").style.height = e.data.height + "px";
          });
        </script>
        <main><h1>Printers</h1>
        <iframe src="${frameUrl}" title="smarthost" style="height: ${initialHeight}px"></iframe>
        <p id="after">Below the frame.</p></main>`;
  await page.goto(`${wikiOrigin}/wiki.html`);
  return page.frameLocator('iframe[title="smarthost"]');
}

/** The frame's height in the wiki page, in CSS px. */
function frameHeight(page: Page): Promise<number> {
  return page.locator('iframe[title="smarthost"]').evaluate((el) => el.getBoundingClientRect().height);
}

/** Where the framed page's content ends and how far its document can scroll. */
async function framedContent(page: Page, selector: string) {
  const frame = page.frames().find((f) => f !== page.mainFrame());
  if (!frame) throw new Error("the wiki page has no frame");
  return frame.evaluate((sel) => {
    const content = document.querySelector(sel);
    if (!content) throw new Error(`no ${sel} in the frame`);
    return {
      bottom: content.getBoundingClientRect().bottom + window.scrollY,
      scrollable: document.documentElement.scrollHeight - document.documentElement.clientHeight,
    };
  }, selector);
}

/** The frame fits the content exactly: no inner scroll bar and no gap below it. */
async function expectFrameFits(page: Page, selector: string) {
  await expect
    .poll(async () => {
      const content = await framedContent(page, selector);
      return Math.abs((await frameHeight(page)) - content.bottom);
    })
    .toBeLessThanOrEqual(1);
  expect((await framedContent(page, selector)).scrollable).toBeLessThanOrEqual(1);
}

const CHANGE_ANSWERS = { en: "Change answers", vi: "Sửa câu trả lời" };

for (const width of [1366, 390]) {
  for (const lang of ["en", "vi"] as const) {
    test(`at ${width} px in ${lang}, the wiki's frame grows with the ranking and shrinks after "Change answers"`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      const frame = await openInWiki(page, siteUrl(`?embed=1&lang=${lang}&recipients=internal&step=results`));
      await expect(frame.locator(".method-result").first()).toBeVisible();
      await expect.poll(() => frameHeight(page)).toBeGreaterThan(1200);
      await expectFrameFits(page, "main");
      const ranking = await frameHeight(page);

      await frame.getByRole("button", { name: CHANGE_ANSWERS[lang] }).click();
      await expect(frame.locator("fieldset")).toBeVisible();
      // The wizard is far shorter than the ranking, and the frame follows it down.
      await expect.poll(() => frameHeight(page)).toBeLessThan(ranking - 400);
      await expectFrameFits(page, "main");
      // The text after the frame sits right below the wizard, with no gap.
      const after = await page.locator("#after").boundingBox();
      expect(after?.y ?? Infinity).toBeLessThan((await frameHeight(page)) + 120);
    });
  }

  test(`at ${width} px, the frame shrinks when devices are removed from the cards`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const frame = await openInWiki(page, siteUrl("cards/?embed=1"));
    await expect(frame.getByRole("button", { name: "Add a device" })).toBeVisible();
    await expectFrameFits(page, "main");
    const empty = await frameHeight(page);
    for (let i = 0; i < 3; i++) await frame.getByRole("button", { name: "Add a device" }).click();
    await expect.poll(() => frameHeight(page)).toBeGreaterThan(empty + 300);
    await expectFrameFits(page, "main");
    const full = await frameHeight(page);
    for (let i = 0; i < 3; i++) await frame.getByRole("button", { name: "Remove" }).first().click();
    await expect(frame.getByRole("button", { name: "Remove" })).toHaveCount(0);
    await expect.poll(() => frameHeight(page)).toBeLessThan(full - 300);
    await expectFrameFits(page, "main");
  });
}

test.describe("embed mode", () => {
  test("hides the site chrome and keeps embed mode on links", async ({ page }) => {
    await page.goto(siteUrl("compare/?embed=1"));
    await expect(page.getByRole("table")).toBeVisible();
    await expect(page.getByRole("navigation")).toHaveCount(0);
    await expect(page.locator("footer")).toHaveCount(0);
    // No snippet inside an embedded page.
    await expect(page.locator(".embed-snippet")).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.goto(siteUrl("?embed=1&recipients=internal&step=results"));
    const href = await page.locator('.method-result[data-method="direct-send"] a[data-link="card"]').getAttribute("href");
    expect(href).toContain("/cards/");
    expect(href).toContain("embed=1");
    await expectNoAxeViolations(page);
  });

  test("the ranking and the matrix offer a copyable iframe snippet", async ({ page }) => {
    await page.goto(siteUrl("compare/?recipients=external"));
    await page.getByText("Embed this page in a wiki").click();
    const snippet = page.locator(".embed-snippet code");
    await expect(snippet).toContainText("<iframe src=");
    await expect(snippet).toContainText("embed=1");
    await expect(snippet).toContainText("recipients=external");
  });
});

// The guides honour embed=1 as the app does (assets/embed.js in every guide page).
const EMBED_BOX = {
  en: { summary: "Embed this page in a wiki", help: "Copy this HTML into a wiki page or intranet site that allows iframes:" },
  vi: { summary: "Nhúng trang này vào wiki", help: "Sao chép đoạn HTML này vào trang wiki hoặc trang nội bộ cho phép iframe:" },
};

for (const lang of ["en", "vi"] as const) {
  for (const width of [1366, 390]) {
    test(`at ${width} px in ${lang}, an embedded guide page has no site chrome, fits its frame and keeps embed=1 on its links`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      const frame = await openInWiki(page, siteUrl(`guide/${lang}/smtp-relay.html?embed=1`));
      await expect(frame.locator("h1")).toBeVisible();
      for (const chrome of [".site-header", ".guide-nav", ".site-footer", "details.embed", ".skip-link"]) {
        await expect(frame.locator(chrome)).toBeHidden();
      }
      await expect.poll(() => frameHeight(page)).toBeGreaterThan(1500);
      await expectFrameFits(page, ".layout");
      const long = await frameHeight(page);

      // Every link within the site keeps embed mode (in-page anchors need not).
      const withoutEmbed = await frame.locator("a[href]").evaluateAll((links) =>
        links
          .map((a) => new URL((a as HTMLAnchorElement).href))
          .filter((u) => u.origin === location.origin && !(u.pathname === location.pathname && u.hash))
          .filter((u) => u.searchParams.get("embed") !== "1")
          .map((u) => u.href),
      );
      expect(withoutEmbed).toEqual([]);

      // The next page (High Volume Email) is far shorter, and the frame shrinks to it.
      await frame.locator('a[rel="next"]').click();
      await expect.poll(() => page.frames()[1]?.url() ?? "").toContain("high-volume-email.html?embed=1");
      await expect(frame.locator("h1")).toBeVisible();
      await expect(frame.locator(".site-header")).toBeHidden();
      await expect.poll(() => frameHeight(page)).toBeLessThan(long - 300);
      await expectFrameFits(page, ".layout");
    });
  }

  test(`in ${lang}, a guide page's embed snippet holds the page's full address in embed mode`, async ({ page }) => {
    await page.goto(siteUrl(`guide/${lang}/smtp-relay.html#sending`));
    const box = page.locator("details.embed");
    await box.getByText(EMBED_BOX[lang].summary).click();
    await expect(box.locator("code")).toContainText(`<iframe src="${siteUrl(`guide/${lang}/smtp-relay.html`)}?embed=1"`);
    // The help no longer asks the reader to put the address in front.
    await expect(box.locator("p:visible")).toHaveText([EMBED_BOX[lang].help]);
    await expectNoAxeViolations(page);
  });
}

test("an embedded guide page passes axe-core", async ({ page }) => {
  await page.goto(siteUrl("guide/en/smtp-relay.html?embed=1"));
  await expect(page.locator(".site-header")).toBeHidden();
  await expectNoAxeViolations(page);
});
