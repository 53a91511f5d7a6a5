//! Downloads content packs: `packs/index.json` once (or reads it from the page, where `make dist`
//! writes it), then one country in one language when a page needs it. Results are kept for the
//! rest of the visit.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::content::{Pack, PackIndex};
use crate::routes::base;

/// The state of a download.
#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(String),
}

/// Fetches a text file from the app's own origin.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let js = |e: wasm_bindgen::JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
    let window = web_sys::window().ok_or("no window")?;
    let resp = JsFuture::from(window.fetch_with_str(url)).await.map_err(js)?;
    let resp: web_sys::Response = resp.dyn_into().map_err(js)?;
    if !resp.ok() {
        return Err(format!("{url}: HTTP {}", resp.status()));
    }
    let text = JsFuture::from(resp.text().map_err(js)?).await.map_err(js)?;
    let text = text.as_string().ok_or_else(|| format!("{url}: not text"))?;
    crate::offline::keep(url);
    Ok(text)
}

async fn fetch_json<T: serde::de::DeserializeOwned>(url: String) -> Result<T, String> {
    let text = fetch_text(&url).await?;
    serde_json::from_str(&text).map_err(|e| format!("{url}: {e}"))
}

/// The pack index written into index.html at build time, if it is there and reads.
fn embedded_index() -> Option<PackIndex> {
    let text = web_sys::window()?.document()?.get_element_by_id("pack-index")?.text_content()?;
    serde_json::from_str(&text).ok()
}

/// All downloaded content, shared by every page.
#[derive(Clone, Copy)]
pub struct Packs {
    index: RwSignal<Load<Arc<PackIndex>>>,
    /// Keyed by `country.language`.
    packs: RwSignal<BTreeMap<String, Load<Arc<Pack>>>>,
}

impl Packs {
    pub fn new() -> Self {
        let this = Packs { index: RwSignal::new(Load::Loading), packs: RwSignal::new(BTreeMap::new()) };
        this.load_index();
        this
    }

    fn load_index(self) {
        // `make dist` writes the index into the page (tools/inline-index.mjs): no round trip.
        if let Some(index) = embedded_index() {
            self.index.set(Load::Ready(Arc::new(index)));
            return;
        }
        self.index.set(Load::Loading);
        leptos::task::spawn_local(async move {
            let result = fetch_json::<PackIndex>(format!("{}/packs/index.json", base())).await;
            self.index.set(match result {
                Ok(index) => Load::Ready(Arc::new(index)),
                Err(e) => Load::Failed(e),
            });
        });
    }

    /// The list of countries (reactive).
    pub fn index(&self) -> Load<Arc<PackIndex>> {
        self.index.get()
    }

    /// One country's pack in `language`, or in English when that language is not written
    /// yet (reactive). Starts the download the first time it is asked for.
    pub fn pack(self, country: &str, language: &str) -> Option<Load<Arc<Pack>>> {
        let index = match self.index.get() {
            Load::Ready(index) => index,
            Load::Loading => return Some(Load::Loading),
            Load::Failed(e) => return Some(Load::Failed(e)),
        };
        let entry = index.packs.iter().find(|p| p.id == country)?;
        let (lang, file) = entry.files.get_key_value(language).or_else(|| entry.files.get_key_value("en")).or_else(|| entry.files.iter().next())?;
        let key = format!("{country}.{lang}");
        if let Some(state) = self.packs.with(|p| p.get(&key).cloned()) {
            return Some(state);
        }
        let url = format!("{}/packs/{file}", base());
        // Mark it loading outside this reactive read, then download.
        let packs = self.packs;
        leptos::task::spawn_local(async move {
            if packs.with_untracked(|p| p.contains_key(&key)) {
                return;
            }
            packs.update(|p| {
                p.insert(key.clone(), Load::Loading);
            });
            let result = fetch_json::<Pack>(url).await;
            packs.update(|p| {
                p.insert(
                    key,
                    match result {
                        Ok(pack) => Load::Ready(Arc::new(pack)),
                        Err(e) => Load::Failed(e),
                    },
                );
            });
        });
        Some(Load::Loading)
    }

    /// Tries failed downloads again.
    pub fn retry(self) {
        if matches!(self.index.get_untracked(), Load::Failed(_)) {
            self.load_index();
        }
        self.packs.update(|p| p.retain(|_, v| !matches!(v, Load::Failed(_))));
    }
}

impl Default for Packs {
    fn default() -> Self {
        Self::new()
    }
}
