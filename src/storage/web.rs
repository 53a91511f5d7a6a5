//! [`Store`] on the browser's `localStorage`, with debounced writes.
//!
//! [`Persistence`] is what the app holds: it opens storage once, takes every new state through
//! [`Persistence::schedule`], writes it after a short quiet spell, and writes at once when the
//! page is hidden or closed, so nothing typed just before leaving is lost.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};

use super::{Backend, Elsewhere, Merged, Mode, Notice, StorageKey, Store, StoreError};
use crate::domain::state::SavedState;

/// How long typing must pause before a write, in milliseconds.
pub const DEBOUNCE_MS: u32 = 400;

pub struct WebBackend(web_sys::Storage);

fn describe(e: &JsValue) -> String {
    if let Some(ex) = e.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", ex.name(), ex.message());
    }
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

fn classify(e: JsValue) -> StoreError {
    match e.dyn_ref::<web_sys::DomException>() {
        // Code 22 (and Firefox's 1014) is the quota error in every browser.
        Some(ex) if ex.name() == "QuotaExceededError" || ex.code() == 22 || ex.code() == 1014 => StoreError::QuotaExceeded,
        Some(ex) if ex.name() == "SecurityError" => StoreError::Unavailable(describe(&e)),
        _ => StoreError::Other(describe(&e)),
    }
}

/// The page's `localStorage`, or why it cannot be used (blocked, disabled, sandboxed).
pub fn local_storage() -> Result<WebBackend, StoreError> {
    let window = web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(WebBackend(storage)),
        Ok(None) => Err(StoreError::Unavailable("localStorage is missing".into())),
        Err(e) => Err(StoreError::Unavailable(describe(&e))),
    }
}

impl Backend for WebBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0.get_item(key).map_err(classify)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.set_item(key, value).map_err(classify)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let len = self.0.length().map_err(classify)?;
        Ok((0..len).filter_map(|i| self.0.key(i).ok().flatten()).collect())
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.0.remove_item(key).map_err(classify)
    }
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

struct Inner {
    store: Store<WebBackend>,
    /// The last state handed in that is not written yet.
    pending: Option<SavedState>,
    /// The last state written (or loaded), to skip writes that change nothing.
    written: SavedState,
    saved_at: f64,
    /// The state (and its stamp) the last write was made from: what a save another tab made
    /// at the same time was also made from, to join the two ([`Store::from_elsewhere`]).
    base: SavedState,
    base_at: f64,
    timer: Option<Timeout>,
    on_notice: Rc<dyn Fn(Notice)>,
    /// Hears the state to show after this tab's change was merged with another tab's save.
    on_merge: Rc<dyn Fn(SavedState)>,
}

/// Saving for one page load. Cheap to clone.
#[derive(Clone)]
pub struct Persistence {
    inner: Rc<RefCell<Inner>>,
}

impl Persistence {
    /// Opens `localStorage` and loads what is saved. `on_notice` hears about every later
    /// failed write; the notices of opening are returned with the state.
    pub fn open(on_notice: impl Fn(Notice) + 'static) -> (Self, SavedState, Vec<Notice>) {
        Self::open_with(local_storage(), on_notice)
    }

    pub fn open_with(backend: Result<WebBackend, StoreError>, on_notice: impl Fn(Notice) + 'static) -> (Self, SavedState, Vec<Notice>) {
        let opened = Store::open(backend, now_ms());
        let inner = Inner {
            store: opened.store,
            pending: None,
            written: opened.state.clone(),
            saved_at: opened.saved_at,
            base: opened.state.clone(),
            base_at: opened.saved_at,
            timer: None,
            on_notice: Rc::new(on_notice),
            on_merge: Rc::new(|_| {}),
        };
        (Persistence { inner: Rc::new(RefCell::new(inner)) }, opened.state, opened.notices)
    }

    pub fn mode(&self) -> Mode {
        self.inner.borrow().store.mode()
    }

    /// Takes a new state; it is written after [`DEBOUNCE_MS`] without further changes.
    pub fn schedule(&self, state: SavedState) {
        let mut inner = self.inner.borrow_mut();
        if inner.pending.is_none() && state == inner.written {
            return;
        }
        inner.pending = Some(state);
        let weak = Rc::downgrade(&self.inner);
        // Replacing the timer drops (cancels) the previous one.
        inner.timer = Some(Timeout::new(DEBOUNCE_MS, move || {
            if let Some(inner) = weak.upgrade() {
                Persistence { inner }.flush();
            }
        }));
    }

    /// True while a change waits to be written.
    pub fn has_pending(&self) -> bool {
        self.inner.borrow().pending.is_some()
    }

    /// Writes a waiting change now. A failure is reported through `on_notice`; the value
    /// stored before stays as it was.
    pub fn flush(&self) {
        let (result, on_notice, on_merge) = {
            let mut inner = self.inner.borrow_mut();
            inner.timer = None;
            let Some(state) = inner.pending.take() else { return };
            if state == inner.written {
                return;
            }
            let Inner { store, written, saved_at, .. } = &mut *inner;
            let result = store.save_merging(written, *saved_at, &state, now_ms());
            let result = result.map(|(merged, at)| {
                let now = merged.as_ref().map_or(state, |m| m.state.clone());
                inner.base = std::mem::replace(&mut inner.written, now);
                inner.base_at = std::mem::replace(&mut inner.saved_at, at);
                merged
            });
            (result, inner.on_notice.clone(), inner.on_merge.clone())
        };
        match result {
            Ok(Some(Merged { state, joined_notes })) => {
                on_merge(state);
                if !joined_notes.is_empty() {
                    on_notice(Notice::NotesJoined { steps: joined_notes });
                }
            }
            Ok(None) => {}
            Err(notice) => on_notice(notice),
        }
    }

    /// What another tab saved since this one last read or wrote (read from storage), as the
    /// state to show; `None` if there is nothing new.
    pub fn newer_elsewhere(&self) -> Option<SavedState> {
        self.from_elsewhere(None)
    }

    /// Another tab's save reaches this one: `raw` is the storage event's new value (`None`:
    /// read what is stored). A change waiting here is written first; then the save is taken,
    /// ignored, or joined with this tab's last save if the two crossed
    /// ([`Store::from_elsewhere`]). Returns the state to show, if it changed.
    pub fn from_elsewhere(&self, raw: Option<String>) -> Option<SavedState> {
        if self.has_pending() {
            self.flush();
        }
        let (result, on_notice) = {
            let mut inner = self.inner.borrow_mut();
            let raw = raw.or_else(|| inner.store.stored_raw())?;
            let Inner { store, written, saved_at, base, base_at, .. } = &mut *inner;
            let result = store.from_elsewhere(&raw, (base, *base_at), (written, *saved_at), now_ms());
            if let Ok(Elsewhere::Take { state, at } | Elsewhere::Joined { merged: Merged { state, .. }, at }) = &result {
                (*written, *saved_at) = (state.clone(), *at);
                (*base, *base_at) = (state.clone(), *at);
            }
            (result, inner.on_notice.clone())
        };
        match result {
            Ok(Elsewhere::Take { state, .. }) => Some(state),
            Ok(Elsewhere::Joined { merged: Merged { state, joined_notes }, .. }) => {
                if !joined_notes.is_empty() {
                    on_notice(Notice::NotesJoined { steps: joined_notes });
                }
                Some(state)
            }
            Ok(Elsewhere::Nothing) => None,
            Err(notice) => {
                on_notice(notice);
                None
            }
        }
    }

    /// Flushes when the page is hidden or left. Calls `on_newer` with another tab's newer save
    /// when that tab writes (the `storage` event) and when this page is shown again, and with
    /// the merged state when this tab's change had to be joined with another tab's. The
    /// listeners live as long as the page.
    pub fn watch_page(&self, on_newer: impl Fn(SavedState) + 'static) {
        let Some(window) = web_sys::window() else { return };
        let Some(document) = window.document() else { return };
        let on_newer: Rc<dyn Fn(SavedState)> = Rc::new(on_newer);
        self.inner.borrow_mut().on_merge = on_newer.clone();
        let this = self.clone();
        let doc = document.clone();
        let show = on_newer.clone();
        let on_visibility = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            if doc.visibility_state() == web_sys::VisibilityState::Hidden {
                this.flush();
            } else if let Some(state) = this.newer_elsewhere() {
                show(state);
            }
        });
        let this = self.clone();
        let key = StorageKey::State.name();
        // The closure type the framework's own event listeners use: no glue of its own.
        let on_storage = wasm_bindgen::closure::Closure::wrap(Box::new(move |e: web_sys::Event| {
            let e = e.unchecked_ref::<web_sys::StorageEvent>();
            // Only the plan's own key; a removed key (`None`) is read from storage as it is now.
            if e.key().is_some_and(|k| k != key) {
                return;
            }
            if let Some(state) = this.from_elsewhere(e.new_value()) {
                on_newer(state);
            }
        }) as Box<dyn FnMut(web_sys::Event)>);
        let _ = window.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
        on_storage.forget();
        let _ = document.add_event_listener_with_callback("visibilitychange", on_visibility.as_ref().unchecked_ref());
        on_visibility.forget();
        let this = self.clone();
        let on_hide = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || this.flush());
        let _ = window.add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
        on_hide.forget();
    }

    /// Deletes everything Career Kit keeps on this device (the kept copies too, if `copies`),
    /// as a save of an empty plan that other open tabs take at once.
    pub fn delete_everything(&self, copies: bool) -> Result<(), StoreError> {
        let mut inner = self.inner.borrow_mut();
        inner.timer = None;
        inner.pending = None;
        inner.written = SavedState::default();
        inner.saved_at = inner.store.delete_everything(copies, now_ms())?;
        (inner.base, inner.base_at) = (SavedState::default(), inner.saved_at);
        Ok(())
    }

    /// The kept copies, newest first.
    pub fn kept_copies(&self) -> Vec<super::KeptCopy> {
        self.inner.borrow().store.kept_copies()
    }

    /// The raw text of a kept copy.
    pub fn kept_raw(&self, key: &str) -> Option<String> {
        self.inner.borrow().store.kept_raw(key)
    }

    /// Keeps the plan stored now as a copy (before a restore or a shared copy replaces it).
    pub fn keep_current(&self) -> Option<String> {
        self.flush();
        self.inner.borrow().store.keep_current(now_ms())
    }
}
