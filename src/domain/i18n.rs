//! Interface languages: the language table, plural rules, message catalogs and formatting.
//!
//! The English catalog `content/ui/en.toml` is the source of every key. The build script turns
//! it into [`tr`], one function per message (`tr::steps_done(done, total)`), so a key the code
//! uses but English lacks, or a wrong placeholder, fails to compile. `packc` checks every other
//! language against English (keys, placeholders, plural forms) and writes one JSON file per
//! language; the app downloads only the chosen one and installs it with [`set_current`].
//!
//! Adding a language: one file `content/ui/<code>.toml` and one line in [`LANGUAGES`].

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use serde::{Deserialize, Serialize};

mod syntax;
pub use syntax::placeholders;
use syntax::{encode_forms, FORM, FORM_TEXT};

/// The messages of the interface, one function per key of `content/ui/en.toml`.
#[allow(clippy::all)]
pub mod tr {
    use super::Arg;
    include!(concat!(env!("OUT_DIR"), "/tr.rs"));
}

/// An interface language.
#[derive(Debug, PartialEq, Eq)]
pub struct Language {
    /// BCP 47 primary tag, also the name of its catalog file.
    pub code: &'static str,
    /// The language's name in itself, as the language switch lists it.
    pub name: &'static str,
    /// Written right to left.
    pub rtl: bool,
    pub plural: PluralRule,
    /// The digits numbers are written with (CLDR's default numbering system).
    pub digits: Digits,
}

/// Every interface language, in the order the switch lists them.
pub const LANGUAGES: &[Language] = &[
    Language { code: "en", name: "English", rtl: false, plural: PluralRule::OneOther, digits: Digits::Latin },
    Language { code: "nb", name: "Norsk bokmål", rtl: false, plural: PluralRule::OneOther, digits: Digits::Latin },
    Language { code: "de", name: "Deutsch", rtl: false, plural: PluralRule::OneOther, digits: Digits::Latin },
    Language { code: "pl", name: "Polski", rtl: false, plural: PluralRule::Polish, digits: Digits::Latin },
    Language { code: "el", name: "Ελληνικά", rtl: false, plural: PluralRule::OneOther, digits: Digits::Latin },
    Language { code: "es", name: "Español", rtl: false, plural: PluralRule::OneManyOther, digits: Digits::Latin },
    Language { code: "uk", name: "Українська", rtl: false, plural: PluralRule::EastSlavic, digits: Digits::Latin },
    Language { code: "ru", name: "Русский", rtl: false, plural: PluralRule::EastSlavic, digits: Digits::Latin },
    Language { code: "tr", name: "Türkçe", rtl: false, plural: PluralRule::OneOther, digits: Digits::Latin },
    Language { code: "ar", name: "العربية", rtl: true, plural: PluralRule::Arabic, digits: Digits::ArabicIndic },
    Language { code: "fa", name: "فارسی", rtl: true, plural: PluralRule::ZeroOneOther, digits: Digits::Persian },
    Language { code: "so", name: "Soomaali", rtl: false, plural: PluralRule::OneOther, digits: Digits::Latin },
];

/// The source language: every key exists in it.
pub const ENGLISH: &Language = &LANGUAGES[0];

/// `lang` and `dir` for text written in language `text` inside a page in `page`: both `None`
/// when they are the same language (the page's own attributes hold), otherwise the text's own
/// code and direction, so a screen reader speaks it in its language and a right-to-left page
/// does not reorder a left-to-right sentence (or the other way round).
pub fn foreign(text: &str, page: &Language) -> (Option<String>, Option<&'static str>) {
    if text == page.code {
        return (None, None);
    }
    let rtl = language(text).map_or(matches!(text, "ar" | "fa" | "he" | "ur" | "ps" | "ckb"), |l| l.rtl);
    (Some(text.to_string()), Some(if rtl { "rtl" } else { "ltr" }))
}

pub fn language(code: &str) -> Option<&'static Language> {
    LANGUAGES.iter().find(|l| l.code == code)
}

/// The supported language a BCP 47 tag asks for: `de-AT` is German, `no` and `nn` are served
/// in Bokmål, Dari (`prs`, `fa-AF`) in Farsi.
pub fn supported(tag: &str) -> Option<&'static Language> {
    let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    let primary = match primary.as_str() {
        "no" | "nn" => "nb",
        "prs" => "fa",
        other => other,
    };
    language(primary)
}

/// The language to start in: a `lang` link parameter (an adviser's link opens in the client's
/// language), else the saved choice, else the first of the browser's languages we have, else
/// English.
pub fn negotiate(link: Option<&str>, saved: Option<&str>, browser: &[String]) -> &'static Language {
    link.and_then(supported).or_else(|| saved.and_then(supported)).or_else(|| browser.iter().find_map(|t| supported(t))).unwrap_or(ENGLISH)
}

/// CLDR plural categories.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

/// CLDR cardinal plural rules, for the whole numbers the interface counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralRule {
    /// English, German, Norwegian, Greek, Turkish, Somali: 1 / everything else.
    OneOther,
    /// Farsi: 0 and 1 / everything else.
    ZeroOneOther,
    /// Spanish: 1 / a whole million ("1 millón de pasos") / everything else.
    OneManyOther,
    /// Polish: 1 / 2–4, 22–24 … / everything else.
    Polish,
    /// Ukrainian, Russian: 1, 21, 31 … / 2–4, 22–24 … / everything else.
    EastSlavic,
    /// Arabic: six forms.
    Arabic,
}

impl PluralRule {
    pub fn category(self, n: usize) -> Category {
        use Category::*;
        let (n10, n100) = (n % 10, n % 100);
        let few = (2..=4).contains(&n10) && !(12..=14).contains(&n100);
        match self {
            PluralRule::OneOther => {
                if n == 1 {
                    One
                } else {
                    Other
                }
            }
            PluralRule::ZeroOneOther => {
                if n <= 1 {
                    One
                } else {
                    Other
                }
            }
            PluralRule::OneManyOther => match n {
                1 => One,
                n if n != 0 && n % 1_000_000 == 0 => Many,
                _ => Other,
            },
            PluralRule::Polish => {
                if n == 1 {
                    One
                } else if few {
                    Few
                } else {
                    Many
                }
            }
            PluralRule::EastSlavic => {
                if n10 == 1 && n100 != 11 {
                    One
                } else if few {
                    Few
                } else {
                    Many
                }
            }
            PluralRule::Arabic => match (n, n100) {
                (0, _) => Zero,
                (1, _) => One,
                (2, _) => Two,
                (_, 3..=10) => Few,
                (_, 11..=99) => Many,
                _ => Other,
            },
        }
    }

    /// The forms a message needs in this language: every category a whole number can fall in.
    pub fn categories(self) -> &'static [Category] {
        use Category::*;
        match self {
            PluralRule::OneOther | PluralRule::ZeroOneOther => &[One, Other],
            PluralRule::OneManyOther => &[One, Many, Other],
            PluralRule::Polish | PluralRule::EastSlavic => &[One, Few, Many],
            PluralRule::Arabic => &[Zero, One, Two, Few, Many, Other],
        }
    }
}

/// The digits a language writes numbers with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Digits {
    Latin,
    /// ٠١٢٣٤٥٦٧٨٩
    ArabicIndic,
    /// ۰۱۲۳۴۵۶۷۸۹
    Persian,
}

impl Digits {
    pub fn write(self, n: usize) -> String {
        let zero = match self {
            Digits::Latin => return n.to_string(),
            Digits::ArabicIndic => '\u{660}',
            Digits::Persian => '\u{6F0}',
        };
        n.to_string().chars().map(|c| char::from_u32(zero as u32 + c.to_digit(10).unwrap_or(0)).unwrap_or(c)).collect()
    }
}

/// One message: a text, or one text per plural form (chosen by its `{#count}`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Message {
    Text(String),
    Plural(BTreeMap<Category, String>),
}

impl Message {
    fn texts(&self) -> Vec<&str> {
        match self {
            Message::Text(t) => vec![t],
            Message::Plural(forms) => forms.values().map(String::as_str).collect(),
        }
    }
}

impl Category {
    pub fn name(self) -> &'static str {
        match self {
            Category::Zero => "zero",
            Category::One => "one",
            Category::Two => "two",
            Category::Few => "few",
            Category::Many => "many",
            Category::Other => "other",
        }
    }
}

impl Message {
    /// The message as one string, as the app downloads it.
    pub fn encode(&self) -> String {
        match self {
            Message::Text(t) => t.clone(),
            Message::Plural(forms) => encode_forms(forms.iter().map(|(c, t)| (c.name(), t.as_str()))),
        }
    }
}

/// One language's catalog as the app downloads it: the messages in the order of [`tr::KEYS`],
/// each [`Message::encode`]d.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    pub language: String,
    pub messages: Vec<String>,
}

/// A value for a placeholder: `{#name}` takes a number, `{name}` a text.
#[derive(Clone, Copy, Debug)]
pub enum Arg<'a> {
    Num(usize),
    Text(&'a str),
}

/// A catalog ready to use.
pub struct Texts {
    pub language: &'static Language,
    messages: Vec<String>,
}

impl Texts {
    /// Checks a downloaded catalog: a known language and one message per key.
    pub fn new(catalog: Catalog) -> Result<Texts, String> {
        let language = language(&catalog.language).ok_or_else(|| format!("unknown language “{}”", catalog.language))?;
        if catalog.messages.len() != tr::KEYS.len() {
            return Err(format!("{} has {} messages, this version needs {}", catalog.language, catalog.messages.len(), tr::KEYS.len()));
        }
        Ok(Texts { language, messages: catalog.messages })
    }

    /// Message `index` with its placeholders filled in. In a right-to-left language every
    /// value is isolated (U+2068 … U+2069), so a Latin name or a number keeps its place.
    pub fn format(&self, index: usize, args: &[(&str, Arg)]) -> String {
        let Some(message) = self.messages.get(index) else { return String::new() };
        let template = match message.strip_prefix(FORM) {
            None => message.as_str(),
            Some(forms) => {
                let n = args
                    .iter()
                    .find_map(|(k, v)| match (k, v) {
                        (&"count", Arg::Num(n)) => Some(*n),
                        _ => None,
                    })
                    .unwrap_or(0);
                let want = self.language.plural.category(n).name();
                let forms: Vec<(&str, &str)> = forms.split(FORM).filter_map(|f| f.split_once(FORM_TEXT)).collect();
                forms.iter().find(|(c, _)| *c == want).or_else(|| forms.iter().find(|(c, _)| *c == "other")).or(forms.first()).map(|(_, t)| *t).unwrap_or("")
            }
        };
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let after = &rest[start + 1..];
            let Some(end) = after.find('}') else { break };
            let name = after[..end].trim_start_matches('#');
            match args.iter().find(|(k, _)| *k == name) {
                Some((_, value)) => {
                    if self.language.rtl {
                        out.push('\u{2068}');
                    }
                    match value {
                        Arg::Num(n) => out.push_str(&self.language.digits.write(*n)),
                        Arg::Text(t) => out.push_str(t),
                    }
                    if self.language.rtl {
                        out.push('\u{2069}');
                    }
                }
                None => out.push_str(&rest[start..start + end + 2]),
            }
            rest = &after[end + 1..];
        }
        out.push_str(rest);
        out
    }
}

thread_local! {
    static CURRENT: RefCell<Option<Rc<Texts>>> = const { RefCell::new(None) };
}

/// Makes `texts` the language every message is written in from now on.
pub fn set_current(texts: Texts) {
    CURRENT.with(|c| *c.borrow_mut() = Some(Rc::new(texts)));
}

/// The current language (English before any catalog is installed).
pub fn current() -> &'static Language {
    CURRENT.with(|c| c.borrow().as_ref().map(|t| t.language)).unwrap_or(ENGLISH)
}

/// Message `index` in the current language (used by [`tr`]); empty before a catalog is
/// installed.
pub fn text(index: usize, args: &[(&str, Arg)]) -> String {
    CURRENT.with(|c| c.borrow().as_ref().map(|t| t.format(index, args)).unwrap_or_default())
}

/// The English catalog, built in for tests (never shipped: the app downloads its catalog).
pub fn english() -> Texts {
    let catalog: Catalog = serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/en.json"))).expect("built by build.rs");
    Texts::new(catalog).expect("English is complete")
}

/// Checks one language's messages against English: the same keys, the same placeholders,
/// exactly the plural forms the language needs, no empty text. Each problem is one line naming
/// the key.
pub fn check(english: &BTreeMap<String, Message>, other: &BTreeMap<String, Message>, lang: &Language) -> Vec<String> {
    let mut errors = vec![];
    for key in english.keys().filter(|k| !other.contains_key(*k)) {
        errors.push(format!("{key}: missing"));
    }
    for key in other.keys().filter(|k| !english.contains_key(*k)) {
        errors.push(format!("{key}: not a key of en.toml (misspelt, or no longer used)"));
    }
    for (key, en) in english {
        let Some(msg) = other.get(key) else { continue };
        let expected = match en.texts().iter().map(|t| placeholders(t)).collect::<Result<Vec<_>, _>>() {
            Ok(sets) => sets.into_iter().flatten().collect::<BTreeSet<_>>(),
            Err(e) => {
                errors.push(format!("{key}: English: {e}"));
                continue;
            }
        };
        match (en, msg) {
            (Message::Text(_), Message::Plural(_)) => errors.push(format!("{key}: is a plain text in English, not plural forms")),
            (Message::Plural(_), Message::Text(_)) => errors.push(format!("{key}: needs plural forms {:?}", lang.plural.categories())),
            (Message::Plural(_), Message::Plural(forms)) => {
                let have: Vec<Category> = forms.keys().copied().collect();
                if have != lang.plural.categories() {
                    errors.push(format!("{key}: plural forms {have:?}, {} needs {:?}", lang.code, lang.plural.categories()));
                }
                if !expected.contains("#count") {
                    errors.push(format!("{key}: a plural message needs {{#count}} in English"));
                }
            }
            (Message::Text(_), Message::Text(_)) => {}
        }
        let plural = matches!(msg, Message::Plural(_));
        for text in msg.texts() {
            if text.trim().is_empty() {
                errors.push(format!("{key}: empty"));
                continue;
            }
            match placeholders(text) {
                Err(e) => errors.push(format!("{key}: {e}")),
                Ok(found) => {
                    // A plural form may leave the number out ("one step", Arabic's dual).
                    let mut needed = expected.clone();
                    if plural {
                        needed.remove("#count");
                    }
                    if !found.is_subset(&expected) || !needed.is_subset(&found) {
                        errors.push(format!("{key}: placeholders {found:?}, English has {expected:?}"));
                    }
                }
            }
        }
    }
    errors
}

/// Reading catalogs from `content/ui/` (for `packc` and the tests).
#[cfg(any(test, feature = "packc"))]
pub mod source {
    use super::*;
    use std::path::Path;

    /// `content/ui/<code>.toml` as a map of key to message.
    pub fn load(path: &Path) -> Result<BTreeMap<String, Message>, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Every language's catalog checked against English, in the order of [`tr::KEYS`]. Errors
    /// name the file and key. A file for a language [`LANGUAGES`] lacks, or a language without
    /// its file, is an error too.
    pub fn compile(dir: &Path) -> Result<Vec<Catalog>, Vec<String>> {
        let mut errors = vec![];
        let english = match load(&dir.join("en.toml")) {
            Ok(e) => e,
            Err(e) => return Err(vec![e]),
        };
        if english.keys().map(String::as_str).ne(tr::KEYS.iter().copied()) {
            errors.push("content/ui/en.toml changed after the build: build again".into());
        }
        let mut catalogs = vec![];
        let files: BTreeSet<String> = std::fs::read_dir(dir)
            .map_err(|e| vec![format!("{}: {e}", dir.display())])?
            .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".toml").map(String::from))
            .collect();
        for code in files.iter().filter(|c| language(c).is_none()) {
            errors.push(format!("content/ui/{code}.toml: add the language to LANGUAGES in src/domain/i18n.rs"));
        }
        for lang in LANGUAGES {
            let path = dir.join(format!("{}.toml", lang.code));
            if !files.contains(lang.code) {
                errors.push(format!("{}: missing (the language is in LANGUAGES)", path.display()));
                continue;
            }
            match load(&path) {
                Err(e) => errors.push(e),
                Ok(messages) => {
                    let found = check(&english, &messages, lang);
                    errors.extend(found.iter().map(|e| format!("content/ui/{}.toml: {e}", lang.code)));
                    if found.is_empty() {
                        catalogs.push(Catalog { language: lang.code.into(), messages: messages.values().map(Message::encode).collect() });
                    }
                }
            }
        }
        if errors.is_empty() {
            Ok(catalogs)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Category::*;

    fn ui_dir() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/ui")
    }

    /// index.html's first screen is the home page as a first visitor sees it in English, so the
    /// page does not change when the app takes over: its texts must be the English ones.
    #[test]
    fn boot_screen_matches_the_english_home_page() {
        let html = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html")).unwrap();
        let boot = &html[html.find("<div id=\"boot\">").expect("a boot screen")..];
        let en: toml::Table = std::fs::read_to_string(ui_dir().join("en.toml")).unwrap().parse().unwrap();
        for (key, tag) in [
            ("home_title", "h1"),
            ("home_lead", "p class=\"lead\""),
            ("welcome_title", "h2 id=\"boot-welcome\""),
            ("welcome", "p"),
            ("welcome_answer", "a class=\"button\" href=\"about-you\""),
        ] {
            let text = en[key].as_str().unwrap();
            assert!(boot.contains(&format!("<{tag}>{text}<")), "the boot screen in index.html lacks <{tag}>{text}");
        }
    }

    #[test]
    fn plural_rules_follow_cldr() {
        let cats = |rule: PluralRule, ns: &[usize]| ns.iter().map(|n| rule.category(*n)).collect::<Vec<_>>();
        assert_eq!(cats(PluralRule::OneOther, &[0, 1, 2, 11]), [Other, One, Other, Other]);
        assert_eq!(cats(PluralRule::ZeroOneOther, &[0, 1, 2]), [One, One, Other]);
        assert_eq!(cats(PluralRule::OneManyOther, &[1, 2, 1_000_000, 0]), [One, Other, Many, Other]);
        assert_eq!(cats(PluralRule::Polish, &[1, 2, 4, 5, 12, 21, 22, 25, 0]), [One, Few, Few, Many, Many, Many, Few, Many, Many]);
        assert_eq!(cats(PluralRule::EastSlavic, &[1, 2, 5, 11, 12, 21, 22, 25, 111, 0]), [One, Few, Many, Many, Many, One, Few, Many, Many, Many]);
        assert_eq!(cats(PluralRule::Arabic, &[0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111]), [Zero, One, Two, Few, Few, Many, Many, Other, Other, Few, Many]);
        // Every category a rule gives is one it asks translators for, and each is reachable.
        for lang in LANGUAGES {
            let seen: BTreeSet<Category> = (0..2_000_001).step_by(1).take(3000).chain([1_000_000]).map(|n| lang.plural.category(n)).collect();
            assert_eq!(seen.into_iter().collect::<Vec<_>>(), lang.plural.categories(), "{}", lang.code);
        }
    }

    #[test]
    fn the_language_comes_from_the_link_then_the_saved_choice_then_the_browser() {
        let browser = vec!["de-AT".to_string(), "en".to_string()];
        assert_eq!(negotiate(Some("ar"), Some("uk"), &browser).code, "ar");
        assert_eq!(negotiate(Some("xx"), Some("uk"), &browser).code, "uk", "an unknown link language is ignored");
        assert_eq!(negotiate(None, None, &browser).code, "de");
        assert_eq!(negotiate(None, None, &["nn-NO".into()]).code, "nb");
        assert_eq!(negotiate(None, None, &["fa-AF".into()]).code, "fa");
        assert_eq!(negotiate(None, None, &["ti".into()]).code, "en");
        assert_eq!(negotiate(Some(""), None, &[]).code, "en");
    }

    #[test]
    fn text_in_another_language_carries_its_own_lang_and_direction() {
        let ar = language("ar").unwrap();
        assert_eq!(foreign("en", ar), (Some("en".into()), Some("ltr")));
        assert_eq!(foreign("ar", ar), (None, None));
        assert_eq!(foreign("de", language("uk").unwrap()), (Some("de".into()), Some("ltr")));
        assert_eq!(foreign("fa", ENGLISH), (Some("fa".into()), Some("rtl")));
    }

    #[test]
    fn numbers_and_names_are_isolated_and_written_in_the_languages_digits() {
        let ar = Texts {
            language: language("ar").unwrap(),
            messages: vec![Message::Plural(BTreeMap::from([
                (Zero, "لا خطوات".into()),
                (One, "خطوة واحدة".into()),
                (Two, "خطوتان".into()),
                (Few, "{#count} خطوات في {place}".into()),
                (Many, "{#count} خطوة".into()),
                (Other, "{#count} خطوة".into()),
            ]))
            .encode()],
        };
        assert_eq!(ar.format(0, &[("count", Arg::Num(2))]), "خطوتان");
        assert_eq!(ar.format(0, &[("count", Arg::Num(3)), ("place", Arg::Text("Bergen"))]), "\u{2068}٣\u{2069} خطوات في \u{2068}Bergen\u{2069}");
        assert_eq!(ar.format(0, &[("count", Arg::Num(12))]), "\u{2068}١٢\u{2069} خطوة");
        assert_eq!(Digits::Persian.write(2026), "۲۰۲۶");
        let en = english();
        let i = tr::KEYS.iter().position(|k| *k == "steps_done").unwrap();
        assert_eq!(en.format(i, &[("count", Arg::Num(5)), ("done", Arg::Num(1))]), "1 of 5 steps done");
    }

    #[test]
    fn every_language_has_every_key_with_its_placeholders_and_plural_forms() {
        let catalogs = source::compile(&ui_dir()).unwrap_or_else(|e| panic!("{}", e.join("\n")));
        assert_eq!(catalogs.len(), LANGUAGES.len());
    }

    #[test]
    fn every_key_renders_in_every_language() {
        // Each message with every placeholder filled, for numbers that hit each plural form:
        // nothing is left empty or unfilled.
        for catalog in source::compile(&ui_dir()).unwrap_or_else(|e| panic!("{}", e.join("\n"))) {
            let code = catalog.language.clone();
            let texts = Texts::new(catalog).unwrap();
            for (i, key) in tr::KEYS.iter().enumerate() {
                for n in [0, 1, 2, 3, 5, 11, 21, 100, 1_000_000] {
                    let args: Vec<(&str, Arg)> = tr::ARGS[i]
                        .iter()
                        .map(|a| match a.strip_prefix('#') {
                            Some(num) => (num, Arg::Num(n)),
                            None => (*a, Arg::Text("Xy")),
                        })
                        .collect();
                    let out = texts.format(i, &args);
                    assert!(!out.trim().is_empty(), "{code} {key} is empty for {n}");
                    assert!(!out.contains('{') && !out.contains('}'), "{code} {key} left a placeholder: {out}");
                }
            }
        }
    }

    #[test]
    fn every_key_is_used_by_the_code() {
        fn sources(dir: &std::path::Path, out: &mut String) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    sources(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push_str(&std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        let mut code = String::new();
        sources(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut code);
        let used = |k: &str| {
            let call = format!("tr::{k}");
            code.match_indices(&call).any(|(i, _)| !code[i + call.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_'))
        };
        let unused: Vec<&str> = tr::KEYS.iter().copied().filter(|k| !used(k)).collect();
        assert!(unused.is_empty(), "keys in content/ui/en.toml that no code uses: {unused:?}");
    }

    #[test]
    fn broken_catalogs_are_named_key_by_key() {
        let en: BTreeMap<String, Message> = BTreeMap::from([
            ("a".into(), Message::Text("Hello {name}".into())),
            ("b".into(), Message::Plural(BTreeMap::from([(One, "one step".into()), (Other, "{#count} steps".into())]))),
            ("c".into(), Message::Text("Bye".into())),
        ]);
        let uk = language("uk").unwrap();
        let bad: BTreeMap<String, Message> = BTreeMap::from([
            ("a".into(), Message::Text("Привіт {nam}".into())),
            ("b".into(), Message::Plural(BTreeMap::from([(One, "{#count} крок".into()), (Other, "{#count} кроків".into())]))),
            ("d".into(), Message::Text("Зайвий".into())),
        ]);
        let errors = check(&en, &bad, uk).join("\n");
        for expected in ["c: missing", "d: not a key", "a: placeholders", "b: plural forms"] {
            assert!(errors.contains(expected), "{expected} in {errors}");
        }
        let good: BTreeMap<String, Message> = BTreeMap::from([
            ("a".into(), Message::Text("Привіт, {name}".into())),
            ("b".into(), Message::Plural(BTreeMap::from([(One, "{#count} крок".into()), (Few, "{#count} кроки".into()), (Many, "{#count} кроків".into())]))),
            ("c".into(), Message::Text("Бувай".into())),
        ]);
        assert_eq!(check(&en, &good, uk), Vec::<String>::new());
        assert!(placeholders("a { b").is_err());
        assert!(placeholders("a } b").is_err());
        assert!(placeholders("{Name}").is_err());
    }
}
