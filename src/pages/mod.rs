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
                Page::Checklist(_) | Page::Step { .. } | Page::Resources(_) | Page::Resource { .. } | Page::Glossary(_) | Page::Profile | Page::Settings => {
                    Box::pin(guide(page))
                }
                Page::Share | Page::Open | Page::Adviser | Page::PrintPlan(_) | Page::Appointment { .. } => Box::pin(sharing(page)),
                Page::Courses | Page::Course(_) | Page::CourseEdit(_) | Page::Present(_) | Page::Handout(_) => Box::pin(teaching(page)),
                Page::Home => Box::pin(async { Ok(view! { <home::Home /> }.into_any()) }),
            }
        })
    }
}

pub use crate::router::param;
use leptos::prelude::*;

use crate::routes::Page;
