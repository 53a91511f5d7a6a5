//! Pieces of a step that several pages show: its number, why it is shown, its tasks as tick
//! boxes, its dated sources, and the language attributes of a pack's text.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::controls::{choice, derived};
use crate::components::labels::why_label;
use crate::components::markdown::ExternalLink;
use crate::domain::content::{Pack, Source, Step, Task};
use crate::domain::i18n::tr;
use crate::domain::plan;
use crate::state::use_app;

/// `lang` and `dir` for a pack's text on this page: set only where the pack's language is not
/// the page's (an English guide inside an Arabic page), so it reads in its own direction.
pub fn text_lang(pack: &Pack) -> (Option<String>, Option<&'static str>) {
    crate::domain::i18n::foreign(&pack.language, crate::domain::i18n::current())
}

/// A step's number in a circle (hidden from screen readers, which hear [`step_label`]).
pub fn step_marker(n: plan::StepNumber) -> impl IntoView {
    view! { <span class="marker" aria-hidden="true">{crate::domain::i18n::current().digits.write(n.number)}</span> }
}

/// What a joined step's number means, in words: "and step 3: do both" / "or step 3: choose one".
pub fn join_label(n: plan::StepNumber) -> Option<String> {
    use crate::domain::content::Join;
    n.join.map(|j| match j {
        Join::And => tr::join_and_step(n.number),
        Join::Or => tr::join_or_step(n.number),
    })
}

/// A step's number for screen readers, before its title: "Step 3:", or "Step 3, and step 3: do both:".
pub fn step_label(n: plan::StepNumber) -> String {
    match join_label(n) {
        Some(j) => format!("{} {j}: ", tr::step_number(n.number)),
        None => format!("{} ", tr::step_number(n.number)),
    }
}

/// The reasons a step is shown, joined, or nothing for steps everyone needs.
pub fn why_line(pack: &Pack, step: &Step) -> impl IntoView {
    let app = use_app();
    let (pack, step) = (pack.clone(), step.clone());
    move || {
        let why = app.saved.with(|s| plan::why_shown(&pack, &step, &s.profile));
        (!why.is_empty()).then(|| view! { <p class="why">{why.iter().map(why_label).collect::<Vec<_>>().join(" · ")}</p> })
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
    /// The tasks' `lang` and `dir` where their language is not the page's (see `text_lang`).
    #[prop(optional)]
    lang: Option<(Option<String>, Option<&'static str>)>,
) -> impl IntoView {
    let app = use_app();
    let (tl, td) = lang.unwrap_or_default();
    view! {
        <fieldset class="tasks">
            <legend>{legend.unwrap_or_else(tr::tasks)}</legend>
            {tasks.into_iter().map(|t| {
                let (country, step, tid) = (country.clone(), step.clone(), t.id.clone());
                let (c2, s2, t2) = (country.clone(), step.clone(), t.id.clone());
                choice(false, format!("task-{step}-{}", t.id), "task", view! { <span lang=tl.clone() dir=td>{t.title}</span> }.into_any(),
                    derived(move || app.saved.with(|st| st.progress.get(&c2).and_then(|p| p.get(&s2)).is_some_and(|p| p.tasks.contains(&t2)))),
                    Arc::new(move |on| app.saved.update(|st| st.tick_task(&country, &step, &tid, on))))
            }).collect_view()}
        </fieldset>
    }
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
                        <ExternalLink href=s.url.clone()><bdi>{s.title.clone()}</bdi></ExternalLink>
                        <span class="checked">{format!(" {}", tr::checked_on(&s.checked))}</span>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
