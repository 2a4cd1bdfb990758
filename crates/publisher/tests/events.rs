//! Events through the whole publisher: month bucketing of multi-day and
//! month-crossing events, yearly expansion around the build date, the index,
//! upcoming list, details and iCalendar files, and refused input.

mod support;

use portal_calendar::{ics, Date};
use portal_contract::events::{ics_stamp, ics_zone};
use portal_contract::{Event, EventsIndex, MonthBucket, UpcomingEvents};
use portal_publisher::build::{build_site_on, BuildError, Site};
use support::{Fixture, EVENT_CATEGORIES, REGIONS};

/// A valid event.toml. Line numbers: 1 category, 2 region, 3 starts,
/// 4 ends, 5 (extra), 7 [title] … 17 [venue], 20 lat, 21 lon.
fn event_toml(
    category: &str,
    region: &str,
    starts: &str,
    ends: Option<&str>,
    extra: &str,
) -> String {
    let ends = ends.map_or(String::new(), |e| format!("ends = \"{e}\""));
    format!(
        r#"category = "{category}"
region = "{region}"
starts = "{starts}"
{ends}
{extra}

[title]
en = "Title, with comma"
ru = "Заголовок"
be = "Загаловак"

[summary]
en = "Summary; with semicolon"
ru = "Кратко"
be = "Коратка"

[venue]
name = {{ en = "Hall", ru = "Зал", be = "Зала" }}
address = {{ en = "1 Main St, Minsk", ru = "ул. Главная, 1", be = "вул. Галоўная, 1" }}
lat = 53.9
lon = 27.56

[image]
src = "media/castle.svg"
alt = {{ en = "Castle", ru = "Замок", be = "Замак" }}
"#
    )
}

fn fixture_with(events: &[(&str, String)]) -> Fixture {
    let fixture = Fixture::new();
    fixture.write("event-categories.toml", EVENT_CATEGORIES);
    fixture.write("regions.toml", REGIONS);
    for (slug, toml) in events {
        fixture.write(&format!("events/{slug}/event.toml"), toml);
        fixture.write(&format!("events/{slug}/en.md"), "A paragraph about it.\n");
    }
    fixture
}

fn today() -> Date {
    Date::parse("2026-11-29").unwrap()
}

fn build(fixture: &Fixture) -> Site {
    match build_site_on(&fixture.content(), today()) {
        Ok(site) => site,
        Err(BuildError::Content(errors)) => panic!("refused: {errors:#?}"),
        Err(BuildError::Other(message)) => panic!("{message}"),
    }
}

fn refused(fixture: &Fixture) -> Vec<String> {
    match build_site_on(&fixture.content(), today()) {
        Ok(_) => panic!("expected the build to be refused"),
        Err(BuildError::Content(errors)) => errors.iter().map(|e| e.to_string()).collect(),
        Err(BuildError::Other(message)) => panic!("{message}"),
    }
}

fn doc<T: serde::de::DeserializeOwned>(site: &Site, path: &str) -> T {
    let bytes = site
        .files
        .get(path)
        .unwrap_or_else(|| panic!("{path} missing"));
    serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn slugs(bucket: &MonthBucket) -> Vec<&str> {
    bucket.items.iter().map(|e| e.slug.as_str()).collect()
}

#[test]
fn multi_day_and_month_crossing_events_are_in_every_month_they_touch() {
    let fixture = fixture_with(&[
        (
            "organ",
            event_toml(
                "concerts",
                "minsk-city",
                "2026-12-12T19:00",
                Some("2026-12-12T21:30"),
                "",
            ),
        ),
        (
            "winter-fair",
            event_toml("fairs", "grodno", "2026-12-20", Some("2027-02-02"), ""),
        ),
        (
            "new-year-night",
            event_toml(
                "concerts",
                "minsk-city",
                "2026-12-31T22:00",
                Some("2027-01-01T02:00"),
                "",
            ),
        ),
        (
            "ends-at-midnight",
            event_toml("fairs", "grodno", "2026-11-30", None, ""),
        ),
    ]);
    let site = build(&fixture);
    let november: MonthBucket = doc(&site, "en/events/month/2026-11.json");
    let december: MonthBucket = doc(&site, "en/events/month/2026-12.json");
    let january: MonthBucket = doc(&site, "en/events/month/2027-01.json");
    let february: MonthBucket = doc(&site, "en/events/month/2027-02.json");
    assert_eq!(slugs(&november), ["ends-at-midnight"]);
    assert_eq!(slugs(&december), ["organ", "winter-fair", "new-year-night"]);
    assert_eq!(slugs(&january), ["winter-fair", "new-year-night"]);
    assert_eq!(slugs(&february), ["winter-fair"]);
    // An all-day event ends (exclusively) at midnight after its last day;
    // a single all-day event has no month after it.
    assert!(!site.files.contains_key("en/events/month/2027-03.json"));
    assert_eq!(
        february.items[0].ends.to_string(),
        "2027-02-03T00:00:00+03:00"
    );
    assert!(february.items[0].all_day);
    assert_eq!(
        december.items[0].starts.to_string(),
        "2026-12-12T19:00:00+03:00"
    );

    let index: EventsIndex = doc(&site, "ru/events/index.json");
    let months: Vec<&str> = index.months.iter().map(|m| m.month.as_str()).collect();
    assert_eq!(months, ["2026-11", "2026-12", "2027-01", "2027-02"]);
    assert_eq!(index.months[1].count, 3);
    assert_eq!(
        index.months[1].pairs,
        ["concerts/minsk-city", "fairs/grodno"]
    );
    assert_eq!(index.categories[0].name, "Ярмарки");
    assert_eq!(index.categories[0].count, 2);
    let grodno = index.regions.iter().find(|r| r.slug == "grodno").unwrap();
    assert_eq!(grodno.name, "Гродненская область");

    let upcoming: UpcomingEvents = doc(&site, "be/events/upcoming.json");
    assert_eq!(upcoming.items[0].slug, "ends-at-midnight");
    assert_eq!(upcoming.items[0].title, "Загаловак");

    let detail: Event = doc(&site, "be/events/winter-fair.json");
    assert_eq!(detail.time_zone, "Europe/Minsk");
    assert_eq!(detail.venue.name, "Зала");
    assert_eq!(detail.price, None);
    assert_eq!(
        detail.body_lang,
        portal_contract::Lang::En,
        "no be.md: English body"
    );
    assert_eq!(detail.related.len(), 3);
}

#[test]
fn yearly_events_expand_around_the_build_date() {
    let fixture = fixture_with(&[
        (
            "slavianski-bazaar",
            event_toml(
                "concerts",
                "grodno",
                "2019-07-10",
                Some("2019-07-14"),
                "repeat = \"yearly\"",
            ),
        ),
        (
            "listapad",
            event_toml(
                "fairs",
                "minsk-city",
                "2026-11-14T18:00",
                Some("2026-11-14T21:00"),
                "repeat = \"yearly-weekday\"",
            ),
        ),
    ]);
    let site = build(&fixture);
    let july_2026: MonthBucket = doc(&site, "en/events/month/2026-07.json");
    assert_eq!(slugs(&july_2026), ["slavianski-bazaar-2026"]);
    assert_eq!(
        july_2026.items[0].starts.to_string(),
        "2026-07-10T00:00:00+03:00"
    );
    assert_eq!(
        july_2026.items[0].ends.to_string(),
        "2026-07-15T00:00:00+03:00"
    );
    let july_2027: MonthBucket = doc(&site, "en/events/month/2027-07.json");
    assert_eq!(slugs(&july_2027), ["slavianski-bazaar-2027"]);
    // Second Saturday of November, at the same time of day.
    let november_2027: MonthBucket = doc(&site, "en/events/month/2027-11.json");
    assert_eq!(november_2027.items[0].slug, "listapad-2027");
    assert_eq!(
        november_2027.items[0].starts.to_string(),
        "2027-11-13T18:00:00+03:00"
    );
    assert!(!site.files.contains_key("en/events/month/2025-07.json"));
    assert!(site.files.contains_key("ru/events/listapad-2026.json"));
    assert!(!site.files.contains_key("ru/events/listapad.json"));
}

#[test]
fn the_event_pages_calendar_files_and_the_upcoming_feed_describe_each_event() {
    let fixture = fixture_with(&[
        (
            "organ",
            event_toml(
                "concerts",
                "minsk-city",
                "2026-12-12T19:00",
                Some("2026-12-12T21:30"),
                "",
            ),
        ),
        (
            "open-end",
            event_toml("concerts", "minsk-city", "2026-12-13T12:00", None, ""),
        ),
        (
            "past-fair",
            event_toml("fairs", "grodno", "2026-10-01", Some("2026-10-03"), ""),
        ),
        (
            "winter-fair",
            event_toml("fairs", "grodno", "2026-12-20", Some("2027-01-07"), ""),
        ),
        (
            LONG_SLUG,
            event_toml("concerts", "minsk-city", "2026-12-14T18:00", None, ""),
        ),
    ]);
    let site = build(&fixture);
    let text = |path: &str| String::from_utf8(site.files[path].clone()).unwrap();
    // No calendar file per event is published: the event page makes it
    // from the event's document, stamped when it is shown (here the build
    // date, as the feeds are).
    let per_event: Vec<&String> = site
        .files
        .keys()
        .filter(|path| path.ends_with(".ics") && !path.ends_with("calendar.ics"))
        .collect();
    assert_eq!(per_event, Vec::<&String>::new());
    let page_file = |lang: &str, slug: &str| {
        let event: Event = doc(&site, &format!("{lang}/events/{slug}.json"));
        let page = format!("http://127.0.0.1:8080/{lang}/events/{slug}");
        let built = Date::new(2026, 11, 29).unwrap().to_days() * 86_400;
        ics::calendar(
            ics_zone(),
            ics_stamp(built),
            None,
            &[event.ics_entry(&page)],
        )
    };
    let organ = page_file("en", "organ");
    assert!(
        organ.contains("\r\nDTSTART;TZID=Europe/Minsk:20261212T190000\r\n"),
        "{organ}"
    );
    assert!(organ.contains("\r\nDTEND;TZID=Europe/Minsk:20261212T213000\r\n"));
    assert!(organ.contains("\r\nUID:organ@events.portal\r\n"));
    assert!(organ.contains("\r\nDTSTAMP:20261129T000000Z\r\n"));
    assert!(organ.contains("\r\nSUMMARY:Title\\, with comma\r\n"));
    assert!(organ.contains("\r\nDESCRIPTION:Summary\\; with semicolon\r\n"));
    assert!(organ.contains("\r\nTZID:Europe/Minsk\r\n"));
    let open_end = page_file("en", "open-end");
    assert!(!open_end.contains("DTEND"), "{open_end}");
    let fair = page_file("ru", "winter-fair");
    assert!(fair.contains("\r\nDTSTART;VALUE=DATE:20261220\r\n"));
    assert!(fair.contains("\r\nDTEND;VALUE=DATE:20270108\r\n"));
    assert!(fair.contains("\r\nSUMMARY:Заголовок\r\n"));
    let feed = text("be/events/calendar.ics");
    assert_eq!(
        feed.matches("BEGIN:VEVENT").count(),
        4,
        "the past fair is left out"
    );
    assert!(feed.contains("X-WR-CALNAME:Падзеі ў Беларусі"));

    // Every event has the URL of its page on the public origin (the
    // default one here), read back by an independent parser; a long one is
    // folded at 75 octets like every line.
    let long = page_file("ru", LONG_SLUG);
    assert!(long.split("\r\n").all(|line| line.len() <= 75), "{long}");
    assert!(
        !long.contains(&format!("/ru/events/{LONG_SLUG}\r\n")),
        "{long}"
    );
    for (lang, file, expected) in [
        ("en", organ.clone(), vec!["organ"]),
        ("ru", long.clone(), vec![LONG_SLUG]),
        (
            "be",
            feed.clone(),
            vec!["organ", "open-end", LONG_SLUG, "winter-fair"],
        ),
    ] {
        let mut parser = ical::IcalParser::new(file.as_bytes());
        let calendar = parser.next().expect("a calendar").expect("it parses");
        let urls: Vec<String> = calendar
            .events
            .iter()
            .map(|event| {
                let url = event.properties.iter().find(|p| p.name == "URL");
                url.and_then(|p| p.value.clone()).expect("a URL")
            })
            .collect();
        let pages: Vec<String> = expected
            .iter()
            .map(|slug| format!("http://127.0.0.1:8080/{lang}/events/{slug}"))
            .collect();
        assert_eq!(urls, pages, "{file}");
    }

    // The feed's entry for an event is the event page's, line for line.
    let vevents = |text: &str| -> Vec<String> {
        text.split("BEGIN:VEVENT\r\n")
            .skip(1)
            .map(|rest| {
                rest.split("END:VEVENT\r\n")
                    .next()
                    .unwrap_or("")
                    .to_string()
            })
            .collect()
    };
    let feed_entries = vevents(&feed);
    for (at, slug) in ["organ", "open-end", LONG_SLUG, "winter-fair"]
        .iter()
        .enumerate()
    {
        assert_eq!(
            vevents(&page_file("be", slug)),
            vec![feed_entries[at].clone()],
            "{slug}"
        );
    }
}

/// Long enough that `URL:` and the event's page do not fit on one line.
const LONG_SLUG: &str = "an-evening-of-belarusian-chamber-music-with-the-state-orchestra";

#[test]
fn refuses_bad_events_with_file_and_line() {
    let cases: Vec<(String, &str)> = vec![
        (
            event_toml("concerts", "minsk-city", "2026-12-12T19:00", None, "")
                .replace("lat = 53.9", "lat = 48.85"),
            "events/bad/event.toml:20: `venue.lat` 48.85 is outside Belarus",
        ),
        (
            event_toml("opera", "minsk-city", "2026-12-12", None, ""),
            "events/bad/event.toml:1: unknown category \"opera\"",
        ),
        (
            event_toml("fairs", "paris", "2026-12-12", None, ""),
            "events/bad/event.toml:2: unknown region \"paris\"",
        ),
        (
            event_toml("fairs", "grodno", "2026-12-32", None, ""),
            "events/bad/event.toml:3: `starts` \"2026-12-32\" is not a date",
        ),
        (
            event_toml("fairs", "grodno", "2026-12-12", Some("2026-12-10"), ""),
            "events/bad/event.toml:4: `ends` (the last day) is before `starts`",
        ),
        (
            event_toml(
                "fairs",
                "grodno",
                "2026-12-12",
                Some("2026-12-12T10:00"),
                "",
            ),
            "events/bad/event.toml:4: `starts` and `ends` must both be dates",
        ),
        (
            event_toml(
                "fairs",
                "grodno",
                "2026-12-12",
                None,
                "repeat = \"monthly\"",
            ),
            "events/bad/event.toml:5: unknown repeat \"monthly\"",
        ),
        (
            event_toml("fairs", "grodno", "2026-12-12", None, "")
                .replace("be = \"Загаловак\"", "be = \"\""),
            "events/bad/event.toml:7: `title` needs a non-empty be text",
        ),
        (
            event_toml("fairs", "grodno", "2026-12-12", None, "")
                .replace("src = \"media/castle.svg\"", "src = \"media/none.svg\""),
            "events/bad/event.toml:24: image \"media/none.svg\" not found",
        ),
    ];
    for (toml, expected) in cases {
        let fixture = fixture_with(&[("bad", toml)]);
        let errors = refused(&fixture);
        assert!(
            errors.iter().any(|e| e.starts_with(expected)),
            "expected {expected:?} in {errors:#?}"
        );
    }
    let fixture = fixture_with(&[(
        "month",
        event_toml("fairs", "grodno", "2026-12-12", None, ""),
    )]);
    assert!(refused(&fixture)[0].contains("the slug \"month\" is reserved"));
    let fixture = fixture_with(&[("ok", event_toml("fairs", "grodno", "2026-12-12", None, ""))]);
    fixture.write("events/ok/en.md", "<b>html</b>\n");
    assert!(refused(&fixture)[0].starts_with("events/ok/en.md:1: "));
}
