import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // The "@/…" imports of the route files under app/ (as in tsconfig.json).
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["domain/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["db/**/*.test.ts", "server/**/*.test.ts", "app/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          // The key that seals stored secrets in tests (the app takes it from SHIPLANE_SECRET).
          env: { SHIPLANE_SECRET: "test-secret-for-sealing-stored-secrets", SHIPLANE_ALLOW_PRIVATE_WEBHOOKS: "1" },
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
