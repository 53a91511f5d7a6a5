//! Reading packs and their translations from the TOML sources in `content/` (build time and
//! native tests only).

use super::*;
use std::path::Path;

fn read<T: serde::de::DeserializeOwned + Default>(dir: &Path, file: &str, required: bool) -> Result<T, String> {
    let path = dir.join(file);
    match std::fs::read_to_string(&path) {
        Ok(text) => toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display())),
        Err(_) if !required => Ok(T::default()),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// Loads `content/<country>/` into a pack of its source language (English).
pub fn load(dir: &Path) -> Result<Pack, String> {
    let path = dir.join("pack.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let meta: PackMeta = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let steps: StepsFile = read(dir, "steps.toml", true)?;
    let resources: ResourcesFile = read(dir, "resources.toml", true)?;
    let glossary: GlossaryFile = read(dir, "glossary.toml", true)?;
    Ok(Pack { language: "en".into(), meta, steps: steps.steps, resources: resources.resources, terms: glossary.terms })
}

/// A translation file, `content/<country>/translations/<language>.toml`: text only, keyed
/// by the English pack's ids (see content/README.md).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    pub language: String,
    #[serde(default)]
    pub reviewed: bool,
    pub name: Option<String>,
    #[serde(default)]
    pub phase: BTreeMap<String, PhaseText>,
    #[serde(default)]
    pub region: BTreeMap<String, NameText>,
    #[serde(default)]
    pub town: BTreeMap<String, NameText>,
    #[serde(default)]
    pub legal_form: BTreeMap<String, LegalFormText>,
    #[serde(default)]
    pub step: BTreeMap<String, StepText>,
    #[serde(default)]
    pub resource: BTreeMap<String, ResourceText>,
    #[serde(default)]
    pub term: BTreeMap<String, TermText>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseText {
    pub title: String,
    pub summary: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameText {
    pub name: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LegalFormText {
    pub name: Option<String>,
    pub summary: Option<String>,
    pub liability: Option<String>,
    pub min_capital: Option<String>,
    pub owners: Option<String>,
    pub registration: Option<String>,
    pub social_security: Option<String>,
    pub taxation: Option<String>,
    pub reviewed: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StepText {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub body: Option<String>,
    pub authority: Option<String>,
    pub cost: Option<String>,
    pub time: Option<String>,
    pub deadline: Option<String>,
    pub documents: Option<Vec<String>>,
    pub pitfalls: Option<Vec<String>>,
    pub task: BTreeMap<String, String>,
    pub reviewed: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ResourceText {
    pub title: Option<String>,
    pub description: Option<String>,
    pub reviewed: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TermText {
    pub plain: Option<String>,
    pub explanation: Option<String>,
    pub synonyms: Vec<String>,
    pub reviewed: Option<bool>,
}

/// The translation files of a pack folder, sorted by language.
pub fn translations(dir: &Path) -> Result<Vec<(std::path::PathBuf, Translation)>, String> {
    let folder = dir.join("translations");
    let Ok(entries) = std::fs::read_dir(&folder) else { return Ok(vec![]) };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "toml")).collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let t: Translation = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok((path, t))
        })
        .collect()
}

/// The link addresses of a Markdown text, sorted: a translation keeps every one.
fn links(md: &str) -> Vec<&str> {
    let mut found: Vec<&str> = md.match_indices("](").filter_map(|(i, _)| md[i + 2..].split(')').next()).collect();
    found.sort_unstable();
    found
}

/// Translates each item of `items` with its entry in `table` (`[kind.id]`): an item without
/// one, or an entry for an id the pack lacks, is an error.
fn each<T, X>(
    errors: &mut Vec<String>,
    kind: &str,
    items: &mut [T],
    table: &BTreeMap<String, X>,
    id: fn(&T) -> &String,
    mut apply: impl FnMut(&mut Vec<String>, &str, &mut T, &X),
) {
    for extra in table.keys().filter(|k| !items.iter().any(|i| id(i) == *k)) {
        errors.push(format!("[{kind}.{extra}]: no such id in the English pack"));
    }
    for item in items {
        let at = format!("[{kind}.{}]", id(item));
        match table.get(id(item)) {
            Some(x) => apply(errors, &at, item, x),
            None => errors.push(format!("{at}: missing")),
        }
    }
}

/// The English pack in `t`'s language. Every id of the pack must be translated, and only
/// those; lists keep their length, bodies their links. Errors name the item and field.
pub fn translate(english: &Pack, t: &Translation) -> Result<Pack, Vec<String>> {
    let mut errors: Vec<String> = vec![];
    let mut pack = english.clone();
    pack.language = t.language.clone();
    let text = |errors: &mut Vec<String>, at: &str, field: &str, en: &mut String, tr: &Option<String>| match tr {
        // A field English leaves empty stays empty.
        _ if en.is_empty() => {}
        Some(v) if !v.trim().is_empty() => *en = v.clone(),
        _ => errors.push(format!("{at}: {field} missing")),
    };
    let optional = |errors: &mut Vec<String>, at: &str, field: &str, en: &mut Option<String>, tr: &Option<String>| match (en.as_mut(), tr) {
        (None, None) => {}
        (None, Some(_)) => errors.push(format!("{at}: {field} is not in the English step")),
        (Some(e), tr) => text(errors, at, field, e, tr),
    };
    let reviewed = |r: Option<bool>| !r.unwrap_or(t.reviewed);
    if let Some(name) = &t.name {
        pack.meta.name = name.clone();
    }
    each(
        &mut errors,
        "phase",
        &mut pack.meta.phases,
        &t.phase,
        |p| &p.id,
        |_, _, p, x| {
            (p.title, p.summary) = (x.title.clone(), x.summary.clone());
        },
    );
    each(&mut errors, "region", &mut pack.meta.regions, &t.region, |r| &r.id, |_, _, r, x| r.name = x.name.clone());
    each(&mut errors, "town", &mut pack.meta.towns, &t.town, |r| &r.id, |_, _, r, x| r.name = x.name.clone());
    each(
        &mut errors,
        "legal_form",
        &mut pack.meta.legal_forms,
        &t.legal_form,
        |f| &f.id,
        |errors, at, f, x| {
            text(errors, at, "name", &mut f.name, &x.name);
            text(errors, at, "summary", &mut f.summary, &x.summary);
            text(errors, at, "liability", &mut f.liability, &x.liability);
            text(errors, at, "min_capital", &mut f.min_capital, &x.min_capital);
            text(errors, at, "owners", &mut f.owners, &x.owners);
            text(errors, at, "registration", &mut f.registration, &x.registration);
            text(errors, at, "social_security", &mut f.social_security, &x.social_security);
            text(errors, at, "taxation", &mut f.taxation, &x.taxation);
            f.unreviewed = reviewed(x.reviewed);
        },
    );
    each(
        &mut errors,
        "step",
        &mut pack.steps,
        &t.step,
        |s| &s.id,
        |errors, at, s, x| {
            text(errors, at, "title", &mut s.title, &x.title);
            text(errors, at, "summary", &mut s.summary, &x.summary);
            let english_links: Vec<String> = links(&s.body).into_iter().map(String::from).collect();
            text(errors, at, "body", &mut s.body, &x.body);
            if links(&s.body) != english_links {
                errors.push(format!("{at}: body links differ from English ({english_links:?})"));
            }
            optional(errors, at, "authority", &mut s.authority, &x.authority);
            optional(errors, at, "cost", &mut s.cost, &x.cost);
            optional(errors, at, "time", &mut s.time, &x.time);
            optional(errors, at, "deadline", &mut s.deadline, &x.deadline);
            for (field, en, tr) in [("documents", &mut s.documents, &x.documents), ("pitfalls", &mut s.pitfalls, &x.pitfalls)] {
                match tr {
                    Some(list) if list.len() == en.len() => *en = list.clone(),
                    None if en.is_empty() => {}
                    _ => errors.push(format!("{at}: {field} must list {} items, as in English", en.len())),
                }
            }
            for id in x.task.keys().filter(|id| !s.tasks.iter().any(|k| &k.id == *id)) {
                errors.push(format!("{at}: task {id} is not in the English step"));
            }
            for task in &mut s.tasks {
                match x.task.get(&task.id) {
                    Some(v) if !v.trim().is_empty() => task.title = v.clone(),
                    _ => errors.push(format!("{at}: task {} missing", task.id)),
                }
            }
            s.unreviewed = reviewed(x.reviewed);
        },
    );
    each(
        &mut errors,
        "resource",
        &mut pack.resources,
        &t.resource,
        |r| &r.id,
        |errors, at, r, x| {
            text(errors, at, "title", &mut r.title, &x.title);
            text(errors, at, "description", &mut r.description, &x.description);
            r.unreviewed = reviewed(x.reviewed);
        },
    );
    each(
        &mut errors,
        "term",
        &mut pack.terms,
        &t.term,
        |t| &t.id,
        |errors, at, term, x| {
            let english_plain = term.plain.clone();
            text(errors, at, "plain", &mut term.plain, &x.plain);
            text(errors, at, "explanation", &mut term.explanation, &x.explanation);
            // Search finds a term by its English words and by the translation's.
            term.synonyms.extend(x.synonyms.iter().cloned());
            term.synonyms.push(english_plain);
            term.unreviewed = reviewed(x.reviewed);
        },
    );
    if errors.is_empty() {
        Ok(pack)
    } else {
        Err(errors)
    }
}

/// Every pack folder under `content/`, sorted by id.
pub fn pack_dirs(content: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    let mut dirs: Vec<_> = std::fs::read_dir(content)
        .map_err(|e| format!("{}: {e}", content.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("pack.toml").is_file())
        .collect();
    dirs.sort();
    Ok(dirs)
}
