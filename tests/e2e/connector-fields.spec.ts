// The Connector form asks only for what the chosen kind uses, keeps the rest for when
// the admin switches back, and judges a value once its field is left, never mid-typing
// (review X-5).
import { test, expect, type Page } from "./fixtures";
import { siteUrl } from "./site";
import { expectNoAxeViolations } from "./axe-audit";

const powershell = (page: Page) => page.locator(".connector-steps pre code");
const field = (page: Page, key: string) => page.locator(`#connector-${key}`);

const WORDS = {
  en: {
    ip: "SMTP relay, identified by your static public IPv4 address",
    cert: "SMTP relay, identified by your TLS certificate",
    partner: /^Partner connector/,
    certHelp: "Optional: the static public IPv4 addresses the device sends from, only for the SPF record; the connector itself recognises the certificate.",
  },
  vi: {
    ip: "SMTP relay, nhận diện bằng địa chỉ IPv4 công cộng tĩnh của bạn",
    cert: "SMTP relay, nhận diện bằng chứng chỉ TLS của bạn",
    partner: /^Connector loại Partner/,
    certHelp: "Không bắt buộc: các địa chỉ IPv4 công cộng tĩnh mà thiết bị gửi thư từ đó, chỉ dùng cho bản ghi SPF; bản thân connector nhận diện bằng chứng chỉ.",
  },
} as const;

for (const lang of ["en", "vi"] as const) {
  const w = WORDS[lang];

  test(`each kind shows only its own fields and keeps the others' values (${lang})`, async ({ page }) => {
    await page.goto(siteUrl(`connector/?lang=${lang}&kind=partner&ips=198.51.100.7&cert=relay.contoso.com&domains=contoso..com`));
    for (const key of ["name", "ips", "cert", "domains"]) await expect(field(page, key)).toBeVisible();
    // The partner connector's bad domain is a mistake here…
    await expect(page.getByRole("alert").locator("li")).toHaveCount(1);

    await page.getByLabel(w.ip).check();
    await expect(field(page, "cert")).toBeHidden();
    await expect(field(page, "domains")).toBeHidden();
    await expect(field(page, "ips")).toBeVisible();
    // …but not for an IP connector, which does not use it, nor the certificate.
    await expect(page.getByRole("alert")).toBeHidden();
    await expect(powershell(page).first()).toContainText("-SenderIPAddresses '198.51.100.7'");
    await expect(powershell(page).first()).not.toContainText("relay.contoso.com");

    await page.getByLabel(w.cert).check();
    await expect(field(page, "cert")).toBeVisible();
    await expect(field(page, "domains")).toBeHidden();
    await expect(page.locator("#connector-ips-help")).toHaveText(w.certHelp);
    await expect(powershell(page).first()).toContainText("-TlsSenderCertificateName 'relay.contoso.com'");

    // Back to the partner connector: every value is still there.
    await page.getByRole("radio", { name: w.partner }).check();
    await expect(field(page, "domains")).toHaveValue("contoso..com");
    await expect(field(page, "cert")).toHaveValue("relay.contoso.com");
    await expect(field(page, "ips")).toHaveValue("198.51.100.7");
    await expectNoAxeViolations(page);
  });
}

test("a value is judged once its field is left, not while it is typed, in every field", async ({ page }) => {
  await page.goto(siteUrl("connector/"));
  const ips = field(page, "ips");
  await ips.click();
  await ips.pressSequentially("192.168.1.");
  // Half an address is not a mistake yet.
  await expect(page.getByRole("alert")).toBeHidden();
  await expect(ips).toHaveAttribute("aria-invalid", "false");
  await expect(page.locator("#connector-ips-error")).toBeEmpty();
  await ips.pressSequentially("20");
  await expect(page.getByRole("alert")).toBeHidden();
  // Leaving it: a private address is a mistake, at the field and in the list.
  await ips.press("Tab");
  await expect(page.getByRole("alert").locator("li")).toHaveCount(1);
  await expect(ips).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#connector-ips-error")).toContainText("private");
  expect(new URL(page.url()).searchParams.get("ips")).toBe("192.168.1.20");

  // Correcting it: the old mistake goes as typing starts, and the steps follow the
  // typed value before the field is even left.
  await ips.fill("");
  await ips.pressSequentially("198.51.100.7");
  await expect(page.getByRole("alert")).toBeHidden();
  await expect(ips).toBeFocused();
  await expect(powershell(page).first()).toContainText("-SenderIPAddresses '198.51.100.7'");
  await ips.press("Tab");
  await expect.poll(() => new URL(page.url()).searchParams.get("ips")).toBe("198.51.100.7");

  // The certificate name behaves the same.
  await page.goto(siteUrl("connector/?kind=relay-cert"));
  const cert = field(page, "cert");
  await cert.click();
  await cert.pressSequentially("bad_name!");
  await expect(page.getByRole("alert")).toBeHidden();
  await expect(cert).toHaveAttribute("aria-invalid", "false");
  await cert.press("Tab");
  await expect(cert).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert").locator("li")).toHaveCount(1);
});
