//! Dates in each language's own format, computed in Rust so they are the
//! same in every browser and testable natively. Dates are shown as on the
//! publisher's wall clock (see `portal_contract::timestamp`).

use portal_calendar::{Date, Weekday, YearMonth};
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

/// Nominative month names, for a month on its own ("Декабрь 2026").
const RU_MONTHS_NOMINATIVE: [&str; 12] = [
    "Январь",
    "Февраль",
    "Март",
    "Апрель",
    "Май",
    "Июнь",
    "Июль",
    "Август",
    "Сентябрь",
    "Октябрь",
    "Ноябрь",
    "Декабрь",
];
const BE_MONTHS_NOMINATIVE: [&str; 12] = [
    "Студзень",
    "Люты",
    "Сакавік",
    "Красавік",
    "Май",
    "Чэрвень",
    "Ліпень",
    "Жнівень",
    "Верасень",
    "Кастрычнік",
    "Лістапад",
    "Снежань",
];

/// Monday first, as `Weekday::index_from_monday`.
const EN_WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const RU_WEEKDAYS: [&str; 7] = [
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
];
const BE_WEEKDAYS: [&str; 7] = [
    "панядзелак",
    "аўторак",
    "серада",
    "чацвер",
    "пятніца",
    "субота",
    "нядзеля",
];
const EN_WEEKDAYS_SHORT: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const RU_WEEKDAYS_SHORT: [&str; 7] = ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"];
const BE_WEEKDAYS_SHORT: [&str; 7] = ["Пн", "Аў", "Ср", "Чц", "Пт", "Сб", "Нд"];

const EN_MONTHS_SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const RU_MONTHS_SHORT: [&str; 12] = [
    "янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
];
const BE_MONTHS_SHORT: [&str; 12] = [
    "сту", "лют", "сак", "кра", "мая", "чэр", "ліп", "жні", "вер", "кас", "ліс", "сне",
];

/// A month for a date badge: "Dec", "дек", "сне".
pub fn month_short(lang: Lang, month: u8) -> &'static str {
    let table = match lang {
        Lang::En => &EN_MONTHS_SHORT,
        Lang::Ru => &RU_MONTHS_SHORT,
        Lang::Be => &BE_MONTHS_SHORT,
    };
    table[usize::from(month.clamp(1, 12) - 1)]
}

/// The weekday's full name: "Saturday", "суббота", "субота".
pub fn weekday_name(lang: Lang, day: Weekday) -> &'static str {
    let table = match lang {
        Lang::En => &EN_WEEKDAYS,
        Lang::Ru => &RU_WEEKDAYS,
        Lang::Be => &BE_WEEKDAYS,
    };
    table[day.index_from_monday()]
}

/// The weekday for a column header: "Sat", "Сб", "Сб".
pub fn weekday_short(lang: Lang, day: Weekday) -> &'static str {
    let table = match lang {
        Lang::En => &EN_WEEKDAYS_SHORT,
        Lang::Ru => &RU_WEEKDAYS_SHORT,
        Lang::Be => &BE_WEEKDAYS_SHORT,
    };
    table[day.index_from_monday()]
}

/// A month heading: "December 2026", "Декабрь 2026", "Снежань 2026".
pub fn format_month(lang: Lang, month: YearMonth) -> String {
    let index = usize::from(month.month.clamp(1, 12) - 1);
    let name = match lang {
        Lang::En => EN_MONTHS[index],
        Lang::Ru => RU_MONTHS_NOMINATIVE[index],
        Lang::Be => BE_MONTHS_NOMINATIVE[index],
    };
    format!("{name} {}", month.year)
}

/// A day of the year without the year: "24 December", "24 декабря",
/// "24 снежня" (opening-hours seasons).
pub fn format_day_month(lang: Lang, month: u8, day: u8) -> String {
    format!("{day} {}", month_name(lang, month.clamp(1, 12)))
}

/// A month's name on its own: "May", "Май", "Май".
pub fn month_standalone(lang: Lang, month: u8) -> &'static str {
    let index = usize::from(month.clamp(1, 12) - 1);
    match lang {
        Lang::En => EN_MONTHS[index],
        Lang::Ru => RU_MONTHS_NOMINATIVE[index],
        Lang::Be => BE_MONTHS_NOMINATIVE[index],
    }
}

/// "14 October 2026", "14 октября 2026 г.", "14 кастрычніка 2026 г.".
pub fn format_day(lang: Lang, date: Date) -> String {
    let month = month_name(lang, date.month);
    match lang {
        Lang::En => format!("{} {} {}", date.day, month, date.year),
        Lang::Ru | Lang::Be => format!("{} {} {} г.", date.day, month, date.year),
    }
}

/// "Saturday, 12 December 2026", "суббота, 12 декабря 2026 г.".
pub fn format_weekday_day(lang: Lang, date: Date) -> String {
    format!(
        "{}, {}",
        weekday_name(lang, date.weekday()),
        format_day(lang, date)
    )
}

/// "14 October 2026", "14 октября 2026 г.", "14 кастрычніка 2026 г.".
pub fn format_date(lang: Lang, ts: &Timestamp) -> String {
    format_day(lang, ts.date())
}

/// The 24-hour time: "09:30".
pub fn format_time(ts: &Timestamp) -> String {
    format!("{:02}:{:02}", ts.hour, ts.minute)
}

/// When an event happens, on its own clock; `ends` is exclusive and equal
/// to `starts` when no end was announced. Examples (en):
/// "12 December 2026, 19:00–21:30", "12 December 2026, 19:00",
/// "20–27 December 2026", "20 December 2026 – 7 January 2027",
/// "31 December 2026, 22:00 – 1 January 2027, 02:00".
pub fn format_event_when(
    lang: Lang,
    starts: &Timestamp,
    ends: &Timestamp,
    all_day: bool,
) -> String {
    let (first, last) = portal_contract::events::covered_days(starts, ends);
    if all_day {
        return format_day_range(lang, first, last);
    }
    if ends == starts {
        return format_date_time(lang, starts);
    }
    if first == last {
        return format!("{}–{}", format_date_time(lang, starts), format_time(ends));
    }
    format!(
        "{} – {}",
        format_date_time(lang, starts),
        format_date_time(lang, ends)
    )
}

/// Whole days from `first` to `last`: "20 November 2026",
/// "20–22 November 2026", "28 November 2026 – 4 December 2026" (en).
pub fn format_day_range(lang: Lang, first: Date, last: Date) -> String {
    if first == last {
        return format_day(lang, first);
    }
    if first.year_month() == last.year_month() {
        let tail = format_day(lang, last);
        return format!("{}–{tail}", first.day);
    }
    format!("{} – {}", format_day(lang, first), format_day(lang, last))
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
    fn months_weekdays_and_event_ranges() {
        let december = YearMonth::parse("2026-12").unwrap();
        assert_eq!(format_month(Lang::En, december), "December 2026");
        assert_eq!(format_month(Lang::Ru, december), "Декабрь 2026");
        assert_eq!(format_month(Lang::Be, december), "Снежань 2026");
        let day = Date::parse("2026-12-12").unwrap();
        assert_eq!(
            format_weekday_day(Lang::En, day),
            "Saturday, 12 December 2026"
        );
        assert_eq!(
            format_weekday_day(Lang::Ru, day),
            "суббота, 12 декабря 2026 г."
        );
        assert_eq!(
            format_weekday_day(Lang::Be, day),
            "субота, 12 снежня 2026 г."
        );
        assert_eq!(weekday_short(Lang::Be, Weekday::Sunday), "Нд");
        assert_eq!(month_short(Lang::En, 12), "Dec");
        assert_eq!(month_short(Lang::Be, 11), "ліс");
        let when = |a, b, all_day| format_event_when(Lang::En, &ts(a), &ts(b), all_day);
        assert_eq!(
            when(
                "2026-12-12T19:00:00+03:00",
                "2026-12-12T21:30:00+03:00",
                false
            ),
            "12 December 2026, 19:00–21:30"
        );
        assert_eq!(
            when(
                "2026-12-12T19:00:00+03:00",
                "2026-12-12T19:00:00+03:00",
                false
            ),
            "12 December 2026, 19:00"
        );
        assert_eq!(
            when(
                "2026-12-20T00:00:00+03:00",
                "2026-12-28T00:00:00+03:00",
                true
            ),
            "20–27 December 2026"
        );
        assert_eq!(
            when(
                "2026-12-20T00:00:00+03:00",
                "2027-01-08T00:00:00+03:00",
                true
            ),
            "20 December 2026 – 7 January 2027"
        );
        assert_eq!(
            when(
                "2026-12-12T00:00:00+03:00",
                "2026-12-13T00:00:00+03:00",
                true
            ),
            "12 December 2026"
        );
        assert_eq!(
            when(
                "2026-12-31T22:00:00+03:00",
                "2027-01-01T02:00:00+03:00",
                false
            ),
            "31 December 2026, 22:00 – 1 January 2027, 02:00"
        );
        assert_eq!(
            format_event_when(
                Lang::Ru,
                &ts("2026-12-20T00:00:00+03:00"),
                &ts("2026-12-28T00:00:00+03:00"),
                true
            ),
            "20–27 декабря 2026 г."
        );
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

    #[test]
    fn day_ranges_name_each_day_once() {
        let d = |t| Date::parse(t).unwrap();
        assert_eq!(
            format_day_range(Lang::En, d("2026-11-20"), d("2026-11-20")),
            "20 November 2026"
        );
        assert_eq!(
            format_day_range(Lang::En, d("2026-11-20"), d("2026-11-22")),
            "20–22 November 2026"
        );
        assert_eq!(
            format_day_range(Lang::Ru, d("2026-12-29"), d("2027-01-04")),
            "29 декабря 2026 г. – 4 января 2027 г."
        );
    }
}
