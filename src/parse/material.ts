/**
 * The parts of a policy a person agreed to in a way the law protects: a change to any of
 * them needs notice (APPI Art. 17(2), 21(3), 27(5)(iii) and (6), 28). Compared as data, so
 * a change is found whether or not anyone declares it.
 */
import { isDeepStrictEqual } from "node:util";

export const MATERIAL_SECTIONS = ["purposes", "thirdPartyProvision", "jointUse", "foreignProvision"] as const;
export type MaterialSection = (typeof MATERIAL_SECTIONS)[number];

export function isMaterialSection(key: string): key is MaterialSection {
  return (MATERIAL_SECTIONS as readonly string[]).includes(key);
}

/** The material sections whose data differs between two versions of an organization file. */
export function materialDifferences(before: unknown, after: unknown): MaterialSection[] {
  const field = (data: unknown, key: string) => (data && typeof data === "object" ? (data as Record<string, unknown>)[key] : undefined);
  return MATERIAL_SECTIONS.filter((key) => !isDeepStrictEqual(field(before, key), field(after, key)));
}
