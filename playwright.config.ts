import { defineConfig } from "@playwright/test";

// Browser tests run the built dist/ in Debian's Chromium; Playwright never downloads a
// browser. Services (static servers, Knot DNS + dnsdist) are started by global setup.
export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/support/global-setup.mjs",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    browserName: "chromium",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
    trace: "retain-on-failure",
    // The offline spec turns service workers on; elsewhere they would answer requests
    // that a test routes or counts.
    serviceWorkers: "block",
  },
});
