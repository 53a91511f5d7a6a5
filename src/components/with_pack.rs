//! Shows a country pack once it is downloaded, with a clear message while it loads, when the
//! network fails (and a retry button), and when the country does not exist.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::use_app;
use crate::domain::content::Pack;
use crate::packs::Load;
use crate::routes::Page;

/// Renders `render(pack)` for a country given by a reactive id. Not generic on purpose: the
/// loading and error views are compiled once for every page that uses them.
pub fn with_pack(
    country: Arc<dyn Fn() -> String + Send + Sync>,
    render: Arc<dyn Fn(Arc<Pack>) -> AnyView + Send + Sync>,
) -> impl IntoView {
    let app = use_app();
    move || {
        let country = country();
        match app.packs.pack(&country, &app.language()) {
            Some(Load::Ready(pack)) => render(pack),
            Some(Load::Loading) => view! {
                <p class="loading" role="status">"Loading the guide for your country…"</p>
            }
            .into_any(),
            Some(Load::Failed(reason)) => view! {
                <div class="problem" role="alert">
                    <h1>"The guide could not be loaded"</h1>
                    <p>"Check your internet connection and try again. Your progress is safe on this device."</p>
                    <p class="detail">{reason}</p>
                    <button type="button" on:click=move |_| app.packs.retry()>"Try again"</button>
                </div>
            }
            .into_any(),
            None => view! {
                <h1>"We do not have a guide for this country yet"</h1>
                <p>"The link names a country (“" {country} "”) that Career Kit does not cover yet."</p>
                <p><a href=Page::Home.href()>"Choose a country on the start page"</a></p>
            }
            .into_any(),
        }
    }
}
