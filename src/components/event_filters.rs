//! The events filters: the quick window, category, region and free entry
//! as rows of link chips (so each state is a URL), and the active ones
//! again as removable chips.

use leptos::prelude::*;
use portal_calendar::window::QuickWindow;
use portal_contract::urls::EventsQuery;
use portal_contract::Category;

use crate::components::filter_row::FilterRow;
use crate::i18n::{texts_untracked, use_lang};
use crate::pages::events::window_name;

/// The chip value of the free-entry row.
const FREE: &str = "free";

#[component]
pub fn EventFilters(
    categories: Vec<Category>,
    regions: Vec<Category>,
    query: EventsQuery,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = texts_untracked();
    let name_of = |list: &[Category], slug: &Option<String>| {
        slug.as_ref().map(|slug| {
            list.iter()
                .find(|c| &c.slug == slug)
                .map_or_else(|| slug.clone(), |c| c.name.clone())
        })
    };
    let category_name = name_of(&categories, &query.category);
    let region_name = name_of(&regions, &query.region);

    let by_category = {
        let query = query.clone();
        move |category| EventsQuery {
            category,
            ..query.clone()
        }
    };
    let by_region = {
        let query = query.clone();
        move |region| EventsQuery {
            region,
            ..query.clone()
        }
    };

    let by_window = {
        let query = query.clone();
        move |when: Option<QuickWindow>| EventsQuery {
            when,
            ..query.clone()
        }
    };
    let by_free = {
        let query = query.clone();
        move |free: bool| EventsQuery {
            free,
            ..query.clone()
        }
    };
    // FilterRow's chips are (slug, name) pairs: the windows and "free
    // entry" as such, always shown (count 1).
    let chip = |slug: &str, name: &str| Category {
        slug: slug.to_string(),
        name: name.to_string(),
        count: 1,
    };
    let windows: Vec<Category> = QuickWindow::ALL
        .into_iter()
        .map(|window| chip(window.slug(), window_name(t, window)))
        .collect();

    let by_category_link = by_category.clone();
    let by_region_link = by_region.clone();
    let by_window_link = by_window.clone();
    let by_free_link = by_free.clone();
    let mut active = Vec::new();
    if let Some(window) = query.when {
        active.push((
            window_name(t, window).to_string(),
            by_window(None).url(lang),
        ));
    }
    if let Some(name) = category_name {
        active.push((name, by_category(None).url(lang)));
    }
    if let Some(name) = region_name {
        active.push((name, by_region(None).url(lang)));
    }
    if query.free {
        active.push((t.events_free_only.to_string(), by_free(false).url(lang)));
    }
    let clear = EventsQuery {
        when: None,
        category: None,
        region: None,
        free: false,
        ..query.clone()
    }
    .url(lang);
    let active_view = (!active.is_empty()).then(|| {
        let several = active.len() > 1;
        view! {
            <div class="active-filters">
                <h2 class="visually-hidden">{t.events_active_filters}</h2>
                <ul class="active-filters__list">
                    {active
                        .into_iter()
                        .map(|(name, href)| {
                            let label = portal_i18n::fill(t.events_remove_filter, &[("name", &name)]);
                            view! {
                                <li>
                                    <a class="chip chip--removable" href=href aria-label=label>
                                        {name}
                                        <span class="chip__remove" aria-hidden="true">"×"</span>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                    {several.then(|| view! { <li><a class="active-filters__clear" href=clear>{t.events_clear_filters}</a></li> })}
                </ul>
            </div>
        }
    });

    let window_href = move |slug: Option<String>| {
        by_window_link(slug.as_deref().and_then(QuickWindow::from_slug)).url(lang)
    };
    let free_href = move |slug: Option<String>| by_free_link(slug.is_some()).url(lang);
    view! {
        <div class="event-filters">
            <FilterRow
                label=t.events_filter_when
                all=t.events_when_any
                items=windows
                current=query.when.map(|window| window.slug().to_string())
                href=window_href
            />
            <FilterRow
                label=t.events_filter_category
                all=t.all_categories
                items=categories
                current=query.category.clone()
                href=move |slug| by_category_link(slug).url(lang)
            />
            <FilterRow
                label=t.events_filter_region
                all=t.events_all_regions
                items=regions
                current=query.region.clone()
                href=move |slug| by_region_link(slug).url(lang)
            />
            <FilterRow
                label=t.events_filter_price
                all=t.events_any_price
                items=vec![chip(FREE, t.events_free_only)]
                current=query.free.then(|| FREE.to_string())
                href=free_href
            />
            {active_view}
        </div>
    }
}
