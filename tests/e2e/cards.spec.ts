import { test, expect, type Page } from "./fixtures";
import AxeBuilder from "@axe-core/playwright";
import { siteUrl } from "./site";
import { pdfPages, PT_PER_MM, squash } from "./pdf";

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
    await other.getByText("Import devices (JSON or TOML)").click();
    await other.getByLabel("Paste an exported inventory").fill(json);
    await other.getByRole("button", { name: "Import", exact: true }).click();
    await expect(other.locator(".import [role=status]")).toContainText("2 devices imported");
    await expect(other.locator(".device-card")).toHaveCount(2);
    const reexported = await other.getByRole("link", { name: "Export (JSON)" }).getAttribute("href");
    expect(reexported).toBe(href);
    await fresh.close();
  });

  test("an application's card says the application, and the choice is exported", async ({ page }) => {
    await page.goto(siteUrl("cards/"));
    const device = await addDevice(page, app);
    const card = page.locator(".device-card");
    await expect(card).toContainText("enter the password on the device");
    await device.getByLabel("What is sending?").selectOption("application");
    await expect(card).toContainText("enter the password in the application's settings");
    await expect(card).toContainText("Use OAuth if the application offers it.");
    await expect(card).not.toContainText("device");
    // The row's name field says so too.
    await expect(device.getByLabel("Application name")).toBeVisible();
    await expect(device.getByLabel("Device name")).toHaveCount(0);

    const href = await page.getByRole("link", { name: "Export (JSON)" }).getAttribute("href");
    const json = JSON.parse(decodeURIComponent((href ?? "").replace("data:application/json;charset=utf-8,", "")));
    expect(json.devices[0].client).toBe("application");
    const toml = decodeURIComponent(
      (await page.getByRole("link", { name: "Export (TOML)" }).getAttribute("href") ?? "").replace("data:application/toml;charset=utf-8,", ""),
    );
    expect(toml).toContain('client = "application"\n');

    // Kept in this browser, and worded in the reader's language.
    await page.reload();
    await expect(page.getByLabel("What is sending?")).toHaveValue("application");
    await page.getByRole("link", { name: "Tiếng Việt" }).click();
    await expect(card).toContainText("nhập mật khẩu trong phần cấu hình của ứng dụng");
    await expect(card).not.toContainText("thiết bị");
    await expect(page.getByLabel("Tên ứng dụng")).toBeVisible();
  });

  test("a failed import leaves the list untouched", async ({ page }) => {
    await page.goto(siteUrl("cards/"));
    await addDevice(page, ricoh);
    await page.getByText("Import devices (JSON or TOML)").click();
    await page.getByLabel("Paste an exported inventory").fill('{"version": 1, "devices": [{"name": "x", "password": "hunter2"}]}');
    await page.getByRole("button", { name: "Import", exact: true }).click();
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

  test("prints one card per A6 page, each with its device's smart host and port, without navigation", async ({ page }) => {
    await page.goto(siteUrl("cards/"));
    await addDevice(page, ricoh);
    await addDevice(page, app);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation")).toBeHidden();
    await expect(page.getByRole("button", { name: "Add a device" })).toBeHidden();
    const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true }));
    expect(pages).toHaveLength(2);
    for (const p of pages) {
      // A6 landscape: 148 mm x 105 mm.
      expect(p.width).toBeCloseTo(148 * PT_PER_MM, 0);
      expect(p.height).toBeCloseTo(105 * PT_PER_MM, 0);
      expect(p.text).not.toContain("Compare");
      expect(p.text).not.toContain("Addadevice");
    }
    expect(pages[0].text).toContain(squash(ricoh.name));
    expect(pages[0].text).toContain("Smarthost" + ricoh.host);
    expect(pages[0].text).toContain("Port25");
    expect(pages[1].text).toContain(squash(app.name));
    expect(pages[1].text).toContain("Smarthostsmtp.office365.com");
    expect(pages[1].text).toContain("Port587");
  });

  // The sheet layouts (four cards per A4 or Letter page) are tested in cards-print.spec.ts.

  test("TOML export and import round-trip, from a file", async ({ page, browser }) => {
    await page.goto(siteUrl("cards/"));
    await addDevice(page, ricoh);
    const hostile = { ...app, name: `Quote " backslash \\ 'single' """triple""" Đà Nẵng 🖨️` };
    await addDevice(page, hostile);
    const tomlHref = await page.getByRole("link", { name: "Export (TOML)" }).getAttribute("href");
    const toml = decodeURIComponent((tomlHref ?? "").replace("data:application/toml;charset=utf-8,", ""));
    expect(toml).toContain("version = 1");
    expect(toml.match(/^\[\[devices\]\]$/gm)).toHaveLength(2);
    const jsonHref = await page.getByRole("link", { name: "Export (JSON)" }).getAttribute("href");

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(siteUrl("cards/"));
    await other.getByText("Import devices (JSON or TOML)").click();
    await other.getByLabel("Or choose an exported file").setInputFiles({
      name: "devices.toml",
      mimeType: "application/toml",
      buffer: Buffer.from(toml, "utf8"),
    });
    await expect(other.locator(".import [role=status]")).toContainText("2 devices imported");
    await expect(other.locator(".device-card h2").nth(1)).toHaveText(hostile.name);
    expect(await other.getByRole("link", { name: "Export (TOML)" }).getAttribute("href")).toBe(tomlHref);
    expect(await other.getByRole("link", { name: "Export (JSON)" }).getAttribute("href")).toBe(jsonHref);
    await fresh.close();
  });

  test("a bad TOML file is refused with its line and the list stays", async ({ page }) => {
    await page.goto(siteUrl("cards/"));
    await addDevice(page, ricoh);
    await page.getByText("Import devices (JSON or TOML)").click();
    await page.getByLabel("Or choose an exported file").setInputFiles({
      name: "devices.toml",
      mimeType: "application/toml",
      buffer: Buffer.from('version = 1\n\n[[devices]]\nname = "x"\npassword = "hunter2"\n', "utf8"),
    });
    await expect(page.locator(".import [role=status]")).toContainText("password");
    await expect(page.locator(".device-card")).toHaveCount(1);
    await expect(page.locator(".device-card h2")).toHaveText("Ricoh 2nd floor");
  });

  test("offers an iframe snippet for a wiki", async ({ page }) => {
    await page.goto(siteUrl("cards/"));
    await page.getByText("Embed this page in a wiki").click();
    await expect(page.locator(".embed-snippet code")).toContainText("embed=1");
    await expect(page.locator(".embed-snippet code")).toContainText("/cards/");
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

test("each card carries a QR code that decodes to its method's guide page", async ({ page }) => {
  await page.goto(siteUrl("cards/"));
  await addDevice(page, { ...ricoh, method: "relay-ip", ip: "198.51.100.7" });
  const svg = page.locator(".device-card .card-qr svg");
  await expect(svg).toHaveAttribute("aria-label", /setup guide for SMTP relay/);
  // Rasterise the SVG in the page (a data: image, allowed by the policy), decode in Node.
  const image = await svg.evaluate(async (el) => {
    const markup = new XMLSerializer().serializeToString(el);
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 400;
    const context = canvas.getContext("2d")!;
    context.drawImage(img, 0, 0, 400, 400);
    return Array.from(context.getImageData(0, 0, 400, 400).data);
  });
  const { default: jsQR } = await import("jsqr");
  const decoded = jsQR(Uint8ClampedArray.from(image), 400, 400);
  expect(decoded?.data).toBe(new URL("guide/en/smtp-relay.html#ip-connector", siteUrl()).href);
});
