//! What the end-to-end tests ask of a page beyond the browser's own calls: keyboard moves,
//! the saved data, QR codes read from a screenshot, printed text, scripts in text, and waits on
//! conditions.
#![allow(dead_code)]

use std::time::Duration;

use fantoccini::Locator;
use serde_json::{json, Value};

use super::browser::Browser;

impl Browser {
    /// Presses Tab until the focused element's text or value contains `want`, checking at
    /// every stop that focus is visible (an outline or a ring).
    pub async fn tab_to(&self, want: &str) {
        let tab: char = fantoccini::key::Key::Tab.into();
        for _ in 0..80 {
            self.client.active_element().await.unwrap().send_keys(&tab.to_string()).await.unwrap();
            let (label, visible): (String, bool) = serde_json::from_value(
                self.client
                    .execute(
                        r#"const e = document.activeElement;
                        const s = getComputedStyle(e);
                        const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
                        const label = (e.labels && e.labels[0] ? e.labels[0].innerText : '') + ' ' + (e.innerText || e.value || '');
                        return [label, ring];"#,
                        vec![],
                    )
                    .await
                    .unwrap(),
            )
            .unwrap();
            assert!(visible, "focus is not visible on {label:?}");
            if label.contains(want) {
                return;
            }
        }
        panic!("Tab never reached {want:?}");
    }

    pub async fn press(&self, key: fantoccini::key::Key) {
        let k: char = key.into();
        self.client.active_element().await.unwrap().send_keys(&k.to_string()).await.unwrap();
    }

    pub async fn query(&self) -> String {
        self.client.current_url().await.unwrap().query().unwrap_or("").to_string()
    }

    pub async fn wait_query(&self, want: &str) {
        for _ in 0..100 {
            if self.query().await == want {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("expected query {want:?}, got {:?}", self.query().await);
    }
}

/// A checklist step's visible title. Its heading reads "Step 1: title" to a screen reader
/// (the first line), and the open/closed sign is drawn after it.
pub async fn step_title(heading: &fantoccini::elements::Element) -> String {
    let text = heading.text().await.unwrap();
    text.lines().last().unwrap_or_default().trim_end_matches(['+', '−', ' ']).to_string()
}

pub fn has_script(text: &str, range: std::ops::RangeInclusive<char>) -> bool {
    text.chars().filter(|c| range.contains(c)).count() >= 3
}

pub const ARABIC: std::ops::RangeInclusive<char> = '\u{600}'..='\u{6FF}';

pub const CYRILLIC: std::ops::RangeInclusive<char> = '\u{400}'..='\u{4FF}';

/// A phone's screen: 320 CSS pixels wide.
pub async fn phone_width(b: &Browser) {
    b.cdp("Emulation.setDeviceMetricsOverride", json!({ "width": 320, "height": 720, "deviceScaleFactor": 1, "mobile": true })).await;
    assert_eq!(b.js("return document.documentElement.clientWidth").await, json!(320));
}

/// The saved plan's data, as this browser keeps it.
pub async fn saved_data(b: &Browser) -> Value {
    b.js("const raw = localStorage.getItem('career-kit/state'); return raw ? JSON.parse(raw).data : null").await
}

/// Reads a QR code from the screen, as a phone camera would: a screenshot of the element.
pub async fn read_qr(b: &Browser, el: &fantoccini::elements::Element) -> String {
    b.client.execute("arguments[0].scrollIntoView({ block: 'center' })", vec![serde_json::to_value(el).unwrap()]).await.unwrap();
    let shot = el.screenshot().await.unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(shot));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let (w, h) = (info.width as usize, info.height as usize);
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| buf[(y * w + x) * channels]);
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the screenshot");
    grids[0].decode().expect("the QR code reads").1
}

/// The names of the service worker's caches and the addresses in them.
pub async fn cached(b: &Browser) -> Value {
    b.client
        .execute_async(
            "const done = arguments[0]; caches.keys().then(keys => Promise.all(keys.map(k => caches.open(k) \
             .then(c => c.keys()).then(r => [k, r.map(x => x.url)])))).then(done, e => done(String(e)))",
            vec![],
        )
        .await
        .unwrap()
}

/// Waits until `script` answers true: a script starting with `return ` runs as a plain
/// script (safe across a reload), any other as an async one that calls `arguments[0]`.
pub async fn poll(b: &Browser, script: &str, what: &str) {
    let mut last = None;
    for _ in 0..150 {
        // A reload in flight can drop the script's answer: that counts as "not yet".
        let answer = if script.starts_with("return ") { b.client.execute(script, vec![]).await } else { b.client.execute_async(script, vec![]).await };
        match answer {
            Ok(v) if v == json!(true) => return,
            Ok(_) => {}
            Err(e) => last = Some(e.to_string()),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    if let Some(e) = last {
        eprintln!("last script error while waiting for {what}: {e}");
    }
    let registration = b
        .client
        .execute_async(
            "const done = arguments[0]; navigator.serviceWorker.getRegistration().then(r => done(r ? \
             { active: r.active && r.active.state, waiting: !!r.waiting, installing: r.installing && r.installing.state } : 'none'))",
            vec![],
        )
        .await
        .unwrap();
    panic!("timed out waiting for {what}: caches {}, registration {registration}", cached(b).await);
}

/// The page printed to an A4 PDF by Chromium, as text (pdftotext; pages end in a form feed).
pub async fn printed_text(b: &Browser, name: &str) -> String {
    let config = fantoccini::wd::PrintConfiguration::builder().build().unwrap();
    let pdf = b.client.print(config).await.expect("print to PDF");
    let file = std::env::temp_dir().join(format!("ck-{}-{name}.pdf", std::process::id()));
    std::fs::write(&file, &pdf).unwrap();
    let out =
        std::process::Command::new("pdftotext").args(["-enc", "UTF-8"]).arg(&file).arg("-").output().expect("pdftotext (make test installs poppler-utils)");
    assert!(out.status.success(), "pdftotext: {}", String::from_utf8_lossy(&out.stderr));
    let _ = std::fs::remove_file(&file);
    String::from_utf8(out.stdout).unwrap()
}

/// Fails unless every text appears in `text`, in this order.
pub fn in_order(text: &str, want: &[String], what: &str) {
    // pdftotext breaks long lines: compare with the white space squeezed.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut from = 0;
    for w in want {
        let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
        match flat[from..].find(&w) {
            Some(at) => from += at + w.len(),
            None => panic!("{what}: {w:?} missing or out of order in the PDF text:\n{text}"),
        }
    }
}

/// Fails unless `heading` is the first line of a page of the PDF text.
pub fn starts_a_page(text: &str, heading: &str) {
    let firsts: Vec<&str> = text.split('\u{c}').filter_map(|page| page.lines().map(str::trim).find(|l| !l.is_empty())).collect();
    assert!(firsts.contains(&heading), "{heading:?} does not start a page; pages start with {firsts:?}");
}

/// Texts of the elements an XPath finds, in document order.
pub async fn texts(b: &Browser, xpath: &str) -> Vec<String> {
    let mut out = vec![];
    for e in b.client.find_all(Locator::XPath(xpath)).await.unwrap() {
        out.push(e.text().await.unwrap().trim().to_string());
    }
    out
}

/// A subresource-integrity value (`sha384-…`) for these bytes, computed by Node's crypto, as
/// an independent check of the one the build wrote.
pub fn sri_sha384(bytes: &[u8]) -> String {
    use std::io::Write;
    let mut node = std::process::Command::new("node")
        .args(["-e", "let b=[];process.stdin.on('data',d=>b.push(d)).on('end',()=>process.stdout.write('sha384-'+require('crypto').createHash('sha384').update(Buffer.concat(b)).digest('base64')))"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("node");
    node.stdin.take().unwrap().write_all(bytes).unwrap();
    let out = node.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// Waits until the state this browser saved satisfies `condition`, a JavaScript expression
/// over `data` (the saved state): the debounced save has happened, with what the test expects.
pub async fn wait_saved(b: &Browser, condition: &str) {
    let script = format!(
        "const raw = localStorage.getItem('career-kit/state'); const data = raw ? JSON.parse(raw).data : null; \
         try {{ return !!(data && ({condition})); }} catch (e) {{ return false; }}"
    );
    let script = format!("return (() => {{ {} }})()", script.trim_start_matches("return "));
    for _ in 0..100 {
        if b.client.execute(&script, vec![]).await.ok() == Some(json!(true)) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the saved state never satisfied {condition}: {}", saved_data(b).await);
}
