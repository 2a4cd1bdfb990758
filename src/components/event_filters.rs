//! The events filters: category and region as rows of link chips (so each
//! state is a URL), and the active ones again as removable chips.

use leptos::prelude::*;
use portal_contract::urls::EventsQuery;
use portal_contract::Category;

use crate::i18n::{texts_untracked, use_lang};

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

    let row = |label: &'static str,
               all: &'static str,
               items: Vec<Category>,
               current: Option<String>,
               with: &dyn Fn(Option<String>) -> EventsQuery| {
        let chip = |slug: Option<String>, name: String| {
            let href = with(slug.clone()).url(lang);
            let is_current = current == slug;
            view! {
                <li>
                    <a class="chip" href=href aria-current=is_current.then_some("true")>{name}</a>
                </li>
            }
        };
        view! {
            <div class="filter-row">
                <span class="filter-row__label" aria-hidden="true">{label}</span>
                <nav class="chips" aria-label=label>
                    <ul>
                        {chip(None, all.to_string())}
                        {items
                            .into_iter()
                            .filter(|item| item.count > 0)
                            .map(|item| chip(Some(item.slug), item.name))
                            .collect_view()}
                    </ul>
                </nav>
            </div>
        }
    };
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

    let mut active = Vec::new();
    if let Some(name) = category_name {
        active.push((name, by_category(None).url(lang)));
    }
    if let Some(name) = region_name {
        active.push((name, by_region(None).url(lang)));
    }
    let clear = EventsQuery {
        category: None,
        region: None,
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

    view! {
        <div class="event-filters">
            {row(t.events_filter_category, t.all_categories, categories, query.category.clone(), &by_category)}
            {row(t.events_filter_region, t.events_all_regions, regions, query.region.clone(), &by_region)}
            {active_view}
        </div>
    }
}
