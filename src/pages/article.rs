//! `/{lang}/news/{slug}`: one article. When it does not exist in this
//! language but does in English, the reader is told and pointed there.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use portal_contract::slug::is_valid_slug;
use portal_contract::urls::{self, FeedQuery};
use portal_contract::{Article, Lang};

use crate::api::{use_api, ApiClient, ApiError, ApiResource};
use crate::components::article_body::ArticleBody;
use crate::components::article_card::ArticleCard;
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::error_view::ErrorView;
use crate::components::page_meta::PageMeta;
use crate::components::page_title::PageTitle;
use crate::components::picture::Figure;
use crate::components::published_date::PublishedDate;
use crate::components::save_button::SaveButton;
use crate::components::share::ShareButton;
use crate::components::skeletons::ArticleSkeleton;
use crate::i18n::{texts_untracked, use_lang};
use crate::pages::not_found::NotFoundPage;
use crate::saved::SavedItem;

/// What loading an article in the reader's language can come to.
#[derive(Clone)]
enum Loaded {
    Found(Box<Article>),
    /// Not in this language; the English title, to link to.
    OnlyInEnglish {
        title: String,
    },
    Missing,
}

async fn load(api: ApiClient, lang: Lang, slug: String) -> Result<Loaded, ApiError> {
    if !is_valid_slug(&slug) {
        return Ok(Loaded::Missing);
    }
    match api.article(lang, &slug).await {
        Ok(article) => Ok(Loaded::Found(Box::new(article))),
        Err(ApiError::NotFound) if lang != Lang::En => match api.article(Lang::En, &slug).await {
            Ok(english) => Ok(Loaded::OnlyInEnglish {
                title: english.title,
            }),
            Err(ApiError::NotFound) => Ok(Loaded::Missing),
            Err(other) => Err(other),
        },
        Err(ApiError::NotFound) => Ok(Loaded::Missing),
        Err(other) => Err(other),
    }
}

#[component]
pub fn ArticlePage() -> impl IntoView {
    let lang = use_lang();
    let api = use_api();
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    let article = ApiResource::new(move || load(api, lang.get(), slug.get()));

    view! {
        <Suspense fallback=|| view! { <ArticleSkeleton/> }>
            {move || Suspend::new(async move {
                match article.await {
                    Ok(Loaded::Found(found)) => view! { <ArticleView article=*found/> }.into_any(),
                    Ok(Loaded::OnlyInEnglish { title }) => {
                        view! { <OnlyInEnglish slug=slug.get_untracked() title/> }.into_any()
                    }
                    Ok(Loaded::Missing) => view! { <NotFoundPage/> }.into_any(),
                    Err(error) => view! { <ErrorView error on_retry=move || article.refetch()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ArticleView(article: Article) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let t = texts_untracked();
    let minutes = portal_contract::blocks::reading_minutes(&article.body);
    let trail = vec![
        (t.nav_home.to_string(), urls::home(lang)),
        (t.nav_news.to_string(), urls::news(lang)),
        (
            article.category.name.clone(),
            FeedQuery::new(Some(&article.category.slug), 1).url(lang),
        ),
    ];
    let updated = article.updated.filter(|updated| {
        updated.date_key() != article.published.date_key()
            || updated.unix_seconds() > article.published.unix_seconds()
    });

    let title = article.title.clone();
    let api = use_api();
    let saved_item = SavedItem::from_article(&api, lang, &article);
    let can_save = api.is_same_origin();
    view! {
        <PageMeta title=title.clone() description=article.lead.clone() article=true/>
        <article class="article">
            <Breadcrumbs trail here=article.title.clone()/>
            <header class="article__header">
                <a class="article__category" href=FeedQuery::new(Some(&article.category.slug), 1).url(lang)>
                    {article.category.name.clone()}
                </a>
                <PageTitle class="article__title">{article.title.clone()}</PageTitle>
                <p class="article__lead">{article.lead.clone()}</p>
                <p class="article__meta">
                    <span>{t.published} " " <PublishedDate at=article.published with_time=true/></span>
                    {updated.map(|at| view! { <span>{t.updated} " " <PublishedDate at with_time=true/></span> })}
                    <span>{t.minutes_read.format(lang, u64::from(minutes))}</span>
                </p>
            </header>
            <Figure image=article.hero.clone() eager=true class="article__hero"/>
            <ArticleBody blocks=article.body/>
            <footer class="article__footer">
                {(!article.tags.is_empty()).then(|| view! {
                    <div class="tags">
                        <h2 class="tags__label">{t.tags_label}</h2>
                        <ul>{article.tags.into_iter().map(|tag| view! { <li class="tag">{tag}</li> }).collect_view()}</ul>
                    </div>
                })}
                <div class="article__actions">
                    // Offered only where the worker can keep the copy (see
                    // `ApiClient::is_same_origin`): never a "saved" that is not.
                    {can_save.then(|| view! { <SaveButton item=saved_item/> })}
                    <ShareButton title=title/>
                </div>
            </footer>
        </article>
        {(!article.related.is_empty()).then(|| view! {
            <section class="related" aria-labelledby="related-title">
                <h2 id="related-title">{t.related_title}</h2>
                <div class="card-grid card-grid--compact">
                    {article.related.into_iter().take(4).map(|summary| view! { <ArticleCard summary level=3/> }).collect_view()}
                </div>
            </section>
        })}
    }
}

/// The article exists, but not in the reader's language.
#[component]
fn OnlyInEnglish(slug: String, title: String) -> impl IntoView {
    let t = texts_untracked();
    view! {
        <PageMeta title=title.clone() description=t.not_in_language.to_string()/>
        <section class="not-found">
            <PageTitle>{t.not_in_language}</PageTitle>
            <p class="not-found__lead">{t.read_in_english} ":"</p>
            <p class="not-found__link">
                <a href=urls::article(Lang::En, &slug) hreflang="en" lang="en">{title}</a>
            </p>
        </section>
    }
}
