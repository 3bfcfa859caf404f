// End-to-end tests against the release build (dist/), served on 127.0.0.1 by .ci/serve.mjs, in
// Debian's Chromium (Playwright never downloads a browser here).
import { defineConfig } from "@playwright/test";

export const PORT = 8091;
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.mjs",
  outputDir: "../test-results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // A stray test.only would run one test and pass the suite: refused in every run, CI or not
  // (REMODEL_ALLOW_ONLY=1 lets a developer focus one test by hand).
  forbidOnly: process.env.REMODEL_ALLOW_ONLY !== "1",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: "chromium",
    // The phone the app is designed for first; desktop tests set their own viewport.
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: false,
    hasTouch: true,
    launchOptions: { executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
  },
  webServer: {
    command: `node ../.ci/serve.mjs ../dist ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
