//! Courses: `/courses` (make one, open a course file, the list), `/courses/:id` (a course as a
//! participant's checklist, with the trainer's additions marked), `/courses/:id/edit` (the
//! trainer's editor). A course link (`/open#…`) shows the same course view.

use std::sync::Arc;

use leptos::prelude::*;
use crate::router::use_navigate;
use wasm_bindgen::JsCast;

use super::share::share_error_text;
use super::step::TaskTicks;
use super::{param, status_id, status_label};
use crate::app::{focus, use_app, AppState};
use crate::components::controls::confirm_dialog;
use crate::components::share::{download, read_chosen_file, LinkBox, QrCode};
use crate::components::title::Title;
use crate::components::with_pack::with_pack;
use crate::domain::content::{Pack, Task};
use crate::domain::course::{self, Course, CourseResource, SavedCourse, Session};
use crate::domain::i18n::tr;
use crate::domain::plan;
use crate::domain::share::{self, ShareError, MAX_BACKUP_BYTES};
use crate::language::{country_name, entry_country, pack_country};
use crate::packs::Load;
use crate::routes::Page;

/// A new course id: eight random letters and digits.
fn new_id() -> String {
    const CHARS: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
    (0..8).map(|_| CHARS[(js_sys::Math::random() * CHARS.len() as f64) as usize % CHARS.len()] as char).collect()
}

/// The course link to share: the app's `/open` address with the course in the fragment.
pub fn course_link(course: &Course) -> String {
    format!("{}#{}", Page::Open.absolute(), share::encode_course(&course.cleaned()))
}

/// The saved course with this id (reactive).
pub fn saved_course(app: AppState, id: &str) -> Option<SavedCourse> {
    app.saved.with(|s| s.courses.get(id).cloned())
}

/// Changes a course made on this device (saved like every other change).
fn edit(app: AppState, id: &str, f: impl FnOnce(&mut Course)) {
    app.saved.update(|s| {
        if let Some(c) = s.courses.get_mut(id).filter(|c| c.mine) {
            f(&mut c.course);
        }
    });
}

/// Keeps a course that came from a link or a file: a new one is added; one followed before is
/// replaced by the trainer's newer version; one made on this device is never touched.
/// Returns what happened, in words, or nothing when nothing changed.
pub fn keep_course(app: AppState, course: Course) -> Option<String> {
    let id = course.id.clone();
    let said = match app.saved.with_untracked(|s| s.courses.get(&id).map(|c| c.mine || c.course == course)) {
        Some(true) => return None,
        Some(false) => tr::course_updated(),
        None => tr::course_followed(),
    };
    app.saved.update(|s| { s.courses.insert(id, SavedCourse { course, mine: false }); });
    Some(said)
}

/// `/courses`.
#[component]
pub fn Courses() -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let country = RwSignal::new(app.saved.with_untracked(|s| s.profile.country.clone()).unwrap_or_else(|| "no".into()));
    let problem = RwSignal::new(None::<String>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_string();
        if n.is_empty() {
            problem.set(Some(tr::course_name_needed()));
            focus("course-name");
            return;
        }
        let id = new_id();
        let mut c = Course::new(&id, &n, &country.get_untracked());
        c.sessions.push(Session { title: tr::session_default(1), steps: vec![] });
        app.saved.update(|s| { s.courses.insert(id.clone(), SavedCourse { course: c, mine: true }); });
        navigate(&Page::CourseEdit(id).path(), Default::default());
    };
    let opened = RwSignal::new(None::<Result<String, ShareError>>);
    let choose_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        leptos::task::spawn_local(async move {
            let result = match read_chosen_file(&input, MAX_BACKUP_BYTES).await {
                None => return,
                Some(Err(())) => Err(ShareError::TooLarge),
                Some(Ok(text)) => share::import_course(&text),
            };
            input.set_value("");
            opened.set(Some(result.map(|c| {
                let name = c.name.clone();
                keep_course(app, c);
                tr::course_file_opened(&name)
            })));
        });
    };
    let deleting = RwSignal::new(None::<(String, String)>);
    let list = move |mine: bool| {
        let courses: Vec<Course> = app.saved.with(|s| s.courses.values().filter(|c| c.mine == mine).map(|c| c.course.clone()).collect());
        if courses.is_empty() {
            return view! { <p class="hint">{tr::courses_none()}</p> }.into_any();
        }
        view! {
            <ul class="course-list">
                {courses.into_iter().map(|c| {
                    let (id, name) = (c.id.clone(), c.name.clone());
                    let steps = c.step_ids().count();
                    view! {
                        <li data-course=c.id.clone()>
                            <a class="course-name" href=Page::Course(c.id.clone()).href()>{c.name.clone()}</a>
                            <span class="hint">{format!(" · {} · {}", country_name(&c.country, &c.country), tr::course_steps(steps))}</span>
                            <span class="actions">
                                {mine.then(|| view! { <a href=Page::CourseEdit(c.id.clone()).href()>{tr::course_edit()}</a> })}
                                <a href=Page::Present(c.id.clone()).href()>{tr::course_present()}</a>
                                <button type="button" class="secondary" on:click=move |_| deleting.set(Some((id.clone(), name.clone())))>
                                    {tr::course_delete()}
                                </button>
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let countries = move || match app.packs.index() {
        Load::Ready(index) => index.packs.iter().map(|p| {
            let selected = p.id == country.get_untracked();
            view! { <option value=p.id.clone() selected=selected>{entry_country(p)}</option> }
        }).collect_view().into_any(),
        _ => ().into_any(),
    };
    view! {
        <Title text=tr::courses_title() />
        <h1>{tr::courses_title()}</h1>
        <p class="lead">{tr::courses_lead()}</p>
        {move || deleting.get().map(|(id, name)| confirm_dialog(
            tr::course_delete_confirm(&name),
            ().into_any(),
            tr::course_delete(),
            tr::cancel(),
            Arc::new(move || { app.saved.update(|s| { s.courses.remove(&id); }); deleting.set(None); }),
            Arc::new(move || deleting.set(None)),
        ))}
        <section aria-labelledby="mine-heading">
            <h2 id="mine-heading">{tr::courses_mine()}</h2>
            {move || list(true)}
        </section>
        <section aria-labelledby="followed-heading">
            <h2 id="followed-heading">{tr::courses_followed()}</h2>
            {move || list(false)}
        </section>
        <section class="panel" aria-labelledby="new-course">
            <h2 id="new-course">{tr::course_new()}</h2>
            <form on:submit=create>
                <div class="field">
                    <label for="course-name">{tr::course_name()}</label>
                    <input type="text" id="course-name" maxlength="200" prop:value=name
                        aria-describedby="course-name-problem"
                        on:input=move |ev| { problem.set(None); name.set(event_target_value(&ev)); } />
                    <p class="problem-text" id="course-name-problem" role="alert">{move || problem.get()}</p>
                </div>
                <div class="field">
                    <label for="course-country">{tr::course_country()}</label>
                    <select id="course-country" on:change=move |ev| country.set(event_target_value(&ev))>{countries}</select>
                </div>
                <button type="submit" id="create-course">{tr::course_create()}</button>
            </form>
        </section>
        <section class="panel" aria-labelledby="course-file">
            <h2 id="course-file">{tr::course_open_file()}</h2>
            <div class="field">
                <label for="course-file-input">{tr::course_open_file()}</label>
                <input type="file" id="course-file-input" accept=".json,application/json" on:change=choose_file />
            </div>
            <p role="status">{move || opened.get().map(|r| match r {
                Ok(text) => view! { <span>{text}</span> }.into_any(),
                Err(e) => view! { <span class="problem-text">{share_error_text(&e)}</span> }.into_any(),
            })}</p>
        </section>
    }
}

/// `/courses/:id`.
#[component]
pub fn CoursePage() -> impl IntoView {
    let app = use_app();
    let id = param("id");
    // Drawn again only when the course itself changes, not on every tick of progress.
    let saved = Memo::new(move |_| saved_course(app, &id()));
    move || match saved.get() {
        Some(saved) => view! { <CourseView course=saved.course mine=saved.mine said=None /> }.into_any(),
        None => not_found(),
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
    with_pack(Arc::new(move || country.clone()), Arc::new(move |pack: Arc<Pack>| {
        view! { <CourseBody course=course.clone() pack mine said=said.clone() /> }.into_any()
    }))
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
    view! {
        <Title text=course.name.clone() />
        {said.map(|s| view! { <p class="notice-inline" role="status">{s}</p> })}
        <p class="tag trainer-tag">{tr::courses_title()}" · "{pack_country(&pack)}</p>
        <h1>{course.name.clone()}</h1>
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
                    <h2 id=heading>{session_title(session, i)}</h2>
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
                                    <h3 class="step-heading"><a href=Page::Step { country: country.clone(), step: id.clone() }.href()>{step.title.clone()}</a></h3>
                                    <p class="step-meta"><span class="status">{move || status_label(status2())}</span></p>
                                    <p class="summary">{step.summary.clone()}</p>
                                    {(!step.tasks.is_empty()).then(|| view! { <TaskTicks country=country.clone() step=id.clone() tasks=step.tasks.clone() /> })}
                                    {(!extra.note.is_empty() || !trainer_tasks.is_empty()).then(|| view! {
                                        <div class="trainer" data-trainer="">
                                            <p class="trainer-label">{tr::course_from_trainer()}</p>
                                            {(!extra.note.is_empty()).then(|| view! { <p class="trainer-note">{extra.note.clone()}</p> })}
                                            {(!trainer_tasks.is_empty()).then(|| view! {
                                                <TaskTicks country=country.clone() step=id.clone() tasks=trainer_tasks.clone() legend=tr::course_trainer_tasks() />
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
    if session.title.trim().is_empty() { tr::session_default(index + 1) } else { session.title.clone() }
}

/// The trainer's local help: links that open in a new tab, marked as the trainer's.
#[component]
pub fn CourseResources(
    /// The trainer's resources.
    resources: Vec<CourseResource>,
) -> impl IntoView {
    let resources: Vec<CourseResource> = resources.into_iter().filter(|r| course::safe_address(&r.url)).collect();
    (!resources.is_empty()).then(|| view! {
        <section class="trainer" data-trainer="" aria-labelledby="course-resources">
            <h2 id="course-resources">{tr::course_resources()}</h2>
            <ul class="resource-links">
                {resources.into_iter().map(|r| {
                    let title = if r.title.trim().is_empty() { r.url.clone() } else { r.title.clone() };
                    view! {
                        <li>
                            <a href=r.url.clone() rel="noopener noreferrer" target="_blank">{title}
                                <span class="visually-hidden">" "{tr::opens_in_new_tab()}</span></a>
                            {(!r.note.is_empty()).then(|| view! { <span class="org">{format!(" – {}", r.note)}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    })
}

/// The shape of a course: what the editor's structure depends on. Typing in a field changes
/// the course but not its shape, so the editor is not drawn again and keeps the focus.
fn shape(c: &Course) -> (Vec<Vec<(String, usize)>>, usize) {
    (c.sessions.iter().map(|s| s.steps.iter().map(|cs| (cs.step.clone(), cs.tasks.len())).collect()).collect(), c.resources.len())
}

/// `/courses/:id/edit`.
#[component]
pub fn CourseEditor() -> impl IntoView {
    let app = use_app();
    let id = param("id");
    // The editor is drawn once per course: typing changes the course, not this.
    let found = Memo::new(move |_| saved_course(app, &id()).filter(|c| c.mine).map(|c| (c.course.id, c.course.country)));
    move || match found.get() {
        Some((id, country)) => {
            with_pack(Arc::new(move || country.clone()), Arc::new(move |pack: Arc<Pack>| {
                view! { <Editor id=id.clone() pack /> }.into_any()
            }))
            .into_any()
        }
        None => not_found(),
    }
}

#[component]
fn Editor(
    /// The course id (a course made on this device).
    id: String,
    /// The country pack the course builds on.
    pack: Arc<Pack>,
) -> impl IntoView {
    let app = use_app();
    let current = {
        let id = id.clone();
        move || app.saved.with_untracked(|s| s.courses.get(&id).map(|c| c.course.clone())).unwrap_or_default()
    };
    let shape = {
        let id = id.clone();
        Memo::new(move |_| app.saved.with(|s| s.courses.get(&id).map(|c| shape(&c.course))))
    };
    let name_now = { let c = current.clone(); move || c().name };
    let title = tr::course_edit_title(&name_now());
    let editing = { let id = id.clone(); move |f: Box<dyn FnOnce(&mut Course)>| edit(app, &id, f) };
    let text_field = {
        let (current, editing) = (current.clone(), editing.clone());
        move |field_id: String, label: String, get: fn(&Course) -> String, set: fn(&mut Course, String), max: usize| {
            let editing = editing.clone();
            view! {
                <div class="field">
                    <label for=field_id.clone()>{label}</label>
                    <input type="text" id=field_id maxlength=max.to_string() value=get(&current())
                        on:input=move |ev| { let v = event_target_value(&ev); editing(Box::new(move |c| set(c, v))) } />
                </div>
            }
        }
    };
    let structure = {
        let (pack, current, editing) = (pack.clone(), current.clone(), editing.clone());
        move || {
            // Read, not only tracked: a memo that is never read never runs, so never changes.
            shape.with(|_| ());
            let course = current();
            let sessions = course.sessions.len();
            let used: std::collections::BTreeSet<String> = course.step_ids().map(String::from).collect();
            view! {
                <section aria-labelledby="sessions-heading">
                    <h2 id="sessions-heading">{tr::course_sessions()}</h2>
                    {course.sessions.iter().enumerate().map(|(i, session)| {
                        let ed = editing.clone();
                        let steps = session.steps.len();
                        let options: Vec<(String, String)> = pack.meta.phases.iter()
                            .flat_map(|ph| pack.phase_steps(&ph.id))
                            .filter(|s| !used.contains(&s.id))
                            .map(|s| (s.id.clone(), s.title.clone())).collect();
                        let chosen = RwSignal::new(options.first().map(|o| o.0.clone()).unwrap_or_default());
                        let (e_title, e_up, e_down, e_remove, e_add) = (ed.clone(), ed.clone(), ed.clone(), ed.clone(), ed.clone());
                        view! {
                            <fieldset class="session-editor" data-session=i.to_string()>
                                <legend>{session_title(session, i)}</legend>
                                <div class="field">
                                    <label for=format!("session-title-{i}")>{tr::session_title()}</label>
                                    <input type="text" id=format!("session-title-{i}") maxlength="200" value=session.title.clone()
                                        on:input=move |ev| { let v = event_target_value(&ev); e_title(Box::new(move |c| if let Some(s) = c.sessions.get_mut(i) { s.title = v })) } />
                                </div>
                                <p class="row-actions">
                                    <button type="button" class="secondary" id=format!("session-up-{i}") disabled=i == 0
                                        on:click=move |_| { e_up(Box::new(move |c| c.move_session(i, true))); refocus(format!("session-up-{}", i.saturating_sub(1))) }>{tr::session_up()}</button>
                                    <button type="button" class="secondary" id=format!("session-down-{i}") disabled=i + 1 == sessions
                                        on:click=move |_| { e_down(Box::new(move |c| c.move_session(i, false))); refocus(format!("session-down-{}", i + 1)) }>{tr::session_down()}</button>
                                    <button type="button" class="secondary" on:click=move |_| { e_remove(Box::new(move |c| { if i < c.sessions.len() { c.sessions.remove(i); } })); refocus("add-session".into()) }>{tr::session_remove()}</button>
                                </p>
                                <ol class="step-editor">
                                    {session.steps.iter().enumerate().map(|(j, cs)| {
                                        let title = pack.step(&cs.step).map(|s| s.title.clone()).unwrap_or_else(|| cs.step.clone());
                                        let (e1, e2, e3, e4, e5) = (ed.clone(), ed.clone(), ed.clone(), ed.clone(), ed.clone());
                                        let first = i == 0 && j == 0;
                                        let last = i + 1 == sessions && j + 1 == steps;
                                        let new_task = RwSignal::new(String::new());
                                        let task_field = format!("new-task-{i}-{j}");
                                        let tf = task_field.clone();
                                        let add_task = move || {
                                            let t = new_task.get_untracked().trim().to_string();
                                            if t.is_empty() { return; }
                                            let e = e4.clone();
                                            e(Box::new(move |c| if let Some(cs) = c.sessions.get_mut(i).and_then(|s| s.steps.get_mut(j)) {
                                                if cs.tasks.len() < course::MAX_TASKS { cs.tasks.push(t) }
                                            }));
                                            refocus(tf.clone());
                                        };
                                        let add_task2 = add_task.clone();
                                        view! {
                                            <li data-course-step=cs.step.clone()>
                                                <p class="step-title"><strong>{title}</strong></p>
                                                <p class="row-actions">
                                                    <button type="button" class="secondary" id=format!("step-up-{}", cs.step) disabled=first
                                                        on:click={let s = cs.step.clone(); move |_| { e1(Box::new(move |c| c.move_step(i, j, true))); refocus(format!("step-up-{s}")) }}>{tr::step_up()}</button>
                                                    <button type="button" class="secondary" id=format!("step-down-{}", cs.step) disabled=last
                                                        on:click={let s = cs.step.clone(); move |_| { e2(Box::new(move |c| c.move_step(i, j, false))); refocus(format!("step-down-{s}")) }}>{tr::step_down()}</button>
                                                    <button type="button" class="secondary" on:click=move |_| { e3(Box::new(move |c| { if let Some(s) = c.sessions.get_mut(i) { if j < s.steps.len() { s.steps.remove(j); } } })); refocus(format!("add-step-{i}")) }>{tr::step_remove()}</button>
                                                </p>
                                                <div class="field">
                                                    <label for=format!("note-{i}-{j}")>{tr::trainer_note()}</label>
                                                    <textarea id=format!("note-{i}-{j}") rows="2" maxlength="1000" prop:value=cs.note.clone()
                                                        on:input=move |ev| { let v = event_target_value(&ev); e5(Box::new(move |c| if let Some(cs) = c.sessions.get_mut(i).and_then(|s| s.steps.get_mut(j)) { cs.note = v })) }></textarea>
                                                </div>
                                                <div class="trainer-tasks">
                                                    <p class="trainer-label">{tr::trainer_tasks()}</p>
                                                    <ul>
                                                        {cs.tasks.iter().enumerate().map(|(k, t)| {
                                                            let e = ed.clone();
                                                            view! { <li>{t.clone()}" "<button type="button" class="secondary small"
                                                                aria-label=format!("{}: {t}", tr::trainer_task_remove())
                                                                on:click=move |_| { e(Box::new(move |c| if let Some(cs) = c.sessions.get_mut(i).and_then(|s| s.steps.get_mut(j)) { if k < cs.tasks.len() { cs.tasks.remove(k); } })); }>
                                                                {tr::trainer_task_remove()}</button></li> }
                                                        }).collect_view()}
                                                    </ul>
                                                    <div class="field inline">
                                                        <label for=task_field.clone()>{tr::trainer_task_new()}</label>
                                                        <input type="text" id=task_field maxlength="200" prop:value=new_task
                                                            on:input=move |ev| new_task.set(event_target_value(&ev))
                                                            on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add_task() } />
                                                        <button type="button" class="secondary" on:click=move |_| add_task2()>{tr::trainer_task_add()}</button>
                                                    </div>
                                                </div>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ol>
                                {if options.is_empty() {
                                    view! { <p class="hint">{tr::course_all_steps_in()}</p> }.into_any()
                                } else {
                                    view! {
                                        <div class="field inline">
                                            <label for=format!("add-step-{i}")>{tr::step_add()}</label>
                                            <select id=format!("add-step-{i}") on:change=move |ev| chosen.set(event_target_value(&ev))>
                                                {options.into_iter().map(|(v, t)| view! { <option value=v>{t}</option> }).collect_view()}
                                            </select>
                                            <button type="button" id=format!("add-step-button-{i}") on:click=move |_| {
                                                let step = chosen.get_untracked();
                                                e_add(Box::new(move |c| { c.add_step(i, &step); }));
                                                refocus(format!("add-step-{i}"));
                                            }>{tr::step_add_button()}</button>
                                        </div>
                                    }.into_any()
                                }}
                            </fieldset>
                        }
                    }).collect_view()}
                    <button type="button" class="secondary" id="add-session" disabled={sessions >= course::MAX_SESSIONS} on:click={
                        let ed = editing.clone();
                        move |_| {
                            ed(Box::new(move |c| { let n = c.sessions.len() + 1; c.sessions.push(Session { title: tr::session_default(n), steps: vec![] }) }));
                            // The new session's title is selected: typing replaces "Day N".
                            let id = format!("session-title-{sessions}");
                            request_animation_frame(move || {
                                if let Some(input) = document().get_element_by_id(&id).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                    let _ = input.focus();
                                    input.select();
                                }
                            });
                        }
                    }>{tr::session_add()}</button>
                </section>
                <section aria-labelledby="resources-heading">
                    <h2 id="resources-heading">{tr::course_resources()}</h2>
                    {course.resources.iter().enumerate().map(|(k, r)| {
                        let (e1, e2, e3, e4) = (editing.clone(), editing.clone(), editing.clone(), editing.clone());
                        let bad = RwSignal::new(!r.url.is_empty() && !course::safe_address(&r.url));
                        view! {
                            <fieldset class="resource-editor">
                                <legend>{format!("{} {}", tr::course_resources(), k + 1)}</legend>
                                <div class="field">
                                    <label for=format!("res-title-{k}")>{tr::resource_title_field()}</label>
                                    <input type="text" id=format!("res-title-{k}") maxlength="200" value=r.title.clone()
                                        on:input=move |ev| { let v = event_target_value(&ev); e1(Box::new(move |c| if let Some(r) = c.resources.get_mut(k) { r.title = v })) } />
                                </div>
                                <div class="field">
                                    <label for=format!("res-url-{k}")>{tr::resource_url_field()}</label>
                                    <input type="url" id=format!("res-url-{k}") dir="ltr" value=r.url.clone() aria-invalid=move || bad.get().to_string()
                                        aria-describedby=format!("res-url-problem-{k}")
                                        on:input=move |ev| { let v = event_target_value(&ev); e2(Box::new(move |c| if let Some(r) = c.resources.get_mut(k) { r.url = v })) }
                                        on:change=move |ev| { let v = event_target_value(&ev); bad.set(!v.trim().is_empty() && !course::safe_address(&v)) } />
                                    <p class="problem-text" id=format!("res-url-problem-{k}")>{move || bad.get().then(tr::resource_bad_address)}</p>
                                </div>
                                <div class="field">
                                    <label for=format!("res-note-{k}")>{tr::resource_note_field()}</label>
                                    <input type="text" id=format!("res-note-{k}") maxlength="1000" value=r.note.clone()
                                        on:input=move |ev| { let v = event_target_value(&ev); e3(Box::new(move |c| if let Some(r) = c.resources.get_mut(k) { r.note = v })) } />
                                </div>
                                <button type="button" class="secondary" on:click=move |_| { e4(Box::new(move |c| { if k < c.resources.len() { c.resources.remove(k); } })); refocus("add-resource".into()) }>{tr::resource_remove()}</button>
                            </fieldset>
                        }
                    }).collect_view()}
                    <button type="button" class="secondary" id="add-resource" disabled={course.resources.len() >= course::MAX_RESOURCES} on:click={
                        let ed = editing.clone();
                        let n = course.resources.len();
                        move |_| { ed(Box::new(|c| c.resources.push(CourseResource::default()))); refocus(format!("res-title-{n}")) }
                    }>{tr::course_resource_add()}</button>
                </section>
            }
        }
    };
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p class="hint">{tr::course_saved_hint()}</p>
        {text_field("course-name-field".into(), tr::course_name(), |c| c.name.clone(), |c, v| c.name = v, course::MAX_TEXT)}
        {text_field("course-trainer".into(), tr::course_trainer(), |c| c.trainer.clone(), |c, v| c.trainer = v, course::MAX_TEXT)}
        {structure}
        <p><a class="button" id="done-editing" href=Page::Course(id.clone()).href()>{tr::course_done_editing()}</a></p>
    }
}

/// After the editor is drawn again, puts the keyboard on the element with this id.
fn refocus(id: String) {
    request_animation_frame(move || focus(&id));
}
