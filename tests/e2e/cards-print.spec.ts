// Cards on paper and on a phone (issue #16, "Cards and print"): host names wrap only
// between their labels, one card per A6 page whatever its length and language, four
// cards per A4 or Letter sheet, and a print that says what it leaves out.
import { test, expect, type Locator, type Page } from "./fixtures";
import { lineBoxes, expectWholeLabels } from "./line-boxes";
import AxeBuilder from "@axe-core/playwright";
import { siteUrl } from "./site";
import { pdfPages, PT_PER_MM, squash } from "./pdf";

type Lang = "en" | "vi";
interface Device {
  name: string;
  method: string;
  from: string;
  cloud?: string;
  client?: string;
  location?: string;
  model?: string;
  smart_host?: string;
  ip?: string;
  username?: string;
}

/** Opens the Cards screen with `devices` saved in this browser, window.print counted. */
async function openCards(page: Page, devices: Device[], lang: Lang = "en", layout = "a6") {
  await page.addInitScript(() => {
    (window as unknown as { prints: number }).prints = 0;
    // On the prototype too, whichever way the app reaches it.
    Window.prototype.print = function () {
      (window as unknown as { prints: number }).prints += 1;
    };
    window.print = Window.prototype.print;
  });
  await page.goto(siteUrl("cards/"));
  const inventory = JSON.stringify({ version: 1, devices: devices.map((d) => ({ cloud: "worldwide", ...d })) });
  await page.evaluate(
    ([text, chosen]) => {
      localStorage.setItem("smarthost.inventory", text);
      localStorage.setItem("smarthost.print-layout", chosen);
    },
    [inventory, layout],
  );
  await page.goto(siteUrl(`cards/?lang=${lang}`));
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
}

const prints = (page: Page) => page.evaluate(() => (window as unknown as { prints: number }).prints);

/** Waits until each printable card has been measured against its page. */
async function fitted(page: Page, cards: number) {
  await expect(page.locator(".card-sheet .paper-card")).toHaveCount(cards);
  await expect(page.locator(".card-sheet .paper-card:not([data-fit])")).toHaveCount(0);
}

const MX = "contoso-com.mail.protection.outlook.com";
const LONG_RELAY = "smtp-relay-01.branch-office.da-nang.north-region.contoso-international-holdings.example.com";
const LOCATION_VI = "Văn phòng Đà Nẵng, tầng 2, phòng kế toán";

const ricoh: Device = { name: "Ricoh 2nd floor", method: "direct-send", from: "scanner@contoso.com", smart_host: MX };
const relay: Device = { name: "Relay printer", method: "onprem-relay", from: "printer@contoso.com", smart_host: LONG_RELAY };

async function axe(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  expect(results.violations).toEqual([]);
}

/** The smart host's value on a card (the dd after the Smart host label). */
const hostValue = (card: Locator, host: string) =>
  card.locator("dd", { hasText: new RegExp(`^${host.replace(/[.]/g, "\\.")}$`) });

for (const lang of ["en", "vi"] as const) {
  for (const width of [1366, 390]) {
    test(`${lang} at ${width} px: a host name on a card wraps only after a dot or a hyphen, on screen and on paper`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await openCards(page, [ricoh, relay], lang);
      const cards = page.locator(".device-list .device-card");
      await expect(cards).toHaveCount(2);
      for (const [at, host] of [[0, MX], [1, LONG_RELAY]] as const) {
        const value = hostValue(cards.nth(at), host);
        const lines = await lineBoxes(value);
        expectWholeLabels(lines, host);
        if (width === 390) {
          // J3-2: the rows take the card's width, not a column beside the QR code.
          const [valueBox, cardBox] = [await value.boundingBox(), await cards.nth(at).boundingBox()];
          expect(valueBox!.width).toBeGreaterThan(cardBox!.width * 0.75);
          expect(Math.min(...lines.slice(0, -1).map((l) => l.length))).toBeGreaterThanOrEqual(host === MX ? 12 : 8);
        }
      }
      // The long relay host does wrap somewhere at this width, so the test means something.
      expect((await lineBoxes(hostValue(cards.nth(1), LONG_RELAY))).length).toBeGreaterThan(1);
      await axe(page);

      await page.emulateMedia({ media: "print" });
      await fitted(page, 2);
      const paper = page.locator(".card-sheet .paper-card");
      for (const [at, host] of [[0, MX], [1, LONG_RELAY]] as const) {
        expectWholeLabels(await lineBoxes(hostValue(paper.nth(at), host)), host);
      }
      expect((await lineBoxes(hostValue(paper.nth(1), LONG_RELAY))).length).toBeGreaterThan(1);
      const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true }));
      expect(pages).toHaveLength(2);
      expect(pages[0].text).toContain(MX);
      expect(pages[1].text).toContain(LONG_RELAY);
    });
  }
}

// The hot path: typing in one device draws and measures that device's printed card
// alone. The other cards keep their DOM nodes (their QR codes are not encoded again) and
// are not touched at all, their fitted type size included.
test("typing in one device redraws and refits its printed card only; the others keep their nodes untouched", async ({ page }) => {
  await openCards(page, [ricoh, { ...ricoh, name: "Ricoh 3rd floor" }, relay]);
  await fitted(page, 3);
  await page.evaluate(() => {
    const w = window as unknown as { sheet: Element[]; previews: Element[]; changes: number[] };
    w.sheet = Array.from(document.querySelectorAll(".card-sheet .paper-card"));
    w.previews = Array.from(document.querySelectorAll(".device-list .device-card"));
    w.changes = w.sheet.map(() => 0);
    w.sheet.forEach((card, at) =>
      new MutationObserver((records) => {
        w.changes[at] += records.length;
      }).observe(card, { attributes: true, childList: true, subtree: true, characterData: true }),
    );
  });
  const name = page.locator("article.device").nth(1).getByLabel("Device name");
  await name.press("End");
  await name.pressSequentially(" west");
  await expect(page.locator(".card-sheet .paper-card h2")).toHaveText(["Ricoh 2nd floor", "Ricoh 3rd floor west", "Relay printer"]);
  await fitted(page, 3);
  const after = await page.evaluate(() => {
    const w = window as unknown as { sheet: Element[]; previews: Element[]; changes: number[] };
    const sheet = Array.from(document.querySelectorAll(".card-sheet .paper-card"));
    const previews = Array.from(document.querySelectorAll(".device-list .device-card"));
    return {
      sheet: sheet.map((card, at) => card === w.sheet[at]),
      previews: previews.map((card, at) => card === w.previews[at]),
      changes: w.changes,
    };
  });
  // The untouched cards are the same nodes, on paper and on screen, and nothing in them
  // changed (a refit would set their --fit and data-fit again); the edited one did.
  expect([after.sheet[0], after.sheet[2]]).toEqual([true, true]);
  expect([after.previews[0], after.previews[2]]).toEqual([true, true]);
  expect([after.changes[0], after.changes[2]]).toEqual([0, 0]);
  expect(after.changes[1]).toBeGreaterThan(0);
  // The edited card was measured again: it has its size like the others.
  await expect(page.locator(".card-sheet .paper-card").nth(1)).toHaveAttribute("data-fit", /^[01]/);
});

// Values at the validation limits of core: names, locations and models of 80
// characters, From addresses and sign-in names of 254, the longest Microsoft MX host.
const repeatTo = (text: string, length: number) => text.repeat(Math.ceil(length / text.length)).slice(0, length).trimEnd();
const label = (n: number) => "x".repeat(n);
// 64 + 1 + 189 = 254 characters, the longest address core accepts.
const LONG_FROM = `${"s".repeat(40)}.${"c".repeat(23)}@${label(40)}.${label(40)}.${label(40)}.${label(40)}.${label(25)}`;
const LONG_MX = (cloud: string) =>
  `${label(40)}-${label(22)}.mail.protection.${cloud === "gcc-high" || cloud === "dod" ? "office365.us" : "outlook.com"}`;

function longest(method: string, cloud: string, client: string): Device {
  const name = repeatTo(`${method} ${cloud} ${client} Máy in đa chức năng tầng 2 `, 80);
  return {
    name,
    method,
    cloud,
    client,
    from: LONG_FROM,
    username: LONG_FROM,
    location: repeatTo(`${LOCATION_VI}, `, 80),
    model: repeatTo("Canon imageRUNNER ADVANCE DX C5870i ", 80),
    smart_host: method === "onprem-relay" ? `${label(60)}.${label(60)}.${label(60)}.${label(60)}.example` : LONG_MX(cloud),
    ip: "192.0.2.10",
  };
}

const METHODS = ["direct-send", "relay-ip", "relay-cert", "client-submission", "hve", "acs", "onprem-relay", "graph-api"];

test.describe("each card fits its page", () => {
  test.setTimeout(90_000);

  for (const lang of ["en", "vi"] as const) {
    test(`${lang}: five devices print on five A6 pages, the IP connector card whole`, async ({ page }) => {
      const devices: Device[] = [
        { ...ricoh, location: LOCATION_VI, model: "Ricoh IM C3000" },
        { name: "Canon kho hàng", method: "relay-ip", from: "canon@contoso.com", ip: "198.51.100.7", location: LOCATION_VI, model: "Canon iR-ADV C5870i" },
        { name: "Xerox lễ tân", method: "client-submission", from: "xerox@contoso.com", location: LOCATION_VI },
        { name: "Ứng dụng hóa đơn", method: "client-submission", client: "application", from: "billing@contoso.com", cloud: "gcc-high", location: LOCATION_VI },
        { ...relay, location: LOCATION_VI },
      ];
      await openCards(page, devices, lang);
      await page.emulateMedia({ media: "print" });
      await fitted(page, devices.length);
      await expectEveryCardInItsCell(page);
      const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true }));
      expect(pages).toHaveLength(devices.length);
      for (const p of pages) {
        expect(p.width).toBeCloseTo(148 * PT_PER_MM, 0);
        expect(p.height).toBeCloseTo(105 * PT_PER_MM, 0);
      }
      await expectEveryValueOnItsPage(page, pages.map((p) => p.text));
    });
  }

  for (const [layout, perPage, mm] of [
    ["a6", 1, [148, 105]],
    ["a4", 4, [210, 297]],
    ["letter", 4, [215.9, 279.4]],
  ] as const) {
    for (const lang of ["en", "vi"] as const) {
      test(`${lang}, ${layout}: the longest card of every method, cloud and sender is never split or cut`, async ({ page }) => {
        const devices = METHODS.flatMap((method) => [
          longest(method, "worldwide", "device"),
          longest(method, "gcc-high", "application"),
        ]);
        await openCards(page, devices, lang, layout);
        await expect(page.locator(".device-list .device-card")).toHaveCount(devices.length);
        await page.emulateMedia({ media: "print" });
        await fitted(page, devices.length);
        await expectEveryCardInItsCell(page);
        const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true }));
        expect(pages).toHaveLength(Math.ceil(devices.length / perPage));
        for (const p of pages) {
          expect(p.width).toBeCloseTo(mm[0] * PT_PER_MM, 0);
          expect(p.height).toBeCloseTo(mm[1] * PT_PER_MM, 0);
        }
        await expectEveryValueOnItsPage(page, pages.map((p) => p.text), perPage);
      });
    }
  }
});

/** In print layout, each card's box lies inside its cell, and the cell inside its page. */
async function expectEveryCardInItsCell(page: Page) {
  const overflows = await page.locator(".card-sheet .sheet-cell").evaluateAll((cells) =>
    cells.flatMap((cell, at) => {
      const card = cell.firstElementChild!.getBoundingClientRect();
      const box = cell.getBoundingClientRect();
      const pageBox = cell.parentElement!.getBoundingClientRect();
      const inside = (a: DOMRect, b: DOMRect) =>
        a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5 && a.left >= b.left - 0.5 && a.right <= b.right + 0.5;
      return inside(card, box) && inside(box, pageBox) ? [] : [at];
    }),
  );
  expect(overflows).toEqual([]);
}

/** Every value of card n (its name and each row) is in the text of its page. */
async function expectEveryValueOnItsPage(page: Page, texts: string[], perPage = 1) {
  const cards = await page.locator(".card-sheet .paper-card").evaluateAll((cards) =>
    cards.map((card) => [card.querySelector("h2")!.textContent!, ...Array.from(card.querySelectorAll("dt, dd"), (el) => el.textContent!)]),
  );
  cards.forEach((values, at) => {
    const text = texts[Math.floor(at / perPage)];
    for (const value of values) expect(text, `card ${at + 1}`).toContain(squash(value));
  });
}

test.describe("sheets", () => {
  for (const [label, id, mm] of [
    ["Four cards per A4 sheet, with cut lines", "a4", [210, 297]],
    ["Four cards per Letter sheet, with cut lines", "letter", [215.9, 279.4]],
  ] as const) {
    test(`"${label}" puts four cards on each page, two by two, and is remembered`, async ({ page }) => {
      const names = Array.from({ length: 6 }, (_, i) => `Printer ${i + 1}`);
      await openCards(page, names.map((name) => ({ ...ricoh, name })));
      await page.getByLabel("Print layout").selectOption({ label });
      await page.reload();
      await expect(page.getByLabel("Print layout")).toHaveValue(id);
      await page.emulateMedia({ media: "print" });
      await fitted(page, names.length);
      // Two by two: the cells of a page tile two columns and two rows of equal size.
      const grid = await page.locator(".card-sheet .sheet-page").first().evaluate((sheet) =>
        Array.from(sheet.children, (cell) => {
          const r = cell.getBoundingClientRect();
          return [Math.round(r.left - sheet.getBoundingClientRect().left), Math.round(r.top - sheet.getBoundingClientRect().top), Math.round(r.width), Math.round(r.height)];
        }),
      );
      expect(grid).toHaveLength(4);
      const [w, h] = [grid[0][2], grid[0][3]];
      expect(grid).toEqual([[0, 0, w, h], [w, 0, w, h], [0, h, w, h], [w, h, w, h]]);
      await expectEveryCardInItsCell(page);
      const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true }));
      expect(pages).toHaveLength(2);
      for (const p of pages) {
        expect(p.width).toBeCloseTo(mm[0] * PT_PER_MM, 0);
        expect(p.height).toBeCloseTo(mm[1] * PT_PER_MM, 0);
      }
      expect(names.filter((n) => pages[0].text.includes(squash(n)))).toEqual(names.slice(0, 4));
      expect(names.filter((n) => pages[1].text.includes(squash(n)))).toEqual(names.slice(4));
      for (const p of pages) {
        const onPage = names.filter((n) => p.text.includes(squash(n))).length;
        expect(p.text.split("Smarthost" + MX).length - 1).toBe(onPage);
      }
    });
  }
});

const WORDS = {
  en: {
    print: "Print the cards",
    anyway: "Print anyway",
    cancel: "Cancel",
    check: "Before printing",
    nothing: "Nothing to print: add a device first.",
    nothingValid: "Nothing to print: no device has a card yet.",
    leftOut: "Left out of the print, because the card cannot be made:",
    noHost: "No smart host yet, so these cards cannot be typed into the device: Ricoh no host",
    unnamed: "Device without a name",
    test: "Test-NetConnection<MXhost>-Port25",
  },
  vi: {
    print: "In các thẻ",
    anyway: "Vẫn in",
    cancel: "Hủy",
    check: "Trước khi in",
    nothing: "Không có gì để in: hãy thêm một thiết bị trước.",
    nothingValid: "Không có gì để in: chưa thiết bị nào có thẻ.",
    leftOut: "Không được in vì chưa tạo được thẻ:",
    noHost: "Chưa có smart host nên chưa thể nhập các thẻ này vào thiết bị: Ricoh no host",
    unnamed: "Thiết bị chưa đặt tên",
    test: "Test-NetConnection<máychủMX>-Port25",
  },
} as const;

test.describe("what a print leaves out", () => {
  for (const lang of ["en", "vi"] as const) {
    const w = WORDS[lang];

    test(`${lang}: with no devices, Print says there is nothing to print and prints nothing`, async ({ page }) => {
      await openCards(page, [], lang);
      await page.getByRole("button", { name: w.print }).click();
      await expect(page.getByRole("heading", { name: w.check })).toBeFocused();
      await expect(page.getByRole("status").filter({ hasText: w.nothing })).toBeVisible();
      await expect(page.getByRole("button", { name: w.anyway })).toHaveCount(0);
      await axe(page);
      expect(await prints(page)).toBe(0);
    });

    test(`${lang}: with only invalid devices, Print names them and why, and prints nothing`, async ({ page }) => {
      await openCards(page, [
        { name: "Canon warehouse", method: "relay-ipx", from: "canon@contoso.com" },
        { name: "", method: "direct-send", from: "scanner@contoso.com" },
      ], lang);
      await page.getByRole("button", { name: w.print }).click();
      const check = page.locator(".print-check");
      await expect(check.getByRole("status")).toContainText(w.nothingValid);
      await expect(check).toContainText(w.leftOut);
      const items = check.locator(".print-left-out li");
      await expect(items).toHaveCount(2);
      await expect(items.nth(0)).toContainText(/^Canon warehouse: \S/);
      await expect(items.nth(1)).toContainText(new RegExp(`^${w.unnamed}: \\S`));
      await expect(page.getByRole("button", { name: w.anyway })).toHaveCount(0);
      await axe(page);
      expect(await prints(page)).toBe(0);
      // And nothing is on paper either: no card, no blank page of one.
      await expect(page.locator(".card-sheet .sheet-page")).toHaveCount(0);
    });

    test(`${lang}: left-out devices and cards without a smart host are named first; Cancel or Print anyway, by keyboard`, async ({ page }) => {
      await openCards(page, [
        ricoh,
        { name: "Canon warehouse", method: "relay-ipx", from: "canon@contoso.com" },
        { name: "Ricoh no host", method: "direct-send", from: "scanner@contoso.com" },
      ], lang);
      await page.getByRole("button", { name: w.print }).click();
      await expect(page.getByRole("heading", { name: w.check })).toBeFocused();
      const check = page.locator(".print-check");
      await expect(check.locator(".print-left-out li")).toHaveCount(1);
      await expect(check.locator(".print-left-out li")).toContainText("Canon warehouse: ");
      await expect(check.locator(".print-no-host")).toHaveText(w.noHost);
      await axe(page);
      expect(await prints(page)).toBe(0);

      // Cancel closes the check without printing.
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      await expect(page.getByRole("button", { name: w.cancel })).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(check).toHaveCount(0);
      expect(await prints(page)).toBe(0);

      // Print anyway prints the two cards that can be made.
      await page.getByRole("button", { name: w.print }).click();
      await expect(page.getByRole("heading", { name: w.check })).toBeFocused();
      await page.keyboard.press("Tab");
      await expect(page.getByRole("button", { name: w.anyway })).toBeFocused();
      await page.keyboard.press("Enter");
      await expect.poll(() => prints(page)).toBe(1);
      await expect(check).toHaveCount(0);
      await page.emulateMedia({ media: "print" });
      await fitted(page, 2);
      const pages = await pdfPages(await page.pdf({ preferCSSPageSize: true }));
      expect(pages).toHaveLength(2);
      expect(pages.map((p) => p.text).join("")).not.toContain("Canonwarehouse");
      // J1-2: the Test line names the smart host once it is known, keeps the
      // placeholder only on the card that has none.
      expect(pages[0].text).toContain(`Test-NetConnection${MX}-Port25`);
      expect(pages[1].text).toContain(w.test);
    });

    test(`${lang}: when every card prints with its smart host, Print opens the print dialog at once`, async ({ page }) => {
      await openCards(page, [ricoh, { name: "Billing app", method: "client-submission", from: "billing@contoso.com" }], lang);
      await page.getByRole("button", { name: w.print }).click();
      await expect.poll(() => prints(page)).toBe(1);
      await expect(page.locator(".print-check")).toHaveCount(0);
    });
  }
});
