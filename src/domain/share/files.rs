//! Backup files and course files (JSON), and what a restore would change.

use super::*;
// Backup files

/// The backup file: the storage envelope (`format`, `saved_at`, `data`), marked as Career
/// Kit's: `{"app":"career-kit","format":1,…}`.
pub fn export_backup(state: &SavedState, now_ms: f64) -> String {
    let envelope = envelope::encode(state, now_ms);
    format!("{{\"app\":\"career-kit\",{}\n", envelope.strip_prefix('{').unwrap_or(&envelope))
}

/// Reads a backup file: only Career Kit's, of this or an older (migrated) format, with no
/// field this version does not know.
pub fn import_backup(text: &str) -> Result<SavedState, ShareError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(ShareError::TooLarge);
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| ShareError::NotBackup)?;
    if value.get("app").and_then(|a| a.as_str()) != Some("career-kit") || value.get("kind").is_some() {
        return Err(ShareError::NotBackup);
    }
    let state = match envelope::decode(Some(text)) {
        envelope::Decoded::Loaded { state, .. } => state,
        envelope::Decoded::Newer { format } => return Err(ShareError::Newer(format)),
        _ => return Err(ShareError::Damaged),
    };
    let mut unknown = vec![];
    for key in value.as_object().into_iter().flatten().map(|(k, _)| k) {
        // `based_on` is browser storage's own stamp: a file saved from storage as it is (the
        // first screen's "Save my plan as a file") carries it.
        if !["app", "format", "saved_at", "based_on", "data"].contains(&key.as_str()) {
            unknown.push(key.clone());
        }
    }
    if value.get("format").and_then(|f| f.as_u64()) == Some(FORMAT_VERSION as u64) {
        let known = serde_json::to_value(&state).expect("JSON");
        unknown_fields(&value["data"], &known, "data", &mut unknown);
    }
    if !unknown.is_empty() {
        return Err(ShareError::UnknownFields(unknown));
    }
    // Courses in a backup pass the same checks as a course link or file, and are filed under
    // their own id.
    if state.courses.iter().any(|(key, c)| key != &c.course.id || c.course.check().is_err()) {
        return Err(ShareError::Damaged);
    }
    Ok(state)
}

/// A course file: `{"app":"career-kit","kind":"course","format":1,"course":{…}}`.
pub const COURSE_FILE_FORMAT: u32 = 1;

pub fn export_course(course: &Course) -> String {
    let value = serde_json::json!({ "app": "career-kit", "kind": "course", "format": COURSE_FILE_FORMAT, "course": course });
    serde_json::to_string_pretty(&value).expect("JSON") + "\n"
}

/// Reads a course file: only Career Kit's, of a format this version knows, with no unknown
/// field, and a course that passes [`Course::check`].
pub fn import_course(text: &str) -> Result<Course, ShareError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(ShareError::TooLarge);
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| ShareError::NotCourseFile)?;
    if value.get("app").and_then(|a| a.as_str()) != Some("career-kit") || value.get("kind").and_then(|k| k.as_str()) != Some("course") {
        return Err(ShareError::NotCourseFile);
    }
    // A key given twice: JSON readers keep one of the two silently, so which one the trainer
    // meant is unknown. Refused, as backups are.
    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Strict {
        course: Course,
    }
    if let Err(e) = serde_json::from_str::<Strict>(text) {
        if e.to_string().contains("duplicate field") {
            return Err(ShareError::Damaged);
        }
    }
    match value.get("format").and_then(|f| f.as_u64()) {
        Some(f) if f == COURSE_FILE_FORMAT as u64 => {}
        Some(f) if f > COURSE_FILE_FORMAT as u64 => return Err(ShareError::Newer(f.min(u32::MAX as u64) as u32)),
        _ => return Err(ShareError::Damaged),
    }
    let mut unknown: Vec<String> =
        value.as_object().into_iter().flatten().map(|(k, _)| k.clone()).filter(|k| !["app", "kind", "format", "course"].contains(&k.as_str())).collect();
    let raw = value.get("course").cloned().unwrap_or_default();
    let course: Course = match serde_json::from_value(raw.clone()) {
        Ok(c) => c,
        Err(e) if e.to_string().starts_with("unknown field") => {
            // Name every unknown field by its path, as for backups.
            let known = serde_json::to_value(Course {
                sessions: vec![Session { steps: vec![CourseStep::default()], ..Default::default() }],
                resources: vec![CourseResource::default()],
                ..Default::default()
            })
            .expect("JSON");
            unknown_course_fields(&raw, &known, "course", &mut unknown);
            return Err(ShareError::UnknownFields(unknown));
        }
        Err(_) => return Err(ShareError::Damaged),
    };
    if !unknown.is_empty() {
        return Err(ShareError::UnknownFields(unknown));
    }
    course.check().map_err(|_| ShareError::Damaged)?;
    Ok(course)
}

/// Like [`unknown_fields`], where every item of a list has the shape of the known list's
/// first item.
pub(super) fn unknown_course_fields(found: &serde_json::Value, known: &serde_json::Value, at: &str, out: &mut Vec<String>) {
    if let (Some(items), Some(shape)) = (found.as_array(), known.as_array().and_then(|k| k.first())) {
        for (i, item) in items.iter().enumerate() {
            unknown_course_fields(item, shape, &format!("{at}[{i}]"), out);
        }
        return;
    }
    let (Some(found), Some(known)) = (found.as_object(), known.as_object()) else { return };
    for (key, value) in found {
        match known.get(key) {
            None => out.push(format!("{at}.{key}")),
            Some(k) => unknown_course_fields(value, k, &format!("{at}.{key}"), out),
        }
    }
}

/// Object keys in `found` that the state as this version writes it (`known`) lacks.
pub(super) fn unknown_fields(found: &serde_json::Value, known: &serde_json::Value, at: &str, out: &mut Vec<String>) {
    let (Some(found), Some(known)) = (found.as_object(), known.as_object()) else { return };
    for (key, value) in found {
        match known.get(key) {
            None => out.push(format!("{at}.{key}")),
            Some(k) => unknown_fields(value, k, &format!("{at}.{key}"), out),
        }
    }
}

/// What replacing `ours` with `theirs` would change, in counts the interface words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Profile answers that differ.
    pub answers: usize,
    /// Steps whose status, ticks, due date or note differ (across countries).
    pub steps: usize,
    /// Notes that differ (a subset of `steps`).
    pub notes: usize,
    /// Steps with progress here that the other has not: they would be lost.
    pub lost: usize,
    /// Saved resources that differ.
    pub saved_resources: usize,
    /// Courses that differ (added, removed or changed).
    pub courses: usize,
}

impl Changes {
    pub fn none(&self) -> bool {
        *self == Changes::default()
    }
}

pub fn changes(ours: &SavedState, theirs: &SavedState) -> Changes {
    let (a, b) = (&ours.profile, &theirs.profile);
    let answers = [
        a.country != b.country,
        a.town != b.town,
        a.residence != b.residence,
        a.business != b.business,
        a.sectors != b.sectors,
        a.partners != b.partners,
        a.hiring != b.hiring,
        a.legal_form != b.legal_form,
        a.high_risk != b.high_risk,
        a.investors != b.investors,
    ]
    .into_iter()
    .filter(|d| *d)
    .count();
    let empty = BTreeMap::new();
    let blank = StepProgress::default();
    let countries: BTreeSet<&String> = ours.progress.keys().chain(theirs.progress.keys()).collect();
    let (mut steps, mut notes, mut lost) = (0, 0, 0);
    for c in countries {
        let (x, y) = (ours.progress.get(c).unwrap_or(&empty), theirs.progress.get(c).unwrap_or(&empty));
        for id in x.keys().chain(y.keys()).collect::<BTreeSet<_>>() {
            let (p, q) = (x.get(id).unwrap_or(&blank), y.get(id).unwrap_or(&blank));
            if p != q {
                steps += 1;
                notes += (p.note != q.note) as usize;
                lost += (*p != blank && !y.contains_key(id)) as usize;
            }
        }
    }
    let saved_resources = ours.saved_resources.symmetric_difference(&theirs.saved_resources).count();
    let courses = ours
        .courses
        .keys()
        .chain(theirs.courses.keys())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .filter(|id| ours.courses.get(*id) != theirs.courses.get(*id))
        .count();
    Changes { answers, steps, notes, lost, saved_resources, courses }
}
