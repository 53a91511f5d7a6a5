use std::sync::Arc;

use leptos::prelude::*;
use crate::components::controls::{choice, derived, select};
use crate::components::title::Title;

use super::{missing_in_pack, param, status_id, status_label, why_line, STATUSES};
use crate::app::use_app;
use crate::components::markdown::{ExternalLink, Markdown};
use crate::components::with_pack::with_pack;
use crate::domain::content::{Pack, Source, Task};
use crate::domain::i18n::tr;
use crate::language::pack_country;
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
                tr::step_not_found_title(),
                tr::step_not_found(&pack_country(&pack), &step),
                Page::Checklist(Some(pack.meta.id.clone())),
                tr::see_all_steps(),
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
            <h2 id="sources-heading">{tr::sources()}</h2>
            <ul>
                {sources.into_iter().map(|s| view! {
                    <li>
                        <ExternalLink href=s.url.clone()>{s.title.clone()}</ExternalLink>
                        <span class="checked">{format!(" {}", tr::checked_on(&s.checked))}</span>
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
    /// The group's name, "Tasks" if not given.
    #[prop(optional)]
    legend: Option<String>,
) -> impl IntoView {
    let app = use_app();
    view! {
        <fieldset class="tasks">
            <legend>{legend.unwrap_or_else(tr::tasks)}</legend>
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

    let facts = super::step_facts(&s);

    let p1 = progress.clone();
    let u1 = update.clone();
    let phase_title = pack.meta.phases.iter().find(|p| p.id == s.phase).map(|p| p.title.clone()).unwrap_or_default();
    view! {
        <Title text=s.title.clone() />
        <nav aria-label=tr::breadcrumb() class="breadcrumb">
            <a href=Page::Checklist(Some(country.clone())).href()>{tr::checklist_of(&pack_country(&pack))}</a>
            " "<span class="arrow" aria-hidden="true">"›"</span>" "
            <span>{phase_title}</span>
        </nav>
        <h1>{s.title.clone()}</h1>
        <p class="lead">{s.summary.clone()}</p>
        {(s.optional || s.join.is_some()).then(|| view! {
            <p class="tag">{if s.optional { tr::step_is_optional() } else { tr::step_is_a_choice() }}</p>
        })}

        <Unreviewed pack=pack.clone() unreviewed=s.unreviewed />
        {why_line(&pack, &s)}
        {let st = s.clone(); move || (!app.saved.with(|saved| crate::domain::plan::applies_to(&st, &saved.profile))).then(|| view! {
            <p class="tag">{tr::step_may_not_apply()}" "<a href=Page::Profile.href()>{tr::check_answers()}</a></p>
        })}
        <div class="status-field">
            {select("step-status", tr::status().into_any(), derived(move || status_id(p1().status).to_string()),
                vec![(None, STATUSES.iter().map(|st| (status_id(*st).to_string(), status_label(*st))).collect())],
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
            <h2 id="your-plan">{tr::plan_title()}</h2>
            <div class="field">
                <label for="step-due">{tr::due_date()}</label>
                <input type="date" id="step-due"
                    prop:value={let p = progress.clone(); move || p().due.unwrap_or_default()}
                    on:change={let u = update.clone(); move |ev| {
                        let v = event_target_value(&ev);
                        u(&move |p| p.due = (!v.is_empty()).then(|| v.clone()));
                    }} />
                {s.deadline.clone().map(|d| view! { <p class="hint">{tr::legal_deadline()}" "{d}</p> })}
                {s.deadline_days.filter(|d| *d > 0).map(|days| {
                    let u = update.clone();
                    view! {
                        <button type="button" class="secondary" on:click=move |_| {
                            let due = date_in_days(days);
                            u(&move |p| p.due = Some(due.clone()));
                        }>{tr::set_legal_deadline(days as usize)}</button>
                    }
                })}
            </div>
            <div class="field">
                <label for="step-note">{tr::notes()}</label>
                <textarea id="step-note" rows="4"
                    prop:value={let p = progress.clone(); move || p().note}
                    on:input={let u = update.clone(); move |ev| {
                        let v = event_target_value(&ev);
                        u(&move |p| p.note = v.clone());
                    }}></textarea>
                <p class="hint">{tr::notes_saved()}</p>
            </div>
        </section>

        {(!s.documents.is_empty()).then(|| view! {
            <section aria-labelledby="documents"><h2 id="documents">{tr::documents()}</h2>
                <ul>{s.documents.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}</ul></section>
        })}
        {(!s.pitfalls.is_empty()).then(|| view! {
            <section aria-labelledby="pitfalls" class="pitfalls"><h2 id="pitfalls">{tr::pitfalls()}</h2>
                <ul>{s.pitfalls.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}</ul></section>
        })}
        {(!s.terms.is_empty()).then(|| view! {
            <section aria-labelledby="words"><h2 id="words">{tr::official_words()}</h2>
                <dl class="terms">
                    {s.terms.iter().filter_map(|id| pack.term(id)).map(|t| view! {
                        <div>
                            <dt><span lang=pack.meta.local_language.clone() dir="ltr">{t.term.clone()}</span>{format!(" – {}", t.plain)}</dt>
                            <dd>{t.explanation.clone()}</dd>
                        </div>
                    }).collect_view()}
                </dl>
            </section>
        })}
        {(!s.resources.is_empty()).then(|| view! {
            <section aria-labelledby="help"><h2 id="help">{tr::where_to_get_help()}</h2>
                <ul class="resource-links">
                    {s.resources.iter().filter_map(|id| pack.resource(id)).map(|r| view! {
                        <li><a href=Page::Resource { country: country.clone(), id: r.id.clone() }.href()>{r.title.clone()}</a>
                            <span class="org">{format!(" – {}", r.organisation)}</span></li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        <Sources sources=s.sources.clone() />
        <p class="step-actions no-print">
            <a href=Page::Appointment { country: country.clone(), step: s.id.clone() }.href()>{tr::appointment()}</a>
            <button type="button" class="secondary" id="print-step" on:click=|_| { let _ = window().print(); }>{tr::print()}</button>
        </p>
        <nav aria-label=tr::nav_steps() class="pager">
            {prev.map(|p| view! { <a rel="prev" href=Page::Step { country: country.clone(), step: p.id.clone() }.href()>
                <span class="arrow" aria-hidden="true">"←"</span>" "<span class="visually-hidden">{tr::previous_step()}": "</span>{p.title}</a> })}
            {next.map(|n| view! { <a rel="next" href=Page::Step { country: country.clone(), step: n.id.clone() }.href()>
                <span class="visually-hidden">{tr::next_step()}": "</span>{n.title}" "<span class="arrow" aria-hidden="true">"→"</span></a> })}
        </nav>
    }
}

/// Today plus `days`, as `YYYY-MM-DD` in the user's own time zone.
fn date_in_days(days: u32) -> String {
    let d = js_sys::Date::new_0();
    d.set_date(d.get_date() + days);
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// "Translation not yet reviewed": on an item of a translated pack that no fluent speaker
/// has checked yet.
#[component]
pub fn Unreviewed(
    /// The pack the item belongs to.
    pack: Arc<Pack>,
    /// Whether the item's translation is unreviewed.
    unreviewed: bool,
) -> impl IntoView {
    (unreviewed && pack.language != "en").then(|| {
        let text = if pack.language == pack.meta.local_language {
            tr::unreviewed_local()
        } else {
            tr::unreviewed(&crate::language::language_name(&pack.meta.local_language))
        };
        view! { <p class="unreviewed"><span aria-hidden="true">"⚠ "</span>{text}</p> }
    })
}
