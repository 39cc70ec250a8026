// The ranking hands a method on: a card prefilled from the answers, the DNS check with
// the method filled in, and for Direct Send why no connector is needed and when the
// partner connector's steps apply (review J1-3).
import { test, expect, type Page } from "./fixtures";
import AxeBuilder from "@axe-core/playwright";
import { siteUrl, subPathUrl } from "./site";
import { LANGS, WORDS, method, recommended } from "./plan-page";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

// The review's Journey 1 scanner: internal recipients, dynamic IP, no certificate.
const SCANNER = "client=device&cloud=gcc-high&recipients=internal&auth=basic&tls=1.2&ports=587,25&ip=dynamic&cert=no&security-defaults=on";

const directSendAdvice = (page: Page) => method(page, "direct-send").locator(".direct-send-connector");

for (const lang of LANGS) {
  const w = WORDS[lang];

  test.describe(`the ranking's next steps (${lang})`, () => {
    test("a scanner without static IP or certificate is told no connector is needed, with no connector form", async ({ page }) => {
      await page.goto(siteUrl(`?lang=${lang}&${SCANNER}&step=results`));
      await expect(recommended(page)).toHaveAttribute("data-method", "direct-send");
      await expect(directSendAdvice(page)).toHaveAttribute("data-advice", "no-partner");
      await expect(directSendAdvice(page)).toContainText(
        lang === "en"
          ? "No connector is needed for Direct Send unless Reject Direct Send is on"
          : "Direct Send không cần connector, trừ khi Reject Direct Send đang bật",
      );
      await expect(method(page, "direct-send").locator('a[href*="connector"]')).toHaveCount(0);
      const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(results.violations).toEqual([]);
    });

    test("with a static IP the partner connector's steps are linked; with Reject Direct Send off nothing is", async ({ page }) => {
      await page.goto(siteUrl(`?lang=${lang}&client=device&recipients=internal&ip=static&cert=no&step=results`));
      await expect(directSendAdvice(page)).toHaveAttribute("data-advice", "partner");
      const steps = directSendAdvice(page).getByRole("link");
      const href = new URL((await steps.getAttribute("href"))!, page.url());
      expect(href.pathname).toBe("/connector/");
      expect(href.searchParams.get("kind")).toBe("partner");
      await steps.click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(
        lang === "en" ? "Connector and tenant steps" : "Các bước cho connector và tenant",
      );
      await page.goto(siteUrl(`?lang=${lang}&client=device&recipients=internal&ip=static&reject-direct-send=off&step=results`));
      await expect(directSendAdvice(page)).toHaveAttribute("data-advice", "not-needed");
      await expect(directSendAdvice(page).getByRole("link")).toHaveCount(0);
    });

    test("Make a card opens Cards with a card of the method, cloud and sender from the answers", async ({ page }) => {
      await page.goto(siteUrl(`?lang=${lang}&${SCANNER}&step=results`));
      const card = recommended(page).getByRole("link", { name: w.cardLink });
      const href = new URL((await card.getAttribute("href"))!, page.url());
      expect(href.pathname).toBe("/cards/");
      expect(Object.fromEntries(href.searchParams)).toEqual({
        lang,
        add: "1",
        method: "direct-send",
        cloud: "gcc-high",
        client: "device",
      });
      await card.click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.cardsHeading);
      await expect(page.getByLabel(w.methodLabel).last()).toHaveValue("direct-send");
      // The card's values left the address, so a reload does not add it twice.
      await expect.poll(() => new URL(page.url()).searchParams.get("add")).toBeNull();
    });

    test("Check my domain's DNS opens the check with the method and cloud filled in", async ({ page }) => {
      await page.goto(siteUrl(`?lang=${lang}&${SCANNER}&step=results`));
      const check = recommended(page).getByRole("link", { name: w.checkLink });
      await check.click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.checkHeading);
      const url = new URL(page.url());
      expect(url.pathname).toBe("/check/");
      expect(url.searchParams.get("method")).toBe("direct-send");
      expect(url.searchParams.get("cloud")).toBe("gcc-high");
      await expect(page.getByLabel(w.methodLabel)).toHaveValue("direct-send");
    });
  });
}

test.describe("the next steps under a sub-path and in embed mode", () => {
  test("links stay under the sub-path and keep embed=1", async ({ page }) => {
    await page.goto(subPathUrl(`?embed=1&${SCANNER}&step=results`));
    const card = recommended(page).getByRole("link", { name: WORDS.en.cardLink });
    const cardHref = new URL((await card.getAttribute("href"))!, page.url());
    expect(cardHref.pathname).toBe("/tools/smarthost/cards/");
    expect(cardHref.searchParams.get("embed")).toBe("1");
    const checkHref = new URL(
      (await recommended(page).getByRole("link", { name: WORDS.en.checkLink }).getAttribute("href"))!,
      page.url(),
    );
    expect(checkHref.pathname).toBe("/tools/smarthost/check/");
    expect(checkHref.searchParams.get("embed")).toBe("1");
    // The check is its own page load under the sub-path, with the method filled in.
    await recommended(page).getByRole("link", { name: WORDS.en.checkLink }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(WORDS.en.checkHeading);
    expect(new URL(page.url()).pathname).toBe("/tools/smarthost/check/");
    await expect(page.getByLabel(WORDS.en.methodLabel)).toHaveValue("direct-send");
  });

  test("an application's recommended method has its next steps too, and Graph says why it comes second", async ({ page }) => {
    await page.clock.setFixedTime(new Date("2026-12-02T12:00:00Z"));
    await page.goto(siteUrl("?client=application&cloud=worldwide&recipients=external&auth=oauth&tls=1.2&ports=587&hosting=third-party-cloud&volume=normal&sender=device&onprem-server=no&port25-blocked=yes&step=results"));
    await expect(recommended(page)).toHaveAttribute("data-method", "client-submission");
    await expect(recommended(page).getByRole("link", { name: WORDS.en.cardLink })).toHaveAttribute("href", /client=application/);
    await expect(method(page, "graph-api").locator('[data-code="graph-after-smtp-auth"]')).toContainText(
      "only its sign-in changes",
    );
    // Running in Azure, ACS's setup is a note, not a reason against (review J2-2).
    await expect(method(page, "acs").locator('[data-code="acs-setup-in-cloud"]')).toContainText("Note");
    await expect(method(page, "acs").locator('[data-code="acs-setup-effort"]')).toHaveCount(0);
  });
});
