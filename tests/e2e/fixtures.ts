// The specs' `test`: Playwright's, with a page whose goto and reload return once the
// app is live, the way a reader finds it after the first second.
//
// Each screen first paints from its prerendered HTML (xtask/prerender.mjs) and the app
// replaces it when the WebAssembly has run; a spec that reads storage, runs axe or
// presses keys right after `goto` would otherwise race that hand-over. The prerender
// itself is tested in prerender.spec.ts, which opts out by passing `waitUntil`.

import { test as base, expect, type Page } from "@playwright/test";

export { expect };
export type { Browser, BrowserContext, Locator, Page, Request, Response, Route } from "@playwright/test";

/** Waits until the app on `page` has mounted (src/prerender.rs marks <html data-live>);
 * returns at once on a page without the app (the guides). A page whose app never starts
 * is left to the spec's own assertions, which say what is missing. */
export async function live(page: Page): Promise<void> {
  try {
    await page.waitForFunction(
      () =>
        document.documentElement.hasAttribute("data-live") ||
        !document.querySelector('script[type="module"][src*="boot-"]'),
      undefined,
      { timeout: 10_000 },
    );
  } catch {
    // Navigated away meanwhile, or the app failed: the spec's next step tells.
  }
}

export const test = base.extend<object>({
  page: async ({ page, javaScriptEnabled }, use) => {
    if (javaScriptEnabled !== false) {
      const goto = page.goto.bind(page);
      const reload = page.reload.bind(page);
      page.goto = async (url, options) => {
        const response = await goto(url, options);
        if (options?.waitUntil === undefined) await live(page);
        return response;
      };
      page.reload = async (options) => {
        const response = await reload(options);
        if (options?.waitUntil === undefined) await live(page);
        return response;
      };
    }
    await use(page);
  },
});
