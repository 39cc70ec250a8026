// Paste mode tells the truth: pasted nslookup or dig output that shows a failed lookup
// is "could not check", never "no records"; the names an SPF record reaches into are
// listed with the commands that print them, and pasting one checks again.

import { test, expect, type Page } from "./fixtures";
import AxeBuilder from "@axe-core/playwright";
import { CLOSED_DOH_URL } from "./site";
import { card, finished, openCheck } from "./check-page";

const DEVICE_IP = "203.0.113.25";
const MX_OUTPUT = "contoso.com\tMX preference = 0, mail exchanger = contoso-com.mail.protection.outlook.com";

/** Windows nslookup when its DNS server does not answer. */
const NSLOOKUP_TIMED_OUT = [
  "C:\\Users\\admin>nslookup -type=mx contoso.com",
  "DNS request timed out.",
  "    timeout was 2 seconds.",
  "Server:  UnKnown",
  "Address:  192.168.1.1",
  "",
  "DNS request timed out.",
  "    timeout was 2 seconds.",
  "DNS request timed out.",
  "    timeout was 2 seconds.",
  "*** Request to UnKnown timed-out",
].join("\n");

const DIG_SERVFAIL = [
  "; <<>> DiG 9.18.28-1~deb12u2-Debian <<>> TXT contoso.com",
  ";; global options: +cmd",
  ";; Got answer:",
  ";; ->>HEADER<<- opcode: QUERY, status: SERVFAIL, id: 31337",
  ";; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 1",
  "",
  ";; QUESTION SECTION:",
  ";contoso.com.\t\t\tIN\tTXT",
].join("\n");

/** Opens the check with no reachable resolver, so the paste form is open. */
async function openPasteMode(page: Page, lang = "") {
  await openCheck(page, `${lang}domain=contoso.com&ip=${DEVICE_IP}&method=direct-send`, CLOSED_DOH_URL);
  await finished(page);
  await expect(page.getByTestId("unreachable")).toBeVisible();
}

async function paste(page: Page, txt: string, mx: string) {
  await page.getByLabel("TXT records of contoso.com").fill(txt);
  await page.getByLabel("MX records of contoso.com").fill(mx);
  await page.getByRole("button", { name: "Check the pasted records" }).click();
}

const deviceResult = (page: Page) => card(page, "spf").locator(`.ip-results tr[data-ip="${DEVICE_IP}"]`);

test("a timed-out nslookup for MX is 'could not check', not 'no MX records'", async ({ page }) => {
  await openPasteMode(page);
  await paste(page, 'contoso.com\ttext = "v=spf1 ip4:203.0.113.25 -all"', NSLOOKUP_TIMED_OUT);
  // The pasted set was checked: the pasted SPF record decides the device IP.
  await expect(deviceResult(page)).toHaveAttribute("data-result", "pass");
  const mx = card(page, "mx");
  await expect(mx).toHaveAttribute("data-status", "could-not-check");
  await expect(mx).toContainText("the output pasted for contoso.com MX shows that no DNS server answered");
  await expect(mx).not.toContainText("no MX records");
  await expect(page.locator("body")).not.toContainText("Publish the MX record");
  await expect(page.locator('[data-code="mx-missing"]')).toHaveCount(0);
  // Paste mode, not a blocked network: the notice about resolvers is gone, the boxes keep
  // what was pasted.
  await expect(page.getByTestId("unreachable")).toHaveCount(0);
  await expect(page.getByLabel("MX records of contoso.com")).toHaveValue(NSLOOKUP_TIMED_OUT);
});

test("a dig SERVFAIL for TXT is 'could not check', not 'No SPF record is published'", async ({ page }) => {
  await openPasteMode(page);
  await paste(page, DIG_SERVFAIL, MX_OUTPUT);
  await expect(card(page, "mx")).toHaveAttribute("data-status", "ok");
  const spf = card(page, "spf");
  await expect(spf).toHaveAttribute("data-status", "could-not-check");
  await expect(spf).toContainText("SERVFAIL");
  await expect(spf).not.toContainText("No SPF record is published");
  await expect(page.locator('[data-code="spf-missing"]')).toHaveCount(0);
});

test("an include that was not pasted is listed with its commands, and pasting it re-evaluates", async ({ page }) => {
  await openPasteMode(page);
  await paste(page, 'contoso.com\ttext = "v=spf1 include:_spf.vendor.example -all"', MX_OUTPUT);
  await expect(card(page, "mx")).toHaveAttribute("data-status", "ok");
  await expect(deviceResult(page)).toHaveAttribute("data-result", "temperror");
  await expect(card(page, "spf").locator('.spf-tree [data-domain="_spf.vendor.example"]')).toContainText(
    "_spf.vendor.example TXT is not among the pasted records",
  );

  const needed = page.getByTestId("still-needed").locator('li[data-name="_spf.vendor.example"][data-type="TXT"]');
  await expect(needed).toHaveAttribute("data-status", "not-pasted");
  await expect(needed).toContainText("not pasted yet, so it could not be checked");
  await expect(needed.locator("pre code")).toHaveText([
    "dig +short TXT _spf.vendor.example",
    "nslookup -type=TXT _spf.vendor.example",
  ]);
  // The domain's own records have their boxes above; they are not listed again.
  await expect(page.getByTestId("still-needed").locator('li[data-name="contoso.com"]')).toHaveCount(0);
  const audit = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  expect(audit.violations).toEqual([]);

  await page.getByLabel("TXT records of _spf.vendor.example").fill('_spf.vendor.example\ttext = "v=spf1 ip4:203.0.113.0/24 -all"');
  await page.getByRole("button", { name: "Check the pasted records" }).click();
  await expect(deviceResult(page)).toHaveAttribute("data-result", "pass");
  await expect(card(page, "spf").locator('.spf-tree [data-domain="_spf.vendor.example"]')).toContainText("ip4:203.0.113.0/24");
  // Pasted, so no longer needed.
  await expect(page.locator('.still-needed li[data-name="_spf.vendor.example"]')).toHaveCount(0);
  await expect(page.getByLabel("TXT records of contoso.com")).toHaveValue(/include:_spf\.vendor\.example/);
});

test("a pasted failure for an include stays needed with its cause; in Vietnamese after a language switch", async ({ page }) => {
  await openPasteMode(page);
  await paste(page, '"v=spf1 include:_spf.vendor.example -all"', MX_OUTPUT);
  await page
    .getByLabel("TXT records of _spf.vendor.example")
    .fill(";; connection timed out; no servers could be reached");
  await page.getByRole("button", { name: "Check the pasted records" }).click();
  const needed = page.getByTestId("still-needed").locator('li[data-name="_spf.vendor.example"]');
  await expect(needed).toHaveAttribute("data-status", "failed");
  await expect(needed).toContainText("could not be checked: the output pasted for _spf.vendor.example TXT shows that no DNS server answered");
  await expect(deviceResult(page)).toHaveAttribute("data-result", "temperror");

  // The pasted records stay the source when the language changes (the network is
  // still blocked): the list and the result are said again, in Vietnamese.
  await page.getByRole("link", { name: "Tiếng Việt" }).click();
  const list = page.getByTestId("still-needed");
  await expect(list.getByRole("heading")).toHaveText("Còn cần để hoàn tất kiểm tra");
  await expect(list.locator('li[data-name="_spf.vendor.example"]')).toContainText("không kiểm tra được: kết quả đã dán cho _spf.vendor.example TXT");
  await expect(page.getByLabel("Bản ghi TXT của _spf.vendor.example")).toHaveValue(/no servers could be reached/);
  await expect(card(page, "mx")).toHaveAttribute("data-status", "ok");
});
