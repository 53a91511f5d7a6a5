use leptos::prelude::*;
use crate::components::title::Title;

use crate::routes::Page;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Title text="Page not found" />
        <h1>"Page not found"</h1>
        <p>"There is no page at this address. The link may be old or mistyped."</p>
        <ul>
            <li><a href=Page::Home.href()>"Go to the start page"</a></li>
            <li><a href=Page::Checklist(None).href()>"Open the checklist"</a></li>
            <li><a href=Page::Resources(None).href()>"Find help and resources"</a></li>
        </ul>
    }
}
