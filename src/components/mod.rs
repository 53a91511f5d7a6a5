//! Reusable views. Every prop has a doc comment.

pub mod controls;
pub mod country;
pub mod course;
pub mod focus;
pub mod labels;
pub mod language;
pub mod markdown;
pub mod reminders;
pub mod share;
pub mod shell;
pub mod steps;
pub mod title;
pub mod unreviewed;
pub mod with_pack;
