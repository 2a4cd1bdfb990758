//! The travel guide's filter by opening: "Any time", "Open now" (link
//! chips, like the other filters) and "Open on" a date (a native date
//! field and a Show button). The choice lives in the URL (`open=`).

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use portal_calendar::Date;
use portal_contract::urls::OpenFilter;

use crate::i18n::texts_untracked;

/// `href(open)` is the guide's URL with this filter set (`None`: any time).
#[component]
pub fn OpenFilterRow<F>(current: Option<OpenFilter>, href: F) -> impl IntoView
where
    F: Fn(Option<OpenFilter>) -> String + Clone + Send + Sync + 'static,
{
    let t = texts_untracked();
    let navigate = use_navigate();
    let input = NodeRef::<leptos::html::Input>::new();
    let chip = |value: Option<OpenFilter>, name: &'static str| {
        let is_current = current == value;
        view! {
            <li>
                <a class="chip" href=href(value) aria-current=is_current.then_some("true")>{name}</a>
            </li>
        }
    };
    let chips =
        view! { {chip(None, t.hours_filter_any)}{chip(Some(OpenFilter::Now), t.hours_filter_now)} };
    let date_value = match current {
        Some(OpenFilter::On(date)) => date.to_string(),
        _ => String::new(),
    };
    let on_submit = {
        let href = href.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let value = input
                .get_untracked()
                .map(|el| el.value())
                .unwrap_or_default();
            // The field gives a date or nothing; nothing clears the filter.
            let open = Date::parse(&value).map(OpenFilter::On);
            navigate(&href(open), Default::default());
        }
    };
    view! {
        <div class="filter-row">
            <span class="filter-row__label" aria-hidden="true">{t.hours_filter_label}</span>
            <div class="open-filter">
                <nav class="chips" aria-label=t.hours_filter_label>
                    <ul>{chips}</ul>
                </nav>
                <form class="open-filter__date" on:submit=on_submit>
                    <label for="open-date">{t.hours_filter_date}</label>
                    <input id="open-date" type="date" name="open" value=date_value node_ref=input/>
                    <button type="submit" class="button button--secondary">{t.hours_filter_show}</button>
                </form>
            </div>
        </div>
    }
}
