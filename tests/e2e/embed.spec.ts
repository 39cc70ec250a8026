import { test, expect } from "@playwright/test";
import { siteUrl } from "./site";

test.describe("embed mode", () => {
  test("hides the site chrome and keeps embed mode on links", async ({ page }) => {
    await page.goto(siteUrl("compare/?embed=1"));
    await expect(page.getByRole("table")).toBeVisible();
    await expect(page.getByRole("navigation")).toHaveCount(0);
    await expect(page.locator("footer")).toHaveCount(0);
    // No snippet inside an embedded page.
    await expect(page.locator(".embed-snippet")).toHaveCount(0);

    await page.goto(siteUrl("?embed=1&recipients=internal&step=results"));
    const href = await page.locator('.method-result[data-method="direct-send"] a[data-link="card"]').getAttribute("href");
    expect(href).toContain("/cards/");
    expect(href).toContain("embed=1");
  });

  test("posts its height to the parent page", async ({ page }) => {
    const frameUrl = siteUrl("compare/?embed=1");
    await page.setContent(`<!doctype html><title>wiki</title>
      <script>
        window.heights = [];
        addEventListener("message", (e) => {
          if (e.data && e.data.type === "smarthost:height") window.heights.push(e.data.height);
        });
      </script>
      <iframe src="${frameUrl}" title="smarthost" width="800" height="200"></iframe>`);
    await expect.poll(() => page.evaluate(() => (window as unknown as { heights: number[] }).heights.length)).toBeGreaterThan(0);
    const heights = await page.evaluate(() => (window as unknown as { heights: number[] }).heights);
    // The matrix is far taller than the 200 px frame.
    expect(Math.max(...heights)).toBeGreaterThan(600);
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
