//! Validation of a pack: ids, references, vocabularies, dated sources, the Markdown subset.
//! A broken pack fails with a message naming the file and the field.

use std::collections::BTreeSet;

use super::*;

pub const PHASES: &[&str] = &["explore", "prepare", "register", "launch", "grow"];
pub const RESOURCE_KINDS: &[&str] = &["official-service", "free-advice", "course", "funding", "network", "tool", "template", "legal-help"];
pub const TOPICS: &[&str] = &[
    "residence",
    "business-idea",
    "market",
    "business-plan",
    "legal-form",
    "name",
    "registration",
    "tax",
    "vat",
    "bookkeeping",
    "banking",
    "insurance",
    "social-security",
    "pension",
    "permits",
    "recognition",
    "funding",
    "microcredit",
    "hiring",
    "advice",
    "courses",
    "mentoring",
    "networking",
    "language",
    "discrimination",
    "legal-help",
    "green",
    "digital",
];
pub const SECTORS: &[&str] =
    &["green", "food", "construction", "cleaning", "transport", "crafts", "retail", "care", "beauty", "it", "creative", "agriculture", "tourism"];
/// `applies.residence`: EU/EEA/Swiss citizens, everyone else, or people under temporary or
/// collective protection only.
pub const RESIDENCE: &[&str] = &["eu", "non-eu", "protection"];
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
    !s.is_empty() && s.split('-').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
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
        for (field, v) in [
            ("name", &f.name),
            ("local_name", &f.local_name),
            ("liability", &f.liability),
            ("min_capital", &f.min_capital),
            ("owners", &f.owners),
            ("registration", &f.registration),
            ("social_security", &f.social_security),
        ] {
            c.text(PACK, format!("{at}.{field}"), v);
        }
        c.vocab(PACK, format!("{at}.good_for"), &f.good_for, GOOD_FOR);
        if f.limited_liability.is_none() {
            c.err(PACK, format!("{at}.limited_liability"), "say whether the owners' private money is safe from the business's debts (true or false)");
        }
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
            c.vocab(STEPS, format!("{at}.applies.residence"), std::slice::from_ref(r), RESIDENCE);
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
