// Cards for an MSP (review J3): each device may name its customer, kept in this browser
// and in both export formats and shown discreetly on its card; a compact list of the
// devices at the top (a table on a wide screen, a block per device on a phone) with a
// search and a customer filter; the forms fold into their line; a print takes the
// devices the filter shows and says so.
import { test, expect, type Page } from "./fixtures";
import { siteUrl } from "./site";
import { pdfPages, squash } from "./pdf";
import { exportedJson, expectNoAxeViolations } from "./inventory-page";

type Lang = "en" | "vi";
interface Device {
  name: string;
  method: string;
  from: string;
  customer?: string;
  client?: string;
  smart_host?: string;
  ip?: string;
}

const MX_C = "contoso-com.mail.protection.outlook.com";
const MX_F = "fabrikam-com.mail.protection.outlook.com";

const FLEET: Device[] = [
  { name: "Ricoh 2nd floor", customer: "Contoso", method: "direct-send", from: "scanner@contoso.com", smart_host: MX_C },
  { name: "Billing app", customer: "Contoso", method: "client-submission", client: "application", from: "billing@contoso.com" },
  { name: "Canon warehouse", customer: "Fabrikam", method: "relay-ip", from: "canon@fabrikam.com", smart_host: MX_F, ip: "198.51.100.7" },
  { name: "Xerox reception", customer: "Fabrikam", method: "direct-send", from: "xerox@fabrikam.com" },
  { name: "Lab printer", method: "", from: "lab@northwind.com" },
];

const WORDS = {
  en: {
    search: "Search by name, customer or smart host",
    customer: "Customer",
    customerField: "Customer (optional, for an MSP's list)",
    all: "All customers",
    without: "Without a customer",
    count: (shown: number, total: number) => `Showing ${shown} of ${total} devices.`,
    clear: "Clear the filter",
    collapseAll: "Collapse all forms",
    expandAll: "Expand all forms",
    collapse: "Collapse",
    print: "Print the cards",
    scope: (shown: number, total: number) => `Print takes only the ${shown} devices the filter shows, of ${total}.`,
    statuses: ["Ready to print", "Ready to print", "Ready to print", "No smart host yet", "1 field to correct"],
    methods: ["Direct Send", "SMTP AUTH client submission", "SMTP relay, IP connector", "Direct Send", "Not chosen"],
    onCard: "Customer: Contoso",
    tooLong: "The customer name is 81 characters long; use at most 80",
    check: "Before printing",
    nothingShown: "Nothing to print: no device matches the filter. Clear the filter to print every card.",
  },
  vi: {
    search: "Tìm theo tên, khách hàng hoặc smart host",
    customer: "Khách hàng",
    customerField: "Khách hàng (không bắt buộc, khi MSP quản lý thiết bị của nhiều khách hàng)",
    all: "Tất cả khách hàng",
    without: "Chưa gán khách hàng",
    count: (shown: number, total: number) => `Đang hiển thị ${shown} trên ${total} thiết bị.`,
    clear: "Xóa bộ lọc",
    collapseAll: "Thu gọn tất cả biểu mẫu",
    expandAll: "Mở rộng tất cả biểu mẫu",
    collapse: "Thu gọn",
    print: "In các thẻ",
    scope: (shown: number, total: number) => `Lệnh in chỉ lấy ${shown} thiết bị đang hiển thị theo bộ lọc, trên tổng số ${total}.`,
    statuses: ["Sẵn sàng để in", "Sẵn sàng để in", "Sẵn sàng để in", "Chưa có smart host", "1 trường cần sửa"],
    methods: ["Direct Send", "Gửi qua SMTP AUTH (client submission)", "SMTP relay qua connector IP", "Direct Send", "Chưa chọn"],
    onCard: "Khách hàng: Contoso",
    tooLong: "Tên khách hàng dài 81 ký tự; hãy dùng tối đa 80 ký tự",
    check: "Trước khi in",
    nothingShown: "Không có gì để in: không thiết bị nào khớp với bộ lọc. Hãy xóa bộ lọc để in tất cả các thẻ.",
  },
} as const;

/** Opens Cards with `devices` saved in this browser; window.print is counted, not run. */
async function openCards(page: Page, devices: Device[], lang: Lang) {
  await page.addInitScript(() => {
    (window as unknown as { prints: number }).prints = 0;
    Window.prototype.print = function () {
      (window as unknown as { prints: number }).prints += 1;
    };
    window.print = Window.prototype.print;
  });
  await page.goto(siteUrl("cards/"));
  const inventory = JSON.stringify({ version: 1, devices: devices.map((d) => ({ cloud: "worldwide", ...d })) });
  await page.evaluate((text) => {
    localStorage.setItem("smarthost.inventory", text);
    localStorage.setItem("smarthost.print-layout", "a6");
  }, inventory);
  await page.goto(siteUrl(`cards/?lang=${lang}`));
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
}

const prints = (page: Page) => page.evaluate(() => (window as unknown as { prints: number }).prints);
const lines = (page: Page) => page.locator(".device-table tbody tr");
/** The names the compact list shows, in order. */
const listed = (page: Page) => page.locator(".device-table tbody th button").allInnerTexts();
/** The names of the device forms in sight. */
const openForms = (page: Page) =>
  page.locator("article.device:visible").evaluateAll((forms) => forms.map((f) => f.getAttribute("aria-label")));

for (const lang of ["en", "vi"] as const) {
  const w = WORDS[lang];
  for (const width of [1366, 390]) {
    test(`${lang} at ${width} px: the compact list shows each device's name, customer, method, smart host and status, and opens its form`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await openCards(page, FLEET, lang);
      await expect(lines(page)).toHaveCount(FLEET.length);
      expect(await listed(page)).toEqual(FLEET.map((d) => d.name));
      const cells = await lines(page).evaluateAll((rows) =>
        rows.map((row) => Array.from(row.querySelectorAll("td"), (td) => td.textContent!.trim())),
      );
      expect(cells).toEqual([
        ["Contoso", w.methods[0], MX_C, w.statuses[0]],
        ["Contoso", w.methods[1], "smtp.office365.com", w.statuses[1]],
        ["Fabrikam", w.methods[2], MX_F, w.statuses[2]],
        ["Fabrikam", w.methods[3], "", w.statuses[3]],
        ["", w.methods[4], "", w.statuses[4]],
      ]);
      // A table on a wide screen; on a phone one block per device, each within the screen.
      const display = await lines(page).first().evaluate((row) => getComputedStyle(row).display);
      expect(display).toBe(width === 390 ? "block" : "table-row");
      for (const box of await lines(page).evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().right))) {
        expect(box).toBeLessThanOrEqual(width);
      }
      await expectNoAxeViolations(page);

      // Every form folds into its line: five devices fit in a short page.
      const tall = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.getByRole("button", { name: w.collapseAll }).click();
      await expect(page.locator("article.device:visible")).toHaveCount(0);
      await expect(page.getByRole("button", { name: w.expandAll })).toBeVisible();
      const short = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(short).toBeLessThan(tall / 3);
      expect(short).toBeLessThan(width === 390 ? 2600 : 1400);
      await expectNoAxeViolations(page);

      // A line's name opens that device's form and takes the focus there, by keyboard.
      const canon = page.getByRole("button", { name: "Canon warehouse", exact: true });
      await expect(canon).toHaveAttribute("aria-expanded", "false");
      await canon.focus();
      await page.keyboard.press("Enter");
      await expect(page.locator("article.device:focus")).toHaveAttribute("aria-label", "Canon warehouse");
      await expect(canon).toHaveAttribute("aria-expanded", "true");
      expect(await openForms(page)).toEqual(["Canon warehouse"]);
      await expect(page.locator("article.device:focus")).toBeInViewport();
      // Its Collapse folds it back and returns to its line.
      await page.locator("article.device:focus").getByRole("button", { name: w.collapse, exact: true }).click();
      expect(await openForms(page)).toEqual([]);
      await expect(canon).toBeFocused();
      // A click anywhere on a line opens it too.
      await lines(page).nth(3).locator("td").first().click();
      await expect(page.locator("article.device:focus")).toHaveAttribute("aria-label", "Xerox reception");
    });
  }

  test(`${lang}: the search and the customer narrow the list, the forms and the print, which says which devices are in`, async ({ page }) => {
    await openCards(page, FLEET, lang);
    await expect(page.getByRole("status").filter({ hasText: w.count(5, 5) })).toBeVisible();
    await expect(page.locator("#print-scope")).toHaveCount(0);

    await page.getByLabel(w.search).fill("fabrikam");
    expect(await listed(page)).toEqual(["Canon warehouse", "Xerox reception"]);
    expect(await openForms(page)).toEqual(["Canon warehouse", "Xerox reception"]);
    await expect(page.locator("#device-count")).toHaveText(w.count(2, 5));
    await page.getByLabel(w.search).fill("office365");
    expect(await listed(page)).toEqual(["Billing app"]);
    await page.getByLabel(w.search).fill("Contoso  RICOH");
    expect(await listed(page)).toEqual(["Ricoh 2nd floor"]);
    await page.getByRole("button", { name: w.clear }).click();
    await expect(page.getByLabel(w.search)).toBeFocused();
    expect(await listed(page)).toEqual(FLEET.map((d) => d.name));

    // The customer select lists each customer once, and the devices without one.
    const select = page.getByLabel(w.customer, { exact: true });
    expect(await select.locator("option").allInnerTexts()).toEqual([w.all, "Contoso", "Fabrikam", w.without]);
    await select.selectOption({ label: w.without });
    expect(await listed(page)).toEqual(["Lab printer"]);
    await select.selectOption({ label: "Contoso" });
    expect(await listed(page)).toEqual(["Ricoh 2nd floor", "Billing app"]);
    expect(await openForms(page)).toEqual(["Ricoh 2nd floor", "Billing app"]);
    const scope = page.locator("#print-scope");
    await expect(scope).toHaveText(w.scope(2, 5));
    const print = page.getByRole("button", { name: w.print, exact: true });
    await expect(print).toHaveAttribute("aria-describedby", "print-scope");
    await expectNoAxeViolations(page);

    // Both of Contoso's cards print with their host, so Print goes straight to the
    // dialog; on paper, Contoso's two cards only, each saying whose it is.
    await print.click();
    await expect.poll(() => prints(page)).toBe(1);
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".card-sheet .paper-card")).toHaveCount(2);
    await expect(page.locator(".card-sheet .paper-card:not([data-fit])")).toHaveCount(0);
    const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true }));
    expect(pages).toHaveLength(2);
    expect(pages[0].text).toContain(squash("Ricoh 2nd floor"));
    expect(pages[1].text).toContain(squash("Billing app"));
    for (const p of pages) expect(p.text).toContain(squash(w.onCard));
    const all = pages.map((p) => p.text).join("");
    for (const other of ["Canon warehouse", "Xerox reception", "Lab printer"]) expect(all).not.toContain(squash(other));
    await page.emulateMedia({ media: "screen" });

    // A search that matches nothing: Print says so and prints nothing.
    await page.getByLabel(w.search).fill("northwind-nothing");
    await expect(lines(page)).toHaveCount(0);
    await expect(page.locator("#device-count")).toHaveText(w.count(0, 5));
    await print.click();
    await expect(page.getByRole("heading", { name: w.check })).toBeFocused();
    await expect(page.locator(".print-check [role=status]")).toHaveText(w.nothingShown);
    expect(await prints(page)).toBe(1);
    await expectNoAxeViolations(page);
  });

  test(`${lang}: a device's customer is typed, checked, shown on its card and kept in this browser and in both exports`, async ({ page }) => {
    await openCards(page, [FLEET[0]].map(({ customer: _, ...d }) => d), lang);
    const form = page.locator("article.device");
    const field = form.getByLabel(w.customerField);
    await expect(field).toHaveValue("");
    await expect(form.locator(".device-card .card-customer")).toHaveCount(0);
    await field.fill("c".repeat(81));
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(form.locator(`#${await field.getAttribute("aria-describedby")}`)).toHaveText(w.tooLong);
    await expect(lines(page).first().locator("td").last()).toHaveText(w.statuses[4]);
    await expectNoAxeViolations(page);
    await field.fill("  Contoso ");
    await expect(field).toHaveAttribute("aria-invalid", "false");
    await expect(form.locator(".device-card .card-customer")).toHaveText(w.onCard);
    await expect(lines(page).first().locator("td").first()).toHaveText("Contoso");
    expect((await exportedJson(page)).devices[0].customer).toBe("  Contoso ");
    const toml = decodeURIComponent(
      ((await page.locator('a[download$=".toml"]').getAttribute("href")) ?? "").replace("data:application/toml;charset=utf-8,", ""),
    );
    expect(toml).toContain('name = "Ricoh 2nd floor"\ncustomer = "  Contoso "\n');
    await page.reload();
    await expect(page.locator("article.device").getByLabel(w.customerField)).toHaveValue("  Contoso ");
    await expect(page.locator(".device-card .card-customer")).toHaveText(w.onCard);
  });
}

test("a TOML file's customers are imported, and a device added while one customer is shown is that customer's", async ({ page }) => {
  await openCards(page, [], "en");
  await page.getByText("Import devices (JSON or TOML)").click();
  await page.getByLabel("Paste an exported inventory").fill(`version = 1

[[devices]]
name = "Ricoh 2nd floor"
customer = "Contoso"
method = "direct-send"
from = "scanner@contoso.com"

[[devices]]
name = "Canon warehouse"
customer = "Fabrikam"
method = "direct-send"
from = "canon@fabrikam.com"
`);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  expect(await listed(page)).toEqual(["Ricoh 2nd floor", "Canon warehouse"]);
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: "Fabrikam" });
  await page.getByRole("button", { name: "Add a device" }).click();
  await expect(page.locator("article.device:focus-within").getByLabel(WORDS.en.customerField)).toHaveValue("Fabrikam");
  await page.locator("article.device:focus-within").getByLabel("Device name").fill("Brother lab");
  expect(await listed(page)).toEqual(["Canon warehouse", "Brother lab"]);
  const exported = await exportedJson(page);
  expect(exported.devices.map((d: { customer: string }) => d.customer)).toEqual(["Contoso", "Fabrikam", "Fabrikam"]);
});
