//! Choosing a country, and a country pack's page for an id the pack does not have.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::title::Title;
use crate::components::with_pack::with_pack;
use crate::domain::content::Pack;
use crate::domain::i18n::tr;
use crate::packs::Load;
use crate::router::{param, Redirect};
use crate::routes::Page;
use crate::state::use_app;

/// A list of countries, each linking to `target(country)`. Choosing one remembers it.
#[component]
pub fn CountryPicker(
    /// The page each country links to.
    target: fn(String) -> Page,
) -> impl IntoView {
    let app = use_app();
    move || match app.packs.index() {
        Load::Ready(index) => view! {
            <ul class="country-list">
                {index.packs.iter().map(|p| {
                    let id = p.id.clone();
                    view! {
                        <li>
                            <a class="country" href=target(p.id.clone()).href()
                                on:click=move |_| app.saved.update(|s| s.profile.choose_country(&id))>
                                <span class="name">{crate::language::entry_country(p)}</span>
                                <span class="local" lang=p.local_language.clone() dir="ltr">{p.local_name.clone()}</span>
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any(),
        Load::Loading => view! { <p class="loading" role="status">{tr::countries_loading()}</p> }.into_any(),
        Load::Failed(reason) => view! {
            <div class="problem" role="alert">
                <p>{tr::countries_failed()}</p>
                <p class="detail">{reason}</p>
                <button type="button" on:click=move |_| app.packs.retry()>{tr::try_again()}</button>
            </div>
        }
        .into_any(),
    }
}

/// For a route with an optional `:country`: with one, the country's view; without one, the
/// remembered country (redirect) or, on a first visit, a country picker.
pub fn country_or_picker(title: fn() -> String, heading: fn() -> String, target: fn(String) -> Page, render: fn(Arc<Pack>) -> AnyView) -> impl IntoView {
    let app = use_app();
    let country = param("country");
    move || {
        if !country().is_empty() {
            return with_pack(country.clone(), Arc::new(render)).into_any();
        }
        match app.saved.with_untracked(|s| s.profile.country.clone()) {
            Some(saved) => view! { <Redirect path=target(saved).path() /> }.into_any(),
            None => view! {
                <Title text=title() />
                <h1>{heading()}</h1>
                <p>{tr::choose_country()}</p>
                <CountryPicker target />
            }
            .into_any(),
        }
    }
}

/// "Not found" inside a country pack: an unknown step or resource id.
pub fn missing_in_pack(title: String, message: String, back: Page, back_text: String) -> AnyView {
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p>{message}</p>
        <p><a href=back.href()>{back_text}</a></p>
    }
    .into_any()
}
