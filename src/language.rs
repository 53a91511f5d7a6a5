//! The interface language in the browser, and its one owner, [`Ui`]: which language to start
//! in, switching (and saving the choice), downloading its catalog, `<html lang dir>`, and names
//! of languages and countries written in the interface language (from the browser's own
//! `Intl.DisplayNames`, so no list of names is downloaded). The switch and the list the user
//! picks from are views, in `crate::components::language`.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::domain::i18n::{self, Catalog, Language, Texts};
use crate::domain::state::SavedState;
use crate::packs::{fetch_text, Load};
use crate::routes::base;

/// The URL parameter an adviser's link names the client's language with: `?lang=ar`.
pub const LINK_PARAM: &str = "lang";

/// The `lang` parameter of the address the page was opened with.
pub fn link_language() -> Option<String> {
    let search = window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(LINK_PARAM)
}

/// Where this visit's language from a link is kept (the tab's session storage: it ends with the
/// tab, and stays on the device).
const VISIT_KEY: &str = "career-kit/visit-language";

fn session() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// The language a link gave this visit, if any.
fn visit_language() -> Option<String> {
    session()?.get_item(VISIT_KEY).ok().flatten()
}

fn remember_visit_language(code: &str) {
    if let Some(s) = session() {
        let _ = s.set_item(VISIT_KEY, code);
    }
}

fn forget_visit_language() {
    if let Some(s) = session() {
        let _ = s.remove_item(VISIT_KEY);
    }
}

/// Removes `lang` from the address (after the user chose another language, so a reload keeps
/// their choice).
pub fn forget_link_language() {
    let location = window().location();
    let (Ok(search), Ok(path), Ok(hash)) = (location.search(), location.pathname(), location.hash()) else { return };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else { return };
    if params.get(LINK_PARAM).is_none() {
        return;
    }
    params.delete(LINK_PARAM);
    let rest = String::from(params.to_string());
    let url = format!("{path}{}{rest}{hash}", if rest.is_empty() { "" } else { "?" });
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The browser's preferred languages, best first.
pub fn browser_languages() -> Vec<String> {
    window().navigator().languages().iter().filter_map(|v| v.as_string()).collect()
}

/// Sets `<html lang dir>`, so screen readers pronounce the text and the layout mirrors.
pub fn apply_to_document(language: &Language) {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", language.code);
        let _ = html.set_attribute("dir", if language.rtl { "rtl" } else { "ltr" });
    }
}

/// Downloads a language's catalog (its file name comes from `packs/index.json`).
pub async fn download(file: String) -> Result<Texts, String> {
    let text = fetch_text(&format!("{}/packs/{file}", base())).await?;
    let catalog: Catalog = serde_json::from_str(&text).map_err(|e| format!("{file}: {e}"))?;
    Texts::new(catalog)
}

/// The language the interface is in, and the one the user asked for (they differ while its
/// catalog downloads).
#[derive(Clone, Copy)]
pub struct Ui {
    /// The installed language; every view is drawn again when it changes.
    pub installed: RwSignal<Option<&'static Language>>,
    /// The language asked for.
    pub wanted: RwSignal<&'static Language>,
    /// Why the asked-for language could not be loaded.
    pub failed: RwSignal<Option<String>>,
}

impl Ui {
    /// The language to start in: an adviser's link first (for the rest of this visit, also
    /// on pages opened without it), then the saved choice, then the browser's. A link's
    /// language is never saved as the user's choice: only the user's own choice is.
    pub fn start(packs: crate::packs::Packs, saved: RwSignal<SavedState>) -> Ui {
        let link = link_language().filter(|l| i18n::supported(l).is_some()).or_else(visit_language);
        let chosen = saved.with_untracked(|s| s.settings.language.clone());
        let start = i18n::negotiate(link.as_deref(), chosen.as_deref(), &browser_languages());
        if link.as_deref().and_then(i18n::supported) == Some(start) {
            remember_visit_language(start.code);
        }
        Ui::new(packs, start)
    }

    /// The code of the language the interface is in (reactive); English until a catalog is in.
    pub fn code(&self) -> &'static str {
        self.installed.get().unwrap_or(i18n::ENGLISH).code
    }

    /// Switches to the language with this code and saves the choice; an unknown code changes
    /// nothing.
    pub fn choose(&self, saved: RwSignal<SavedState>, code: &str) {
        if let Some(lang) = i18n::language(code) {
            forget_link_language();
            forget_visit_language();
            saved.update(|s| s.choose_language(lang.code));
            self.wanted.set(lang);
        }
    }

    /// Starts in `wanted`, downloading catalogs as the choice changes.
    pub fn new(packs: crate::packs::Packs, wanted: &'static Language) -> Ui {
        let ui = Ui { installed: RwSignal::new(None), wanted: RwSignal::new(wanted), failed: RwSignal::new(None) };
        Effect::new(move |_| {
            let want = ui.wanted.get();
            if ui.installed.get_untracked() == Some(want) {
                return;
            }
            let index = match packs.index() {
                Load::Ready(index) => index,
                Load::Loading => return,
                Load::Failed(e) => return ui.failed.set(Some(e)),
            };
            let Some(file) = index.ui.get(want.code).cloned() else {
                return ui.failed.set(Some(format!("no catalog for {}", want.code)));
            };
            leptos::task::spawn_local(async move {
                let result = download(file).await;
                // Reading the texts is one task and drawing every view in them the next, so a
                // slow phone is not blocked for the length of both.
                gloo_timers::future::TimeoutFuture::new(0).await;
                // Only the latest choice counts, if the user chose again meanwhile.
                if ui.wanted.get_untracked() != want {
                    return;
                }
                match result {
                    Ok(texts) => {
                        i18n::set_current(texts);
                        apply_to_document(want);
                        forget_names();
                        ui.failed.set(None);
                        ui.installed.set(Some(want));
                    }
                    Err(e) => {
                        ui.failed.set(Some(e));
                        // Keep the language that works.
                        if let Some(now) = ui.installed.get_untracked() {
                            ui.wanted.set(now);
                        }
                    }
                }
            });
        });
        ui
    }
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl)]
    type DisplayNames;
    #[wasm_bindgen(constructor, js_namespace = Intl, catch)]
    fn new(locales: &str, options: &JsValue) -> Result<DisplayNames, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn of(this: &DisplayNames, code: &str) -> Result<JsValue, JsValue>;
}

thread_local! {
    /// Language names and region names in the current language, each made when first asked for
    /// (making one costs tens of milliseconds on a slow phone; the home page needs only regions).
    static NAMES: RefCell<[Option<Option<DisplayNames>>; 2]> = const { RefCell::new([None, None]) };
}

/// Drops the names made for the language before (after a switch).
pub fn forget_names() {
    NAMES.with(|n| *n.borrow_mut() = [None, None]);
}

fn display_name(region: bool, code: &str) -> Option<String> {
    NAMES.with(|names| {
        let mut names = names.borrow_mut();
        let names = names[usize::from(region)].get_or_insert_with(|| {
            let options = js_sys::Object::new();
            js_sys::Reflect::set(&options, &"type".into(), &(if region { "region" } else { "language" }).into()).ok()?;
            DisplayNames::new(i18n::current().code, &options).ok()
        });
        names.as_ref()?.of(code).ok()?.as_string().filter(|n| !n.is_empty() && n != code)
    })
}

/// A language's name in the interface language ("Arabisch" in German), or its code.
pub fn language_name(code: &str) -> String {
    display_name(false, code).unwrap_or_else(|| code.to_string())
}

/// A pack's country name in the interface language: its own when the pack is in that language.
pub fn pack_country(pack: &crate::domain::content::Pack) -> String {
    if pack.language == i18n::current().code {
        return pack.meta.name.clone();
    }
    country_name(&pack.meta.id, &pack.meta.name)
}

/// A country of the pack index in the interface language: the name the pack or its translation
/// gives, else the browser's, else the English one.
pub fn entry_country(entry: &crate::domain::content::PackEntry) -> String {
    match entry.names.get(i18n::current().code) {
        Some(name) => name.clone(),
        None => country_name(&entry.id, &entry.name),
    }
}

/// A country's name in the interface language, from its ISO 3166 code; `fallback` (the
/// pack's own name) when the browser does not know it.
pub fn country_name(code: &str, fallback: &str) -> String {
    display_name(true, &code.to_ascii_uppercase()).unwrap_or_else(|| fallback.to_string())
}
