// Issue #16, the hand-offs between a card and the DNS check: a card opens the check with
// its domain, address and method, and the check's "Add to a device card" fills that card
// back (review X-3: it appended a nameless device at the bottom, left the page at the top,
// said nothing). Without a card to come back to it asks which; under a sub-path it stays
// there and survives a reload. The planner's link makes a card of its method.

import { test, expect, type Page } from "./fixtures";
import { siteUrl, subPathUrl, withDoh } from "./site";
import { finished } from "./check-page";
import { addDevice, deviceNames, expectNoAxeViolations, WORDS, type Lang } from "./inventory-page";

const MX = "mxclassic-test01b.mail.protection.outlook.com";

const TEXT = {
  en: {
    smartHost: /Smart host/,
    filled: `The card "Canon warehouse" now has the DNS check's values: smart host ${MX}, method SMTP relay, IP connector.`,
    ask: `Which card should get the DNS check's values (smart host ${MX}, method SMTP relay, IP connector)?`,
    fillFirst: 'Fill card 1, "Reception printer"',
    cardsTitle: "Device config cards",
  },
  vi: {
    smartHost: /Smart host/,
    filled: `Thẻ "Canon warehouse" đã nhận các giá trị từ Kiểm tra DNS: smart host ${MX}, phương thức gửi SMTP relay qua connector IP.`,
    ask: `Thẻ nào sẽ nhận các giá trị từ Kiểm tra DNS (smart host ${MX}, phương thức gửi SMTP relay qua connector IP)?`,
    fillFirst: 'Điền vào thẻ 1, "Reception printer"',
    cardsTitle: "Thẻ cấu hình thiết bị",
  },
};

/** Two devices: a printer, then the warehouse scanner whose DNS gets checked. */
async function twoDevices(page: Page, lang: Lang) {
  await addDevice(page, lang, { name: "Reception printer", method: "direct-send", from: "printer@contoso.com" });
  const canon = await addDevice(page, lang, { name: "Canon warehouse", method: "relay-ip", from: "scan@mx-classic.test" });
  await canon.getByLabel(lang === "en" ? "Public IP it sends from" : "IP công cộng mà thiết bị dùng để gửi thư").fill("198.51.100.7");
  return canon;
}

for (const lang of ["en", "vi"] as const) {
  for (const width of [1366, 390]) {
    test.describe(`${lang} at ${width} px`, () => {
      test.use({ viewport: { width, height: 800 } });

      test("a card checks its DNS, and the check fills that card back, scrolls to it, focuses it and says so", async ({ page }) => {
        const t = TEXT[lang];
        await page.goto(siteUrl(`cards/?lang=${lang}`));
        const canon = await twoDevices(page, lang);

        const check = canon.getByRole("link", { name: WORDS[lang].checkDns });
        const href = new URL((await check.getAttribute("href")) ?? "", page.url());
        expect(href.pathname).toBe("/check/");
        expect(Object.fromEntries(href.searchParams)).toEqual({
          lang,
          domain: "mx-classic.test",
          ip: "198.51.100.7",
          method: "relay-ip",
          cloud: "worldwide",
          card: "1",
          card_name: "Canon warehouse",
        });
        // The test stack's resolver, as a reader's settings would give it.
        await page.goto(withDoh(href.toString()));
        await finished(page);
        await page.getByRole("link", { name: WORDS[lang].addToCard }).click();

        await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.cardsTitle);
        await expect(page.locator("#cards-status")).toHaveText(t.filled);
        expect(await deviceNames(page, lang)).toEqual(["Reception printer", "Canon warehouse"]);
        const filled = page.locator("article.device").nth(1);
        await expect(filled.getByLabel(t.smartHost)).toHaveValue(MX);
        await expect(filled).toBeFocused();
        await expect(filled).toBeInViewport();
        // The other card is untouched, and the link's values have left the address.
        await expect(page.locator("article.device").first().getByLabel(t.smartHost)).toHaveValue("");
        expect(new URL(page.url()).searchParams.get("card")).toBeNull();
        expect(new URL(page.url()).searchParams.get("add")).toBeNull();
        await expectNoAxeViolations(page);
      });
    });
  }

  test(`${lang}: a link that names no card asks which one, by keyboard`, async ({ page }) => {
    const t = TEXT[lang];
    await page.goto(siteUrl(`cards/?lang=${lang}`));
    await twoDevices(page, lang);
    await page.goto(withDoh(siteUrl(`check/?lang=${lang}&domain=mx-classic.test&method=relay-ip`)));
    await finished(page);
    await page.getByRole("link", { name: WORDS[lang].addToCard }).click();

    const question = page.getByRole("region", { name: t.ask });
    await expect(question).toBeVisible();
    await expect(page.locator("#handoff-heading")).toBeFocused();
    expect(await deviceNames(page, lang)).toEqual(["Reception printer", "Canon warehouse"]);
    await expectNoAxeViolations(page);
    await page.keyboard.press("Tab");
    await expect(question.getByRole("button", { name: t.fillFirst })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(question).toHaveCount(0);
    expect(await deviceNames(page, lang)).toEqual(["Reception printer", "Canon warehouse"]);
    const first = page.locator("article.device").first();
    await expect(first.getByLabel(t.smartHost)).toHaveValue(MX);
    await expect(first).toBeFocused();
    // A reload neither asks again nor adds a device.
    await page.reload();
    await expect(page.locator("article.device")).toHaveCount(2);
    await expect(page.getByRole("region", { name: t.ask })).toHaveCount(0);
  });
}

test("under a sub-path, Add to a device card lands on the Cards screen there, and a reload keeps it", async ({ page }) => {
  await page.goto(subPathUrl(withDoh("check/?domain=mx-classic.test&method=direct-send")));
  await finished(page);
  await page.getByRole("link", { name: "Add to a device card" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Device config cards");
  expect(new URL(page.url()).pathname).toBe("/tools/smarthost/cards/");
  await expect(page.locator("#cards-status")).toContainText(`smart host ${MX}`);
  await expect(page.locator("article.device")).toBeFocused();
  const response = await page.reload();
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Device config cards");
  await expect(page.locator("article.device")).toHaveCount(1);
  await expect(page.locator("article.device").getByLabel(/Smart host/)).toHaveValue(MX);
});

test("the planner's link makes a new card of its method, cloud and sender, in both languages", async ({ page }) => {
  await page.goto(siteUrl("cards/"));
  await twoDevices(page, "en");
  await page.goto(siteUrl("cards/?add=1&method=client-submission&cloud=gcc-high&client=application"));
  await expect(page.locator("#cards-status")).toHaveText(
    "A new card was added for SMTP AUTH client submission. Give it a name and a From address.",
  );
  const made = page.locator("article.device").last();
  await expect(page.locator("article.device")).toHaveCount(3);
  await expect(made).toBeFocused();
  await expect(made.getByLabel("Sending method")).toHaveValue("client-submission");
  await expect(made.getByLabel("Microsoft 365 cloud")).toHaveValue("gcc-high");
  await expect(made.getByLabel("What is sending?")).toHaveValue("application");
  await expect(made.getByLabel(/Smart host: the card fills in outlook\.office365\.us/)).toBeVisible();
  expect(new URL(page.url()).search).toBe("");
  await page.goto(siteUrl("cards/?lang=vi&add=1&method=relay-ip&cloud=worldwide&client=device"));
  await expect(page.locator("#cards-status")).toHaveText(
    "Đã thêm một thẻ mới cho SMTP relay qua connector IP. Hãy đặt tên và nhập địa chỉ người gửi (From) cho nó.",
  );
  await expect(page.locator("article.device")).toHaveCount(4);
  expect(new URL(page.url()).searchParams.get("lang")).toBe("vi");
});
