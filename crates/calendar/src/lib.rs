//! Calendar arithmetic, the lowest layer of Portal: civil dates, months,
//! week rows of a month grid (the events calendar and the news archive share
//! one grid), and the days an event covers. Pure functions on plain dates,
//! tested natively, no dependencies; no time zones here (event dates are
//! already local to Minsk when they reach a grid). The contract builds its
//! timestamps on these functions. [`ics`] writes iCalendar (RFC 5545) text.

pub mod ics;
pub mod month_layout;
pub mod window;

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`).
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Days of the week, Monday first (ISO 8601).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// 0 for Monday … 6 for Sunday.
    pub fn index_from_monday(self) -> usize {
        self as usize
    }
}

/// The first column of a week row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekStart {
    Monday,
    Sunday,
}

impl WeekStart {
    /// Sunday for the regions that start the week on Sunday (CLDR's
    /// `firstDay` = sun, the commonly used ones), Monday for all others.
    /// `tag` is a BCP 47 language tag such as `en-US` or `be-BY`.
    pub fn for_locale(tag: &str) -> WeekStart {
        const SUNDAY_REGIONS: [&str; 16] = [
            "US", "CA", "MX", "BR", "JP", "KR", "CN", "TW", "HK", "IL", "IN", "PH", "ZA", "AU",
            "SA", "PE",
        ];
        let region = tag
            .split(['-', '_'])
            .skip(1)
            .find(|part| part.len() == 2 && part.bytes().all(|b| b.is_ascii_alphabetic()))
            .map(str::to_ascii_uppercase);
        match region {
            Some(region) if SUNDAY_REGIONS.contains(&region.as_str()) => WeekStart::Sunday,
            _ => WeekStart::Monday,
        }
    }

    /// The weekdays in column order.
    pub fn columns(self) -> [Weekday; 7] {
        let mut out = Weekday::ALL;
        if self == WeekStart::Sunday {
            out.rotate_right(1);
        }
        out
    }
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Parses `yyyy-mm-dd` strictly (four-digit year).
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = text.get(range)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        Date::new(
            digits(0..4)? as i32,
            digits(5..7)? as u8,
            digits(8..10)? as u8,
        )
    }

    /// Days since 1970-01-01.
    pub fn to_days(self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    /// The date `days` since 1970-01-01 (Howard Hinnant's `civil_from_days`).
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn add_days(self, days: i64) -> Date {
        Date::from_days(self.to_days() + days)
    }

    /// The same day `months` months away, clamped to the end of a shorter
    /// month (31 January + 1 month = 28 or 29 February).
    pub fn add_months(self, months: i32) -> Date {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(months);
        let year = index.div_euclid(12) as i32;
        let month = (index.rem_euclid(12) + 1) as u8;
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3 from Monday).
        Weekday::ALL[(self.to_days() + 3).rem_euclid(7) as usize]
    }

    pub fn year_month(self) -> YearMonth {
        YearMonth {
            year: self.year,
            month: self.month,
        }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A month of a year: the unit of the calendar views (`?month=yyyy-mm`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    pub month: u8,
}

impl YearMonth {
    /// Parses `yyyy-mm` strictly; `2024-13`, `2024-1` and `24-01` are `None`.
    pub fn parse(text: &str) -> Option<YearMonth> {
        let b = text.as_bytes();
        if b.len() != 7
            || b[4] != b'-'
            || !text
                .bytes()
                .enumerate()
                .all(|(i, c)| i == 4 || c.is_ascii_digit())
        {
            return None;
        }
        let year: i32 = text.get(0..4)?.parse().ok()?;
        let month: u8 = text.get(5..7)?.parse().ok()?;
        (1..=12)
            .contains(&month)
            .then_some(YearMonth { year, month })
    }

    pub fn first_day(self) -> Date {
        Date {
            year: self.year,
            month: self.month,
            day: 1,
        }
    }

    pub fn last_day(self) -> Date {
        Date {
            year: self.year,
            month: self.month,
            day: days_in_month(self.year, self.month),
        }
    }

    pub fn next(self) -> YearMonth {
        if self.month == 12 {
            YearMonth {
                year: self.year + 1,
                month: 1,
            }
        } else {
            YearMonth {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    pub fn previous(self) -> YearMonth {
        if self.month == 1 {
            YearMonth {
                year: self.year - 1,
                month: 12,
            }
        } else {
            YearMonth {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    /// Months since year 0; differences count months between two values.
    pub fn index(self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month) - 1
    }

    pub fn contains(self, date: Date) -> bool {
        date.year == self.year && date.month == self.month
    }

    /// The weeks that show this month, each a row of seven dates starting
    /// on `start`; days of the neighbouring months fill the first and last
    /// rows. Four to six rows.
    pub fn weeks(self, start: WeekStart) -> Vec<[Date; 7]> {
        let first = self.first_day();
        let offset = match start {
            WeekStart::Monday => first.weekday().index_from_monday(),
            WeekStart::Sunday => (first.weekday().index_from_monday() + 1) % 7,
        };
        let grid_start = first.add_days(-(offset as i64));
        let last = self.last_day().to_days();
        let mut weeks = Vec::with_capacity(6);
        let mut row_start = grid_start;
        while row_start.to_days() <= last {
            let mut row = [row_start; 7];
            for (i, cell) in row.iter_mut().enumerate() {
                *cell = row_start.add_days(i as i64);
            }
            weeks.push(row);
            row_start = row_start.add_days(7);
        }
        weeks
    }

    /// [`YearMonth::weeks`] with rows added after the month until `through`
    /// is shown: a window of days that runs into the next month stays on
    /// one grid. A `through` inside the month changes nothing.
    pub fn weeks_through(self, start: WeekStart, through: Date) -> Vec<[Date; 7]> {
        let mut weeks = self.weeks(start);
        while let Some(last_row) = weeks.last() {
            let row_end = last_row[6];
            if row_end >= through {
                break;
            }
            let next = row_end.add_days(1);
            weeks.push(std::array::from_fn(|i| next.add_days(i as i64)));
        }
        weeks
    }
}

/// Lanes of one week row: the line inside the day cells each span (an
/// event's first and last day) occupies, so a multi-day event keeps one line
/// across the week and reads as one bar. Spans are placed in the order
/// given (put longer spans first so they take the top lanes); each gets the
/// lowest lane free on all its days in the week, or `None` if it does not
/// touch the week.
pub fn week_lanes(week: &[Date; 7], spans: &[(Date, Date)]) -> Vec<Option<usize>> {
    let mut taken: Vec<[bool; 7]> = Vec::new();
    spans
        .iter()
        .map(|&(first, last)| {
            let columns: Vec<usize> = (0..7)
                .filter(|&c| first <= week[c] && week[c] <= last)
                .collect();
            let (&from, &to) = (columns.first()?, columns.last()?);
            let lane = taken
                .iter()
                .position(|row| row[from..=to].iter().all(|busy| !busy))
                .unwrap_or_else(|| {
                    taken.push([false; 7]);
                    taken.len() - 1
                });
            for busy in &mut taken[lane][from..=to] {
                *busy = true;
            }
            Some(lane)
        })
        .collect()
}

/// [`week_lanes`] for every week of a grid, turned around per day: for each
/// date, the span index in each lane (`None` where the lane is free that
/// day), without trailing free lanes.
pub fn day_lanes(
    weeks: &[[Date; 7]],
    spans: &[(Date, Date)],
) -> std::collections::BTreeMap<Date, Vec<Option<usize>>> {
    let mut out = std::collections::BTreeMap::new();
    for week in weeks {
        let lanes = week_lanes(week, spans);
        for &date in week {
            let mut day: Vec<Option<usize>> = Vec::new();
            for (index, lane) in lanes.iter().enumerate() {
                let Some(lane) = *lane else { continue };
                let (first, last) = spans[index];
                if first <= date && date <= last {
                    if day.len() <= lane {
                        day.resize(lane + 1, None);
                    }
                    day[lane] = Some(index);
                }
            }
            out.insert(date, day);
        }
    }
    out
}

impl YearMonth {
    /// The month `months` away (negative for earlier).
    pub fn add_months(self, months: i32) -> YearMonth {
        self.first_day().add_months(months).year_month()
    }
}

/// The keyboard model of a date grid (WAI-ARIA): the date a key moves the
/// cursor to from `from`, or `None` for keys the grid leaves alone. `key` is
/// a DOM `KeyboardEvent.key`. Arrows move by day and week, Home/End to the
/// ends of the week row, PageUp/PageDown by month (with Shift by year).
pub fn key_target(key: &str, shift: bool, from: Date, week_start: WeekStart) -> Option<Date> {
    let column = week_start
        .columns()
        .iter()
        .position(|&day| day == from.weekday())
        .unwrap_or(0) as i64;
    Some(match key {
        "ArrowLeft" => from.add_days(-1),
        "ArrowRight" => from.add_days(1),
        "ArrowUp" => from.add_days(-7),
        "ArrowDown" => from.add_days(7),
        "Home" => from.add_days(-column),
        "End" => from.add_days(6 - column),
        "PageUp" if shift => from.add_months(-12),
        "PageDown" if shift => from.add_months(12),
        "PageUp" => from.add_months(-1),
        "PageDown" => from.add_months(1),
        _ => return None,
    })
}

impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_through_adds_rows_until_the_day_is_shown() {
        let december = YearMonth::parse("2026-12").unwrap();
        let d = |t| Date::parse(t).unwrap();
        // 31 December 2026 is a Thursday: the last row runs to 3 January.
        let plain = december.weeks(WeekStart::Monday);
        assert_eq!(
            december.weeks_through(WeekStart::Monday, d("2027-01-03")),
            plain
        );
        assert_eq!(
            december.weeks_through(WeekStart::Monday, d("2026-12-05")),
            plain
        );
        let longer = december.weeks_through(WeekStart::Monday, d("2027-01-04"));
        assert_eq!(longer.len(), plain.len() + 1);
        assert_eq!(longer.last().unwrap()[0], d("2027-01-04"));
        assert_eq!(longer.last().unwrap()[6], d("2027-01-10"));
        // Weeks from Sunday: a weekend across the month's end (Saturday 31
        // January, Sunday 1 February 2026) needs the next row.
        let january = YearMonth::parse("2026-01").unwrap();
        let rows = january.weeks_through(WeekStart::Sunday, d("2026-02-01"));
        assert_eq!(rows.len(), january.weeks(WeekStart::Sunday).len() + 1);
        assert_eq!(rows.last().unwrap()[0], d("2026-02-01"));
    }

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }
    fn ym(text: &str) -> YearMonth {
        YearMonth::parse(text).unwrap()
    }

    #[test]
    fn leap_years() {
        assert!(is_leap_year(2024) && is_leap_year(2000));
        assert!(!is_leap_year(1900) && !is_leap_year(2026));
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2026, 2), 28);
    }

    #[test]
    fn days_round_trip_over_four_centuries() {
        for days in (-150_000..150_000).step_by(37) {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
        assert_eq!(Date::from_days(0), d("1970-01-01"));
        assert_eq!(d("2024-02-28").add_days(1), d("2024-02-29"));
        assert_eq!(d("2023-02-28").add_days(1), d("2023-03-01"));
        assert_eq!(d("2026-12-31").add_days(1), d("2027-01-01"));
    }

    #[test]
    fn weekdays_of_known_dates() {
        assert_eq!(d("1970-01-01").weekday(), Weekday::Thursday);
        assert_eq!(d("2026-11-29").weekday(), Weekday::Sunday);
        assert_eq!(d("2000-02-29").weekday(), Weekday::Tuesday);
        assert_eq!(d("1969-12-31").weekday(), Weekday::Wednesday);
    }

    #[test]
    fn strict_parsing() {
        assert_eq!(
            ym("2024-04"),
            YearMonth {
                year: 2024,
                month: 4
            }
        );
        for bad in [
            "2024-13",
            "2024-00",
            "2024-1",
            "24-01",
            "2024/01",
            "2024-0a",
            "",
            "2024-01-01",
            "+024-01",
        ] {
            assert_eq!(YearMonth::parse(bad), None, "{bad}");
        }
        for bad in [
            "2023-02-29",
            "2024-04-31",
            "2024-4-01",
            "2024-04-1",
            "2024-04-00",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert_eq!(d("2024-02-29").to_string(), "2024-02-29");
    }

    #[test]
    fn month_steps_cross_years() {
        assert_eq!(ym("2026-12").next(), ym("2027-01"));
        assert_eq!(ym("2026-01").previous(), ym("2025-12"));
        assert_eq!(ym("2024-02").last_day(), d("2024-02-29"));
        assert_eq!(ym("2026-02").last_day(), d("2026-02-28"));
    }

    /// Checks the shape every grid must have.
    fn check_grid(month: YearMonth, start: WeekStart) -> Vec<[Date; 7]> {
        let weeks = month.weeks(start);
        let first_column = start.columns()[0];
        assert!(
            (4..=6).contains(&weeks.len()),
            "{month}: {} rows",
            weeks.len()
        );
        for row in &weeks {
            assert_eq!(row[0].weekday(), first_column, "{month}");
            for pair in row.windows(2) {
                assert_eq!(pair[0].add_days(1), pair[1]);
            }
        }
        let in_month: Vec<Date> = weeks
            .iter()
            .flatten()
            .copied()
            .filter(|&x| month.contains(x))
            .collect();
        assert_eq!(in_month.first(), Some(&month.first_day()));
        assert_eq!(in_month.last(), Some(&month.last_day()));
        assert_eq!(in_month.len(), usize::from(month.last_day().day));
        // No row is entirely outside the month.
        assert!(weeks
            .iter()
            .all(|row| row.iter().any(|&x| month.contains(x))));
        weeks
    }

    #[test]
    fn grids_for_every_month_of_several_years() {
        for year in [2023, 2024, 2025, 2026, 2100] {
            for month in 1..=12 {
                for start in [WeekStart::Monday, WeekStart::Sunday] {
                    check_grid(YearMonth { year, month }, start);
                }
            }
        }
    }

    #[test]
    fn months_starting_on_each_weekday() {
        // 2026: Jan Thu, Feb Sun, Mar Sun, Apr Wed, May Fri, Jun Mon, Sep Tue, Aug Sat.
        let cases = [
            ("2026-06", Weekday::Monday),
            ("2026-09", Weekday::Tuesday),
            ("2026-04", Weekday::Wednesday),
            ("2026-01", Weekday::Thursday),
            ("2026-05", Weekday::Friday),
            ("2026-08", Weekday::Saturday),
            ("2026-02", Weekday::Sunday),
        ];
        for (month, weekday) in cases {
            let month = ym(month);
            assert_eq!(month.first_day().weekday(), weekday);
            let weeks = check_grid(month, WeekStart::Monday);
            assert_eq!(weeks[0][weekday.index_from_monday()], month.first_day());
        }
    }

    #[test]
    fn lanes_keep_multi_day_spans_on_one_line() {
        let week = ym("2026-12").weeks(WeekStart::Monday)[1]; // 7–13 December
        let spans = [
            (d("2026-12-01"), d("2026-12-09")), // from the week before to Wednesday
            (d("2026-12-10"), d("2026-12-20")), // Thursday into the next week
            (d("2026-12-08"), d("2026-12-11")), // Tuesday to Friday
            (d("2026-12-08"), d("2026-12-08")),
            (d("2026-12-12"), d("2026-12-12")),
            (d("2026-12-20"), d("2026-12-21")), // not in this week
        ];
        let lanes = week_lanes(&week, &spans);
        assert_eq!(lanes, [Some(0), Some(0), Some(1), Some(2), Some(1), None]);
    }

    #[test]
    fn day_lanes_align_spans_per_day() {
        let weeks = ym("2026-12").weeks(WeekStart::Monday);
        let spans = [
            (d("2026-12-08"), d("2026-12-11")),
            (d("2026-12-09"), d("2026-12-09")),
            (d("2026-12-10"), d("2026-12-10")),
        ];
        let lanes = day_lanes(&weeks, &spans);
        assert_eq!(lanes[&d("2026-12-08")], [Some(0)]);
        assert_eq!(lanes[&d("2026-12-09")], [Some(0), Some(1)]);
        assert_eq!(lanes[&d("2026-12-10")], [Some(0), Some(2)]);
        assert_eq!(lanes[&d("2026-12-12")], []);
        assert_eq!(lanes.len(), weeks.len() * 7);
    }

    #[test]
    fn adding_months_clamps_the_day() {
        assert_eq!(d("2026-01-31").add_months(1), d("2026-02-28"));
        assert_eq!(d("2024-01-31").add_months(1), d("2024-02-29"));
        assert_eq!(d("2026-12-15").add_months(1), d("2027-01-15"));
        assert_eq!(d("2026-01-15").add_months(-1), d("2025-12-15"));
        assert_eq!(d("2026-03-31").add_months(-13), d("2025-02-28"));
        assert_eq!(ym("2026-12").add_months(2), ym("2027-02"));
    }

    #[test]
    fn keys_move_the_grid_cursor() {
        let from = d("2026-12-31"); // a Thursday
        let key = |k, shift, start| key_target(k, shift, from, start);
        assert_eq!(
            key("ArrowRight", false, WeekStart::Monday),
            Some(d("2027-01-01"))
        );
        assert_eq!(
            key("ArrowLeft", false, WeekStart::Monday),
            Some(d("2026-12-30"))
        );
        assert_eq!(
            key("ArrowDown", false, WeekStart::Monday),
            Some(d("2027-01-07"))
        );
        assert_eq!(
            key("ArrowUp", false, WeekStart::Monday),
            Some(d("2026-12-24"))
        );
        assert_eq!(key("Home", false, WeekStart::Monday), Some(d("2026-12-28")));
        assert_eq!(key("End", false, WeekStart::Monday), Some(d("2027-01-03")));
        assert_eq!(key("Home", false, WeekStart::Sunday), Some(d("2026-12-27")));
        assert_eq!(key("End", false, WeekStart::Sunday), Some(d("2027-01-02")));
        assert_eq!(
            key("PageDown", false, WeekStart::Monday),
            Some(d("2027-01-31"))
        );
        assert_eq!(
            key("PageUp", false, WeekStart::Monday),
            Some(d("2026-11-30"))
        );
        assert_eq!(
            key("PageUp", true, WeekStart::Monday),
            Some(d("2025-12-31"))
        );
        assert_eq!(key("a", false, WeekStart::Monday), None);
        assert_eq!(key("Enter", false, WeekStart::Monday), None);
    }

    #[test]
    fn row_counts() {
        // February 2027 starts on Monday and has 28 days: exactly four rows.
        assert_eq!(ym("2027-02").weeks(WeekStart::Monday).len(), 4);
        assert_eq!(ym("2027-02").weeks(WeekStart::Sunday).len(), 5);
        // August 2026 starts on Saturday, 31 days: six rows from Monday.
        assert_eq!(ym("2026-08").weeks(WeekStart::Monday).len(), 6);
        // March 2026 starts on Sunday: six rows from Monday, five from Sunday.
        assert_eq!(ym("2026-03").weeks(WeekStart::Monday).len(), 6);
        assert_eq!(ym("2026-03").weeks(WeekStart::Sunday).len(), 5);
    }

    #[test]
    fn week_start_follows_the_region() {
        assert_eq!(WeekStart::for_locale("en-US"), WeekStart::Sunday);
        assert_eq!(WeekStart::for_locale("en_CA"), WeekStart::Sunday);
        assert_eq!(WeekStart::for_locale("en-GB"), WeekStart::Monday);
        assert_eq!(WeekStart::for_locale("en"), WeekStart::Monday);
        assert_eq!(WeekStart::for_locale("ru-RU"), WeekStart::Monday);
        assert_eq!(WeekStart::for_locale("be-BY"), WeekStart::Monday);
        assert_eq!(WeekStart::for_locale("zh-Hant-TW"), WeekStart::Sunday);
        assert_eq!(WeekStart::Sunday.columns()[0], Weekday::Sunday);
        assert_eq!(WeekStart::Monday.columns()[6], Weekday::Sunday);
    }
}
