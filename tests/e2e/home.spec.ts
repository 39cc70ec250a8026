import { test, expect } from "./fixtures";
import { readFileSync } from "node:fs";
import { siteUrl } from "./site";

test.describe("pages and the matrix", () => {
  // As visitors get it: with the offline service worker registering.
  test.use({ serviceWorkers: "allow" });

  for (const route of ["", "compare/", "cards/", "connector/", "check/", "settings/"]) {
    test(`/${route} loads with no console errors`, async ({ page }) => {
      const problems: string[] = [];
      page.on("console", (msg) => {
        if (msg.type() === "error" || msg.type() === "warning") problems.push(msg.text());
      });
      page.on("pageerror", (error) => problems.push(error.message));
      await page.goto(siteUrl(route));
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      expect(problems).toEqual([]);
    });
  }

  test("matrix shows the three classic methods first, with their ports", async ({ page }) => {
    await page.goto(siteUrl("compare/"));
    const table = page.getByRole("table", { name: "Ways to send through Microsoft 365, compared" });
    const headers = table.getByRole("columnheader");
    await expect(headers).toHaveCount(8);
    await expect(headers.nth(0)).toHaveText("SMTP AUTH client submission");
    await expect(headers.nth(1)).toHaveText("Direct Send");
    await expect(headers.nth(2)).toHaveText("SMTP relay, IP connector");
    const portRow = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Port", exact: true }) });
    const cells = portRow.getByRole("cell");
    await expect(cells.nth(0)).toContainText("587, 25");
    await expect(cells.nth(0)).toContainText("465 is not supported");
    await expect(cells.nth(1)).toHaveText(/^25 /);
    await expect(cells.nth(2)).toHaveText(/^25 /);
  });

  test("matrix matches the core table cell for cell", async ({ page }) => {
    // The CLI prints the same table the app compiles in (global setup saved it); nothing
    // is restated here.
    const file = process.env.SMARTHOST_MATRIX_JSON;
    if (!file) throw new Error("SMARTHOST_MATRIX_JSON is not set: run through `cargo xtask test`");
    const json = readFileSync(file, "utf8");
    const matrix = JSON.parse(json) as { columns: [string, string][]; rows: { label: string; cells: string[] }[] };
    await page.goto(siteUrl("compare/"));
    const table = page.getByRole("table", { name: "Ways to send through Microsoft 365, compared" });
    await expect(table.getByRole("columnheader")).toHaveText(matrix.columns.map(([, name]) => name));
    const bodyRows = table.locator("tbody tr");
    await expect(bodyRows).toHaveCount(matrix.rows.length);
    for (const [index, row] of matrix.rows.entries()) {
      await expect(bodyRows.nth(index).getByRole("rowheader")).toHaveText(row.label);
      await expect(bodyRows.nth(index).getByRole("cell")).toHaveText(row.cells);
    }
  });
});
