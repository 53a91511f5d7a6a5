//! Shows a country pack once it is downloaded, with a clear message while it loads, when the
//! network fails (and a retry button), and when the country does not exist.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::content::Pack;
use crate::domain::i18n::tr;
use crate::packs::Load;
use crate::routes::Page;
use crate::state::use_app;

/// Renders `render(pack)` for a country given by a reactive id. Not generic on purpose: the
/// loading and error views are compiled once for every page that uses them.
pub fn with_pack(country: Arc<dyn Fn() -> String + Send + Sync>, render: Arc<dyn Fn(Arc<Pack>) -> AnyView + Send + Sync>) -> impl IntoView {
    let app = use_app();
    move || {
        let country = country();
        match app.packs.pack(&country, app.language()) {
            Some(Load::Ready(pack)) => {
                // The pack is not written in the interface language yet: say so once, on top.
                let note = (pack.language != app.language()).then(|| {
                    let lang = crate::domain::i18n::current().code;
                    view! { <p class="unreviewed">{tr::guide_in_english(&crate::language::language_name(lang))}</p> }
                });
                view! { {note} {render(pack)} }.into_any()
            }
            Some(Load::Loading) => view! {
                <p class="loading" role="status">{tr::guide_loading()}</p>
            }
            .into_any(),
            Some(Load::Failed(reason)) => view! {
                <div class="problem" role="alert">
                    <h1>{tr::guide_failed_title()}</h1>
                    <p>{tr::guide_failed()}</p>
                    <p class="detail">{reason}</p>
                    <button type="button" on:click=move |_| app.packs.retry()>{tr::try_again()}</button>
                </div>
            }
            .into_any(),
            None => view! {
                <h1>{tr::guide_unknown_title()}</h1>
                <p>{tr::guide_unknown(&country)}</p>
                <p><a href=Page::Home.href()>{tr::guide_unknown_link()}</a></p>
            }
            .into_any(),
        }
    }
}
