import { describe, expect, it } from "vitest";
import { formatHours, formatTimeRange } from "../../src/render/hours.js";
import type { HoursModel, Weekday } from "../../src/model/policy.js";

const CENTER = { ja: "当センター", en: "our center" };
const WEEKDAYS: Weekday[] = ["mon", "tue", "wed", "thu", "fri"];
const EVERY_DAY: Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

function hours(days: Weekday[], flags: { national?: boolean; own?: boolean } = {}, open = "10:00", close = "18:00"): HoursModel {
  return {
    days,
    open,
    close,
    closedOnNationalHolidays: flags.national ?? false,
    closedOnOwnHolidays: flags.own ?? false,
  };
}

describe("formatTimeRange", () => {
  it.each([
    ["10:00", "18:00", "en", "10:00\u201318:00"],
    ["10:00", "18:00", "ja", "10:00\u301C18:00"],
    ["09:00", "17:30", "en", "9:00–17:30"],
    ["09:00", "17:30", "ja", "9:00〜17:30"],
    ["00:30", "06:05", "en", "0:30–6:05"],
    ["9:00", "12:00", "ja", "9:00〜12:00"],
  ] as const)("%s %s %s → %s", (open, close, lang, expected) => {
    expect(formatTimeRange(open, close, lang)).toBe(expected);
  });
});

describe("formatHours: the product brief's contract", () => {
  const brief = hours(WEEKDAYS, { national: true, own: true });

  it("English", () => {
    expect(formatHours(brief, "en", CENTER.en)).toBe(
      "10:00\u201318:00 (excluding Saturdays, Sundays, national holidays and our center's holidays)",
    );
  });

  it("Japanese", () => {
    expect(formatHours(brief, "ja", CENTER.ja)).toBe("10:00\u301C18:00（土日祝日・当センター休業日を除く）");
  });
});

type Case = [name: string, model: HoursModel, en: string, ja: string];

const cases: Case[] = [
  // No closed days, no holiday flags: the range alone.
  ["every day", hours(EVERY_DAY), "10:00–18:00", "10:00〜18:00"],
  ["every day, leading zero dropped", hours(EVERY_DAY, {}, "09:00", "17:30"), "9:00–17:30", "9:00〜17:30"],
  // No closed days, holiday flags only.
  ["every day but holidays", hours(EVERY_DAY, { national: true }),
    "10:00–18:00 (excluding national holidays)", "10:00〜18:00（祝日を除く）"],
  ["every day but own holidays", hours(EVERY_DAY, { own: true }),
    "10:00–18:00 (excluding our center's holidays)", "10:00〜18:00（当センター休業日を除く）"],
  ["every day but both holidays", hours(EVERY_DAY, { national: true, own: true }),
    "10:00–18:00 (excluding national holidays and our center's holidays)", "10:00〜18:00（祝日・当センター休業日を除く）"],
  // Saturday and Sunday: 土日 / 土日祝日.
  ["weekdays", hours(WEEKDAYS),
    "10:00–18:00 (excluding Saturdays and Sundays)", "10:00〜18:00（土日を除く）"],
  ["weekdays, not holidays", hours(WEEKDAYS, { national: true }),
    "10:00–18:00 (excluding Saturdays, Sundays and national holidays)", "10:00〜18:00（土日祝日を除く）"],
  ["weekdays, not own holidays", hours(WEEKDAYS, { own: true }),
    "10:00–18:00 (excluding Saturdays, Sundays and our center's holidays)", "10:00〜18:00（土日・当センター休業日を除く）"],
  // Sunday only: 日曜 / 日曜・祝日.
  ["closed Sunday", hours(["mon", "tue", "wed", "thu", "fri", "sat"]),
    "10:00–18:00 (excluding Sundays)", "10:00〜18:00（日曜を除く）"],
  ["closed Sunday and holidays", hours(["mon", "tue", "wed", "thu", "fri", "sat"], { national: true }),
    "10:00–18:00 (excluding Sundays and national holidays)", "10:00〜18:00（日曜・祝日を除く）"],
  ["closed Sunday, holidays and own", hours(["mon", "tue", "wed", "thu", "fri", "sat"], { national: true, own: true }),
    "10:00–18:00 (excluding Sundays, national holidays and our center's holidays)",
    "10:00〜18:00（日曜・祝日・当センター休業日を除く）"],
  // Saturday only: 土曜.
  ["closed Saturday", hours(["mon", "tue", "wed", "thu", "fri", "sun"]),
    "10:00–18:00 (excluding Saturdays)", "10:00〜18:00（土曜を除く）"],
  // Another single day: 水曜.
  ["closed Wednesday", hours(["mon", "tue", "thu", "fri", "sat", "sun"]),
    "10:00–18:00 (excluding Wednesdays)", "10:00〜18:00（水曜を除く）"],
  ["closed Wednesday and holidays", hours(["mon", "tue", "thu", "fri", "sat", "sun"], { national: true }),
    "10:00–18:00 (excluding Wednesdays and national holidays)", "10:00〜18:00（水曜・祝日を除く）"],
  // Two days that are not the weekend: one 曜 for both.
  ["closed Monday and Tuesday", hours(["wed", "thu", "fri", "sat", "sun"]),
    "10:00–18:00 (excluding Mondays and Tuesdays)", "10:00〜18:00（月・火曜を除く）"],
  ["closed Monday and Sunday", hours(["tue", "wed", "thu", "fri", "sat"], { national: true }),
    "10:00–18:00 (excluding Mondays, Sundays and national holidays)", "10:00〜18:00（月・日曜・祝日を除く）"],
  // Three or more closed days: name the open days; exclude holidays only.
  ["Mon, Wed, Fri, not holidays", hours(["mon", "wed", "fri"], { national: true }),
    "Mondays, Wednesdays and Fridays, 10:00–18:00 (excluding national holidays)",
    "月・水・金曜日 10:00〜18:00（祝日を除く）"],
  ["Mon, Wed, Fri, no flags", hours(["mon", "wed", "fri"]),
    "Mondays, Wednesdays and Fridays, 10:00–18:00", "月・水・金曜日 10:00〜18:00"],
  ["Tue–Thu, both holidays", hours(["tue", "wed", "thu", "sat"], { national: true, own: true }),
    "Tuesdays, Wednesdays, Thursdays and Saturdays, 10:00–18:00 (excluding national holidays and our center's holidays)",
    "火・水・木・土曜日 10:00〜18:00（祝日・当センター休業日を除く）"],
  ["two open days", hours(["sat", "sun"], { own: true }, "09:30", "12:00"),
    "Saturdays and Sundays, 9:30–12:00 (excluding our center's holidays)",
    "土・日曜日 9:30〜12:00（当センター休業日を除く）"],
  ["one open day", hours(["wed"]),
    "Wednesdays, 10:00–18:00", "水曜日 10:00〜18:00"],
];

describe("formatHours", () => {
  it.each(cases)("%s", (_name, model, en, ja) => {
    expect(formatHours(model, "en", CENTER.en)).toBe(en);
    expect(formatHours(model, "ja", CENTER.ja)).toBe(ja);
  });

  it("writes days in week order whatever the input order", () => {
    const shuffled = hours(["fri", "mon", "thu", "wed", "tue"], { national: true, own: true });
    expect(formatHours(shuffled, "en", CENTER.en)).toBe(
      "10:00–18:00 (excluding Saturdays, Sundays, national holidays and our center's holidays)",
    );
    expect(formatHours(shuffled, "ja", CENTER.ja)).toBe("10:00〜18:00（土日祝日・当センター休業日を除く）");

    const listed = hours(["fri", "wed", "mon"], { national: true });
    expect(formatHours(listed, "en", CENTER.en)).toBe("Mondays, Wednesdays and Fridays, 10:00–18:00 (excluding national holidays)");
    expect(formatHours(listed, "ja", CENTER.ja)).toBe("月・水・金曜日 10:00〜18:00（祝日を除く）");

    // Closed days too: Sunday after Monday.
    const closedOutOfOrder = hours(["sat", "thu", "fri", "wed", "tue"]);
    expect(formatHours(closedOutOfOrder, "en", CENTER.en)).toBe("10:00–18:00 (excluding Mondays and Sundays)");
    expect(formatHours(closedOutOfOrder, "ja", CENTER.ja)).toBe("10:00〜18:00（月・日曜を除く）");
  });

  it("ignores a repeated day", () => {
    const repeated = hours(["mon", "mon", "tue", "wed", "thu", "fri"]);
    expect(formatHours(repeated, "en", CENTER.en)).toBe("10:00–18:00 (excluding Saturdays and Sundays)");
  });

  it("uses the organization's own self-reference", () => {
    const model = hours(WEEKDAYS, { own: true });
    const clinic = { ja: "当院", en: "the clinic" };
    expect(formatHours(model, "ja", clinic.ja)).toBe("10:00〜18:00（土日・当院休業日を除く）");
    expect(formatHours(model, "en", clinic.en)).toBe("10:00–18:00 (excluding Saturdays, Sundays and the clinic's holidays)");
  });

  it("says 'our holidays' when there is no English self-reference", () => {
    const model = hours(WEEKDAYS, { national: true, own: true });
    expect(formatHours(model, "en", undefined)).toBe(
      "10:00–18:00 (excluding Saturdays, Sundays, national holidays and our holidays)",
    );
  });

  it("leaves the note to the template", () => {
    const model: HoursModel = { ...hours(WEEKDAYS), note: "年末年始を除く" };
    expect(formatHours(model, "ja", CENTER.ja)).toBe("10:00〜18:00（土日を除く）");
  });

  it("refuses hours with no open day rather than print a range that claims every day", () => {
    expect(() => formatHours(hours([]), "en", CENTER.en)).toThrow(RangeError);
  });
});
