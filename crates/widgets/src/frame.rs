//! The frame around every widget: options from the URL, language and
//! theme on `<html>`, the loading and error states, and the height report
//! to the embedding page.

use portal_contract::widgets::{WidgetKind, WidgetOptions};
use portal_contract::{urls, Lang};
use portal_i18n::{widget_texts, WidgetTexts};
use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ResizeObserver, UrlSearchParams};

use crate::dom::{el, portal_link, replace_children, El};
use crate::load::LoadError;

/// The `type` of the height message; embed.js accepts no other.
const HEIGHT_MESSAGE: &str = "portal-widget:height";

/// Reads the options, prepares the page and renders the widget into
/// `<main id="widget">`.
pub fn run() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    let params = UrlSearchParams::new_with_str(&search).ok();
    let get = |name: &str| params.as_ref().and_then(|p| p.get(name));
    let kind = path
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default();
    let options = WidgetOptions::parse(kind, get);

    let Some(root) = document.get_element_by_id("widget") else {
        return;
    };
    if let Some(html) = document.document_element() {
        let lang = options.as_ref().map_or(Lang::En, |o| o.lang);
        let _ = html.set_attribute("lang", lang.code());
        if let Some(options) = &options {
            let _ = html.set_attribute("data-theme", options.theme.name());
        }
    }
    let reporter = match (get("id"), get("origin")) {
        (Some(id), Some(origin)) => HeightReporter::new(&id, &origin),
        _ => None,
    };
    if let Some(reporter) = &reporter {
        reporter.observe();
    }
    let Some(options) = options else {
        // nginx only serves this page for known widgets; a dev server may not.
        let t = widget_texts(Lang::En);
        let link = portal_link(
            &urls::home(Lang::En),
            el("span").text(t.open_portal),
            t.new_tab,
        );
        replace_children(&root, el("p").class("w-message").child(link));
        return;
    };
    let t = widget_texts(options.lang);
    document.set_title(match options.kind {
        WidgetKind::News => t.news_heading,
        WidgetKind::Events => t.events_heading,
        WidgetKind::Site => t.site_more,
    });
    let _ = root.set_attribute("aria-busy", "true");
    replace_children(&root, el("p").class("w-status").text(t.loading));
    wasm_bindgen_futures::spawn_local(async move {
        let content = match options.kind {
            WidgetKind::News => crate::news::render(&options).await,
            WidgetKind::Events => crate::events::render(&options).await,
            WidgetKind::Site => crate::site::render(&options).await,
        };
        replace_children(&root, content);
        let _ = root.remove_attribute("aria-busy");
        if let Some(reporter) = reporter {
            reporter.report();
        }
    });
}

/// The widget's heading with the portal's name above it.
pub fn header(lang: Lang, heading: &str) -> El {
    let t = widget_texts(lang);
    el("header").class("w-head").children([
        portal_link(&urls::home(lang), el("span").text(t.site_name), t.new_tab).class("w-brand"),
        el("h2").class("w-heading").text(heading),
    ])
}

/// The "more on the portal" link at the bottom of a widget.
pub fn more_link(t: &WidgetTexts, href: &str, label: &str) -> El {
    el("p")
        .class("w-more")
        .child(portal_link(href, el("span").text(label), t.new_tab))
}

/// What a widget shows when it cannot show its content: what went wrong,
/// and the portal page it stands for.
pub fn failure(options: &WidgetOptions, error: LoadError, missing: &str) -> El {
    let t = widget_texts(options.lang);
    let text = match error {
        LoadError::NotFound => missing,
        LoadError::Failed => t.load_failed,
    };
    el("div")
        .class("w-message")
        .attr("role", "status")
        .children([
            el("p").text(text),
            el("p").child(portal_link(
                &options.portal_path(),
                el("span").text(t.open_portal),
                t.new_tab,
            )),
        ])
}

/// Tells the embedding page (only `origin`, never `*`) how tall the widget
/// is, so embed.js can size the iframe.
pub struct HeightReporter {
    parent: web_sys::Window,
    body: web_sys::HtmlElement,
    id: String,
    origin: String,
    last: Cell<f64>,
}

impl HeightReporter {
    /// `None` unless the frame has a parent and `origin` is a plain http(s)
    /// origin.
    fn new(id: &str, origin: &str) -> Option<Rc<HeightReporter>> {
        let url = web_sys::Url::new(origin).ok()?;
        let protocol = url.protocol();
        if url.origin() != origin || !(protocol == "https:" || protocol == "http:") {
            return None;
        }
        let window = web_sys::window()?;
        let parent = window.parent().ok()??;
        if parent == window {
            return None;
        }
        let body = window.document()?.body()?;
        Some(Rc::new(HeightReporter {
            parent,
            body,
            id: id.to_string(),
            origin: origin.to_string(),
            last: Cell::new(-1.0),
        }))
    }

    /// Posts the body's height if it changed since the last report.
    pub fn report(&self) {
        let height = self.body.get_bounding_client_rect().height().ceil();
        if height == self.last.replace(height) {
            return;
        }
        let message = js_sys::Object::new();
        let set = |key: &str, value: JsValue| {
            let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), &value);
        };
        set("type", JsValue::from_str(HEIGHT_MESSAGE));
        set("id", JsValue::from_str(&self.id));
        set("height", JsValue::from_f64(height));
        let _ = self.parent.post_message(&message, &self.origin);
    }

    /// Reports whenever the body's size changes. Browsers pause resize
    /// observers in frames that are off screen, so [`Self::report`] is also
    /// called once the content is in.
    fn observe(self: &Rc<Self>) {
        let reporter = Rc::clone(self);
        let on_resize = Closure::<dyn FnMut()>::new(move || reporter.report());
        if let Ok(observer) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&self.body);
        }
        // Lives as long as the frame.
        on_resize.forget();
    }
}
