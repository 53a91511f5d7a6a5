use std::sync::Arc;

use leptos::prelude::*;
use crate::components::title::Title;

use super::{country_or_picker, kind_label};
use crate::domain::content::{Pack, RESOURCE_KINDS};
use crate::routes::Page;

/// `/resources` (choose a country) and `/resources/:country` (its resources, by kind).
#[component]
pub fn Resources() -> impl IntoView {
    country_or_picker("Resources", "Free help and resources", |c| Page::Resources(Some(c)), |pack| {
        view! { <ResourceList pack /> }.into_any()
    })
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
