import { defineConfig } from "@playwright/test";

// Debian's Chromium, never a downloaded browser. The server is started by
// .ci/e2e, which sets BASE_URL.
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const launchOptions = {
  executablePath: chromium,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "./tests",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: process.env.BASE_URL || "http://127.0.0.1:3000",
    locale: "da-DK",
    trace: "off",
  },
  projects: [
    { name: "js", use: { javaScriptEnabled: true, launchOptions } },
    { name: "nojs", use: { javaScriptEnabled: false, launchOptions } },
  ],
});
