//! Accessibility in words: a site's facts (yes, no or not known for each
//! feature, and the note) and the guide's filter, whose chips add or take
//! away one required feature each (all must be there).

use leptos::prelude::*;
use portal_contract::urls::SitesQuery;
use portal_contract::{AccessFacts, AccessFeature};

use crate::i18n::{texts_untracked, use_lang};

#[component]
pub fn AccessSection(facts: Option<AccessFacts>) -> impl IntoView {
    let t = texts_untracked();
    let content = match facts {
        None => view! { <p class="access__none">{t.access_none}</p> }.into_any(),
        Some(facts) => {
            let rows = AccessFeature::ALL
                .into_iter()
                .map(|feature| {
                    let (value, class) = match facts.get(feature) {
                        Some(true) => (t.access_yes, "access__value access__value--yes"),
                        Some(false) => (t.access_no, "access__value access__value--no"),
                        None => (t.access_not_known, "access__value"),
                    };
                    view! {
                        <div class="event__fact">
                            <dt>{t.access_feature(feature)}</dt>
                            <dd><p class=class>{value}</p></dd>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <dl>{rows}</dl>
                {facts.note.map(|note| view! { <p class="access__note">{note}</p> })}
            }
            .into_any()
        }
    };
    view! {
        <section class="event__facts site__access" aria-labelledby="site-access-title">
            <h2 id="site-access-title" class="site__aside-title">{t.access_title}</h2>
            {content}
        </section>
    }
}

/// One chip per feature; a chosen one is marked current and its link takes
/// it away again.
#[component]
pub fn AccessFilter(query: SitesQuery) -> impl IntoView {
    let t = texts_untracked();
    let lang = use_lang().get_untracked();
    let chips = AccessFeature::ALL
        .into_iter()
        .map(|feature| {
            let on = query.access.contains(&feature);
            view! {
                <li>
                    <a class="chip" href=query.toggle(feature).url(lang) aria-current=on.then_some("true")>
                        {on.then(|| view! { <span class="chip__check" aria-hidden="true">"✓"</span> })}
                        {t.access_feature(feature)}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="filter-row">
            <span class="filter-row__label" aria-hidden="true">{t.access_filter_label}</span>
            <nav class="chips" aria-label=t.access_filter_label>
                <ul>{chips}</ul>
            </nav>
        </div>
    }
}
