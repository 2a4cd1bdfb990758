//! The router, the language layout and the page shell.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Meta};
use leptos_router::components::{Outlet, ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::hooks::use_params_map;
use leptos_router::{path, Lazy};
use portal_contract::Lang;

use crate::api::ApiClient;
use crate::components::{footer::Footer, header::Header};
use crate::components::{offline_banner::OfflineBanner, update_prompt::UpdatePrompt};
use crate::focus::provide_navigation_focus;
use crate::i18n::{provide_lang, use_lang, use_texts};
use crate::lazy_pages::{
    ArticleRoute, EventRoute, EventsRoute, HomeRoute, NewsDayRoute, NewsFeedRoute, PartnersRoute,
    SavedRoute, SearchRoute, SiteRoute, SitesRoute,
};
use crate::pages::not_found::NotFoundPage;

/// The app in the browser: the API named by `index.html`, the service
/// worker and the saved list, then the routes.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(ApiClient::new(crate::config::api_base_from_document()));
    crate::pwa::provide_pwa();
    crate::saved::provide_saved();
    crate::near_me::provide_reader_position();
    view! { <AppRoutes/> }
}

/// The router and every route. Prerendering renders this same tree (see
/// `prerender`), with its own API client and no browser services.
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Router>
            <NavigationFocus>
            <Routes fallback=|| view! { <Shell><NotFoundPage/></Shell> }>
                <Route path=path!("/") view=RootRedirect/>
                <ParentRoute path=path!("/:lang") view=LanguageLayout>
                    <Route path=path!("/") view={Lazy::<HomeRoute>::new()}/>
                    <Route path=path!("/news") view={Lazy::<NewsFeedRoute>::new()}/>
                    <Route path=path!("/news/archive/:date") view={Lazy::<NewsDayRoute>::new()}/>
                    <Route path=path!("/news/:slug") view={Lazy::<ArticleRoute>::new()}/>
                    <Route path=path!("/events") view={Lazy::<EventsRoute>::new()}/>
                    <Route path=path!("/events/:slug") view={Lazy::<EventRoute>::new()}/>
                    <Route path=path!("/sites") view={Lazy::<SitesRoute>::new()}/>
                    <Route path=path!("/sites/:slug") view={Lazy::<SiteRoute>::new()}/>
                    <Route path=path!("/saved") view={Lazy::<SavedRoute>::new()}/>
                    <Route path=path!("/partners") view={Lazy::<PartnersRoute>::new()}/>
                    <Route path=path!("/search") view={Lazy::<SearchRoute>::new()}/>
                    <Route path=path!("/*any") view=NotFoundPage/>
                </ParentRoute>
            </Routes>
            </NavigationFocus>
        </Router>
    }
}

/// Tracks navigations for focus management, scroll restoration and the
/// prefetching of views' code; wraps
/// the routes so that they see the context (it needs the router, so it sits
/// inside it).
#[component]
fn NavigationFocus(children: Children) -> impl IntoView {
    provide_navigation_focus();
    crate::scroll::provide_scroll_restoration();
    // The views' code is fetched ahead in the browser only.
    #[cfg(feature = "csr")]
    let prefetch = view! { <crate::prefetch::Prefetch/> };
    #[cfg(not(feature = "csr"))]
    let prefetch = ();
    view! { {prefetch} {children()} }
}

/// `/` → `/{lang}/`, from the browser's preferred languages.
#[component]
fn RootRedirect() -> impl IntoView {
    let languages: Vec<String> = web_sys::window()
        .map(|window| {
            window
                .navigator()
                .languages()
                .iter()
                .filter_map(|value| value.as_string())
                .collect()
        })
        .unwrap_or_default();
    let lang = Lang::negotiate(languages.iter().map(String::as_str));
    view! { <Redirect path=portal_contract::urls::home(lang)/> }
}

/// Every `/{lang}/…` route: validates the language, shares it, and wraps the
/// view in the shell. An unknown language is a not-found page in English.
#[component]
fn LanguageLayout() -> impl IntoView {
    let params = use_params_map();
    let route_lang = Memo::new(move |_| {
        params
            .read()
            .get("lang")
            .and_then(|code| Lang::from_code(&code))
    });
    // A memo, not a derived signal: components read it untracked too, and a
    // memo computes in its own reactive context.
    let lang = Memo::new(move |_| route_lang.get().unwrap_or(Lang::En));
    provide_lang(lang.into());

    view! {
        <Shell>
            <Show when=move || route_lang.get().is_some() fallback=|| view! { <NotFoundPage/> }>
                <Outlet/>
            </Show>
        </Shell>
    }
}

/// Header, main landmark and footer around a view; sets `<html lang>`.
#[component]
fn Shell(children: Children) -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    #[cfg(feature = "csr")]
    crate::handover::drop_prerendered_meta(&["og:site_name"]);
    view! {
        <Html {..} lang=move || lang.get().code()/>
        <Meta property="og:site_name" content=move || t().site_name/>
        <a class="skip-link" href="#main" on:click=skip_to_main>{move || t().skip_to_content}</a>
        <Header/>
        <OfflineBanner/>
        <main id="main" class="main" tabindex="-1">
            {children()}
        </main>
        <Footer/>
        <UpdatePrompt/>
    }
}

/// Moves focus into `<main>` ourselves: the router would otherwise treat
/// `#main` as a navigation and focus would stay on the link.
fn skip_to_main(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    let main = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("main"));
    if let Some(main) =
        main.and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok())
    {
        let _ = main.focus();
        main.scroll_into_view();
    }
}
