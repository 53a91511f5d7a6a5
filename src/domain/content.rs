//! The content model: one country is one [`Pack`]; authors write it as TOML under `content/`,
//! `packc` checks it with [`validate`] and writes one JSON file per country and language, which
//! the app downloads only when that country is chosen.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A dated official source behind a fact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
// Typos in the TOML sources fail the build; the app itself need not repeat the check.
#[cfg_attr(not(target_arch = "wasm32"), serde(deny_unknown_fields))]
pub struct Source {
    pub url: String,
    pub title: String,
    /// ISO date (`YYYY-MM-DD`) the source was opened and the fact confirmed.
    pub checked: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
// Typos in the TOML sources fail the build; the app itself need not repeat the check.
#[cfg_attr(not(target_arch = "wasm32"), serde(deny_unknown_fields))]
pub struct Phase {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
// Typos in the TOML sources fail the build; the app itself need not repeat the check.
#[cfg_attr(not(target_arch = "wasm32"), serde(deny_unknown_fields))]
pub struct Region {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
// Typos in the TOML sources fail the build; the app itself need not repeat the check.
#[cfg_attr(not(target_arch = "wasm32"), serde(deny_unknown_fields))]
pub struct Town {
    pub id: String,
    pub name: String,
    pub region: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
// Typos in the TOML sources fail the build; the app itself need not repeat the check.
#[cfg_attr(not(target_arch = "wasm32"), serde(deny_unknown_fields))]
pub struct LegalForm {
    pub id: String,
    pub name: String,
    pub local_name: String,
    #[serde(default)]
    pub summary: String,
    pub liability: String,
    pub min_capital: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_capital_amount: Option<f64>,
    pub owners: String,
    pub registration: String,
    pub social_security: String,
    #[serde(default)]
    pub taxation: String,
    #[serde(default)]
    pub good_for: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
    #[serde(rename = "source", default)]
    pub sources: Vec<Source>,
    /// A translation nobody has reviewed yet (set by `packc` from the translation file).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unreviewed: bool,
}

/// How a step joins the step before it (GOV.UK step-by-step: "and" / "or").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Join {
    And,
    Or,
}

/// Who a step applies to. Empty lists mean everyone.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
// Typos in the TOML sources fail the build; the app itself need not repeat the check.
#[cfg_attr(not(target_arch = "wasm32"), serde(deny_unknown_fields))]
pub struct Applies {
    /// `eu` (EU/EEA/Swiss citizens) or `non-eu`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residence: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legal_forms: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employees: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
// Typos in the TOML sources fail the build; the app itself need not repeat the check.
#[cfg_attr(not(target_arch = "wasm32"), serde(deny_unknown_fields))]
pub struct Task {
    pub id: String,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
// Typos in the TOML sources fail the build; the app itself need not repeat the check.
#[cfg_attr(not(target_arch = "wasm32"), serde(deny_unknown_fields))]
pub struct Step {
    pub id: String,
    pub phase: String,
    pub title: String,
    pub summary: String,
    /// Markdown subset, see [`crate::domain::markdown`].
    #[serde(default)]
    pub body: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub join: Option<Join>,
    #[serde(default)]
    pub optional: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline_days: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pitfalls: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<String>,
    #[serde(default)]
    pub applies: Applies,
    #[serde(rename = "task", default)]
    pub tasks: Vec<Task>,
    #[serde(rename = "source", default)]
    pub sources: Vec<Source>,
    /// A translation nobody has reviewed yet (set by `packc` from the translation file).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unreviewed: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
// Typos in the TOML sources fail the build; the app itself need not repeat the check.
#[cfg_attr(not(target_arch = "wasm32"), serde(deny_unknown_fields))]
pub struct Resource {
    pub id: String,
    pub kind: String,
    pub organisation: String,
    pub title: String,
    pub description: String,
    pub url: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub towns: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    /// `free`, `paid` or `mixed`; left out when the source does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(rename = "source", default)]
    pub sources: Vec<Source>,
    /// A translation nobody has reviewed yet (set by `packc` from the translation file).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unreviewed: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
// Typos in the TOML sources fail the build; the app itself need not repeat the check.
#[cfg_attr(not(target_arch = "wasm32"), serde(deny_unknown_fields))]
pub struct Term {
    pub id: String,
    /// The official local word, as on the forms.
    pub term: String,
    /// The plain equivalent in the pack's language.
    pub plain: String,
    pub explanation: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<String>,
    #[serde(rename = "source", default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// A translation nobody has reviewed yet (set by `packc` from the translation file).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unreviewed: bool,
}

/// `pack.toml`: the country and its fixed lists.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
// Typos in the TOML sources fail the build; the app itself need not repeat the check.
#[cfg_attr(not(target_arch = "wasm32"), serde(deny_unknown_fields))]
pub struct PackMeta {
    pub id: String,
    pub name: String,
    pub local_name: String,
    pub local_language: String,
    pub currency: String,
    #[serde(rename = "phase", default)]
    pub phases: Vec<Phase>,
    #[serde(rename = "region", default)]
    pub regions: Vec<Region>,
    #[serde(rename = "town", default)]
    pub towns: Vec<Town>,
    #[serde(rename = "legal_form", default)]
    pub legal_forms: Vec<LegalForm>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
// Typos in the TOML sources fail the build; the app itself need not repeat the check.
#[cfg_attr(not(target_arch = "wasm32"), serde(deny_unknown_fields))]
pub struct StepsFile {
    #[serde(rename = "step", default)]
    pub steps: Vec<Step>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
// Typos in the TOML sources fail the build; the app itself need not repeat the check.
#[cfg_attr(not(target_arch = "wasm32"), serde(deny_unknown_fields))]
pub struct ResourcesFile {
    #[serde(rename = "resource", default)]
    pub resources: Vec<Resource>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
// Typos in the TOML sources fail the build; the app itself need not repeat the check.
#[cfg_attr(not(target_arch = "wasm32"), serde(deny_unknown_fields))]
pub struct GlossaryFile {
    #[serde(rename = "term", default)]
    pub terms: Vec<Term>,
}

/// One country in one language: what the app loads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pack {
    /// Language of this file set's texts.
    pub language: String,
    pub meta: PackMeta,
    pub steps: Vec<Step>,
    pub resources: Vec<Resource>,
    pub terms: Vec<Term>,
}

/// The list of packs the build holds, written as `packs/index.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PackIndex {
    pub packs: Vec<PackEntry>,
    /// Interface language code → its catalog's file name under `packs/` (content-hashed).
    #[serde(default)]
    pub ui: BTreeMap<String, String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PackEntry {
    pub id: String,
    pub name: String,
    pub local_name: String,
    /// Language of `local_name` (for its `lang` attribute).
    #[serde(default)]
    pub local_language: String,
    /// Language code → file name under `packs/` (content-hashed, so it can be cached forever).
    pub files: BTreeMap<String, String>,
    /// Language code → the country's name in that language, from the pack and its translations
    /// (the app asks the browser only for the languages not here).
    #[serde(default)]
    pub names: BTreeMap<String, String>,
}

impl Pack {
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }
    pub fn resource(&self, id: &str) -> Option<&Resource> {
        self.resources.iter().find(|r| r.id == id)
    }
    pub fn term(&self, id: &str) -> Option<&Term> {
        self.terms.iter().find(|t| t.id == id)
    }
    /// A town's display name (its id if the pack does not list it).
    pub fn town_name(&self, id: &str) -> String {
        self.meta.towns.iter().find(|t| t.id == id).map_or_else(|| id.to_string(), |t| t.name.clone())
    }
    /// A region's display name (its id if the pack does not list it).
    pub fn region_name(&self, id: &str) -> String {
        self.meta.regions.iter().find(|r| r.id == id).map_or_else(|| id.to_string(), |r| r.name.clone())
    }
    /// Steps of a phase, in pack order.
    pub fn phase_steps<'a>(&'a self, phase: &'a str) -> impl Iterator<Item = &'a Step> + 'a {
        self.steps.iter().filter(move |s| s.phase == phase)
    }
    /// Every distinct source URL in the pack.
    pub fn distinct_sources(&self) -> BTreeSet<&str> {
        let m = &self.meta;
        m.legal_forms.iter().flat_map(|f| &f.sources)
            .chain(self.steps.iter().flat_map(|s| &s.sources))
            .chain(self.resources.iter().flat_map(|r| &r.sources))
            .chain(self.terms.iter().flat_map(|t| &t.sources))
            .map(|s| s.url.as_str())
            .collect()
    }
}

// ---------------------------------------------------------------------------------------------
// Validation

pub const PHASES: &[&str] = &["explore", "prepare", "register", "launch", "grow"];
pub const RESOURCE_KINDS: &[&str] = &[
    "official-service", "free-advice", "course", "funding", "network", "tool", "template", "legal-help",
];
pub const TOPICS: &[&str] = &[
    "residence", "business-idea", "market", "business-plan", "legal-form", "name", "registration",
    "tax", "vat", "bookkeeping", "banking", "insurance", "social-security", "pension", "permits",
    "recognition", "funding", "microcredit", "hiring", "advice", "courses", "mentoring",
    "networking", "language", "discrimination", "legal-help", "green", "digital",
];
pub const SECTORS: &[&str] = &[
    "green", "food", "construction", "cleaning", "transport", "crafts", "retail", "care", "beauty",
    "it", "creative", "agriculture",
];
pub const COSTS: &[&str] = &["free", "paid", "mixed"];
pub const GOOD_FOR: &[&str] = &["alone", "partners", "low-risk", "high-risk", "investors", "small-start"];

/// A problem in a pack, naming the file and the field.
#[derive(Clone, Debug, PartialEq)]
pub struct PackError {
    pub file: &'static str,
    pub field: String,
    pub message: String,
}

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.field, self.message)
    }
}

pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u8>().unwrap_or(0))
}

struct Checker {
    errors: Vec<PackError>,
}

impl Checker {
    fn err(&mut self, file: &'static str, field: impl Into<String>, message: impl Into<String>) {
        self.errors.push(PackError { file, field: field.into(), message: message.into() });
    }

    fn ids<'a>(&mut self, file: &'static str, what: &str, ids: impl Iterator<Item = &'a str>) -> BTreeSet<&'a str> {
        let mut seen = BTreeSet::new();
        for id in ids {
            if !is_slug(id) {
                self.err(file, format!("{what} `{id}`.id"), "ids are slugs: a-z, 0-9 and single hyphens");
            }
            if !seen.insert(id) {
                self.err(file, format!("{what} `{id}`.id"), "duplicate id");
            }
        }
        seen
    }

    fn refs(&mut self, file: &'static str, field: String, refs: &[String], known: &BTreeSet<&str>, what: &str) {
        for r in refs {
            if !known.contains(r.as_str()) {
                self.err(file, field.clone(), format!("unknown {what} `{r}`"));
            }
        }
    }

    fn vocab(&mut self, file: &'static str, field: String, values: &[String], allowed: &[&str]) {
        for v in values {
            if !allowed.contains(&v.as_str()) {
                self.err(file, field.clone(), format!("`{v}` is not one of: {}", allowed.join(", ")));
            }
        }
    }

    fn text(&mut self, file: &'static str, field: String, value: &str) {
        if value.trim().is_empty() {
            self.err(file, field, "must not be empty");
        }
    }

    fn sources(&mut self, file: &'static str, owner: String, sources: &[Source]) {
        if sources.is_empty() {
            self.err(file, format!("{owner}.source"), "needs at least one official source with a date");
        }
        for (i, s) in sources.iter().enumerate() {
            if !s.url.starts_with("https://") {
                self.err(file, format!("{owner}.source[{i}].url"), "sources must be https links");
            }
            if !is_date(&s.checked) {
                self.err(file, format!("{owner}.source[{i}].checked"), "must be a date YYYY-MM-DD");
            }
            self.text(file, format!("{owner}.source[{i}].title"), &s.title);
        }
    }

    fn markdown(&mut self, file: &'static str, field: String, body: &str) {
        for link in crate::domain::markdown::links(body) {
            if !crate::domain::markdown::is_live_href(&link) {
                self.err(file, field.clone(), format!("link `{link}` must be https:, mailto: or tel:"));
            }
        }
    }
}

/// Checks a whole pack. An empty result means the pack is valid.
pub fn validate(pack: &Pack) -> Vec<PackError> {
    const PACK: &str = "pack.toml";
    const STEPS: &str = "steps.toml";
    const RES: &str = "resources.toml";
    const GLOSS: &str = "glossary.toml";
    let mut c = Checker { errors: vec![] };
    let m = &pack.meta;
    if !(m.id.len() == 2 && is_slug(&m.id)) {
        c.err(PACK, "id", "a country id is a lower-case ISO 3166-1 alpha-2 code");
    }
    for (field, v) in [("name", &m.name), ("local_name", &m.local_name), ("local_language", &m.local_language), ("currency", &m.currency)] {
        c.text(PACK, field.into(), v);
    }

    let phases = c.ids(PACK, "phase", m.phases.iter().map(|p| p.id.as_str()));
    c.vocab(PACK, "phase.id".into(), &m.phases.iter().map(|p| p.id.clone()).collect::<Vec<_>>(), PHASES);
    let order: Vec<usize> = m.phases.iter().filter_map(|p| PHASES.iter().position(|x| *x == p.id)).collect();
    if order.windows(2).any(|w| w[0] >= w[1]) {
        c.err(PACK, "phase", format!("phases go in this order: {}", PHASES.join(", ")));
    }
    let regions = c.ids(PACK, "region", m.regions.iter().map(|r| r.id.as_str()));
    let towns = c.ids(PACK, "town", m.towns.iter().map(|t| t.id.as_str()));
    for t in &m.towns {
        c.refs(PACK, format!("town `{}`.region", t.id), std::slice::from_ref(&t.region), &regions, "region");
    }
    let forms = c.ids(PACK, "legal_form", m.legal_forms.iter().map(|f| f.id.as_str()));
    let _steps = c.ids(STEPS, "step", pack.steps.iter().map(|s| s.id.as_str()));
    let resources = c.ids(RES, "resource", pack.resources.iter().map(|r| r.id.as_str()));
    let terms = c.ids(GLOSS, "term", pack.terms.iter().map(|t| t.id.as_str()));

    for f in &m.legal_forms {
        let at = format!("legal_form `{}`", f.id);
        for (field, v) in [("name", &f.name), ("local_name", &f.local_name), ("liability", &f.liability), ("min_capital", &f.min_capital), ("owners", &f.owners), ("registration", &f.registration), ("social_security", &f.social_security)] {
            c.text(PACK, format!("{at}.{field}"), v);
        }
        c.vocab(PACK, format!("{at}.good_for"), &f.good_for, GOOD_FOR);
        if let Some(t) = &f.term {
            c.refs(PACK, format!("{at}.term"), std::slice::from_ref(t), &terms, "term");
        }
        c.sources(PACK, at, &f.sources);
    }

    for s in &pack.steps {
        let at = format!("step `{}`", s.id);
        c.refs(STEPS, format!("{at}.phase"), std::slice::from_ref(&s.phase), &phases, "phase");
        c.text(STEPS, format!("{at}.title"), &s.title);
        c.text(STEPS, format!("{at}.summary"), &s.summary);
        c.markdown(STEPS, format!("{at}.body"), &s.body);
        c.refs(STEPS, format!("{at}.terms"), &s.terms, &terms, "term");
        c.refs(STEPS, format!("{at}.resources"), &s.resources, &resources, "resource");
        c.refs(STEPS, format!("{at}.applies.legal_forms"), &s.applies.legal_forms, &forms, "legal form");
        c.vocab(STEPS, format!("{at}.applies.sectors"), &s.applies.sectors, SECTORS);
        if let Some(r) = &s.applies.residence {
            c.vocab(STEPS, format!("{at}.applies.residence"), std::slice::from_ref(r), &["eu", "non-eu"]);
        }
        if s.tasks.is_empty() {
            c.err(STEPS, format!("{at}.task"), "a step needs at least one task");
        }
        let mut task_ids = BTreeSet::new();
        for t in &s.tasks {
            if !is_slug(&t.id) {
                c.err(STEPS, format!("{at}.task `{}`.id", t.id), "ids are slugs: a-z, 0-9 and single hyphens");
            }
            if !task_ids.insert(t.id.as_str()) {
                c.err(STEPS, format!("{at}.task `{}`.id", t.id), "duplicate task id in this step");
            }
            c.text(STEPS, format!("{at}.task `{}`.title", t.id), &t.title);
        }
        c.sources(STEPS, at, &s.sources);
    }
    if let Some(first) = pack.steps.first() {
        if first.join.is_some() {
            c.err(STEPS, format!("step `{}`.join", first.id), "the first step cannot join a step before it");
        }
    }
    for pair in pack.steps.windows(2) {
        if pair[1].join.is_some() && pair[0].phase != pair[1].phase {
            c.err(STEPS, format!("step `{}`.join", pair[1].id), "a joined step must be in the same phase as the step before it");
        }
    }
    let mut last_phase = 0;
    for s in &pack.steps {
        if let Some(i) = m.phases.iter().position(|p| p.id == s.phase) {
            if i < last_phase {
                c.err(STEPS, format!("step `{}`.phase", s.id), "steps are listed phase by phase, in phase order");
            }
            last_phase = i;
        }
    }

    for r in &pack.resources {
        let at = format!("resource `{}`", r.id);
        c.vocab(RES, format!("{at}.kind"), std::slice::from_ref(&r.kind), RESOURCE_KINDS);
        if let Some(cost) = &r.cost {
            c.vocab(RES, format!("{at}.cost"), std::slice::from_ref(cost), COSTS);
        }
        c.vocab(RES, format!("{at}.topics"), &r.topics, TOPICS);
        c.vocab(RES, format!("{at}.sectors"), &r.sectors, SECTORS);
        c.refs(RES, format!("{at}.towns"), &r.towns, &towns, "town");
        c.refs(RES, format!("{at}.regions"), &r.regions, &regions, "region");
        for (field, v) in [("organisation", &r.organisation), ("title", &r.title), ("description", &r.description)] {
            c.text(RES, format!("{at}.{field}"), v);
        }
        if !r.url.starts_with("https://") {
            c.err(RES, format!("{at}.url"), "links must be https");
        }
        for l in &r.languages {
            if !(l.len() == 2 && l.bytes().all(|b| b.is_ascii_lowercase())) {
                c.err(RES, format!("{at}.languages"), format!("`{l}` is not an ISO 639-1 code"));
            }
        }
        c.sources(RES, at, &r.sources);
    }

    for t in &pack.terms {
        let at = format!("term `{}`", t.id);
        for (field, v) in [("term", &t.term), ("plain", &t.plain), ("explanation", &t.explanation)] {
            c.text(GLOSS, format!("{at}.{field}"), v);
        }
        for (i, s) in t.sources.iter().enumerate() {
            if !s.url.starts_with("https://") || !is_date(&s.checked) {
                c.err(GLOSS, format!("{at}.source[{i}]"), "sources are https links with a date");
            }
        }
    }
    c.errors
}

/// Checks that a translated file set of a pack has every step, task, resource and term of the
/// source-language pack, and nothing the source lacks (ids are shared across languages).
pub fn check_translation(source: &Pack, translated: &Pack) -> Vec<PackError> {
    let mut c = Checker { errors: vec![] };
    let lang = &translated.language;
    for s in &source.steps {
        match translated.step(&s.id) {
            None => c.err("steps.toml", format!("step `{}`", s.id), format!("missing in language `{lang}`")),
            Some(t) => {
                for task in &s.tasks {
                    if !t.tasks.iter().any(|x| x.id == task.id) {
                        c.err("steps.toml", format!("step `{}`.task `{}`", s.id, task.id), format!("missing in language `{lang}`"));
                    }
                }
                for task in &t.tasks {
                    if !s.tasks.iter().any(|x| x.id == task.id) {
                        c.err("steps.toml", format!("step `{}`.task `{}`", s.id, task.id), format!("language `{lang}` has a task the source lacks"));
                    }
                }
            }
        }
    }
    for t in &translated.steps {
        if source.step(&t.id).is_none() {
            c.err("steps.toml", format!("step `{}`", t.id), format!("language `{lang}` has a step the source lacks"));
        }
    }
    for r in &source.resources {
        if translated.resource(&r.id).is_none() {
            c.err("resources.toml", format!("resource `{}`", r.id), format!("missing in language `{lang}`"));
        }
    }
    for t in &source.terms {
        if translated.term(&t.id).is_none() {
            c.err("glossary.toml", format!("term `{}`", t.id), format!("missing in language `{lang}`"));
        }
    }
    c.errors
}

/// Reading packs from their TOML sources (build time and native tests only).
#[cfg(any(test, feature = "packc"))]
pub mod source {
    use super::*;
    use std::path::Path;

    fn read<T: serde::de::DeserializeOwned + Default>(dir: &Path, file: &str, required: bool) -> Result<T, String> {
        let path = dir.join(file);
        match std::fs::read_to_string(&path) {
            Ok(text) => toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display())),
            Err(_) if !required => Ok(T::default()),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }

    /// Loads `content/<country>/` into a pack of its source language (English).
    pub fn load(dir: &Path) -> Result<Pack, String> {
        let path = dir.join("pack.toml");
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let meta: PackMeta = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let steps: StepsFile = read(dir, "steps.toml", true)?;
        let resources: ResourcesFile = read(dir, "resources.toml", true)?;
        let glossary: GlossaryFile = read(dir, "glossary.toml", true)?;
        Ok(Pack { language: "en".into(), meta, steps: steps.steps, resources: resources.resources, terms: glossary.terms })
    }

    /// A translation file, `content/<country>/translations/<language>.toml`: text only, keyed
    /// by the English pack's ids (see content/README.md).
    #[derive(Debug, Default, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Translation {
        pub language: String,
        #[serde(default)]
        pub reviewed: bool,
        pub name: Option<String>,
        #[serde(default)]
        pub phase: BTreeMap<String, PhaseText>,
        #[serde(default)]
        pub region: BTreeMap<String, NameText>,
        #[serde(default)]
        pub town: BTreeMap<String, NameText>,
        #[serde(default)]
        pub legal_form: BTreeMap<String, LegalFormText>,
        #[serde(default)]
        pub step: BTreeMap<String, StepText>,
        #[serde(default)]
        pub resource: BTreeMap<String, ResourceText>,
        #[serde(default)]
        pub term: BTreeMap<String, TermText>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct PhaseText {
        pub title: String,
        pub summary: String,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct NameText {
        pub name: String,
    }

    #[derive(Debug, Default, Deserialize)]
    #[serde(deny_unknown_fields, default)]
    pub struct LegalFormText {
        pub name: Option<String>,
        pub summary: Option<String>,
        pub liability: Option<String>,
        pub min_capital: Option<String>,
        pub owners: Option<String>,
        pub registration: Option<String>,
        pub social_security: Option<String>,
        pub taxation: Option<String>,
        pub reviewed: Option<bool>,
    }

    #[derive(Debug, Default, Deserialize)]
    #[serde(deny_unknown_fields, default)]
    pub struct StepText {
        pub title: Option<String>,
        pub summary: Option<String>,
        pub body: Option<String>,
        pub authority: Option<String>,
        pub cost: Option<String>,
        pub time: Option<String>,
        pub deadline: Option<String>,
        pub documents: Option<Vec<String>>,
        pub pitfalls: Option<Vec<String>>,
        pub task: BTreeMap<String, String>,
        pub reviewed: Option<bool>,
    }

    #[derive(Debug, Default, Deserialize)]
    #[serde(deny_unknown_fields, default)]
    pub struct ResourceText {
        pub title: Option<String>,
        pub description: Option<String>,
        pub reviewed: Option<bool>,
    }

    #[derive(Debug, Default, Deserialize)]
    #[serde(deny_unknown_fields, default)]
    pub struct TermText {
        pub plain: Option<String>,
        pub explanation: Option<String>,
        pub synonyms: Vec<String>,
        pub reviewed: Option<bool>,
    }

    /// The translation files of a pack folder, sorted by language.
    pub fn translations(dir: &Path) -> Result<Vec<(std::path::PathBuf, Translation)>, String> {
        let folder = dir.join("translations");
        let Ok(entries) = std::fs::read_dir(&folder) else { return Ok(vec![]) };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "toml")).collect();
        paths.sort();
        paths
            .into_iter()
            .map(|path| {
                let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                let t: Translation = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
                Ok((path, t))
            })
            .collect()
    }

    /// The link addresses of a Markdown text, sorted: a translation keeps every one.
    fn links(md: &str) -> Vec<&str> {
        let mut found: Vec<&str> = md.match_indices("](").filter_map(|(i, _)| md[i + 2..].split(')').next()).collect();
        found.sort_unstable();
        found
    }

    /// Translates each item of `items` with its entry in `table` (`[kind.id]`): an item without
    /// one, or an entry for an id the pack lacks, is an error.
    fn each<T, X>(
        errors: &mut Vec<String>,
        kind: &str,
        items: &mut [T],
        table: &BTreeMap<String, X>,
        id: fn(&T) -> &String,
        mut apply: impl FnMut(&mut Vec<String>, &str, &mut T, &X),
    ) {
        for extra in table.keys().filter(|k| !items.iter().any(|i| id(i) == *k)) {
            errors.push(format!("[{kind}.{extra}]: no such id in the English pack"));
        }
        for item in items {
            let at = format!("[{kind}.{}]", id(item));
            match table.get(id(item)) {
                Some(x) => apply(errors, &at, item, x),
                None => errors.push(format!("{at}: missing")),
            }
        }
    }

    /// The English pack in `t`'s language. Every id of the pack must be translated, and only
    /// those; lists keep their length, bodies their links. Errors name the item and field.
    pub fn translate(english: &Pack, t: &Translation) -> Result<Pack, Vec<String>> {
        let mut errors: Vec<String> = vec![];
        let mut pack = english.clone();
        pack.language = t.language.clone();
        let text = |errors: &mut Vec<String>, at: &str, field: &str, en: &mut String, tr: &Option<String>| match tr {
            // A field English leaves empty stays empty.
            _ if en.is_empty() => {}
            Some(v) if !v.trim().is_empty() => *en = v.clone(),
            _ => errors.push(format!("{at}: {field} missing")),
        };
        let optional = |errors: &mut Vec<String>, at: &str, field: &str, en: &mut Option<String>, tr: &Option<String>| match (en.as_mut(), tr) {
            (None, None) => {}
            (None, Some(_)) => errors.push(format!("{at}: {field} is not in the English step")),
            (Some(e), tr) => text(errors, at, field, e, tr),
        };
        let reviewed = |r: Option<bool>| !r.unwrap_or(t.reviewed);
        if let Some(name) = &t.name {
            pack.meta.name = name.clone();
        }
        each(&mut errors, "phase", &mut pack.meta.phases, &t.phase, |p| &p.id, |_, _, p, x| {
            (p.title, p.summary) = (x.title.clone(), x.summary.clone());
        });
        each(&mut errors, "region", &mut pack.meta.regions, &t.region, |r| &r.id, |_, _, r, x| r.name = x.name.clone());
        each(&mut errors, "town", &mut pack.meta.towns, &t.town, |r| &r.id, |_, _, r, x| r.name = x.name.clone());
        each(&mut errors, "legal_form", &mut pack.meta.legal_forms, &t.legal_form, |f| &f.id, |errors, at, f, x| {
            text(errors, at, "name", &mut f.name, &x.name);
            text(errors, at, "summary", &mut f.summary, &x.summary);
            text(errors, at, "liability", &mut f.liability, &x.liability);
            text(errors, at, "min_capital", &mut f.min_capital, &x.min_capital);
            text(errors, at, "owners", &mut f.owners, &x.owners);
            text(errors, at, "registration", &mut f.registration, &x.registration);
            text(errors, at, "social_security", &mut f.social_security, &x.social_security);
            text(errors, at, "taxation", &mut f.taxation, &x.taxation);
            f.unreviewed = reviewed(x.reviewed);
        });
        each(&mut errors, "step", &mut pack.steps, &t.step, |s| &s.id, |errors, at, s, x| {
            text(errors, at, "title", &mut s.title, &x.title);
            text(errors, at, "summary", &mut s.summary, &x.summary);
            let english_links: Vec<String> = links(&s.body).into_iter().map(String::from).collect();
            text(errors, at, "body", &mut s.body, &x.body);
            if links(&s.body) != english_links {
                errors.push(format!("{at}: body links differ from English ({english_links:?})"));
            }
            optional(errors, at, "authority", &mut s.authority, &x.authority);
            optional(errors, at, "cost", &mut s.cost, &x.cost);
            optional(errors, at, "time", &mut s.time, &x.time);
            optional(errors, at, "deadline", &mut s.deadline, &x.deadline);
            for (field, en, tr) in [("documents", &mut s.documents, &x.documents), ("pitfalls", &mut s.pitfalls, &x.pitfalls)] {
                match tr {
                    Some(list) if list.len() == en.len() => *en = list.clone(),
                    None if en.is_empty() => {}
                    _ => errors.push(format!("{at}: {field} must list {} items, as in English", en.len())),
                }
            }
            for id in x.task.keys().filter(|id| !s.tasks.iter().any(|k| &k.id == *id)) {
                errors.push(format!("{at}: task {id} is not in the English step"));
            }
            for task in &mut s.tasks {
                match x.task.get(&task.id) {
                    Some(v) if !v.trim().is_empty() => task.title = v.clone(),
                    _ => errors.push(format!("{at}: task {} missing", task.id)),
                }
            }
            s.unreviewed = reviewed(x.reviewed);
        });
        each(&mut errors, "resource", &mut pack.resources, &t.resource, |r| &r.id, |errors, at, r, x| {
            text(errors, at, "title", &mut r.title, &x.title);
            text(errors, at, "description", &mut r.description, &x.description);
            r.unreviewed = reviewed(x.reviewed);
        });
        each(&mut errors, "term", &mut pack.terms, &t.term, |t| &t.id, |errors, at, term, x| {
            let english_plain = term.plain.clone();
            text(errors, at, "plain", &mut term.plain, &x.plain);
            text(errors, at, "explanation", &mut term.explanation, &x.explanation);
            // Search finds a term by its English words and by the translation's.
            term.synonyms.extend(x.synonyms.iter().cloned());
            term.synonyms.push(english_plain);
            term.unreviewed = reviewed(x.reviewed);
        });
        if errors.is_empty() { Ok(pack) } else { Err(errors) }
    }

    /// Every pack folder under `content/`, sorted by id.
    pub fn pack_dirs(content: &Path) -> Result<Vec<std::path::PathBuf>, String> {
        let mut dirs: Vec<_> = std::fs::read_dir(content)
            .map_err(|e| format!("{}: {e}", content.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.join("pack.toml").is_file())
            .collect();
        dirs.sort();
        Ok(dirs)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::path::Path;

    fn content_dir() -> &'static Path {
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content"))
    }

    /// The Norway pack, as the app gets it.
    pub(crate) fn sample_pack() -> Pack {
        real_packs().into_iter().find(|p| p.meta.id == "no").expect("the Norway pack")
    }

    pub(crate) fn real_packs() -> Vec<Pack> {
        source::pack_dirs(content_dir())
            .unwrap()
            .iter()
            .map(|d| source::load(d).unwrap_or_else(|e| panic!("{e}")))
            .collect()
    }

    #[test]
    fn every_translation_covers_its_pack_keeps_links_and_is_marked_unreviewed() {
        let mut seen = vec![];
        for dir in source::pack_dirs(content_dir()).unwrap() {
            let english = source::load(&dir).unwrap();
            for (path, t) in source::translations(&dir).unwrap() {
                let pack = source::translate(&english, &t).unwrap_or_else(|e| panic!("{}:\n{}", path.display(), e.join("\n")));
                assert_eq!(validate(&pack), vec![], "{}", path.display());
                assert_eq!(Some(t.language.as_str()), path.file_stem().and_then(|s| s.to_str()));
                // Nobody has reviewed these yet: every item says so.
                assert!(pack.steps.iter().all(|s| s.unreviewed) && pack.resources.iter().all(|r| r.unreviewed));
                // The official local words stay as they are, and stay findable in English.
                for (a, b) in pack.terms.iter().zip(&english.terms) {
                    assert_eq!(a.term, b.term);
                    assert!(a.synonyms.contains(&b.plain));
                }
                seen.push(format!("{}.{}", english.meta.id, t.language));
            }
        }
        for needed in ["no.nb", "no.ar", "no.uk", "de.de", "de.ar", "de.uk"] {
            assert!(seen.iter().any(|s| s == needed), "{needed} missing from {seen:?}");
        }
    }

    #[test]
    fn a_broken_translation_is_named_item_by_item() {
        let english = sample_pack();
        let step = &english.steps[0];
        let mut t = source::Translation { language: "xx".into(), ..Default::default() };
        t.step.insert(step.id.clone(), source::StepText { title: Some("T".into()), body: Some("[x](https://evil.example)".into()), ..Default::default() });
        t.step.insert("no-such-step".into(), source::StepText::default());
        let errors = source::translate(&english, &t).unwrap_err().join("\n");
        for expected in ["[step.no-such-step]: no such id", "summary missing", "body links differ", "[phase.explore]: missing", "[resource."] {
            assert!(errors.contains(expected), "{expected} in\n{errors}");
        }
    }

    #[test]
    fn every_pack_in_content_is_valid() {
        let packs = real_packs();
        assert!(packs.len() >= 2, "expected the Norway and Germany packs");
        for pack in &packs {
            let errors = validate(pack);
            assert!(errors.is_empty(), "pack {}:\n{}", pack.meta.id,
                errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"));
        }
    }

    #[test]
    fn packs_meet_the_content_minimums() {
        for pack in real_packs() {
            let id = &pack.meta.id;
            assert!(pack.steps.len() >= 14, "{id}: {} steps", pack.steps.len());
            assert!(pack.resources.len() >= 40, "{id}: {} resources", pack.resources.len());
            assert!(pack.terms.len() >= 25, "{id}: {} terms", pack.terms.len());
            assert!(pack.meta.legal_forms.len() >= 2, "{id}: legal-form comparison");
            assert!(pack.resources.iter().any(|r| r.topics.iter().any(|t| t == "discrimination")), "{id}: discrimination help");
            assert!(pack.resources.iter().any(|r| r.topics.iter().any(|t| t == "green")), "{id}: green help");
            assert!(pack.resources.iter().any(|r| r.kind == "funding"), "{id}: funding");
            assert!(pack.resources.iter().any(|r| r.languages.iter().any(|l| *l != pack.meta.local_language && l != "en")),
                "{id}: a service in a language other than the local one and English");
        }
    }

    #[test]
    fn free_local_advice_in_the_named_towns() {
        let wanted: &[(&str, &[&str])] = &[
            ("no", &["oslo", "bergen", "trondheim", "drammen", "kongsberg"]),
            ("de", &["berlin", "hamburg", "muenchen", "koeln", "frankfurt-am-main"]),
        ];
        let packs = real_packs();
        for (country, towns) in wanted {
            let pack = packs.iter().find(|p| p.meta.id == *country).expect("pack present");
            for town in *towns {
                let region = &pack.meta.towns.iter().find(|t| t.id == *town).expect("town listed").region;
                // Local help: advice, a course, an official service or a network for this town (or
                // its region), not a paid-only service. Where no official page states the cost,
                // `cost` is left out rather than guessed.
                let free_advice = pack.resources.iter().any(|r| {
                    (r.towns.iter().any(|t| t == town) || (r.towns.is_empty() && r.regions.contains(region)))
                        && ["free-advice", "official-service", "course", "network"].contains(&r.kind.as_str())
                        && r.cost.as_deref() != Some("paid")
                });
                assert!(free_advice, "{country}: no local start-up help for {town}");
            }
        }
    }

    #[test]
    fn step_ids_are_stable_for_progress() {
        // Progress is keyed on these ids: renaming one loses users' ticks. Add, never rename.
        let packs = real_packs();
        for (country, ids) in [
            ("no", &["business-or-job", "residence-permit", "choose-legal-form", "register-business", "funding"][..]),
            ("de", &["business-or-job", "residence-permit", "legal-form", "gewerbeanmeldung", "funding"][..]),
        ] {
            let pack = packs.iter().find(|p| p.meta.id == country).unwrap();
            for id in ids {
                assert!(pack.step(id).is_some(), "{country}: step `{id}` missing");
            }
        }
    }

    fn tiny() -> Pack {
        let src = Source { url: "https://example.org".into(), title: "Ex".into(), checked: "2026-11-20".into() };
        Pack {
            language: "en".into(),
            meta: PackMeta {
                id: "no".into(), name: "Norway".into(), local_name: "Norge".into(), local_language: "nb".into(),
                currency: "NOK".into(),
                phases: vec![Phase { id: "explore".into(), title: "Explore".into(), summary: String::new() }],
                regions: vec![], towns: vec![], legal_forms: vec![],
            },
            steps: vec![Step {
                id: "idea".into(), phase: "explore".into(), title: "Idea".into(), summary: "S".into(),
                body: String::new(), join: None, optional: false, authority: None, cost: None, time: None,
                deadline: None, deadline_days: None, documents: vec![], pitfalls: vec![], terms: vec![],
                resources: vec![], applies: Applies::default(),
                tasks: vec![Task { id: "write".into(), title: "Write it".into() }], sources: vec![src], unreviewed: false,
            }],
            resources: vec![],
            terms: vec![],
        }
    }

    #[test]
    fn a_valid_tiny_pack_passes() {
        assert_eq!(validate(&tiny()), vec![]);
    }

    fn first_error(pack: &Pack) -> String {
        validate(pack).first().map(|e| e.to_string()).unwrap_or_default()
    }

    #[test]
    fn broken_packs_name_the_file_and_field() {
        let mut p = tiny();
        p.steps.push(p.steps[0].clone());
        assert_eq!(first_error(&p), "steps.toml: step `idea`.id: duplicate id");

        let mut p = tiny();
        p.steps[0].resources = vec!["nowhere".into()];
        assert_eq!(first_error(&p), "steps.toml: step `idea`.resources: unknown resource `nowhere`");

        let mut p = tiny();
        p.steps[0].terms = vec!["nix".into()];
        assert!(first_error(&p).contains("unknown term `nix`"));

        let mut p = tiny();
        p.steps[0].id = "Idea_1".into();
        assert!(first_error(&p).starts_with("steps.toml: step `Idea_1`.id: ids are slugs"));

        let mut p = tiny();
        p.steps[0].sources.clear();
        assert_eq!(first_error(&p), "steps.toml: step `idea`.source: needs at least one official source with a date");

        let mut p = tiny();
        p.steps[0].sources[0].checked = "last week".into();
        assert!(first_error(&p).contains("step `idea`.source[0].checked"));

        let mut p = tiny();
        p.steps[0].sources[0].url = "http://example.org".into();
        assert!(first_error(&p).contains("sources must be https"));

        let mut p = tiny();
        p.steps[0].body = "See [this](javascript:alert).".into();
        assert!(first_error(&p).contains("step `idea`.body: link `javascript:alert`"));

        let mut p = tiny();
        p.steps[0].tasks.clear();
        assert!(first_error(&p).contains("step `idea`.task: a step needs at least one task"));
    }

    #[test]
    fn a_translation_must_have_every_step_and_task() {
        let source = tiny();
        let mut fr = tiny();
        fr.language = "ar".into();
        assert_eq!(check_translation(&source, &fr), vec![]);
        fr.steps[0].tasks[0].id = "other".into();
        let errors: Vec<String> = check_translation(&source, &fr).iter().map(|e| e.to_string()).collect();
        assert_eq!(errors, vec![
            "steps.toml: step `idea`.task `write`: missing in language `ar`".to_string(),
            "steps.toml: step `idea`.task `other`: language `ar` has a task the source lacks".to_string(),
        ]);
        fr.steps.clear();
        assert_eq!(check_translation(&source, &fr)[0].to_string(), "steps.toml: step `idea`: missing in language `ar`");
    }

    #[test]
    fn toml_errors_name_the_file() {
        let dir = std::env::temp_dir().join(format!("ck-broken-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(content_dir().join("no/pack.toml"), dir.join("pack.toml")).unwrap();
        std::fs::write(dir.join("steps.toml"), "[[step]]\nid = \"x\"\ntitel = \"typo\"\n").unwrap();
        std::fs::write(dir.join("resources.toml"), "").unwrap();
        std::fs::write(dir.join("glossary.toml"), "").unwrap();
        let err = source::load(&dir).unwrap_err();
        std::fs::remove_dir_all(&dir).ok();
        assert!(err.contains("steps.toml") && err.contains("titel"), "{err}");
    }
}
