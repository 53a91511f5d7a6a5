//! A fresh headless Chromium, driven through chromedriver, on a plain static server: shared by
//! the end-to-end tests and the browser benchmarks.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use fantoccini::wd::{TimeoutConfiguration, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use tokio::process::{Child, Command};

pub const WAIT: Duration = Duration::from_secs(20);

/// Collects every `securitypolicyviolation` of a page in `window.__csp`.
const WATCH_POLICY: &str = "window.__csp = []; document.addEventListener('securitypolicyviolation', \
    e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));";

pub struct Browser {
    pub client: Client,
    pub server: super::server::Server,
    pub base: String,
    /// False when the profile turns scripts off.
    scripts: bool,
    _driver: Child,
    _profile: TempDir,
}

/// A Chrome DevTools Protocol command, sent through chromedriver's `goog/cdp/execute`.
#[derive(Debug)]
struct Cdp(&'static str, Value);

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/goog/cdp/execute", session.unwrap_or_default()))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({ "cmd": self.0, "params": self.1 }).to_string()))
    }
}

struct TempDir(PathBuf);
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

pub fn dist() -> PathBuf {
    let dist = PathBuf::from(std::env::var("E2E_DIST").unwrap_or_else(|_| "dist".into()));
    assert!(
        dist.join("index.html").is_file() && dist.join("404.html").is_file(),
        "no release build in {}: run `make test` (it builds dist/ for the end-to-end tests)",
        dist.display()
    );
    dist
}

/// The sub-path the site is served under (`E2E_BASE`), as a project-page host would.
pub fn base() -> String {
    std::env::var("E2E_BASE").unwrap_or_else(|_| "/career-kit/".into())
}

/// A deployment of its own, which a test may change: a fresh copy of `dist/` in a temporary
/// folder named after `name` (and this process).
pub fn own_deployment(name: &str) -> PathBuf {
    let site = std::env::temp_dir().join(format!("ck-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    copy_dir(&dist(), &site);
    site
}

/// Damages the one file of `site` whose name `is_it` picks (its last byte flipped, so it fails
/// its integrity check, as a file broken on the way would); returns its path and good bytes.
pub fn damage(site: &std::path::Path, is_it: impl Fn(&str) -> bool) -> (PathBuf, Vec<u8>) {
    let file =
        std::fs::read_dir(site).unwrap().map(|e| e.unwrap().path()).find(|p| is_it(p.file_name().unwrap().to_str().unwrap())).expect("the file to damage");
    let good = std::fs::read(&file).unwrap();
    let mut bad = good.clone();
    let last = bad.len() - 1;
    bad[last] ^= 0xff;
    std::fs::write(&file, &bad).unwrap();
    (file, good)
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).unwrap();
        }
    }
}

impl Browser {
    /// A fresh browser profile. `prefs` are Chromium preferences (e.g. blocking site data).
    pub async fn start(prefs: Value) -> Browser {
        Self::start_at(dist(), base(), prefs).await
    }

    /// A fresh browser profile, with `root` served under `base`.
    pub async fn start_at(root: PathBuf, base: String, prefs: Value) -> Browser {
        let server = super::server::start(root, base.clone()).await;
        let port = free_port();
        let driver_bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let driver = Command::new(&driver_bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {driver_bin}: {e} (make test installs chromium-driver)"));
        let profile = std::env::temp_dir().join(format!("ck-e2e-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&profile).unwrap();
        let mut args = vec![
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--window-size=1024,900",
            // The interface follows the browser's language: keep it English unless a test asks.
            "--lang=en-US",
        ]
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
        args.push(format!("--user-data-dir={}", profile.display()));
        let mut chrome = json!({ "args": args, "prefs": prefs });
        if let Ok(bin) = std::env::var("CHROME_BIN") {
            chrome["binary"] = json!(bin);
        } else if std::path::Path::new("/usr/bin/chromium").exists() {
            chrome["binary"] = json!("/usr/bin/chromium");
        }
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("chrome"));
        caps.insert("goog:chromeOptions".into(), chrome);
        let url = format!("http://127.0.0.1:{port}");
        let mut client = None;
        for _ in 0..100 {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector).capabilities(caps.clone()).connect(&url).await {
                Ok(c) => {
                    client = Some(c);
                    break;
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
        let client = client.expect("chromedriver did not start");
        client
            .update_timeouts(TimeoutConfiguration::new(Some(Duration::from_secs(30)), Some(Duration::from_secs(30)), Some(Duration::from_secs(0))))
            .await
            .unwrap();
        let scripts = prefs.get("profile.managed_default_content_settings.javascript") != Some(&json!(2));
        let browser = Browser { client, server, base, scripts, _driver: driver, _profile: TempDir(profile) };
        // Every page records Content Security Policy violations from its first script on.
        browser.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": WATCH_POLICY })).await;
        browser
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}{}", self.server.origin, self.base, path.trim_start_matches('/'))
    }

    /// Opens a path as if typed into the address bar. A pre-rendered page (`prerender`) shows
    /// its content before the app runs, with inert controls: with scripts on, this waits until
    /// the app has taken over, as a person waits for the controls to come alive.
    pub async fn open(&self, path: &str) {
        self.client.goto(&self.url(path)).await.unwrap();
        self.wait_for_app().await;
    }

    /// Waits until the app has replaced a pre-rendered first screen (none: at once).
    pub async fn wait_for_app(&self) {
        if !self.scripts {
            return;
        }
        for _ in 0..200 {
            let waiting = self.client.execute("return !!document.querySelector('#boot-main[data-prerendered]')", vec![]).await;
            if waiting.ok() != Some(json!(true)) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The path after the origin.
    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.unwrap();
        url.path().to_string()
    }

    pub async fn wait_xpath(&self, xpath: &str) -> fantoccini::elements::Element {
        match self.client.wait().at_most(WAIT).for_element(Locator::XPath(xpath)).await {
            Ok(el) => el,
            Err(e) => {
                // What the page showed instead, to tell a failing test from a failing app.
                let shown = self.client.execute(
                    "return (document.querySelector('main') || document.body).innerText.slice(0, 400) + ' | policy: ' + JSON.stringify(window.__csp || [])",
                    vec![],
                );
                let shown = shown.await.ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
                panic!("waited for {xpath} on {}: {e}; the page showed: {shown}", self.path_or_unknown().await)
            }
        }
    }

    pub async fn path_or_unknown(&self) -> String {
        match self.client.current_url().await {
            Ok(u) => u.to_string(),
            Err(_) => "?".into(),
        }
    }

    /// Waits for the app's page heading (not the static first screen's, which index.html shows
    /// until the app runs).
    pub async fn h1(&self, contains: &str) {
        self.wait_xpath(&format!("//main[@id='main']//h1[contains(., \"{contains}\")]")).await;
    }

    pub async fn wait_path(&self, want: &str) {
        let want = format!("{}{}", self.base.trim_end_matches('/'), want);
        for _ in 0..100 {
            if self.path().await == want {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("expected path {want}, got {}", self.path().await);
    }

    /// The control a person would name: a button (or link styled as one) by its accessible
    /// name, the way a screen reader or a sighted user finds it, not by an id or a class.
    pub async fn button(&self, name: &str) -> fantoccini::elements::Element {
        let name = name.replace('"', "");
        self.wait_xpath(&format!(
            "//*[(self::button or @role='button' or (self::a and contains(@class,'button'))) and (normalize-space(.)=\"{name}\" or @aria-label=\"{name}\")]"
        ))
        .await
    }

    /// Clicks the button with this accessible name.
    pub async fn press_button(&self, name: &str) {
        self.button(name).await.click().await.unwrap_or_else(|e| panic!("click the button {name:?}: {e}"));
    }

    pub async fn click(&self, xpath: &str) {
        self.wait_xpath(xpath).await.click().await.unwrap_or_else(|e| panic!("click {xpath}: {e}"));
    }

    /// Fails if the page broke its Content Security Policy or asked any other host for
    /// anything (the app talks to its own origin only).
    pub async fn locked_down(&self) {
        let report = self
            .js("return { csp: window.__csp === undefined ? null : window.__csp, \
                 policy: !!document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]'), \
                 foreign: performance.getEntriesByType('resource').map(e => e.name) \
                   .filter(n => !n.startsWith(location.origin + '/')) }")
            .await;
        assert_eq!(report["policy"], json!(true), "the page has no Content Security Policy: {}", self.path().await);
        assert_eq!(report["csp"], json!([]), "policy violations (or not watched) on {}", self.path().await);
        assert_eq!(report["foreign"], json!([]), "requests to other hosts on {}", self.path().await);
    }

    /// Runs axe-core on the page and fails on any violation; first checks the page kept to
    /// its security policy.
    pub async fn axe(&self) {
        self.locked_down().await;
        self.no_program_text().await;
        let axe =
            std::fs::read_to_string("node_modules/axe-core/axe.min.js").expect("node_modules/axe-core/axe.min.js: run `make test` (it installs axe-core)");
        self.client.execute(&axe, vec![]).await.expect("inject axe-core");
        let result = self
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                axe.run(document, {
                    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
                    rules: { "target-size": { enabled: true } },
                    resultTypes: ["violations"],
                }).then(r => done(r.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + n.failureSummary)
                })))).catch(e => done([{ id: "axe-error", help: String(e), nodes: [] }]));"#,
                vec![],
            )
            .await
            .expect("run axe-core");
        let violations = result.as_array().cloned().unwrap_or_else(|| panic!("axe-core did not return a list: {result}"));
        assert!(
            violations.is_empty(),
            "axe-core found {} violation(s) on {}:\n{}",
            violations.len(),
            self.path().await,
            serde_json::to_string_pretty(&violations).unwrap()
        );
    }

    /// Fails if the page shows program text to its reader: a view macro's attribute that ended
    /// its tag early prints the rest of the Rust expression ("= count on : click = move | _ |").
    /// Looks at what is visible (`innerText`), with the texts of buttons and links apart.
    pub async fn no_program_text(&self) {
        let found = self
            .js(r#"const patterns = [/\bmove\s*\|/, /on\s*:\s*[a-z]+\s*=/, /\|\s*_\s*\|/, /\.get\(\)/, /\bview!/,
                     /=>\s*[({]/, /\bSome\(/, /\binto_any\(/, /::[a-z_]+\(/, /\bclass\s*=\s*"/];
                 const texts = [document.body.innerText, ...[...document.querySelectorAll('button, a, label, option')].map(e => e.innerText || e.textContent || '')];
                 return texts.flatMap(t => patterns.filter(p => p.test(t)).map(p => p + ' in: ' + t.slice(Math.max(0, t.search(p) - 40), t.search(p) + 60))).slice(0, 5);"#)
            .await;
        assert_eq!(found, json!([]), "program text shown on {}", self.path().await);
    }

    /// Sends a Chrome DevTools Protocol command (CPU throttling, screen size, network).
    pub async fn cdp(&self, cmd: &'static str, params: Value) -> Value {
        self.client.issue_cmd(Cdp(cmd, params)).await.unwrap_or_else(|e| panic!("CDP {cmd}: {e}"))
    }

    /// Runs a script in the page and returns its value.
    pub async fn js(&self, script: &str) -> Value {
        self.client.execute(script, vec![]).await.unwrap_or_else(|e| panic!("{script}: {e}"))
    }

    /// Fails if the page is wider than the screen (something does not fit at this width).
    pub async fn fits_width(&self) {
        let report = self
            .js("const w = document.documentElement.clientWidth; \
                 const wide = [...document.querySelectorAll('body *')].filter(e => { const r = e.getBoundingClientRect(); \
                   return r.width > 0 && (r.right > w + 1 || r.left < -1); }).slice(0, 5).map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').slice(0, 40)); \
                 return { scroll: document.documentElement.scrollWidth, width: w, wide };")
            .await;
        assert!(
            report["scroll"].as_u64() <= report["width"].as_u64() && report["wide"].as_array().is_some_and(|w| w.is_empty()),
            "the page does not fit {} px on {}: {report}",
            report["width"],
            self.path().await
        );
        self.no_broken_words().await;
    }

    /// Fails if a word that would fit on a line of its own is broken across two lines (a long
    /// word may break only where it cannot fit; hyphenation needs a dictionary this Chromium
    /// does not have, so any break of a fitting word is a fault here).
    pub async fn no_broken_words(&self) {
        let broken = self
            .js(r#"const out = [];
                 const walker = document.createTreeWalker(document.querySelector('main') || document.body, NodeFilter.SHOW_TEXT);
                 while (walker.nextNode()) {
                   const node = walker.currentNode;
                   // The box the word must fit: the nearest element that is not inline (a flex
                   // item, such as a check box's label text, is a box of its own).
                   let box = node.parentElement;
                   while (box && getComputedStyle(box).display === 'inline') box = box.parentElement;
                   if (!box || box.closest('[hidden]') || box.offsetParent === null) continue;
                   const style = getComputedStyle(box);
                   const avail = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                   // A word with what sticks to it ("(Gewerbeanmeldung)"): no break is allowed
                   // inside, so it is one unit; units with a hyphen or slash may break there.
                   const re = /\S+/gu; let m;
                   while ((m = re.exec(node.data))) {
                     if (!/[\p{L}\p{N}\p{M}]{8,}/u.test(m[0]) || /[-\/\u2010-\u2014]/.test(m[0])) continue;
                     const r = document.createRange(); r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
                     // Pieces on more than one line (a mixed-direction word has several pieces
                     // on one line).
                     const rects = [...r.getClientRects()].filter(x => x.width > 0);
                     const tops = rects.map(x => (x.top + x.bottom) / 2).sort((a, b) => a - b);
                     if (!tops.some((t, i) => i > 0 && t - tops[i - 1] > rects[0].height / 2)) continue;
                     const width = rects.reduce((a, x) => a + x.width, 0);
                     if (width <= avail) out.push(m[0] + ' (' + Math.round(width) + ' of ' + Math.round(avail) + ' px) in ' + box.tagName + '.' + box.className);
                   }
                 }
                 return out.slice(0, 5);"#)
            .await;
        assert_eq!(broken, json!([]), "words broken although they fit on {}", self.path().await);
    }

    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}
