//! The events calendar's quick windows — "Today", "This weekend", "Next 7
//! days" — as ranges of calendar days, from a given "today" (the reader's
//! date). Whole days only: an event is in a window when the days it covers
//! overlap the window's days.

use crate::{Date, Weekday, YearMonth};

/// A named stretch of days relative to today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuickWindow {
    Today,
    /// The current weekend on Saturday and Sunday; the coming Saturday and
    /// Sunday from Monday to Thursday; on Friday, Friday to Sunday: the
    /// weekend's outings start on Friday evening, and a window of whole days
    /// cannot tell evening from morning, so Friday is in it.
    Weekend,
    /// Today and the six days after it.
    Week,
}

impl QuickWindow {
    pub const ALL: [QuickWindow; 3] = [QuickWindow::Today, QuickWindow::Weekend, QuickWindow::Week];

    /// The value in the URL (`?when=…`).
    pub fn slug(self) -> &'static str {
        match self {
            QuickWindow::Today => "today",
            QuickWindow::Weekend => "weekend",
            QuickWindow::Week => "week",
        }
    }

    /// The window a URL value names, exactly (no case folding: URLs the app
    /// writes are lower case, anything else is corrected).
    pub fn from_slug(text: &str) -> Option<QuickWindow> {
        QuickWindow::ALL.into_iter().find(|w| w.slug() == text)
    }

    /// The days of the window as seen on `today`.
    pub fn range(self, today: Date) -> DayRange {
        match self {
            QuickWindow::Today => DayRange::new(today, today),
            QuickWindow::Week => DayRange::new(today, today.add_days(6)),
            QuickWindow::Weekend => {
                let from_monday = today.weekday().index_from_monday() as i64;
                let saturday = Weekday::Saturday.index_from_monday() as i64;
                let sunday = today.add_days(6 - from_monday);
                let first = match today.weekday() {
                    Weekday::Friday | Weekday::Saturday | Weekday::Sunday => today,
                    _ => today.add_days(saturday - from_monday),
                };
                DayRange::new(first, sunday)
            }
        }
    }
}

/// Calendar days from `first` to `last`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DayRange {
    pub first: Date,
    pub last: Date,
}

impl DayRange {
    /// The range of the two days in order (swapped if given backwards).
    pub fn new(a: Date, b: Date) -> DayRange {
        DayRange {
            first: a.min(b),
            last: a.max(b),
        }
    }

    pub fn contains(self, day: Date) -> bool {
        self.first <= day && day <= self.last
    }

    /// Whether the days `first..=last` share at least one day with this range.
    pub fn overlaps(self, first: Date, last: Date) -> bool {
        first <= self.last && self.first <= last
    }

    /// The months the range touches, in order: one or two for the quick
    /// windows (a week at a month's end, a weekend across it).
    pub fn months(self) -> Vec<YearMonth> {
        let mut months = vec![self.first.year_month()];
        let last = self.last.year_month();
        while let Some(&at) = months.last() {
            if at >= last {
                break;
            }
            months.push(at.next());
        }
        months
    }

    /// How many days the range holds (at least one).
    pub fn day_count(self) -> i64 {
        self.last.to_days() - self.first.to_days() + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }
    fn range(first: &str, last: &str) -> DayRange {
        DayRange::new(d(first), d(last))
    }

    #[test]
    fn slugs_round_trip_and_nothing_else_parses() {
        for window in QuickWindow::ALL {
            assert_eq!(QuickWindow::from_slug(window.slug()), Some(window));
        }
        for text in ["", "Today", "WEEKEND", "weekends", "7days", " week"] {
            assert_eq!(QuickWindow::from_slug(text), None, "{text:?}");
        }
    }

    #[test]
    fn today_is_one_day_and_the_week_is_seven() {
        let today = d("2026-11-20");
        assert_eq!(
            QuickWindow::Today.range(today),
            range("2026-11-20", "2026-11-20")
        );
        assert_eq!(
            QuickWindow::Week.range(today),
            range("2026-11-20", "2026-11-26")
        );
        assert_eq!(QuickWindow::Week.range(today).day_count(), 7);
    }

    /// Every day of one week (Monday 16 to Sunday 22 November 2026).
    #[test]
    fn the_weekend_from_each_day_of_the_week() {
        let weekend = |today: &str| QuickWindow::Weekend.range(d(today));
        for monday_to_thursday in ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19"] {
            assert_eq!(
                weekend(monday_to_thursday),
                range("2026-11-21", "2026-11-22"),
                "{monday_to_thursday}"
            );
        }
        // Friday: the weekend starts this evening, so today is in it.
        assert_eq!(weekend("2026-11-20"), range("2026-11-20", "2026-11-22"));
        // Saturday and Sunday: the weekend under way, not the next one.
        assert_eq!(weekend("2026-11-21"), range("2026-11-21", "2026-11-22"));
        assert_eq!(weekend("2026-11-22"), range("2026-11-22", "2026-11-22"));
        // The Monday after is already the next weekend.
        assert_eq!(weekend("2026-11-23"), range("2026-11-28", "2026-11-29"));
    }

    #[test]
    fn windows_across_months_years_and_leap_days() {
        // A weekend that starts in one month and ends in the next.
        let weekend = QuickWindow::Weekend.range(d("2026-01-28"));
        assert_eq!(weekend, range("2026-01-31", "2026-02-01"));
        assert_eq!(weekend.months().len(), 2);
        // The week at the year's end.
        let week = QuickWindow::Week.range(d("2026-12-29"));
        assert_eq!(week, range("2026-12-29", "2027-01-04"));
        assert_eq!(
            week.months(),
            vec![
                YearMonth::parse("2026-12").unwrap(),
                YearMonth::parse("2027-01").unwrap()
            ]
        );
        // Leap February: 29 February is a day like any other.
        assert_eq!(
            QuickWindow::Week.range(d("2028-02-25")),
            range("2028-02-25", "2028-03-02")
        );
        assert_eq!(
            QuickWindow::Weekend.range(d("2028-02-28")),
            range("2028-03-04", "2028-03-05")
        );
        assert_eq!(
            QuickWindow::Weekend.range(d("2028-02-24")),
            range("2028-02-26", "2028-02-27")
        );
        assert_eq!(
            QuickWindow::Today.range(d("2028-02-29")).months(),
            vec![YearMonth::parse("2028-02").unwrap()]
        );
        // Sunday 29 February 2032 is a weekend of one day.
        assert_eq!(
            QuickWindow::Weekend.range(d("2032-02-29")),
            range("2032-02-29", "2032-02-29")
        );
    }

    #[test]
    fn overlap_is_sharing_a_day() {
        let weekend = range("2026-11-21", "2026-11-22");
        // Ends the day before, starts the day after: outside.
        assert!(!weekend.overlaps(d("2026-11-18"), d("2026-11-20")));
        assert!(!weekend.overlaps(d("2026-11-23"), d("2026-11-30")));
        // Touching either end, inside, or spanning it: in.
        assert!(weekend.overlaps(d("2026-11-18"), d("2026-11-21")));
        assert!(weekend.overlaps(d("2026-11-22"), d("2026-11-22")));
        assert!(weekend.overlaps(d("2026-11-01"), d("2027-01-10")));
        assert!(weekend.contains(d("2026-11-22")));
        assert!(!weekend.contains(d("2026-11-23")));
        // Given backwards, a range is put in order.
        assert_eq!(DayRange::new(d("2026-11-22"), d("2026-11-21")), weekend);
    }
}
