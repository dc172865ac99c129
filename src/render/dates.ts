/**
 * Policy dates (enactment, revisions) as words on the page.
 *
 * A policy date is a calendar date in Japan, not an instant: "2019-05-01" must print
 * as 令和元年5月1日 on every machine, whatever its time zone. So we never read local
 * date parts. The year, month and day come straight from the string; ICU is asked
 * only for what we cannot compute by hand (the era and its year, the English month
 * name), about a Date pinned to noon in Tokyo and formatted with timeZone Asia/Tokyo,
 * so that no offset on Earth (UTC−12 … UTC+14) can move it to another day.
 */

import type { DateStyle, Lang } from "../model/policy.js";

const TOKYO = "Asia/Tokyo";

// Built once: constructing Intl formatters is far more expensive than using them.
const eraFormat = new Intl.DateTimeFormat("ja-JP-u-ca-japanese", {
  era: "long",
  year: "numeric",
  month: "long",
  day: "numeric",
  timeZone: TOKYO,
});

// en-US spelled out, not "en", so the order "September 2, 2020" cannot follow a
// default-locale change.
const englishFormat = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "long",
  day: "numeric",
  timeZone: TOKYO,
});

const englishMonthFormat = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", timeZone: TOKYO });

/** Every other language writes the date as its own locale does (Intl, from ICU's CLDR data). */
const formats = new Map<string, { date: Intl.DateTimeFormat; month: Intl.DateTimeFormat }>([
  ["en", { date: englishFormat, month: englishMonthFormat }],
]);
function formatsOf(lang: Lang): { date: Intl.DateTimeFormat; month: Intl.DateTimeFormat } {
  let found = formats.get(lang);
  if (!found) {
    found = {
      date: new Intl.DateTimeFormat(lang, { year: "numeric", month: "long", day: "numeric", timeZone: TOKYO }),
      month: new Intl.DateTimeFormat(lang, { year: "numeric", month: "long", timeZone: TOKYO }),
    };
    formats.set(lang, found);
  }
  return found;
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
  /** The policy gave only the month ("September 2020"): print no day. */
  monthOnly: boolean;
}

function parseIsoDate(isoDate: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(isoDate);
  if (!match) {
    // Validation should have caught this; fail loudly rather than print "Invalid Date".
    throw new RangeError(`Expected a date as YYYY-MM-DD or YYYY-MM, got "${isoDate}"`);
  }
  const monthOnly = match[3] === undefined;
  // A month-only date takes its era from the month's first day.
  return { year: Number(match[1]), month: Number(match[2]), day: monthOnly ? 1 : Number(match[3]), monthOnly };
}

/** The instant of noon, Tokyo time, on the given calendar date (03:00 UTC). */
function noonInTokyo({ year, month, day }: CalendarDate): Date {
  const date = new Date(Date.UTC(2000, month - 1, day, 3));
  // setUTCFullYear, not the Date.UTC year argument, which maps 0–99 to 1900–1999.
  date.setUTCFullYear(year);
  return date;
}

/**
 * "令和2年" / "令和元年" / "平成31年": the era name and the year within it.
 *
 * The ICU in Node 20.20 (78) already prints 元 for the first year of an era; older
 * ICU printed "1". We accept both and always write 元年, as official documents do.
 */
function eraYear(date: CalendarDate): string {
  const parts = eraFormat.formatToParts(noonInTokyo(date));
  const era = parts.find((part) => part.type === "era")?.value;
  const year = parts.find((part) => part.type === "year")?.value;
  if (!era || !year) {
    // Happens only on a Node built without full ICU (no Japanese calendar data).
    throw new Error(`This Node.js cannot format Japanese era dates (got "${eraFormat.format(noonInTokyo(date))}")`);
  }
  return `${era}${year === "1" ? "元" : year}年`;
}

/**
 * A policy date as printed in the given language.
 *
 * ja: era "令和2年9月2日", gregorian "2020年9月2日", both "2020年（令和2年）9月2日"
 * (full-width parentheses, as in Japanese typesetting).
 * en: always Gregorian, "September 2, 2020"; the era means nothing to most English readers.
 * Every other language: Gregorian as its locale writes it (ko "2020년 9월 2일", vi "2 tháng 9,
 * 2020"); the era is Japanese only. A month-only date ("2020-09") prints as 令和2年9月 /
 * "September 2020".
 */
export function formatPolicyDate(isoDate: string, lang: Lang, style: DateStyle): string {
  const date = parseIsoDate(isoDate);
  if (lang !== "ja") {
    const { date: full, month } = formatsOf(lang);
    return (date.monthOnly ? month : full).format(noonInTokyo(date));
  }
  const monthDay = date.monthOnly ? `${date.month}月` : `${date.month}月${date.day}日`;
  switch (style) {
    case "era":
      return `${eraYear(date)}${monthDay}`;
    case "gregorian":
      return `${date.year}年${monthDay}`;
    case "both":
      return `${date.year}年（${eraYear(date)}）${monthDay}`;
  }
}
