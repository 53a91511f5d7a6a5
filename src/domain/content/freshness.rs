//! The freshness report (`make content-report`): what in a pack may no longer be true. It
//! prints; it never fails the build. Per pack: every source whose checked date is more than 12
//! months before today, every source whose title names a year before last year, every text
//! that names a year before last year (a deadline or a grant round that may be over), and every
//! fact without a source.

use super::{Pack, Source};

/// Today's date as `YYYY-MM-DD` (UTC), from the system clock.
pub fn today() -> String {
    let days = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() / 86_400) as i64;
    civil(days)
}

/// The date `days` after 1970-01-01, as `YYYY-MM-DD`.
pub fn civil(days: i64) -> String {
    let (y, m, d) = crate::domain::calendar::civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The years (1990 to 2099) a text names, as whole numbers standing alone.
pub fn years(text: &str) -> Vec<u32> {
    let bytes = text.as_bytes();
    let mut out = vec![];
    for i in 0..bytes.len().saturating_sub(3) {
        let alone_before = i == 0 || !bytes[i - 1].is_ascii_alphanumeric() && bytes[i - 1] != b'.' && bytes[i - 1] != b'/';
        let alone_after = bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit());
        // The first year of a range ("2021-2027", "2021–2027") is not a date that has passed:
        // the range's last year speaks for it.
        let rest = &text.as_bytes()[(i + 4).min(bytes.len())..];
        let starts_range = [&b"-"[..], "–".as_bytes()]
            .iter()
            .any(|dash| rest.starts_with(dash) && rest[dash.len()..].iter().take(4).filter(|b| b.is_ascii_digit()).count() == 4);
        if starts_range {
            continue;
        }
        if alone_before && alone_after && bytes[i..i + 4].iter().all(u8::is_ascii_digit) {
            let y: u32 = text[i..i + 4].parse().unwrap_or(0);
            if (1990..2100).contains(&y) {
                out.push(y);
            }
        }
    }
    out.dedup();
    out
}

/// The report's lines for one pack, as of `today` (`YYYY-MM-DD`).
pub fn report(pack: &Pack, today: &str) -> Vec<String> {
    let year: u32 = today[..4].parse().unwrap_or(0);
    let cutoff = format!("{}{}", year - 1, &today[4..]);
    let mut out = vec![];
    let mut sources = |at: &str, list: &[Source], texts: &[&str]| {
        for s in list {
            if s.checked.as_str() < cutoff.as_str() {
                out.push(format!("old check   {at}: {} checked {} ({})", s.title, s.checked, s.url));
            }
            if let Some(y) = years(&s.title).into_iter().find(|y| *y + 1 < year) {
                out.push(format!("old page    {at}: {} names {y} ({})", s.title, s.url));
            }
        }
        for text in texts {
            let old: Vec<u32> = years(text).into_iter().filter(|y| *y + 1 < year).collect();
            if !old.is_empty() {
                out.push(format!("old year    {at}: the text names {old:?}"));
            }
        }
        if list.is_empty() {
            out.push(format!("no source   {at}"));
        }
    };
    for f in &pack.meta.legal_forms {
        sources(&format!("legal_form {}", f.id), &f.sources, &[&f.summary, &f.registration, &f.taxation, &f.social_security]);
    }
    for s in &pack.steps {
        let mut texts: Vec<&str> = vec![&s.body, &s.summary];
        texts.extend(s.cost.as_deref());
        texts.extend(s.deadline.as_deref());
        sources(&format!("step {}", s.id), &s.sources, &texts);
    }
    for r in &pack.resources {
        sources(&format!("resource {}", r.id), &r.sources, &[&r.description]);
    }
    for t in &pack.terms {
        sources(&format!("term {}", t.id), &t.sources, &[&t.explanation]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_years() {
        assert_eq!(civil(0), "1970-01-01");
        assert_eq!(civil(20_790), "2026-12-03");
        assert_eq!(years("From 2025, not 12025 or 1.2023 or v2024; in 2019/20"), vec![2025, 2019]);
        assert_eq!(years("Programme 2021-2027 and 2014–2020"), vec![2027, 2020]);
    }

    #[test]
    fn an_old_check_an_old_year_and_a_missing_source_are_listed() {
        let mut pack = crate::domain::content::tests::real_packs().into_iter().find(|p| p.meta.id == "no" && p.language == "en").unwrap();
        pack.steps[0].sources[0].checked = "2024-01-01".into();
        pack.steps[0].body.push_str(" The grant round closed in 2023.");
        pack.terms[0].sources.clear();
        let lines = report(&pack, "2026-12-03");
        let step = &pack.steps[0].id;
        assert!(lines.iter().any(|l| l.starts_with(&format!("old check   step {step}"))), "{lines:#?}");
        assert!(lines.iter().any(|l| l.starts_with(&format!("old year    step {step}")) && l.contains("2023")));
        assert!(lines.iter().any(|l| l == &format!("no source   term {}", pack.terms[0].id)));
    }
}
