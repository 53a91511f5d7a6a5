//! The document title, per page. (A few lines instead of leptos_meta, which costs bytes every
//! user downloads.)

use leptos::prelude::*;

/// Sets the tab title to "`text` – Career Kit" (just "Career Kit" when empty) while the page shows.
#[component]
pub fn Title(
    /// The page's own title.
    #[prop(into)]
    text: String,
) -> impl IntoView {
    let full = if text.is_empty() { "Career Kit".to_string() } else { format!("{text} – Career Kit") };
    document().set_title(&full);
}
