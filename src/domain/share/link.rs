//! The link format: a compact binary form of a plan, a preset or a course, compressed, with
//! a version and a checksum, in URL-safe base64.

use std::collections::{BTreeMap, BTreeSet};

use super::compress::*;
use super::*;

// Links

/// The text of a plan link's fragment for this state.
/// What a founder chose to put in a plan link. Only the chosen country's steps go in (their
/// status, ticks and due dates); notes, the residence status and the other answers only when
/// chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkChoice {
    pub country: String,
    pub notes: bool,
    pub residence: bool,
    pub answers: bool,
}

/// The part of the saved state a plan link with these choices carries: exactly what the
/// sender sees listed before the link is made.
pub fn plan_to_share(state: &SavedState, choice: &LinkChoice) -> SavedState {
    let mut out = SavedState::default();
    let p = &state.profile;
    out.profile.country = Some(choice.country.clone());
    if choice.answers {
        let same_country = p.country.as_deref() == Some(choice.country.as_str());
        out.profile.town = p.town.clone().filter(|_| same_country);
        out.profile.legal_form = p.legal_form.clone().filter(|_| same_country);
        out.profile.business = p.business.clone();
        out.profile.sectors = p.sectors.clone();
        out.profile.partners = p.partners;
        out.profile.hiring = p.hiring;
        out.profile.high_risk = p.high_risk;
        out.profile.investors = p.investors;
    }
    if choice.residence {
        out.profile.residence = p.residence;
    }
    if let Some(steps) = state.progress.get(&choice.country) {
        let steps = steps
            .iter()
            .map(|(id, s)| (id.clone(), StepProgress { note: if choice.notes { s.note.clone() } else { String::new() }, ..s.clone() }))
            .filter(|(_, s)| *s != StepProgress::default())
            .collect();
        out.progress.insert(choice.country.clone(), steps);
    }
    out
}

pub fn encode_plan(state: &SavedState) -> String {
    let mut w = Writer::default();
    w.profile(&state.profile);
    w.len(state.progress.len());
    for (country, steps) in &state.progress {
        w.str(country);
        let kept: Vec<_> = steps.iter().filter(|(_, p)| **p != StepProgress::default()).collect();
        w.len(kept.len());
        for (id, p) in kept {
            w.str(id);
            w.byte(status_code(p.status));
            w.opt(p.due.as_deref());
            w.len(p.tasks.len());
            for t in &p.tasks {
                w.str(t);
            }
            w.str(&p.note);
        }
    }
    seal(KIND_PLAN, &w.0)
}

/// The text of an adviser link's fragment: answers for a client and their language.
pub fn encode_preset(profile: &Profile, language: Option<&str>) -> String {
    let mut w = Writer::default();
    w.profile(profile);
    w.opt(language);
    seal(KIND_PRESET, &w.0)
}

/// The text of a course link's fragment.
pub fn encode_course(course: &Course) -> String {
    let mut w = Writer::default();
    w.str(&course.id);
    w.str(&course.name);
    w.str(&course.country);
    w.str(&course.trainer);
    w.len(course.sessions.len());
    for s in &course.sessions {
        w.str(&s.title);
        w.len(s.steps.len());
        for cs in &s.steps {
            w.str(&cs.step);
            w.str(&cs.note);
            w.len(cs.tasks.len());
            for t in &cs.tasks {
                w.str(t);
            }
        }
    }
    w.len(course.resources.len());
    for r in &course.resources {
        w.str(&r.title);
        w.str(&r.url);
        w.str(&r.note);
        w.str(&r.address);
    }
    seal(KIND_COURSE, &w.0)
}

/// Version, kind, the compressed body and a CRC-32 of all that, in URL-safe base64.
pub(super) fn seal(kind: u8, body: &[u8]) -> String {
    let mut bytes = vec![LINK_VERSION, kind];
    bytes.extend(deflate(body));
    let sum = crc32(&bytes);
    bytes.extend(sum.to_be_bytes());
    base64url(&bytes)
}

/// Reads a link's fragment (or a whole pasted address of this app).
/// Whether a link this app made will open again: its fragment is within [`MAX_LINK_CHARS`].
pub fn link_opens(link: &str) -> bool {
    link.split_once('#').map_or(link.len(), |(_, code)| code.len()) <= MAX_LINK_CHARS
}

pub fn decode(text: &str) -> Result<Shared, ShareError> {
    let code = text.trim_matches(|c: char| c.is_whitespace() || c.is_control());
    let code = code.rsplit_once('#').map_or(code, |(_, f)| f);
    if code.is_empty() {
        return Err(ShareError::Empty);
    }
    if code.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLarge);
    }
    let bytes = unbase64url(code).ok_or(ShareError::Damaged)?;
    if bytes.len() < 6 {
        return Err(ShareError::Damaged);
    }
    let (data, sum) = bytes.split_at(bytes.len() - 4);
    if crc32(data).to_be_bytes() != sum {
        return Err(ShareError::Damaged);
    }
    let version = data[0];
    if !(OLDEST_LINK_VERSION..=LINK_VERSION).contains(&version) {
        return Err(if version > LINK_VERSION { ShareError::Newer(version as u32) } else { ShareError::Damaged });
    }
    let body = miniz_oxide::inflate::decompress_to_vec_with_limit(&data[2..], MAX_PAYLOAD).map_err(|_| ShareError::Damaged)?;
    let mut r = Reader { bytes: &body, at: 0 };
    let shared = match data[1] {
        KIND_PLAN => {
            let profile = r.profile()?;
            let mut progress = BTreeMap::new();
            for _ in 0..r.len()? {
                let country = r.id()?;
                let mut steps = BTreeMap::new();
                for _ in 0..r.len()? {
                    let id = r.id()?;
                    let status = status_from(r.byte()?)?;
                    let due = r.opt()?;
                    if due.as_deref().is_some_and(|d| !is_date(d)) {
                        return Err(ShareError::Damaged);
                    }
                    let mut tasks = BTreeSet::new();
                    for _ in 0..r.len()? {
                        tasks.insert(r.id()?);
                    }
                    let note = r.str()?;
                    steps.insert(id, StepProgress { status, due, tasks, note, ..Default::default() });
                }
                progress.insert(country, steps);
            }
            Shared::Plan { profile, progress }
        }
        KIND_PRESET => {
            let profile = r.profile()?;
            let language = r.opt()?;
            if language.as_deref().is_some_and(|l| !is_id(l)) {
                return Err(ShareError::Damaged);
            }
            Shared::Preset { profile, language }
        }
        KIND_COURSE => {
            let mut c = Course { id: r.str()?, name: r.str()?, country: r.str()?, trainer: r.str()?, ..Default::default() };
            for _ in 0..r.len()? {
                let mut s = Session { title: r.str()?, steps: vec![] };
                for _ in 0..r.len()? {
                    let mut cs = CourseStep { step: r.str()?, note: r.str()?, tasks: vec![] };
                    for _ in 0..r.len()? {
                        cs.tasks.push(r.str()?);
                    }
                    s.steps.push(cs);
                }
                c.sessions.push(s);
            }
            for _ in 0..r.len()? {
                let mut res = CourseResource { title: r.str()?, url: r.str()?, note: r.str()?, ..Default::default() };
                if version >= 2 {
                    res.address = r.str()?;
                }
                c.resources.push(res);
            }
            c.check().map_err(|_| ShareError::Damaged)?;
            Shared::Course(c)
        }
        _ => return Err(ShareError::Damaged),
    };
    if r.at != body.len() {
        return Err(ShareError::Damaged);
    }
    Ok(shared)
}

/// The share code in a pasted address, if the address is this app's: `page` is the app's
/// own address up to and including the page (`https://host/career-kit/open`). Dangerous
/// schemes, other sites and other pages are refused, also behind spaces or control characters.
pub fn code_in_address<'a>(pasted: &'a str, page: &str) -> Result<&'a str, ShareError> {
    let text = pasted.trim_matches(|c: char| c.is_whitespace() || c.is_control());
    if text.is_empty() {
        return Err(ShareError::Empty);
    }
    if text.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(ShareError::NotOurs);
    }
    let Some((address, code)) = text.split_once('#') else {
        // A bare code, as a QR reader or a chat may give it.
        return if text.contains(':') || text.contains('/') { Err(ShareError::NotOurs) } else { Ok(text) };
    };
    let address = address.split('?').next().unwrap_or_default();
    if !address.eq_ignore_ascii_case(page) || !(page.starts_with("https://") || page.starts_with("http://")) {
        return Err(ShareError::NotOurs);
    }
    Ok(code)
}

pub(super) fn status_code(s: StepStatus) -> u8 {
    match s {
        StepStatus::NotStarted => 0,
        StepStatus::InProgress => 1,
        StepStatus::Waiting => 2,
        StepStatus::Done => 3,
        StepStatus::NotRelevant => 4,
    }
}

pub(super) fn status_from(b: u8) -> Result<StepStatus, ShareError> {
    Ok(match b {
        0 => StepStatus::NotStarted,
        1 => StepStatus::InProgress,
        2 => StepStatus::Waiting,
        3 => StepStatus::Done,
        4 => StepStatus::NotRelevant,
        _ => return Err(ShareError::Damaged),
    })
}

#[derive(Default)]
pub(super) struct Writer(pub(super) Vec<u8>);

impl Writer {
    pub(super) fn byte(&mut self, b: u8) {
        self.0.push(b);
    }
    pub(super) fn len(&mut self, mut n: usize) {
        loop {
            let b = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                return self.0.push(b);
            }
            self.0.push(b | 0x80);
        }
    }
    pub(super) fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend(s.as_bytes());
    }
    pub(super) fn opt(&mut self, s: Option<&str>) {
        match s {
            None => self.byte(0),
            Some(s) => {
                self.byte(1);
                self.str(s);
            }
        }
    }
    pub(super) fn tri(&mut self, b: Option<bool>) {
        self.byte(match b {
            None => 0,
            Some(false) => 1,
            Some(true) => 2,
        });
    }
    pub(super) fn profile(&mut self, p: &Profile) {
        self.opt(p.country.as_deref());
        self.opt(p.town.as_deref());
        self.byte(match p.residence {
            None => 0,
            Some(Residence::Eu) => 1,
            Some(Residence::PermitAllows) => 2,
            Some(Residence::NotSure) => 3,
            Some(Residence::Other) => 4,
            Some(Residence::Protection) => 5,
        });
        self.opt(p.business.as_deref());
        self.len(p.sectors.len());
        for s in &p.sectors {
            self.str(s);
        }
        for b in [p.partners, p.hiring, p.high_risk, p.investors] {
            self.tri(b);
        }
        self.opt(p.legal_form.as_deref());
    }
}

pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    pub(super) fn byte(&mut self) -> Result<u8, ShareError> {
        let b = *self.bytes.get(self.at).ok_or(ShareError::Damaged)?;
        self.at += 1;
        Ok(b)
    }
    /// A count or length; never more than the bytes left, so nothing huge is allocated.
    pub(super) fn len(&mut self) -> Result<usize, ShareError> {
        let mut n: usize = 0;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            n |= ((b & 0x7f) as usize) << shift;
            if b & 0x80 == 0 {
                return if n <= self.bytes.len() - self.at { Ok(n) } else { Err(ShareError::Damaged) };
            }
        }
        Err(ShareError::Damaged)
    }
    pub(super) fn str(&mut self) -> Result<String, ShareError> {
        let n = self.len()?;
        let s = std::str::from_utf8(&self.bytes[self.at..self.at + n]).map_err(|_| ShareError::Damaged)?;
        self.at += n;
        Ok(s.to_string())
    }
    pub(super) fn id(&mut self) -> Result<String, ShareError> {
        let s = self.str()?;
        if is_id(&s) {
            Ok(s)
        } else {
            Err(ShareError::Damaged)
        }
    }
    pub(super) fn opt(&mut self) -> Result<Option<String>, ShareError> {
        match self.byte()? {
            0 => Ok(None),
            1 => self.str().map(Some),
            _ => Err(ShareError::Damaged),
        }
    }
    pub(super) fn opt_id(&mut self) -> Result<Option<String>, ShareError> {
        match self.opt()? {
            Some(s) if !is_id(&s) => Err(ShareError::Damaged),
            other => Ok(other),
        }
    }
    pub(super) fn tri(&mut self) -> Result<Option<bool>, ShareError> {
        match self.byte()? {
            0 => Ok(None),
            1 => Ok(Some(false)),
            2 => Ok(Some(true)),
            _ => Err(ShareError::Damaged),
        }
    }
    pub(super) fn profile(&mut self) -> Result<Profile, ShareError> {
        let country = self.opt_id()?;
        let town = self.opt_id()?;
        let residence = match self.byte()? {
            0 => None,
            1 => Some(Residence::Eu),
            2 => Some(Residence::PermitAllows),
            3 => Some(Residence::NotSure),
            4 => Some(Residence::Other),
            5 => Some(Residence::Protection),
            _ => return Err(ShareError::Damaged),
        };
        let business = self.opt()?;
        let mut sectors = BTreeSet::new();
        for _ in 0..self.len()? {
            sectors.insert(self.id()?);
        }
        let (partners, hiring, high_risk, investors) = (self.tri()?, self.tri()?, self.tri()?, self.tri()?);
        let legal_form = self.opt_id()?;
        Ok(Profile { country, town, residence, business, sectors, partners, hiring, legal_form, high_risk, investors })
    }
}
