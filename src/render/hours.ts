/**
 * Reception hours: data in, the standard sentence out.
 *
 *   en  10:00–18:00 (excluding Saturdays, Sundays, national holidays and our center's holidays)
 *   ja  10:00〜18:00（土日祝日・当センター休業日を除く）
 *
 * The label (受付時間 / Reception hours) and the free-text `note` belong to the
 * template; this module only words the days and times.
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

import type { HoursModel, Lang, Weekday } from "../model/policy.js";

/** The week in the order we print it: Monday first, as Japanese calendars and offices do. */
const WEEK: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** From this many closed weekdays on, we name the open days instead of the closed ones. */
const LIST_OPEN_DAYS_FROM = 3;

/**
 * Weekday names from ICU rather than a hand-typed table, so spelling cannot drift.
 * 2024-01-01 was a Monday; formatting in UTC keeps the machine's zone out of it.
 */
function weekdayNames(locale: string, width: "long" | "short"): Record<Weekday, string> {
  const format = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: "UTC" });
  const names = {} as Record<Weekday, string>;
  WEEK.forEach((day, index) => {
    names[day] = format.format(new Date(Date.UTC(2024, 0, 1 + index)));
  });
  return names;
}

/** "Monday" … "Sunday". */
const EN_DAY = weekdayNames("en-US", "long");
/** 月 … 日: the one-character form, to which we add 曜 or 曜日 as the phrase needs. */
const JA_DAY = weekdayNames("ja", "short");

/** "09:00" → "9:00": a leading zero on the hour is not how hours are written in either language. */
function formatTime(time: string): string {
  return time.replace(/^0(?=\d)/, "");
}

/** "9:00–17:30" (en dash) / "9:00〜17:30" (wave dash U+301C). */
export function formatTimeRange(open: string, close: string, lang: Lang): string {
  const dash = lang === "en" ? "\u2013" : "\u301C";
  return `${formatTime(open)}${dash}${formatTime(close)}`;
}

/** "a", "a and b", "a, b and c": the house style has no Oxford comma. */
function joinEnglish(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
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

/** "(excluding …)" wrapper, or nothing when there is nothing to exclude. */
function englishExclusion(items: readonly string[]): string {
  return items.length === 0 ? "" : ` (excluding ${joinEnglish(items)})`;
}

function formatHoursEnglish(hours: HoursModel, plan: DayPlan, selfEn: string | undefined): string {
  const range = formatTimeRange(hours.open, hours.close, "en");
  const excluded = plan.closed.map((day) => `${EN_DAY[day]}s`);
  if (hours.closedOnNationalHolidays) excluded.push("national holidays");
  // self.en is a noun phrase ("our center"); without one, "our holidays" still reads right.
  if (hours.closedOnOwnHolidays) excluded.push(selfEn ? `${selfEn}'s holidays` : "our holidays");

  const lead = plan.listOpen ? `${joinEnglish(plan.open.map((day) => `${EN_DAY[day]}s`))}, ` : "";
  return `${lead}${range}${englishExclusion(excluded)}`;
}

/**
 * The closed weekdays and national holidays, in the run-together forms a Japanese
 * notice uses: 土日, 土日祝日, 日曜・祝日, 土曜, 水曜, 月・火曜, 祝日.
 */
function japaneseClosedDays(closed: readonly Weekday[], nationalHolidays: boolean): string[] {
  if (closed.length === 2 && closed[0] === "sat" && closed[1] === "sun") {
    return [nationalHolidays ? "土日祝日" : "土日"];
  }
  const items: string[] = [];
  // One 曜 for the whole list: 月・火曜, not 月曜・火曜.
  if (closed.length > 0) items.push(`${closed.map((day) => JA_DAY[day]).join("・")}曜`);
  if (nationalHolidays) items.push("祝日");
  return items;
}

function formatHoursJapanese(hours: HoursModel, plan: DayPlan, selfJa: string): string {
  const range = formatTimeRange(hours.open, hours.close, "ja");
  const excluded = japaneseClosedDays(plan.closed, hours.closedOnNationalHolidays);
  if (hours.closedOnOwnHolidays) excluded.push(`${selfJa}休業日`);

  const lead = plan.listOpen ? `${plan.open.map((day) => JA_DAY[day]).join("・")}曜日 ` : "";
  const exclusion = excluded.length === 0 ? "" : `（${excluded.join("・")}を除く）`;
  return `${lead}${range}${exclusion}`;
}

/**
 * Reception hours in words, without the label or the note.
 *
 * `self` is how the organization refers to itself: { ja: "当センター", en: "our center" }.
 */
export function formatHours(hours: HoursModel, lang: Lang, self: { ja: string; en?: string }): string {
  const plan = planDays(hours.days);
  return lang === "en"
    ? formatHoursEnglish(hours, plan, self.en)
    : formatHoursJapanese(hours, plan, self.ja);
}
