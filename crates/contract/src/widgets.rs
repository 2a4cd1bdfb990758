//! Partner widgets: the options a snippet carries and the snippet itself.
//!
//! A partner pastes a link with `data-*` options and `embed.js`; the script
//! copies the options into the query of `/embed/{widget}` on the portal's
//! origin, and the widget frame reads them back with [`WidgetOptions::parse`].
//! The partners page writes snippets with [`WidgetOptions::snippet`]. Parsing
//! is forgiving like every other URL of the portal: an option that cannot be
//! used falls back to its default.

use crate::slug::is_valid_slug;
use crate::{urls, Lang};

/// The widgets a partner can embed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WidgetKind {
    News,
    Events,
    Site,
}

impl WidgetKind {
    pub const ALL: [WidgetKind; 3] = [WidgetKind::News, WidgetKind::Events, WidgetKind::Site];

    /// The name in `data-widget` and in `/embed/{name}`.
    pub fn name(self) -> &'static str {
        match self {
            WidgetKind::News => "news",
            WidgetKind::Events => "events",
            WidgetKind::Site => "site",
        }
    }

    pub fn from_name(name: &str) -> Option<WidgetKind> {
        WidgetKind::ALL.into_iter().find(|kind| kind.name() == name)
    }

    /// Whether the widget is a list, and so takes `limit`.
    pub fn has_limit(self) -> bool {
        matches!(self, WidgetKind::News | WidgetKind::Events)
    }
}

/// The widget's colours: fixed, or following the reader's system setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    #[default]
    Auto,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Auto];

    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }

    pub fn from_name(name: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|theme| theme.name() == name)
    }
}

/// Items in a list widget when the snippet does not say.
pub const DEFAULT_LIMIT: u32 = 5;
/// The most items a list widget shows; a larger `limit` is cut to this.
pub const MAX_LIMIT: u32 = 10;

/// Everything a widget needs to know to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WidgetOptions {
    pub kind: WidgetKind,
    pub lang: Lang,
    pub theme: Theme,
    /// 1..=MAX_LIMIT; only list widgets use it.
    pub limit: u32,
    /// A news or event category slug.
    pub category: Option<String>,
    /// An event region slug.
    pub region: Option<String>,
    /// The site of a `site` widget; `None` when missing or not a slug.
    pub slug: Option<String>,
}

impl WidgetOptions {
    /// A widget with every option at its default.
    pub fn new(kind: WidgetKind, lang: Lang) -> WidgetOptions {
        WidgetOptions {
            kind,
            lang,
            theme: Theme::Auto,
            limit: DEFAULT_LIMIT,
            category: None,
            region: None,
            slug: None,
        }
    }

    /// Reads the options of the widget `kind` (as in `/embed/{kind}`) through
    /// `get`, which looks up one option by name (`lang`, `limit`, …). `None`
    /// only for an unknown widget; every unusable option takes its default,
    /// and options the widget does not take are ignored.
    pub fn parse(kind: &str, get: impl Fn(&str) -> Option<String>) -> Option<WidgetOptions> {
        let kind = WidgetKind::from_name(kind)?;
        let lang = get("lang")
            .and_then(|code| Lang::from_code(code.trim()))
            .unwrap_or(Lang::En);
        let mut options = WidgetOptions::new(kind, lang);
        if let Some(theme) = get("theme").and_then(|name| Theme::from_name(name.trim())) {
            options.theme = theme;
        }
        let slug = |name: &str| get(name).filter(|value| is_valid_slug(value));
        match kind {
            WidgetKind::News => options.category = slug("category"),
            WidgetKind::Events => {
                options.category = slug("category");
                options.region = slug("region");
            }
            WidgetKind::Site => options.slug = slug("slug"),
        }
        if kind.has_limit() {
            if let Some(limit) = get("limit").and_then(|text| text.trim().parse::<u32>().ok()) {
                options.limit = limit.clamp(1, MAX_LIMIT);
            }
        }
        Some(options)
    }

    /// The portal page the widget stands for: the snippet's link, and the
    /// widget's "more" link.
    pub fn portal_path(&self) -> String {
        let lang = self.lang;
        match self.kind {
            WidgetKind::News => urls::FeedQuery::new(self.category.as_deref(), 1).url(lang),
            WidgetKind::Events => urls::EventsQuery {
                category: self.category.clone(),
                region: self.region.clone(),
                ..Default::default()
            }
            .url(lang),
            WidgetKind::Site => match &self.slug {
                Some(slug) => urls::site(lang, slug),
                None => urls::sites(lang),
            },
        }
    }

    /// The `data-*` attributes of the snippet, in a fixed order. Defaults
    /// that a reader of the snippet would want to see (language, limit,
    /// theme) are written out; empty filters are not.
    pub fn data_attributes(&self) -> Vec<(&'static str, String)> {
        let mut attributes = vec![("widget", self.kind.name().to_string())];
        if self.kind.has_limit() {
            attributes.push(("limit", self.limit.to_string()));
        }
        let filters = [
            ("category", &self.category),
            ("region", &self.region),
            ("slug", &self.slug),
        ];
        for (name, value) in filters {
            if let Some(value) = value {
                attributes.push((name, value.clone()));
            }
        }
        attributes.push(("lang", self.lang.code().to_string()));
        attributes.push(("theme", self.theme.name().to_string()));
        attributes
    }

    /// The partners page with this widget in its builder:
    /// `/{page_lang}/partners?widget=…&limit=…&lang=…&theme=…` (the
    /// snippet's options as query parameters, read back by [`Self::parse`]).
    pub fn builder_url(&self, page_lang: Lang) -> String {
        let mut url = urls::partners(page_lang);
        for (i, (name, value)) in self.data_attributes().into_iter().enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            url.push_str(name);
            url.push('=');
            url.push_str(&urls::encode_component(&value));
        }
        url
    }

    /// The HTML a partner pastes: a plain link to the portal page (what
    /// readers without JavaScript get) and the script that upgrades it.
    /// `origin` is the portal's, like `https://portal.by`.
    pub fn snippet(&self, origin: &str, link_text: &str) -> String {
        let origin = origin.trim_end_matches('/');
        let mut html = String::from("<a class=\"portal-widget\"");
        for (name, value) in self.data_attributes() {
            html.push_str(&format!(" data-{name}=\"{}\"", escape_html(&value)));
        }
        html.push_str(&format!(
            "\n   href=\"{}{}\">{}</a>\n<script async src=\"{}/embed.js\"></script>",
            escape_html(origin),
            escape_html(&self.portal_path()),
            escape_html(link_text),
            escape_html(origin),
        ));
        html
    }
}

/// Escapes text for an HTML attribute value or element content.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(kind: &str, pairs: &[(&str, &str)]) -> Option<WidgetOptions> {
        WidgetOptions::parse(kind, |name| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.to_string())
        })
    }

    #[test]
    fn unknown_widgets_are_refused_and_known_ones_get_defaults() {
        assert_eq!(parse("weather", &[]), None);
        assert_eq!(parse("", &[]), None);
        let news = parse("news", &[]).unwrap();
        assert_eq!(news, WidgetOptions::new(WidgetKind::News, Lang::En));
        assert_eq!(news.limit, DEFAULT_LIMIT);
        assert_eq!(news.theme, Theme::Auto);
    }

    #[test]
    fn options_are_read_and_bad_ones_fall_back() {
        let events = parse(
            "events",
            &[
                ("lang", "be"),
                ("limit", "3"),
                ("category", "concerts"),
                ("region", "brest"),
                ("theme", "dark"),
            ],
        )
        .unwrap();
        assert_eq!(events.lang, Lang::Be);
        assert_eq!(events.limit, 3);
        assert_eq!(events.category.as_deref(), Some("concerts"));
        assert_eq!(events.region.as_deref(), Some("brest"));
        assert_eq!(events.theme, Theme::Dark);

        let bad = parse(
            "events",
            &[
                ("lang", "de"),
                ("limit", "-2"),
                ("category", "../x"),
                ("region", "Brest!"),
                ("theme", "neon"),
            ],
        )
        .unwrap();
        assert_eq!(bad, WidgetOptions::new(WidgetKind::Events, Lang::En));
        assert_eq!(parse("news", &[("limit", "0")]).unwrap().limit, 1);
        assert_eq!(parse("news", &[("limit", "500")]).unwrap().limit, MAX_LIMIT);
    }

    #[test]
    fn options_a_widget_does_not_take_are_ignored() {
        let news = parse("news", &[("region", "brest"), ("slug", "mir-castle")]).unwrap();
        assert_eq!((news.region, news.slug), (None, None));
        let site = parse(
            "site",
            &[("slug", "mir-castle"), ("limit", "3"), ("category", "x")],
        )
        .unwrap();
        assert_eq!(site.slug.as_deref(), Some("mir-castle"));
        assert_eq!((site.limit, site.category), (DEFAULT_LIMIT, None));
        assert_eq!(parse("site", &[("slug", "<b>")]).unwrap().slug, None);
    }

    #[test]
    fn portal_paths_carry_the_filters() {
        let mut events = WidgetOptions::new(WidgetKind::Events, Lang::Ru);
        assert_eq!(events.portal_path(), "/ru/events");
        events.region = Some("brest".into());
        assert_eq!(events.portal_path(), "/ru/events?region=brest");
        events.category = Some("fairs".into());
        assert_eq!(
            events.portal_path(),
            "/ru/events?category=fairs&region=brest"
        );
        let mut news = WidgetOptions::new(WidgetKind::News, Lang::En);
        news.category = Some("culture".into());
        assert_eq!(news.portal_path(), "/en/news?category=culture");
        let mut site = WidgetOptions::new(WidgetKind::Site, Lang::Be);
        assert_eq!(site.portal_path(), "/be/sites");
        site.slug = Some("mir-castle".into());
        assert_eq!(site.portal_path(), "/be/sites/mir-castle");
    }

    #[test]
    fn the_builder_url_carries_the_options() {
        let mut options = WidgetOptions::new(WidgetKind::Site, Lang::Ru);
        options.slug = Some("mir-castle-complex".into());
        let url = options.builder_url(Lang::En);
        assert_eq!(
            url,
            "/en/partners?widget=site&slug=mir-castle-complex&lang=ru&theme=auto"
        );
        let query = url.split_once('?').unwrap().1;
        let pairs: Vec<(&str, &str)> = query.split('&').filter_map(|p| p.split_once('=')).collect();
        assert_eq!(parse("site", &pairs), Some(options));
    }

    #[test]
    fn the_snippet_round_trips_through_parse() {
        let mut options = WidgetOptions::new(WidgetKind::Events, Lang::Be);
        options.limit = 4;
        options.region = Some("grodno".into());
        options.theme = Theme::Light;
        let snippet = options.snippet("https://portal.by/", "Падзеі \"Партала\" & <больш>");
        assert_eq!(
            snippet,
            "<a class=\"portal-widget\" data-widget=\"events\" data-limit=\"4\" data-region=\"grodno\" data-lang=\"be\" data-theme=\"light\"\n   \
             href=\"https://portal.by/be/events?region=grodno\">Падзеі &quot;Партала&quot; &amp; &lt;больш&gt;</a>\n\
             <script async src=\"https://portal.by/embed.js\"></script>"
        );
        // What embed.js forwards from the attributes parses back to the same options.
        let attributes = options.data_attributes();
        let back = WidgetOptions::parse("events", |name| {
            attributes
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.clone())
        });
        assert_eq!(back, Some(options));
    }
}
