//! A trainer's course as several pages show it: the participant's view (on its own page and
//! when opened from a link), the course link, session titles, the trainer's local help, and
//! loading the course of the route.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::labels::{status_id, status_label};
use crate::components::share::{download, LinkBox, QrCode};
use crate::components::steps::{text_lang, TaskTicks};
use crate::components::title::Title;
use crate::components::with_pack::with_pack;
use crate::domain::content::{Pack, Task};
use crate::domain::course::{self, Course, CourseResource, Session};
use crate::domain::i18n::tr;
use crate::domain::plan;
use crate::domain::share;
use crate::domain::state::Followed;
use crate::language::pack_country;
use crate::router::param;
use crate::routes::Page;
use crate::state::{use_app, AppState};

/// The course link to share: the app's `/open` address with the course in the fragment.
pub fn course_link(course: &Course) -> String {
    format!("{}#{}", Page::Open.absolute(), share::encode_course(&course.cleaned()))
}

/// Keeps a course that came from a link or a file: a new one is added; one followed before is
/// replaced by the trainer's newer version; one made on this device is never touched.
/// Returns what happened, in words, or nothing when nothing changed.
pub fn keep_course(app: AppState, course: Course) -> Option<String> {
    let mut followed = None;
    app.saved.update(|s| followed = s.follow_course(course));
    followed.map(|f| match f {
        Followed::New => tr::course_followed(),
        Followed::Updated => tr::course_updated(),
    })
}

/// What the participant decided about a course from a link or a file.
#[derive(Clone, Debug, PartialEq)]
enum Decided {
    /// Not yet: the offer is shown.
    Open,
    /// Shown as this course (kept or already here), with what happened.
    Shown(Course, bool, Option<String>),
    /// Nothing kept.
    Declined,
}

/// A course from a link or a file, before anything is kept: what it is (its local help with
/// every address written out) and the participant's consent. A course already followed in
/// another version shows what differs and asks which to keep; one made on this device is never
/// replaced. The same course as the one here is simply shown.
#[component]
pub fn CourseOffer(
    /// The course that came in (it passed the course checks).
    course: Course,
) -> impl IntoView {
    let app = use_app();
    let here = app.saved.with_untracked(|s| s.courses.get(&course.id).cloned());
    let start = match &here {
        Some(h) if h.course == course => Decided::Shown(h.course.clone(), h.mine, None),
        _ => Decided::Open,
    };
    let decided = RwSignal::new(start);
    let incoming = course.clone();
    let follow = {
        let c = incoming.clone();
        move |_| {
            let said = keep_course(app, c.clone());
            decided.set(Decided::Shown(c.clone(), false, said));
        }
    };
    let use_new = follow.clone();
    let keep_both = {
        let c = incoming.clone();
        move |_| {
            let mut id = String::new();
            app.saved.update(|s| id = s.follow_as_copy(c.clone()));
            let kept = app.saved.with_untracked(|s| s.courses.get(&id).map(|k| k.course.clone())).unwrap_or_else(|| c.clone());
            decided.set(Decided::Shown(kept, false, Some(tr::course_kept_both())));
        }
    };
    let keep_mine = {
        let here = here.clone();
        move |_| match &here {
            Some(h) => decided.set(Decided::Shown(h.course.clone(), h.mine, Some(tr::course_kept_mine()))),
            None => decided.set(Decided::Declined),
        }
    };
    let decline = move |_| decided.set(Decided::Declined);
    move || match decided.get() {
        Decided::Shown(course, mine, said) => view! { <CourseView course mine said /> }.into_any(),
        Decided::Declined => view! {
            <Title text=tr::course_not_followed() />
            <h1>{tr::course_not_followed()}</h1>
            <p><a href=Page::Courses.href()>{tr::courses_title()}</a></p>
        }
        .into_any(),
        Decided::Open => {
            let c = incoming.clone();
            let steps = c.step_ids().count();
            let summary = view! {
                <h1 dir="auto">{c.name.clone()}</h1>
                {(!c.trainer.is_empty()).then(|| view! { <p class="lead">{tr::course_by(&c.trainer)}</p> })}
                <p>{tr::course_offer_size(c.sessions.len(), steps)}</p>
                {(!c.resources.is_empty()).then(|| view! {
                    <h2>{tr::course_offer_help()}</h2>
                    <ul class="offer-help">
                        {c.resources.iter().map(|r| view! {
                            <li><bdi>{r.title.clone()}</bdi>
                                {(!r.url.is_empty()).then(|| view! { <br /><bdi class="url" dir="ltr">{r.url.clone()}</bdi> })}
                                {(!r.address.is_empty()).then(|| view! { <br /><bdi class="address">{r.address.clone()}</bdi> })}
                            </li>
                        }).collect_view()}
                    </ul>
                })}
            };
            match &here {
                // One made on this device keeps its id; the incoming one can only be kept beside it.
                Some(h) if h.mine => view! {
                    <Title text=c.name.clone() />
                    <p class="notice-inline" role="status">{tr::course_same_id_mine()}</p>
                    {summary}
                    <p class="row-actions">
                        <button type="button" id="course-keep-both" on:click=keep_both.clone()>{tr::course_keep_both()}</button>
                        <button type="button" class="secondary" id="course-keep-mine" on:click=keep_mine.clone()>{tr::course_keep_mine()}</button>
                    </p>
                }
                .into_any(),
                Some(h) => {
                    let changes = course::differences(&h.course, &c);
                    view! {
                        <Title text=c.name.clone() />
                        <div class="notice-inline" role="status">
                            <p><strong>{tr::course_changed_title()}</strong></p>
                            <p>{tr::course_changed_lead()}</p>
                            <ul class="changes">{changes.iter().map(|d| view! { <li>{difference_text(d)}</li> }).collect_view()}</ul>
                        </div>
                        {summary}
                        <p class="row-actions">
                            <button type="button" id="course-use-new" on:click=use_new.clone()>{tr::course_use_new()}</button>
                            <button type="button" class="secondary" id="course-keep-both" on:click=keep_both.clone()>{tr::course_keep_both()}</button>
                            <button type="button" class="secondary" id="course-keep-mine" on:click=keep_mine.clone()>{tr::course_keep_mine()}</button>
                        </p>
                    }
                    .into_any()
                }
                None => view! {
                    <Title text=c.name.clone() />
                    <p class="notice-inline">{tr::course_offer_lead()}</p>
                    {summary}
                    <p class="row-actions">
                        <button type="button" id="course-follow" on:click=follow.clone()>{tr::course_follow()}</button>
                        <button type="button" class="secondary" id="course-not-now" on:click=decline>{tr::course_not_now()}</button>
                    </p>
                }
                .into_any(),
            }
        }
    }
}

/// A difference between two versions of a course, in words (addresses written out).
fn difference_text(d: &course::Difference) -> String {
    use course::Difference as D;
    match d {
        D::Name { old, new } => tr::diff_name(new, old),
        D::Trainer { old, new } => tr::diff_trainer(new, old),
        D::StepsAdded(n) => tr::diff_steps_added(*n),
        D::StepsRemoved(n) => tr::diff_steps_removed(*n),
        D::StepsChanged(n) => tr::diff_steps_changed(*n),
        D::HelpAdded { title, address } => tr::diff_help_added(address, title),
        D::HelpRemoved { title } => tr::diff_help_removed(title),
        D::HelpChanged { title, old, new } => tr::diff_help_changed(new, old, title),
    }
}

/// Renders `render(course, pack)` for the course of the route's `:id` and its country pack,
/// drawn again only when the course itself changes; "not found" when it is not on this device.
pub fn with_course(render: Arc<dyn Fn(Arc<Course>, Arc<Pack>) -> AnyView + Send + Sync>) -> impl IntoView {
    let app = use_app();
    let id = param("id");
    let course = Memo::new(move |_| app.saved.with(|s| s.courses.get(&id()).map(|c| c.course.clone())));
    move || match course.get() {
        Some(course) => {
            let country = course.country.clone();
            let course = Arc::new(course);
            let render = render.clone();
            with_pack(Arc::new(move || country.clone()), Arc::new(move |pack: Arc<Pack>| render(course.clone(), pack))).into_any()
        }
        None => not_found(),
    }
}

pub fn not_found() -> AnyView {
    view! {
        <Title text=tr::course_not_found_title() />
        <h1>{tr::course_not_found_title()}</h1>
        <p>{tr::course_not_found()}</p>
        <p><a href=Page::Courses.href()>{tr::courses_title()}</a></p>
    }
    .into_any()
}

/// A course as a participant's checklist: each session's steps with the participant's own
/// status and ticks, and the trainer's notes, tasks and local help marked as the trainer's.
#[component]
pub fn CourseView(
    /// The course to show.
    course: Course,
    /// Made on this device (an "Edit" link is shown).
    mine: bool,
    /// What just happened (the course was followed or updated from a link), if anything.
    said: Option<String>,
) -> impl IntoView {
    let country = course.country.clone();
    let course = Arc::new(course);
    with_pack(
        Arc::new(move || country.clone()),
        Arc::new(move |pack: Arc<Pack>| view! { <CourseBody course=course.clone() pack mine said=said.clone() /> }.into_any()),
    )
}

#[component]
fn CourseBody(
    /// The course.
    course: Arc<Course>,
    /// Its country pack.
    pack: Arc<Pack>,
    /// Made on this device.
    mine: bool,
    /// A message on top, if any.
    said: Option<String>,
) -> impl IntoView {
    let app = use_app();
    let country = pack.meta.id.clone();
    let link = course_link(&course);
    let ids: Vec<String> = course.step_ids().filter(|id| pack.step(id).is_some()).map(String::from).collect();
    let done = {
        let (country, ids) = (country.clone(), ids.clone());
        Memo::new(move |_| app.saved.with(|s| ids.iter().filter(|id| plan::finished(plan::status(s.progress.get(&country), id))).count()))
    };
    let total = ids.len();
    let missing = course.missing_steps(&pack);
    let file = {
        let course = course.clone();
        move |_| {
            let _ = download(&course::file_name(&course), &share::export_course(&course.cleaned()), "application/json");
        }
    };
    let mut number = 0;
    let (tl, td) = text_lang(&pack);
    view! {
        <Title text=course.name.clone() />
        {said.map(|s| view! { <p class="notice-inline" role="status">{s}</p> })}
        <p class="tag trainer-tag">{tr::courses_title()}" · "{pack_country(&pack)}</p>
        <h1 dir="auto">{course.name.clone()}</h1>
        {(!course.trainer.is_empty()).then(|| view! { <p class="lead">{tr::course_by(&course.trainer)}</p> })}
        <div class="progress-summary">
            <label for="course-progress">{move || tr::steps_done(total, done.get())}</label>
            <progress id="course-progress" max=total.max(1) value=move || done.get()></progress>
        </div>
        <p class="checklist-links">
            <a href=Page::Present(course.id.clone()).href() id="present-course">{tr::course_present()}</a>
            <a href=Page::Handout(course.id.clone()).href()>{tr::course_handout()}</a>
            {mine.then(|| view! { <a href=Page::CourseEdit(course.id.clone()).href()>{tr::course_edit()}</a> })}
            <a href=Page::Courses.href()>{tr::courses_title()}</a>
        </p>
        {(!missing.is_empty()).then(|| view! { <p class="hint">{tr::course_missing_steps(&missing.join(", "))}</p> })}
        {course.sessions.iter().enumerate().map(|(i, session)| {
            let heading = format!("session-{i}");
            let labelled = heading.clone();
            view! {
                <section class="phase session" aria-labelledby=labelled>
                    <h2 id=heading dir="auto">{session_title(session, i)}</h2>
                    {session.steps.is_empty().then(|| view! { <p class="hint">{tr::course_session_empty()}</p> })}
                    <ol class="steps course-steps">
                        {session.steps.iter().filter_map(|cs| pack.step(&cs.step).map(|s| (s.clone(), cs.clone()))).map(|(step, extra)| {
                            number += 1;
                            let id = step.id.clone();
                            let status = { let (c, id) = (country.clone(), id.clone()); move || app.saved.with(|s| plan::status(s.progress.get(&c), &id)) };
                            let status2 = status.clone();
                            let trainer_tasks: Vec<Task> = extra.tasks.iter().enumerate()
                                .map(|(n, t)| Task { id: course::trainer_task_id(&course.id, n), title: t.clone() }).collect();
                            view! {
                                <li class="step-item" data-step=id.clone() data-status=move || status_id(status())>
                                    <span class="marker" aria-hidden="true">{crate::domain::i18n::current().digits.write(number)}</span>
                                    <h3 class="step-heading"><a href=Page::Step { country: country.clone(), step: id.clone() }.href() lang=tl.clone() dir=td>{step.title.clone()}</a></h3>
                                    <p class="step-meta"><span class="status">{move || status_label(status2())}</span></p>
                                    <p class="summary" lang=tl.clone() dir=td>{step.summary.clone()}</p>
                                    {(!step.tasks.is_empty()).then(|| view! { <TaskTicks country=country.clone() step=id.clone() tasks=step.tasks.clone() lang=(tl.clone(), td) /> })}
                                    {(!extra.note.is_empty() || !trainer_tasks.is_empty()).then(|| view! {
                                        <div class="trainer" data-trainer="">
                                            <p class="trainer-label">{tr::course_from_trainer()}</p>
                                            {(!extra.note.is_empty()).then(|| view! { <p class="trainer-note" dir="auto">{extra.note.clone()}</p> })}
                                            {(!trainer_tasks.is_empty()).then(|| view! {
                                                <TaskTicks country=country.clone() step=id.clone() tasks=trainer_tasks.clone() legend=tr::course_trainer_tasks() lang=(None, Some("auto")) />
                                            })}
                                        </div>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                </section>
            }
        }).collect_view()}
        <CourseResources resources=course.resources.clone() />
        <section class="panel" aria-labelledby="share-course">
            <h2 id="share-course">{tr::course_share()}</h2>
            <LinkBox id="course-link" label=tr::course_link_label() link=link.clone() />
            <QrCode link=link label=tr::course_qr_label() />
            <button type="button" class="secondary" id="course-download" on:click=file>{tr::course_download()}</button>
        </section>
    }
}

/// A session's title, or "Day N" if the trainer left it empty.
pub fn session_title(session: &Session, index: usize) -> String {
    if session.title.trim().is_empty() {
        tr::session_default(index + 1)
    } else {
        session.title.clone()
    }
}

/// The trainer's local help: links that open in a new tab, marked as the trainer's.
#[component]
pub fn CourseResources(
    /// The trainer's resources.
    resources: Vec<CourseResource>,
) -> impl IntoView {
    let resources: Vec<CourseResource> = resources.into_iter().filter(CourseResource::usable).collect();
    (!resources.is_empty()).then(|| view! {
        <section class="trainer" data-trainer="" aria-labelledby="course-resources">
            <h2 id="course-resources">{tr::course_resources()}</h2>
            <ul class="resource-links">
                {resources.into_iter().map(|r| {
                    let title = if !r.title.trim().is_empty() { r.title.clone() } else if !r.url.trim().is_empty() { r.url.clone() } else { r.address.clone() };
                    let has_link = course::safe_address(&r.url);
                    view! {
                        <li>
                            {if has_link {
                                view! { <a href=r.url.clone() rel="noopener noreferrer" target="_blank"><bdi>{title}</bdi>
                                    <span class="visually-hidden">" "{tr::opens_in_new_tab()}</span></a> }.into_any()
                            } else {
                                view! { <strong><bdi>{title}</bdi></strong> }.into_any()
                            }}
                            {(!r.address.trim().is_empty()).then(|| view! { <br /><bdi class="address">{r.address.clone()}</bdi> })}
                            {(!r.note.is_empty()).then(|| view! { " – "<bdi class="org">{r.note.clone()}</bdi> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    })
}
