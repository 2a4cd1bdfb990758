//! The app's public URLs. Readers share them and partners link to them, so
//! they are a contract too: every view's state is in the URL, and parsing is
//! forgiving — a malformed parameter is corrected, never fatal.

use portal_calendar::window::{DayRange, QuickWindow};
use portal_calendar::{Date, YearMonth};

use crate::slug::is_valid_slug;
use crate::{AccessFeature, Lang};

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
/// `/{lang}/events?month=yyyy-mm&when=…&category=…&region=…&free=1&view=list`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EventsQuery {
    /// `None` is the reader's current month (or the window's, with `when`).
    pub month: Option<YearMonth>,
    /// A quick window of days from today; it replaces `month`.
    pub when: Option<QuickWindow>,
    pub category: Option<String>,
    pub region: Option<String>,
    /// Only events with free entry.
    pub free: bool,
    /// The list view instead of the month grid.
    pub list: bool,
}

/// The events view's parameters as found in the URL, unchecked.
#[derive(Debug, Clone, Copy, Default)]
pub struct EventsParams<'a> {
    pub month: Option<&'a str>,
    pub when: Option<&'a str>,
    pub category: Option<&'a str>,
    pub region: Option<&'a str>,
    pub free: Option<&'a str>,
    pub view: Option<&'a str>,
}

impl EventsQuery {
    /// Reads the parameters as found in the URL. A month that is not a real
    /// `yyyy-mm`, a window other than `today`, `weekend` or `week`, a filter
    /// that is not a slug, a `free` other than `1` or `0`, or a view other
    /// than `list` or `month` is dropped and sets `corrected`. A month given
    /// with a window contradicts it: the window wins and `corrected` is set.
    /// Empty values count as absent.
    pub fn parse(params: EventsParams<'_>) -> Parsed<EventsQuery> {
        fn present(value: Option<&str>) -> Option<&str> {
            value.map(str::trim).filter(|v| !v.is_empty())
        }
        let mut corrected = false;
        let mut slug = |value| optional_slug(value, &mut corrected);
        let category = slug(params.category);
        let region = slug(params.region);
        let mut month = match present(params.month) {
            None => None,
            Some(text) => {
                let parsed = YearMonth::parse(text);
                corrected |= parsed.is_none();
                parsed
            }
        };
        let when = match present(params.when) {
            None => None,
            Some(text) => {
                let parsed = QuickWindow::from_slug(text);
                corrected |= parsed.is_none();
                parsed
            }
        };
        if when.is_some() && month.is_some() {
            month = None;
            corrected = true;
        }
        let free = match present(params.free) {
            None | Some("0") => false,
            Some("1") => true,
            Some(_) => {
                corrected = true;
                false
            }
        };
        let list = match present(params.view) {
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
                when,
                category,
                region,
                free,
                list,
            },
            corrected,
        }
    }

    /// The canonical URL of this state: parameters in a fixed order, absent
    /// values left out, no month beside a window.
    pub fn url(&self, lang: Lang) -> String {
        let month = self
            .month
            .filter(|_| self.when.is_none())
            .map(|m| m.to_string());
        let params = [
            ("month", month.as_deref()),
            ("when", self.when.map(QuickWindow::slug)),
            ("category", self.category.as_deref()),
            ("region", self.region.as_deref()),
            ("free", self.free.then_some("1")),
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

    /// The days the view is about on `today`: the window's, if one is set.
    pub fn window_range(&self, today: Date) -> Option<DayRange> {
        self.when.map(|window| window.range(today))
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
/// `/{lang}/sites?category=…&region=…&open=…&access=…&near=…`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SitesQuery {
    /// A section slug (`unesco`, `sanatoria`, …).
    pub category: Option<String>,
    pub region: Option<String>,
    /// Only sites open now, or on a date (by their opening hours).
    pub open: Option<OpenFilter>,
    /// Accessibility features a site must have (all of them), sorted.
    pub access: Vec<AccessFeature>,
    /// A town slug (`portal_geo::towns`) to sort by distance from; the
    /// reader's own position never goes into the URL.
    pub near: Option<String>,
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
    /// A section of the guide, unfiltered otherwise.
    pub fn section(slug: &str) -> SitesQuery {
        SitesQuery {
            category: Some(slug.to_string()),
            ..SitesQuery::default()
        }
    }

    /// A region of the guide, unfiltered otherwise.
    pub fn region(slug: &str) -> SitesQuery {
        SitesQuery {
            region: Some(slug.to_string()),
            ..SitesQuery::default()
        }
    }

    /// Reads the parameters; a value that is not a slug (for `open`, not
    /// `now` or a date; for `access`, a feature this version does not know)
    /// is dropped and sets `corrected`. Empty values
    /// count as absent.
    pub fn parse(
        category: Option<&str>,
        region: Option<&str>,
        open: Option<&str>,
        access: Option<&str>,
        near: Option<&str>,
    ) -> Parsed<SitesQuery> {
        let mut corrected = false;
        let mut slug = |value| optional_slug(value, &mut corrected);
        let category = slug(category);
        let region = slug(region);
        let near = slug(near);
        let open = match open.filter(|v| !v.is_empty()) {
            Some(text) => {
                let parsed = OpenFilter::parse(text);
                corrected |= parsed.is_none();
                parsed
            }
            None => None,
        };
        let mut features = Vec::new();
        for name in access
            .unwrap_or_default()
            .split(',')
            .filter(|n| !n.is_empty())
        {
            match AccessFeature::from_slug(name) {
                Some(feature) => features.push(feature),
                None => corrected = true,
            }
        }
        features.sort();
        features.dedup();
        Parsed {
            value: SitesQuery {
                category,
                region,
                open,
                access: features,
                near,
            },
            corrected,
        }
    }

    /// Whether `site` passes every filter.
    pub fn matches(&self, site: &crate::SiteSummary) -> bool {
        self.category
            .as_ref()
            .is_none_or(|c| &site.section.slug == c)
            && self.region.as_ref().is_none_or(|r| &site.region.slug == r)
            && self.access.iter().all(|f| site.access.contains(f))
    }

    /// With `feature` added, or taken away when it is there.
    pub fn toggle(&self, feature: AccessFeature) -> SitesQuery {
        let mut next = self.clone();
        if next.access.contains(&feature) {
            next.access.retain(|f| *f != feature);
        } else {
            next.access.push(feature);
            next.access.sort();
        }
        next
    }

    pub fn url(&self, lang: Lang) -> String {
        let mut url = sites(lang);
        let access = (!self.access.is_empty()).then(|| {
            self.access
                .iter()
                .map(|f| f.slug())
                .collect::<Vec<_>>()
                .join(",")
        });
        let mut sep = '?';
        let open = self.open.as_ref().map(OpenFilter::value);
        for (name, value) in [
            ("category", &self.category),
            ("region", &self.region),
            ("open", &open),
            ("access", &access),
            ("near", &self.near),
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

/// A `geo:` URI (RFC 5870) that opens the reader's own maps app on the
/// point, with `label` as the pin's name where the app reads one (Android's
/// `q=lat,lon(label)` convention, which Organic Maps, OsmAnd and Google Maps
/// follow). `None` for a point off the Earth.
pub fn geo_uri(lat: f64, lon: f64, label: &str) -> Option<String> {
    if !(lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0) {
        return None;
    }
    let (lat, lon) = (format!("{lat:.6}"), format!("{lon:.6}"));
    Some(format!(
        "geo:{lat},{lon}?q={lat},{lon}({})",
        encode_component(label)
    ))
}

/// The point on openstreetmap.org, for readers with no maps app.
pub fn web_map(lat: f64, lon: f64, zoom: u8) -> String {
    format!(
        "https://www.openstreetmap.org/?mlat={lat:.5}&mlon={lon:.5}#map={zoom}/{lat:.5}/{lon:.5}"
    )
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
    #[test]
    fn map_links_name_the_point() {
        assert_eq!(
            geo_uri(53.4513, 26.4728, "Мір (castle)").as_deref(),
            Some(
                "geo:53.451300,26.472800?q=53.451300,26.472800(%D0%9C%D1%96%D1%80%20%28castle%29)"
            )
        );
        assert_eq!(geo_uri(f64::NAN, 26.0, "x"), None);
        assert_eq!(geo_uri(53.0, 181.0, "x"), None);
        assert_eq!(
            web_map(53.4513, 26.4728, 13),
            "https://www.openstreetmap.org/?mlat=53.45130&mlon=26.47280#map=13/53.45130/26.47280"
        );
    }

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

    fn events(
        month: Option<&'static str>,
        category: Option<&'static str>,
        region: Option<&'static str>,
        view: Option<&'static str>,
    ) -> EventsParams<'static> {
        EventsParams {
            month,
            category,
            region,
            view,
            ..EventsParams::default()
        }
    }

    #[test]
    fn events_query_parses_and_corrects() {
        let p = EventsQuery::parse(events(
            Some("2026-12"),
            Some("fairs"),
            Some("grodno"),
            Some("list"),
        ));
        assert!(!p.corrected);
        assert_eq!(p.value.month, YearMonth::parse("2026-12"));
        assert!(p.value.list);
        assert_eq!(
            p.value.url(Lang::Ru),
            "/ru/events?month=2026-12&category=fairs&region=grodno&view=list"
        );
        for (month, view) in [("2024-13", "list"), ("2024-1", "list"), ("2026-12", "grid")] {
            let p = EventsQuery::parse(events(Some(month), None, None, Some(view)));
            assert!(p.corrected, "{month} {view}");
        }
        let p = EventsQuery::parse(events(Some("2024-13"), Some("Fairs!"), None, None));
        assert_eq!(p.value, EventsQuery::default());
        assert_eq!(p.value.url(Lang::En), "/en/events");
        let p = EventsQuery::parse(events(Some(""), Some(""), Some(""), Some("month")));
        assert!(!p.corrected);
        assert_eq!(p.value, EventsQuery::default());
    }

    #[test]
    fn events_windows_and_free_entry_round_trip_in_a_fixed_order() {
        let p = EventsQuery::parse(EventsParams {
            view: Some("list"),
            free: Some("1"),
            region: Some("grodno"),
            category: Some("fairs"),
            when: Some("weekend"),
            month: None,
        });
        assert!(!p.corrected);
        assert_eq!(p.value.when, Some(QuickWindow::Weekend));
        assert!(p.value.free);
        let url = p.value.url(Lang::Be);
        assert_eq!(
            url,
            "/be/events?when=weekend&category=fairs&region=grodno&free=1&view=list"
        );
        for window in QuickWindow::ALL {
            let query = EventsQuery {
                when: Some(window),
                ..EventsQuery::default()
            };
            let url = query.url(Lang::En);
            assert_eq!(url, format!("/en/events?when={}", window.slug()));
            let value = url.split_once('=').unwrap().1;
            let back = EventsQuery::parse(EventsParams {
                when: Some(value),
                ..EventsParams::default()
            });
            assert_eq!(back.value, query);
        }
        // `free=0` is the default, said out loud: accepted, left out.
        let p = EventsQuery::parse(EventsParams {
            free: Some("0"),
            ..EventsParams::default()
        });
        assert!(!p.corrected && !p.value.free);
        assert_eq!(
            EventsQuery {
                free: true,
                ..EventsQuery::default()
            }
            .url(Lang::Ru),
            "/ru/events?free=1"
        );
    }

    #[test]
    fn events_windows_and_free_entry_are_corrected_when_malformed() {
        for when in ["tomorrow", "Weekend", "WEEK", "7", "today;", "week\u{0}"] {
            let p = EventsQuery::parse(EventsParams {
                when: Some(when),
                category: Some("fairs"),
                ..EventsParams::default()
            });
            assert!(p.corrected, "{when}");
            assert_eq!(p.value.when, None, "{when}");
            // The rest of the state is kept.
            assert_eq!(p.value.category.as_deref(), Some("fairs"), "{when}");
        }
        for free in ["yes", "true", "2", "-1"] {
            let p = EventsQuery::parse(EventsParams {
                free: Some(free),
                ..EventsParams::default()
            });
            assert!(p.corrected && !p.value.free, "{free}");
        }
        // A month beside a window: the window wins, the URL loses the month.
        let p = EventsQuery::parse(EventsParams {
            month: Some("2027-03"),
            when: Some("today"),
            ..EventsParams::default()
        });
        assert!(p.corrected);
        assert_eq!(p.value.month, None);
        assert_eq!(p.value.url(Lang::En), "/en/events?when=today");
        // And a month set in code next to a window is never written.
        let both = EventsQuery {
            month: YearMonth::parse("2027-03"),
            when: Some(QuickWindow::Week),
            ..EventsQuery::default()
        };
        assert_eq!(both.url(Lang::En), "/en/events?when=week");
    }

    #[test]
    fn a_window_range_is_taken_on_the_given_day() {
        let today = Date::parse("2026-11-20").unwrap();
        let query = EventsQuery {
            when: Some(QuickWindow::Weekend),
            ..EventsQuery::default()
        };
        let range = query.window_range(today).unwrap();
        assert_eq!(range.first, today);
        assert_eq!(range.last, Date::parse("2026-11-22").unwrap());
        assert_eq!(EventsQuery::default().window_range(today), None);
    }

    #[test]
    fn search_urls_encode_the_query() {
        assert_eq!(search(Lang::Be, " Мір "), "/be/search?q=%D0%9C%D1%96%D1%80");
        assert_eq!(search(Lang::En, "a&b"), "/en/search?q=a%26b");
        assert_eq!(search(Lang::En, "  "), "/en/search");
    }

    #[test]
    fn sites_query_round_trips_and_corrects() {
        let p = SitesQuery::parse(Some("unesco"), Some("grodno"), None, None, Some("mir"));
        assert!(!p.corrected);
        assert_eq!(
            p.value.url(Lang::Be),
            "/be/sites?category=unesco&region=grodno&near=mir"
        );
        let p = SitesQuery::parse(Some("../x"), None, None, None, None);
        assert!(p.corrected);
        assert_eq!(p.value.url(Lang::En), "/en/sites");
        // Opening: now or a real date; anything else is corrected away.
        let p = SitesQuery::parse(None, Some("minsk"), Some("2026-12-24"), None, None);
        assert!(!p.corrected);
        assert_eq!(
            p.value.url(Lang::En),
            "/en/sites?region=minsk&open=2026-12-24"
        );
        let p = SitesQuery::parse(Some("unesco"), None, Some("now"), None, None);
        assert_eq!(p.value.open, Some(OpenFilter::Now));
        assert_eq!(p.value.url(Lang::Ru), "/ru/sites?category=unesco&open=now");
        for bad in ["2026-02-30", "tomorrow", "24.12.2026", "NOW"] {
            let p = SitesQuery::parse(Some("unesco"), None, Some(bad), None, None);
            assert!(p.corrected, "{bad}");
            assert_eq!(p.value.open, None);
            assert_eq!(p.value.category.as_deref(), Some("unesco"));
        }
        assert!(!SitesQuery::parse(None, None, Some(""), None, None).corrected);
    }

    #[test]
    fn sites_query_access_features_are_sorted_toggled_and_corrected() {
        let p = SitesQuery::parse(
            None,
            Some("minsk"),
            None,
            Some("disabled-parking,step-free-entrance,step-free-entrance"),
            None,
        );
        assert!(!p.corrected);
        assert_eq!(
            p.value.url(Lang::En),
            "/en/sites?region=minsk&access=step-free-entrance,disabled-parking"
        );
        let fewer = p.value.toggle(AccessFeature::StepFreeEntrance);
        assert_eq!(
            fewer.url(Lang::En),
            "/en/sites?region=minsk&access=disabled-parking"
        );
        let more = fewer.toggle(AccessFeature::AccessibleToilet);
        assert_eq!(
            more.url(Lang::En),
            "/en/sites?region=minsk&access=accessible-toilet,disabled-parking"
        );
        let p = SitesQuery::parse(None, None, None, Some("lift,accessible-toilet,"), None);
        assert!(p.corrected);
        assert_eq!(p.value.access, [AccessFeature::AccessibleToilet]);
        assert_eq!(
            SitesQuery::section("unesco").url(Lang::Ru),
            "/ru/sites?category=unesco"
        );
    }

    #[test]
    fn sites_query_matches_every_filter_and_all_required_features() {
        let site: crate::SiteSummary = serde_json::from_str(
            r#"{"slug":"khatyn","name":"Khatyn","summary":"S",
                "section":{"slug":"memorials","name":"M"},"region":{"slug":"minsk","name":"R"},
                "lat":54.33,"lon":27.94,
                "image":{"src":"media/a.svg","width":1,"height":1,"alt":"A"},
                "access":["step-free-entrance","disabled-parking"]}"#,
        )
        .unwrap();
        let query = |c: Option<&str>, r: Option<&str>, a: Option<&str>| {
            SitesQuery::parse(c, r, None, a, None).value
        };
        assert!(query(None, None, None).matches(&site));
        assert!(query(Some("memorials"), Some("minsk"), Some("step-free-entrance")).matches(&site));
        assert!(query(None, None, Some("disabled-parking,step-free-entrance")).matches(&site));
        assert!(!query(None, None, Some("step-free-entrance,accessible-toilet")).matches(&site));
        assert!(!query(Some("unesco"), None, None).matches(&site));
        assert!(!query(None, Some("grodno"), None).matches(&site));
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
