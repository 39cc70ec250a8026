import { test, expect } from "@playwright/test";
import { siteUrl, subPathUrl } from "./site";

test.use({ serviceWorkers: "allow" });

for (const [where, url] of [
  ["at the root", siteUrl],
  ["under a sub-path", subPathUrl],
] as const) {
  test(`after one visit ${where}, every screen and Vietnamese work offline`, async ({ page, context }) => {
    await page.goto(url());
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Which way should this device send?");
    // The worker has installed (cached the files) once it controls the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    for (const [path, heading] of [
      ["compare/", "Compare the ways to send"],
      ["cards/", "Device config cards"],
      ["check/", "Check your domain"],
      ["settings/?lang=vi", "Cài đặt"],
      ["?step=results&recipients=internal", "Your ranking"],
    ]) {
      await page.goto(url(path));
      await expect(page.getByRole("heading", { name: heading }).first()).toBeVisible();
    }
    // The demo check needs no network at all.
    await page.goto(url("check/"));
    await page.getByRole("button", { name: "Try the demo domain" }).click();
    await expect(page.locator(".smart-host")).toContainText("smarthost-demo-example.mail.protection.outlook.com");
    await context.setOffline(false);
  });
}

test("the worker never answers DNS look-ups from its cache", async ({ page }) => {
  await page.goto(siteUrl());
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const urls: string[] = [];
    for (const name of names) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) urls.push(request.url);
    }
    return urls;
  });
  expect(cached.length).toBeGreaterThan(5);
  for (const url of cached) expect(new URL(url).origin).toBe(new URL(siteUrl()).origin);
  expect(cached.some((u) => u.endsWith(".wasm"))).toBe(true);
  expect(cached.some((u) => u.endsWith("/i18n/vi.txt"))).toBe(true);
});
