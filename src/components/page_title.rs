//! The view's `<h1>`: the target of focus after navigation.

use leptos::prelude::*;

use crate::focus::focus_heading_after_navigation;

#[component]
pub fn PageTitle(
    #[prop(optional)] class: &'static str,
    /// Keep focus in place when only the query changes (the view's own
    /// controls changed it).
    #[prop(optional)]
    keep_focus_on_query: bool,
    /// The view puts focus elsewhere itself (the empty search page, on its
    /// field).
    #[prop(optional)]
    skip_focus: bool,
    children: Children,
) -> impl IntoView {
    let heading = NodeRef::<leptos::html::H1>::new();
    if !skip_focus {
        focus_heading_after_navigation(heading, keep_focus_on_query);
    }
    view! {
        <h1 class=format!("page-title {class}") tabindex="-1" node_ref=heading>
            {children()}
        </h1>
    }
}
