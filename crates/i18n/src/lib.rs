//! Every string a reader sees, in English, Russian and Belarusian.
//!
//! Keys are struct fields, so a missing translation or a misspelt key is a
//! compile error, and there is no lookup or parsing at run time (the strings
//! are static data in the wasm). Counted phrases go through [`Plural`] with
//! each language's CLDR plural rules; dates through [`dates`]. The names
//! of the publisher's RSS feeds and calendars are in [`feeds`].

mod be;
pub mod dates;
mod en;
pub mod feeds;
pub mod opening;
pub mod plural;
mod ru;
pub mod towns;

pub use feeds::{feed_texts, FeedTexts};
pub use plural::Plural;
use portal_contract::Lang;

/// The UI texts of one language. `{…}` marks a value filled in by the
/// caller through [`fill`].
pub struct Texts {
    pub site_name: &'static str,
    pub site_tagline: &'static str,
    pub skip_to_content: &'static str,
    pub main_nav_label: &'static str,
    pub nav_home: &'static str,
    pub nav_news: &'static str,
    pub language_label: &'static str,
    /// Accessible name of a language switch link; `{language}` is the
    /// language's own name.
    pub read_in_language: &'static str,
    pub footer_about: &'static str,
    pub footer_content_note: &'static str,
    pub footer_sections: &'static str,

    pub home_description: &'static str,
    pub home_latest: &'static str,
    pub home_all_news: &'static str,

    pub news_title: &'static str,
    pub news_description: &'static str,
    pub news_category_title: &'static str,
    pub categories_label: &'static str,
    pub all_categories: &'static str,
    pub category_missing: &'static str,
    pub news_empty: &'static str,
    pub articles_count: Plural,
    pub param_corrected: &'static str,
    pub pager_label: &'static str,
    pub pager_previous: &'static str,
    pub pager_next: &'static str,
    pub pager_page: &'static str,
    pub pager_status: &'static str,
    pub page_missing: &'static str,
    pub go_to_first_page: &'static str,

    pub breadcrumbs_label: &'static str,
    pub published: &'static str,
    pub updated: &'static str,
    pub minutes_read: Plural,
    pub tags_label: &'static str,
    pub related_title: &'static str,
    pub share: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub copy_failed: &'static str,
    /// Said in the language the article is missing from.
    pub not_in_language: &'static str,
    pub read_in_english: &'static str,

    pub loading: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub back_home: &'static str,
    pub error_title: &'static str,
    pub error_not_found: &'static str,
    pub error_network: &'static str,
    pub error_timeout: &'static str,
    pub error_server: &'static str,
    pub error_decode: &'static str,
    pub error_details: &'static str,
    /// A secondary block of a page failed (the page itself is fine).
    pub block_error: &'static str,
    pub retry: &'static str,

    // Offline reading and updates (the PWA).
    pub nav_saved: &'static str,
    /// Shown while the browser is offline.
    pub offline_banner: &'static str,
    /// A view's data failed to load while offline and is not saved.
    pub error_offline: &'static str,
    pub open_saved: &'static str,
    pub update_available: &'static str,
    pub update_reload: &'static str,
    pub save_offline: &'static str,
    /// The save button once the article is saved (pressing removes it).
    pub saved_remove: &'static str,
    pub saved_done: &'static str,
    pub saved_removed: &'static str,
    pub saved_title: &'static str,
    pub saved_description: &'static str,
    pub saved_empty: &'static str,
    /// Saved entries this version could not read; they are kept.
    pub saved_unreadable: Plural,
    /// Remove button of one saved item; `{title}` is read by screen readers only.
    pub saved_remove_item: &'static str,
    /// The Saved page's groups.
    pub saved_articles: &'static str,
    pub saved_places: &'static str,
    pub saved_events: &'static str,
    /// Marks a saved event that is over.
    pub saved_event_past: &'static str,
    /// Heading over the download buttons of a list of places.
    pub export_places_title: &'static str,
    pub export_gpx: &'static str,
    pub export_kml: &'static str,
    pub export_ics: &'static str,
    /// The name inside an exported file of the saved places or events.
    pub export_saved_places_name: &'static str,
    pub export_saved_events_name: &'static str,
    /// The name inside a file of the guide's list as filtered.
    pub export_guide_name: &'static str,
    /// Announced when a file is handed to the browser; `{file}` its name.
    pub export_started: &'static str,
    pub export_failed: &'static str,
    /// A `geo:` link that opens the reader's own maps app.
    pub open_in_maps_app: &'static str,

    // The travel guide.
    pub nav_sites: &'static str,
    pub sites_title: &'static str,
    pub sites_description: &'static str,
    pub sites_sections_label: &'static str,
    pub sites_all_sections: &'static str,
    pub sites_map_label: &'static str,
    pub sites_empty: &'static str,
    pub site_facts: &'static str,
    pub site_address: &'static str,
    pub site_hours: &'static str,
    pub site_admission: &'static str,
    pub site_website: &'static str,
    pub site_phone: &'static str,
    pub site_inscribed: &'static str,
    pub site_criteria: &'static str,
    pub site_heritage_kind: &'static str,
    pub site_cultural: &'static str,
    pub site_natural: &'static str,
    pub site_mixed: &'static str,
    pub site_cross_border: &'static str,
    pub site_profiles: &'static str,
    pub site_season: &'static str,
    pub site_materials: &'static str,
    pub site_where: &'static str,
    pub site_commemorates: &'static str,
    pub site_nearby: &'static str,
    pub site_km: &'static str,
    /// The site page's accessibility facts and the guide's filter.
    pub access_title: &'static str,
    pub access_step_free_entrance: &'static str,
    pub access_accessible_toilet: &'static str,
    pub access_disabled_parking: &'static str,
    pub access_assistance_on_request: &'static str,
    pub access_yes: &'static str,
    pub access_no: &'static str,
    pub access_not_known: &'static str,
    /// A site with no accessibility facts at all.
    pub access_none: &'static str,
    pub access_filter_label: &'static str,
    /// The guide's address had a filter value that was dropped.
    pub sites_corrected: &'static str,
    /// The guide sorted by distance ("near me").
    pub near_title: &'static str,
    pub near_me_button: &'static str,
    pub near_me_locating: &'static str,
    /// Sorted from the reader's position; says it stays on the device.
    pub near_me_done: &'static str,
    pub near_me_denied: &'static str,
    pub near_me_unavailable: &'static str,
    pub near_town_label: &'static str,
    pub near_town_submit: &'static str,
    /// `{town}` the town's name.
    pub near_from_town: &'static str,
    pub near_stop: &'static str,
    /// The map's marker of the reader's position.
    pub near_you_are_here: &'static str,
    /// A card's distance; `{km}` the number.
    pub near_km_away: &'static str,
    pub site_gallery: &'static str,
    pub gallery_open: &'static str,
    pub gallery_close: &'static str,
    pub gallery_previous: &'static str,
    pub gallery_next: &'static str,
    pub site_locator: &'static str,
    pub home_discover: &'static str,
    pub home_all_sites: &'static str,
    pub sites_count: Plural,
    /// The header's menu of the guide's five sections (names as in
    /// content/site-sections.toml).
    pub guide_menu: &'static str,
    pub guide_top: &'static str,
    pub guide_unesco: &'static str,
    pub guide_sanatoria: &'static str,
    pub guide_souvenirs: &'static str,
    pub guide_memorials: &'static str,

    // Search.
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub search_submit: &'static str,
    pub search_title: &'static str,
    pub search_description: &'static str,
    pub search_prompt: &'static str,
    pub search_results_for: &'static str,
    pub search_none: &'static str,
    pub search_try: &'static str,
    pub search_kind_news: &'static str,
    pub search_kind_events: &'static str,
    pub search_kind_sites: &'static str,
    pub search_keyboard_hint: &'static str,
    pub search_loading: &'static str,
    pub search_count: Plural,
    /// Under a group of results that has more: shows the next ones.
    pub search_more: &'static str,
    /// When a short word begins more index words than are fetched for it.
    pub search_partial: &'static str,
    /// Offline, for a word whose part of the index was never fetched.
    pub search_offline: &'static str,

    // The news archive.
    pub archive_title: &'static str,
    pub archive_description: &'static str,
    pub archive_day_title: &'static str,
    pub archive_invalid_date: &'static str,
    pub archive_empty_day: &'static str,
    pub archive_nearest: &'static str,
    pub archive_previous_day: &'static str,
    pub archive_next_day: &'static str,
    pub archive_help: &'static str,

    // The events calendar.
    pub nav_events: &'static str,
    pub events_title: &'static str,
    pub events_description: &'static str,
    /// The `?month=` (or another parameter) could not be used.
    pub events_corrected: &'static str,
    pub events_month_nav: &'static str,
    pub events_previous_month: &'static str,
    pub events_next_month: &'static str,
    /// Back to the current month (not "Today": that is a quick window).
    pub events_today: &'static str,
    pub events_view_label: &'static str,
    pub events_view_month: &'static str,
    pub events_view_list: &'static str,
    pub events_filter_category: &'static str,
    pub events_filter_region: &'static str,
    pub events_all_regions: &'static str,
    pub events_active_filters: &'static str,
    /// Accessible name of a removable filter chip.
    pub events_remove_filter: &'static str,
    pub events_clear_filters: &'static str,
    pub events_empty_month: &'static str,
    pub events_nearest: &'static str,
    pub events_none_match: &'static str,
    pub events_all_day: &'static str,
    /// The control that reveals the rest of a day's events.
    pub events_more: &'static str,
    pub events_show_less: &'static str,
    pub events_day_heading: &'static str,
    pub events_day_none: &'static str,
    /// Keyboard help for the month grid.
    pub events_grid_help: &'static str,
    /// Events of more than a week, listed once beside the month grid.
    pub events_long_running: &'static str,
    /// A multi-day event in the list view.
    pub events_until: &'static str,
    pub events_subscribe: &'static str,
    pub events_subscribe_hint: &'static str,
    // The events calendar's quick windows, free entry and filtered feeds.
    /// The quick windows' row label.
    pub events_filter_when: &'static str,
    pub events_when_any: &'static str,
    pub events_when_today: &'static str,
    /// Friday to Sunday on a Friday, the weekend under way on Saturday and Sunday.
    pub events_when_weekend: &'static str,
    pub events_when_week: &'static str,
    /// The free-entry row label.
    pub events_filter_price: &'static str,
    pub events_any_price: &'static str,
    pub events_free_only: &'static str,
    /// `{window}` is a window's name, `{dates}` its days.
    pub events_window_dates: &'static str,
    pub events_window_empty: &'static str,
    /// Clears the window.
    pub events_show_all_dates: &'static str,
    /// Clears the free-entry filter.
    pub events_include_paid: &'static str,
    /// A parameter was dropped while a window stays set.
    pub events_corrected_dropped: &'static str,
    /// The feed of the active category or region; `{name}` is its name.
    pub events_subscribe_only: &'static str,
    pub event_when: &'static str,
    pub event_where: &'static str,
    pub event_price: &'static str,
    pub event_free: &'static str,
    pub event_organiser: &'static str,
    pub event_open_map: &'static str,
    pub event_add_to_calendar: &'static str,
    pub event_download_ics: &'static str,
    pub event_google_calendar: &'static str,
    pub event_outlook_calendar: &'static str,
    pub event_zone_note: &'static str,
    pub event_local_time: &'static str,
    pub event_body_in_english: &'static str,
    pub event_related: &'static str,
    pub event_details: &'static str,
    pub home_upcoming: &'static str,
    pub home_all_events: &'static str,
    pub upcoming_empty: &'static str,
    pub events_count: Plural,

    pub nav_partners: &'static str,
    pub partners_title: &'static str,
    pub partners_description: &'static str,
    pub partners_builder: &'static str,
    pub partners_widget: &'static str,
    pub partners_widget_news: &'static str,
    pub partners_widget_events: &'static str,
    pub partners_widget_site: &'static str,
    pub partners_limit: &'static str,
    pub partners_category: &'static str,
    pub partners_region: &'static str,
    pub partners_any: &'static str,
    pub partners_site: &'static str,
    pub partners_language: &'static str,
    pub partners_theme: &'static str,
    pub partners_theme_light: &'static str,
    pub partners_theme_dark: &'static str,
    pub partners_theme_auto: &'static str,
    pub partners_options_failed: &'static str,
    pub partners_preview: &'static str,
    pub partners_snippet: &'static str,
    pub partners_snippet_hint: &'static str,
    pub partners_copy: &'static str,
    pub partners_copied: &'static str,
    pub partners_copy_failed: &'static str,
    pub partners_how_title: &'static str,
    pub partners_how_lazy: &'static str,
    pub partners_how_fit: &'static str,
    pub partners_how_links: &'static str,
    pub partners_how_later: &'static str,
    pub partners_how_once: &'static str,
    pub partners_how_options: &'static str,

    // Opening hours of the guide's sites (issue 16, part 4).
    /// Under the table: which clock the hours are in.
    pub hours_minsk_time: &'static str,
    pub hours_open_now: &'static str,
    pub hours_closed_now: &'static str,
    /// Open with no closing in the coming week.
    pub hours_round_the_clock_now: &'static str,
    /// `{when}` is one of the hours_*_at phrases.
    pub hours_closes: &'static str,
    pub hours_closes_midnight: &'static str,
    pub hours_opens: &'static str,
    /// Closed with no opening in the coming year.
    pub hours_not_this_year: &'static str,
    /// A time later today, after "closes"/"opens".
    pub hours_at: &'static str,
    pub hours_today_at: &'static str,
    pub hours_tomorrow_at: &'static str,
    /// `{date}` is a day and month: "1 May".
    pub hours_date_at: &'static str,
    /// A Minsk time and the reader's, when their zone differs.
    pub hours_your_time: &'static str,
    pub hours_all_year: &'static str,
    pub hours_rest_of_year: &'static str,
    pub hours_every_day: &'static str,
    /// A day's hours when closed.
    pub hours_closed: &'static str,
    /// A day's hours when open round the clock.
    pub hours_all_day: &'static str,
    /// Column header.
    pub hours_days: &'static str,
    /// Column header.
    pub hours_hours: &'static str,
    pub hours_public_holidays: &'static str,
    /// Under a table with a public holidays row.
    pub hours_holidays_explained: &'static str,
    /// When a site's hours are not known.
    pub hours_unknown: &'static str,
    /// The guide's filter by opening.
    pub hours_filter_label: &'static str,
    pub hours_filter_any: &'static str,
    pub hours_filter_now: &'static str,
    /// The date field's label.
    pub hours_filter_date: &'static str,
    pub hours_filter_show: &'static str,
    /// The result line for a date filter.
    pub hours_filter_on_date: &'static str,
    /// The result line for "open now".
    pub hours_filter_now_note: &'static str,
    /// How many of the filtered sites have unknown hours.
    pub hours_left_out: Plural,
}

impl Texts {
    /// The name of an accessibility feature, in words.
    pub fn access_feature(&self, feature: portal_contract::AccessFeature) -> &'static str {
        use portal_contract::AccessFeature::*;
        match feature {
            StepFreeEntrance => self.access_step_free_entrance,
            AccessibleToilet => self.access_accessible_toilet,
            DisabledParking => self.access_disabled_parking,
            AssistanceOnRequest => self.access_assistance_on_request,
        }
    }
}

/// The texts of `lang`.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::En => &en::TEXTS,
        Lang::Ru => &ru::TEXTS,
        Lang::Be => &be::TEXTS,
    }
}

/// The texts of the partner widgets (`/embed/…`). Kept apart from
/// [`Texts`] so the small widget build carries only these.
pub struct WidgetTexts {
    pub site_name: &'static str,
    pub news_heading: &'static str,
    pub events_heading: &'static str,
    pub more_news: &'static str,
    pub more_events: &'static str,
    pub site_more: &'static str,
    /// After a link that opens the portal in a new tab, for screen readers.
    pub new_tab: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub open_portal: &'static str,
    pub news_none: &'static str,
    pub events_none: &'static str,
    pub site_missing: &'static str,
    pub free: &'static str,
    /// The date badge of an event that has begun and not ended.
    pub on_now: &'static str,
    /// The snippet's link text: what readers without JavaScript see, and
    /// the iframe's title.
    pub news_link: &'static str,
    pub events_link: &'static str,
    /// `{site}` is the site's name.
    pub site_link: &'static str,
}

pub fn widget_texts(lang: Lang) -> &'static WidgetTexts {
    match lang {
        Lang::En => &en::WIDGET,
        Lang::Ru => &ru::WIDGET,
        Lang::Be => &be::WIDGET,
    }
}

/// A language's name in that language, for the switcher.
pub fn endonym(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Ru => "Русский",
        Lang::Be => "Беларуская",
    }
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every template's placeholders are the same in all languages, so a
    /// translation cannot silently drop a value.
    #[test]
    fn placeholders_match_across_languages() {
        fn placeholders(s: &str) -> Vec<String> {
            let mut found: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_string()))
                .collect();
            found.sort();
            found
        }
        let pick = |t: &Texts| {
            [
                t.read_in_language,
                t.news_category_title,
                t.param_corrected,
                t.pager_page,
                t.pager_status,
                t.page_missing,
                t.error_server,
                t.events_remove_filter,
                t.events_empty_month,
                t.events_nearest,
                t.events_more,
                t.events_day_heading,
                t.events_day_none,
                t.events_until,
                t.event_local_time,
                t.archive_day_title,
                t.archive_invalid_date,
                t.archive_empty_day,
                t.archive_nearest,
                t.search_results_for,
                t.search_none,
                t.search_partial,
                t.sites_map_label,
                t.site_km,
                t.gallery_open,
            ]
            .map(placeholders)
        };
        let en = pick(texts(Lang::En));
        for lang in [Lang::Ru, Lang::Be] {
            assert_eq!(pick(texts(lang)), en, "{lang}");
        }
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            fill("Page {n} of {total}", &[("n", "2"), ("total", "3")]),
            "Page 2 of 3"
        );
        assert_eq!(fill("no values", &[("n", "2")]), "no values");
    }

    #[test]
    fn no_text_is_empty() {
        for lang in Lang::ALL {
            let t = texts(lang);
            for s in [
                t.site_name,
                t.nav_news,
                t.retry,
                t.error_timeout,
                t.not_found_title,
            ] {
                assert!(!s.trim().is_empty(), "{lang}");
            }
        }
    }
}
