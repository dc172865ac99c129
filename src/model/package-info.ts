import { readFileSync } from "node:fs";

export interface PackageInfo {
  version: string;
  bugs?: { url?: string };
}

/** hoshin's own package.json: its version goes into messages and PDFs. */
export const packageInfo = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as PackageInfo;
