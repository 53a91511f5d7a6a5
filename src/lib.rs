//! Career Kit: a start-up guide for migrant entrepreneurs, in the browser.
pub mod domain;
pub mod storage;
