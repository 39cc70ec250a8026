// Takes the README's screenshots of the built site (desktop and 390 px mobile) into
// docs/screenshots/. Run after `cargo xtask build`:
//
//   node tests/support/screenshots.mjs
//
// The DNS check uses the built-in demo domain, so no DNS server is needed; two device
// IPs show a pass, a fail with its suggested record, and the include tree.

import { chromium } from "@playwright/test";
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { startStaticServer } from "./static-server.mjs";

const root = resolve(import.meta.dirname, "..", "..");
const out = resolve(root, "docs", "screenshots");
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, mobile: { width: 390, height: 844 } };
const SCREENS = [
  { name: "plan", path: "?step=3&client=device", ready: "fieldset" },
  {
    name: "ranking",
    path: "?client=device&recipients=internal&auth=basic&tls=1.2&ports=587,25&ip=dynamic&security-defaults=on&step=results",
    ready: ".method-result",
  },
  { name: "ranking-vi", path: "?lang=vi&client=device&recipients=internal&auth=basic&security-defaults=on&step=results", ready: ".method-result" },
  { name: "compare", path: "compare/?recipients=external&ip=dynamic", ready: "td.ruled-out" },
  {
    name: "check",
    path: "check/?domain=smarthost-demo.example&ip=203.0.113.10,203.0.113.77&method=direct-send",
    ready: '.verdicts .device-verdict',
  },
  {
    name: "explain",
    path: "explain/?method=relay-ip&text=550%205.7.64%20TenantAttribution%3B%20Relay%20Access%20Denied%20%5B203.0.113.25%5D",
    ready: "article.bounce",
  },
  {
    name: "check-vi",
    path: "check/?lang=vi&domain=smarthost-demo.example&ip=203.0.113.10,203.0.113.77&method=direct-send",
    ready: ".verdicts .device-verdict",
  },
  { name: "settings", path: "settings/", ready: "fieldset" },
  { name: "cards", path: "cards/", ready: ".device-card" },
  { name: "cards-vi", path: "cards/?lang=vi", ready: ".device-card" },
  { name: "guide-vi", path: "guide/vi/index.html", ready: "dl.terms" },
];

// The Cards screen shows the inventory kept in the browser: give it two devices.
const INVENTORY = JSON.stringify({
  version: 1,
  devices: [
    { name: "Ricoh 2nd floor", location: "Da Nang office", model: "IM C3000", method: "direct-send", cloud: "worldwide", client: "device", from: "scanner@contoso.com", domain: "contoso.com", smart_host: "contoso-com.mail.protection.outlook.com", ip: "", username: "", notes: "" },
    { name: "Billing app", location: "Azure", model: "", method: "client-submission", cloud: "worldwide", client: "application", from: "billing@contoso.com", domain: "", smart_host: "", ip: "", username: "", notes: "" },
  ],
});

await mkdir(out, { recursive: true });
const { server, url } = await startStaticServer({ root: resolve(root, "dist") });
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
try {
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    const page = await browser.newPage({ viewport });
    await page.addInitScript((inventory) => localStorage.setItem("smarthost.inventory", inventory), INVENTORY);
    for (const screen of SCREENS) {
      await page.goto(new URL(screen.path, url).toString());
      await page.locator(screen.ready).first().waitFor();
      const file = resolve(out, `${screen.name}-${device}.png`);
      await page.screenshot({ path: file, fullPage: device === "mobile" ? false : true });
      console.log(`wrote ${file}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
