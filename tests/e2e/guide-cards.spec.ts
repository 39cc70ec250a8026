// The guide's device cards on paper (review J6-3): with the site's public address each
// card carries the QR code of its method's guide page, the notes print on the card, and
// "Print all cards" prints every card on its own A6 page, never split, its type shrunk
// to fit (assets/card-fit.js) even with long Vietnamese values. Without an address the
// cards carry no QR code, and nothing broken stands in its place.
//
// A guide built here by `smarthost build --base-url`, from the repository's pages and an
// inventory with long Vietnamese values, opened from its files (no server needed).
import { test, expect, type Page, type Locator } from "./fixtures";
import AxeBuilder from "@axe-core/playwright";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { siteUrl } from "./site";
import { pdfPages, PT_PER_MM, squash } from "./pdf";

const REPO = resolve(import.meta.dirname, "..", "..");
const BASE = "https://it.contoso.com/smarthost/guide/";
const LOCATION_VI = "Văn phòng Đà Nẵng, tầng 2, phòng kế toán";
const LONG_NAME = "Máy quét phòng kế toán Đà Nẵng";
const LONG_NOTES =
  "Gửi phiếu giao hàng cho khách hàng bên ngoài. Trình kết nối theo địa chỉ IP 203.0.113.25; cùng địa chỉ IP này đã có trong bản ghi SPF. Khi đổi nhà cung cấp Internet, hãy cập nhật cả hai. Nếu thiết bị báo lỗi 550 5.7.64, liên hệ bộ phận IT tại Văn phòng Đà Nẵng, tầng 2, phòng kế toán.";
const LONG_DEVICE = `
[[devices]]
name = "${LONG_NAME}"
location = "${LOCATION_VI}"
model = "Ricoh IM C3000 (máy in đa chức năng)"
method = "relay-ip"
cloud = "worldwide"
from = "ke-toan-da-nang@contoso.com"
domain = "contoso.com"
smart_host = "contoso-com.mail.protection.outlook.com"
ip = "203.0.113.25"
notes = "${LONG_NOTES}"
`;

let scratch = "";
let out = "";
let deviceCount = 0;

test.beforeAll(() => {
  // Global setup has compiled the CLI already (`methods --json`); this only builds.
  test.setTimeout(120_000);
  scratch = mkdtempSync(join(tmpdir(), "smarthost-guide-cards-"));
  const guide = join(scratch, "guide");
  for (const lang of ["en", "vi"]) cpSync(join(REPO, "guide", lang), join(guide, lang), { recursive: true });
  const devices = readFileSync(join(REPO, "guide", "devices.toml"), "utf8") + LONG_DEVICE;
  writeFileSync(join(guide, "devices.toml"), devices);
  deviceCount = devices.match(/^\[\[devices\]\]$/gm)?.length ?? 0;
  // The public address from the settings file, as a team would set it once.
  writeFileSync(join(guide, "site.toml"), `base_url = "${BASE}"\n`);
  out = join(scratch, "site");
  execFileSync("cargo", ["run", "--quiet", "-p", "smarthost", "--", "build", "--guide", guide, "--out", out], {
    cwd: REPO,
    stdio: "pipe",
  });
});

test.afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const built = (path: string) => pathToFileURL(join(out, path)).href;

/** Waits until every printed card has been measured against its page. */
async function fitted(page: Page, cards: number) {
  await expect(page.locator(".card-sheet .paper-card")).toHaveCount(cards);
  await expect(page.locator(".card-sheet .paper-card:not([data-fit])")).toHaveCount(0);
}

/** The QR code in `svg`, rasterised in the page and decoded in Node. */
async function decodeQr(svg: Locator): Promise<string | undefined> {
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
  return jsQR(Uint8ClampedArray.from(image), 400, 400)?.data;
}

for (const [lang, method, guidePage] of [
  ["en", "SMTP relay", "en/smtp-relay.html#ip-connector"],
  ["vi", "SMTP relay", "vi/smtp-relay.html#ip-connector"],
] as const) {
  test(`in ${lang}, a device card's QR code decodes to its method's guide page at the public address`, async ({ page }) => {
    await page.goto(built(`${lang}/devices/warehouse-printer.html`));
    const svg = page.locator(".card-list .device-card .card-qr svg");
    await expect(svg).toHaveAttribute("aria-label", new RegExp(method));
    expect(await decodeQr(svg)).toBe(`${BASE}${guidePage}`);
    // The page it names was built.
    expect(existsSync(join(out, guidePage.split("#")[0]))).toBe(true);
    // The printed copy carries the same code.
    expect(await decodeQr(page.locator(".card-sheet .paper-card .card-qr svg"))).toBe(`${BASE}${guidePage}`);
  });
}

for (const lang of ["en", "vi"] as const) {
  test(`in ${lang}, a device page prints its card with its QR code and notes on one A6 page, long Vietnamese values included`, async ({ page }) => {
    await page.goto(built(`${lang}/devices/index.html`));
    await page.getByRole("link", { name: LONG_NAME }).click();
    await fitted(page, 1);
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".card-list")).toBeHidden();
    await expect(page.locator(".card-sheet .paper-card .card-qr svg")).toBeVisible();
    const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true }));
    expect(pages).toHaveLength(1);
    expect(pages[0].width).toBeCloseTo(148 * PT_PER_MM, 0);
    expect(pages[0].height).toBeCloseTo(105 * PT_PER_MM, 0);
    // The card whole: its name, its last rows and the notes that end it.
    expect(pages[0].text).toContain(squash(LONG_NAME));
    expect(pages[0].text).toContain(squash(LOCATION_VI));
    expect(pages[0].text).toContain(squash(LONG_NOTES));
    expect(pages[0].text).toContain(squash(lang === "en" ? "Scan for the setup guide" : "Quét để xem hướng dẫn thiết lập"));
    // Shrunk to fit rather than cut: the card ends inside its page.
    const card = page.locator(".card-sheet .paper-card");
    const fit = Number(await card.getAttribute("data-fit"));
    expect(fit).toBeLessThan(1);
    const [cardBox, cellBox] = await Promise.all([card.boundingBox(), page.locator(".card-sheet .sheet-cell").boundingBox()]);
    expect(cardBox!.y + cardBox!.height).toBeLessThanOrEqual(cellBox!.y + cellBox!.height + 0.5);
  });

  test(`in ${lang}, "Print all cards" prints every device's card on its own A6 page`, async ({ page }) => {
    await page.goto(built(`${lang}/devices/index.html`));
    await page.getByRole("link", { name: lang === "en" ? "Print all cards" : "In tất cả thẻ cấu hình" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(lang === "en" ? "All device cards" : "Tất cả thẻ cấu hình thiết bị");
    await fitted(page, deviceCount);
    await expect(page.locator(".card-list .device-card")).toHaveCount(deviceCount);
    await page.emulateMedia({ media: "print" });
    const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true }));
    expect(pages).toHaveLength(deviceCount);
    const names = await page.locator(".card-sheet .paper-card h2").allTextContents();
    pages.forEach((paper, at) => {
      expect(paper.width).toBeCloseTo(148 * PT_PER_MM, 0);
      expect(paper.height).toBeCloseTo(105 * PT_PER_MM, 0);
      // Each page holds its own card and no other's.
      expect(paper.text).toContain(squash(names[at]));
      for (const other of names.filter((_, i) => i !== at)) expect(paper.text).not.toContain(squash(other));
    });
    expect(pages[deviceCount - 1].text).toContain(squash(LONG_NOTES));
    expect(pages.map((p) => p.text).join("")).not.toContain(squash(lang === "en" ? "Open the planner" : "Mở trang Lập kế hoạch"));
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const lang of ["en", "vi"] as const) {
    test(`in ${lang}, "Print all cards" still prints each card whole on its own A6 page, at the size the build reckoned`, async ({ page }) => {
      await page.goto(built(`${lang}/devices/print.html`));
      const cards = page.locator(".card-sheet .paper-card");
      await expect(cards).toHaveCount(deviceCount);
      // Nothing measured them: the generator's guess is the size.
      await expect(page.locator(".card-sheet .paper-card[data-fit]")).toHaveCount(0);
      // The long Vietnamese card is reckoned smaller than full size.
      const guess = /\bfit-(\d+)\b/.exec((await cards.last().getAttribute("class")) ?? "");
      expect(Number(guess?.[1])).toBeLessThan(100);
      await page.emulateMedia({ media: "print" });
      const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true }));
      expect(pages).toHaveLength(deviceCount);
      // Each card ends inside its page, none cut at the edge.
      const cells = page.locator(".card-sheet .sheet-cell");
      for (let i = 0; i < deviceCount; i++) {
        const [card, cell] = await Promise.all([cards.nth(i).boundingBox(), cells.nth(i).boundingBox()]);
        expect(card!.y + card!.height, `card ${i}`).toBeLessThanOrEqual(cell!.y + cell!.height + 0.5);
        expect(card!.x + card!.width, `card ${i}`).toBeLessThanOrEqual(cell!.x + cell!.width + 0.5);
      }
      expect(pages[deviceCount - 1].text).toContain(squash(LONG_NOTES));
    });
  }
});

test("axe-core: 'Print all cards' with its QR codes", async ({ page }) => {
  await page.goto(built("vi/devices/print.html"));
  await fitted(page, deviceCount);
  await expect(page.locator(".card-list .card-qr svg")).toHaveCount(deviceCount);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  expect(results.violations).toEqual([]);
});

test("without a public address a device card has no QR code and nothing broken in its place", async ({ page }) => {
  // dist/guide is built without one (cargo xtask build).
  await page.goto(siteUrl("guide/en/devices/warehouse-printer.html"));
  await expect(page.locator(".card-list .device-card")).toContainText("203.0.113.25");
  await expect(page.locator(".card-qr, .card-qr-error, svg")).toHaveCount(0);
  await fitted(page, 1);
  await page.emulateMedia({ media: "print" });
  const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true }));
  expect(pages).toHaveLength(1);
  expect(pages[0].text).toContain(squash("Warehouse printer"));
  expect(pages[0].text).not.toContain(squash("Scan for the setup guide"));
});
