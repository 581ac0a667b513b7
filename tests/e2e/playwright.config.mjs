import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 8091);

// Debian's Chromium: Playwright's own browser downloads are not available here.
export default defineConfig({
  testDir: ".",
  outputDir: "./.output",
  timeout: 60_000,
  workers: 1,
  reporter: [["list"]],
  // Layout baselines live beside the tests and are compared with a tolerance.
  snapshotPathTemplate: "{testDir}/screenshots/{arg}{ext}",
  expect: { toHaveScreenshot: { maxDiffPixelRatio: 0.02, animations: "disabled", caret: "hide" } },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 768, height: 1024 },
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: `node ../../scripts/serve.mjs ../../dist ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
  },
});
