// Issue #16, the device inventory: an import asks whether to add to the list or replace
// it, names what each choice loses and what it cannot read, and can be undone (review
// J3-1, J3-6); a new device is not red before anything is typed (J3-8); the smart host
// label and the user name follow the method (J3-7); exports share one name, a copy is
// named as one, and Remove can be undone.

import { test, expect, type Page } from "./fixtures";
import { siteUrl } from "./site";
import { addDevice, deviceNames, exportedJson, expectNoAxeViolations, focusedId, WORDS, type Lang } from "./inventory-page";

const FILE = `# smarthost device inventory
version = 1

[[devices]]
name = "Reception printer"
method = "direct-send"
from = "printer@contoso.com"
smart_host = "contoso-com.mail.protection.outlook.com"

[[devices]]
name = "Canon warehouse"
method = "relay-ipx"
from = "scan@contoso.com"

[[devices]]
name = "Billing app"
method = "client-submission"
client = "application"
from = "billing@contoso.com"
`;

const TEXT = {
  en: {
    choose: "The file holds 3 devices. How should they join the 1 devices of this list?",
    add: "Add them to the list (1 → 4 devices)",
    replace: "Replace the list (1 → 3 devices)",
    removes: 'device 1 "Existing device I care about": not in the file, so replacing the list removes it',
    unknown: "Canon warehouse: unknown method relay-ipx; choose its sending method on its card",
    replaced: "The list was replaced by the file's 3 devices.",
    undo: "Undo the import",
    undone: "Import undone: the list is back to its 1 devices.",
    added: "3 devices added; the list now has 4.",
    imported: "3 devices imported.",
  },
  vi: {
    choose: "Tệp có 3 thiết bị. Bạn muốn ghép chúng với 1 thiết bị trong danh sách này như thế nào?",
    add: "Thêm vào danh sách (1 → 4 thiết bị)",
    replace: "Thay thế danh sách (1 → 3 thiết bị)",
    removes: 'thiết bị 1 "Existing device I care about": không có trong tệp, nên thay thế danh sách sẽ xóa thiết bị này',
    unknown: "Canon warehouse: không rõ phương thức gửi relay-ipx; hãy chọn phương thức gửi trên thẻ của thiết bị",
    replaced: "Danh sách đã được thay bằng 3 thiết bị trong tệp.",
    undo: "Hoàn tác lần nhập",
    undone: "Đã hoàn tác lần nhập: danh sách trở lại 1 thiết bị như trước.",
    added: "Đã thêm 3 thiết bị; danh sách hiện có 4 thiết bị.",
    imported: "Đã nhập 3 thiết bị.",
  },
};

const existing = { name: "Existing device I care about", method: "direct-send", from: "desk@contoso.com" };

async function openImport(page: Page, lang: Lang) {
  await page.getByText(WORDS[lang].importOpen).click();
}

async function pasteFile(page: Page, lang: Lang) {
  await page.getByLabel(WORDS[lang].paste).fill(FILE);
  await page.getByRole("button", { name: WORDS[lang].importButton, exact: true }).click();
}

for (const lang of ["en", "vi"] as const) {
  for (const width of [1366, 390]) {
    test.describe(`${lang} at ${width} px`, () => {
      test.use({ viewport: { width, height: 900 } });

      test("an import asks add or replace, names what replacing removes and what it cannot read, and is undone", async ({ page }) => {
        const t = TEXT[lang];
        await page.goto(siteUrl(`cards/?lang=${lang}`));
        await addDevice(page, lang, existing);
        await openImport(page, lang);
        await pasteFile(page, lang);

        // Nothing changed yet: the list waits for the reader's choice.
        const choice = page.getByRole("group", { name: t.choose });
        await expect(choice).toBeVisible();
        expect(await deviceNames(page, lang)).toEqual([existing.name]);
        await expect(choice.getByRole("button", { name: t.add })).toBeVisible();
        await expect(choice.getByRole("button", { name: t.replace })).toBeVisible();
        await expect(choice.locator(".import-option").nth(1)).toContainText(t.removes);
        await expect(choice).toContainText(t.unknown);
        await expectNoAxeViolations(page);

        await choice.getByRole("button", { name: t.replace }).click();
        const status = page.locator("#import-status");
        await expect(status).toHaveText(t.replaced);
        await expect(page.locator(".import-result")).toContainText(t.unknown);
        expect(await deviceNames(page, lang)).toEqual(["Reception printer", "Canon warehouse", "Billing app"]);
        await expectNoAxeViolations(page);

        await page.getByRole("button", { name: t.undo }).click();
        await expect(status).toHaveText(t.undone);
        expect(await deviceNames(page, lang)).toEqual([existing.name]);
        await expect(page.getByRole("button", { name: t.undo })).toHaveCount(0);
        // Undone in this browser's saved list too.
        await page.reload();
        await expect(page.locator("article.device")).toHaveCount(1);
      });
    });
  }

  test(`${lang}: adding by keyboard keeps the list and puts the file's devices after it`, async ({ page }) => {
    const t = TEXT[lang];
    await page.goto(siteUrl(`cards/?lang=${lang}`));
    await addDevice(page, lang, existing);
    await openImport(page, lang);
    await pasteFile(page, lang);
    // The question takes the focus; the first choice is one Tab away.
    await expect.poll(() => focusedId(page)).toBe("import-choice-heading");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: t.add })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("#import-status")).toHaveText(t.added);
    expect(await deviceNames(page, lang)).toEqual([existing.name, "Reception printer", "Canon warehouse", "Billing app"]);
    // The button that was pressed is gone: the result line has the focus.
    await expect.poll(() => focusedId(page)).toBe("import-status");
  });

  test(`${lang}: a file into an empty list imports at once and names the device it cannot use`, async ({ page }) => {
    const t = TEXT[lang];
    await page.goto(siteUrl(`cards/?lang=${lang}`));
    await openImport(page, lang);
    await page.getByLabel(WORDS[lang].file).setInputFiles({
      name: "smarthost-devices.toml",
      mimeType: "application/toml",
      buffer: Buffer.from(FILE, "utf8"),
    });
    await expect(page.locator("#import-status")).toHaveText(t.imported);
    await expect(page.locator(".import-result")).toContainText(t.unknown);
    await expect(page.locator(".import-choice")).toHaveCount(0);
    expect(await deviceNames(page, lang)).toHaveLength(3);
    await expectNoAxeViolations(page);
  });
}

test("export, import into an empty list, export again: byte-identical", async ({ page, browser }) => {
  await page.goto(siteUrl("cards/"));
  await openImport(page, "en");
  await pasteFile(page, "en");
  // The import runs once Cards' tools have loaded (src/later.rs).
  await expect(page.locator("#import-status")).toHaveText("3 devices imported.");
  const json = await page.locator('a[download$=".json"]').getAttribute("href");
  const toml = await page.locator('a[download$=".toml"]').getAttribute("href");
  const text = decodeURIComponent((toml ?? "").replace("data:application/toml;charset=utf-8,", ""));
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(siteUrl("cards/"));
  await openImport(other, "en");
  await other.getByLabel(WORDS.en.paste).fill(text);
  await other.getByRole("button", { name: "Import", exact: true }).click();
  await expect(other.locator("#import-status")).toHaveText("3 devices imported.");
  expect(await other.locator('a[download$=".json"]').getAttribute("href")).toBe(json);
  expect(await other.locator('a[download$=".toml"]').getAttribute("href")).toBe(toml);
  await fresh.close();
});

for (const lang of ["en", "vi"] as const) {
  const words = {
    en: {
      nameError: "Enter a name for the device, for example Reception printer",
      methodError: "Choose a sending method.",
      fixed: "Smart host: the card fills in smtp.office365.com",
      relay: "Your relay's address (the server the device sends to)",
      mx: "Smart host (your MX host, from the DNS check)",
      username: "Sign-in user name (if left empty, the card uses the sending address)",
      copy: "Ricoh 2nd floor (copy)",
      removed: 'Removed "Ricoh 2nd floor".',
      undoRemove: 'Undo: bring "Ricoh 2nd floor" back',
      restored: '"Ricoh 2nd floor" is back in the list.',
    },
    vi: {
      nameError: "Hãy nhập một tên cho thiết bị, ví dụ Máy in quầy lễ tân",
      methodError: "Hãy chọn một phương thức gửi.",
      fixed: "Smart host: thẻ tự điền smtp.office365.com",
      relay: "Địa chỉ máy chủ chuyển tiếp của bạn (máy chủ mà thiết bị gửi thư tới)",
      mx: "Smart host (máy chủ MX của bạn, lấy từ công cụ Kiểm tra DNS)",
      username: "Tên đăng nhập (để trống: dùng địa chỉ From)",
      copy: "Ricoh 2nd floor (bản sao)",
      removed: 'Đã xóa "Ricoh 2nd floor".',
      undoRemove: 'Hoàn tác: lấy lại "Ricoh 2nd floor"',
      restored: '"Ricoh 2nd floor" đã trở lại danh sách.',
    },
  }[lang];

  test(`${lang}: a new device shows an error once a field is left, capitalised, and all of them on print`, async ({ page }) => {
    await page.goto(siteUrl(`cards/?lang=${lang}`));
    await page.getByRole("button", { name: WORDS[lang].add }).click();
    const device = page.locator("article.device");
    const errors = device.locator(".field-error");
    // The new device's name field has the focus, and nothing is red yet.
    await expect(device.getByLabel(WORDS[lang].name)).toBeFocused();
    await expect(errors.filter({ hasText: /./ })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.keyboard.press("Tab");
    const name = device.getByLabel(WORDS[lang].name);
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(device.locator(`#${await name.getAttribute("aria-describedby")}`)).toHaveText(words.nameError);
    await expect(errors.filter({ hasText: /./ })).toHaveCount(1);
    // Printing shows what every field still needs: the app's own Print button, which
    // opens its check (nothing can print yet), not the browser's print event.
    const method = device.getByLabel(WORDS[lang].method);
    const methodError = device.locator(`#${await method.getAttribute("aria-describedby")}`);
    await expect(methodError).toHaveText("");
    await page.getByRole("button", { name: WORDS[lang].print, exact: true }).click();
    await expect(page.getByRole("heading", { name: WORDS[lang].printCheck })).toBeFocused();
    await expect(methodError).toHaveText(words.methodError);
    for (const text of await errors.filter({ hasText: /./ }).allInnerTexts()) {
      expect(text.charAt(0), text).toBe(text.charAt(0).toLocaleUpperCase("vi"));
    }
  });

  test(`${lang}: the smart host label and the user name follow the method`, async ({ page }) => {
    await page.goto(siteUrl(`cards/?lang=${lang}`));
    const device = await addDevice(page, lang, { name: "Ricoh 2nd floor", method: "client-submission", from: "scan@contoso.com" });
    await expect(device.getByLabel(words.fixed)).toBeVisible();
    await device.getByLabel(words.username).fill("svc-scan@contoso.com");
    await expect(page.locator(".device-card")).toContainText("svc-scan@contoso.com");
    expect((await exportedJson(page)).devices[0].username).toBe("svc-scan@contoso.com");
    await device.getByLabel(words.username).fill("");
    await device.getByLabel(WORDS[lang].method).selectOption("onprem-relay");
    await expect(device.getByLabel(words.relay)).toBeVisible();
    await expect(device.getByLabel(words.username)).toHaveCount(0);
    await device.getByLabel(WORDS[lang].method).selectOption("direct-send");
    await expect(device.getByLabel(words.mx)).toBeVisible();
  });

  test(`${lang}: exports share a name, a copy says so, and Remove can be undone`, async ({ page }) => {
    await page.goto(siteUrl(`cards/?lang=${lang}`));
    await addDevice(page, lang, { name: "Ricoh 2nd floor", method: "client-submission", from: "scan@contoso.com" });
    await addDevice(page, lang, { name: "Billing app", method: "client-submission", from: "billing@contoso.com" });
    await expect(page.locator("a[download]")).toHaveCount(2);
    const names = await page.locator("a[download]").evaluateAll((links) => links.map((a) => a.getAttribute("download")));
    expect(names).toEqual(["smarthost-devices.json", "smarthost-devices.toml"]);

    const first = page.locator("article.device").first();
    await first.getByRole("button", { name: WORDS[lang].duplicate }).click();
    expect(await deviceNames(page, lang)).toEqual(["Ricoh 2nd floor", words.copy, "Billing app"]);

    await first.getByRole("button", { name: WORDS[lang].remove }).click();
    expect(await deviceNames(page, lang)).toEqual([words.copy, "Billing app"]);
    await expect(page.locator("#cards-status")).toHaveText(words.removed);
    const undo = page.getByRole("button", { name: words.undoRemove });
    await expect(undo).toBeFocused();
    await expectNoAxeViolations(page);
    await page.keyboard.press("Enter");
    await expect(page.locator("#cards-status")).toHaveText(words.restored);
    expect(await deviceNames(page, lang)).toEqual(["Ricoh 2nd floor", words.copy, "Billing app"]);
    await expect(page.locator("article.device").first()).toBeFocused();
  });
}
