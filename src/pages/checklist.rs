use std::sync::Arc;

use leptos::prelude::*;
use crate::components::title::Title;

use super::{country_or_picker, status_id, status_label};
use crate::app::use_app;
use crate::components::markdown::ExternalLink;
use crate::domain::content::{Join, Pack};
use crate::domain::state::StepStatus;
use crate::routes::Page;

/// `/checklist` (choose a country) and `/checklist/:country` (its steps, phase by phase).
#[component]
pub fn Checklist() -> impl IntoView {
    country_or_picker("Checklist", "Your start-up checklist", |c| Page::Checklist(Some(c)), |pack| {
        view! { <StepList pack /> }.into_any()
    })
}

#[component]
fn StepList(
    /// The country pack to list.
    pack: Arc<Pack>,
) -> impl IntoView {
    let app = use_app();
    let country = pack.meta.id.clone();
    // Remember the country the first time the user opens one (saved like any other change).
    {
        let country = country.clone();
        Effect::new(move |_| {
            if app.saved.with_untracked(|s| s.profile.country.is_none()) {
                app.saved.update(|s| s.profile.country = Some(country.clone()));
            }
        });
    }
    let status_of = {
        let country = country.clone();
        move |step: &str| {
            app.saved.with(|s| {
                s.progress.get(&country).and_then(|p| p.get(step)).map(|p| p.status).unwrap_or_default()
            })
        }
    };
    let total = pack.steps.len();
    let done = {
        let (country, pack) = (country.clone(), pack.clone());
        Memo::new(move |_| {
            app.saved.with(|s| {
                pack.steps
                    .iter()
                    .filter(|st| {
                        s.progress.get(&country).and_then(|p| p.get(&st.id)).is_some_and(|p| {
                            matches!(p.status, StepStatus::Done | StepStatus::NotRelevant)
                        })
                    })
                    .count()
            })
        })
    };
    let title = format!("Start a business in {}", pack.meta.name);
    let phases = pack.meta.phases.clone();
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p class="lead">"Your checklist, step by step. Open a step to see what to do, where, and what it costs."</p>
        <div class="progress-summary">
            <label for="progress-total">{move || format!("{} of {total} steps done or not relevant", done.get())}</label>
            <progress id="progress-total" max=total value=done></progress>
        </div>
        <p><a href=Page::Resources(Some(country.clone())).href()>{format!("Free help and resources in {}", pack.meta.name)}</a></p>
        {phases.into_iter().map(|phase| {
            let steps: Vec<_> = pack.phase_steps(&phase.id).cloned().collect();
            let heading = format!("phase-{}", phase.id);
            let labelled = heading.clone();
            let status_of = status_of.clone();
            let country = country.clone();
            view! {
                <section class="phase" aria-labelledby=labelled>
                    <h2 id=heading>{phase.title.clone()}</h2>
                    <p class="phase-progress">{
                        let (ids, status_of) = (steps.iter().map(|s| s.id.clone()).collect::<Vec<_>>(), status_of.clone());
                        move || {
                            let finished = ids.iter().filter(|id| matches!(status_of(id), StepStatus::Done | StepStatus::NotRelevant)).count();
                            format!("{finished} of {} done", ids.len())
                        }
                    }</p>
                    {(!phase.summary.is_empty()).then(|| view! { <p>{phase.summary.clone()}</p> })}
                    <ol class="steps">
                        {steps.into_iter().map(|step| {
                            let id = step.id.clone();
                            let status_of = status_of.clone();
                            let status = move || status_of(&id);
                            let status2 = status.clone();
                            view! {
                                <li class="step-item" data-step=step.id.clone()
                                    data-status=move || status_id(status())>
                                    {step.join.map(|j| view! {
                                        <span class="join">{match j { Join::And => "and", Join::Or => "or" }}</span>
                                    })}
                                    <a href=Page::Step { country: country.clone(), step: step.id.clone() }.href()>
                                        {step.title.clone()}
                                    </a>
                                    {step.optional.then(|| view! { <span class="tag">"optional"</span> })}
                                    <span class="status">{move || status_label(status2())}</span>
                                    <p class="summary">{step.summary.clone()}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                </section>
            }
        }).collect_view()}
        <LegalForms pack=pack.clone() />
    }
}

/// The legal forms of a country side by side: the facts a founder compares.
#[component]
fn LegalForms(
    /// The country pack whose legal forms to compare.
    pack: Arc<Pack>,
) -> impl IntoView {
    let forms = pack.meta.legal_forms.clone();
    (!forms.is_empty()).then(|| {
        let lang = pack.meta.local_language.clone();
        view! {
            <section class="legal-forms" aria-labelledby="legal-forms">
                <h2 id="legal-forms">{format!("Legal forms in {} compared", pack.meta.name)}</h2>
                <ul class="form-cards">
                    {forms.into_iter().map(|f| {
                        let rows = [
                            ("Who is liable for debts", f.liability),
                            ("Money needed to start", f.min_capital),
                            ("Owners", f.owners),
                            ("How to register", f.registration),
                            ("Social security", f.social_security),
                            ("Tax", f.taxation),
                        ];
                        view! {
                            <li>
                                <h3>{f.name}" "<span class="local" lang=lang.clone()>{format!("({})", f.local_name)}</span></h3>
                                {(!f.summary.is_empty()).then(|| view! { <p>{f.summary.clone()}</p> })}
                                <dl>
                                    {rows.into_iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                                </dl>
                                <p class="checked">
                                    {f.sources.into_iter().map(|s| view! {
                                        <ExternalLink href=s.url>{s.title}</ExternalLink>{format!(" (checked {}) ", s.checked)}
                                    }).collect_view()}
                                </p>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}
