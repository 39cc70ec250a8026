import { test, expect } from "./fixtures";
import { siteUrl, subPathUrl } from "./site";

// dist/ is served by a plain static server with no rewrites, as on most hosts.
test.describe("works on a plain static host", () => {
  for (const [route, heading] of [
    ["compare/", "Compare the ways to send"],
    ["check/", "Check your domain's DNS"],
  ]) {
    test(`deep link /${route} loads directly`, async ({ page }) => {
      const response = await page.goto(siteUrl(route));
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    });

    test(`deep link under a sub-path /tools/smarthost/${route} loads`, async ({ page }) => {
      const response = await page.goto(subPathUrl(route));
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    });
  }

  test("navigation stays under the sub-path", async ({ page }) => {
    await page.goto(subPathUrl());
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Compare" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare the ways to send");
    // Another screen is another page: its folder under the sub-path, no redirect on the way.
    expect(new URL(page.url()).pathname).toBe("/tools/smarthost/compare/");
    // A reload of that address must work on a static host too.
    const response = await page.reload();
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare the ways to send");
  });

  test("the language switch keeps the sub-path and the page", async ({ page }) => {
    await page.goto(subPathUrl("compare/"));
    await page.getByRole("link", { name: "Tiếng Việt" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("So sánh các phương thức gửi thư");
    const url = new URL(page.url());
    expect(url.pathname).toMatch(/^\/tools\/smarthost\/compare\/?$/);
    expect(url.searchParams.get("lang")).toBe("vi");
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("So sánh các phương thức gửi thư");
  });

  test("an unknown route inside the app shows a not-found page", async ({ page }) => {
    await page.goto(siteUrl());
    await page.evaluate(() => history.pushState({}, "", "./no-such-page"));
    await page.evaluate(() => dispatchEvent(new PopStateEvent("popstate")));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  });
});

test("the app links to the guides in its language, under the sub-path too", async ({ page }) => {
  await page.goto(subPathUrl("compare/?lang=vi"));
  await page.getByRole("navigation").getByRole("link", { name: "Hướng dẫn" }).click();
  await expect(page).toHaveURL(/\/tools\/smarthost\/guide\/vi\/index\.html$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
