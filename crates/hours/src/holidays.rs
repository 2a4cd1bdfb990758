//! Belarus' public holidays (non-working days by the Labour Code and the
//! President's decree on holidays): New Year (1 and 2 January), Orthodox
//! Christmas (7 January), Women's Day (8 March), Labour Day (1 May),
//! Victory Day (9 May), Independence Day (3 July), October Revolution Day
//! (7 November), Catholic Christmas (25 December) and Radunitsa, the day of
//! remembrance on the Tuesday of the second week after Orthodox Easter.
//! Transferred working days do not change these dates.

use portal_calendar::Date;

/// The fixed-date holidays as (month, day).
pub const FIXED: [(u8, u8); 9] = [
    (1, 1),
    (1, 2),
    (1, 7),
    (3, 8),
    (5, 1),
    (5, 9),
    (7, 3),
    (11, 7),
    (12, 25),
];

/// Orthodox Easter Sunday of `year`, as a Gregorian date: Meeus' Julian
/// computus, then the Julian calendar's lag (13 days from 1900 to 2099,
/// 14 from 2100 to 2199). `None` outside 1900–2199.
pub fn orthodox_easter(year: i32) -> Option<Date> {
    let lag = match year {
        1900..=2099 => 13,
        2100..=2199 => 14,
        _ => return None,
    };
    let a = year % 4;
    let b = year % 7;
    let c = year % 19;
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    // The Julian date's day count, read as if Gregorian, plus the lag.
    Some(Date::new(year, month as u8, day as u8)?.add_days(lag))
}

/// Radunitsa: Orthodox Easter + 9 days (a Tuesday).
pub fn radunitsa(year: i32) -> Option<Date> {
    orthodox_easter(year).map(|easter| easter.add_days(9))
}

/// Whether `date` is a public holiday in Belarus.
pub fn is_public_holiday(date: Date) -> bool {
    FIXED.contains(&(date.month, date.day)) || radunitsa(date.year) == Some(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_calendar::Weekday;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn orthodox_easter_matches_published_dates() {
        // Dates as published by the Russian and Belarusian Orthodox Churches.
        for (year, month, day) in [
            (2020, 4, 19),
            (2021, 5, 2),
            (2022, 4, 24),
            (2023, 4, 16),
            (2024, 5, 5),
            (2025, 4, 20),
            (2026, 4, 12),
            (2027, 5, 2),
            (2028, 4, 16),
        ] {
            assert_eq!(orthodox_easter(year), Some(d(year, month, day)), "{year}");
        }
        assert_eq!(orthodox_easter(1899), None);
    }

    #[test]
    fn radunitsa_is_a_tuesday_nine_days_after_easter() {
        // Belarus' Radunitsa days off as announced for those years.
        for (year, month, day) in [
            (2022, 5, 3),
            (2023, 4, 25),
            (2024, 5, 14),
            (2025, 4, 29),
            (2026, 4, 21),
        ] {
            let date = radunitsa(year).unwrap();
            assert_eq!(date, d(year, month, day), "{year}");
            assert_eq!(date.weekday(), Weekday::Tuesday);
            assert!(is_public_holiday(date));
            assert!(!is_public_holiday(date.add_days(1)));
        }
    }

    #[test]
    fn fixed_holidays_and_ordinary_days() {
        for (m, day) in FIXED {
            assert!(is_public_holiday(d(2026, m, day)));
        }
        assert!(is_public_holiday(d(2026, 12, 25)));
        assert!(!is_public_holiday(d(2026, 12, 24)));
        assert!(!is_public_holiday(d(2026, 1, 3)));
        assert!(!is_public_holiday(d(2026, 11, 20)));
    }
}
