// The layers of Shiplane and which way imports flow between them (see docs/architecture.md).
// `npm run lint` runs these rules over every import form: relative at any depth and "@/…".
//
//   app/         pages and route files      → server, components, domain (never db)
//   components/  props in, JSX out          → components, domain, and types from server
//   server/      use cases and transport    → server, domain, db
//   db/          the only place with SQL    → db, domain
//   domain/      pure rules                 → domain and pure libraries
//
// Inside server/, services never reach up into the deployment machinery or the transports, and
// only entry points compose the application.

const LAYERS = ["app", "components", "server", "db", "domain"];
const path = (layer) => `^${layer}/`;

/** Packages the pure domain must not use: frameworks, drivers, the file system and processes. */
const IMPURE = [
  "next",
  "react",
  "react-dom",
  "@trpc",
  "@tanstack",
  "drizzle-orm",
  "better-sqlite3",
  "pg",
  "better-auth",
  "execa",
  "fs",
  "node:fs",
  "fs/promises",
  "node:fs/promises",
  "child_process",
  "node:child_process",
  "http",
  "node:http",
];
const DRIVERS = ["drizzle-orm", "better-sqlite3", "pg"];
const packages = (names) => `^(${names.map((n) => n.replace(/[/.]/g, "\\$&")).join("|")})($|/)`;

/** Files that may compose the application (createApp, getApp): the entry points. */
const ENTRY_POINTS = [
  "^app/",
  "^scripts/",
  "^bin/",
  "^bench/",
  "^e2e/",
  "^server/cli/",
  "^server/background\\.ts$",
  "^server/seed/",
  "^server/testing/",
  "\\.test\\.tsx?$",
];

const only = (from, allowed, comment) => ({
  name: `${from}-imports-only-${allowed.join("-")}`,
  comment,
  severity: "error",
  from: { path: path(from) },
  to: { path: `^(${LAYERS.filter((l) => !allowed.includes(l)).join("|")})/` },
});

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "An import cycle: modules that need each other. Move the shared part into a module both import.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    only("domain", ["domain"], "domain/ is pure: it imports only domain/ and pure libraries."),
    {
      name: "domain-is-pure",
      comment: "domain/ is pure TypeScript: no framework, driver, file system or process.",
      severity: "error",
      from: { path: path("domain") },
      to: { path: packages(IMPURE), dependencyTypes: ["npm", "npm-dev", "core", "unknown", "undetermined"] },
    },
    only(
      "db",
      ["db", "domain"],
      "db/ holds the SQL; it imports only db/ and domain/, and takes its settings as parameters.",
    ),
    only("server", ["server", "db", "domain"], "server/ imports server/, db/ and domain/ — never pages or components."),
    only("app", ["app", "server", "components", "domain"], "app/ reaches data through server/, never db/."),
    only("components", ["components", "domain", "server"], "components/ get data by props or the tRPC client."),
    {
      name: "components-use-server-types-only",
      comment: "Components may import types from server/ (the router's type, contracts), never its code.",
      severity: "error",
      from: { path: path("components") },
      to: { path: path("server"), dependencyTypesNot: ["type-only"] },
    },
    {
      name: "drivers-only-in-db",
      comment: "Only db/ talks to the database: add a repository function there.",
      severity: "error",
      from: { path: "^(app|components|server|domain)/" },
      to: { path: packages(DRIVERS), dependencyTypes: ["npm", "npm-dev", "unknown", "undetermined"] },
    },
    {
      name: "services-stay-below-transport-and-runner",
      comment:
        "A service is one use case: it never imports the deployment runner, the transports or the composition. Reach the runner through App.runner.",
      severity: "error",
      from: { path: "^server/services/" },
      to: { path: "^server/(deploy|trpc|http|cli|seed)/|^server/compose\\.ts$" },
    },
    {
      name: "composition-only-in-entry-points",
      comment:
        "Only entry points (routes, pages, the CLI, the start script, background duties, seeds, tests) compose the app; pass `app` to everything else.",
      severity: "error",
      from: { pathNot: ENTRY_POINTS.join("|") },
      to: { path: "^server/compose\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(\\.next|node_modules|data|test-results|playwright-report|db/migrations)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
  },
};
