use std::sync::Arc;

use leptos::prelude::*;
use crate::components::title::Title;
use leptos_router::components::Redirect;

use super::{kind_label, param, CountryPicker};
use crate::app::use_app;
use crate::components::with_pack::with_pack;
use crate::domain::content::{Pack, RESOURCE_KINDS};
use crate::routes::Page;

/// `/resources` (choose a country) and `/resources/:country` (its resources, by kind).
#[component]
pub fn Resources() -> impl IntoView {
    let app = use_app();
    let country = param("country");
    let c = country.clone();
    move || {
        if !c().is_empty() {
            return with_pack(c.clone(), move |pack| view! { <ResourceList pack /> }).into_any();
        }
        match app.saved.with_untracked(|s| s.profile.country.clone()) {
            Some(saved) => view! { <Redirect path=Page::Resources(Some(saved)).path() /> }.into_any(),
            None => view! {
                <Title text="Resources" />
                <h1>"Free help and resources"</h1>
                <p>"Choose the country where you want to start your business."</p>
                <CountryPicker target=|c| Page::Resources(Some(c)) />
            }
            .into_any(),
        }
    }
}

#[component]
fn ResourceList(
    /// The country pack whose resources to list.
    pack: Arc<Pack>,
) -> impl IntoView {
    let title = format!("Free help and resources in {}", pack.meta.name);
    let country = pack.meta.id.clone();
    let town_name = |id: &str| pack.meta.towns.iter().find(|t| t.id == id).map(|t| t.name.clone()).unwrap_or_else(|| id.to_string());
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p class="lead">{format!("{} places that help people start a business, from official services to free advice, courses, funding and mentors.", pack.resources.len())}</p>
        {RESOURCE_KINDS.iter().filter(|k| pack.resources.iter().any(|r| r.kind == **k)).map(|kind| {
            let heading = format!("kind-{kind}");
            let labelled = heading.clone();
            view! {
                <section aria-labelledby=labelled>
                    <h2 id=heading>{kind_label(kind)}</h2>
                    <ul class="resource-list">
                        {pack.resources.iter().filter(|r| r.kind == *kind).map(|r| {
                            let place = if r.towns.is_empty() { "Whole country or region".to_string() } else { r.towns.iter().map(|t| town_name(t)).collect::<Vec<_>>().join(", ") };
                            view! {
                                <li data-resource=r.id.clone()>
                                    <a href=Page::Resource { country: country.clone(), id: r.id.clone() }.href()>{r.title.clone()}</a>
                                    <p class="meta">{format!("{} · {}", r.organisation, place)}
                                        {r.cost.as_deref().map(|c| format!(" · {}", cost_label(c)))}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
        }).collect_view()}
    }
}

pub fn cost_label(cost: &str) -> &'static str {
    match cost {
        "free" => "Free",
        "paid" => "Paid",
        "mixed" => "Free and paid parts",
        _ => "Cost not known",
    }
}
