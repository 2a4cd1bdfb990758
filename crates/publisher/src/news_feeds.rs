//! RSS feeds of the news: per language, one of every article and one per
//! category, each with the latest [`FEED_ITEMS`] articles, newest first.
//!
//! RSS 2.0 rather than Atom 1.0: Atom requires an author on every entry
//! (the content has none) and an `updated` time per entry, while RSS has
//! the fields we do have as plain elements (`pubDate` with the article's
//! own offset, `category`, and `enclosure` for the hero's PNG link
//! preview), and every feed reader takes it. Atom's one useful part, the
//! feed's own address (`atom:link rel="self"`), is borrowed, as the RSS
//! Advisory Board recommends.
//!
//! Links and images are absolute URLs on the deployment's public origin
//! ([`PublicOrigin`]). Nothing depends on the clock: `lastBuildDate` is the
//! newest article's time, or the build date for an empty feed.

use std::collections::BTreeMap;

use portal_calendar::{Date, Weekday};
use portal_contract::urls::{self, FeedQuery};
use portal_contract::{paths, ArticleSummary, Lang, Timestamp};
use portal_i18n::{feed_texts, fill, texts};

use crate::categories::Categories;
use crate::media::{MediaLibrary, MEDIA_PREFIX};
use crate::origin::PublicOrigin;
use portal_export::xml::escape;

/// How many articles a feed holds.
pub const FEED_ITEMS: usize = 50;

/// Served as `application/rss+xml` (`deploy/nginx.conf`).
pub const FEED_MEDIA_TYPE: &str = "application/rss+xml";

/// What every feed is built with, besides its articles.
pub struct FeedContext<'a> {
    pub categories: &'a Categories,
    pub origin: &'a PublicOrigin,
    /// The build date: the `lastBuildDate` of a feed with no article.
    pub today: Date,
    /// The size in bytes of each media file (`media/{name}`) and of each
    /// link preview (`media/og/{name}.png`), by path.
    sizes: BTreeMap<String, usize>,
}

impl<'a> FeedContext<'a> {
    /// `previews` are the link previews of the same build, path → PNG
    /// bytes (`og_image::previews`).
    pub fn new(
        categories: &'a Categories,
        media: &MediaLibrary,
        previews: &BTreeMap<String, Vec<u8>>,
        origin: &'a PublicOrigin,
        today: Date,
    ) -> FeedContext<'a> {
        let drawings = media
            .files()
            .filter(|file| file.photo.is_none())
            .map(|file| (format!("{MEDIA_PREFIX}{}", file.name), file.bytes.len()));
        let photos = media.photo_files().map(|(path, bytes)| (path, bytes.len()));
        let media = drawings.chain(photos);
        let previews = previews
            .iter()
            .map(|(path, bytes)| (path.clone(), bytes.len()));
        let sizes = media.chain(previews).collect();
        FeedContext {
            categories,
            origin,
            today,
            sizes,
        }
    }
}

/// The feeds of one language: `(path, bytes)`. `articles` are that
/// language's summaries, newest first. Every category has a feed, empty or
/// not, like its first page.
pub fn documents(
    context: &FeedContext<'_>,
    lang: Lang,
    articles: &[ArticleSummary],
) -> Vec<(String, Vec<u8>)> {
    let t = texts(lang);
    let feed = feed_texts(lang);
    let mut out = vec![(
        paths::news_feed(lang, None),
        channel(
            context,
            lang,
            None,
            Heading {
                title: format!("{} — {}", t.news_title, t.site_name),
                description: feed.news_feed_description.to_string(),
            },
            articles.iter(),
        ),
    )];
    for category in context.categories.iter() {
        let name = category.name(lang);
        let heading = Heading {
            title: format!(
                "{} — {}",
                fill(t.news_category_title, &[("category", name)]),
                t.site_name
            ),
            description: fill(feed.news_category_feed_description, &[("category", name)]),
        };
        let items = articles
            .iter()
            .filter(|article| article.category.slug == category.slug);
        out.push((
            paths::news_feed(lang, Some(&category.slug)),
            channel(context, lang, Some(&category.slug), heading, items),
        ));
    }
    out
}

/// A channel's title (as the app's page title of the same view) and
/// description.
struct Heading {
    title: String,
    description: String,
}

fn channel<'s>(
    context: &FeedContext<'_>,
    lang: Lang,
    category: Option<&str>,
    heading: Heading,
    articles: impl Iterator<Item = &'s ArticleSummary>,
) -> Vec<u8> {
    let origin = context.origin;
    let articles: Vec<&ArticleSummary> = articles.take(FEED_ITEMS).collect();
    let page = match category {
        Some(_) => FeedQuery::new(category, 1).url(lang),
        None => urls::news(lang),
    };
    let last_build = articles.first().map_or_else(
        || midnight_utc(context.today),
        |newest| rfc822(&newest.published),
    );
    let mut xml = String::new();
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n");
    xml.push_str("  <channel>\n");
    element(&mut xml, 4, "title", &heading.title);
    element(&mut xml, 4, "link", &origin.page(&page));
    element(&mut xml, 4, "description", &heading.description);
    element(&mut xml, 4, "language", lang.code());
    element(&mut xml, 4, "lastBuildDate", &last_build);
    xml.push_str(&format!(
        "    <atom:link href=\"{}\" rel=\"self\" type=\"{FEED_MEDIA_TYPE}\"/>\n",
        escape(&origin.api(&paths::news_feed(lang, category)))
    ));
    for article in articles {
        let link = origin.page(&urls::article(lang, &article.slug));
        xml.push_str("    <item>\n");
        element(&mut xml, 6, "title", &article.title);
        element(&mut xml, 6, "link", &link);
        xml.push_str(&format!(
            "      <guid isPermaLink=\"true\">{}</guid>\n",
            escape(&link)
        ));
        element(&mut xml, 6, "pubDate", &rfc822(&article.published));
        element(&mut xml, 6, "description", &html_text(&article.lead));
        element(&mut xml, 6, "category", &article.category.name);
        let src = enclosure(context, &article.hero);
        // Every hero is a checked file of media/; 0 is RSS's "size unknown".
        let length = context.sizes.get(src.as_str()).copied().unwrap_or(0);
        xml.push_str(&format!(
            "      <enclosure url=\"{}\" length=\"{length}\" type=\"{}\"/>\n",
            escape(&origin.api(&src)),
            media_type(&src)
        ));
        xml.push_str("    </item>\n");
    }
    xml.push_str("  </channel>\n");
    xml.push_str("</rss>\n");
    xml.into_bytes()
}

/// The image of an item's `enclosure`: the hero's link preview (a PNG
/// drawn from an SVG, which few feed readers draw; a photograph's 1200×630
/// JPEG) when it has one and it was made; else the hero itself.
fn enclosure(context: &FeedContext<'_>, hero: &portal_contract::Image) -> String {
    hero.photo
        .as_ref()
        .map(|photo| photo.preview())
        .or_else(|| paths::og_preview(&hero.src))
        .filter(|preview| context.sizes.contains_key(preview))
        .unwrap_or_else(|| hero.src.clone())
}

fn element(xml: &mut String, indent: usize, name: &str, text: &str) {
    xml.push_str(&format!(
        "{:indent$}<{name}>{}</{name}>\n",
        "",
        escape(text)
    ));
}

/// An item's `description` is HTML to readers (RSS 2.0: "entity-encoded
/// HTML"); the lead is plain text, so it is escaped as HTML first, then as
/// XML. A lead "a < b & c" stays that text instead of becoming markup.
fn html_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The type of an image by its extension (content/media/ holds SVGs today).
fn media_type(src: &str) -> &'static str {
    let extension = src.rsplit_once('.').map_or("", |(_, ext)| ext);
    match extension.to_ascii_lowercase().as_str() {
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "avif" => "image/avif",
        _ => "application/octet-stream",
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// RFC 822 (with RFC 1123's four-digit year), as RSS 2.0 requires, on the
/// timestamp's own wall clock and offset: `Sat, 10 Oct 2026 12:00:00 +0300`.
/// These names are the format's, not the reader's language.
pub fn rfc822(ts: &Timestamp) -> String {
    let date = ts.date();
    let sign = if ts.offset_minutes < 0 { '-' } else { '+' };
    let offset = ts.offset_minutes.unsigned_abs();
    format!(
        "{}, {:02} {} {:04} {:02}:{:02}:{:02} {sign}{:02}{:02}",
        weekday(date.weekday()),
        ts.day,
        MONTHS[usize::from(ts.month - 1)],
        ts.year,
        ts.hour,
        ts.minute,
        ts.second,
        offset / 60,
        offset % 60
    )
}

fn midnight_utc(date: Date) -> String {
    rfc822(&Timestamp {
        year: date.year,
        month: date.month,
        day: date.day,
        hour: 0,
        minute: 0,
        second: 0,
        offset_minutes: 0,
    })
}

fn weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "Mon",
        Weekday::Tuesday => "Tue",
        Weekday::Wednesday => "Wed",
        Weekday::Thursday => "Thu",
        Weekday::Friday => "Fri",
        Weekday::Saturday => "Sat",
        Weekday::Sunday => "Sun",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_rfc_822_with_their_own_offset() {
        let at = |text: &str| rfc822(&Timestamp::parse(text).unwrap());
        assert_eq!(
            at("2026-10-10T12:00:00+03:00"),
            "Sat, 10 Oct 2026 12:00:00 +0300"
        );
        assert_eq!(
            at("2026-01-04T23:59:07-05:30"),
            "Sun, 04 Jan 2026 23:59:07 -0530"
        );
        assert_eq!(
            at("2024-02-29T00:00:00Z"),
            "Thu, 29 Feb 2024 00:00:00 +0000"
        );
        assert_eq!(
            midnight_utc(Date::parse("2026-11-29").unwrap()),
            "Sun, 29 Nov 2026 00:00:00 +0000"
        );
    }

    #[test]
    fn a_description_is_plain_text_under_html() {
        assert_eq!(
            html_text("Tom & Jerry <3 'quotes'"),
            "Tom &amp; Jerry &lt;3 'quotes'"
        );
        assert_eq!(escape(&html_text("a<b")), "a&amp;lt;b");
    }

    #[test]
    fn image_types_follow_the_extension() {
        assert_eq!(media_type("media/castle-mir.svg"), "image/svg+xml");
        assert_eq!(media_type("media/preview.PNG"), "image/png");
        assert_eq!(media_type("media/photo.jpeg"), "image/jpeg");
        assert_eq!(media_type("media/none"), "application/octet-stream");
    }

    #[test]
    fn the_enclosure_is_the_preview_when_there_is_one() {
        let categories = Categories::default();
        let origin = PublicOrigin::default();
        let context = FeedContext {
            categories: &categories,
            origin: &origin,
            today: Date::parse("2026-11-29").unwrap(),
            sizes: [
                ("media/castle.svg", 10),
                ("media/og/castle.png", 20),
                ("media/undrawn.svg", 30),
                ("media/photo.jpg", 40),
                ("media/photos/p-1/preview.jpg", 50),
            ]
            .into_iter()
            .map(|(path, size)| (path.to_string(), size))
            .collect(),
        };
        let image = |src: &str, photo: Option<portal_contract::Photo>| portal_contract::Image {
            src: src.into(),
            width: 1,
            height: 1,
            alt: "a".into(),
            caption: None,
            credit: None,
            photo,
        };
        assert_eq!(
            enclosure(&context, &image("media/castle.svg", None)),
            "media/og/castle.png"
        );
        assert_eq!(
            enclosure(&context, &image("media/undrawn.svg", None)),
            "media/undrawn.svg"
        );
        assert_eq!(
            enclosure(&context, &image("media/photo.jpg", None)),
            "media/photo.jpg"
        );
        // A photograph's enclosure is its 1200×630 preview.
        let photo = portal_contract::Photo {
            base: "media/photos/p-1".into(),
            widths: vec![320],
            wide_widths: vec![320],
            placeholder: String::new(),
            licence: "CC0 1.0".into(),
        };
        assert_eq!(
            enclosure(&context, &image("media/photos/p-1/320.jpg", Some(photo))),
            "media/photos/p-1/preview.jpg"
        );
    }
}
