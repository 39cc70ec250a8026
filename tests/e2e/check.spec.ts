import { test, expect, type Page } from "./fixtures";
import AxeBuilder from "@axe-core/playwright";
import { CLOSED_DOH_URL, siteUrl, slowDohUrl, withDoh } from "./site";
import { card, finished, openCheck } from "./check-page";

test.describe("the DNS check finds each problem in the section it belongs to", () => {
  const cases: [string, string, string, string][] = [
    // domain, extra query, section, finding code
    ["ok.cli.test", "ip=192.168.1.20", "", "ip-not-public"],
    ["nomx.cli.test", "", "mx", "mx-missing"],
    ["nullmx.cli.test", "", "mx", "mx-null"],
    ["gateway.cli.test", "method=direct-send", "mx", "mx-not-microsoft"],
    ["nospf.cli.test", "method=direct-send", "spf", "spf-missing"],
    ["twospf.cli.test", "", "spf", "spf-multiple-records"],
    ["syntax.cli.test", "", "spf", "spf-syntax"],
    ["over.cli.test", "", "spf", "spf-too-many-lookups"],
    ["voids.cli.test", "", "spf", "spf-void-lookups"],
    ["plusall.cli.test", "", "spf", "spf-plus-all"],
    ["ptr.cli.test", "", "spf", "spf-ptr"],
    ["noinclude.cli.test", "", "spf", "spf-no-microsoft-include"],
    ["ok.cli.test", "ip=203.0.113.9&method=direct-send", "spf", "spf-ip-not-authorized"],
    ["nospf.cli.test", "", "dmarc", "dmarc-missing"],
    ["ok.cli.test", "", "mx", ""],
    ["servfail.cli.test", "", "spf", "dns-error"],
  ];
  for (const [domain, extra, section, code] of cases) {
    test(`${domain} ${extra} → ${code || "no MX finding"}`, async ({ page }) => {
      await openCheck(page, `domain=${domain}${extra ? `&${extra}` : ""}`);
      await finished(page);
      const where = section ? card(page, section) : page.locator("#ips-findings");
      if (code) {
        await expect(where.locator(`[data-code="${code}"]`)).toBeVisible();
        // A record that is really absent is said to be (the unreachable test checks the reverse).
        if (code === "spf-missing") await expect(where).toContainText("No SPF record is published.");
      } else {
        await expect(where).toHaveAttribute("data-status", "ok");
        await expect(where.locator(".finding")).toHaveCount(0);
      }
    });
  }
});

test("MX: an mx.microsoft domain gives its own smart host, copyable", async ({ page }) => {
  await openCheck(page, "domain=mx-dnssec.test");
  await expect(card(page, "mx")).toHaveAttribute("data-kind", "microsoft-365-dnssec");
  await expect(card(page, "mx").locator(".smart-host")).toContainText("mx-dnssec-test.o-v1.mx.microsoft");
  await expect(card(page, "mx").getByRole("button", { name: "Copy" })).toBeVisible();
});

test("SPF: the syntax error is marked where it is and listed with its position", async ({ page }) => {
  await openCheck(page, "domain=syntax.cli.test");
  await expect(card(page, "spf").locator("mark.syntax-error")).toHaveText("ip4:198.51.100.300");
  await expect(card(page, "spf").locator(".syntax-errors li")).toContainText("Characters 8–25");
});

test("SPF: the tree goes past the limit and shows counts, voids and the deciding term", async ({ page }) => {
  await openCheck(page, "domain=over.cli.test");
  const tree = card(page, "spf").locator(".spf-tree");
  await expect(tree.locator(".spf-node")).toHaveCount(12);
  await expect(tree.locator('[data-domain="c10.cli.test"]')).toContainText("over the 10-lookup limit");
  await expect(card(page, "spf")).toContainText("11 DNS lookups in the whole tree");

  await openCheck(page, "domain=voids.cli.test");
  await expect(card(page, "spf").locator(".spf-node.void")).toHaveCount(3);

  await openCheck(page, "domain=ok.cli.test&ip=198.51.100.7,203.0.113.9&method=direct-send");
  const rows = card(page, "spf").locator(".ip-results tbody tr");
  await expect(rows.nth(0)).toHaveAttribute("data-result", "pass");
  await expect(rows.nth(0)).toContainText("ip4:198.51.100.7");
  await expect(rows.nth(1)).toHaveAttribute("data-result", "fail");
  await expect(rows.nth(1)).toContainText("-all");
  await expect(card(page, "spf").locator('.decisive-node[data-domain="ok.cli.test"]')).toContainText("198.51.100.7");
  // Collapsing the root hides its includes.
  await card(page, "spf").locator('[data-domain="ok.cli.test"] > details > summary').click();
  await expect(card(page, "spf").locator('[data-domain="spf.protection.outlook.com"]')).toBeHidden();
});

test("SPF: the suggested record comes with its changes", async ({ page }) => {
  await openCheck(page, "domain=fixme.web.test&ip=203.0.113.25&method=direct-send");
  const spf = card(page, "spf");
  await expect(spf.locator('[data-code="spf-ip-not-authorized"]')).toBeVisible();
  await expect(spf.locator(".suggestion .code-block")).toContainText("ip4:203.0.113.25");
  await expect(spf.locator(".spf-diff ins")).toContainText("ip4:203.0.113.25");
});

test("what-if: applying the suggested record turns the failing IP into a pass before publishing", async ({ page }) => {
  await openCheck(page, "domain=fixme.web.test&ip=203.0.113.25&method=direct-send");
  await finished(page);
  await expect(card(page, "spf").locator(".ip-results tbody tr").first()).toHaveAttribute("data-result", "fail");
  await page.getByRole("button", { name: "Start from the suggested record" }).click();
  const result = page.getByTestId("whatif-result");
  await expect(result.locator(".ip-results tbody tr").first()).toHaveAttribute("data-result", "pass");
  // Typing a bad term is evaluated too, after the pause.
  await page.getByLabel("Draft SPF record").fill("v=spf1 ip4:203.0.113.999 -all");
  await expect(result.locator("mark.syntax-error")).toHaveText("ip4:203.0.113.999");
  // The published record is unchanged.
  await expect(card(page, "spf").locator(".ip-results tbody tr").first()).toHaveAttribute("data-result", "fail");
});

test("slow answers: progress shows what is in flight, Cancel stops it and claims nothing", async ({ page }) => {
  const aborted: string[] = [];
  page.on("requestfailed", (r) => {
    if (r.url().includes("/delay/")) aborted.push(r.failure()?.errorText ?? "");
  });
  await openCheck(page, "domain=deep.web.test", slowDohUrl(5000));
  const progress = page.getByTestId("check-progress");
  await expect(progress).toContainText("Looking up: deep.web.test");
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByText("Check cancelled. Nothing was concluded about your records.")).toBeVisible();
  await expect(page.locator(".finding")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Cancel" })).toHaveCount(0);
  // The lookups in flight were aborted, not left to finish.
  await expect.poll(() => aborted.length).toBeGreaterThan(0);
  expect(aborted.every((e) => e.includes("ABORTED"))).toBe(true);
});

test("results stream in: MX shows while SPF is still being looked up", async ({ page }) => {
  await openCheck(page, "domain=deep.web.test", slowDohUrl(700));
  await expect(card(page, "mx")).toHaveAttribute("data-status", "ok");
  await expect(card(page, "spf")).toHaveAttribute("data-status", "pending");
  await finished(page);
  await expect(card(page, "spf").locator(".spf-node")).toHaveCount(10);
});

test("an include that cannot be looked up: the record is shown, the IP it leaves undecided is not added to the suggestion", async ({ page }) => {
  await openCheck(page, "domain=brokeninc.cli.test&ip=198.51.100.7,203.0.113.9&method=direct-send");
  await finished(page);
  const spf = card(page, "spf");
  await expect(spf).toHaveAttribute("data-status", "could-not-check");
  await expect(spf.locator(".spf-record")).toContainText("include:servfail.cli.test");
  await expect(spf.locator(".ip-results tbody tr").nth(0)).toHaveAttribute("data-result", "pass");
  await expect(spf.locator(".ip-results tbody tr").nth(1)).toHaveAttribute("data-result", "temperror");
  await expect(spf.locator('[data-code="spf-ip-not-authorized"]')).toHaveCount(0);
  await expect(spf.locator('[data-code="dns-error"]').first()).toBeVisible();
  // 203.0.113.9 may be authorised by the include that could not be read.
  await expect(spf.locator(".suggestion")).toHaveCount(0);
  await expect(spf.locator('.spf-tree [data-domain="servfail.cli.test"]')).toContainText("could not check");
});

test("an unreachable resolver: could-not-check everywhere, paste mode, and the pasted records are checked", async ({ page }) => {
  await openCheck(page, "domain=contoso.com&ip=203.0.113.25&method=direct-send", CLOSED_DOH_URL);
  await finished(page);
  for (const section of ["mx", "spf", "dmarc"]) {
    await expect(card(page, section)).toHaveAttribute("data-status", "could-not-check");
  }
  for (const code of ["mx-missing", "spf-missing", "dmarc-missing"]) {
    await expect(page.locator(`[data-code="${code}"]`)).toHaveCount(0);
  }
  // Nor in the card's own text: the record is unknown, not absent, and there is no tree
  // with a lookup total of 0.
  await expect(card(page, "spf")).not.toContainText("No SPF record is published");
  await expect(card(page, "spf").locator(".record-unknown")).toHaveText(/could not be read/);
  await expect(card(page, "spf").locator(".spf-tree")).toHaveCount(0);
  await expect(page.getByTestId("unreachable")).toBeVisible();
  await page.getByLabel("TXT records of contoso.com").fill('contoso.com\ttext = "v=spf1 ip4:203.0.113.25 include:spf.protection.outlook.com -all"');
  await page.getByLabel("MX records of contoso.com").fill("contoso.com\tMX preference = 0, mail exchanger = contoso-com.mail.protection.outlook.com");
  await page.getByRole("button", { name: "Check the pasted records" }).click();
  await expect(card(page, "mx")).toHaveAttribute("data-status", "ok");
  await expect(card(page, "mx").locator(".smart-host")).toContainText("contoso-com.mail.protection.outlook.com");
  await expect(card(page, "spf").locator(".ip-results tbody tr").first()).toHaveAttribute("data-result", "pass");
  // What was not pasted is unknown, not missing.
  await expect(card(page, "dmarc")).toHaveAttribute("data-status", "could-not-check");
  await expect(card(page, "dmarc")).toContainText("_dmarc.contoso.com TXT is not among the pasted records");
  await expect(page.locator('[data-code="dmarc-missing"]')).toHaveCount(0);
});

test("a shared link reproduces the check, and 'Add to a device card' carries the smart host", async ({ page }) => {
  await openCheck(page, "domain=mx-classic.test&ip=198.51.100.7&method=relay-ip");
  await expect(page.getByLabel("Email domain")).toHaveValue("mx-classic.test");
  await expect(page.getByLabel(/Device public IPs/)).toHaveValue("198.51.100.7");
  await expect(page.getByLabel("Sending method")).toHaveValue("relay-ip");
  await finished(page);
  await expect(page.locator(".check-actions .code-block")).toContainText("domain=mx-classic.test");
  await page.getByRole("link", { name: "Add to a device card" }).click();
  const device = page.locator("article.device").last();
  await expect(device.getByLabel(/Smart host/)).toHaveValue("mxclassic-test01b.mail.protection.outlook.com");
  await expect(device.getByLabel("Sending method")).toHaveValue("relay-ip");
  expect(new URL(page.url()).searchParams.get("add")).toBeNull();
});

test("a bad IP in the form is explained next to the field and nothing is asked", async ({ page }) => {
  await openCheck(page, "");
  await page.getByLabel("Email domain").fill("contoso.com");
  await page.getByLabel(/Device public IPs/).fill("203.0.113.25, 2001:db8::1");
  await page.getByRole("button", { name: "Run the check" }).click();
  await expect(page.locator("#ips-error")).toContainText('"2001:db8::1" is not an IPv4 address');
  await expect(page.locator(".check-card")).toHaveCount(0);
});

test.describe("axe-core finds no violations", () => {
  for (const [name, query, doh] of [
    ["a full result", "domain=over.cli.test&ip=203.0.113.9,192.168.1.20&method=direct-send", undefined],
    ["a could-not-check result with paste mode", "domain=contoso.com", CLOSED_DOH_URL],
    ["a result with a syntax error and a suggestion", "domain=syntax.cli.test&ip=203.0.113.9&method=direct-send", undefined],
  ] as const) {
    test(name, async ({ page }) => {
      await openCheck(page, query, doh);
      await finished(page);
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
        .analyze();
      expect(results.violations).toEqual([]);
    });
  }
});

test("the link to a check carries the resolver chosen in Settings", async ({ page }) => {
  await page.goto(siteUrl("settings/"));
  await page.getByLabel("Google (JSON API)").check();
  await page.goto(siteUrl("check/?domain=smarthost-demo.example"));
  await finished(page);
  await expect(page.locator(".check-actions .code-block")).toContainText("resolver=google-json");
  // One lookup is said in the singular.
  await expect(card(page, "spf")).toContainText("1 DNS lookup in the whole tree");
});

test.describe("a broken resolver ends as 'could not check', never as a finding", () => {
  const faults: Record<string, string> = JSON.parse(process.env.SMARTHOST_DOH_FAULT_URLS ?? "{}");
  for (const kind of ["http500", "garbage", "truncated", "cname-loop", "wrong-name", "json-types"]) {
    test(kind, async ({ page }) => {
      const url = faults[kind];
      expect(url).toBeTruthy();
      const path =
        kind === "json-types"
          ? siteUrl(`check/?domain=ok.cli.test&resolver=${encodeURIComponent(`custom json ${url}`)}`)
          : siteUrl(withDoh("check/?domain=ok.cli.test", url));
      await page.goto(path);
      await finished(page);
      for (const section of ["mx", "spf", "dmarc"]) {
        await expect(card(page, section)).toHaveAttribute("data-status", "could-not-check");
      }
      await expect(page.locator('.finding:not([data-code="dns-error"])')).toHaveCount(0);
      await expect(page.getByTestId("unreachable")).toBeVisible();
    });
  }
});
