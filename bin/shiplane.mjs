#!/usr/bin/env node
import { runTs } from "./run-ts.mjs";

const { main } = await runTs("server/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
