/**
 * `npm run compile` runs this after `tsc -b`: AJV writes the organization schema's
 * validator as code, beside schema.js, stamped with what it was written from. Every
 * process and worker thread that validates then loads it instead of compiling the schema.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

import { PRECOMPILED_VALIDATOR, SCHEMA_FILE, organizationAjv, validatorStamp } from "./schema.js";

const require = createRequire(import.meta.url);
const standaloneCode = require("ajv/dist/standalone/index.js") as typeof import("ajv/dist/standalone/index.js").default;

export function writePrecompiledValidator(): URL {
  const text = readFileSync(SCHEMA_FILE, "utf8");
  const ajv = organizationAjv({ standalone: true });
  const validate = ajv.compile(JSON.parse(text));
  const file = new URL(PRECOMPILED_VALIDATOR, import.meta.url);
  writeFileSync(file, `${standaloneCode(ajv, validate)}\nmodule.exports.stamp = ${JSON.stringify(validatorStamp(text))};\n`);
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) writePrecompiledValidator();
