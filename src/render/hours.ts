/**
 * Reception hours: data in, the standard sentence out.
 *
 *   en  10:00–18:00 (excluding Saturdays, Sundays, national holidays and our center's holidays)
 *   ja  10:00〜18:00（土日祝日・当センター休業日を除く）
 *
 * The label (受付時間 / Reception hours) and the free-text `note` belong to the
 * template; this module only words the days and times, with the words of the language's
 * `hours` and `list` wording (wording/<lang>.yaml): its `grammar` is `compound` for
 * Japanese, which runs closed weekdays together (月・火曜, 土日), or `listed`, which makes
 * each day an item of the sentence's list.
 *
 * How the days are worded depends on how many weekdays are closed:
 *   - none, and no holiday flags: the time range alone;
 *   - up to two (or none, with holiday flags): the range, then what it excludes;
 *   - three or more: the open days, the range, then only the holidays it excludes,
 *     because "excluding Mondays, Tuesdays, Thursdays, Saturdays and Sundays" hides
 *     the two days that matter.
 * Days are always written in week order, Monday first, whatever the data's order.
 *
 * Deliberately not done: collapsing runs of days into ranges (月〜金曜日, "Monday to
 * Friday"). With at most two closed days listed, or open days listed only when few,
 * the plain list is short, and one fixed rule is easier to predict and to review
 * than a set of run-detection cases.
 */

import type { HoursModel, Weekday } from "../model/policy.js";
import { sayText } from "../wording/wording.js";
import { joinList } from "./lists.js";

/** The week in the order we print it: Monday first, as Japanese calendars and offices do. */
const WEEK: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** From this many closed weekdays on, we name the open days instead of the closed ones. */
const LIST_OPEN_DAYS_FROM = 3;

const dayNames = new Map<string, Record<Weekday, string>>();

/**
 * Weekday names from ICU rather than a hand-typed table, so spelling cannot drift: 月 … 日
 * (short, to which the wording adds 曜 or 曜日 as the phrase needs) or Monday … Sunday.
 * 2024-01-01 was a Monday; formatting in UTC keeps the machine's zone out of it.
 */
function weekdayNames(lang: string): Record<Weekday, string> {
  let names = dayNames.get(lang);
  if (!names) {
    const width = sayText("hours.dayWidth", lang) === "short" ? "short" : "long";
    const format = new Intl.DateTimeFormat(lang, { weekday: width, timeZone: "UTC" });
    names = {} as Record<Weekday, string>;
    for (const [index, day] of WEEK.entries()) names[day] = format.format(new Date(Date.UTC(2024, 0, 1 + index)));
    dayNames.set(lang, names);
  }
  return names;
}

/** "09:00" → "9:00": a leading zero on the hour is not how hours are written in either language. */
function formatTime(time: string): string {
  return time.replace(/^0(?=\d)/, "");
}

/** "9:00–17:30" (en dash) / "9:00〜17:30" (wave dash U+301C): the language's `hours.range`. */
export function formatTimeRange(open: string, close: string, lang: string): string {
  return sayText("hours.range", lang, { open: formatTime(open), close: formatTime(close) });
}

interface DayPlan {
  /** Open weekdays, deduplicated, Monday first. */
  open: Weekday[];
  /** Weekdays to name as closed; empty when the open days are listed instead. */
  closed: Weekday[];
  /** Whether to name the open days (three or more closed weekdays). */
  listOpen: boolean;
}

function planDays(days: readonly Weekday[]): DayPlan {
  const openSet = new Set(days);
  const open = WEEK.filter((day) => openSet.has(day));
  if (open.length === 0) {
    // Nothing truthful to print: "10:00–18:00" would claim every day. Validation
    // is expected to reject this; if it did not, stop here rather than mislead.
    throw new RangeError("Reception hours need at least one open day");
  }
  const closed = WEEK.filter((day) => !openSet.has(day));
  const listOpen = closed.length >= LIST_OPEN_DAYS_FROM;
  return { open, closed: listOpen ? [] : closed, listOpen };
}

/** Each closed weekday an item of the list: "Saturdays, Sundays and national holidays". */
function listedHours(hours: HoursModel, plan: DayPlan, lang: string, self: string | undefined): string {
  const names = weekdayNames(lang);
  const day = (d: Weekday) => sayText("hours.day", lang, { day: names[d] });
  const excluded = plan.closed.map(day);
  if (hours.closedOnNationalHolidays) excluded.push(sayText("hours.nationalHolidays", lang));
  if (hours.closedOnOwnHolidays) excluded.push(ownHolidays(lang, self));
  const lead = plan.listOpen ? sayText("hours.openDays", lang, { days: joinList(plan.open.map(day), lang) }) : "";
  const exclusion = excluded.length === 0 ? "" : sayText("hours.excluding", lang, { items: joinList(excluded, lang) });
  return `${lead}${formatTimeRange(hours.open, hours.close, lang)}${exclusion}`;
}

/**
 * Closed weekdays run together, in the forms a Japanese notice uses: 土日, 土日祝日,
 * 日曜・祝日, 土曜, 水曜, 月・火曜 (one 曜 for the run, not 月曜・火曜), 祝日.
 */
function compoundHours(hours: HoursModel, plan: DayPlan, lang: string, self: string | undefined): string {
  const names = weekdayNames(lang);
  const run = (days: readonly Weekday[]) => days.map((d) => sayText("hours.day", lang, { day: names[d] })).join(sayText("hours.daySeparator", lang));
  const excluded: string[] = [];
  const weekend = plan.closed.length === 2 && plan.closed[0] === "sat" && plan.closed[1] === "sun";
  if (weekend) {
    excluded.push(sayText(hours.closedOnNationalHolidays ? "hours.weekendAndHolidays" : "hours.weekend", lang));
  } else {
    if (plan.closed.length > 0) excluded.push(sayText("hours.dayRun", lang, { days: run(plan.closed) }));
    if (hours.closedOnNationalHolidays) excluded.push(sayText("hours.nationalHolidays", lang));
  }
  if (hours.closedOnOwnHolidays) excluded.push(ownHolidays(lang, self));
  const lead = plan.listOpen ? sayText("hours.openDays", lang, { days: run(plan.open) }) : "";
  const exclusion = excluded.length === 0 ? "" : sayText("hours.excluding", lang, { items: excluded.join(sayText("hours.itemSeparator", lang)) });
  return `${lead}${formatTimeRange(hours.open, hours.close, lang)}${exclusion}`;
}

/** "当センター休業日" / "our center's holidays"; without a name, "our holidays". */
function ownHolidays(lang: string, self: string | undefined): string {
  return self ? sayText("hours.ownHolidays", lang, { self }) : sayText("hours.ownHolidaysNoSelf", lang);
}

/**
 * Reception hours in words, without the label or the note. `self` is how the page names
 * the organization (当センター, "our center"), when it does.
 */
export function formatHours(hours: HoursModel, lang: string, self: string | undefined): string {
  const plan = planDays(hours.days);
  return sayText("hours.grammar", lang) === "compound" ? compoundHours(hours, plan, lang, self) : listedHours(hours, plan, lang, self);
}
