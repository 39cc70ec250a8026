import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { siteUrl } from "./site";

async function addDevice(page: Page, values: { name: string; method: string; from: string; host?: string; ip?: string }) {
  await page.getByRole("button", { name: "Add a device" }).click();
  const device = page.locator("article.device").last();
  await device.getByLabel("Device name").fill(values.name);
  await device.getByLabel("Sending method").selectOption(values.method);
  await device.getByLabel("From address").fill(values.from);
  if (values.host) await device.getByLabel(/Smart host/).fill(values.host);
  if (values.ip) await device.getByLabel("Public IP it sends from").fill(values.ip);
  return device;
}

const ricoh = { name: "Ricoh 2nd floor", method: "direct-send", from: "scanner@contoso.com", host: "contoso-com.mail.protection.outlook.com" };
const app = { name: "Billing app", method: "client-submission", from: "billing@contoso.com" };

test.describe("device cards", () => {
  test("two devices persist, export and import identically", async ({ page, browser }) => {
    await page.goto(siteUrl("cards/"));
    await addDevice(page, ricoh);
    await addDevice(page, app);
    const cards = page.locator(".device-card");
    await expect(cards).toHaveCount(2);
    await expect(cards.nth(0)).toContainText("contoso-com.mail.protection.outlook.com");
    await expect(cards.nth(0)).toContainText("25");
    await expect(cards.nth(1)).toContainText("smtp.office365.com");
    await expect(cards.nth(1)).toContainText("587");

    await page.reload();
    await expect(page.locator(".device-card")).toHaveCount(2);
    await expect(page.locator("article.device").first().getByLabel("Device name")).toHaveValue("Ricoh 2nd floor");

    const href = await page.getByRole("link", { name: "Export (JSON)" }).getAttribute("href");
    const json = decodeURIComponent((href ?? "").replace("data:application/json;charset=utf-8,", ""));
    const exported = JSON.parse(json);
    expect(exported.version).toBe(1);
    expect(exported.devices.map((d: { name: string }) => d.name)).toEqual(["Ricoh 2nd floor", "Billing app"]);

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(siteUrl("cards/"));
    await expect(other.locator(".device-card")).toHaveCount(0);
    await other.getByText("Import devices (JSON)").click();
    await other.getByLabel("Paste an exported inventory").fill(json);
    await other.getByRole("button", { name: "Import and replace the list" }).click();
    await expect(other.getByRole("status")).toContainText("2 devices imported");
    await expect(other.locator(".device-card")).toHaveCount(2);
    const reexported = await other.getByRole("link", { name: "Export (JSON)" }).getAttribute("href");
    expect(reexported).toBe(href);
    await fresh.close();
  });

  test("a failed import leaves the list untouched", async ({ page }) => {
    await page.goto(siteUrl("cards/"));
    await addDevice(page, ricoh);
    await page.getByText("Import devices (JSON)").click();
    await page.getByLabel("Paste an exported inventory").fill('{"version": 1, "devices": [{"name": "x", "password": "hunter2"}]}');
    await page.getByRole("button", { name: "Import and replace the list" }).click();
    await expect(page.locator(".import [role=status]")).toContainText("password");
    await expect(page.locator(".device-card")).toHaveCount(1);
    await expect(page.locator(".device-card h2")).toHaveText("Ricoh 2nd floor");
  });

  test("invalid values are explained next to their field", async ({ page }) => {
    await page.goto(siteUrl("cards/"));
    const device = await addDevice(page, { ...ricoh, method: "relay-ip", ip: "192.168.1.20" });
    const ip = device.getByLabel("Public IP it sends from");
    await expect(ip).toHaveAttribute("aria-invalid", "true");
    await expect(device.locator(`#${await ip.getAttribute("aria-describedby")}`)).not.toBeEmpty();
    await expect(page.locator(".device-card")).toHaveCount(0);
    await ip.fill("198.51.100.7");
    await expect(page.locator(".device-card")).toContainText("198.51.100.7");
  });

  test("hostile names are shown as text", async ({ page }) => {
    await page.goto(siteUrl("cards/"));
    const name = `<script>alert("x")</script> O'Brien 🖨️`;
    await addDevice(page, { ...app, name });
    await expect(page.locator(".device-card h2")).toHaveText(name);
    await expect(page.locator("main script")).toHaveCount(0);
  });

  test("prints one card per page without navigation", async ({ page }) => {
    await page.goto(siteUrl("cards/"));
    await addDevice(page, ricoh);
    await addDevice(page, app);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation")).toBeHidden();
    await expect(page.getByRole("button", { name: "Add a device" })).toBeHidden();
    await expect(page.locator(".device-card")).toHaveCount(2);
    await expect(page.locator(".device-card").nth(0)).toContainText("contoso-com.mail.protection.outlook.com");
    await expect(page.locator(".device-card").nth(1)).toContainText("smtp.office365.com");
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBe(2);
  });

  test("axe-core finds no violations", async ({ page }) => {
    await page.goto(siteUrl("cards/"));
    await addDevice(page, ricoh);
    await expect(page.locator(".device-card")).toHaveCount(1);
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
      .analyze();
    expect(results.violations).toEqual([]);
  });
});
