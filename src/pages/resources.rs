use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::components::title::Title;
use crate::domain::search::{resource_docs, SearchIndex};

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
    // Built once per pack load; every keystroke only queries it.
    let index = Arc::new(SearchIndex::new(&resource_docs(&pack)));
    let query = use_query_map();
    let q = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let navigate = use_navigate();
    let list_page = Page::Resources(Some(country.clone())).path();
    let on_input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let to = if v.trim().is_empty() {
            list_page.clone()
        } else {
            format!("{list_page}?q={}", String::from(js_sys::encode_uri_component(&v)))
        };
        // Typing refines one view: replace, so the back button leaves the page as expected.
        navigate(&to, NavigateOptions { replace: true, scroll: false, ..Default::default() });
    };
    // One search per change of the query, shared by the list and the announcement.
    let hits = Memo::new(move |_| {
        let q = q.get();
        (!q.trim().is_empty()).then(|| index.search(&q))
    });
    let results = {
        let pack = pack.clone();
        move || {
            let q = q.get();
            let Some(hits) = hits.get() else { return grouped(&pack).into_any() };
            let count = match hits.len() {
                0 => format!("No resources found for “{q}”. Try fewer or other words."),
                1 => format!("1 resource found for “{q}”."),
                n => format!("{n} resources found for “{q}”."),
            };
            view! {
                <p class="result-count">{count}</p>
                <ul class="resource-list">
                    {hits.iter().map(|h| item(&pack, &pack.resources[h.doc])).collect_view()}
                </ul>
            }
            .into_any()
        }
    };
    let count_for_screen_readers = move || hits.with(|h| h.as_ref().map(|h| format!("{} results", h.len())));
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p class="lead">{format!("{} places that help people start a business, from official services to free advice, courses, funding and mentors.", pack.resources.len())}</p>
        <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
            <label for="resource-search">"Search resources"</label>
            <input type="search" id="resource-search" autocomplete="off"
                placeholder="For example: VAT, mentor, bank account"
                prop:value=move || q.get() on:input=on_input />
        </form>
        <p class="visually-hidden" role="status" aria-live="polite">{count_for_screen_readers}</p>
        {results}
    }
}

/// One resource in a list.
fn item(pack: &Pack, r: &crate::domain::content::Resource) -> AnyView {
    let place = if r.towns.is_empty() { "Whole country or region".to_string() } else { r.towns.iter().map(|t| pack.town_name(t)).collect::<Vec<_>>().join(", ") };
    view! {
        <li data-resource=r.id.clone()>
            <a href=Page::Resource { country: pack.meta.id.clone(), id: r.id.clone() }.href()>{r.title.clone()}</a>
            <p class="meta">{format!("{} · {} · {}{}", kind_label(&r.kind), r.organisation, place,
                r.cost.as_deref().map(|c| format!(" · {}", cost_label(c))).unwrap_or_default())}</p>
        </li>
    }
    .into_any()
}

/// Every resource, grouped by kind.
fn grouped(pack: &Pack) -> impl IntoView {
    RESOURCE_KINDS.iter().filter(|k| pack.resources.iter().any(|r| r.kind == **k)).map(|kind| {
        let heading = format!("kind-{kind}");
        let labelled = heading.clone();
        view! {
            <section aria-labelledby=labelled>
                <h2 id=heading>{kind_label(kind)}</h2>
                <ul class="resource-list">
                    {pack.resources.iter().filter(|r| r.kind == *kind).map(|r| item(pack, r)).collect_view()}
                </ul>
            </section>
        }
    }).collect_view()
}

pub fn cost_label(cost: &str) -> &'static str {
    match cost {
        "free" => "Free",
        "paid" => "Paid",
        "mixed" => "Free and paid parts",
        _ => "Cost not known",
    }
}
