import { test, expect, type Page } from "./fixtures";
import { CLOSED_DOH_URL, siteUrl, withDoh } from "./site";

async function checkDomain(page: Page, domain: string) {
  await page.getByLabel("Email domain").fill(domain);
  await page.getByRole("button", { name: "Run the check" }).click();
}

const result = (page: Page) => page.getByTestId("mx-result");

test.describe("MX check over DNS-over-HTTPS", () => {
  test("shows the MX host a test zone publishes, as published", async ({ page }) => {
    await page.goto(siteUrl(withDoh("check/")));
    await checkDomain(page, "mx-classic.test");
    await expect(result(page)).toHaveAttribute("data-kind", "microsoft-365");
    // The hyphen-stripped, suffixed token comes from DNS; a naive guess would be mx-classic-test.
    await expect(result(page).locator(".smart-host")).toContainText("mxclassic-test01b.mail.protection.outlook.com");
    await expect(result(page)).toContainText(/Answered by http:\/\/127\.0\.0\.1:\d+\/dns-query/);
  });

  test("classifies an mx.microsoft host and lists every MX by preference", async ({ page }) => {
    await page.goto(siteUrl(withDoh("check/")));
    await checkDomain(page, "mx-dnssec.test");
    await expect(result(page)).toHaveAttribute("data-kind", "microsoft-365-dnssec");
    await expect(result(page).locator(".mx-host")).toHaveText(["mx-dnssec-test.o-v1.mx.microsoft", "backup.mx-dnssec.test"]);
  });

  test("a domain without MX says so", async ({ page }) => {
    await page.goto(siteUrl(withDoh("check/")));
    await checkDomain(page, "no-mx.test");
    await expect(result(page)).toHaveAttribute("data-kind", "none");
    await expect(result(page)).toContainText("No MX records");
  });

  test("an internationalised name is converted with IDNA before the query", async ({ page }) => {
    await page.goto(siteUrl(withDoh("check/")));
    await checkDomain(page, "例子.测试");
    await expect(result(page).locator(".smart-host")).toContainText("idn-test.mail.protection.outlook.com");
  });

  test("the demo domain works with no DoH server at all", async ({ page }) => {
    const dnsRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("?dns=")) dnsRequests.push(request.url());
    });
    await page.goto(siteUrl(withDoh("check/", CLOSED_DOH_URL)));
    await page.getByRole("button", { name: "Try the demo domain" }).click();
    await expect(page.getByLabel("Email domain")).toHaveValue("smarthost-demo.example");
    await expect(result(page).locator(".smart-host")).toContainText(
      "smarthost-demo-example.mail.protection.outlook.com",
    );
    await expect(result(page)).toContainText("built-in demo zone");
    expect(dnsRequests).toEqual([]);
  });

  test("a shared link reproduces the check", async ({ page }) => {
    await page.goto(siteUrl(withDoh("check/?domain=mx-classic.test")));
    await expect(page.getByLabel("Email domain")).toHaveValue("mx-classic.test");
    await expect(result(page).locator(".smart-host")).toContainText("mxclassic-test01b");
  });

  test("checking a domain puts it in the URL", async ({ page }) => {
    await page.goto(siteUrl(withDoh("check/")));
    await checkDomain(page, "mx-classic.test");
    await expect(result(page)).toBeVisible();
    const url = new URL(page.url());
    expect(url.searchParams.get("domain")).toBe("mx-classic.test");
    expect(url.searchParams.get("doh")).toContain("127.0.0.1");
  });

  test("an unreachable DoH server is reported as such, never as a missing record", async ({ page }) => {
    await page.goto(siteUrl(withDoh("check/", CLOSED_DOH_URL)));
    await checkDomain(page, "mx-classic.test");
    await expect(result(page)).toHaveAttribute("data-status", "could-not-check");
    // Nothing answered: the reason is said once, in the banner above the paste form.
    await expect(page.getByTestId("unreachable")).toContainText("could not be reached");
    await expect(page.getByTestId("unreachable")).toContainText("Nothing is known about your records");
    await expect(result(page)).not.toContainText("No MX records");
    await expect(result(page)).not.toContainText("Answered by");
  });
});

test.describe("bad input gets a clear message and keeps what was typed", () => {
  const cases: [string, RegExp][] = [
    ["", /enter a domain name/],
    ["exa mple.com", /cannot contain spaces/],
    ["-bad-.com", /"-bad-" starts or ends with a hyphen/],
    [`${"a".repeat(64)}.com`, /64 characters long; a label can have at most 63/],
    ["a..com", /empty label/],
    ["scanner@contoso.com", /looks like an email address/],
  ];
  for (const [input, message] of cases) {
    test(`rejects ${JSON.stringify(input.length > 20 ? `${input.slice(0, 12)}…` : input)}`, async ({ page }) => {
      const dnsRequests: string[] = [];
      page.on("request", (r) => {
        if (r.url().includes("?dns=")) dnsRequests.push(r.url());
      });
      await page.goto(siteUrl(withDoh("check/")));
      await checkDomain(page, input);
      const field = page.getByLabel("Email domain");
      await expect(page.getByRole("alert")).toHaveText(message);
      await expect(field).toHaveAttribute("aria-invalid", "true");
      await expect(field).toHaveValue(input);
      await expect(result(page)).toHaveCount(0);
      expect(dnsRequests).toEqual([]);
    });
  }

  test("a malformed domain in a shared link is explained, not queried", async ({ page }) => {
    await page.goto(siteUrl(withDoh("check/?domain=-bad-.com")));
    await expect(page.getByRole("alert")).toHaveText(/"-bad-" starts or ends with a hyphen/);
    await expect(result(page)).toHaveCount(0);
  });
});
