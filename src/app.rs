//! The app: shared state, the shell and the router.

use leptos::prelude::*;
use crate::router::{use_page, Router};

use crate::components::share::CopyPageLink;
use crate::components::shell::{Footer, Header, Notices};
use crate::domain::i18n::{self, tr};
use crate::domain::state::SavedState;
use crate::language::{self, Ui};
use crate::packs::Packs;
use crate::pages;
use crate::routes::Page;
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

/// The first half of [`AppState`]: storage opened and the saved state loaded, the language
/// and the downloads not yet started. `start` makes the two halves in separate tasks.
pub struct OpenedStorage {
    saved: RwSignal<SavedState>,
    notices: RwSignal<Vec<Notice>>,
    mode: RwSignal<Mode>,
    persistence: Persistence,
}

impl OpenedStorage {
    /// Opens storage, loads the saved state and starts saving every change.
    pub fn open() -> Self {
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
        OpenedStorage { saved, notices, mode, persistence }
    }

    /// Chooses the language and starts downloading its texts.
    pub fn finish(self) -> AppState {
        let OpenedStorage { saved, notices, mode, persistence } = self;
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
}

impl AppState {
    /// Opens storage, loads the saved state, starts saving every change, chooses the language
    /// and starts downloading its texts.
    pub fn new() -> Self {
        OpenedStorage::open().finish()
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
    // `start` opens the state in a task of its own; a test mounting the app alone gets a new one.
    let state = use_context::<AppState>().unwrap_or_else(|| {
        let state = AppState::new();
        provide_context(state);
        state
    });
    let ui = state.ui;
    // The service worker once the app is drawn: on a first visit its downloads (the files to
    // keep for offline use) then do not compete with the interface texts on a slow network.
    Effect::new(move |registered: Option<bool>| {
        if registered == Some(true) {
            return true;
        }
        let drawn = ui.installed.get().is_some();
        if drawn {
            state.updates.register();
        }
        drawn
    });
    // After a switch of language every view is drawn again: keep the keyboard on the switch.
    Effect::new(move |before: Option<Option<&'static i18n::Language>>| {
        let now = ui.installed.get();
        if before.flatten().is_some() && now.is_some() {
            request_animation_frame(|| focus("language-select"));
        }
        now
    });
    move || match ui.installed.get() {
        Some(_) => view! { <Frame /> }.into_any(),
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

/// The static first screen of index.html, while it is there.
fn boot_screen() -> Option<web_sys::Element> {
    document().get_element_by_id("boot")
}

/// The shell and the routes, in the installed language.
///
/// The first time, this is drawn in two tasks, the shell and then the page, so that neither
/// keeps a slow phone from answering input for long. The shell stays hidden and the static
/// first screen stays in view until the page is there too, so nothing flashes or moves. (When
/// the language changes, everything is drawn again at once.)
#[component]
fn Frame() -> impl IntoView {
    let page_ready = RwSignal::new(boot_screen().is_none());
    if !page_ready.get_untracked() {
        set_timeout(move || page_ready.set(true), std::time::Duration::ZERO);
    }
    let page = move || {
        page_ready.get().then(|| {
            if let Some(boot) = boot_screen() {
                boot.remove();
            }
            view! { <Routes /> }
        })
    };
    view! {
        <div class="app" hidden=move || !page_ready.get()>
            <Router>
                <FocusOnNavigate />
                <a class="skip-link" href="#main" on:click=skip_to_main>{tr::skip_to_content()}</a>
                <Header />
                <Notices />
                <main id="main" tabindex="-1">
                    {page}
                    // Every page's address can be copied, to send it on.
                    <CopyPageLink />
                </main>
                <Footer />
            </Router>
        </div>
    }
}

/// The page the address names, drawn afresh when the path changes (a new query alone, as
/// when refining a search, keeps the page and lets it follow the query). Every page but the
/// home page and "not found" comes from a chunk of its own in a release build (`crate::lazy`).
#[component]
fn Routes() -> impl IntoView {
    use pages::{home, lazy, not_found};
    let page = use_page();
    move || match page.get() {
        None => view! { <not_found::NotFound /> }.into_any(),
        Some(Page::Home) => view! { <home::Home /> }.into_any(),
        Some(page) => lazy::page(page),
    }
}

/// After an in-app navigation, moves focus to the main landmark, so keyboard and screen-reader
/// users start at the new page's content (as after a full page load), not on the old link.
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let location = crate::router::use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            // Without scrolling: the new page starts at the top, header in view (the router
            // scrolls), as after a full page load.
            request_animation_frame(|| focus_in_place("main"));
        }
        path
    });
}

fn focus_main() {
    focus("main");
}

/// Moves keyboard focus to the element with this id, if there is one (scrolling it into view).
pub fn focus(id: &str) {
    if let Some(e) = element(id) {
        let _ = e.focus();
    }
}

/// Moves keyboard focus to the element with this id without scrolling.
fn focus_in_place(id: &str) {
    if let Some(e) = element(id) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = e.focus_with_options(&options);
    }
}

fn element(id: &str) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    document().get_element_by_id(id)?.dyn_into().ok()
}

/// The skip link: with a `<base href>` a plain `#main` would resolve to the home page, so focus
/// the main landmark directly.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    focus_main();
}
