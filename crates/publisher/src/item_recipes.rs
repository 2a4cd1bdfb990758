//! Recipes of the events' and sites' documents (see
//! [`crate::output::Output::put_made`]): what each is made from,
//! fingerprinted without making it, as [`crate::news_recipes`] does for
//! the news. An update of a tree in proportion to a 100,000-article
//! archive then makes only the documents of the items that changed, not
//! 133,333 sites and 166,793 event occurrences in every language to find
//! that their bytes are the same.
//!
//! Each item (a site, an event occurrence) gets one print per language:
//! its folder as checked ([`crate::folder::FolderSource::print`]: the
//! facts file and its texts), what names it in the documents (its slug,
//! an occurrence's dates), the names of its lists in that language, and
//! the build's context (the publisher and the media). A document's recipe
//! is then its own print with the prints of the items it lists: an item's
//! page with its neighbours ("Nearby", related events), a month of events
//! with its events, the guide's index with every site. A print covers the
//! whole item, not just the summary another document shows of it, so an
//! edit of a story also remakes the pages that list that site: a few
//! documents more, never one kept that should have changed.

use portal_contract::{Lang, Timestamp};

use crate::tree_manifest::{Hash, Recipe};

/// The print of an item as its documents in `lang` show it: made from
/// the folder `folder`, published as `slug` (an occurrence's, with its
/// `dates`), its lists' names `names` in `lang`, in the build `context`.
pub fn item_print(
    context: &Hash,
    kind: &str,
    folder: &Hash,
    slug: &str,
    dates: Option<(&Timestamp, &Timestamp)>,
    lang: Lang,
    names: &[&str],
) -> Hash {
    let mut recipe = Recipe::new(kind);
    recipe
        .add(context)
        .add(folder)
        .add(slug.as_bytes())
        .add(lang.code().as_bytes());
    if let Some((starts, ends)) = dates {
        recipe
            .add(starts.to_string().as_bytes())
            .add(ends.to_string().as_bytes());
    }
    for name in names {
        recipe.add(name.as_bytes());
    }
    recipe.finish()
}

/// The recipe of a document of kind `kind` whose own fields come from
/// `own` (an item's print, or a small description of the document) and
/// which lists the items whose prints are `listed`, each with its `extra`
/// bytes (a distance, say).
pub fn listing_recipe<'a, E: AsRef<[u8]>>(
    kind: &str,
    own: &[u8],
    listed: impl IntoIterator<Item = (&'a Hash, E)>,
) -> Hash {
    let mut recipe = Recipe::new(kind);
    recipe.add(own);
    for (print, extra) in listed {
        recipe.add(print).add(extra.as_ref());
    }
    recipe.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        Timestamp::parse(text).unwrap()
    }

    #[test]
    fn every_part_of_an_item_changes_its_print() {
        let (starts, ends) = (
            at("2026-12-05T10:00:00+03:00"),
            at("2026-12-05T12:00:00+03:00"),
        );
        let later = at("2026-12-06T10:00:00+03:00");
        let print = |context: u8, folder: u8, slug, dates, lang, names: &[&str]| {
            item_print(
                &[context; 16],
                "event",
                &[folder; 16],
                slug,
                dates,
                lang,
                names,
            )
        };
        let base = print(
            1,
            1,
            "fair-2026",
            Some((&starts, &ends)),
            Lang::En,
            &["Fairs", "Minsk"],
        );
        let variants = [
            print(
                2,
                1,
                "fair-2026",
                Some((&starts, &ends)),
                Lang::En,
                &["Fairs", "Minsk"],
            ),
            print(
                1,
                2,
                "fair-2026",
                Some((&starts, &ends)),
                Lang::En,
                &["Fairs", "Minsk"],
            ),
            print(
                1,
                1,
                "fair-2027",
                Some((&starts, &ends)),
                Lang::En,
                &["Fairs", "Minsk"],
            ),
            print(
                1,
                1,
                "fair-2026",
                Some((&later, &ends)),
                Lang::En,
                &["Fairs", "Minsk"],
            ),
            print(
                1,
                1,
                "fair-2026",
                Some((&starts, &later)),
                Lang::En,
                &["Fairs", "Minsk"],
            ),
            print(1, 1, "fair-2026", None, Lang::En, &["Fairs", "Minsk"]),
            print(
                1,
                1,
                "fair-2026",
                Some((&starts, &ends)),
                Lang::Ru,
                &["Fairs", "Minsk"],
            ),
            print(
                1,
                1,
                "fair-2026",
                Some((&starts, &ends)),
                Lang::En,
                &["Fair", "sMinsk"],
            ),
            print(
                1,
                1,
                "fair-2026",
                Some((&starts, &ends)),
                Lang::En,
                &["Fairs"],
            ),
        ];
        for (number, variant) in variants.iter().enumerate() {
            assert_ne!(&base, variant, "variant {number}");
        }
        assert_eq!(
            base,
            print(
                1,
                1,
                "fair-2026",
                Some((&starts, &ends)),
                Lang::En,
                &["Fairs", "Minsk"]
            )
        );
    }

    #[test]
    fn a_listing_changes_with_its_items_their_order_and_extras() {
        let (a, b) = ([1; 16], [2; 16]);
        let recipe =
            |listed: &[(&Hash, &[u8])]| listing_recipe("site", b"own", listed.iter().copied());
        let base = recipe(&[(&a, b"1.5"), (&b, b"2.0")]);
        assert_ne!(base, recipe(&[(&b, b"2.0"), (&a, b"1.5")]));
        assert_ne!(base, recipe(&[(&a, b"1.6"), (&b, b"2.0")]));
        assert_ne!(base, recipe(&[(&a, b"1.5")]));
        assert_ne!(
            base,
            listing_recipe("event", b"own", [(&a, &b"1.5"[..]), (&b, &b"2.0"[..])])
        );
        assert_eq!(base, recipe(&[(&a, b"1.5"), (&b, b"2.0")]));
    }
}
