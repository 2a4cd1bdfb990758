//! The published form of opening hours (part of the content API).

use portal_calendar::{Date, Weekday};
use serde::{Deserialize, Serialize};

/// A site's opening hours: rules applied in order, a later rule replacing
/// the hours of the days it names (as in OpenStreetMap). A day no rule
/// names is closed. Times are Minsk local time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OpeningHours {
    pub rules: Vec<Rule>,
}

/// One rule: on the days it selects, the site is open during `times`
/// (closed all day when `times` is empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Rule {
    /// Parts of the year the rule is limited to; empty means all year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dates: Vec<DateRange>,
    /// Weekdays the rule names. With `holidays` false and no weekdays the
    /// rule applies to every day.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub days: Vec<Day>,
    /// The rule names Belarus' public holidays (`PH`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub holidays: bool,
    /// Opening spans, in order; empty means closed.
    #[serde(default)]
    pub times: Vec<Span>,
}

/// Open from `from` to `to`, minutes after the day's midnight. `to` is
/// after `from` and at most 2880: past 1440 it runs into the next day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    pub from: u16,
    pub to: u16,
}

/// A day of the year, without the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MonthDay {
    pub month: u8,
    pub day: u8,
}

/// From `from` to `to` inclusive, every year; when `to` comes before
/// `from` the range runs over the new year (`Oct-Apr`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DateRange {
    pub from: MonthDay,
    pub to: MonthDay,
}

/// A weekday as OpenStreetMap abbreviates it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Day {
    Mo,
    Tu,
    We,
    Th,
    Fr,
    Sa,
    Su,
}

impl Day {
    pub const ALL: [Day; 7] = [
        Day::Mo,
        Day::Tu,
        Day::We,
        Day::Th,
        Day::Fr,
        Day::Sa,
        Day::Su,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn of(weekday: Weekday) -> Day {
        Day::ALL[weekday.index_from_monday()]
    }

    pub fn weekday(self) -> Weekday {
        match self {
            Day::Mo => Weekday::Monday,
            Day::Tu => Weekday::Tuesday,
            Day::We => Weekday::Wednesday,
            Day::Th => Weekday::Thursday,
            Day::Fr => Weekday::Friday,
            Day::Sa => Weekday::Saturday,
            Day::Su => Weekday::Sunday,
        }
    }
}

impl MonthDay {
    fn key(self) -> u16 {
        u16::from(self.month) * 100 + u16::from(self.day)
    }

    pub fn of(date: Date) -> MonthDay {
        MonthDay {
            month: date.month,
            day: date.day,
        }
    }
}

impl DateRange {
    pub fn contains(&self, date: Date) -> bool {
        let (from, to, at) = (self.from.key(), self.to.key(), MonthDay::of(date).key());
        if from <= to {
            (from..=to).contains(&at)
        } else {
            at >= from || at <= to
        }
    }

    /// Whether the range is whole months (`May-Sep`), for reading it as
    /// month names.
    pub fn whole_months(&self) -> bool {
        // 29 February counts as the end of February in any year.
        let last = |month: u8| portal_calendar::days_in_month(2000, month);
        self.from.day == 1 && self.to.day == last(self.to.month)
    }
}

impl Rule {
    /// Whether the rule names `date` (a public holiday when `holiday`).
    pub fn applies(&self, date: Date, holiday: bool) -> bool {
        if !self.dates.is_empty() && !self.dates.iter().any(|r| r.contains(date)) {
            return false;
        }
        if self.days.is_empty() && !self.holidays {
            return true;
        }
        self.days.contains(&Day::of(date.weekday())) || (self.holidays && holiday)
    }
}

impl OpeningHours {
    /// Open every day round the clock (`24/7`).
    pub fn always(&self) -> bool {
        self.rules.len() == 1
            && self.rules[0].dates.is_empty()
            && self.rules[0].days.is_empty()
            && !self.rules[0].holidays
            && self.rules[0].times == [Span { from: 0, to: 1440 }]
    }
}
