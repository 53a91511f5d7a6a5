//! The language switch in the header and the list of languages in the settings. The language
//! itself has one owner, `crate::language::Ui`; these views only ask it to change.

use leptos::prelude::*;

use crate::domain::i18n::{self, tr, LANGUAGES};
use crate::state::use_app;

/// The language switch: every language in its own name. Reachable from every page (it is in
/// the header); the choice is saved and applied without reloading.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let app = use_app();
    let now = app.ui.wanted.get_untracked();
    let options = LANGUAGES
        .iter()
        .map(|l| {
            view! { <option value=l.code lang=l.code dir=if l.rtl { "rtl" } else { "ltr" } selected=l == now>{l.name}</option> }
        })
        .collect_view();
    view! {
        <div class="language-switch">
            <label for="language-select">
                // A globe drawn in the page (an emoji needs a font that not every phone has).
                <svg aria-hidden="true" class="globe" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2">
                    <circle cx="12" cy="12" r="10" /><path d="M2 12h20M12 2a15 15 0 0 1 0 20M12 2a15 15 0 0 0 0 20" />
                </svg>
                " "{tr::language()}
            </label>
            // The select follows the language however it is chosen (here, in the settings or by
            // an adviser's link), not only the option it started with.
            <select id="language-select" prop:value=move || app.ui.wanted.get().code on:change=move |ev| choose(&event_target_value(&ev))>{options}</select>
        </div>
    }
}

/// Switches the interface to the language with this code, and saves the choice.
pub fn choose(code: &str) {
    use_app().choose_language(code);
}

/// Every language as a button in its own name (on the settings page).
#[component]
pub fn LanguageList() -> impl IntoView {
    let now = i18n::current();
    view! {
        <ul class="language-list">
            {LANGUAGES.iter().map(|l| view! {
                <li><button type="button" class="secondary" lang=l.code dir=if l.rtl { "rtl" } else { "ltr" }
                    aria-pressed=(l == now).to_string() on:click=move |_| choose(l.code)>{l.name}</button></li>
            }).collect_view()}
        </ul>
    }
}
