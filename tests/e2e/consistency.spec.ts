// `smarthost spf eval`, `smarthost check` and the check page give the same answers for
// the same zone: one table of zones from tests/zones through all three.

import { test, expect } from "./fixtures";
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { card, finished, openCheck } from "./check-page";
import { dohUrl } from "./site";

const ROOT = resolve(import.meta.dirname, "..", "..");

function cli(args: string[]): any {
  let out: string;
  try {
    out = execFileSync("cargo", ["run", "--quiet", "-p", "smarthost", "--", ...args, "--json", "--doh", dohUrl()], {
      cwd: ROOT,
      encoding: "utf8",
    });
  } catch (error: any) {
    // `check` exits 1 when there are error findings; its JSON is still the answer.
    out = error.stdout;
  }
  return JSON.parse(out);
}

// (domain, device IP, method)
const ZONES: [string, string, string][] = [
  ["ok.cli.test", "198.51.100.7", "direct-send"],
  ["noinclude.cli.test", "198.51.100.7", "direct-send"],
  ["avoids.cli.test", "198.51.100.7", "direct-send"],
  ["voids.cli.test", "198.51.100.7", "relay-ip"],
  ["over.cli.test", "198.51.100.7", "direct-send"],
  ["exp.cli.test", "203.0.113.9", "direct-send"],
  ["colon.rfc.test", "192.0.2.10", "direct-send"],
  ["void-a.rfc.test", "192.0.2.10", "direct-send"],
  ["ptr-cidr.rfc.test", "192.0.2.10", "direct-send"],
  ["p.rfc.test", "192.0.2.10", "direct-send"],
  ["gcchigh.rfc.test", "192.0.2.10", "direct-send"],
];

test("spf eval, check and the browser agree zone by zone", async ({ page }) => {
  test.setTimeout(180_000);
  for (const [domain, ip, method] of ZONES) {
    const evaluated = cli(["spf", "eval", "--domain", domain, "--ip", ip]);
    const checked = cli(["check", domain, "--ip", ip, "--method", method]);
    expect(checked.spf.result_for_ip[ip], `${domain}: check vs spf eval`).toBe(evaluated.result);

    await openCheck(page, `domain=${domain}&ip=${ip}&method=${method}`);
    await finished(page);
    const row = card(page, "spf").locator(`tr[data-ip="${ip}"]`);
    await expect(row, `${domain}: browser vs CLI`).toHaveAttribute("data-result", evaluated.result);
    const browserCodes = await page.locator("li.finding[data-code]").evaluateAll((items) =>
      items.map((item) => item.getAttribute("data-code")).sort(),
    );
    const cliCodes = checked.findings.map((f: any) => f.code).sort();
    expect(browserCodes, `${domain}: finding codes`).toEqual(cliCodes);
    const suggested = card(page, "spf").locator(".suggestion .code-block");
    if (checked.spf.suggested_record) {
      await expect(suggested, `${domain}: suggested record`).toContainText(checked.spf.suggested_record);
    } else {
      await expect(card(page, "spf").locator(".suggestion"), `${domain}: no suggestion`).toHaveCount(0);
    }
  }
});

test("with no cloud chosen, the GCC High MX sets the cloud, and 'Add to a device card' carries it", async ({ page }) => {
  await openCheck(page, "domain=gcchigh.rfc.test&ip=192.0.2.10&method=direct-send");
  await finished(page);
  // The GCC High include is the one looked for: no 'no Microsoft include' finding.
  await expect(page.locator('li.finding[data-code="spf-no-microsoft-include"]')).toHaveCount(0);
  await expect(card(page, "spf").locator('tr[data-ip="192.0.2.10"]')).toHaveAttribute("data-result", "pass");
  // The page says which cloud it followed and why, in the reader's language.
  const followed = card(page, "mx").getByTestId("cloud-source");
  await expect(followed).toHaveAttribute("data-cloud", "gcc-high");
  await expect(followed).toHaveAttribute("data-cloud-source", "mx");
  await expect(followed).toContainText("Cloud: GCC High, from the MX host");
  await page.getByRole("link", { name: "Tiếng Việt" }).click();
  await expect(followed).toContainText("suy ra từ máy chủ MX");
  await page.getByRole("link", { name: "English" }).click();
  await page.getByRole("link", { name: "Add to a device card" }).click();
  const device = page.locator("article.device").last();
  await expect(device.getByLabel(/Smart host/)).toHaveValue("rfcgcchigh-test.mail.protection.office365.us");
  await expect(device.getByLabel("Microsoft 365 cloud")).toHaveValue("gcc-high");
});

test("a chosen cloud the MX contradicts is said, in the MX card", async ({ page }) => {
  await openCheck(page, "domain=gcchigh.rfc.test&ip=192.0.2.10&method=direct-send&cloud=worldwide");
  await finished(page);
  await expect(card(page, "mx").locator('li.finding[data-code="mx-cloud-mismatch"]')).toBeVisible();
  await expect(card(page, "mx").getByTestId("cloud-source")).toHaveAttribute("data-cloud-source", "chosen");
});
