//! Pages laid out for paper (A4): the plan of a country (`/print/:country`), a course's
//! handout (`/courses/:id/handout`) and an appointment pack for one step
//! (`/checklist/:country/:step/appointment`). Every step is printed whole; the print style
//! sheet writes link addresses after their text, leaves out the site's navigation and starts
//! each phase or session on a new page.

use std::sync::Arc;

use leptos::prelude::*;

use super::param;
use crate::components::country::missing_in_pack;
use crate::components::course::{course_link, session_title, with_course, CourseResources};
use crate::components::labels::status_label;
use crate::components::markdown::{ExternalLink, Markdown};
use crate::components::share::QrCode;
use crate::components::steps::Sources;
use crate::components::title::Title;
use crate::components::with_pack::with_pack;
use crate::domain::content::{Pack, Step};
use crate::domain::course::{trainer_task_id, Course, CourseStep};
use crate::domain::i18n::tr;
use crate::domain::plan;
use crate::domain::state::StepProgress;
use crate::language::pack_country;
use crate::routes::Page;
use crate::state::use_app;

/// "Print", and a line on what printing gives. Not printed itself.
#[component]
pub fn PrintButton() -> impl IntoView {
    view! {
        <p class="no-print print-bar">
            <button type="button" id="print" on:click=|_| { let _ = window().print(); }>{tr::print()}</button>
            " "<span class="hint">{tr::print_hint()}</span>
        </p>
    }
}

/// One step, whole: what the pack says, the user's progress (if given) and the trainer's
/// additions (if given).
fn print_step(pack: &Pack, step: &Step, progress: Option<&StepProgress>, extra: Option<(&str, &CourseStep)>) -> impl IntoView {
    let ticked = |id: &str| progress.is_some_and(|p| p.tasks.contains(id));
    let tick = |on: bool| if on { "☑ " } else { "☐ " };
    let facts = crate::components::labels::step_facts(step);
    let local = pack.meta.local_language.clone();
    let (tl, td) = crate::components::steps::text_lang(pack);
    view! {
        <article class="print-step" data-step=step.id.clone()>
            <h3 lang=tl.clone() dir=td>{step.title.clone()}</h3>
            {progress.map(|p| view! {
                <p class="print-status">
                    <strong>{tr::status()}": "</strong>{status_label(p.status)}
                    {p.due.clone().map(|d| view! { " · "<strong>{tr::due_date()}": "</strong>{d} })}
                </p>
            })}
            <p class="lead" lang=tl.clone() dir=td>{step.summary.clone()}</p>
            {(!facts.is_empty()).then(|| view! {
                <dl class="facts">{facts.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd lang=tl.clone() dir=td>{v}</dd></div> }).collect_view()}</dl>
            })}
            <div class="body" lang=tl.clone() dir=td><Markdown source=step.body.clone() /></div>
            {(!step.tasks.is_empty()).then(|| view! {
                <h4>{tr::tasks()}</h4>
                <ul class="ticks" lang=tl.clone() dir=td>{step.tasks.iter().map(|t| view! { <li>{tick(ticked(&t.id))}{t.title.clone()}</li> }).collect_view()}</ul>
            })}
            {extra.filter(|(_, e)| !e.note.is_empty() || !e.tasks.is_empty()).map(|(course, e)| view! {
                <div class="trainer">
                    <p class="trainer-label">{tr::course_from_trainer()}</p>
                    {(!e.note.is_empty()).then(|| view! { <p dir="auto">{e.note.clone()}</p> })}
                    <ul class="ticks" dir="auto">{e.tasks.iter().enumerate().map(|(n, t)| view! {
                        <li>{tick(ticked(&trainer_task_id(course, n)))}{t.clone()}</li>
                    }).collect_view()}</ul>
                </div>
            })}
            {(!step.documents.is_empty()).then(|| view! {
                <h4>{tr::documents()}</h4>
                <ul lang=tl.clone() dir=td>{step.documents.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}</ul>
            })}
            {(!step.terms.is_empty()).then(|| view! {
                <h4>{tr::official_words()}</h4>
                <dl class="terms">{step.terms.iter().filter_map(|id| pack.term(id)).map(|t| view! {
                    <div><dt><span lang=local.clone() dir="ltr">{t.term.clone()}</span>" – "<span lang=tl.clone() dir=td>{t.plain.clone()}</span></dt><dd lang=tl.clone() dir=td>{t.explanation.clone()}</dd></div>
                }).collect_view()}</dl>
            })}
            {progress.filter(|p| !p.note.trim().is_empty()).map(|p| view! {
                <h4>{tr::notes()}</h4>
                <p class="note" dir="auto">{p.note.clone()}</p>
            })}
            <div class="sources">
                <h4>{tr::sources()}</h4>
                <ul>{step.sources.clone().into_iter().map(|s| view! {
                    <li><ExternalLink href=s.url.clone()><bdi>{s.title.clone()}</bdi></ExternalLink>{format!(" {}", tr::checked_on(&s.checked))}</li>
                }).collect_view()}</ul>
            </div>
        </article>
    }
}

/// `/print/:country`: the user's plan, phase by phase, every step that fits their answers.
#[component]
pub fn PrintPlan() -> impl IntoView {
    let app = use_app();
    with_pack(
        param("country"),
        Arc::new(move |pack: Arc<Pack>| {
            let country = pack.meta.id.clone();
            let title = tr::print_plan_title(&pack_country(&pack));
            let pack2 = pack.clone();
            let phases = move || {
                app.saved.with(|s| {
            let progress = s.progress.get(&country);
            let (done, total) = plan::count(&pack2.steps, progress, &s.profile);
            view! {
                <p class="lead">{tr::steps_done(total, done)}</p>
                {pack2.meta.phases.iter().map(|ph| {
                    let steps: Vec<&Step> = pack2.phase_steps(&ph.id).filter(|st| plan::applies_to(st, &s.profile)).collect();
                    (!steps.is_empty()).then(|| view! {
                        <section class="print-phase" aria-label=ph.title.clone()>
                            <h2>{ph.title.clone()}</h2>
                            {steps.into_iter().map(|st| print_step(&pack2, st, Some(progress.and_then(|p| p.get(&st.id)).cloned().unwrap_or_default()).as_ref(), None)).collect_view()}
                        </section>
                    })
                }).collect_view()}
            }
        })
            };
            view! {
                <Title text=title.clone() />
                <PrintButton />
                <h1>{title}</h1>
                {phases}
            }
            .into_any()
        }),
    )
}

/// `/courses/:id/handout`: the course for participants on paper, session by session, with
/// the course link and its QR code.
#[component]
pub fn Handout() -> impl IntoView {
    with_course(Arc::new(|course, pack| handout(&course, &pack)))
}

fn handout(course: &Course, pack: &Pack) -> AnyView {
    let link = course_link(course);
    view! {
        <Title text=course.name.clone() />
        <PrintButton />
        <h1 dir="auto">{course.name.clone()}</h1>
        {(!course.trainer.is_empty()).then(|| view! { <p class="lead">{tr::course_by(&course.trainer)}</p> })}
        <div class="handout-link">
            <QrCode link=link.clone() label=tr::course_qr_label() />
            <p><strong>{tr::present_scan()}</strong><br /><span class="link-text" dir="ltr">{link.clone()}</span></p>
        </div>
        {course.sessions.iter().enumerate().map(|(i, session)| view! {
            <section class="print-phase" aria-label=session_title(session, i)>
                <h2 dir="auto">{session_title(session, i)}</h2>
                {session.steps.iter().filter_map(|cs| pack.step(&cs.step).map(|st| print_step(pack, st, None, Some((&course.id, cs))))).collect_view()}
            </section>
        }).collect_view()}
        <CourseResources resources=course.resources.clone() />
    }
    .into_any()
}

/// `/checklist/:country/:step/appointment`: what to take to an office for one step.
#[component]
pub fn Appointment() -> impl IntoView {
    let app = use_app();
    let step_id = param("step");
    with_pack(
        param("country"),
        Arc::new(move |pack: Arc<Pack>| {
            let Some(step) = pack.step(&step_id()).cloned() else {
                return missing_in_pack(
                    tr::step_not_found_title(),
                    tr::step_not_found(&pack_country(&pack), &step_id()),
                    Page::Checklist(Some(pack.meta.id.clone())),
                    tr::see_all_steps(),
                );
            };
            let progress = app.saved.with_untracked(|s| s.progress.get(&pack.meta.id).and_then(|p| p.get(&step.id)).cloned().unwrap_or_default());
            let title = tr::appointment_title(&step.title);
            let says = |q: String, fact: &Option<String>| {
                view! {
                    <li>{q}{fact.clone().map(|f| view! { <br /><span class="hint">{tr::guide_says(&f)}</span> })}</li>
                }
            };
            let local = pack.meta.local_language.clone();
            let (tl, td) = crate::components::steps::text_lang(&pack);
            view! {
            <Title text=title.clone() />
            <PrintButton />
            <h1>{title}</h1>
            <p class="lead">{tr::appointment_lead()}</p>
            {step.authority.clone().map(|a| view! { <p><strong>{tr::appointment_where()}": "</strong><span lang=tl.clone() dir=td>{a}</span></p> })}
            <p lang=tl.clone() dir=td>{step.summary.clone()}</p>
            <section aria-labelledby="bring">
                <h2 id="bring">{tr::appointment_bring()}</h2>
                {if step.documents.is_empty() {
                    view! { <p class="hint">"–"</p> }.into_any()
                } else {
                    view! { <ul class="ticks" lang=tl.clone() dir=td>{step.documents.iter().map(|d| view! { <li>{format!("☐ {d}")}</li> }).collect_view()}</ul> }.into_any()
                }}
            </section>
            <section aria-labelledby="ask">
                <h2 id="ask">{tr::appointment_ask()}</h2>
                <ol class="questions">
                    {says(tr::ask_cost(), &step.cost)}
                    {says(tr::ask_time(), &step.time)}
                    {says(tr::ask_deadline(), &step.deadline)}
                    {says(tr::ask_documents(), &None)}
                    {says(tr::ask_next(), &None)}
                    {says(tr::ask_language(), &None)}
                </ol>
            </section>
            {(!step.terms.is_empty()).then(|| view! {
                <section aria-labelledby="words">
                    <h2 id="words">{tr::official_words()}</h2>
                    <dl class="terms">{step.terms.iter().filter_map(|id| pack.term(id)).map(|t| view! {
                        <div><dt><span lang=local.clone() dir="ltr">{t.term.clone()}</span>" – "<span lang=tl.clone() dir=td>{t.plain.clone()}</span></dt><dd lang=tl.clone() dir=td>{t.explanation.clone()}</dd></div>
                    }).collect_view()}</dl>
                </section>
            })}
            <section aria-labelledby="my-notes">
                <h2 id="my-notes">{tr::appointment_notes()}</h2>
                {if progress.note.trim().is_empty() {
                    view! { <div class="write-here" aria-hidden="true"></div> }.into_any()
                } else {
                    view! { <p class="note" dir="auto">{progress.note.clone()}</p> }.into_any()
                }}
            </section>
            <Sources sources=step.sources.clone() />
        }
        .into_any()
        }),
    )
}
