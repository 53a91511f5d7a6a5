use std::sync::Arc;

use leptos::prelude::*;
use crate::components::controls::{choice, derived, select};
use crate::components::title::Title;

use super::{missing_in_pack, param, status_id, status_label, STATUSES};
use crate::app::use_app;
use crate::components::markdown::{ExternalLink, Markdown};
use crate::components::with_pack::with_pack;
use crate::domain::content::{Pack, Source, Task};
use crate::domain::state::StepStatus;
use crate::routes::Page;

/// `/checklist/:country/:step`.
#[component]
pub fn StepPage() -> impl IntoView {
    let country = param("country");
    let step = param("step");
    with_pack(country, Arc::new(move |pack: Arc<Pack>| {
        let step = step();
        match pack.step(&step) {
            Some(_) => view! { <StepView pack step /> }.into_any(),
            None => missing_in_pack(
                "Step not found",
                format!("The {} checklist has no step called “{step}”. It may have been renamed.", pack.meta.name),
                Page::Checklist(Some(pack.meta.id.clone())),
                "See all steps",
            ),
        }
    }))
}

/// A list of dated sources.
#[component]
pub fn Sources(
    /// The sources to list.
    sources: Vec<Source>,
) -> impl IntoView {
    view! {
        <section class="sources" aria-labelledby="sources-heading">
            <h2 id="sources-heading">"Sources"</h2>
            <ul>
                {sources.into_iter().map(|s| view! {
                    <li>
                        <ExternalLink href=s.url.clone()>{s.title.clone()}</ExternalLink>
                        <span class="checked">{format!(" (checked {})", s.checked)}</span>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// A step's tasks as tick boxes. Ticking the first one marks a step not started as in
/// progress.
#[component]
pub fn TaskTicks(
    /// The country pack id the progress belongs to.
    country: String,
    /// The step id.
    step: String,
    /// The step's tasks.
    tasks: Vec<Task>,
) -> impl IntoView {
    let app = use_app();
    view! {
        <fieldset class="tasks">
            <legend>"Tasks"</legend>
            {tasks.into_iter().map(|t| {
                let (country, step, tid) = (country.clone(), step.clone(), t.id.clone());
                let (c2, s2, t2) = (country.clone(), step.clone(), t.id.clone());
                choice(false, format!("task-{step}-{}", t.id), "task", t.title.into_any(),
                    derived(move || app.saved.with(|st| st.progress.get(&c2).and_then(|p| p.get(&s2)).is_some_and(|p| p.tasks.contains(&t2)))),
                    Arc::new(move |on| app.saved.update(|st| {
                        let p = st.progress.entry(country.clone()).or_default().entry(step.clone()).or_default();
                        if on { p.tasks.insert(tid.clone()); } else { p.tasks.remove(&tid); }
                        if on && p.status == StepStatus::NotStarted { p.status = StepStatus::InProgress; }
                    })))
            }).collect_view()}
        </fieldset>
    }
}

#[component]
fn StepView(
    /// The pack holding the step.
    pack: Arc<Pack>,
    /// The step id (known to exist in the pack).
    step: String,
) -> impl IntoView {
    let app = use_app();
    let country = pack.meta.id.clone();
    let s = pack.step(&step).cloned().expect("checked by caller");
    let index = pack.steps.iter().position(|x| x.id == s.id).unwrap_or(0);
    let prev = index.checked_sub(1).and_then(|i| pack.steps.get(i)).cloned();
    let next = pack.steps.get(index + 1).cloned();

    let progress = {
        let (country, step) = (country.clone(), s.id.clone());
        move || app.saved.with(|st| st.progress.get(&country).and_then(|p| p.get(&step)).cloned().unwrap_or_default())
    };
    let update = {
        let (country, step) = (country.clone(), s.id.clone());
        move |f: &dyn Fn(&mut crate::domain::state::StepProgress)| {
            app.saved.update(|st| f(st.progress.entry(country.clone()).or_default().entry(step.clone()).or_default()))
        }
    };

    let facts: Vec<(&'static str, String)> = [
        ("Who handles it", s.authority.clone()),
        ("Cost", s.cost.clone()),
        ("Time", s.time.clone()),
        ("Deadline", s.deadline.clone()),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k, v)))
    .collect();

    let p1 = progress.clone();
    let u1 = update.clone();
    let phase_title = pack.meta.phases.iter().find(|p| p.id == s.phase).map(|p| p.title.clone()).unwrap_or_default();
    view! {
        <Title text=s.title.clone() />
        <nav aria-label="Breadcrumb" class="breadcrumb">
            <a href=Page::Checklist(Some(country.clone())).href()>{format!("{} checklist", pack.meta.name)}</a>
            <span aria-hidden="true">" › "</span>
            <span>{phase_title}</span>
        </nav>
        <h1>{s.title.clone()}</h1>
        <p class="lead">{s.summary.clone()}</p>
        {(s.optional || s.join.is_some()).then(|| view! {
            <p class="tag">{if s.optional { "This step is optional." } else { "This step is one of several choices: do the one that fits you." }}</p>
        })}

        {let (st, pack) = (s.clone(), pack.clone()); move || {
            let why = app.saved.with(|saved| crate::domain::plan::why_shown(&pack, &st, &saved.profile));
            (!why.is_empty()).then(|| view! { <p class="why">{why.join(" · ")}</p> })
        }}
        {let st = s.clone(); move || (!app.saved.with(|saved| crate::domain::plan::applies_to(&st, &saved.profile))).then(|| view! {
            <p class="tag">"From your answers, this step may not apply to you. "<a href=Page::Profile.href()>"Check your answers"</a></p>
        })}
        <div class="status-field">
            {select("step-status", "Status".into_any(), derived(move || status_id(p1().status).to_string()),
                vec![(None, STATUSES.iter().map(|st| (status_id(*st).to_string(), status_label(*st).to_string())).collect())],
                Arc::new(move |v: String| {
                    if let Some(st) = STATUSES.iter().find(|x| status_id(**x) == v) {
                        let st = *st;
                        u1(&move |p| p.status = st);
                    }
                }))}
        </div>

        {(!facts.is_empty()).then(|| view! {
            <dl class="facts">
                {facts.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
            </dl>
        })}

        <div class="body"><Markdown source=s.body.clone() /></div>

        <TaskTicks country=country.clone() step=s.id.clone() tasks=s.tasks.clone() />

        <section class="plan" aria-labelledby="your-plan">
            <h2 id="your-plan">"Your plan for this step"</h2>
            <div class="field">
                <label for="step-due">"Due date (optional)"</label>
                <input type="date" id="step-due"
                    prop:value={let p = progress.clone(); move || p().due.unwrap_or_default()}
                    on:change={let u = update.clone(); move |ev| {
                        let v = event_target_value(&ev);
                        u(&move |p| p.due = (!v.is_empty()).then(|| v.clone()));
                    }} />
                {s.deadline.clone().map(|d| view! { <p class="hint">"Deadline set by the rules: "{d}</p> })}
                {s.deadline_days.filter(|d| *d > 0).map(|days| {
                    let u = update.clone();
                    view! {
                        <button type="button" class="secondary" on:click=move |_| {
                            let due = date_in_days(days);
                            u(&move |p| p.due = Some(due.clone()));
                        }>{format!("Set it to the legal deadline ({days} days from today)")}</button>
                    }
                })}
            </div>
            <div class="field">
                <label for="step-note">"Your notes"</label>
                <textarea id="step-note" rows="4"
                    prop:value={let p = progress.clone(); move || p().note}
                    on:input={let u = update.clone(); move |ev| {
                        let v = event_target_value(&ev);
                        u(&move |p| p.note = v.clone());
                    }}></textarea>
                <p class="hint">"Saved on this device as you type."</p>
            </div>
        </section>

        {(!s.documents.is_empty()).then(|| view! {
            <section aria-labelledby="documents"><h2 id="documents">"What to bring"</h2>
                <ul>{s.documents.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}</ul></section>
        })}
        {(!s.pitfalls.is_empty()).then(|| view! {
            <section aria-labelledby="pitfalls" class="pitfalls"><h2 id="pitfalls">"Watch out"</h2>
                <ul>{s.pitfalls.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}</ul></section>
        })}
        {(!s.terms.is_empty()).then(|| view! {
            <section aria-labelledby="words"><h2 id="words">"Official words"</h2>
                <dl class="terms">
                    {s.terms.iter().filter_map(|id| pack.term(id)).map(|t| view! {
                        <div>
                            <dt><span lang=pack.meta.local_language.clone()>{t.term.clone()}</span>{format!(" – {}", t.plain)}</dt>
                            <dd>{t.explanation.clone()}</dd>
                        </div>
                    }).collect_view()}
                </dl>
            </section>
        })}
        {(!s.resources.is_empty()).then(|| view! {
            <section aria-labelledby="help"><h2 id="help">"Where to get help"</h2>
                <ul class="resource-links">
                    {s.resources.iter().filter_map(|id| pack.resource(id)).map(|r| view! {
                        <li><a href=Page::Resource { country: country.clone(), id: r.id.clone() }.href()>{r.title.clone()}</a>
                            <span class="org">{format!(" – {}", r.organisation)}</span></li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        <Sources sources=s.sources.clone() />
        <nav aria-label="Steps" class="pager">
            {prev.map(|p| view! { <a rel="prev" href=Page::Step { country: country.clone(), step: p.id.clone() }.href()>{format!("← {}", p.title)}</a> })}
            {next.map(|n| view! { <a rel="next" href=Page::Step { country: country.clone(), step: n.id.clone() }.href()>{format!("{} →", n.title)}</a> })}
        </nav>
    }
}

/// Today plus `days`, as `YYYY-MM-DD` in the user's own time zone.
fn date_in_days(days: u32) -> String {
    let d = js_sys::Date::new_0();
    d.set_date(d.get_date() + days);
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}
