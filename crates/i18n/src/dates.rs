//! Dates in each language's own format, computed in Rust so they are the
//! same in every browser and testable natively. Dates are shown as on the
//! publisher's wall clock (see `portal_contract::timestamp`).

use portal_contract::{Lang, Timestamp};

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
/// Genitive forms: "14 октября".
const RU_MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const BE_MONTHS: [&str; 12] = [
    "студзеня",
    "лютага",
    "сакавіка",
    "красавіка",
    "мая",
    "чэрвеня",
    "ліпеня",
    "жніўня",
    "верасня",
    "кастрычніка",
    "лістапада",
    "снежня",
];

fn month_name(lang: Lang, month: u8) -> &'static str {
    let table = match lang {
        Lang::En => &EN_MONTHS,
        Lang::Ru => &RU_MONTHS,
        Lang::Be => &BE_MONTHS,
    };
    month
        .checked_sub(1)
        .and_then(|index| table.get(usize::from(index)))
        .copied()
        .unwrap_or("")
}

/// "14 October 2026", "14 октября 2026 г.", "14 кастрычніка 2026 г.".
pub fn format_date(lang: Lang, ts: &Timestamp) -> String {
    let month = month_name(lang, ts.month);
    match lang {
        Lang::En => format!("{} {} {}", ts.day, month, ts.year),
        Lang::Ru | Lang::Be => format!("{} {} {} г.", ts.day, month, ts.year),
    }
}

/// The date followed by the 24-hour time: "14 October 2026, 09:30".
pub fn format_date_time(lang: Lang, ts: &Timestamp) -> String {
    format!("{}, {:02}:{:02}", format_date(lang, ts), ts.hour, ts.minute)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(text: &str) -> Timestamp {
        Timestamp::parse(text).unwrap()
    }

    #[test]
    fn each_language_has_its_format() {
        let t = ts("2026-10-04T09:05:00+03:00");
        assert_eq!(format_date(Lang::En, &t), "4 October 2026");
        assert_eq!(format_date(Lang::Ru, &t), "4 октября 2026 г.");
        assert_eq!(format_date(Lang::Be, &t), "4 кастрычніка 2026 г.");
        assert_eq!(format_date_time(Lang::En, &t), "4 October 2026, 09:05");
    }

    #[test]
    fn dates_stay_on_the_publishers_wall_clock() {
        // 00:30 in Minsk is still the previous day in UTC; readers see the 1st.
        let t = ts("2026-09-01T00:30:00+03:00");
        assert_eq!(format_date(Lang::En, &t), "1 September 2026");
    }

    #[test]
    fn every_month_has_a_name() {
        for lang in Lang::ALL {
            for month in 1..=12 {
                assert!(!month_name(lang, month).is_empty());
            }
            assert_eq!(month_name(lang, 0), "");
            assert_eq!(month_name(lang, 13), "");
        }
    }
}
