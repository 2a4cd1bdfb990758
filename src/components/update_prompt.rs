//! "A new version is available — Reload": shown when a new service worker
//! has installed and waits. Reloading hands over to it and reloads once, so
//! the page never runs an old shell with new code (see `pwa`).

use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::pwa::{accept_update, use_update_waiting};

#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let t = use_texts();
    let waiting = use_update_waiting();
    let accepted = RwSignal::new(false);
    view! {
        <div class="update-status" role="status">
            {move || waiting.get().then(|| view! {
                <div class="update-prompt">
                    <p>{move || t().update_available}</p>
                    <button
                        type="button"
                        class="button"
                        disabled=move || accepted.get()
                        on:click=move |_| {
                            accepted.set(true);
                            accept_update();
                        }
                    >
                        {move || t().update_reload}
                    </button>
                </div>
            })}
        </div>
    }
}
