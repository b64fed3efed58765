#!/usr/bin/env node
// Runs a TypeScript entry point of this package with tsx, from any working directory.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.env.SHIPLANE_ROOT ??= root;
register();

export async function runTs(relative) {
  return import(pathToFileURL(path.resolve(root, relative)).href);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [entry, ...rest] = process.argv.slice(2);
  process.argv = [process.argv[0], entry, ...rest];
  await runTs(entry);
}
