#!/usr/bin/env node
// The demo project's deployer: publishes a tiny static site of the release into
// <work folder>/demo/<environment>/<slot>/ (or .../site/ for an in-place environment, which then
// points its `current` link at it). Shiplane runs it with SHIPLANE_* variables set.
import fs from "node:fs";
import path from "node:path";
import { publish, switchCurrent } from "./site.mjs";

const env = process.env;
const environment = env.SHIPLANE_ENVIRONMENT;
const version = env.SHIPLANE_VERSION;
if (!environment || !version) {
  console.error("SHIPLANE_ENVIRONMENT and SHIPLANE_VERSION must be set (Shiplane sets them).");
  process.exit(2);
}
const artifacts = JSON.parse(env.SHIPLANE_ARTIFACTS || "[]");
const slot = env.SHIPLANE_SLOT || "site";
const root = path.resolve(env.SHIPLANE_WORK_DIR || ".", "demo", environment);
console.log(
  `Release ${version} (commit ${env.SHIPLANE_COMMIT || "?"}) → ${environment}${env.SHIPLANE_SLOT ? `, slot ${slot}` : ""}`,
);
for (const artifact of artifacts)
  console.log(`Artifact ${artifact.name} ${artifact.version}${artifact.url ? ` from ${artifact.url}` : ""}`);
// A build can ship a deliberate fault (an artifact named "fault-injection") to exercise the regression gate.
const faulty = artifacts.some((artifact) => artifact.name === "fault-injection");
const target = publish(root, slot, {
  version,
  environment,
  slot: env.SHIPLANE_SLOT || null,
  commit: env.SHIPLANE_COMMIT || null,
  artifacts,
  healthy: !faulty,
});
console.log(`Published ${fs.readdirSync(target).length} files to ${target}`);
if (!env.SHIPLANE_SLOT) {
  switchCurrent(root, slot);
  console.log(`${environment} now serves ${version}`);
}
