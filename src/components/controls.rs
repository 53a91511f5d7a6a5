//! Form controls used across pages, in one place: the same markup, focus ring and labelling
//! everywhere.
//!
//! They take type-erased values (`Signal`, `Arc<dyn Fn>`) on purpose: a generic control would
//! be compiled once per call site, and every copy is downloaded by every user.

use std::sync::Arc;

use leptos::prelude::*;

/// What a control calls when the user changes it.
pub type OnChange<T> = Arc<dyn Fn(T) + Send + Sync>;

/// A value that follows the saved state.
pub fn derived<T: Clone + Send + Sync + 'static>(f: impl Fn() -> T + Send + Sync + 'static) -> Signal<T> {
    Signal::derive(f)
}

/// A tick box (`radio == false`) or radio button, with its label wrapped around it.
pub fn choice(radio: bool, id: String, name: &'static str, label: AnyView, checked: Signal<bool>, on_change: OnChange<bool>) -> AnyView {
    view! {
        <label class="check">
            <input type=if radio { "radio" } else { "checkbox" } id=id name=name
                prop:checked=checked on:change=move |ev| on_change(event_target_checked(&ev)) />
            <span>{label}</span>
        </label>
    }
    .into_any()
}

/// Options of a `<select>`: groups of (value, text); a group without a name is not grouped.
pub type Options = Vec<(Option<String>, Vec<(String, String)>)>;

/// A labelled `<select>`. The option with `value`'s current value starts selected.
pub fn select(id: &'static str, label: AnyView, value: Signal<String>, options: Options, on_change: OnChange<String>) -> AnyView {
    let now = value.get_untracked();
    let option = |(v, text): (String, String)| {
        let selected = v == now;
        view! { <option value=v selected=selected>{text}</option> }
    };
    let groups = options
        .into_iter()
        .map(|(group, opts)| match group {
            None => opts.into_iter().map(option).collect_view().into_any(),
            Some(g) => view! { <optgroup label=g>{opts.into_iter().map(option).collect_view()}</optgroup> }.into_any(),
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id prop:value=value on:change=move |ev| on_change(event_target_value(&ev))>{groups}</select>
        </div>
    }
    .into_any()
}

/// What a button calls.
pub type OnClick = Arc<dyn Fn() + Send + Sync>;

/// A question before something is deleted or replaced: the question, what it would change
/// (`details`), a "yes" button that does it and a "no" button that leaves everything as it is.
pub fn confirm_dialog(question: String, details: AnyView, yes: String, no: String, on_yes: OnClick, on_no: OnClick) -> AnyView {
    view! {
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-question">
            <p id="confirm-question"><strong>{question}</strong></p>
            {details}
            <button type="button" class="danger" on:click=move |_| on_yes()>{yes}</button>
            <button type="button" class="secondary" on:click=move |_| on_no()>{no}</button>
        </div>
    }
    .into_any()
}
