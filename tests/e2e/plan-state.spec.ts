// The planner keeps what was answered: Back (in the app and the browser's), the recap's
// links and "Change answers" open a question with its answer selected (review X-1).
import { test, expect, type Page } from "./fixtures";
import AxeBuilder from "@axe-core/playwright";
import { siteUrl } from "./site";
import { answer, LANGS, WORDS, type Lang } from "./plan-page";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

async function noAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations).toEqual([]);
}

const group = (page: Page) => page.locator("fieldset");

/** The review's steps: device, GCC High, "Also people outside", then question 4 left
 *  at "I don't know". */
async function answerThreeLeaveTheFourth(page: Page, lang: Lang) {
  const w = WORDS[lang];
  await page.goto(siteUrl(`?lang=${lang}`));
  await answer(page, w.device);
  await page.getByRole("button", { name: w.next, exact: true }).click();
  await answer(page, w.gccHigh);
  await page.getByRole("button", { name: w.next, exact: true }).click();
  await answer(page, w.external);
  await page.getByRole("button", { name: w.next, exact: true }).click();
  await expect(page.getByText(lang === "en" ? "Question 4 of 15" : "Câu hỏi 4/15")).toBeVisible();
  await expect(group(page).getByLabel(w.unknown)).toBeChecked();
}

for (const lang of LANGS) {
  const w = WORDS[lang];

  test.describe(`answers are kept (${lang})`, () => {
    test("in-app Back shows each earlier question with its answer selected", async ({ page }) => {
      await answerThreeLeaveTheFourth(page, lang);
      await page.getByRole("button", { name: w.back }).click();
      await expect(page.getByRole("heading", { name: w.recipientsQuestion })).toBeFocused();
      await expect(group(page).getByLabel(w.external)).toBeChecked();
      await expect(group(page).getByLabel(w.unknown)).not.toBeChecked();
      await noAxeViolations(page);
      await page.getByRole("button", { name: w.back }).click();
      await expect(page.getByRole("heading", { name: w.cloudQuestion })).toBeFocused();
      await expect(group(page).getByLabel(w.gccHigh)).toBeChecked();
      await expect(group(page).getByLabel(w.unknown)).not.toBeChecked();
    });

    test("the browser's back and forward show the answers too", async ({ page }) => {
      await answerThreeLeaveTheFourth(page, lang);
      await page.goBack();
      await expect(page.getByRole("heading", { name: w.recipientsQuestion })).toBeVisible();
      await expect(group(page).getByLabel(w.external)).toBeChecked();
      await expect(group(page).getByLabel(w.unknown)).not.toBeChecked();
      await page.goBack();
      await expect(page.getByRole("heading", { name: w.cloudQuestion })).toBeVisible();
      await expect(group(page).getByLabel(w.gccHigh)).toBeChecked();
      await page.goForward();
      await expect(page.getByRole("heading", { name: w.recipientsQuestion })).toBeVisible();
      await expect(group(page).getByLabel(w.external)).toBeChecked();
      await page.goForward();
      await expect(group(page).getByLabel(w.unknown)).toBeChecked();
      expect(new URL(page.url()).searchParams.get("recipients")).toBe("external");
    });

    test("the ranking recaps every answer, each a link to its question with the answer selected", async ({ page }) => {
      await answerThreeLeaveTheFourth(page, lang);
      await page.getByRole("button", { name: w.results }).click();
      await expect(page.getByRole("heading", { name: w.rankingHeading })).toBeFocused();
      const recap = page.getByRole("region", { name: w.recapTitle });
      await expect(recap.getByRole("listitem")).toHaveCount(15);
      await expect(recap.locator('[data-question="cloud"]')).toContainText(w.gccHigh);
      await expect(recap.locator('[data-question="recipients"]')).toContainText(w.external);
      await expect(recap.locator('[data-question="auth"]')).toContainText(w.unknown);
      await noAxeViolations(page);
      await recap.locator('[data-question="cloud"]').getByRole("link").click();
      await expect(page.getByRole("heading", { name: w.cloudQuestion })).toBeFocused();
      await expect(group(page).getByLabel(w.gccHigh)).toBeChecked();
      const url = new URL(page.url());
      expect(url.searchParams.get("recipients")).toBe("external");
      expect(url.searchParams.get("client")).toBe("device");
      expect(url.searchParams.get("lang")).toBe(lang);
    });

    test("Change answers starts again at question 1 with every answer kept", async ({ page }) => {
      await page.goto(siteUrl(`?lang=${lang}&client=device&cloud=gcc-high&recipients=external&step=results`));
      await page.getByRole("button", { name: w.change }).click();
      await expect(group(page).getByLabel(w.device)).toBeChecked();
      await page.getByRole("button", { name: w.next, exact: true }).click();
      await expect(group(page).getByLabel(w.gccHigh)).toBeChecked();
      await page.getByRole("button", { name: w.next, exact: true }).click();
      await expect(group(page).getByLabel(w.external)).toBeChecked();
    });

    test("a legend explains the three verdicts in the ranking's own words", async ({ page }) => {
      await page.goto(siteUrl(`?lang=${lang}&client=device&recipients=internal&ip=dynamic&cert=no&step=results`));
      const legend = page.getByRole("region", { name: lang === "en" ? "What the verdicts mean" : "Ý nghĩa của các kết luận" });
      await expect(legend.locator("dt")).toHaveText([w.recommended, w.possible, w.notPossible]);
      await expect(legend.locator("dd")).toHaveCount(3);
      // The ranking's pills say the same words (not a catalog key).
      await expect(page.locator('.method-result[data-verdict="recommended"] h3 .verdict')).toHaveText(w.recommended);
      await expect(page.locator('.method-result[data-verdict="not-possible"] h3 .verdict').first()).toHaveText(w.notPossible);
    });
  });
}

test.describe("keyboard", () => {
  test("the first answer is one arrow away: Tab, ArrowDown and Enter answer a question", async ({ page }) => {
    await page.goto(siteUrl("?step=2"));
    await page.getByRole("button", { name: "Next", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "Who receives the mail?" })).toBeFocused();
    const presses = ["Tab", "ArrowDown", "Enter"];
    // Tab lands on the preselected "I don't know", first in its group.
    await page.keyboard.press(presses[0]);
    await expect(group(page).getByLabel("I don't know")).toBeFocused();
    await expect(group(page).getByLabel("I don't know")).toBeChecked();
    await page.keyboard.press(presses[1]);
    await expect(group(page).getByLabel("Only people in my organisation")).toBeChecked();
    await page.keyboard.press(presses[2]);
    await expect(page.getByRole("heading", { name: "Which sign-in does it support at best?" })).toBeFocused();
    expect(new URL(page.url()).searchParams.get("recipients")).toBe("internal");
    expect(presses).toHaveLength(3);
  });

  test("every question lists I don't know first, preselected", async ({ page }) => {
    for (const step of [1, 3, 6, 9, 15]) {
      await page.goto(siteUrl(`?step=${step}`));
      const first = group(page).locator("input").first();
      await expect(first, `question ${step}`).toHaveAttribute("value", "unknown");
      await expect(first, `question ${step}`).toBeChecked();
    }
  });

  test("Enter on a choice answers and goes on, to the ranking on the last question", async ({ page }) => {
    await page.goto(siteUrl("?step=3"));
    const internal = group(page).getByLabel("Only people in my organisation");
    await internal.focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowDown");
    await expect(group(page).getByLabel("Also people outside my organisation")).toBeChecked();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "Which sign-in does it support at best?" })).toBeFocused();
    expect(new URL(page.url()).searchParams.get("recipients")).toBe("external");
    // Back by keyboard keeps the answer, and Enter on the last question opens the ranking.
    await page.goto(siteUrl("?step=15&recipients=internal"));
    await group(page).getByLabel("Off").focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "Your ranking" })).toBeFocused();
    expect(new URL(page.url()).searchParams.get("reject-direct-send")).toBe("off");
  });
});
