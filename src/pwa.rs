//! The app as an installable, offline-capable web app: registers the service
//! worker (`assets/sw.js`), tracks whether the browser is online, and notices
//! a new version waiting to take over (the update prompt's state).
//!
//! Nothing here is essential: where service workers are unavailable (an
//! insecure origin, a blocking browser) the app works as before; the failure
//! is logged, never shown.

use std::cell::Cell;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// The worker's URL; at the root so its scope is the whole site.
const WORKER_URL: &str = "/sw.js";

/// Online state and update state, shared through context.
#[derive(Clone, Copy)]
pub struct Pwa {
    pub online: ReadSignal<bool>,
    pub update_waiting: ReadSignal<bool>,
}

thread_local! {
    /// Set when the reader accepts the update; the next controller change
    /// reloads the page, once (the flag is cleared before reloading).
    static RELOAD_ON_CONTROLLER_CHANGE: Cell<bool> = const { Cell::new(false) };
}

/// Starts everything; call once from the app root.
pub fn provide_pwa() {
    let on_line = web_sys::window().is_none_or(|w| w.navigator().on_line());
    let (online, set_online) = signal(on_line);
    let (update_waiting, set_update_waiting) = signal(false);
    // The app lives as long as the page: the listeners are never removed.
    let _ = window_event_listener(leptos::ev::online, move |_| set_online.set(true));
    let _ = window_event_listener(leptos::ev::offline, move |_| set_online.set(false));
    provide_context(Pwa {
        online,
        update_waiting,
    });
    register(set_update_waiting);
}

/// Whether the browser says it is online (`true` outside the app's context).
pub fn use_online() -> Signal<bool> {
    use_context::<Pwa>()
        .map(|pwa| Signal::from(pwa.online))
        .unwrap_or_else(|| Signal::stored(true))
}

/// Whether a new version is installed and waiting for the reader.
pub fn use_update_waiting() -> Signal<bool> {
    use_context::<Pwa>()
        .map(|pwa| Signal::from(pwa.update_waiting))
        .unwrap_or_else(|| Signal::stored(false))
}

/// `navigator.serviceWorker`, where the browser offers it.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    value.dyn_into().ok()
}

/// Listens for the page's lifetime: only for events of objects that exist
/// once per page load (the container, the registration).
fn listen(target: &web_sys::EventTarget, event: &str, handler: impl FnMut() + 'static) {
    let closure = Closure::<dyn FnMut()>::new(handler);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

/// Listens for the next `event` only: the browser removes the listener after
/// it runs and wasm-bindgen frees the closure, so nothing accumulates
/// however many updates a long-lived page sees.
fn listen_once(target: &web_sys::EventTarget, event: &str, handler: impl FnOnce() + 'static) {
    let options = web_sys::AddEventListenerOptions::new();
    options.set_once(true);
    let callback = Closure::once_into_js(handler);
    let _ = target.add_event_listener_with_callback_and_add_event_listener_options(
        event,
        callback.unchecked_ref(),
        &options,
    );
}

fn register(set_update_waiting: WriteSignal<bool>) {
    let Some(container) = container() else {
        leptos::logging::warn!("service worker: not available in this browser or context");
        return;
    };
    listen(&container, "controllerchange", || {
        if RELOAD_ON_CONTROLLER_CHANGE.with(|flag| flag.replace(false)) {
            reload();
        }
    });
    let promise = container.register(WORKER_URL);
    spawn_local(async move {
        match JsFuture::from(promise).await {
            Ok(registration) => match registration.dyn_into::<ServiceWorkerRegistration>() {
                Ok(registration) => watch_updates(container, registration, set_update_waiting),
                Err(_) => leptos::logging::warn!("service worker: unexpected registration"),
            },
            Err(error) => leptos::logging::warn!("service worker: not registered: {error:?}"),
        }
    });
}

/// A worker that finishes installing while another controls the page is a
/// new version (on a first visit there is no controller: nothing to offer).
/// One may already be waiting, or still installing, when the page registers.
fn watch_updates(
    container: ServiceWorkerContainer,
    registration: ServiceWorkerRegistration,
    set_update_waiting: WriteSignal<bool>,
) {
    if registration.waiting().is_some() && container.controller().is_some() {
        set_update_waiting.set(true);
    }
    if let Some(installing) = registration.installing() {
        watch_installing(installing, container.clone(), set_update_waiting);
    }
    let found = registration.clone();
    listen(&registration, "updatefound", move || {
        if let Some(installing) = found.installing() {
            watch_installing(installing, container.clone(), set_update_waiting);
        }
    });
}

/// Follows one installing worker's state changes until it is installed (a
/// new version to offer) or gone.
fn watch_installing(
    worker: web_sys::ServiceWorker,
    container: ServiceWorkerContainer,
    set_update_waiting: WriteSignal<bool>,
) {
    let target = worker.clone();
    listen_once(&target, "statechange", move || match worker.state() {
        ServiceWorkerState::Installed if container.controller().is_some() => {
            set_update_waiting.set(true);
        }
        ServiceWorkerState::Installing => watch_installing(worker, container, set_update_waiting),
        _ => {}
    });
}

/// The reader accepted the update: the waiting worker takes over, and the
/// page reloads once when it does (see `register`).
pub fn accept_update() {
    RELOAD_ON_CONTROLLER_CHANGE.with(|flag| flag.set(true));
    let Some(container) = container() else {
        reload();
        return;
    };
    spawn_local(async move {
        let waiting = JsFuture::from(container.get_registration())
            .await
            .ok()
            .and_then(|value| value.dyn_into::<ServiceWorkerRegistration>().ok())
            .and_then(|registration| registration.waiting());
        let posted = waiting
            .is_some_and(|worker| worker.post_message(&message("SKIP_WAITING", None)).is_ok());
        if !posted {
            // Nothing waits any more (another tab took it): a plain reload
            // loads the version now in control.
            RELOAD_ON_CONTROLLER_CHANGE.with(|flag| flag.set(false));
            reload();
        }
    });
}

/// Sends `{type, urls}` to the active worker once there is one.
pub fn post_to_worker(kind: &'static str, urls: Vec<String>) {
    let Some(container) = container() else {
        return;
    };
    let Ok(ready) = container.ready() else {
        return;
    };
    spawn_local(async move {
        let active = JsFuture::from(ready)
            .await
            .ok()
            .and_then(|value| value.dyn_into::<ServiceWorkerRegistration>().ok())
            .and_then(|registration| registration.active());
        if let Some(worker) = active {
            let _ = worker.post_message(&message(kind, Some(urls)));
        }
    });
}

fn message(kind: &str, urls: Option<Vec<String>>) -> JsValue {
    let object = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&object, &"type".into(), &kind.into());
    if let Some(urls) = urls {
        let array: js_sys::Array = urls.iter().map(|url| JsValue::from_str(url)).collect();
        let _ = js_sys::Reflect::set(&object, &"urls".into(), &array);
    }
    object.into()
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
