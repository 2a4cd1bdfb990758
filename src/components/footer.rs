//! The site footer.

use leptos::prelude::*;
use portal_contract::urls;

use crate::i18n::{use_lang, use_texts};

#[component]
pub fn Footer() -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <div class="site-footer__about">
                    // One paragraph: the name is the start of the text about
                    // the site, not a heading (axe's p-as-heading).
                    <p>
                        <strong class="site-footer__brand">{move || t().site_name}</strong>
                        " "
                        {move || t().footer_about}
                    </p>
                </div>
                <nav aria-label=move || t().footer_sections>
                    <ul class="site-footer__links">
                        <li><a href=move || urls::home(lang.get())>{move || t().nav_home}</a></li>
                        <li><a href=move || urls::news(lang.get())>{move || t().nav_news}</a></li>
                        <li><a href=move || urls::events(lang.get())>{move || t().nav_events}</a></li>
                        <li><a href=move || urls::sites(lang.get())>{move || t().nav_sites}</a></li>
                        <li><a href=move || urls::saved(lang.get())>{move || t().nav_saved}</a></li>
                        <li><a href=move || urls::partners(lang.get())>{move || t().nav_partners}</a></li>
                    </ul>
                </nav>
                <p class="site-footer__note">{move || t().footer_content_note}</p>
            </div>
        </footer>
    }
}
