//! The travel guide's filter by opening: "Any time", "Open now" (link
//! chips, like the other filters) and "Open on" a date (a native date
//! field and a Show button). The choice lives in the URL (`open=`).

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use portal_calendar::Date;
use portal_contract::urls::OpenFilter;

use crate::i18n::texts_untracked;

thread_local! {
    /// The control the reader used, to focus again in the list the
    /// navigation renders (the old one, with the focus, is gone).
    static REFOCUS: std::cell::Cell<Option<Control>> = const { std::cell::Cell::new(None) };
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Control {
    Any,
    Now,
    Date,
}

/// Focuses `node` once it is in the document, if it is the control the
/// reader used last.
fn refocus<E>(node: NodeRef<E>, control: Control)
where
    E: leptos::html::ElementType,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
{
    Effect::new(move |_| {
        if let Some(element) = node.get() {
            if REFOCUS.with(|pending| pending.get()) == Some(control) {
                REFOCUS.with(|pending| pending.set(None));
                let element: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(element);
                set_timeout(
                    move || {
                        let _ = element.focus();
                    },
                    std::time::Duration::ZERO,
                );
            }
        }
    });
}

/// `href(open)` is the guide's URL with this filter set (`None`: any time).
#[component]
pub fn OpenFilterRow<F>(current: Option<OpenFilter>, href: F) -> impl IntoView
where
    F: Fn(Option<OpenFilter>) -> String + Clone + Send + Sync + 'static,
{
    let t = texts_untracked();
    let navigate = use_navigate();
    let input = NodeRef::<leptos::html::Input>::new();
    let chip = |value: Option<OpenFilter>, name: &'static str, control: Control| {
        let is_current = current == value;
        let node = NodeRef::<leptos::html::A>::new();
        refocus(node, control);
        view! {
            <li>
                <a
                    class="chip"
                    href=href(value)
                    aria-current=is_current.then_some("true")
                    node_ref=node
                    on:click=move |_| REFOCUS.with(|pending| pending.set(Some(control)))
                >
                    {name}
                </a>
            </li>
        }
    };
    let chips = view! {
        {chip(None, t.hours_filter_any, Control::Any)}
        {chip(Some(OpenFilter::Now), t.hours_filter_now, Control::Now)}
    };
    refocus(input, Control::Date);
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
            REFOCUS.with(|pending| pending.set(Some(Control::Date)));
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
