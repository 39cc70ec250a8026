import { test, expect } from "./fixtures";
import AxeBuilder from "@axe-core/playwright";
import { siteUrl, withDoh } from "./site";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

test.describe("axe-core finds no violations", () => {
  test("check with an MX result", async ({ page }) => {
    await page.goto(siteUrl(withDoh("check/?domain=mx-classic.test")));
    await expect(page.getByTestId("mx-result")).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(results.violations).toEqual([]);
  });

  test("check with an input error", async ({ page }) => {
    await page.goto(siteUrl(withDoh("check/?domain=-bad-.com")));
    await expect(page.getByRole("alert")).not.toBeEmpty();
    const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(results.violations).toEqual([]);
  });

  test("plan: a question", async ({ page }) => {
    await page.goto(siteUrl("?step=4&recipients=internal"));
    await expect(page.locator("fieldset")).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(results.violations).toEqual([]);
  });

  test("plan: the ranking, in Vietnamese", async ({ page }) => {
    await page.goto(siteUrl("?step=results&recipients=internal&auth=basic&security-defaults=on&lang=vi"));
    await expect(page.locator(".method-result").first()).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(results.violations).toEqual([]);
  });

  test("compare with answers marking cells", async ({ page }) => {
    await page.goto(siteUrl("compare/?recipients=external&ip=dynamic"));
    await expect(page.locator("td.ruled-out").first()).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(results.violations).toEqual([]);
  });

  test("settings", async ({ page }) => {
    await page.goto(siteUrl("settings/"));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(results.violations).toEqual([]);
  });

  test("compare", async ({ page }) => {
    await page.goto(siteUrl("compare/"));
    await expect(page.getByRole("table")).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(results.violations).toEqual([]);
  });

  test("check with a could-not-check result", async ({ page }) => {
    await page.goto(siteUrl(withDoh("check/?domain=mx-classic.test", "http://127.0.0.1:9/dns-query")));
    await expect(page.getByTestId("mx-result")).toHaveAttribute("data-status", "could-not-check");
    const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(results.violations).toEqual([]);
  });

  // Every screen in its filled-in state, and the states only embed mode shows.
  test("cards with a device", async ({ page }) => {
    await page.goto(siteUrl("cards/"));
    await page.getByRole("button", { name: "Add a device" }).click();
    await page.getByLabel("Device name").fill("Reception MFP");
    await expect(page.getByRole("button", { name: "Remove" })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(results.violations).toEqual([]);
  });

  test("connector with values", async ({ page }) => {
    await page.goto(siteUrl("connector/?kind=relay-ip&ips=203.0.113.25&domains=contoso.com"));
    await expect(page.locator("#connector-ips")).toHaveValue("203.0.113.25");
    const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(results.violations).toEqual([]);
  });

  test("explain with a bounce, in Vietnamese", async ({ page }) => {
    const text = encodeURIComponent("530 5.7.57 Client not authenticated to send mail.");
    await page.goto(siteUrl(`explain/?lang=vi&method=direct-send&text=${text}`));
    await expect(page.locator('article[data-bounce="client-not-authenticated"]')).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(results.violations).toEqual([]);
  });

  test("check, empty, in Vietnamese", async ({ page }) => {
    await page.goto(siteUrl("check/?lang=vi"));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(results.violations).toEqual([]);
  });

  test("plan: the ranking, embedded", async ({ page }) => {
    await page.goto(siteUrl("?embed=1&step=results&recipients=internal"));
    await expect(page.locator(".method-result").first()).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(results.violations).toEqual([]);
  });

  test("a page that does not exist", async ({ page }) => {
    await page.goto(siteUrl("compare/?lang=vi"));
    await expect(page.getByRole("table")).toBeVisible();
    // A route no screen has, reached inside the app as a mistyped link would (the app's
    // links carry the language).
    await page.evaluate(() => {
      history.pushState(null, "", "no-such-screen?lang=vi");
      dispatchEvent(new PopStateEvent("popstate"));
    });
    await expect(page.locator("main h1")).toHaveText("Không tìm thấy trang");
    const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(results.violations).toEqual([]);
  });
});
