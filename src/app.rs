//! The app: shared state, the shell and the router.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::shell::{Footer, Header, Notices};
use crate::domain::state::SavedState;
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
    /// The content language; a memo, so pages re-render only when it really changes.
    language: Memo<String>,
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
        let language =
            Memo::new(move |_| saved.with(|s| s.settings.language.clone()).unwrap_or_else(|| "en".into()));
        AppState { saved, notices, mode, packs: Packs::new(), language, persistence: StoredValue::new_local(persistence) }
    }

    /// The language content is shown in (English until other languages land).
    pub fn language(&self) -> String {
        self.language.get()
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
    let base = base();
    view! {
        <Router base=base>
            <FocusOnNavigate />
            <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
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
                    <Route path=path!("/settings") view=pages::settings::Settings />
                    <Route path=path!("/about-you") view=pages::profile::ProfilePage />
                </Routes>
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
