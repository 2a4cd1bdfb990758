//! The one way a failed load looks: what happened in plain words, a Retry
//! button that works, and the technical detail folded away.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::{use_lang, use_texts};

#[component]
pub fn ErrorView(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    let message = {
        let error = error.clone();
        move || error.message(lang.get())
    };
    let detail = error.detail();
    view! {
        <section class="error-view" role="alert">
            <h2 class="error-view__title">{move || t().error_title}</h2>
            <p class="error-view__message">{message}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {move || t().retry}
            </button>
            {detail.map(|detail| view! {
                <details class="error-view__details">
                    <summary>{move || t().error_details}</summary>
                    <code>{detail}</code>
                </details>
            })}
        </section>
    }
}
