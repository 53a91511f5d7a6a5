//! The app: shared state, the shell and the router.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::share::CopyPageLink;
use crate::components::shell::{Footer, Header, Notices};
use crate::domain::i18n::{self, tr};
use crate::domain::state::SavedState;
use crate::language::{self, Ui};
use crate::packs::Packs;
use crate::pages;
use crate::routes::base;
use crate::storage::web::Persistence;
use crate::storage::{Mode, Notice};

/// What every page shares. `Copy`, so components take it from context freely.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Everything the user has saved; every change is written to the device (debounced).
    pub saved: RwSignal<SavedState>,
    /// Storage notices the user has not dismissed.
    pub notices: RwSignal<Vec<Notice>>,
    /// How saving works on this page load.
    pub mode: RwSignal<Mode>,
    pub packs: Packs,
    /// The interface language (content follows it where a pack is translated).
    pub ui: Ui,
    /// A new version of the app, waiting to be switched to.
    pub updates: crate::offline::Updates,
    persistence: StoredValue<Persistence, LocalStorage>,
}

impl AppState {
    /// Opens storage, loads the saved state and starts saving every change.
    pub fn new() -> Self {
        let notices = RwSignal::new(Vec::new());
        let (persistence, state, opening) =
            Persistence::open(move |notice| notices.update(|n| add_notice(n, notice)));
        notices.set(opening);
        let saved = RwSignal::new(state);
        let mode = RwSignal::new(persistence.mode());
        // The one effect that saves: every change of `saved` goes to storage, debounced.
        let p = persistence.clone();
        Effect::new(move |_| saved.with(|s| p.schedule(s.clone())));
        persistence.watch_page(move |newer| saved.set(newer));
        // The language: an adviser's link first, then the saved choice, then the browser's.
        let link = language::link_language();
        let chosen = saved.with_untracked(|s| s.settings.language.clone());
        let start = i18n::negotiate(link.as_deref(), chosen.as_deref(), &language::browser_languages());
        if link.as_deref().and_then(i18n::supported) == Some(start) && chosen.as_deref() != Some(start.code) {
            saved.update(|s| s.settings.language = Some(start.code.to_string()));
        }
        let packs = Packs::new();
        let ui = Ui::new(packs, start);
        AppState { saved, notices, mode, packs, ui, updates: Default::default(), persistence: StoredValue::new_local(persistence) }
    }

    /// The interface language's code (reactive); content packs are asked for in it.
    pub fn language(&self) -> &'static str {
        self.ui.installed.get().unwrap_or(i18n::ENGLISH).code
    }

    /// Writes a waiting change now (used by tests and before leaving).
    pub fn flush(&self) {
        self.persistence.with_value(|p| p.flush());
    }

    /// Deletes everything Career Kit keeps on this device and starts afresh.
    pub fn delete_everything(&self) -> Result<(), String> {
        self.persistence
            .with_value(|p| p.delete_everything())
            .map_err(|e| format!("{e:?}"))?;
        self.saved.set(SavedState::default());
        Ok(())
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

/// Adds a notice unless the same one is already showing.
fn add_notice(list: &mut Vec<Notice>, notice: Notice) {
    if !list.contains(&notice) {
        list.push(notice);
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    state.updates.register();
    let ui = state.ui;
    // After a switch of language every view is drawn again: keep the keyboard on the switch.
    Effect::new(move |before: Option<Option<&'static i18n::Language>>| {
        let now = ui.installed.get();
        if before.flatten().is_some() && now.is_some() {
            request_animation_frame(|| focus("language-select"));
        }
        now
    });
    move || match ui.installed.get() {
        Some(_) => {
            remove_boot_screen();
            view! { <Frame /> }.into_any()
        }
        None => ui.failed.get().map(|reason| view! {
            // No catalog yet, so this one message is in English.
            <div class="problem" role="alert">
                <p>"Career Kit could not load its texts. Check your internet connection and try again."</p>
                <p class="detail">{reason}</p>
                <button type="button" on:click=move |_| { ui.failed.set(None); state.packs.retry(); ui.wanted.update(|_| {}); }>"Try again"</button>
            </div>
        }).into_any(),
    }
}

/// The static first screen of index.html stays until the texts are here.
fn remove_boot_screen() {
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
}

/// The shell and the routes, in the installed language.
#[component]
fn Frame() -> impl IntoView {
    let base = base();
    view! {
        <Router base=base>
            <FocusOnNavigate />
            <a class="skip-link" href="#main" on:click=skip_to_main>{tr::skip_to_content()}</a>
            <Header />
            <Notices />
            <main id="main" tabindex="-1">
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("/") view=pages::home::Home />
                    <Route path=path!("/checklist") view=pages::checklist::Checklist />
                    <Route path=path!("/checklist/:country") view=pages::checklist::Checklist />
                    <Route path=path!("/checklist/:country/:step") view=pages::step::StepPage />
                    <Route path=path!("/resources") view=pages::resources::Resources />
                    <Route path=path!("/resources/:country") view=pages::resources::Resources />
                    <Route path=path!("/resources/:country/:id") view=pages::resource::ResourcePage />
                    <Route path=path!("/glossary/:country") view=pages::glossary::Glossary />
                    <Route path=path!("/settings") view=pages::settings::Settings />
                    <Route path=path!("/about-you") view=pages::profile::ProfilePage />
                    <Route path=path!("/share") view=pages::share::SharePage />
                    <Route path=path!("/open") view=pages::share::OpenPage />
                    <Route path=path!("/adviser") view=pages::share::AdviserPage />
                    <Route path=path!("/print/:country") view=pages::print::PrintPlan />
                    <Route path=path!("/checklist/:country/:step/appointment") view=pages::print::Appointment />
                    <Route path=path!("/courses") view=pages::course::Courses />
                    <Route path=path!("/courses/:id") view=pages::course::CoursePage />
                    <Route path=path!("/courses/:id/edit") view=pages::course::CourseEditor />
                    <Route path=path!("/courses/:id/present") view=pages::present::Present />
                    <Route path=path!("/courses/:id/handout") view=pages::print::Handout />
                </Routes>
                // Every page's address can be copied, to send it on.
                <CopyPageLink />
            </main>
            <Footer />
        </Router>
    }
}

/// After an in-app navigation, moves focus to the main landmark, so keyboard and screen-reader
/// users start at the new page's content (as after a full page load), not on the old link.
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            request_animation_frame(|| focus_main());
        }
        path
    });
}

fn focus_main() {
    focus("main");
}

/// Moves keyboard focus to the element with this id, if there is one.
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(e) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = e.focus();
    }
}

/// The skip link: with a `<base href>` a plain `#main` would resolve to the home page, so focus
/// the main landmark directly.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    focus_main();
}
