//! From checked events to their API documents: occurrences of repeating
//! events, month buckets, the events index, the upcoming list, one detail
//! document per occurrence, and the subscribable calendars (every upcoming
//! event, and one per category and per region). One event's calendar file
//! is not published: the event page makes it from the detail document
//! ([`Event::ics_data_url`]).

use std::collections::BTreeMap;

use portal_calendar::ics::{self, IcsEvent};
use portal_calendar::{Date, YearMonth};
use portal_contract::events::{covered_days, ics_zone, EVENT_TIME_ZONE};
use portal_contract::{
    paths, urls, Block, Category, Event, EventSummary, EventsIndex, Image, Lang, MonthBucket,
    MonthEntry, Organiser, Timestamp, UpcomingEvents, Venue,
};
use portal_i18n::{feed_texts, fill};

use crate::categories::Categories;
use crate::error::ContentError;
use crate::event_file::EventDef;
use crate::item_recipes::{item_print, listing_recipe};
use crate::media::MediaLibrary;
use crate::origin::PublicOrigin;
use crate::output::{Output, Part};
use crate::recurrence;
use crate::tree_manifest::Hash;

/// How many events the upcoming list holds.
pub const UPCOMING_COUNT: usize = 12;
/// How many related events an event page lists.
pub const RELATED_EVENTS: usize = 4;

/// One dated occurrence of an event definition.
#[derive(Debug, Clone, PartialEq)]
pub struct Occurrence<'a> {
    pub slug: String,
    pub def: &'a EventDef,
    pub starts: Timestamp,
    pub ends: Timestamp,
}

impl Occurrence<'_> {
    pub fn days(&self) -> (Date, Date) {
        covered_days(&self.starts, &self.ends)
    }
}

fn shift(ts: Timestamp, days: i64) -> Timestamp {
    let date = ts.date().add_days(days);
    Timestamp {
        year: date.year,
        month: date.month,
        day: date.day,
        ..ts
    }
}

/// Every occurrence to publish, in start order (then slug). A repeating
/// event becomes `{slug}-{year}` for each year its rule falls in the window
/// around `today`. Two occurrences with one slug are reported.
pub fn occurrences(
    defs: &[EventDef],
    today: Date,
) -> Result<Vec<Occurrence<'_>>, Vec<ContentError>> {
    let mut out = Vec::new();
    for def in defs {
        match def.repeat {
            None => out.push(Occurrence {
                slug: def.slug.clone(),
                def,
                starts: def.starts,
                ends: def.ends,
            }),
            Some(repeat) => {
                let authored = def.starts.date();
                for date in recurrence::occurrences(authored, repeat, today) {
                    let days = date.to_days() - authored.to_days();
                    out.push(Occurrence {
                        slug: format!("{}-{}", def.slug, date.year),
                        def,
                        starts: shift(def.starts, days),
                        ends: shift(def.ends, days),
                    });
                }
            }
        }
    }
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    let mut errors = Vec::new();
    for occurrence in &out {
        if let Some(first) = seen.insert(&occurrence.slug, &occurrence.def.path) {
            errors.push(ContentError::new(
                occurrence.def.path.clone(),
                1,
                format!(
                    "the event slug {:?} is also produced by {first}; rename one of them",
                    occurrence.slug
                ),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    out.sort_by(|a, b| (a.starts.unix_seconds(), &a.slug).cmp(&(b.starts.unix_seconds(), &b.slug)));
    Ok(out)
}

/// What the events documents are built from.
pub struct EventsInput<'a> {
    pub occurrences: &'a [Occurrence<'a>],
    /// For reading the descriptions again (see [`crate::body`]).
    pub media: &'a MediaLibrary,
    pub categories: &'a Categories,
    pub regions: &'a Categories,
    pub today: Date,
    /// Where the event pages are public: the `URL` of every calendar entry.
    pub origin: &'a PublicOrigin,
    /// What every document also depends on (see `build::recipe_context`).
    pub context: &'a Hash,
}

/// The print of an occurrence as the documents of `lang` show it (see
/// [`crate::item_recipes`]).
fn print(input: &EventsInput<'_>, o: &Occurrence<'_>, lang: Lang) -> Hash {
    item_print(
        input.context,
        "event",
        &o.def.folder,
        &o.slug,
        Some((&o.starts, &o.ends)),
        lang,
        &[
            input.categories.name_in(&o.def.category, lang),
            input.regions.name_in(&o.def.region, lang),
        ],
    )
}

/// Prints listed without anything beside them.
fn plain<'p>(prints: &'p [Hash], items: &'p [usize]) -> impl Iterator<Item = (&'p Hash, &'p [u8])> {
    items.iter().map(move |&i| (&prints[i], &[][..]))
}

fn summary(input: &EventsInput<'_>, o: &Occurrence<'_>, lang: Lang) -> EventSummary {
    let def = o.def;
    EventSummary {
        slug: o.slug.clone(),
        title: def.title.get(lang).to_string(),
        summary: def.summary.get(lang).to_string(),
        category: input.categories.named(&def.category, lang),
        region: input.regions.named(&def.region, lang),
        starts: o.starts,
        ends: o.ends,
        all_day: def.all_day,
        venue: def.venue_name.get(lang).to_string(),
        free: def.price.is_none(),
    }
}

/// Events not over before the start of `today` in Minsk.
fn is_upcoming(o: &Occurrence<'_>, today: Date) -> bool {
    o.days().1 >= today
}

/// The months an occurrence overlaps, first to last.
fn months_of(o: &Occurrence<'_>) -> Vec<YearMonth> {
    let (first, last) = o.days();
    let mut months = vec![first.year_month()];
    while let Some(&month) = months.last() {
        if month >= last.year_month() {
            break;
        }
        months.push(month.next());
    }
    months
}

/// The events to suggest beside each occurrence: the closest in start
/// time, the same category first on a tie, then by slug; listed in start
/// order. Built once from the occurrences in start order, so each answer
/// comes from its neighbours (see [`crate::related::nearest_in_time`]).
pub struct RelatedEvents<'o, 'a> {
    occurrences: &'o [Occurrence<'a>],
    /// Occurrence numbers by start time.
    by_start: Vec<usize>,
    /// Each occurrence's place in `by_start`.
    place: Vec<usize>,
}

impl<'o, 'a> RelatedEvents<'o, 'a> {
    pub fn new(occurrences: &'o [Occurrence<'a>]) -> Self {
        let mut by_start: Vec<usize> = (0..occurrences.len()).collect();
        by_start.sort_by_key(|&i| (occurrences[i].starts.unix_seconds(), i));
        let mut place = vec![0; occurrences.len()];
        for (at, &i) in by_start.iter().enumerate() {
            place[i] = at;
        }
        Self {
            occurrences,
            by_start,
            place,
        }
    }

    /// Indices of the events to suggest beside `index`, in start order.
    pub fn related(&self, index: usize) -> Vec<usize> {
        let occurrences = self.occurrences;
        let me = &occurrences[index];
        let my_start = me.starts.unix_seconds();
        let start = |i: usize| occurrences[i].starts.unix_seconds();
        let mut chosen = crate::related::nearest_in_time(
            &self.by_start,
            self.place[index],
            start,
            RELATED_EVENTS,
            |_| true,
            |i| {
                let other = &occurrences[i];
                (
                    (start(i) - my_start).unsigned_abs(),
                    other.def.category != me.def.category,
                    other.slug.as_str(),
                )
            },
        );
        chosen.sort_by_key(|&i| (start(i), i));
        chosen
    }
}

/// Every events document for one language. The months, the event pages
/// and the calendars are made through [`Output::put_made`] from their
/// recipes (see [`crate::item_recipes`]): in an update only those whose
/// events changed are made again, and none at all when the index's recipe
/// (everything the language's events are made from) is the one on record
/// ([`Part::Unchanged`]).
pub fn documents(input: &EventsInput<'_>, lang: Lang, out: &Output) -> Result<Part, String> {
    let occurrences = input.occurrences;
    let prints: Vec<Hash> = occurrences.iter().map(|o| print(input, o, lang)).collect();
    // The subscribable calendars: every upcoming event, and one per
    // category and one per region (every listed one, even with nothing
    // upcoming: an empty calendar is still a calendar, and a subscription
    // to it must not break).
    let names = feed_texts(lang);
    let calendars: Vec<Calendar<'_>> = std::iter::once(Calendar {
        path: paths::events_calendar(lang),
        name: names.events_calendar_name.to_string(),
        of: Of::All,
    })
    .chain(input.categories.iter().map(|category| Calendar {
        path: paths::events_category_calendar(lang, &category.slug),
        name: fill(
            names.events_category_calendar_name,
            &[("category", category.name(lang))],
        ),
        of: Of::Category(&category.slug),
    }))
    .chain(input.regions.iter().map(|region| Calendar {
        path: paths::events_region_calendar(lang, &region.slug),
        name: fill(
            names.events_region_calendar_name,
            &[("region", region.name(lang))],
        ),
        of: Of::Region(&region.slug),
    }))
    .collect();
    // Every occurrence by its print (its folder, slug, dates and list
    // names, and the context), the build date (what is upcoming), the
    // origin and the calendars' names: all this language's events
    // documents are made from. The index has it as its recipe; kept, so is
    // everything else.
    let whole_recipe = {
        let mut own = input.context.to_vec();
        serde_json::to_writer(
            &mut own,
            &(
                lang,
                input.today.to_string(),
                input.origin.as_str(),
                &calendars,
            ),
        )
        .map_err(|error| format!("the {lang} events: {error}"))?;
        let every: Vec<usize> = (0..occurrences.len()).collect();
        listing_recipe("events", &own, plain(&prints, &every))
    };
    let key = paths::events_index(lang);
    if out.has_made(&key, &whole_recipe) {
        let dir = paths::events_dir(lang);
        return Ok(Part::Unchanged {
            dir,
            key,
            recipe: whole_recipe,
        });
    }
    // Each summary made where it is listed, not all kept for the whole
    // job: a list took a copy of each anyway, and 158,000 events' worth
    // in each language's job was memory at the build's peak.
    let summary_of = |i: usize| summary(input, &occurrences[i], lang);

    let mut buckets: BTreeMap<YearMonth, Vec<usize>> = BTreeMap::new();
    for (index, occurrence) in occurrences.iter().enumerate() {
        for month in months_of(occurrence) {
            buckets.entry(month).or_default().push(index);
        }
    }
    let mut months = Vec::new();
    for (month, indices) in &buckets {
        let mut pairs: Vec<String> = indices
            .iter()
            .map(|&i| {
                format!(
                    "{}/{}",
                    occurrences[i].def.category, occurrences[i].def.region
                )
            })
            .collect();
        pairs.sort();
        pairs.dedup();
        months.push(MonthEntry {
            month: month.to_string(),
            count: indices.len() as u32,
            pairs,
        });
        let path = paths::events_month(lang, *month);
        let recipe = listing_recipe("events-month", path.as_bytes(), plain(&prints, indices));
        out.put_made(path.clone(), recipe, || {
            let bucket = MonthBucket {
                month: month.to_string(),
                items: indices.iter().map(|&i| summary_of(i)).collect(),
            };
            serde_json::to_vec(&bucket).map_err(|error| format!("{path}: {error}"))
        })?;
    }

    let counted = |list: &Categories, key: fn(&EventDef) -> &str| -> Vec<Category> {
        list.iter()
            .map(|entry| Category {
                slug: entry.slug.clone(),
                name: entry.name(lang).to_string(),
                count: occurrences
                    .iter()
                    .filter(|o| key(o.def) == entry.slug)
                    .count() as u32,
            })
            .collect()
    };
    let index = EventsIndex {
        categories: counted(input.categories, |d| &d.category),
        regions: counted(input.regions, |d| &d.region),
        months,
    };
    let index_path = paths::events_index(lang);
    out.put_made(index_path.clone(), whole_recipe, || {
        serde_json::to_vec(&index).map_err(|error| format!("{index_path}: {error}"))
    })?;

    let upcoming: Vec<usize> = (0..occurrences.len())
        .filter(|&i| is_upcoming(&occurrences[i], input.today))
        .collect();
    let list = UpcomingEvents {
        items: upcoming
            .iter()
            .take(UPCOMING_COUNT)
            .map(|&i| summary_of(i))
            .collect(),
    };
    out.put_json(paths::events_upcoming(lang), &list)?;

    let related_events = RelatedEvents::new(occurrences);
    // They list the upcoming events, stamped with the build date, linking
    // to the public origin, named in `lang`: one recipe for all of them.
    // Kept, the event pages need not be made for their entries.
    let calendars_recipe = {
        let mut own = input.context.to_vec();
        serde_json::to_writer(
            &mut own,
            &(input.today.to_string(), input.origin.as_str(), &calendars),
        )
        .map_err(|error| format!("the {lang} calendars: {error}"))?;
        listing_recipe("events-calendars", &own, plain(&prints, &upcoming))
    };
    let calendars_kept = calendars
        .iter()
        .all(|calendar| out.has_made(&calendar.path, &calendars_recipe));
    // The subscribable calendars' entries, in `upcoming`'s order, made
    // from the detail documents as the event page makes its calendar file
    // ([`Event::ics_entry`]), so the two never differ.
    let mut feed: Vec<IcsEvent> = Vec::new();
    let mut next_upcoming = upcoming.iter().peekable();
    for (index, occurrence) in occurrences.iter().enumerate() {
        let related = related_events.related(index);
        let recipe = listing_recipe("event", &prints[index], plain(&prints, &related));
        let make = || -> Result<Event, String> {
            let (body_lang, body) = occurrence.def.body(lang);
            let body = (body_lang, body.blocks(input.media)?.into_owned());
            Ok(detail(
                occurrence,
                summary_of(index),
                related.iter().map(|&i| summary_of(i)).collect(),
                lang,
                body,
                input.media,
            ))
        };
        let path = paths::event(lang, &occurrence.slug);
        let serialised = |document: &Event| {
            serde_json::to_vec(document).map_err(|error| format!("{path}: {error}"))
        };
        if !calendars_kept && next_upcoming.next_if_eq(&&index).is_some() {
            let document = make()?;
            let page = input.origin.page(&urls::event(lang, &occurrence.slug));
            feed.push(document.ics_entry(&page));
            out.put_made(path.clone(), recipe, || serialised(&document))?;
        } else {
            out.put_made(path.clone(), recipe, || serialised(&make()?))?;
        }
    }
    debug_assert!(
        calendars_kept || feed.len() == upcoming.len(),
        "an entry per upcoming event"
    );

    for calendar in calendars {
        out.put_made(calendar.path, calendars_recipe, || {
            let events: Vec<IcsEvent> = upcoming
                .iter()
                .zip(&feed)
                .filter(|(&i, _)| calendar.of.lists(occurrences[i].def))
                .map(|(_, entry)| entry.clone())
                .collect();
            let text = ics::calendar(
                ics_zone(),
                stamp(input.today),
                Some(&calendar.name),
                &events,
            );
            Ok(text.into_bytes())
        })?;
    }
    Ok(Part::Made)
}

/// One subscribable calendar of a language: where, its name, and which
/// upcoming events it lists.
#[derive(serde::Serialize)]
struct Calendar<'a> {
    path: String,
    name: String,
    of: Of<'a>,
}

/// Which upcoming events a calendar lists.
#[derive(serde::Serialize)]
enum Of<'a> {
    All,
    Category(&'a str),
    Region(&'a str),
}

impl Of<'_> {
    fn lists(&self, def: &EventDef) -> bool {
        match self {
            Of::All => true,
            Of::Category(slug) => def.category == *slug,
            Of::Region(slug) => def.region == *slug,
        }
    }
}

fn detail(
    o: &Occurrence<'_>,
    summary: EventSummary,
    related: Vec<EventSummary>,
    lang: Lang,
    (body_lang, body): (Lang, Vec<Block>),
    media: &MediaLibrary,
) -> Event {
    let def = o.def;
    Event {
        slug: summary.slug,
        lang,
        title: summary.title,
        summary: summary.summary,
        category: summary.category,
        region: summary.region,
        starts: o.starts,
        ends: o.ends,
        all_day: def.all_day,
        time_zone: EVENT_TIME_ZONE.to_string(),
        venue: Venue {
            name: def.venue_name.get(lang).to_string(),
            address: def.venue_address.get(lang).to_string(),
            lat: def.lat,
            lon: def.lon,
        },
        price: def.price.as_ref().map(|p| p.get(lang).to_string()),
        organiser: def.organiser.as_ref().map(|name| Organiser {
            name: name.get(lang).to_string(),
            url: def.organiser_url.clone(),
        }),
        image: media.dress(Image {
            src: def.image_src.clone(),
            width: def.image_size.0,
            height: def.image_size.1,
            alt: def.image_alt.get(lang).to_string(),
            caption: None,
            credit: None,
            photo: None,
        }),
        body,
        body_lang,
        related,
    }
}

/// DTSTAMP: the build date at midnight UTC, so a rebuild of the same content
/// on the same day writes the same bytes.
fn stamp(today: Date) -> (Date, u8, u8, u8) {
    (today, 0, 0, 0)
}
