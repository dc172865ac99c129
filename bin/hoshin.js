#!/usr/bin/env node
import { run } from "../dist/cli/main.js";
import { processOutput } from "../dist/cli/output.js";

process.exitCode = await run(process.argv, processOutput());
