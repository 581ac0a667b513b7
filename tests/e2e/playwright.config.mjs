import { execFileSync } from "node:child_process";
import { defineConfig } from "@playwright/test";
import { args, executablePath } from "./chromium.mjs";

// A port the system says is free now, unless E2E_PORT names one. Kept in the
// environment, so the test workers (started later) serve and visit the same.
if (!process.env.E2E_PORT) {
  const script = "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })";
  process.env.E2E_PORT = execFileSync(process.execPath, ["-e", script]).toString().trim();
}
const port = Number(process.env.E2E_PORT);

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
    launchOptions: { executablePath, args },
  },
  webServer: {
    command: `node ../../scripts/serve.mjs ../../dist ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
  },
});
