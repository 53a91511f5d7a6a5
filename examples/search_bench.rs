//! Benchmarks, natively: `make bench` (which also runs them in headless Chromium).
//!
//! - Search (issue 5): indexes of 1,000 and 10,000 generated resources whose words mix Latin,
//!   Cyrillic and Arabic script; 100 queries each with 0, 1 and 2 typos; every keystroke timed.
//! - Plan (issue 4): a status change applied to a plan holding every step of the largest pack,
//!   and saved.

mod bench;

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use career_kit::domain::content::source;
use career_kit::storage::{Backend, StoreError};

/// An in-memory key-value store, standing in for localStorage natively.
#[derive(Default)]
struct Memory(RefCell<HashMap<String, String>>);
impl Backend for &Memory {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.0.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.borrow_mut().insert(key.into(), value.into());
        Ok(())
    }
}

fn main() {
    let start = Instant::now();
    let now = move || start.elapsed().as_secs_f64() * 1e3;
    let mut print = |line: String| println!("{line}");
    println!("== native ==");
    bench::search(&now, &mut print);
    let packs: Vec<_> = source::pack_dirs(Path::new("content")).unwrap().iter().map(|d| source::load(d).unwrap()).collect();
    let largest = packs.iter().max_by_key(|p| p.steps.len()).unwrap();
    println!("largest pack: {} ({} steps)", largest.meta.id, largest.steps.len());
    let memory = Memory::default();
    bench::status_change(largest, &memory, &now, &mut print);
}
