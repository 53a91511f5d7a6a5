//! The versioned envelope around everything saved in browser storage:
//! `{"format": 1, "saved_at": <ms since epoch>, "data": {...}}`.
//!
//! Decoding never panics. It tells the caller exactly what it found so that storage can keep
//! unreadable or newer data untouched and say so.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::state::SavedState;

/// The storage format this build writes. Every released format keeps a fixture under
/// `tests/fixtures/` that must still load.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: u32,
    saved_at: f64,
    /// The newest save (its `saved_at`) the writing tab had seen: a save that had not seen
    /// another tab's was made at the same time as it, and the two are joined. Only in
    /// browser storage, never in a backup file.
    #[serde(skip_serializing_if = "Option::is_none")]
    based_on: Option<f64>,
    data: &'a SavedState,
}

#[derive(Deserialize)]
struct EnvelopeIn<'a> {
    format: u32,
    #[serde(default)]
    saved_at: f64,
    /// Left out by builds before it existed.
    #[serde(default)]
    based_on: Option<f64>,
    /// Kept as raw JSON until the format is known, then read by that format's rules.
    #[serde(borrow)]
    data: &'a RawValue,
}

/// What was found under the state key.
#[derive(Debug, PartialEq)]
pub enum Decoded {
    /// Nothing saved yet.
    Empty,
    /// A state of this or an older (migrated) format.
    Loaded { state: SavedState, saved_at: f64, format: u32 },
    /// Saved by a newer version of the app: keep it, do not overwrite it.
    Newer { format: u32 },
    /// Not an envelope we can read.
    Unreadable { reason: String },
    /// Readable once values this version does not know were set aside: `repaired` step
    /// statuses of a newer version became "not started". The caller keeps the raw value.
    Repaired { state: SavedState, saved_at: f64, repaired: usize },
}

/// `state` saved at `saved_at`, as in a backup file. (A `SavedState` always serialises: no
/// panic path, whose error formatting would add to the start-up code.)
pub fn encode(state: &SavedState, saved_at: f64) -> String {
    serde_json::to_string(&EnvelopeOut { format: FORMAT_VERSION, saved_at, based_on: None, data: state }).unwrap_or_default()
}

/// The value to store: `state` saved at `saved_at` by a tab whose newest seen save is `based_on`.
pub fn encode_seen(state: &SavedState, saved_at: f64, based_on: f64) -> String {
    serde_json::to_string(&EnvelopeOut { format: FORMAT_VERSION, saved_at, based_on: Some(based_on), data: state }).unwrap_or_default()
}

pub fn decode(raw: Option<&str>) -> Decoded {
    decode_seen(raw).0
}

/// [`decode`], and the newest save the tab that wrote `raw` had seen (`None` for values of
/// builds before the stamp existed, and for anything unreadable).
pub fn decode_seen(raw: Option<&str>) -> (Decoded, Option<f64>) {
    let Some(raw) = raw else { return (Decoded::Empty, None) };
    let env: EnvelopeIn = match serde_json::from_str(raw) {
        Ok(env) => env,
        Err(e) => return (Decoded::Unreadable { reason: e.to_string() }, None),
    };
    let seen = env.based_on.filter(|b| b.is_finite());
    (decode_envelope(env), seen)
}

fn decode_envelope(env: EnvelopeIn) -> Decoded {
    if env.format == 0 {
        return Decoded::Unreadable { reason: "format version 0 does not exist".into() };
    }
    if env.format > FORMAT_VERSION {
        return Decoded::Newer { format: env.format };
    }
    super::state::take_unknown_statuses();
    match migrate(env.format, env.data.get()) {
        Ok(state) => match super::state::take_unknown_statuses() {
            0 => Decoded::Loaded { state, saved_at: env.saved_at, format: env.format },
            repaired => Decoded::Repaired { state, saved_at: env.saved_at, repaired },
        },
        Err(reason) => Decoded::Unreadable { reason },
    }
}

/// Brings data of any released format up to [`FORMAT_VERSION`].
fn migrate(format: u32, data: &str) -> Result<SavedState, String> {
    // A list where the state belongs would read as an empty state: refuse it.
    if !data.trim_start().starts_with('{') {
        return Err("the data is not an object".into());
    }
    match format {
        1 => serde_json::from_str(data).map_err(|e| format!("format 1 data: {e}")),
        other => Err(format!("no migration from format {other}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::state::{StepProgress, StepStatus};

    fn sample() -> SavedState {
        let mut s = SavedState::default();
        s.profile.country = Some("no".into());
        s.progress
            .entry("no".into())
            .or_default()
            .insert("register".into(), StepProgress { status: StepStatus::Waiting, note: "Called Altinn".into(), ..Default::default() });
        s
    }

    #[test]
    fn every_status_reads_back_by_its_saved_name() {
        for (st, name) in StepStatus::NAMES {
            let mut s = SavedState::default();
            s.set_status("no", "x", st);
            let raw = encode(&s, 1.0);
            assert!(raw.contains(&format!("\"status\":\"{name}\"")), "{raw}");
            assert!(matches!(decode(Some(&raw)), Decoded::Loaded { state, .. } if state == s), "{name}");
        }
    }

    #[test]
    fn an_unknown_status_hides_nothing_else() {
        let raw = r#"{"format":1,"saved_at":5,"data":{"profile":{"country":"no"},"progress":{"no":{"register":{"status":"archived","note":"Called Altinn"},"idea":{"status":"done"}}}}}"#;
        match decode(Some(raw)) {
            Decoded::Repaired { state, saved_at, repaired } => {
                assert_eq!((repaired, saved_at), (1, 5.0));
                assert_eq!(state.progress["no"]["register"].status, StepStatus::NotStarted);
                assert_eq!(state.progress["no"]["register"].note, "Called Altinn", "the rest is kept");
                assert_eq!(state.progress["no"]["idea"].status, StepStatus::Done);
                assert_eq!(state.profile.country.as_deref(), Some("no"));
            }
            other => panic!("{other:?}"),
        }
        // Broken elsewhere: still unreadable, never guessed.
        assert!(matches!(decode(Some(r#"{"format":1,"data":{"progress":{"no":{"x":{"status":"archived","tasks":7}}}}}"#)), Decoded::Unreadable { .. }));
        assert!(matches!(decode(Some(r#"{"format":1,"data":{"progress":{"no":{"x":{"status":7}}}}}"#)), Decoded::Unreadable { .. }));
        // A list where the plan belongs is not an empty plan.
        assert!(matches!(decode(Some(r#"{"format":1,"data":[]}"#)), Decoded::Unreadable { .. }));
    }

    #[test]
    fn round_trip() {
        let s = sample();
        let raw = encode(&s, 1234.0);
        assert_eq!(decode(Some(&raw)), Decoded::Loaded { state: s, saved_at: 1234.0, format: 1 });
    }

    #[test]
    fn nothing_saved() {
        assert_eq!(decode(None), Decoded::Empty);
    }

    #[test]
    fn garbage_is_unreadable_not_a_panic() {
        for raw in ["", "{", "null", "[]", "\"x\"", "{\"format\":\"1\"}", "{\"format\":1}", "\u{0}"] {
            assert!(matches!(decode(Some(raw)), Decoded::Unreadable { .. }), "{raw:?}");
        }
        assert!(matches!(decode(Some(r#"{"format":1,"saved_at":0,"data":{"progress":7}}"#)), Decoded::Unreadable { .. }));
    }

    #[test]
    fn newer_format_is_reported() {
        let raw = r#"{"format":99,"saved_at":5,"data":{"whatever":true}}"#;
        assert_eq!(decode(Some(raw)), Decoded::Newer { format: 99 });
    }

    #[test]
    fn unknown_fields_are_tolerated_within_a_format() {
        let raw = r#"{"format":1,"saved_at":5,"data":{"future_field":1,"settings":{"welcomed":true}}}"#;
        match decode(Some(raw)) {
            Decoded::Loaded { state, .. } => assert!(state.settings.welcomed),
            other => panic!("{other:?}"),
        }
    }
}

/// Every released storage format has a fixture under `tests/fixtures/`; each must still load.
#[cfg(test)]
mod fixtures {
    use super::*;
    use crate::domain::state::{Residence, StepStatus};

    #[test]
    fn format_1_fixture_still_loads() {
        let raw = include_str!("../../tests/fixtures/state-v1.json");
        let Decoded::Loaded { state, saved_at, format } = decode(Some(raw)) else { panic!("fixture v1 did not load") };
        assert_eq!((format, saved_at), (1, 1_795_000_000_000.0));
        assert_eq!(state.profile.country.as_deref(), Some("no"));
        assert_eq!(state.profile.residence, Some(Residence::PermitAllows));
        let no = &state.progress["no"];
        assert_eq!(no["business-or-job"].status, StepStatus::Done);
        assert_eq!(no["residence-permit"].due.as_deref(), Some("2026-12-01"));
        assert_eq!(no["choose-legal-form"].status, StepStatus::NotRelevant);
        assert!(state.saved_resources.contains("de/ihk-berlin"));
        // Saving it again gives the same data.
        let again = encode(&state, saved_at);
        assert_eq!(decode(Some(&again)), Decoded::Loaded { state, saved_at, format: FORMAT_VERSION });
    }
}
