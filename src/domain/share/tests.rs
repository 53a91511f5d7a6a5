use super::compress::*;
use super::*;

/// A deterministic random source for property tests (xorshift).
pub(crate) struct Rng(pub u64);
impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn id(&mut self) -> String {
        let words = ["register", "vat", "tax", "bank", "idea", "permit", "insurance", "hire", "a", "b2"];
        (0..1 + self.below(3)).map(|_| words[self.below(words.len())]).collect::<Vec<_>>().join("-")
    }
    fn text(&mut self, max: usize) -> String {
        let pieces = ["Ring ", "Skatteetaten ", "før fredag. ", "موعد ", "<script>alert(1)</script> ", "Привіт ", "\"quoted\" ", "\n", "😀", "&amp; "];
        let mut s = String::new();
        while s.chars().count() < max {
            s.push_str(pieces[self.below(pieces.len())]);
        }
        s.chars().take(max).collect()
    }
    fn tri(&mut self) -> Option<bool> {
        [None, Some(false), Some(true)][self.below(3)]
    }
}

pub(crate) fn random_profile(r: &mut Rng) -> Profile {
    Profile {
        country: (r.below(4) > 0).then(|| ["no", "de"][r.below(2)].to_string()),
        town: (r.below(2) > 0).then(|| r.id()),
        residence: [None, Some(Residence::Eu), Some(Residence::PermitAllows), Some(Residence::NotSure), Some(Residence::Other), Some(Residence::Protection)]
            [r.below(6)],
        business: (r.below(2) > 0).then(|| r.text(40)),
        sectors: (0..r.below(4)).map(|_| r.id()).collect(),
        partners: r.tri(),
        hiring: r.tri(),
        legal_form: (r.below(2) > 0).then(|| r.id()),
        high_risk: r.tri(),
        investors: r.tri(),
    }
}

pub(crate) fn random_plan(r: &mut Rng) -> SavedState {
    let mut s = SavedState { profile: random_profile(r), ..Default::default() };
    for country in ["no", "de"].iter().take(1 + r.below(2)) {
        let steps = s.progress.entry(country.to_string()).or_default();
        for _ in 0..r.below(25) {
            let p = StepProgress {
                status: status_from(r.below(5) as u8).unwrap(),
                due: (r.below(3) == 0).then(|| format!("2027-0{}-1{}", 1 + r.below(9), r.below(10))),
                tasks: (0..r.below(4)).map(|_| r.id()).collect(),
                note: if r.below(3) == 0 {
                    let n = r.below(250);
                    r.text(n)
                } else {
                    String::new()
                },
                ..Default::default()
            };
            steps.insert(r.id(), p);
        }
    }
    s
}

/// What a plan link keeps of a state: answers and progress (not blank steps).
fn shared_part(s: &SavedState) -> Shared {
    let mut progress = s.progress.clone();
    for steps in progress.values_mut() {
        steps.retain(|_, p| *p != StepProgress::default());
    }
    Shared::Plan { profile: s.profile.clone(), progress }
}

/// A typical plan: every step of the largest pack with a status, five notes of 200
/// characters, some ticks and due dates.
pub(crate) fn typical_plan() -> SavedState {
    // Germany's guide, one of the longest: the link-size figures in the README are measured on it.
    let pack = crate::domain::content::tests::real_packs().into_iter().find(|p| p.meta.id == "de").unwrap();
    let mut s = SavedState::default();
    s.profile.country = Some(pack.meta.id.clone());
    s.profile.residence = Some(Residence::PermitAllows);
    s.profile.legal_form = Some("enk".into());
    // A founder in one sector: the steps of other sectors are not in their plan.
    s.profile.sectors.insert("food".into());
    // Five different notes, as people write them (not one note five times, which would
    // compress far better than real notes do).
    let text = "Ring the tax office on Monday at 9. Bring the passport, the residence card and the rental \
        contract. Ask about VAT registration and whether I need an accountant for the first year. Bank said \
        they need the organisation number first, then a meeting with ID. Mentor Amina from the start-up \
        centre: send her the budget before Thursday; she knows a cheap bookkeeper in Bergen. Insurance: \
        compare three offers, ask about tools in the van and liability for work in customers' homes. \
        Kommunen wants the floor plan of the kitchen and a hygiene course certificate before opening day.";
    let notes: Vec<String> = (0..5).map(|i| text.chars().skip(i * 95).take(200).collect()).collect();
    let profile = s.profile.clone();
    for (i, step) in pack.steps.iter().filter(|st| crate::domain::plan::applies_to(st, &profile)).enumerate() {
        let p = s.progress.entry(pack.meta.id.clone()).or_default().entry(step.id.clone()).or_default();
        p.status = status_from((i % 4) as u8 + 1).unwrap();
        p.tasks = step.tasks.iter().take(2).map(|t| t.id.clone()).collect();
        if i % 3 == 0 {
            p.due = Some(format!("2027-01-{:02}", 10 + i));
        }
        if i < 5 {
            p.note = notes[i].clone();
        }
    }
    s
}

#[test]
fn random_plans_survive_a_round_trip() {
    let mut r = Rng(0x5eed_cafe);
    for _ in 0..2_000 {
        let plan = random_plan(&mut r);
        let code = encode_plan(&plan);
        assert!(code.bytes().all(|b| ALPHABET.contains(&b)), "URL-safe: {code}");
        assert_eq!(decode(&code), Ok(shared_part(&plan)));
        let profile = random_profile(&mut r);
        assert_eq!(decode(&encode_preset(&profile, Some("ar"))), Ok(Shared::Preset { profile, language: Some("ar".into()) }));
    }
}

#[test]
fn our_deflate_is_standard_deflate() {
    let mut r = Rng(99);
    let samples: Vec<Vec<u8>> = vec![
        vec![],
        b"a".to_vec(),
        b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".repeat(10),
        (0..70_000).map(|_| r.below(256) as u8).collect(),
        (0..5_000).map(|_| b"register-vat tax "[r.below(17)]).collect(),
        r.text(3000).into_bytes(),
    ];
    for data in samples {
        let packed = deflate(&data);
        assert_eq!(miniz_oxide::inflate::decompress_to_vec(&packed).unwrap(), data);
    }
    let body = typical_plan();
    let ours = deflate(&encode_plan(&body).into_bytes()).len();
    let best = miniz_oxide::deflate::compress_to_vec(&encode_plan(&body).into_bytes(), 10).len();
    println!("fixed-code deflate {ours} bytes, best deflate {best} bytes");
}

#[test]
fn a_plan_too_long_to_open_is_known_before_the_link_is_made() {
    let mut plan = typical_plan();
    plan.set_note("de", "business-or-job", &"Notes that go on and on. ".repeat(20_000 / 25));
    // Text that does not compress: every character different from its neighbours.
    let mut r = Rng(7);
    let noise: String = (0..12_000).map(|_| ALPHABET[r.below(64)] as char).collect();
    plan.set_note("de", "residence-permit", &noise);
    let link = format!("https://example.org/open#{}", encode_plan(&plan));
    assert!(!link_opens(&link), "{} characters", link.len());
    assert!(matches!(decode(link.split_once('#').unwrap().1), Err(ShareError::TooLarge)), "and indeed it would not open");
    assert!(link_opens(&format!("https://example.org/open#{}", encode_plan(&typical_plan()))));
}

#[test]
fn a_plan_link_carries_only_what_the_sender_chose() {
    let mut s = typical_plan();
    s.profile.business = Some("Bakery".into());
    s.set_note("no", "residence-permit", "Asylum case number 123");
    let choice = |notes, residence, answers| LinkChoice { country: "de".into(), notes, residence, answers };
    let bare = plan_to_share(&s, &choice(false, false, false));
    assert_eq!(bare.progress.keys().collect::<Vec<_>>(), vec!["de"], "one country's plan, not every country's");
    assert!(bare.progress["de"].values().all(|p| p.note.is_empty()), "no notes unless chosen");
    assert_eq!((bare.profile.residence, bare.profile.business.clone(), bare.profile.town.clone()), (None, None, None));
    assert_eq!(bare.profile.country.as_deref(), Some("de"));
    let link = encode_plan(&bare);
    assert!(!decode(&link).is_err());
    let Ok(Shared::Plan { profile, progress }) = decode(&link) else { panic!() };
    assert_eq!((profile, progress), (bare.profile.clone(), bare.progress.clone()), "the recipient gets exactly that");
    let all = plan_to_share(&s, &choice(true, true, true));
    assert!(all.progress["de"].values().any(|p| !p.note.is_empty()));
    assert_eq!(all.profile.residence, s.profile.residence);
    assert_eq!(all.profile.business.as_deref(), Some("Bakery"));
    assert!(!all.progress.contains_key("no"), "the Norway note stays home");
    assert!(!encode_plan(&all).is_empty());
}

#[test]
fn a_typical_plan_fits_a_comfortable_link() {
    let plan = typical_plan();
    let code = encode_plan(&plan);
    let steps = plan.progress.values().map(|s| s.len()).sum::<usize>();
    println!("typical plan ({steps} steps, 5 notes of 200 characters): {} characters", code.len());
    assert!(code.len() <= COMFORTABLE_LINK_CHARS, "{} characters", code.len());
}

#[test]
fn every_prefix_and_every_one_character_change_of_a_link_fails_cleanly() {
    let code = encode_plan(&typical_plan());
    for end in 0..code.len() {
        assert!(decode(&code[..end]).is_err(), "prefix of {end} characters decoded");
    }
    let mut r = Rng(7);
    for i in 0..code.len() {
        let mut bytes = code.clone().into_bytes();
        let mut c = ALPHABET[r.below(64)];
        if c == bytes[i] {
            c = if c == b'A' { b'B' } else { b'A' };
        }
        bytes[i] = c;
        let changed = String::from_utf8(bytes).unwrap();
        assert!(decode(&changed).is_err(), "a change at {i} went unnoticed");
    }
}

#[test]
fn hostile_links_get_an_error_and_never_a_panic() {
    assert_eq!(decode(""), Err(ShareError::Empty));
    assert_eq!(decode("   \n"), Err(ShareError::Empty));
    assert_eq!(decode(&"A".repeat(MAX_LINK_CHARS + 4)), Err(ShareError::TooLarge));
    assert_eq!(decode("not base64 at all!"), Err(ShareError::Damaged));
    // A future version is named as such (with a valid checksum).
    let mut future = vec![LINK_VERSION + 1, KIND_PLAN, 0x03, 0x00];
    future.extend(crc32(&future).to_be_bytes());
    assert_eq!(decode(&base64url(&future)), Err(ShareError::Newer(LINK_VERSION as u32 + 1)));
    // A decompression bomb: a megabyte of zeros stops at the cap.
    let bomb = miniz_oxide::deflate::compress_to_vec(&vec![0u8; 1024 * 1024], 10);
    let mut bytes = vec![LINK_VERSION, KIND_PLAN];
    bytes.extend(bomb);
    bytes.extend(crc32(&bytes).to_be_bytes());
    let code = base64url(&bytes);
    assert!(code.len() < MAX_LINK_CHARS, "the bomb is small: {}", code.len());
    assert_eq!(decode(&code), Err(ShareError::Damaged));
    // Counts larger than the data, and markup where an id belongs.
    for body in [vec![0u8, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f], {
        let mut w = Writer::default();
        w.profile(&Profile::default());
        w.len(1);
        w.str("<script>");
        w.len(0);
        w.0
    }] {
        let mut bytes = vec![LINK_VERSION, KIND_PLAN];
        bytes.extend(miniz_oxide::deflate::compress_to_vec(&body, 9));
        bytes.extend(crc32(&bytes).to_be_bytes());
        assert_eq!(decode(&base64url(&bytes)), Err(ShareError::Damaged));
    }
    // Notes are text: markup in them comes back as the same text, for the view to escape.
    let mut s = SavedState::default();
    s.progress.entry("no".into()).or_default().entry("idea".into()).or_default().note = "<img src=x onerror=alert(1)>".into();
    assert_eq!(decode(&encode_plan(&s)), Ok(shared_part(&s)));
}

#[test]
fn only_this_apps_addresses_are_opened() {
    let page = "https://example.org/career-kit/open";
    assert_eq!(code_in_address("https://example.org/career-kit/open#AbC", page), Ok("AbC"));
    assert_eq!(code_in_address("  https://example.org/career-kit/open?lang=ar#AbC \n", page), Ok("AbC"));
    assert_eq!(code_in_address("AbC-_", page), Ok("AbC-_"));
    for bad in [
        "javascript:alert(1)//#AbC",
        " \u{1}javascript:alert(1)#AbC",
        "\tJaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>#AbC",
        "vbscript:msgbox(1)#x",
        "https://evil.example/career-kit/open#AbC",
        "https://example.org/career-kit/other#AbC",
        "java\u{0}script:alert(1)#AbC",
        "https://example.org/career-kit/open\u{7}#AbC",
    ] {
        assert_eq!(code_in_address(bad, page), Err(ShareError::NotOurs), "{bad:?}");
    }
    assert_eq!(code_in_address(" \u{0} ", page), Err(ShareError::Empty));
}

/// Writes the golden links of this version (run once when a version is released:
/// `cargo test --lib write_golden_links -- --ignored`).
#[test]
#[ignore = "writes fixtures"]
fn write_golden_links() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    std::fs::write(dir.join(format!("plan-link-v{LINK_VERSION}.txt")), encode_plan(&typical_plan()) + "\n").unwrap();
    let profile = Profile { country: Some("no".into()), town: Some("bergen".into()), residence: Some(Residence::NotSure), ..Default::default() };
    std::fs::write(dir.join(format!("preset-link-v{LINK_VERSION}.txt")), encode_preset(&profile, Some("ar")) + "\n").unwrap();
    write_golden_course_link();
}

#[test]
#[ignore = "writes fixtures"]
fn write_golden_course_link() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let course = crate::domain::course::tests::sample_course();
    std::fs::write(dir.join(format!("course-link-v{LINK_VERSION}.txt")), encode_course(&course) + "\n").unwrap();
}

#[test]
fn golden_links_of_every_released_version_still_decode() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let v1 = std::fs::read_to_string(dir.join("plan-link-v1.txt")).expect("tests/fixtures/plan-link-v1.txt");
    match decode(v1.trim()) {
        Ok(Shared::Plan { profile, progress }) => {
            assert_eq!(profile.country.as_deref(), Some("de"));
            assert_eq!(progress["de"].len(), 22);
        }
        other => panic!("{other:?}"),
    }
    let preset = std::fs::read_to_string(dir.join("preset-link-v1.txt")).expect("tests/fixtures/preset-link-v1.txt");
    assert!(matches!(decode(preset.trim()), Ok(Shared::Preset { language: Some(l), .. }) if l == "ar"));
    let sample = crate::domain::course::tests::sample_course();
    for v in OLDEST_LINK_VERSION..=LINK_VERSION {
        let link = std::fs::read_to_string(dir.join(format!("course-link-v{v}.txt"))).unwrap_or_else(|e| panic!("course-link-v{v}.txt: {e}"));
        match decode(link.trim()) {
            Ok(Shared::Course(c)) => {
                assert_eq!((c.id.as_str(), c.sessions.len(), c.resources.len()), (sample.id.as_str(), 2, sample.resources.len()), "v{v}");
                assert_eq!(c.resources[0].url, sample.resources[0].url);
                // Version 2 carries the street address.
                assert_eq!(c.resources[0].address, if v >= 2 { sample.resources[0].address.clone() } else { String::new() }, "v{v}");
            }
            other => panic!("course-link-v{v}: {other:?}"),
        }
    }
    for v in 2..=LINK_VERSION {
        for kind in ["plan", "preset"] {
            let link = std::fs::read_to_string(dir.join(format!("{kind}-link-v{v}.txt"))).unwrap_or_else(|e| panic!("{kind}-link-v{v}.txt: {e}"));
            assert!(decode(link.trim()).is_ok(), "{kind}-link-v{v}");
        }
    }
}

/// A property campaign over the decoders: random bytes, random text, and random damage to
/// valid links and files. `cargo test --lib fuzz -- --ignored --nocapture` runs 200,000
/// cases; the normal run does a quick 5,000.
fn campaign(cases: usize) -> (usize, usize) {
    let mut r = Rng(0xdead_beef_1234);
    let valid: Vec<String> = (0..20).map(|_| encode_plan(&random_plan(&mut r))).collect();
    let mut valid = valid;
    valid.push(encode_course(&crate::domain::course::tests::sample_course()));
    let backup = export_backup(&typical_plan(), 1.0);
    let course_file = export_course(&crate::domain::course::tests::sample_course());
    let (mut ran, mut accepted) = (0, 0);
    for i in 0..cases {
        let input: String = match i % 4 {
            0 => (0..r.below(200)).map(|_| ALPHABET[r.below(64)] as char).collect(),
            1 => {
                let mut b = valid[r.below(valid.len())].clone().into_bytes();
                for _ in 0..1 + r.below(3) {
                    let at = r.below(b.len());
                    b[at] = ALPHABET[r.below(64)];
                }
                let cut = r.below(b.len() + 1);
                String::from_utf8(b[..cut].to_vec()).unwrap()
            }
            2 => (0..r.below(64)).map(|_| char::from_u32(r.below(0x3000) as u32).unwrap_or('x')).collect(),
            _ => {
                let mut b = if i % 8 == 3 { backup.clone() } else { course_file.clone() }.into_bytes();
                let at = r.below(b.len());
                b[at] = b"{}[]\",:0a"[r.below(9)];
                String::from_utf8_lossy(&b).into_owned()
            }
        };
        // Whatever a decoder accepts must be what this app could have written: it
        // encodes again to something that decodes to the same, and passes the checks.
        if let Ok(shared) = decode(&input) {
            accepted += 1; // links only: a changed backup can still be a valid backup
            let again = match &shared {
                Shared::Plan { profile, progress } => {
                    let mut state = SavedState { profile: profile.clone(), ..Default::default() };
                    state.progress = progress.clone();
                    decode(&encode_plan(&state))
                }
                Shared::Preset { profile, language } => decode(&encode_preset(profile, language.as_deref())),
                Shared::Course(c) => {
                    assert_eq!(c.check(), Ok(()), "an accepted course passes the course checks: {input:?}");
                    decode(&encode_course(c))
                }
            };
            assert_eq!(again.as_ref(), Ok(&shared), "an accepted link round-trips: {input:?}");
        }
        let _ = code_in_address(&input, "https://example.org/open");
        // The saved-value decoder (what storage reads at start-up): never a panic, and what it
        // reads (whole or repaired) is written back to something it reads the same.
        if let envelope::Decoded::Loaded { state, .. } | envelope::Decoded::Repaired { state, .. } = envelope::decode(Some(&input)) {
            let again = envelope::encode(&state, 1.0);
            assert!(
                matches!(envelope::decode(Some(&again)), envelope::Decoded::Loaded { state: ref s, .. } if *s == state),
                "a saved value read back changes: {input:?}"
            );
        }
        if let Ok(state) = import_backup(&input) {
            assert_eq!(import_backup(&export_backup(&state, 1.0)), Ok(state), "an accepted backup round-trips");
        }
        if let Ok(c) = import_course(&input) {
            assert_eq!(c.check(), Ok(()), "an accepted course file passes the course checks");
        }
        ran += 1;
    }
    (ran, accepted)
}

#[test]
fn decoders_survive_a_quick_campaign() {
    let (ran, accepted) = campaign(5_000);
    assert_eq!(ran, 5_000);
    // Random and damaged links are refused (the checksum): what gets through is the rare
    // damage that changed nothing, never more than one in a hundred.
    assert!(accepted < ran / 100, "{accepted} of {ran} hostile links were accepted");
}

#[test]
#[ignore = "long: run with --ignored (make fuzz)"]
fn fuzz_decoders_200k() {
    let (n, accepted) = campaign(200_000);
    println!("property campaign: {n} cases over the link, address, backup, course-file and saved-value decoders, no panic; {accepted} links accepted, each round-tripped and checked");
    assert!(accepted < n / 100);
}

#[test]
fn backups_round_trip_and_hostile_files_change_nothing() {
    let plan = typical_plan();
    let file = export_backup(&plan, 1_700_000_000_000.0);
    assert!(file.starts_with(&format!("{{\"app\":\"career-kit\",\"format\":{FORMAT_VERSION},")), "{}", &file[..60]);
    assert_eq!(import_backup(&file), Ok(plan.clone()));
    assert_eq!(import_backup("{}"), Err(ShareError::NotBackup));
    // A list where the plan belongs is not an empty plan.
    assert_eq!(import_backup(r#"{"app":"career-kit","format":1,"saved_at":1,"data":[]}"#), Err(ShareError::Damaged));
    // A course in a backup passes the course checks, under its own id.
    let mut with_course = plan.clone();
    let mut course = crate::domain::course::tests::sample_course();
    course.name = "x".repeat(10_000);
    with_course.courses.insert(course.id.clone(), crate::domain::course::SavedCourse { course: course.clone(), mine: true });
    assert_eq!(import_backup(&export_backup(&with_course, 1.0)), Err(ShareError::Damaged), "a 10,000-character name");
    course.name = "Fine".into();
    let mut misfiled = plan.clone();
    misfiled.courses.insert("other-key".into(), crate::domain::course::SavedCourse { course: course.clone(), mine: true });
    assert_eq!(import_backup(&export_backup(&misfiled, 1.0)), Err(ShareError::Damaged), "a key that is not its id");
    let mut good = plan.clone();
    good.courses.insert(course.id.clone(), crate::domain::course::SavedCourse { course, mine: true });
    assert_eq!(import_backup(&export_backup(&good, 1.0)), Ok(good.clone()));
    assert_eq!(import_backup("not json"), Err(ShareError::NotBackup));
    assert_eq!(import_backup(&file.replace("\"format\":1", "\"format\":99")), Err(ShareError::Newer(99)));
    assert_eq!(import_backup(&" ".repeat(MAX_BACKUP_BYTES + 1)), Err(ShareError::TooLarge));
    // The first screen's "Save my plan as a file" saves browser storage's value as it is.
    let stored = crate::domain::envelope::encode_seen(&plan, 5.0, 4.0);
    assert_eq!(import_backup(&format!("{{\"app\":\"career-kit\",{}", &stored[1..])), Ok(plan.clone()));
    let extra = file.replacen("\"data\":{", "\"data\":{\"surprise\":1,", 1);
    assert_eq!(import_backup(&extra), Err(ShareError::UnknownFields(vec!["data.surprise".into()])));
    let deep = format!("{{\"app\":\"career-kit\",\"format\":1,\"data\":{}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(import_backup(&deep).is_err(), "deep nesting is refused, not a stack overflow");
    // What an import would change.
    let mut other = plan.clone();
    other.profile.country = Some("no".into());
    let first = other.progress.values_mut().next().unwrap();
    let id = first.keys().next().unwrap().clone();
    first.get_mut(&id).unwrap().note = "changed".into();
    let gone = first.keys().nth(1).unwrap().clone();
    let gone_had_a_note = !first[&gone].note.is_empty();
    first.remove(&gone);
    let c = changes(&plan, &other);
    assert_eq!((c.answers, c.steps, c.notes, c.lost), (1, 2, 1 + gone_had_a_note as usize, 1));
    assert!(changes(&plan, &plan).none());
    let mut with_course = plan.clone();
    let course = crate::domain::course::tests::sample_course();
    with_course.courses.insert(course.id.clone(), crate::domain::course::SavedCourse { course, mine: true });
    assert_eq!(changes(&plan, &with_course).courses, 1);
    assert_eq!(import_backup(&export_backup(&with_course, 1.0)), Ok(with_course.clone()), "courses are in the backup");
}

#[test]
fn course_links_and_files_round_trip_and_refuse_hostile_input() {
    use crate::domain::course::tests::sample_course;
    let course = sample_course();
    let link = encode_course(&course);
    assert_eq!(decode(&link), Ok(Shared::Course(course.clone())));
    assert!(link.len() < 600, "a small course fits a QR code: {} characters", link.len());
    for cut in 0..link.len() {
        assert!(decode(&link[..cut]).is_err(), "prefix of {cut} characters");
    }
    // A course with a dangerous address inside a well-formed link is refused.
    let mut bad = course.clone();
    bad.resources[0].url = "javascript:alert(1)".into();
    assert_eq!(decode(&encode_course(&bad)), Err(ShareError::Damaged));

    let file = export_course(&course);
    assert_eq!(import_course(&file), Ok(course.clone()));
    assert_eq!(import_course(&export_backup(&typical_plan(), 1.0)), Err(ShareError::NotCourseFile), "a backup is not a course");
    // A key given twice is refused, not read as one of the two.
    let twice = file.replacen("\"name\": ", "\"name\": \"Pay the course fee here\", \"name\": ", 1);
    assert_ne!(twice, file);
    assert_eq!(import_course(&twice), Err(ShareError::Damaged));
    assert!(import_backup(&file).is_err(), "a course is not a backup");
    assert_eq!(import_course(&file.replace("\"format\": 1", "\"format\": 7")), Err(ShareError::Newer(7)));
    let extra = file.replacen("\"note\": \"Bring", "\"colour\": \"red\", \"note\": \"Bring", 1);
    assert_eq!(import_course(&extra), Err(ShareError::UnknownFields(vec!["course.sessions[0].steps[0].colour".into()])));
    let evil = file.replace("https://example.org/room", "data:text/html,<script>alert(1)</script>");
    assert_eq!(import_course(&evil), Err(ShareError::Damaged));
    assert_eq!(import_course(&" ".repeat(MAX_BACKUP_BYTES + 1)), Err(ShareError::TooLarge));
    let deep = format!("{{\"app\":\"career-kit\",\"kind\":\"course\",\"format\":1,\"course\":{}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(import_course(&deep).is_err());
}
