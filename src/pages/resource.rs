use std::sync::Arc;

use crate::components::title::Title;
use leptos::prelude::*;

use super::param;
use crate::components::country::missing_in_pack;
use crate::components::labels::{cost_label, kind_label, sector_label, topic_label};
use crate::components::markdown::ExternalLink;
use crate::components::steps::Sources;
use crate::components::unreviewed::Unreviewed;
use crate::components::with_pack::with_pack;
use crate::domain::content::Pack;
use crate::domain::i18n::tr;
use crate::domain::state::saved_key;
use crate::language::{language_name, pack_country};
use crate::routes::Page;
use crate::state::use_app;

/// `/resources/:country/:id`.
#[component]
pub fn ResourcePage() -> impl IntoView {
    let country = param("country");
    let id = param("id");
    with_pack(
        country,
        Arc::new(move |pack: Arc<Pack>| {
            let id = id();
            match pack.resource(&id) {
                Some(_) => view! { <ResourceView pack id /> }.into_any(),
                None => missing_in_pack(
                    tr::resource_not_found_title(),
                    tr::resource_not_found(&pack_country(&pack), &id),
                    Page::Resources(Some(pack.meta.id.clone())),
                    tr::see_all_resources(),
                ),
            }
        }),
    )
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
    let name = pack_country(&pack);
    let place = if !towns.is_empty() {
        towns.join(", ")
    } else if !regions.is_empty() {
        regions.join(", ")
    } else {
        tr::all_of(&name)
    };
    let used_in: Vec<_> = pack.steps.iter().filter(|s| s.resources.contains(&r.id)).cloned().collect();
    let (tl, td) = crate::components::steps::text_lang(&pack);
    let local = pack.meta.local_language.clone();
    view! {
        <Title text=r.title.clone() />
        <nav aria-label=tr::breadcrumb() class="breadcrumb">
            <a href=Page::Resources(Some(country.clone())).href()>{tr::resources_in_country(&name)}</a>
        </nav>
        <h1 lang=tl.clone() dir=td>{r.title.clone()}</h1>
        <p class="kind">{kind_label(&r.kind)}" · "<bdi lang=local.clone()>{r.organisation.clone()}</bdi></p>
        <Unreviewed pack=pack.clone() unreviewed=r.unreviewed />
        <p class="lead" lang=tl.clone() dir=td>{r.description.clone()}</p>
        <p><ExternalLink href=r.url.clone()>{tr::go_to(&r.organisation)}</ExternalLink></p>
        <button type="button" class="secondary" aria-pressed=move || saved().to_string()
            on:click={
                let (country, id) = (country.clone(), r.id.clone());
                move |_| app.saved.update(|s| s.toggle_saved_resource(&country, &id))
            }>
            {move || if s2() { tr::saved_to_list() } else { tr::save_to_list() }}
        </button>
        <dl class="facts">
            <div><dt>{tr::fact_where()}</dt><dd>{place}</dd></div>
            {(!r.topics.is_empty() || !r.sectors.is_empty()).then(|| view! {
                <div><dt>{tr::who_it_helps()}</dt><dd>{who_it_helps(&r.topics, &r.sectors)}</dd></div>
            })}
            <div><dt>{tr::fact_cost()}</dt><dd>{cost_label(r.cost.as_deref().unwrap_or(""))}</dd></div>
            {(!r.languages.is_empty()).then(|| view! {
                <div><dt>{tr::fact_languages()}</dt><dd>{r.languages.iter().map(|l| language_name(l)).collect::<Vec<_>>().join(", ")}</dd></div>
            })}
            {r.phone.clone().map(|p| view! { <div><dt>{tr::fact_phone()}</dt><dd><ExternalLink href=format!("tel:{}", p.replace(' ', ""))>{p.clone()}</ExternalLink></dd></div> })}
            {r.email.clone().map(|e| view! { <div><dt>{tr::fact_email()}</dt><dd><ExternalLink href=format!("mailto:{e}")>{e.clone()}</ExternalLink></dd></div> })}
            {r.address.clone().map(|a| view! { <div><dt>{tr::fact_address()}</dt><dd lang=local.clone() dir="auto">{a}</dd></div> })}
        </dl>
        {(!used_in.is_empty()).then(|| view! {
            <section aria-labelledby="steps-heading">
                <h2 id="steps-heading">{tr::helps_with_steps()}</h2>
                <ul>{used_in.into_iter().map(|s| view! {
                    <li><a href=Page::Step { country: country.clone(), step: s.id.clone() }.href() lang=tl.clone() dir=td>{s.title}</a></li>
                }).collect_view()}</ul>
            </section>
        })}
        <Sources sources=r.sources.clone() />
    }
}

/// "Founders who need help with: registration, tax; in these sectors: green".
fn who_it_helps(topics: &[String], sectors: &[String]) -> String {
    let topics = topics.iter().map(|t| topic_label(t)).collect::<Vec<_>>().join(", ");
    let sectors = sectors.iter().map(|s| sector_label(s)).collect::<Vec<_>>().join(", ");
    match (topics.is_empty(), sectors.is_empty()) {
        (false, true) => tr::who_topics(&topics),
        (true, false) => tr::who_sectors(&sectors),
        _ => tr::who_both(&sectors, &topics),
    }
}
