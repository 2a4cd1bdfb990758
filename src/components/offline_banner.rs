//! "You are offline — showing saved content": a quiet line under the header
//! while the browser is offline. The live region is always in the page, so
//! screen readers announce the change when the line appears.

use leptos::prelude::*;

use crate::i18n::{use_lang, use_texts};
use crate::pwa::use_online;

#[component]
pub fn OfflineBanner() -> impl IntoView {
    let t = use_texts();
    let online = use_online();
    let lang = use_lang();
    view! {
        <div class="offline-status" role="status">
            {move || (!online.get()).then(|| view! {
                <p class="offline-banner">
                    <a href=move || portal_contract::urls::saved(lang.get())>{t().offline_banner}</a>
                </p>
            })}
        </div>
    }
}
