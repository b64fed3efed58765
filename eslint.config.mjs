import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const drizzleOnlyInDb = {
  paths: [],
  patterns: [{ group: ["drizzle-orm", "drizzle-orm/*", "better-sqlite3", "pg"], message: "Only db/ talks to the database: add a repository function there." }],
};

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "db/migrations/**"] },
  {
    files: ["app/**", "components/**", "server/**", "domain/**", "e2e/**", "bench/**"],
    rules: { "no-restricted-imports": ["error", drizzleOnlyInDb] },
  },
  {
    files: ["bench/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // The domain is pure: no framework, driver or file system.
    files: ["domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "react", "react/*", "@trpc/*", "drizzle-orm", "drizzle-orm/*", "better-sqlite3", "pg", "node:fs", "fs"], message: "domain/ stays pure TypeScript." },
            { group: ["../../db/*", "../../server/*", "../../components/*", "../../app/*"], message: "domain/ imports only domain/." },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["drizzle-orm", "drizzle-orm/*", "better-sqlite3", "pg"], message: "Components get data from the tRPC client." },
            { group: ["../../db/*", "../../server/*", "!../../server/trpc/root"], message: "Components get data from the tRPC client.", allowTypeImports: true },
          ],
        },
      ],
    },
  },
];

export default config;
