//! The rules as week tables for reading: one table per part of the year
//! that has rules of its own, each day's hours after the overrides, days
//! with the same hours in one row, and public holidays on a row of their
//! own.

use portal_calendar::Date;

use crate::model::{DateRange, Day, OpeningHours, Rule, Span};

/// One part of the year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekTable {
    /// The part of the year; empty for all year, or for the rest of the
    /// year when `rest_of_year` is set.
    pub dates: Vec<DateRange>,
    pub rest_of_year: bool,
    /// Monday to Sunday, consecutive days with the same hours together.
    pub rows: Vec<DayRow>,
    /// The hours on public holidays, when a `PH` rule sets them.
    pub holidays: Option<Vec<Span>>,
}

/// `first` to `last` (the same day for one day); closed when `times` is
/// empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayRow {
    pub first: Day,
    pub last: Day,
    pub times: Vec<Span>,
}

/// The tables, in the order the seasons first appear in the rules, the
/// all-year or rest-of-year table first.
pub fn weekly(hours: &OpeningHours) -> Vec<WeekTable> {
    let mut seasons: Vec<&Vec<DateRange>> = Vec::new();
    for rule in &hours.rules {
        if !rule.dates.is_empty() && !seasons.contains(&&rule.dates) {
            seasons.push(&rule.dates);
        }
    }
    let base: Vec<&Rule> = hours.rules.iter().filter(|r| r.dates.is_empty()).collect();
    if seasons.is_empty() {
        return vec![table(&base, Vec::new(), false)];
    }
    let mut tables = Vec::new();
    if !base.is_empty() || !covers_the_year(&seasons) {
        tables.push(table(&base, Vec::new(), true));
    }
    for season in seasons {
        let rules: Vec<&Rule> = hours
            .rules
            .iter()
            .filter(|r| r.dates.is_empty() || &r.dates == season)
            .collect();
        tables.push(table(&rules, season.clone(), false));
    }
    tables
}

fn covers_the_year(seasons: &[&Vec<DateRange>]) -> bool {
    // A leap year, so 29 February counts.
    let mut day = Date::new(2000, 1, 1).unwrap_or(Date {
        year: 2000,
        month: 1,
        day: 1,
    });
    while day.year == 2000 {
        if !seasons.iter().any(|s| s.iter().any(|r| r.contains(day))) {
            return false;
        }
        day = day.add_days(1);
    }
    true
}

fn table(rules: &[&Rule], dates: Vec<DateRange>, rest_of_year: bool) -> WeekTable {
    let times_of = |day: Day| -> Vec<Span> {
        rules
            .iter()
            .rev()
            .find(|r| (r.days.is_empty() && !r.holidays) || r.days.contains(&day))
            .map(|r| r.times.clone())
            .unwrap_or_default()
    };
    let mut rows: Vec<DayRow> = Vec::new();
    for day in Day::ALL {
        let times = times_of(day);
        match rows.last_mut() {
            Some(row) if row.times == times => row.last = day,
            _ => rows.push(DayRow {
                first: day,
                last: day,
                times,
            }),
        }
    }
    // The last rule reaching holidays decides them; only a `PH` rule
    // makes them differ from the weekday's hours.
    let holidays = rules
        .iter()
        .rev()
        .find(|r| r.holidays || r.days.is_empty())
        .filter(|r| r.holidays)
        .map(|r| r.times.clone());
    WeekTable {
        dates,
        rest_of_year,
        rows,
        holidays,
    }
}
