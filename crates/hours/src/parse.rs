//! Reads the authoring format: a subset of OpenStreetMap's `opening_hours`.
//!
//! ```text
//! hours    = "24/7" | rule { ";" rule }
//! rule     = [ dates [ ":" ] ] [ days ] ( times | "off" | "closed" | "24/7" )
//! dates    = range { "," range }        May-Sep, Dec 24-Jan 2, Jan 1, Oct-Apr
//! range    = month [ day ] [ "-" ( month [ day ] | day ) ]
//! days     = day-sel { "," day-sel }    Mo-Fr, Sa,Su, PH, Tu-Su,PH
//! day-sel  = wd [ "-" wd ] | "PH"
//! times    = span { "," span }          10:00-18:00, 10:00-13:00,14:00-18:00
//! span     = hh:mm "-" hh:mm            an end before the start runs past midnight
//! ```
//!
//! Anything else OpenStreetMap allows is refused with a message naming it.

use portal_calendar::days_in_month;

use crate::model::{DateRange, Day, MonthDay, OpeningHours, Rule, Span};

/// Why a value was refused, in words for the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub message: String,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ParseError {}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const DAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

/// OpenStreetMap features this subset does not read, and how to say so.
const UNSUPPORTED: [(&str, &str); 15] = [
    ("||", "fallback rules (`||`)"),
    ("\"", "comments in quotes (write exceptions in the `[hours]` note)"),
    ("[", "nth-weekday selectors such as `Su[1]`"),
    ("week", "week numbers (`week`)"),
    ("sunrise", "times relative to the sun (`sunrise`)"),
    ("sunset", "times relative to the sun (`sunset`)"),
    ("dawn", "times relative to the sun (`dawn`)"),
    ("dusk", "times relative to the sun (`dusk`)"),
    ("SH", "school holidays (`SH`)"),
    ("easter", "Easter-relative dates (`easter`)"),
    ("+", "open ends and day offsets (`+`)"),
    (" day", "day offsets such as `PH -1 day`"),
    ("unknown", "the `unknown` modifier inside rules (write `opening_hours = \"unknown\"` for the whole site)"),
    ("open", "the `open` modifier (give times instead)"),
    ("/", "repeating intervals (`/`); only `24/7` is read"),
];

/// Parses a value. Rules are separated by `;`; a later rule replaces the
/// hours of the days it names.
pub fn parse(text: &str) -> Result<OpeningHours, ParseError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(error("is empty; write the hours, or \"unknown\""));
    }
    let mut rules = Vec::new();
    for (index, part) in trimmed.split(';').enumerate() {
        let part = part.trim();
        let rule = parse_rule(part).map_err(|message| ParseError {
            message: format!("rule {} `{part}`: {message}", index + 1),
        })?;
        rules.push(rule);
    }
    Ok(OpeningHours { rules })
}

fn error(message: &str) -> ParseError {
    ParseError {
        message: message.to_string(),
    }
}

fn unsupported(rule: &str) -> Option<String> {
    // Words, so that `Sep` does not read as `SH` nor `Mo` as `open`.
    let words: Vec<&str> = rule
        .split(|c: char| c.is_whitespace() || c == ',' || c == ':' || c == '-')
        .collect();
    for (needle, what) in UNSUPPORTED {
        let found = match needle {
            "week" | "sunrise" | "sunset" | "dawn" | "dusk" | "SH" | "easter" | "unknown"
            | "open" => words.iter().any(|w| w.eq_ignore_ascii_case(needle)),
            " day" => words.iter().any(|w| *w == "day" || *w == "days"),
            "/" => rule.replace("24/7", "").contains('/'),
            _ => rule.contains(needle),
        };
        if found {
            return Some(format!("{what} are not supported"));
        }
    }
    if words
        .iter()
        .any(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
    {
        return Some("years are not supported (rules repeat every year)".into());
    }
    None
}

/// A cursor over one rule.
struct Reader<'a> {
    rest: &'a str,
}

impl<'a> Reader<'a> {
    fn skip_spaces(&mut self) {
        self.rest = self.rest.trim_start();
    }

    fn eat(&mut self, token: &str) -> bool {
        match self.rest.strip_prefix(token) {
            Some(rest) => {
                self.rest = rest;
                true
            }
            None => false,
        }
    }

    fn peek_word(&self) -> &'a str {
        let end = self
            .rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(self.rest.len());
        &self.rest[..end]
    }

    fn number(&mut self) -> Option<u32> {
        let end = self
            .rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(self.rest.len());
        if end == 0 || end > 2 {
            return None;
        }
        let value = self.rest[..end].parse().ok()?;
        self.rest = &self.rest[end..];
        Some(value)
    }

    fn month(&mut self) -> Option<u8> {
        let word = self.peek_word();
        let index = MONTHS.iter().position(|m| *m == word)?;
        self.rest = &self.rest[word.len()..];
        Some(index as u8 + 1)
    }

    fn weekday(&mut self) -> Option<Day> {
        let word = self.peek_word();
        let index = DAYS.iter().position(|d| *d == word)?;
        self.rest = &self.rest[word.len()..];
        Some(Day::ALL[index])
    }

    /// A day number after a month, if one follows.
    fn day_of(&mut self, month: u8) -> Result<Option<u8>, String> {
        let saved = self.rest;
        self.skip_spaces();
        if !self.rest.starts_with(|c: char| c.is_ascii_digit()) {
            self.rest = saved;
            return Ok(None);
        }
        // `May 10:00-…` is a month followed by times, not a day.
        let digits = self.rest.trim_start_matches(|c: char| c.is_ascii_digit());
        if digits.starts_with(':') && digits[1..].starts_with(|c: char| c.is_ascii_digit()) {
            self.rest = saved;
            return Ok(None);
        }
        let day = self
            .number()
            .ok_or("a day of the month is one or two digits")?;
        check_day(month, day)?;
        Ok(Some(day as u8))
    }
}

fn check_day(month: u8, day: u32) -> Result<(), String> {
    // February may have 29 days in the years that have one.
    let last = days_in_month(2000, month);
    if day == 0 || day > u32::from(last) {
        return Err(format!(
            "{} has no day {day}",
            MONTHS[usize::from(month - 1)]
        ));
    }
    Ok(())
}

fn parse_rule(rule: &str) -> Result<Rule, String> {
    if rule.is_empty() {
        return Err("is empty (two `;` in a row, or one at the end)".into());
    }
    if let Some(message) = unsupported(rule) {
        return Err(message);
    }
    let mut reader = Reader { rest: rule };
    let dates = parse_dates(&mut reader)?;
    reader.skip_spaces();
    if !dates.is_empty() {
        reader.eat(":");
        reader.skip_spaces();
    }
    let (days, holidays) = parse_days(&mut reader)?;
    reader.skip_spaces();
    let times = parse_times(&mut reader)?;
    reader.skip_spaces();
    if !reader.rest.is_empty() {
        if reader.rest.starts_with(',') {
            return Err("rules separated by `,` are not supported; separate rules with `;`".into());
        }
        return Err(format!("cannot read `{}`", reader.rest));
    }
    Ok(Rule {
        dates,
        days,
        holidays,
        times,
    })
}

fn parse_dates(reader: &mut Reader<'_>) -> Result<Vec<DateRange>, String> {
    let mut ranges = Vec::new();
    loop {
        reader.skip_spaces();
        let Some(month) = reader.month() else {
            if ranges.is_empty() {
                return Ok(ranges);
            }
            return Err(format!(
                "expected a month after `,`, found `{}`",
                reader.rest
            ));
        };
        let day = reader.day_of(month)?;
        let from = MonthDay {
            month,
            day: day.unwrap_or(1),
        };
        let to = if reader.eat("-") {
            if let Some(to_month) = reader.month() {
                let to_day = reader.day_of(to_month)?;
                if day.is_some() != to_day.is_some() {
                    return Err("a date range names days at both ends (`Dec 24-Jan 2`) or at neither (`May-Sep`)".into());
                }
                MonthDay {
                    month: to_month,
                    day: to_day.unwrap_or(days_in_month(2000, to_month)),
                }
            } else if day.is_some() {
                let to_day = reader
                    .number()
                    .ok_or("expected a day or a month after `-`")?;
                check_day(month, to_day)?;
                MonthDay {
                    month,
                    day: to_day as u8,
                }
            } else {
                return Err("expected a month after `-`".into());
            }
        } else {
            MonthDay {
                month,
                day: day.unwrap_or(days_in_month(2000, month)),
            }
        };
        ranges.push(DateRange { from, to });
        let saved = reader.rest;
        if reader.eat(",") && reader.peek_word().len() == 3 && MONTHS.contains(&reader.peek_word())
        {
            continue;
        }
        reader.rest = saved;
        return Ok(ranges);
    }
}

fn parse_days(reader: &mut Reader<'_>) -> Result<(Vec<Day>, bool), String> {
    let mut days = Vec::new();
    let mut holidays = false;
    loop {
        if reader.eat("PH") {
            holidays = true;
        } else if let Some(first) = reader.weekday() {
            if reader.eat("-") {
                let last = reader
                    .weekday()
                    .ok_or("expected a weekday (Mo Tu We Th Fr Sa Su) after `-`")?;
                // `Sa-Mo` runs over the week's end.
                let mut day = first.index();
                loop {
                    days.push(Day::ALL[day]);
                    if day == last.index() {
                        break;
                    }
                    day = (day + 1) % 7;
                }
            } else {
                days.push(first);
            }
        } else if days.is_empty() && !holidays {
            return Ok((days, holidays));
        } else {
            return Err(format!(
                "expected a weekday (Mo Tu We Th Fr Sa Su) or PH after `,`, found `{}`",
                reader.rest
            ));
        }
        if !reader.eat(",") {
            break;
        }
    }
    days.sort();
    days.dedup();
    Ok((days, holidays))
}

fn parse_times(reader: &mut Reader<'_>) -> Result<Vec<Span>, String> {
    if reader.eat("off") || reader.eat("closed") {
        return Ok(Vec::new());
    }
    if reader.eat("24/7") {
        return Ok(vec![Span { from: 0, to: 1440 }]);
    }
    if !reader.rest.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(if reader.rest.is_empty() {
            "give the hours (`10:00-18:00`), `off` or `24/7`".into()
        } else {
            format!(
                "cannot read `{}`; expected a month, weekdays, hours (`10:00-18:00`), `off` or `24/7`",
                reader.rest
            )
        });
    }
    let mut spans: Vec<Span> = Vec::new();
    loop {
        let from = time(reader, false)?;
        if !reader.eat("-") {
            return Err("a time range is `hh:mm-hh:mm`".into());
        }
        let mut to = time(reader, true)?;
        if to == from {
            return Err("a time range starts and ends at the same time; for a whole day write `00:00-24:00`".into());
        }
        if to < from {
            // Past midnight: `22:00-02:00` ends at 02:00 the next day.
            to += 1440;
        }
        if to > 2880 || to - from > 1440 {
            return Err("a time range lasts at most 24 hours".into());
        }
        spans.push(Span { from, to });
        let saved = reader.rest;
        if reader.eat(",") && reader.rest.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        reader.rest = saved;
        break;
    }
    spans.sort();
    for pair in spans.windows(2) {
        if pair[1].from < pair[0].to {
            return Err("time ranges of one rule overlap".into());
        }
    }
    Ok(spans)
}

/// `hh:mm` as minutes; `24:00` (and up to `48:00` in OpenStreetMap's
/// extended form) only as an end.
fn time(reader: &mut Reader<'_>, end: bool) -> Result<u16, String> {
    let hour = reader.number().ok_or("a time is `hh:mm`")?;
    if !reader.eat(":") {
        return Err("a time is `hh:mm`, with a colon".into());
    }
    let at = reader.rest;
    let minute = reader.number().ok_or("a time is `hh:mm`")?;
    if at.len() - reader.rest.len() != 2 || minute > 59 {
        return Err("minutes are two digits, 00 to 59".into());
    }
    let value = hour * 60 + minute;
    let limit = if end { 48 * 60 } else { 23 * 60 + 59 };
    if value > limit {
        return Err(format!("{hour:02}:{minute:02} is not a time of day"));
    }
    Ok(value as u16)
}
