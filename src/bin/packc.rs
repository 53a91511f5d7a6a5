//! Content compiler: checks every pack under `content/` and writes what the app downloads.
//!
//! `packc <content-dir> <out-dir>` writes `<out>/index.json` and one content-hashed
//! `<country>.<language>.<hash>.json` per pack and language. It exits non-zero, naming the file
//! and field, when a pack is broken. `packc --report <content-dir>` prints counts per pack.

use career_kit::domain::content::{self, PackEntry, PackIndex};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ *b as u64).wrapping_mul(0x100_0000_01b3))
}

fn run(content_dir: &Path, out: Option<&Path>) -> Result<(), String> {
    let mut index = PackIndex { packs: vec![] };
    let mut files: Vec<(PathBuf, String)> = vec![];
    let mut failed = false;
    for dir in content::source::pack_dirs(content_dir)? {
        let pack = content::source::load(&dir)?;
        let errors = content::validate(&pack);
        for e in &errors {
            eprintln!("{}/{e}", dir.display());
        }
        if !errors.is_empty() {
            failed = true;
            continue;
        }
        let tasks: usize = pack.steps.iter().map(|s| s.tasks.len()).sum();
        println!(
            "{} ({}): {} steps, {} tasks, {} resources, {} terms, {} legal forms, {} distinct sources",
            pack.meta.id, pack.meta.name, pack.steps.len(), tasks, pack.resources.len(),
            pack.terms.len(), pack.meta.legal_forms.len(), pack.distinct_sources().len()
        );
        let json = serde_json::to_string(&pack).map_err(|e| e.to_string())?;
        let name = format!("{}.{}.{:010x}.json", pack.meta.id, pack.language, fnv1a(json.as_bytes()) >> 24);
        let mut langs = BTreeMap::new();
        langs.insert(pack.language.clone(), name.clone());
        index.packs.push(PackEntry {
            id: pack.meta.id.clone(),
            name: pack.meta.name.clone(),
            local_name: pack.meta.local_name.clone(),
            local_language: pack.meta.local_language.clone(),
            files: langs,
        });
        if let Some(out) = out {
            files.push((out.join(name), json));
        }
    }
    if failed {
        return Err("content is broken: fix the fields named above".into());
    }
    if let Some(out) = out {
        if out.exists() {
            std::fs::remove_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
        }
        std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
        files.push((out.join("index.json"), serde_json::to_string(&index).map_err(|e| e.to_string())?));
        for (path, text) in files {
            std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [flag, content] if flag == "--report" => run(Path::new(content), None),
        [content, out] => run(Path::new(content), Some(Path::new(out))),
        _ => Err("usage: packc <content-dir> <out-dir> | packc --report <content-dir>".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("packc: {e}");
            ExitCode::FAILURE
        }
    }
}
