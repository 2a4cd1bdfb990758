//! The header's search field, on every page. Without JavaScript it is a
//! plain GET form to `/{lang}/search`; with it, submitting navigates inside
//! the app. "/" anywhere (outside a text field) focuses it.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use portal_contract::urls;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{use_lang, use_texts};

/// The id of the header's field; the search page has its own, preferred.
pub const HEADER_FIELD_ID: &str = "site-search";
pub const PAGE_FIELD_ID: &str = "search-input";

#[component]
pub fn SearchBox() -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    let navigate = use_navigate();
    let input = NodeRef::<leptos::html::Input>::new();
    install_slash_shortcut();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = input
            .get_untracked()
            .map(|el| el.value())
            .unwrap_or_default();
        navigate(
            &urls::search(lang.get_untracked(), &value),
            Default::default(),
        );
    };
    view! {
        <form
            class="site-search"
            role="search"
            action=move || format!("/{}/search", lang.get())
            method="get"
            on:submit=on_submit
        >
            <label class="visually-hidden" for=HEADER_FIELD_ID>{move || t().search_label}</label>
            <input
                id=HEADER_FIELD_ID
                class="site-search__input"
                type="search"
                name="q"
                autocomplete="off"
                placeholder=move || t().search_placeholder
                node_ref=input
            />
            <button type="submit" class="site-search__button">
                <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
                    <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2.2"/>
                    <path d="M15.5 15.5 21 21" stroke="currentColor" stroke-width="2.2" stroke-linecap="round"/>
                </svg>
                <span class="visually-hidden">{move || t().search_submit}</span>
            </button>
        </form>
    }
}

/// "/" focuses the search page's field, or else the header's (or, where the
/// header shows only its button, opens the search page), unless the reader
/// is typing somewhere. Installed once per page load.
fn install_slash_shortcut() {
    thread_local! {
        static INSTALLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    // Prerendering has no document to listen on.
    if cfg!(feature = "ssr") || INSTALLED.with(|done| done.replace(true)) {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let handler = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(|ev: web_sys::KeyboardEvent| {
        if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || el.has_attribute("contenteditable")
            });
        if typing {
            return;
        }
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let field = document
            .get_element_by_id(PAGE_FIELD_ID)
            .or_else(|| document.get_element_by_id(HEADER_FIELD_ID))
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        let Some(field) = field else { return };
        ev.prevent_default();
        if field.offset_parent().is_some() {
            let _ = field.focus();
        } else if let Some(button) = document
            .query_selector(".site-search__button")
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            // The header shows only its button here: open the search page,
            // whose own field takes the cursor.
            button.click();
        }
    });
    let _ = document.add_event_listener_with_callback("keydown", handler.as_ref().unchecked_ref());
    handler.forget();
}
