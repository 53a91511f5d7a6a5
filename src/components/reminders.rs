//! What a founder set aside: the due dates they gave their steps and the help they saved to
//! their list, for one country. Shown on the checklist and on the home page's guide card.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::content::Pack;
use crate::domain::i18n::tr;
use crate::domain::plan;
use crate::domain::state::saved_key;
use crate::routes::Page;
use crate::state::use_app;

/// Due dates (soonest first) and saved resources of `pack`'s country; nothing when there are
/// none.
#[component]
pub fn Reminders(
    /// The country pack the progress and the list belong to.
    pack: Arc<Pack>,
) -> impl IntoView {
    let app = use_app();
    let country = pack.meta.id.clone();
    let (tl, td) = crate::components::steps::text_lang(&pack);
    move || {
        let (due, saved) = app.saved.with(|s| {
            let due: Vec<(String, String, String)> =
                plan::due_dates(&pack, s.progress.get(&country)).into_iter().map(|(step, date)| (step.id.clone(), step.title.clone(), date)).collect();
            let saved: Vec<(String, String)> =
                pack.resources.iter().filter(|r| s.saved_resources.contains(&saved_key(&country, &r.id))).map(|r| (r.id.clone(), r.title.clone())).collect();
            (due, saved)
        });
        let (tl, country) = (tl.clone(), country.clone());
        (!due.is_empty() || !saved.is_empty()).then(|| {
            view! {
                <div class="reminders">
                    {(!due.is_empty()).then(|| view! {
                        <section aria-labelledby="due-dates">
                            <h2 id="due-dates" class="h3">{tr::due_dates_title()}</h2>
                            <ul class="due-list">
                                {due.into_iter().map(|(id, title, date)| view! {
                                    <li data-due=id.clone()>
                                        <a href=Page::Step { country: country.clone(), step: id.clone() }.href() lang=tl.clone() dir=td>{title}</a>
                                        " "<span class="tag">{tr::orphan_due(&date)}</span>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </section>
                    })}
                    {(!saved.is_empty()).then(|| view! {
                        <section aria-labelledby="saved-help">
                            <h2 id="saved-help" class="h3">{tr::saved_help_title()}</h2>
                            <ul class="saved-list">
                                {saved.into_iter().map(|(id, title)| view! {
                                    <li data-saved=id.clone()>
                                        <a href=Page::Resource { country: country.clone(), id: id.clone() }.href() lang=tl.clone() dir=td>{title}</a>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </section>
                    })}
                </div>
            }
        })
    }
}
