//! Text with the words that matched a search marked (`<mark>`), built as
//! DOM nodes from byte ranges, never as HTML.

use leptos::prelude::*;

/// `ranges`: sorted, non-overlapping byte ranges of `text` on character
/// boundaries (as `portal_search::highlight` returns them).
#[component]
pub fn Highlighted(text: String, ranges: Vec<(usize, usize)>) -> impl IntoView {
    let mut parts = Vec::new();
    let mut at = 0;
    for (start, end) in ranges {
        // Out-of-order or out-of-bounds ranges are skipped, not trusted.
        let (Some(before), Some(marked)) = (text.get(at..start), text.get(start..end)) else {
            continue;
        };
        parts.push((before.to_string(), false));
        parts.push((marked.to_string(), true));
        at = end;
    }
    parts.push((text.get(at..).unwrap_or_default().to_string(), false));
    parts
        .into_iter()
        .filter(|(part, _)| !part.is_empty())
        .map(|(part, marked)| {
            if marked {
                view! { <mark>{part}</mark> }.into_any()
            } else {
                part.into_any()
            }
        })
        .collect_view()
}
