//! Opening hours of the travel guide's sites.
//!
//! Editors write a documented subset of OpenStreetMap's `opening_hours`
//! syntax (see docs/content-authoring.md); [`parse`] turns it into
//! [`OpeningHours`], the structured form the content API publishes; the
//! evaluator answers "open now?", "closes when?", "opens when?" and "open
//! on this date?" for a moment in Minsk local time (UTC+3 all year), with
//! Belarus' public holidays ([`holidays`]). [`weekly`] groups the rules into
//! week tables for reading. Pure functions only: the clock is the caller's.

mod evaluate;
pub mod holidays;
mod model;
mod parse;
pub mod weekly;

pub use evaluate::{open_on, spans_on, status, Moment, Status, LOOK_AHEAD_DAYS};
pub use model::{DateRange, Day, MonthDay, OpeningHours, Rule, Span};
pub use parse::{parse, ParseError};

/// Minsk has kept UTC+3 all year since 2011.
pub const MINSK_OFFSET_MINUTES: i16 = 180;

/// The Minsk local moment of an instant (seconds since the Unix epoch).
pub fn minsk_moment(unix_seconds: i64) -> Moment {
    let local = unix_seconds + i64::from(MINSK_OFFSET_MINUTES) * 60;
    Moment {
        date: portal_calendar::Date::from_days(local.div_euclid(86_400)),
        minute: (local.rem_euclid(86_400) / 60) as u16,
    }
}

/// The instant (seconds since the epoch) of a Minsk local moment.
pub fn unix_seconds_of(moment: Moment) -> i64 {
    (moment.date.to_days() * 1440 + i64::from(moment.minute)) * 60
        - i64::from(MINSK_OFFSET_MINUTES) * 60
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_calendar::Date;

    #[test]
    fn minsk_moments_round_trip() {
        // 2026-11-20 09:00 UTC is noon in Minsk.
        let noon = 1_795_165_200;
        let moment = minsk_moment(noon);
        assert_eq!(moment.date, Date::new(2026, 11, 20).unwrap());
        assert_eq!(moment.minute, 12 * 60);
        assert_eq!(unix_seconds_of(moment), noon);
        // 22:30 UTC is already the next day in Minsk.
        let late = minsk_moment(1_795_213_800);
        assert_eq!(late.date, Date::new(2026, 11, 21).unwrap());
        assert_eq!(late.minute, 90);
    }
}
