//! One filter as a labelled row of link chips ("All", then each value that
//! has items), the current one marked: the events calendar and the travel
//! guide use it, each with its own URL builder.

use leptos::prelude::*;
use portal_contract::Category;

/// `href(slug)` is the URL with this filter set to `slug` (`None`: all).
#[component]
pub fn FilterRow<F>(
    label: &'static str,
    all: &'static str,
    items: Vec<Category>,
    current: Option<String>,
    href: F,
) -> impl IntoView
where
    F: Fn(Option<String>) -> String + 'static,
{
    let chip = |slug: Option<String>, name: String| {
        let is_current = current == slug;
        view! {
            <li>
                <a class="chip" href=href(slug) aria-current=is_current.then_some("true")>{name}</a>
            </li>
        }
    };
    let first = chip(None, all.to_string());
    let rest = items
        .into_iter()
        .filter(|item| item.count > 0)
        .map(|item| chip(Some(item.slug), item.name))
        .collect_view();
    view! {
        <div class="filter-row">
            <span class="filter-row__label" aria-hidden="true">{label}</span>
            <nav class="chips" aria-label=label>
                <ul>{first}{rest}</ul>
            </nav>
        </div>
    }
}
