// The ranking links each method to what comes next beyond the card and the check: its
// tenant switch (SMTP AUTH for the mailbox, on the Connector screen), its connector steps
// for a relay, and its guide page, keeping the language and embed mode (review J2, "The
// recommended card has no link at all"). Its reasons speak of an application when one
// sends (review J2, "The device supports port 587").
import { test, expect, type Page } from "./fixtures";
import { siteUrl, subPathUrl } from "./site";
import { LANGS, method, recommended } from "./plan-page";
import { expectNoAxeViolations } from "./axe-audit";

// The review's Journey 2 application on Azure, mailing customers.
const APP = "client=application&cloud=worldwide&recipients=external&auth=oauth&tls=1.2&ports=587&hosting=third-party-cloud&volume=normal&sender=device&onprem-server=no&port25-blocked=yes";
// A device with a static IP and its own certificate, on premises: the relays are possible.
const RELAY = "client=device&recipients=external&auth=none&tls=1.2&ports=25&ip=static&cert=yes&hosting=on-premises";

const WORDS = {
  en: {
    tenantLink: "Tenant step: Turn on SMTP AUTH for this mailbox only",
    tenantTitle: "Turn on SMTP AUTH for this mailbox only",
    guideLink: "Setup guide for this method",
    connectorLink: "Connector steps for this method",
    submissionGuide: "SMTP AUTH client submission",
    relayGuide: "SMTP relay with a connector",
    port587: "The application supports port 587, the recommended submission port.",
    hveVolume: "for an application's normal volume",
  },
  vi: {
    tenantLink: "Bước thiết lập trên tenant: Chỉ bật SMTP AUTH cho hộp thư này",
    tenantTitle: "Chỉ bật SMTP AUTH cho hộp thư này",
    guideLink: "Hướng dẫn thiết lập cho phương thức này",
    connectorLink: "Các bước tạo connector cho phương thức này",
    submissionGuide: "Gửi qua SMTP AUTH (client submission)",
    relayGuide: "SMTP relay qua connector",
  },
} as const;

const hrefOf = async (page: Page, link: ReturnType<Page["getByRole"]>) =>
  new URL((await link.getAttribute("href"))!, page.url());

for (const lang of LANGS) {
  const w = WORDS[lang];

  test.describe(`the ranking's tenant and guide links (${lang})`, () => {
    test.beforeEach(async ({ page }) => {
      await page.clock.setFixedTime(new Date("2026-12-02T12:00:00Z"));
    });

    test("SMTP AUTH links to turning SMTP AUTH on for its mailbox, which the Connector screen shows", async ({ page }) => {
      await page.goto(siteUrl(`?lang=${lang}&${APP}&step=results`));
      await expect(recommended(page)).toHaveAttribute("data-method", "client-submission");
      const tenant = recommended(page).getByRole("link", { name: w.tenantLink });
      const href = await hrefOf(page, tenant);
      expect(href.pathname).toBe("/connector/");
      expect(href.hash).toBe("#tenant-enable-smtp-auth");
      expect(Object.fromEntries(href.searchParams)).toEqual({ lang, client: "application" });
      await tenant.click();
      const step = page.locator("#tenant-enable-smtp-auth");
      await expect(step.getByRole("heading", { level: 3 })).toHaveText(w.tenantTitle);
      await expect(step).toBeInViewport();
      expect(new URL(page.url()).searchParams.get("lang")).toBe(lang);
      // A shared link to the step lands on it as well, on a fresh page load.
      await page.goto(siteUrl(`?lang=${lang}`));
      await page.goto(href.toString());
      await expect(page.locator("#tenant-enable-smtp-auth")).toBeAttached();
      await expect(page.locator("#tenant-enable-smtp-auth")).toBeInViewport();
      await expectNoAxeViolations(page);
    });

    test("each method that is not ruled out links to its guide page in the page's language", async ({ page }) => {
      await page.goto(siteUrl(`?lang=${lang}&${APP}&step=results`));
      await expect(recommended(page)).toHaveCount(1);
      const open = page.locator('.method-result:not([data-verdict="not-possible"])');
      const count = await open.count();
      expect(count).toBeGreaterThan(1);
      for (let i = 0; i < count; i++) {
        const guide = await hrefOf(page, open.nth(i).getByRole("link", { name: w.guideLink }));
        expect(guide.pathname).toMatch(new RegExp(`^/guide/${lang}/[a-z-]+\\.html$`));
        expect(guide.searchParams.get("embed")).toBeNull();
      }
      // Ruled-out methods have no next step at all.
      await expect(page.locator('.method-result[data-verdict="not-possible"] .method-links')).toHaveCount(0);
      await recommended(page).getByRole("link", { name: w.guideLink }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.submissionGuide);
      expect(new URL(page.url()).pathname).toBe(`/guide/${lang}/client-submission.html`);
    });

    test("a relay links to its connector steps and to its section of the relay guide", async ({ page }) => {
      await page.goto(siteUrl(`?lang=${lang}&${RELAY}&step=results`));
      const relay = method(page, "relay-cert");
      await expect(relay).not.toHaveAttribute("data-verdict", "not-possible");
      const connector = await hrefOf(page, relay.getByRole("link", { name: w.connectorLink }));
      expect(connector.pathname).toBe("/connector/");
      expect(connector.searchParams.get("kind")).toBe("relay-cert");
      const guide = await hrefOf(page, relay.getByRole("link", { name: w.guideLink }));
      expect(guide.pathname).toBe(`/guide/${lang}/smtp-relay.html`);
      expect(guide.hash).toBe("#certificate-connector");
      // No tenant switch to make for a relay.
      await expect(relay.locator('[data-link="tenant"]')).toHaveCount(0);
      await relay.getByRole("link", { name: w.guideLink }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.relayGuide);
    });
  });
}

test.describe("the tenant and guide links in embed mode, under a sub-path", () => {
  test("keep embed=1 and the language, before the guide's anchor", async ({ page }) => {
    await page.goto(subPathUrl(`?embed=1&lang=vi&${RELAY}&step=results`));
    const relay = method(page, "relay-ip");
    const guide = await hrefOf(page, relay.getByRole("link", { name: WORDS.vi.guideLink }));
    expect(guide.pathname).toBe("/tools/smarthost/guide/vi/smtp-relay.html");
    expect(guide.searchParams.get("embed")).toBe("1");
    expect(guide.hash).toBe("#ip-connector");
    await page.goto(subPathUrl(`?embed=1&lang=vi&${APP}&step=results`));
    const tenant = await hrefOf(page, recommended(page).getByRole("link", { name: WORDS.vi.tenantLink }));
    expect(tenant.pathname).toBe("/tools/smarthost/connector/");
    expect(Object.fromEntries(tenant.searchParams)).toEqual({ embed: "1", lang: "vi", client: "application" });
    // The guide page honours embed mode: no site chrome.
    await recommended(page).getByRole("link", { name: WORDS.vi.guideLink }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(WORDS.vi.submissionGuide);
    expect(new URL(page.url()).searchParams.get("embed")).toBe("1");
  });
});

test.describe("the reasons follow who sends", () => {
  test("an application's reasons say the application, in English and Vietnamese", async ({ page }) => {
    await page.clock.setFixedTime(new Date("2026-12-02T12:00:00Z"));
    await page.goto(siteUrl(`?${APP}&step=results`));
    const port587 = recommended(page).locator('[data-code="port-587-available"]');
    await expect(port587).toContainText(WORDS.en.port587);
    const ranking = page.locator(".ranked-methods");
    await expect(ranking).not.toContainText(/\bthe device\b|a device's/i);
    await page.goto(siteUrl(`?lang=vi&${APP}&step=results`));
    await expect(port587).toContainText("Ứng dụng hỗ trợ cổng 587");
    await expect(ranking).not.toContainText("thiết bị");
    // HVE for internal mail at an application's normal volume.
    const internal = APP.replace("recipients=external", "recipients=internal");
    await page.goto(siteUrl(`?${internal}&step=results`));
    await expect(method(page, "hve").locator('[data-code="hve-for-volume"]')).toContainText(WORDS.en.hveVolume);
    await page.goto(siteUrl(`?lang=vi&${internal}&step=results`));
    await expect(method(page, "hve").locator('[data-code="hve-for-volume"]')).toContainText("lượng thư bình thường của một ứng dụng");
  });
});
