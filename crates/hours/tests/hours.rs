//! The parser, the overrides, seasons, holidays and the evaluator's edges,
//! on fixed dates.

use portal_calendar::Date;
use portal_hours::weekly::{weekly, DayRow};
use portal_hours::{open_on, parse, spans_on, status, Day, Moment, Span, Status};

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

fn at(date: Date, hh: u16, mm: u16) -> Moment {
    Moment {
        date,
        minute: hh * 60 + mm,
    }
}

fn span(from: &str, to: &str) -> Span {
    let m = |t: &str| {
        let (h, m) = t.split_once(':').unwrap();
        h.parse::<u16>().unwrap() * 60 + m.parse::<u16>().unwrap()
    };
    Span {
        from: m(from),
        to: m(to),
    }
}

// 2026-11-20 is a Friday.
const FRIDAY: (i32, u8, u8) = (2026, 11, 20);
fn friday() -> Date {
    d(FRIDAY.0, FRIDAY.1, FRIDAY.2)
}

#[test]
fn weekday_ranges_lists_and_several_spans() {
    let hours = parse("Mo-Fr 10:00-13:00,14:00-18:00; Sa,Su 11:00-16:00").unwrap();
    assert_eq!(
        spans_on(&hours, friday()),
        vec![span("10:00", "13:00"), span("14:00", "18:00")]
    );
    assert_eq!(
        spans_on(&hours, friday().add_days(1)),
        vec![span("11:00", "16:00")]
    );
    assert_eq!(
        status(&hours, at(friday(), 13, 30)),
        Status::Closed {
            opens: Some(at(friday(), 14, 0))
        }
    );
    assert_eq!(
        status(&hours, at(friday(), 12, 0)),
        Status::Open {
            closes: Some(at(friday(), 13, 0))
        }
    );
}

#[test]
fn later_rules_override_the_days_they_name() {
    let hours = parse("Mo-Su 10:00-18:00; Mo off; We 12:00-20:00").unwrap();
    let monday = d(2026, 11, 16);
    assert!(spans_on(&hours, monday).is_empty());
    assert_eq!(
        spans_on(&hours, monday.add_days(1)),
        vec![span("10:00", "18:00")]
    );
    assert_eq!(
        spans_on(&hours, monday.add_days(2)),
        vec![span("12:00", "20:00")]
    );
    // Closed on Monday morning: opens on Tuesday.
    assert_eq!(
        status(&hours, at(monday, 9, 0)),
        Status::Closed {
            opens: Some(at(monday.add_days(1), 10, 0))
        }
    );
}

#[test]
fn the_boundaries_are_half_open() {
    let hours = parse("Mo-Su 10:00-18:00").unwrap();
    assert!(matches!(
        status(&hours, at(friday(), 10, 0)),
        Status::Open { .. }
    ));
    assert!(matches!(
        status(&hours, at(friday(), 9, 59)),
        Status::Closed { .. }
    ));
    assert_eq!(
        status(&hours, at(friday(), 18, 0)),
        Status::Closed {
            opens: Some(at(friday().add_days(1), 10, 0))
        }
    );
    assert!(matches!(
        status(&hours, at(friday(), 17, 59)),
        Status::Open { .. }
    ));
}

#[test]
fn past_midnight_spans_belong_to_the_day_they_start() {
    let hours = parse("Fr,Sa 20:00-02:00").unwrap();
    let saturday = friday().add_days(1);
    // 01:00 on Saturday is still Friday night.
    assert_eq!(
        status(&hours, at(saturday, 1, 0)),
        Status::Open {
            closes: Some(at(saturday, 2, 0))
        }
    );
    // Sunday's small hours come from Saturday; Sunday itself is closed.
    let sunday = saturday.add_days(1);
    assert!(matches!(
        status(&hours, at(sunday, 1, 59)),
        Status::Open { .. }
    ));
    assert!(open_on(&hours, sunday));
    assert!(!open_on(&hours, sunday.add_days(1)));
    // Closed at 02:00 on Sunday: next opening is the following Friday.
    assert_eq!(
        status(&hours, at(sunday, 2, 0)),
        Status::Closed {
            opens: Some(at(friday().add_days(7), 20, 0))
        }
    );
}

#[test]
fn touching_spans_make_one_stretch_and_24_7_never_closes() {
    let hours = parse("Mo-Su 08:00-24:00; Sa 00:00-02:00").unwrap();
    // Friday 23:00: open until Saturday 02:00, across midnight.
    assert_eq!(
        status(&hours, at(friday(), 23, 0)),
        Status::Open {
            closes: Some(at(friday().add_days(1), 2, 0))
        }
    );
    let always = parse("24/7").unwrap();
    assert!(always.always());
    assert_eq!(
        status(&always, at(friday(), 3, 0)),
        Status::Open { closes: None }
    );
    // Midnight closing reads as the next day's 00:00.
    let late = parse("Mo-Su 10:00-24:00").unwrap();
    assert_eq!(
        status(&late, at(friday(), 23, 59)),
        Status::Open {
            closes: Some(at(friday().add_days(1), 0, 0))
        }
    );
}

#[test]
fn next_opening_across_the_week_end() {
    let hours = parse("Mo-Fr 09:00-17:00").unwrap();
    assert_eq!(
        status(&hours, at(friday(), 17, 30)),
        Status::Closed {
            opens: Some(at(d(2026, 11, 23), 9, 0))
        }
    );
    assert!(!open_on(&hours, d(2026, 11, 22)));
    assert!(open_on(&hours, d(2026, 11, 23)));
}

#[test]
fn seasons_and_date_ranges_across_the_year_end() {
    let hours =
        parse("Oct-Apr: Tu-Su 10:00-17:00; May-Sep: Mo-Su 10:00-19:00; Dec 31-Jan 2 off").unwrap();
    assert_eq!(
        spans_on(&hours, d(2026, 7, 13)),
        vec![span("10:00", "19:00")]
    );
    assert!(spans_on(&hours, d(2026, 11, 16)).is_empty()); // a winter Monday
    assert_eq!(
        spans_on(&hours, d(2027, 1, 5)),
        vec![span("10:00", "17:00")]
    );
    for closed in [d(2026, 12, 31), d(2027, 1, 1), d(2027, 1, 2)] {
        assert!(!open_on(&hours, closed), "{closed}");
    }
    assert!(open_on(&hours, d(2026, 12, 30)));
    // 30 April is still winter hours, 1 May summer ones.
    assert_eq!(
        spans_on(&hours, d(2026, 4, 30)),
        vec![span("10:00", "17:00")]
    );
    assert_eq!(
        spans_on(&hours, d(2026, 5, 1)),
        vec![span("10:00", "19:00")]
    );
    // New Year's Eve evening: next opening is Sunday 3 January 2027.
    assert_eq!(
        status(&hours, at(d(2026, 12, 30), 18, 0)),
        Status::Closed {
            opens: Some(at(d(2027, 1, 3), 10, 0))
        }
    );
}

#[test]
fn a_summer_only_site_opens_next_season() {
    let hours = parse("May-Sep: 10:00-18:00").unwrap();
    assert_eq!(
        status(&hours, at(friday(), 12, 0)),
        Status::Closed {
            opens: Some(at(d(2027, 5, 1), 10, 0))
        }
    );
    let never = parse("off").unwrap();
    assert_eq!(
        status(&never, at(friday(), 12, 0)),
        Status::Closed { opens: None }
    );
}

#[test]
fn public_holidays_follow_their_rule() {
    let hours = parse("Tu-Su 10:00-18:00; PH off").unwrap();
    // Christmas (Friday 25 December 2026) and Radunitsa (Tuesday 21 April 2026).
    assert!(!open_on(&hours, d(2026, 12, 25)));
    assert!(!open_on(&hours, d(2026, 4, 21)));
    assert!(open_on(&hours, d(2026, 4, 22)));
    assert!(open_on(&hours, d(2026, 12, 24)));
    // Radunitsa 2025 was 29 April, 2027 is 11 May.
    assert!(!open_on(&hours, d(2025, 4, 29)));
    assert!(!open_on(&hours, d(2027, 5, 11)));
    let short = parse("Mo-Su 09:00-20:00; PH 10:00-16:00").unwrap();
    assert_eq!(
        spans_on(&short, d(2026, 7, 3)),
        vec![span("10:00", "16:00")]
    );
    // Without a PH rule a holiday has its weekday's hours.
    let plain = parse("Mo-Fr 09:00-17:00").unwrap();
    assert_eq!(
        spans_on(&plain, d(2026, 12, 25)),
        vec![span("09:00", "17:00")]
    );
    // Weekdays and holidays in one selector.
    let both = parse("Sa,Su,PH 10:00-15:00").unwrap();
    assert!(open_on(&both, d(2026, 12, 25)));
    assert!(!open_on(&both, d(2026, 12, 24)));
    // Christmas Eve evening: closed the next day, so opens on Saturday 26th.
    assert_eq!(
        status(&hours, at(d(2026, 12, 24), 19, 0)),
        Status::Closed {
            opens: Some(at(d(2026, 12, 26), 10, 0))
        }
    );
}

#[test]
fn week_tables_group_days_and_seasons() {
    let hours = parse("Tu-Su 10:00-18:00; Mo off; PH off").unwrap();
    let tables = weekly(&hours);
    assert_eq!(tables.len(), 1);
    assert!(!tables[0].rest_of_year && tables[0].dates.is_empty());
    assert_eq!(
        tables[0].rows,
        vec![
            DayRow {
                first: Day::Mo,
                last: Day::Mo,
                times: vec![]
            },
            DayRow {
                first: Day::Tu,
                last: Day::Su,
                times: vec![span("10:00", "18:00")]
            },
        ]
    );
    assert_eq!(tables[0].holidays, Some(vec![]));

    let seasonal = parse("Mo-Su 10:00-17:00; May-Sep: Mo-Su 10:00-19:00").unwrap();
    let tables = weekly(&seasonal);
    assert_eq!(tables.len(), 2);
    assert!(tables[0].rest_of_year);
    assert_eq!(tables[1].dates.len(), 1);
    assert_eq!(tables[1].rows[0].times, vec![span("10:00", "19:00")]);
    assert_eq!(tables[0].holidays, None);

    // Seasons covering the year have no "rest of the year".
    let halves = parse("Oct-Apr: Tu-Su 10:00-17:00; May-Sep: Mo-Su 10:00-19:00").unwrap();
    assert_eq!(weekly(&halves).len(), 2);
    // A summer-only site says it is closed the rest of the year.
    let summer = weekly(&parse("May-Sep: 10:00-18:00").unwrap());
    assert!(summer[0].rest_of_year && summer[0].rows[0].times.is_empty());
}

#[test]
fn supported_forms_parse() {
    for good in [
        "24/7",
        "Mo-Su 00:00-24:00",
        "Mo-Fr 09:00-18:00; Sa 10:00-15:00; Su off",
        "Sa-Mo 10:00-14:00",
        "May-Sep: Tu-Su 10:00-18:00",
        "May-Sep Tu-Su 10:00-18:00",
        "Dec 24-Jan 2: off",
        "Jun 1-15 10:00-20:00",
        "Jan 1 off",
        "Jun,Aug: 10:00-18:00",
        "PH 10:00-16:00",
        "Mo-Fr 22:00-02:00",
        "Mo 10:00-18:00; Tu closed",
        "Mo-Fr 10:00-26:00",
    ] {
        assert!(parse(good).is_ok(), "{good}: {:?}", parse(good));
    }
    let season = parse("Dec 24-Jan 2: off").unwrap();
    assert_eq!(season.rules[0].dates[0].from.day, 24);
    assert_eq!(season.rules[0].dates[0].to.month, 1);
}

#[test]
fn unsupported_features_are_named() {
    for (bad, names) in [
        ("Mo-Fr 10:00-18:00 || \"by appointment\"", "fallback rules"),
        ("Mo-Fr 10:00-18:00 \"call first\"", "comments in quotes"),
        ("Su[1] 10:00-14:00", "nth-weekday"),
        ("week 01-10 Mo 10:00-12:00", "week numbers"),
        ("Mo-Fr sunrise-sunset", "sun"),
        ("SH off", "school holidays"),
        ("easter off", "Easter"),
        ("Mo-Fr 10:00+", "open ends"),
        ("PH -1 day 10:00-12:00", "day offsets"),
        ("Mo-Fr unknown", "`unknown`"),
        ("Mo-Fr open", "`open`"),
        ("Mo-Fr 10:00-18:00/30", "repeating intervals"),
        ("2026 Dec 24 off", "years"),
        ("Mo 10:00-12:00, We 12:00-14:00", "separate rules with `;`"),
    ] {
        let error = parse(bad).expect_err(bad).message;
        assert!(error.contains(names), "{bad}: {error}");
    }
}

#[test]
fn mistakes_get_a_reason() {
    for (bad, reason) in [
        ("", "empty"),
        ("Mo-Fr 10:00-18:00;", "rule 2"),
        ("Mo-Fr", "give the hours"),
        ("Mo-Fr 10-18", "hh:mm"),
        ("Mo-Fr 10:00-18:0", "two digits"),
        ("Mo-Fr 25:00-26:00", "not a time of day"),
        ("Mo-Fr 10:00-10:00", "same time"),
        ("Mo-Fr 10:00-36:00", "at most 24 hours"),
        ("Mo-Fr 10:00-14:00,13:00-18:00", "overlap"),
        ("Feb 30 off", "no day 30"),
        ("Dec 24-Jan: off", "both ends"),
        ("Mo-Xx 10:00-18:00", "expected a weekday"),
        ("mo-fr 10:00-18:00", "cannot read `mo-fr"),
        ("Mo-Fr 10:00-18:00 extra", "cannot read `extra`"),
    ] {
        let error = parse(bad).expect_err(bad).message;
        assert!(error.contains(reason), "{bad}: {error}");
    }
    // The rule is named, counted from 1.
    let error = parse("Mo 10:00-18:00; Tu 10:00").unwrap_err().message;
    assert!(error.starts_with("rule 2 `Tu 10:00`"), "{error}");
}

#[test]
fn the_published_form_round_trips() {
    let hours = parse("May-Sep: Tu-Su,PH 10:00-18:00; Mo off").unwrap();
    let json = serde_json::to_string(&hours).unwrap();
    assert!(
        json.contains(r#""days":["tu","we","th","fr","sa","su"]"#),
        "{json}"
    );
    assert!(json.contains(r#""holidays":true"#));
    assert_eq!(
        serde_json::from_str::<portal_hours::OpeningHours>(&json).unwrap(),
        hours
    );
}
