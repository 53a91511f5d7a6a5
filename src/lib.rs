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
pub mod offline;
#[cfg(target_arch = "wasm32")]
pub mod packs;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod router;

/// Starts the app in the page. The static first screen stays until the interface texts are
/// downloaded, then the app replaces it.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    console_error_panic_hook::set_once();
    // Instantiating the wasm ends one task and starting the app is the next, so a slow phone
    // can handle input (and paint) in between.
    leptos::prelude::set_timeout(|| leptos::mount::mount_to_body(app::App), std::time::Duration::ZERO);
}
