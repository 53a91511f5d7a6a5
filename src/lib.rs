//! Career Kit: a start-up guide for migrant entrepreneurs that runs in the browser.
//!
//! - [`domain`]: the content model, saved state and its envelope (no DOM; tested natively);
//! - [`storage`]: the one module that owns browser storage;
//! - [`routes`]: every page and its URL; [`router`] keeps the address bar and the page in step;
//! - [`packs`]: downloads one country pack in one language when it is needed;
//! - [`components`] and [`pages`]: the views.

pub mod domain;
pub mod routes;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod language;
#[cfg(target_arch = "wasm32")]
pub mod lazy;
#[cfg(target_arch = "wasm32")]
pub mod offline;
#[cfg(target_arch = "wasm32")]
pub mod packs;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod router;
#[cfg(target_arch = "wasm32")]
pub mod state;

/// A pre-rendered page in another language than English lives under that language's code
/// (`/ar/checklist/no/`, see `prerender`): the app reads it as the link's `?lang=ar` and shows
/// the address its router knows.
#[cfg(target_arch = "wasm32")]
fn language_prefix_to_param() {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let (Ok(path), Ok(search), Ok(hash)) = (location.pathname(), location.search(), location.hash()) else { return };
    let base = routes::base();
    let base = base.trim_end_matches('/');
    let Some(rest) = path.strip_prefix(base) else { return };
    let rest = rest.trim_start_matches('/');
    let (first, after) = rest.split_once('/').unwrap_or((rest, ""));
    if domain::i18n::language(first).is_none() {
        return;
    }
    let query = if search.is_empty() { format!("?lang={first}") } else { format!("{search}&lang={first}") };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{base}/{after}{query}{hash}")));
    }
}

/// Starts the app in the page. The static first screen stays until the interface texts are
/// downloaded, then the app replaces it.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use leptos::prelude::*;
    use std::time::Duration;
    console_error_panic_hook::set_once();
    language_prefix_to_param();
    // The state's effects need the executor that mounting would otherwise set up.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    // Start-up in short tasks, so a slow phone can handle input (and paint) in between:
    // instantiating the wasm ends one; opening storage is the next; choosing the language and
    // asking for its texts the one after; then mounting the app.
    set_timeout(
        || {
            // The app's state lives as long as the page: its owner is never dropped.
            let owner = Owner::new();
            let storage = owner.with(state::OpenedStorage::open);
            set_timeout(
                move || {
                    let state = owner.with(|| storage.finish());
                    set_timeout(
                        move || {
                            owner.with(|| {
                                provide_context(state);
                                leptos::mount::mount_to_body(app::App);
                            });
                            std::mem::forget(owner);
                        },
                        Duration::ZERO,
                    );
                },
                Duration::ZERO,
            );
        },
        Duration::ZERO,
    );
}
