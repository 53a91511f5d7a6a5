//! One module per route.

pub mod checklist;
pub mod home;
pub mod not_found;
pub mod profile;
pub mod resource;
pub mod resources;
pub mod settings;
pub mod step;

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_params_map;

use crate::app::use_app;
use crate::components::title::Title;
use crate::components::with_pack::with_pack;
use crate::domain::content::Pack;
use crate::domain::state::StepStatus;
use crate::packs::Load;
use crate::routes::Page;

/// A route parameter as a reactive closure (empty when missing).
pub fn param(name: &'static str) -> Arc<dyn Fn() -> String + Send + Sync> {
    let params = use_params_map();
    Arc::new(move || params.read().get(name).unwrap_or_default())
}

pub fn status_label(status: StepStatus) -> &'static str {
    match status {
        StepStatus::NotStarted => "Not started",
        StepStatus::InProgress => "In progress",
        StepStatus::Waiting => "Waiting for an answer",
        StepStatus::Done => "Done",
        StepStatus::NotRelevant => "Not relevant to me",
    }
}

pub const STATUSES: [StepStatus; 5] = [
    StepStatus::NotStarted,
    StepStatus::InProgress,
    StepStatus::Waiting,
    StepStatus::Done,
    StepStatus::NotRelevant,
];

pub fn status_id(status: StepStatus) -> &'static str {
    match status {
        StepStatus::NotStarted => "not-started",
        StepStatus::InProgress => "in-progress",
        StepStatus::Waiting => "waiting",
        StepStatus::Done => "done",
        StepStatus::NotRelevant => "not-relevant",
    }
}

pub fn kind_label(kind: &str) -> &'static str {
    match kind {
        "official-service" => "Official service",
        "free-advice" => "Free advice",
        "course" => "Course",
        "funding" => "Funding",
        "network" => "Network or mentor",
        "tool" => "Tool",
        "template" => "Template",
        "legal-help" => "Legal help",
        _ => "Other",
    }
}

/// Language names for the codes resources list (English names; more with the i18n work).
pub fn language_name(code: &str) -> String {
    match code {
        "en" => "English", "nb" | "no" => "Norwegian", "nn" => "Norwegian (Nynorsk)", "de" => "German",
        "ar" => "Arabic", "fa" => "Farsi", "uk" => "Ukrainian", "pl" => "Polish", "tr" => "Turkish",
        "so" => "Somali", "ti" => "Tigrinya", "ru" => "Russian", "es" => "Spanish", "fr" => "French",
        "el" => "Greek", "it" => "Italian", "ro" => "Romanian", "ku" => "Kurdish", "ur" => "Urdu",
        "vi" => "Vietnamese", "zh" => "Chinese", "prs" => "Dari", "ps" => "Pashto", "sq" => "Albanian",
        "bg" => "Bulgarian", "hr" => "Croatian", "sr" => "Serbian", "bs" => "Bosnian", "pt" => "Portuguese",
        "lt" => "Lithuanian", "lv" => "Latvian", "hu" => "Hungarian", "am" => "Amharic", "th" => "Thai",
        "tl" => "Tagalog", "hi" => "Hindi", "bn" => "Bengali", "sv" => "Swedish", "da" => "Danish",
        other => return other.to_string(),
    }
    .to_string()
}

/// Topic names for the topic vocabulary of `content::TOPICS`.
pub fn topic_label(topic: &str) -> &str {
    match topic {
        "residence" => "Residence and permits to work",
        "business-idea" => "Business idea",
        "market" => "Market and customers",
        "business-plan" => "Business plan",
        "legal-form" => "Legal form",
        "name" => "Business name",
        "registration" => "Registration",
        "tax" => "Tax",
        "vat" => "VAT",
        "bookkeeping" => "Bookkeeping",
        "banking" => "Bank account",
        "insurance" => "Insurance",
        "social-security" => "Social security",
        "pension" => "Pension",
        "permits" => "Licences and permits",
        "recognition" => "Recognition of qualifications",
        "funding" => "Funding",
        "microcredit" => "Microcredit",
        "hiring" => "Hiring staff",
        "advice" => "Advice",
        "courses" => "Courses",
        "mentoring" => "Mentoring",
        "networking" => "Networking",
        "language" => "Language",
        "discrimination" => "Discrimination",
        "legal-help" => "Legal help",
        "green" => "Green business",
        "digital" => "Digital services",
        other => other,
    }
}

/// A list of countries, each linking to `target(country)`. Choosing one remembers it.
#[component]
pub fn CountryPicker(
    /// The page each country links to.
    target: fn(String) -> Page,
) -> impl IntoView {
    let app = use_app();
    move || match app.packs.index() {
        Load::Ready(index) => view! {
            <ul class="country-list">
                {index.packs.iter().map(|p| {
                    let id = p.id.clone();
                    view! {
                        <li>
                            <a class="country" href=target(p.id.clone()).href()
                                on:click=move |_| app.saved.update(|s| s.profile.country = Some(id.clone()))>
                                <span class="name">{p.name.clone()}</span>
                                <span class="local" lang=p.local_language.clone()>{p.local_name.clone()}</span>
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any(),
        Load::Loading => view! { <p class="loading" role="status">"Loading the list of countries…"</p> }.into_any(),
        Load::Failed(reason) => view! {
            <div class="problem" role="alert">
                <p>"The list of countries could not be loaded. Check your internet connection and try again."</p>
                <p class="detail">{reason}</p>
                <button type="button" on:click=move |_| app.packs.retry()>"Try again"</button>
            </div>
        }
        .into_any(),
    }
}

/// For a route with an optional `:country`: with one, the country's view; without one, the
/// remembered country (redirect) or, on a first visit, a country picker.
pub fn country_or_picker(
    title: &'static str,
    heading: &'static str,
    target: fn(String) -> Page,
    render: fn(Arc<Pack>) -> AnyView,
) -> impl IntoView {
    let app = use_app();
    let country = param("country");
    move || {
        if !country().is_empty() {
            return with_pack(country.clone(), Arc::new(render)).into_any();
        }
        match app.saved.with_untracked(|s| s.profile.country.clone()) {
            Some(saved) => view! { <Redirect path=target(saved).path() /> }.into_any(),
            None => view! {
                <Title text=title />
                <h1>{heading}</h1>
                <p>"Choose the country where you want to start your business."</p>
                <CountryPicker target />
            }
            .into_any(),
        }
    }
}

/// "Not found" inside a country pack: an unknown step or resource id.
pub fn missing_in_pack(title: &'static str, message: String, back: Page, back_text: &'static str) -> AnyView {
    view! {
        <Title text=title />
        <h1>{title}</h1>
        <p>{message}</p>
        <p><a href=back.href()>{back_text}</a></p>
    }
    .into_any()
}
