//! The frame around every page: header, storage notices and footer.

use leptos::prelude::*;

use crate::components::language::LanguageSwitch;
use crate::domain::i18n::tr;
use crate::routes::Page;
use crate::state::use_app;
use crate::storage::Notice;

#[component]
pub fn Header() -> impl IntoView {
    let app = use_app();
    let country = move || app.saved.with(|s| s.profile.country.clone());
    view! {
        <header class="site-header">
            <div class="bar">
                <a class="brand" href=Page::Home.href()>"Career Kit"</a>
                <LanguageSwitch />
            </div>
            <nav aria-label=tr::nav_main()>
                <ul>
                    <li><a href=move || Page::Checklist(country()).href()>{tr::nav_checklist()}</a></li>
                    <li><a href=move || Page::Resources(country()).href()>{tr::nav_resources()}</a></li>
                    <li><a href=Page::Share.href()>{tr::nav_share()}</a></li>
                    <li><a href=Page::Settings.href()>{tr::nav_settings()}</a></li>
                </ul>
            </nav>
        </header>
    }
}

/// Plain words for a storage notice.
pub fn notice_text(notice: &Notice) -> String {
    match notice {
        Notice::MemoryOnly => tr::notice_memory_only(),
        Notice::Recovered { backup_key, .. } => tr::notice_recovered(backup_key),
        Notice::UnreadableKept { .. } => tr::notice_unreadable_kept(),
        Notice::NewerFormat { .. } => tr::notice_newer_format(),
        Notice::Repaired { count, .. } => tr::notice_repaired(*count),
        Notice::NotesJoined { steps } => tr::notice_notes_joined(steps.len()),
        Notice::QuotaExceeded => tr::notice_quota_exceeded(),
        Notice::WriteFailed { .. } => tr::notice_write_failed(),
    }
}

/// A stable name for each kind of notice (for styling and tests).
pub fn notice_kind(notice: &Notice) -> &'static str {
    match notice {
        Notice::MemoryOnly => "memory-only",
        Notice::Recovered { .. } => "recovered",
        Notice::UnreadableKept { .. } => "unreadable-kept",
        Notice::NewerFormat { .. } => "newer-format",
        Notice::Repaired { .. } => "repaired",
        Notice::NotesJoined { .. } => "notes-joined",
        Notice::QuotaExceeded => "quota-exceeded",
        Notice::WriteFailed { .. } => "write-failed",
    }
}

/// Storage notices, announced to screen readers, each with a dismiss button.
#[component]
pub fn Notices() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="notices" role="status" aria-live="polite">
            {move || app.updates.ready.get().then(|| view! {
                <div class="notice" data-notice="update">
                    <p>{tr::update_ready()}</p>
                    <button type="button" id="apply-update" on:click=move |_| app.updates.apply()>{tr::update_now()}</button>
                </div>
            })}
            {move || app.notices.get().into_iter().enumerate().map(|(i, notice)| view! {
                <div class="notice" data-notice=notice_kind(&notice)>
                    <p>{notice_text(&notice)}</p>
                    <button type="button" on:click=move |_| app.notices.update(|n| { if i < n.len() { n.remove(i); } })>
                        {tr::dismiss()}
                    </button>
                </div>
            }).collect_view()}
        </div>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>{tr::footer_private()}</p>
            <p>{tr::footer_sources()}</p>
            <p>{tr::footer_project("Erasmus+", "Smart Business for All")}" "<a href=Page::Adviser.href()>{tr::adviser_title()}</a>" · "<a href=Page::Courses.href()>{tr::nav_courses()}</a></p>
        </footer>
    }
}
