//! `/share` (share the plan as a link, back it up to a file, restore it, open a link),
//! `/open#…` (a plan someone shared, read-only, or an adviser's preset) and `/adviser`
//! (make a link for a client). Links carry their data in the fragment: no server sees it.

use std::sync::Arc;

use crate::router::{use_location, use_navigate};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::controls::{self, confirm_dialog, derived, select, OnClick};
use crate::components::labels::{sector_label, status_id, status_label};
use crate::components::share::{download, last_backup_text, read_chosen_file, share_error_text, LinkBox, QrCode};
use crate::components::steps::{join_label, step_label, step_marker};
use crate::components::title::Title;
use crate::components::with_pack::with_pack;
use crate::domain::content::{Pack, SECTORS};
use crate::domain::i18n::{self, tr, LANGUAGES};
use crate::domain::plan;
use crate::domain::share::{self, Changes, ShareError, Shared, COMFORTABLE_LINK_CHARS, MAX_BACKUP_BYTES};
use crate::domain::state::{Profile, Question, Residence, SavedState, StepProgress};
use crate::language::{entry_country, pack_country};
use crate::packs::Load;
use crate::routes::Page;
use crate::state::use_app;

/// What replacing the plan on this device would change, as a list.
fn changes_list(c: &Changes) -> impl IntoView {
    if c.none() {
        return view! { <p>{tr::no_changes()}</p> }.into_any();
    }
    let lines = [
        (c.answers, tr::changes_answers as fn(usize) -> String),
        (c.steps, tr::changes_steps),
        (c.notes, tr::changes_notes),
        (c.lost, tr::changes_lost),
        (c.saved_resources, tr::changes_saved),
        (c.courses, tr::changes_courses),
    ];
    view! {
        <ul class="changes">
            {lines.into_iter().filter(|(n, _)| *n > 0).map(|(n, text)| view! { <li>{text(n)}</li> }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The question before the plan or answers on this device are replaced, with what would change.
fn confirm(question: String, changes: Changes, yes: String, on_yes: OnClick, on_no: OnClick) -> AnyView {
    confirm_dialog(question, changes_list(&changes).into_any(), yes, tr::cancel(), on_yes, on_no)
}

#[component]
pub fn SharePage() -> impl IntoView {
    let app = use_app();
    let plan_link = RwSignal::new(None::<String>);
    // What goes in the link is the sender's choice, listed before the link is made: one
    // country's plan; notes, the residence status and the other answers only when ticked.
    let countries: Vec<String> = app.saved.with_untracked(|s| {
        let mut c: Vec<String> = s.progress.keys().cloned().collect();
        if let Some(p) = &s.profile.country {
            if !c.contains(p) {
                c.insert(0, p.clone());
            }
        }
        c
    });
    let first = app.saved.with_untracked(|s| s.profile.country.clone()).or_else(|| countries.first().cloned()).unwrap_or_default();
    let choice = RwSignal::new(share::LinkChoice { country: first, notes: false, residence: false, answers: false });
    let to_share = Memo::new(move |_| app.saved.with(|s| choice.with(|c| share::plan_to_share(s, c))));
    // A new choice makes a new link.
    Effect::new(move |_| {
        choice.track();
        plan_link.set(None);
    });
    let make_link = move |_| {
        let code = to_share.with_untracked(share::encode_plan);
        plan_link.set(Some(format!("{}#{code}", Page::Open.absolute())));
    };
    let tick = move |id: &'static str, label: String, get: fn(&share::LinkChoice) -> bool, set: fn(&mut share::LinkChoice, bool)| {
        controls::choice(false, id.into(), id, label.into_any(), derived(move || choice.with(get)), Arc::new(move |on| choice.update(|c| set(c, on))))
    };
    let notes_count =
        move || app.saved.with(|s| choice.with(|c| s.progress.get(&c.country).map_or(0, |p| p.values().filter(|p| !p.note.trim().is_empty()).count())));
    let residence_now = app.saved.with_untracked(|s| s.profile.residence);
    let preview = move || {
        let shared = to_share.get();
        let steps = shared.progress.values().map(|p| p.len()).sum::<usize>();
        let notes = shared.progress.values().flat_map(|p| p.values()).filter(|p| !p.note.is_empty()).count();
        view! {
            <div class="share-preview" id="share-preview">
                <p><strong>{tr::share_preview_title()}</strong></p>
                <ul>
                    <li>{tr::share_preview_steps(steps)}</li>
                    {(notes > 0).then(|| view! { <li>{tr::share_preview_notes(notes)}</li> })}
                    {shared.profile.residence.map(|r| view! { <li>{tr::q_residence()}": "{crate::components::labels::residence_label(r)}</li> })}
                    {choice.with(|c| c.answers).then(|| view! { <li>{tr::share_include_answers()}</li> })}
                </ul>
            </div>
        }
    };
    let backed_up = RwSignal::new(None::<String>);
    let backup = move |_| {
        let now = js_sys::Date::now();
        let mut state = app.saved.get_untracked();
        state.last_backup_ms = Some(now);
        let date = js_sys::Date::new_0();
        let name = format!("career-kit-backup-{:04}-{:02}-{:02}.json", date.get_full_year(), date.get_month() + 1, date.get_date());
        match download(&name, &share::export_backup(&state, now), "application/json") {
            Ok(()) => {
                app.saved.update(|s| s.mark_backed_up(now));
                backed_up.set(Some(tr::backup_saved(&name)));
            }
            Err(e) => backed_up.set(Some(e)),
        }
    };
    // Restoring: the file's state, or why it cannot be used; nothing changes until confirmed.
    let restoring = RwSignal::new(None::<Result<SavedState, ShareError>>);
    let restored = RwSignal::new(None::<String>);
    let choose_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        restored.set(None);
        leptos::task::spawn_local(async move {
            let result = match read_chosen_file(&input, MAX_BACKUP_BYTES).await {
                None => return,
                Some(Err(())) => Err(ShareError::TooLarge),
                Some(Ok(text)) => share::import_backup(&text),
            };
            restoring.set(Some(result));
        });
    };
    let restore_panel = move || {
        restoring.get().map(|result| match result {
            Err(e) => view! { <p class="problem" role="alert">{share_error_text(&e)}</p> }.into_any(),
            Ok(incoming) => {
                let changes = app.saved.with_untracked(|s| share::changes(s, &incoming));
                confirm(
                    tr::restore_question(),
                    changes,
                    tr::restore_yes(),
                    Arc::new(move || {
                        app.replace_plan(incoming.clone());
                        restoring.set(None);
                        restored.set(Some(tr::restored()));
                    }),
                    Arc::new(move || restoring.set(None)),
                )
            }
        })
    };
    // Opening a link someone sent: only this app's own addresses.
    let pasted = RwSignal::new(String::new());
    let open_error = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = pasted.get_untracked();
        match share::code_in_address(&text, &Page::Open.absolute()).and_then(|code| share::decode(code).map(|_| code.to_string())) {
            Ok(code) => {
                open_error.set(None);
                navigate(&format!("{}#{code}", Page::Open.path()), Default::default());
            }
            Err(e) => open_error.set(Some(share_error_text(&e))),
        }
    };
    view! {
        <Title text=tr::share_title() />
        <h1>{tr::share_title()}</h1>
        <p class="lead">{tr::share_lead()}</p>
        <section aria-labelledby="share-plan">
            <h2 id="share-plan">{tr::share_plan_title()}</h2>
            <p>{tr::share_plan_text()}</p>
            <p class="hint">{tr::share_plan_private()}</p>
            <fieldset class="share-choice">
                <legend>{tr::share_choose_title()}</legend>
                {(countries.len() > 1).then(|| {
                    let options = countries.iter().map(|c| (c.clone(), crate::language::country_name(c, c))).collect();
                    select("share-country", tr::answer_country().into_any(), derived(move || choice.with(|c| c.country.clone())),
                        vec![(None, options)], Arc::new(move |v: String| choice.update(|c| c.country = v)))
                })}
                {tick("share-notes", tr::share_include_notes(), |c| c.notes, |c, v| c.notes = v)}
                {move || (notes_count() == 0).then(|| view! { <p class="hint">{tr::share_no_notes()}</p> })}
                {residence_now.map(|r| tick("share-residence", tr::share_include_residence(&crate::components::labels::residence_label(r)), |c| c.residence, |c, v| c.residence = v))}
                {tick("share-answers", tr::share_include_answers(), |c| c.answers, |c, v| c.answers = v)}
            </fieldset>
            {preview}
            <button type="button" id="make-plan-link" on:click=make_link>{tr::make_plan_link()}</button>
            {move || plan_link.get().map(|link| {
                let long = link.len() > COMFORTABLE_LINK_CHARS;
                let chars = link.len();
                // A link the app itself could not open is not made: say so, and what to do.
                if !share::link_opens(&link) {
                    return view! { <p class="problem" role="alert" id="plan-link-problem">{tr::link_cannot_open(chars)}</p> }.into_any();
                }
                view! {
                    <LinkBox id="plan-link" label=tr::plan_link() link=link.clone() />
                    {long.then(|| view! { <p class="problem" role="alert">{tr::link_too_long(chars)}</p> })}
                    <QrCode link=link label=tr::plan_qr() />
                }.into_any()
            })}
        </section>
        <section aria-labelledby="backup">
            <h2 id="backup">{tr::backup_title()}</h2>
            <p>{tr::backup_text()}</p>
            <p class="last-backup">{move || app.saved.with(last_backup_text)}</p>
            <button type="button" id="download-backup" on:click=backup>{tr::download_backup()}</button>
            <p role="status">{move || backed_up.get()}</p>
        </section>
        <section aria-labelledby="restore">
            <h2 id="restore">{tr::restore_title()}</h2>
            <div class="field">
                <label for="restore-file">{tr::restore_choose()}</label>
                <input type="file" id="restore-file" accept=".json,application/json" on:change=choose_file />
            </div>
            {restore_panel}
            <p role="status">{move || restored.get()}</p>
        </section>
        <section aria-labelledby="open-link">
            <h2 id="open-link">{tr::open_link_title()}</h2>
            <form on:submit=open>
                <div class="field">
                    <label for="open-link-input">{tr::open_link_label()}</label>
                    <input type="text" id="open-link-input" autocomplete="off" dir="ltr"
                        prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev)) />
                </div>
                <button type="submit">{tr::open_link_button()}</button>
                <p role="alert">{move || open_error.get()}</p>
            </form>
        </section>
        <p><a href=Page::Adviser.href()>{tr::adviser_title()}</a></p>
    }
}

/// `/open#…`: whatever the link carries, read from the fragment.
#[component]
pub fn OpenPage() -> impl IntoView {
    let location = use_location();
    let decoded = Memo::new(move |_| share::decode(&location.hash.get()));
    move || match decoded.get() {
        Err(e) => view! {
            <Title text=tr::open_failed_title() />
            <h1>{tr::open_failed_title()}</h1>
            <p class="problem" role="alert">{share_error_text(&e)}</p>
            <p><a href=Page::Home.href()>{tr::go_home()}</a></p>
        }
        .into_any(),
        Ok(Shared::Plan { profile, progress }) => view! { <SharedPlan profile progress /> }.into_any(),
        Ok(Shared::Preset { profile, language }) => view! { <PresetOffer profile language /> }.into_any(),
        // A course link: shown, and kept only when the participant agrees.
        Ok(Shared::Course(course)) => view! { <crate::components::course::CourseOffer course /> }.into_any(),
    }
}

/// A plan someone shared: read-only. Keeping a copy is a separate, confirmed action.
#[component]
fn SharedPlan(
    /// Their answers.
    profile: Profile,
    /// Their progress, per country and step.
    progress: std::collections::BTreeMap<String, std::collections::BTreeMap<String, StepProgress>>,
) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let confirming = RwSignal::new(false);
    let country = profile.country.clone().or_else(|| progress.keys().next().cloned()).unwrap_or_default();
    let own_country = app.saved.with_untracked(|s| s.profile.country.clone());
    let incoming = {
        let (profile, progress) = (profile.clone(), progress.clone());
        move || app.saved.with_untracked(|s| SavedState { profile: profile.clone(), progress: progress.clone(), ..s.clone() })
    };
    let keep = {
        let incoming = incoming.clone();
        let country = country.clone();
        move || {
            let state = incoming();
            let country = country.clone();
            let navigate = navigate.clone();
            confirm(
                tr::keep_copy_question(),
                app.saved.with_untracked(|s| share::changes(s, &state)),
                tr::keep_copy_yes(),
                Arc::new(move || {
                    app.replace_plan(state.clone());
                    navigate(&Page::Checklist(Some(country.clone()).filter(|c| !c.is_empty())).path(), Default::default());
                }),
                Arc::new(move || confirming.set(false)),
            )
        }
    };
    let progress_for = progress.get(&country).cloned().unwrap_or_default();
    view! {
        <Title text=tr::shared_plan_title() />
        <h1>{tr::shared_plan_title()}</h1>
        <p class="lead">{tr::shared_plan_lead()}</p>
        <p class="actions">
            <button type="button" id="keep-copy" on:click=move |_| confirming.set(true)>{tr::keep_copy()}</button>
            <a href=Page::Checklist(own_country).href()>{tr::back_to_my_plan()}</a>
        </p>
        {move || confirming.get().then(|| keep.clone()())}
        {with_pack(Arc::new(move || country.clone()), Arc::new(move |pack: Arc<Pack>| {
            view! { <ReadOnlyPlan pack profile=profile.clone() progress=progress_for.clone() /> }.into_any()
        }))}
    }
}

/// A plan as text: the answers, then every step with its status, ticks, due date and note.
#[component]
fn ReadOnlyPlan(
    /// The country pack the plan belongs to.
    pack: Arc<Pack>,
    /// The plan's answers.
    profile: Profile,
    /// The plan's progress in this pack.
    progress: std::collections::BTreeMap<String, StepProgress>,
) -> impl IntoView {
    let (done, total) = plan::count(&pack.steps, Some(&progress), &profile);
    let numbers = plan::numbers(&pack);
    let (tl, td) = crate::components::steps::text_lang(&pack);
    view! {
        <AnswersList pack=pack.clone() profile=profile.clone() />
        <p class="progress-words">{tr::steps_done(total, done)}</p>
        // The checklist's own numbers (joined steps share one), not the list's.
        <ol class="steps shared-plan">
            {plan::ordered(&pack).into_iter().map(|step| {
                let p = progress.get(&step.id).cloned().unwrap_or_default();
                let ticks: Vec<String> = step.tasks.iter().filter(|t| p.tasks.contains(&t.id)).map(|t| t.title.clone()).collect();
                let number = numbers[&step.id];
                view! {
                    <li class="step-item" data-step=step.id.clone() data-status=status_id(p.status)>
                        {step_marker(number)}
                        <h2 class="h3"><span class="visually-hidden">{step_label(number)}</span><span lang=tl.clone() dir=td>{step.title.clone()}</span></h2>
                        <p class="step-meta">
                            {join_label(number).map(|j| view! { <span class="tag join" aria-hidden="true">{j}</span> })}
                            <span class="status">{status_label(p.status)}</span>
                            {p.due.clone().map(|d| view! { " "<span class="tag">{tr::orphan_due(&d)}</span> })}</p>
                        {(!ticks.is_empty()).then(|| view! { <ul class="ticked" lang=tl.clone() dir=td>{ticks.into_iter().map(|t| view! { <li>"✓ "{t}</li> }).collect_view()}</ul> })}
                        {(!p.note.is_empty()).then(|| view! { <p class="note" dir="auto">{p.note.clone()}</p> })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

/// The answers of a profile, as a definition list.
#[component]
fn AnswersList(
    /// The pack the answers are about (for town and legal-form names).
    pack: Arc<Pack>,
    /// The answers.
    profile: Profile,
) -> impl IntoView {
    let yes_no = |b: Option<bool>| b.map(|b| if b { tr::answer_yes() } else { tr::answer_no() });
    let rows: Vec<(String, Option<String>)> = vec![
        (tr::answer_country(), Some(pack_country(&pack))),
        (tr::town_or_region(), profile.town.as_ref().map(|t| pack.town_name(t))),
        (tr::q_residence(), profile.residence.map(crate::components::labels::residence_label)),
        (tr::answer_sectors(), (!profile.sectors.is_empty()).then(|| profile.sectors.iter().map(|s| sector_label(s)).collect::<Vec<_>>().join(", "))),
        (tr::partners_question(), profile.partners.map(|b| if b { tr::partners_yes() } else { tr::partners_no() })),
        (tr::answer_hiring(), yes_no(profile.hiring)),
        (
            tr::answer_legal_form(),
            profile.legal_form.as_ref().map(|f| pack.meta.legal_forms.iter().find(|x| &x.id == f).map(|x| x.name.clone()).unwrap_or(f.clone())),
        ),
        // Everything a link carries is shown to its reader.
        (tr::business_label(), profile.business.clone()),
        (tr::risk_question(), yes_no(profile.high_risk)),
        (tr::investors_question(), yes_no(profile.investors)),
    ];
    view! {
        <dl class="facts answers">
            {rows.into_iter().filter_map(|(k, v)| v.map(|v| view! { <div><dt>{k}</dt><dd>{v}</dd></div> })).collect_view()}
        </dl>
    }
}

/// An adviser's preset: offered, never applied over the user's own answers without asking.
#[component]
fn PresetOffer(
    /// The answers the adviser chose.
    profile: Profile,
    /// The language the adviser chose.
    language: Option<String>,
) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let country = profile.country.clone().unwrap_or_default();
    let has_own = app.saved.with_untracked(|s| s.profile != Profile::default());
    let confirming = RwSignal::new(false);
    let apply = {
        let (profile, country) = (profile.clone(), country.clone());
        Arc::new(move || {
            app.saved.update(|s| s.take_answers(profile.clone()));
            if let Some(lang) = language.as_deref() {
                app.choose_language(lang);
            }
            navigate(&Page::Checklist(Some(country.clone()).filter(|c| !c.is_empty())).path(), Default::default());
        })
    };
    let incoming = {
        let profile = profile.clone();
        move || app.saved.with_untracked(|s| SavedState { profile: profile.clone(), ..s.clone() })
    };
    let (apply2, apply3) = (apply.clone(), apply.clone());
    view! {
        <Title text=tr::preset_title() />
        <h1>{tr::preset_title()}</h1>
        <p class="lead">{tr::preset_lead()}</p>
        {(!country.is_empty()).then(|| with_pack(Arc::new(move || country.clone()), Arc::new(move |pack: Arc<Pack>| {
            view! { <AnswersList pack profile=profile.clone() /> }.into_any()
        })))}
        <p class="actions">
            <button type="button" id="use-preset" on:click=move |_| if has_own { confirming.set(true) } else { apply2() }>{tr::preset_use()}</button>
            <a href=Page::Home.href()>{tr::preset_not_now()}</a>
        </p>
        {move || confirming.get().then(|| {
            let state = incoming();
            let apply = apply3.clone();
            confirm(tr::preset_question(), app.saved.with_untracked(|s| share::changes(s, &state)), tr::preset_replace(),
                Arc::new(move || apply()), Arc::new(move || confirming.set(false)))
        })}
    }
}

/// `/adviser`: answers and a language for a client, as a link and a QR code.
#[component]
pub fn AdviserPage() -> impl IntoView {
    let app = use_app();
    let profile = RwSignal::new(Profile::default());
    let language = RwSignal::new(i18n::current().code.to_string());
    let link = Signal::derive(move || {
        let lang = language.get();
        let code = profile.with(|p| share::encode_preset(p, Some(&lang)));
        format!("{}?lang={lang}#{code}", Page::Open.absolute())
    });
    let set = move |f: fn(&mut Profile, String)| -> crate::components::controls::OnChange<String> { Arc::new(move |v: String| profile.update(|p| f(p, v))) };
    // Each question's own answers: "Alone" / "With one or more partners", never a bare Yes / No
    // to an either-or question.
    let tri_options = |yes: String, no: String| vec![(None, vec![(String::new(), tr::not_asked()), ("yes".into(), yes), ("no".into(), no)])];
    let countries = move || match app.packs.index() {
        Load::Ready(index) => index.packs.iter().map(|p| (p.id.clone(), entry_country(p))).collect(),
        _ => vec![],
    };
    view! {
        <Title text=tr::adviser_title() />
        <h1>{tr::adviser_title()}</h1>
        <p class="lead">{tr::adviser_lead()}</p>
        <form class="profile" on:submit=|ev| ev.prevent_default()>
            {move || {
                let list = countries();
                (!list.is_empty()).then(|| select("adviser-country", tr::answer_country().into_any(),
                    derived(move || profile.with(|p| p.country.clone().unwrap_or_default())),
                    vec![(None, vec![(String::new(), tr::not_asked())]), (None, list)],
                    Arc::new(move |v: String| profile.update(|p| {
                        p.country = (!v.is_empty()).then_some(v);
                        p.town = None;
                        p.legal_form = None;
                    }))))
            }}
            {select("adviser-language", tr::language().into_any(), derived(move || language.get()),
                vec![(None, LANGUAGES.iter().map(|l| (l.code.to_string(), l.name.to_string())).collect())],
                Arc::new(move |v: String| language.set(v)))}
            // The menus come in every language; a guide's steps only in the languages it is
            // written in. Say which, so the adviser knows what the client will read.
            <p class="hint" id="adviser-language-hint" role="status">{move || {
                let country = profile.with(|p| p.country.clone())?;
                let Load::Ready(index) = app.packs.index() else { return None };
                let entry = index.packs.iter().find(|p| p.id == country)?;
                let names: Vec<String> = LANGUAGES.iter().filter(|l| entry.files.contains_key(l.code)).map(|l| l.name.to_string()).collect();
                let chosen = language.get();
                let mut text = tr::guide_languages(&entry_country(entry), &names.join(", "));
                if !entry.files.contains_key(chosen.as_str()) {
                    text.push(' ');
                    text.push_str(&tr::guide_not_in_language(&crate::language::language_name(&chosen)));
                }
                Some(text)
            }}</p>
            {move || profile.with(|p| p.country.clone()).map(|c| with_pack(Arc::new(move || c.clone()), Arc::new(move |pack: Arc<Pack>| {
                let towns: Vec<_> = pack.meta.towns.iter().map(|t| (t.id.clone(), t.name.clone())).collect();
                let forms: Vec<_> = pack.meta.legal_forms.iter().map(|f| (f.id.clone(), f.name.clone())).collect();
                view! {
                    {select("adviser-town", tr::town_or_region().into_any(), derived(move || profile.with(|p| p.town.clone().unwrap_or_default())),
                        vec![(None, vec![(String::new(), tr::not_asked())]), (None, towns)], set(|p, v| p.town = (!v.is_empty()).then_some(v)))}
                    {select("adviser-form", tr::answer_legal_form().into_any(), derived(move || profile.with(|p| p.legal_form.clone().unwrap_or_default())),
                        vec![(None, vec![(String::new(), tr::not_asked())]), (None, forms)], set(|p, v| p.legal_form = (!v.is_empty()).then_some(v)))}
                }.into_any()
            })))}
            {select("adviser-residence", tr::q_residence().into_any(),
                derived(move || profile.with(|p| p.residence.map_or("", Residence::value).to_string())),
                vec![(None, std::iter::once((String::new(), tr::not_asked()))
                    .chain(Residence::ALL.into_iter().map(|r| (r.value().to_string(), crate::components::labels::residence_label(r)))).collect())],
                set(|p, v| p.residence = Residence::from_value(&v)))}
            {select("adviser-sector", tr::answer_sectors().into_any(), derived(move || profile.with(|p| p.sectors.iter().next().cloned().unwrap_or_default())),
                vec![(None, vec![(String::new(), tr::not_asked())]), (None, SECTORS.iter().map(|s| (s.to_string(), sector_label(s))).collect())],
                set(|p, v| p.sectors = (!v.is_empty()).then_some(v).into_iter().collect()))}
            {select("adviser-partners", tr::partners_question().into_any(), derived(move || profile.with(|p| tri_value(p.partners).to_string())),
                tri_options(tr::partners_yes(), tr::partners_no()), set(|p, v| p.answer(Question::Partners, tri(&v))))}
            {select("adviser-hiring", tr::hiring_question().into_any(), derived(move || profile.with(|p| tri_value(p.hiring).to_string())),
                tri_options(tr::answer_yes(), tr::answer_no()), set(|p, v| p.answer(Question::Hiring, tri(&v))))}
        </form>
        <section aria-labelledby="client-link">
            <h2 id="client-link">{tr::client_link_title()}</h2>
            <p class="hint">{tr::client_link_hint()}</p>
            <LinkBox id="client-link-field" label=tr::client_link() link=link />
            <QrCode link=link label=tr::client_qr() />
        </section>
    }
}

/// A yes / no / not asked answer as a select's value, and back ([`tri`]).
fn tri_value(b: Option<bool>) -> &'static str {
    match b {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    }
}

fn tri(v: &str) -> Option<bool> {
    match v {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}
