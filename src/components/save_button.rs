//! "Save for offline" on an article, a site or an event; once saved, the
//! same button reads "Saved — remove" and removes it. The outcome is
//! announced.

use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::saved::{use_saved, SavedItem};

#[derive(Clone, Copy, PartialEq)]
enum Outcome {
    Idle,
    Saved,
    Removed,
}

#[component]
pub fn SaveButton(item: SavedItem) -> impl IntoView {
    let t = use_texts();
    let saved = use_saved();
    let key = item.key();
    let is_saved = {
        let key = key.clone();
        Memo::new(move |_| saved.contains(&key))
    };
    let outcome = RwSignal::new(Outcome::Idle);
    let on_click = move |_| {
        if is_saved.get_untracked() {
            saved.remove(&key);
            outcome.set(Outcome::Removed);
        } else {
            let mut item = item.clone();
            item.saved_at = crate::clock::now_millis();
            saved.save(item);
            outcome.set(Outcome::Saved);
        }
    };
    view! {
        <div class="action">
            <button
                type="button"
                class="button button--secondary save__button"
                class:save__button--saved=move || is_saved.get()
                on:click=on_click
            >
                {move || if is_saved.get() { t().saved_remove } else { t().save_offline }}
            </button>
            <p class="action__status" role="status">
                {move || match outcome.get() {
                    Outcome::Idle => "",
                    Outcome::Saved => t().saved_done,
                    Outcome::Removed => t().saved_removed,
                }}
            </p>
        </div>
    }
}
