//! `/{lang}/partners?widget=…&…`: the partner widgets explained, with a
//! builder (the chosen options live in the URL), a live preview made by
//! `embed.js` itself from the very snippet shown, and a copy button.

use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use portal_contract::widgets::{Theme, WidgetKind, WidgetOptions, MAX_LIMIT};
use portal_contract::{Category, Lang};
use portal_i18n::{endonym, fill, widget_texts, Texts};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::{use_api, ApiResource};
use crate::components::page_meta::PageMeta;
use crate::components::page_title::PageTitle;
use crate::components::share::copy_text;
use crate::i18n::{use_lang, use_texts};

/// The choices of the builder's selects, in the widget's language (so the
/// snippet's link text names the site as the widget will).
#[derive(Clone, Default)]
struct Choices {
    categories: Vec<Category>,
    regions: Vec<Category>,
    /// Site slug and name.
    sites: Vec<(String, String)>,
    failed: bool,
}

#[component]
pub fn PartnersPage() -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    let api = use_api();
    let query_map = use_query_map();
    let options = Memo::new(move |_| {
        let map = query_map.read();
        let kind = map.get_str("widget").unwrap_or("news");
        let mut options = WidgetOptions::parse(kind, |name| map.get(name))
            .unwrap_or_else(|| WidgetOptions::new(WidgetKind::News, Lang::En));
        // No `lang` in the URL: the widget speaks the page's language.
        if map.get_str("lang").is_none() {
            options.lang = lang.get();
        }
        options
    });
    // Lists depend on the widget and its language only: other changes must
    // not reload them (that would rebuild the select the reader is in).
    let choices_key = Memo::new(move |_| options.with(|o| (o.kind, o.lang)));
    let choices = ApiResource::new(move || {
        let (kind, widget_lang) = choices_key.get();
        async move { load_choices(&api, kind, widget_lang).await }
    });

    let navigate = use_navigate();
    let update = move |change: &dyn Fn(&mut WidgetOptions)| {
        let mut next = options.get_untracked();
        change(&mut next);
        let url = next.builder_url(lang.get_untracked());
        navigate(
            &url,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let update = StoredValue::new(update);
    let set = move |change: &dyn Fn(&mut WidgetOptions)| update.with_value(|f| f(change));

    let origin = crate::page_url::origin().unwrap_or_default();
    let link_text = Memo::new(move |_| {
        let options = options.get();
        let wt = widget_texts(options.lang);
        match options.kind {
            WidgetKind::News => wt.news_link.to_string(),
            WidgetKind::Events => wt.events_link.to_string(),
            WidgetKind::Site => {
                let name = choices
                    .get()
                    .and_then(|c| {
                        c.sites
                            .iter()
                            .find(|(slug, _)| Some(slug) == options.slug.as_ref())
                            .map(|(_, name)| name.clone())
                    })
                    .unwrap_or_else(|| wt.site_name.to_string());
                fill(wt.site_link, &[("site", &name)])
            }
        }
    });
    let snippet = Memo::new({
        let origin = origin.clone();
        move |_| options.get().snippet(&origin, &link_text.get())
    });

    // The preview is the snippet run by embed.js, exactly as on a partner's page.
    let preview = NodeRef::<Div>::new();
    // embed.js looks for the snippet in the document: not before it is there.
    let attached = crate::attached::use_attached();
    Effect::new({
        let origin = origin.clone();
        move |_| {
            let options = options.get();
            let text = link_text.get();
            if let (Some(container), true) = (preview.get(), attached.get()) {
                show_preview(&container, &options, &origin, &text);
            }
        }
    });

    let copied = RwSignal::new(None::<bool>);
    let on_copy = move |_| {
        let text = snippet.get_untracked();
        spawn_local(async move { copied.set(Some(copy_text(&text).await)) });
    };
    Effect::new(move |_| {
        snippet.track();
        copied.set(None);
    });

    view! {
        <PageMeta title=move || t().partners_title.to_string() description=move || t().partners_description.to_string()/>
        <div class="partners">
            <PageTitle keep_focus_on_query=true>{move || t().partners_title}</PageTitle>
            <p class="partners__intro">{move || t().partners_description}</p>
            <div class="partners__layout">
                <form class="partners__builder" aria-labelledby="partners-builder" on:submit=|ev| ev.prevent_default()>
                    <h2 id="partners-builder">{move || t().partners_builder}</h2>
                    <fieldset class="partners__field">
                        <legend>{move || t().partners_widget}</legend>
                        {WidgetKind::ALL.into_iter().map(|kind| {
                            let label = move || widget_label(t(), kind);
                            view! {
                                <label class="partners__choice">
                                    <input
                                        type="radio"
                                        name="widget"
                                        value=kind.name()
                                        prop:checked=move || options.with(|o| o.kind == kind)
                                        on:change=move |_| set(&|o| {
                                            // Another widget: its own options, same language, theme and length.
                                            let mut next = WidgetOptions::new(kind, o.lang);
                                            next.theme = o.theme;
                                            next.limit = o.limit;
                                            *o = next;
                                        })
                                    />
                                    {label}
                                </label>
                            }
                        }).collect_view()}
                    </fieldset>
                    {move || options.with(|o| o.kind.has_limit()).then(|| view! {
                        <div class="partners__field">
                            <label for="partners-limit">{t().partners_limit}</label>
                            <select id="partners-limit" on:change=move |ev| {
                                let value = event_target_value(&ev).parse().unwrap_or(1);
                                set(&|o| o.limit = value);
                            }>
                                {(1..=MAX_LIMIT).map(|n| view! {
                                    <option value=n.to_string() selected=move || options.with(|o| o.limit == n)>{n}</option>
                                }).collect_view()}
                            </select>
                        </div>
                    })}
                    <Suspense fallback=|| ()>
                        {move || Suspend::new(async move {
                            let choices = choices.await;
                            view! { <ChoiceFields choices options set/> }
                        })}
                    </Suspense>
                    <div class="partners__field">
                        <label for="partners-lang">{move || t().partners_language}</label>
                        <select id="partners-lang" on:change=move |ev| {
                            if let Some(code) = Lang::from_code(&event_target_value(&ev)) {
                                set(&|o| o.lang = code);
                            }
                        }>
                            {Lang::ALL.into_iter().map(|code| view! {
                                <option value=code.code() selected=move || options.with(|o| o.lang == code)>{endonym(code)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <fieldset class="partners__field">
                        <legend>{move || t().partners_theme}</legend>
                        {Theme::ALL.into_iter().map(|theme| view! {
                            <label class="partners__choice">
                                <input
                                    type="radio"
                                    name="theme"
                                    value=theme.name()
                                    prop:checked=move || options.with(|o| o.theme == theme)
                                    on:change=move |_| set(&|o| o.theme = theme)
                                />
                                {move || theme_label(t(), theme)}
                            </label>
                        }).collect_view()}
                    </fieldset>
                </form>
                <div class="partners__result">
                    <section aria-labelledby="partners-preview">
                        <h2 id="partners-preview">{move || t().partners_preview}</h2>
                        <div
                            class="partners__preview"
                            data-theme=move || options.with(|o| o.theme.name())
                            node_ref=preview
                        ></div>
                    </section>
                    <section aria-labelledby="partners-snippet">
                        <h2 id="partners-snippet">{move || t().partners_snippet}</h2>
                        <p>{move || t().partners_snippet_hint}</p>
                        <pre class="partners__snippet"><code>{move || snippet.get()}</code></pre>
                        <div class="action">
                            <button type="button" class="button" on:click=on_copy>{move || t().partners_copy}</button>
                            <p class="action__status" role="status">
                                {move || match copied.get() {
                                    None => "",
                                    Some(true) => t().partners_copied,
                                    Some(false) => t().partners_copy_failed,
                                }}
                            </p>
                        </div>
                    </section>
                </div>
            </div>
            <section class="partners__how" aria-labelledby="partners-how">
                <h2 id="partners-how">{move || t().partners_how_title}</h2>
                <ul>
                    <li>{move || t().partners_how_lazy}</li>
                    <li>{move || t().partners_how_fit}</li>
                    <li>{move || t().partners_how_links}</li>
                    <li>{move || t().partners_how_later}</li>
                    <li>{move || t().partners_how_once}</li>
                    <li>{move || t().partners_how_options}</li>
                </ul>
            </section>
        </div>
    }
}

/// The selects whose choices come from the API: category, region, site.
#[component]
fn ChoiceFields(
    choices: Choices,
    options: Memo<WidgetOptions>,
    set: impl Fn(&dyn Fn(&mut WidgetOptions)) + Copy + 'static,
) -> impl IntoView {
    let t = use_texts();
    let kind = options.with_untracked(|o| o.kind);
    let select = move |id: &'static str,
                       label: fn(&Texts) -> &'static str,
                       items: Vec<(String, String)>,
                       any: bool,
                       current: fn(&WidgetOptions) -> Option<String>,
                       apply: fn(&mut WidgetOptions, Option<String>)| {
        view! {
            <div class="partners__field">
                <label for=id>{move || label(t())}</label>
                <select id=id on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let value = (!value.is_empty()).then_some(value);
                    set(&|o| apply(o, value.clone()));
                }>
                    {any.then(|| view! {
                        <option value="" selected=move || options.with(|o| current(o).is_none())>{move || t().partners_any}</option>
                    })}
                    {items.into_iter().map(|(slug, name)| {
                        let selected = {
                            let slug = slug.clone();
                            move || options.with(|o| current(o).as_deref() == Some(slug.as_str()))
                        };
                        view! { <option value=slug selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    // A site widget needs a site: until one is chosen, the first listed.
    if kind == WidgetKind::Site {
        let first = choices.sites.first().map(|(slug, _)| slug.clone());
        let known = options.with_untracked(|o| {
            o.slug
                .as_ref()
                .is_some_and(|slug| choices.sites.iter().any(|(s, _)| s == slug))
        });
        if let (false, Some(first)) = (known, first) {
            Effect::new(move |_| set(&|o| o.slug = Some(first.clone())));
        }
    }
    let pairs = |list: &[Category]| {
        list.iter()
            .map(|c| (c.slug.clone(), c.name.clone()))
            .collect::<Vec<_>>()
    };
    view! {
        {choices.failed.then(|| view! { <p class="notice" role="status">{move || t().partners_options_failed}</p> })}
        {matches!(kind, WidgetKind::News | WidgetKind::Events).then(|| select(
            "partners-category", |t| t.partners_category, pairs(&choices.categories), true,
            |o| o.category.clone(), |o, v| o.category = v,
        ))}
        {(kind == WidgetKind::Events).then(|| select(
            "partners-region", |t| t.partners_region, pairs(&choices.regions), true,
            |o| o.region.clone(), |o, v| o.region = v,
        ))}
        {(kind == WidgetKind::Site).then(|| select(
            "partners-site", |t| t.partners_site, choices.sites.clone(), false,
            |o| o.slug.clone(), |o, v| o.slug = v,
        ))}
    }
}

async fn load_choices(api: &crate::api::ApiClient, kind: WidgetKind, lang: Lang) -> Choices {
    let mut choices = Choices::default();
    match kind {
        WidgetKind::News => match api.categories(lang).await {
            Ok(list) => choices.categories = list.categories,
            Err(_) => choices.failed = true,
        },
        WidgetKind::Events => match api.events_index(lang).await {
            Ok(index) => {
                choices.categories = index.categories;
                choices.regions = index.regions;
            }
            Err(_) => choices.failed = true,
        },
        WidgetKind::Site => match api.sites_index(lang).await {
            Ok(index) => {
                let mut sites: Vec<(String, String)> =
                    index.items.into_iter().map(|s| (s.slug, s.name)).collect();
                sites.sort_by(|a, b| a.1.cmp(&b.1));
                choices.sites = sites;
            }
            Err(_) => choices.failed = true,
        },
    }
    choices
}

fn widget_label(t: &Texts, kind: WidgetKind) -> &'static str {
    match kind {
        WidgetKind::News => t.partners_widget_news,
        WidgetKind::Events => t.partners_widget_events,
        WidgetKind::Site => t.partners_widget_site,
    }
}

fn theme_label(t: &Texts, theme: Theme) -> &'static str {
    match theme {
        Theme::Light => t.partners_theme_light,
        Theme::Dark => t.partners_theme_dark,
        Theme::Auto => t.partners_theme_auto,
    }
}

/// Puts the snippet's link into `container` and lets embed.js (loaded
/// once, on first use) turn it into the widget's frame.
fn show_preview(
    container: &web_sys::HtmlDivElement,
    options: &WidgetOptions,
    origin: &str,
    text: &str,
) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    container.set_text_content(None);
    let Ok(link) = document.create_element("a") else {
        return;
    };
    let _ = link.set_attribute("class", "portal-widget");
    for (name, value) in options.data_attributes() {
        let _ = link.set_attribute(&format!("data-{name}"), &value);
    }
    let _ = link.set_attribute("href", &format!("{origin}{}", options.portal_path()));
    link.set_text_content(Some(text));
    let _ = container.append_child(&link);
    if !process_widgets() {
        load_embed_script();
    }
}

/// Calls `PortalWidgets.process()`; `false` if embed.js is not loaded yet.
fn process_widgets() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let widgets = js_sys::Reflect::get(&window, &JsValue::from_str("PortalWidgets"))
        .unwrap_or(JsValue::UNDEFINED);
    let process =
        js_sys::Reflect::get(&widgets, &JsValue::from_str("process")).unwrap_or(JsValue::UNDEFINED);
    match process.dyn_ref::<js_sys::Function>() {
        Some(process) => process.call0(&widgets).is_ok(),
        None => false,
    }
}

const EMBED_SCRIPT_ID: &str = "portal-embed-script";

/// Adds `<script src="/embed.js">` once; it processes the page when it runs.
fn load_embed_script() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(EMBED_SCRIPT_ID).is_some() {
        return;
    }
    let Ok(script) = document.create_element("script") else {
        return;
    };
    let _ = script.set_attribute("id", EMBED_SCRIPT_ID);
    let _ = script.set_attribute("src", "/embed.js");
    if let Some(head) = document.head() {
        let _ = head.append_child(&script);
    }
}
