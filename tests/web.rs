//! Browser tests (wasm-bindgen-test in headless Chromium): real localStorage behind the storage
//! module, and components mounted into the real DOM. Run by `make test`.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use career_kit::domain::envelope;
use career_kit::domain::i18n;
use career_kit::domain::state::SavedState;
use career_kit::storage::web::{local_storage, Persistence, DEBOUNCE_MS};
use career_kit::storage::{Mode, Notice, StorageKey};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn clear_storage() {
    let s = storage();
    s.clear().unwrap();
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn state_with_note(note: &str) -> SavedState {
    let mut s = SavedState::default();
    s.progress.entry("no".into()).or_default().entry("business-or-job".into()).or_default().note = note.into();
    s
}

fn stored() -> Option<String> {
    storage().get_item(&StorageKey::State.name()).unwrap()
}

fn collect_notices() -> (Rc<RefCell<Vec<Notice>>>, impl Fn(Notice) + 'static) {
    let seen = Rc::new(RefCell::new(vec![]));
    let s = seen.clone();
    (seen, move |n| s.borrow_mut().push(n))
}

#[wasm_bindgen_test]
async fn writes_are_debounced_and_load_back() {
    clear_storage();
    let (seen, on_notice) = collect_notices();
    let (p, state, notices) = Persistence::open(on_notice);
    assert_eq!((state, notices, p.mode()), (SavedState::default(), vec![], Mode::Persistent));
    p.schedule(state_with_note("first"));
    p.schedule(state_with_note("second"));
    assert_eq!(stored(), None, "nothing is written while typing");
    assert!(p.has_pending());
    sleep(DEBOUNCE_MS as i32 + 250).await;
    assert!(!p.has_pending());
    let raw = stored().expect("written after the pause");
    match envelope::decode(Some(&raw)) {
        envelope::Decoded::Loaded { state, format, .. } => {
            assert_eq!(state, state_with_note("second"));
            assert_eq!(format, envelope::FORMAT_VERSION);
        }
        other => panic!("{other:?}"),
    }
    let (_p2, again, notices) = Persistence::open(|_| {});
    assert_eq!(again, state_with_note("second"));
    assert!(notices.is_empty());
    assert!(seen.borrow().is_empty());
}

#[wasm_bindgen_test]
async fn leaving_the_page_flushes_at_once() {
    clear_storage();
    let (p, _, _) = Persistence::open(|_| {});
    p.watch_page(|_| {});
    p.schedule(state_with_note("typed just before closing"));
    assert_eq!(stored(), None);
    let window = web_sys::window().unwrap();
    window.dispatch_event(&web_sys::Event::new("pagehide").unwrap()).unwrap();
    let raw = stored().expect("flushed on pagehide, without waiting for the debounce");
    assert!(raw.contains("typed just before closing"));
}

#[wasm_bindgen_test]
fn unreadable_data_is_kept_under_a_backup_key() {
    clear_storage();
    storage().set_item(&StorageKey::State.name(), "{\"format\":1,\"data\":{\"progress\":").unwrap();
    let (p, state, notices) = Persistence::open(|_| {});
    assert_eq!(state, SavedState::default());
    let backup_key = match &notices[..] {
        [Notice::Recovered { backup_key, .. }] => backup_key.clone(),
        other => panic!("{other:?}"),
    };
    assert!(backup_key.starts_with("career-kit/backup/"));
    assert_eq!(storage().get_item(&backup_key).unwrap().as_deref(), Some("{\"format\":1,\"data\":{\"progress\":"));
    assert_eq!(p.mode(), Mode::Persistent);
}

#[wasm_bindgen_test]
fn a_newer_format_is_never_overwritten() {
    clear_storage();
    let newer = r#"{"format":7,"saved_at":1,"data":{"from":"the future"}}"#;
    storage().set_item(&StorageKey::State.name(), newer).unwrap();
    let (p, state, notices) = Persistence::open(|_| {});
    assert_eq!(state, SavedState::default());
    assert!(matches!(&notices[..], [Notice::NewerFormat { format: 7, backup_key: Some(_) }]), "{notices:?}");
    assert_eq!(p.mode(), Mode::Protected);
    p.schedule(state_with_note("mine"));
    p.flush();
    assert_eq!(stored().as_deref(), Some(newer));
}

#[wasm_bindgen_test]
fn quota_exceeded_warns_and_keeps_the_previous_value() {
    clear_storage();
    let (seen, on_notice) = collect_notices();
    let (p, _, _) = Persistence::open(on_notice);
    p.schedule(state_with_note("safe"));
    p.flush();
    let before = stored().expect("first save");
    // Fill the real quota with filler.
    let s = storage();
    let chunk = "x".repeat(256 * 1024);
    let mut i = 0;
    while s.set_item(&format!("filler/{i}"), &chunk).is_ok() {
        i += 1;
        assert!(i < 400, "localStorage never filled up");
    }
    let mut small = "x".repeat(1024);
    while s.set_item("filler/last", &small).is_ok() {
        small.push_str(&"x".repeat(1024));
    }
    p.schedule(state_with_note(&"a long note ".repeat(4000)));
    p.flush();
    assert_eq!(seen.borrow().as_slice(), &[Notice::QuotaExceeded]);
    assert_eq!(stored().as_deref(), Some(before.as_str()), "the previous value is intact");
    clear_storage();
}

#[wasm_bindgen_test]
fn delete_everything_removes_only_career_kit_keys() {
    clear_storage();
    storage().set_item("someone-else", "keep").unwrap();
    let (p, _, _) = Persistence::open(|_| {});
    p.schedule(state_with_note("x"));
    p.flush();
    storage().set_item(&StorageKey::Backup(5).name(), "old").unwrap();
    // Kept copies stay unless the user says so.
    p.delete_everything(false).unwrap();
    assert_eq!(storage().get_item(&StorageKey::Backup(5).name()).unwrap().as_deref(), Some("old"));
    p.delete_everything(true).unwrap();
    // What is left is an empty plan, dated now: a save other tabs see as newer than theirs.
    match envelope::decode(stored().as_deref()) {
        envelope::Decoded::Loaded { state, .. } => assert_eq!(state, SavedState::default()),
        other => panic!("{other:?}"),
    }
    assert_eq!(storage().get_item(&StorageKey::Backup(5).name()).unwrap(), None);
    assert_eq!(storage().get_item("someone-else").unwrap().as_deref(), Some("keep"));
    assert!(local_storage().is_ok());
    clear_storage();
}

#[wasm_bindgen_test]
fn a_deletion_reaches_another_open_tab_and_wins() {
    clear_storage();
    let (a, _, _) = Persistence::open(|_| {});
    a.schedule(state_with_note("asylum case 123"));
    a.flush();
    // The other tab opened before the deletion and still shows the note.
    let (b, loaded, _) = Persistence::open(|_| {});
    assert_eq!(loaded, state_with_note("asylum case 123"));
    a.delete_everything(false).unwrap();
    // It hears of the deletion (the storage event calls this) and takes it.
    assert_eq!(b.newer_elsewhere(), Some(SavedState::default()));
    // A tick there afterwards writes nothing of the deleted plan back.
    let mut after = SavedState::default();
    after.tick_task("no", "idea", "write", true);
    b.schedule(after);
    b.flush();
    let now = stored().unwrap();
    assert!(!now.contains("asylum case 123") && now.contains("write"), "{now}");
    // Even a tab that never heard of it (its old plan still in memory) cannot bring it back.
    clear_storage();
    let (c, _, _) = Persistence::open(|_| {});
    c.schedule(state_with_note("asylum case 123"));
    c.flush();
    let (d, _, _) = Persistence::open(|_| {});
    c.delete_everything(false).unwrap();
    let mut stale = state_with_note("asylum case 123");
    stale.tick_task("no", "idea", "write", true);
    d.schedule(stale);
    d.flush();
    let now = stored().unwrap();
    assert!(!now.contains("asylum case 123"), "the deletion wins over the older plan: {now}");
    clear_storage();
}

// ---------------------------------------------------------------------------------------------
// Components in the real DOM

fn container() -> web_sys::HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

#[wasm_bindgen_test]
fn markdown_renders_safe_views() {
    use career_kit::components::markdown::Markdown;
    use leptos::prelude::*;
    let el = container();
    let source = "Read **this** and *that*.\n\n- [Altinn](https://www.altinn.no)\n- [bad](javascript:alert)\n- <b>raw</b>\n\n1. one\n2. two";
    let handle = leptos::mount::mount_to(el.clone(), move || view! { <Markdown source=source /> });
    let html = el.inner_html();
    assert!(el.query_selector("p strong").unwrap().is_some());
    assert!(el.query_selector("p em").unwrap().is_some());
    let a = el.query_selector("ul a").unwrap().expect("https link is live");
    assert_eq!(a.get_attribute("href").as_deref(), Some("https://www.altinn.no"));
    assert_eq!(a.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(el.query_selector_all("a").unwrap().length(), 1, "javascript: is not a link: {html}");
    assert!(el.text_content().unwrap().contains("bad"), "its text still shows");
    assert!(el.query_selector("b").unwrap().is_none(), "raw HTML stays text: {html}");
    assert!(el.text_content().unwrap().contains("<b>raw</b>"));
    assert_eq!(el.query_selector_all("ol li").unwrap().length(), 2);
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_page_from_a_chunk_loads_fails_and_tries_again() {
    use career_kit::lazy::{lazy_page, Load, NotLoaded};
    use leptos::prelude::*;
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::sync::Arc;
    i18n::set_current(i18n::english());
    // Already here: drawn at once, with no loading line in between.
    let el = container();
    let handle = leptos::mount::mount_to(el.clone(), || lazy_page(|| -> Load { Box::pin(async { Ok(view! { <h1>"At once"</h1> }.into_any()) }) }));
    assert_eq!(el.query_selector("h1").unwrap().and_then(|h| h.text_content()).as_deref(), Some("At once"));
    assert!(el.query_selector(".loading").unwrap().is_none());
    drop(handle);
    // Fetched: a loading line; the first fetch fails, "Try again" fetches again.
    let attempts = Arc::new(AtomicU32::new(0));
    let counted = attempts.clone();
    let el = container();
    let handle = leptos::mount::mount_to(el.clone(), move || {
        let counted = counted.clone();
        lazy_page(move || -> Load {
            let attempt = counted.fetch_add(1, Ordering::SeqCst);
            Box::pin(async move {
                sleep(30).await;
                if attempt == 0 {
                    Err(NotLoaded)
                } else {
                    Ok(view! { <h1>"Loaded"</h1> }.into_any())
                }
            })
        })
    });
    let status = el.query_selector("p.loading[role=status]").unwrap().expect("a loading line");
    assert_eq!(status.text_content().as_deref(), Some("Loading this page…"));
    sleep(80).await;
    let alert = el.query_selector("[role=alert]").unwrap().expect("a message");
    assert!(alert.text_content().unwrap().contains("This page could not be loaded"), "{}", el.inner_html());
    assert!(el.query_selector(".loading").unwrap().is_none());
    let retry: web_sys::HtmlElement = el.query_selector("[role=alert] button").unwrap().unwrap().unchecked_into();
    retry.click();
    sleep(120).await;
    assert_eq!(attempts.load(Ordering::SeqCst), 2);
    assert_eq!(el.query_selector("h1").unwrap().and_then(|h| h.text_content()).as_deref(), Some("Loaded"), "{}", el.inner_html());
    assert!(el.query_selector("[role=alert]").unwrap().is_none());
    drop(handle);
}

#[wasm_bindgen_test]
async fn notices_show_and_can_be_dismissed() {
    use career_kit::components::shell::Notices;
    use career_kit::state::AppState;
    use leptos::prelude::*;
    i18n::set_current(i18n::english());
    clear_storage();
    let el = container();
    let handle = leptos::mount::mount_to(el.clone(), move || {
        let app = AppState::new();
        provide_context(app);
        app.notices.set(vec![Notice::MemoryOnly, Notice::QuotaExceeded]);
        view! { <Notices /> }
    });
    sleep(20).await;
    let region = el.query_selector("[role=status]").unwrap().expect("a live region");
    assert_eq!(region.get_attribute("aria-live").as_deref(), Some("polite"));
    assert!(el.query_selector("[data-notice=memory-only]").unwrap().is_some());
    assert!(el.text_content().unwrap().contains("storage is full"));
    let button: web_sys::HtmlElement = el.query_selector("[data-notice=memory-only] button").unwrap().unwrap().unchecked_into();
    button.click();
    sleep(20).await;
    assert!(el.query_selector("[data-notice=memory-only]").unwrap().is_none());
    assert!(el.query_selector("[data-notice=quota-exceeded]").unwrap().is_some());
    drop(handle);
}

#[wasm_bindgen_test]
async fn app_state_saves_changes_through_the_one_effect() {
    use career_kit::state::AppState;
    use leptos::prelude::*;
    clear_storage();
    let owner = Owner::new();
    owner.with(|| {
        let app = AppState::new();
        provide_context(app);
        app.saved.update(|s| s.profile.country = Some("de".into()));
    });
    sleep(DEBOUNCE_MS as i32 + 300).await;
    let raw = stored().expect("saved");
    assert!(raw.contains("\"country\":\"de\""), "{raw}");
    drop(owner);
}

/// What another tab does: writes the envelope straight into localStorage, a little later.
fn other_tab_saves(state: &SavedState) {
    let at = js_sys::Date::now() + 5.0;
    storage().set_item(&StorageKey::State.name(), &envelope::encode(state, at)).unwrap();
}

/// Persistence on empty storage, watching the page; the states it hands back are collected.
fn watched_from_scratch() -> (Persistence, SavedState, Rc<RefCell<Vec<SavedState>>>) {
    clear_storage();
    let (p, state, _) = Persistence::open(|_| {});
    let heard: Rc<RefCell<Vec<SavedState>>> = Rc::default();
    let h = heard.clone();
    p.watch_page(move |s| h.borrow_mut().push(s));
    (p, state, heard)
}

#[wasm_bindgen_test]
async fn another_tabs_save_is_picked_up_when_it_happens() {
    let (_p, _, heard) = watched_from_scratch();
    other_tab_saves(&state_with_note("from the other tab"));
    // The browser fires `storage` in every other tab of the origin; fire it as it would.
    let window = web_sys::window().unwrap();
    window.dispatch_event(&web_sys::Event::new("storage").unwrap()).unwrap();
    assert_eq!(heard.borrow().as_slice(), [state_with_note("from the other tab")]);
}

#[wasm_bindgen_test]
async fn a_change_made_while_another_tab_saved_is_merged_not_lost() {
    let (p, base, heard) = watched_from_scratch();
    // This tab ticks a task (waiting for the debounce) while the other tab saves a resource.
    let mut ours = base.clone();
    ours.progress.entry("no".into()).or_default().entry("register-business".into()).or_default().tasks.insert("fill-in".into());
    p.schedule(ours);
    let mut theirs = base.clone();
    theirs.saved_resources.insert("no/altinn-start-enk".into());
    other_tab_saves(&theirs);
    p.flush();
    let raw = stored().unwrap();
    let envelope::Decoded::Loaded { state, .. } = envelope::decode(Some(&raw)) else { panic!("{raw}") };
    assert!(state.saved_resources.contains("no/altinn-start-enk"), "the other tab's save is kept");
    assert!(state.progress["no"]["register-business"].tasks.contains("fill-in"), "this tab's tick is kept");
    assert_eq!(heard.borrow().last(), Some(&state), "the page is told to show the merged state");
}

// ---------------------------------------------------------------------------------------------
// Languages

#[wasm_bindgen_test]
async fn the_language_switch_lists_every_language_in_its_own_name_and_saves_the_choice() {
    use career_kit::components::language::LanguageSwitch;
    use career_kit::state::AppState;
    use leptos::prelude::*;
    i18n::set_current(i18n::english());
    clear_storage();
    let el = container();
    let app_slot: Rc<RefCell<Option<AppState>>> = Rc::default();
    let slot = app_slot.clone();
    let handle = leptos::mount::mount_to(el.clone(), move || {
        let app = AppState::new();
        provide_context(app);
        *slot.borrow_mut() = Some(app);
        view! { <LanguageSwitch /> }
    });
    let app = app_slot.borrow().unwrap();
    let options = el.query_selector_all("select#language-select option").unwrap();
    assert_eq!(options.length() as usize, i18n::LANGUAGES.len());
    for (i, lang) in i18n::LANGUAGES.iter().enumerate() {
        let option: web_sys::Element = options.item(i as u32).unwrap().unchecked_into();
        assert_eq!(option.text_content().as_deref(), Some(lang.name));
        assert_eq!(option.get_attribute("lang").as_deref(), Some(lang.code), "read out in its own language");
    }
    let label = el.query_selector("label[for=language-select]").unwrap().expect("a visible label");
    assert!(label.text_content().unwrap().contains("Language"));
    let select: web_sys::HtmlSelectElement = el.query_selector("select").unwrap().unwrap().unchecked_into();
    select.set_value("ar");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    assert_eq!(app.saved.with_untracked(|s| s.settings.language.clone()).as_deref(), Some("ar"));
    assert_eq!(app.ui.wanted.get_untracked().code, "ar");
    drop(handle);
}

#[wasm_bindgen_test]
fn html_lang_and_dir_follow_the_language() {
    let html = web_sys::window().unwrap().document().unwrap().document_element().unwrap();
    career_kit::language::apply_to_document(i18n::language("ar").unwrap());
    assert_eq!((html.get_attribute("lang").as_deref(), html.get_attribute("dir").as_deref()), (Some("ar"), Some("rtl")));
    career_kit::language::apply_to_document(i18n::language("fa").unwrap());
    assert_eq!(html.get_attribute("dir").as_deref(), Some("rtl"));
    career_kit::language::apply_to_document(i18n::language("uk").unwrap());
    assert_eq!((html.get_attribute("lang").as_deref(), html.get_attribute("dir").as_deref()), (Some("uk"), Some("ltr")));
    career_kit::language::apply_to_document(i18n::ENGLISH);
}

#[wasm_bindgen_test]
fn language_and_country_names_come_in_the_interface_language() {
    use career_kit::language::{country_name, language_name};
    i18n::set_current(i18n::english());
    assert_eq!(language_name("ar"), "Arabic");
    assert_eq!(country_name("no", "fallback"), "Norway");
    let catalog = i18n::Catalog { language: "de".into(), messages: vec![String::new(); i18n::tr::KEYS.len()] };
    i18n::set_current(i18n::Texts::new(catalog).unwrap());
    // The names are made once per language; a new language makes them afresh.
    career_kit::language::forget_names();
    assert_eq!(language_name("ar"), "Arabisch");
    assert_eq!(country_name("no", "fallback"), "Norwegen");
    i18n::set_current(i18n::english());
    career_kit::language::forget_names();
}

/// Two tabs, each editing the same plan and saving at once, many rounds, in both orders (real
/// localStorage, the app's own saving code; each tab shows what it hears, as the app does):
/// nothing either tab did is lost.
/// The state and stamp stored now.
fn loaded() -> (SavedState, f64) {
    match envelope::decode(stored().as_deref()) {
        envelope::Decoded::Loaded { state, saved_at, .. } => (state, saved_at),
        other => panic!("{other:?}"),
    }
}

/// Two tabs in two processes can each read, change and write without seeing the other's
/// write: localStorage has no atomic read-and-write across tabs. Here tab b's write crosses tab
/// a's (it was made from the same save, and lands after it); when tab a hears of it (the storage
/// event's new value), it joins both, saves the join, and says where both notes were kept.
#[wasm_bindgen_test]
fn a_save_that_crossed_this_tabs_save_is_joined_and_the_joined_note_named() {
    clear_storage();
    let notices = Rc::new(RefCell::new(Vec::new()));
    let heard = notices.clone();
    let (a, _, _) = Persistence::open(move |n| heard.borrow_mut().push(n));
    let mut base = SavedState::default();
    base.set_note("no", "idea", "start");
    a.schedule(base.clone());
    a.flush();
    let base_at = loaded().1;
    // Tab a ticks a task and rewrites the note.
    let mut ours = base.clone();
    ours.tick_task("no", "idea", "from-a", true);
    ours.set_note("no", "idea", "written in tab a");
    a.schedule(ours);
    a.flush();
    let a_at = loaded().1;
    // Tab b, from the same base and without seeing a's write, saves a tick of its own and
    // another note; its write lands last and holds nothing of tab a's.
    let mut theirs = base.clone();
    theirs.tick_task("no", "bank", "from-b", true);
    theirs.set_note("no", "idea", "written in tab b");
    let raw_b = envelope::encode_seen(&theirs, a_at + 5.0, base_at);
    storage().set_item(&StorageKey::State.name(), &raw_b).unwrap();
    let shown = a.from_elsewhere(Some(raw_b)).expect("a state to show");
    for state in [shown, loaded().0] {
        assert!(state.progress["no"]["idea"].tasks.contains("from-a"), "tab a's tick is back");
        assert!(state.progress["no"]["bank"].tasks.contains("from-b"), "tab b's tick is kept");
        let note = &state.progress["no"]["idea"].note;
        assert!(note.contains("written in tab a") && note.contains("written in tab b"), "both notes: {note:?}");
    }
    assert_eq!(*notices.borrow(), vec![Notice::NotesJoined { steps: vec![("no".into(), "idea".into())] }]);
    // The join reaches tab a again (its own storage event does not, but a re-read does): nothing more.
    assert_eq!(a.newer_elsewhere(), None);
    clear_storage();
}

#[wasm_bindgen_test]
fn two_tabs_saving_at_once_many_times_lose_nothing() {
    use career_kit::domain::state::StepStatus;
    clear_storage();
    let open = || {
        let (p, state, _) = Persistence::open(|_| {});
        let view = Rc::new(RefCell::new(state));
        let v = view.clone();
        p.watch_page(move |s| *v.borrow_mut() = s);
        (p, view)
    };
    let (a, view_a) = open();
    let (b, view_b) = open();
    for i in 0..150 {
        // Tab a ticks a task on one step and rewrites its note; tab b ticks on another step,
        // sets a due date there, and now and then a status on a's step.
        view_a.borrow_mut().tick_task("no", "register", &format!("a{i}"), true);
        view_a.borrow_mut().set_note("no", "register", &format!("note {i}"));
        view_b.borrow_mut().tick_task("no", "bank", &format!("b{i}"), true);
        view_b.borrow_mut().set_due("no", "bank", Some(&format!("2027-01-{:02}", 1 + i % 28)));
        if i % 10 == 0 {
            view_b.borrow_mut().set_status("no", "register", StepStatus::Waiting);
        }
        a.schedule(view_a.borrow().clone());
        b.schedule(view_b.borrow().clone());
        if i % 2 == 0 {
            a.flush();
            b.flush();
        } else {
            b.flush();
            a.flush();
        }
        // What the other tab saved reaches each tab (the storage event does this in the app).
        for (p, view) in [(&a, &view_a), (&b, &view_b)] {
            if let Some(s) = p.newer_elsewhere() {
                *view.borrow_mut() = s;
            }
        }
    }
    let raw = stored().unwrap();
    let envelope::Decoded::Loaded { state, .. } = envelope::decode(Some(&raw)) else { panic!("{raw}") };
    let register = &state.progress["no"]["register"];
    let bank = &state.progress["no"]["bank"];
    assert_eq!(register.tasks.len(), 150, "every tick of tab a");
    assert_eq!(bank.tasks.len(), 150, "every tick of tab b");
    assert!(register.note.starts_with("note 149"), "tab a's last note: {:?}", register.note);
    assert_eq!(register.status, StepStatus::Waiting, "tab b's status on tab a's step");
    assert_eq!(bank.due.as_deref(), Some("2027-01-10"), "tab b's last date");
    clear_storage();
}
