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
    /// Whether the owners' private money is safe from the business's debts (the chooser weighs
    /// it against risk and names it as the form's trade-off). Every form must say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limited_liability: Option<bool>,
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
        m.legal_forms
            .iter()
            .flat_map(|f| &f.sources)
            .chain(self.steps.iter().flat_map(|s| &s.sources))
            .chain(self.resources.iter().flat_map(|r| &r.sources))
            .chain(self.terms.iter().flat_map(|t| &t.sources))
            .map(|s| s.url.as_str())
            .collect()
    }
}

/// Ids in links and files: what a content pack can name (slugs, also with `_`), never markup or
/// an address.
pub fn is_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 80 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Translations checked against their English (build time and native tests only).
#[cfg(any(test, feature = "packc"))]
pub mod fidelity;
/// What in a pack may no longer be true (`make content-report`; build time and tests only).
#[cfg(any(test, feature = "packc"))]
pub mod freshness;
mod validate;
pub use validate::*;

/// Reading packs from their TOML sources (build time and native tests only).
#[cfg(any(test, feature = "packc"))]
pub mod source;

#[cfg(test)]
pub(crate) mod tests;
