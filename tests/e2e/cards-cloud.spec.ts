// Cards follow the device's Microsoft 365 cloud: a GCC High device's card, printed card
// and export carry the GCC High host and SPF include and never a worldwide one; an
// inventory from before the cloud field keeps its devices (as worldwide) and says which;
// an unknown cloud is refused and the list stays.

import { test, expect, type Page } from "./fixtures";
import { siteUrl } from "./site";
import { pdfPages, squash } from "./pdf";

const WORLDWIDE = ["smtp.office365.com", "spf.protection.outlook.com", "mail.protection.outlook.com", "smtp-hve.office365.com"];

async function addDevice(page: Page, values: { name: string; method: string; from: string }) {
  await page.getByRole("button", { name: "Add a device" }).click();
  const device = page.locator("article.device").last();
  await device.getByLabel("Device name").fill(values.name);
  await device.getByLabel("Sending method").selectOption(values.method);
  await device.getByLabel("From address").fill(values.from);
  return device;
}

function exported(href: string | null, mime: string): string {
  return decodeURIComponent((href ?? "").replace(`data:${mime};charset=utf-8,`, ""));
}

async function exportedJson(page: Page) {
  const href = await page.getByRole("link", { name: "Export (JSON)" }).getAttribute("href");
  return JSON.parse(exported(href, "application/json"));
}

test("a GCC High device shows, prints and exports GCC High hosts only", async ({ page }) => {
  await page.goto(siteUrl("cards/"));
  const device = await addDevice(page, { name: "Federal scanner", method: "client-submission", from: "scanner@fabrikam.com" });
  const card = page.locator(".device-card");
  await expect(card).toContainText("smtp.office365.com");

  // The cloud is a labelled select, reached from the method with the keyboard.
  const cloud = device.getByLabel("Microsoft 365 cloud");
  await expect(cloud).toHaveValue("worldwide");
  await device.getByLabel("Sending method").focus();
  await page.keyboard.press("Tab");
  await expect(cloud).toBeFocused();
  await cloud.selectOption({ label: "GCC High" });

  await expect(card).toContainText("GCC High");
  await expect(card.locator("dd", { hasText: /^outlook\.office365\.us$/ })).toHaveCount(1);
  await expect(card).toContainText("include:spf.protection.office365.us");
  await expect(card).toContainText("Test-NetConnection outlook.office365.us -Port 587");
  for (const host of WORLDWIDE) await expect(card).not.toContainText(host);

  // Kept in this browser with the list.
  await page.reload();
  await expect(page.getByLabel("Microsoft 365 cloud")).toHaveValue("gcc-high");
  await expect(page.locator(".device-card")).toContainText("include:spf.protection.office365.us");

  // Both exports write the cloud.
  const json = await exportedJson(page);
  expect(json.devices).toHaveLength(1);
  expect(json.devices[0].cloud).toBe("gcc-high");
  const tomlHref = await page.getByRole("link", { name: "Export (TOML)" }).getAttribute("href");
  expect(exported(tomlHref, "application/toml")).toContain('cloud = "gcc-high"\n');

  // The printed card: one A6 page with the GCC High values and nothing worldwide.
  await page.emulateMedia({ media: "print" });
  const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true }));
  expect(pages).toHaveLength(1);
  expect(pages[0].text).toContain("Smarthostoutlook.office365.us");
  expect(pages[0].text).toContain(squash("include:spf.protection.office365.us"));
  expect(pages[0].text).toContain("CloudGCCHigh");
  for (const host of WORLDWIDE) expect(pages[0].text).not.toContain(host);
  await page.emulateMedia({ media: "screen" });

  // Back to worldwide, the card follows.
  await page.getByLabel("Microsoft 365 cloud").selectOption("worldwide");
  await expect(page.locator(".device-card")).toContainText("include:spf.protection.outlook.com");
  await expect(page.locator(".device-card")).not.toContainText("office365.us");
});

test("a method not confirmed in the cloud says so instead of a worldwide host", async ({ page }) => {
  await page.goto(siteUrl("cards/"));
  const device = await addDevice(page, { name: "Billing app", method: "hve", from: "billing@fabrikam.com" });
  await expect(page.locator(".device-card")).toContainText("smtp-hve.office365.com");
  await device.getByLabel("Microsoft 365 cloud").selectOption("gcc-high");
  const card = page.locator(".device-card");
  await expect(card).toContainText("Not confirmed in GCC High");
  for (const host of WORLDWIDE) await expect(card).not.toContainText(host);
});

test("a GCC High device refuses a worldwide MX host next to the smart host field", async ({ page }) => {
  await page.goto(siteUrl("cards/"));
  const device = await addDevice(page, { name: "Federal copier", method: "direct-send", from: "copier@fabrikam.com" });
  await device.getByLabel(/Smart host/).fill("fabrikam-com.mail.protection.outlook.com");
  await expect(page.locator(".device-card")).toHaveCount(1);
  await device.getByLabel("Microsoft 365 cloud").selectOption("gcc-high");
  const host = device.getByLabel(/Smart host/);
  await expect(host).toHaveAttribute("aria-invalid", "true");
  await expect(device.locator(`#${await host.getAttribute("aria-describedby")}`)).toContainText(
    "is not a GCC High MX host: there they end in mail.protection.office365.us",
  );
  await expect(page.locator(".device-card")).toHaveCount(0);
  await host.fill("fabrikam-com.mail.protection.office365.us");
  await expect(page.locator(".device-card")).toContainText("fabrikam-com.mail.protection.office365.us");
});

const OLD_INVENTORY = JSON.stringify({
  version: 1,
  devices: [
    { name: "Ricoh 2nd floor", method: "direct-send", from: "scanner@contoso.com", smart_host: "contoso-com.mail.protection.outlook.com" },
    { name: "Federal scanner", method: "client-submission", from: "scanner@fabrikam.com", cloud: "gcc-high" },
    { name: "Billing app", method: "client-submission", from: "billing@contoso.com" },
  ],
});

const NOTICE =
  '2 devices had no cloud in the file and were read as Worldwide: device 1 "Ricoh 2nd floor", device 3 "Billing app".';

test("an inventory without clouds imports its devices as worldwide and says which", async ({ page }) => {
  await page.goto(siteUrl("cards/"));
  await expect(page.locator(".cloud-notice")).toHaveCount(0);
  await page.getByText("Import devices (JSON or TOML)").click();
  await page.getByLabel("Paste an exported inventory").fill(OLD_INVENTORY);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.locator(".import [role=status]")).toContainText("3 devices imported");
  await expect(page.locator(".cloud-notice")).toContainText(NOTICE);

  const clouds = page.getByLabel("Microsoft 365 cloud");
  await expect(clouds).toHaveCount(3);
  await expect(clouds.nth(0)).toHaveValue("worldwide");
  await expect(clouds.nth(1)).toHaveValue("gcc-high");
  await expect(clouds.nth(2)).toHaveValue("worldwide");
  const cards = page.locator(".device-card");
  await expect(cards).toHaveCount(3);
  await expect(cards.nth(1)).toContainText("outlook.office365.us");
  await expect(cards.nth(2)).toContainText("smtp.office365.com");
  const json = await exportedJson(page);
  expect(json.devices.map((d: { cloud: string }) => d.cloud)).toEqual(["worldwide", "gcc-high", "worldwide"]);

  // Worded in the reader's language.
  await page.getByRole("link", { name: "Tiếng Việt" }).click();
  await expect(page.locator(".cloud-notice")).toContainText(
    '2 thiết bị không ghi môi trường đám mây trong tệp nên được coi là Toàn cầu: thiết bị 1 "Ricoh 2nd floor", thiết bị 3 "Billing app".',
  );
});

test("a list saved in this browser before the cloud field loads as worldwide with the notice", async ({ page }) => {
  await page.goto(siteUrl("cards/"));
  await page.evaluate((text) => localStorage.setItem("smarthost.inventory", text), OLD_INVENTORY);
  await page.reload();
  await expect(page.locator(".device-card")).toHaveCount(3);
  await expect(page.locator(".cloud-notice")).toContainText(NOTICE);
  // Saved again with its clouds, the next visit assumes nothing.
  await page.reload();
  await expect(page.locator(".device-card")).toHaveCount(3);
  await expect(page.locator(".cloud-notice")).toHaveCount(0);
  await expect(page.getByLabel("Microsoft 365 cloud").nth(1)).toHaveValue("gcc-high");
});

test("an unknown cloud is refused with the allowed values and the list stays", async ({ page }) => {
  await page.goto(siteUrl("cards/"));
  await addDevice(page, { name: "Ricoh 2nd floor", method: "client-submission", from: "scanner@contoso.com" });
  await page.getByText("Import devices (JSON or TOML)").click();
  await page
    .getByLabel("Paste an exported inventory")
    .fill('{"version": 1, "devices": [{"name": "Federal scanner", "cloud": "gcc-hi"}]}');
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.locator(".import [role=status]")).toHaveText(
    'device 1 "Federal scanner": "gcc-hi" is not a Microsoft 365 cloud smarthost knows; use one of worldwide, gcc, gcc-high, dod, 21vianet',
  );
  await expect(page.locator(".device-card")).toHaveCount(1);
  await expect(page.locator(".device-card h2")).toHaveText("Ricoh 2nd floor");
});

test("the guide's GCC High device page shows GCC High hosts only", async ({ page }) => {
  await page.goto(siteUrl("guide/en/devices/washington-scanner-gcc-high.html"));
  const card = page.locator(".device-card");
  // The host Microsoft lists first (review J6-4), as the app's card gives it.
  await expect(card.locator("dd", { hasText: /^outlook\.office365\.us$/ })).toHaveCount(1);
  await expect(card).toContainText("include:spf.protection.office365.us");
  for (const host of WORLDWIDE) await expect(card).not.toContainText(host);
});
