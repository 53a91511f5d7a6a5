//! `/glossary/:country`: the official words of a country (as on the real forms, in the local
//! language) beside their plain meaning in the interface language: a bilingual glossary.

use std::sync::Arc;

use leptos::prelude::*;

use super::param;
use crate::components::title::Title;
use crate::components::unreviewed::Unreviewed;
use crate::components::with_pack::with_pack;
use crate::domain::content::{Pack, Term};
use crate::domain::i18n::tr;
use crate::domain::search::fold;
use crate::language::{language_name, pack_country};

#[component]
pub fn Glossary() -> impl IntoView {
    with_pack(param("country"), Arc::new(|pack: Arc<Pack>| view! { <TermList pack /> }.into_any()))
}

/// Whether every word of the query is in the term, its meaning, explanation or synonyms.
fn matches(term: &Term, query: &str) -> bool {
    let text = fold(&format!("{} {} {} {}", term.term, term.plain, term.explanation, term.synonyms.join(" ")));
    fold(query).split_whitespace().all(|w| text.contains(w))
}

#[component]
fn TermList(
    /// The country pack whose glossary to show.
    pack: Arc<Pack>,
) -> impl IntoView {
    let name = pack_country(&pack);
    let lang = pack.meta.local_language.clone();
    let query = RwSignal::new(String::new());
    let mut terms = pack.terms.clone();
    terms.sort_by_key(|t| fold(&t.term));
    let shown = {
        let terms = terms.clone();
        move || query.with(|q| terms.iter().filter(|t| matches(t, q)).cloned().collect::<Vec<_>>())
    };
    let count = {
        let shown = shown.clone();
        move || tr::glossary_count(shown().len())
    };
    let title = tr::glossary_title(&name);
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p class="lead">{tr::glossary_lead(&language_name(&lang))}</p>
        // Once for the page, not under every word.
        <Unreviewed pack=pack.clone() unreviewed=pack.terms.iter().any(|t| t.unreviewed) />
        <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
            <label for="glossary-search">{tr::glossary_search()}</label>
            <input type="search" id="glossary-search" autocomplete="off"
                prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev)) />
        </form>
        <p class="result-count" role="status" aria-live="polite">{count}</p>
        <dl class="terms glossary">
            {move || shown().into_iter().map(|t| {
                let pack = pack.clone();
                let (tl, td) = crate::components::steps::text_lang(&pack);
                view! {
                    <div id=format!("term-{}", t.id) data-term=t.id.clone()>
                        <dt><span lang=lang.clone() dir="ltr" class="local-term">{t.term.clone()}</span>" – "<span lang=tl.clone() dir=td>{t.plain.clone()}</span></dt>
                        <dd lang=tl dir=td>{t.explanation.clone()}</dd>
                    </div>
                }
            }).collect_view()}
        </dl>
    }
}
