#!/usr/bin/env node
import { tuneV8 } from "../dist/cli/v8-tuning.js";

// Before the rest is imported, so that its code and every worker thread run with it.
tuneV8();
const { run } = await import("../dist/cli/main.js");
const { processOutput } = await import("../dist/cli/output.js");

process.exitCode = await run(process.argv, processOutput());
