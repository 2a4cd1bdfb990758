//! The site header: brand, sections and the language switcher.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use portal_contract::{urls, Lang};

use crate::components::search_box::SearchBox;
use crate::i18n::{use_lang, use_texts};

#[component]
pub fn Header() -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    let location = use_location();
    let path = move || location.pathname.get();
    // Sections that exist; new sections are added here as they land.
    // A section is current on its own page and on every page below it.
    let in_section = move |section: &str| {
        let p = path();
        let root = format!("/{}/{section}", lang.get());
        (p == root || p.starts_with(&format!("{root}/"))).then_some("page")
    };
    let news_current = move || in_section("news");
    let events_current = move || in_section("events");
    let sites_current = move || in_section("sites");
    let guide_open = RwSignal::new(false);
    // Any navigation closes the menu.
    Effect::new(move |_| {
        location.pathname.track();
        location.search.track();
        guide_open.set(false);
    });
    let home_current = move || (path() == urls::home(lang.get())).then_some("page");
    let saved_current = move || (path() == urls::saved(lang.get())).then_some("page");

    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="brand" href=move || urls::home(lang.get())>
                    <span class="brand__mark" aria-hidden="true"></span>
                    <span class="brand__name">{move || t().site_name}</span>
                </a>
                <nav class="main-nav" aria-label=move || t().main_nav_label>
                    <ul>
                        <li>
                            <a href=move || urls::home(lang.get()) aria-current=home_current>
                                {move || t().nav_home}
                            </a>
                        </li>
                        <li>
                            <a href=move || format!("/{}/news", lang.get()) aria-current=news_current>
                                {move || t().nav_news}
                            </a>
                        </li>
                        <li>
                            <a href=move || urls::events(lang.get()) aria-current=events_current>
                                {move || t().nav_events}
                            </a>
                        </li>
                        <li class="nav-menu">
                            <a href=move || urls::sites(lang.get()) aria-current=sites_current>
                                {move || t().nav_sites}
                            </a>
                            <button
                                type="button"
                                class="nav-menu__toggle"
                                aria-expanded=move || if guide_open.get() { "true" } else { "false" }
                                aria-controls="guide-menu"
                                on:click=move |_| guide_open.update(|open| *open = !*open)
                            >
                                <span aria-hidden="true">"▾"</span>
                                <span class="visually-hidden">{move || t().guide_menu}</span>
                            </button>
                        </li>
                        <li>
                            <a href=move || urls::saved(lang.get()) aria-current=saved_current>
                                {move || t().nav_saved}
                            </a>
                        </li>
                    </ul>
                </nav>
                <SearchBox/>
                // Outside the scrolling row of sections, so it is never clipped.
                <nav
                    id="guide-menu"
                    class="guide-menu"
                    aria-label=move || t().guide_menu
                    hidden=move || !guide_open.get()
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() == "Escape" {
                            guide_open.set(false);
                        }
                    }
                    on:click=move |_| guide_open.set(false)
                >
                    <ul>
                        {move || {
                            let t = t();
                            [
                                ("top", t.guide_top),
                                ("unesco", t.guide_unesco),
                                ("sanatoria", t.guide_sanatoria),
                                ("souvenirs", t.guide_souvenirs),
                                ("memorials", t.guide_memorials),
                            ]
                            .into_iter()
                            .map(|(slug, name)| {
                                let href = urls::SitesQuery { category: Some(slug.to_string()), region: None, open: None }.url(lang.get());
                                view! { <li><a href=href>{name}</a></li> }
                            })
                            .collect_view()
                        }}
                    </ul>
                </nav>
                <LanguageSwitcher/>
            </div>
        </header>
    }
}

/// Links to the current page in each other language (path and query kept).
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    let location = use_location();
    // The router's `search` has no leading "?".
    let here = move || {
        let search = location.search.get();
        let separator = if search.is_empty() { "" } else { "?" };
        format!("{}{separator}{search}", location.pathname.get())
    };

    view! {
        <nav class="lang-switch" aria-label=move || t().language_label>
            <ul>
                {Lang::ALL
                    .into_iter()
                    .map(|target| {
                        let is_current = move || lang.get() == target;
                        view! {
                            <li>
                                <a
                                    href=move || urls::with_lang(&here(), target)
                                    hreflang=target.code()
                                    lang=target.code()
                                    aria-current=move || is_current().then_some("true")
                                    title=move || portal_i18n::fill(t().read_in_language, &[("language", portal_i18n::endonym(target))])
                                >
                                    <span aria-hidden="true">{target.code().to_ascii_uppercase()}</span>
                                    <span class="visually-hidden">{portal_i18n::endonym(target)}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
