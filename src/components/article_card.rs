//! A news card: image, category, title (the link), lead and date.

use leptos::prelude::*;
use portal_contract::urls::{self, FeedQuery};
use portal_contract::ArticleSummary;

use crate::components::picture::{sizes, Picture};
use crate::components::published_date::PublishedDate;
use crate::i18n::use_lang;

/// `lead` is the large first story of the home page.
#[component]
pub fn ArticleCard(
    summary: ArticleSummary,
    #[prop(optional)] lead: bool,
    /// Heading level of the title: 2 on pages whose h1 is the section, 3
    /// inside a titled block.
    #[prop(default = 2)]
    level: u8,
) -> impl IntoView {
    let lang = use_lang();
    let href = urls::article(lang.get_untracked(), &summary.slug);
    let category_href = FeedQuery::new(Some(&summary.category.slug), 1).url(lang.get_untracked());
    let title = summary.title.clone();
    let link = view! { <a class="card__link" href=href>{title}</a> };
    let heading = if level == 3 {
        view! { <h3 class="card__title">{link}</h3> }.into_any()
    } else {
        view! { <h2 class="card__title">{link}</h2> }.into_any()
    };
    view! {
        <article class=if lead { "card card--lead" } else { "card" }>
            <div class="card__media">
                <Picture image=summary.hero eager=lead wide=true sizes=if lead { sizes::LEAD } else { sizes::CARD }/>
            </div>
            <div class="card__body">
                <a class="card__category" href=category_href>{summary.category.name}</a>
                {heading}
                <p class="card__lead">{summary.lead}</p>
                <p class="card__meta"><PublishedDate at=summary.published/></p>
            </div>
        </article>
    }
}
