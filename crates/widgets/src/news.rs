//! The news widget: the latest articles, optionally of one category.

use portal_contract::widgets::WidgetOptions;
use portal_contract::{paths, urls};
use portal_i18n::dates::format_date;
use portal_i18n::widget_texts;

use crate::dom::{el, portal_link, El};
use crate::frame::{failure, header, more_link};
use crate::{load, read};

pub async fn render(options: &WidgetOptions) -> El {
    let lang = options.lang;
    let t = widget_texts(lang);
    let path = paths::feed_page(lang, options.category.as_deref(), 1);
    let page = match load::document(&path, read::news_page).await {
        Ok(page) => page,
        Err(error) => return failure(options, error, t.news_none),
    };
    let items = page.items.iter().take(options.limit as usize).map(|item| {
        let meta = el("p").class("w-meta").children([
            el("time")
                .attr("datetime", &item.published.date().to_string())
                .text(&format_date(lang, &item.published)),
            el("span").text(&format!(" · {}", item.category.name)),
        ]);
        el("li").class("w-item").children([
            el("h3").class("w-title").child(portal_link(
                &urls::article(lang, &item.slug),
                el("span").text(&item.title),
                t.new_tab,
            )),
            meta,
        ])
    });
    let list = if page.items.is_empty() {
        el("p").class("w-status").text(t.news_none)
    } else {
        el("ul").class("w-list").children(items)
    };
    el("section").class("w-news").children([
        header(lang, t.news_heading),
        list,
        more_link(t, &options.portal_path(), t.more_news),
    ])
}
