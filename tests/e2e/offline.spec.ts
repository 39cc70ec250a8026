import { test, expect, type Response } from "./fixtures";
import { dohUrl, siteUrl, subPathUrl } from "./site";
import { finished, openCheck } from "./check-page";

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

test("the worker never answers DNS lookups from its cache", async ({ page }) => {
  await page.goto(siteUrl());
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // A DNS check while the worker controls the page: its lookups pass the worker's
  // fetch handler, which must neither answer them nor keep their responses.
  const doh = new URL(dohUrl());
  const lookups: Response[] = [];
  page.on("response", (response) => {
    if (new URL(response.url()).origin === doh.origin) lookups.push(response);
  });
  await openCheck(page, "domain=ok.cli.test");
  await finished(page);
  expect(lookups.length, "the check asked the DoH server").toBeGreaterThan(0);
  for (const response of lookups) expect(response.fromServiceWorker(), response.url()).toBe(false);
  // Another check of the same name goes to the network again, not to a cache.
  const before = lookups.length;
  await page.reload();
  await expect.poll(() => lookups.length, { message: "the second check asked the DoH server again" }).toBeGreaterThan(before);
  await finished(page);
  for (const response of lookups) expect(response.fromServiceWorker(), response.url()).toBe(false);

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
  expect(cached.filter((u) => u.includes("dns-query") || new URL(u).origin === doh.origin)).toEqual([]);
  expect(cached.some((u) => u.endsWith(".wasm"))).toBe(true);
  expect(cached.some((u) => u.endsWith("/i18n/vi.txt"))).toBe(true);
});
