//! Offline use: registers the service worker (`sw.js`, written by `make dist`) and tells the
//! page when a new version has been downloaded, so the user can switch to it when they choose.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

use crate::routes::base;

/// Whether a new version waits, and the registration that holds it.
#[derive(Clone, Copy)]
pub struct Updates {
    /// A new version is installed and waits for the user's go.
    pub ready: RwSignal<bool>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
}

impl Default for Updates {
    fn default() -> Self {
        Updates { ready: RwSignal::new(false), registration: StoredValue::new_local(None) }
    }
}

/// The browser's service workers, if it has them (not on plain http, nor in old browsers).
fn service_workers() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false).then(|| navigator.service_worker())
}

/// Whether a service worker controls this page (so a new one is an update, not the first).
fn controlled() -> bool {
    service_workers().is_some_and(|c| c.controller().is_some())
}

impl Updates {
    /// Registers the service worker. Without one (a development server, an old browser, a
    /// page that is not https) the app simply runs online.
    pub fn register(self) {
        let Some(container) = service_workers() else { return };
        let promise = container.register(&format!("{}/sw.js", base()));
        leptos::task::spawn_local(async move {
            let Ok(registration) = JsFuture::from(promise).await else { return };
            let registration: ServiceWorkerRegistration = registration.unchecked_into();
            if registration.waiting().is_some() && controlled() {
                self.ready.set(true);
            }
            let watched = registration.clone();
            let on_found = Closure::<dyn Fn()>::new(move || {
                let Some(installing) = watched.installing() else { return };
                let worker = installing.clone();
                let on_state = Closure::<dyn Fn()>::new(move || {
                    if worker.state() == ServiceWorkerState::Installed && controlled() {
                        self.ready.set(true);
                    }
                });
                installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
                on_state.forget();
            });
            registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
            on_found.forget();
            self.registration.set_value(Some(registration));
        });
    }

    /// Switches to the new version: the waiting worker takes over, then the page reloads.
    /// Saved progress is kept (and migrated by the new version if its format changed).
    pub fn apply(self) {
        let Some(container) = service_workers() else { return };
        let reload = Closure::<dyn Fn()>::new(|| {
            let _ = window().location().reload();
        });
        container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
        reload.forget();
        if let Some(waiting) = self.registration.get_value().and_then(|r| r.waiting()) {
            let _ = waiting.post_message(&"skip-waiting".into());
        }
    }
}

/// Asks the service worker to keep a downloaded file (the interface texts, a guide) for
/// offline use. Once the worker controls the page it keeps them itself; this covers a first
/// visit, whose downloads start before the worker has taken charge.
pub fn keep(path: &str) {
    // Sent even when a worker controls the page now: it may have taken charge while this
    // download was under way, past it. The worker skips what it already holds.
    let Some(container) = service_workers() else { return };
    let url = format!("{}{path}", window().location().origin().unwrap_or_default());
    // wasm-bindgen's own spawn, not Leptos': `fetch_text` (which calls this) also runs where
    // no Leptos app is mounted, as in the browser benchmarks, and Leptos' spawn panics there.
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(ready) = container.ready() else { return };
        let Ok(registration) = JsFuture::from(ready).await else { return };
        let Some(active) = registration.unchecked_into::<ServiceWorkerRegistration>().active() else { return };
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"keep".into(), &js_sys::Array::of1(&url.into()));
        let _ = active.post_message(&message);
    });
}
