//! The syntax of interface messages, shared by the build script (`build.rs` includes this file
//! by path) and the app: placeholders, and plural forms packed into one downloaded string.
//! Standard library only, so both can compile it.

use std::collections::BTreeSet;

/// Marks plural forms in a downloaded message: `\u{1F}one\u{1E}text\u{1F}other\u{1E}text`.
/// (Plain strings keep the download and the code that reads it small.)
pub const FORM: char = '\u{1F}';
pub const FORM_TEXT: char = '\u{1E}';

/// Plural forms (category name, text) as one downloaded string.
pub fn encode_forms<'a>(forms: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    forms.into_iter().map(|(category, text)| format!("{FORM}{category}{FORM_TEXT}{text}")).collect()
}

/// The placeholders of a text: `{#count}`, `{name}`; an error for a brace left open or closed.
pub fn placeholders(text: &str) -> Result<BTreeSet<String>, String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    loop {
        let open = rest.find('{');
        let close = rest.find('}');
        match (open, close) {
            (None, None) => return Ok(found),
            (Some(o), Some(c)) if o < c => {
                let name = &rest[o + 1..c];
                let bare = name.strip_prefix('#').unwrap_or(name);
                if bare.is_empty() || !bare.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_') {
                    return Err(format!("“{{{name}}}” is not a placeholder (use {{name}} or {{#count}})"));
                }
                found.insert(name.to_string());
                rest = &rest[c + 1..];
            }
            _ => return Err("a “{” or “}” without its pair".into()),
        }
    }
}
