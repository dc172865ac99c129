/**
 * The string formats the organization schema uses. CommonJS (a .cts file) because the
 * validator AJV writes ahead of time (see precompile.ts) is CommonJS and requires this
 * file beside it; the validator AJV compiles at run time uses the same definitions.
 */
import { fullFormats } from "ajv-formats/dist/formats";
import type { FormatDefinition } from "ajv";

/**
 * Policies state dates to the day (2020-09-02) or, now and then, only to the month
 * (“September 2020”); either must be a real calendar date, from 1868 on: the Japanese
 * era names the pages print begin with Meiji, and an earlier year is a typo in a policy.
 */
export const EARLIEST_YEAR = 1868;

export function isDateOrMonth(value: string): boolean {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), match[3] === undefined ? 1 : Number(match[3])];
  if (year < EARLIEST_YEAR) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const organizationFormats = {
  date: fullFormats.date,
  email: fullFormats.email,
  uri: fullFormats.uri,
  "date-or-month": { type: "string", validate: isDateOrMonth } satisfies FormatDefinition<string>,
};
