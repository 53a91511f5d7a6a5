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
    /// Temporary protection (Germany, EU directive 2001/55) or collective protection (Norway),
    /// the status most founders from Ukraine hold.
    Protection,
    NotSure,
    Other,
}

impl Residence {
    /// Every answer, in the order the question lists them.
    pub const ALL: [Residence; 5] = [Residence::Eu, Residence::PermitAllows, Residence::Protection, Residence::NotSure, Residence::Other];

    /// The answer's value in forms and element ids.
    pub fn value(self) -> &'static str {
        match self {
            Residence::Eu => "eu",
            Residence::PermitAllows => "permit",
            Residence::Protection => "protection",
            Residence::NotSure => "not-sure",
            Residence::Other => "other",
        }
    }

    /// The answer for a form value; `None` for anything else (the empty "not asked").
    pub fn from_value(v: &str) -> Option<Residence> {
        Residence::ALL.into_iter().find(|r| r.value() == v)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepStatus {
    #[default]
    NotStarted,
    InProgress,
    Waiting,
    Done,
    NotRelevant,
}

impl StepStatus {
    /// Every status, with the name it is saved under.
    pub const NAMES: [(StepStatus, &'static str); 5] = [
        (StepStatus::NotStarted, "not-started"),
        (StepStatus::InProgress, "in-progress"),
        (StepStatus::Waiting, "waiting"),
        (StepStatus::Done, "done"),
        (StepStatus::NotRelevant, "not-relevant"),
    ];
}

thread_local! {
    /// Step statuses read since [`take_unknown_statuses`] last looked that this version does not
    /// know (a newer version wrote them).
    static UNKNOWN_STATUSES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many unknown step statuses were read (each became "not started") since the last call.
pub fn take_unknown_statuses() -> usize {
    UNKNOWN_STATUSES.with(|c| c.replace(0))
}

/// A saved status this version does not know reads as "not started" and is counted, so that one
/// value from a newer version never hides the rest of the plan (the caller keeps the original).
impl<'de> Deserialize<'de> for StepStatus {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Name;
        impl serde::de::Visitor<'_> for Name {
            type Value = StepStatus;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a step status")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<StepStatus, E> {
                Ok(StepStatus::NAMES.iter().find(|(_, n)| *n == v).map(|(s, _)| *s).unwrap_or_else(|| {
                    UNKNOWN_STATUSES.with(|c| c.set(c.get() + 1));
                    StepStatus::NotStarted
                }))
            }
        }
        d.deserialize_str(Name)
    }
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

/// The key of a resource on "my list": `country/resource-id`.
pub fn saved_key(country: &str, id: &str) -> String {
    format!("{country}/{id}")
}

/// Named changes to the saved state. Views call these (inside `saved.update`) instead of
/// changing fields themselves, so every change a user can make is written once and tested
/// natively.
impl SavedState {
    /// The progress of one step, made if it is not there yet.
    fn step_mut(&mut self, country: &str, step: &str) -> &mut StepProgress {
        self.progress.entry(country.to_string()).or_default().entry(step.to_string()).or_default()
    }

    /// Sets a step's status.
    pub fn set_status(&mut self, country: &str, step: &str, status: StepStatus) {
        self.step_mut(country, step).status = status;
    }

    /// Ticks or unticks a task; the first tick of a step not started marks it as in progress.
    pub fn tick_task(&mut self, country: &str, step: &str, task: &str, on: bool) {
        let p = self.step_mut(country, step);
        if on {
            p.tasks.insert(task.to_string());
            if p.status == StepStatus::NotStarted {
                p.status = StepStatus::InProgress;
            }
        } else {
            p.tasks.remove(task);
        }
    }

    /// Replaces a step's note.
    pub fn set_note(&mut self, country: &str, step: &str, note: &str) {
        self.step_mut(country, step).note = note.to_string();
    }

    /// Sets (`YYYY-MM-DD`) or clears (`None` or empty) a step's due date.
    pub fn set_due(&mut self, country: &str, step: &str, due: Option<&str>) {
        self.step_mut(country, step).due = due.filter(|d| !d.is_empty()).map(str::to_string);
    }

    /// Forgets the progress kept for a step (a step the pack no longer has).
    pub fn forget_step(&mut self, country: &str, step: &str) {
        if let Some(c) = self.progress.get_mut(country) {
            c.remove(step);
            if c.is_empty() {
                self.progress.remove(country);
            }
        }
    }

    /// Puts a resource on "my list", or takes it off.
    pub fn toggle_saved_resource(&mut self, country: &str, resource: &str) {
        let key = saved_key(country, resource);
        if !self.saved_resources.remove(&key) {
            self.saved_resources.insert(key);
        }
    }

    /// The interface language the user chose.
    pub fn choose_language(&mut self, code: &str) {
        self.settings.language = Some(code.to_string());
    }

    /// The first-visit welcome has been seen (or skipped).
    pub fn mark_welcomed(&mut self) {
        self.settings.welcomed = true;
    }

    /// A backup file was made now (ms since the Unix epoch).
    pub fn mark_backed_up(&mut self, now_ms: f64) {
        self.last_backup_ms = Some(now_ms);
    }

    /// Remembers the first country the user opens, unless they chose one already.
    pub fn remember_country(&mut self, country: &str) {
        if self.profile.country.is_none() {
            self.profile.country = Some(country.to_string());
        }
    }

    /// Takes the answers of an adviser's link as the user's own.
    pub fn take_answers(&mut self, profile: Profile) {
        self.profile = profile;
    }

    /// Adds a course made on this device.
    pub fn add_own_course(&mut self, course: super::course::Course) {
        self.courses.insert(course.id.clone(), super::course::SavedCourse { course, mine: true });
    }

    /// Follows a course from a trainer's link or file (a newer version of one followed
    /// replaces it; one made on this device is never touched). What happened, if anything.
    pub fn follow_course(&mut self, course: super::course::Course) -> Option<Followed> {
        let said = match self.courses.get(&course.id) {
            Some(c) if c.mine || c.course == course => return None,
            Some(_) => Followed::Updated,
            None => Followed::New,
        };
        self.courses.insert(course.id.clone(), super::course::SavedCourse { course, mine: false });
        Some(said)
    }

    /// Follows a course as a separate course beside one of the same id already here (the user
    /// keeps both); returns the id it is kept under.
    pub fn follow_as_copy(&mut self, mut course: super::course::Course) -> String {
        let base = course.id.clone();
        let id = (2..).map(|n| format!("{base}-{n}")).find(|id| !self.courses.contains_key(id)).expect("a free id");
        course.id = id.clone();
        self.courses.insert(id.clone(), super::course::SavedCourse { course, mine: false });
        id
    }

    /// Changes a course made on this device; a followed course cannot be changed here.
    pub fn edit_course(&mut self, id: &str, f: impl FnOnce(&mut super::course::Course)) {
        if let Some(c) = self.courses.get_mut(id).filter(|c| c.mine) {
            f(&mut c.course);
        }
    }

    /// Deletes a course from this device.
    pub fn remove_course(&mut self, id: &str) {
        self.courses.remove(id);
    }
}

/// What following a course did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Followed {
    New,
    Updated,
}

/// Named answers to the questions about the founder. Choosing another country starts its
/// town and legal form afresh: they belong to a country.
impl Profile {
    pub fn choose_country(&mut self, country: &str) {
        if self.country.as_deref() != Some(country) {
            self.town = None;
            self.legal_form = None;
        }
        self.country = Some(country.to_string());
    }

    /// A town or region id, or none (empty).
    pub fn set_town(&mut self, town: &str) {
        self.town = (!town.is_empty()).then(|| town.to_string());
    }

    /// What the business will do, in the user's words (blank is no answer).
    pub fn describe_business(&mut self, text: &str) {
        self.business = (!text.trim().is_empty()).then(|| text.to_string());
    }

    /// Adds or removes a sector.
    pub fn set_sector(&mut self, sector: &str, on: bool) {
        if on {
            self.sectors.insert(sector.to_string());
        } else {
            self.sectors.remove(sector);
        }
    }

    /// A legal form id, or `None` for "help me choose".
    pub fn choose_legal_form(&mut self, form: Option<&str>) {
        self.legal_form = form.map(str::to_string);
    }

    /// The residence answer.
    pub fn set_residence(&mut self, residence: Residence) {
        self.residence = Some(residence);
    }

    /// The answer to a yes / no / not sure question (`None`: not sure).
    pub fn answer(&mut self, question: Question, answer: Option<bool>) {
        *self.answer_mut(question) = answer;
    }

    /// The answer given to a yes / no / not sure question.
    pub fn answer_of(&self, question: Question) -> Option<bool> {
        match question {
            Question::Partners => self.partners,
            Question::Hiring => self.hiring,
            Question::HighRisk => self.high_risk,
            Question::Investors => self.investors,
        }
    }

    fn answer_mut(&mut self, question: Question) -> &mut Option<bool> {
        match question {
            Question::Partners => &mut self.partners,
            Question::Hiring => &mut self.hiring,
            Question::HighRisk => &mut self.high_risk,
            Question::Investors => &mut self.investors,
        }
    }
}

/// The yes / no / not sure questions about the founder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Question {
    /// With partners (yes) or alone (no)?
    Partners,
    /// Hiring staff in the first year?
    Hiring,
    /// Big risks: loans, large contracts, expensive equipment?
    HighRisk,
    /// Investors putting money in?
    Investors,
}

/// A day in milliseconds.
const DAY_MS: f64 = 86_400_000.0;

impl SavedState {
    /// Whole days since the last backup file, or `None` if there has been none. A backup time
    /// in the future (a clock set back since) counts as today, never as thousands of days.
    pub fn days_since_backup(&self, now_ms: f64) -> Option<usize> {
        let last = self.last_backup_ms.filter(|ms| ms.is_finite())?;
        let days = ((now_ms - last) / DAY_MS).floor();
        Some(if days.is_finite() && days > 0.0 { days.min(100_000.0) as usize } else { 0 })
    }

    /// Whether to remind the user to back up: some progress, and no backup in the last 30 days.
    pub fn backup_is_due(&self, now_ms: f64) -> bool {
        let has_progress = self.progress.values().any(|steps| steps.values().any(|p| *p != StepProgress::default()));
        has_progress && self.days_since_backup(now_ms).is_none_or(|d| d >= 30)
    }
}

/// Where two tabs both rewrote the same note, both texts are kept, the other tab's after this
/// line, and the user sees both.
pub const BOTH_NOTES: &str = "\n\n― ― ―\n";

/// Whether both sides rewrote a step's note, each differently: the merge keeps both texts.
fn notes_collide(base: &StepProgress, ours: &StepProgress, theirs: &StepProgress) -> bool {
    ours.note != base.note && theirs.note != base.note && ours.note != theirs.note
}

/// A value from the side that changed it; where both did, this tab's (`ours`).
fn pick<T: Clone + PartialEq>(base: &T, ours: &T, theirs: &T) -> T {
    if ours != base {
        ours.clone()
    } else {
        theirs.clone()
    }
}

/// A set, built by inserting: `collect` would sort first, and each sort it brings is kilobytes
/// of start-up code (this runs on the start-up path, when two tabs save at once).
fn set_of<T: Ord>(items: impl Iterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

/// A set from two tabs: the other tab's, with what this tab added and without what it took away.
fn merge_set(base: &BTreeSet<String>, ours: &BTreeSet<String>, theirs: &BTreeSet<String>) -> BTreeSet<String> {
    let added = ours.difference(base);
    let removed: BTreeSet<&String> = set_of(base.difference(ours));
    set_of(theirs.iter().chain(added).filter(|t| !removed.contains(t)).cloned())
}

/// One step's progress from two tabs, field by field: the status, the due date and the note
/// from the side that changed each; ticks from both (a tick added or removed on either side);
/// a note both sides changed differently keeps both texts.
fn merge_step(base: &StepProgress, ours: &StepProgress, theirs: &StepProgress) -> StepProgress {
    let note = if notes_collide(base, ours, theirs) { format!("{}{BOTH_NOTES}{}", ours.note, theirs.note) } else { pick(&base.note, &ours.note, &theirs.note) };
    let tasks = merge_set(&base.tasks, &ours.tasks, &theirs.tasks);
    StepProgress { status: pick(&base.status, &ours.status, &theirs.status), due: pick(&base.due, &ours.due, &theirs.due), note, tasks }
}

/// Joins a change made in this tab (`ours`, from `base`) with what another tab saved
/// meanwhile (`theirs`, also from `base`). Each step is joined field by field
/// ([`merge_step`]); each saved resource, the profile and the settings are taken from the side
/// that changed them; where both changed the same answer, this tab's change wins, as it is the
/// one the user is looking at.
pub fn merge(base: &SavedState, ours: &SavedState, theirs: &SavedState) -> SavedState {
    merge_noting(base, ours, theirs, &mut vec![])
}

/// [`merge`], naming in `joined` the steps (country, step id) whose note it joined from both
/// sides, so the user can be told where to look and choose what to keep.
pub fn merge_noting(base: &SavedState, ours: &SavedState, theirs: &SavedState, joined: &mut Vec<(String, String)>) -> SavedState {
    let mut progress = BTreeMap::new();
    let countries: BTreeSet<&String> = set_of(base.progress.keys().chain(ours.progress.keys()).chain(theirs.progress.keys()));
    for c in countries {
        let get = |s: &SavedState, step: &str| s.progress.get(c).and_then(|p| p.get(step)).cloned();
        let steps: BTreeSet<&String> = set_of([base, ours, theirs].iter().flat_map(|s| s.progress.get(c)).flat_map(|p| p.keys()));
        let mut merged = BTreeMap::new();
        for step in steps {
            let (b, o, t) = (get(base, step), get(ours, step), get(theirs, step));
            let p = match (&b, &o, &t) {
                // Both sides still have it: field by field.
                (_, Some(o), Some(t)) => {
                    let b = b.clone().unwrap_or_default();
                    if notes_collide(&b, o, t) {
                        joined.push((c.clone(), step.clone()));
                    }
                    Some(merge_step(&b, o, t))
                }
                // Gone on one side (forgotten, or a deletion): gone, unless the other side changed it.
                _ => pick(&b, &o, &t),
            };
            if let Some(p) = p {
                merged.insert(step.clone(), p);
            }
        }
        if !merged.is_empty() {
            progress.insert(c.clone(), merged);
        }
    }
    let saved_resources = merge_set(&base.saved_resources, &ours.saved_resources, &theirs.saved_resources);
    // Courses: each one from the side that changed it; one deleted here stays deleted.
    let mut courses = theirs.courses.clone();
    for id in set_of(base.courses.keys().chain(ours.courses.keys())) {
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
        let base = with(|s| {
            s.courses.insert("c1".into(), course("first"));
        });
        let ours = with(|s| {
            s.courses.insert("c1".into(), course("renamed here"));
        });
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
    fn the_same_step_changed_in_both_tabs_keeps_every_field_and_both_notes() {
        let base = with(|_| {});
        let ours = with(|s| s.progress.get_mut("no").unwrap().get_mut("idea").unwrap().note = "mine".into());
        let theirs = with(|s| s.progress.get_mut("no").unwrap().get_mut("idea").unwrap().note = "theirs".into());
        assert_eq!(merge(&base, &ours, &theirs).progress["no"]["idea"].note, format!("mine{BOTH_NOTES}theirs"), "neither note is dropped");
        let joined = |ours: &SavedState, theirs: &SavedState| {
            let mut joined = vec![];
            merge_noting(&base, ours, theirs, &mut joined);
            joined
        };
        assert_eq!(joined(&ours, &theirs), vec![("no".to_string(), "idea".to_string())], "and the join is named");
        assert!(joined(&ours, &ours).is_empty(), "the same text on both sides is no join");
        assert!(joined(&base, &theirs).is_empty(), "a note changed on one side is no join");
        // A status here, a note there, a tick on each side: all of it is kept.
        let ours = with(|s| {
            s.set_status("no", "idea", StepStatus::Done);
            s.tick_task("no", "idea", "a", true);
        });
        let theirs = with(|s| {
            s.set_note("no", "idea", "changed there");
            s.tick_task("no", "idea", "b", true);
            s.set_due("no", "idea", Some("2027-02-01"));
        });
        let m = merge(&base, &ours, &theirs);
        let p = &m.progress["no"]["idea"];
        assert_eq!(p.status, StepStatus::Done);
        assert_eq!(p.note, "changed there");
        assert_eq!(p.due.as_deref(), Some("2027-02-01"));
        assert_eq!(p.tasks, ["a".to_string(), "b".to_string()].into());
        // A tick taken away here stays away.
        let base = with(|s| s.tick_task("no", "idea", "a", true));
        let ours = with(|s| s.tick_task("no", "idea", "a", false));
        let theirs = with(|s| s.tick_task("no", "idea", "a", true));
        assert!(!merge(&base, &ours, &theirs).progress["no"]["idea"].tasks.contains("a"));
        // Nothing changed here: the other tab's state, unchanged.
        assert_eq!(merge(&base, &base, &theirs), theirs);
        assert_eq!(merge(&base, &ours, &base), ours);
    }
    #[test]
    fn named_changes_do_what_they_say() {
        let mut s = SavedState::default();
        s.tick_task("no", "register", "fill-form", true);
        assert_eq!(s.progress["no"]["register"].status, StepStatus::InProgress, "the first tick starts a step");
        s.set_status("no", "register", StepStatus::Waiting);
        s.tick_task("no", "register", "pay", true);
        assert_eq!(s.progress["no"]["register"].status, StepStatus::Waiting, "a later tick keeps the status");
        s.tick_task("no", "register", "fill-form", false);
        assert_eq!(s.progress["no"]["register"].tasks, ["pay".to_string()].into());
        s.set_note("no", "register", "Ring Monday");
        s.set_due("no", "register", Some("2027-01-31"));
        assert_eq!(s.progress["no"]["register"].due.as_deref(), Some("2027-01-31"));
        s.set_due("no", "register", Some(""));
        assert_eq!(s.progress["no"]["register"].due, None, "an empty date clears it");
        s.forget_step("no", "register");
        assert!(!s.progress.contains_key("no"), "nothing empty is kept");

        s.toggle_saved_resource("no", "altinn");
        assert!(s.saved_resources.contains("no/altinn"));
        s.toggle_saved_resource("no", "altinn");
        assert!(s.saved_resources.is_empty());

        s.remember_country("de");
        s.remember_country("no");
        assert_eq!(s.profile.country.as_deref(), Some("de"), "only the first country is remembered");
        s.profile.set_town("berlin");
        s.profile.choose_legal_form(Some("gmbh"));
        s.profile.choose_country("de");
        assert_eq!(s.profile.town.as_deref(), Some("berlin"), "the same country keeps its town");
        s.profile.choose_country("no");
        assert_eq!((s.profile.town.clone(), s.profile.legal_form.clone()), (None, None), "a new country starts afresh");
        s.profile.describe_business("  ");
        assert_eq!(s.profile.business, None);
        s.profile.set_sector("food", true);
        s.profile.set_sector("green", true);
        s.profile.set_sector("food", false);
        assert_eq!(s.profile.sectors, ["green".to_string()].into());
        for q in [Question::Partners, Question::Hiring, Question::HighRisk, Question::Investors] {
            s.profile.answer(q, Some(true));
            assert_eq!(s.profile.answer_of(q), Some(true));
            s.profile.answer(q, None);
            assert_eq!(s.profile.answer_of(q), None);
        }
        s.profile.set_residence(Residence::Protection);
        assert_eq!(s.profile.residence, Some(Residence::Protection));
        s.choose_language("ar");
        s.mark_welcomed();
        s.mark_backed_up(5.0);
        assert_eq!((s.settings.language.as_deref(), s.settings.welcomed, s.last_backup_ms), (Some("ar"), true, Some(5.0)));
    }

    #[test]
    fn courses_are_followed_and_edited_by_name() {
        use crate::domain::course::Course;
        let mut s = SavedState::default();
        s.add_own_course(Course::new("mine1", "My course", "no"));
        s.edit_course("mine1", |c| c.name = "Renamed".into());
        assert_eq!(s.courses["mine1"].course.name, "Renamed");
        let theirs = Course::new("k7", "Trainer's course", "no");
        assert_eq!(s.follow_course(theirs.clone()), Some(Followed::New));
        assert_eq!(s.follow_course(theirs.clone()), None, "the same version changes nothing");
        s.edit_course("k7", |c| c.name = "Changed by a participant".into());
        assert_eq!(s.courses["k7"].course.name, "Trainer's course", "a followed course is not edited here");
        let mut newer = theirs.clone();
        newer.trainer = "Someone".into();
        assert_eq!(s.follow_course(newer), Some(Followed::Updated));
        assert_eq!(s.follow_course(Course::new("mine1", "Impostor", "no")), None, "a course made here is never replaced");
        let copy = s.follow_as_copy(Course::new("k7", "Another version", "no"));
        assert_eq!(copy, "k7-2");
        assert_eq!(s.courses["k7-2"].course.id, "k7-2", "filed under its own id");
        assert_eq!(s.courses["k7"].course.trainer, "Someone", "the one followed before is untouched");
        assert_eq!(s.courses["mine1"].course.name, "Renamed");
        s.remove_course("mine1");
        assert!(!s.courses.contains_key("mine1"));
    }

    #[test]
    fn backup_reminders_count_whole_days_and_never_run_wild() {
        let mut s = SavedState::default();
        assert_eq!(s.days_since_backup(1e12), None);
        assert!(!s.backup_is_due(1e12), "nothing to back up yet");
        s.set_status("no", "idea", StepStatus::Done);
        assert!(s.backup_is_due(1e12), "progress and no backup");
        s.mark_backed_up(1e12);
        assert_eq!(s.days_since_backup(1e12 + 2.5 * DAY_MS), Some(2));
        assert!(!s.backup_is_due(1e12 + 29.0 * DAY_MS));
        assert!(s.backup_is_due(1e12 + 30.0 * DAY_MS));
        // A backup "in the future" (the clock was set back) is today, not 4294967295 days ago.
        assert_eq!(s.days_since_backup(1e12 - 5.0 * DAY_MS), Some(0));
        s.last_backup_ms = Some(f64::NAN);
        assert_eq!(s.days_since_backup(1e12), None);
    }
}
