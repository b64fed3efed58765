import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES, ConfigError, loadConfig } from "./config";

const root = path.resolve(import.meta.dirname, "..");

describe("the configuration", () => {
  it("has one default for the public address, following the port", () => {
    expect(loadConfig({}).publicUrl).toBe("http://localhost:3000");
    expect(loadConfig({ PORT: "4100" }).publicUrl).toBe("http://localhost:4100");
    expect(loadConfig({ SHIPLANE_PUBLIC_URL: "https://ship.example.com/" }).publicUrl).toBe("https://ship.example.com");
    expect(loadConfig({ DATABASE_URL: "" }).databaseUrl).toBeNull();
  });

  it.each([
    ["PORT", "abc", "PORT must be a whole number"],
    ["PORT", "70000", "PORT must be from 1 to 65535"],
    ["SHIPLANE_PG_POOL", "0", "SHIPLANE_PG_POOL must be from 1 to 1000"],
    ["DATABASE_URL", "mysql://db/x", "DATABASE_URL must be a postgres:// address"],
    ["SHIPLANE_SEED", "yes", 'SHIPLANE_SEED must be "demo" or "none"'],
    ["SHIPLANE_PUBLIC_URL", "ftp://ship.example.com", "SHIPLANE_PUBLIC_URL must be an http:// or https:// address"],
    ["SHIPLANE_SESSION_DAYS", "-1", "SHIPLANE_SESSION_DAYS must be a whole number"],
    ["SHIPLANE_TRUST_PROXY", "yes", "SHIPLANE_TRUST_PROXY must be a whole number"],
  ])("refuses %s=%s, naming the variable", (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(`${name}: ${message}`);
  });
});

/** Every environment variable a source file reads, by name. */
function variablesRead(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)) names.add(match[1]);
  for (const match of text.matchAll(/process\.env\[["']([A-Z][A-Z0-9_]*)["']\]/g)) names.add(match[1]);
  for (const match of text.matchAll(/\{([^{}]*)\}\s*=\s*process\.env/g)) {
    for (const part of match[1].split(",")) {
      const name = part.split(":")[0].trim();
      if (/^[A-Z][A-Z0-9_]*$/.test(name)) names.add(name);
    }
  }
  return [...names];
}

const sourceFiles = execFileSync("git", ["ls-files", "*.ts", "*.tsx", "*.mjs", "*.js", "*.mts"], {
  cwd: root,
  encoding: "utf8",
})
  .split("\n")
  .filter((file) => file && fs.existsSync(path.join(root, file)));

/** Where reading the environment directly is right: the configuration itself, and the tools around the product. */
const OUTSIDE_THE_PRODUCT =
  /^(e2e|bench)\/|\.test\.tsx?$|^playwright\.config\.ts$|^next\.config\.js$|^scripts\/(test-summary\.mjs|demo\/)|^bin\/run-ts\.mjs$|^db\/testing\.ts$/;

describe("reading the environment", () => {
  it("happens in server/config.ts only, across the product's code", () => {
    const readers = sourceFiles.filter(
      (file) =>
        file !== "server/config.ts" &&
        !OUTSIDE_THE_PRODUCT.test(file) &&
        variablesRead(fs.readFileSync(path.join(root, file), "utf8")).length > 0,
    );
    expect(readers).toEqual([]);
  });

  it("reads only variables that docs/configuration.md lists", () => {
    const docs = fs.readFileSync(path.join(root, "docs", "configuration.md"), "utf8");
    const read = new Set([
      ...CONFIG_VARIABLES,
      ...sourceFiles.flatMap((file) => variablesRead(fs.readFileSync(path.join(root, file), "utf8"))),
    ]);
    expect(read.size).toBeGreaterThan(20);
    const undocumented = [...read].filter((name) => !docs.includes(`\`${name}\``)).sort();
    expect(undocumented).toEqual([]);
  });
});
