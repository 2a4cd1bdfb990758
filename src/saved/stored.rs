//! How the saved list is kept in `localStorage`: a JSON array read entry by
//! entry, so one entry this version cannot read (another version's, or
//! damaged) is set aside verbatim and written back, never dropped.

use portal_contract::slug::is_valid_slug;
use serde_json::value::RawValue;

use super::SavedItem;

/// What storage held, read entry by entry.
#[derive(Debug, Default, PartialEq)]
pub struct StoredList {
    /// The entries that read as saved articles, in stored order.
    pub items: Vec<SavedItem>,
    /// Entries that did not (JSON text, verbatim).
    pub unreadable: Vec<String>,
    /// The whole value, when it was not a JSON list.
    pub damaged: Option<String>,
}

/// Reads the stored list entry by entry: one unreadable entry (another
/// version's, or damaged; or with an impossible slug, which would make a
/// broken link) is set aside and the rest kept.
pub fn parse(json: &str) -> StoredList {
    let entries: Vec<Box<RawValue>> = match serde_json::from_str(json) {
        Ok(entries) => entries,
        Err(_) => {
            return StoredList {
                damaged: Some(json.to_owned()),
                ..StoredList::default()
            }
        }
    };
    let mut list = StoredList::default();
    for entry in entries {
        match serde_json::from_str::<SavedItem>(entry.get()) {
            Ok(item) if is_valid_slug(&item.slug) => list.items.push(item),
            _ => list.unreadable.push(entry.get().to_owned()),
        }
    }
    list
}

/// The list as stored: the readable items, then the unreadable entries as
/// they were.
pub fn serialize(items: &[SavedItem], unreadable: &[String]) -> Option<String> {
    let mut entries = Vec::with_capacity(items.len() + unreadable.len());
    for item in items {
        entries.push(serde_json::to_string(item).ok()?);
    }
    entries.extend(unreadable.iter().cloned());
    Some(format!("[{}]", entries.join(",")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::saved::SavedKind;

    const HERO: &str = r#""hero":{"src":"media/a.svg","width":1200,"height":675,"alt":"A"}"#;

    #[test]
    fn entries_from_before_places_and_events_read_as_articles() {
        let old = format!(
            r#"[{{"slug":"mir-castle","lang":"en","title":"Mir","lead":"L","category":"Culture",{HERO},"urls":[],"saved_at":1.0}}]"#
        );
        let list = parse(&old);
        assert_eq!(list.unreadable, Vec::<String>::new());
        assert_eq!(list.items[0].kind, SavedKind::Article);
        // Written back with its kind, and read again the same.
        let again = parse(&serialize(&list.items, &[]).unwrap());
        assert_eq!(again.items, list.items);
    }

    #[test]
    fn places_and_events_round_trip_and_an_unknown_kind_is_kept_aside() {
        let site = format!(
            r#"{{"kind":"site","slug":"nesvizh","lang":"ru","title":"Несвиж","lead":"L","category":"UNESCO",{HERO},"place":{{"lat":53.22,"lon":26.69}}}}"#
        );
        let event = format!(
            r#"{{"kind":"event","slug":"organ","lang":"en","title":"Organ","lead":"L","category":"Music",{HERO},"place":{{"lat":53.9,"lon":27.5,"name":"Hall","address":"Minsk"}},"when":{{"starts":"2026-12-20T19:00:00+03:00","ends":"2026-12-20T21:00:00+03:00","all_day":false}}}}"#
        );
        let future = r#"{"kind":"itinerary","slug":"two-days","lang":"en"}"#;
        let list = parse(&format!("[{site},{future},{event}]"));
        let kinds: Vec<SavedKind> = list.items.iter().map(|item| item.kind).collect();
        assert_eq!(kinds, [SavedKind::Site, SavedKind::Event]);
        assert_eq!(list.unreadable, [future]);
        let written = serialize(&list.items, &list.unreadable).unwrap();
        assert_eq!(parse(&written).items, list.items);
        assert!(written.contains(future));
    }
}
