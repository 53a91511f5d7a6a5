//! The domain: content model, saved state and its envelope. No DOM code lives here, so
//! everything below is tested natively with `cargo test`.

pub mod calendar;
pub mod content;
pub mod course;
pub mod envelope;
pub mod filter;
pub mod i18n;
pub mod markdown;
pub mod plan;
pub mod qr;
pub mod search;
pub mod share;
pub mod state;
