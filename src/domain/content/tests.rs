use super::*;
use std::path::Path;

fn content_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content"))
}

/// The Norway pack, as the app gets it.
pub(crate) fn sample_pack() -> Pack {
    real_packs().into_iter().find(|p| p.meta.id == "no").expect("the Norway pack")
}

pub(crate) fn real_packs() -> Vec<Pack> {
    source::pack_dirs(content_dir()).unwrap().iter().map(|d| source::load(d).unwrap_or_else(|e| panic!("{e}"))).collect()
}

#[test]
fn every_translation_covers_its_pack_keeps_links_and_is_marked_unreviewed() {
    let mut seen = vec![];
    for dir in source::pack_dirs(content_dir()).unwrap() {
        let english = source::load(&dir).unwrap();
        for (path, t) in source::translations(&dir).unwrap() {
            let pack = source::translate(&english, &t).unwrap_or_else(|e| panic!("{}:\n{}", path.display(), e.join("\n")));
            assert_eq!(validate(&pack), vec![], "{}", path.display());
            assert_eq!(Some(t.language.as_str()), path.file_stem().and_then(|s| s.to_str()));
            // Nobody has reviewed these yet: every item says so.
            assert!(pack.steps.iter().all(|s| s.unreviewed) && pack.resources.iter().all(|r| r.unreviewed));
            // The official local words stay as they are, and stay findable in English.
            for (a, b) in pack.terms.iter().zip(&english.terms) {
                assert_eq!(a.term, b.term);
                assert!(a.synonyms.contains(&b.plain));
            }
            seen.push(format!("{}.{}", english.meta.id, t.language));
        }
    }
    for needed in ["no.nb", "no.ar", "no.uk", "de.de", "de.ar", "de.uk"] {
        assert!(seen.iter().any(|s| s == needed), "{needed} missing from {seen:?}");
    }
}

#[test]
fn a_broken_translation_is_named_item_by_item() {
    let english = sample_pack();
    let step = &english.steps[0];
    let mut t = source::Translation { language: "xx".into(), ..Default::default() };
    t.step.insert(step.id.clone(), source::StepText { title: Some("T".into()), body: Some("[x](https://evil.example)".into()), ..Default::default() });
    t.step.insert("no-such-step".into(), source::StepText::default());
    let errors = source::translate(&english, &t).unwrap_err().join("\n");
    for expected in ["[step.no-such-step]: no such id", "summary missing", "body links differ", "[phase.explore]: missing", "[resource."] {
        assert!(errors.contains(expected), "{expected} in\n{errors}");
    }
}

#[test]
fn every_pack_in_content_is_valid() {
    let packs = real_packs();
    assert!(packs.len() >= 2, "expected the Norway and Germany packs");
    for pack in &packs {
        let errors = validate(pack);
        assert!(errors.is_empty(), "pack {}:\n{}", pack.meta.id, errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"));
    }
}

#[test]
fn packs_meet_the_content_minimums() {
    for pack in real_packs() {
        let id = &pack.meta.id;
        assert!(pack.steps.len() >= 14, "{id}: {} steps", pack.steps.len());
        assert!(pack.resources.len() >= 40, "{id}: {} resources", pack.resources.len());
        assert!(pack.terms.len() >= 25, "{id}: {} terms", pack.terms.len());
        assert!(pack.meta.legal_forms.len() >= 2, "{id}: legal-form comparison");
        assert!(pack.resources.iter().any(|r| r.topics.iter().any(|t| t == "discrimination")), "{id}: discrimination help");
        assert!(pack.resources.iter().any(|r| r.topics.iter().any(|t| t == "green")), "{id}: green help");
        assert!(pack.resources.iter().any(|r| r.kind == "funding"), "{id}: funding");
        assert!(
            pack.resources.iter().any(|r| r.languages.iter().any(|l| *l != pack.meta.local_language && l != "en")),
            "{id}: a service in a language other than the local one and English"
        );
    }
}

#[test]
fn free_local_advice_in_the_named_towns() {
    let wanted: &[(&str, &[&str])] =
        &[("no", &["oslo", "bergen", "trondheim", "drammen", "kongsberg"]), ("de", &["berlin", "hamburg", "muenchen", "koeln", "frankfurt-am-main"])];
    let packs = real_packs();
    for (country, towns) in wanted {
        let pack = packs.iter().find(|p| p.meta.id == *country).expect("pack present");
        for town in *towns {
            let region = &pack.meta.towns.iter().find(|t| t.id == *town).expect("town listed").region;
            // Local help: advice, a course, an official service or a network for this town (or
            // its region), not a paid-only service. Where no official page states the cost,
            // `cost` is left out rather than guessed.
            let free_advice = pack.resources.iter().any(|r| {
                (r.towns.iter().any(|t| t == town) || (r.towns.is_empty() && r.regions.contains(region)))
                    && ["free-advice", "official-service", "course", "network"].contains(&r.kind.as_str())
                    && r.cost.as_deref() != Some("paid")
            });
            assert!(free_advice, "{country}: no local start-up help for {town}");
        }
    }
}

#[test]
fn step_ids_are_stable_for_progress() {
    // Progress is keyed on these ids: renaming one loses users' ticks. Add, never rename.
    let packs = real_packs();
    for (country, ids) in [
        ("no", &["business-or-job", "residence-permit", "choose-legal-form", "register-business", "funding"][..]),
        ("de", &["business-or-job", "residence-permit", "legal-form", "gewerbeanmeldung", "funding"][..]),
    ] {
        let pack = packs.iter().find(|p| p.meta.id == country).unwrap();
        for id in ids {
            assert!(pack.step(id).is_some(), "{country}: step `{id}` missing");
        }
    }
}

fn tiny() -> Pack {
    let src = Source { url: "https://example.org".into(), title: "Ex".into(), checked: "2026-11-20".into() };
    Pack {
        language: "en".into(),
        meta: PackMeta {
            id: "no".into(),
            name: "Norway".into(),
            local_name: "Norge".into(),
            local_language: "nb".into(),
            currency: "NOK".into(),
            phases: vec![Phase { id: "explore".into(), title: "Explore".into(), summary: String::new() }],
            regions: vec![],
            towns: vec![],
            legal_forms: vec![],
        },
        steps: vec![Step {
            id: "idea".into(),
            phase: "explore".into(),
            title: "Idea".into(),
            summary: "S".into(),
            body: String::new(),
            join: None,
            optional: false,
            authority: None,
            cost: None,
            time: None,
            deadline: None,
            deadline_days: None,
            documents: vec![],
            pitfalls: vec![],
            terms: vec![],
            resources: vec![],
            applies: Applies::default(),
            tasks: vec![Task { id: "write".into(), title: "Write it".into() }],
            sources: vec![src],
            unreviewed: false,
        }],
        resources: vec![],
        terms: vec![],
    }
}

#[test]
fn a_valid_tiny_pack_passes() {
    assert_eq!(validate(&tiny()), vec![]);
}

fn first_error(pack: &Pack) -> String {
    validate(pack).first().map(|e| e.to_string()).unwrap_or_default()
}

#[test]
fn broken_packs_name_the_file_and_field() {
    let mut p = tiny();
    p.steps.push(p.steps[0].clone());
    assert_eq!(first_error(&p), "steps.toml: step `idea`.id: duplicate id");

    let mut p = tiny();
    p.steps[0].resources = vec!["nowhere".into()];
    assert_eq!(first_error(&p), "steps.toml: step `idea`.resources: unknown resource `nowhere`");

    let mut p = tiny();
    p.steps[0].terms = vec!["nix".into()];
    assert!(first_error(&p).contains("unknown term `nix`"));

    let mut p = tiny();
    p.steps[0].id = "Idea_1".into();
    assert!(first_error(&p).starts_with("steps.toml: step `Idea_1`.id: ids are slugs"));

    let mut p = tiny();
    p.steps[0].sources.clear();
    assert_eq!(first_error(&p), "steps.toml: step `idea`.source: needs at least one official source with a date");

    let mut p = tiny();
    p.steps[0].sources[0].checked = "last week".into();
    assert!(first_error(&p).contains("step `idea`.source[0].checked"));

    let mut p = tiny();
    p.steps[0].sources[0].url = "http://example.org".into();
    assert!(first_error(&p).contains("sources must be https"));

    let mut p = tiny();
    p.steps[0].body = "See [this](javascript:alert).".into();
    assert!(first_error(&p).contains("step `idea`.body: link `javascript:alert`"));

    let mut p = tiny();
    p.steps[0].tasks.clear();
    assert!(first_error(&p).contains("step `idea`.task: a step needs at least one task"));
}

#[test]
fn toml_errors_name_the_file() {
    let dir = std::env::temp_dir().join(format!("ck-broken-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(content_dir().join("no/pack.toml"), dir.join("pack.toml")).unwrap();
    std::fs::write(dir.join("steps.toml"), "[[step]]\nid = \"x\"\ntitel = \"typo\"\n").unwrap();
    std::fs::write(dir.join("resources.toml"), "").unwrap();
    std::fs::write(dir.join("glossary.toml"), "").unwrap();
    let err = source::load(&dir).unwrap_err();
    std::fs::remove_dir_all(&dir).ok();
    assert!(err.contains("steps.toml") && err.contains("titel"), "{err}");
}
