//! Moving the keyboard focus, for views that change what is on screen.

use leptos::prelude::*;

/// Moves keyboard focus to the element with this id, if there is one (scrolling it into view).
pub fn focus(id: &str) {
    if let Some(e) = element(id) {
        let _ = e.focus();
    }
}

/// Moves keyboard focus to the element with this id without scrolling.
pub fn focus_in_place(id: &str) {
    if let Some(e) = element(id) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = e.focus_with_options(&options);
    }
}

fn element(id: &str) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    document().get_element_by_id(id)?.dyn_into().ok()
}
