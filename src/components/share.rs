//! Share an article: the system share sheet where the browser has one,
//! otherwise copy the link, with a visible (and announced) confirmation.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::i18n::use_texts;

#[derive(Clone, Copy, PartialEq)]
enum Outcome {
    Idle,
    Copied,
    Failed,
}

#[component]
pub fn ShareButton(#[prop(into)] title: String) -> impl IntoView {
    let t = use_texts();
    let outcome = RwSignal::new(Outcome::Idle);
    let native = native_share_available();
    let on_click = move |_| {
        let title = title.clone();
        spawn_local(async move {
            let url = web_sys::window()
                .and_then(|w| w.location().href().ok())
                .unwrap_or_default();
            if native {
                // A dismissed share sheet rejects; that is not an error to show.
                let _ = call_navigator("share", &share_data(&title, &url)).await;
            } else {
                let copied = copy_text(&url).await;
                outcome.set(if copied {
                    Outcome::Copied
                } else {
                    Outcome::Failed
                });
            }
        });
    };
    view! {
        <div class="action">
            <button type="button" class="button button--secondary share__button" on:click=on_click>
                <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
                    <circle cx="18" cy="5" r="3"/><circle cx="6" cy="12" r="3"/><circle cx="18" cy="19" r="3"/>
                    <line x1="8.6" y1="13.5" x2="15.4" y2="17.5"/><line x1="15.4" y1="6.5" x2="8.6" y2="10.5"/>
                </svg>
                {move || if native { t().share } else { t().copy_link }}
            </button>
            <p class="action__status" role="status">
                {move || match outcome.get() {
                    Outcome::Idle => "",
                    Outcome::Copied => t().link_copied,
                    Outcome::Failed => t().copy_failed,
                }}
            </p>
        </div>
    }
}

/// Copies `text` to the clipboard; `false` if the browser refused.
pub async fn copy_text(text: &str) -> bool {
    call_navigator_path(&["clipboard", "writeText"], &JsValue::from_str(text)).await
}

fn navigator() -> Option<JsValue> {
    web_sys::window().map(|w| JsValue::from(w.navigator()))
}

fn native_share_available() -> bool {
    // Prerendered pages offer "Copy link", as desktop browsers do.
    if cfg!(feature = "ssr") {
        return false;
    }
    navigator()
        .and_then(|nav| js_sys::Reflect::get(&nav, &JsValue::from_str("share")).ok())
        .is_some_and(|share| share.is_function())
}

fn share_data(title: &str, url: &str) -> JsValue {
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    data.into()
}

async fn call_navigator(method: &str, arg: &JsValue) -> bool {
    call_navigator_path(&[method], arg).await
}

/// Calls `navigator.a.b(arg)` (a promise-returning method) through
/// reflection, so the app needs no unstable web-sys APIs; any missing piece
/// or rejection is `false`.
async fn call_navigator_path(path: &[&str], arg: &JsValue) -> bool {
    let Some(mut this) = navigator() else {
        return false;
    };
    let Some((method, objects)) = path.split_last() else {
        return false;
    };
    for name in objects {
        match js_sys::Reflect::get(&this, &JsValue::from_str(name)) {
            Ok(next) if next.is_object() => this = next,
            _ => return false,
        }
    }
    let Ok(function) = js_sys::Reflect::get(&this, &JsValue::from_str(method)) else {
        return false;
    };
    let Some(function) = function.dyn_ref::<js_sys::Function>() else {
        return false;
    };
    let Ok(promise) = function.call1(&this, arg) else {
        return false;
    };
    match promise.dyn_into::<js_sys::Promise>() {
        Ok(promise) => JsFuture::from(promise).await.is_ok(),
        Err(_) => true,
    }
}
