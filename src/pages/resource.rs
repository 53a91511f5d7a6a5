use std::sync::Arc;

use leptos::prelude::*;
use crate::components::title::Title;

use super::resources::cost_label;
use super::step::Sources;
use super::profile::sector_label;
use super::{kind_label, language_name, missing_in_pack, param, topic_label};
use crate::app::use_app;
use crate::components::markdown::ExternalLink;
use crate::components::with_pack::with_pack;
use crate::domain::content::Pack;
use crate::domain::filter::saved_key;
use crate::routes::Page;

/// `/resources/:country/:id`.
#[component]
pub fn ResourcePage() -> impl IntoView {
    let country = param("country");
    let id = param("id");
    with_pack(country, Arc::new(move |pack: Arc<Pack>| {
        let id = id();
        match pack.resource(&id) {
            Some(_) => view! { <ResourceView pack id /> }.into_any(),
            None => missing_in_pack(
                "Resource not found",
                format!("Career Kit has no resource called “{id}” for {}. It may have been removed.", pack.meta.name),
                Page::Resources(Some(pack.meta.id.clone())),
                "See all resources",
            ),
        }
    }))
}

#[component]
fn ResourceView(
    /// The pack holding the resource.
    pack: Arc<Pack>,
    /// The resource id (known to exist in the pack).
    id: String,
) -> impl IntoView {
    let app = use_app();
    let r = pack.resource(&id).cloned().expect("checked by caller");
    let country = pack.meta.id.clone();
    let key = saved_key(&country, &r.id);
    let saved = {
        let key = key.clone();
        move || app.saved.with(|s| s.saved_resources.contains(&key))
    };
    let s2 = saved.clone();
    let towns: Vec<String> = r.towns.iter().map(|t| pack.town_name(t)).collect();
    let regions: Vec<String> = r.regions.iter().map(|t| pack.region_name(t)).collect();
    let place = if !towns.is_empty() { towns.join(", ") } else if !regions.is_empty() { regions.join(", ") } else { format!("All of {}", pack.meta.name) };
    let used_in: Vec<_> = pack.steps.iter().filter(|s| s.resources.contains(&r.id)).cloned().collect();
    view! {
        <Title text=r.title.clone() />
        <nav aria-label="Breadcrumb" class="breadcrumb">
            <a href=Page::Resources(Some(country.clone())).href()>{format!("Resources in {}", pack.meta.name)}</a>
        </nav>
        <h1>{r.title.clone()}</h1>
        <p class="kind">{kind_label(&r.kind)}{format!(" · {}", r.organisation)}</p>
        <p class="lead">{r.description.clone()}</p>
        <p><ExternalLink href=r.url.clone()>{format!("Go to {}", r.organisation)}</ExternalLink></p>
        <button type="button" class="secondary" aria-pressed=move || saved().to_string()
            on:click=move |_| {
                let key = key.clone();
                app.saved.update(|s| { if !s.saved_resources.remove(&key) { s.saved_resources.insert(key); } })
            }>
            {move || if s2() { "Saved to my list" } else { "Save to my list" }}
        </button>
        <dl class="facts">
            <div><dt>"Where"</dt><dd>{place}</dd></div>
            {(!r.topics.is_empty() || !r.sectors.is_empty()).then(|| view! {
                <div><dt>"Who it helps"</dt><dd>{who_it_helps(&r.topics, &r.sectors)}</dd></div>
            })}
            <div><dt>"Cost"</dt><dd>{cost_label(r.cost.as_deref().unwrap_or(""))}</dd></div>
            {(!r.languages.is_empty()).then(|| view! {
                <div><dt>"Languages"</dt><dd>{r.languages.iter().map(|l| language_name(l)).collect::<Vec<_>>().join(", ")}</dd></div>
            })}
            {r.phone.clone().map(|p| view! { <div><dt>"Phone"</dt><dd><ExternalLink href=format!("tel:{}", p.replace(' ', ""))>{p.clone()}</ExternalLink></dd></div> })}
            {r.email.clone().map(|e| view! { <div><dt>"Email"</dt><dd><ExternalLink href=format!("mailto:{e}")>{e.clone()}</ExternalLink></dd></div> })}
            {r.address.clone().map(|a| view! { <div><dt>"Address"</dt><dd>{a}</dd></div> })}
        </dl>
        {(!used_in.is_empty()).then(|| view! {
            <section aria-labelledby="steps-heading">
                <h2 id="steps-heading">"Helps with these steps"</h2>
                <ul>{used_in.into_iter().map(|s| view! {
                    <li><a href=Page::Step { country: country.clone(), step: s.id.clone() }.href()>{s.title}</a></li>
                }).collect_view()}</ul>
            </section>
        })}
        <Sources sources=r.sources.clone() />
    }
}

/// "Founders who need help with registration, tax; in green businesses".
fn who_it_helps(topics: &[String], sectors: &[String]) -> String {
    let mut out = String::from("Founders");
    if !topics.is_empty() {
        out.push_str(" who need help with: ");
        out.push_str(&topics.iter().map(|t| topic_label(t)).collect::<Vec<_>>().join(", "));
    }
    if !sectors.is_empty() {
        out.push_str(if topics.is_empty() { " in these sectors: " } else { "; in these sectors: " });
        out.push_str(&sectors.iter().map(|s| sector_label(s)).collect::<Vec<_>>().join(", "));
    }
    out
}
