//! Checks a translated pack against its English source, mechanically, where a machine can:
//! - every figure of the English (amounts, dates, years, percentages, form numbers, phone
//!   numbers) is in the translation of the same field, whatever the number format
//!   ("EUR 20,176.50", "20.176,50 €" and "٢٠١٧٦٫٥٠" are the same figure);
//! - every official local word the English writes in italics and the glossary knows
//!   (*Gewerbeanmeldung*, *ΑΦΜ*) is kept, as it is, in the translation of the same field;
//! - no sentence is left in English: a field of four words or more is not the English as it is.
//!
//! The content compiler runs it on every translation (`packc`), and a native test holds every
//! pack to it. What it cannot see (a wrong meaning, a missing clause) is for the person who
//! reviews the translation.

use super::Pack;
use crate::domain::search::fold;

/// The figures of a text, each as its digits only: "NOK 50 000" and "50,000" give "50000".
/// Digits of Arabic and Persian script count as the same digits. Separators join digits only
/// inside a number (a space only before a group of exactly three digits), so "2026, 15" stays
/// two figures.
pub fn figures(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().map(ascii_digit).collect();
    let mut out = vec![];
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut digits = String::new();
        while i < chars.len() {
            let c = chars[i];
            if c.is_ascii_digit() {
                digits.push(c);
                i += 1;
                continue;
            }
            let next_digit = chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
            let group_of_three = (1..=3).all(|k| chars.get(i + k).is_some_and(|n| n.is_ascii_digit())) && !chars.get(i + 4).is_some_and(|n| n.is_ascii_digit());
            let joins = match c {
                '.' | ',' | '٫' | '٬' | '\'' => next_digit,
                ' ' | '\u{a0}' | '\u{202f}' => group_of_three,
                _ => false,
            };
            if !joins {
                break;
            }
            i += 1;
        }
        out.push(digits);
    }
    out
}

fn ascii_digit(c: char) -> char {
    match c {
        '٠'..='٩' => char::from_u32('0' as u32 + (c as u32 - '٠' as u32)).unwrap_or(c),
        '۰'..='۹' => char::from_u32('0' as u32 + (c as u32 - '۰' as u32)).unwrap_or(c),
        _ => c,
    }
}

/// The spans a text writes in italics (`*…*`, not `**…**`).
fn italics(text: &str) -> Vec<&str> {
    let mut out = vec![];
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'*' && bytes.get(i + 1) != Some(&b'*') && (i == 0 || bytes[i - 1] != b'*') {
            if let Some(len) = text[i + 1..].find('*') {
                let end = i + 1 + len;
                if text.as_bytes().get(end + 1) != Some(&b'*') {
                    out.push(&text[i + 1..end]);
                    i = end + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

/// Every text of a pack that a translation replaces, with where it is, in a fixed order.
fn texts(p: &Pack) -> Vec<(String, &str)> {
    let mut out: Vec<(String, &str)> = vec![];
    for f in &p.meta.legal_forms {
        for (field, text) in [
            ("name", &f.name),
            ("summary", &f.summary),
            ("liability", &f.liability),
            ("min_capital", &f.min_capital),
            ("owners", &f.owners),
            ("registration", &f.registration),
            ("social_security", &f.social_security),
            ("taxation", &f.taxation),
        ] {
            out.push((format!("[legal_form.{}].{field}", f.id), text));
        }
    }
    for s in &p.steps {
        let at = format!("[step.{}]", s.id);
        for (field, text) in [("title", &s.title), ("summary", &s.summary), ("body", &s.body)] {
            out.push((format!("{at}.{field}"), text));
        }
        for (field, text) in [("authority", &s.authority), ("cost", &s.cost), ("time", &s.time), ("deadline", &s.deadline)] {
            if let Some(text) = text {
                out.push((format!("{at}.{field}"), text));
            }
        }
        for (i, d) in s.documents.iter().enumerate() {
            out.push((format!("{at}.documents[{i}]"), d));
        }
        for (i, d) in s.pitfalls.iter().enumerate() {
            out.push((format!("{at}.pitfalls[{i}]"), d));
        }
        for t in &s.tasks {
            out.push((format!("{at}.task.{}", t.id), &t.title));
        }
    }
    for r in &p.resources {
        out.push((format!("[resource.{}].title", r.id), &r.title));
        out.push((format!("[resource.{}].description", r.id), &r.description));
    }
    for t in &p.terms {
        out.push((format!("[term.{}].plain", t.id), &t.plain));
        out.push((format!("[term.{}].explanation", t.id), &t.explanation));
    }
    out
}

/// What the translation `translated` (in `language`, or `country/language`) loses of its English source `english`:
/// one line per problem, naming the item and field.
pub fn check(english: &Pack, translated: &Pack, language: &str) -> Vec<String> {
    // The words on the real forms, as the glossary writes them (its synonyms are search words,
    // English ones among them).
    let official: Vec<String> = english.terms.iter().map(|t| fold(&t.term)).filter(|w| !w.is_empty()).collect();
    // In the country's own language an official word may be inflected ("der Deutschen
    // Rentenversicherung"): there it is the language's own, not a word to keep as it is.
    let own_language = language.rsplit('/').next() == Some(english.meta.local_language.as_str());
    let is_official = |span: &str| {
        let span = fold(span);
        !span.is_empty() && official.iter().any(|w| *w == span || (span.chars().count() >= 4 && w.contains(&span)))
    };
    let (en, tr) = (texts(english), texts(translated));
    let mut problems = vec![];
    for ((at, e), (_, t)) in en.iter().zip(&tr) {
        let have = figures(t);
        let mut missing: Vec<String> = figures(e).into_iter().filter(|f| !have.contains(f)).collect();
        missing.dedup();
        if !missing.is_empty() {
            problems.push(format!("{language} {at}: figures {missing:?} of the English are not there"));
        }
        let folded = fold(t);
        let lost: Vec<&str> = if own_language { vec![] } else { italics(e).into_iter().filter(|s| is_official(s) && !folded.contains(&fold(s))).collect() };
        if !lost.is_empty() {
            problems.push(format!("{language} {at}: official words {lost:?} are not kept"));
        }
        // An authority or a resource's title is often the official name as it is.
        let a_name = at.ends_with(".authority") || at.starts_with("[resource.") && at.ends_with(".title");
        if !a_name && e == t && e.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count() >= 4 {
            problems.push(format!("{language} {at}: left in English"));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_the_same_in_every_number_format() {
        assert_eq!(figures("NOK 50 000 within 12 months"), vec!["50000", "12"]);
        assert_eq!(figures("EUR 20,176.50 in 2026, 15 people"), vec!["2017650", "2026", "15"]);
        assert_eq!(figures("20.176,50 € το 2026"), vec!["2017650", "2026"]);
        assert_eq!(figures("٢٠١٧٦٫٥٠ یورو و ۱۲ ماه"), vec!["2017650", "12"]);
        assert_eq!(figures("PKD 05 40 00, form 036"), vec!["05", "40", "00", "036"]);
        assert_eq!(italics("the *Gewerbeanmeldung* and **bold** and *x*"), vec!["Gewerbeanmeldung", "x"]);
    }

    #[test]
    fn a_lost_figure_a_lost_official_word_and_english_left_are_found() {
        let english = crate::domain::content::tests::real_packs().into_iter().find(|p| p.meta.id == "de" && p.language == "en").unwrap();
        assert!(check(&english, &english, "de/xx").iter().all(|p| p.ends_with("left in English")), "the English against itself loses nothing");
        let mut t = english.clone();
        let step = t.steps.iter_mut().find(|s| s.body.contains("*Gewerbeanmeldung*")).expect("a step naming the Gewerbeanmeldung");
        let id = step.id.clone();
        step.body = step.body.replace("*Gewerbeanmeldung*", "trade registration");
        let first = t.steps.iter_mut().find(|s| !figures(&s.body).is_empty()).unwrap();
        first.body = first.body.chars().filter(|c| !c.is_ascii_digit()).collect();
        let problems = check(&english, &t, "de/xx");
        assert!(problems.iter().any(|p| p.contains(&format!("[step.{id}].body: official words"))), "{problems:#?}");
        assert!(problems.iter().any(|p| p.contains("figures")), "{problems:#?}");
        assert!(problems.iter().any(|p| p.ends_with("left in English")));
    }

    /// Every translation of every pack keeps the figures and official words of its English, and
    /// leaves no sentence in English.
    #[test]
    fn every_translation_keeps_the_figures_and_official_words_of_its_english() {
        let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content"));
        let mut problems = vec![];
        for pack_dir in crate::domain::content::source::pack_dirs(dir).unwrap() {
            let english = crate::domain::content::source::load(&pack_dir).unwrap();
            for (_, translation) in crate::domain::content::source::translations(&pack_dir).unwrap() {
                let translated = crate::domain::content::source::translate(&english, &translation).unwrap();
                problems.extend(check(&english, &translated, &format!("{}/{}", english.meta.id, translation.language)));
            }
        }
        assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
    }
}
