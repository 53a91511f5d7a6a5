//! The one module that owns browser storage.
//!
//! [`Store`] holds the rules (what to do when storage is missing, broken, newer or full) and
//! works over any [`Backend`], so the rules are tested natively; [`web`] puts it on the
//! browser's `localStorage` with debounced writes that are flushed when the page is hidden.

pub mod web;

use crate::domain::envelope::{self, Decoded};
use crate::domain::state::SavedState;

/// Every key Career Kit uses in browser storage, in one place.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageKey {
    /// The versioned envelope holding [`SavedState`].
    State,
    /// A raw value that could not be loaded, kept untouched (suffix: ms since epoch).
    Backup(u64),
}

impl StorageKey {
    pub const PREFIX: &'static str = "career-kit/";

    pub fn name(&self) -> String {
        match self {
            StorageKey::State => format!("{}state", Self::PREFIX),
            StorageKey::Backup(at) => format!("{}backup/{at}", Self::PREFIX),
        }
    }

    /// Whether a stored key is one [`StorageKey::Backup`] names.
    pub fn is_backup(name: &str) -> bool {
        name.strip_prefix(Self::PREFIX).and_then(|rest| rest.strip_prefix("backup/")).is_some_and(|at| !at.is_empty() && at.bytes().all(|b| b.is_ascii_digit()))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// The browser refused: storage disabled, blocked, or the getter threw.
    Unavailable(String),
    /// The write would exceed the storage quota.
    QuotaExceeded,
    Other(String),
}

/// A key-value store with browser storage's failure modes.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Every key stored (all of the origin's, not only Career Kit's).
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(vec![])
    }
    fn remove(&self, _key: &str) -> Result<(), StoreError> {
        Err(StoreError::Other("this store cannot remove keys".into()))
    }
}

/// A copy of saved data kept on this device under its own key: an unreadable or newer value
/// found at start-up, or the plan that a restore or a shared copy replaced.
#[derive(Clone, Debug, PartialEq)]
pub struct KeptCopy {
    pub key: String,
    /// When it was kept (ms since the Unix epoch).
    pub kept_at: f64,
    /// Its size in bytes.
    pub bytes: usize,
    /// The state in it, if this version can read it.
    pub state: Option<SavedState>,
}

/// How saving works for this page load.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Every change is saved on this device.
    Persistent,
    /// No storage: the app runs in memory; nothing is kept after the tab closes.
    MemoryOnly,
    /// Storage holds something we must not overwrite (a newer format, or a broken value that
    /// could not be backed up): changes are kept in memory only.
    Protected,
}

/// Something the user must be told about storage. Shown as a notice; never silent.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Storage is unavailable; progress lives in memory only.
    MemoryOnly,
    /// Saved data could not be read; the raw value is kept under `backup_key`.
    Recovered { backup_key: String, reason: String },
    /// Saved data could not be read nor backed up; it is left untouched and not overwritten.
    UnreadableKept { reason: String },
    /// Data saved by a newer version; kept as it is (and copied under `backup_key`).
    NewerFormat { format: u32, backup_key: Option<String> },
    /// Saved data held values this version does not know: `count` of them became "not
    /// started", the rest loaded; the value as it was is kept under `backup_key`.
    Repaired { count: usize, backup_key: Option<String> },
    /// Another open tab rewrote the same notes (country, step id) at the same time: both texts
    /// are kept in each, one after the other, for the user to choose.
    NotesJoined { steps: Vec<(String, String)> },
    /// The last change could not be saved because storage is full; the previous save is intact.
    QuotaExceeded,
    /// The last change could not be saved for another reason; the previous save is intact.
    WriteFailed { reason: String },
}

/// What to do with a save another tab made ([`Store::from_elsewhere`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Elsewhere {
    /// Older than this tab's own save, or the same: nothing to do.
    Nothing,
    /// A later save that holds this tab's changes: show it.
    Take { state: SavedState, at: f64 },
    /// Made at the same time as this tab's save: both were joined and the join saved at `at`.
    Joined { merged: Merged, at: f64 },
}

/// A change joined with what another tab saved meanwhile.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub state: SavedState,
    /// The steps (country, step id) whose note both tabs rewrote: both texts are kept.
    pub joined_notes: Vec<(String, String)>,
}

impl Merged {
    /// `ours` (a change from `base`) joined with `theirs` ([`crate::domain::state::merge`]).
    fn of(base: &SavedState, ours: &SavedState, theirs: &SavedState) -> Self {
        let mut joined_notes = vec![];
        let state = crate::domain::state::merge_noting(base, ours, theirs, &mut joined_notes);
        Merged { state, joined_notes }
    }
}

/// A save's time: now, or just after `last` when the clock says otherwise (a clock set back, two
/// saves in one millisecond), so saves keep their order whatever the clocks do.
fn stamp_after(now_ms: f64, last: f64) -> f64 {
    if now_ms > last {
        now_ms
    } else {
        last + 1.0
    }
}

pub struct Store<B> {
    backend: Option<B>,
    mode: Mode,
}

/// The result of opening storage at start-up.
pub struct Opened<B> {
    pub store: Store<B>,
    pub state: SavedState,
    pub saved_at: f64,
    pub notices: Vec<Notice>,
}

impl<B: Backend> Store<B> {
    /// Opens storage and loads the saved state. Never panics and never loses a stored value.
    pub fn open(backend: Result<B, StoreError>, now_ms: f64) -> Opened<B> {
        let memory_only =
            |notices: Vec<Notice>| Opened { store: Store { backend: None, mode: Mode::MemoryOnly }, state: SavedState::default(), saved_at: 0.0, notices };
        let backend = match backend {
            Ok(b) => b,
            Err(_) => return memory_only(vec![Notice::MemoryOnly]),
        };
        let raw = match backend.get(&StorageKey::State.name()) {
            Ok(raw) => raw,
            Err(_) => return memory_only(vec![Notice::MemoryOnly]),
        };
        let mut store = Store { backend: Some(backend), mode: Mode::Persistent };
        match envelope::decode(raw.as_deref()) {
            Decoded::Empty => Opened { store, state: SavedState::default(), saved_at: 0.0, notices: vec![] },
            Decoded::Loaded { state, saved_at, .. } => Opened { store, state, saved_at, notices: vec![] },
            Decoded::Repaired { state, saved_at, repaired } => {
                // The value as it was is kept first; only then is the readable part saved.
                let backup_key = store.backup(raw.as_deref().unwrap_or_default(), now_ms);
                if backup_key.is_some() {
                    let _ = store.save(&state, now_ms);
                } else {
                    store.mode = Mode::Protected;
                }
                Opened { store, state, saved_at, notices: vec![Notice::Repaired { count: repaired, backup_key }] }
            }
            Decoded::Unreadable { reason } => {
                let raw = raw.unwrap_or_default();
                let notice = match store.backup(&raw, now_ms) {
                    Some(backup_key) => {
                        // The raw value is safe under its backup key: start afresh in the main
                        // key, so the next page load does not back it up (and warn) again.
                        let _ = store.save(&SavedState::default(), now_ms);
                        Notice::Recovered { backup_key, reason }
                    }
                    None => {
                        store.mode = Mode::Protected;
                        Notice::UnreadableKept { reason }
                    }
                };
                Opened { store, state: SavedState::default(), saved_at: 0.0, notices: vec![notice] }
            }
            Decoded::Newer { format } => {
                let backup_key = store.backup(raw.as_deref().unwrap_or_default(), now_ms);
                store.mode = Mode::Protected;
                Opened { store, state: SavedState::default(), saved_at: 0.0, notices: vec![Notice::NewerFormat { format, backup_key }] }
            }
        }
    }

    /// Copies a raw value under a fresh backup key, never overwriting an earlier backup. A
    /// value already kept is not copied again (a newer version's data would otherwise be copied
    /// on every page load until the quota is full): its key is returned.
    fn backup(&self, raw: &str, now_ms: f64) -> Option<String> {
        let backend = self.backend.as_ref()?;
        if let Some(same) = self.kept_keys().into_iter().find(|k| backend.get(k).ok().flatten().as_deref() == Some(raw)) {
            return Some(same);
        }
        let mut at = now_ms.max(0.0) as u64;
        loop {
            let key = StorageKey::Backup(at).name();
            match backend.get(&key) {
                Ok(None) => return backend.set(&key, raw).ok().map(|_| key),
                Ok(Some(_)) => at += 1,
                Err(_) => return None,
            }
        }
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The keys of the kept copies, in the store's order. (Not sorted here: this runs at every
    /// start-up, and sorting is only for the list in Settings.)
    fn kept_keys(&self) -> Vec<String> {
        self.backend.as_ref().and_then(|b| b.keys().ok()).unwrap_or_default().into_iter().filter(|k| StorageKey::is_backup(k)).collect()
    }

    /// Every kept copy, newest first, with the state in it where this version can read it.
    pub fn kept_copies(&self) -> Vec<KeptCopy> {
        let Some(backend) = &self.backend else { return vec![] };
        let mut copies: Vec<KeptCopy> = self
            .kept_keys()
            .into_iter()
            .filter_map(|key| {
                let raw = backend.get(&key).ok().flatten()?;
                let kept_at = key.rsplit('/').next().and_then(|at| at.parse::<u64>().ok()).map_or(0.0, |at| at as f64);
                let state = match envelope::decode(Some(&raw)) {
                    Decoded::Loaded { state, .. } | Decoded::Repaired { state, .. } => Some(state),
                    _ => None,
                };
                Some(KeptCopy { key, kept_at, bytes: raw.len(), state })
            })
            .collect();
        copies.sort_by(|a, b| b.kept_at.total_cmp(&a.kept_at));
        copies
    }

    /// The raw text of a kept copy (to download it).
    pub fn kept_raw(&self, key: &str) -> Option<String> {
        if !self.kept_keys().iter().any(|k| k == key) {
            return None;
        }
        self.backend.as_ref()?.get(key).ok().flatten()
    }

    /// Keeps the state as it is stored now as a copy, before something replaces it (a restore,
    /// a shared copy). Nothing stored, nothing kept.
    pub fn keep_current(&self, now_ms: f64) -> Option<String> {
        let raw = self.backend.as_ref()?.get(&StorageKey::State.name()).ok()??;
        match envelope::decode(Some(&raw)) {
            Decoded::Loaded { state, .. } if state == SavedState::default() => None,
            _ => self.backup(&raw, now_ms),
        }
    }

    /// Deletes everything Career Kit keeps here but, unless `copies`, the kept copies; then
    /// stores an empty plan dated `now_ms`, so that another open tab sees a newer save, takes
    /// it, and cannot write its older plan back.
    pub fn delete_everything(&mut self, copies: bool, now_ms: f64) -> Result<f64, StoreError> {
        let at = self.next_at(now_ms);
        let Some(backend) = &self.backend else { return Ok(at) };
        let kept = self.kept_keys();
        for key in backend.keys()?.into_iter().filter(|k| k.starts_with(StorageKey::PREFIX)) {
            if copies || !kept.contains(&key) {
                backend.remove(&key)?;
            }
        }
        self.mode = Mode::Persistent;
        backend.set(&StorageKey::State.name(), &envelope::encode(&SavedState::default(), at))?;
        Ok(at)
    }

    /// The time to stamp a save with: now, but always after the save stored now, so that the
    /// order of saves never depends on two tabs' clocks agreeing (or on one clock not being set
    /// back, or on two saves in one millisecond).
    pub fn next_at(&self, now_ms: f64) -> f64 {
        let stored = self.backend.as_ref().and_then(|b| b.get(&StorageKey::State.name()).ok().flatten());
        let last = match envelope::decode(stored.as_deref()) {
            Decoded::Loaded { saved_at, .. } | Decoded::Repaired { saved_at, .. } => saved_at,
            _ => 0.0,
        };
        stamp_after(now_ms, last)
    }

    /// Saves the state. On failure the previously stored value is left as it was.
    pub fn save(&self, state: &SavedState, now_ms: f64) -> Result<(), Notice> {
        self.save_seen(state, now_ms, now_ms)
    }

    /// Saves the state at `now_ms`, made after seeing the save stamped `seen`.
    fn save_seen(&self, state: &SavedState, now_ms: f64, seen: f64) -> Result<(), Notice> {
        let (Mode::Persistent, Some(backend)) = (self.mode, &self.backend) else { return Ok(()) };
        match backend.set(&StorageKey::State.name(), &envelope::encode_seen(state, now_ms, seen)) {
            Ok(()) => Ok(()),
            Err(StoreError::QuotaExceeded) => Err(Notice::QuotaExceeded),
            Err(StoreError::Unavailable(reason) | StoreError::Other(reason)) => Err(Notice::WriteFailed { reason }),
        }
    }

    /// Saves `ours`, a change made from `base` (the state last read or written at
    /// `base_at`). If another tab saved in between, both changes are merged
    /// ([`crate::domain::state::merge`]) and the merged state is returned, to show. If another
    /// tab saved a newer format, nothing is written from now on.
    /// The save is stamped `now_ms`, but always after what is stored and after `base_at`, so
    /// the order of saves never depends on two tabs' clocks agreeing (or on two saves in one
    /// millisecond, or a clock set back); the stamp is returned with the merged state.
    pub fn save_merging(&mut self, base: &SavedState, base_at: f64, ours: &SavedState, now_ms: f64) -> Result<(Option<Merged>, f64), Notice> {
        let (Mode::Persistent, Some(backend)) = (self.mode, &self.backend) else { return Ok((None, now_ms)) };
        let raw = backend.get(&StorageKey::State.name()).ok().flatten();
        let mut last = base_at;
        let merged = match envelope::decode(raw.as_deref()) {
            Decoded::Loaded { state: theirs, saved_at, .. } => {
                last = last.max(saved_at);
                (saved_at > base_at && theirs != *base).then(|| Merged::of(base, ours, &theirs))
            }
            Decoded::Newer { format } => {
                self.mode = Mode::Protected;
                return Err(Notice::NewerFormat { format, backup_key: None });
            }
            _ => None,
        };
        let at = stamp_after(now_ms, last);
        self.save_seen(merged.as_ref().map_or(ours, |m| &m.state), at, last)?;
        Ok((merged, at))
    }

    /// Another tab's save (`raw`: the storage event's new value, or what is stored now), as
    /// seen by this tab, whose last save `ours` (stamped `ours_at`) was made from `base`
    /// (stamped `base_at`). Browsers give no tab an atomic read-and-write of localStorage: two
    /// tabs can each read, change and write without seeing the other's write, and the later
    /// write would drop the earlier one's change. Each save therefore names the newest save
    /// its tab had seen (`based_on`). A save that had not seen this tab's, made after this
    /// tab's base, crossed it: both are joined ([`crate::domain::state::merge`]) and the join
    /// is saved, unless what is stored already holds it. A later save that had seen this tab's
    /// is taken as it is; an older one is ignored.
    pub fn from_elsewhere(&mut self, raw: &str, base: (&SavedState, f64), ours: (&SavedState, f64), now_ms: f64) -> Result<Elsewhere, Notice> {
        let ((base, base_at), (ours, ours_at)) = (base, ours);
        let (decoded, seen) = envelope::decode_seen(Some(raw));
        let (theirs, at) = match decoded {
            Decoded::Loaded { state, saved_at, .. } => (state, saved_at),
            Decoded::Newer { format } => {
                self.mode = Mode::Protected;
                return Err(Notice::NewerFormat { format, backup_key: None });
            }
            _ => return Ok(Elsewhere::Nothing),
        };
        let crossed = seen.is_some_and(|seen| seen < ours_at) && at > base_at && theirs != *ours;
        if !crossed {
            return Ok(if at > ours_at { Elsewhere::Take { state: theirs, at } } else { Elsewhere::Nothing });
        }
        let merged = Merged::of(base, ours, &theirs);
        let (stored, stored_at) = if at > ours_at { (&theirs, at) } else { (ours, ours_at) };
        if merged.state == *stored {
            return Ok(Elsewhere::Take { state: merged.state, at: stored_at });
        }
        let at = stamp_after(now_ms, stored_at);
        self.save_seen(&merged.state, at, stored_at)?;
        Ok(Elsewhere::Joined { merged, at })
    }

    /// The raw value stored under the state key now, if any.
    pub fn stored_raw(&self) -> Option<String> {
        let (Mode::Persistent, Some(backend)) = (self.mode, &self.backend) else { return None };
        backend.get(&StorageKey::State.name()).ok()?
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    /// An in-memory backend with a byte quota, like localStorage's.
    #[derive(Default)]
    struct MemBackend {
        items: RefCell<BTreeMap<String, String>>,
        quota: Option<usize>,
        getter_fails: bool,
    }

    impl Backend for &MemBackend {
        fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
            if self.getter_fails {
                return Err(StoreError::Unavailable("SecurityError".into()));
            }
            Ok(self.items.borrow().get(key).cloned())
        }
        fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
            let mut items = self.items.borrow_mut();
            let used: usize = items.iter().filter(|(k, _)| *k != key).map(|(k, v)| k.len() + v.len()).sum();
            if self.quota.is_some_and(|q| used + key.len() + value.len() > q) {
                return Err(StoreError::QuotaExceeded);
            }
            items.insert(key.into(), value.into());
            Ok(())
        }
        fn keys(&self) -> Result<Vec<String>, StoreError> {
            Ok(self.items.borrow().keys().cloned().collect())
        }
        fn remove(&self, key: &str) -> Result<(), StoreError> {
            self.items.borrow_mut().remove(key);
            Ok(())
        }
    }

    #[test]
    fn a_newer_value_is_copied_once_however_often_the_app_opens() {
        let mem = MemBackend::default();
        let newer = r#"{"format":99,"saved_at":1,"data":{"x":"y"}}"#;
        (&mem).set(&StorageKey::State.name(), newer).unwrap();
        for load in 0..4 {
            let opened = Store::open(Ok(&mem), 1000.0 + load as f64 * 10.0);
            assert_eq!(opened.store.mode(), Mode::Protected);
        }
        let copies = mem.items.borrow().keys().filter(|k| k.contains("/backup/")).count();
        assert_eq!(copies, 1, "four loads, one copy");
        assert_eq!(mem.items.borrow()[&StorageKey::State.name()], newer, "the newer value stays as it was");
    }

    #[test]
    fn an_unknown_status_loads_the_rest_and_keeps_the_original() {
        let mem = MemBackend::default();
        let raw = r#"{"format":1,"saved_at":5,"data":{"progress":{"no":{"register":{"status":"archived","note":"Called Altinn"}}}}}"#;
        (&mem).set(&StorageKey::State.name(), raw).unwrap();
        let opened = Store::open(Ok(&mem), 1000.0);
        assert_eq!(opened.state.progress["no"]["register"].note, "Called Altinn");
        let Notice::Repaired { count: 1, backup_key: Some(key) } = &opened.notices[0] else { panic!("{:?}", opened.notices) };
        assert_eq!(mem.items.borrow()[key], raw, "the original is kept as it was");
        let copies = opened.store.kept_copies();
        assert_eq!(copies.len(), 1);
        assert_eq!(copies[0].state.as_ref().map(|s| s.progress["no"]["register"].note.as_str()), Some("Called Altinn"), "and can be restored");
        assert_eq!(opened.store.kept_raw(key).as_deref(), Some(raw), "and downloaded");
        assert_eq!(opened.store.kept_raw("career-kit/state"), None, "only kept copies are handed out");
    }

    #[test]
    fn the_replaced_plan_is_kept_and_deleting_asks_about_copies() {
        let mem = MemBackend::default();
        let mut store = Store::open(Ok(&mem), 1.0).store;
        let mut plan = SavedState::default();
        plan.set_note("no", "register", "Mine");
        store.save(&plan, 10.0).unwrap();
        let kept = store.keep_current(20.0).expect("the plan is kept before it is replaced");
        assert_eq!(store.keep_current(21.0).as_deref(), Some(kept.as_str()), "the same plan is kept once");
        store.save(&SavedState::default(), 30.0).unwrap();
        assert_eq!(store.keep_current(40.0), None, "an empty plan is not worth a copy");
        (&mem).set("other-app/key", "theirs").unwrap();
        assert_eq!(store.delete_everything(false, 50.0).unwrap(), 50.0);
        assert_eq!(store.kept_copies().len(), 1, "copies stay unless the user says");
        assert_eq!(mem.items.borrow()["other-app/key"], "theirs", "only Career Kit's keys");
        // The deletion is a save of its own, newer than any other tab's base.
        match envelope::decode(mem.items.borrow().get(&StorageKey::State.name()).map(String::as_str)) {
            Decoded::Loaded { state, saved_at, .. } => assert_eq!((state, saved_at), (SavedState::default(), 50.0)),
            other => panic!("{other:?}"),
        }
        // Another tab that still holds the old plan and ticks a task: the deleted note stays deleted.
        let mut other = store;
        let mut theirs = plan.clone();
        theirs.tick_task("no", "idea", "write", true);
        let (merged, at) = other.save_merging(&plan, 10.0, &theirs, 60.0).unwrap();
        let merged = merged.expect("merged with the deletion").state;
        assert_eq!(at, 60.0);
        assert!(!merged.progress.get("no").is_some_and(|c| c.contains_key("register")), "the deleted note does not come back: {merged:?}");
        assert!(merged.progress["no"]["idea"].tasks.contains("write"), "the other tab's new tick is kept");
        // A clock set back, or two saves in one millisecond: the save still comes after.
        assert_eq!(other.next_at(10.0), 61.0);
        other.delete_everything(true, 70.0).unwrap();
        assert!(other.kept_copies().is_empty());
    }

    fn state_with_note(note: &str) -> SavedState {
        let mut s = SavedState::default();
        s.progress.entry("no".into()).or_default().entry("a".into()).or_default().note = note.into();
        s
    }

    #[test]
    fn storage_unavailable_runs_in_memory() {
        let opened = Store::<&MemBackend>::open(Err(StoreError::Unavailable("denied".into())), 1.0);
        assert_eq!(opened.store.mode(), Mode::MemoryOnly);
        assert_eq!(opened.notices, vec![Notice::MemoryOnly]);
        assert_eq!(opened.state, SavedState::default());
        assert_eq!(opened.store.save(&state_with_note("x"), 2.0), Ok(()));
    }

    #[test]
    fn getter_that_throws_runs_in_memory() {
        let mem = MemBackend { getter_fails: true, ..Default::default() };
        let opened = Store::open(Ok(&mem), 1.0);
        assert_eq!(opened.store.mode(), Mode::MemoryOnly);
        assert_eq!(opened.notices, vec![Notice::MemoryOnly]);
    }

    #[test]
    fn saved_state_loads_back() {
        let mem = MemBackend::default();
        let opened = Store::open(Ok(&mem), 1.0);
        assert!(opened.notices.is_empty());
        opened.store.save(&state_with_note("hello"), 42.0).unwrap();
        let again = Store::open(Ok(&mem), 50.0);
        assert_eq!(again.state, state_with_note("hello"));
        assert_eq!(again.saved_at, 42.0);
    }

    #[test]
    fn unreadable_value_is_backed_up_untouched() {
        let mem = MemBackend::default();
        mem.items.borrow_mut().insert(StorageKey::State.name(), "{not json".into());
        mem.items.borrow_mut().insert(StorageKey::Backup(7).name(), "older backup".into());
        let opened = Store::open(Ok(&mem), 7.0);
        let backup_key = StorageKey::Backup(8).name();
        assert!(matches!(&opened.notices[..], [Notice::Recovered { backup_key: k, .. }] if *k == backup_key));
        assert_eq!(mem.items.borrow()[&backup_key], "{not json");
        assert_eq!(mem.items.borrow()[&StorageKey::Backup(7).name()], "older backup");
        assert_eq!(opened.state, SavedState::default());
        assert_eq!(opened.store.mode(), Mode::Persistent);
        // The next page load finds a clean start: no second backup, no second warning.
        let again = Store::open(Ok(&mem), 9.0);
        assert!(again.notices.is_empty());
        assert_eq!(mem.items.borrow().keys().filter(|k| k.contains("/backup/")).count(), 2);
    }

    #[test]
    fn unreadable_value_that_cannot_be_backed_up_is_never_overwritten() {
        let mem = MemBackend { quota: Some(40), ..Default::default() };
        mem.items.borrow_mut().insert(StorageKey::State.name(), "{broken but precious".into());
        let opened = Store::open(Ok(&mem), 7.0);
        assert!(matches!(&opened.notices[..], [Notice::UnreadableKept { .. }]));
        assert_eq!(opened.store.mode(), Mode::Protected);
        opened.store.save(&state_with_note("new"), 8.0).unwrap();
        assert_eq!(mem.items.borrow()[&StorageKey::State.name()], "{broken but precious");
    }

    #[test]
    fn newer_format_is_kept_and_not_overwritten() {
        let mem = MemBackend::default();
        let newer = r#"{"format":9,"saved_at":1,"data":{}}"#;
        mem.items.borrow_mut().insert(StorageKey::State.name(), newer.into());
        let opened = Store::open(Ok(&mem), 100.0);
        assert_eq!(opened.notices, vec![Notice::NewerFormat { format: 9, backup_key: Some(StorageKey::Backup(100).name()) }]);
        assert_eq!(opened.store.mode(), Mode::Protected);
        opened.store.save(&state_with_note("mine"), 101.0).unwrap();
        assert_eq!(mem.items.borrow()[&StorageKey::State.name()], newer);
        assert_eq!(mem.items.borrow()[&StorageKey::Backup(100).name()], newer);
    }

    #[test]
    fn quota_exceeded_warns_and_keeps_the_previous_value() {
        let mem = MemBackend { quota: Some(1000), ..Default::default() };
        let opened = Store::open(Ok(&mem), 1.0);
        opened.store.save(&state_with_note("small"), 2.0).unwrap();
        let before = mem.items.borrow()[&StorageKey::State.name()].clone();
        assert_eq!(opened.store.save(&state_with_note(&"x".repeat(2000)), 3.0), Err(Notice::QuotaExceeded));
        assert_eq!(mem.items.borrow()[&StorageKey::State.name()], before);
    }

    #[test]
    fn a_later_save_elsewhere_is_taken_an_older_one_ignored() {
        let mem = MemBackend::default();
        let mut tab = Store::open(Ok(&mem), 1.0).store;
        let base = state_with_note("start");
        let ours = state_with_note("tab a");
        // Another tab saved at 20, having seen this tab's save at 10: take it as it is.
        let theirs = envelope::encode_seen(&state_with_note("tab b"), 20.0, 10.0);
        let seen = tab.from_elsewhere(&theirs, (&base, 5.0), (&ours, 10.0), 30.0);
        assert_eq!(seen, Ok(Elsewhere::Take { state: state_with_note("tab b"), at: 20.0 }));
        // An old save, from before this tab's base: nothing to do.
        let old = envelope::encode_seen(&state_with_note("old"), 4.0, 1.0);
        assert_eq!(tab.from_elsewhere(&old, (&base, 5.0), (&ours, 10.0), 30.0), Ok(Elsewhere::Nothing));
        // A build before the stamp existed: a later save is taken, as before.
        let legacy = format!(r#"{{"format":1,"saved_at":20,"data":{}}}"#, serde_json::to_string(&state_with_note("legacy")).unwrap());
        assert_eq!(tab.from_elsewhere(&legacy, (&base, 5.0), (&ours, 10.0), 30.0), Ok(Elsewhere::Take { state: state_with_note("legacy"), at: 20.0 }));
        assert!(mem.items.borrow().get(&StorageKey::State.name()).is_none(), "none of these writes anything");
    }

    /// Two tabs read, change and write at the same moment, each without seeing the other's
    /// write (localStorage has no atomic read-and-write across tabs). Whichever write lands
    /// last, each tab joins the other's change as soon as it hears of it, and nothing is lost.
    #[test]
    fn crossing_saves_of_two_tabs_are_joined_in_either_order() {
        let mut base = SavedState::default();
        base.tick_task("no", "idea", "a", true);
        let mut a_change = base.clone();
        a_change.tick_task("no", "idea", "from-a", true);
        a_change.set_note("no", "idea", "note from a");
        let mut b_change = base.clone();
        b_change.tick_task("no", "bank", "from-b", true);
        let changes = [a_change, b_change];
        for last in [0, 1] {
            let first = 1 - last;
            let mem = MemBackend::default();
            let mut tabs = [Store::open(Ok(&mem), 1.0).store, Store::open(Ok(&mem), 1.0).store];
            tabs[0].save(&base, 10.0).unwrap();
            let stored = || mem.items.borrow()[&StorageKey::State.name()].clone();
            // Both had read the save at 10; both write, neither seeing the other (as tabs in two
            // processes can); the raw values are what each storage event carries.
            tabs[first].save_seen(&changes[first], 20.0, 10.0).unwrap();
            let first_raw = stored();
            tabs[last].save_seen(&changes[last], 21.0, 10.0).unwrap();
            let last_raw = stored();
            // The tab whose write was overwritten hears the later write, and joins.
            let Ok(Elsewhere::Joined { merged, at }) = tabs[first].from_elsewhere(&last_raw, (&base, 10.0), (&changes[first], 20.0), 22.0) else {
                panic!("tab {first} did not join")
            };
            assert_eq!(at, 22.0);
            assert!(merged.state.progress["no"]["idea"].tasks.contains("from-a"), "tab a's tick ({last} landed last)");
            assert!(merged.state.progress["no"]["bank"].tasks.contains("from-b"), "tab b's tick ({last} landed last)");
            assert_eq!(merged.state.progress["no"]["idea"].note, "note from a");
            assert_eq!(Store::open(Ok(&mem), 23.0).state, merged.state, "the join is what is stored");
            let first_join = stored();
            // The tab whose write landed last hears the earlier write late: it crossed its own
            // too, so it joins as well (the other tab's join has not reached it yet).
            let Ok(Elsewhere::Joined { merged: second, at: second_at }) = tabs[last].from_elsewhere(&first_raw, (&base, 10.0), (&changes[last], 21.0), 24.0)
            else {
                panic!("tab {last} did not join")
            };
            assert_eq!(second.state, merged.state, "both joins hold the same");
            // Each join then reaches the other tab: taken or ignored, never joined again.
            let second_raw = stored();
            let taken = tabs[first].from_elsewhere(&second_raw, (&merged.state, at), (&merged.state, at), 25.0);
            assert_eq!(taken, Ok(Elsewhere::Take { state: second.state.clone(), at: second_at }));
            assert_eq!(tabs[last].from_elsewhere(&first_join, (&second.state, second_at), (&second.state, second_at), 26.0), Ok(Elsewhere::Nothing));
            assert_eq!(stored(), second_raw, "no endless joining");
        }
    }

    #[test]
    fn a_second_tabs_save_is_merged_not_overwritten() {
        let mem = MemBackend::default();
        let base = state_with_note("start");
        let mut tab_a = Store::open(Ok(&mem), 1.0).store;
        tab_a.save(&base, 10.0).unwrap();
        let tab_b = Store::open(Ok(&mem), 11.0);
        // Tab B saves a new resource; tab A, not knowing, changes the note.
        let mut theirs = tab_b.state.clone();
        theirs.saved_resources.insert("no/mentor".into());
        tab_b.store.save(&theirs, 20.0).unwrap();
        let ours = state_with_note("changed in tab a");
        let merged = tab_a.save_merging(&base, 10.0, &ours, 30.0).unwrap().0.expect("merged");
        assert!(merged.joined_notes.is_empty(), "only one tab changed the note");
        let merged = merged.state;
        assert_eq!(merged.progress["no"]["a"].note, "changed in tab a");
        assert!(merged.saved_resources.contains("no/mentor"));
        assert_eq!(Store::open(Ok(&mem), 31.0).state, merged);
        // Nothing new elsewhere: a plain write.
        assert_eq!(tab_a.save_merging(&merged, 30.0, &state_with_note("again"), 40.0), Ok((None, 40.0)));
        // A clock set back: the save still comes after the one stored.
        assert_eq!(tab_a.save_merging(&state_with_note("again"), 40.0, &state_with_note("later"), 35.0), Ok((None, 41.0)));
        // Tab B rewrites the note too: both texts are kept, and the step is named.
        tab_b.store.save(&state_with_note("written in tab b"), 50.0).unwrap();
        let merged = tab_a.save_merging(&state_with_note("later"), 41.0, &state_with_note("written in tab a"), 60.0).unwrap().0.expect("merged");
        assert_eq!(merged.joined_notes, vec![("no".to_string(), "a".to_string())]);
        assert_eq!(merged.state.progress["no"]["a"].note, format!("written in tab a{}written in tab b", crate::domain::state::BOTH_NOTES));
    }

    #[test]
    fn a_newer_format_saved_by_another_tab_stops_writes() {
        let mem = MemBackend::default();
        let mut tab = Store::open(Ok(&mem), 1.0).store;
        let newer = r#"{"format":2,"saved_at":5,"data":{}}"#;
        mem.items.borrow_mut().insert(StorageKey::State.name(), newer.into());
        let got = tab.save_merging(&SavedState::default(), 1.0, &state_with_note("x"), 9.0);
        assert_eq!(got, Err(Notice::NewerFormat { format: 2, backup_key: None }));
        assert_eq!(tab.mode(), Mode::Protected);
        assert_eq!(mem.items.borrow()[&StorageKey::State.name()], newer);
    }
}
