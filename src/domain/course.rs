//! Courses: a trainer's choice of a country pack's steps, ordered into sessions ("Day 1: idea
//! and market"), with the trainer's own tasks, notes and local resources.
//!
//! A course extends a pack: it names the pack's step ids and never copies the pack's content,
//! so a participant always reads the pack's current, cited text in their own language. A
//! participant's ticks on a trainer's task are kept in their own progress, under the pack's
//! step, with the task id [`trainer_task_id`].

use serde::{Deserialize, Serialize};

use super::content::is_id;
use super::content::{Pack, Step};

/// At most this many sessions, steps per session, tasks per step and resources: a course link
/// stays short enough to share, and a hostile file cannot make the page huge.
pub const MAX_SESSIONS: usize = 20;
pub const MAX_STEPS: usize = 60;
pub const MAX_TASKS: usize = 10;
pub const MAX_RESOURCES: usize = 20;
/// Longest name, title or task (characters), and longest note.
pub const MAX_TEXT: usize = 200;
pub const MAX_NOTE: usize = 1000;

/// A course, as kept on the trainer's device and carried in a course link or file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Course {
    /// A short random slug, made when the course is created; the same in every copy.
    pub id: String,
    pub name: String,
    /// The country pack the course extends.
    pub country: String,
    /// Who runs it (a name or an organisation), shown to participants.
    pub trainer: String,
    pub sessions: Vec<Session>,
    /// The trainer's own local resources (a room, a local office, a course website).
    pub resources: Vec<CourseResource>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Session {
    pub title: String,
    pub steps: Vec<CourseStep>,
}

/// A pack step in a course, with what the trainer adds to it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CourseStep {
    /// The pack's step id.
    pub step: String,
    /// The trainer's note to participants.
    pub note: String,
    /// The trainer's own tasks, after the pack's.
    pub tasks: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CourseResource {
    pub title: String,
    /// A web address (`https://` or `http://`); may be empty when there is a street address.
    pub url: String,
    pub note: String,
    /// A street address ("Room 2, Bergen library, Strømgaten 6"), where the help is in person.
    pub address: String,
}

impl CourseResource {
    /// A resource is usable when it has a safe web address, a street address, or both (and
    /// any web address it has is safe).
    pub fn usable(&self) -> bool {
        let url = self.url.trim();
        (url.is_empty() && !self.address.trim().is_empty()) || safe_address(url)
    }
}

/// A course on this device: one the user made (and may edit), or one they follow.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedCourse {
    pub course: Course,
    /// Made on this device: the user may edit it. A followed course is replaced when its
    /// trainer's newer link is opened.
    pub mine: bool,
}

/// What is wrong with a course (from a link, a file or the editor).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// An id or a country that is not a slug.
    BadId,
    /// A name, title, task or note too long, or too many of something.
    TooMuch,
    /// A resource address that is not `https://` or `http://`.
    BadAddress,
    /// The same step twice.
    Repeated,
}

/// The id under which a participant's tick on a trainer's task is kept: the trainer's task
/// `index` (from 0) on a step of course `course`.
pub fn trainer_task_id(course: &str, index: usize) -> String {
    format!("course-{course}-{}", index + 1)
}

/// `https://` and `http://` addresses only: never `javascript:`, `data:` or a relative path.
pub fn safe_address(url: &str) -> bool {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && u.len() > 8
        && u.len() <= 2000
        && !u.chars().any(|c| c.is_whitespace() || c.is_control() || crate::domain::markdown::is_invisible_format(c) || c == '"' || c == '<' || c == '>')
}

/// A course id or a country: lower-case letters, digits and `-`, at most 40.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty() && s.len() <= 40 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// What a newer version of a course changes, in words the participant can check before
/// agreeing (local help addresses above all: a link can be swapped for a payment page).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Difference {
    Name {
        old: String,
        new: String,
    },
    Trainer {
        old: String,
        new: String,
    },
    /// Steps in one version and not in the other.
    StepsAdded(usize),
    StepsRemoved(usize),
    /// Steps whose trainer's note or tasks differ.
    StepsChanged(usize),
    /// Local help: one only in the new version, one only in the old, one whose address changed.
    HelpAdded {
        title: String,
        address: String,
    },
    HelpRemoved {
        title: String,
    },
    HelpChanged {
        title: String,
        old: String,
        new: String,
    },
}

/// Everything that differs between the course on this device and another version of it.
pub fn differences(old: &Course, new: &Course) -> Vec<Difference> {
    let mut out = vec![];
    if old.name != new.name {
        out.push(Difference::Name { old: old.name.clone(), new: new.name.clone() });
    }
    if old.trainer != new.trainer {
        out.push(Difference::Trainer { old: old.trainer.clone(), new: new.trainer.clone() });
    }
    let steps = |c: &Course| c.sessions.iter().flat_map(|s| &s.steps).map(|cs| (cs.step.clone(), cs.clone())).collect::<std::collections::BTreeMap<_, _>>();
    let (a, b) = (steps(old), steps(new));
    let added = b.keys().filter(|k| !a.contains_key(*k)).count();
    let removed = a.keys().filter(|k| !b.contains_key(*k)).count();
    let changed = a.iter().filter(|(k, cs)| b.get(*k).is_some_and(|other| other != *cs)).count();
    if added > 0 {
        out.push(Difference::StepsAdded(added));
    }
    if removed > 0 {
        out.push(Difference::StepsRemoved(removed));
    }
    if changed > 0 {
        out.push(Difference::StepsChanged(changed));
    }
    let place = |r: &CourseResource| if r.url.trim().is_empty() { r.address.clone() } else { r.url.clone() };
    for r in &new.resources {
        match old.resources.iter().find(|o| o.title == r.title) {
            None => out.push(Difference::HelpAdded { title: r.title.clone(), address: place(r) }),
            Some(o) if place(o) != place(r) => out.push(Difference::HelpChanged { title: r.title.clone(), old: place(o), new: place(r) }),
            Some(_) => {}
        }
    }
    for o in old.resources.iter().filter(|o| !new.resources.iter().any(|r| r.title == o.title)) {
        out.push(Difference::HelpRemoved { title: o.title.clone() });
    }
    out
}

/// A field of a piece of local help, as the editor changes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResourceField {
    Title,
    Url,
    Address,
    Note,
}

/// One screen of presenter mode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slide {
    /// The course's name, the trainer and the sessions.
    Title,
    /// A session's title and its steps.
    Session(usize),
    /// A step: session index, index in the session.
    Step(usize, usize),
    /// The trainer's local help, last, when the course has any.
    Help,
}

impl Course {
    pub fn new(id: &str, name: &str, country: &str) -> Course {
        Course { id: id.into(), name: name.into(), country: country.into(), ..Default::default() }
    }

    /// Whether the course holds this pack step already.
    pub fn has_step(&self, step: &str) -> bool {
        self.sessions.iter().flat_map(|s| &s.steps).any(|s| s.step == step)
    }

    /// Every step id, in course order.
    pub fn step_ids(&self) -> impl Iterator<Item = &str> {
        self.sessions.iter().flat_map(|s| &s.steps).map(|s| s.step.as_str())
    }

    /// Adds a pack step at the end of a session (once in the whole course).
    pub fn add_step(&mut self, session: usize, step: &str) -> bool {
        if self.has_step(step) || self.sessions.get(session).is_none_or(|s| s.steps.len() >= MAX_STEPS) {
            return false;
        }
        self.sessions[session].steps.push(CourseStep { step: step.into(), ..Default::default() });
        true
    }

    /// Moves a step one place up (`-1`) or down (`1`); past the start or end of its session it
    /// goes to the end of the session before or the start of the session after.
    pub fn move_step(&mut self, session: usize, index: usize, up: bool) {
        let Some(len) = self.sessions.get(session).map(|s| s.steps.len()) else { return };
        if index >= len {
            return;
        }
        if up && index > 0 {
            self.sessions[session].steps.swap(index, index - 1);
        } else if !up && index + 1 < len {
            self.sessions[session].steps.swap(index, index + 1);
        } else if up && session > 0 {
            let s = self.sessions[session].steps.remove(index);
            self.sessions[session - 1].steps.push(s);
        } else if !up && session + 1 < self.sessions.len() {
            let s = self.sessions[session].steps.remove(index);
            self.sessions[session + 1].steps.insert(0, s);
        }
    }

    /// Moves a session one place up or down.
    pub fn move_session(&mut self, session: usize, up: bool) {
        let other = if up { session.checked_sub(1) } else { Some(session + 1) };
        if let Some(other) = other.filter(|o| *o < self.sessions.len() && session < self.sessions.len()) {
            self.sessions.swap(session, other);
        }
    }

    /// Renames a session.
    pub fn set_session_title(&mut self, session: usize, title: &str) {
        if let Some(s) = self.sessions.get_mut(session) {
            s.title = title.to_string();
        }
    }

    /// Adds a session at the end (up to [`MAX_SESSIONS`]).
    pub fn add_session(&mut self, title: &str) -> bool {
        if self.sessions.len() >= MAX_SESSIONS {
            return false;
        }
        self.sessions.push(Session { title: title.to_string(), steps: vec![] });
        true
    }

    /// Removes a session and its steps.
    pub fn remove_session(&mut self, session: usize) {
        if session < self.sessions.len() {
            self.sessions.remove(session);
        }
    }

    /// The trainer's step at `session`, `index`.
    fn course_step(&mut self, session: usize, index: usize) -> Option<&mut CourseStep> {
        self.sessions.get_mut(session)?.steps.get_mut(index)
    }

    /// Removes a step from a session.
    pub fn remove_step(&mut self, session: usize, index: usize) {
        if let Some(s) = self.sessions.get_mut(session).filter(|s| index < s.steps.len()) {
            s.steps.remove(index);
        }
    }

    /// The trainer's note on a step.
    pub fn set_step_note(&mut self, session: usize, index: usize, note: &str) {
        if let Some(cs) = self.course_step(session, index) {
            cs.note = note.to_string();
        }
    }

    /// Adds a task of the trainer's own to a step (not blank, up to [`MAX_TASKS`]).
    pub fn add_task(&mut self, session: usize, index: usize, task: &str) -> bool {
        let task = task.trim();
        match self.course_step(session, index) {
            Some(cs) if !task.is_empty() && cs.tasks.len() < MAX_TASKS => {
                cs.tasks.push(task.to_string());
                true
            }
            _ => false,
        }
    }

    /// Removes a task of the trainer's.
    pub fn remove_task(&mut self, session: usize, index: usize, task: usize) {
        if let Some(cs) = self.course_step(session, index).filter(|cs| task < cs.tasks.len()) {
            cs.tasks.remove(task);
        }
    }

    /// Adds an empty piece of local help (up to [`MAX_RESOURCES`]).
    pub fn add_resource(&mut self) -> bool {
        if self.resources.len() >= MAX_RESOURCES {
            return false;
        }
        self.resources.push(CourseResource::default());
        true
    }

    /// Changes one field of a piece of local help.
    pub fn set_resource(&mut self, resource: usize, field: ResourceField, value: &str) {
        if let Some(r) = self.resources.get_mut(resource) {
            let slot = match field {
                ResourceField::Title => &mut r.title,
                ResourceField::Url => &mut r.url,
                ResourceField::Address => &mut r.address,
                ResourceField::Note => &mut r.note,
            };
            *slot = value.to_string();
        }
    }

    /// Removes a piece of local help.
    pub fn remove_resource(&mut self, resource: usize) {
        if resource < self.resources.len() {
            self.resources.remove(resource);
        }
    }

    /// Step ids the pack does not have (a content update removed or renamed them).
    pub fn missing_steps(&self, pack: &Pack) -> Vec<String> {
        self.step_ids().filter(|id| pack.step(id).is_none()).map(String::from).collect()
    }

    /// The screens of presenter mode: the title, then each session and its steps, then the
    /// trainer's local help if there is any. Steps the pack lacks are left out.
    pub fn slides(&self, pack: &Pack) -> Vec<Slide> {
        let mut out = vec![Slide::Title];
        for (i, s) in self.sessions.iter().enumerate() {
            out.push(Slide::Session(i));
            out.extend(s.steps.iter().enumerate().filter(|(_, cs)| pack.step(&cs.step).is_some()).map(|(j, _)| Slide::Step(i, j)));
        }
        if !self.resources.is_empty() {
            out.push(Slide::Help);
        }
        out
    }

    /// The pack step and the trainer's additions of a step slide.
    pub fn step_at<'a>(&'a self, pack: &'a Pack, session: usize, index: usize) -> Option<(&'a Step, &'a CourseStep)> {
        let cs = self.sessions.get(session)?.steps.get(index)?;
        Some((pack.step(&cs.step)?, cs))
    }

    /// The course as it is shared: blank tasks and resources without a safe address left
    /// out, texts and lists cut to the limits, so every course the editor can make passes
    /// [`Course::check`].
    pub fn cleaned(&self) -> Course {
        let cut = |s: &str, max: usize| s.trim().chars().take(max).collect::<String>();
        let mut seen = std::collections::BTreeSet::new();
        Course {
            id: self.id.clone(),
            name: cut(&self.name, MAX_TEXT),
            country: self.country.clone(),
            trainer: cut(&self.trainer, MAX_TEXT),
            sessions: self
                .sessions
                .iter()
                .take(MAX_SESSIONS)
                .map(|s| Session {
                    title: cut(&s.title, MAX_TEXT),
                    steps: s
                        .steps
                        .iter()
                        .filter(|cs| is_id(&cs.step) && seen.insert(cs.step.clone()))
                        .take(MAX_STEPS)
                        .map(|cs| CourseStep {
                            step: cs.step.clone(),
                            note: cut(&cs.note, MAX_NOTE),
                            tasks: cs.tasks.iter().map(|t| cut(t, MAX_TEXT)).filter(|t| !t.is_empty()).take(MAX_TASKS).collect(),
                        })
                        .collect(),
                })
                .collect(),
            resources: self
                .resources
                .iter()
                .filter(|r| r.usable())
                .take(MAX_RESOURCES)
                .map(|r| CourseResource {
                    title: cut(&r.title, MAX_TEXT),
                    url: r.url.trim().to_string(),
                    note: cut(&r.note, MAX_NOTE),
                    address: cut(&r.address, MAX_TEXT),
                })
                .collect(),
        }
    }

    /// Checks a course from outside (a link, a file) or before it is shared.
    pub fn check(&self) -> Result<(), Problem> {
        let long = |s: &str, max: usize| s.chars().count() > max;
        if !is_slug(&self.id) || !is_slug(&self.country) {
            return Err(Problem::BadId);
        }
        if long(&self.name, MAX_TEXT) || long(&self.trainer, MAX_TEXT) || self.sessions.len() > MAX_SESSIONS || self.resources.len() > MAX_RESOURCES {
            return Err(Problem::TooMuch);
        }
        let mut seen = std::collections::BTreeSet::new();
        for s in &self.sessions {
            if long(&s.title, MAX_TEXT) || s.steps.len() > MAX_STEPS {
                return Err(Problem::TooMuch);
            }
            for cs in &s.steps {
                if !is_id(&cs.step) {
                    return Err(Problem::BadId);
                }
                if !seen.insert(cs.step.as_str()) {
                    return Err(Problem::Repeated);
                }
                if long(&cs.note, MAX_NOTE) || cs.tasks.len() > MAX_TASKS || cs.tasks.iter().any(|t| long(t, MAX_TEXT)) {
                    return Err(Problem::TooMuch);
                }
            }
        }
        for r in &self.resources {
            if long(&r.title, MAX_TEXT) || long(&r.note, MAX_NOTE) || long(&r.address, MAX_TEXT) {
                return Err(Problem::TooMuch);
            }
            if !r.usable() {
                return Err(Problem::BadAddress);
            }
        }
        Ok(())
    }
}

/// Where a key press moves: `Some(true)` next, `Some(false)` back, `None` not ours. In a
/// right-to-left language the arrows follow the reading direction.
pub fn key_moves(key: &str, shift: bool, rtl: bool) -> Option<bool> {
    match key {
        "ArrowDown" | "PageDown" => Some(true),
        "ArrowUp" | "PageUp" => Some(false),
        " " | "Spacebar" => Some(!shift),
        "ArrowRight" => Some(!rtl),
        "ArrowLeft" => Some(rtl),
        _ => None,
    }
}

/// The file name for a course file: `course-<name>.json`, with the name made safe.
pub fn file_name(course: &Course) -> String {
    let mut slug = String::new();
    for c in course.name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(40).collect();
    if slug.is_empty() {
        format!("course-{}.json", course.id)
    } else {
        format!("course-{slug}.json")
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::content::tests::sample_pack;

    pub fn sample_course() -> Course {
        let pack = sample_pack();
        let ids: Vec<String> = pack.steps.iter().map(|s| s.id.clone()).collect();
        let mut c = Course::new("k7q2x9", "Start-up evening course, Bergen", "no");
        c.trainer = "Example Start-up Centre".into();
        c.sessions.push(Session { title: "Day 1: idea and market".into(), steps: vec![] });
        c.sessions.push(Session { title: "Day 2: registration and tax".into(), steps: vec![] });
        assert!(c.add_step(0, &ids[0]));
        assert!(c.add_step(1, &ids[1]));
        c.sessions[0].steps[0].note = "Bring your idea in three sentences.".into();
        c.sessions[0].steps[0].tasks = vec!["Tell the group your idea".into()];
        c.resources.push(CourseResource {
            title: "Room 2, Bergen library".into(),
            url: "https://example.org/room".into(),
            note: String::new(),
            address: "Strømgaten 6, 5015 Bergen".into(),
        });
        c
    }

    #[test]
    fn steps_are_added_once_and_move_across_sessions() {
        let mut c = sample_course();
        let first = c.sessions[0].steps[0].step.clone();
        assert!(!c.add_step(1, &first), "a step is in a course once");
        c.move_step(0, 0, false);
        assert_eq!(c.sessions[1].steps[0].step, first, "down past the end: first in the next session");
        c.move_step(1, 0, true);
        assert_eq!(c.sessions[0].steps.last().unwrap().step, first, "up past the start: last in the one before");
        c.move_step(0, 0, true);
        assert_eq!(c.sessions[0].steps[0].step, first, "nothing before the first session: stays");
        c.move_session(1, true);
        assert_eq!(c.sessions[0].title, "Day 2: registration and tax");
        c.move_session(0, true);
        assert_eq!(c.sessions[0].title, "Day 2: registration and tax");
    }

    #[test]
    fn the_editor_changes_a_course_by_name_and_within_its_limits() {
        let mut c = sample_course();
        c.set_session_title(0, "Day 1: your idea");
        assert_eq!(c.sessions[0].title, "Day 1: your idea");
        c.set_step_note(0, 0, "Bring paper");
        assert_eq!(c.sessions[0].steps[0].note, "Bring paper");
        assert!(!c.add_task(0, 0, "   "), "a blank task is not added");
        assert!(c.add_task(0, 0, " Ask a question "));
        assert_eq!(c.sessions[0].steps[0].tasks.last().map(String::as_str), Some("Ask a question"));
        while c.add_task(0, 0, "more") {}
        assert_eq!(c.sessions[0].steps[0].tasks.len(), MAX_TASKS);
        c.remove_task(0, 0, 0);
        c.remove_task(0, 0, 99);
        assert_eq!(c.sessions[0].steps[0].tasks.len(), MAX_TASKS - 1);
        assert!(c.add_resource());
        c.set_resource(1, ResourceField::Address, "Strandgaten 1");
        c.set_resource(1, ResourceField::Title, "Drop-in");
        assert!(c.resources[1].usable(), "a street address is enough");
        c.set_resource(1, ResourceField::Url, "javascript:alert(1)");
        assert!(!c.resources[1].usable());
        c.remove_resource(1);
        c.remove_resource(7);
        assert_eq!(c.resources.len(), 1);
        c.remove_step(1, 0);
        assert!(c.sessions[1].steps.is_empty());
        assert!(c.add_session("Day 3"));
        c.remove_session(0);
        assert_eq!(c.sessions.len(), 2);
        assert_eq!(c.sessions[1].title, "Day 3");
        while c.add_session("x") {}
        assert_eq!(c.sessions.len(), MAX_SESSIONS);
    }

    #[test]
    fn a_changed_course_says_what_changed() {
        let old = sample_course();
        assert_eq!(differences(&old, &old), vec![]);
        let mut new = old.clone();
        new.resources[0].url = "https://pay.example/course-fee".into();
        new.name = "Start-up course".into();
        new.sessions[0].steps[0].note = "Pay first".into();
        new.sessions[1].steps.clear();
        new.resources.push(CourseResource { title: "Help desk".into(), address: "Torget 1".into(), ..Default::default() });
        assert_eq!(
            differences(&old, &new),
            vec![
                Difference::Name { old: old.name.clone(), new: "Start-up course".into() },
                Difference::StepsRemoved(1),
                Difference::StepsChanged(1),
                Difference::HelpChanged {
                    title: "Room 2, Bergen library".into(),
                    old: "https://example.org/room".into(),
                    new: "https://pay.example/course-fee".into()
                },
                Difference::HelpAdded { title: "Help desk".into(), address: "Torget 1".into() },
            ]
        );
    }

    #[test]
    fn addresses_with_direction_tricks_are_refused() {
        assert!(safe_address("https://example.org/help"));
        for trick in
            ["https://evil.example/\u{202E}gro.elpmaxe", "https://exa\u{200B}mple.org", "https://example.org/\u{2066}x\u{2069}", "https://\u{FEFF}example.org"]
        {
            assert!(!safe_address(trick), "{trick:?}");
            assert!(!crate::domain::markdown::is_live_href(trick), "{trick:?}");
        }
        let mut c = sample_course();
        c.resources[0].url = "https://evil.example/\u{202E}gro.elpmaxe".into();
        assert_eq!(c.check(), Err(Problem::BadAddress));
    }

    #[test]
    fn slides_follow_sessions_and_skip_missing_steps() {
        let pack = sample_pack();
        let mut c = sample_course();
        c.sessions[1].steps.push(CourseStep { step: "gone-from-pack".into(), ..Default::default() });
        assert_eq!(c.slides(&pack), vec![Slide::Title, Slide::Session(0), Slide::Step(0, 0), Slide::Session(1), Slide::Step(1, 0), Slide::Help]);
        c.resources.clear();
        assert_eq!(c.slides(&pack).last(), Some(&Slide::Step(1, 0)), "no local help, no help slide");
        assert_eq!(c.missing_steps(&pack), vec!["gone-from-pack".to_string()]);
        let (step, extra) = c.step_at(&pack, 0, 0).unwrap();
        assert_eq!(step.id, pack.steps[0].id);
        assert_eq!(extra.tasks.len(), 1);
    }

    #[test]
    fn checks_refuse_what_a_course_must_not_hold() {
        assert_eq!(sample_course().check(), Ok(()));
        let bad = |f: fn(&mut Course)| {
            let mut c = sample_course();
            f(&mut c);
            c.check()
        };
        assert_eq!(bad(|c| c.resources[0].url = "javascript:alert(1)".into()), Err(Problem::BadAddress));
        assert_eq!(bad(|c| c.resources[0].url = " data:text/html,x".into()), Err(Problem::BadAddress));
        assert_eq!(bad(|c| c.id = "<b>".into()), Err(Problem::BadId));
        assert_eq!(bad(|c| c.sessions[0].steps[0].step = "../x".into()), Err(Problem::BadId));
        assert_eq!(bad(|c| c.name = "x".repeat(MAX_TEXT + 1)), Err(Problem::TooMuch));
        assert_eq!(
            bad(|c| {
                let s = c.sessions[0].steps[0].clone();
                c.sessions[1].steps.push(s)
            }),
            Err(Problem::Repeated)
        );
        assert_eq!(bad(|c| c.sessions = vec![Session::default(); MAX_SESSIONS + 1]), Err(Problem::TooMuch));
    }

    #[test]
    fn what_the_editor_makes_is_cleaned_to_pass_the_check() {
        let mut c = sample_course();
        c.name = format!("  {}  ", "n".repeat(500));
        c.sessions[0].steps[0].tasks = vec!["  ".into(), "Real task".into()];
        c.resources.push(CourseResource { title: "half typed".into(), url: "htt".into(), note: String::new(), ..Default::default() });
        let again = c.sessions[0].steps[0].clone();
        c.sessions[1].steps.push(again);
        assert!(c.check().is_err());
        let clean = c.cleaned();
        assert_eq!(clean.check(), Ok(()));
        assert_eq!(clean.name.chars().count(), MAX_TEXT);
        assert_eq!(clean.sessions[0].steps[0].tasks, vec!["Real task".to_string()]);
        assert_eq!(clean.resources.len(), 1, "the half-typed address is left out");
        assert_eq!(clean.sessions[1].steps.len(), 1, "the repeated step is left out");
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(file_name(&sample_course()), "course-start-up-evening-course-bergen.json");
        let mut c = sample_course();
        c.name = "../../etc".into();
        assert_eq!(file_name(&c), "course-etc.json");
        c.name = "دورة".into();
        assert_eq!(file_name(&c), "course-دورة.json");
        c.name = "!!!".into();
        assert_eq!(file_name(&c), "course-k7q2x9.json");
    }

    #[test]
    fn clicker_and_keyboard_keys_move_the_right_way() {
        for (key, shift, rtl, want) in [
            ("ArrowRight", false, false, Some(true)),
            ("ArrowLeft", false, false, Some(false)),
            ("ArrowRight", false, true, Some(false)),
            ("ArrowLeft", false, true, Some(true)),
            ("PageDown", false, true, Some(true)),
            ("PageUp", false, false, Some(false)),
            (" ", false, false, Some(true)),
            (" ", true, false, Some(false)),
            ("ArrowDown", false, false, Some(true)),
            ("a", false, false, None),
        ] {
            assert_eq!(key_moves(key, shift, rtl), want, "{key} shift={shift} rtl={rtl}");
        }
    }
}
