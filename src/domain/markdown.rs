//! A small, safe Markdown subset for content bodies: paragraphs, bullet and numbered lists,
//! `*emphasis*`, `**strong**` and `[links](https://...)`. It parses into a tree that the one
//! renderer (`components::markdown`) turns into views; no HTML string is ever produced, and
//! only `https:`, `mailto:` and `tel:` links are live: anything else shows as plain text.

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    List { ordered: bool, items: Vec<Vec<Inline>> },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    Text(String),
    Emphasis(String),
    Strong(String),
    /// `href` is `None` when the target is not an allowed scheme: render the text only.
    Link {
        text: String,
        href: Option<String>,
    },
}

/// True for the link targets the app makes clickable.
pub fn is_live_href(href: &str) -> bool {
    if href.chars().any(|c| c.is_control() || c.is_whitespace() || is_invisible_format(c)) {
        return false;
    }
    let lower = href.to_ascii_lowercase();
    (lower.starts_with("https://") && href.len() > 8) || lower.starts_with("mailto:") || lower.starts_with("tel:")
}

/// Characters that change how text around them is shown without being seen themselves: the
/// bidirectional controls (U+202E turns "moc.evil" into "live.com") and zero-width characters.
/// No address needs them; an address holding one is refused.
pub fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

fn list_item(line: &str) -> Option<(bool, &str)> {
    let t = line.trim_start();
    if let Some(rest) = t.strip_prefix("- ").or_else(|| t.strip_prefix("* ")) {
        return Some((false, rest));
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < 4 {
        if let Some(rest) = t[digits..].strip_prefix(". ") {
            return Some((true, rest));
        }
    }
    None
}

/// Parses a body into blocks. Never fails: anything it does not understand is text.
pub fn parse(src: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut list: Option<(bool, Vec<String>)> = None;

    fn flush_para(blocks: &mut Vec<Block>, para: &mut Vec<&str>) {
        if !para.is_empty() {
            blocks.push(Block::Paragraph(inline(&para.join(" "))));
            para.clear();
        }
    }
    fn flush_list(blocks: &mut Vec<Block>, list: &mut Option<(bool, Vec<String>)>) {
        if let Some((ordered, items)) = list.take() {
            blocks.push(Block::List { ordered, items: items.iter().map(|i| inline(i)).collect() });
        }
    }

    for line in src.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush_para(&mut blocks, &mut para);
            flush_list(&mut blocks, &mut list);
        } else if let Some((ordered, rest)) = list_item(line) {
            flush_para(&mut blocks, &mut para);
            match &mut list {
                Some((o, items)) if *o == ordered => items.push(rest.trim().to_string()),
                _ => {
                    flush_list(&mut blocks, &mut list);
                    list = Some((ordered, vec![rest.trim().to_string()]));
                }
            }
        } else if let Some((_, items)) = &mut list {
            // A continuation line of the last list item.
            let last = items.last_mut().expect("a list has an item");
            last.push(' ');
            last.push_str(trimmed);
        } else {
            para.push(trimmed);
        }
    }
    flush_para(&mut blocks, &mut para);
    flush_list(&mut blocks, &mut list);
    blocks
}

/// Parses inline markup in one paragraph or list item.
pub fn inline(src: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = src;
    let flush = |text: &mut String, out: &mut Vec<Inline>| {
        if !text.is_empty() {
            out.push(Inline::Text(std::mem::take(text)));
        }
    };
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("**") {
            if let Some(end) = after.find("**").filter(|&e| e > 0) {
                flush(&mut text, &mut out);
                out.push(Inline::Strong(after[..end].to_string()));
                rest = &after[end + 2..];
                continue;
            }
        } else if c == '*' || c == '_' {
            let after = &rest[1..];
            if let Some(end) = after.find(c).filter(|&e| e > 0 && !after.starts_with(' ')) {
                flush(&mut text, &mut out);
                out.push(Inline::Emphasis(after[..end].to_string()));
                rest = &after[end + 1..];
                continue;
            }
        } else if c == '[' {
            if let Some((label, href, len)) = link_at(rest) {
                flush(&mut text, &mut out);
                let live = is_live_href(href);
                out.push(Inline::Link { text: label.to_string(), href: live.then(|| href.to_string()) });
                rest = &rest[len..];
                continue;
            }
        }
        text.push(c);
        rest = &rest[c.len_utf8()..];
    }
    flush(&mut text, &mut out);
    out
}

/// `[label](href)` at the start of `s`: the label, the href and the length consumed.
fn link_at(s: &str) -> Option<(&str, &str, usize)> {
    let close = s.find("](")?;
    let label = &s[1..close];
    if label.is_empty() || label.contains('[') || label.contains(']') {
        return None;
    }
    let after = &s[close + 2..];
    let end = after.find(')')?;
    Some((label, &after[..end], close + 2 + end + 1))
}

/// Every link target in a body, for validation.
pub fn links(src: &str) -> Vec<String> {
    parse(src)
        .into_iter()
        .flat_map(|b| match b {
            Block::Paragraph(i) => i,
            Block::List { items, .. } => items.into_iter().flatten().collect(),
        })
        .filter_map(|i| match i {
            Inline::Link { text, href } => Some(href.unwrap_or_else(|| raw_href_of(src, &text))),
            _ => None,
        })
        .collect()
}

fn raw_href_of(src: &str, label: &str) -> String {
    let pat = format!("[{label}](");
    src.find(&pat).and_then(|i| src[i + pat.len()..].split(')').next()).unwrap_or_default().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Inline::*;

    #[test]
    fn paragraphs_and_lists() {
        let blocks = parse("First line\ncontinues.\n\n- one\n- two *em*\n  more\n\n1. a\n2. b\n");
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph(vec![Text("First line continues.".into())]),
                Block::List { ordered: false, items: vec![vec![Text("one".into())], vec![Text("two ".into()), Emphasis("em".into()), Text(" more".into())]] },
                Block::List { ordered: true, items: vec![vec![Text("a".into())], vec![Text("b".into())]] },
            ]
        );
    }

    #[test]
    fn inline_markup() {
        assert_eq!(
            inline("Go to **Altinn** and [read this](https://www.altinn.no/) now."),
            vec![
                Text("Go to ".into()),
                Strong("Altinn".into()),
                Text(" and ".into()),
                Link { text: "read this".into(), href: Some("https://www.altinn.no/".into()) },
                Text(" now.".into()),
            ]
        );
        assert_eq!(inline("2 * 3 = 6"), vec![Text("2 * 3 = 6".into())]);
        assert_eq!(inline("a [b] c"), vec![Text("a [b] c".into())]);
    }

    #[test]
    fn only_safe_schemes_are_live() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:x",
            "data:text/html,<script>",
            "vbscript:x",
            "http://example.org",
            "/relative",
            "https://",
            "https://exa mple.org",
            "\thttps://x.org",
        ] {
            assert!(!is_live_href(bad), "{bad:?}");
            let parsed = inline(&format!("[x]({bad})"));
            assert!(!parsed.iter().any(|i| matches!(i, Link { href: Some(_), .. })), "{bad:?}");
        }
        for good in ["https://www.skatteetaten.no/en/", "mailto:post@example.no", "tel:+4722000000"] {
            assert!(is_live_href(good), "{good}");
        }
    }

    #[test]
    fn links_lists_every_target() {
        assert_eq!(links("[a](https://x.no) and [b](javascript:y)"), vec!["https://x.no".to_string(), "javascript:y".to_string()]);
    }

    #[test]
    fn html_is_just_text() {
        assert_eq!(inline("<script>alert(1)</script>"), vec![Text("<script>alert(1)</script>".into())]);
    }
}
