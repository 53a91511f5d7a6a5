//! Sharing with no server between: plan links and adviser links (a compact binary form,
//! compressed, URL-safe, with a version and a checksum, carried in the URL fragment so it is
//! never sent to any server), and backup files (the saved state as JSON with its format).
//!
//! Every decoder here takes hostile input: it never panics, refuses input over
//! [`MAX_LINK_CHARS`] before decompressing, caps what it decompresses at [`MAX_PAYLOAD`], and
//! says what is wrong in a [`ShareError`] the interface turns into plain words.

use std::collections::{BTreeMap, BTreeSet};

use super::course::{Course, CourseResource, CourseStep, Session};
use super::envelope::{self, FORMAT_VERSION};
use super::state::{Profile, Residence, SavedState, StepProgress, StepStatus};

/// The link format this build writes. Every released version keeps a golden link under
/// `tests/fixtures/` that must still decode.
pub const LINK_VERSION: u8 = 1;
/// Links longer than this are refused before anything is decompressed (8 KB).
pub const MAX_LINK_CHARS: usize = 8 * 1024;
/// What a link may decompress to at most (64 KB): a decompression bomb stops here.
pub const MAX_PAYLOAD: usize = 64 * 1024;
/// A link this long or shorter works everywhere (chat apps, QR codes); above it the app warns
/// and offers the backup file instead.
pub const COMFORTABLE_LINK_CHARS: usize = 2000;
/// Backup files larger than this are refused before they are read.
pub const MAX_BACKUP_BYTES: usize = 1024 * 1024;

/// What a link carries.
#[derive(Clone, Debug, PartialEq)]
pub enum Shared {
    /// A founder's plan: their answers and progress, to be read by someone else.
    Plan { profile: Profile, progress: BTreeMap<String, BTreeMap<String, StepProgress>> },
    /// An adviser's preset: answers for a client, and the language to open in.
    Preset { profile: Profile, language: Option<String> },
    /// A trainer's course, to follow as a checklist.
    Course(Course),
}

/// Why a link or file could not be read. Nothing is changed when this happens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Nothing there.
    Empty,
    /// Not an address of this app, or one with a dangerous scheme (`javascript:` …).
    NotOurs,
    /// Longer than [`MAX_LINK_CHARS`] (or a file over [`MAX_BACKUP_BYTES`]).
    TooLarge,
    /// Cut off or changed on the way (bad characters, wrong checksum, broken data).
    Damaged,
    /// Made by a newer version of Career Kit.
    Newer(u32),
    /// A backup file with fields this version does not know.
    UnknownFields(Vec<String>),
    /// Not a Career Kit backup file.
    NotBackup,
}

const KIND_PLAN: u8 = 1;
const KIND_PRESET: u8 = 2;
const KIND_COURSE: u8 = 3;

// ---------------------------------------------------------------------------------------------
// Links

/// The text of a plan link's fragment for this state.
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
    }
    seal(KIND_COURSE, &w.0)
}

/// Version, kind, the compressed body and a CRC-32 of all that, in URL-safe base64.
fn seal(kind: u8, body: &[u8]) -> String {
    let mut bytes = vec![LINK_VERSION, kind];
    bytes.extend(deflate(body));
    let sum = crc32(&bytes);
    bytes.extend(sum.to_be_bytes());
    base64url(&bytes)
}

/// Reads a link's fragment (or a whole pasted address of this app).
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
    if data[0] != LINK_VERSION {
        return Err(if data[0] > LINK_VERSION { ShareError::Newer(data[0] as u32) } else { ShareError::Damaged });
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
                c.resources.push(CourseResource { title: r.str()?, url: r.str()?, note: r.str()? });
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

fn status_code(s: StepStatus) -> u8 {
    match s {
        StepStatus::NotStarted => 0,
        StepStatus::InProgress => 1,
        StepStatus::Waiting => 2,
        StepStatus::Done => 3,
        StepStatus::NotRelevant => 4,
    }
}

fn status_from(b: u8) -> Result<StepStatus, ShareError> {
    Ok(match b {
        0 => StepStatus::NotStarted,
        1 => StepStatus::InProgress,
        2 => StepStatus::Waiting,
        3 => StepStatus::Done,
        4 => StepStatus::NotRelevant,
        _ => return Err(ShareError::Damaged),
    })
}

/// Ids are slugs: what a content pack can name, never markup or an address.
pub(crate) fn is_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 80 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

#[derive(Default)]
struct Writer(Vec<u8>);

impl Writer {
    fn byte(&mut self, b: u8) {
        self.0.push(b);
    }
    fn len(&mut self, mut n: usize) {
        loop {
            let b = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                return self.0.push(b);
            }
            self.0.push(b | 0x80);
        }
    }
    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend(s.as_bytes());
    }
    fn opt(&mut self, s: Option<&str>) {
        match s {
            None => self.byte(0),
            Some(s) => {
                self.byte(1);
                self.str(s);
            }
        }
    }
    fn tri(&mut self, b: Option<bool>) {
        self.byte(match b { None => 0, Some(false) => 1, Some(true) => 2 });
    }
    fn profile(&mut self, p: &Profile) {
        self.opt(p.country.as_deref());
        self.opt(p.town.as_deref());
        self.byte(match p.residence {
            None => 0,
            Some(Residence::Eu) => 1,
            Some(Residence::PermitAllows) => 2,
            Some(Residence::NotSure) => 3,
            Some(Residence::Other) => 4,
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

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, ShareError> {
        let b = *self.bytes.get(self.at).ok_or(ShareError::Damaged)?;
        self.at += 1;
        Ok(b)
    }
    /// A count or length; never more than the bytes left, so nothing huge is allocated.
    fn len(&mut self) -> Result<usize, ShareError> {
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
    fn str(&mut self) -> Result<String, ShareError> {
        let n = self.len()?;
        let s = std::str::from_utf8(&self.bytes[self.at..self.at + n]).map_err(|_| ShareError::Damaged)?;
        self.at += n;
        Ok(s.to_string())
    }
    fn id(&mut self) -> Result<String, ShareError> {
        let s = self.str()?;
        if is_id(&s) { Ok(s) } else { Err(ShareError::Damaged) }
    }
    fn opt(&mut self) -> Result<Option<String>, ShareError> {
        match self.byte()? {
            0 => Ok(None),
            1 => self.str().map(Some),
            _ => Err(ShareError::Damaged),
        }
    }
    fn opt_id(&mut self) -> Result<Option<String>, ShareError> {
        match self.opt()? {
            Some(s) if !is_id(&s) => Err(ShareError::Damaged),
            other => Ok(other),
        }
    }
    fn tri(&mut self) -> Result<Option<bool>, ShareError> {
        match self.byte()? {
            0 => Ok(None),
            1 => Ok(Some(false)),
            2 => Ok(Some(true)),
            _ => Err(ShareError::Damaged),
        }
    }
    fn profile(&mut self) -> Result<Profile, ShareError> {
        let country = self.opt_id()?;
        let town = self.opt_id()?;
        let residence = match self.byte()? {
            0 => None,
            1 => Some(Residence::Eu),
            2 => Some(Residence::PermitAllows),
            3 => Some(Residence::NotSure),
            4 => Some(Residence::Other),
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

/// Compresses to raw DEFLATE (RFC 1951) in one block with the fixed Huffman codes: LZ77 with
/// hash chains. Any inflater reads it; it is a few hundred bytes of code instead of a full
/// deflate encoder, and on plan links it comes within a tenth of the best compression.
fn deflate(data: &[u8]) -> Vec<u8> {
    const LEN_BASE: [u16; 29] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
    const LEN_EXTRA: [u8; 29] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
    const DIST_BASE: [u16; 30] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
    const DIST_EXTRA: [u8; 30] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
    const NONE: usize = usize::MAX;
    let mut out = Bits::default();
    out.put(1, 1); // the last block
    out.put(1, 2); // fixed Huffman codes
    let hash = |i: usize| ((data[i] as usize) << 8 ^ (data[i + 1] as usize) << 4 ^ data[i + 2] as usize) & 0xfff;
    let (mut head, mut prev) = (vec![NONE; 0x1000], vec![NONE; data.len()]);
    let insert = |i: usize, head: &mut [usize], prev: &mut [usize]| {
        if i + 3 <= data.len() {
            let h = hash(i);
            prev[i] = head[h];
            head[h] = i;
        }
    };
    let mut i = 0;
    while i < data.len() {
        let (mut best, mut dist) = (0, 0);
        if i + 3 <= data.len() {
            let (mut cand, mut tries) = (head[hash(i)], 0);
            while cand != NONE && i - cand <= 32_768 && tries < 128 {
                let n = data[cand..].iter().zip(&data[i..]).take(258).take_while(|(a, b)| a == b).count();
                if n > best {
                    (best, dist) = (n, i - cand);
                }
                cand = prev[cand];
                tries += 1;
            }
        }
        if best >= 3 {
            let l = LEN_BASE.iter().rposition(|b| *b as usize <= best).unwrap_or(0);
            out.symbol(257 + l as u16);
            out.put((best - LEN_BASE[l] as usize) as u32, LEN_EXTRA[l]);
            let d = DIST_BASE.iter().rposition(|b| *b as usize <= dist).unwrap_or(0);
            out.put(reverse(d as u32, 5), 5);
            out.put((dist - DIST_BASE[d] as usize) as u32, DIST_EXTRA[d]);
            for k in i..i + best {
                insert(k, &mut head, &mut prev);
            }
            i += best;
        } else {
            out.symbol(data[i] as u16);
            insert(i, &mut head, &mut prev);
            i += 1;
        }
    }
    out.symbol(256); // end of block
    out.finish()
}

/// A bit stream, least significant bit first, as DEFLATE writes it.
#[derive(Default)]
struct Bits {
    bytes: Vec<u8>,
    acc: u32,
    n: u8,
}

impl Bits {
    fn put(&mut self, value: u32, bits: u8) {
        self.acc |= value << self.n;
        self.n += bits;
        while self.n >= 8 {
            self.bytes.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }
    /// A literal/length symbol in the fixed Huffman code (RFC 1951, 3.2.6).
    fn symbol(&mut self, s: u16) {
        let (code, len) = match s {
            0..=143 => (0x30 + s, 8),
            144..=255 => (0x190 + s - 144, 9),
            256..=279 => (s - 256, 7),
            _ => (0xc0 + s - 280, 8),
        };
        self.put(reverse(code as u32, len), len);
    }
    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.bytes.push(self.acc as u8);
        }
        self.bytes
    }
}

/// Huffman codes are sent most significant bit first.
fn reverse(code: u32, len: u8) -> u32 {
    (0..len).fold(0, |r, i| r | ((code >> i) & 1) << (len - 1 - i))
}

/// CRC-32 (IEEE), bit by bit: a few lines instead of a table every user downloads.
fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |crc, &b| {
        (0..8).fold(crc ^ b as u32, |c, _| if c & 1 == 1 { (c >> 1) ^ 0xEDB8_8320 } else { c >> 1 })
    })
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// URL-safe base64 without padding.
fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (*b as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

fn unbase64url(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let v = ALPHABET.iter().position(|a| a == c)? as u32;
            n |= v << (18 - 6 * i);
        }
        let bytes = chunk.len() - 1;
        // Only the canonical text: bits past the last byte are zero, so no two texts are one link.
        if n & ((1 << (24 - 8 * bytes)) - 1) != 0 {
            return None;
        }
        for i in 0..bytes {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

// ---------------------------------------------------------------------------------------------
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
        if !["app", "format", "saved_at", "data"].contains(&key.as_str()) {
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
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| ShareError::NotBackup)?;
    if value.get("app").and_then(|a| a.as_str()) != Some("career-kit") || value.get("kind").and_then(|k| k.as_str()) != Some("course") {
        return Err(ShareError::NotBackup);
    }
    match value.get("format").and_then(|f| f.as_u64()) {
        Some(f) if f == COURSE_FILE_FORMAT as u64 => {}
        Some(f) if f > COURSE_FILE_FORMAT as u64 => return Err(ShareError::Newer(f.min(u32::MAX as u64) as u32)),
        _ => return Err(ShareError::Damaged),
    }
    let mut unknown: Vec<String> = value.as_object().into_iter().flatten().map(|(k, _)| k.clone())
        .filter(|k| !["app", "kind", "format", "course"].contains(&k.as_str())).collect();
    let raw = value.get("course").cloned().unwrap_or_default();
    let course: Course = match serde_json::from_value(raw.clone()) {
        Ok(c) => c,
        Err(e) if e.to_string().starts_with("unknown field") => {
            // Name every unknown field by its path, as for backups.
            let known = serde_json::to_value(Course {
                sessions: vec![Session { steps: vec![CourseStep::default()], ..Default::default() }],
                resources: vec![CourseResource::default()],
                ..Default::default()
            }).expect("JSON");
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
fn unknown_course_fields(found: &serde_json::Value, known: &serde_json::Value, at: &str, out: &mut Vec<String>) {
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
fn unknown_fields(found: &serde_json::Value, known: &serde_json::Value, at: &str, out: &mut Vec<String>) {
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
    let courses = ours.courses.keys().chain(theirs.courses.keys()).collect::<BTreeSet<_>>().into_iter()
        .filter(|id| ours.courses.get(*id) != theirs.courses.get(*id)).count();
    Changes { answers, steps, notes, lost, saved_resources, courses }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A deterministic random source for property tests (xorshift).
    pub(crate) struct Rng(pub u64);
    impl Rng {
        pub fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        pub fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
        fn id(&mut self) -> String {
            let words = ["register", "vat", "tax", "bank", "idea", "permit", "insurance", "hire", "a", "b2"];
            (0..1 + self.below(3)).map(|_| words[self.below(words.len())]).collect::<Vec<_>>().join("-")
        }
        fn text(&mut self, max: usize) -> String {
            let pieces = ["Ring ", "Skatteetaten ", "før fredag. ", "موعد ", "<script>alert(1)</script> ", "Привіт ", "\"quoted\" ", "\n", "😀", "&amp; "];
            let mut s = String::new();
            while s.chars().count() < max {
                s.push_str(pieces[self.below(pieces.len())]);
            }
            s.chars().take(max).collect()
        }
        fn tri(&mut self) -> Option<bool> {
            [None, Some(false), Some(true)][self.below(3)]
        }
    }

    pub(crate) fn random_profile(r: &mut Rng) -> Profile {
        Profile {
            country: (r.below(4) > 0).then(|| ["no", "de"][r.below(2)].to_string()),
            town: (r.below(2) > 0).then(|| r.id()),
            residence: [None, Some(Residence::Eu), Some(Residence::PermitAllows), Some(Residence::NotSure), Some(Residence::Other)][r.below(5)],
            business: (r.below(2) > 0).then(|| r.text(40)),
            sectors: (0..r.below(4)).map(|_| r.id()).collect(),
            partners: r.tri(),
            hiring: r.tri(),
            legal_form: (r.below(2) > 0).then(|| r.id()),
            high_risk: r.tri(),
            investors: r.tri(),
        }
    }

    pub(crate) fn random_plan(r: &mut Rng) -> SavedState {
        let mut s = SavedState { profile: random_profile(r), ..Default::default() };
        for country in ["no", "de"].iter().take(1 + r.below(2)) {
            let steps = s.progress.entry(country.to_string()).or_default();
            for _ in 0..r.below(25) {
                let p = StepProgress {
                    status: status_from(r.below(5) as u8).unwrap(),
                    due: (r.below(3) == 0).then(|| format!("2027-0{}-1{}", 1 + r.below(9), r.below(10))),
                    tasks: (0..r.below(4)).map(|_| r.id()).collect(),
                    note: if r.below(3) == 0 { let n = r.below(250); r.text(n) } else { String::new() },
                    ..Default::default()
                };
                steps.insert(r.id(), p);
            }
        }
        s
    }

    /// What a plan link keeps of a state: answers and progress (not blank steps).
    fn shared_part(s: &SavedState) -> Shared {
        let mut progress = s.progress.clone();
        for steps in progress.values_mut() {
            steps.retain(|_, p| *p != StepProgress::default());
        }
        Shared::Plan { profile: s.profile.clone(), progress }
    }

    /// A typical plan: every step of the largest pack with a status, five notes of 200
    /// characters, some ticks and due dates.
    pub(crate) fn typical_plan() -> SavedState {
        let pack = crate::domain::content::tests::real_packs().into_iter().max_by_key(|p| p.steps.len()).unwrap();
        let mut s = SavedState::default();
        s.profile.country = Some(pack.meta.id.clone());
        s.profile.residence = Some(Residence::PermitAllows);
        s.profile.legal_form = Some("enk".into());
        // Five different notes, as people write them (not one note five times, which would
        // compress far better than real notes do).
        let text = "Ring the tax office on Monday at 9. Bring the passport, the residence card and the rental \
            contract. Ask about VAT registration and whether I need an accountant for the first year. Bank said \
            they need the organisation number first, then a meeting with ID. Mentor Amina from the start-up \
            centre: send her the budget before Thursday; she knows a cheap bookkeeper in Bergen. Insurance: \
            compare three offers, ask about tools in the van and liability for work in customers' homes. \
            Kommunen wants the floor plan of the kitchen and a hygiene course certificate before opening day.";
        let notes: Vec<String> = (0..5).map(|i| text.chars().skip(i * 95).take(200).collect()).collect();
        for (i, step) in pack.steps.iter().enumerate() {
            let p = s.progress.entry(pack.meta.id.clone()).or_default().entry(step.id.clone()).or_default();
            p.status = status_from((i % 4) as u8 + 1).unwrap();
            p.tasks = step.tasks.iter().take(2).map(|t| t.id.clone()).collect();
            if i % 3 == 0 {
                p.due = Some(format!("2027-01-{:02}", 10 + i));
            }
            if i < 5 {
                p.note = notes[i].clone();
            }
        }
        s
    }

    #[test]
    fn random_plans_survive_a_round_trip() {
        let mut r = Rng(0x5eed_cafe);
        for _ in 0..2_000 {
            let plan = random_plan(&mut r);
            let code = encode_plan(&plan);
            assert!(code.bytes().all(|b| ALPHABET.contains(&b)), "URL-safe: {code}");
            assert_eq!(decode(&code), Ok(shared_part(&plan)));
            let profile = random_profile(&mut r);
            assert_eq!(decode(&encode_preset(&profile, Some("ar"))), Ok(Shared::Preset { profile, language: Some("ar".into()) }));
        }
    }

    #[test]
    fn our_deflate_is_standard_deflate() {
        let mut r = Rng(99);
        let samples: Vec<Vec<u8>> = vec![
            vec![],
            b"a".to_vec(),
            b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".repeat(10),
            (0..70_000).map(|_| r.below(256) as u8).collect(),
            (0..5_000).map(|_| b"register-vat tax "[r.below(17)]).collect(),
            r.text(3000).into_bytes(),
        ];
        for data in samples {
            let packed = deflate(&data);
            assert_eq!(miniz_oxide::inflate::decompress_to_vec(&packed).unwrap(), data);
        }
        let body = typical_plan();
        let ours = deflate(&encode_plan(&body).into_bytes()).len();
        let best = miniz_oxide::deflate::compress_to_vec(&encode_plan(&body).into_bytes(), 10).len();
        println!("fixed-code deflate {ours} bytes, best deflate {best} bytes");
    }

    #[test]
    fn a_typical_plan_fits_a_comfortable_link() {
        let plan = typical_plan();
        let code = encode_plan(&plan);
        let steps = plan.progress.values().map(|s| s.len()).sum::<usize>();
        println!("typical plan ({steps} steps, 5 notes of 200 characters): {} characters", code.len());
        assert!(code.len() <= COMFORTABLE_LINK_CHARS, "{} characters", code.len());
    }

    #[test]
    fn every_prefix_and_every_one_character_change_of_a_link_fails_cleanly() {
        let code = encode_plan(&typical_plan());
        for end in 0..code.len() {
            assert!(decode(&code[..end]).is_err(), "prefix of {end} characters decoded");
        }
        let mut r = Rng(7);
        for i in 0..code.len() {
            let mut bytes = code.clone().into_bytes();
            let mut c = ALPHABET[r.below(64)];
            if c == bytes[i] {
                c = if c == b'A' { b'B' } else { b'A' };
            }
            bytes[i] = c;
            let changed = String::from_utf8(bytes).unwrap();
            assert!(decode(&changed).is_err(), "a change at {i} went unnoticed");
        }
    }

    #[test]
    fn hostile_links_get_an_error_and_never_a_panic() {
        assert_eq!(decode(""), Err(ShareError::Empty));
        assert_eq!(decode("   \n"), Err(ShareError::Empty));
        assert_eq!(decode(&"A".repeat(MAX_LINK_CHARS + 4)), Err(ShareError::TooLarge));
        assert_eq!(decode("not base64 at all!"), Err(ShareError::Damaged));
        // A future version is named as such (with a valid checksum).
        let mut future = vec![LINK_VERSION + 1, KIND_PLAN, 0x03, 0x00];
        future.extend(crc32(&future).to_be_bytes());
        assert_eq!(decode(&base64url(&future)), Err(ShareError::Newer(2)));
        // A decompression bomb: a megabyte of zeros stops at the cap.
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![0u8; 1024 * 1024], 10);
        let mut bytes = vec![LINK_VERSION, KIND_PLAN];
        bytes.extend(bomb);
        bytes.extend(crc32(&bytes).to_be_bytes());
        let code = base64url(&bytes);
        assert!(code.len() < MAX_LINK_CHARS, "the bomb is small: {}", code.len());
        assert_eq!(decode(&code), Err(ShareError::Damaged));
        // Counts larger than the data, and markup where an id belongs.
        for body in [vec![0u8, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f], {
            let mut w = Writer::default();
            w.profile(&Profile::default());
            w.len(1);
            w.str("<script>");
            w.len(0);
            w.0
        }] {
            let mut bytes = vec![LINK_VERSION, KIND_PLAN];
            bytes.extend(miniz_oxide::deflate::compress_to_vec(&body, 9));
            bytes.extend(crc32(&bytes).to_be_bytes());
            assert_eq!(decode(&base64url(&bytes)), Err(ShareError::Damaged));
        }
        // Notes are text: markup in them comes back as the same text, for the view to escape.
        let mut s = SavedState::default();
        s.progress.entry("no".into()).or_default().entry("idea".into()).or_default().note = "<img src=x onerror=alert(1)>".into();
        assert_eq!(decode(&encode_plan(&s)), Ok(shared_part(&s)));
    }

    #[test]
    fn only_this_apps_addresses_are_opened() {
        let page = "https://example.org/career-kit/open";
        assert_eq!(code_in_address("https://example.org/career-kit/open#AbC", page), Ok("AbC"));
        assert_eq!(code_in_address("  https://example.org/career-kit/open?lang=ar#AbC \n", page), Ok("AbC"));
        assert_eq!(code_in_address("AbC-_", page), Ok("AbC-_"));
        for bad in [
            "javascript:alert(1)//#AbC",
            " \u{1}javascript:alert(1)#AbC",
            "\tJaVaScRiPt:alert(1)",
            "data:text/html,<script>alert(1)</script>#AbC",
            "vbscript:msgbox(1)#x",
            "https://evil.example/career-kit/open#AbC",
            "https://example.org/career-kit/other#AbC",
            "java\u{0}script:alert(1)#AbC",
            "https://example.org/career-kit/open\u{7}#AbC",
        ] {
            assert_eq!(code_in_address(bad, page), Err(ShareError::NotOurs), "{bad:?}");
        }
        assert_eq!(code_in_address(" \u{0} ", page), Err(ShareError::Empty));
    }

    /// Writes the golden links of this version (run once when a version is released:
    /// `cargo test --lib write_golden_links -- --ignored`).
    #[test]
    #[ignore = "writes fixtures"]
    fn write_golden_links() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        std::fs::write(dir.join(format!("plan-link-v{LINK_VERSION}.txt")), encode_plan(&typical_plan()) + "\n").unwrap();
        let profile = Profile { country: Some("no".into()), town: Some("bergen".into()), residence: Some(Residence::NotSure), ..Default::default() };
        std::fs::write(dir.join(format!("preset-link-v{LINK_VERSION}.txt")), encode_preset(&profile, Some("ar")) + "\n").unwrap();
    }

    #[test]
    fn golden_links_of_every_released_version_still_decode() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let v1 = std::fs::read_to_string(dir.join("plan-link-v1.txt")).expect("tests/fixtures/plan-link-v1.txt");
        match decode(v1.trim()) {
            Ok(Shared::Plan { profile, progress }) => {
                assert_eq!(profile.country.as_deref(), Some("de"));
                assert_eq!(progress["de"].len(), 22);
            }
            other => panic!("{other:?}"),
        }
        let preset = std::fs::read_to_string(dir.join("preset-link-v1.txt")).expect("tests/fixtures/preset-link-v1.txt");
        assert!(matches!(decode(preset.trim()), Ok(Shared::Preset { language: Some(l), .. }) if l == "ar"));
    }

    /// A property campaign over the decoders: random bytes, random text, and random damage to
    /// valid links and files. `cargo test --lib fuzz -- --ignored --nocapture` runs 200,000
    /// cases; the normal run does a quick 5,000.
    fn campaign(cases: usize) -> usize {
        let mut r = Rng(0xdead_beef_1234);
        let valid: Vec<String> = (0..20).map(|_| encode_plan(&random_plan(&mut r))).collect();
        let mut valid = valid;
        valid.push(encode_course(&crate::domain::course::tests::sample_course()));
        let backup = export_backup(&typical_plan(), 1.0);
        let course_file = export_course(&crate::domain::course::tests::sample_course());
        let mut ran = 0;
        for i in 0..cases {
            let input: String = match i % 4 {
                0 => (0..r.below(200)).map(|_| ALPHABET[r.below(64)] as char).collect(),
                1 => {
                    let mut b = valid[r.below(valid.len())].clone().into_bytes();
                    for _ in 0..1 + r.below(3) {
                        let at = r.below(b.len());
                        b[at] = ALPHABET[r.below(64)];
                    }
                    let cut = r.below(b.len() + 1);
                    String::from_utf8(b[..cut].to_vec()).unwrap()
                }
                2 => (0..r.below(64)).map(|_| char::from_u32(r.below(0x3000) as u32).unwrap_or('x')).collect(),
                _ => {
                    let mut b = if i % 8 == 3 { backup.clone() } else { course_file.clone() }.into_bytes();
                    let at = r.below(b.len());
                    b[at] = b"{}[]\",:0a"[r.below(9)];
                    String::from_utf8_lossy(&b).into_owned()
                }
            };
            let _ = decode(&input);
            let _ = code_in_address(&input, "https://example.org/open");
            let _ = import_backup(&input);
            let _ = import_course(&input);
            ran += 1;
        }
        ran
    }

    #[test]
    fn decoders_survive_a_quick_campaign() {
        assert_eq!(campaign(5_000), 5_000);
    }

    #[test]
    #[ignore = "long: run with --ignored (make fuzz)"]
    fn fuzz_decoders_200k() {
        let n = campaign(200_000);
        println!("property campaign: {n} cases over the link, address, backup and course-file decoders, no panic");
    }

    #[test]
    fn backups_round_trip_and_hostile_files_change_nothing() {
        let plan = typical_plan();
        let file = export_backup(&plan, 1_700_000_000_000.0);
        assert!(file.starts_with(&format!("{{\"app\":\"career-kit\",\"format\":{FORMAT_VERSION},")), "{}", &file[..60]);
        assert_eq!(import_backup(&file), Ok(plan.clone()));
        assert_eq!(import_backup("{}"), Err(ShareError::NotBackup));
        assert_eq!(import_backup("not json"), Err(ShareError::NotBackup));
        assert_eq!(import_backup(&file.replace("\"format\":1", "\"format\":99")), Err(ShareError::Newer(99)));
        assert_eq!(import_backup(&" ".repeat(MAX_BACKUP_BYTES + 1)), Err(ShareError::TooLarge));
        let extra = file.replacen("\"data\":{", "\"data\":{\"surprise\":1,", 1);
        assert_eq!(import_backup(&extra), Err(ShareError::UnknownFields(vec!["data.surprise".into()])));
        let deep = format!("{{\"app\":\"career-kit\",\"format\":1,\"data\":{}{}}}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(import_backup(&deep).is_err(), "deep nesting is refused, not a stack overflow");
        // What an import would change.
        let mut other = plan.clone();
        other.profile.country = Some("no".into());
        let first = other.progress.values_mut().next().unwrap();
        let id = first.keys().next().unwrap().clone();
        first.get_mut(&id).unwrap().note = "changed".into();
        let gone = first.keys().nth(1).unwrap().clone();
        let gone_had_a_note = !first[&gone].note.is_empty();
        first.remove(&gone);
        let c = changes(&plan, &other);
        assert_eq!((c.answers, c.steps, c.notes, c.lost), (1, 2, 1 + gone_had_a_note as usize, 1));
        assert!(changes(&plan, &plan).none());
        let mut with_course = plan.clone();
        let course = crate::domain::course::tests::sample_course();
        with_course.courses.insert(course.id.clone(), crate::domain::course::SavedCourse { course, mine: true });
        assert_eq!(changes(&plan, &with_course).courses, 1);
        assert_eq!(import_backup(&export_backup(&with_course, 1.0)), Ok(with_course.clone()), "courses are in the backup");
    }

    #[test]
    fn course_links_and_files_round_trip_and_refuse_hostile_input() {
        use crate::domain::course::tests::sample_course;
        let course = sample_course();
        let link = encode_course(&course);
        assert_eq!(decode(&link), Ok(Shared::Course(course.clone())));
        assert!(link.len() < 600, "a small course fits a QR code: {} characters", link.len());
        for cut in 0..link.len() {
            assert!(decode(&link[..cut]).is_err(), "prefix of {cut} characters");
        }
        // A course with a dangerous address inside a well-formed link is refused.
        let mut bad = course.clone();
        bad.resources[0].url = "javascript:alert(1)".into();
        assert_eq!(decode(&encode_course(&bad)), Err(ShareError::Damaged));

        let file = export_course(&course);
        assert_eq!(import_course(&file), Ok(course.clone()));
        assert_eq!(import_course(&export_backup(&typical_plan(), 1.0)), Err(ShareError::NotBackup), "a backup is not a course");
        assert!(import_backup(&file).is_err(), "a course is not a backup");
        assert_eq!(import_course(&file.replace("\"format\": 1", "\"format\": 7")), Err(ShareError::Newer(7)));
        let extra = file.replacen("\"note\": \"Bring", "\"colour\": \"red\", \"note\": \"Bring", 1);
        assert_eq!(import_course(&extra), Err(ShareError::UnknownFields(vec!["course.sessions[0].steps[0].colour".into()])));
        let evil = file.replace("https://example.org/room", "data:text/html,<script>alert(1)</script>");
        assert_eq!(import_course(&evil), Err(ShareError::Damaged));
        assert_eq!(import_course(&" ".repeat(MAX_BACKUP_BYTES + 1)), Err(ShareError::TooLarge));
        let deep = format!("{{\"app\":\"career-kit\",\"kind\":\"course\",\"format\":1,\"course\":{}{}}}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(import_course(&deep).is_err());
    }
}
