use std::sync::Arc;

use crate::components::title::Title;
use leptos::prelude::*;

use std::collections::BTreeSet;

use crate::components::country::country_or_picker;
use crate::components::labels::{status_id, status_label};
use crate::components::markdown::ExternalLink;
use crate::components::steps::TaskTicks;
use crate::components::steps::{join_label, step_label, step_marker, text_lang, why_line};
use crate::domain::content::{Pack, Step};
use crate::domain::i18n::tr;
use crate::domain::plan;
use crate::domain::state::StepProgress;
use crate::language::pack_country;
use crate::routes::Page;
use crate::state::use_app;

/// `/checklist` (choose a country) and `/checklist/:country` (its steps, phase by phase).
#[component]
pub fn Checklist() -> impl IntoView {
    country_or_picker(tr::nav_checklist, tr::checklist_heading, |c| Page::Checklist(Some(c)), |pack| view! { <StepList pack /> }.into_any())
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
                app.saved.update(|s| s.remember_country(&country));
            }
        });
    }
    // Where the user stands: steps that fit their answers, how many are finished, the
    // current one. One memo, so each change is worked out once.
    let standing = {
        let (pack, country) = (pack.clone(), country.clone());
        Memo::new(move |_| {
            app.saved.with(|s| {
                let st = plan::standing(&pack, s.progress.get(&country), &s.profile);
                (st.done, st.total, st.current.map(|c| c.id.clone()))
            })
        })
    };
    let status_of = {
        let country = country.clone();
        move |step: &str| app.saved.with(|s| plan::status(s.progress.get(&country), step))
    };
    let fits = move |step: &Step| app.saved.with(|s| plan::applies_to(step, &s.profile));
    // Steps start collapsed, the current one open (GOV.UK step by step).
    let open: RwSignal<BTreeSet<String>> = RwSignal::new(standing.get_untracked().2.into_iter().collect());
    let all: BTreeSet<String> = pack.steps.iter().map(|s| s.id.clone()).collect();
    // "Show all steps" names every panel it opens (GOV.UK's step-by-step pattern).
    let panels = pack.steps.iter().map(|s| format!("step-body-{}", s.id)).collect::<Vec<_>>().join(" ");
    // Printing (Ctrl+P) prints every step, as GOV.UK does: open them all for the printout and
    // put back what was open after it.
    {
        let kept = StoredValue::new(None::<BTreeSet<String>>);
        let all = all.clone();
        let before = window_event_listener_untyped("beforeprint", move |_| {
            if kept.with_value(Option::is_none) {
                kept.set_value(Some(open.get_untracked()));
            }
            open.set(all.clone());
        });
        let after = window_event_listener_untyped("afterprint", move |_| {
            if let Some(was) = kept.try_update_value(Option::take).flatten() {
                open.set(was);
            }
        });
        on_cleanup(move || {
            before.remove();
            after.remove();
        });
    }
    let all_open = {
        let all = all.clone();
        move || open.with(|o| o.len() >= all.len())
    };
    let all_open2 = all_open.clone();
    let name = pack_country(&pack);
    let title = tr::checklist_title(&name);
    let phases = pack.meta.phases.clone();
    let left_out = {
        let pack = pack.clone();
        move || {
            let n = pack.steps.len() - standing.with(|s| s.1);
            (n > 0).then(|| {
                view! {
                    <p class="hint">{tr::left_out(n)}" "<a href=Page::Profile.href()>{tr::change_answers()}</a></p>
                }
            })
        }
    };
    let numbers = plan::numbers(&pack);
    let (tl, td) = text_lang(&pack);
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p class="lead">{tr::checklist_lead()}</p>
        <div class="progress-summary">
            <label for="progress-total">{move || standing.with(|(done, total, _)| tr::steps_done(*total, *done))}</label>
            <progress id="progress-total" max=move || standing.with(|s| s.1) value=move || standing.with(|s| s.0)></progress>
        </div>
        {left_out}
        <crate::components::reminders::Reminders pack=pack.clone() />
        <p class="checklist-links">
            <a href=Page::Resources(Some(country.clone())).href()>{tr::resources_in(&name)}</a>
            <a href=Page::Glossary(country.clone()).href()>{tr::glossary_link()}</a>
            <a href=Page::Profile.href()>{tr::profile_title()}</a>
            <a href=Page::PrintPlan(country.clone()).href()>{tr::print_plan()}</a>
        </p>
        <Calendar pack=pack.clone() />
        <p class="step-controls">
            <button type="button" class="secondary" id="toggle-all" aria-controls=panels aria-expanded=move || all_open().to_string()
                on:click=move |_| {
                    let next = if all_open2() { BTreeSet::new() } else { all.clone() };
                    open.set(next);
                }>
                {let a = all_open.clone(); move || if a() { tr::hide_all_steps() } else { tr::show_all_steps() }}
            </button>
        </p>
        {phases.into_iter().map(|phase| {
            let steps: Vec<Step> = pack.phase_steps(&phase.id).cloned().collect();
            let heading = format!("phase-{}", phase.id);
            let labelled = heading.clone();
            let phase_count = {
                let (steps, country) = (steps.clone(), country.clone());
                Memo::new(move |_| app.saved.with(|s| plan::count(&steps, s.progress.get(&country), &s.profile)))
            };
            let bar = format!("bar-{}", phase.id);
            view! {
                <section class="phase" aria-labelledby=labelled>
                    <h2 id=heading lang=tl.clone() dir=td>{phase.title.clone()}</h2>
                    <div class="phase-progress">
                        <label for=bar.clone()>{move || { let (d, t) = phase_count.get(); tr::phase_done(d, t) }}</label>
                        <progress id=bar max=move || phase_count.get().1.max(1) value=move || phase_count.get().0></progress>
                    </div>
                    {(!phase.summary.is_empty()).then(|| view! { <p lang=tl.clone() dir=td>{phase.summary.clone()}</p> })}
                    <ol class="steps">
                        {steps.into_iter().map(|step| {
                            let number = numbers[&step.id];
                            let id = step.id.clone();
                            let (id1, id2, id3, id4, id5) = (id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
                            let status_of = status_of.clone();
                            let status = move || status_of(&id1);
                            let status2 = status.clone();
                            let due_of = {
                                let (c, id) = (country.clone(), id.clone());
                                move || app.saved.with(|s| s.progress.get(&c).and_then(|p| p.get(&id)).and_then(|p| p.due.clone()).filter(|d| !d.is_empty()))
                            };
                            let is_open = move || open.with(|o| o.contains(&id2));
                            let is_open2 = is_open.clone();
                            let is_open3 = is_open.clone();
                            let current = move || standing.with(|s| s.2.as_deref() == Some(id3.as_str()));
                            let current2 = current.clone();
                            let current3 = current.clone();
                            let step_fits = { let st = step.clone(); move || fits(&st) };
                            let body = format!("step-body-{id}");
                            let country = country.clone();
                            let link = Page::Step { country: country.clone(), step: id.clone() }.href();
                            let (summary, tasks) = (step.summary.clone(), step.tasks.clone());
                            let tl2 = tl.clone();
                            view! {
                                <li class="step-item" data-step=id.clone() data-status=move || status_id(status())
                                    class:current=current>
                                    {step_marker(number)}
                                    <h3 class="step-heading">
                                        <button type="button" class="step-toggle" aria-expanded=move || is_open().to_string()
                                            aria-controls=body.clone() aria-current=move || current2().then_some("step")
                                            on:click=move |_| open.update(|o| { if !o.remove(&id4) { o.insert(id4.clone()); } })>
                                            <span class="visually-hidden">{step_label(number)}</span>
                                            <span lang=tl.clone() dir=td>{step.title.clone()}</span>
                                        </button>
                                    </h3>
                                    <p class="step-meta">
                                        {join_label(number).map(|j| view! { <span class="tag join" aria-hidden="true">{j}</span> })}
                                        <span class="status">{move || status_label(status2())}</span>
                                        {move || due_of().map(|d| view! { " "<span class="tag due">{tr::orphan_due(&d)}</span> })}
                                        {move || current3().then(|| view! { <span class="tag here">{tr::you_are_here()}</span> })}
                                        {step.optional.then(|| view! { <span class="tag">{tr::optional()}</span> })}
                                        {move || (!step_fits()).then(|| view! { <span class="tag">{tr::may_not_apply()}</span> })}
                                    </p>
                                    {why_line(&pack, &step)}
                                    <div class="step-body" id=body hidden=move || !is_open2()>
                                        {move || is_open3().then(|| view! {
                                            <p class="summary" lang=tl2.clone() dir=td>{summary.clone()}</p>
                                            {(!tasks.is_empty()).then(|| view! { <TaskTicks country=country.clone() step=id5.clone() tasks=tasks.clone() lang=(tl2.clone(), td) /> })}
                                            <p><a class="step-link" href=link.clone()>{tr::open_step()}</a></p>
                                        })}
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                </section>
            }
        }).collect_view()}
        <Orphans pack=pack.clone() />
        <LegalForms pack=pack.clone() />
    }
}

/// Notes and ticks kept for steps this pack no longer has (a content update removed or
/// renamed them): shown, never dropped, and deleted only when the user says so.
#[component]
fn Orphans(
    /// The country pack the progress belongs to.
    pack: Arc<Pack>,
) -> impl IntoView {
    let app = use_app();
    let country = pack.meta.id.clone();
    move || {
        let found: Vec<(String, StepProgress)> =
            app.saved.with(|s| plan::orphans(&pack, s.progress.get(&country)).into_iter().map(|(id, p)| (id.to_string(), p.clone())).collect());
        (!found.is_empty()).then(|| view! {
            <section class="orphans" aria-labelledby="orphans-heading">
                <h2 id="orphans-heading">{tr::orphans_title()}</h2>
                <p>{tr::orphans()}</p>
                <ul>
                    {found.into_iter().map(|(id, p)| {
                        let (country, id2) = (country.clone(), id.clone());
                        view! {
                            <li data-orphan=id.clone()>
                                <p><strong>{tr::orphan_step(&id)}</strong>{format!(" · {}", status_label(p.status))}
                                    {p.due.map(|d| format!(" · {}", tr::orphan_due(&d)))}
                                    {(!p.tasks.is_empty()).then(|| format!(" · {}", tr::orphan_ticks(p.tasks.len())))}</p>
                                {(!p.note.is_empty()).then(|| view! { <p class="note" dir="auto">{p.note.clone()}</p> })}
                                <button type="button" class="secondary" on:click=move |_| app.saved.update(|s| s.forget_step(&country, &id2))>{tr::orphan_delete()}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })
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
        let (tl, td) = text_lang(&pack);
        view! {
            <section class="legal-forms" aria-labelledby="legal-forms">
                <h2 id="legal-forms">{tr::legal_forms_title(&pack_country(&pack))}</h2>
                <ul class="form-cards">
                    {forms.into_iter().map(|f| {
                        let rows = [
                            (tr::form_liability(), f.liability),
                            (tr::form_capital(), f.min_capital),
                            (tr::form_owners(), f.owners),
                            (tr::form_registration(), f.registration),
                            (tr::form_social_security(), f.social_security),
                            (tr::form_tax(), f.taxation),
                        ];
                        view! {
                            <li>
                                <h3><span lang=tl.clone() dir=td>{f.name}</span>" "<span class="local" lang=lang.clone() dir="ltr">{format!("({})", f.local_name)}</span></h3>
                                {(!f.summary.is_empty()).then(|| view! { <p lang=tl.clone() dir=td>{f.summary.clone()}</p> })}
                                <dl>
                                    {rows.into_iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| view! { <dt>{k}</dt><dd lang=tl.clone() dir=td>{v}</dd> }).collect_view()}
                                </dl>
                                <p class="checked">
                                    {f.sources.into_iter().map(|s| view! {
                                        <ExternalLink href=s.url>{s.title}</ExternalLink>{format!(" {} ", tr::checked_on(&s.checked))}
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

/// "Add due dates to my calendar": an .ics file of the due dates set in this country.
#[component]
fn Calendar(
    /// The country pack whose due dates to export.
    pack: Arc<Pack>,
) -> impl IntoView {
    let app = use_app();
    let country = pack.meta.id.clone();
    let any = {
        let c = country.clone();
        Memo::new(move |_| app.saved.with(|s| s.progress.get(&c).is_some_and(|p| p.values().any(|x| x.due.is_some()))))
    };
    let said = RwSignal::new(None::<String>);
    let save = move |_| {
        let items = app.saved.with_untracked(|s| {
            crate::domain::calendar::due_dates(&pack, s.progress.get(&country), |id| Page::Step { country: country.clone(), step: id.to_string() }.absolute())
        });
        let text = crate::domain::calendar::ics(&tr::calendar_name(&pack_country(&pack)), &items, js_sys::Date::now());
        if let Err(e) = crate::components::share::download(&format!("career-kit-{country}.ics"), &text, "text/calendar") {
            said.set(Some(e));
        }
    };
    view! {
        <p class="calendar no-print">
            {move || if any.get() {
                view! { <button type="button" class="secondary" id="calendar-download" on:click=save.clone()>{tr::calendar_download()}</button> }.into_any()
            } else {
                view! { <span class="hint">{tr::calendar_none()}</span> }.into_any()
            }}
            {move || said.get().map(|e| view! { <span class="problem-text" role="alert">{e}</span> })}
        </p>
    }
}
