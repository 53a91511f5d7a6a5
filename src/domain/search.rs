//! Search over a pack's resources: built once per pack load, queried on every keystroke.
//!
//! Text is folded before indexing and querying: lower case; Latin diacritics removed (ø→o,
//! ü→u, ß→ss, ł→l …); Arabic and Farsi normalised (harakat and tatweel removed, alef forms
//! unified, Farsi ی/ک matched with Arabic ي/ك, Arabic-Indic digits as ASCII); ё→е.
//! Every query word must match (prefix matching; one typo tolerated in words of five letters or
//! more). Results are ranked: title before organisation before topics and synonyms before
//! description, exact before prefix before fuzzy. Glossary synonyms are attached to resources at
//! index time, so "VAT" finds the MVA and Umsatzsteuer items.

use std::collections::BTreeSet;

use super::content::Pack;

/// Folds one character into zero or more search characters.
fn fold_char(c: char, out: &mut String) {
    let mapped: &str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' | 'ă' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' => "i",
        'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'þ' => "th",
        'ё' => "е",
        // Greek: the accent (tonos), the diaeresis and the final sigma carry no search meaning,
        // so "εναρξη" finds "έναρξη" and "ΑΦΜ" finds "αφμ".
        'ά' => "α",
        'έ' => "ε",
        'ή' => "η",
        'ί' | 'ϊ' | 'ΐ' => "ι",
        'ό' => "ο",
        'ύ' | 'ϋ' | 'ΰ' => "υ",
        'ώ' => "ω",
        'ς' => "σ",
        // Combining marks (a decomposed diacritic, the dot of Turkish İ) carry no search meaning.
        '\u{0300}'..='\u{036F}' => "",
        // Arabic script: harakat, superscript alef and tatweel carry no search meaning.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => "",
        'أ' | 'إ' | 'آ' | 'ٱ' => "ا",
        'ى' | 'ی' | 'ې' => "ي",
        'ک' => "ك",
        'ة' => "ه",
        'ؤ' => "و",
        'ئ' => "ي",
        '٠' | '۰' => "0",
        '١' | '۱' => "1",
        '٢' | '۲' => "2",
        '٣' | '۳' => "3",
        '٤' | '۴' => "4",
        '٥' | '۵' => "5",
        '٦' | '۶' => "6",
        '٧' | '۷' => "7",
        '٨' | '۸' => "8",
        '٩' | '۹' => "9",
        c => {
            out.push(c);
            return;
        }
    };
    out.push_str(mapped);
}

/// Lower case for the scripts the packs and their readers use (Latin, Greek, Cyrillic; Arabic
/// script has no case). Hand-written instead of `char::to_lowercase`, whose Unicode tables
/// would cost every user kilobytes of download.
fn lower(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => u + 32,
        0x130 => 0x69, // Turkish İ
        0x386 => 0x3AC,
        0x388..=0x38A => u + 37,
        0x38C => 0x3CC,
        0x38E..=0x38F => u + 63,
        0x4C0 => 0x4CF,
        0x178 => 0xFF,
        0x400..=0x40F => u + 80,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 | 0x218..=0x21B | 0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E | 0x4C1..=0x4CE if u % 2 == 1 => u + 1,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

/// Letters and digits of any script; spaces, punctuation and symbols separate words.
fn is_word_char(c: char) -> bool {
    let u = c as u32;
    match u {
        0x30..=0x39 | 0x41..=0x5A | 0x61..=0x7A => true,
        0..=0xBF | 0xD7 | 0xF7 => false,
        0x2000..=0x2BFF | 0x3000..=0x303F | 0xFE30..=0xFE4F | 0xFF00..=0xFF0F => false,
        // Arabic-script punctuation: ، ؛ ؟ ٪ ٫ ٬ ۔
        0x60C | 0x61B | 0x61F | 0x66A..=0x66C | 0x6D4 => false,
        _ => !c.is_whitespace(),
    }
}

/// Folds a text for search (see the module docs).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(lower(c), &mut out);
    }
    out
}

/// The folded words of a text. An Arabic-script word also loses the article and the
/// prepositions written on to it (ال, لل, و, ب, ف, ك before ال), so "مهاجرين" finds
/// "للمهاجرين" (for the migrants).
pub fn words(s: &str) -> Vec<String> {
    fold(s).split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()).map(strip_clitics).collect()
}

/// The article and the one-letter prepositions joined to an Arabic word; the rest must keep
/// three letters.
fn strip_clitics(w: &str) -> String {
    const PREFIXES: [&str; 6] = ["وال", "بال", "كال", "فال", "لل", "ال"];
    for p in PREFIXES {
        if let Some(rest) = w.strip_prefix(p) {
            if rest.chars().count() >= 3 {
                return rest.to_string();
            }
        }
    }
    w.to_string()
}

/// Words that mean the same to someone searching for help, per language: a word of a group
/// stands for the whole group, in the index and in a query. `*` ends a stem (any word that
/// starts with it); other entries must match a whole word. Kept small and plain: each group is
/// there because a real query missed what it looked for.
pub const SYNONYMS: &[&[&str]] = &[
    // Free of charge.
    &[
        "free",
        "gratis",
        "kostenlos",
        "kostenfrei*",
        "unentgeltlich*",
        "gratis",
        "безкоштовн*",
        "безплатн*",
        "бесплатн*",
        "مجان*",
        "رايگان",
        "ücretsiz",
        "darmow*",
        "bezpłatn*",
        "δωρεάν",
        "gratuit*",
        "bilaash",
    ],
    // A loan: credit, microcredit, microloan.
    &[
        "loan*",
        "credit*",
        "microcredit*",
        "microloan*",
        "kredit*",
        "darlehen*",
        "mikrokredit*",
        "lån",
        "mikrolån*",
        "кредит*",
        "позик*",
        "мікрокредит*",
        "мікропозик*",
        "займ*",
        "микрокредит*",
        "قرض*",
        "قروض",
        "ائتمان*",
        "وام",
        "kredi*",
        "pożyczk*",
        "δάνει*",
        "préstamo*",
        "microcrédito*",
        "deyn",
        "amaah",
    ],
    // Advice, counselling.
    &[
        "advice",
        "advisory",
        "counselling",
        "beratung*",
        "rådgiv*",
        "veiledning*",
        "консультац*",
        "порад*",
        "استشار*",
        "مشور*",
        "مشاور*",
        "danışman*",
        "doradztw*",
        "porad*",
        "συμβουλ*",
        "asesor*",
        "talo",
    ],
    // Migrants, immigrants, newcomers, refugees.
    &[
        "migrant*",
        "immigrant*",
        "newcomer*",
        "refugee*",
        "zugewandert*",
        "einwander*",
        "geflüchtet*",
        "flüchtling*",
        "innvandr*",
        "flyktning*",
        "мігрант*",
        "іммігрант*",
        "біженц*",
        "мигрант*",
        "иммигрант*",
        "беженц*",
        "مهاجر*",
        "لاجئ*",
        "پناهنده*",
        "göçmen*",
        "mülteci*",
        "imigrant*",
        "uchodźc*",
        "μετανάστ*",
        "πρόσφυγ*",
        "inmigrante*",
        "soogalooti*",
        "qaxooti*",
    ],
];

/// The group a folded word belongs to, as a token no real word has.
fn synonym_token(word: &str) -> Option<String> {
    // Folded once: (folded entry, is a stem), per group.
    static FOLDED: std::sync::OnceLock<Vec<Vec<(String, bool)>>> = std::sync::OnceLock::new();
    let groups = FOLDED.get_or_init(|| SYNONYMS.iter().map(|g| g.iter().map(|e| (fold(e.trim_end_matches('*')), e.ends_with('*'))).collect()).collect());
    groups.iter().position(|g| g.iter().any(|(entry, stem)| if *stem { word.starts_with(entry.as_str()) } else { word == entry })).map(|i| format!("syn{i}"))
}

/// A folded word and, when it belongs to a synonym group, the group's token.
fn with_synonym(word: String) -> impl Iterator<Item = String> {
    let token = synonym_token(&word);
    std::iter::once(word).chain(token)
}

/// True when `a` and `b` differ by at most one insertion, deletion, substitution or swap of
/// two neighbours.
pub fn within_one_edit(a: &[char], b: &[char]) -> bool {
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if p == la && p == lb {
        return true;
    }
    let (ra, rb) = (&a[p..], &b[p..]);
    if la == lb {
        ra[1..] == rb[1..] || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
    } else if la > lb {
        ra[1..] == *rb
    } else {
        *ra == rb[1..]
    }
}

/// Field weights: a match in the title counts most.
pub const TITLE: f32 = 8.0;
pub const ORGANISATION: f32 = 4.0;
pub const TOPICS: f32 = 2.0;
pub const BODY: f32 = 1.0;
/// The names of the towns and regions a resource serves.
pub const PLACE: f32 = 1.5;

const EXACT: f32 = 1.0;
const PREFIX: f32 = 0.6;
const FUZZY: f32 = 0.3;
/// A word must be this long before one typo is tolerated.
pub const FUZZY_MIN: usize = 5;

/// A searchable document: its fields with their weights.
pub struct Doc {
    pub fields: Vec<(f32, String)>,
}

/// An inverted index over documents. Built once; `search` allocates only its result.
pub struct SearchIndex {
    /// Sorted, distinct folded words.
    terms: Vec<String>,
    chars: Vec<Box<[char]>>,
    /// For each term: (document, best field weight of the term in it).
    postings: Vec<Vec<(u32, f32)>>,
    docs: usize,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    pub doc: usize,
    pub score: f32,
}

impl SearchIndex {
    pub fn new(docs: &[Doc]) -> Self {
        let mut all: Vec<(String, u32, f32)> = vec![];
        for (i, d) in docs.iter().enumerate() {
            for (weight, text) in &d.fields {
                for w in words(text).into_iter().flat_map(with_synonym) {
                    all.push((w, i as u32, *weight));
                }
            }
        }
        all.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(b.2.total_cmp(&a.2)));
        let mut terms: Vec<String> = vec![];
        let mut postings: Vec<Vec<(u32, f32)>> = vec![];
        for (w, doc, weight) in all {
            if terms.last() != Some(&w) {
                terms.push(w);
                postings.push(vec![]);
            }
            let list = postings.last_mut().expect("pushed above");
            if list.last().map(|(d, _)| *d) != Some(doc) {
                list.push((doc, weight)); // first is the heaviest field, by the sort
            }
        }
        let chars = terms.iter().map(|t| t.chars().collect::<Vec<_>>().into_boxed_slice()).collect();
        SearchIndex { terms, chars, postings, docs: docs.len() }
    }

    pub fn len(&self) -> usize {
        self.docs
    }

    pub fn is_empty(&self) -> bool {
        self.docs == 0
    }

    /// How well each term matches one query word: (term index, quality).
    fn matches(&self, word: &str, out: &mut Vec<(usize, f32)>) {
        out.clear();
        let start = self.terms.partition_point(|t| t.as_str() < word);
        for (i, t) in self.terms[start..].iter().enumerate() {
            if !t.starts_with(word) {
                break;
            }
            out.push((start + i, if t.len() == word.len() { EXACT } else { PREFIX }));
        }
        let q: Vec<char> = word.chars().collect();
        if q.len() < FUZZY_MIN {
            return;
        }
        let found = out.len();
        for (i, t) in self.chars.iter().enumerate() {
            if t.len() + 1 < q.len() {
                continue;
            }
            // A typo in a whole word, or in the part typed so far.
            let fuzzy = within_one_edit(&q, t) || (q.len() - 1..=q.len() + 1).any(|n| n < t.len() && within_one_edit(&q, &t[..n]));
            if fuzzy && !out[..found].iter().any(|(j, _)| *j == i) {
                out.push((i, FUZZY));
            }
        }
    }

    /// Documents matching every word of the query, best first (ties keep document order).
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let query: Vec<String> = {
            let mut seen = BTreeSet::new();
            words(query).into_iter().filter(|w| seen.insert(w.clone())).collect()
        };
        if query.is_empty() {
            return (0..self.docs).map(|doc| Hit { doc, score: 0.0 }).collect();
        }
        let mut total = vec![0f32; self.docs];
        let mut matched = vec![0u16; self.docs];
        let mut best = vec![0f32; self.docs];
        let mut touched: Vec<u32> = vec![];
        let mut found = vec![];
        for (round, word) in query.iter().enumerate() {
            // A whole word of a synonym group finds every word of the group.
            match synonym_token(word) {
                Some(token) => {
                    self.matches(word, &mut found);
                    let more = self.terms.binary_search(&token).ok().map(|i| (i, EXACT));
                    found.extend(more.filter(|m| !found.iter().any(|f| f.0 == m.0)));
                }
                None => self.matches(word, &mut found),
            }
            touched.clear();
            for &(term, quality) in &found {
                for &(doc, weight) in &self.postings[term] {
                    let d = doc as usize;
                    if matched[d] as usize != round {
                        continue; // missed an earlier word
                    }
                    let s = quality * weight;
                    if best[d] == 0.0 {
                        touched.push(doc);
                    }
                    if s > best[d] {
                        best[d] = s;
                    }
                }
            }
            for &doc in &touched {
                let d = doc as usize;
                total[d] += best[d];
                best[d] = 0.0;
                matched[d] += 1;
            }
        }
        let n = query.len() as u16;
        let mut hits: Vec<Hit> = (0..self.docs).filter(|&d| matched[d] == n).map(|doc| Hit { doc, score: total[doc] }).collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        hits
    }
}

/// The searchable documents of a pack's resources, in pack order, with glossary synonyms
/// attached: a resource that names a term (or any of its synonyms) is also found by the others.
pub fn resource_docs(pack: &Pack) -> Vec<Doc> {
    resource_docs_with(pack, &|_| vec![])
}

/// [`resource_docs`], with the names of each resource's kind and topics in the languages a
/// reader may search in (`labels(id)`: "free-advice" → "Free advice", "استشارة مجانية") and the
/// names of its towns and regions, so a query in words finds what the filters name.
pub fn resource_docs_with(pack: &Pack, labels: &dyn Fn(&str) -> Vec<String>) -> Vec<Doc> {
    let groups: Vec<Vec<Vec<String>>> = pack
        .terms
        .iter()
        .map(|t| std::iter::once(&t.term).chain(std::iter::once(&t.plain)).chain(&t.synonyms).map(|a| words(a)).filter(|w| !w.is_empty()).collect())
        .collect();
    pack.resources
        .iter()
        .map(|r| {
            let text = format!("{} {} {} {}", r.title, r.organisation, r.description, r.topics.join(" "));
            let own: BTreeSet<String> = words(&text).into_iter().collect();
            let mut synonyms = String::new();
            for group in &groups {
                if group.iter().any(|alias| alias.iter().all(|w| own.contains(w))) {
                    for alias in group {
                        synonyms.push_str(&alias.join(" "));
                        synonyms.push(' ');
                    }
                }
            }
            let named: Vec<String> =
                std::iter::once(r.kind.clone()).chain(std::iter::once(&r.kind).chain(&r.topics).chain(&r.sectors).flat_map(|id| labels(id))).collect();
            let places: Vec<String> = r.towns.iter().map(|t| pack.town_name(t)).chain(r.regions.iter().map(|g| pack.region_name(g))).collect();
            Doc {
                fields: vec![
                    (TITLE, r.title.clone()),
                    (ORGANISATION, r.organisation.clone()),
                    (TOPICS, format!("{} {synonyms} {}", r.topics.join(" "), named.join(" "))),
                    (PLACE, places.join(" ")),
                    (BODY, r.description.clone()),
                ],
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Queries real founders typed that found nothing, in the language of the pack they read.
    #[test]
    fn help_is_found_in_the_readers_own_words() {
        use crate::domain::content::tests::real_packs;
        let packs = real_packs();
        let translated = |country: &str, lang: &str| {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content").join(country);
            let english = packs.iter().find(|p| p.meta.id == country).unwrap();
            let (_, t) = crate::domain::content::source::translations(&dir).unwrap().into_iter().find(|(p, _)| p.ends_with(format!("{lang}.toml"))).unwrap();
            crate::domain::content::source::translate(english, &t).unwrap()
        };
        // The interface's names for kinds and topics, as the page passes them.
        let labels = |ui: &'static str| {
            let catalog = crate::domain::i18n::source::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("content/ui/{ui}.toml"))).unwrap();
            move |id: &str| -> Vec<String> {
                ["kind_", "topic_", "sector_"]
                    .iter()
                    .filter_map(|p| catalog.get(&format!("{p}{}", id.replace('-', "_"))))
                    .filter_map(|m| match m {
                        crate::domain::i18n::Message::Text(t) => Some(t.clone()),
                        _ => None,
                    })
                    .collect()
            }
        };
        let found = |pack: &Pack, ui: &'static str, q: &str| {
            let index = SearchIndex::new(&resource_docs_with(pack, &labels(ui)));
            index.search(q).into_iter().map(|h| pack.resources[h.doc].id.clone()).collect::<Vec<_>>()
        };
        let de_ar = translated("de", "ar");
        let hits = found(&de_ar, "ar", "استشارة مجانية برلين");
        assert!(!hits.is_empty(), "free advice Berlin, in Arabic");
        assert!(
            hits.iter().all(|id| {
                let r = de_ar.resource(id).unwrap();
                r.kind == "free-advice" || r.cost.as_deref() == Some("free")
            }),
            "{hits:?}"
        );
        assert!(!found(&de_ar, "ar", "مهاجرين").is_empty(), "migrants, without the article of 'for the migrants'");
        let de_uk = translated("de", "uk");
        let free = found(&de_uk, "uk", "безкоштовна консультація");
        assert!(free.iter().any(|id| de_uk.resource(id).unwrap().kind == "free-advice"), "free advice under its other Ukrainian word: {free:?}");
        let loans = found(&de_uk, "uk", "кредит");
        assert!(loans.iter().any(|id| de_uk.resource(id).unwrap().topics.iter().any(|t| t == "microcredit")), "credit finds microloans: {loans:?}");
        // A stem is not a prefix of everything: "free" does not find "freelance" by synonym.
        assert_eq!(synonym_token("freelance"), None);
        assert_eq!(synonym_token("free"), synonym_token("gratis"));
        assert_eq!(words("للمهاجرين"), vec!["مهاجرين".to_string()]);
    }

    fn doc(title: &str, body: &str) -> Doc {
        Doc { fields: vec![(TITLE, title.into()), (BODY, body.into())] }
    }

    #[test]
    fn folding() {
        assert_eq!(fold("Økonomi Gründung Straße"), "okonomi grundung strasse");
        assert_eq!(fold("ŁÓDŹ İstanbul Işık"), "lodz istanbul isik");
        assert_eq!(fold("Cafe\u{301}"), "cafe");
        assert_eq!(fold("Ёлка"), "елка");
        // Harakat and tatweel go; alef forms unify.
        assert_eq!(fold("مُـؤَسَّسَة"), fold("موسسه"));
        assert_eq!(fold("أعمال"), fold("اعمال"));
        assert_eq!(fold("إقامة"), fold("اقامه"));
        // Farsi yeh and kaf match Arabic yeh and kaf.
        assert_eq!(fold("کار یک"), fold("كار يك"));
        assert_eq!(fold("١٢٣ ۴۵"), "123 45");
    }

    #[test]
    fn lower_case_matches_the_standard_library_for_our_scripts() {
        // Basic Latin, Latin-1, Latin Extended-A, Romanian Ș/Ț, modern Greek, Cyrillic.
        let ranges = [0x20u32..0x180, 0x218..0x21C, 0x386..0x3CF, 0x400..0x530];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let std: Vec<char> = c.to_lowercase().collect();
            if std.len() == 1 && c != 'İ' {
                assert_eq!(lower(c), std[0], "{c:?} U+{:04X}", c as u32);
            }
        }
        assert_eq!(lower('İ'), 'i');
    }

    #[test]
    fn word_characters() {
        assert_eq!(words("Skatt/MVA: 25 %, «moms» — ok؟ كسب،كار"), ["skatt", "mva", "25", "moms", "ok", "كسب", "كار"]);
        assert_eq!(words("enkeltpersonforetak-ENK"), ["enkeltpersonforetak", "enk"]);
    }

    #[test]
    fn edits() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert!(within_one_edit(&c("steuer"), &c("steuer")));
        assert!(within_one_edit(&c("steuer"), &c("stuer")));
        assert!(within_one_edit(&c("steuer"), &c("steuerr")));
        assert!(within_one_edit(&c("steuer"), &c("stauer")));
        assert!(within_one_edit(&c("steuer"), &c("tseuer")));
        assert!(!within_one_edit(&c("steuer"), &c("tsuer")));
        assert!(!within_one_edit(&c("steuer"), &c("stuerx")));
    }

    #[test]
    fn every_word_must_match_and_titles_rank_first() {
        let idx = SearchIndex::new(&[
            doc("Bank account help", "Opening an account when a bank refuses you"),
            doc("Tax office", "Register for tax and get a number"),
            doc("Discrimination advice", "Help when a bank account is refused"),
        ]);
        let hits: Vec<usize> = idx.search("bank account").iter().map(|h| h.doc).collect();
        assert_eq!(hits, vec![0, 2]);
        assert_eq!(idx.search("tax bank"), vec![]);
        assert_eq!(idx.search("").len(), 3);
    }

    #[test]
    fn prefixes_and_one_typo() {
        let idx = SearchIndex::new(&[doc("Gewerbeanmeldung", "Register your trade"), doc("Mentor network", "")]);
        assert_eq!(idx.search("gewer")[0].doc, 0, "prefix while typing");
        assert_eq!(idx.search("gewerbeanmeldnug")[0].doc, 0, "a swapped pair");
        assert_eq!(idx.search("gewrbe")[0].doc, 0, "a typo in the part typed so far");
        assert_eq!(idx.search("mentro")[0].doc, 1);
        assert!(idx.search("mentr").iter().all(|h| h.doc == 1));
        assert!(idx.search("mebt").is_empty(), "no typo allowed under five letters");
        assert_eq!(idx.search("mebto")[0].doc, 1, "one typo allowed from five letters");
        let exact = idx.search("mentor")[0].score;
        let fuzzy = idx.search("mentro")[0].score;
        assert!(exact > fuzzy, "exact before fuzzy");
    }

    #[test]
    fn diacritics_and_scripts_match_both_ways() {
        let idx =
            SearchIndex::new(&[doc("Skatteetaten: næringsoppgave", ""), doc("Existenzgründung", ""), doc("مشاوره کسب و کار", ""), doc("Консультація", "")]);
        assert_eq!(idx.search("naeringsoppgave")[0].doc, 0);
        assert_eq!(idx.search("existenzgrundung")[0].doc, 1);
        assert_eq!(idx.search("كسب")[0].doc, 2, "Arabic kaf finds Farsi keheh");
        assert_eq!(idx.search("консуль")[0].doc, 3);
    }

    /// Issue 26 and 27: official words typed as people type them, without accents, final sigma
    /// or capitals, or in the Latin letters of a phone keyboard, find the glossary term and the
    /// help that names it.
    #[test]
    fn greek_and_spanish_words_are_found_as_people_type_them() {
        let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content"));
        for (country, queries) in [
            ("gr", &["ΑΦΜ", "αφμ", "afm", "εναρξη", "ΕΝΑΡΞΗ", "efka", "gemi", "ΓΕΜΗ", "γεμη"][..]),
            ("es", &["autonomo", "autónomo", "AUTÓNOMO", "cuenta propia", "tarifa plana", "anadido", "declaracion censal", "clave"][..]),
        ] {
            let pack = crate::domain::content::source::load(&dir.join(country)).unwrap();
            for q in queries {
                // The glossary's filter: every word of the query within a term's words.
                let hits: Vec<&str> = pack
                    .terms
                    .iter()
                    .filter(|t| {
                        let text = fold(&format!("{} {} {} {}", t.term, t.plain, t.explanation, t.synonyms.join(" ")));
                        fold(q).split_whitespace().all(|w| text.contains(w))
                    })
                    .map(|t| t.id.as_str())
                    .collect();
                assert!(!hits.is_empty(), "{country}: no glossary term found for {q:?}");
            }
        }
        assert_eq!(fold("ΈΝΑΡΞΗ Δραστηριότητας"), "εναρξη δραστηριοτητασ");
        assert_eq!(fold("Autónomo, España"), "autonomo, espana");
        // And the resource bank: the same hits whether typed with accents and capitals or not.
        let pack = crate::domain::content::source::load(&dir.join("gr")).unwrap();
        let idx = SearchIndex::new(&resource_docs(&pack));
        let (upper, lower) = (idx.search("ΑΦΜ"), idx.search("αφμ"));
        assert!(!upper.is_empty(), "a resource about the tax number (ΑΦΜ)");
        assert_eq!(upper.iter().map(|h| h.doc).collect::<Vec<_>>(), lower.iter().map(|h| h.doc).collect::<Vec<_>>());
    }

    #[test]
    fn real_packs_find_vat_through_glossary_synonyms() {
        let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content"));
        for (country, local) in [("no", "mva"), ("de", "umsatzsteuer")] {
            let pack = crate::domain::content::source::load(&dir.join(country)).unwrap();
            let idx = SearchIndex::new(&resource_docs(&pack));
            let vat = idx.search("VAT");
            let by_local = idx.search(local);
            assert!(!by_local.is_empty(), "{country}: nothing found for {local}");
            for hit in &by_local {
                assert!(vat.iter().any(|h| h.doc == hit.doc), "{country}: {} found by {local} but not by VAT", pack.resources[hit.doc].id);
            }
        }
    }
}
