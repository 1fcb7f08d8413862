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

const after2027 = process.env.BASE_URL_2027 || "http://127.0.0.1:3001";
const cluster = process.env.CLUSTER_URL || "http://127.0.0.1:3111";

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
  // With JavaScript the suite runs against two nodes over one PostgreSQL database
  // behind a round-robin proxy (CLUSTER_URL; cluster.spec.ts also reaches each node
  // directly, NODE_A and NODE_B); without, against one node on SQLite. So every
  // test runs on both databases, and on one node and on two. regions.spec.ts runs
  // against a server whose clock starts in 2027 (BASE_URL_2027). See .ci/e2e.
  projects: [
    { name: "js", testIgnore: /regions\.spec/, use: { baseURL: cluster, javaScriptEnabled: true, launchOptions } },
    { name: "nojs", testIgnore: /(regions|cluster)\.spec/, use: { javaScriptEnabled: false, launchOptions } },
    { name: "cluster-nojs", testMatch: /cluster\.spec/, use: { baseURL: cluster, javaScriptEnabled: false, launchOptions } },
    { name: "js-2027", testMatch: /regions\.spec/, use: { baseURL: after2027, javaScriptEnabled: true, launchOptions } },
    { name: "nojs-2027", testMatch: /regions\.spec/, use: { baseURL: after2027, javaScriptEnabled: false, launchOptions } },
  ],
});
