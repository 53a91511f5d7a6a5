//! Reusable views. Every prop has a doc comment.

pub mod controls;
pub mod markdown;
pub mod share;
pub mod shell;
pub mod title;
pub mod with_pack;
