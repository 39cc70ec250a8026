import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { siteUrl, withDoh } from "./site";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

test.describe("axe-core finds no violations", () => {
  test("home with an MX result", async ({ page }) => {
    await page.goto(siteUrl(withDoh("?domain=mx-classic.test")));
    await expect(page.getByTestId("mx-result")).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(results.violations).toEqual([]);
  });

  test("home with an input error", async ({ page }) => {
    await page.goto(siteUrl(withDoh("?domain=-bad-.com")));
    await expect(page.getByRole("alert")).not.toBeEmpty();
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
});
