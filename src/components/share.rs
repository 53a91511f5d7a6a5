//! Sharing in the page: copying a link, a QR code, saving and reading files. Nothing here
//! talks to a server.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::i18n::tr;
use crate::domain::qr::Qr;
use crate::domain::share::ShareError;

/// Puts `text` on the clipboard; `false` if the browser does not allow it.
pub async fn copy_text(text: &str) -> bool {
    let clipboard = window().navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// Whether the browser has a system share sheet (the Web Share API, mostly on phones).
pub fn can_share() -> bool {
    js_sys::Reflect::has(&window().navigator(), &"share".into()).unwrap_or(false)
}

/// Opens the system share sheet with `url`; `false` if the user closed it or it failed.
pub async fn share_sheet(url: &str) -> bool {
    let data = web_sys::ShareData::new();
    data.set_url(url);
    JsFuture::from(window().navigator().share_with_data(&data)).await.is_ok()
}

/// A link in a read-only field with a "Copy link" button. Where copying is not allowed, the
/// field's text is selected so the user can copy it by hand.
#[component]
pub fn LinkBox(
    /// The id of the field (its label points at it).
    id: &'static str,
    /// The field's label.
    label: String,
    /// The link.
    #[prop(into)]
    link: Signal<String>,
) -> impl IntoView {
    let said = RwSignal::new(String::new());
    let copy = move |_| {
        let text = link.get_untracked();
        leptos::task::spawn_local(async move {
            if copy_text(&text).await {
                said.set(tr::link_copied());
            } else {
                if let Some(input) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                    input.select();
                }
                said.set(tr::copy_by_hand());
            }
        });
    };
    view! {
        <div class="field link-box">
            <label for=id>{label}</label>
            <input type="text" id=id readonly prop:value=link dir="ltr" on:focus=|ev| {
                if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                    input.select();
                }
            } />
            <button type="button" class="secondary" on:click=copy>{tr::copy_link()}</button>
            // On a phone: the system's own share sheet (messages, mail, chat apps), where the
            // browser has one. The link goes only where the user sends it.
            {can_share().then(|| view! {
                <button type="button" class="secondary share-sheet" on:click=move |_| {
                    let text = link.get_untracked();
                    leptos::task::spawn_local(async move {
                        if !share_sheet(&text).await {
                            said.set(String::new());
                        }
                    });
                }>{tr::share_link()}</button>
            })}
            <p class="hint" role="status">{move || said.get()}</p>
        </div>
    }
}

/// "Copy the link to this page": the address as it is now (filters included, and the part
/// after `#` where a shared plan travels). The frame puts it under every page.
#[component]
pub fn CopyPageLink() -> impl IntoView {
    let said = RwSignal::new(String::new());
    // "Link copied" belongs to the page it was said on.
    let location = crate::router::use_location();
    Effect::new(move |_| {
        location.pathname.track();
        location.search.track();
        said.set(String::new());
    });
    view! {
        <p class="page-link">
            <button type="button" class="secondary" on:click=move |_| {
                let href = window().location().href().unwrap_or_default();
                leptos::task::spawn_local(async move {
                    said.set(if copy_text(&href).await { tr::link_copied() } else { tr::copy_by_hand_page(&href) });
                });
            }>{tr::copy_page_link()}</button>
            " "<span role="status">{move || said.get()}</span>
        </p>
    }
}

/// A QR code for a link, drawn in the page.
#[component]
pub fn QrCode(
    /// The link the code holds.
    #[prop(into)]
    link: Signal<String>,
    /// What the code is for, read to screen readers.
    label: String,
) -> impl IntoView {
    move || match Qr::new(&link.get()) {
        Some(qr) => {
            let size = qr.size.to_string();
            // Four pixels a module at least, so a phone camera reads it from the screen; a
            // narrow screen shrinks it (CSS) and a printer draws it sharp at any size.
            let px = (qr.size * 4).to_string();
            view! {
                <figure class="qr">
                    <svg role="img" aria-label=label.clone() viewBox=format!("0 0 {size} {size}") width=px.clone() height=px
                        shape-rendering="crispEdges">
                        <rect width=size.clone() height=size.clone() fill="#fff" />
                        <path d=qr.svg_path() fill="#000" />
                    </svg>
                </figure>
            }
            .into_any()
        }
        None => view! { <p class="hint">{tr::too_long_for_qr()}</p> }.into_any(),
    }
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), String> {
    let js = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js)?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a").map_err(js)?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The text of the file chosen in a file field, if it is not larger than `max` bytes.
pub async fn read_chosen_file(input: &web_sys::HtmlInputElement, max: usize) -> Option<Result<String, ()>> {
    let file = input.files()?.get(0)?;
    if file.size() > max as f64 {
        return Some(Err(()));
    }
    let text = JsFuture::from(file.text()).await.ok()?.as_string()?;
    Some(Ok(text))
}

/// Plain words for why a link or file could not be read.
pub fn share_error_text(e: &ShareError) -> String {
    match e {
        ShareError::Empty => tr::share_error_empty(),
        ShareError::NotOurs => tr::share_error_not_ours(),
        ShareError::TooLarge => tr::share_error_too_large(),
        ShareError::Damaged => tr::share_error_damaged(),
        ShareError::Newer(_) => tr::share_error_newer(),
        ShareError::UnknownFields(fields) => tr::share_error_unknown_fields(&fields.join(", ")),
        ShareError::NotBackup => tr::share_error_not_backup(),
        ShareError::NotCourseFile => tr::share_error_not_course_file(),
    }
}

/// "Last backup: 12 days ago", or that there has been none.
pub fn last_backup_text(state: &crate::domain::state::SavedState) -> String {
    match state.days_since_backup(js_sys::Date::now()) {
        None => tr::never_backed_up(),
        Some(0) => tr::backed_up_today(),
        Some(days) => tr::last_backup_days(days),
    }
}
