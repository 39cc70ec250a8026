// Copy boxes break their lines only at spaces, never inside a parameter or a value; a
// piece too long for the box scrolls it sideways with a visible cue, and Copy gives the
// text exactly (review X-6).
import { test, expect, type Page } from "./fixtures";
import { siteUrl } from "./site";
import { lineBoxes } from "./line-boxes";
import { expectNoAxeViolations } from "./axe-audit";

const CONNECTOR = "kind=partner&ips=198.51.100.7&cert=relay.contoso.com&domains=contoso.com,fabrikam.com&mailbox=" +
  encodeURIComponent("very.long.scanner.mailbox@subsidiary.contoso.com");

/** Every line of a block ends where a space was (or is the last), and they join up. */
async function expectWholePieces(pre: ReturnType<Page["locator"]>) {
  const text = (await pre.textContent())!;
  const lines = await lineBoxes(pre);
  expect(lines.join("")).toBe(text);
  for (const line of lines.slice(0, -1)) {
    expect(line, `lines: ${JSON.stringify(lines)}`).toMatch(/\s$/);
  }
  return lines;
}

for (const lang of ["en", "vi"] as const) {
  test.describe(`at 390 px (${lang})`, () => {
    test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

    test("the PowerShell wraps only between its pieces and scrolls where one is too long", async ({ page, context }) => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      await page.goto(siteUrl(`connector/?lang=${lang}&${CONNECTOR}`));
      const blocks = page.locator(".code-block pre");
      await expect(blocks.first()).toContainText("New-InboundConnector");
      const count = await blocks.count();
      expect(count).toBeGreaterThanOrEqual(4);
      let wrapped = 0;
      for (let i = 0; i < count; i++) {
        const lines = await expectWholePieces(blocks.nth(i));
        if (lines.length > 1) wrapped++;
      }
      // The connector command is long: it did wrap, at its spaces.
      expect(wrapped).toBeGreaterThan(0);
      const first = await lineBoxes(blocks.first());
      expect(first.length).toBeGreaterThan(1);
      // The longest parameter is whole on one of its lines.
      expect(first.some((l) => l.includes("-RestrictDomainsToCertificate"))).toBe(true);

      // A piece wider than the box (the long mailbox) scrolls it, and only then is the
      // box a tab stop with the cue painted at its edge.
      const mailbox = page.locator('[data-step="enable-smtp-auth"] .code-block pre').first();
      expect(await mailbox.evaluate((el) => el.scrollWidth > el.clientWidth + 1)).toBe(true);
      await expect(mailbox).toHaveClass(/scrolls/);
      await expect(mailbox).toHaveAttribute("tabindex", "0");
      expect(await mailbox.evaluate((el) => getComputedStyle(el).backgroundImage)).toContain("gradient");
      // The keyboard scrolls it.
      await mailbox.focus();
      await page.keyboard.press("ArrowRight");
      await expect.poll(() => mailbox.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      const fits = page.locator(".code-block pre:not(.scrolls)").first();
      await expect(fits).not.toHaveAttribute("tabindex", /.*/);

      // Copy gives the command as it is, with no line break where it wrapped.
      const command = (await blocks.first().textContent())!;
      await page.locator(".code-block").first().getByRole("button").click();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(command);
      expect(copied).not.toContain("\n");
      await expectNoAxeViolations(page);
    });
  });
}

test.describe("at 1366 px", () => {
  test.use({ viewport: { width: 1366, height: 900 } });

  test("a command that fits stays on one line and is no tab stop", async ({ page }) => {
    await page.goto(siteUrl(`connector/?${CONNECTOR}`));
    const reject = page.locator('[data-step="reject-direct-send"] .code-block pre').first();
    await expect(reject).toHaveText("Get-OrganizationConfig | Format-List RejectDirectSend");
    expect(await lineBoxes(reject)).toHaveLength(1);
    await expect(reject).not.toHaveClass(/scrolls/);
    await expect(reject).not.toHaveAttribute("tabindex", /.*/);
  });
});
