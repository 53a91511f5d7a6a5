//! The app's shell: the frame of every page (header, notices, main, footer), the router and
//! focus after navigation. The shared state is in `crate::state`.

use crate::router::{use_page, Router};
use leptos::prelude::*;

use crate::components::focus::{focus, focus_in_place};
use crate::components::share::CopyPageLink;
use crate::components::shell::{Footer, Header, Notices};
use crate::domain::i18n::{self, tr};
use crate::pages;
use crate::routes::Page;
use crate::state::AppState;

#[component]
pub fn App() -> impl IntoView {
    // `start` opens the state in a task of its own; a test mounting the app alone gets a new one.
    let state = use_context::<AppState>().unwrap_or_else(|| {
        let state = AppState::new();
        provide_context(state);
        state
    });
    let ui = state.ui;
    // The service worker once the app is drawn: on a first visit its downloads (the files to
    // keep for offline use) then do not compete with the interface texts on a slow network.
    Effect::new(move |registered: Option<bool>| {
        if registered == Some(true) {
            return true;
        }
        let drawn = ui.installed.get().is_some();
        if drawn {
            state.updates.register();
        }
        drawn
    });
    // After a switch of language every view is drawn again: keep the keyboard on the switch.
    Effect::new(move |before: Option<Option<&'static i18n::Language>>| {
        let now = ui.installed.get();
        if before.flatten().is_some() && now.is_some() {
            request_animation_frame(|| focus("language-select"));
        }
        now
    });
    move || match ui.installed.get() {
        Some(_) => view! { <Frame /> }.into_any(),
        None => ui
            .failed
            .get()
            .map(|reason| {
                view! {
                    // No catalog yet, so this one message is in English.
                    <div class="problem" role="alert">
                        <p>"Career Kit could not load its texts. Check your internet connection and try again."</p>
                        <p class="detail">{reason}</p>
                        <button type="button" on:click=move |_| { ui.failed.set(None); state.packs.retry(); ui.wanted.update(|_| {}); }>"Try again"</button>
                    </div>
                }
            })
            .into_any(),
    }
}

/// The static first screen of index.html, while it is there.
fn boot_screen() -> Option<web_sys::Element> {
    document().get_element_by_id("boot")
}

/// The shell and the routes, in the installed language.
///
/// The first time, this is drawn in two tasks, the shell and then the page, so that neither
/// keeps a slow phone from answering input for long. The shell stays hidden and the static
/// first screen stays in view until the page is there too, so nothing flashes or moves. (When
/// the language changes, everything is drawn again at once.)
#[component]
fn Frame() -> impl IntoView {
    let page_ready = RwSignal::new(boot_screen().is_none());
    let shown = RwSignal::new(boot_screen().is_none());
    if !page_ready.get_untracked() {
        set_timeout(move || page_ready.set(true), std::time::Duration::ZERO);
    }
    // A pre-rendered page (`prerender`) already shows this route's content: it stays until the
    // app's own page has its heading (a few seconds at most), so the text does not blink away
    // into a loading line and back.
    let prerendered = document().query_selector("#boot-main[data-prerendered]").ok().flatten().is_some();
    let page = move || {
        page_ready.get().then(|| {
            take_over(shown, if prerendered { 60 } else { 0 });
            view! { <Routes /> }
        })
    };
    view! {
        <div class="app" hidden=move || !shown.get()>
            <Router>
                <FocusOnNavigate />
                <a class="skip-link" href="#main" on:click=skip_to_main>{tr::skip_to_content()}</a>
                <Header />
                <Notices />
                <main id="main" tabindex="-1">
                    {page}
                    // Every page's address can be copied, to send it on.
                    <CopyPageLink />
                </main>
                <Footer />
            </Router>
        </div>
    }
}

/// Shows the app and removes the first screen once the page has its heading, or after `tries`
/// looks 50 ms apart.
fn take_over(shown: RwSignal<bool>, tries: u32) {
    if tries == 0 || document().query_selector("#main h1").ok().flatten().is_some() {
        if let Some(boot) = boot_screen() {
            boot.remove();
        }
        shown.set(true);
    } else {
        set_timeout(move || take_over(shown, tries - 1), std::time::Duration::from_millis(50));
    }
}

/// The page the address names, drawn afresh when the path changes (a new query alone, as
/// when refining a search, keeps the page and lets it follow the query). Every page but the
/// home page and "not found" comes from a chunk of its own in a release build (`crate::lazy`).
#[component]
fn Routes() -> impl IntoView {
    use pages::{home, lazy, not_found};
    let page = use_page();
    move || match page.get() {
        None => view! { <not_found::NotFound /> }.into_any(),
        Some(Page::Home) => view! { <home::Home /> }.into_any(),
        Some(page) => lazy::page(page),
    }
}

/// After an in-app navigation, moves focus to the main landmark, so keyboard and screen-reader
/// users start at the new page's content (as after a full page load), not on the old link.
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let location = crate::router::use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            // Without scrolling: the new page starts at the top, header in view (the router
            // scrolls), as after a full page load.
            request_animation_frame(|| focus_in_place("main"));
        }
        path
    });
}

fn focus_main() {
    focus("main");
}

/// The skip link: with a `<base href>` a plain `#main` would resolve to the home page, so focus
/// the main landmark directly.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    focus_main();
}
