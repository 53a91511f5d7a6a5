use std::sync::Arc;

use leptos::prelude::*;
use crate::components::title::Title;

use super::CountryPicker;
use crate::app::use_app;
use crate::components::with_pack::with_pack;
use crate::domain::content::Pack;
use crate::domain::plan;
use crate::routes::Page;

#[component]
pub fn Home() -> impl IntoView {
    let app = use_app();
    let current = Memo::new(move |_| app.saved.with(|s| s.profile.country.clone()));
    let current = move || current.get();
    view! {
        <Title text="" />
        <h1>"Start your own business in a new country"</h1>
        <p class="lead">
            "A step-by-step checklist and a bank of free help for people who have moved and want \
             to start a business. Everything you enter stays on this device."
        </p>
        {move || match current() {
            Some(c) => with_pack(Arc::new(move || c.clone()), Arc::new(|pack| view! { <NextStep pack /> }.into_any())).into_any(),
            None => (!app.saved.with(|s| s.settings.welcomed)).then(|| view! { <Welcome /> }).into_any(),
        }}
        <section aria-labelledby="choose-country">
            <h2 id="choose-country">"Where do you want to start your business?"</h2>
            <CountryPicker target=|c| Page::Checklist(Some(c)) />
        </section>
        <section aria-labelledby="what-you-get">
            <h2 id="what-you-get">"What Career Kit gives you"</h2>
            <ul class="features">
                <li><strong>"A checklist"</strong>" from your first idea to your first customer: what to do, in which order, where and what it costs."</li>
                <li><strong>"Free help near you"</strong>": advice services, courses, funding, mentors and help if you are treated unfairly."</li>
                <li><strong>"Official words explained"</strong>": every form and office name beside plain words."</li>
                <li><strong>"Sources you can check"</strong>": every fact links to the official page and the date we checked it."</li>
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
            <h2 id="welcome">"Welcome"</h2>
            <p>"Answer up to five short questions and your checklist shows the steps that fit you:                 where you live, your residence status, your business and its legal form. Every                 question can be skipped, and the answers stay on this device."</p>
            <p class="actions">
                <a class="button" href=Page::Profile.href()>"Answer the questions"</a>
                <button type="button" class="secondary" on:click=move |_| app.saved.update(|s| s.settings.welcomed = true)>
                    "Skip for now"
                </button>
            </p>
        </section>
    }
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
        view! {
            <section class="card next-step" aria-labelledby="next-step">
                <h2 id="next-step">"What to do next"</h2>
                <p class="progress-words">{format!("{done} of {total} steps done in your {} checklist.", pack.meta.name)}</p>
                {match current {
                    Some(step) => view! {
                        <p class="next-phase">{phase(&step.phase)}</p>
                        <h3>{step.title.clone()}</h3>
                        <p>{step.summary.clone()}</p>
                        <p class="actions">
                            <a class="button" href=Page::Step { country: country.clone(), step: step.id.clone() }.href()>"Go to this step"</a>
                            <a href=checklist>"See the whole checklist"</a>
                        </p>
                    }.into_any(),
                    None => view! {
                        <p>"Every step that fits you is done. Well done! Keep your checklist for later, or look for help to grow."</p>
                        <p class="actions"><a class="button" href=checklist>"See the whole checklist"</a></p>
                    }.into_any(),
                }}
                <p class="hint"><a href=Page::Profile.href()>"Change your answers about you and your business"</a></p>
            </section>
        }
    }
}
