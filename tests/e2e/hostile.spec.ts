// Hostile input in every field a person types into: empty and blank values, control,
// bidirectional and zero-width characters, look-alike letters and digits, markup, very
// long values. Each row says whether the field must accept the value; a refused value
// must get a specific message next to its field that echoes nothing unsafe, the typed
// value must stay in the field (nothing is lost), and no markup may ever run.
//
// The full tables (about 30 values a field) run natively against the same validators in
// crates/core/tests/hostile_fields.rs. Here a few representative rows a field prove the
// wiring: blank, control, markup, bidi, zero-width, over-long, and the field's valid and
// typical wrong values.

import { test, expect, type Locator, type Page } from "./fixtures";
import { siteUrl, withDoh } from "./site";
import { card, finished, openCheck } from "./check-page";

/** What a one-line text input keeps of a pasted value: a line break becomes a space. */
const kept = (value: string) => value.replace(/\r\n|\r|\n/g, " ");

/** Control and bidirectional formatting characters, which a message must never echo. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const HUGE = "9".repeat(100_000);

/** Values every field gets; each field adds its own. */
const COMMON = [
  "",
  "a\u0007b",
  "<script>window.__pwned=1</script>",
  '"><img src=x onerror="window.__pwned=1">',
  "\u202egnp.exe",
  "\u200b",
  HUGE,
];

interface Field {
  name: string;
  /** Opens the screen and gets the field ready for values. */
  open(page: Page): Promise<void>;
  input(page: Page): Locator;
  /** Types the value and does what makes the screen judge it. */
  enter(page: Page, value: string): Promise<void>;
  /** The message about this field, empty or absent when there is none. */
  message(page: Page): Locator;
  extra: string[];
  /** The values the field must accept (`accepted`), or else those it must refuse. */
  accepted?: string[];
  refused?: string[];
  /** A refused value that must still be in the field after a reload. */
  survivesReload?: string;
}

async function newRelayIpDevice(page: Page) {
  await page.goto(siteUrl("cards/"));
  await page.getByRole("button", { name: "Add a device" }).click();
  await page.getByLabel("Sending method").selectOption("relay-ip");
}

const cardField = (label: string | RegExp, id: string) => ({
  open: newRelayIpDevice,
  input: (page: Page) => page.getByLabel(label, { exact: true }),
  // A field's message shows once the field is left (or holds a value).
  async enter(page: Page, value: string) {
    const input = page.getByLabel(label, { exact: true });
    await input.fill(value);
    await input.press("Tab");
  },
  message: (page: Page) => page.locator(`.field-error[id$="-${id}-error"]`),
});

const connectorField = (label: string, field: string, kind: string) => ({
  async open(page: Page) {
    await page.goto(siteUrl(`connector/?kind=${kind}`));
  },
  input: (page: Page) => page.getByLabel(label, { exact: true }),
  async enter(page: Page, value: string) {
    const input = page.getByLabel(label, { exact: true });
    await input.fill(value);
    await input.press("Tab");
  },
  // A mistake shows under its field; an empty required field gets a prompt instead.
  message: (page: Page) =>
    page.locator(`#connector-${field}-error, .connector-prompt[data-field="${field}"]`).filter({ hasText: /\S/ }),
});

const FIELDS: Field[] = [
  {
    name: "device name (Cards)",
    ...cardField("Device name", "device"),
    extra: ["Ricoh 2nd floor", "Máy quét Đà Nẵng", "x".repeat(81)],
    // A name may hold any visible text (it is escaped wherever it is shown); it is
    // refused only when blank, too long, or holding control, direction or zero-width
    // characters.
    refused: ["", "a\u0007b", "\u202egnp.exe", "\u200b", HUGE, "x".repeat(81)],
    survivesReload: "a\u0007b",
  },
  {
    name: "From address (Cards)",
    ...cardField("From address", "from"),
    extra: ["scanner@contoso.com", " Scanner@Contoso.com ", "scanner@", "scanner@\u0441ontoso.com"],
    accepted: ["scanner@contoso.com", " Scanner@Contoso.com "],
    survivesReload: "Scanner <scanner@contoso.com>",
  },
  {
    name: "public IP (Cards)",
    ...cardField("Public IP it sends from", "ip"),
    extra: ["203.0.113.5", " 203.0.113.5 ", "203.0.113.5:25", "2001:db8::1", "203.0.113.256"],
    accepted: ["203.0.113.5", " 203.0.113.5 "],
    survivesReload: "192.168.1.10",
  },
  {
    name: "IP ranges (Connector)",
    ...connectorField("Static public IPv4 addresses or ranges", "ips", "relay-ip"),
    extra: ["203.0.113.0/24", "203.0.113.5", "203.0.113.5, 198.51.100.0/24", "203.0.113.5; 198.51.100.7", "203.0.113.0/33", "2001:db8::/64"],
    accepted: ["203.0.113.0/24", "203.0.113.5", "203.0.113.5, 198.51.100.0/24", "203.0.113.5; 198.51.100.7"],
    survivesReload: "203.0.113.0/23",
  },
  {
    name: "certificate name (Connector)",
    ...connectorField("Certificate subject name", "cert", "relay-cert"),
    extra: ["relay.contoso.com", "*.contoso.com", " Relay.Contoso.com ", "*.com", "re\u0142ay.contoso.com"],
    // A certificate carries an internationalised name in its xn-- form only.
    accepted: ["relay.contoso.com", "*.contoso.com", " Relay.Contoso.com "],
    survivesReload: "*.com",
  },
];

test.describe("hostile input", () => {
  // Each test walks about ten values through a field.
  test.describe.configure({ timeout: 60_000 });

  for (const field of FIELDS) {
    test(`${field.name}: each value accepted or refused with a clear message, and kept`, async ({ page }) => {
      const values = [...COMMON, ...field.extra];
      // The field's own valid and wrong values as well as the common ones.
      expect(field.extra.length).toBeGreaterThanOrEqual(3);
      const listed = field.accepted ?? field.refused ?? [];
      for (const value of listed) expect(values, "a listed value is in the table").toContain(value);
      const accepts = (value: string) => (field.accepted ? field.accepted.includes(value) : !listed.includes(value));
      await field.open(page);
      for (const value of values) {
        const label = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}… (${value.length})` : value);
        await field.enter(page, value);
        await expect(field.input(page), `${label} stays in the field`).toHaveValue(kept(value));
        const message = field.message(page);
        if (accepts(value)) {
          await expect(message.filter({ hasText: /\S/ }), `${label} is accepted`).toHaveCount(0);
        } else {
          // A list field may hold several bad entries, each with its message.
          await expect(message.filter({ hasText: /\S/ }).first(), `${label} is refused`).toBeVisible();
          const text = (await message.allInnerTexts()).join(" | ").trim();
          expect(text.length, `${label}: ${text}`).toBeLessThan(600);
          expect(UNSAFE.test(text), `${label} echoes an unsafe character: ${JSON.stringify(text)}`).toBe(false);
          // A long value is shortened in the message, never copied whole.
          expect(text.includes("x".repeat(60)) || text.includes("9".repeat(60)), `${label}: ${text}`).toBe(false);
        }
      }
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      await expect(page.locator("main script, main img[onerror]")).toHaveCount(0);

      if (field.survivesReload) {
        await field.enter(page, field.survivesReload);
        await page.reload();
        await expect(field.input(page)).toHaveValue(field.survivesReload);
        await expect(field.message(page).filter({ hasText: /\S/ }).first()).toBeVisible();
      }
    });
  }

  test("certificate name in Unicode: the message shows the xn-- name to enter", async ({ page }) => {
    // The browser build converts with the browser's own IDNA (URL parser), not the crate.
    const field = connectorField("Certificate subject name", "cert", "relay-cert");
    await field.open(page);
    const cases: [string, RegExp][] = [
      ["relay.bücher.example", /U\+00FC.*enter relay\.xn--bcher-kva\.example/],
      ["*.Bücher.example", /enter \*\.xn--bcher-kva\.example/],
      ["relay.c\u043entoso.com", /U\+043E.*enter relay\.xn--cntoso-wqf\.com/],
    ];
    for (const [value, expected] of cases) {
      await field.enter(page, value);
      await expect(field.message(page), value).toHaveText(expected);
      await expect(field.input(page)).toHaveValue(value);
    }
    await field.enter(page, "relay.xn--bcher-kva.example");
    await expect(field.message(page)).toHaveCount(0);
  });

  test("DNS check: domain and device IPs", async ({ page }) => {
    await page.goto(siteUrl(withDoh("check/")));
    const domain = page.getByLabel("Email domain", { exact: true });
    const domainError = page.locator("#domain-error");
    const domainValues = [
      ...COMMON,
      "contoso.com",
      " Contoso.COM ",
      "例子.测试",
      "scanner@contoso.com",
      "contoso..com",
      "\u0430\u0440\u0440\u0435.com",
    ];
    // IDNA (UTS #46, the browser's URL parser) maps fullwidth letters to ASCII, drops a
    // zero-width space and turns Cyrillic look-alikes into an xn-- name, which is what
    // the check then shows and queries.
    const domainAccepted = [
      "contoso.com",
      " Contoso.COM ",
      "contoso.com.",
      "例子.测试",
      "ＣＯＮＴＯＳＯ．ＣＯＭ",
      "contoso\u200b.com",
      "\u0430\u0440\u0440\u0435.com",
    ];
    for (const value of domainValues) {
      const label = JSON.stringify(value.slice(0, 40));
      await domain.fill(value);
      await domain.press("Enter");
      // A domain that is checked is shown trimmed, as it was checked.
      const shown = domainAccepted.includes(value) ? kept(value).trim() : kept(value);
      await expect(domain, `${label} stays in the field`).toHaveValue(shown);
      if (domainAccepted.includes(value)) {
        await expect(domain, `${label} is accepted`).toHaveAttribute("aria-invalid", "false");
        await expect(domainError).toHaveText("");
      } else {
        await expect(domain, `${label} is refused`).toHaveAttribute("aria-invalid", "true");
        const text = (await domainError.innerText()).trim();
        expect(text.length, label).toBeGreaterThan(10);
        expect(UNSAFE.test(text), `${label}: ${JSON.stringify(text)}`).toBe(false);
      }
    }

    await domain.fill("contoso.com");
    const ips = page.getByLabel(/^Device public IPs/);
    const ipsError = page.locator("#ips-error");
    const ipValues = [...COMMON, " ", "203.0.113.5", "203.0.113.5, 198.51.100.7", "203.0.113.5;198.51.100.7", "2001:db8::1"];
    const ipsAccepted = ["", " ", "\t", " \u00a0 ", "203.0.113.5", "203.0.113.5, 198.51.100.7", "203.0.113.5;198.51.100.7", "192.168.1.10"];
    for (const value of ipValues) {
      const label = JSON.stringify(value.slice(0, 40));
      await ips.fill(value);
      await ips.press("Enter");
      // A list of only white space is checked as no list, and shown so.
      const shownIps = ipsAccepted.includes(value) && value.trim() === "" ? "" : kept(value);
      await expect(ips, `${label} stays in the field`).toHaveValue(shownIps);
      if (ipsAccepted.includes(value)) {
        await expect(ips, `${label} is accepted`).toHaveAttribute("aria-invalid", "false");
      } else {
        await expect(ips, `${label} is refused`).toHaveAttribute("aria-invalid", "true");
        const text = (await ipsError.innerText()).trim();
        expect(text.length, label).toBeGreaterThan(10);
        expect(UNSAFE.test(text), `${label}: ${JSON.stringify(text)}`).toBe(false);
        expect(text.includes("9".repeat(60)), label).toBe(false);
      }
    }
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test("Settings: a DNS-over-HTTPS URL is used or refused with a clear message", async ({ page }) => {
    await page.goto(siteUrl("settings/"));
    const url = page.getByLabel("Or your own DNS-over-HTTPS URL");
    const error = page.locator("#custom-error");
    // A URL input drops line breaks and surrounding ASCII white space from its value.
    const urlKept = (value: string) => kept(value).replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, "");
    const values = [
      ...COMMON,
      "https://cloudflare-dns.com/dns-query",
      " https://dns.google/resolve ",
      "http://127.0.0.1:8053/dns-query",
      "javascript:window.__pwned=1",
      "https://user:pass@cloudflare-dns.com/dns-query",
      "https://cl\u043eudflare-dns.com/dns-query",
    ];
    const accepted = ["https://cloudflare-dns.com/dns-query", " https://dns.google/resolve ", "http://127.0.0.1:8053/dns-query"];
    for (const value of values) {
      const label = JSON.stringify(value.slice(0, 40));
      await url.fill(value);
      await page.getByRole("button", { name: "Use this resolver" }).click();
      await expect(url, `${label} stays in the field`).toHaveValue(urlKept(value));
      if (accepted.includes(value)) {
        await expect(url, `${label} is used`).toHaveAttribute("aria-invalid", "false");
      } else {
        await expect(url, `${label} is refused`).toHaveAttribute("aria-invalid", "true");
        const text = (await error.innerText()).trim();
        expect(text.length, label).toBeGreaterThan(10);
        expect(text.length, `${label}: ${text}`).toBeLessThan(600);
        expect(UNSAFE.test(text), `${label}: ${JSON.stringify(text)}`).toBe(false);
        expect(text.includes("9".repeat(60)) || text.includes("x".repeat(60)), label).toBe(false);
      }
    }
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test("what-if: hostile SPF drafts are marked and judged, never run or copied whole", async ({ page }) => {
    await openCheck(page, "domain=fixme.web.test&ip=203.0.113.25&method=direct-send");
    await finished(page);
    const draft = page.getByLabel("Draft SPF record");
    const result = page.getByTestId("whatif-result");
    const row = result.locator(".ip-results tbody tr").first();
    const drafts: [string, string][] = [
      // [draft, the text the first syntax mark must hold]
      ['v=spf1 "><img src=x onerror="window.__pwned=1"> -all', '"><img'],
      ["v=spf1 <script>window.__pwned=1</script> -all", "<script>window.__pwned=1</script>"],
      ["v=spf1 inc\u0430lude:contoso.com -all", "inc\u0430lude:contoso.com"],
      ["v=spf1 ip4:203.0.113.25\u202e -all", "ip4:203.0.113.25\u202e"],
      [`v=spf1 ${"x".repeat(100_000)} -all`, "x".repeat(100_000)],
    ];
    for (const [text, marked] of drafts) {
      const label = JSON.stringify(text.slice(0, 40));
      await draft.fill(text);
      await expect(result.locator("mark.syntax-error").first(), label).toHaveText(marked);
      // A syntax error is a permerror (RFC 7208 4.6), never a pass.
      await expect(row, label).toHaveAttribute("data-result", "permerror");
      const decided = (await row.locator("td").nth(2).innerText()).trim();
      expect(decided.length, `${label}: ${decided.slice(0, 80)}`).toBeLessThan(200);
      expect(UNSAFE.test(decided), `${label}: ${JSON.stringify(decided)}`).toBe(false);
    }
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator("main script, main img[onerror]")).toHaveCount(0);
    // The published record's result is untouched by the drafts.
    await expect(card(page, "spf").locator(".ip-results tbody tr").first()).toHaveAttribute("data-result", "fail");
  });
});
