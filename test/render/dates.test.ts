import { afterEach, describe, expect, it, vi } from "vitest";
import { formatPolicyDate } from "../../src/render/dates.js";
import type { DateStyle, Lang } from "../../src/model/policy.js";

const cases: Array<[iso: string, lang: Lang, style: DateStyle, expected: string]> = [
  // Era form.
  ["2020-09-02", "ja", "era", "令和2年9月2日"],
  ["2006-04-01", "ja", "era", "平成18年4月1日"],
  // Both era boundaries: the last day of the old era and 元年 of the new one.
  ["2019-04-30", "ja", "era", "平成31年4月30日"],
  ["2019-05-01", "ja", "era", "令和元年5月1日"],
  ["2019-12-31", "ja", "era", "令和元年12月31日"],
  ["2020-01-01", "ja", "era", "令和2年1月1日"],
  ["1989-01-07", "ja", "era", "昭和64年1月7日"],
  ["1989-01-08", "ja", "era", "平成元年1月8日"],
  // Gregorian: no leading zeros.
  ["2020-09-02", "ja", "gregorian", "2020年9月2日"],
  ["2019-05-01", "ja", "gregorian", "2019年5月1日"],
  // Both: full-width parentheses, 元年 inside them.
  ["2020-09-02", "ja", "both", "2020年（令和2年）9月2日"],
  ["2022-03-18", "ja", "both", "2022年（令和4年）3月18日"],
  ["2019-05-01", "ja", "both", "2019年（令和元年）5月1日"],
  ["1989-01-08", "ja", "both", "1989年（平成元年）1月8日"],
  // English ignores the style.
  ["2020-09-02", "en", "era", "September 2, 2020"],
  ["2020-09-02", "en", "gregorian", "September 2, 2020"],
  ["2020-09-02", "en", "both", "September 2, 2020"],
  ["2019-05-01", "en", "era", "May 1, 2019"],
  ["2024-12-31", "en", "gregorian", "December 31, 2024"],
];

describe("formatPolicyDate", () => {
  it.each(cases)("%s %s %s → %s", (iso, lang, style, expected) => {
    expect(formatPolicyDate(iso, lang, style)).toBe(expected);
  });

  it("rejects a string that is not YYYY-MM-DD", () => {
    expect(() => formatPolicyDate("2020/09/02", "ja", "era")).toThrow(RangeError);
    expect(() => formatPolicyDate("2020-09-02T00:00:00Z", "en", "era")).toThrow(RangeError);
  });
});

describe("formatPolicyDate does not depend on the machine's time zone", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  // The extremes (UTC−12, UTC+14) and the zones most likely on a build machine.
  // A date-as-instant bug (new Date("2019-05-01") read with local getters, or
  // formatted without timeZone) shifts the day in at least one of these.
  const zones = ["Etc/GMT+12", "America/Los_Angeles", "UTC", "Asia/Tokyo", "Pacific/Kiritimati"];
  // Days whose neighbours differ in era, year or month, so a one-day shift always shows.
  const boundaryCases = cases.filter(([iso]) =>
    ["2019-04-30", "2019-05-01", "1989-01-08", "2019-12-31", "2020-01-01", "2024-12-31"].includes(iso),
  );

  const offsets: Record<string, number> = {
    "Etc/GMT+12": 720,
    "America/Los_Angeles": 420,
    UTC: 0,
    "Asia/Tokyo": -540,
    "Pacific/Kiritimati": -840,
  };

  it.each(zones)("TZ=%s", async (zone) => {
    process.env.TZ = zone;
    // Node re-reads TZ on assignment; prove it did, or this test would pass vacuously.
    expect(new Date(Date.UTC(2019, 4, 1, 12)).getTimezoneOffset()).toBe(offsets[zone]);
    // Load the module afresh, as a process started in this zone would: an Intl
    // formatter built at import time without timeZone would fix the zone then.
    vi.resetModules();
    const fresh = await import("../../src/render/dates.js");

    for (const [iso, lang, style, expected] of boundaryCases) {
      expect(fresh.formatPolicyDate(iso, lang, style), `${iso} ${lang} ${style} in ${zone}`).toBe(expected);
    }
  });
});

describe("month-only dates", () => {
  it.each([
    ["2020-09", "ja", "era", "令和2年9月"],
    ["2020-09", "ja", "gregorian", "2020年9月"],
    ["2020-09", "ja", "both", "2020年（令和2年）9月"],
    ["2019-05", "ja", "era", "令和元年5月"],
    ["2019-04", "ja", "era", "平成31年4月"],
    ["2020-09", "en", "era", "September 2020"],
  ] as const)("%s in %s (%s) is %s", (iso, lang, style, expected) => {
    expect(formatPolicyDate(iso, lang, style)).toBe(expected);
  });
});
