use crate::components::title::Title;
use leptos::prelude::*;
use std::sync::Arc;

use crate::components::controls::{choice, confirm_dialog};
use crate::components::language::LanguageList;
use crate::components::share::download;
use crate::domain::i18n::tr;
use crate::state::use_app;
use crate::storage::{KeptCopy, Mode};

#[component]
pub fn Settings() -> impl IntoView {
    let app = use_app();
    let confirming = RwSignal::new(false);
    let also_copies = RwSignal::new(false);
    let result = RwSignal::new(None::<String>);
    // Read again after every change here (a restore keeps the replaced plan as a new copy).
    let copies = RwSignal::new(app.kept_copies());
    let refresh = move || copies.set(app.kept_copies());
    view! {
        <Title text=tr::settings_title() />
        <h1>{tr::settings_title()}</h1>
        <section aria-labelledby="language">
            <h2 id="language">{tr::language()}</h2>
            <p>{tr::settings_language()}</p>
            <LanguageList />
        </section>
        <section aria-labelledby="your-data">
            <h2 id="your-data">{tr::your_data()}</h2>
            <p class="storage-mode">{move || match app.mode.get() {
                Mode::Persistent => tr::mode_persistent(),
                Mode::MemoryOnly => tr::mode_memory_only(),
                Mode::Protected => tr::mode_protected(),
            }}</p>
            {move || if confirming.get() {
                let n = copies.with(Vec::len);
                // Kept copies are the user's way back: they go only if the user says so.
                let details = (n > 0).then(|| {
                    choice(false, "delete-copies".into(), "delete-copies", tr::delete_copies_too(n).into_any(), also_copies.into(), Arc::new(move |on| also_copies.set(on)))
                });
                confirm_dialog(tr::delete_question(), details.into_any(), tr::delete_yes(), tr::delete_no(),
                    Arc::new(move || {
                        let copies_too = also_copies.get_untracked() || copies.with_untracked(Vec::is_empty);
                        result.set(Some(match app.delete_everything(copies_too) {
                            Ok(()) if copies_too => tr::deleted(),
                            Ok(()) => tr::deleted_copies_kept(),
                            Err(e) => tr::delete_failed(&e),
                        }));
                        confirming.set(false);
                        refresh();
                    }),
                    Arc::new(move || confirming.set(false)))
            } else {
                view! { <button type="button" class="secondary" on:click=move |_| { result.set(None); also_copies.set(false); confirming.set(true) }>{tr::delete_data()}</button> }.into_any()
            }}
            <p role="status">{move || result.get()}</p>
        </section>
        <section aria-labelledby="kept-copies">
            <h2 id="kept-copies">{tr::kept_copies_title()}</h2>
            <p>{tr::kept_copies_lead()}</p>
            {move || {
                let list = copies.get();
                if list.is_empty() {
                    return view! { <p class="hint">{tr::kept_copies_none()}</p> }.into_any();
                }
                view! {
                    <ul class="kept-copies">
                        {list.into_iter().map(|c| kept_copy(c, result, refresh)).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// One kept copy: when it was kept, what it holds, and "Restore" (after a question; the plan it
/// replaces is kept in turn) and "Download" (always, also for a copy this version cannot read).
fn kept_copy(copy: KeptCopy, result: RwSignal<Option<String>>, refresh: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let app = use_app();
    // `Date::new_0` and `set_time`: a `JsValue` made from a number here, used only in this
    // page's chunk, would give the split build a cast that wasm-bindgen cannot read.
    let date = js_sys::Date::new_0();
    date.set_time(copy.kept_at);
    let when = String::from(date.to_locale_string(crate::domain::i18n::current().code, &wasm_bindgen::JsValue::UNDEFINED));
    let steps = copy.state.as_ref().map(|s| s.progress.values().map(|p| p.len()).sum::<usize>());
    let asking = RwSignal::new(false);
    let key = copy.key.clone();
    let file = format!("career-kit-kept-{}.json", copy.kept_at as u64);
    let save_file = move |_| {
        if let Some(raw) = app.kept_raw(&key) {
            let _ = download(&file, &raw, "application/json");
        }
    };
    let state = copy.state.clone();
    view! {
        <li data-kept=copy.key.clone()>
            <p><strong>{tr::kept_on(&when)}</strong>" · "{match steps {
                Some(n) => tr::kept_steps(n),
                None => tr::kept_unreadable(),
            }}</p>
            <p class="row-actions">
                {state.clone().map(|_| view! {
                    <button type="button" class="secondary" on:click=move |_| asking.set(true)>{tr::kept_restore()}</button>
                })}
                <button type="button" class="secondary" on:click=save_file>{tr::kept_download()}</button>
            </p>
            {move || (asking.get()).then(|| {
                let state = state.clone();
                confirm_dialog(tr::kept_restore_question(), ().into_any(), tr::kept_restore(), tr::cancel(),
                    Arc::new(move || {
                        if let Some(s) = state.clone() {
                            app.replace_plan(s);
                            result.set(Some(tr::kept_restored()));
                        }
                        asking.set(false);
                        refresh();
                    }),
                    Arc::new(move || asking.set(false)))
            })}
        </li>
    }
}
