import { test, expect } from "./fixtures";
import { siteUrl } from "./site";
import { expectNoAxeViolations } from "./check-page";


/** Core's field ids ("ips:", "cert-name:") printed as if they were words. */
const RAW_FIELD_ID = /(^|[\s(])(ips|cert-name|sender-domains):/m;

const powershell = (page: import("@playwright/test").Page) => page.locator(".connector-steps pre code");

test.describe("connector steps", () => {
  test("an IP connector with the admin's values", async ({ page }) => {
    await page.goto(siteUrl("connector/"));
    await page.getByLabel("Static public IPv4 addresses or ranges").fill("198.51.100.7");
    await page.getByLabel("Static public IPv4 addresses or ranges").press("Tab");
    await expect(powershell(page).first()).toHaveText(
      "New-InboundConnector -Name 'Relay - MFDs' -ConnectorType OnPremises -SenderDomains * -SenderIPAddresses '198.51.100.7' -RestrictDomainsToIPAddresses $true",
    );
    await expect(page.locator(".checklist li")).toHaveCount(6);
    await expect(page.locator(".checklist")).toContainText("198.51.100.7");
    expect(new URL(page.url()).searchParams.get("ips")).toBe("198.51.100.7");
  });

  test("hostile names stay inside their quotes", async ({ page }) => {
    const name = `Scan'; Remove-Mailbox * -Confirm:$false; '<script>alert(1)</script> 🖨️`;
    await page.goto(siteUrl(`connector/?kind=relay-cert&cert=relay.contoso.com&name=${encodeURIComponent(name)}`));
    await expect(powershell(page).first()).toHaveText(
      `New-InboundConnector -Name 'Scan''; Remove-Mailbox * -Confirm:$false; ''<script>alert(1)</script> 🖨️' -ConnectorType OnPremises -SenderDomains * -TlsSenderCertificateName 'relay.contoso.com' -RequireTls $true`,
    );
    // Shown as text: no script element was created from the value.
    await expect(page.locator("main script")).toHaveCount(0);
    await expect(page.locator(".checklist")).toContainText("<script>alert(1)</script>");
  });

  test("bad values are explained and nothing is generated", async ({ page }) => {
    await page.goto(siteUrl("connector/?kind=relay-ip&ips=192.168.1.20,2001:db8::1"));
    const errors = page.getByRole("alert");
    await expect(errors.locator("li")).toHaveCount(2);
    await expect(errors).toContainText("IPv6");
    await expect(powershell(page)).toHaveCount(0);
  });

  test("a partner connector for Reject Direct Send, from the planner's ranking", async ({ page }) => {
    await page.goto(siteUrl("?client=device&recipients=internal&ip=static&reject-direct-send=on&step=results"));
    await page.locator('.method-result[data-method="direct-send"]').getByRole("link", { name: "Partner connector steps, for when Reject Direct Send is on" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connector and tenant steps");
    await expect(page.getByLabel(/Partner connector/)).toBeChecked();
    await page.goto(page.url() + "&ips=198.51.100.7&domains=contoso.com");
    await expect(powershell(page).first()).toContainText("-ConnectorType Partner -SenderDomains 'contoso.com' -SenderIPAddresses '198.51.100.7'");
  });

  test("an application's steps say the application, in English and Vietnamese", async ({ page }) => {
    await page.goto(siteUrl("connector/?ips=198.51.100.7"));
    const after = page.locator(".connector-steps ul li");
    await expect(after.first()).toHaveText("Point the device at your domain's MX host, port 25, with STARTTLS if it can.");
    await expect(page.getByLabel("A device (printer, scanner, appliance)")).toBeChecked();
    await page.getByLabel("An application you control").check();
    await expect(after.first()).toHaveText("Point the application at your domain's MX host, port 25, with STARTTLS if it can.");
    await expect(after.nth(1)).toContainText("Add the public IP the application sends from to your SPF record");
    await expect(powershell(page).first()).toContainText("-Name 'Relay - Applications'");
    await expect(page.locator("#connector-domains-help")).toHaveText("The accepted domains the application sends from, for example contoso.com.");
    expect(new URL(page.url()).searchParams.get("client")).toBe("application");

    // The choice is in the link, and the reader's language words it.
    await page.getByRole("link", { name: "Tiếng Việt" }).click();
    await expect(page.getByLabel("Ứng dụng do bạn kiểm soát")).toBeChecked();
    await expect(after.first()).toHaveText("Trỏ ứng dụng tới máy chủ MX của tên miền bạn, cổng 25, dùng STARTTLS nếu ứng dụng hỗ trợ.");
    await expect(page.locator(".connector-steps")).not.toContainText("Trỏ thiết bị");

    // Back to a device: the device's words, and the choice leaves the URL.
    await page.getByLabel("Thiết bị (máy in, máy quét, thiết bị chuyên dụng)").check();
    await expect(after.first()).toHaveText("Trỏ thiết bị tới máy chủ MX của tên miền bạn, cổng 25, dùng STARTTLS nếu thiết bị hỗ trợ.");
    expect(new URL(page.url()).searchParams.get("client")).toBeNull();
  });

  test("the planner's link carries an application to the partner connector", async ({ page }) => {
    await page.goto(siteUrl("?client=application&recipients=internal&ip=static&reject-direct-send=on&step=results"));
    await page.locator('.method-result[data-method="direct-send"]').getByRole("link", { name: "Partner connector steps, for when Reject Direct Send is on" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connector and tenant steps");
    await expect(page.getByLabel("An application you control")).toBeChecked();
    await expect(page.getByLabel(/Partner connector, so a Direct Send application keeps working/)).toBeChecked();
    // Nothing typed yet: what to enter is a prompt, not an error.
    await expect(page.getByRole("alert")).toHaveCount(0);
    await expect(page.locator(".connector-prompt").first()).toContainText("Enter the static public IPv4 address the application sends from");
    await page.goto(page.url() + "&ips=198.51.100.7&domains=contoso.com");
    await expect(page.locator(".connector-steps")).toContainText("send a test from the application:");
  });

  test("tenant switches quote the mailbox", async ({ page }) => {
    await page.goto(siteUrl("connector/?mailbox=" + encodeURIComponent("o'brien@contoso.com")));
    await expect(page.locator('[data-step="enable-smtp-auth"] code').first()).toHaveText(
      "Set-CASMailbox -Identity 'o''brien@contoso.com' -SmtpClientAuthenticationDisabled $false",
    );
  });

  const fresh: [string, string, string, string, string][] = [
    // lang query, prompt, mailbox label, the prompt under Tenant switches, field label in the mistakes list
    ["", "Enter the device's static public IPv4 address", "Mailbox that signs in (SMTP AUTH)", "Enter the mailbox above", "Static public IPv4 addresses or ranges: "],
    ["lang=vi&", "Nhập địa chỉ IPv4 công cộng tĩnh của thiết bị", "Hộp thư dùng để đăng nhập (SMTP AUTH)", "Nhập hộp thư ở trên", "Địa chỉ hoặc dải IPv4 công cộng tĩnh: "],
  ];
  for (const [langQuery, prompt, mailboxLabel, mailboxPrompt, ipsLabel] of fresh) {
    test(`a fresh form shows no error and no command for a placeholder mailbox (${langQuery || "en"})`, async ({ page }) => {
      await page.goto(siteUrl(`connector/?${langQuery}`));
      await expect(page.locator(".connector-prompt").first()).toContainText(prompt);
      await expect(page.getByRole("alert")).toHaveCount(0);
      await expect(page.locator("main [aria-invalid=true]")).toHaveCount(0);
      await expect(page.locator("main .field-error:not(:empty)")).toHaveCount(0);
      // Tenant switches: no ready-to-copy command for a mailbox nobody entered.
      const smtpAuth = page.locator('[data-step="enable-smtp-auth"]');
      await expect(smtpAuth).toContainText(mailboxPrompt);
      await expect(smtpAuth.locator("code")).toHaveCount(0);
      await expect(page.locator("main")).not.toContainText("'scanner@contoso.com'");
      await expectNoAxeViolations(page);

      await page.getByLabel(mailboxLabel).fill("scanner@contoso.com");
      await page.getByLabel(mailboxLabel).press("Tab");
      await expect(smtpAuth.locator("code").first()).toHaveText(
        "Set-CASMailbox -Identity 'scanner@contoso.com' -SmtpClientAuthenticationDisabled $false",
      );

      // A value that cannot be used: named by its label at the list, and marked at its field.
      await page.goto(siteUrl(`connector/?${langQuery}kind=relay-ip&ips=192.168.1.20,2001:db8::1`));
      const mistakes = page.getByRole("alert");
      await expect(mistakes.locator("li")).toHaveCount(2);
      await expect(mistakes.locator("li").first()).toContainText(ipsLabel);
      const ips = page.locator("#connector-ips");
      await expect(ips).toHaveAttribute("aria-invalid", "true");
      await expect(page.locator("#connector-ips-error")).not.toBeEmpty();
      await expect(page.locator("#connector-name")).toHaveAttribute("aria-invalid", "false");
      expect(await page.locator("main").innerText()).not.toMatch(RAW_FIELD_ID);
      await expectNoAxeViolations(page);
    });
  }

  test("no message on the screen prints a raw field id", async ({ page }) => {
    const states = [
      "connector/?kind=relay-cert&cert=bad_name!",
      "connector/?kind=partner&domains=contoso..com",
      "connector/?name=" + encodeURIComponent("x".repeat(300)) + "&ips=198.51.100.7",
      "connector/?ips=10.0.0.0/8",
    ];
    for (const state of states) {
      await page.goto(siteUrl(state));
      await expect(page.getByRole("alert").locator("li").first()).toBeVisible();
      expect(await page.locator("main").innerText(), state).not.toMatch(RAW_FIELD_ID);
      await expect(page.locator("main [aria-invalid=true]").first()).toBeVisible();
    }
  });

  test("axe-core finds no violations", async ({ page }) => {
    await page.goto(siteUrl("connector/?ips=198.51.100.7"));
    await expect(powershell(page).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
