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
/// `tests/fixtures/` that must still decode. Version 2 added a street address to a course's
/// local help; version 1 links are read as before.
pub const LINK_VERSION: u8 = 2;
/// The oldest link format this build still reads.
pub const OLDEST_LINK_VERSION: u8 = 1;
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
    /// Not a Career Kit course file.
    NotCourseFile,
}

const KIND_PLAN: u8 = 1;
const KIND_PRESET: u8 = 2;
const KIND_COURSE: u8 = 3;

pub(crate) use super::content::is_id;

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

mod compress;
mod files;
mod link;

pub use files::*;
pub use link::*;

#[cfg(test)]
pub(crate) mod tests;
