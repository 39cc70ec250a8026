import { test, expect, type Page, type Route } from "./fixtures";
import { siteUrl, subPathUrl } from "./site";

// Every screen's first paint comes from HTML written at build time by the app's own
// components (xtask/prerender.mjs); the WebAssembly replaces it in one task when it
// arrives (src/prerender.rs).

const SCREENS: [string, string][] = [
  ["", "Which way should this device send?"],
  ["compare/", "Compare the ways to send"],
  ["cards/", "Device config cards"],
  ["connector/", "Connector and tenant steps"],
  ["check/", "Check your domain's DNS"],
  ["explain/", "Explain a bounce"],
  ["settings/", "Settings"],
];

/** Holds every wasm response until `release` is called: the page as it is before the app runs. */
async function holdWasm(page: Page): Promise<() => void> {
  let release: () => void = () => {};
  const held = new Promise<void>((done) => (release = done));
  await page.route(/\.wasm$/, async (route: Route) => {
    await held;
    await route.continue();
  });
  return () => release();
}

async function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((done) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: "layout-shift", buffered: true });
        requestAnimationFrame(() => requestAnimationFrame(() => done(total)));
      }),
  );
}

test.describe("prerendered first paint", () => {
  for (const [route, heading] of SCREENS) {
    test(`/${route} paints its content before the WebAssembly and is replaced without a shift`, async ({ page }) => {
      const release = await holdWasm(page);
      await page.goto(siteUrl(route), { waitUntil: "domcontentloaded" });
      const h1 = page.locator("main h1");
      await expect(h1).toBeVisible();
      await expect(page.locator("html")).not.toHaveClass(/prerender-off/);
      await expect(h1).toHaveText(heading);
      await expect(page).toHaveTitle(`${heading} · smarthost`);
      const before = await h1.boundingBox();
      const text = await page.locator("main").innerText();
      // The prerendered main is for reading until the app takes over.
      await expect(page.locator("main[data-prerendered]")).toHaveJSProperty("inert", true);
      release();
      await expect(page.locator("[data-prerendered]")).toHaveCount(0);
      await expect(page.locator("main")).not.toHaveJSProperty("inert", true);
      await expect(page).toHaveTitle(`${heading} · smarthost`);
      expect(await page.locator("main h1").boundingBox()).toEqual(before);
      expect(await page.locator("main").innerText()).toBe(text);
      expect(await layoutShift(page)).toBe(0);
    });
  }

  test("a choice made once the app has arrived works as before", async ({ page }) => {
    await page.goto(siteUrl(""));
    await expect(page.locator("[data-prerendered]")).toHaveCount(0);
    await page.getByRole("radio", { name: "A device (printer, scanner, appliance)" }).check();
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page).toHaveURL(/client=device/);
  });

  test("a header link focused before the app arrives keeps the focus", async ({ page }) => {
    const release = await holdWasm(page);
    await page.goto(siteUrl("compare/"), { waitUntil: "domcontentloaded" });
    await page.locator("header a", { hasText: "Cards" }).focus();
    release();
    await expect(page.locator("[data-prerendered]")).toHaveCount(0);
    await expect(page.locator("header a", { hasText: "Cards" })).toBeFocused();
  });

  test("the skip link followed before the app arrives moves focus to the content once it has", async ({ page }) => {
    const release = await holdWasm(page);
    await page.goto(siteUrl("compare/?lang=en"), { waitUntil: "domcontentloaded" });
    await expect(page.locator("main[data-prerendered]")).toBeVisible();
    const before = page.url();
    const skip = page.locator("a.skip-link");
    // Written for this visit: the build's address had no query.
    expect(new URL((await skip.getAttribute("href")) ?? "", await page.evaluate(() => document.baseURI)).href).toBe(
      `${before}#main`,
    );
    await skip.focus();
    await page.keyboard.press("Enter");
    expect(page.url()).toBe(before);
    await expect(page.locator("html")).not.toHaveAttribute("data-live");
    release();
    await expect(page.locator("main#main:not([data-prerendered])")).toBeFocused();
    await expect(page.locator("html")).toHaveAttribute("data-live", "");
    expect(page.url()).toBe(before);
  });

  for (const [why, path, setup] of [
    ["Vietnamese asked for in the address", "?lang=vi", null],
    ["state in the address", "?client=device", null],
    ["Vietnamese remembered", "", ["smarthost.lang", "vi"]],
  ] as const) {
    test(`the planner's English prerender is not shown with ${why}`, async ({ page }) => {
      if (setup) {
        await page.addInitScript(([key, value]) => localStorage.setItem(key, value), setup);
      }
      const release = await holdWasm(page);
      await page.goto(siteUrl(path), { waitUntil: "domcontentloaded" });
      await expect(page.locator("html")).toHaveClass(/prerender-off/);
      await expect(page.locator("[data-prerendered]")).toHaveCount(0);
      await expect(page.locator("main")).toHaveCount(0);
      release();
      await expect(page.locator("[data-prerendered]")).toHaveCount(0);
      await expect(page.locator("main h1")).toBeVisible();
    });
  }

  test("the cards' prerender is not shown to a visitor with a stored inventory", async ({ page }) => {
    await page.addInitScript(() =>
      localStorage.setItem("smarthost.inventory", JSON.stringify({ devices: [] })),
    );
    const release = await holdWasm(page);
    await page.goto(siteUrl("cards/"), { waitUntil: "domcontentloaded" });
    await expect(page.locator("html")).toHaveClass(/prerender-off/);
    await expect(page.locator("main")).toHaveCount(0);
    release();
    await expect(page.locator("main h1")).toBeVisible();
  });

  test("the matrix is prerendered for the build's day only: another day waits for the app", async ({ page }) => {
    await page.clock.setFixedTime(new Date(Date.now() + 30 * 86_400_000));
    const release = await holdWasm(page);
    await page.goto(siteUrl("compare/"), { waitUntil: "domcontentloaded" });
    await expect(page.locator("html")).toHaveClass(/prerender-off/);
    await expect(page.locator("main")).toHaveCount(0);
    release();
    await expect(page.getByRole("table")).toBeVisible();
  });
});

test("the tab names the screen in the page's language", async ({ page }) => {
  await page.goto(siteUrl("compare/?lang=vi"));
  await expect(page.locator("main h1")).toHaveText("So sánh các phương thức gửi thư");
  await expect(page).toHaveTitle("So sánh các phương thức gửi thư · smarthost");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const [route, heading] of SCREENS) {
    test(`/${route} shows its content and says the interactive parts need JavaScript`, async ({ page }) => {
      await page.goto(siteUrl(route));
      await expect(page.locator("main h1")).toBeVisible();
      await expect(page.locator("main h1")).toHaveText(heading);
      await expect(page.locator("main .notice").first()).toHaveText(
        "JavaScript is turned off in this browser. You can read this page, but its questions, forms and checks need JavaScript.",
      );
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      await expect(page.locator("main")).not.toHaveJSProperty("inert", true);
    });
  }

  test("under a sub-path, the prerendered links stay under it", async ({ page }) => {
    await page.goto(subPathUrl("compare/"));
    const base = new URL(subPathUrl("")).pathname;
    const hrefs = await page
      .locator("a[href]")
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    const own = hrefs.filter((href) => new URL(href).origin === new URL(subPathUrl("")).origin);
    expect(own.length).toBeGreaterThan(8);
    for (const href of own) expect(new URL(href).pathname.startsWith(base), href).toBe(true);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cards", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`^[^?]*${base}cards/?$`));
    await expect(page.locator("main h1")).toHaveText("Device config cards");
  });

  test("the matrix is whole: every method and row", async ({ page }) => {
    await page.goto(siteUrl("compare/"));
    const table = page.getByRole("table", { name: "Ways to send through Microsoft 365, compared" });
    await expect(table.getByRole("columnheader")).toHaveCount(8);
    const rows = await table.getByRole("rowheader").count();
    expect(rows).toBeGreaterThan(8);
    await expect(table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Port", exact: true }) }).getByRole("cell").nth(0)).toContainText("587");
  });
});
