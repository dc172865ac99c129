/**
 * How `hoshin scan` recognizes a catalogue service (`catalogue/detect.yaml`): addresses by
 * pattern, then by host, and the calls of the provider's tag snippet. The file is hoshin's
 * own, so a malformed detector is a bug in hoshin, reported at once by name.
 */
import { readFileSync } from "node:fs";
import { load } from "js-yaml";

export interface Pattern {
  pattern: RegExp;
  /** How the report names what it saw. */
  what: string;
}

export interface Detector {
  /** An id of catalogue/external-transmission.yaml. */
  id: string;
  guide: string;
  urls: Pattern[];
  /** Lower case, no leading dot; each also covers the hosts under it. */
  hosts: string[];
  calls: Pattern[];
}

export const DETECT_FILE = new URL("../../catalogue/detect.yaml", import.meta.url);

let cached: readonly Detector[] | undefined;

export function detectors(): readonly Detector[] {
  cached ??= readDetectors(readFileSync(DETECT_FILE, "utf8"));
  return cached;
}

export function readDetectors(yamlText: string): Detector[] {
  const raw = load(yamlText) as unknown;
  if (!isRecord(raw)) throw new DetectorError("", "the file is not a mapping of ids to detectors");
  return Object.entries(raw).map(([id, value]) => readDetector(id, value));
}

class DetectorError extends Error {
  constructor(where: string, problem: string) {
    super(`catalogue/detect.yaml${where ? `, ${where}` : ""}: ${problem}`);
    this.name = "DetectorError";
  }
}

const FIELDS = new Set(["guide", "urls", "hosts", "calls"]);
const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

function readDetector(id: string, value: unknown): Detector {
  const fail = (problem: string): never => {
    throw new DetectorError(`\`${id}\``, problem);
  };
  if (!isRecord(value)) return fail("the detector is not a mapping");
  const unknown = Object.keys(value).filter((key) => !FIELDS.has(key));
  if (unknown.length) fail(`unknown field ${unknown.map((key) => `\`${key}\``).join(", ")}`);
  if (typeof value.guide !== "string" || !value.guide.startsWith("https://")) fail("`guide` is not an https:// address");
  const patterns = (field: "urls" | "calls"): Pattern[] => {
    const items = value[field] ?? [];
    if (!Array.isArray(items)) return fail(`\`${field}\` is not a list`);
    return items.map((item, index) => {
      if (!isRecord(item) || typeof item.pattern !== "string" || typeof item.what !== "string") {
        return fail(`\`${field}[${index}]\` needs a \`pattern\` and a \`what\``);
      }
      try {
        return { pattern: new RegExp(item.pattern, field === "calls" ? "g" : ""), what: item.what };
      } catch (error) {
        return fail(`\`${field}[${index}].pattern\` is not a regular expression: ${(error as Error).message}`);
      }
    });
  };
  const hosts = value.hosts ?? [];
  if (!Array.isArray(hosts) || hosts.some((host) => typeof host !== "string" || !HOST.test(host))) {
    fail("`hosts` is not a list of lower-case host names");
  }
  const detector = { id, guide: value.guide as string, urls: patterns("urls"), hosts: hosts as string[], calls: patterns("calls") };
  if (!detector.urls.length && !detector.hosts.length) fail("the detector has neither `urls` nor `hosts`: an address of the service could not be recognized");
  return detector;
}

/** Whether `host` is `pattern` or a host under it; a leading dot in `pattern` (`.example.com`) means only hosts under it. */
export function hostMatches(host: string, pattern: string): boolean {
  if (pattern.startsWith(".")) return host.endsWith(pattern);
  return host === pattern || host.endsWith(`.${pattern}`);
}

/**
 * The catalogue service an address belongs to, and how to name it: the first `urls` pattern
 * that matches decides; otherwise the detector with the longest host that covers the address.
 */
export function recognizeAddress(all: readonly Detector[], host: string, rest: string): { id: string; what?: string } | undefined {
  const address = host + rest;
  for (const detector of all) {
    const url = detector.urls.find((candidate) => candidate.pattern.test(address));
    if (url) return { id: detector.id, what: url.what };
  }
  let best: { id: string; length: number } | undefined;
  for (const detector of all) {
    for (const pattern of detector.hosts) {
      if (hostMatches(host, pattern) && pattern.length > (best?.length ?? 0)) best = { id: detector.id, length: pattern.length };
    }
  }
  return best && { id: best.id };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
