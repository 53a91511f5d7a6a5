//! Benchmarks shared by the native runner (`search_bench`) and the browser one (`bench_web`):
//! the same generated data and the same measurements, timed by the caller's clock.
#![allow(dead_code)]

use career_kit::domain::content::Pack;
use career_kit::domain::search::{Doc, SearchIndex, BODY, ORGANISATION, TITLE, TOPICS};
use career_kit::domain::state::{SavedState, StepProgress, StepStatus};
use career_kit::storage::{Backend, Store, StoreError};

/// A small deterministic generator (xorshift), so runs are comparable.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const LATIN: &[&str] = &[
    "business",
    "registration",
    "advice",
    "funding",
    "mentor",
    "network",
    "accounting",
    "insurance",
    "næringsoppgave",
    "gründung",
    "umsatzsteuer",
    "enkeltpersonforetak",
    "kleinunternehmer",
    "förderung",
    "rådgivning",
    "etablerer",
    "bookkeeping",
    "permit",
    "residence",
    "microcredit",
    "discrimination",
    "green",
    "sustainable",
    "course",
    "language",
    "startup",
    "license",
    "pension",
    "employer",
    "tax",
];
const CYRILLIC: &[&str] = &[
    "консультація",
    "бізнес",
    "реєстрація",
    "податок",
    "підприємець",
    "фінансування",
    "наставник",
    "страхування",
    "бухгалтерія",
    "дозвіл",
    "мова",
    "курс",
    "мережа",
    "допомога",
];
const ARABIC: &[&str] = &["مشاوره", "کسب", "کار", "ثبت", "مالیات", "تمويل", "مرشد", "تأمين", "محاسبة", "إقامة", "شركة", "دورة", "لغة", "شبكة", "مساعدة"];

fn word(rng: &mut Rng) -> &'static str {
    match rng.next() % 3 {
        0 => rng.pick(LATIN),
        1 => rng.pick(CYRILLIC),
        _ => rng.pick(ARABIC),
    }
}

fn text(rng: &mut Rng, n: usize) -> String {
    (0..n).map(|_| format!("{}{}", word(rng), if rng.next() % 4 == 0 { (rng.next() % 90).to_string() } else { String::new() })).collect::<Vec<_>>().join(" ")
}

fn typo(rng: &mut Rng, w: &str) -> String {
    let mut c: Vec<char> = w.chars().collect();
    if c.len() < 5 {
        return w.to_string();
    }
    let i = 1 + (rng.next() as usize) % (c.len() - 2);
    match rng.next() % 3 {
        0 => c.swap(i, i + 1),
        1 => {
            c.remove(i);
        }
        _ => c[i] = 'x',
    }
    c.into_iter().collect()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// Issue 5: p50 and p95 per keystroke at 1,000 and 10,000 generated resources, 100 queries
/// each with 0, 1 and 2 typos, typed one character at a time.
pub fn search(now_ms: &dyn Fn() -> f64, out: &mut dyn FnMut(String)) {
    for n in [1_000usize, 10_000] {
        let mut rng = Rng(0x5eed_0000 + n as u64);
        let docs: Vec<Doc> = (0..n)
            .map(|_| Doc {
                fields: vec![(TITLE, text(&mut rng, 4)), (ORGANISATION, text(&mut rng, 2)), (TOPICS, text(&mut rng, 3)), (BODY, text(&mut rng, 25))],
            })
            .collect();
        let t = now_ms();
        let index = SearchIndex::new(&docs);
        out(format!("{n} resources: index built in {:.1} ms", now_ms() - t));
        for typos in 0..=2 {
            let mut times = vec![];
            let mut results = 0usize;
            for _ in 0..100 {
                let mut words: Vec<String> = (0..2).map(|_| word(&mut rng).to_string()).collect();
                for w in words.iter_mut().take(typos) {
                    *w = typo(&mut rng, w);
                }
                let query = words.join(" ");
                let chars: Vec<char> = query.chars().collect();
                for k in 1..=chars.len() {
                    let typed: String = chars[..k].iter().collect();
                    let t = now_ms();
                    let hits = index.search(&typed);
                    times.push(now_ms() - t);
                    results += hits.len().min(1);
                }
            }
            times.sort_by(f64::total_cmp);
            out(format!(
                "  {typos} typo(s): {} keystrokes, p50 {:.3} ms, p95 {:.3} ms, max {:.3} ms ({} with results)",
                times.len(),
                percentile(&times, 0.5),
                percentile(&times, 0.95),
                times.last().unwrap(),
                results
            ));
        }
    }
}

/// A plan holding every step of `pack`: a status, every task ticked, a 200-character note and
/// a due date on each.
pub fn full_plan(pack: &Pack) -> SavedState {
    let mut s = SavedState::default();
    let p = s.progress.entry(pack.meta.id.clone()).or_default();
    for step in &pack.steps {
        p.insert(
            step.id.clone(),
            StepProgress {
                status: StepStatus::InProgress,
                tasks: step.tasks.iter().map(|t| t.id.clone()).collect(),
                note: "Ring the office on Monday; bring the passport, the lease and the bank letter. ".repeat(3)[..200].to_string(),
                due: Some("2027-01-31".into()),
            },
        );
    }
    s
}

/// Issue 4: one status change applied to a full plan and saved (the state copied as the app's
/// save does, encoded in its envelope and written to the backend), 500 times.
pub fn status_change<B: Backend>(pack: &Pack, backend: B, now_ms: &dyn Fn() -> f64, out: &mut dyn FnMut(String)) {
    let opened = Store::open(Ok::<B, StoreError>(backend), now_ms());
    let store = opened.store;
    let mut state = full_plan(pack);
    let ids: Vec<String> = pack.steps.iter().map(|s| s.id.clone()).collect();
    let statuses = [StepStatus::Done, StepStatus::Waiting, StepStatus::InProgress];
    let mut times = vec![];
    let mut bytes = 0;
    for i in 0..500 {
        let t = now_ms();
        state.progress.get_mut(&pack.meta.id).unwrap().get_mut(&ids[i % ids.len()]).unwrap().status = statuses[i % 3];
        let copy = state.clone();
        store.save(&copy, t).expect("saved");
        times.push(now_ms() - t);
        bytes = career_kit::domain::envelope::encode(&copy, t).len();
    }
    times.sort_by(f64::total_cmp);
    out(format!(
        "status change + save, plan of {} steps ({} bytes saved): p50 {:.3} ms, p95 {:.3} ms, max {:.3} ms over {} changes",
        ids.len(),
        bytes,
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        times.last().unwrap(),
        times.len()
    ));
}
