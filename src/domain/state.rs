//! What Career Kit keeps on the user's device: settings, the profile and progress.
//!
//! This is the `data` of storage format version [`crate::domain::envelope::FORMAT_VERSION`].
//! Fields added later carry `#[serde(default)]`, so older saves still load; a change that
//! cannot be expressed that way needs a new format version and a migration in `envelope`.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Everything saved, for all countries the user has looked at.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedState {
    pub settings: Settings,
    pub profile: Profile,
    /// Progress per country pack id (`"no"`, `"de"`), then per step id.
    pub progress: BTreeMap<String, BTreeMap<String, StepProgress>>,
    /// Saved resources as `country/resource-id`.
    pub saved_resources: BTreeSet<String>,
    /// When the plan was last exported to a backup file (ms since the Unix epoch).
    pub last_backup_ms: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Interface language (BCP 47 primary tag), if the user chose one.
    pub language: Option<String>,
    /// Whether the first-visit welcome has been seen.
    pub welcomed: bool,
}

/// "About you and your business". Every answer is optional and can be changed later.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    pub country: Option<String>,
    pub town: Option<String>,
    pub residence: Option<Residence>,
    pub business: Option<String>,
    pub sectors: BTreeSet<String>,
    pub partners: Option<bool>,
    pub hiring: Option<bool>,
    /// A legal form id of the country pack, or `None` for "help me choose".
    pub legal_form: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Residence {
    /// EU/EEA/Swiss citizen.
    Eu,
    /// A residence permit that allows self-employment.
    PermitAllows,
    NotSure,
    Other,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepStatus {
    #[default]
    NotStarted,
    InProgress,
    Waiting,
    Done,
    NotRelevant,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StepProgress {
    pub status: StepStatus,
    /// Ticked task ids.
    pub tasks: BTreeSet<String>,
    pub note: String,
    /// Due date as `YYYY-MM-DD`.
    pub due: Option<String>,
}
