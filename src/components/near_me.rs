//! The guide's "by distance": a button that asks for the reader's position
//! (only when pressed), and a town to measure from instead — a form that
//! also works before the app runs — plus the way back to the usual order.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use portal_contract::urls::SitesQuery;
use portal_geo::towns::TOWNS;
use portal_i18n::towns::town_name;

use crate::i18n::{texts_untracked, use_lang};
use crate::near_me::{locate, use_reader_position, DistanceFrom, LocateError};

/// Where asking for the position stands. Owned by the guide page, not by
/// this component: the list (and this component with it) is drawn again
/// when the position arrives, while the request that brought it finishes.
#[derive(Clone, Copy, PartialEq)]
pub enum Asking {
    Idle,
    Waiting,
    /// The position has just arrived: the list drawn again with it puts
    /// focus on what it now says.
    Located,
    Failed(LocateError),
}

/// `from`: what the list is sorted by now, if anything.
#[component]
pub fn NearMe(
    query: SitesQuery,
    from: Option<DistanceFrom>,
    asking: RwSignal<Asking>,
) -> impl IntoView {
    let t = texts_untracked();
    let lang = use_lang().get_untracked();
    let position = use_reader_position();
    let navigate = use_navigate();
    let without_town = SitesQuery {
        near: None,
        ..query.clone()
    };
    let plain_url = without_town.url(lang);

    // The answer can come after the reader has left (up to 15 s, or a
    // permission prompt left open): then it must not navigate.
    let gone = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    on_cleanup({
        let gone = gone.clone();
        move || gone.store(true, std::sync::atomic::Ordering::Relaxed)
    });
    let ask = {
        let navigate = navigate.clone();
        let plain_url = plain_url.clone();
        let from_town = matches!(from, Some(DistanceFrom::Town(_)));
        move |_| {
            asking.set(Asking::Waiting);
            let navigate = navigate.clone();
            let plain_url = plain_url.clone();
            let gone = gone.clone();
            leptos::task::spawn_local(async move {
                match locate().await {
                    Ok(at) => {
                        // A town in the address would win over the position.
                        // Before the position is set: setting it draws the
                        // list (and this view) again.
                        if from_town && !gone.load(std::sync::atomic::Ordering::Relaxed) {
                            navigate(&plain_url, Default::default());
                        }
                        position.set(Some(at));
                        asking.try_set(Asking::Located);
                    }
                    Err(error) => {
                        asking.try_set(Asking::Failed(error));
                    }
                }
            });
        }
    };

    let select = NodeRef::<leptos::html::Select>::new();
    let on_submit = {
        let query = query.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(slug) = select.get_untracked().map(|s| s.value()) else {
                return;
            };
            let next = SitesQuery {
                near: Some(slug),
                ..query.clone()
            };
            navigate(&next.url(lang), Default::default());
        }
    };

    let current_town = match &from {
        Some(DistanceFrom::Town(slug)) => Some(*slug),
        _ => None,
    };
    let mut towns: Vec<(&'static str, &'static str)> = TOWNS
        .iter()
        .filter_map(|town| Some((town.slug, town_name(lang, town.slug)?)))
        .collect();
    towns.sort_by(|a, b| a.1.cmp(b.1));
    let options = towns
        .into_iter()
        .map(|(slug, name)| view! { <option value=slug selected=current_town == Some(slug)>{name}</option> })
        .collect_view();
    // Hidden fields carry the other filters when the form is sent before
    // the app runs (a plain GET to the guide).
    let hidden = [
        ("category", query.category.clone()),
        ("region", query.region.clone()),
        ("open", query.open.as_ref().map(|open| open.value())),
        (
            "access",
            (!query.access.is_empty()).then(|| {
                query
                    .access
                    .iter()
                    .map(|f| f.slug())
                    .collect::<Vec<_>>()
                    .join(",")
            }),
        ),
    ]
    .into_iter()
    .filter_map(|(name, value)| Some(view! { <input type="hidden" name=name value=value?/> }))
    .collect_view();

    // Pressing the button draws the list again, this section with it: focus
    // goes to the new status line (read out, and the place keyboard users
    // continue from) instead of falling to the top of the page.
    let status_line = NodeRef::<leptos::html::P>::new();
    Effect::new(move |_| {
        if let Some(line) = status_line.get() {
            if asking.try_get_untracked() == Some(Asking::Located) {
                asking.set(Asking::Idle);
                let _ = line.focus();
            }
        }
    });
    let status = move || match (asking.try_get().unwrap_or(Asking::Idle), from) {
        (Asking::Waiting, _) => t.near_me_locating.to_string(),
        (Asking::Failed(LocateError::Denied), _) => t.near_me_denied.to_string(),
        (Asking::Failed(LocateError::Unavailable), _) => t.near_me_unavailable.to_string(),
        (Asking::Idle | Asking::Located, Some(DistanceFrom::Reader)) => t.near_me_done.to_string(),
        (Asking::Idle | Asking::Located, Some(DistanceFrom::Town(slug))) => portal_i18n::fill(
            t.near_from_town,
            &[("town", town_name(lang, slug).unwrap_or(slug))],
        ),
        (Asking::Idle | Asking::Located, None) => String::new(),
    };
    let sorted = from.is_some();
    let stop = move |_| position.set(None);

    view! {
        <section class="near-me" aria-labelledby="near-me-title">
            <h2 id="near-me-title" class="near-me__title">{t.near_title}</h2>
            <div class="near-me__controls">
                <button type="button" class="button button--secondary" on:click=ask disabled=move || asking.try_get() == Some(Asking::Waiting)>
                    {t.near_me_button}
                </button>
                <form class="near-me__town" action=portal_contract::urls::sites(lang) method="get" on:submit=on_submit>
                    {hidden}
                    <label for="near-town">{t.near_town_label}</label>
                    <select id="near-town" name="near" node_ref=select>{options}</select>
                    <button type="submit" class="button button--secondary">{t.near_town_submit}</button>
                </form>
            </div>
            <p class="near-me__status" role="status" tabindex="-1" node_ref=status_line>{status}</p>
            {sorted.then(|| view! { <p><a href=plain_url on:click=stop>{t.near_stop}</a></p> })}
        </section>
    }
}
