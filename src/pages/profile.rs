//! `/about-you`: five optional questions that fit the checklist to the founder.
//!
//! Every answer is saved the moment it is given, can be changed any time, and never leaves the
//! device. A question left open hides nothing: the checklist only leaves out steps that an
//! answer rules out.

use std::sync::Arc;

use leptos::prelude::*;

use super::CountryPicker;
use crate::app::use_app;
use crate::components::controls::{choice, derived, select};
use crate::components::title::Title;
use crate::components::with_pack::with_pack;
use crate::domain::content::{Pack, SECTORS};
use crate::domain::plan;
use crate::domain::state::{Profile, Residence};
use crate::packs::Load;
use crate::routes::Page;

/// Plain names for the sector vocabulary of `content::SECTORS`.
pub fn sector_label(sector: &str) -> &str {
    match sector {
        "green" => "Green: ecological products or services",
        "food" => "Food and catering",
        "construction" => "Building and repairs",
        "cleaning" => "Cleaning",
        "transport" => "Transport and delivery",
        "crafts" => "Crafts and trades",
        "retail" => "Shop or online shop",
        "care" => "Care and health",
        "beauty" => "Hair and beauty",
        "it" => "IT and digital services",
        "creative" => "Art, design and media",
        "agriculture" => "Farming and gardening",
        other => other,
    }
}

/// A radio button bound to one profile answer.
fn radio(
    name: &'static str,
    value: &'static str,
    label: &'static str,
    checked: impl Fn(&Profile) -> bool + Send + Sync + 'static,
    set: impl Fn(&mut Profile) + Send + Sync + 'static,
) -> AnyView {
    let app = use_app();
    choice(true, format!("{name}-{value}"), name, label.into_any(),
        derived(move || app.saved.with(|s| checked(&s.profile))),
        Arc::new(move |_| app.saved.update(|s| set(&mut s.profile))))
}

/// A yes / no / not decided question, for an `Option<bool>` answer.
fn yes_no(
    legend: &'static str,
    name: &'static str,
    labels: [&'static str; 3],
    get: fn(&Profile) -> Option<bool>,
    set: fn(&mut Profile, Option<bool>),
) -> impl IntoView {
    let choices = [(Some(true), "yes"), (Some(false), "no"), (None, "unsure")]
        .into_iter()
        .zip(labels)
        .map(|((v, value), label)| radio(name, value, label, move |p| get(p) == v, move |p| set(p, v)))
        .collect_view();
    view! {
        <fieldset class="inner">
            <legend>{legend}</legend>
            {choices}
        </fieldset>
    }
}

#[component]
pub fn ProfilePage() -> impl IntoView {
    let app = use_app();
    // Opening the questions counts as having seen the welcome.
    Effect::new(move |_| {
        if !app.saved.with_untracked(|s| s.settings.welcomed) {
            app.saved.update(|s| s.settings.welcomed = true);
        }
    });
    // A memo, so the questions below are rebuilt only when the country really changes (not on
    // every answer, which would take the keyboard focus away).
    let country = Memo::new(move |_| app.saved.with(|s| s.profile.country.clone()));
    let country = move || country.get();
    let residence = |r: Residence| move |p: &Profile| p.residence == Some(r);
    let set_residence = |r: Residence| move |p: &mut Profile| p.residence = Some(r);
    view! {
        <Title text="About you and your business" />
        <h1>"About you and your business"</h1>
        <p class="lead">"Up to five questions, so your checklist shows the steps that fit you. Skip any \
            question you like and change your answers any time. Your answers stay on this device."</p>
        <form class="profile" on:submit=|ev| ev.prevent_default()>
            <fieldset>
                <legend><span class="q-num">"1"</span>"Where do you want to start your business?"</legend>
                {move || match app.packs.index() {
                    Load::Ready(index) => index.packs.iter().map(|p| {
                        let (id, id2) = (p.id.clone(), p.id.clone());
                        let label = view! { {p.name.clone()}" "<span class="local" lang=p.local_language.clone()>{format!("({})", p.local_name)}</span> };
                        choice(true, format!("country-{}", p.id), "country", label.into_any(),
                            derived(move || country().as_deref() == Some(id.as_str())),
                            Arc::new(move |_| app.saved.update(|s| {
                                // Towns and legal forms belong to a country: a new country starts them afresh.
                                if s.profile.country.as_deref() != Some(id2.as_str()) {
                                    s.profile.town = None;
                                    s.profile.legal_form = None;
                                }
                                s.profile.country = Some(id2.clone());
                            })))
                    }).collect_view().into_any(),
                    _ => view! { <CountryPicker target=|_| Page::Profile /> }.into_any(),
                }}
            </fieldset>
            {move || country().map(|c| with_pack(Arc::new(move || c.clone()), Arc::new(|pack| view! { <TownQuestion pack /> }.into_any())))}
            <fieldset>
                <legend><span class="q-num">"3"</span>"Your residence status"</legend>
                <p class="hint">"Some rules differ for EU citizens. This answer never leaves your device."</p>
                {radio("residence", "eu", "I am a citizen of an EU or EEA country or Switzerland", residence(Residence::Eu), set_residence(Residence::Eu))}
                {radio("residence", "permit", "I have a residence permit that allows me to be self-employed", residence(Residence::PermitAllows), set_residence(Residence::PermitAllows))}
                {radio("residence", "not-sure", "I am not sure what my permit allows", residence(Residence::NotSure), set_residence(Residence::NotSure))}
                {radio("residence", "other", "Other", residence(Residence::Other), set_residence(Residence::Other))}
            </fieldset>
            <fieldset>
                <legend><span class="q-num">"4"</span>"Your business"</legend>
                <div class="field">
                    <label for="business">"What will your business do? (optional)"</label>
                    <input type="text" id="business" autocomplete="off" placeholder="For example: a bakery, cleaning, web design"
                        prop:value=move || app.saved.with(|s| s.profile.business.clone().unwrap_or_default())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            app.saved.update(|s| s.profile.business = (!v.trim().is_empty()).then_some(v));
                        } />
                </div>
                <fieldset class="inner">
                    <legend>"Sector (choose any)"</legend>
                    {SECTORS.iter().map(|sector| {
                        choice(false, format!("sector-{sector}"), "sector", sector_label(sector).into_any(),
                            derived(move || app.saved.with(|s| s.profile.sectors.contains(*sector))),
                            Arc::new(move |on| app.saved.update(|s| {
                                if on { s.profile.sectors.insert(sector.to_string()); } else { s.profile.sectors.remove(*sector); }
                            })))
                    }).collect_view()}
                </fieldset>
                {yes_no("Will you start alone or with partners?", "partners", ["With one or more partners", "Alone", "Not decided yet"], |p| p.partners, |p, v| p.partners = v)}
                {yes_no("Do you plan to hire staff in the first year?", "hiring", ["Yes", "No", "Not sure yet"], |p| p.hiring, |p, v| p.hiring = v)}
            </fieldset>
            {move || country().map(|c| with_pack(Arc::new(move || c.clone()), Arc::new(|pack| view! { <LegalFormQuestion pack /> }.into_any())))}
            <p class="actions">
                <a class="button" href=move || Page::Checklist(country()).href()>"Show my checklist"</a>
            </p>
        </form>
    }
}

/// Question 2, whose answers come from the chosen country's pack.
#[component]
fn TownQuestion(
    /// The chosen country's pack.
    pack: Arc<Pack>,
) -> impl IntoView {
    let app = use_app();
    let towns = pack.meta.towns.iter().map(|t| (t.id.clone(), t.name.clone())).collect();
    let regions = pack.meta.regions.iter().map(|g| (g.id.clone(), g.name.clone())).collect();
    view! {
        <fieldset>
            <legend><span class="q-num">"2"</span>{format!("Where in {} will you work?", pack.meta.name)}</legend>
            {select("town", "Town or region".into_any(), derived(move || app.saved.with(|s| s.profile.town.clone().unwrap_or_default())),
                vec![(None, vec![(String::new(), "Not decided, or somewhere else".into())]), (Some("Towns"), towns), (Some("Regions"), regions)],
                Arc::new(move |v: String| app.saved.update(|s| s.profile.town = (!v.is_empty()).then_some(v))))}
            <p class="hint">"Used to show local help first."</p>
        </fieldset>
    }
}

/// Question 5: the legal forms of the chosen country, or "help me choose".
#[component]
fn LegalFormQuestion(
    /// The chosen country's pack.
    pack: Arc<Pack>,
) -> impl IntoView {
    let app = use_app();
    let lang = pack.meta.local_language.clone();
    let forms = pack.meta.legal_forms.clone();
    view! {
        <fieldset>
            <legend><span class="q-num">"5"</span>"Which legal form do you want?"</legend>
            {forms.into_iter().map(|f| {
                let (fid, fid2) = (f.id.clone(), f.id.clone());
                let label = view! { {f.name.clone()}" "<span class="local" lang=lang.clone()>{format!("({})", f.local_name)}</span> };
                choice(true, format!("form-{}", f.id), "legal-form", label.into_any(),
                    derived(move || app.saved.with(|s| s.profile.legal_form.as_deref() == Some(fid.as_str()))),
                    Arc::new(move |_| app.saved.update(|s| s.profile.legal_form = Some(fid2.clone()))))
            }).collect_view()}
            {choice(true, "form-help".into(), "legal-form", "Help me choose".into_any(),
                derived(move || app.saved.with(|s| s.profile.legal_form.is_none())),
                Arc::new(move |_| app.saved.update(|s| s.profile.legal_form = None)))}
            <Chooser pack=pack.clone() />
            <p class="hint"><a href=format!("{}#legal-forms", Page::Checklist(Some(pack.meta.id.clone())).href())>
                {format!("Compare the legal forms in {}", pack.meta.name)}</a></p>
        </fieldset>
    }
}

/// "Help me choose": two more answers, then the form that fits best and why, from the facts
/// in the pack. Shown while no form is chosen.
#[component]
fn Chooser(
    /// The chosen country's pack.
    pack: Arc<Pack>,
) -> impl IntoView {
    let app = use_app();
    let undecided = Memo::new(move |_| app.saved.with(|s| s.profile.legal_form.is_none()));
    move || undecided.get().then(|| {
        let pack = pack.clone();
        let advice = move || {
            let advice = app.saved.with(|s| plan::choose_form(&pack, &s.profile).map(|(f, why)| (f.id.clone(), f.name.clone(), f.local_name.clone(), why)));
            match advice {
                Some((id, name, local, why)) => view! {
                    <div class="advice" role="status">
                        <p><strong>{format!("We suggest: {name} ({local})")}</strong></p>
                        <ul>{why.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                        <button type="button" class="secondary" on:click=move |_| {
                            app.saved.update(|s| s.profile.legal_form = Some(id.clone()));
                            // The advice closes; keep the keyboard on the chosen form.
                            let target = format!("form-{id}");
                            request_animation_frame(move || crate::app::focus(&target));
                        }>
                            {format!("Choose {name}")}
                        </button>
                    </div>
                }.into_any(),
                None => view! { <p class="hint" role="status">"Answer these questions and whether you start alone (question 4) to get a suggestion."</p> }.into_any(),
            }
        };
        view! {
            <div class="chooser">
                {yes_no("Will the business take big risks, such as loans, large contracts or expensive equipment?", "risk", ["Yes", "No", "Not sure yet"], |p| p.high_risk, |p, v| p.high_risk = v)}
                {yes_no("Do you want investors to put money into the business?", "investors", ["Yes", "No", "Not sure yet"], |p| p.investors, |p, v| p.investors = v)}
                {advice}
            </div>
        }
    })
}
