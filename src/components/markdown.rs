//! The one renderer for the content Markdown subset. It builds views from the parsed tree:
//! no HTML string is ever inserted, and only `https:`, `mailto:` and `tel:` links are live.

use leptos::prelude::*;

use crate::domain::markdown::{parse, Block, Inline};

fn inline_view(parts: Vec<Inline>) -> impl IntoView {
    parts
        .into_iter()
        .map(|part| match part {
            Inline::Text(t) => t.into_any(),
            // Emphasis marks the official local words: isolated, so a Latin word keeps its letters
            // in order inside a right-to-left sentence.
            Inline::Emphasis(t) => view! { <em dir="auto">{t}</em> }.into_any(),
            Inline::Strong(t) => view! { <strong>{t}</strong> }.into_any(),
            Inline::Link { text, href: Some(href) } => view! { <ExternalLink href=href>{text}</ExternalLink> }.into_any(),
            Inline::Link { text, href: None } => text.into_any(),
        })
        .collect_view()
}

/// Renders a content body.
#[component]
pub fn Markdown(
    /// The Markdown source (paragraphs, lists, emphasis, links).
    #[prop(into)]
    source: String,
) -> impl IntoView {
    parse(&source)
        .into_iter()
        .map(|block| match block {
            Block::Paragraph(parts) => view! { <p>{inline_view(parts)}</p> }.into_any(),
            Block::List { ordered: false, items } => view! {
                <ul>{items.into_iter().map(|i| view! { <li>{inline_view(i)}</li> }).collect_view()}</ul>
            }
            .into_any(),
            Block::List { ordered: true, items } => view! {
                <ol>{items.into_iter().map(|i| view! { <li>{inline_view(i)}</li> }).collect_view()}</ol>
            }
            .into_any(),
        })
        .collect_view()
}

/// A link to an official page outside the app, opened in a new tab and said so.
#[component]
pub fn ExternalLink(
    /// Target; only https, mailto and tel targets become links, anything else is text.
    #[prop(into)]
    href: String,
    /// The link text.
    children: Children,
) -> impl IntoView {
    if crate::domain::markdown::is_live_href(&href) {
        let new_tab = href.starts_with("https://");
        view! {
            <a href=href rel=new_tab.then_some("noopener noreferrer") target=new_tab.then_some("_blank")>
                {children()}
                {new_tab.then(|| view! { <span class="visually-hidden">" "{crate::domain::i18n::tr::opens_in_new_tab()}</span> })}
            </a>
        }
        .into_any()
    } else {
        view! { <span>{children()}</span> }.into_any()
    }
}
