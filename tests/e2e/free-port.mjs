import { execFileSync } from "node:child_process";

/** A loopback port the system says is free now (asked synchronously, so a config can use it). */
export function freePort() {
  const script =
    "const s = require('net').createServer().listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); })";
  return Number(execFileSync(process.execPath, ["-e", script]).toString().trim());
}
