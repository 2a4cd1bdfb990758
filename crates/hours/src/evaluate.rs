//! Open or closed at a Minsk local moment, and when that changes.

use portal_calendar::Date;

use crate::holidays::is_public_holiday;
use crate::model::{OpeningHours, Span};

/// How far ahead the next opening is looked for: a year, so a summer-only
/// site says "opens 1 May" in November.
pub const LOOK_AHEAD_DAYS: i64 = 366;

/// How far ahead a closing time is looked for; a site open longer without
/// a break is "open round the clock".
const CLOSING_HORIZON_DAYS: i64 = 8;

/// A Minsk local date and minute of the day (0 to 1439).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Moment {
    pub date: Date,
    pub minute: u16,
}

impl Moment {
    fn absolute(self) -> i64 {
        self.date.to_days() * 1440 + i64::from(self.minute)
    }

    fn from_absolute(minutes: i64) -> Moment {
        Moment {
            date: Date::from_days(minutes.div_euclid(1440)),
            minute: minutes.rem_euclid(1440) as u16,
        }
    }
}

/// Open or closed now, and the next change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// `closes` is `None` when the site stays open for more than a week
    /// (round the clock).
    Open { closes: Option<Moment> },
    /// `opens` is `None` when no opening comes within a year.
    Closed { opens: Option<Moment> },
}

/// The hours of `date` by the rules (spans may run past midnight). The
/// last rule naming the date wins; no rule means closed.
pub fn spans_on(hours: &OpeningHours, date: Date) -> Vec<Span> {
    let holiday = is_public_holiday(date);
    hours
        .rules
        .iter()
        .rev()
        .find(|rule| rule.applies(date, holiday))
        .map(|rule| rule.times.clone())
        .unwrap_or_default()
}

/// Opening intervals from the start of `first` to the end of `last`, in
/// absolute minutes, touching ones merged (`Mo 10:00-24:00; Tu 00:00-02:00`
/// is one stretch); yesterday's past-midnight hours included.
fn intervals(hours: &OpeningHours, first: Date, last: Date) -> Vec<(i64, i64)> {
    let mut out: Vec<(i64, i64)> = Vec::new();
    let mut day = first.add_days(-1);
    while day <= last {
        let base = day.to_days() * 1440;
        for span in spans_on(hours, day) {
            let (from, to) = (base + i64::from(span.from), base + i64::from(span.to));
            match out.last_mut() {
                Some(previous) if from <= previous.1 => previous.1 = previous.1.max(to),
                _ => out.push((from, to)),
            }
        }
        day = day.add_days(1);
    }
    out
}

/// Open or closed at `now`, with the closing time or the next opening.
pub fn status(hours: &OpeningHours, now: Moment) -> Status {
    let at = now.absolute();
    let horizon = now.date.add_days(CLOSING_HORIZON_DAYS);
    let near = intervals(hours, now.date, horizon);
    if let Some(&(_, to)) = near.iter().find(|(from, to)| *from <= at && at < *to) {
        let closes = (to <= horizon.to_days() * 1440).then(|| Moment::from_absolute(to));
        return Status::Open { closes };
    }
    let mut day = now.date;
    for _ in 0..=LOOK_AHEAD_DAYS {
        let base = day.to_days() * 1440;
        if let Some(span) = spans_on(hours, day)
            .into_iter()
            .find(|span| base + i64::from(span.from) > at)
        {
            return Status::Closed {
                opens: Some(Moment::from_absolute(base + i64::from(span.from))),
            };
        }
        day = day.add_days(1);
    }
    Status::Closed { opens: None }
}

/// Whether the site is open at any time on `date` (its own hours, or the
/// night before running past midnight).
pub fn open_on(hours: &OpeningHours, date: Date) -> bool {
    !spans_on(hours, date).is_empty()
        || spans_on(hours, date.add_days(-1))
            .iter()
            .any(|span| span.to > 1440)
}
