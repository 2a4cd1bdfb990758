//! The one way a failed load looks: what happened in plain words, a Retry
//! button that works, and the technical detail folded away. Offline, a
//! request that could not be answered from the saved copies says that the
//! page needs a connection and offers the Saved page instead.

use leptos::prelude::*;
use portal_contract::urls;

use crate::api::ApiError;
use crate::i18n::{use_lang, use_texts};
use crate::pwa::use_online;

/// `compact`: for a secondary block of a page (e.g. upcoming events on the
/// home page) — a polite status instead of an alert, under the block's own
/// heading, so one failing block does not read as a failed page.
#[component]
pub fn ErrorView(
    error: ApiError,
    #[prop(into)] on_retry: Callback<()>,
    #[prop(optional)] compact: bool,
) -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    let online = use_online();
    let no_answer = matches!(error, ApiError::Network(_) | ApiError::Timeout);
    let offline = move || no_answer && !online.get();
    let message = {
        let error = error.clone();
        move || {
            if offline() {
                t().error_offline.to_string()
            } else {
                error.message(lang.get())
            }
        }
    };
    let detail = error.detail();
    let title = if compact {
        view! { <p class="error-view__title">{move || t().block_error}</p> }.into_any()
    } else {
        view! { <h2 class="error-view__title">{move || t().error_title}</h2> }.into_any()
    };
    view! {
        <section
            class=if compact { "error-view error-view--compact" } else { "error-view" }
            role=if compact { "status" } else { "alert" }
        >
            {title}
            <p class="error-view__message">{message}</p>
            <div class="error-view__actions">
                <button type="button" class="button" on:click=move |_| { on_retry.try_run(()); }>
                    {move || t().retry}
                </button>
                {move || offline().then(|| view! {
                    <a class="button button--secondary" href=urls::saved(lang.get())>{t().open_saved}</a>
                })}
            </div>
            {detail.map(|detail| view! {
                <details class="error-view__details">
                    <summary>{move || t().error_details}</summary>
                    <code>{detail}</code>
                </details>
            })}
        </section>
    }
}
