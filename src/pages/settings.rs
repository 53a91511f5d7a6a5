use crate::components::title::Title;
use leptos::prelude::*;

use crate::components::controls::confirm_dialog;
use crate::components::language::LanguageList;
use crate::domain::i18n::tr;
use crate::state::use_app;
use crate::storage::Mode;

#[component]
pub fn Settings() -> impl IntoView {
    let app = use_app();
    let confirming = RwSignal::new(false);
    let result = RwSignal::new(None::<String>);
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
                confirm_dialog(tr::delete_question(), ().into_any(), tr::delete_yes(), tr::delete_no(),
                    std::sync::Arc::new(move || {
                        result.set(Some(match app.delete_everything() {
                            Ok(()) => tr::deleted(),
                            Err(e) => tr::delete_failed(&e),
                        }));
                        confirming.set(false);
                    }),
                    std::sync::Arc::new(move || confirming.set(false)))
            } else {
                view! { <button type="button" class="secondary" on:click=move |_| { result.set(None); confirming.set(true) }>{tr::delete_data()}</button> }.into_any()
            }}
            <p role="status">{move || result.get()}</p>
        </section>
    }
}
