//! "Translation not yet reviewed": said once on a page that shows translated text no fluent
//! speaker has checked yet.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::content::Pack;
use crate::domain::i18n::tr;

/// "Translation not yet reviewed": on an item of a translated pack that no fluent speaker
/// has checked yet.
#[component]
pub fn Unreviewed(
    /// The pack the item belongs to.
    pack: Arc<Pack>,
    /// Whether the item's translation is unreviewed.
    unreviewed: bool,
) -> impl IntoView {
    (unreviewed && pack.language != "en").then(|| {
        let text = if pack.language == pack.meta.local_language {
            tr::unreviewed_local()
        } else {
            tr::unreviewed(&crate::language::language_name(&pack.meta.local_language))
        };
        view! { <p class="unreviewed"><span aria-hidden="true">"⚠ "</span>{text}</p> }
    })
}
