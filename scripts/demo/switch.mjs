#!/usr/bin/env node
// The demo project's blue-green switch: points <data>/demo/<environment>/current at the slot
// SHIPLANE_TO_SLOT, atomically (a new link renamed over the old one).
import fs from "node:fs";
import path from "node:path";
import { switchCurrent } from "./site.mjs";

const { SHIPLANE_ENVIRONMENT: environment, SHIPLANE_TO_SLOT: to, SHIPLANE_FROM_SLOT: from } = process.env;
if (!environment || !to) {
  console.error("SHIPLANE_ENVIRONMENT and SHIPLANE_TO_SLOT must be set (Shiplane sets them).");
  process.exit(2);
}
const root = path.resolve(process.env.SHIPLANE_WORK_DIR || ".", "demo", environment);
if (!fs.existsSync(path.join(root, to, "index.html"))) {
  console.error(`Slot ${to} of ${environment} holds no site: deploy to it first.`);
  process.exit(1);
}
switchCurrent(root, to);
console.log(`${environment}: traffic moved from ${from || "nothing"} to ${to}`);
