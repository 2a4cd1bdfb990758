//! The events filters: category and region as rows of link chips (so each
//! state is a URL), and the active ones again as removable chips.

use leptos::prelude::*;
use portal_contract::urls::EventsQuery;
use portal_contract::Category;

use crate::components::filter_row::FilterRow;
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

    let by_category_link = by_category.clone();
    let by_region_link = by_region.clone();
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
            {active_view}
        </div>
    }
}
