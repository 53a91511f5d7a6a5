//! The app's state, shared by every view: what the user saved (and saving it), storage
//! notices, the country packs and the interface language. It sits under the pages and
//! components and imports none of them; views take it with [`use_app`] and change the saved
//! state only through its named operations (`crate::domain::state`).

use leptos::prelude::*;

use crate::domain::state::SavedState;
use crate::language::Ui;
use crate::packs::Packs;
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
        let (persistence, state, opening) = Persistence::open(move |notice| notices.update(|n| add_notice(n, notice)));
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
        let packs = Packs::new();
        let ui = Ui::start(packs, saved);
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
        self.ui.code()
    }

    /// Switches the interface language and saves the choice.
    pub fn choose_language(&self, code: &str) {
        self.ui.choose(self.saved, code);
    }

    /// Writes a waiting change now (used by tests and before leaving).
    pub fn flush(&self) {
        self.persistence.with_value(|p| p.flush());
    }

    /// Deletes everything Career Kit keeps on this device and starts afresh.
    pub fn delete_everything(&self, copies: bool) -> Result<(), String> {
        self.persistence.with_value(|p| p.delete_everything(copies)).map_err(|e| format!("{e:?}"))?;
        self.saved.set(SavedState::default());
        Ok(())
    }
}

impl AppState {
    /// The copies of saved data kept on this device, newest first.
    pub fn kept_copies(&self) -> Vec<crate::storage::KeptCopy> {
        self.persistence.with_value(|p| p.kept_copies())
    }

    /// The raw text of a kept copy.
    pub fn kept_raw(&self, key: &str) -> Option<String> {
        self.persistence.with_value(|p| p.kept_raw(key))
    }

    /// Replaces the plan with `state`, first keeping the plan as it is now as a copy the user
    /// can restore (a restored backup, a kept shared copy, a restored copy).
    pub fn replace_plan(&self, state: SavedState) {
        self.persistence.with_value(|p| p.keep_current());
        self.saved.set(state);
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
