//! Opening hours in words: the status line ("Open now · closes at 18:00"),
//! the week tables' labels, all in Minsk time with the reader's own time
//! added when their zone differs.

use portal_calendar::{Date, Weekday};
use portal_contract::{DateRange, Day, Lang, Span};
use portal_hours::weekly::{DayRow, WeekTable};
use portal_hours::{unix_seconds_of, Moment, Status, MINSK_OFFSET_MINUTES};

use crate::dates::{format_day_month, month_standalone, weekday_name, weekday_short};
use crate::{fill, texts};

/// A status for a card or a site page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusLine {
    pub open: bool,
    /// "Open now" / "Closed now" (the part a screen reader hears first).
    pub state: String,
    /// "closes at 18:00", "opens tomorrow at 10:00"; empty when none.
    pub change: String,
}

/// `minute` of a day as `hh:mm`; past midnight (up to 48:00) reads as the
/// next day's clock.
pub fn clock_time(minute: u16) -> String {
    let minute = minute % 1440;
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

/// "on Monday at", "в понедельник в", "у панядзелак у".
fn weekday_at(lang: Lang, day: Weekday, time: &str) -> String {
    const EN: [&str; 7] = [
        "on Monday",
        "on Tuesday",
        "on Wednesday",
        "on Thursday",
        "on Friday",
        "on Saturday",
        "on Sunday",
    ];
    const RU: [&str; 7] = [
        "в понедельник в",
        "во вторник в",
        "в среду в",
        "в четверг в",
        "в пятницу в",
        "в субботу в",
        "в воскресенье в",
    ];
    // "у" turns to "ў" after a vowel: the phrase follows "адчыніцца".
    const BE: [&str; 7] = [
        "ў панядзелак у",
        "ў аўторак у",
        "ў сераду ў",
        "ў чацвер у",
        "ў пятніцу ў",
        "ў суботу ў",
        "ў нядзелю ў",
    ];
    let index = day.index_from_monday();
    match lang {
        Lang::En => format!("{} at {time}", EN[index]),
        Lang::Ru => format!("{} {time}", RU[index]),
        Lang::Be => format!("{} {time}", BE[index]),
    }
}

/// The reader's clock at a Minsk moment, when their offset differs:
/// "16:00", or "Sat 02:00" when it is another day for them.
fn reader_clock(lang: Lang, at: Moment, offset_at: &dyn Fn(i64) -> i16) -> Option<String> {
    let instant = unix_seconds_of(at);
    let offset = offset_at(instant);
    if offset == MINSK_OFFSET_MINUTES {
        return None;
    }
    let local = instant + i64::from(offset) * 60;
    let date = Date::from_days(local.div_euclid(86_400));
    let time = clock_time((local.rem_euclid(86_400) / 60) as u16);
    Some(if date == at.date {
        time
    } else {
        format!("{} {time}", weekday_short(lang, date.weekday()))
    })
}

/// "18:00", or "18:00 Minsk time (16:00 your time)".
fn time_with_reader(lang: Lang, at: Moment, offset_at: &dyn Fn(i64) -> i16) -> String {
    let time = clock_time(at.minute);
    match reader_clock(lang, at, offset_at) {
        Some(local) => fill(
            texts(lang).hours_your_time,
            &[("time", &time), ("local", &local)],
        ),
        None => time,
    }
}

/// When a change happens, from `now`: "at 18:00", "tomorrow at 10:00",
/// "on Monday at 10:00", "on 1 May at 10:00".
fn when(lang: Lang, at: Moment, now: Moment, offset_at: &dyn Fn(i64) -> i16) -> String {
    let t = texts(lang);
    let time = time_with_reader(lang, at, offset_at);
    let days = at.date.to_days() - now.date.to_days();
    match days {
        0 => fill(t.hours_at, &[("time", &time)]),
        1 => fill(t.hours_tomorrow_at, &[("time", &time)]),
        2..=6 => weekday_at(lang, at.date.weekday(), &time),
        _ => fill(
            t.hours_date_at,
            &[
                ("date", &format_day_month(lang, at.date.month, at.date.day)),
                ("time", &time),
            ],
        ),
    }
}

/// The status in words. `offset_at(unix_seconds)` is the reader's UTC
/// offset in minutes at an instant.
pub fn status_line(
    lang: Lang,
    status: Status,
    now: Moment,
    offset_at: &dyn Fn(i64) -> i16,
) -> StatusLine {
    let t = texts(lang);
    match status {
        Status::Open { closes: None } => StatusLine {
            open: true,
            state: t.hours_round_the_clock_now.to_string(),
            change: String::new(),
        },
        Status::Open { closes: Some(at) } => {
            let change = if at.minute == 0
                && at.date == now.date.add_days(1)
                && reader_clock(lang, at, offset_at).is_none()
            {
                t.hours_closes_midnight.to_string()
            } else {
                // Midnight at the end of today is not "tomorrow at 00:00".
                let reference = if at.minute == 0 && at.date == now.date.add_days(1) {
                    Moment {
                        date: at.date,
                        minute: 0,
                    }
                } else {
                    now
                };
                fill(
                    t.hours_closes,
                    &[("when", &when(lang, at, reference, offset_at))],
                )
            };
            StatusLine {
                open: true,
                state: t.hours_open_now.to_string(),
                change,
            }
        }
        Status::Closed { opens } => StatusLine {
            open: false,
            state: t.hours_closed_now.to_string(),
            change: match opens {
                Some(at) => fill(t.hours_opens, &[("when", &when(lang, at, now, offset_at))]),
                None => t.hours_not_this_year.to_string(),
            },
        },
    }
}

/// The first letter in capitals ("понедельник" → "Понедельник").
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A row's days: "Every day", "Monday", "Tuesday – Sunday".
pub fn days_label(lang: Lang, row: &DayRow) -> String {
    if row.first == Day::Mo && row.last == Day::Su {
        return texts(lang).hours_every_day.to_string();
    }
    let first = capitalised(weekday_name(lang, row.first.weekday()));
    if row.first == row.last {
        return first;
    }
    format!("{first} – {}", weekday_name(lang, row.last.weekday()))
}

/// A day's hours: "10:00–13:00, 14:00–18:00", "Closed", "Open 24 hours".
pub fn spans_label(lang: Lang, spans: &[Span]) -> String {
    let t = texts(lang);
    match spans {
        [] => t.hours_closed.to_string(),
        [Span { from: 0, to: 1440 }] => t.hours_all_day.to_string(),
        _ => spans
            .iter()
            .map(|span| {
                let to = if span.to == 1440 {
                    "24:00".to_string()
                } else {
                    clock_time(span.to)
                };
                format!("{}–{to}", clock_time(span.from))
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn range_label(lang: Lang, range: &DateRange) -> String {
    let lower = |text: &str| match lang {
        Lang::En => text.to_string(),
        Lang::Ru | Lang::Be => text.to_lowercase(),
    };
    if range.whole_months() {
        let first = month_standalone(lang, range.from.month).to_string();
        if range.from.month == range.to.month {
            return first;
        }
        return format!(
            "{first} – {}",
            lower(month_standalone(lang, range.to.month))
        );
    }
    let first = format_day_month(lang, range.from.month, range.from.day);
    if range.from == range.to {
        return first;
    }
    format!(
        "{first} – {}",
        format_day_month(lang, range.to.month, range.to.day)
    )
}

/// A week table's part of the year: "All year", "Rest of the year",
/// "May – september", "24 December – 2 January".
pub fn season_label(lang: Lang, table: &WeekTable) -> String {
    let t = texts(lang);
    if table.rest_of_year {
        return t.hours_rest_of_year.to_string();
    }
    if table.dates.is_empty() {
        return t.hours_all_year.to_string();
    }
    table
        .dates
        .iter()
        .map(|range| range_label(lang, range))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use portal_hours::{parse, status, weekly::weekly};

    fn moment(y: i32, m: u8, d: u8, hh: u16, mm: u16) -> Moment {
        Moment {
            date: Date::new(y, m, d).unwrap(),
            minute: hh * 60 + mm,
        }
    }

    const MINSK: &dyn Fn(i64) -> i16 = &|_| 180;
    const BERLIN_WINTER: &dyn Fn(i64) -> i16 = &|_| 60;

    fn line(lang: Lang, rules: &str, now: Moment, offset: &dyn Fn(i64) -> i16) -> String {
        let hours = parse(rules).unwrap();
        let line = status_line(lang, status(&hours, now), now, offset);
        format!("{} · {}", line.state, line.change)
    }

    #[test]
    fn status_lines_in_every_language() {
        // Friday 20 November 2026.
        let noon = moment(2026, 11, 20, 12, 0);
        let museum = "Tu-Su 10:00-18:00; Mo off";
        assert_eq!(
            line(Lang::En, museum, noon, MINSK),
            "Open now · closes at 18:00"
        );
        assert_eq!(
            line(Lang::Ru, museum, noon, MINSK),
            "Сейчас открыто · закроется в 18:00"
        );
        assert_eq!(
            line(Lang::Be, museum, noon, MINSK),
            "Зараз адчынена · зачыніцца ў 18:00"
        );
        let evening = moment(2026, 11, 20, 19, 0);
        assert_eq!(
            line(Lang::En, museum, evening, MINSK),
            "Closed now · opens tomorrow at 10:00"
        );
        // Sunday evening: Monday is closed, so Tuesday.
        let sunday = moment(2026, 11, 22, 19, 0);
        assert_eq!(
            line(Lang::En, museum, sunday, MINSK),
            "Closed now · opens on Tuesday at 10:00"
        );
        assert_eq!(
            line(Lang::Ru, museum, sunday, MINSK),
            "Сейчас закрыто · откроется во вторник в 10:00"
        );
        assert_eq!(
            line(Lang::Be, museum, sunday, MINSK),
            "Зараз зачынена · адчыніцца ў аўторак у 10:00"
        );
        let morning = moment(2026, 11, 20, 8, 0);
        assert_eq!(
            line(Lang::Ru, museum, morning, MINSK),
            "Сейчас закрыто · откроется в 10:00"
        );
        // A summer-only place in November.
        assert_eq!(
            line(Lang::En, "May-Sep: 10:00-18:00", noon, MINSK),
            "Closed now · opens on 1 May at 10:00"
        );
        assert_eq!(
            line(Lang::En, "24/7", noon, MINSK),
            "Open round the clock · "
        );
        assert_eq!(
            line(Lang::En, "off", noon, MINSK),
            "Closed now · no opening in the coming year"
        );
        assert_eq!(
            line(Lang::En, "Mo-Su 10:00-24:00", noon, MINSK),
            "Open now · closes at midnight"
        );
    }

    #[test]
    fn the_readers_time_is_added_when_it_differs() {
        let noon = moment(2026, 11, 20, 12, 0);
        assert_eq!(
            line(Lang::En, "Mo-Su 10:00-18:00", noon, BERLIN_WINTER),
            "Open now · closes at 18:00 Minsk time (16:00 your time)"
        );
        // Minsk 01:00 on Saturday is still Friday 23:00 in Berlin.
        let evening = moment(2026, 11, 20, 23, 0);
        assert_eq!(
            line(Lang::Ru, "Mo-Su 01:00-05:00", evening, BERLIN_WINTER),
            "Сейчас закрыто · откроется завтра в 01:00 по минскому времени (Пт 23:00 по вашему)"
        );
    }

    #[test]
    fn table_labels() {
        let hours = parse("Oct-Apr: Tu-Su 10:00-17:00; May-Sep: Mo-Su 10:00-13:00,14:00-19:00; Dec 24-Jan 2 off; PH off").unwrap();
        let tables = weekly(&hours);
        let labels: Vec<String> = tables.iter().map(|t| season_label(Lang::Ru, t)).collect();
        assert_eq!(
            labels,
            [
                "В остальное время года",
                "Октябрь – апрель",
                "Май – сентябрь",
                "24 декабря – 2 января"
            ]
        );
        assert_eq!(days_label(Lang::Ru, &tables[1].rows[0]), "Понедельник");
        assert_eq!(
            days_label(Lang::Ru, &tables[1].rows[1]),
            "Вторник – воскресенье"
        );
        assert_eq!(days_label(Lang::En, &tables[2].rows[0]), "Every day");
        assert_eq!(
            spans_label(Lang::En, &tables[2].rows[0].times),
            "10:00–13:00, 14:00–19:00"
        );
        assert_eq!(spans_label(Lang::Be, &tables[1].rows[0].times), "Зачынена");
        assert_eq!(
            spans_label(Lang::En, &[Span { from: 0, to: 1440 }]),
            "Open 24 hours"
        );
        assert_eq!(
            spans_label(
                Lang::En,
                &[Span {
                    from: 1320,
                    to: 1560
                }]
            ),
            "22:00–02:00"
        );
        assert_eq!(
            spans_label(
                Lang::En,
                &[Span {
                    from: 600,
                    to: 1440
                }]
            ),
            "10:00–24:00"
        );
    }
}
