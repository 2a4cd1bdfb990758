//! One event folder checked on its own: `event.toml` (facts and short texts
//! in every language) and its Markdown descriptions. Checks against other
//! events (expanded slugs) happen in `events_build`.

use portal_calendar::Date;
use portal_contract::paths::RESERVED_EVENT_SLUGS;
use portal_contract::{Lang, Timestamp};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::belarus::{BELARUS_LAT, BELARUS_LON, MINSK_OFFSET_MINUTES};
use crate::categories::Categories;
use crate::error::{line_of_offset, LineError};
use crate::folder::{body_in, report_missing, require_english};
use crate::front_matter::MAX_LEAD_CHARS;
use crate::media::{Lookup, MediaLibrary};
use crate::recurrence::Repeat;
use crate::texts::{read_texts, RawTexts, Texts};
use crate::tree_manifest::Hash;

/// An event folder as read from disk.
pub type EventSource = crate::folder::FolderSource;

/// A checked event, as authored (one occurrence when it repeats). Kept
/// between builds by [`crate::folder_cache`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDef {
    pub slug: String,
    pub path: String,
    pub category: String,
    pub region: String,
    pub starts: Timestamp,
    /// Exclusive; equal to `starts` for a timed event without an end.
    pub ends: Timestamp,
    pub all_day: bool,
    pub repeat: Option<Repeat>,
    pub title: Texts,
    pub summary: Texts,
    pub image_src: String,
    pub image_size: (u32, u32),
    pub image_alt: Texts,
    pub venue_name: Texts,
    pub venue_address: Texts,
    pub lat: f64,
    pub lon: f64,
    pub price: Option<Texts>,
    pub organiser: Option<Texts>,
    pub organiser_url: Option<String>,
    /// Descriptions by language; English is always there.
    #[serde(with = "crate::folder_cache::kept_bodies")]
    pub bodies: crate::folder::Bodies,
    /// The folder's files as checked ([`crate::folder::FolderSource::print`]).
    pub folder: Hash,
}

impl EventDef {
    /// The description in `lang`, or the English one, with its language.
    pub fn body(&self, lang: Lang) -> (Lang, &crate::body::Body) {
        body_in(&self.bodies, lang)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    category: Option<Spanned<String>>,
    region: Option<Spanned<String>>,
    starts: Option<Spanned<String>>,
    ends: Option<Spanned<String>>,
    repeat: Option<Spanned<String>>,
    organiser_url: Option<Spanned<String>>,
    title: Option<Spanned<RawTexts>>,
    summary: Option<Spanned<RawTexts>>,
    image: Option<Spanned<RawImage>>,
    venue: Option<Spanned<RawVenue>>,
    price: Option<Spanned<RawTexts>>,
    organiser: Option<Spanned<RawTexts>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawImage {
    src: Option<Spanned<String>>,
    alt: Option<Spanned<RawTexts>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVenue {
    name: Option<Spanned<RawTexts>>,
    address: Option<Spanned<RawTexts>>,
    lat: Option<Spanned<f64>>,
    lon: Option<Spanned<f64>>,
}

/// A start or end as written: a date, or a date with a Minsk time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Written {
    Day(Date),
    Time(Date, u8, u8),
}

/// `2026-12-12` or `2026-12-12T19:00`.
fn parse_written(text: &str) -> Option<Written> {
    match text.split_once('T') {
        None => Date::parse(text).map(Written::Day),
        Some((date, time)) => {
            let date = Date::parse(date)?;
            let (h, m) = time.split_once(':')?;
            let two = |s: &str| {
                (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| s.parse::<u8>().ok())
                    .flatten()
            };
            let (h, m) = (two(h)?, two(m)?);
            (h < 24 && m < 60).then_some(Written::Time(date, h, m))
        }
    }
}

fn minsk(date: Date, hour: u8, minute: u8) -> Timestamp {
    Timestamp {
        year: date.year,
        month: date.month,
        day: date.day,
        hour,
        minute,
        second: 0,
        offset_minutes: MINSK_OFFSET_MINUTES,
    }
}

/// What an event is checked against.
pub struct Lists<'a> {
    pub categories: &'a Categories,
    pub regions: &'a Categories,
    pub media: &'a MediaLibrary,
}

/// Checks one event folder. Errors carry the path they belong to (the TOML
/// file or a description), with lines within it.
pub fn parse_event(
    source: &EventSource,
    lists: &Lists<'_>,
) -> (Option<EventDef>, Vec<(String, LineError)>) {
    let (bodies, mut errors) = source.parse_bodies(lists.media, "description");
    let folder = source.print(&bodies);
    let (event, toml_errors) = parse_toml(source, lists, bodies, folder);
    errors.extend(toml_errors.into_iter().map(|e| (source.path.clone(), e)));
    (event, errors)
}

fn parse_toml(
    source: &EventSource,
    lists: &Lists<'_>,
    bodies: crate::folder::Bodies,
    folder_print: Hash,
) -> (Option<EventDef>, Vec<LineError>) {
    let text = source.toml.as_str();
    let line_at = |offset: usize| line_of_offset(text, offset);
    let raw: RawEvent = match source.read_facts() {
        Ok(raw) => raw,
        Err(error) => return (None, vec![error]),
    };
    let mut errors = Vec::new();
    let (Some(category), Some(region), Some(starts), Some(title), Some(summary)) = (
        raw.category.as_ref(),
        raw.region.as_ref(),
        raw.starts.as_ref(),
        raw.title.as_ref(),
        raw.summary.as_ref(),
    ) else {
        let fields = [
            ("category", raw.category.is_some()),
            ("region", raw.region.is_some()),
            ("starts", raw.starts.is_some()),
            ("title", raw.title.is_some()),
            ("summary", raw.summary.is_some()),
        ];
        report_missing(&fields, &mut errors);
        return (None, errors);
    };
    let (Some(image), Some(venue)) = (raw.image.as_ref(), raw.venue.as_ref()) else {
        let fields = [
            ("[image]", raw.image.is_some()),
            ("[venue]", raw.venue.is_some()),
        ];
        report_missing(&fields, &mut errors);
        return (None, errors);
    };

    let title_texts = read_texts(
        "title",
        title.get_ref(),
        line_at(title.span().start),
        None,
        &mut errors,
    );
    let summary_texts = read_texts(
        "summary",
        summary.get_ref(),
        line_at(summary.span().start),
        Some(MAX_LEAD_CHARS),
        &mut errors,
    );
    let price = raw.price.as_ref().map(|p| {
        read_texts(
            "price",
            p.get_ref(),
            line_at(p.span().start),
            None,
            &mut errors,
        )
    });
    let organiser = raw.organiser.as_ref().map(|o| {
        read_texts(
            "organiser",
            o.get_ref(),
            line_at(o.span().start),
            None,
            &mut errors,
        )
    });

    let image_line = line_at(image.span().start);
    let image_alt = match &image.get_ref().alt {
        Some(alt) => read_texts(
            "image.alt",
            alt.get_ref(),
            line_at(alt.span().start),
            None,
            &mut errors,
        ),
        None => {
            errors.push(LineError::new(
                image_line,
                "missing required field `image.alt`",
            ));
            Texts::default()
        }
    };
    let venue_line = line_at(venue.span().start);
    let venue_name = match &venue.get_ref().name {
        Some(name) => read_texts(
            "venue.name",
            name.get_ref(),
            line_at(name.span().start),
            None,
            &mut errors,
        ),
        None => {
            errors.push(LineError::new(
                venue_line,
                "missing required field `venue.name`",
            ));
            Texts::default()
        }
    };
    let venue_address = match &venue.get_ref().address {
        Some(address) => read_texts(
            "venue.address",
            address.get_ref(),
            line_at(address.span().start),
            None,
            &mut errors,
        ),
        None => {
            errors.push(LineError::new(
                venue_line,
                "missing required field `venue.address`",
            ));
            Texts::default()
        }
    };

    let mut image_size = (0, 0);
    let image_src = match &image.get_ref().src {
        Some(src) => {
            match lists.media.lookup(src.get_ref()) {
                Lookup::Found(size) => image_size = (size.width, size.height),
                Lookup::Broken => {}
                Lookup::Refused(reason) => {
                    errors.push(LineError::new(line_at(src.span().start), reason))
                }
            }
            src.get_ref().clone()
        }
        None => {
            errors.push(LineError::new(
                image_line,
                "missing required field `image.src`",
            ));
            String::new()
        }
    };

    let mut coordinate = |name: &str, value: &Option<Spanned<f64>>, (lo, hi): (f64, f64)| -> f64 {
        match value {
            None => {
                errors.push(LineError::new(
                    venue_line,
                    format!("missing required field `venue.{name}`"),
                ));
                0.0
            }
            Some(v) if !(lo..=hi).contains(v.get_ref()) => {
                errors.push(LineError::new(
                    line_at(v.span().start),
                    format!(
                        "`venue.{name}` {} is outside Belarus (expected {lo} to {hi})",
                        v.get_ref()
                    ),
                ));
                0.0
            }
            Some(v) => *v.get_ref(),
        }
    };
    let lat = coordinate("lat", &venue.get_ref().lat, BELARUS_LAT);
    let lon = coordinate("lon", &venue.get_ref().lon, BELARUS_LON);

    for (what, value, list, file) in [
        (
            "category",
            category,
            lists.categories,
            "event-categories.toml",
        ),
        ("region", region, lists.regions, "regions.toml"),
    ] {
        if list.get(value.get_ref()).is_none() {
            errors.push(LineError::new(
                line_at(value.span().start),
                format!(
                    "unknown {what} {:?}; {file} defines: {}",
                    value.get_ref(),
                    list.slugs()
                ),
            ));
        }
    }

    let repeat = match &raw.repeat {
        None => None,
        Some(r) => match Repeat::parse(r.get_ref()) {
            Some(repeat) => Some(repeat),
            None => {
                errors.push(LineError::new(
                    line_at(r.span().start),
                    format!(
                        "unknown repeat {:?}: use \"yearly\" or \"yearly-weekday\"",
                        r.get_ref()
                    ),
                ));
                None
            }
        },
    };
    if RESERVED_EVENT_SLUGS.contains(&source.slug.as_str()) {
        errors.push(LineError::new(
            1,
            format!("the slug {:?} is reserved; rename the folder", source.slug),
        ));
    }
    if repeat.is_some() && ends_with_year(&source.slug) {
        errors.push(LineError::new(
            line_at(raw.repeat.as_ref().map_or(0, |r| r.span().start)),
            "a repeating event's slug must not end in a year: the publisher adds `-{year}` to each occurrence",
        ));
    }

    let organiser_url = raw.organiser_url.as_ref().map(|url| {
        let value = url.get_ref().trim();
        if !value.starts_with("https://") && !value.starts_with("http://") {
            errors.push(LineError::new(
                line_at(url.span().start),
                "`organiser_url` must be an http(s) address",
            ));
        }
        value.to_string()
    });

    let start_line = line_at(starts.span().start);
    let written_start = parse_written(starts.get_ref());
    let written_end = raw
        .ends
        .as_ref()
        .map(|e| (parse_written(e.get_ref()), line_at(e.span().start)));
    let times = match (written_start, written_end) {
        (None, _) => {
            errors.push(LineError::new(
                start_line,
                format!(
                    "`starts` {:?} is not a date (2026-12-12) or a Minsk time (2026-12-12T19:00)",
                    starts.get_ref()
                ),
            ));
            None
        }
        (_, Some((None, line))) => {
            errors.push(LineError::new(
                line,
                "`ends` is not a date (2026-12-14) or a Minsk time (2026-12-12T21:30)",
            ));
            None
        }
        (Some(Written::Day(first)), None) => {
            Some((minsk(first, 0, 0), minsk(first.add_days(1), 0, 0), true))
        }
        (Some(Written::Day(first)), Some((Some(Written::Day(last)), line))) => {
            if last < first {
                errors.push(LineError::new(
                    line,
                    "`ends` (the last day) is before `starts`",
                ));
            }
            Some((
                minsk(first, 0, 0),
                minsk(last.max(first).add_days(1), 0, 0),
                true,
            ))
        }
        (Some(Written::Time(date, h, m)), None) => {
            let at = minsk(date, h, m);
            Some((at, at, false))
        }
        (Some(Written::Time(d1, h1, m1)), Some((Some(Written::Time(d2, h2, m2)), line))) => {
            let (a, b) = (minsk(d1, h1, m1), minsk(d2, h2, m2));
            if b.unix_seconds() <= a.unix_seconds() {
                errors.push(LineError::new(line, "`ends` is not after `starts`"));
            }
            Some((a, b, false))
        }
        (Some(_), Some((Some(_), line))) => {
            errors.push(LineError::new(
                line,
                "`starts` and `ends` must both be dates (all day) or both be times",
            ));
            None
        }
    };

    let folder = format!("events/{}", source.slug);
    require_english(&bodies, "description", &folder, &mut errors);

    let Some((starts_at, ends_at, all_day)) = times else {
        return (None, errors);
    };
    let event = EventDef {
        slug: source.slug.clone(),
        path: source.path.clone(),
        category: category.get_ref().clone(),
        region: region.get_ref().clone(),
        starts: starts_at,
        ends: ends_at,
        all_day,
        repeat,
        title: title_texts,
        summary: summary_texts,
        image_src,
        image_size,
        image_alt,
        venue_name,
        venue_address,
        lat,
        lon,
        price,
        organiser,
        organiser_url,
        bodies,
        folder: folder_print,
    };
    (Some(event), errors)
}

/// `listapad-2026`: a slug whose last part is four digits.
fn ends_with_year(slug: &str) -> bool {
    slug.rsplit_once('-')
        .is_some_and(|(_, tail)| tail.len() == 4 && tail.bytes().all(|b| b.is_ascii_digit()))
}
