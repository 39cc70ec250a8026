// What the check says about its own inputs: an invalid edit takes the previous results
// and link away (review J4-4), and what the check finds about an address (a private
// IP) sits at the address field and marks it invalid (J4-6).

import { test, expect } from "./fixtures";
import { expectNoAxeViolations, finished, openCheck } from "./check-page";


const words = {
  en: { lang: "", ips: /Device public IPs/, run: "Run the check", bad: '"2001:db8::1" is not an IPv4 address', private: "10.0.0.5 is not a public IP address." },
  vi: { lang: "lang=vi&", ips: /IP công cộng của thiết bị/, run: "Chạy kiểm tra", bad: '"2001:db8::1" không phải địa chỉ IPv4', private: "10.0.0.5 không phải là địa chỉ IP công cộng." },
};

for (const [lang, w] of Object.entries(words)) {
  test(`an invalid edit clears the previous results and link (${lang})`, async ({ page }) => {
    await openCheck(page, `${w.lang}domain=ok.cli.test&ip=192.168.1.20,127.0.0.1`);
    await finished(page);
    await expect(page.locator(".check-results")).toHaveCount(1);
    await expect(page.locator(".check-actions")).toHaveCount(1);

    const ips = page.getByLabel(w.ips);
    await ips.fill("2001:db8::1");
    await page.getByRole("button", { name: w.run }).click();
    await expect(page.locator("#ips-error")).toHaveText(new RegExp(w.bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    await expect(ips).toHaveAttribute("aria-invalid", "true");
    // Nothing of the previous check stays under the new input, and the address says
    // what was typed, so a reload or a copied link shows the same.
    await expect(page.locator(".check-results")).toHaveCount(0);
    await expect(page.locator(".check-actions")).toHaveCount(0);
    expect(new URL(page.url()).searchParams.get("ip")).toBe("2001:db8::1");
    await expect(ips).toHaveValue("2001:db8::1");
    await expectNoAxeViolations(page);

    // A valid edit runs again.
    await ips.fill("198.51.100.7");
    await page.getByRole("button", { name: w.run }).click();
    await finished(page);
    await expect(page.locator("#ips-error")).toBeEmpty();
    await expect(ips).toHaveAttribute("aria-invalid", "false");
  });

  test(`a private IP is reported at its field, which is marked invalid (${lang})`, async ({ page }) => {
    await openCheck(page, `${w.lang}domain=ok.cli.test&ip=10.0.0.5`);
    await finished(page);
    const ips = page.getByLabel(w.ips);
    const finding = page.locator('#ips-findings [data-code="ip-not-public"]');
    await expect(finding).toContainText(w.private);
    await expect(ips).toHaveAttribute("aria-invalid", "true");
    await expect(ips).toHaveAttribute("aria-describedby", /ips-findings/);
    // At the field: between the input and the buttons, and nowhere else.
    await expect(page.locator('[data-code="ip-not-public"]')).toHaveCount(1);
    const [input, shown, button] = await Promise.all([
      ips.boundingBox(),
      finding.boundingBox(),
      page.getByRole("button", { name: w.run }).boundingBox(),
    ]);
    expect(shown!.y).toBeGreaterThan(input!.y);
    expect(shown!.y + shown!.height).toBeLessThanOrEqual(button!.y);
    await expectNoAxeViolations(page);
  });
}
