import { defineConfig } from "@playwright/test";
import { args, executablePath } from "./chromium.mjs";
import { freePort } from "./free-port.mjs";

// A port the system says is free now, unless E2E_PORT names one. Kept in the
// environment, so the test workers (started later) serve and visit the same.
process.env.E2E_PORT ??= String(freePort());
const port = Number(process.env.E2E_PORT);

export default defineConfig({
  testDir: ".",
  outputDir: "./.output",
  timeout: 60_000,
  // Two tests at a time, from any files: each test has its own browser
  // context and the static server is stateless. A spec that starts servers of
  // its own gets its own ports and folders in each worker (offline, couch.mjs);
  // those that share one server between their tests run them in order
  // (sync, hostile-server, couch-server: `mode: "serial"`).
  workers: 2,
  fullyParallel: true,
  reporter: [["list"]],
  // Layout baselines live beside the tests and are compared with a tolerance.
  snapshotPathTemplate: "{testDir}/screenshots/{arg}{ext}",
  expect: { toHaveScreenshot: { maxDiffPixelRatio: 0.02, animations: "disabled", caret: "hide" } },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 768, height: 1024 },
    launchOptions: { executablePath, args },
  },
  webServer: {
    command: `node ../../scripts/serve.mjs ../../dist ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
  },
});
