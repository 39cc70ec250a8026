import { test, expect } from "./fixtures";
import AxeBuilder from "@axe-core/playwright";
import { siteUrl } from "./site";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

// A non-delivery report as Exchange Online writes it after a relay's IP changed.
const NDR = `Delivery has failed to these recipients or groups:

ops@fabrikam.com
Your message couldn't be delivered. The message was rejected by the destination because it didn't come from an accepted source.

Diagnostic information for administrators:

Generating server: SN6PR01MB1234.namprd01.prod.outlook.com

ops@fabrikam.com
Remote Server returned '550 5.7.64 TenantAttribution; Relay Access Denied [203.0.113.25] [SN6PR01MB1234.namprd01.prod.outlook.com]'

Original message headers:

From: Scanner <scanner@contoso.com>
To: ops@fabrikam.com
Subject: Scan from MFP-2F`;

test("a pasted NDR is explained, with links filled in from its values", async ({ page }) => {
  await page.goto(siteUrl("explain/?method=relay-ip"));
  await page.getByLabel("The bounce or error text").fill(NDR);
  const bounce = page.locator('article[data-bounce="tenant-attribution"]');
  await expect(bounce.getByRole("heading", { level: 3 })).toContainText("550 5.7.64");
  await expect(bounce).toContainText("Microsoft 365 could not tie the message to your organization");
  await expect(bounce).toContainText("Update the connector with the device's current public IP");
  const connector = bounce.getByRole("link", { name: "Connector steps: relay by IP" });
  const href = new URL((await connector.getAttribute("href")) ?? "", page.url());
  expect(href.pathname).toMatch(/\/connector$/);
  expect(href.searchParams.get("kind")).toBe("relay-ip");
  expect(href.searchParams.get("ips")).toBe("203.0.113.25");
  expect(href.searchParams.get("domains")).toBe("contoso.com");
  const check = bounce.getByRole("link", { name: "Check DNS for contoso.com" });
  const checkHref = new URL((await check.getAttribute("href")) ?? "", page.url());
  expect(checkHref.searchParams.get("ip")).toBe("203.0.113.25");
  expect(checkHref.searchParams.get("method")).toBe("relay-ip");
  // The connector screen opens with the values filled in.
  await connector.click();
  await expect(page.locator("#connector-ips")).toHaveValue("203.0.113.25");
  await expect(page.locator("#connector-domains")).toHaveValue("contoso.com");
  // A long NDR is not put in the address.
  await page.goBack();
  expect(new URL(page.url()).searchParams.get("text")).toBeNull();
});

test("a short error from a link is explained in Vietnamese, tailored to the method", async ({ page }) => {
  const text = encodeURIComponent("530 5.7.57 Client not authenticated to send mail.");
  await page.goto(siteUrl(`explain/?lang=vi&method=direct-send&text=${text}`));
  const bounce = page.locator('article[data-bounce="client-not-authenticated"]');
  await expect(bounce).toContainText("smtp.office365.com từ chối thư vì thiết bị chưa đăng nhập");
  await expect(bounce).toContainText("Direct Send không gửi qua smtp.office365.com");
  await expect(bounce).toContainText("Cách khắc phục dành cho Direct Send.");
  await expect(page.getByLabel("Phương thức gửi của thiết bị")).toHaveValue("direct-send");
  // Switching the method re-tailors the fix.
  await page.getByLabel("Phương thức gửi của thiết bị").selectOption("client-submission");
  await expect(bounce).toContainText("Nhập thông tin đăng nhập của hộp thư");
});

test("unknown text is not recognised; look-alike digits and markup are not read", async ({ page }) => {
  await page.goto(siteUrl("explain/"));
  const box = page.getByLabel("The bounce or error text");
  await box.fill("<script>document.title='x'</script><img src=x onerror=alert(1)> 550 5.7.999 ５.７.６４ 55O");
  const results = page.locator("section.explanation");
  await expect(results).toContainText("Not recognised");
  await expect(results).toContainText("Codes smarthost does not explain: 550 5.7.999");
  await expect(results).toContainText("Not read as codes");
  await expect(results).toContainText("５.７.６４, 55O");
  await expect(results.locator("article")).toHaveCount(0);
  await expect(results.locator("img, script")).toHaveCount(0);
  expect(await page.title()).not.toBe("x");
  // A huge paste is cut, and said so.
  await box.fill("550 5.7.64 TenantAttribution\n" + "7".repeat(2 * 1024 * 1024));
  await expect(results).toContainText("Only the first 256 KB of 2049 KB were read.");
  await expect(page.locator('article[data-bounce="tenant-attribution"]')).toBeVisible();
});

test("axe-core finds no violations on the explain screen, in both languages", async ({ page }) => {
  for (const lang of ["en", "vi"]) {
    const text = encodeURIComponent("535 5.7.139 Authentication unsuccessful, basic authentication is disabled. 550 5.7.999 x");
    await page.goto(siteUrl(`explain/?lang=${lang}&text=${text}`));
    await expect(page.locator('article[data-bounce="basic-auth-disabled"]')).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(results.violations).toEqual([]);
  }
});

// The bounce texts are compiled into the explain binary alone (crates/core/build.rs): the
// planner's and the DNS check's first loads do not carry them.
test("only the explain binary carries the bounce texts", async ({ request }) => {
  const phrase = "Microsoft 365 could not tie the message to your organization";
  const carries = async (page: string) => {
    const html = await (await request.get(siteUrl(page))).text();
    const boot = html.match(/src="\.\/(boot-[0-9a-f]+\.js)"/)?.[1];
    expect(boot, page).toBeTruthy();
    const loader = await (await request.get(siteUrl(boot ?? ""))).text();
    const wasm = loader.match(/["']\.\/([^"']+_bg\.wasm)["']/)?.[1];
    expect(wasm, page).toBeTruthy();
    const bytes = await (await request.get(siteUrl(wasm ?? ""))).body();
    return bytes.includes(Buffer.from(phrase));
  };
  expect(await carries("explain/")).toBe(true);
  expect(await carries("")).toBe(false);
  expect(await carries("check/")).toBe(false);
});
