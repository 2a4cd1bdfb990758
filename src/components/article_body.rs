//! Renders structured body blocks as DOM nodes. Content is never parsed as
//! HTML: text becomes text nodes, links are checked against an allow-list.

use leptos::prelude::*;
use portal_contract::blocks::is_safe_href;
use portal_contract::{Block, Inline};

use crate::components::picture::Figure;

#[component]
pub fn ArticleBody(blocks: Vec<Block>) -> impl IntoView {
    view! { <div class="prose">{blocks.into_iter().map(render_block).collect_view()}</div> }
}

fn render_block(block: Block) -> AnyView {
    match block {
        Block::Paragraph { content } => view! { <p>{render_inlines(content)}</p> }.into_any(),
        // Level 2 is the body's top level; anything else we were sent is 3,
        // so a bad document cannot create a second h1.
        Block::Heading { level: 2, content } => view! { <h2>{render_inlines(content)}</h2> }.into_any(),
        Block::Heading { content, .. } => view! { <h3>{render_inlines(content)}</h3> }.into_any(),
        Block::Quote { paragraphs, attribution } => view! {
            <figure class="quote">
                <blockquote>
                    {paragraphs.into_iter().map(|p| view! { <p>{render_inlines(p)}</p> }).collect_view()}
                </blockquote>
                {attribution.map(|who| view! { <figcaption>"— " {who}</figcaption> })}
            </figure>
        }
        .into_any(),
        Block::List { ordered, items } => {
            let items = items
                .into_iter()
                .map(|item| view! { <li>{render_inlines(item)}</li> })
                .collect_view();
            if ordered {
                view! { <ol>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        }
        Block::Image { image } => view! { <Figure image=image class="figure--inline"/> }.into_any(),
    }
}

fn render_inlines(inlines: Vec<Inline>) -> AnyView {
    inlines
        .into_iter()
        .map(render_inline)
        .collect_view()
        .into_any()
}

fn render_inline(inline: Inline) -> AnyView {
    match inline {
        Inline::Text { text } => text.into_any(),
        Inline::Emphasis { children } => view! { <em>{render_inlines(children)}</em> }.into_any(),
        Inline::Strong { children } => {
            view! { <strong>{render_inlines(children)}</strong> }.into_any()
        }
        Inline::Link { href, children } if is_safe_href(&href) => {
            view! { <a href=href>{render_inlines(children)}</a> }.into_any()
        }
        // An unsafe link keeps its words and loses its target.
        Inline::Link { children, .. } => render_inlines(children),
        Inline::LineBreak => view! { <br/> }.into_any(),
    }
}
