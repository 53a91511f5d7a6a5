//! The frame around every page: header, storage notices and footer.

use leptos::prelude::*;

use crate::app::use_app;
use crate::routes::Page;
use crate::storage::Notice;

#[component]
pub fn Header() -> impl IntoView {
    let app = use_app();
    let country = move || app.saved.with(|s| s.profile.country.clone());
    view! {
        <header class="site-header">
            <div class="bar">
                <a class="brand" href=Page::Home.href()>"Career Kit"</a>
                // The place for the language switch.
                <div class="language-slot" id="language-switch">
                    <a href=format!("{}#language", Page::Settings.href())>
                        <span aria-hidden="true">"🌐 "</span>"Language: English"
                    </a>
                </div>
            </div>
            <nav aria-label="Main">
                <ul>
                    <li><a href=move || Page::Checklist(country()).href()>"Checklist"</a></li>
                    <li><a href=move || Page::Resources(country()).href()>"Resources"</a></li>
                    <li><a href=Page::Settings.href()>"Settings"</a></li>
                </ul>
            </nav>
        </header>
    }
}

/// Plain words for a storage notice.
pub fn notice_text(notice: &Notice) -> String {
    match notice {
        Notice::MemoryOnly => "Your browser does not let Career Kit save anything. You can use \
            everything, but your progress will be gone when you close this tab."
            .into(),
        Notice::Recovered { backup_key, .. } => format!(
            "Your saved progress could not be read, so Career Kit started fresh. Nothing was \
             deleted: the old data is kept on this device under \"{backup_key}\"."
        ),
        Notice::UnreadableKept { .. } => "Your saved progress could not be read and could not \
            be copied. Career Kit left it untouched and will not save over it; changes you make \
            now are kept only until you close this tab."
            .into(),
        Notice::NewerFormat { .. } => "Your progress was saved by a newer version of Career Kit. \
            It is kept as it is. Reload the page to get the newer version; changes you make in \
            this old version are not saved."
            .into(),
        Notice::QuotaExceeded => "Your device's storage is full, so your last change was not \
            saved. Your earlier progress is safe. Free some space and try again."
            .into(),
        Notice::WriteFailed { .. } => "Your last change could not be saved. Your earlier \
            progress is safe."
            .into(),
    }
}

/// A stable name for each kind of notice (for styling and tests).
pub fn notice_kind(notice: &Notice) -> &'static str {
    match notice {
        Notice::MemoryOnly => "memory-only",
        Notice::Recovered { .. } => "recovered",
        Notice::UnreadableKept { .. } => "unreadable-kept",
        Notice::NewerFormat { .. } => "newer-format",
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
            {move || app.notices.get().into_iter().enumerate().map(|(i, notice)| view! {
                <div class="notice" data-notice=notice_kind(&notice)>
                    <p>{notice_text(&notice)}</p>
                    <button type="button" on:click=move |_| app.notices.update(|n| { if i < n.len() { n.remove(i); } })>
                        "Dismiss"
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
            <p>
                "Career Kit keeps your answers and progress on this device only. Nothing is sent \
                 anywhere unless you choose to share it."
            </p>
            <p>
                "Content is checked against official sources; each page names them with the date \
                 checked. It is guidance, not legal advice."
            </p>
            <p>"From the Erasmus+ project “Smart Business for All”."</p>
        </footer>
    }
}
