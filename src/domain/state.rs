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
    /// Courses made on this device or followed from a trainer's link, by course id.
    pub courses: BTreeMap<String, super::course::SavedCourse>,
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
    /// For the legal-form chooser: will the business carry big risks (loans, large contracts,
    /// expensive equipment)?
    pub high_risk: Option<bool>,
    /// For the legal-form chooser: will investors put money in?
    pub investors: Option<bool>,
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

/// Joins a change made in this tab (`ours`, from `base`) with what another tab saved
/// meanwhile (`theirs`, also from `base`). Each step's progress, each saved resource, the
/// profile and the settings are taken from the side that changed them; where both changed the
/// same thing, this tab's change wins, as it is the one the user is looking at.
pub fn merge(base: &SavedState, ours: &SavedState, theirs: &SavedState) -> SavedState {
    fn pick<T: Clone + PartialEq>(base: &T, ours: &T, theirs: &T) -> T {
        if ours != base { ours.clone() } else { theirs.clone() }
    }
    let mut progress = BTreeMap::new();
    let countries: BTreeSet<&String> = base.progress.keys().chain(ours.progress.keys()).chain(theirs.progress.keys()).collect();
    for c in countries {
        let get = |s: &SavedState, step: &str| s.progress.get(c).and_then(|p| p.get(step)).cloned();
        let steps: BTreeSet<&String> = [base, ours, theirs].iter().flat_map(|s| s.progress.get(c)).flat_map(|p| p.keys()).collect();
        let mut merged = BTreeMap::new();
        for step in steps {
            if let Some(p) = pick(&get(base, step), &get(ours, step), &get(theirs, step)) {
                merged.insert(step.clone(), p);
            }
        }
        if !merged.is_empty() {
            progress.insert(c.clone(), merged);
        }
    }
    let added = ours.saved_resources.difference(&base.saved_resources);
    let removed: BTreeSet<&String> = base.saved_resources.difference(&ours.saved_resources).collect();
    let saved_resources =
        theirs.saved_resources.iter().chain(added).filter(|k| !removed.contains(k)).cloned().collect();
    // Courses: each one from the side that changed it; one deleted here stays deleted.
    let mut courses = theirs.courses.clone();
    for id in base.courses.keys().chain(ours.courses.keys()).collect::<BTreeSet<_>>() {
        let (b, o) = (base.courses.get(id), ours.courses.get(id));
        if b != o {
            match o {
                Some(c) => courses.insert(id.clone(), c.clone()),
                None => courses.remove(id),
            };
        }
    }
    SavedState {
        courses,
        settings: pick(&base.settings, &ours.settings, &theirs.settings),
        profile: pick(&base.profile, &ours.profile, &theirs.profile),
        progress,
        saved_resources,
        last_backup_ms: match (ours.last_backup_ms, theirs.last_backup_ms) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(f: impl FnOnce(&mut SavedState)) -> SavedState {
        let mut s = SavedState::default();
        s.progress.entry("no".into()).or_default().insert("idea".into(), StepProgress { note: "first".into(), ..Default::default() });
        s.saved_resources.insert("no/a".into());
        f(&mut s);
        s
    }

    #[test]
    fn changes_from_both_tabs_are_kept() {
        let base = with(|_| {});
        let ours = with(|s| {
            s.progress.get_mut("no").unwrap().insert("register".into(), StepProgress { status: StepStatus::Done, ..Default::default() });
            s.saved_resources.insert("no/b".into());
        });
        let theirs = with(|s| {
            s.progress.get_mut("no").unwrap().get_mut("idea").unwrap().note = "changed in the other tab".into();
            s.saved_resources.remove("no/a");
            s.profile.town = Some("bergen".into());
        });
        let m = merge(&base, &ours, &theirs);
        assert_eq!(m.progress["no"]["idea"].note, "changed in the other tab");
        assert_eq!(m.progress["no"]["register"].status, StepStatus::Done);
        assert_eq!(m.saved_resources, ["no/b".to_string()].into());
        assert_eq!(m.profile.town.as_deref(), Some("bergen"));
    }

    #[test]
    fn courses_from_both_tabs_are_kept() {
        use crate::domain::course::{Course, SavedCourse};
        let course = |name: &str| SavedCourse { course: Course::new("c1", name, "no"), mine: true };
        let base = with(|s| { s.courses.insert("c1".into(), course("first")); });
        let ours = with(|s| { s.courses.insert("c1".into(), course("renamed here")); });
        let theirs = with(|s| {
            s.courses.insert("c1".into(), course("first"));
            s.courses.insert("c2".into(), course("made in the other tab"));
        });
        let m = merge(&base, &ours, &theirs);
        assert_eq!(m.courses["c1"].course.name, "renamed here");
        assert_eq!(m.courses["c2"].course.name, "made in the other tab");
        let deleted = with(|_| {});
        assert!(!merge(&base, &deleted, &theirs).courses.contains_key("c1"), "deleted here stays deleted");
    }

    #[test]
    fn the_same_step_changed_in_both_keeps_this_tabs_change() {
        let base = with(|_| {});
        let ours = with(|s| s.progress.get_mut("no").unwrap().get_mut("idea").unwrap().note = "mine".into());
        let theirs = with(|s| s.progress.get_mut("no").unwrap().get_mut("idea").unwrap().note = "theirs".into());
        assert_eq!(merge(&base, &ours, &theirs).progress["no"]["idea"].note, "mine");
        // Nothing changed here: the other tab's state, unchanged.
        assert_eq!(merge(&base, &base, &theirs), theirs);
        assert_eq!(merge(&base, &ours, &base), ours);
    }
}
