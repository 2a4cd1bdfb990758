//! Instants as the API carries them: RFC 3339 text with an explicit offset,
//! e.g. `2026-10-14T09:30:00+03:00`.
//!
//! The app shows dates as they were on the publisher's wall clock (the offset
//! is kept), so a story published at 00:30 in Minsk is dated that day for
//! every reader. Parsing is strict and total: a malformed date in a response
//! is a decode error, never a panic.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A validated RFC 3339 timestamp with seconds precision and its offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Timestamp {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// Offset from UTC in minutes (`+03:00` is 180).
    pub offset_minutes: i16,
}

/// Why a timestamp was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimestampError(pub String);

impl std::fmt::Display for TimestampError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TimestampError {}

pub use portal_calendar::{days_from_civil, days_in_month, is_leap_year};

impl Timestamp {
    /// Parses `YYYY-MM-DDTHH:MM:SS` followed by `Z` or `±HH:MM`.
    pub fn parse(text: &str) -> Result<Timestamp, TimestampError> {
        let err = |why: &str| TimestampError(format!("invalid date \"{text}\": {why}"));
        let b = text.as_bytes();
        if b.len() < 20 {
            return Err(err("expected YYYY-MM-DDTHH:MM:SS+HH:MM"));
        }
        let shape_ok = b[4] == b'-'
            && b[7] == b'-'
            && (b[10] == b'T' || b[10] == b't')
            && b[13] == b':'
            && b[16] == b':';
        if !shape_ok {
            return Err(err("expected YYYY-MM-DDTHH:MM:SS+HH:MM"));
        }
        let num = |range: std::ops::Range<usize>| -> Result<u32, TimestampError> {
            let part = text.get(range).ok_or_else(|| err("not ASCII"))?;
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return Err(err("expected digits"));
            }
            part.parse::<u32>().map_err(|_| err("expected digits"))
        };
        let year = num(0..4)? as i32;
        let month = num(5..7)? as u8;
        let day = num(8..10)? as u8;
        let hour = num(11..13)? as u8;
        let minute = num(14..16)? as u8;
        let second = num(17..19)? as u8;
        if !(1..=12).contains(&month) {
            return Err(err("month out of range"));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(err("day out of range for the month"));
        }
        if hour > 23 || minute > 59 || second > 59 {
            return Err(err("time out of range"));
        }
        let offset_minutes = match &b[19..] {
            [b'Z'] | [b'z'] => 0,
            [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
                let hours = num(20..22)?;
                let minutes = num(23..25)?;
                if hours > 23 || minutes > 59 {
                    return Err(err("offset out of range"));
                }
                let total = (hours * 60 + minutes) as i16;
                if *sign == b'-' {
                    -total
                } else {
                    total
                }
            }
            _ => return Err(err("expected an offset such as +03:00 or Z")),
        };
        Ok(Timestamp {
            year,
            month,
            day,
            hour,
            minute,
            second,
            offset_minutes,
        })
    }

    /// Seconds since the Unix epoch; orders timestamps across offsets.
    pub fn unix_seconds(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
            - i64::from(self.offset_minutes) * 60
    }

    /// The calendar date on the wall clock of the timestamp's own offset.
    pub fn date(&self) -> portal_calendar::Date {
        portal_calendar::Date {
            year: self.year,
            month: self.month,
            day: self.day,
        }
    }

    /// The calendar date on the publisher's wall clock, as `YYYY-MM-DD`.
    pub fn date_key(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )?;
        if self.offset_minutes == 0 {
            return f.write_str("Z");
        }
        let sign = if self.offset_minutes < 0 { '-' } else { '+' };
        let abs = self.offset_minutes.unsigned_abs();
        write!(f, "{sign}{:02}:{:02}", abs / 60, abs % 60)
    }
}

impl std::str::FromStr for Timestamp {
    type Err = TimestampError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Timestamp::parse(s)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Timestamp::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Timestamp {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Timestamp".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date-time",
            "description": "RFC 3339 with seconds and an explicit offset, e.g. 2026-10-14T09:30:00+03:00"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_back() {
        for text in [
            "2026-10-14T09:30:00+03:00",
            "2024-02-29T23:59:59Z",
            "1999-12-31T00:00:00-05:30",
        ] {
            let ts = Timestamp::parse(text).unwrap();
            assert_eq!(ts.to_string(), text);
        }
        let ts = Timestamp::parse("2026-10-14T09:30:00+03:00").unwrap();
        assert_eq!(
            (ts.year, ts.month, ts.day, ts.hour, ts.minute),
            (2026, 10, 14, 9, 30)
        );
        assert_eq!(ts.offset_minutes, 180);
        assert_eq!(ts.date_key(), "2026-10-14");
    }

    #[test]
    fn rejects_malformed_input() {
        for bad in [
            "",
            "2026-10-14",
            "2026-10-14 09:30:00+03:00",
            "2026-13-01T00:00:00Z",
            "2026-02-29T00:00:00Z",
            "2026-04-31T00:00:00Z",
            "2026-10-14T24:00:00Z",
            "2026-10-14T09:30:00",
            "2026-10-14T09:30:00+3:00",
            "2026-10-14T09:30:00+03:00junk",
            "２０２６-10-14T09:30:00Z",
            "2026-1a-14T09:30:00Z",
        ] {
            assert!(Timestamp::parse(bad).is_err(), "{bad:?} should fail");
        }
    }

    #[test]
    fn unix_seconds_respect_offsets() {
        let minsk = Timestamp::parse("2026-10-14T09:30:00+03:00").unwrap();
        let utc = Timestamp::parse("2026-10-14T06:30:00Z").unwrap();
        assert_eq!(minsk.unix_seconds(), utc.unix_seconds());
        assert_eq!(
            Timestamp::parse("1970-01-01T00:00:00Z")
                .unwrap()
                .unix_seconds(),
            0
        );
        assert_eq!(
            Timestamp::parse("2000-03-01T00:00:00Z")
                .unwrap()
                .unix_seconds(),
            951_868_800
        );
    }

    #[test]
    fn serde_uses_the_text_form() {
        let ts: Timestamp = serde_json::from_str("\"2026-10-14T09:30:00+03:00\"").unwrap();
        assert_eq!(
            serde_json::to_string(&ts).unwrap(),
            "\"2026-10-14T09:30:00+03:00\""
        );
        assert!(serde_json::from_str::<Timestamp>("\"yesterday\"").is_err());
    }
}
