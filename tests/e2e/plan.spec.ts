import { test, expect, type Page } from "./fixtures";
import { siteUrl } from "./site";
import { answer, method, next, on, ranking, recommended } from "./plan-page";

test.describe("the planner", () => {
  test("internal-only scanner without TLS gets Direct Send, and the link reproduces it", async ({ page }) => {
    await page.goto(siteUrl());
    await expect(page.getByText("Question 1 of 15")).toBeVisible();
    await answer(page, "A device (printer, scanner, appliance)");
    await next(page);
    await expect(page.getByRole("heading", { name: "Which Microsoft 365 cloud is your tenant in?" })).toBeFocused();
    await next(page);
    await answer(page, "Only people in my organisation");
    await next(page);
    await answer(page, "No sign-in at all");
    await next(page);
    await answer(page, "No encryption");
    await ranking(page);
    await expect(recommended(page)).toHaveAttribute("data-method", "direct-send");
    await expect(recommended(page)).toContainText("Direct Send");
    await expect(recommended(page).locator('[data-code="internal-recipients-fit"]')).toBeVisible();
    const clientSubmission = page.locator('.method-result[data-method="client-submission"]');
    await expect(clientSubmission).toHaveAttribute("data-verdict", "not-possible");
    await expect(clientSubmission.locator('[data-code="tls-required"]')).toContainText("Rules it out");

    const shared = page.url();
    const other = await page.context().newPage();
    await other.goto(shared);
    await expect(recommended(other)).toHaveAttribute("data-method", "direct-send");
  });

  test("external recipients with OAuth get client submission", async ({ page }) => {
    await page.goto(siteUrl("?step=3"));
    await answer(page, "Also people outside my organisation");
    await next(page);
    await answer(page, "OAuth 2.0 (modern authentication)");
    await ranking(page);
    await expect(recommended(page)).toHaveAttribute("data-method", "client-submission");
    const url = new URL(page.url());
    expect(url.searchParams.get("recipients")).toBe("external");
    expect(url.searchParams.get("auth")).toBe("oauth");
    await page.reload();
    await expect(recommended(page)).toHaveAttribute("data-method", "client-submission");
  });

  test("static IP, no sign-in and external recipients get an IP connector", async ({ page }) => {
    await page.goto(siteUrl("?client=device&recipients=external&auth=none&ports=25&port25-blocked=no&step=7"));
    await expect(page.getByRole("heading", { name: "Is the public IP it sends from static?" })).toBeVisible();
    await answer(page, "Static");
    await next(page);
    await answer(page, "No");
    await ranking(page);
    await expect(recommended(page)).toHaveAttribute("data-method", "relay-ip");
    await expect(recommended(page).locator('[data-code="static-ip-connector"]')).toBeVisible();
  });

  test("ports take several answers and I don't know clears them", async ({ page }) => {
    await page.goto(siteUrl("?step=6"));
    const group = page.locator("fieldset");
    await group.getByLabel("587 (STARTTLS)").check();
    await group.getByLabel("25", { exact: true }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get("ports")).toBe("587,25");
    await group.getByLabel("I don't know").check();
    await expect.poll(() => new URL(page.url()).searchParams.get("ports")).toBeNull();
  });

  test("is operable by keyboard alone", async ({ page }) => {
    await page.goto(siteUrl("?step=3"));
    const first = page.locator("fieldset").getByLabel("Only people in my organisation");
    await first.focus();
    await page.keyboard.press("Space");
    await expect(first).toBeChecked();
    // The radios are one tab stop; the next is the Back button.
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Back" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Next" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "Which sign-in does it support at best?" })).toBeFocused();
  });

  test("a bad value in a link is reported and ignored", async ({ page }) => {
    await page.goto(siteUrl("?tls=1.3&step=results"));
    await expect(page.getByRole("status")).toContainText('"1.3" for tls was ignored');
    await expect(recommended(page)).toHaveCount(1);
  });

  test("the ranking links to the matrix with the answers, which marks the cells", async ({ page }) => {
    await page.goto(siteUrl("?recipients=external&ip=dynamic&step=results"));
    await page.getByRole("link", { name: "Compare the methods for these answers" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Compare the ways to send");
    const directSendColumn = await page.locator('thead th[data-method="direct-send"]').evaluate(
      (th) => Array.from(th.parentElement!.children).indexOf(th),
    );
    const recipientsRow = page.locator('tr[data-aspect="recipients"]');
    await expect(recipientsRow.locator("td").nth(directSendColumn - 1)).toHaveClass(/ruled-out/);
    await expect(recipientsRow.locator("td.ruled-out").first()).toContainText("Rules it out");
  });
});

test.describe("languages", () => {
  test("switching to Vietnamese changes the headings and the lang attribute, and links keep it", async ({ page }) => {
    await page.goto(siteUrl());
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("link", { name: "Tiếng Việt" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thiết bị này nên gửi thư theo cách nào?");
    await page.getByRole("navigation").getByRole("link", { name: "So sánh" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("So sánh các phương thức gửi thư");
    expect(new URL(page.url()).searchParams.get("lang")).toBe("vi");
  });

  test("a question's choices follow a language switch, the check boxes of the ports question included", async ({ page }) => {
    await page.goto(siteUrl("?step=6"));
    const group = page.locator("fieldset");
    await group.getByLabel("465 (SSL/implicit TLS)").check();
    await page.getByRole("link", { name: "Tiếng Việt" }).click();
    await expect(group.getByLabel("465 (SSL/TLS ngầm định)")).toBeChecked();
    await expect(group).not.toContainText("implicit");
  });

  test("a shared link opens in the sender's language", async ({ page }) => {
    await page.goto(siteUrl("?lang=vi&step=results&recipients=internal"));
    await expect(page.getByRole("heading", { name: "Kết quả xếp hạng" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  });

  test("the choice in Settings is remembered", async ({ page }) => {
    await page.goto(siteUrl("settings/"));
    await page.getByLabel("Tiếng Việt").check();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cài đặt");
    await page.goto(siteUrl());
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  });

  test("English visitors do not download the Vietnamese catalog; it loads when chosen", async ({ page }) => {
    const catalogRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/i18n/")) catalogRequests.push(request.url());
    });
    await page.goto(siteUrl());
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Which way should this device send?");
    expect(catalogRequests).toEqual([]);
    await page.getByRole("link", { name: "Tiếng Việt" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thiết bị này nên gửi thư theo cách nào?");
    expect(catalogRequests).toHaveLength(1);
  });

  test("when the Vietnamese catalog cannot be fetched, the page says so and stays usable in English", async ({ page }) => {
    await page.route("**/i18n/vi.txt", (route) => route.abort("internetdisconnected"));
    await page.goto(siteUrl("?lang=vi"));
    await expect(page.getByRole("status").filter({ hasText: "Vietnamese could not be loaded" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Which way should this device send?");
  });
});

const firstReason = (page: Page, id: string) => method(page, id).locator(".reasons li").first();

test.describe("dated facts follow the browser's date", () => {
  const usernamePasswordInternal = "?client=device&auth=basic&recipients=internal&ports=587&security-defaults=off&step=results";

  test("four weeks before: Basic SMTP AUTH is possible, not recommended, and says in how many days", async ({ page }) => {
    await on(page, "2026-12-02");
    await page.goto(siteUrl(usernamePasswordInternal));
    await expect(page.locator(".ranking-date")).toHaveAttribute("data-today", "2026-12-02");
    await expect(recommended(page)).toHaveAttribute("data-method", "hve");
    await expect(firstReason(page, "hve")).toHaveAttribute("data-code", "hve-basic-until-2028");
    await expect(firstReason(page, "hve")).toContainText("HVE accounts may use Basic auth until September 2028 (668 days left)");
    const submission = method(page, "client-submission");
    await expect(submission).toHaveAttribute("data-verdict", "possible");
    await expect(firstReason(page, "client-submission")).toHaveAttribute("data-code", "basic-auth-retiring");
    await expect(firstReason(page, "client-submission")).toContainText(
      "Not for a new setup Basic auth for SMTP AUTH is off by default from the end of December 2026 (in 29 days)",
    );
    await expect(submission.locator('[data-code="basic-auth-turn-back-on"]')).toHaveCount(0);
  });

  test("the day before says 1 day; from the day on it says it has happened", async ({ page }) => {
    await on(page, "2026-12-30");
    await page.goto(siteUrl(usernamePasswordInternal));
    await expect(firstReason(page, "client-submission")).toContainText("from the end of December 2026 (in 1 day)");
    await page.clock.setFixedTime(new Date("2027-01-15T12:00:00Z"));
    await page.reload();
    await expect(page.locator(".ranking-date")).toHaveAttribute("data-today", "2027-01-15");
    const submission = method(page, "client-submission");
    await expect(submission).toHaveAttribute("data-verdict", "possible");
    await expect(firstReason(page, "client-submission")).toContainText(
      "Basic auth for SMTP AUTH has been off by default since the end of December 2026",
    );
    await expect(submission).not.toContainText("in 29 days");
    await expect(submission.locator('[data-code="basic-auth-turn-back-on"]')).toBeVisible();
    await expect(recommended(page)).toHaveAttribute("data-method", "hve");
  });

  test("in Vietnamese too", async ({ page }) => {
    await on(page, "2026-12-02");
    await page.goto(siteUrl(usernamePasswordInternal + "&lang=vi"));
    await expect(firstReason(page, "client-submission")).toContainText("(còn 29 ngày)");
    await expect(firstReason(page, "client-submission")).toContainText("Không nên dùng cho thiết lập mới");
  });

  test("a username-and-password sender to external recipients gets ACS with its caveats", async ({ page }) => {
    await on(page, "2026-12-02");
    await page.goto(siteUrl("?client=device&auth=basic&recipients=external&ip=dynamic&cert=no&security-defaults=off&step=results"));
    await expect(recommended(page)).toHaveAttribute("data-method", "acs");
    await expect(firstReason(page, "acs")).toHaveAttribute("data-code", "acs-username-password");
    await expect(firstReason(page, "acs")).toContainText("about 40 characters");
    await expect(firstReason(page, "acs")).toContainText("unconfirmed per device");
    await expect(method(page, "client-submission")).toHaveAttribute("data-verdict", "possible");
  });

  test("the matrix words the status row for the day", async ({ page }) => {
    await on(page, "2026-12-02");
    await page.goto(siteUrl("compare/"));
    const status = page.locator('tr[data-aspect="status"] td').first();
    await expect(status).toContainText("Basic auth for SMTP AUTH is off by default from the end of December 2026 (in 29 days)");
    await page.clock.setFixedTime(new Date("2028-10-01T12:00:00Z"));
    await page.reload();
    await expect(page.locator('tr[data-aspect="status"]')).toContainText("Basic auth for HVE accounts ended in September 2028");
  });
});

test.describe("an application is the application", () => {
  test("in the title, the questions, the summaries and every reason", async ({ page }) => {
    await on(page, "2026-12-02");
    await page.goto(siteUrl("?client=application&auth=basic&recipients=external&ports=25&tls=none&step=11"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Which way should this application send?");
    await expect(page.locator("fieldset").getByLabel("One address for the application")).toBeVisible();
    await ranking(page);
    const results = page.locator(".ranked-methods");
    await expect(method(page, "hve").locator('[data-code="port-587-needed"]')).toContainText(
      "It needs port 587, which the application cannot use.",
    );
    await expect(results).not.toContainText(/device/i);
    await page.goto(siteUrl("?client=application&auth=basic&recipients=external&ports=25&tls=none&step=results&lang=vi"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ứng dụng này nên gửi thư theo cách nào?");
    await expect(page.locator(".ranked-methods")).not.toContainText("thiết bị");
  });

  test("a device is still the device", async ({ page }) => {
    await page.goto(siteUrl("?client=device&ports=25&step=results"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Which way should this device send?");
    await expect(method(page, "hve").locator('[data-code="port-587-needed"]')).toContainText("which the device cannot use");
  });
});
