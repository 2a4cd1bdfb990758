//! The app's public URLs. Readers share them and partners link to them, so
//! they are a contract too: every view's state is in the URL, and parsing is
//! forgiving — a malformed parameter is corrected, never fatal.

use portal_calendar::YearMonth;

use crate::slug::is_valid_slug;
use crate::Lang;

pub fn home(lang: Lang) -> String {
    format!("/{lang}/")
}

/// The news feed with no filter, page 1.
pub fn news(lang: Lang) -> String {
    format!("/{lang}/news")
}

pub fn article(lang: Lang, slug: &str) -> String {
    format!("/{lang}/news/{slug}")
}

/// The news of one day: `/{lang}/news/archive/{yyyy-mm-dd}`.
pub fn news_day(lang: Lang, date: &str) -> String {
    format!("/{lang}/news/archive/{date}")
}

/// Search results: `/{lang}/search?q=…` (no query: the empty search page).
pub fn search(lang: Lang, query: &str) -> String {
    let query = query.trim();
    if query.is_empty() {
        format!("/{lang}/search")
    } else {
        format!("/{lang}/search?q={}", encode_component(query))
    }
}

/// Widgets for partner sites: what they are, a builder and the snippet.
pub fn partners(lang: Lang) -> String {
    format!("/{lang}/partners")
}

/// Articles the reader saved on this device for reading offline.
pub fn saved(lang: Lang) -> String {
    format!("/{lang}/saved")
}

/// The state of the news feed view: `/{lang}/news?category=…&page=…`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FeedQuery {
    pub category: Option<String>,
    /// 1-based.
    pub page: u32,
}

/// A parsed query plus whether anything in the URL had to be corrected (so
/// the view can say so and show the corrected URL).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed<T> {
    pub value: T,
    pub corrected: bool,
}

impl FeedQuery {
    pub fn new(category: Option<&str>, page: u32) -> FeedQuery {
        FeedQuery {
            category: category.map(str::to_string),
            page: page.max(1),
        }
    }

    /// Reads `?page=` and `?category=` as found in the URL. A page that is
    /// not a positive integer becomes 1; a category that is not a valid slug
    /// is dropped. Either sets `corrected`. An empty value counts as absent.
    pub fn parse(page: Option<&str>, category: Option<&str>) -> Parsed<FeedQuery> {
        let mut corrected = false;
        let page = match page.map(str::trim).filter(|p| !p.is_empty()) {
            None => 1,
            Some(text) => match text.parse::<u32>() {
                Ok(n) if n >= 1 => n,
                _ => {
                    corrected = true;
                    1
                }
            },
        };
        let category = match category.filter(|c| !c.is_empty()) {
            None => None,
            Some(slug) if is_valid_slug(slug) => Some(slug.to_string()),
            Some(_) => {
                corrected = true;
                None
            }
        };
        Parsed {
            value: FeedQuery { category, page },
            corrected,
        }
    }

    /// The canonical URL of this feed state; defaults are left out.
    pub fn url(&self, lang: Lang) -> String {
        let mut url = format!("/{lang}/news");
        let mut sep = '?';
        if let Some(category) = &self.category {
            url.push(sep);
            url.push_str("category=");
            url.push_str(category);
            sep = '&';
        }
        if self.page > 1 {
            url.push(sep);
            url.push_str(&format!("page={}", self.page));
        }
        url
    }
}

/// The events calendar with no filter, on the current month.
pub fn events(lang: Lang) -> String {
    format!("/{lang}/events")
}

pub fn event(lang: Lang, slug: &str) -> String {
    format!("/{lang}/events/{slug}")
}

/// The state of the events view:
/// `/{lang}/events?month=yyyy-mm&category=…&region=…&view=list`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EventsQuery {
    /// `None` is the reader's current month.
    pub month: Option<YearMonth>,
    pub category: Option<String>,
    pub region: Option<String>,
    /// The list view instead of the month grid.
    pub list: bool,
}

impl EventsQuery {
    /// Reads the parameters as found in the URL. A month that is not a real
    /// `yyyy-mm`, a filter that is not a slug or a view other than `list` or
    /// `month` is dropped and sets `corrected`. Empty values count as absent.
    pub fn parse(
        month: Option<&str>,
        category: Option<&str>,
        region: Option<&str>,
        view: Option<&str>,
    ) -> Parsed<EventsQuery> {
        let mut corrected = false;
        let mut slug = |value| optional_slug(value, &mut corrected);
        let category = slug(category);
        let region = slug(region);
        let month = match month.map(str::trim).filter(|m| !m.is_empty()) {
            None => None,
            Some(text) => {
                let parsed = YearMonth::parse(text);
                corrected |= parsed.is_none();
                parsed
            }
        };
        let list = match view.filter(|v| !v.is_empty()) {
            None | Some("month") => false,
            Some("list") => true,
            Some(_) => {
                corrected = true;
                false
            }
        };
        Parsed {
            value: EventsQuery {
                month,
                category,
                region,
                list,
            },
            corrected,
        }
    }

    /// The canonical URL of this state; absent values are left out.
    pub fn url(&self, lang: Lang) -> String {
        let month = self.month.map(|m| m.to_string());
        let params = [
            ("month", month.as_deref()),
            ("category", self.category.as_deref()),
            ("region", self.region.as_deref()),
            ("view", self.list.then_some("list")),
        ];
        let mut url = events(lang);
        let mut sep = '?';
        for (name, value) in params {
            if let Some(value) = value {
                url.push(sep);
                url.push_str(name);
                url.push('=');
                url.push_str(value);
                sep = '&';
            }
        }
        url
    }
}

/// The travel guide, unfiltered.
pub fn sites(lang: Lang) -> String {
    format!("/{lang}/sites")
}

pub fn site(lang: Lang, slug: &str) -> String {
    format!("/{lang}/sites/{slug}")
}

/// The state of the travel guide's list:
/// `/{lang}/sites?category=…&region=…&open=…`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SitesQuery {
    /// A section slug (`unesco`, `sanatoria`, …).
    pub category: Option<String>,
    pub region: Option<String>,
    /// Only sites open now, or on a date (by their opening hours).
    pub open: Option<OpenFilter>,
}

/// `open=now` or `open=yyyy-mm-dd`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenFilter {
    Now,
    On(portal_calendar::Date),
}

impl OpenFilter {
    pub fn parse(text: &str) -> Option<OpenFilter> {
        if text == "now" {
            return Some(OpenFilter::Now);
        }
        portal_calendar::Date::parse(text).map(OpenFilter::On)
    }

    pub fn value(&self) -> String {
        match self {
            OpenFilter::Now => "now".to_string(),
            OpenFilter::On(date) => date.to_string(),
        }
    }
}

impl SitesQuery {
    /// Reads the parameters; a value that is not a slug (or, for `open`,
    /// not `now` or a date) is dropped and sets `corrected`. Empty values
    /// count as absent.
    pub fn parse(
        category: Option<&str>,
        region: Option<&str>,
        open: Option<&str>,
    ) -> Parsed<SitesQuery> {
        let mut corrected = false;
        let mut slug = |value| optional_slug(value, &mut corrected);
        let category = slug(category);
        let region = slug(region);
        let open = match open.filter(|v| !v.is_empty()) {
            Some(text) => {
                let parsed = OpenFilter::parse(text);
                corrected |= parsed.is_none();
                parsed
            }
            None => None,
        };
        Parsed {
            value: SitesQuery {
                category,
                region,
                open,
            },
            corrected,
        }
    }

    pub fn url(&self, lang: Lang) -> String {
        let mut url = sites(lang);
        let mut sep = '?';
        let open = self.open.as_ref().map(OpenFilter::value);
        for (name, value) in [
            ("category", &self.category),
            ("region", &self.region),
            ("open", &open),
        ] {
            if let Some(value) = value {
                url.push(sep);
                url.push_str(name);
                url.push('=');
                url.push_str(value);
                sep = '&';
            }
        }
        url
    }
}

/// Percent-encodes a query value: everything but RFC 3986's unreserved
/// characters, UTF-8 bytes included.
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A filter value from the URL: absent or empty is `None`; a value that is
/// not a slug is dropped and marks the query `corrected`.
fn optional_slug(value: Option<&str>, corrected: &mut bool) -> Option<String> {
    match value.filter(|v| !v.is_empty()) {
        Some(text) if is_valid_slug(text) => Some(text.to_string()),
        Some(_) => {
            *corrected = true;
            None
        }
        None => None,
    }
}

/// One entry of a numbered pager.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PagerItem {
    Page(u32),
    /// Pages left out between two shown numbers.
    Gap,
}

/// Which page numbers a pager shows: the first, the last, and the current
/// page with one neighbour each side; a single hidden page is shown rather
/// than replaced by a gap. Empty when there is at most one page.
///
/// Its work does not depend on `total`, which comes from the network: a
/// document claiming four billion pages gets the same short pager.
pub fn pager_items(current: u32, total: u32) -> Vec<PagerItem> {
    if total <= 1 {
        return Vec::new();
    }
    let current = current.clamp(1, total);
    let mut shown = [
        1,
        current.saturating_sub(1).max(1),
        current,
        current.saturating_add(1).min(total),
        total,
    ];
    shown.sort_unstable();
    let mut items = Vec::new();
    let mut previous = 0;
    for page in shown {
        if page == previous {
            continue;
        }
        match page - previous {
            1 => {}
            // A gap of exactly one page: show the number itself.
            2 => items.push(PagerItem::Page(page - 1)),
            _ => items.push(PagerItem::Gap),
        }
        items.push(PagerItem::Page(page));
        previous = page;
    }
    items
}

/// The same location in another language: replaces the language segment of
/// `path` (which may carry a query and fragment) and keeps the rest. A path
/// without a language segment leads to that language's home page.
pub fn with_lang(path: &str, lang: Lang) -> String {
    let rest = path.strip_prefix('/').unwrap_or(path);
    let (first, tail) = match rest.find(['/', '?', '#']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    if Lang::from_code(first).is_some() {
        let tail = if tail.is_empty() { "/" } else { tail };
        format!("/{lang}{tail}")
    } else {
        home(lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_query_parses_good_values() {
        let p = FeedQuery::parse(Some("2"), Some("culture"));
        assert_eq!(p.value, FeedQuery::new(Some("culture"), 2));
        assert!(!p.corrected);
        let p = FeedQuery::parse(None, None);
        assert_eq!(p.value, FeedQuery::new(None, 1));
        assert!(!p.corrected);
        assert!(!FeedQuery::parse(Some(""), Some("")).corrected);
    }

    #[test]
    fn feed_query_corrects_bad_values() {
        for page in ["-1", "0", "abc", "1.5", "99999999999", "２"] {
            let p = FeedQuery::parse(Some(page), None);
            assert_eq!(p.value.page, 1, "{page}");
            assert!(p.corrected, "{page}");
        }
        let p = FeedQuery::parse(Some("3"), Some("../../etc"));
        assert_eq!(p.value, FeedQuery::new(None, 3));
        assert!(p.corrected);
    }

    #[test]
    fn feed_urls_leave_out_defaults() {
        assert_eq!(FeedQuery::new(None, 1).url(Lang::En), "/en/news");
        assert_eq!(FeedQuery::new(None, 2).url(Lang::Ru), "/ru/news?page=2");
        assert_eq!(
            FeedQuery::new(Some("sport"), 3).url(Lang::Be),
            "/be/news?category=sport&page=3"
        );
        assert_eq!(
            FeedQuery::new(Some("sport"), 1).url(Lang::En),
            "/en/news?category=sport"
        );
    }

    #[test]
    fn events_query_parses_and_corrects() {
        let p = EventsQuery::parse(Some("2026-12"), Some("fairs"), Some("grodno"), Some("list"));
        assert!(!p.corrected);
        assert_eq!(p.value.month, YearMonth::parse("2026-12"));
        assert!(p.value.list);
        assert_eq!(
            p.value.url(Lang::Ru),
            "/ru/events?month=2026-12&category=fairs&region=grodno&view=list"
        );
        for (month, view) in [("2024-13", "list"), ("2024-1", "list"), ("2026-12", "grid")] {
            let p = EventsQuery::parse(Some(month), None, None, Some(view));
            assert!(p.corrected, "{month} {view}");
        }
        let p = EventsQuery::parse(Some("2024-13"), Some("Fairs!"), None, None);
        assert_eq!(p.value, EventsQuery::default());
        assert_eq!(p.value.url(Lang::En), "/en/events");
        let p = EventsQuery::parse(Some(""), Some(""), Some(""), Some("month"));
        assert!(!p.corrected);
        assert_eq!(p.value, EventsQuery::default());
    }

    #[test]
    fn search_urls_encode_the_query() {
        assert_eq!(search(Lang::Be, " Мір "), "/be/search?q=%D0%9C%D1%96%D1%80");
        assert_eq!(search(Lang::En, "a&b"), "/en/search?q=a%26b");
        assert_eq!(search(Lang::En, "  "), "/en/search");
    }

    #[test]
    fn sites_query_round_trips_and_corrects() {
        let p = SitesQuery::parse(Some("unesco"), Some("grodno"), None);
        assert!(!p.corrected);
        assert_eq!(
            p.value.url(Lang::Be),
            "/be/sites?category=unesco&region=grodno"
        );
        let p = SitesQuery::parse(Some("../x"), None, None);
        assert!(p.corrected);
        assert_eq!(p.value.url(Lang::En), "/en/sites");
        // Opening: now or a real date; anything else is corrected away.
        let p = SitesQuery::parse(None, Some("minsk"), Some("2026-12-24"));
        assert!(!p.corrected);
        assert_eq!(
            p.value.url(Lang::En),
            "/en/sites?region=minsk&open=2026-12-24"
        );
        let p = SitesQuery::parse(Some("unesco"), None, Some("now"));
        assert_eq!(p.value.open, Some(OpenFilter::Now));
        assert_eq!(p.value.url(Lang::Ru), "/ru/sites?category=unesco&open=now");
        for bad in ["2026-02-30", "tomorrow", "24.12.2026", "NOW"] {
            let p = SitesQuery::parse(Some("unesco"), None, Some(bad));
            assert!(p.corrected, "{bad}");
            assert_eq!(p.value.open, None);
            assert_eq!(p.value.category.as_deref(), Some("unesco"));
        }
        assert!(!SitesQuery::parse(None, None, Some("")).corrected);
    }

    #[test]
    fn components_are_percent_encoded() {
        assert_eq!(encode_component("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
        assert_eq!(encode_component("Safe-._~09"), "Safe-._~09");
    }

    #[test]
    fn pager_windows() {
        use PagerItem::{Gap, Page};
        assert!(pager_items(1, 1).is_empty());
        assert_eq!(pager_items(1, 3), vec![Page(1), Page(2), Page(3)]);
        assert_eq!(pager_items(1, 10), vec![Page(1), Page(2), Gap, Page(10)]);
        assert_eq!(
            pager_items(5, 10),
            vec![Page(1), Gap, Page(4), Page(5), Page(6), Gap, Page(10)]
        );
        assert_eq!(
            pager_items(3, 10),
            vec![Page(1), Page(2), Page(3), Page(4), Gap, Page(10)]
        );
        assert_eq!(
            pager_items(4, 7),
            vec![
                Page(1),
                Page(2),
                Page(3),
                Page(4),
                Page(5),
                Page(6),
                Page(7)
            ]
        );
        assert_eq!(pager_items(99, 4), vec![Page(1), Page(2), Page(3), Page(4)]);
        // Bounded by what it shows, whatever the API claims.
        assert_eq!(
            pager_items(2, u32::MAX),
            vec![Page(1), Page(2), Page(3), Gap, Page(u32::MAX)]
        );
        assert_eq!(
            pager_items(u32::MAX, u32::MAX),
            vec![Page(1), Gap, Page(u32::MAX - 1), Page(u32::MAX)]
        );
    }

    #[test]
    fn pager_matches_its_definition_page_by_page() {
        // The definition, page by page (fine for small totals).
        fn reference(current: u32, total: u32) -> Vec<PagerItem> {
            let current = current.clamp(1, total);
            let near = |page: u32| page == 1 || page == total || page.abs_diff(current) <= 1;
            let shown = |page: u32| near(page) || (near(page - 1) && near(page + 1));
            let mut items = Vec::new();
            for page in 1..=total {
                if shown(page) {
                    items.push(PagerItem::Page(page));
                } else if items.last() != Some(&PagerItem::Gap) {
                    items.push(PagerItem::Gap);
                }
            }
            items
        }
        for total in 2..40 {
            for current in 0..45 {
                assert_eq!(
                    pager_items(current, total),
                    reference(current, total),
                    "{current}/{total}"
                );
            }
        }
    }

    #[test]
    fn language_switch_keeps_the_place() {
        assert_eq!(
            with_lang("/en/news/mir-castle", Lang::Ru),
            "/ru/news/mir-castle"
        );
        assert_eq!(with_lang("/ru/news?page=2", Lang::Be), "/be/news?page=2");
        assert_eq!(with_lang("/be/", Lang::En), "/en/");
        assert_eq!(with_lang("/be", Lang::En), "/en/");
        assert_eq!(with_lang("/en?x=1", Lang::Ru), "/ru?x=1");
        assert_eq!(with_lang("/", Lang::Ru), "/ru/");
        assert_eq!(with_lang("/de/news", Lang::Ru), "/ru/");
        assert_eq!(with_lang("/english/news", Lang::Ru), "/ru/");
    }
}
