//! `/{lang}/news?category=…&page=…`: the feed, filtered and paged from the
//! URL alone, so reload and Back restore it.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use portal_contract::urls::{self, FeedQuery};
use portal_contract::{CategoryList, NewsPage};

use crate::api::{use_api, ApiError, ApiResource};
use crate::components::archive_calendar::ArchiveCalendar;
use crate::components::article_card::ArticleCard;
use crate::components::category_chips::CategoryChips;
use crate::components::error_view::ErrorView;
use crate::components::page_meta::PageMeta;
use crate::components::page_title::PageTitle;
use crate::components::pager::Pager;
use crate::components::skeletons::CardGridSkeleton;
use crate::i18n::{texts_untracked, use_lang, use_texts};

#[component]
pub fn NewsFeedPage() -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    let api = use_api();
    let query_map = use_query_map();
    let parsed = Memo::new(move |_| {
        let map = query_map.read();
        FeedQuery::parse(map.get_str("page"), map.get_str("category"))
    });
    let query = Memo::new(move |_| parsed.get().value);

    let categories = ApiResource::new({
        move || {
            let lang = lang.get();
            async move { api.categories(lang).await }
        }
    });
    let archive = ApiResource::new({
        move || {
            let lang = lang.get();
            async move { api.archive_calendar(lang, None).await }
        }
    });
    let page = ApiResource::new(move || {
        let lang = lang.get();
        let query = query.get();
        async move {
            api.news_page(lang, query.category.as_deref(), query.page)
                .await
        }
    });

    let category_name = move || {
        let slug = query.get().category?;
        let list = categories.get()?.ok()?;
        list.categories
            .into_iter()
            .find(|c| c.slug == slug)
            .map(|c| c.name)
    };
    let title = move || match category_name() {
        Some(name) => portal_i18n::fill(t().news_category_title, &[("category", &name)]),
        None => t().news_title.to_string(),
    };
    let corrected_notice = move || {
        parsed.get().corrected.then(|| {
            let what = title();
            view! { <p class="notice" role="status">{portal_i18n::fill(t().param_corrected, &[("what", &what)])}</p> }
        })
    };

    view! {
        <PageMeta title=title description=move || t().news_description.to_string()/>
        <div class="feed feed--with-archive">
            <div class="feed__main">
                <PageTitle>{title}</PageTitle>
                {corrected_notice}
                <Suspense fallback=|| view! { <div class="chips chips--placeholder" aria-hidden="true"></div> }>
                    {move || Suspend::new(async move {
                        // Without categories the feed still works; the chips are
                        // simply left out.
                        categories.await.ok().map(|list: CategoryList| view! {
                            <CategoryChips categories=list.categories current=Signal::derive(move || query.get().category)/>
                        })
                    })}
                </Suspense>
                <Suspense fallback=|| view! {
                    // Same geometry as the loaded feed: the count line, then cards.
                    <p class="feed__count" aria-hidden="true">"\u{a0}"</p>
                    <CardGridSkeleton count=6/>
                }>
                    {move || Suspend::new(async move {
                        let result = page.await;
                        // Retry reloads the chips too: they may have failed alike.
                        let retry = Callback::new(move |()| {
                            page.refetch();
                            categories.refetch();
                        });
                        render_page(result, query.get_untracked(), retry)
                    })}
                </Suspense>
            </div>
            <aside class="feed__aside">
                <Suspense fallback=|| view! { <div class="archive-calendar archive-calendar--loading" aria-hidden="true"></div> }>
                    {move || Suspend::new(async move {
                        match archive.await {
                            Ok(calendar) => view! { <ArchiveCalendar calendar selected=None/> }.into_any(),
                            Err(error) => view! { <ErrorView error on_retry=move || archive.refetch() compact=true/> }.into_any(),
                        }
                    })}
                </Suspense>
            </aside>
        </div>
    }
}

fn render_page(
    result: Result<NewsPage, ApiError>,
    query: FeedQuery,
    retry: Callback<()>,
) -> AnyView {
    let t = texts_untracked();
    let lang = use_lang().get_untracked();
    match result {
        Ok(page) if page.items.is_empty() => view! { <p class="empty">{t.news_empty}</p> }.into_any(),
        Ok(page) => view! {
            <p class="feed__count">{t.articles_count.format(lang, u64::from(page.total_items))}</p>
            <div class="card-grid">
                {page.items.into_iter().map(|summary| view! { <ArticleCard summary/> }).collect_view()}
            </div>
            <Pager query total_pages=page.total_pages/>
        }
        .into_any(),
        // A page number past the end: say so and offer the first page.
        Err(ApiError::NotFound) if query.page > 1 => {
            let first = FeedQuery { page: 1, ..query.clone() }.url(lang);
            view! {
                <div class="empty">
                    <p>{portal_i18n::fill(t.page_missing, &[("n", &query.page.to_string())])}</p>
                    <p><a class="button" href=first>{t.go_to_first_page}</a></p>
                </div>
            }
            .into_any()
        }
        // An unknown category: the chips above list the real ones.
        Err(ApiError::NotFound) => view! {
            <div class="empty">
                <p>{t.category_missing}</p>
                <p><a class="button" href=urls::news(lang)>{t.home_all_news}</a></p>
            </div>
        }
        .into_any(),
        Err(error) => view! { <ErrorView error on_retry=retry/> }.into_any(),
    }
}
