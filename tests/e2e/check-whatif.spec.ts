// The DNS check's review J4 confusions: demo data that could be copied as real, the
// what-if draft lost on reload and absent from the link, advice that ignored a draft
// that already passes, and a deciding marker that named the node but not the term.

import { test, expect, type Page } from "./fixtures";
import { card, expectNoAxeViolations, finished, openCheck } from "./check-page";

const DEMO = "domain=smarthost-demo.example&ip=198.51.100.7&method=direct-send";
const COVERS = "v=spf1 ip4:203.0.113.10 ip4:198.51.100.7 include:spf.protection.outlook.com -all";

const words = {
  en: {
    demo: "demo data",
    standIn: "demo stand-in, not Microsoft's real record",
    banner: "Demo data.",
    draftLabel: "Draft SPF record",
    draftPasses: "With the draft, SPF gives pass for 198.51.100.7",
    publishDraft: "Publish the draft below",
    cardFix: "Your draft in What if gives pass for 198.51.100.7",
    suggested: "Publish the suggested record",
    tooLong: "it is 3000 characters long, and a draft may have at most 2048",
    notText: "it is not readable text",
    failFor: "fail for 198.51.100.7",
    passFor: "pass for 203.0.113.10",
  },
  vi: {
    demo: "dữ liệu mẫu",
    standIn: "bản ghi thay thế dùng cho bản demo, không phải bản ghi thật của Microsoft",
    banner: "Dữ liệu mẫu.",
    draftLabel: "Bản ghi SPF nháp",
    draftPasses: "Với bản nháp, SPF cho kết quả pass với 198.51.100.7",
    publishDraft: "Hãy đưa bản nháp dưới đây lên DNS",
    cardFix: "Bản nháp của bạn trong phần Thử nghiệm cho kết quả pass với 198.51.100.7",
    suggested: "Tạo bản ghi đề xuất",
    tooLong: "nó dài 3000 ký tự, trong khi bản nháp chỉ được tối đa 2048 ký tự",
    notText: "nó không phải văn bản đọc được",
    failFor: "fail cho 198.51.100.7",
    passFor: "pass cho 203.0.113.10",
  },
};

/** A tag is read by screen readers as well as seen: visible, and no ancestor hides it. */
async function expectSpoken(tag: ReturnType<Page["locator"]>) {
  await expect(tag).toBeVisible();
  const hidden = await tag.evaluate((el) => !!el.closest('[aria-hidden="true"]'));
  expect(hidden).toBe(false);
}

for (const width of [390, 1366]) {
  for (const lang of ["en", "vi"] as const) {
    const w = words[lang];
    test.describe(`at ${width} px in ${lang}`, () => {
      test.beforeEach(async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
      });

      test("every value of the demo is tagged as demo data, Microsoft's names as stand-ins", async ({ page }) => {
        await openCheck(page, `lang=${lang}&${DEMO}`);
        await finished(page);
        await expect(page.getByTestId("demo-banner")).toContainText(w.banner);
        const tagIn = (where: ReturnType<Page["locator"]>) => where.locator('[data-testid="demo-tag"]');
        // The values one could copy: MX host, smart host, SPF record, suggested record,
        // DKIM names and key, DMARC record.
        const values = [
          card(page, "mx").locator("td.mx-host"),
          card(page, "mx").locator(".smart-host"),
          card(page, "spf").locator(".spf-record").first(),
          card(page, "spf").locator(".suggestion h3"),
          card(page, "dkim").locator(".dkim-selector dd").filter({ has: page.locator("code") }).first(),
          card(page, "dmarc").locator("dd").filter({ has: page.locator("code") }),
        ];
        for (const value of values) {
          await expect(value).toHaveCount(1);
          await expect(tagIn(value)).toHaveText(new RegExp(`^(${w.demo}|${w.standIn})$`));
          await expectSpoken(tagIn(value));
        }
        // Microsoft's include answered by the demo: said to be a stand-in, in place.
        const include = card(page, "spf").locator('.spf-node[data-domain="spf.protection.outlook.com"] > .node-state, .spf-node[data-domain="spf.protection.outlook.com"] > details > .node-state');
        await expect(include).toContainText("ip4:192.0.2.0/24");
        await expect(tagIn(include)).toHaveText(w.standIn);
        await expectSpoken(tagIn(include));
        // The record in the tree of the demo's own domain is demo data, not a stand-in.
        const root = card(page, "spf").locator('.spf-node[data-domain="smarthost-demo.example"] > details > .node-state');
        await expect(tagIn(root)).toHaveText(w.demo);
        // The editor starts from the demo's record: tagged too.
        await expect(page.locator(".whatif").getByTestId("demo-tag").first()).toHaveText(w.demo);
        await expectNoAxeViolations(page);
      });

      test("a draft that covers the IP is kept on reload and in the link, and the advice follows it", async ({ page, context }) => {
        await openCheck(page, `lang=${lang}&${DEMO}`);
        await finished(page);
        const result = page.getByTestId("whatif-result");
        await page.getByLabel(w.draftLabel).fill(COVERS);
        await expect(result.locator('.ip-results tbody tr[data-ip="198.51.100.7"]')).toHaveAttribute("data-result", "pass");
        await expect.poll(() => new URL(page.url()).searchParams.get("draft")).toBe(COVERS);
        // The link offered carries the draft.
        const link = (await page.locator(".check-actions .code-block code").innerText()).trim();
        expect(new URL(link).searchParams.get("draft")).toBe(COVERS);

        const expectDraftAdvice = async (p: Page) => {
          const r = p.getByTestId("whatif-result");
          await expect(p.getByLabel(w.draftLabel)).toHaveValue(COVERS);
          await expect(r.locator('.ip-results tbody tr[data-ip="198.51.100.7"]')).toHaveAttribute("data-result", "pass");
          const passes = r.locator('[data-code="spf-draft-passes"]');
          await expect(passes).toContainText(w.draftPasses);
          await expect(passes.locator(".finding-fix")).toContainText(w.publishDraft);
          await expect(r.getByTestId("draft-publish").locator(".code-block code")).toHaveText(COVERS);
          // The published card still says the record fails, and now points to the draft.
          const spf = card(p, "spf");
          await expect(spf.locator('.ip-results tbody tr[data-ip="198.51.100.7"]')).toHaveAttribute("data-result", "fail");
          const notAuthorized = spf.locator('[data-code="spf-ip-not-authorized"] .finding-fix');
          await expect(notAuthorized).toContainText(w.cardFix);
          await expect(notAuthorized).not.toContainText(w.suggested);
          await expect(r.locator(".finding-fix").filter({ hasText: w.suggested })).toHaveCount(0);
        };
        await expectDraftAdvice(page);

        // Reload: the draft and its evaluation come back without typing.
        await page.reload();
        await finished(page);
        await expectDraftAdvice(page);
        await expectNoAxeViolations(page);

        // The link opened elsewhere reproduces it.
        const other = await context.newPage();
        await other.setViewportSize({ width, height: 900 });
        await other.goto(link);
        await finished(other);
        await expectDraftAdvice(other);
      });

      test("a bad or over-long draft in a link is refused in words and the check still runs", async ({ page }) => {
        for (const [draft, message] of [
          ["x".repeat(3000), w.tooLong],
          // %FF decodes to no character: a broken escape.
          ["v%3Dspf1%20%FF%20-all", w.notText],
        ]) {
          const encoded = draft.startsWith("x") ? encodeURIComponent(draft) : draft;
          await openCheck(page, `lang=${lang}&${DEMO}&draft=${encoded}`);
          await finished(page);
          await expect(page.getByTestId("draft-rejected")).toContainText(message);
          // The rest of the link still holds: domain, IP and method ran.
          await expect(card(page, "spf").locator('.ip-results tbody tr[data-ip="198.51.100.7"]')).toHaveAttribute("data-result", "fail");
          await expect(page.locator("#method-input")).toHaveValue("direct-send");
          await expect(page.getByLabel(w.draftLabel)).toHaveValue("v=spf1 ip4:203.0.113.10 include:spf.protection.outlook.com -all");
        }
        await expectNoAxeViolations(page);
      });

      test("the tree marks the deciding term inside the record, in words and never in the pass colour for a fail", async ({ page }) => {
        await openCheck(page, `lang=${lang}&domain=smarthost-demo.example&ip=203.0.113.10,198.51.100.7&method=direct-send`);
        await finished(page);
        const root = card(page, "spf").locator('.spf-node[data-domain="smarthost-demo.example"] > details > .node-state');
        const marks = root.locator("mark.decided-term");
        await expect(marks).toHaveText(["ip4:203.0.113.10", "-all"]);
        await expect(marks.nth(0)).toHaveAttribute("data-result", "pass");
        await expect(marks.nth(1)).toHaveAttribute("data-result", "fail");
        await expect(root.locator(".term-verdict")).toHaveText([w.passFor, w.failFor]);
        // The words stand right after their term.
        const text = (await root.locator("code").innerText()).replace(/\s+/g, " ");
        expect(text).toContain(`-all ${w.failFor}`);
        const [failColour, okColour] = await marks.nth(1).evaluate((el) => {
          const probe = document.createElement("span");
          probe.style.color = "var(--ok)";
          el.append(probe);
          const colours = [getComputedStyle(el).outlineColor, getComputedStyle(probe).color];
          probe.remove();
          return colours;
        });
        expect(failColour).not.toBe(okColour);
        await expectNoAxeViolations(page);
      });
    });
  }
}

test("a temperror's deciding term is marked as a temperror, not as a pass", async ({ page }) => {
  await openCheck(page, "domain=brokeninc.cli.test&ip=203.0.113.9&method=direct-send");
  await finished(page);
  const mark = card(page, "spf").locator("mark.decided-term").first();
  await expect(mark).toHaveAttribute("data-result", "temperror");
  await expect(mark).toContainText("include:servfail.cli.test");
  const [outline, ok] = await mark.evaluate((el) => {
    const probe = document.createElement("span");
    probe.style.color = "var(--ok)";
    el.append(probe);
    const colours = [getComputedStyle(el).outlineColor, getComputedStyle(probe).color];
    probe.remove();
    return colours;
  });
  expect(outline).not.toBe(ok);
  await expect(card(page, "spf").locator(".term-verdict").first()).toHaveText("temperror for 203.0.113.9");
});

test("a check against real DNS carries no demo tag", async ({ page }) => {
  await openCheck(page, "domain=ok.cli.test&ip=203.0.113.9&method=direct-send");
  await finished(page);
  await expect(card(page, "spf").locator(".spf-record")).toBeVisible();
  await expect(page.getByTestId("demo-tag")).toHaveCount(0);
  await expect(page.getByTestId("demo-banner")).toHaveCount(0);
});
