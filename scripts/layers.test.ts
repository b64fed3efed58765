import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";

// The layer rules of .dependency-cruiser.cjs, run against a small tree of deliberately wrong
// imports: each must be caught, through relative paths at any depth and through "@/…".

const root = path.resolve(import.meta.dirname, "..");
const bin = path.join(root, "node_modules", ".bin", "depcruise");
let dir: string;

const files: Record<string, string> = {
  "tsconfig.json": JSON.stringify({
    compilerOptions: { baseUrl: ".", paths: { "@/*": ["./*"] }, module: "esnext", moduleResolution: "bundler" },
  }),
  "package.json": JSON.stringify({ name: "layers-fixture", type: "module", dependencies: { "drizzle-orm": "*" } }),
  "domain/rule.ts": "export const rule = 1;\n",
  "domain/reaches-db.ts": 'import { row } from "../db/row";\nexport const x = row;\n',
  "domain/reads-files.ts": 'import fs from "node:fs";\nexport const x = fs;\n',
  "db/row.ts": 'import { rule } from "../domain/rule";\nexport const row = rule;\n',
  "db/reaches-server.ts": 'import { service } from "@/server/services/service";\nexport const x = service;\n',
  "server/app.ts": "export interface App { id: string }\n",
  "server/compose.ts": 'import type { App } from "./app";\nexport const getApp = (): App => ({ id: "x" });\n',
  "server/services/service.ts": 'import { row } from "../../db/row";\nexport const service = row;\n',
  "server/services/reaches-runner.ts": 'import { run } from "../deploy/runner";\nexport const x = run;\n',
  "server/services/composes.ts": 'import { getApp } from "../compose";\nexport const x = getApp;\n',
  "server/services/uses-driver.ts": 'import { sql } from "drizzle-orm";\nexport const x = sql;\n',
  "server/deploy/runner.ts": 'import { service } from "../services/service";\nexport const run = service;\n',
  "server/a.ts": 'import { b } from "./b";\nexport const a = () => b;\n',
  "server/b.ts": 'import { a } from "./a";\nexport const b = () => a;\n',
  "app/page.ts": 'import { row } from "@/db/row";\nexport const x = row;\n',
  "app/deep/nested/page.ts": 'import { row } from "../../../db/row";\nexport const x = row;\n',
  "app/route.ts":
    'import { getApp } from "@/server/compose";\nimport { service } from "@/server/services/service";\nexport const x = [getApp, service];\n',
  "components/view.ts": 'import { service } from "../server/services/service";\nexport const x = service;\n',
  "components/typed.ts": 'import type { App } from "@/server/app";\nexport type X = App;\n',
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "shiplane-layers-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function violations(): string[] {
  let output: string;
  try {
    output = execFileSync(
      bin,
      [
        "app",
        "components",
        "server",
        "db",
        "domain",
        "--config",
        path.join(root, ".dependency-cruiser.cjs"),
        "--output-type",
        "json",
      ],
      { cwd: dir, encoding: "utf8" },
    );
  } catch (error) {
    // depcruise exits non-zero when it finds violations; its report is still on stdout.
    output = (error as { stdout: string }).stdout;
  }
  const report = JSON.parse(output) as {
    summary: { violations: { rule: { name: string }; from: string; to: string }[] };
  };
  return report.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

it("fails on every layer violation and cycle, and passes the allowed imports", () => {
  const found = violations();
  expect(found).toEqual(
    [
      "app-imports-only-app-server-components-domain: app/deep/nested/page.ts → db/row.ts",
      "app-imports-only-app-server-components-domain: app/page.ts → db/row.ts",
      "components-use-server-types-only: components/view.ts → server/services/service.ts",
      "composition-only-in-entry-points: server/services/composes.ts → server/compose.ts",
      "db-imports-only-db-domain: db/reaches-server.ts → server/services/service.ts",
      "domain-imports-only-domain: domain/reaches-db.ts → db/row.ts",
      "domain-is-pure: domain/reads-files.ts → fs",
      "drivers-only-in-db: server/services/uses-driver.ts → drizzle-orm",
      // A cycle is reported once, where the cruise enters it.
      "no-circular: server/a.ts → server/b.ts",
      "services-stay-below-transport-and-runner: server/services/composes.ts → server/compose.ts",
      "services-stay-below-transport-and-runner: server/services/reaches-runner.ts → server/deploy/runner.ts",
    ].sort(),
  );
});
