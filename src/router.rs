//! The address bar and the current page, kept in step.
//!
//! The app has its own small router instead of leptos_router: [`crate::routes::Page`] already
//! turns every path into a page and back, so all a router has to add is the location as a
//! signal, link clicks handled in the page, the back and forward buttons, and scrolling. That
//! made the wasm about 100 KB smaller (29 KiB brotli) and the start-up's longest task about half
//! as long (Lighthouse, 4x CPU: 254 -> 116 ms), and links keep the base they were built with (see [`crate::routes`]).
//!
//! - [`Router`] provides the location and listens for clicks and history changes;
//! - [`use_location`] reads the path (under the base), the query and the fragment;
//! - [`use_navigate`] goes to a path under the base, pushing or replacing the history entry;
//! - [`use_page`] is the page the path names; [`param`] one of its parts.

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::routes::{base, under_base, Address, Page};

/// The address the browser shows now, under the app's base.
fn current() -> Address {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    Address {
        path: under_base(&path, &base()).unwrap_or(path),
        search: location.search().unwrap_or_default().trim_start_matches('?').to_string(),
        hash: location.hash().unwrap_or_default(),
    }
}

/// Where the app is, as signals.
#[derive(Clone, Copy)]
pub struct Location {
    address: RwSignal<Address>,
    /// The path under the base: `/checklist/no`.
    pub pathname: Memo<String>,
    /// The query, without `?`.
    pub search: Memo<String>,
    /// The fragment, with its `#`.
    pub hash: Memo<String>,
    /// The page the path names (`None`: not found).
    page: Memo<Option<Page>>,
}

/// How to go somewhere.
#[derive(Clone, Copy, Debug)]
pub struct NavigateOptions {
    /// Replace the current history entry instead of adding one (refining a search).
    pub replace: bool,
    /// Scroll to the top, or to the element the fragment names.
    pub scroll: bool,
}

impl Default for NavigateOptions {
    fn default() -> Self {
        Self { replace: false, scroll: true }
    }
}

impl Location {
    fn new() -> Self {
        let address = RwSignal::new(current());
        Self {
            address,
            pathname: Memo::new(move |_| address.with(|a| a.path.clone())),
            search: Memo::new(move |_| address.with(|a| a.search.clone())),
            hash: Memo::new(move |_| address.with(|a| a.hash.clone())),
            page: Memo::new(move |_| address.with(|a| Page::parse(&a.path))),
        }
    }

    /// Goes to `to`, a path under the base with an optional query and fragment.
    pub fn navigate(&self, to: &str, options: NavigateOptions) {
        let next = Address::parse(to);
        if let Ok(history) = window().history() {
            let href = next.href_under(&base());
            let _ = if options.replace {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href))
            } else {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href))
            };
        }
        let hash = next.hash.clone();
        self.address.set(next);
        if options.scroll {
            // After the new page is drawn.
            request_animation_frame(move || scroll_to(&hash));
        }
    }
}

/// Scrolls to the element a fragment names, or to the top.
fn scroll_to(hash: &str) {
    let id = js_sys::decode_uri_component(hash.trim_start_matches('#')).ok().and_then(|s| s.as_string()).unwrap_or_default();
    match (!id.is_empty()).then(|| document().get_element_by_id(&id)).flatten() {
        Some(target) => target.scroll_into_view(),
        None => window().scroll_to_with_x_and_y(0.0, 0.0),
    }
}

/// The location, for the pages inside [`Router`].
pub fn use_location() -> Location {
    expect_context::<Location>()
}

/// A function that goes to a path under the base (`Page::path()`, plus a query or fragment).
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone + Send + Sync + 'static {
    let location = use_location();
    move |to: &str, options: NavigateOptions| location.navigate(to, options)
}

/// The page the address names (`None`: not found).
pub fn use_page() -> Memo<Option<Page>> {
    use_location().page
}

/// A part of the current page's path as a reactive closure (empty when the page has none):
/// `country`, `step` or `id`.
pub fn param(name: &'static str) -> Arc<dyn Fn() -> String + Send + Sync> {
    let page = use_page();
    Arc::new(move || page.with(|p| p.as_ref().and_then(|p| p.param(name)).map(str::to_string).unwrap_or_default()))
}

/// Provides the location to its children and keeps it in step with the address bar: clicks on
/// links to pages of the app are handled in the page (no reload), and the back and forward
/// buttons show the page they go to.
#[component]
pub fn Router(children: Children) -> impl IntoView {
    let location = Location::new();
    provide_context(location);
    let clicks = window_event_listener(ev::click, move |e| {
        if let Some(to) = link_in_app(&e) {
            e.prevent_default();
            location.navigate(&to, NavigateOptions::default());
        }
    });
    let history = window_event_listener(ev::popstate, move |_| location.address.set(current()));
    on_cleanup(move || {
        clicks.remove();
        history.remove();
    });
    children()
}

/// Goes to `path` (under the base) in place of the current address, once drawn.
#[component]
pub fn Redirect(
    /// Where to go: `Page::path()`.
    #[prop(into)]
    path: String,
) -> impl IntoView {
    let location = use_location();
    Effect::new(move |_| location.navigate(&path, NavigateOptions { replace: true, scroll: true }));
}

/// The address under the base that a click on a link asks for, when the app should show it
/// itself: a plain left click, on a link without a target or download, to a page under the
/// app's base on this site.
fn link_in_app(e: &web_sys::MouseEvent) -> Option<String> {
    if e.default_prevented() || e.button() != 0 || e.meta_key() || e.alt_key() || e.ctrl_key() || e.shift_key() {
        return None;
    }
    let link = e.target()?.dyn_into::<web_sys::Element>().ok()?.closest("a[href]").ok()??;
    let link: web_sys::HtmlAnchorElement = link.dyn_into().ok()?;
    if !link.target().is_empty() || link.has_attribute("download") || link.rel().split_whitespace().any(|r| r == "external") {
        return None;
    }
    let url = web_sys::Url::new(&link.href()).ok()?;
    if url.origin() != window().location().origin().ok()? {
        return None;
    }
    let path = under_base(&url.pathname(), &base())?;
    Some(format!("{path}{}{}", url.search(), url.hash()))
}
