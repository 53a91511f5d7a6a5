use std::sync::Arc;

use crate::components::controls::{derived, select};
use crate::components::title::Title;
use leptos::prelude::*;

use super::param;
use crate::components::country::missing_in_pack;
use crate::components::labels::{status_id, status_label, STATUSES};
use crate::components::markdown::Markdown;
use crate::components::steps::why_line;
use crate::components::steps::{Sources, TaskTicks};
use crate::components::unreviewed::Unreviewed;
use crate::components::with_pack::with_pack;
use crate::domain::content::Pack;
use crate::domain::i18n::tr;
use crate::domain::state::BOTH_NOTES;
use crate::language::pack_country;
use crate::routes::Page;
use crate::state::use_app;

/// `/checklist/:country/:step`.
#[component]
pub fn StepPage() -> impl IntoView {
    let country = param("country");
    let step = param("step");
    with_pack(
        country,
        Arc::new(move |pack: Arc<Pack>| {
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
        }),
    )
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
    // Every change of this step goes through a named operation of the saved state.
    let update = {
        let (country, step) = (country.clone(), s.id.clone());
        move |f: &dyn Fn(&mut crate::domain::state::SavedState, &str, &str)| app.saved.update(|st| f(st, &country, &step))
    };

    let facts = crate::components::labels::step_facts(&s);

    let p1 = progress.clone();
    let u1 = update.clone();
    let phase_title = pack.meta.phases.iter().find(|p| p.id == s.phase).map(|p| p.title.clone()).unwrap_or_default();
    let (tl, td) = crate::components::steps::text_lang(&pack);
    let local = pack.meta.local_language.clone();
    view! {
        <Title text=s.title.clone() />
        <nav aria-label=tr::breadcrumb() class="breadcrumb">
            <a href=Page::Checklist(Some(country.clone())).href()>{tr::checklist_of(&pack_country(&pack))}</a>
            " "<span class="arrow" aria-hidden="true">"›"</span>" "
            <span lang=tl.clone() dir=td>{phase_title}</span>
        </nav>
        {crate::domain::plan::numbers(&pack).get(&s.id).map(|n| view! {
            <p class="step-number">{tr::step_number(n.number)}{crate::components::steps::join_label(*n).map(|j| format!(" {j}"))}</p>
        })}
        <h1 lang=tl.clone() dir=td>{s.title.clone()}</h1>
        <p class="lead" lang=tl.clone() dir=td>{s.summary.clone()}</p>
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
                        u1(&move |saved, c, s| saved.set_status(c, s, st));
                    }
                }))}
        </div>

        {(!facts.is_empty()).then(|| view! {
            <dl class="facts">
                {facts.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd lang=tl.clone() dir=td>{v}</dd></div> }).collect_view()}
            </dl>
        })}

        <div class="body" lang=tl.clone() dir=td><Markdown source=s.body.clone() /></div>

        <TaskTicks country=country.clone() step=s.id.clone() tasks=s.tasks.clone() lang=(tl.clone(), td) />

        <section class="plan" aria-labelledby="your-plan">
            <h2 id="your-plan">{tr::plan_title()}</h2>
            <div class="field">
                <label for="step-due">{tr::due_date()}</label>
                <input type="date" id="step-due"
                    prop:value={let p = progress.clone(); move || p().due.unwrap_or_default()}
                    on:change={let u = update.clone(); move |ev| {
                        let v = event_target_value(&ev);
                        u(&move |saved, c, s| saved.set_due(c, s, Some(&v)));
                    }} />
                {s.deadline.clone().map(|d| view! { <p class="hint">{tr::legal_deadline()}" "{d}</p> })}
                {s.deadline_days.filter(|d| *d > 0).map(|days| {
                    let u = update.clone();
                    view! {
                        <button type="button" class="secondary" on:click=move |_| {
                            let due = date_in_days(days);
                            u(&move |saved, c, s| saved.set_due(c, s, Some(&due)));
                        }>{tr::set_legal_deadline(days as usize)}</button>
                    }
                })}
            </div>
            <div class="field">
                <label for="step-note">{tr::notes()}</label>
                <textarea id="step-note" rows="4" dir="auto"
                    prop:value={let p = progress.clone(); move || p().note}
                    on:input={let u = update.clone(); move |ev| {
                        let v = event_target_value(&ev);
                        u(&move |saved, c, s| saved.set_note(c, s, &v));
                    }}></textarea>
                <p class="hint">{tr::notes_saved()}</p>
                {let p = progress.clone(); move || p().note.contains(BOTH_NOTES).then(|| view! { <p class="hint" data-both-notes="">{tr::notes_both_kept()}</p> })}
            </div>
        </section>

        {(!s.documents.is_empty()).then(|| view! {
            <section aria-labelledby="documents"><h2 id="documents">{tr::documents()}</h2>
                <ul lang=tl.clone() dir=td>{s.documents.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}</ul></section>
        })}
        {(!s.pitfalls.is_empty()).then(|| view! {
            <section aria-labelledby="pitfalls" class="pitfalls"><h2 id="pitfalls">{tr::pitfalls()}</h2>
                <ul lang=tl.clone() dir=td>{s.pitfalls.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}</ul></section>
        })}
        {(!s.terms.is_empty()).then(|| view! {
            <section aria-labelledby="words"><h2 id="words">{tr::official_words()}</h2>
                <dl class="terms">
                    {s.terms.iter().filter_map(|id| pack.term(id)).map(|t| view! {
                        <div>
                            <dt><span lang=local.clone() dir="ltr">{t.term.clone()}</span>" – "<span lang=tl.clone() dir=td>{t.plain.clone()}</span></dt>
                            <dd lang=tl.clone() dir=td>{t.explanation.clone()}</dd>
                        </div>
                    }).collect_view()}
                </dl>
            </section>
        })}
        {(!s.resources.is_empty()).then(|| view! {
            <section aria-labelledby="help"><h2 id="help">{tr::where_to_get_help()}</h2>
                <ul class="resource-links">
                    {s.resources.iter().filter_map(|id| pack.resource(id)).map(|r| view! {
                        <li><a href=Page::Resource { country: country.clone(), id: r.id.clone() }.href() lang=tl.clone() dir=td>{r.title.clone()}</a>
                            " – "<bdi class="org" lang=local.clone()>{r.organisation.clone()}</bdi></li>
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
                <span class="arrow" aria-hidden="true">"←"</span>" "<span class="visually-hidden">{tr::previous_step()}": "</span><span lang=tl.clone() dir=td>{p.title}</span></a> })}
            {next.map(|n| view! { <a rel="next" href=Page::Step { country: country.clone(), step: n.id.clone() }.href()>
                <span class="visually-hidden">{tr::next_step()}": "</span><span lang=tl.clone() dir=td>{n.title}</span>" "<span class="arrow" aria-hidden="true">"→"</span></a> })}
        </nav>
    }
}

/// Today plus `days`, as `YYYY-MM-DD` in the user's own time zone.
fn date_in_days(days: u32) -> String {
    let d = js_sys::Date::new_0();
    d.set_date(d.get_date() + days);
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}
