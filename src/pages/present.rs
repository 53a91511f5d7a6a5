//! `/courses/:id/present`: a course on a projector, one screen at a time, in large type. Keys
//! that presentation clickers send (arrows, space, Page Up/Down) move between screens; the
//! course link's QR code stays in a corner so the room can follow on their phones.

use std::sync::Arc;

use crate::router::use_navigate;
use leptos::ev;
use leptos::prelude::*;

use crate::components::course::{course_link, session_title, with_course};
use crate::components::share::QrCode;
use crate::components::title::Title;
use crate::domain::content::Pack;
use crate::domain::course::{key_moves, Course, Slide};
use crate::domain::i18n::{self, tr};
use crate::routes::Page;

#[component]
pub fn Present() -> impl IntoView {
    with_course(Arc::new(|course, pack| view! { <Presenter course pack /> }.into_any()))
}

#[component]
fn Presenter(
    /// The course to present.
    course: Arc<Course>,
    /// Its country pack.
    pack: Arc<Pack>,
) -> impl IntoView {
    let slides = Arc::new(course.slides(&pack));
    let count = slides.len();
    let at = RwSignal::new(0usize);
    let go = move |next: bool| {
        at.update(|i| *i = if next { (*i + 1).min(count - 1) } else { i.saturating_sub(1) });
        request_animation_frame(|| crate::components::focus::focus("slide-heading"));
    };
    // The page is a stage: no site header or footer while presenting.
    let body = document().body();
    if let Some(b) = &body {
        let _ = b.class_list().add_1("presenting");
    }
    on_cleanup(move || {
        if let Some(b) = document().body() {
            let _ = b.class_list().remove_1("presenting");
        }
    });
    let navigate = use_navigate();
    let back = Page::Course(course.id.clone()).path();
    let keys = window_event_listener(ev::keydown, move |e| {
        if e.ctrl_key() || e.alt_key() || e.meta_key() || e.default_prevented() {
            return;
        }
        // Space and Enter on a focused button or link press it, as everywhere.
        let tag = document().active_element().map(|a| a.tag_name()).unwrap_or_default();
        if matches!(tag.as_str(), "INPUT" | "SELECT" | "TEXTAREA") || (matches!(tag.as_str(), "BUTTON" | "A") && e.key() == " ") {
            return;
        }
        match e.key().as_str() {
            "Home" => {
                e.prevent_default();
                at.set(0);
            }
            "End" => {
                e.prevent_default();
                at.set(count - 1);
            }
            "Escape" => {
                e.prevent_default();
                navigate(&back, Default::default());
            }
            key => {
                if let Some(next) = key_moves(key, e.shift_key(), i18n::current().rtl) {
                    e.prevent_default();
                    go(next);
                }
            }
        }
    });
    on_cleanup(move || keys.remove());
    let link = course_link(&course);
    let screen = {
        let (course, pack, slides) = (course.clone(), pack.clone(), slides.clone());
        let (tl, td) = crate::components::steps::text_lang(&pack);
        move || {
            let i = at.get();
            let slide = slides.get(i).cloned().unwrap_or(Slide::Title);
            let body = match slide {
                Slide::Title => view! {
                    <h2 id="slide-heading" tabindex="-1" dir="auto">{course.name.clone()}</h2>
                    {(!course.trainer.is_empty()).then(|| view! { <p class="lead">{tr::course_by(&course.trainer)}</p> })}
                    <ol class="slide-list">
                        {course.sessions.iter().enumerate().map(|(n, s)| view! { <li dir="auto">{session_title(s, n)}</li> }).collect_view()}
                    </ol>
                }
                .into_any(),
                Slide::Session(n) => {
                    let session = &course.sessions[n];
                    view! {
                        <h2 id="slide-heading" tabindex="-1" dir="auto">{session_title(session, n)}</h2>
                        <ol class="slide-list" lang=tl.clone() dir=td>
                            {session.steps.iter().filter_map(|cs| pack.step(&cs.step)).map(|s| view! { <li>{s.title.clone()}</li> }).collect_view()}
                        </ol>
                    }
                    .into_any()
                }
                Slide::Help => view! {
                    <h2 id="slide-heading" tabindex="-1">{tr::course_resources()}</h2>
                    <ul class="slide-help">
                        {course.resources.iter().map(|r| view! {
                            <li>
                                <bdi class="help-title">{r.title.clone()}</bdi>
                                {(!r.url.trim().is_empty()).then(|| view! { <br /><bdi class="url" dir="ltr">{r.url.clone()}</bdi> })}
                                {(!r.address.trim().is_empty()).then(|| view! { <br /><bdi class="address">{r.address.clone()}</bdi> })}
                                {(!r.note.is_empty()).then(|| view! { <br /><bdi class="help-note">{r.note.clone()}</bdi> })}
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any(),
                Slide::Step(n, j) => match course.step_at(&pack, n, j) {
                    Some((step, extra)) => view! {
                        <p class="slide-session" dir="auto">{session_title(&course.sessions[n], n)}</p>
                        <h2 id="slide-heading" tabindex="-1" data-step=step.id.clone() lang=tl.clone() dir=td>{step.title.clone()}</h2>
                        <p class="lead" lang=tl.clone() dir=td>{step.summary.clone()}</p>
                        {(!step.tasks.is_empty() || !extra.tasks.is_empty()).then(|| view! {
                            <ul class="slide-tasks">
                                {step.tasks.iter().map(|t| view! { <li lang=tl.clone() dir=td>{t.title.clone()}</li> }).collect_view()}
                                {extra.tasks.iter().map(|t| view! { <li class="trainer-item"><bdi>{t.clone()}</bdi><span class="tag">{tr::course_from_trainer()}</span></li> }).collect_view()}
                            </ul>
                        })}
                        {(!extra.note.is_empty()).then(|| view! {
                            <div class="trainer"><p class="trainer-label">{tr::course_from_trainer()}</p><p dir="auto">{extra.note.clone()}</p></div>
                        })}
                        {(!step.terms.is_empty()).then(|| view! {
                            <dl class="slide-terms">
                                {step.terms.iter().filter_map(|id| pack.term(id)).map(|t| view! {
                                    <div><dt lang=pack.meta.local_language.clone() dir="ltr">{t.term.clone()}</dt><dd lang=tl.clone() dir=td>{t.plain.clone()}</dd></div>
                                }).collect_view()}
                            </dl>
                        })}
                    }
                    .into_any(),
                    None => ().into_any(),
                },
            };
            view! {
                <section class="slide" tabindex="0" aria-roledescription="slide" aria-label=tr::present_position(i + 1, count) data-slide=i.to_string()>
                    {body}
                </section>
            }
        }
    };
    let title = tr::present_title(&course.name);
    // Computed here: a comparison written inside a view attribute would end the tag early.
    let at_first = move || at.get() == 0;
    let at_last = move || at.get() + 1 >= count;
    view! {
        <Title text=title.clone() />
        <div class="presenter">
            <h1 class="visually-hidden">{title}</h1>
            {screen}
            <aside class="presenter-corner" aria-label=tr::present_scan()>
                <QrCode link=link label=tr::present_scan() />
                <p>{tr::present_scan()}</p>
            </aside>
            <nav class="presenter-controls" aria-label=tr::nav_steps()>
                <button type="button" id="slide-prev" disabled=at_first on:click=move |_| go(false)>
                    <span class="arrow" aria-hidden="true">"←"</span>" "{tr::present_previous()}</button>
                <span class="position" aria-live="polite">{move || tr::present_position(at.get() + 1, count)}</span>
                <button type="button" id="slide-next" disabled=at_last on:click=move |_| go(true)>
                    {tr::present_next()}" "<span class="arrow" aria-hidden="true">"→"</span></button>
                <a href=Page::Course(course.id.clone()).href() id="end-presentation">{tr::present_exit()}</a>
            </nav>
            <p class="hint presenter-keys">{tr::present_keys()}</p>
        </div>
    }
}
