import { test, expect } from "./fixtures";
import { siteUrl } from "./site";
import { finished } from "./check-page";
import type { Page } from "@playwright/test";

/** Opens `path` once the app has replaced the prerendered page, and returns the paths
 * requested so far and from now on: the main wasm is among them, `module` is not. */
async function openWithout(page: Page, path: string, module: RegExp): Promise<string[]> {
  const fetched: string[] = [];
  page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(siteUrl(path));
  await expect(page.locator("[data-prerendered]")).toHaveCount(0);
  await expect(page.locator("main h1")).toBeVisible();
  expect(fetched.some((fetchedPath) => fetchedPath.endsWith("_bg.wasm"))).toBe(true);
  expect(fetched.filter((fetchedPath) => module.test(fetchedPath))).toEqual([]);
  return fetched;
}

// The DNS check's engine and results are a module of their own (src/later.rs,
// xtask/src/split.rs): the page's first load leaves it out and fetches it when a check
// starts; a module that cannot be fetched is said so, with a retry that works.
const CHECK_MODULE = /\.check_results\.wasm$/;

test("the check page loads its results module only once a check starts", async ({ page }) => {
  const fetched: string[] = [];
  page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(siteUrl("check/"));
  await expect(page.getByRole("button", { name: "Try the demo domain" })).toBeEnabled();
  expect(fetched.some((path) => path.endsWith("_bg.wasm"))).toBe(true);
  expect(fetched.filter((path) => CHECK_MODULE.test(path))).toEqual([]);

  await page.getByRole("button", { name: "Try the demo domain" }).click();
  await finished(page);
  await expect(page.locator(".smart-host")).toContainText("smarthost-demo-example.mail.protection.outlook.com");
  expect(fetched.filter((path) => CHECK_MODULE.test(path))).toHaveLength(1);
});

test("a results module that cannot be fetched is said so, and trying again works", async ({ page }) => {
  await page.route(CHECK_MODULE, (route) => route.abort("internetdisconnected"));
  await page.goto(siteUrl("check/"));
  await page.getByRole("button", { name: "Try the demo domain" }).click();
  const notice = page.getByTestId("part-unavailable");
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText("This part of the page could not be loaded.");
  await expect(page.locator(".smart-host")).toHaveCount(0);
  // What was typed stays, and the page is still alive.
  await expect(page.locator("#domain-input")).toHaveValue("smarthost-demo.example");

  await page.unroute(CHECK_MODULE);
  await notice.getByRole("button", { name: "Try again" }).click();
  await finished(page);
  await expect(page.locator(".smart-host")).toContainText("smarthost-demo-example.mail.protection.outlook.com");
  await expect(page.getByTestId("part-unavailable")).toHaveCount(0);
});

// Cards' tools (the forms, the cards, printing, import and export) are a module too:
// the empty screen of a first visit loads without them, and the first action fetches
// them and is carried out.
const CARDS_MODULE = /\.cards_tools\.wasm$/;

test("Cards loads its tools only when the first device is added", async ({ page }) => {
  const fetched = await openWithout(page, "cards/", CARDS_MODULE);
  await expect(page.getByText("No devices yet: add one to see its card.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add a device" })).toBeEnabled();
  expect(fetched.filter((path) => CARDS_MODULE.test(path))).toEqual([]);

  await page.getByRole("button", { name: "Add a device" }).click();
  const name = page.locator("article.device").first().getByLabel("Device name");
  await expect(name).toBeFocused();
  expect(fetched.filter((path) => CARDS_MODULE.test(path))).toHaveLength(1);
  await name.fill("Reception printer");
  // A saved list brings the tools in as the screen opens.
  await page.reload();
  await expect(page.locator("article.device").first().getByLabel("Device name")).toHaveValue("Reception printer");
});

test("an import asked for before Cards' tools could be fetched keeps its text, and trying again imports it", async ({ page }) => {
  await page.route(CARDS_MODULE, (route) => route.abort("internetdisconnected"));
  await page.goto(siteUrl("cards/"));
  await page.getByText("Import devices (JSON or TOML)").click();
  const json = JSON.stringify({ version: 1, devices: [{ name: "Scanner", method: "direct-send", cloud: "worldwide" }] });
  await page.getByLabel("Paste an exported inventory").fill(json);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const notice = page.getByTestId("part-unavailable");
  await expect(notice).toContainText("This part of the page could not be loaded.");
  await expect(page.getByLabel("Paste an exported inventory")).toHaveValue(json);

  await page.unroute(CARDS_MODULE);
  await notice.getByRole("button", { name: "Try again" }).click();
  await expect(page.locator("#import-status")).toHaveText("1 devices imported.");
  await expect(page.locator("article.device").first().getByLabel("Device name")).toHaveValue("Scanner");
  await expect(page.getByTestId("part-unavailable")).toHaveCount(0);
});

// The planner's result (the ranking, its reasons and their words) is a module too: a
// visit still answering the questions loads without it.
const PLAN_MODULE = /\.plan_results\.wasm$/;

test("the planner loads its result only when the result is shown, and says so when it cannot", async ({ page }) => {
  await openWithout(page, "", PLAN_MODULE);
  await expect(page.locator("main fieldset").first()).toBeVisible();

  await page.route(PLAN_MODULE, (route) => route.abort("internetdisconnected"));
  await page.goto(siteUrl("?client=device&recipients=internal&ip=static&step=results"));
  const notice = page.getByTestId("part-unavailable");
  await expect(notice).toContainText("This part of the page could not be loaded.");
  await expect(page.locator(".ranked-methods")).toHaveCount(0);

  await page.unroute(PLAN_MODULE);
  await notice.getByRole("button", { name: "Try again" }).click();
  await expect(page.locator(".ranked-methods .method-result").first()).toBeVisible();
  // The reasons are worded: their English came with the module.
  await expect(page.locator(".ranked-methods .reason").first()).not.toContainText("reason.");
  await expect(page.getByTestId("part-unavailable")).toHaveCount(0);
});
