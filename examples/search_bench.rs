//! Search benchmark (native): `make bench`, or `cargo run --release --example search_bench`.
//!
//! Builds indexes of 1,000 and 10,000 generated resources whose words mix Latin, Cyrillic and
//! Arabic script, runs 100 queries each with 0, 1 and 2 typos, and times every keystroke (each
//! prefix of the query, as typed). Prints p50 and p95 per keystroke, and the index build time.

use std::time::Instant;

use career_kit::domain::search::{Doc, SearchIndex, BODY, ORGANISATION, TITLE, TOPICS};

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
    "business", "registration", "advice", "funding", "mentor", "network", "accounting", "insurance",
    "næringsoppgave", "gründung", "umsatzsteuer", "enkeltpersonforetak", "kleinunternehmer", "förderung",
    "rådgivning", "etablerer", "bookkeeping", "permit", "residence", "microcredit", "discrimination",
    "green", "sustainable", "course", "language", "startup", "license", "pension", "employer", "tax",
];
const CYRILLIC: &[&str] = &[
    "консультація", "бізнес", "реєстрація", "податок", "підприємець", "фінансування", "наставник",
    "страхування", "бухгалтерія", "дозвіл", "мова", "курс", "мережа", "допомога",
];
const ARABIC: &[&str] = &[
    "مشاوره", "کسب", "کار", "ثبت", "مالیات", "تمويل", "مرشد", "تأمين", "محاسبة", "إقامة", "شركة",
    "دورة", "لغة", "شبكة", "مساعدة",
];

fn word(rng: &mut Rng) -> &'static str {
    match rng.next() % 3 {
        0 => rng.pick(LATIN),
        1 => rng.pick(CYRILLIC),
        _ => rng.pick(ARABIC),
    }
}

fn text(rng: &mut Rng, n: usize) -> String {
    (0..n).map(|_| format!("{}{}", word(rng), if rng.next() % 4 == 0 { (rng.next() % 90).to_string() } else { String::new() }))
        .collect::<Vec<_>>()
        .join(" ")
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

fn main() {
    for n in [1_000usize, 10_000] {
        let mut rng = Rng(0x5eed_0000 + n as u64);
        let docs: Vec<Doc> = (0..n)
            .map(|_| Doc {
                fields: vec![
                    (TITLE, text(&mut rng, 4)),
                    (ORGANISATION, text(&mut rng, 2)),
                    (TOPICS, text(&mut rng, 3)),
                    (BODY, text(&mut rng, 25)),
                ],
            })
            .collect();
        let t = Instant::now();
        let index = SearchIndex::new(&docs);
        let build_ms = t.elapsed().as_secs_f64() * 1e3;
        println!("{n} resources: index built in {build_ms:.1} ms");
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
                    let t = Instant::now();
                    let hits = index.search(&typed);
                    times.push(t.elapsed().as_secs_f64() * 1e3);
                    results += hits.len().min(1);
                }
            }
            times.sort_by(f64::total_cmp);
            println!(
                "  {typos} typo(s): {} keystrokes, p50 {:.3} ms, p95 {:.3} ms, max {:.3} ms ({} with results)",
                times.len(),
                percentile(&times, 0.5),
                percentile(&times, 0.95),
                times.last().unwrap(),
                results
            );
        }
    }
}
