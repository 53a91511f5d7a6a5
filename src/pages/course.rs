//! Courses: `/courses` (make one, open a course file, the list), `/courses/:id` (a course as a
//! participant's checklist, with the trainer's additions marked), `/courses/:id/edit` (the
//! trainer's editor). A course link (`/open#…`) shows the same course view.

use std::sync::Arc;

use crate::router::use_navigate;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::param;
use crate::components::controls::confirm_dialog;
use crate::components::course::{not_found, session_title, CourseOffer, CourseView};
use crate::components::focus::focus;
use crate::components::share::read_chosen_file;
use crate::components::share::share_error_text;
use crate::components::title::Title;
use crate::components::with_pack::with_pack;
use crate::domain::content::Pack;
use crate::domain::course::{self, Course, CourseResource, CourseStep, ResourceField, SavedCourse, Session};
use crate::domain::i18n::tr;
use crate::domain::share::{self, ShareError, MAX_BACKUP_BYTES};
use crate::language::{country_name, entry_country};
use crate::packs::Load;
use crate::routes::Page;
use crate::state::{use_app, AppState};

/// A new course id: eight random letters and digits.
fn new_id() -> String {
    const CHARS: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
    (0..8).map(|_| CHARS[(js_sys::Math::random() * CHARS.len() as f64) as usize % CHARS.len()] as char).collect()
}

/// The saved course with this id (reactive).
pub fn saved_course(app: AppState, id: &str) -> Option<SavedCourse> {
    app.saved.with(|s| s.courses.get(id).cloned())
}

/// Changes a course made on this device (saved like every other change).
fn edit(app: AppState, id: &str, f: impl FnOnce(&mut Course)) {
    app.saved.update(|s| s.edit_course(id, f));
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
        app.saved.update(|s| s.add_own_course(c));
        navigate(&Page::CourseEdit(id).path(), Default::default());
    };
    let opened = RwSignal::new(None::<Result<String, ShareError>>);
    let offered = RwSignal::new(None::<Course>);
    let choose_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        leptos::task::spawn_local(async move {
            let result = match read_chosen_file(&input, MAX_BACKUP_BYTES).await {
                None => return,
                Some(Err(())) => Err(ShareError::TooLarge),
                Some(Ok(text)) => share::import_course(&text),
            };
            input.set_value("");
            // A course file is offered like a course link: nothing is kept without consent.
            match result {
                Ok(c) => {
                    opened.set(None);
                    offered.set(Some(c));
                }
                Err(e) => opened.set(Some(Err(e))),
            }
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
                            <a class="course-name" href=Page::Course(c.id.clone()).href()><bdi>{c.name.clone()}</bdi></a>
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
        Load::Ready(index) => index
            .packs
            .iter()
            .map(|p| {
                let selected = p.id == country.get_untracked();
                view! { <option value=p.id.clone() selected=selected>{entry_country(p)}</option> }
            })
            .collect_view()
            .into_any(),
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
            Arc::new(move || { app.saved.update(|s| s.remove_course(&id)); deleting.set(None); }),
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
            {move || offered.get().map(|course| view! { <div class="course-offer"><CourseOffer course /></div> })}
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
            with_pack(Arc::new(move || country.clone()), Arc::new(move |pack: Arc<Pack>| view! { <Editor id=id.clone() pack /> }.into_any())).into_any()
        }
        None => not_found(),
    }
}

/// A change to the course being edited, saved like every other change.
type Editing = Arc<dyn Fn(Box<dyn FnOnce(&mut Course)>) + Send + Sync>;

/// The editor of a course made on this device: its name and trainer, its sessions with their
/// steps, and the trainer's local help. Every change goes through a named operation of
/// [`Course`] and is saved at once.
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
    let title = tr::course_edit_title(&current().name);
    let editing: Editing = {
        let id = id.clone();
        Arc::new(move |f| edit(app, &id, f))
    };
    let structure = {
        let (pack, current, editing) = (pack.clone(), current.clone(), editing.clone());
        move || {
            // Read, not only tracked: a memo that is never read never runs, so never changes.
            shape.with(|_| ());
            let course = current();
            view! {
                {sessions_editor(&course, &pack, &editing)}
                {resources_editor(&course, &editing)}
            }
        }
    };
    let course = current();
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p class="hint">{tr::course_saved_hint()}</p>
        {text_field("course-name-field", tr::course_name(), course.name.clone(), &editing, |c, v| c.name = v)}
        {text_field("course-trainer", tr::course_trainer(), course.trainer.clone(), &editing, |c, v| c.trainer = v)}
        {structure}
        <p><a class="button" id="done-editing" href=Page::Course(id.clone()).href()>{tr::course_done_editing()}</a></p>
    }
}

/// A one-line text field of the course (its name, the trainer).
fn text_field(field_id: &'static str, label: String, value: String, editing: &Editing, set: fn(&mut Course, String)) -> impl IntoView {
    let editing = editing.clone();
    view! {
        <div class="field">
            <label for=field_id>{label}</label>
            <input type="text" id=field_id maxlength=course::MAX_TEXT.to_string() value=value
                on:input=move |ev| { let v = event_target_value(&ev); editing(Box::new(move |c| set(c, v))) } />
        </div>
    }
}

/// Every session with its steps, and "Add a session".
fn sessions_editor(course: &Course, pack: &Arc<Pack>, editing: &Editing) -> impl IntoView {
    let sessions = course.sessions.len();
    let used: std::collections::BTreeSet<String> = course.step_ids().map(String::from).collect();
    let ed = editing.clone();
    let add_session = move |_| {
        ed(Box::new(move |c| {
            let n = c.sessions.len() + 1;
            c.add_session(&tr::session_default(n));
        }));
        // The new session's title is selected: typing replaces "Day N".
        let id = format!("session-title-{sessions}");
        request_animation_frame(move || {
            if let Some(input) = document().get_element_by_id(&id).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                let _ = input.focus();
                input.select();
            }
        });
    };
    view! {
        <section aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">{tr::course_sessions()}</h2>
            {course.sessions.iter().enumerate().map(|(i, session)| session_editor(i, session, sessions, &used, pack, editing)).collect_view()}
            <button type="button" class="secondary" id="add-session" disabled={sessions >= course::MAX_SESSIONS} on:click=add_session>
                {tr::session_add()}</button>
        </section>
    }
}

/// One session: its title, moving and removing it, its steps, and adding a step of the guide.
fn session_editor(
    i: usize,
    session: &Session,
    sessions: usize,
    used: &std::collections::BTreeSet<String>,
    pack: &Arc<Pack>,
    editing: &Editing,
) -> impl IntoView {
    let steps = session.steps.len();
    let options: Vec<(String, String)> =
        pack.meta.phases.iter().flat_map(|ph| pack.phase_steps(&ph.id)).filter(|s| !used.contains(&s.id)).map(|s| (s.id.clone(), s.title.clone())).collect();
    let chosen = RwSignal::new(options.first().map(|o| o.0.clone()).unwrap_or_default());
    let (e_title, e_up, e_down, e_remove, e_add) = (editing.clone(), editing.clone(), editing.clone(), editing.clone(), editing.clone());
    let first_session = i == 0;
    let last_session = i + 1 == sessions;
    view! {
        <fieldset class="session-editor" data-session=i.to_string()>
            <legend>{session_title(session, i)}</legend>
            <div class="field">
                <label for=format!("session-title-{i}")>{tr::session_title()}</label>
                <input type="text" id=format!("session-title-{i}") maxlength="200" value=session.title.clone()
                    on:input=move |ev| { let v = event_target_value(&ev); e_title(Box::new(move |c| c.set_session_title(i, &v))) } />
            </div>
            <p class="row-actions">
                <button type="button" class="secondary" id=format!("session-up-{i}") disabled=first_session
                    on:click=move |_| { e_up(Box::new(move |c| c.move_session(i, true))); refocus(format!("session-up-{}", i.saturating_sub(1))) }>{tr::session_up()}</button>
                <button type="button" class="secondary" id=format!("session-down-{i}") disabled=last_session
                    on:click=move |_| { e_down(Box::new(move |c| c.move_session(i, false))); refocus(format!("session-down-{}", i + 1)) }>{tr::session_down()}</button>
                <button type="button" class="secondary" on:click=move |_| { e_remove(Box::new(move |c| c.remove_session(i))); refocus("add-session".into()) }>{tr::session_remove()}</button>
            </p>
            <ol class="step-editor">
                {session.steps.iter().enumerate().map(|(j, cs)| {
                    let first = first_session && j == 0;
                    let last = last_session && j + 1 == steps;
                    step_editor(i, j, cs, pack, first, last, editing)
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
}

/// One step of a session: moving and removing it, the trainer's note and own tasks.
fn step_editor(i: usize, j: usize, cs: &CourseStep, pack: &Pack, first: bool, last: bool, editing: &Editing) -> impl IntoView {
    let title = pack.step(&cs.step).map(|s| s.title.clone()).unwrap_or_else(|| cs.step.clone());
    let (e1, e2, e3, e4, e5) = (editing.clone(), editing.clone(), editing.clone(), editing.clone(), editing.clone());
    let new_task = RwSignal::new(String::new());
    let task_field = format!("new-task-{i}-{j}");
    let tf = task_field.clone();
    let add_task = move || {
        let t = new_task.get_untracked();
        if t.trim().is_empty() {
            return;
        }
        e4(Box::new(move |c| {
            c.add_task(i, j, &t);
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
                <button type="button" class="secondary" on:click=move |_| { e3(Box::new(move |c| c.remove_step(i, j))); refocus(format!("add-step-{i}")) }>{tr::step_remove()}</button>
            </p>
            <div class="field">
                <label for=format!("note-{i}-{j}")>{tr::trainer_note()}</label>
                <textarea id=format!("note-{i}-{j}") rows="2" maxlength="1000" dir="auto" prop:value=cs.note.clone()
                    on:input=move |ev| { let v = event_target_value(&ev); e5(Box::new(move |c| c.set_step_note(i, j, &v))) }></textarea>
            </div>
            <div class="trainer-tasks">
                <p class="trainer-label">{tr::trainer_tasks()}</p>
                <ul>
                    {cs.tasks.iter().enumerate().map(|(k, t)| {
                        let e = editing.clone();
                        view! { <li><bdi>{t.clone()}</bdi>" "<button type="button" class="secondary small"
                            aria-label=format!("{}: {t}", tr::trainer_task_remove())
                            on:click=move |_| e(Box::new(move |c| c.remove_task(i, j, k)))>
                            {tr::trainer_task_remove()}</button></li> }
                    }).collect_view()}
                </ul>
                <div class="field inline">
                    <label for=task_field.clone()>{tr::trainer_task_new()}</label>
                    <input type="text" id=task_field maxlength="200" dir="auto" prop:value=new_task
                        on:input=move |ev| new_task.set(event_target_value(&ev))
                        on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add_task() } />
                    <button type="button" class="secondary" on:click=move |_| add_task2()>{tr::trainer_task_add()}</button>
                </div>
            </div>
        </li>
    }
}

/// The trainer's local help: each with a title, a web address, a street address and a note.
fn resources_editor(course: &Course, editing: &Editing) -> impl IntoView {
    let ed = editing.clone();
    let n = course.resources.len();
    view! {
        <section aria-labelledby="resources-heading">
            <h2 id="resources-heading">{tr::course_resources()}</h2>
            {course.resources.iter().enumerate().map(|(k, r)| resource_editor(k, r, editing)).collect_view()}
            <button type="button" class="secondary" id="add-resource" disabled={n >= course::MAX_RESOURCES}
                on:click=move |_| { ed(Box::new(|c| { c.add_resource(); })); refocus(format!("res-title-{n}")) }>{tr::course_resource_add()}</button>
        </section>
    }
}

/// One piece of local help.
fn resource_editor(k: usize, r: &CourseResource, editing: &Editing) -> impl IntoView {
    let field = |f: ResourceField| {
        let e = editing.clone();
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            e(Box::new(move |c| c.set_resource(k, f, &v)))
        }
    };
    let e_remove = editing.clone();
    // An address that cannot work is named when the editor opens and when the field is left.
    let bad = RwSignal::new(!r.url.is_empty() && !course::safe_address(&r.url));
    view! {
        <fieldset class="resource-editor">
            <legend>{format!("{} {}", tr::course_resources(), k + 1)}</legend>
            <div class="field">
                <label for=format!("res-title-{k}")>{tr::resource_title_field()}</label>
                <input type="text" id=format!("res-title-{k}") maxlength="200" dir="auto" value=r.title.clone() on:input=field(ResourceField::Title) />
            </div>
            <div class="field">
                <label for=format!("res-url-{k}")>{tr::resource_url_field()}</label>
                <input type="url" id=format!("res-url-{k}") dir="ltr" value=r.url.clone() aria-invalid=move || bad.get().to_string()
                    aria-describedby=format!("res-url-problem-{k}")
                    on:input=field(ResourceField::Url)
                    on:focusout=move |ev: leptos::ev::FocusEvent| {
                        // Leaving the field to press a button or follow a link ("See the course"):
                        // say nothing now, or the message would move what the user is pressing.
                        let pressing = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                            .is_some_and(|e| matches!(e.tag_name().as_str(), "A" | "BUTTON"));
                        let v = event_target_value(&ev);
                        bad.set(!pressing && !v.trim().is_empty() && !course::safe_address(&v));
                    } />
                // Its line is kept even when empty: a message appearing as the field loses
                // focus must not move the button the user is tapping.
                <p class="problem-text reserve" id=format!("res-url-problem-{k}")>{move || bad.get().then(tr::resource_bad_address)}</p>
            </div>
            <div class="field">
                <label for=format!("res-address-{k}")>{tr::resource_address_field()}</label>
                <input type="text" id=format!("res-address-{k}") maxlength="200" dir="auto" value=r.address.clone() autocomplete="street-address"
                    on:input=field(ResourceField::Address) />
            </div>
            <div class="field">
                <label for=format!("res-note-{k}")>{tr::resource_note_field()}</label>
                <input type="text" id=format!("res-note-{k}") maxlength="1000" dir="auto" value=r.note.clone() on:input=field(ResourceField::Note) />
            </div>
            <button type="button" class="secondary" on:click=move |_| { e_remove(Box::new(move |c| c.remove_resource(k))); refocus("add-resource".into()) }>{tr::resource_remove()}</button>
        </fieldset>
    }
}

/// After the editor is drawn again, puts the keyboard on the element with this id.
fn refocus(id: String) {
    request_animation_frame(move || focus(&id));
}
