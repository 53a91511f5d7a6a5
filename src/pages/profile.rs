//! `/about-you`: five optional questions that fit the checklist to the founder.
//!
//! Every answer is saved the moment it is given, can be changed any time, and never leaves the
//! device. A question left open hides nothing: the checklist only leaves out steps that an
//! answer rules out.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::controls::{choice, derived, select};
use crate::components::country::CountryPicker;
use crate::components::labels::sector_label;
use crate::components::title::Title;
use crate::components::with_pack::with_pack;
use crate::domain::content::{Pack, SECTORS};
use crate::domain::i18n::tr;
use crate::domain::plan::{self, Advice, Misfit, Reason, TradeOff};
use crate::domain::state::{Profile, Question, Residence, SavedState};
use crate::language::{entry_country, pack_country};
use crate::packs::Load;
use crate::routes::Page;
use crate::state::use_app;

/// A radio button bound to one profile answer.
fn radio(
    name: &'static str,
    value: &'static str,
    label: String,
    checked: impl Fn(&Profile) -> bool + Send + Sync + 'static,
    set: impl Fn(&mut Profile) + Send + Sync + 'static,
) -> AnyView {
    let app = use_app();
    choice(
        true,
        format!("{name}-{value}"),
        name,
        label.into_any(),
        derived(move || app.saved.with(|s| checked(&s.profile))),
        Arc::new(move |_| app.saved.update(|s| set(&mut s.profile))),
    )
}

/// A yes / no / not decided question, for an `Option<bool>` answer.
fn yes_no(legend: String, name: &'static str, labels: [String; 3], question: Question) -> impl IntoView {
    let choices = [(Some(true), "yes"), (Some(false), "no"), (None, "unsure")]
        .into_iter()
        .zip(labels)
        .map(|((v, value), label)| radio(name, value, label, move |p| p.answer_of(question) == v, move |p| p.answer(question, v)))
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
            app.saved.update(SavedState::mark_welcomed);
        }
    });
    // A memo, so the questions below are rebuilt only when the country really changes (not on
    // every answer, which would take the keyboard focus away).
    let country = Memo::new(move |_| app.saved.with(|s| s.profile.country.clone()));
    let country = move || country.get();
    let residence = |r: Residence| move |p: &Profile| p.residence == Some(r);
    let set_residence = |r: Residence| move |p: &mut Profile| p.set_residence(r);
    view! {
        <Title text=tr::profile_title() />
        <h1>{tr::profile_title()}</h1>
        <p class="lead">{tr::profile_lead()}</p>
        <form class="profile" on:submit=|ev| ev.prevent_default()>
            <fieldset>
                <legend><span class="q-num">"1"</span>{tr::q_country()}</legend>
                {move || match app.packs.index() {
                    Load::Ready(index) => index.packs.iter().map(|p| {
                        let (id, id2) = (p.id.clone(), p.id.clone());
                        let label = view! { {entry_country(p)}" "<span class="local" lang=p.local_language.clone() dir="ltr">{format!("({})", p.local_name)}</span> };
                        choice(true, format!("country-{}", p.id), "country", label.into_any(),
                            derived(move || country().as_deref() == Some(id.as_str())),
                            Arc::new(move |_| app.saved.update(|s| s.profile.choose_country(&id2))))
                    }).collect_view().into_any(),
                    _ => view! { <CountryPicker target=|_| Page::Profile /> }.into_any(),
                }}
            </fieldset>
            {move || country().map(|c| with_pack(Arc::new(move || c.clone()), Arc::new(|pack| view! { <TownQuestion pack /> }.into_any())))}
            <fieldset>
                <legend><span class="q-num">"3"</span>{tr::q_residence()}</legend>
                <p class="hint">{tr::residence_hint()}</p>
                {Residence::ALL.into_iter().map(|r| radio("residence", r.value(), crate::components::labels::residence_label(r), residence(r), set_residence(r))).collect_view()}
            </fieldset>
            <fieldset>
                <legend><span class="q-num">"4"</span>{tr::q_business()}</legend>
                <div class="field">
                    <label for="business">{tr::business_label()}</label>
                    <input type="text" id="business" autocomplete="off" placeholder=tr::business_placeholder()
                        prop:value=move || app.saved.with(|s| s.profile.business.clone().unwrap_or_default())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            app.saved.update(|s| s.profile.describe_business(&v));
                        } />
                </div>
                <fieldset class="inner">
                    <legend>{tr::sectors_legend()}</legend>
                    {SECTORS.iter().map(|sector| {
                        choice(false, format!("sector-{sector}"), "sector", sector_label(sector).into_any(),
                            derived(move || app.saved.with(|s| s.profile.sectors.contains(*sector))),
                            Arc::new(move |on| app.saved.update(|s| s.profile.set_sector(sector, on))))
                    }).collect_view()}
                </fieldset>
                {yes_no(tr::partners_question(), "partners", [tr::partners_yes(), tr::partners_no(), tr::partners_unsure()], Question::Partners)}
                {yes_no(tr::hiring_question(), "hiring", [tr::answer_yes(), tr::answer_no(), tr::answer_unsure()], Question::Hiring)}
            </fieldset>
            {move || country().map(|c| with_pack(Arc::new(move || c.clone()), Arc::new(|pack| view! { <LegalFormQuestion pack /> }.into_any())))}
            <p class="actions">
                <a class="button" href=move || Page::Checklist(country()).href()>{tr::show_my_checklist()}</a>
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
            <legend><span class="q-num">"2"</span>{tr::q_town(&pack_country(&pack))}</legend>
            {select("town", tr::town_or_region().into_any(), derived(move || app.saved.with(|s| s.profile.town.clone().unwrap_or_default())),
                vec![(None, vec![(String::new(), tr::town_none())]), (Some(tr::towns()), towns), (Some(tr::regions()), regions)],
                Arc::new(move |v: String| app.saved.update(|s| s.profile.set_town(&v))))}
            <p class="hint">{tr::town_hint()}</p>
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
            <legend><span class="q-num">"5"</span>{tr::q_legal_form()}</legend>
            {forms.into_iter().map(|f| {
                let (fid, fid2) = (f.id.clone(), f.id.clone());
                let label = view! { {f.name.clone()}" "<span class="local" lang=lang.clone() dir="ltr">{format!("({})", f.local_name)}</span> };
                choice(true, format!("form-{}", f.id), "legal-form", label.into_any(),
                    derived(move || app.saved.with(|s| s.profile.legal_form.as_deref() == Some(fid.as_str()))),
                    Arc::new(move |_| app.saved.update(|s| s.profile.choose_legal_form(Some(&fid2)))))
            }).collect_view()}
            {choice(true, "form-help".into(), "legal-form", tr::help_me_choose().into_any(),
                derived(move || app.saved.with(|s| s.profile.legal_form.is_none())),
                Arc::new(move |_| app.saved.update(|s| s.profile.choose_legal_form(None))))}
            <Chooser pack=pack.clone() />
            <p class="hint"><a href=format!("{}#legal-forms", Page::Checklist(Some(pack.meta.id.clone())).href())>
                {tr::compare_forms(&pack_country(&pack))}</a></p>
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
    move || {
        undecided.get().then(|| {
            let pack = pack.clone();
            let advice = move || {
                let pack = pack.clone();
                let advice = app.saved.with(|s| match plan::choose_form(&pack, &s.profile) {
                    Advice::Suggest { form, reasons, trade_off, misfits } => Some((form.clone(), reasons, trade_off, misfits)),
                    Advice::AskPartners | Advice::NoForms => None,
                });
                let lang = pack.meta.local_language.clone();
                match advice {
                    Some((form, why, trade_off, misfits)) => {
                        let id = form.id.clone();
                        // The price of this form, in the pack's own words.
                        let cost = match trade_off {
                            TradeOff::PersonalLiability => view! {
                                <p class="trade-off"><strong>{tr::trade_off_liability()}</strong>" "<span>{form.liability.clone()}</span></p>
                            }
                            .into_any(),
                            TradeOff::CostAndRules => view! {
                                <p class="trade-off"><strong>{tr::trade_off_company()}</strong>" "
                                    <span>{tr::form_capital()}": "{form.min_capital.clone()}</span></p>
                            }
                            .into_any(),
                        };
                        view! {
                            <div class="advice" role="status">
                                <p><strong>{tr::we_suggest_form(&form.name)}</strong>
                                    <span class="local" lang=lang dir="ltr">{format!("({})", form.local_name)}</span></p>
                                <ul>{why.into_iter().map(|w| view! { <li>{reason_label(w)}</li> }).collect_view()}</ul>
                                {cost}
                                {(!misfits.is_empty()).then(|| view! {
                                    <div class="notice-inline">
                                        <p>{tr::chooser_nearest()}</p>
                                        <ul>{misfits.into_iter().map(|m| view! { <li>{misfit_label(m)}</li> }).collect_view()}</ul>
                                    </div>
                                })}
                                <button type="button" class="secondary" on:click=move |_| {
                                    app.saved.update(|s| s.profile.choose_legal_form(Some(&id)));
                                    // The advice closes; keep the keyboard on the chosen form.
                                    let target = format!("form-{id}");
                                    request_animation_frame(move || crate::components::focus::focus(&target));
                                }>
                                    {tr::choose_form(&form.name)}
                                </button>
                            </div>
                        }
                        .into_any()
                    }
                    None => view! { <p class="hint" role="status">{tr::chooser_hint()}</p> }.into_any(),
                }
            };
            view! {
                <div class="chooser">
                    {yes_no(tr::risk_question(), "risk", [tr::answer_yes(), tr::answer_no(), tr::answer_unsure()], Question::HighRisk)}
                    {yes_no(tr::investors_question(), "investors", [tr::answer_yes(), tr::answer_no(), tr::answer_unsure()], Question::Investors)}
                    {advice}
                </div>
            }
        })
    }
}

fn reason_label(reason: Reason) -> String {
    match reason {
        Reason::Partners => tr::reason_partners(),
        Reason::Alone => tr::reason_alone(),
        Reason::Protected => tr::reason_protected(),
        Reason::Cheap => tr::reason_cheap(),
        Reason::Simple => tr::reason_simple(),
        Reason::Investors => tr::reason_investors(),
    }
}

fn misfit_label(misfit: Misfit) -> String {
    match misfit {
        Misfit::Alone => tr::misfit_alone(),
        Misfit::Partners => tr::misfit_partners(),
        Misfit::Investors => tr::misfit_investors(),
        Misfit::Risk => tr::misfit_risk(),
    }
}
