//! Content compiler: checks every pack under `content/` and writes what the app downloads.
//!
//! `packc <content-dir> <out-dir>` writes `<out>/index.json` and one content-hashed
//! `<country>.<language>.<hash>.json` per pack and language. It exits non-zero, naming the file
//! and field, when a pack is broken. `packc --report <content-dir>` prints counts per pack;
//! `packc --freshness <content-dir>` what may no longer be true (`make content-report`).

use career_kit::domain::content::{self, Pack, PackEntry, PackIndex};
use career_kit::domain::i18n;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ *b as u64).wrapping_mul(0x100_0000_01b3))
}

fn run(content_dir: &Path, out: Option<&Path>) -> Result<(), String> {
    let mut index = PackIndex { packs: vec![], ui: BTreeMap::new() };
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
            pack.meta.id,
            pack.meta.name,
            pack.steps.len(),
            tasks,
            pack.resources.len(),
            pack.terms.len(),
            pack.meta.legal_forms.len(),
            pack.distinct_sources().len()
        );
        let mut langs = BTreeMap::new();
        let mut names = BTreeMap::from([(pack.language.clone(), pack.meta.name.clone())]);
        let mut emit = |pack: &Pack, files: &mut Vec<(PathBuf, String)>| -> Result<(), String> {
            let json = serde_json::to_string(pack).map_err(|e| e.to_string())?;
            let name = format!("{}.{}.{:010x}.json", pack.meta.id, pack.language, fnv1a(json.as_bytes()) >> 24);
            langs.insert(pack.language.clone(), name.clone());
            if let Some(out) = out {
                files.push((out.join(name), json));
            }
            Ok(())
        };
        emit(&pack, &mut files)?;
        for (path, translation) in content::source::translations(&dir)? {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            let mut errors = match content::source::translate(&pack, &translation) {
                Ok(translated) => {
                    let mut errors: Vec<String> = content::validate(&translated).iter().map(|e| e.to_string()).collect();
                    // Every figure and official word of the English kept, nothing left in English.
                    errors.extend(content::fidelity::check(&pack, &translated, &translation.language));
                    if errors.is_empty() {
                        let unreviewed = translated.steps.iter().filter(|s| s.unreviewed).count();
                        println!("  {}: translated, {unreviewed} of {} steps not reviewed yet", translation.language, translated.steps.len());
                        emit(&translated, &mut files)?;
                    }
                    errors
                }
                Err(errors) => errors,
            };
            if let Some(name) = &translation.name {
                names.insert(translation.language.clone(), name.clone());
            }
            if translation.language != stem {
                errors.push(format!("language = \"{}\" but the file is {stem}.toml", translation.language));
            }
            for e in &errors {
                eprintln!("{}: {e}", path.display());
            }
            failed |= !errors.is_empty();
        }
        // Every guide comes in every interface language (issue 24): a pack without one of them
        // does not build.
        let missing: Vec<&str> = i18n::LANGUAGES.iter().map(|l| l.code).filter(|code| !langs.contains_key(*code)).collect();
        if !missing.is_empty() {
            eprintln!("{}: no translation into {} (every guide comes in every interface language)", dir.display(), missing.join(", "));
            failed = true;
        }
        index.packs.push(PackEntry {
            id: pack.meta.id.clone(),
            name: pack.meta.name.clone(),
            local_name: pack.meta.local_name.clone(),
            local_language: pack.meta.local_language.clone(),
            files: langs,
            names,
        });
    }
    // The interface catalogs: one file per language, checked against English.
    match i18n::source::compile(&content_dir.join("ui")) {
        Ok(catalogs) => {
            for catalog in catalogs {
                let json = serde_json::to_string(&catalog).map_err(|e| e.to_string())?;
                let name = format!("ui.{}.{:010x}.json", catalog.language, fnv1a(json.as_bytes()) >> 24);
                println!("interface {}: {} bytes", catalog.language, json.len());
                index.ui.insert(catalog.language.clone(), name.clone());
                if let Some(out) = out {
                    files.push((out.join(name), json));
                }
            }
        }
        Err(errors) => {
            for e in errors {
                eprintln!("{e}");
            }
            failed = true;
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

/// The freshness report of every pack (`content::freshness`): it prints, it never fails.
fn freshness(content_dir: &Path) -> Result<(), String> {
    let today = content::freshness::today();
    println!("freshness report, {today}: sources checked more than 12 months ago, pages or texts naming a year before last year, facts without a source");
    for dir in content::source::pack_dirs(content_dir)? {
        let pack = content::source::load(&dir)?;
        let lines = content::freshness::report(&pack, &today);
        let sources = pack.distinct_sources().len();
        println!("== {} ({}): {} lines, {sources} distinct sources", pack.meta.id, pack.meta.name, lines.len());
        for kind in ["old check", "old page", "old year", "no source"] {
            let n = lines.iter().filter(|l| l.starts_with(kind)).count();
            println!("   {kind}: {n}");
        }
        for line in lines {
            println!("{line}");
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [flag, content] if flag == "--report" => run(Path::new(content), None),
        [flag, content] if flag == "--freshness" => freshness(Path::new(content)),
        [content, out] => run(Path::new(content), Some(Path::new(out))),
        _ => Err("usage: packc <content-dir> <out-dir> | packc --report <content-dir> | packc --freshness <content-dir>".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("packc: {e}");
            ExitCode::FAILURE
        }
    }
}
