//! Pages that are not in the first download.
//!
//! The home page and "not found" are in the main wasm. Every other page, and the home page's
//! card of a returning visitor's guide, is behind a function declared with [`lazy_pages!`].
//! With the `split` feature, which `make dist` turns on, `tools/split.mjs` cuts them out of the
//! main wasm into chunks of their own.
//! - Each chunk is fetched the first time one of its pages opens, checked by its integrity.
//! - The service worker keeps every chunk for offline use.
//! - Without the feature (`trunk serve`, the browser tests, the benchmarks), the same functions
//!   simply draw the page from the one wasm.
//!
//! A chunk that cannot be fetched gives a clear message with "Try again", not a crash.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

use crate::domain::i18n::tr;

/// A page's chunk could not be fetched (the network, or a file that failed its integrity check).
#[derive(Debug, Clone, Copy)]
pub struct NotLoaded;

impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// The result of drawing a page from its chunk.
pub type Loaded = Result<AnyView, NotLoaded>;

/// Declares functions that draw pages, one chunk per function:
/// `lazy_pages! { guide(page) => match page { … }; }` gives `async fn guide(page: Page) -> Loaded`.
/// Code that pages in different chunks share goes into smaller chunks of its own, fetched with
/// the first page that needs it.
macro_rules! lazy_pages {
    ($($(#[$doc:meta])* $name:ident($page:ident) => $view:expr;)*) => {$(
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($name, fallible, wasm_split_path = ::leptos::wasm_split)]
        pub fn $name($page: $crate::routes::Page) -> $crate::lazy::Loaded {
            Ok($view)
        }

        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name($page: $crate::routes::Page) -> $crate::lazy::Loaded {
            Ok($view)
        }
    )*};
}
pub(crate) use lazy_pages;

/// Drawing a page from its chunk, as `lazy_page` starts it (again on "Try again").
pub type Load = Pin<Box<dyn Future<Output = Loaded>>>;

/// Draws a page from its chunk: at once when the chunk is already here (no flash), otherwise
/// a loading line, then the page; if the chunk cannot be fetched, a message and "Try again".
pub fn lazy_page(load: impl Fn() -> Load + Send + Sync + 'static) -> AnyView {
    lazy_view(load, Drawn::Page)
}

/// What a chunk draws: a whole page, or the home page's card of the user's own guide (which
/// needs the guide's code, and the guide itself, only when the user has chosen a country).
#[derive(Clone, Copy, PartialEq)]
pub enum Drawn {
    Page,
    GuideCard,
}

/// Draws a page or a part of one from its chunk (see [`lazy_page`]).
pub fn lazy_view(load: impl Fn() -> Load + Send + Sync + 'static, drawn: Drawn) -> AnyView {
    let attempt = RwSignal::new(0u32);
    let waiting = RwSignal::new(true);
    let page_view = move || {
        attempt.track();
        let pending = load();
        Suspend::new(send_wrapper::SendWrapper::new(async move {
            let view = match pending.await {
                Ok(view) => view,
                Err(NotLoaded) => not_loaded(attempt, waiting, drawn),
            };
            waiting.set(false);
            view
        }))
    };
    // After the page: a chunk that is already here sets `waiting` before this is first drawn.
    // The line shows only after a moment (CSS), so a quick fetch does not flash it.
    let loading = move || {
        let text = if drawn == Drawn::Page { tr::page_loading() } else { tr::guide_loading() };
        waiting.get().then(|| view! { <p class="loading later" role="status">{text}</p> })
    };
    view! { {page_view} {loading} }.into_any()
}

/// The message for a chunk that could not be fetched. "Try again" fetches it again (a failed
/// fetch is not remembered).
fn not_loaded(attempt: RwSignal<u32>, waiting: RwSignal<bool>, drawn: Drawn) -> AnyView {
    let title = match drawn {
        Drawn::Page => view! { <h1>{tr::page_failed_title()}</h1> }.into_any(),
        Drawn::GuideCard => view! { <h2>{tr::guide_failed_title()}</h2> }.into_any(),
    };
    view! {
        <div class="problem" role="alert">
            {title}
            <p>{tr::guide_failed()}</p>
            <button type="button" on:click=move |_| {
                waiting.set(true);
                attempt.update(|n| *n += 1);
            }>{tr::try_again()}</button>
        </div>
    }
    .into_any()
}
