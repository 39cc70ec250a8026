import { test, expect, type Page } from "./fixtures";
import { createHash } from "node:crypto";
import { siteUrl, withDoh } from "./site";

/** Collects every Content-Security-Policy violation the page reports. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
}

test("every page carries a strict policy that is really enforced", async ({ page }) => {
  await page.goto(siteUrl("compare/"));
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).not.toContain("unsafe-inline");
  expect(policy).toMatch(/connect-src 'self' https:\/\/cloudflare-dns\.com https:\/\/dns\.google /);
  // One inline script, the prerender's gate, allowed by its own hash and nothing else.
  const inlineScripts = await page.locator("script:not([src])").evaluateAll((scripts) => scripts.map((s) => s.textContent ?? ""));
  expect(inlineScripts).toHaveLength(1);
  const hash = createHash("sha256").update(inlineScripts[0]).digest("base64");
  expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}';`);
  // Enforced, not decorative: an injected inline script and a request to an unlisted
  // origin are refused.
  const inline = await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = true;";
    document.head.append(script);
    return (window as unknown as { __injected?: boolean }).__injected === true ? "ran" : "blocked";
  });
  expect(inline).toBe("blocked");
  const third = await page.evaluate(() => fetch("http://192.0.2.1/").then(() => "sent", () => "blocked"));
  expect(third).toBe("blocked");
});

test("the app runs every screen under the policy with no violation", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto(siteUrl());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Which way should this device send?");
  await page.goto(siteUrl("?step=results&recipients=external&auth=oauth&lang=vi"));
  await expect(page.getByRole("heading", { name: "Kết quả xếp hạng" })).toBeVisible();
  await page.goto(siteUrl("compare/?recipients=internal"));
  await expect(page.locator("table.matrix")).toBeVisible();
  await page.goto(siteUrl("cards/"));
  await page.getByRole("button", { name: "Add a device" }).click();
  await page.getByLabel("Device name").fill("Printer");
  await page.getByLabel("Sending method").selectOption("client-submission");
  await page.getByLabel("From address").fill("printer@contoso.com");
  await expect(page.locator(".device-card")).toHaveCount(1);
  await page.goto(siteUrl("connector/?method=relay-ip&ip=203.0.113.25&domain=contoso.com"));
  await expect(page.locator(".code-block").first()).toBeVisible();
  await page.goto(siteUrl(withDoh("check/?domain=mx-classic.test")));
  await expect(page.locator(".smart-host")).toContainText("mail.protection.outlook.com");
  await page.goto(siteUrl("settings/"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
  expect(await violations()).toEqual([]);
});

test("a resolver the policy forbids is explained in Settings and in the check, not sent", async ({ page }) => {
  const requests: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).hostname.endsWith("corp.example")) requests.push(request.url());
  });
  await page.goto(siteUrl("settings/"));
  await page.getByLabel("Or your own DNS-over-HTTPS URL").fill("https://doh.corp.example/dns-query");
  await page.getByRole("button", { name: "Use this resolver" }).click();
  await expect(page.locator("#custom-error")).toContainText("does not allow connecting to https://doh.corp.example");
  await expect(page.locator("#custom-error")).toContainText('SMARTHOST_CONNECT_SRC="https://doh.corp.example"');

  await page.goto(siteUrl(withDoh("check/?domain=contoso.com", "https://doh.corp.example:8443/dns-query")));
  await expect(page.getByText("does not allow connecting to https://doh.corp.example:8443")).toBeVisible();
  expect(requests).toEqual([]);
});
