use leptos::prelude::*;
use crate::components::title::Title;

use super::CountryPicker;
use crate::app::use_app;
use crate::routes::Page;

#[component]
pub fn Home() -> impl IntoView {
    let app = use_app();
    let current = move || app.saved.with(|s| s.profile.country.clone());
    view! {
        <Title text="" />
        <h1>"Start your own business in a new country"</h1>
        <p class="lead">
            "A step-by-step checklist and a bank of free help for people who have moved and want \
             to start a business. Everything you enter stays on this device."
        </p>
        {move || current().map(|c| view! {
            <p class="continue"><a class="button" href=Page::Checklist(Some(c)).href()>"Continue your checklist"</a></p>
        })}
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
