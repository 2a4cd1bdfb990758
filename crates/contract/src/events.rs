//! Events: the calendar's documents. Every event's times are wall-clock times
//! in its own zone (Europe/Minsk) with the offset written out, and an event
//! covers `[starts, ends)`: an all-day event starts at midnight of its first
//! day and ends at midnight after its last.

use portal_calendar::ics::{calendar, FixedZone, IcsEvent, When};
use portal_calendar::window::DayRange;
use portal_calendar::{Date, YearMonth};
use serde::{Deserialize, Serialize};

use crate::urls::{encode_component, EventsQuery};
use crate::{Block, Category, CategoryRef, Image, Lang, Timestamp};

/// The zone every event is authored in.
pub const EVENT_TIME_ZONE: &str = "Europe/Minsk";

/// Its offset from UTC: Belarus has kept UTC+3 all year since 2011.
pub const EVENT_ZONE_OFFSET_MINUTES: i16 = 180;

/// The events' zone as iCalendar writes it.
pub fn ics_zone() -> FixedZone<'static> {
    FixedZone {
        tzid: EVENT_TIME_ZONE,
        offset_minutes: EVENT_ZONE_OFFSET_MINUTES,
    }
}

/// The identity of an event in calendar apps: the same in every language
/// and in every file (the subscription feeds, the saved events a reader
/// downloads), so the same event never appears twice in a calendar.
pub fn ics_uid(slug: &str) -> String {
    format!("{slug}@events.portal")
}

/// An event's start or end as iCalendar writes it: a date for an all-day
/// event, the wall-clock time otherwise.
pub fn ics_when(ts: &Timestamp, all_day: bool) -> When {
    if all_day {
        When::Day(ts.date())
    } else {
        When::Local {
            date: ts.date(),
            hour: ts.hour,
            minute: ts.minute,
        }
    }
}

/// DTSTAMP from a moment in Unix seconds, as [`portal_calendar::ics::calendar`]
/// takes it: the UTC date, hour, minute and second.
pub fn ics_stamp(unix_seconds: i64) -> (Date, u8, u8, u8) {
    let seconds = unix_seconds.rem_euclid(86_400);
    (
        Date::from_days(unix_seconds.div_euclid(86_400)),
        (seconds / 3600) as u8,
        (seconds / 60 % 60) as u8,
        (seconds % 60) as u8,
    )
}

/// What the calendar grid and lists need: everything but the details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EventSummary {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub category: CategoryRef,
    pub region: CategoryRef,
    pub starts: Timestamp,
    /// Exclusive: the first instant after the event.
    pub ends: Timestamp,
    /// Shown without times; `starts` and `ends` are then midnights.
    pub all_day: bool,
    /// The venue's name, for lists.
    pub venue: String,
    pub free: bool,
}

impl EventSummary {
    /// The first and last calendar day the event covers, on its own clock.
    pub fn days(&self) -> (Date, Date) {
        covered_days(&self.starts, &self.ends)
    }

    /// Whether the event is over at `now` (Unix seconds). One without an
    /// announced end counts as over a day after it starts.
    pub fn has_ended(&self, now: i64) -> bool {
        let ends = if self.ends == self.starts {
            self.starts.unix_seconds() + 86_400
        } else {
            self.ends.unix_seconds()
        };
        ends <= now
    }

    /// Whether the event matches both optional filters.
    pub fn matches(&self, category: Option<&str>, region: Option<&str>) -> bool {
        category.is_none_or(|want| want == self.category.slug)
            && region.is_none_or(|want| want == self.region.slug)
    }

    /// Whether the event passes the view's filters: category, region and
    /// free entry (the window is a matter of days: [`Self::overlaps`]).
    pub fn passes(&self, query: &EventsQuery) -> bool {
        self.matches(query.category.as_deref(), query.region.as_deref())
            && (self.free || !query.free)
    }

    /// Whether any day the event covers is in `range`.
    pub fn overlaps(&self, range: DayRange) -> bool {
        let (first, last) = self.days();
        range.overlaps(first, last)
    }
}

/// The events of several month buckets as one list: each event once (one
/// that spans two months is in both buckets), in start order.
pub fn merge_buckets(buckets: Vec<MonthBucket>) -> Vec<EventSummary> {
    let mut items: Vec<EventSummary> = buckets.into_iter().flat_map(|b| b.items).collect();
    items.sort_by(|a, b| {
        (a.starts.unix_seconds(), &a.slug).cmp(&(b.starts.unix_seconds(), &b.slug))
    });
    items.dedup_by(|a, b| a.slug == b.slug);
    items
}

/// The list view's days: each event under the day it starts, or under
/// `from` if it began earlier (it is still on), days in order and events
/// in the order given.
pub fn group_by_day(items: &[EventSummary], from: Date) -> Vec<(Date, Vec<EventSummary>)> {
    let mut days: std::collections::BTreeMap<Date, Vec<EventSummary>> = Default::default();
    for item in items {
        days.entry(item.days().0.max(from))
            .or_default()
            .push(item.clone());
    }
    days.into_iter().collect()
}

/// The first and last day of `[starts, ends)` on the events' wall clock. An
/// end at midnight belongs to the day before; an end not after the start
/// makes a one-day event.
pub fn covered_days(starts: &Timestamp, ends: &Timestamp) -> (Date, Date) {
    let first = starts.date();
    let mut last = ends.date();
    if (ends.hour, ends.minute, ends.second) == (0, 0, 0) {
        last = last.add_days(-1);
    }
    (first, last.max(first))
}

/// Where an event happens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Venue {
    pub name: String,
    pub address: String,
    /// WGS 84 degrees.
    pub lat: f64,
    pub lon: f64,
}

/// Who runs an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Organiser {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// `{lang}/events/{slug}.json`: one event in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Event {
    pub slug: String,
    pub lang: Lang,
    pub title: String,
    pub summary: String,
    pub category: CategoryRef,
    pub region: CategoryRef,
    pub starts: Timestamp,
    /// Exclusive, as in [`EventSummary`].
    pub ends: Timestamp,
    pub all_day: bool,
    /// IANA zone of `starts` and `ends`: `Europe/Minsk`.
    pub time_zone: String,
    pub venue: Venue,
    /// The admission price as written by the organiser; absent means free.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organiser: Option<Organiser>,
    pub image: Image,
    pub body: Vec<Block>,
    /// The language of `body`: the event's own unless it is not yet
    /// translated, then English.
    pub body_lang: Lang,
    /// Other events close in time, soonest first.
    #[serde(default)]
    pub related: Vec<EventSummary>,
}

impl Event {
    pub fn days(&self) -> (Date, Date) {
        covered_days(&self.starts, &self.ends)
    }

    /// A Google Calendar "add event" link: local times with the event's
    /// zone, or dates for an all-day event (the end date is exclusive there
    /// too). `page_url` goes into the description so the entry links back.
    pub fn google_calendar_url(&self, page_url: &str) -> String {
        let stamp = |t: &Timestamp| {
            if self.all_day {
                format!("{:04}{:02}{:02}", t.year, t.month, t.day)
            } else {
                format!(
                    "{:04}{:02}{:02}T{:02}{:02}{:02}",
                    t.year, t.month, t.day, t.hour, t.minute, t.second
                )
            }
        };
        let details = format!("{}\n\n{page_url}", self.summary);
        let location = format!("{}, {}", self.venue.name, self.venue.address);
        format!(
            "https://calendar.google.com/calendar/render?action=TEMPLATE&text={}&dates={}/{}&ctz={}&details={}&location={}",
            encode_component(&self.title),
            stamp(&self.starts),
            stamp(&self.ends),
            encode_component(&self.time_zone),
            encode_component(&details),
            encode_component(&location),
        )
    }

    /// The event as a calendar app imports it: the same VEVENT as the
    /// portal's subscription feeds hold (UID, times, title, summary and
    /// price, venue, category, position), linking to `page_url`.
    pub fn ics_entry(&self, page_url: &str) -> IcsEvent {
        let open_end = !self.all_day && self.ends == self.starts;
        let mut description = self.summary.clone();
        if let Some(price) = &self.price {
            description.push('\n');
            description.push_str(price);
        }
        IcsEvent {
            uid: ics_uid(&self.slug),
            start: ics_when(&self.starts, self.all_day),
            end: (!open_end).then(|| ics_when(&self.ends, self.all_day)),
            summary: self.title.clone(),
            description,
            location: format!("{}, {}", self.venue.name, self.venue.address),
            categories: self.category.name.clone(),
            geo: Some((self.venue.lat, self.venue.lon)),
            url: Some(page_url.to_string()),
        }
    }

    /// [`Event::ics_entry`] as a whole iCalendar file stamped
    /// `now_unix_seconds`, in a `data:` URL: what the event page's
    /// "download .ics" link points at. Made where it is read, it needs no
    /// file per event and language on the server (a third of the
    /// published files at 100,000 articles) and works offline.
    pub fn ics_data_url(&self, page_url: &str, now_unix_seconds: i64) -> String {
        let text = calendar(
            ics_zone(),
            ics_stamp(now_unix_seconds),
            None,
            &[self.ics_entry(page_url)],
        );
        format!(
            "data:text/calendar;charset=utf-8,{}",
            encode_component(&text)
        )
    }

    /// An Outlook on the web "new event" link (outlook.live.com's compose
    /// deeplink): times in ISO 8601 with the event's offset, so Outlook
    /// places them right in any zone; an all-day event as dates with
    /// `allday=true` and the exclusive end date. An event without an
    /// announced end gets no `enddt` (Outlook then picks its default
    /// length), or one day if it is all day.
    pub fn outlook_calendar_url(&self, page_url: &str) -> String {
        let (start, end) = if self.all_day {
            let (first, last) = self.days();
            (first.to_string(), Some(last.add_days(1).to_string()))
        } else {
            let end = (self.ends != self.starts).then(|| self.ends.to_string());
            (self.starts.to_string(), end)
        };
        let body = format!("{}\n\n{page_url}", self.summary);
        let location = format!("{}, {}", self.venue.name, self.venue.address);
        let mut url = format!(
            "https://outlook.live.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent&subject={}&startdt={}",
            encode_component(&self.title),
            encode_component(&start),
        );
        if let Some(end) = end {
            url.push_str("&enddt=");
            url.push_str(&encode_component(&end));
        }
        url.push_str(&format!(
            "&allday={}&body={}&location={}",
            self.all_day,
            encode_component(&body),
            encode_component(&location),
        ));
        url
    }
}

/// `{lang}/events/month/{yyyy-mm}.json`: every event that overlaps the
/// month, in start order. Published only for months that have events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MonthBucket {
    /// `yyyy-mm`.
    pub month: String,
    pub items: Vec<EventSummary>,
}

/// A month that has events, and which filter combinations match any, so the
/// app can suggest the nearest month for a filter without fetching others.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MonthEntry {
    /// `yyyy-mm`.
    pub month: String,
    pub count: u32,
    /// `category/region` pairs present in the month, each once.
    pub pairs: Vec<String>,
}

impl MonthEntry {
    pub fn year_month(&self) -> Option<YearMonth> {
        YearMonth::parse(&self.month)
    }

    /// Whether any event of the month matches both optional filters.
    pub fn matches(&self, category: Option<&str>, region: Option<&str>) -> bool {
        self.pairs.iter().any(|pair| {
            let (c, r) = pair.split_once('/').unwrap_or((pair, ""));
            category.is_none_or(|want| want == c) && region.is_none_or(|want| want == r)
        })
    }
}

/// `{lang}/events/index.json`: filters with names and counts, and the months
/// that have events. Small; the calendar loads it first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EventsIndex {
    pub categories: Vec<Category>,
    pub regions: Vec<Category>,
    /// Oldest first.
    pub months: Vec<MonthEntry>,
}

impl EventsIndex {
    /// The month closest to `from` (ties go to the later one) that has an
    /// event matching the filters; `from` itself counts.
    pub fn nearest_month(
        &self,
        from: YearMonth,
        category: Option<&str>,
        region: Option<&str>,
    ) -> Option<YearMonth> {
        let distance = |m: YearMonth| (m.index() - from.index()).abs();
        self.months
            .iter()
            .filter(|entry| entry.matches(category, region))
            .filter_map(MonthEntry::year_month)
            .min_by_key(|&m| (distance(m), std::cmp::Reverse(m)))
    }

    /// The months from `from` on (oldest first) with an event matching the
    /// filters: the buckets to read, in order, for the next such events.
    pub fn months_from(
        &self,
        from: YearMonth,
        category: Option<&str>,
        region: Option<&str>,
    ) -> Vec<YearMonth> {
        // `months` is oldest first, so the result is too (no sort: the
        // widget frame that calls this is size-bound).
        self.months
            .iter()
            .filter(|entry| entry.matches(category, region))
            .filter_map(MonthEntry::year_month)
            .filter(|&m| m >= from)
            .collect()
    }
}

/// `{lang}/events/upcoming.json`: the next events from the build date on.
/// The app still drops any that have ended by the time it is read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UpcomingEvents {
    pub items: Vec<EventSummary>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(text: &str) -> Timestamp {
        Timestamp::parse(text).unwrap()
    }
    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn covered_days_of_timed_all_day_and_overnight_events() {
        let days = |a, b| covered_days(&ts(a), &ts(b));
        assert_eq!(
            days("2026-12-12T19:00:00+03:00", "2026-12-12T21:30:00+03:00"),
            (d("2026-12-12"), d("2026-12-12"))
        );
        // All day, three days: ends at midnight after the last.
        assert_eq!(
            days("2026-12-30T00:00:00+03:00", "2027-01-02T00:00:00+03:00"),
            (d("2026-12-30"), d("2027-01-01"))
        );
        // A night concert past midnight covers two days.
        assert_eq!(
            days("2026-12-31T22:00:00+03:00", "2027-01-01T02:00:00+03:00"),
            (d("2026-12-31"), d("2027-01-01"))
        );
        // An end not after the start is a one-day event, never a negative span.
        assert_eq!(
            days("2026-12-12T19:00:00+03:00", "2026-12-12T00:00:00+03:00"),
            (d("2026-12-12"), d("2026-12-12"))
        );
    }

    /// Four months with their `category/region` pairs.
    fn sample_index() -> EventsIndex {
        let entry = |month: &str, pairs: &[&str]| MonthEntry {
            month: month.into(),
            count: pairs.len() as u32,
            pairs: pairs.iter().map(|p| p.to_string()).collect(),
        };
        EventsIndex {
            categories: vec![],
            regions: vec![],
            months: vec![
                entry("2026-10", &["concerts/minsk-city"]),
                entry("2026-12", &["fairs/grodno", "concerts/brest"]),
                entry("2027-03", &["sport/minsk-city"]),
                entry("2027-05", &["concerts/grodno"]),
            ],
        }
    }

    #[test]
    fn nearest_month_honours_filters_and_prefers_later_on_ties() {
        let index = sample_index();
        let ym = |t| YearMonth::parse(t).unwrap();
        assert_eq!(
            index.nearest_month(ym("2026-11"), None, None),
            Some(ym("2026-12"))
        );
        assert_eq!(
            index.nearest_month(ym("2026-11"), Some("concerts"), Some("minsk-city")),
            Some(ym("2026-10"))
        );
        assert_eq!(
            index.nearest_month(ym("2026-11"), None, Some("minsk-city")),
            Some(ym("2026-10"))
        );
        assert_eq!(
            index.nearest_month(ym("2027-01"), Some("sport"), None),
            Some(ym("2027-03"))
        );
        assert_eq!(
            index.nearest_month(ym("2027-01"), Some("cinema"), None),
            None
        );
    }

    #[test]
    fn months_from_lists_matching_months_from_the_given_one_on() {
        let index = sample_index();
        let ym = |t| YearMonth::parse(t).unwrap();
        assert_eq!(
            index.months_from(ym("2026-12"), None, None),
            vec![ym("2026-12"), ym("2027-03"), ym("2027-05")]
        );
        assert_eq!(
            index.months_from(ym("2026-10"), Some("concerts"), None),
            vec![ym("2026-10"), ym("2026-12"), ym("2027-05")]
        );
        assert_eq!(
            index.months_from(ym("2026-11"), None, Some("grodno")),
            vec![ym("2026-12"), ym("2027-05")]
        );
        assert!(index.months_from(ym("2027-06"), None, None).is_empty());
    }

    #[test]
    fn an_event_ends_at_its_end_or_a_day_after_an_open_start() {
        let summary = |starts: &str, ends: &str| EventSummary {
            slug: "x".into(),
            title: "X".into(),
            summary: String::new(),
            category: CategoryRef {
                slug: "concerts".into(),
                name: "Concerts".into(),
            },
            region: CategoryRef {
                slug: "brest".into(),
                name: "Brest".into(),
            },
            starts: ts(starts),
            ends: ts(ends),
            all_day: false,
            venue: String::new(),
            free: false,
        };
        let timed = summary("2026-12-12T19:00:00+03:00", "2026-12-12T21:30:00+03:00");
        let end = ts("2026-12-12T21:30:00+03:00").unix_seconds();
        assert!(!timed.has_ended(end - 1));
        assert!(timed.has_ended(end));
        let open = summary("2026-12-12T19:00:00+03:00", "2026-12-12T19:00:00+03:00");
        let start = ts("2026-12-12T19:00:00+03:00").unix_seconds();
        assert!(!open.has_ended(start + 86_399));
        assert!(open.has_ended(start + 86_400));
        assert!(timed.matches(Some("concerts"), Some("brest")));
        assert!(timed.matches(None, None));
        assert!(!timed.matches(Some("fairs"), None));
        assert!(!timed.matches(None, Some("grodno")));
    }

    fn event(all_day: bool) -> Event {
        let (starts, ends) = if all_day {
            ("2026-12-30T00:00:00+03:00", "2027-01-02T00:00:00+03:00")
        } else {
            ("2026-12-12T19:00:00+03:00", "2026-12-12T21:30:00+03:00")
        };
        let cat = |slug: &str| CategoryRef {
            slug: slug.into(),
            name: slug.into(),
        };
        Event {
            slug: "organ".into(),
            lang: Lang::En,
            title: "Organ & choir".into(),
            summary: "Bach, Handel".into(),
            category: cat("concerts"),
            region: cat("minsk-city"),
            starts: ts(starts),
            ends: ts(ends),
            all_day,
            time_zone: EVENT_TIME_ZONE.into(),
            venue: Venue {
                name: "Philharmonic".into(),
                address: "50 Independence Ave".into(),
                lat: 53.9,
                lon: 27.6,
            },
            price: None,
            organiser: None,
            image: Image {
                src: "media/a.svg".into(),
                width: 1,
                height: 1,
                alt: "a".into(),
                caption: None,
                credit: None,
                photo: None,
            },
            body: vec![],
            body_lang: Lang::En,
            related: vec![],
        }
    }

    #[test]
    fn google_calendar_links_carry_zone_and_exclusive_dates() {
        let timed = event(false).google_calendar_url("https://portal.by/en/events/organ");
        assert!(timed.starts_with("https://calendar.google.com/calendar/render?action=TEMPLATE"));
        assert!(timed.contains("&text=Organ%20%26%20choir&"), "{timed}");
        assert!(timed.contains("&dates=20261212T190000/20261212T213000&"));
        assert!(timed.contains("&ctz=Europe%2FMinsk&"));
        assert!(timed.contains(
            "&details=Bach%2C%20Handel%0A%0Ahttps%3A%2F%2Fportal.by%2Fen%2Fevents%2Forgan&"
        ));
        assert!(timed.ends_with("&location=Philharmonic%2C%2050%20Independence%20Ave"));
        let all_day = event(true).google_calendar_url("x");
        assert!(all_day.contains("&dates=20261230/20270102&"), "{all_day}");
        assert_eq!(event(true).days(), (d("2026-12-30"), d("2027-01-01")));
    }

    #[test]
    fn outlook_links_carry_offsets_or_all_day_dates() {
        let timed = event(false).outlook_calendar_url("https://portal.by/en/events/organ");
        let (base, query) = timed.split_once('?').unwrap();
        assert_eq!(base, "https://outlook.live.com/calendar/0/deeplink/compose");
        let params: Vec<(&str, &str)> = query
            .split('&')
            .map(|pair| pair.split_once('=').unwrap())
            .collect();
        assert_eq!(
            params,
            [
                ("path", "%2Fcalendar%2Faction%2Fcompose"),
                ("rru", "addevent"),
                ("subject", "Organ%20%26%20choir"),
                ("startdt", "2026-12-12T19%3A00%3A00%2B03%3A00"),
                ("enddt", "2026-12-12T21%3A30%3A00%2B03%3A00"),
                ("allday", "false"),
                (
                    "body",
                    "Bach%2C%20Handel%0A%0Ahttps%3A%2F%2Fportal.by%2Fen%2Fevents%2Forgan"
                ),
                ("location", "Philharmonic%2C%2050%20Independence%20Ave"),
            ]
        );
        // All day, 30 December to 1 January: the end is the day after.
        let all_day = event(true).outlook_calendar_url("x");
        assert!(
            all_day.contains("&startdt=2026-12-30&enddt=2027-01-02&allday=true&"),
            "{all_day}"
        );
        // No announced end: no end for Outlook either.
        let mut open = event(false);
        open.ends = open.starts;
        let url = open.outlook_calendar_url("x");
        assert!(!url.contains("enddt"), "{url}");
        assert!(url.contains("&startdt=2026-12-12T19%3A00%3A00%2B03%3A00&allday=false&"));
        // An all-day event without an end is one day.
        let mut one_day = event(true);
        one_day.ends = one_day.starts;
        let url = one_day.outlook_calendar_url("x");
        assert!(
            url.contains("&startdt=2026-12-30&enddt=2026-12-31&"),
            "{url}"
        );
    }

    /// A `data:` URL's text, percent-decoded.
    fn data_url_text(url: &str) -> String {
        let encoded = url
            .strip_prefix("data:text/calendar;charset=utf-8,")
            .expect("a calendar data URL");
        let mut bytes = Vec::new();
        let mut rest = encoded.as_bytes();
        while let Some((&byte, tail)) = rest.split_first() {
            if byte == b'%' {
                let hex = std::str::from_utf8(&tail[..2]).unwrap();
                bytes.push(u8::from_str_radix(hex, 16).unwrap());
                rest = &tail[2..];
            } else {
                bytes.push(byte);
                rest = tail;
            }
        }
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn the_event_pages_calendar_file_is_the_feeds_entry_stamped_now() {
        let page = "https://portal.by/en/events/organ";
        let mut priced = event(false);
        priced.price = Some("From 25 BYN".into());
        let entry = priced.ics_entry(page);
        assert_eq!(entry.uid, "organ@events.portal");
        assert_eq!(entry.description, "Bach, Handel\nFrom 25 BYN");
        assert_eq!(entry.location, "Philharmonic, 50 Independence Ave");
        assert_eq!(entry.categories, "concerts");
        assert_eq!(entry.url.as_deref(), Some(page));
        assert_eq!(event(false).ics_entry(page).description, "Bach, Handel");

        // 2026-12-07 10:30:15 UTC.
        let now = d("2026-12-07").to_days() * 86_400 + 10 * 3600 + 30 * 60 + 15;
        assert_eq!(ics_stamp(now), (d("2026-12-07"), 10, 30, 15));
        let url = priced.ics_data_url(page, now);
        // Only unreserved characters and %XX after the comma: nothing a
        // browser would read as a separator or a fragment.
        let (head, payload) = url.split_once(',').unwrap();
        assert_eq!(head, "data:text/calendar;charset=utf-8");
        assert!(
            payload
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)),
            "{url}"
        );
        let text = data_url_text(&url);
        assert_eq!(
            text,
            calendar(ics_zone(), (d("2026-12-07"), 10, 30, 15), None, &[entry])
        );
        assert!(text.contains("\r\nDTSTAMP:20261207T103015Z\r\n"), "{text}");
        assert!(text.contains("\r\nDTSTART;TZID=Europe/Minsk:20261212T190000\r\n"));
        assert!(text.contains("\r\nSUMMARY:Organ & choir\r\n"));
        // Cyrillic text comes back as it went in (UTF-8, folded by octets).
        let mut russian = event(false);
        russian.title = "Органный вечер в филармонии: Бах, Гендель и белорусские колядки".into();
        let text = data_url_text(&russian.ics_data_url(page, now));
        let unfolded = text.replace("\r\n ", "");
        assert!(
            unfolded.contains(
                "\r\nSUMMARY:Органный вечер в филармонии: Бах\\, Гендель и белорусские колядки\r\n"
            ),
            "{text}"
        );

        // All day: dates, the end exclusive; no announced end: no DTEND.
        let all_day = event(true).ics_entry(page);
        assert_eq!(all_day.start, When::Day(d("2026-12-30")));
        assert_eq!(all_day.end, Some(When::Day(d("2027-01-02"))));
        let mut open = event(false);
        open.ends = open.starts;
        assert_eq!(open.ics_entry(page).end, None);
    }

    fn summary(slug: &str, starts: &str, ends: &str, free: bool) -> EventSummary {
        let cat = |slug: &str| CategoryRef {
            slug: slug.into(),
            name: slug.into(),
        };
        EventSummary {
            slug: slug.into(),
            title: slug.into(),
            summary: String::new(),
            category: cat("fairs"),
            region: cat("grodno"),
            starts: ts(starts),
            ends: ts(ends),
            all_day: false,
            venue: String::new(),
            free,
        }
    }

    #[test]
    fn filters_windows_merging_and_days() {
        use portal_calendar::window::DayRange;
        let fair = summary(
            "fair",
            "2026-11-30T10:00:00+03:00",
            "2026-12-02T18:00:00+03:00",
            true,
        );
        let show = summary(
            "show",
            "2026-11-21T19:00:00+03:00",
            "2026-11-21T21:00:00+03:00",
            false,
        );
        let late = summary(
            "late",
            "2026-12-01T22:00:00+03:00",
            "2026-12-02T01:00:00+03:00",
            true,
        );
        let query = |free: bool, category: Option<&str>| EventsQuery {
            free,
            category: category.map(str::to_string),
            ..EventsQuery::default()
        };
        assert!(fair.passes(&query(true, Some("fairs"))));
        assert!(!show.passes(&query(true, None)));
        assert!(show.passes(&query(false, None)));
        assert!(!fair.passes(&query(false, Some("concerts"))));

        let weekend = DayRange::new(d("2026-11-21"), d("2026-11-22"));
        assert!(show.overlaps(weekend));
        assert!(!fair.overlaps(weekend));
        let december_start = DayRange::new(d("2026-12-02"), d("2026-12-02"));
        assert!(fair.overlaps(december_start));
        // The night concert ends after midnight: it covers the 2nd too.
        assert!(late.overlaps(december_start));

        let november = MonthBucket {
            month: "2026-11".into(),
            items: vec![show.clone(), fair.clone()],
        };
        let december = MonthBucket {
            month: "2026-12".into(),
            items: vec![fair.clone(), late.clone()],
        };
        let merged = merge_buckets(vec![december, november]);
        let slugs: Vec<&str> = merged.iter().map(|e| e.slug.as_str()).collect();
        assert_eq!(slugs, ["show", "fair", "late"]);

        let days = group_by_day(&merged, d("2026-12-01"));
        let shape: Vec<(String, Vec<&str>)> = days
            .iter()
            .map(|(day, events)| {
                (
                    day.to_string(),
                    events.iter().map(|e| e.slug.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            [("2026-12-01".to_string(), vec!["show", "fair", "late"])]
        );
        let days = group_by_day(&merged, d("2026-11-01"));
        let firsts: Vec<String> = days.iter().map(|(day, _)| day.to_string()).collect();
        assert_eq!(firsts, ["2026-11-21", "2026-11-30", "2026-12-01"]);
    }
}
