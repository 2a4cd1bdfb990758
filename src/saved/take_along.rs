//! What the Saved page shows in which order, and the files a reader takes
//! along: the saved places as GPX or KML for a maps app, the saved events
//! as one iCalendar file. Pure functions of the list, tested natively.

use portal_calendar::ics::{self, IcsEvent};
use portal_contract::events::{ics_stamp, ics_uid, ics_when, ics_zone};
use portal_contract::{urls, Lang, SiteSummary};
use portal_export::Place;

use super::{SavedItem, SavedKind};

/// The saved list in the Saved page's three groups.
#[derive(Debug, Default, PartialEq)]
pub struct SavedGroups {
    /// Newest saved first, as stored.
    pub articles: Vec<SavedItem>,
    /// Newest saved first.
    pub places: Vec<SavedItem>,
    /// Soonest first; past events after the others, most recent first, so
    /// the list reads as a plan.
    pub events: Vec<SavedEvent>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SavedEvent {
    pub item: SavedItem,
    /// Over at the moment the groups were made.
    pub past: bool,
}

/// Groups the list at `now` (Unix seconds).
pub fn groups(items: &[SavedItem], now: i64) -> SavedGroups {
    let mut groups = SavedGroups::default();
    for item in items {
        match item.kind {
            SavedKind::Article => groups.articles.push(item.clone()),
            SavedKind::Site => groups.places.push(item.clone()),
            SavedKind::Event => groups.events.push(SavedEvent {
                item: item.clone(),
                past: has_ended(item, now),
            }),
        }
    }
    let starts = |event: &SavedEvent| {
        event
            .item
            .when
            .as_ref()
            .map_or(i64::MAX, |when| when.starts.unix_seconds())
    };
    groups.events.sort_by(|a, b| {
        a.past.cmp(&b.past).then_with(|| {
            if a.past {
                starts(b).cmp(&starts(a))
            } else {
                starts(a).cmp(&starts(b))
            }
        })
    });
    groups
}

/// As `EventSummary::has_ended`: an event with no announced end counts as
/// over a day after it starts. One without a time never is.
fn has_ended(item: &SavedItem, now: i64) -> bool {
    item.when.as_ref().is_some_and(|when| {
        let ends = if when.ends == when.starts {
            when.starts.unix_seconds() + 86_400
        } else {
            when.ends.unix_seconds()
        };
        ends <= now
    })
}

/// The maps apps' formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlacesFormat {
    Gpx,
    Kml,
}

impl PlacesFormat {
    pub fn extension(self) -> &'static str {
        match self {
            PlacesFormat::Gpx => "gpx",
            PlacesFormat::Kml => "kml",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            PlacesFormat::Gpx => "application/gpx+xml",
            PlacesFormat::Kml => "application/vnd.google-earth.kml+xml",
        }
    }

    /// The file of `places`, named `title` inside.
    pub fn write(self, title: &str, places: &[Place<'_>]) -> String {
        match self {
            PlacesFormat::Gpx => portal_export::gpx::gpx(title, places),
            PlacesFormat::Kml => portal_export::kml::kml(title, places),
        }
    }
}

/// A place to export, from the saved list or the guide's list.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceEntry {
    pub name: String,
    pub description: String,
    pub lat: f64,
    pub lon: f64,
    /// Its page in the app (`/en/sites/…`).
    pub href: String,
}

impl PlaceEntry {
    /// A saved site; `None` for anything without a place of its own.
    pub fn from_saved(item: &SavedItem) -> Option<PlaceEntry> {
        let at = item
            .place
            .as_ref()
            .filter(|_| item.kind == SavedKind::Site)?;
        Some(PlaceEntry {
            name: item.title.clone(),
            description: item.lead.clone(),
            lat: at.lat,
            lon: at.lon,
            href: item.href(),
        })
    }

    pub fn from_site(lang: Lang, site: &SiteSummary) -> PlaceEntry {
        PlaceEntry {
            name: site.name.clone(),
            description: site.summary.clone(),
            lat: site.lat,
            lon: site.lon,
            href: urls::site(lang, &site.slug),
        }
    }
}

/// Places as a GPX or KML file named `title` inside; `origin` is the
/// portal's (`https://host`), for the links back.
pub fn places_file(
    format: PlacesFormat,
    title: &str,
    entries: &[PlaceEntry],
    origin: &str,
) -> String {
    let links: Vec<String> = entries
        .iter()
        .map(|entry| format!("{origin}{}", entry.href))
        .collect();
    let places: Vec<Place<'_>> = entries
        .iter()
        .zip(&links)
        .map(|(entry, url)| Place {
            name: &entry.name,
            description: &entry.description,
            lat: entry.lat,
            lon: entry.lon,
            url,
        })
        .collect();
    format.write(title, &places)
}

/// The saved events as one iCalendar file, with the same UIDs as the
/// portal's subscription feeds (an event imported twice is one event).
/// `now` (Unix seconds) is the DTSTAMP.
pub fn events_file(title: &str, events: &[SavedEvent], origin: &str, now: i64) -> String {
    let entries: Vec<IcsEvent> = events
        .iter()
        .filter_map(|event| {
            let item = &event.item;
            let when = item.when.as_ref()?;
            let url = format!("{origin}{}", item.href());
            let location = item.place.as_ref().map_or_else(String::new, |place| {
                [place.name.as_str(), place.address.as_str()]
                    .into_iter()
                    .filter(|part| !part.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ")
            });
            let open_end = !when.all_day && when.ends == when.starts;
            Some(IcsEvent {
                uid: ics_uid(&item.slug),
                start: ics_when(&when.starts, when.all_day),
                end: (!open_end).then(|| ics_when(&when.ends, when.all_day)),
                summary: item.title.clone(),
                description: format!("{}\n\n{url}", item.lead),
                location,
                categories: item.category.clone(),
                geo: item.place.as_ref().map(|place| (place.lat, place.lon)),
                url: Some(url),
            })
        })
        .collect();
    ics::calendar(ics_zone(), ics_stamp(now), Some(title), &entries)
}

#[cfg(test)]
mod tests {
    use portal_contract::{Image, Timestamp};

    use super::*;
    use crate::saved::{SavedPlace, SavedWhen};

    fn item(kind: SavedKind, slug: &str) -> SavedItem {
        SavedItem {
            kind,
            slug: slug.into(),
            lang: Lang::En,
            title: format!("Title of {slug}"),
            lead: "Lead; with, commas".into(),
            category: "Concerts".into(),
            hero: Image {
                src: "media/a.svg".into(),
                width: 1200,
                height: 675,
                alt: "A".into(),
                caption: None,
                credit: None,
                photo: None,
            },
            urls: vec![],
            saved_at: 0.0,
            place: (kind != SavedKind::Article).then(|| SavedPlace {
                lat: 53.9,
                lon: 27.56,
                name: "Philharmonic".into(),
                address: "50 Independence Ave, Minsk".into(),
            }),
            when: None,
        }
    }

    fn event(slug: &str, starts: &str, ends: &str, all_day: bool) -> SavedItem {
        let mut event = item(SavedKind::Event, slug);
        event.when = Some(SavedWhen {
            starts: Timestamp::parse(starts).unwrap(),
            ends: Timestamp::parse(ends).unwrap(),
            all_day,
        });
        event
    }

    /// 2026-12-10 12:00 in Minsk.
    const NOW: i64 = 1_796_893_200;

    #[test]
    fn groups_split_by_kind_and_order_events_as_a_plan() {
        let items = vec![
            item(SavedKind::Site, "mir-castle-complex"),
            event(
                "later",
                "2026-12-20T19:00:00+03:00",
                "2026-12-20T21:00:00+03:00",
                false,
            ),
            item(SavedKind::Article, "news-1"),
            event(
                "long-past",
                "2026-11-01T00:00:00+03:00",
                "2026-11-02T00:00:00+03:00",
                true,
            ),
            event(
                "soon",
                "2026-12-11T00:00:00+03:00",
                "2026-12-12T00:00:00+03:00",
                true,
            ),
            event(
                "just-past",
                "2026-12-09T19:00:00+03:00",
                "2026-12-09T21:00:00+03:00",
                false,
            ),
            // Started this morning, on until tonight: not past.
            event(
                "running",
                "2026-12-10T10:00:00+03:00",
                "2026-12-10T22:00:00+03:00",
                false,
            ),
        ];
        let groups = groups(&items, NOW);
        assert_eq!(groups.articles.len(), 1);
        assert_eq!(groups.places.len(), 1);
        let order: Vec<(&str, bool)> = groups
            .events
            .iter()
            .map(|e| (e.item.slug.as_str(), e.past))
            .collect();
        assert_eq!(
            order,
            [
                ("running", false),
                ("soon", false),
                ("later", false),
                ("just-past", true),
                ("long-past", true),
            ]
        );
    }

    #[test]
    fn an_event_without_an_end_is_over_a_day_after_it_starts() {
        let open = event(
            "open",
            "2026-12-09T19:00:00+03:00",
            "2026-12-09T19:00:00+03:00",
            false,
        );
        assert!(!has_ended(&open, NOW));
        assert!(has_ended(&open, NOW + 86_400));
    }

    #[test]
    fn places_files_link_back_and_leave_out_what_has_no_place() {
        let mut nowhere = item(SavedKind::Site, "nowhere");
        nowhere.place = None;
        let items: Vec<PlaceEntry> = [
            item(SavedKind::Site, "mir-castle-complex"),
            nowhere,
            // An event's venue is not one of the saved places.
            item(SavedKind::Event, "organ-evening"),
        ]
        .iter()
        .filter_map(PlaceEntry::from_saved)
        .collect();
        let gpx = places_file(
            PlacesFormat::Gpx,
            "Saved places",
            &items,
            "https://portal.example.by",
        );
        assert_eq!(gpx.matches("<wpt ").count(), 1);
        assert!(
            gpx.contains("<link href=\"https://portal.example.by/en/sites/mir-castle-complex\">"),
            "{gpx}"
        );
        let kml = places_file(
            PlacesFormat::Kml,
            "Saved places",
            &items,
            "https://portal.example.by",
        );
        assert_eq!(kml.matches("<Placemark>").count(), 1);
        assert!(kml.contains("<coordinates>27.560000,53.900000</coordinates>"));
    }

    #[test]
    fn the_events_file_has_the_feeds_uids_times_and_a_link_back() {
        let events = groups(
            &[
                event(
                    "organ-evening",
                    "2026-12-20T19:00:00+03:00",
                    "2026-12-20T21:00:00+03:00",
                    false,
                ),
                event(
                    "winter-fair",
                    "2026-12-30T00:00:00+03:00",
                    "2027-01-02T00:00:00+03:00",
                    true,
                ),
                item(SavedKind::Event, "no-time"),
            ],
            NOW,
        )
        .events;
        let text = events_file("Saved events", &events, "https://portal.example.by", NOW);
        let unfolded = text.replace("\r\n ", "");
        assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 2);
        assert!(unfolded.contains("UID:organ-evening@events.portal\r\n"));
        assert!(unfolded.contains("DTSTART;TZID=Europe/Minsk:20261220T190000\r\n"));
        assert!(unfolded.contains("DTEND;VALUE=DATE:20270102\r\n"));
        assert!(unfolded.contains("LOCATION:Philharmonic\\, 50 Independence Ave\\, Minsk\r\n"));
        assert!(unfolded.contains("URL:https://portal.example.by/en/events/winter-fair\r\n"));
        assert!(
            unfolded.contains("DTSTAMP:20261210T090000Z\r\n"),
            "{unfolded}"
        );
        assert!(unfolded.contains("X-WR-CALNAME:Saved events\r\n"));
    }
}
