//! iCalendar (RFC 5545) output: escaping TEXT values, folding content lines,
//! and whole calendars of events in one fixed-offset zone (Europe/Minsk has
//! been UTC+3 all year since 2011, so one STANDARD rule describes it).

use crate::Date;

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and
/// newlines; carriage returns are dropped.
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            other => out.push(other),
        }
    }
    out
}

/// Folds one content line (RFC 5545 §3.1): no physical line longer than 75
/// octets, continuation lines start with a space, never splitting a UTF-8
/// character. Returns the folded line with CRLF line endings, ending in CRLF.
///
/// A continuation never begins with whitespace of the content itself: the
/// RFC allows it, but some readers trim it while unfolding, so the fold moves
/// one character earlier instead.
pub fn fold_line(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / LIMIT * 3 + 2);
    let mut current = String::new();
    // The first physical line has no leading space.
    let mut budget = LIMIT;
    for c in line.chars() {
        if current.len() + c.len_utf8() > budget {
            let mut carried = String::new();
            if c.is_whitespace() {
                if let Some(last) = current.pop() {
                    carried.push(last);
                }
            }
            out.push_str(&current);
            out.push_str("\r\n ");
            current = carried;
            budget = LIMIT - 1;
        }
        current.push(c);
    }
    out.push_str(&current);
    out.push_str("\r\n");
    out
}

/// `NAME:value` with the value escaped as TEXT, folded.
pub fn text_property(name: &str, value: &str) -> String {
    fold_line(&format!("{name}:{}", escape_text(value)))
}

/// When an event starts or ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// A whole day (`VALUE=DATE`); an end date is exclusive.
    Day(Date),
    /// A wall-clock time in the calendar's zone.
    Local { date: Date, hour: u8, minute: u8 },
}

/// One VEVENT. Text fields are plain text; escaping happens here.
#[derive(Debug, Clone, PartialEq)]
pub struct IcsEvent {
    /// Globally unique and stable across builds: `slug@domain`.
    pub uid: String,
    pub start: When,
    /// Exclusive end; for all-day events the day after the last one. `None`
    /// for a timed event with no announced end (RFC 5545: it ends as it
    /// starts).
    pub end: Option<When>,
    pub summary: String,
    pub description: String,
    pub location: String,
    pub categories: String,
    /// Latitude and longitude of the venue.
    pub geo: Option<(f64, f64)>,
    pub url: Option<String>,
}

/// A zone with one fixed UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixedZone<'a> {
    pub tzid: &'a str,
    pub offset_minutes: i16,
}

/// A complete `VCALENDAR` in CRLF lines. `stamp_utc` is DTSTAMP, the moment
/// the file was produced (`yyyymmddThhmmssZ` is built from it); `name`, when
/// given, names a subscribable calendar.
pub fn calendar(
    zone: FixedZone<'_>,
    stamp_utc: (Date, u8, u8, u8),
    name: Option<&str>,
    events: &[IcsEvent],
) -> String {
    let mut out = String::new();
    out.push_str("BEGIN:VCALENDAR\r\n");
    out.push_str("VERSION:2.0\r\n");
    out.push_str("PRODID:-//Portal//Events//EN\r\n");
    out.push_str("CALSCALE:GREGORIAN\r\n");
    out.push_str("METHOD:PUBLISH\r\n");
    if let Some(name) = name {
        out.push_str(&text_property("X-WR-CALNAME", name));
        out.push_str(&fold_line(&format!("X-WR-TIMEZONE:{}", zone.tzid)));
    }
    let offset = utc_offset(zone.offset_minutes);
    out.push_str("BEGIN:VTIMEZONE\r\n");
    out.push_str(&fold_line(&format!("TZID:{}", zone.tzid)));
    out.push_str("BEGIN:STANDARD\r\n");
    out.push_str("DTSTART:19700101T000000\r\n");
    out.push_str(&format!("TZOFFSETFROM:{offset}\r\n"));
    out.push_str(&format!("TZOFFSETTO:{offset}\r\n"));
    out.push_str(&format!("TZNAME:{}\r\n", &offset[..3]));
    out.push_str("END:STANDARD\r\n");
    out.push_str("END:VTIMEZONE\r\n");
    let (date, h, m, sec) = stamp_utc;
    let stamp = format!("{}T{h:02}{m:02}{sec:02}Z", compact(date));
    for event in events {
        out.push_str("BEGIN:VEVENT\r\n");
        out.push_str(&text_property("UID", &event.uid));
        out.push_str(&format!("DTSTAMP:{stamp}\r\n"));
        out.push_str(&fold_line(&when("DTSTART", event.start, zone.tzid)));
        if let Some(end) = event.end {
            out.push_str(&fold_line(&when("DTEND", end, zone.tzid)));
        }
        out.push_str(&text_property("SUMMARY", &event.summary));
        out.push_str(&text_property("DESCRIPTION", &event.description));
        out.push_str(&text_property("LOCATION", &event.location));
        out.push_str(&text_property("CATEGORIES", &event.categories));
        if let Some((lat, lon)) = event.geo {
            out.push_str(&format!("GEO:{lat:.6};{lon:.6}\r\n"));
        }
        if let Some(url) = &event.url {
            out.push_str(&fold_line(&format!("URL:{url}")));
        }
        out.push_str("END:VEVENT\r\n");
    }
    out.push_str("END:VCALENDAR\r\n");
    out
}

fn compact(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year, date.month, date.day)
}

fn when(name: &str, value: When, tzid: &str) -> String {
    match value {
        When::Day(date) => format!("{name};VALUE=DATE:{}", compact(date)),
        When::Local { date, hour, minute } => {
            format!(
                "{name};TZID={tzid}:{}T{hour:02}{minute:02}00",
                compact(date)
            )
        }
    }
}

/// `+0300` for 180 minutes.
fn utc_offset(minutes: i16) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let abs = minutes.unsigned_abs();
    format!("{sign}{:02}{:02}", abs / 60, abs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_special_characters() {
        assert_eq!(escape_text("a,b;c\\d\r\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(escape_text("Мірскі замак"), "Мірскі замак");
    }

    #[test]
    fn short_lines_are_untouched() {
        assert_eq!(fold_line("SUMMARY:Hi"), "SUMMARY:Hi\r\n");
        let exact = "X".repeat(75);
        assert_eq!(fold_line(&exact), format!("{exact}\r\n"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_on_character_boundaries() {
        for text in [
            "A".repeat(300),
            "Ўсе падзеі ў Мінску і вобласці — ".repeat(12),
            "🎻é".repeat(60),
        ] {
            let folded = fold_line(&format!("DESCRIPTION:{text}"));
            assert!(folded.ends_with("\r\n"));
            let physical: Vec<&str> = folded.trim_end_matches("\r\n").split("\r\n").collect();
            assert!(physical.len() > 1);
            for (i, line) in physical.iter().enumerate() {
                assert!(line.len() <= 75, "line {i} has {} octets", line.len());
                if i > 0 {
                    assert!(line.starts_with(' '));
                    assert!(!line[1..].starts_with(char::is_whitespace), "{line:?}");
                }
            }
            // Unfolding (remove CRLF + one space) gives the original back.
            let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
            assert_eq!(unfolded, format!("DESCRIPTION:{text}"));
        }
    }

    #[test]
    fn text_property_escapes_then_folds() {
        assert_eq!(
            text_property("LOCATION", "Minsk, Pr. Nezavisimosti 1"),
            "LOCATION:Minsk\\, Pr. Nezavisimosti 1\r\n"
        );
    }

    fn sample() -> String {
        let d = |y, m, day| Date::new(y, m, day).unwrap();
        let long = "Organ, choir; and a \\ backslash.\nSecond line: Ўсе спевы — ".repeat(4) + "end";
        let events = [
            IcsEvent {
                uid: "organ-evening@portal.by".into(),
                start: When::Local {
                    date: d(2026, 12, 12),
                    hour: 19,
                    minute: 0,
                },
                end: Some(When::Local {
                    date: d(2026, 12, 12),
                    hour: 21,
                    minute: 30,
                }),
                summary: "Organ evening, with choir".into(),
                description: long.clone(),
                location: "Philharmonic, 50 Independence Ave, Minsk".into(),
                categories: "Concerts".into(),
                geo: Some((53.9175, 27.5942)),
                url: Some("https://portal.by/en/events/organ-evening".into()),
            },
            IcsEvent {
                uid: "winter-fair@portal.by".into(),
                start: When::Day(d(2026, 12, 30)),
                end: Some(When::Day(d(2027, 1, 2))),
                summary: "Winter fair".into(),
                description: "Crafts".into(),
                location: "Hrodna".into(),
                categories: "Fairs".into(),
                geo: None,
                url: None,
            },
        ];
        let zone = FixedZone {
            tzid: "Europe/Minsk",
            offset_minutes: 180,
        };
        calendar(
            zone,
            (d(2026, 11, 29), 0, 0, 0),
            Some("Events, Minsk"),
            &events,
        )
    }

    #[test]
    fn calendars_read_back_through_an_independent_parser() {
        let text = sample();
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{line:?}");
        }
        assert!(!text.replace("\r\n", "").contains('\n'), "bare LF");
        let mut parser = ical::IcalParser::new(text.as_bytes());
        let cal = parser.next().expect("one calendar").expect("parses");
        assert!(parser.next().is_none());
        let prop = |props: &[ical::property::Property], name: &str| {
            props
                .iter()
                .find(|p| p.name == name)
                .unwrap_or_else(|| panic!("{name} missing"))
                .clone()
        };
        assert_eq!(
            prop(&cal.properties, "VERSION").value.as_deref(),
            Some("2.0")
        );
        assert_eq!(cal.timezones.len(), 1);
        assert_eq!(
            prop(&cal.timezones[0].properties, "TZID").value.as_deref(),
            Some("Europe/Minsk")
        );
        assert_eq!(cal.events.len(), 2);
        let timed = &cal.events[0].properties;
        let start = prop(timed, "DTSTART");
        assert_eq!(start.value.as_deref(), Some("20261212T190000"));
        assert_eq!(
            start.params,
            Some(vec![("TZID".to_string(), vec!["Europe/Minsk".to_string()])])
        );
        assert_eq!(
            prop(timed, "DTEND").value.as_deref(),
            Some("20261212T213000")
        );
        assert_eq!(
            prop(timed, "DTSTAMP").value.as_deref(),
            Some("20261129T000000Z")
        );
        assert_eq!(
            prop(timed, "UID").value.as_deref(),
            Some("organ-evening@portal.by")
        );
        assert_eq!(
            prop(timed, "SUMMARY").value.as_deref(),
            Some("Organ evening\\, with choir")
        );
        // The long description unfolds to exactly its escaped form.
        let description = prop(timed, "DESCRIPTION").value.unwrap_or_default();
        let long = "Organ, choir; and a \\ backslash.\nSecond line: Ўсе спевы — ".repeat(4) + "end";
        assert_eq!(description, escape_text(&long));
        assert_eq!(
            prop(timed, "GEO").value.as_deref(),
            Some("53.917500;27.594200")
        );
        let all_day = &cal.events[1].properties;
        let start = prop(all_day, "DTSTART");
        assert_eq!(start.value.as_deref(), Some("20261230"));
        assert_eq!(
            start.params,
            Some(vec![("VALUE".to_string(), vec!["DATE".to_string()])])
        );
        assert_eq!(prop(all_day, "DTEND").value.as_deref(), Some("20270102"));
    }
}
