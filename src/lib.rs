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

/// Starts the app in the page. The static first screen stays until the interface texts are
/// downloaded, then the app replaces it.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use leptos::prelude::*;
    use std::time::Duration;
    console_error_panic_hook::set_once();
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
