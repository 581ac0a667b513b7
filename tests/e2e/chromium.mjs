// Debian's Chromium and the flags it needs here: Playwright cannot download
// browsers on this kind of machine, and background networking would try to
// reach hosts the machine cannot.
export const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";

export const args = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
