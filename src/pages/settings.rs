use leptos::prelude::*;
use crate::components::title::Title;

use crate::app::use_app;
use crate::storage::Mode;

#[component]
pub fn Settings() -> impl IntoView {
    let app = use_app();
    let confirming = RwSignal::new(false);
    let result = RwSignal::new(None::<String>);
    view! {
        <Title text="Settings" />
        <h1>"Settings"</h1>
        <section aria-labelledby="language">
            <h2 id="language">"Language"</h2>
            <p>"Career Kit is in English for now. Arabic, Farsi, Ukrainian, Polish, Turkish, Somali, Tigrinya and more are on the way."</p>
        </section>
        <section aria-labelledby="your-data">
            <h2 id="your-data">"Your data"</h2>
            <p class="storage-mode">{move || match app.mode.get() {
                Mode::Persistent => "Your answers and progress are saved in this browser, on this device only.",
                Mode::MemoryOnly => "This browser does not let Career Kit save. Your progress is lost when you close the tab.",
                Mode::Protected => "Saving is paused so that data from another version is not overwritten.",
            }}</p>
            {move || if confirming.get() {
                view! {
                    <div class="confirm" role="alertdialog" aria-labelledby="confirm-q">
                        <p id="confirm-q"><strong>"Delete all your answers and progress from this device? This cannot be undone."</strong></p>
                        <button type="button" class="danger" on:click=move |_| {
                            result.set(Some(match app.delete_everything() {
                                Ok(()) => "Everything Career Kit kept on this device is deleted.".into(),
                                Err(e) => format!("Could not delete: {e}"),
                            }));
                            confirming.set(false);
                        }>"Yes, delete everything"</button>
                        <button type="button" class="secondary" on:click=move |_| confirming.set(false)>"No, keep it"</button>
                    </div>
                }.into_any()
            } else {
                view! { <button type="button" class="secondary" on:click=move |_| { result.set(None); confirming.set(true) }>"Delete my data from this device"</button> }.into_any()
            }}
            <p role="status">{move || result.get()}</p>
        </section>
    }
}
