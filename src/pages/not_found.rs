use crate::components::title::Title;
use leptos::prelude::*;

use crate::domain::i18n::tr;
use crate::routes::Page;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Title text=tr::not_found_title() />
        <h1>{tr::not_found_title()}</h1>
        <p>{tr::not_found()}</p>
        <ul>
            <li><a href=Page::Home.href()>{tr::go_home()}</a></li>
            <li><a href=Page::Checklist(None).href()>{tr::open_checklist()}</a></li>
            <li><a href=Page::Resources(None).href()>{tr::find_help()}</a></li>
        </ul>
    }
}
