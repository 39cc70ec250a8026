// The DNS check is read on a phone as much as at a desk: no column may squeeze a value
// to a few characters a line (review J4-3, J4-7). Measured on the line boxes the
// browser laid out (Range.getClientRects), not on CSS properties.

import { test, expect, type Page } from "./fixtures";
import { card, expectNoAxeViolations, finished, openCheck } from "./check-page";
import { expectWholeLabels, lineBoxes } from "./line-boxes";

/** Fewer characters a line than this, on a text that wraps, is a squeezed column. */
const MIN_CHARS_PER_LINE = 12;

/**
 * Every text of the results (cards, verdicts, tree, what-if) that wraps onto two lines
 * or more with fewer than MIN_CHARS_PER_LINE characters a line, with where it is.
 */
async function squeezedTexts(page: Page): Promise<string[]> {
  return page.evaluate((minChars) => {
    const roots = [...document.querySelectorAll(".check-results, .whatif")];
    const offenders: string[] = [];
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? "").replace(/\s+/g, " ").trim();
        if (text.length < minChars) continue;
        const parent = node.parentElement;
        if (!parent || parent.closest("details:not([open]) > :not(summary)")) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const tops = new Set<number>();
        for (const rect of range.getClientRects()) {
          if (rect.width > 0) tops.add(Math.round(rect.top));
        }
        const lines = tops.size;
        // A text that starts near the end of a wide line is not squeezed: only a
        // narrow block (under 15 em) is.
        const block = parent.closest("td, th, dd, dt, li, p, caption, summary, div") ?? parent;
        const em = parseFloat(getComputedStyle(block).fontSize);
        const narrow = block.getBoundingClientRect().width < 15 * em;
        if (narrow && lines >= 2 && text.length / lines < minChars) {
          const where = parent.closest("[data-section], .whatif, .device-verdict")?.getAttribute("data-section") ?? parent.className;
          offenders.push(`${where} <${parent.tagName.toLowerCase()}>: ${lines} lines for "${text.slice(0, 40)}"`);
        }
      }
    }
    return offenders;
  }, MIN_CHARS_PER_LINE);
}

const states: [string, string][] = [
  // The demo: MX, SPF with the tree and the IP table, DKIM, DMARC with its meaning,
  // the verdicts and the what-if editor.
  ["demo", "domain=smarthost-demo.example&ip=198.51.100.7&method=direct-send"],
  // An include that cannot be read: a temperror with its long reason in the IP table.
  ["temperror", "domain=brokeninc.cli.test&ip=198.51.100.7,203.0.113.9&method=direct-send"],
  // A tree past the limit, with its counts on every node.
  ["deep tree", "domain=over.cli.test&ip=203.0.113.9"],
];

for (const width of [390, 1366]) {
  for (const lang of ["en", "vi"]) {
    for (const [name, query] of states) {
      test(`at ${width} px in ${lang}, every value of the ${name} check is readable`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await openCheck(page, `lang=${lang}&${query}`);
        await finished(page);
        if (name === "demo") {
          await expect(card(page, "dmarc").locator(".facts dd").first()).toBeVisible();
          await expect(page.locator(".device-verdict").first()).toBeVisible();
          // The what-if result too: its own IP table.
          await page.locator("#whatif-draft").fill("v=spf1 ip4:198.51.100.7 include:spf.protection.outlook.com -all");
          await expect(page.getByTestId("whatif-result").locator(".ip-results tbody tr").first()).toBeVisible();
        }
        expect(await squeezedTexts(page)).toEqual([]);
        // Ten nested includes: the deepest node's name and record still get a readable
        // line, counted in characters per line box, and a name breaks only between labels.
        if (name === "deep tree") {
          const nodes = card(page, "spf").locator(".spf-node");
          expect(await nodes.count()).toBeGreaterThanOrEqual(11);
          for (const node of await nodes.all()) {
            const domain = node.locator(":scope > .node-summary .node-domain, :scope > details > .node-summary .node-domain");
            const host = (await domain.innerText()).trim();
            expectWholeLabels(await lineBoxes(domain), host);
            const record = node.locator(":scope > .node-state code, :scope > details > .node-state code");
            const lines = (await lineBoxes(record)).map((l) => l.trim()).filter((l) => l.length > 0);
            const text = (await record.innerText()).replace(/\s+/g, " ").trim();
            const why = `${host}: ${JSON.stringify(lines)}`;
            expect(text.length / lines.length, why).toBeGreaterThanOrEqual(MIN_CHARS_PER_LINE);
            // Lines break between terms, never inside one (joined back with spaces they
            // give the record as written).
            expect(lines.join(" "), why).toBe(text);
          }
        }
        // At phone width the DMARC card's value starts under its label, full width.
        if (name === "demo" && width === 390) {
          const [label, value] = await Promise.all(
            ["dt", "dd"].map((tag) => card(page, "dmarc").locator(`.facts ${tag}`).last().boundingBox()),
          );
          expect(value!.y).toBeGreaterThan(label!.y + label!.height - 1);
          expect(value!.width).toBeGreaterThan(250);
        }
        // An address is never broken inside.
        for (const cell of await page.locator(".ip-results tbody td:first-child").all()) {
          const lines = await cell.evaluate((td) => {
            const range = document.createRange();
            range.selectNodeContents(td);
            return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
          });
          expect(lines, await cell.innerText()).toBe(1);
        }
        await expectNoAxeViolations(page);
      });
    }
  }
}

test("the deciding node of a fail is marked in words, not in the pass colour", async ({ page }) => {
  await openCheck(page, "domain=ok.cli.test&ip=203.0.113.9&method=direct-send");
  await finished(page);
  await expect(card(page, "spf").locator(".ip-results tbody tr").first()).toHaveAttribute("data-result", "fail");
  const marker = card(page, "spf").locator(".decisive").first();
  await expect(marker).toContainText("203.0.113.9");
  const [marked, ink, pass] = await marker.evaluate((el) => {
    const probe = document.createElement("span");
    probe.style.color = "var(--ok)";
    el.parentElement!.append(probe);
    const colours = [getComputedStyle(el).color, getComputedStyle(el.parentElement!).color, getComputedStyle(probe).color];
    probe.remove();
    return colours;
  });
  expect(marked).toBe(ink);
  expect(marked).not.toBe(pass);
});
