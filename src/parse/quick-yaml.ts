/**
 * The quick read of an organization's YAML: the data only, no positions.
 *
 * Most files have no problem, and nobody asks where anything in them is. js-yaml builds
 * their data about three times faster than yaml, which keeps every node's place in the
 * text for messages. Both follow YAML 1.2 with its core schema and pass the YAML test
 * suite. They part where yaml warns (a directive, a tag yaml cannot resolve, an anchor or
 * alias whose name ends in `:`), in the property name of a null key (yaml `""`, js-yaml
 * `"null"`), and in how they bound aliases: js-yaml counts them, yaml weighs each by the
 * aliases inside what it points to (the billion laughs). Those files, and every file
 * js-yaml refuses, are left to the full parse, so every message and position a user sees
 * still comes from yaml.
 */
import { constructFromEvents, EVENT_ID, parseEvents, type Event } from "js-yaml";

export interface QuickYamlLimits {
  maxAliases: number;
  maxDepth: number;
}

/** The data of a YAML mapping, or undefined when the full parse must decide. */
export function quickYaml(text: string, limits: QuickYamlLimits): Record<string, unknown> | undefined {
  let documents: unknown[];
  try {
    const events = parseEvents(text, { maxDepth: limits.maxDepth });
    if (!readsAlike(text, events)) return undefined;
    // Duplicate keys, unknown anchors, too many aliases: all refused here, and reported
    // by the full parse.
    documents = constructFromEvents(events, { source: text, maxAliases: limits.maxAliases });
  } catch {
    return undefined;
  }
  const [data] = documents;
  if (documents.length !== 1 || !isMapping(data) || hasNullKey(data, new Set())) return undefined;
  return data;
}

/** Whether the events hold none of the things on which the two parsers part (see above). */
function readsAlike(text: string, events: readonly Event[]): boolean {
  // For each open document or collection: whether it, or one around it, has an anchor.
  const anchored: boolean[] = [];
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        if (event.directives.length > 0) return false;
        anchored.push(false);
        break;
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING:
        if (event.tagStart !== -1 || endsInColon(text, event.anchorStart, event.anchorEnd)) return false;
        anchored.push(event.anchorStart !== -1 || anchored.at(-1) === true);
        break;
      case EVENT_ID.SCALAR:
        if (event.tagStart !== -1 || endsInColon(text, event.anchorStart, event.anchorEnd)) return false;
        break;
      case EVENT_ID.ALIAS:
        // An alias inside an anchored collection multiplies when that collection is aliased.
        if (anchored.at(-1) === true || endsInColon(text, event.anchorStart, event.anchorEnd)) return false;
        break;
      case EVENT_ID.POP:
        anchored.pop();
        break;
    }
  }
  return true;
}

function endsInColon(text: string, start: number, end: number): boolean {
  return start !== -1 && end > start && text.charCodeAt(end - 1) === 58 /* : */;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Whether any mapping has a key `null`: js-yaml's name for a null key, which yaml calls `""`.
 * A quoted "null" key reads the same in both, and goes the slow way for nothing. Aliases
 * share their anchor's object: each is walked once.
 */
function hasNullKey(value: unknown, seen: Set<object>): boolean {
  if (typeof value !== "object" || value === null || seen.has(value)) return false;
  seen.add(value);
  if (Array.isArray(value)) return value.some((item) => hasNullKey(item, seen));
  return Object.entries(value).some(([key, item]) => key === "null" || hasNullKey(item, seen));
}
