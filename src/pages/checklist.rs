use std::sync::Arc;

use leptos::prelude::*;
use crate::components::title::Title;
use leptos_router::components::Redirect;

use super::{param, status_id, status_label, CountryPicker};
use crate::app::use_app;
use crate::components::with_pack::with_pack;
use crate::domain::content::{Join, Pack};
use crate::domain::state::StepStatus;
use crate::routes::Page;

/// `/checklist` (choose a country) and `/checklist/:country` (its steps, phase by phase).
#[component]
pub fn Checklist() -> impl IntoView {
    let app = use_app();
    let country = param("country");
    let c = country.clone();
    move || {
        let country = c();
        if !country.is_empty() {
            return with_pack(c.clone(), move |pack| view! { <StepList pack /> }).into_any();
        }
        match app.saved.with_untracked(|s| s.profile.country.clone()) {
            Some(saved) => view! { <Redirect path=Page::Checklist(Some(saved)).path() /> }.into_any(),
            None => view! {
                <Title text="Checklist" />
                <h1>"Your start-up checklist"</h1>
                <p>"Choose the country where you want to start your business."</p>
                <CountryPicker target=|c| Page::Checklist(Some(c)) />
            }
            .into_any(),
        }
    }
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
        move || {
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
        }
    };
    let title = format!("Start a business in {}", pack.meta.name);
    let phases = pack.meta.phases.clone();
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p class="lead">"Your checklist, step by step. Open a step to see what to do, where, and what it costs."</p>
        <p class="progress-summary" role="status">
            {move || format!("{} of {total} steps done or not relevant", done())}
        </p>
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
    }
}
