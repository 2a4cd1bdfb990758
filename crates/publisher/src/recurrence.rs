//! Yearly events authored once: which dates they fall on in other years, and
//! which of those a build publishes (a window around the build date, so a
//! fresh build's calendar is never empty).

use portal_calendar::{days_in_month, Date};

/// How an authored occurrence repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Repeat {
    /// The same month and day; 29 February becomes 28 February.
    Yearly,
    /// The same weekday in the same week of the month (the second Saturday
    /// of July); a fifth weekday is "the last" one.
    YearlyWeekday,
}

impl Repeat {
    pub fn parse(text: &str) -> Option<Repeat> {
        match text {
            "yearly" => Some(Repeat::Yearly),
            "yearly-weekday" => Some(Repeat::YearlyWeekday),
            _ => None,
        }
    }
}

/// Days before the build date from which occurrences are published.
pub const WINDOW_PAST_DAYS: i64 = 183;
/// Days after the build date up to which occurrences are published.
pub const WINDOW_FUTURE_DAYS: i64 = 365;

/// The occurrence in `year` of an event that fell on `authored`.
pub fn occurrence_in(authored: Date, repeat: Repeat, year: i32) -> Date {
    let month = authored.month;
    let last_day = days_in_month(year, month);
    match repeat {
        Repeat::Yearly => Date {
            year,
            month,
            day: authored.day.min(last_day),
        },
        Repeat::YearlyWeekday => {
            let week = (authored.day - 1) / 7; // 0 = first … 4 = fifth
            let weekday = authored.weekday().index_from_monday() as i64;
            let first = Date {
                year,
                month,
                day: 1,
            };
            let first_weekday = first.weekday().index_from_monday() as i64;
            let first_match = 1 + (weekday - first_weekday).rem_euclid(7) as u8;
            let mut day = first_match + 7 * week;
            if week == 4 || day > last_day {
                // "The last such weekday of the month."
                day = first_match + 7 * ((last_day - first_match) / 7);
            }
            Date { year, month, day }
        }
    }
}

/// The start dates of every occurrence that begins within
/// `[today - WINDOW_PAST_DAYS, today + WINDOW_FUTURE_DAYS]`, oldest first.
pub fn occurrences(authored: Date, repeat: Repeat, today: Date) -> Vec<Date> {
    let from = today.add_days(-WINDOW_PAST_DAYS);
    let to = today.add_days(WINDOW_FUTURE_DAYS);
    (from.year..=to.year)
        .map(|year| occurrence_in(authored, repeat, year))
        .filter(|date| (from..=to).contains(date))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn yearly_keeps_the_date_and_clamps_leap_days() {
        let on = |date, year| occurrence_in(d(date), Repeat::Yearly, year);
        assert_eq!(on("2026-07-10", 2027), d("2027-07-10"));
        assert_eq!(on("2024-02-29", 2025), d("2025-02-28"));
        assert_eq!(on("2024-02-29", 2028), d("2028-02-29"));
    }

    #[test]
    fn yearly_weekday_keeps_the_week_and_weekday() {
        let on = |date, year| occurrence_in(d(date), Repeat::YearlyWeekday, year);
        // First Sunday of September (Day of Belarusian Written Language).
        assert_eq!(on("2026-09-06", 2027), d("2027-09-05"));
        assert_eq!(on("2026-09-06", 2028), d("2028-09-03"));
        // Second Saturday of July.
        assert_eq!(on("2026-07-11", 2027), d("2027-07-10"));
        // A fifth Friday becomes the last Friday, even where there are four.
        assert_eq!(on("2026-10-30", 2027), d("2027-10-29"));
        assert_eq!(on("2026-10-30", 2026), d("2026-10-30"));
        for year in 2020..2040 {
            let date = on("2026-11-14", year);
            assert_eq!(date.weekday(), d("2026-11-14").weekday(), "{year}");
            assert!((8..=14).contains(&date.day), "{year}: {date}");
        }
    }

    #[test]
    fn occurrences_cover_the_window_around_the_build_date() {
        let today = d("2026-11-29");
        let got = occurrences(d("2026-07-10"), Repeat::Yearly, today);
        assert_eq!(got, vec![d("2026-07-10"), d("2027-07-10")]);
        // Authored years ago, still expanded; the window reaches back six
        // months (to 2026-05-30) and forward a year (to 2027-11-29).
        let got = occurrences(d("2019-03-01"), Repeat::Yearly, today);
        assert_eq!(got, vec![d("2027-03-01")]);
        let got = occurrences(d("2019-12-20"), Repeat::Yearly, today);
        assert_eq!(got, vec![d("2026-12-20")]);
        let got = occurrences(d("2019-11-01"), Repeat::Yearly, today);
        assert_eq!(got, vec![d("2026-11-01"), d("2027-11-01")]);
        let got = occurrences(d("2026-06-01"), Repeat::Yearly, today);
        assert_eq!(got, vec![d("2026-06-01"), d("2027-06-01")]);
    }
}
