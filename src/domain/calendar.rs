//! Due dates as an iCalendar file (RFC 5545) that common calendar apps import: one all-day
//! event per step with a due date, with a reminder the day before.

/// A step's due date, ready for the calendar.
#[derive(Clone, Debug, PartialEq)]
pub struct Due {
    /// Unique and stable for the step, so importing the file again updates the events.
    pub uid: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub title: String,
    pub description: String,
    /// The step's address in the app.
    pub url: String,
}

/// The due dates set on a pack's steps, in checklist order. `link` gives a step's address.
pub fn due_dates(pack: &super::content::Pack, progress: Option<&super::plan::Progress>, link: impl Fn(&str) -> String) -> Vec<Due> {
    super::plan::ordered(pack)
        .into_iter()
        .filter_map(|step| {
            let date = progress?.get(&step.id)?.due.clone()?;
            Some(Due {
                uid: format!("{}-{}@career-kit", pack.meta.id, step.id),
                date,
                title: step.title.clone(),
                description: step.summary.clone(),
                url: link(&step.id),
            })
        })
        .collect()
}

/// The `.ics` text for these due dates. `now_ms` (ms since the Unix epoch) is the stamp
/// RFC 5545 asks of every event. Dates that are not `YYYY-MM-DD` are left out.
pub fn ics(name: &str, items: &[Due], now_ms: f64) -> String {
    let mut out = String::new();
    let mut line = |s: &str| fold(&mut out, s);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Career Kit//Start-up checklist//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!("X-WR-CALNAME:{}", escape(name)));
    let stamp = utc_stamp(now_ms);
    for d in items {
        let Some(days) = parse_date(&d.date) else { continue };
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", escape(&d.uid)));
        line(&format!("DTSTAMP:{stamp}"));
        line(&format!("DTSTART;VALUE=DATE:{}", compact(days)));
        line(&format!("DTEND;VALUE=DATE:{}", compact(days + 1)));
        line(&format!("SUMMARY:{}", escape(&d.title)));
        let description = if d.description.is_empty() { d.url.clone() } else { format!("{}\n\n{}", d.description, d.url) };
        line(&format!("DESCRIPTION:{}", escape(&description)));
        if !d.url.is_empty() {
            line(&format!("URL:{}", d.url));
        }
        line("TRANSP:TRANSPARENT");
        line("BEGIN:VALARM");
        line("ACTION:DISPLAY");
        line("TRIGGER:-P1D");
        line(&format!("DESCRIPTION:{}", escape(&d.title)));
        line("END:VALARM");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes a content line folded at 75 octets (never inside a UTF-8 character), ending CRLF.
fn fold(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

/// Days since 1970-01-01 for a `YYYY-MM-DD` date.
fn parse_date(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (s[0..4].parse::<i64>().ok()?, s[5..7].parse::<u32>().ok()?, s[8..10].parse::<u32>().ok()?);
    let days = days_from_civil(y, m, d);
    // Reject dates such as 2026-02-31: they must come back unchanged.
    (m >= 1 && m <= 12 && d >= 1 && civil_from_days(days) == (y, m, d)).then_some(days)
}

/// `YYYYMMDD` for days since the epoch.
fn compact(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}{m:02}{d:02}")
}

/// `YYYYMMDDTHHMMSSZ` for ms since the epoch.
fn utc_stamp(ms: f64) -> String {
    let secs = (ms / 1000.0).floor() as i64;
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    format!("{}T{:02}{:02}{:02}Z", compact(days), rest / 3600, rest / 60 % 60, rest % 60)
}

// Howard Hinnant's civil-date algorithms (public domain).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date (year, month, day) `z` days after 1970-01-01 (Howard Hinnant's civil-from-days).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + (m <= 2) as i64, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Due> {
        vec![
            Due {
                uid: "no-register-business@career-kit".into(),
                date: "2026-12-31".into(),
                title: "Register the business; then VAT, if needed".into(),
                description: "Samordnet registermelding\nin Altinn".into(),
                url: "https://example.org/career-kit/checklist/no/register-business".into(),
            },
            Due {
                uid: "no-bank@career-kit".into(),
                date: "2027-02-28".into(),
                title: "فتح حساب مصرفي للأعمال التجارية مع بنك نرويجي قبل تسجيل ضريبة القيمة المضافة".into(),
                description: String::new(),
                url: "https://example.org/career-kit/checklist/no/bank".into(),
            },
            Due { uid: "bad".into(), date: "2026-02-31".into(), title: "x".into(), description: String::new(), url: String::new() },
        ]
    }

    #[test]
    fn due_dates_come_in_checklist_order() {
        use crate::domain::state::StepProgress;
        let pack = crate::domain::content::tests::sample_pack();
        let order = crate::domain::plan::ordered(&pack);
        let (a, b) = (order[3].id.clone(), order[1].id.clone());
        let mut progress = crate::domain::plan::Progress::new();
        progress.insert(a.clone(), StepProgress { due: Some("2026-12-01".into()), ..Default::default() });
        progress.insert(b.clone(), StepProgress { due: Some("2027-01-15".into()), ..Default::default() });
        progress.insert(order[2].id.clone(), StepProgress { note: "no date".into(), ..Default::default() });
        let due = due_dates(&pack, Some(&progress), |id| format!("https://example.org/checklist/no/{id}"));
        assert_eq!(due.iter().map(|d| d.uid.as_str()).collect::<Vec<_>>(), vec![format!("no-{b}@career-kit"), format!("no-{a}@career-kit")]);
        assert_eq!(due[0].url, format!("https://example.org/checklist/no/{b}"));
        assert!(due_dates(&pack, None, |_| String::new()).is_empty());
    }

    #[test]
    fn dates_convert_both_ways() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(days_from_civil(2028, 2, 29)), (2028, 2, 29));
        assert_eq!(compact(parse_date("2026-12-31").unwrap() + 1), "20270101");
        assert_eq!(parse_date("2026-02-31"), None);
        assert_eq!(parse_date("2026-13-01"), None);
        assert_eq!(utc_stamp(1_795_000_000_000.0), "20261118T110640Z");
    }

    /// Unfolds and splits the file the way a calendar app reads it, and checks it back.
    #[test]
    fn the_file_parses_back() {
        let text = ics("Career Kit: Norway", &sample(), 1_795_000_000_000.0);
        assert!(text.ends_with("\r\n") && !text.replace("\r\n", "").contains('\n'), "CRLF line ends only");
        for l in text.split("\r\n") {
            assert!(l.len() <= 75, "folded at 75 octets: {l:?}");
        }
        let parsed = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes())).next().unwrap().unwrap();
        let prop = |e: &ical::parser::ical::component::IcalEvent, name: &str| {
            e.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).unwrap_or_default()
        };
        assert_eq!(parsed.events.len(), 2, "the impossible date is left out");
        let first = &parsed.events[0];
        assert_eq!(prop(first, "DTSTART"), "20261231");
        assert_eq!(prop(first, "DTEND"), "20270101");
        assert_eq!(prop(first, "SUMMARY"), "Register the business\\; then VAT\\, if needed");
        assert!(prop(first, "DESCRIPTION").starts_with("Samordnet registermelding\\nin Altinn\\n\\nhttps://"));
        assert_eq!(prop(first, "UID"), "no-register-business@career-kit");
        assert_eq!(first.alarms.len(), 1);
        let second = &parsed.events[1];
        assert!(prop(second, "SUMMARY").starts_with("فتح حساب مصرفي"), "long Arabic text unfolds whole");
        assert!(prop(second, "SUMMARY").ends_with("ضريبة القيمة المضافة"));
        assert_eq!(prop(second, "DTSTART"), "20270228");
    }
}
