import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["domain/**/*.test.ts", "components/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration",
          include: ["db/**/*.test.ts", "server/**/*.test.ts", "app/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          // The key that seals stored secrets in tests (the app takes it from SHIPLANE_SECRET).
          env: { SHIPLANE_SECRET: "test-secret-for-sealing-stored-secrets" },
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
