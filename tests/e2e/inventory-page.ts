// The Cards screen's inventory, for the specs that drive it in both languages.

import { expect, type Page } from "@playwright/test";

export { expectNoAxeViolations } from "./axe-audit";

/** The screen's words that the specs click and read, per language. */
export const WORDS = {
  en: {
    add: "Add a device",
    name: "Device name",
    method: "Sending method",
    from: "From address",
    importOpen: "Import devices (JSON or TOML)",
    paste: "Paste an exported inventory",
    file: "Or choose an exported file",
    importButton: "Import",
    duplicate: "Duplicate",
    remove: "Remove",
    checkDns: "Check this device's DNS",
    addToCard: "Add to a device card",
    print: "Print the cards",
    printCheck: "Before printing",
  },
  vi: {
    add: "Thêm thiết bị",
    name: "Tên thiết bị",
    method: "Phương thức gửi",
    from: "Địa chỉ người gửi (From)",
    importOpen: "Nhập danh sách thiết bị (JSON hoặc TOML)",
    paste: "Dán danh sách đã xuất",
    file: "Hoặc chọn một tệp đã xuất",
    importButton: "Nhập",
    duplicate: "Nhân bản",
    remove: "Xóa",
    checkDns: "Kiểm tra DNS của thiết bị này",
    addToCard: "Thêm vào thẻ cấu hình thiết bị",
    print: "In các thẻ",
    printCheck: "Trước khi in",
  },
} as const;

export type Lang = keyof typeof WORDS;

/** Adds a device with a name, a method and a From address; its row. */
export async function addDevice(page: Page, lang: Lang, values: { name: string; method: string; from: string }) {
  const w = WORDS[lang];
  await page.getByRole("button", { name: w.add }).click();
  const device = page.locator("article.device").last();
  await device.getByLabel(w.name).fill(values.name);
  await device.getByLabel(w.method).selectOption(values.method);
  await device.getByLabel(w.from).fill(values.from);
  return device;
}

/** The JSON export of the list as it is. */
export async function exportedJson(page: Page) {
  const href = (await page.locator('a[download$=".json"]').getAttribute("href")) ?? "";
  return JSON.parse(decodeURIComponent(href.replace("data:application/json;charset=utf-8,", "")));
}

/** The names of the devices (or applications) in the list, in order. */
export async function deviceNames(page: Page, _lang?: Lang): Promise<string[]> {
  const fields = page.locator('article.device input[id$="-device"]');
  return fields.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
}

/** Whether the element with `id` has the focus. */
export async function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? "");
}
