// The DNS check shows the MX host and the smart host whole or wrapped only after a dot or
// a hyphen (issue #16: a host name is never broken inside a label), in both languages.
import { test, expect } from "./fixtures";
import { card, finished, openCheck, expectNoAxeViolations } from "./check-page";
import { lineBoxes, expectWholeLabels } from "./line-boxes";

const HOST = "cliok-test01b.mail.protection.outlook.com";

for (const lang of ["en", "vi"]) {
  for (const width of [320, 390, 1366]) {
    test(`at ${width} px in ${lang}, the MX host and the smart host wrap only between labels`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await openCheck(page, `lang=${lang}&domain=ok.cli.test&method=direct-send`);
      await finished(page);
      const mx = card(page, "mx");
      const cell = mx.locator(".mx-host").first();
      const smartHost = mx.locator(".smart-host .host");
      await expect(cell).toHaveText(HOST);
      await expect(smartHost).toHaveText(HOST);
      for (const value of [cell, smartHost]) {
        const lines = await lineBoxes(value);
        expectWholeLabels(lines, HOST);
        // On a phone the host does not fit one line, so the test sees it wrap.
        if (width === 320) expect(lines.length, JSON.stringify(lines)).toBeGreaterThan(1);
      }
      await expectNoAxeViolations(page);
    });
  }
}
