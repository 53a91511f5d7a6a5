use std::sync::Arc;

use crate::components::title::Title;
use leptos::prelude::*;

use crate::components::country::CountryPicker;
use crate::components::with_pack::with_pack;
use crate::domain::content::Pack;
use crate::domain::i18n::tr;
use crate::domain::plan;
use crate::language::pack_country;
use crate::routes::Page;
use crate::state::use_app;

#[component]
pub fn Home() -> impl IntoView {
    let app = use_app();
    let current = Memo::new(move |_| app.saved.with(|s| s.profile.country.clone()));
    let current = move || current.get();
    view! {
        <Title text="" />
        <h1>{tr::home_title()}</h1>
        <p class="lead">{tr::home_lead()}</p>
        {move || app.saved.with(|s| s.backup_is_due(js_sys::Date::now())).then(|| view! {
            <section class="card backup-reminder" aria-labelledby="backup-reminder">
                <h2 id="backup-reminder">{tr::backup_reminder_title()}</h2>
                <p>{move || app.saved.with(crate::components::share::last_backup_text)}" "{tr::backup_reminder()}</p>
                <p class="actions"><a class="button" href=Page::Share.href()>{tr::backup_now()}</a></p>
            </section>
        })}
        // A returning visitor's next step needs their guide, and the guide's code: both come
        // when needed, so a first visit downloads neither.
        {move || if current().is_some() {
            super::lazy::guide_card()
        } else {
            (!app.saved.with(|s| s.settings.welcomed)).then(|| view! { <Welcome /> }).into_any()
        }}
        <section aria-labelledby="choose-country">
            <h2 id="choose-country">{tr::home_where()}</h2>
            <CountryPicker target=|c| Page::Checklist(Some(c)) />
        </section>
        <section aria-labelledby="what-you-get">
            <h2 id="what-you-get">{tr::home_what_you_get()}</h2>
            <ul class="features">
                <li><strong>{tr::feature_checklist_title()}</strong>" "{tr::feature_checklist()}</li>
                <li><strong>{tr::feature_help_title()}</strong>" "{tr::feature_help()}</li>
                <li><strong>{tr::feature_words_title()}</strong>" "{tr::feature_words()}</li>
                <li><strong>{tr::feature_sources_title()}</strong>" "{tr::feature_sources()}</li>
            </ul>
        </section>
    }
}

/// The first-visit welcome: what the questions are for, and a way to skip them.
#[component]
fn Welcome() -> impl IntoView {
    let app = use_app();
    view! {
        <section class="card welcome" aria-labelledby="welcome">
            <h2 id="welcome">{tr::welcome_title()}</h2>
            <p>{tr::welcome()}</p>
            <p class="actions">
                <a class="button" href=Page::Profile.href()>{tr::welcome_answer()}</a>
                <button type="button" class="secondary" on:click=move |_| app.saved.update(crate::domain::state::SavedState::mark_welcomed)>
                    {tr::welcome_skip()}
                </button>
            </p>
        </section>
    }
}

/// The card of the user's own guide: their next step, once the guide is downloaded.
#[component]
pub fn GuideCard() -> impl IntoView {
    let app = use_app();
    let country = Memo::new(move |_| app.saved.with(|s| s.profile.country.clone()).unwrap_or_default());
    with_pack(Arc::new(move || country.get()), Arc::new(|pack| view! { <NextStep pack /> }.into_any()))
}

/// "What to do next": the current step of the user's checklist, and how far along they are.
#[component]
fn NextStep(
    /// The pack of the user's country.
    pack: Arc<Pack>,
) -> impl IntoView {
    let app = use_app();
    let country = pack.meta.id.clone();
    move || {
        let (current, done, total) = app.saved.with(|s| {
            let st = plan::standing(&pack, s.progress.get(&country), &s.profile);
            (st.current.cloned(), st.done, st.total)
        });
        let checklist = Page::Checklist(Some(country.clone())).href();
        let phase = |id: &str| pack.meta.phases.iter().find(|p| p.id == id).map(|p| p.title.clone()).unwrap_or_default();
        let (tl, td) = crate::components::steps::text_lang(&pack);
        view! {
            <section class="card next-step" aria-labelledby="next-step">
                <h2 id="next-step">{tr::next_title()}</h2>
                <p class="progress-words">{tr::next_progress(total, &pack_country(&pack), done)}</p>
                {match current {
                    Some(step) => view! {
                        <p class="next-phase" lang=tl.clone() dir=td>{phase(&step.phase)}</p>
                        <h3 lang=tl.clone() dir=td>{step.title.clone()}</h3>
                        <p lang=tl.clone() dir=td>{step.summary.clone()}</p>
                        <p class="actions">
                            <a class="button" href=Page::Step { country: country.clone(), step: step.id.clone() }.href()>{tr::next_go()}</a>
                            <a href=checklist>{tr::next_see_checklist()}</a>
                        </p>
                    }.into_any(),
                    None => view! {
                        <p>{tr::next_all_done()}</p>
                        <p class="actions"><a class="button" href=checklist>{tr::next_see_checklist()}</a></p>
                    }.into_any(),
                }}
                <crate::components::reminders::Reminders pack=pack.clone() />
                <p class="hint"><a href=Page::Profile.href()>{tr::next_change_answers()}</a></p>
            </section>
        }
    }
}
