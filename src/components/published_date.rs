//! A `<time>` element in the reader's language with the machine-readable
//! instant in `datetime`.

use leptos::prelude::*;
use portal_contract::Timestamp;

use crate::i18n::use_lang;

#[component]
pub fn PublishedDate(at: Timestamp, #[prop(optional)] with_time: bool) -> impl IntoView {
    let lang = use_lang();
    let text = move || {
        if with_time {
            portal_i18n::dates::format_date_time(lang.get(), &at)
        } else {
            portal_i18n::dates::format_date(lang.get(), &at)
        }
    };
    view! { <time datetime=at.to_string()>{text}</time> }
}
