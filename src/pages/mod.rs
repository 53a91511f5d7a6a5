//! One module per route.

pub mod checklist;
pub mod course;
pub mod glossary;
pub mod home;
pub mod not_found;
pub mod present;
pub mod print;
pub mod profile;
pub mod resource;
pub mod resources;
pub mod settings;
pub mod share;
pub mod step;

/// The pages that a release build fetches when they are first opened (see `crate::lazy`), in
/// three chunks: what a founder uses, sharing and printing, and the trainers' pages.
pub mod lazy {
    use super::*;
    use crate::lazy::{lazy_page, lazy_pages, Load};

    lazy_pages! {
        /// The checklist, steps, resources, glossary, profile and settings.
        guide(page) => match page {
            Page::Checklist(_) => view! { <checklist::Checklist /> }.into_any(),
            Page::Step { .. } => view! { <step::StepPage /> }.into_any(),
            Page::Resources(_) => view! { <resources::Resources /> }.into_any(),
            Page::Resource { .. } => view! { <resource::ResourcePage /> }.into_any(),
            Page::Glossary(_) => view! { <glossary::Glossary /> }.into_any(),
            Page::Profile => view! { <profile::ProfilePage /> }.into_any(),
            Page::Settings => view! { <settings::Settings /> }.into_any(),
            // Not the home page itself (it is in the main part): its card of the user's guide.
            Page::Home => view! { <home::GuideCard /> }.into_any(),
            _ => view! { <not_found::NotFound /> }.into_any(),
        };
        /// Plan links and backups, an adviser's links, the plan and appointment prints.
        sharing(page) => match page {
            Page::Share => view! { <share::SharePage /> }.into_any(),
            Page::Open => view! { <share::OpenPage /> }.into_any(),
            Page::Adviser => view! { <share::AdviserPage /> }.into_any(),
            Page::PrintPlan(_) => view! { <print::PrintPlan /> }.into_any(),
            Page::Appointment { .. } => view! { <print::Appointment /> }.into_any(),
            _ => view! { <not_found::NotFound /> }.into_any(),
        };
        /// Courses: the list, a course, the editor, presenting, the handout.
        teaching(page) => match page {
            Page::Courses => view! { <course::Courses /> }.into_any(),
            Page::Course(_) => view! { <course::CoursePage /> }.into_any(),
            Page::CourseEdit(_) => view! { <course::CourseEditor /> }.into_any(),
            Page::Present(_) => view! { <present::Present /> }.into_any(),
            Page::Handout(_) => view! { <print::Handout /> }.into_any(),
            _ => view! { <not_found::NotFound /> }.into_any(),
        };
    }

    /// The home page's card of the user's own guide, from the guide's chunk.
    pub fn guide_card() -> AnyView {
        crate::lazy::lazy_view(|| -> Load { Box::pin(guide(Page::Home)) }, crate::lazy::Drawn::GuideCard)
    }

    /// Any page but the home page, from its chunk.
    pub fn page(page: Page) -> AnyView {
        lazy_page(move || -> Load {
            let page = page.clone();
            match page {
                Page::Checklist(_) | Page::Step { .. } | Page::Resources(_) | Page::Resource { .. }
                | Page::Glossary(_) | Page::Profile | Page::Settings => Box::pin(guide(page)),
                Page::Share | Page::Open | Page::Adviser | Page::PrintPlan(_) | Page::Appointment { .. } => {
                    Box::pin(sharing(page))
                }
                Page::Courses | Page::Course(_) | Page::CourseEdit(_) | Page::Present(_) | Page::Handout(_) => {
                    Box::pin(teaching(page))
                }
                Page::Home => Box::pin(async { Ok(view! { <home::Home /> }.into_any()) }),
            }
        })
    }
}

use std::sync::Arc;

use leptos::prelude::*;
pub use crate::router::param;
use crate::router::Redirect;

use crate::app::use_app;
use crate::components::title::Title;
use crate::components::with_pack::with_pack;
use crate::domain::content::{Pack, Step};
use crate::domain::i18n::tr;
use crate::domain::plan;
use crate::domain::state::StepStatus;
use crate::packs::Load;
use crate::routes::Page;

pub fn status_label(status: StepStatus) -> String {
    match status {
        StepStatus::NotStarted => tr::status_not_started(),
        StepStatus::InProgress => tr::status_in_progress(),
        StepStatus::Waiting => tr::status_waiting(),
        StepStatus::Done => tr::status_done(),
        StepStatus::NotRelevant => tr::status_not_relevant(),
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

pub fn kind_label(kind: &str) -> String {
    match kind {
        "official-service" => tr::kind_official_service(),
        "free-advice" => tr::kind_free_advice(),
        "course" => tr::kind_course(),
        "funding" => tr::kind_funding(),
        "network" => tr::kind_network(),
        "tool" => tr::kind_tool(),
        "template" => tr::kind_template(),
        "legal-help" => tr::kind_legal_help(),
        _ => tr::kind_other(),
    }
}

/// Topic names for the topic vocabulary of `content::TOPICS`.
pub fn topic_label(topic: &str) -> String {
    match topic {
        "residence" => tr::topic_residence(),
        "business-idea" => tr::topic_business_idea(),
        "market" => tr::topic_market(),
        "business-plan" => tr::topic_business_plan(),
        "legal-form" => tr::topic_legal_form(),
        "name" => tr::topic_name(),
        "registration" => tr::topic_registration(),
        "tax" => tr::topic_tax(),
        "vat" => tr::topic_vat(),
        "bookkeeping" => tr::topic_bookkeeping(),
        "banking" => tr::topic_banking(),
        "insurance" => tr::topic_insurance(),
        "social-security" => tr::topic_social_security(),
        "pension" => tr::topic_pension(),
        "permits" => tr::topic_permits(),
        "recognition" => tr::topic_recognition(),
        "funding" => tr::topic_funding(),
        "microcredit" => tr::topic_microcredit(),
        "hiring" => tr::topic_hiring(),
        "advice" => tr::topic_advice(),
        "courses" => tr::topic_courses(),
        "mentoring" => tr::topic_mentoring(),
        "networking" => tr::topic_networking(),
        "language" => tr::topic_language(),
        "discrimination" => tr::topic_discrimination(),
        "legal-help" => tr::topic_legal_help(),
        "green" => tr::topic_green(),
        "digital" => tr::topic_digital(),
        other => other.to_string(),
    }
}

/// Plain names for the sector vocabulary of `content::SECTORS`.
pub fn sector_label(sector: &str) -> String {
    match sector {
        "green" => tr::sector_green(),
        "food" => tr::sector_food(),
        "construction" => tr::sector_construction(),
        "cleaning" => tr::sector_cleaning(),
        "transport" => tr::sector_transport(),
        "crafts" => tr::sector_crafts(),
        "retail" => tr::sector_retail(),
        "care" => tr::sector_care(),
        "beauty" => tr::sector_beauty(),
        "it" => tr::sector_it(),
        "creative" => tr::sector_creative(),
        "agriculture" => tr::sector_agriculture(),
        other => other.to_string(),
    }
}

pub fn cost_label(cost: &str) -> String {
    match cost {
        "free" => tr::cost_free(),
        "paid" => tr::cost_paid(),
        "mixed" => tr::cost_mixed(),
        _ => tr::cost_unknown(),
    }
}

/// A step's facts that the pack gives (who handles it, cost, time, deadline), labelled.
pub fn step_facts(step: &Step) -> Vec<(String, String)> {
    [
        (tr::fact_authority(), step.authority.clone()),
        (tr::fact_cost(), step.cost.clone()),
        (tr::fact_time(), step.time.clone()),
        (tr::fact_deadline(), step.deadline.clone()),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k, v)))
    .collect()
}

/// "Shown because …", in the interface language.
pub fn why_label(why: &plan::Why) -> String {
    match why {
        plan::Why::Permit => tr::why_permit(),
        plan::Why::EuCitizen => tr::why_eu(),
        plan::Why::LegalForm(name) => tr::why_form(name),
        plan::Why::Sector => tr::why_sector(),
        plan::Why::Hiring => tr::why_hiring(),
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
                                <span class="name">{crate::language::entry_country(p)}</span>
                                <span class="local" lang=p.local_language.clone() dir="ltr">{p.local_name.clone()}</span>
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any(),
        Load::Loading => view! { <p class="loading" role="status">{tr::countries_loading()}</p> }.into_any(),
        Load::Failed(reason) => view! {
            <div class="problem" role="alert">
                <p>{tr::countries_failed()}</p>
                <p class="detail">{reason}</p>
                <button type="button" on:click=move |_| app.packs.retry()>{tr::try_again()}</button>
            </div>
        }
        .into_any(),
    }
}

/// For a route with an optional `:country`: with one, the country's view; without one, the
/// remembered country (redirect) or, on a first visit, a country picker.
pub fn country_or_picker(
    title: fn() -> String,
    heading: fn() -> String,
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
                <Title text=title() />
                <h1>{heading()}</h1>
                <p>{tr::choose_country()}</p>
                <CountryPicker target />
            }
            .into_any(),
        }
    }
}

/// "Not found" inside a country pack: an unknown step or resource id.
pub fn missing_in_pack(title: String, message: String, back: Page, back_text: String) -> AnyView {
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p>{message}</p>
        <p><a href=back.href()>{back_text}</a></p>
    }
    .into_any()
}
