import { defineConfig } from "@playwright/test";
import os from "node:os";
import path from "node:path";

const port = Number(process.env.E2E_PORT ?? 3100);
// Set once, in the runner's process, so that its test workers (own processes) name the same folders.
process.env.E2E_DATA_DIR ??= path.join(os.tmpdir(), `shiplane-e2e-${process.pid}`);
process.env.E2E_WORK_DIR ??= path.join(os.tmpdir(), `shiplane-e2e-work-${process.pid}`);
const dataDir = process.env.E2E_DATA_DIR;
/** The suite's server keeps its database and key here (tests check that no step can read them). */
export const DATA_DIR = dataDir;
/** The instance admin the server makes at start; the setup project signs in as it once. */
export const ADMIN = { email: "admin@e2e.test", password: "e2e-admin-password" };

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [["list"]],
  // Sign in once per person in a setup project and reuse the saved session (per-test sign-ins would trip the sign-in limit).
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", dependencies: ["setup"], use: { storageState: "e2e/.auth/admin.json" } },
  ],
  use: {
    baseURL: `http://localhost:${port}`,
    // API calls made with the browser's session come from Shiplane's own origin, as the UI's do.
    extraHTTPHeaders: { Origin: `http://localhost:${port}` },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-quic",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    // The production build, on a fresh SQLite database; each test seeds its own project.
    command: "node scripts/start.mjs",
    url: `http://localhost:${port}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    env: {
      PORT: String(port),
      SHIPLANE_DATA_DIR: dataDir,
      SHIPLANE_WORK_DIR: process.env.E2E_WORK_DIR,
      SHIPLANE_SEED: "none",
      SHIPLANE_ADMIN_EMAIL: ADMIN.email,
      SHIPLANE_ADMIN_PASSWORD: ADMIN.password,
    },
  },
});
