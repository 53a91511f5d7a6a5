//! End-to-end tests: the release build in dist/, served by a plain static server under a
//! sub-path, driven in headless Chromium through chromedriver as a user would. axe-core checks
//! every page visited. Run by `make test` (which builds dist/ first).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::time::Duration;

use fantoccini::Locator;
use serde_json::{json, Value};
use support::browser::{base, damage, dist, own_deployment, Browser};
use support::pages::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn home_page_renders_with_shell_and_passes_axe() {
    let b = Browser::start(json!({})).await;
    b.open("").await;
    b.h1("Start your own business").await;
    b.wait_xpath("//header//*[contains(@class,'brand') and contains(., 'Career Kit')]").await;
    b.wait_xpath("//header//label[@for='language-select' and contains(., 'Language')]").await;
    b.wait_xpath("//header//select[@id='language-select']/option[@value='ar' and @lang='ar' and .='العربية']").await;
    b.wait_xpath("/html[@lang='en' and @dir='ltr']").await;
    b.wait_xpath("//nav[@aria-label='Main']//a[contains(., 'Checklist')]").await;
    b.wait_xpath("//footer[contains(., 'on this device')]").await;
    // The country list comes from the pack index (in the page, as packs/index.json).
    b.wait_xpath("//ul[contains(@class,'country-list')]//a[contains(., 'Norway')]").await;
    b.wait_xpath("//ul[contains(@class,'country-list')]//a[contains(., 'Germany')]").await;
    assert!(b.client.find(Locator::Id("boot")).await.is_err(), "the static first screen is gone once the app runs");
    // The wasm was asked for only after the first screen's first contentful paint.
    let times = b
        .js("const paint = performance.getEntriesByName('first-contentful-paint')[0]; \
        const wasm = performance.getEntriesByType('resource').find(e => e.name.endsWith('_bg.wasm')); \
        return [paint ? paint.startTime : null, wasm ? wasm.startTime : null]")
        .await;
    let (paint, wasm) = (times[0].as_f64().expect("a first contentful paint"), times[1].as_f64().expect("the wasm's download"));
    assert!(wasm >= paint, "the wasm was asked for at {wasm} ms, before the first contentful paint at {paint} ms");
    assert_eq!(b.client.title().await.unwrap(), "Career Kit");
    // Installable: a manifest whose start address and icons stay under the sub-path.
    let manifest = b
        .client
        .execute_async(
            "const done = arguments[0]; const link = document.querySelector('link[rel=manifest]'); \
             fetch(link.href).then(r => r.json()).then(async m => { \
               const icons = await Promise.all(m.icons.map(i => fetch(new URL(i.src, link.href)).then(r => r.status + ' ' + r.headers.get('content-type')))); \
               done({ start: new URL(m.start_url, link.href).pathname, scope: new URL(m.scope, link.href).pathname, \
                      display: m.display, theme: m.theme_color, sizes: m.icons.map(i => i.sizes), icons }); \
             }).catch(e => done(String(e)))",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(manifest["start"], json!(b.base), "{manifest}");
    assert_eq!(manifest["scope"], json!(b.base));
    assert_eq!(manifest["display"], json!("standalone"));
    assert_eq!(manifest["sizes"], json!(["192x192", "512x512"]));
    assert_eq!(manifest["icons"], json!(["200 image/png", "200 image/png"]));
    b.axe().await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn links_navigate_and_the_back_button_works() {
    let b = Browser::start(json!({})).await;
    b.open("").await;
    b.click("//ul[contains(@class,'country-list')]//a[contains(., 'Norway')]").await;
    b.wait_path("/checklist/no").await;
    b.h1("Start a business in Norway").await;
    // The plain list of the pack: phases, steps, and the legal forms compared.
    b.wait_xpath("//section[contains(@class,'phase')]/h2").await;
    b.wait_xpath("//section[contains(@class,'legal-forms')]//h3[contains(., 'Enkeltpersonforetak')]").await;
    b.axe().await;
    // GOV.UK step by step: steps collapsed, the current one open and marked.
    let toggle = b.wait_xpath("(//button[contains(@class,'step-toggle')])[1]").await;
    assert_eq!(toggle.attr("aria-expanded").await.unwrap().as_deref(), Some("true"), "the current step starts open");
    assert_eq!(toggle.attr("aria-current").await.unwrap().as_deref(), Some("step"));
    let second = b.wait_xpath("(//button[contains(@class,'step-toggle')])[2]").await;
    assert_eq!(second.attr("aria-expanded").await.unwrap().as_deref(), Some("false"), "other steps start collapsed");
    b.click("//button[@id='toggle-all']").await;
    b.wait_xpath("(//button[contains(@class,'step-toggle')])[2][@aria-expanded='true']").await;
    b.wait_xpath("//button[@id='toggle-all' and contains(., 'Hide all')]").await;
    b.axe().await;
    b.click("//button[@id='toggle-all']").await;
    b.wait_xpath("(//button[contains(@class,'step-toggle')])[1][@aria-expanded='false']").await;
    assert!(b.client.find(Locator::Css("a.step-link")).await.is_err(), "hide all closes every step");
    // Open the first step again, and follow its link.
    b.click("(//button[contains(@class,'step-toggle')])[1]").await;
    let title = step_title(&b.wait_xpath("(//li[contains(@class,'step-item')])[1]//h3").await).await;
    let first = b.wait_xpath("(//a[contains(@class,'step-link')])[1]").await;
    let href = first.attr("href").await.unwrap().unwrap();
    assert!(href.starts_with(&b.base), "internal links carry the sub-path: {href}");
    // Links are followed in the page (no reload) and the new page starts at the top.
    b.js("window.__sameDocument = true; document.body.style.minHeight = '400vh'; window.scrollTo(0, 300); return true").await;
    first.click().await.unwrap();
    b.wait_path("/checklist/no/business-or-job").await;
    b.h1(&title).await;
    assert_eq!(b.js("return window.__sameDocument === true").await, json!(true), "a link click reloads the app");
    poll(&b, "return window.scrollY === 0", "the new page to start at the top").await;
    // Focus moves to the new page's content, as after a full page load.
    let mut focused = Value::Null;
    for _ in 0..50 {
        focused = b.client.execute("return document.activeElement && document.activeElement.id", vec![]).await.unwrap();
        if focused == json!("main") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(focused, json!("main"), "focus is on the main landmark after navigating");
    b.wait_xpath("//section[contains(@class,'sources')]//a[starts-with(@href,'https://')]").await;
    b.axe().await;
    b.client.back().await.unwrap();
    b.wait_path("/checklist/no").await;
    b.h1("Start a business in Norway").await;
    b.client.back().await.unwrap();
    b.wait_path("/").await;
    b.h1("Start your own business").await;
    assert_eq!(b.js("return window.__sameDocument === true").await, json!(true), "the back button reloads the app");
    b.js("document.body.style.minHeight = ''; return true").await;
    // The header's checklist link now remembers the country.
    b.click("//nav[@aria-label='Main']//a[contains(., 'Resources')]").await;
    b.wait_path("/resources/no").await;
    b.h1("Free help and resources in Norway").await;
    b.axe().await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typed_deep_links_open_every_route() {
    let b = Browser::start(json!({})).await;
    // Each of these is typed into the address bar: the host has no rewrite rules, so the app
    // must start from 404.html.
    // Opening a country's checklist remembers the country: `/resources` then goes straight to it.
    for (path, lands_on, heading) in [
        ("checklist", "checklist", "Your start-up checklist"),
        ("checklist/de", "checklist/de", "Start a business in Germany"),
        ("checklist/de/gewerbeanmeldung", "checklist/de/gewerbeanmeldung", ""),
        ("resources", "resources/de", "Free help and resources in Germany"),
        ("resources/no", "resources/no", "Free help and resources in Norway"),
        ("settings", "settings", "Settings"),
        ("about-you", "about-you", "About you and your business"),
        ("glossary/de", "glossary/de", "Official words in Germany"),
        ("share", "share", "Share and keep your plan"),
        ("adviser", "adviser", "For advisers: make a link for a client"),
        ("open", "open", "This link cannot be opened"),
        // The wave-2 countries (issues 25 to 27): every kind of route a link can name.
        ("checklist/pl", "checklist/pl", "Start a business in Poland"),
        ("checklist/pl/business-or-job", "checklist/pl/business-or-job", ""),
        ("resources/pl", "resources/pl", "Free help and resources in Poland"),
        ("glossary/pl", "glossary/pl", "Official words in Poland"),
        ("checklist/gr", "checklist/gr", "Start a business in Greece"),
        ("checklist/gr/sector-food", "checklist/gr/sector-food", ""),
        ("resources/gr", "resources/gr", "Free help and resources in Greece"),
        ("glossary/gr", "glossary/gr", "Official words in Greece"),
        ("checklist/es", "checklist/es", "Start a business in Spain"),
        ("checklist/es/business-or-job", "checklist/es/business-or-job", ""),
        ("resources/es", "resources/es", "Free help and resources in Spain"),
        ("glossary/es", "glossary/es", "Official words in Spain"),
    ] {
        b.open(path).await;
        b.wait_path(&format!("/{lands_on}")).await;
        if heading.is_empty() {
            b.wait_xpath("//main//fieldset[contains(@class,'tasks')]").await;
        } else {
            b.h1(heading).await;
        }
        b.axe().await;
    }
    // A resource, from the list, in every country.
    for country in ["no", "pl", "gr", "es"] {
        b.open(&format!("resources/{country}")).await;
        let link = b.wait_xpath("(//ul[contains(@class,'resource-list')]//a)[1]").await;
        let title = link.text().await.unwrap();
        let href = link.attr("href").await.unwrap().unwrap();
        b.client.goto(&format!("{}{href}", b.server.origin)).await.unwrap();
        b.wait_for_app().await;
        b.h1(&title).await;
        b.wait_xpath("//main//a[starts-with(@href,'https://') and @target='_blank' and contains(@rel,'noopener')]").await;
        b.wait_xpath("//dl[contains(@class,'facts')]//dt[.='Who it helps']").await;
        b.axe().await;
    }
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_addresses_show_not_found() {
    let b = Browser::start(json!({})).await;
    b.open("no/such/page").await;
    b.h1("Page not found").await;
    assert!(b.client.title().await.unwrap().starts_with("Page not found"));
    b.axe().await;
    b.click("//main//a[contains(., 'start page')]").await;
    b.wait_path("/").await;
    b.open("checklist/no/no-such-step").await;
    b.h1("Step not found").await;
    b.open("checklist/xx").await;
    b.h1("We do not have a guide for this country yet").await;
    b.axe().await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn progress_survives_a_reload() {
    let b = Browser::start(json!({})).await;
    b.open("checklist/no/business-or-job").await;
    let task = "(//fieldset[contains(@class,'tasks')]//input[@type='checkbox'])[1]";
    b.click(task).await;
    // Ticking changes the saved state, but the page is not rebuilt: focus stays on the box.
    tokio::time::sleep(Duration::from_millis(100)).await;
    let focused: Value = b.client.execute("return document.activeElement.type", vec![]).await.unwrap();
    assert_eq!(focused, json!("checkbox"), "focus stays on the ticked task");
    // Typing pauses are debounced: wait until the save has happened, then reload.
    wait_saved(&b, "JSON.stringify(data.progress).includes('\"tasks\":[\"')").await;
    b.client.refresh().await.unwrap();
    b.wait_for_app().await;
    let checked = b.wait_xpath(task).await.prop("checked").await.unwrap();
    assert_eq!(checked.as_deref(), Some("true"), "the ticked task is still ticked after a reload");
    let status = b.wait_xpath("//select[@id='step-status']").await.prop("value").await.unwrap();
    assert_eq!(status.as_deref(), Some("in-progress"));
    // A note and a status, typed and chosen as a user would, survive a reload too.
    let note = b.wait_xpath("//textarea[@id='step-note']").await;
    note.send_keys("Asked three cafés; two said yes").await.unwrap();
    b.wait_xpath("//select[@id='step-status']").await.select_by_value("done").await.unwrap();
    wait_saved(&b, "JSON.stringify(data.progress).includes('Asked three caf') && JSON.stringify(data.progress).includes('\"done\"')").await;
    b.client.refresh().await.unwrap();
    b.wait_for_app().await;
    let note = b.wait_xpath("//textarea[@id='step-note']").await.prop("value").await.unwrap();
    assert_eq!(note.as_deref(), Some("Asked three cafés; two said yes"));
    b.axe().await;
    b.open("checklist/no").await;
    b.wait_xpath("//li[@data-step='business-or-job' and @data-status='done']").await;
    b.wait_xpath("//label[@for='progress-total' and starts-with(normalize-space(.), '1 of ')]").await;
    let value = b.wait_xpath("//progress[@id='progress-total']").await.attr("value").await.unwrap();
    assert_eq!(value.as_deref(), Some("1"));
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn blocked_storage_runs_in_memory_and_says_so() {
    // Blocking site data makes `window.localStorage` throw a SecurityError, as in some private
    // modes and locked-down browsers.
    let b = Browser::start(json!({ "profile.default_content_setting_values.cookies": 2 })).await;
    b.open("").await;
    b.h1("Start your own business").await;
    let threw: Value = b.client.execute("try { window.localStorage; return false } catch (e) { return true }", vec![]).await.unwrap();
    assert_eq!(threw, json!(true), "the browser setting should make localStorage throw");
    let notice = b.wait_xpath("//*[@data-notice='memory-only']").await;
    assert!(notice.text().await.unwrap().contains("progress will be gone"));
    b.axe().await;
    // The app still works, in memory.
    b.open("checklist/no/business-or-job").await;
    b.click("(//fieldset[contains(@class,'tasks')]//input[@type='checkbox'])[1]").await;
    b.open("settings").await;
    b.wait_xpath("//*[contains(@class,'storage-mode') and contains(., 'does not let')]").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_screen_is_meaningful_before_the_wasm_arrives() {
    // What a slow phone shows before any script runs: the served HTML itself.
    let dist = dist();
    let html = std::fs::read_to_string(dist.join("index.html")).unwrap();
    for needle in ["Career Kit", "Start your own business", "Loading Career Kit", "<noscript>", "needs JavaScript", "<main"] {
        assert!(html.contains(needle), "index.html lacks {needle:?}");
    }
    assert_eq!(html, std::fs::read_to_string(dist.join("404.html")).unwrap(), "404.html is the app");
    // The pack index is in the page, as data (no script), the same as packs/index.json.
    let block = html
        .split("<script type=\"application/json\" id=\"pack-index\">")
        .nth(1)
        .and_then(|r| r.split("</script>").next())
        .expect("the pack index in index.html");
    let index: Value = serde_json::from_str(&std::fs::read_to_string(dist.join("packs/index.json")).unwrap()).unwrap();
    assert_eq!(serde_json::from_str::<Value>(block).unwrap(), index);
    // Each country is named in every language its pack is written in, so the home page needs no
    // name tables from the browser in those languages.
    let norway = index["packs"].as_array().unwrap().iter().find(|p| p["id"] == "no").expect("Norway in the index");
    assert_eq!((&norway["names"]["en"], &norway["names"]["nb"], &norway["names"]["ar"]), (&json!("Norway"), &json!("Norge"), &json!("النرويج")));
    // Locked down: a policy that allows only the app's own files and its one inline loader (by
    // hash), set after <base>; every stylesheet, module and preload checked by its hash.
    let policy = html.split("Content-Security-Policy\" content=\"").nth(1).and_then(|r| r.split('"').next()).expect("a policy");
    for part in ["default-src 'none'", "script-src 'self' 'wasm-unsafe-eval' 'sha256-", "base-uri 'none'", "form-action 'none'", "connect-src 'self'"] {
        assert!(policy.contains(part), "{part} in {policy}");
    }
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    assert!(html.find("<base").unwrap() < html.find("Content-Security-Policy").unwrap());
    for tag in html.split('<').filter(|t| t.starts_with("link ") || t.starts_with("script ")) {
        let tag = tag.split('>').next().unwrap();
        let loads = ["rel=stylesheet", "rel=modulepreload", "rel=preload", "src="].iter().any(|k| tag.contains(k));
        if loads {
            assert!(tag.contains("integrity=sha384-") || tag.contains("integrity=\"sha384-"), "no integrity: <{tag}>");
        }
    }
    // The loader asks for the wasm after the first paint (no preload competes with the first
    // screen), by its hash, and the wasm it names is the one that was built.
    assert!(!html.contains(".wasm integrity") && !html.contains("rel=preload"), "the wasm is not preloaded");
    let loader = html.split("<script type=module>").nth(1).and_then(|r| r.split("</script>").next()).expect("the loader");
    assert!(loader.find("first-contentful-paint").unwrap() < loader.find("fetch(").unwrap(), "{loader}");
    let wasm = loader.split("fetch(\"").nth(1).and_then(|r| r.split('"').next()).expect("the wasm address");
    let wasm_file = wasm.rsplit('/').next().unwrap();
    assert!(wasm_file.ends_with("_bg.wasm") && dist.join(wasm_file).exists(), "{wasm}");
    let integrity = loader.split("integrity: \"").nth(1).and_then(|r| r.split('"').next()).expect("the wasm's integrity");
    assert_eq!(integrity, sri_sha384(&std::fs::read(dist.join(wasm_file)).unwrap()), "the loader checks the wasm by its hash");
    // The glue asks V8 to compile all its functions with the module, off the page's thread.
    let glue = loader.split("await import(\"").nth(1).and_then(|r| r.split('"').next()).expect("the glue's address");
    let glue = std::fs::read_to_string(dist.join(glue.rsplit('/').next().unwrap())).unwrap();
    assert!(glue.starts_with("//# allFunctionsCalledOnLoad\n"), "the glue's compile hint");
    // Every page but the home page is in a chunk of its own: the link module that loads the
    // chunks is preloaded (with integrity, checked above) and fetches each chunk by its hash.
    let link_file = std::fs::read_dir(&dist)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .find(|f| f.starts_with("__wasm_split-") && f.ends_with(".js"))
        .expect("the link module");
    assert!(html.contains(&format!("{link_file} ")) || html.contains(&format!("{link_file}\"")), "the link module is preloaded");
    let link = std::fs::read_to_string(dist.join(&link_file)).unwrap();
    let chunks: Vec<&str> = link.split("new URL(\"./").skip(1).collect();
    assert!(chunks.iter().filter(|c| c.starts_with("split_")).count() == 3, "three page chunks: {link}");
    for chunk in chunks {
        let file = chunk.split('"').next().unwrap();
        let integrity = chunk.split("integrity:\"").nth(1).and_then(|r| r.split('"').next()).unwrap_or_else(|| panic!("no integrity for {file}"));
        assert_eq!(integrity, sri_sha384(&std::fs::read(dist.join(file)).unwrap()), "{file} is fetched by its hash");
    }
    // And in a browser with JavaScript off, a page only the app can draw says so.
    let b = Browser::start(json!({ "profile.managed_default_content_settings.javascript": 2 })).await;
    b.open("settings").await;
    b.wait_xpath("//*[contains(., 'Career Kit needs JavaScript')]").await;
    b.wait_xpath("//h1[contains(., 'Start your own business')]").await;
    // The first screen is the home page a first visitor gets, with a working way in.
    b.wait_xpath("//section[contains(@class,'welcome')]//a[@href='about-you' and contains(., 'Answer the questions')]").await;
    b.close().await;
}

/// Issue 22: every kind of content route is a real page on a host without rewrite rules:
/// status 200, its own title, description, canonical link and alternates, and its content in
/// the served HTML; readable with JavaScript off, its links working; the app takes over and the
/// page works at once; the sitemap lists every page and every listed page exists.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shared_pages_are_real_pages_before_any_script_runs() {
    let dist = dist();
    let base = base();
    // The HTML as served, before any script: fetched over HTTP from the plain static server.
    let b = Browser::start(json!({ "profile.managed_default_content_settings.javascript": 2 })).await;
    let get = |path: String| {
        let origin = b.server.origin.clone();
        async move {
            let url = format!("{origin}{path}");
            let addr = url.trim_start_matches("http://").split('/').next().unwrap().to_string();
            let mut stream = tokio::net::TcpStream::connect(&addr).await.unwrap();
            use tokio::io::{AsyncReadExt, AsyncWriteExt};
            stream.write_all(format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").as_bytes()).await.unwrap();
            let mut raw = vec![];
            stream.read_to_end(&mut raw).await.unwrap();
            String::from_utf8_lossy(&raw).to_string()
        }
    };
    for (path, lang, title, content) in [
        ("checklist/no/business-or-job/", "en", "Check that you are starting a business", "Tasks"),
        ("checklist/de/", "en", "Start a business in Germany", "Step 1:"),
        ("print/no/", "en", "Start a business in Norway", "print-step"),
        ("resources/no/", "en", "Free help and resources in Norway", "resource-list"),
        ("glossary/gr/", "en", "Official words in Greece", "ΑΦΜ"),
        ("ar/checklist/no/", "ar", "", "النرويج"),
        ("el/checklist/gr/business-or-job/", "el", "Καταλάβετε τι σημαίνει", "ελεύθερος επαγγελματίας"),
    ] {
        let response = get(format!("{base}{path}")).await;
        assert!(response.starts_with("HTTP/1.1 200"), "{path}: {}", &response[..response.len().min(80)]);
        let dir = if lang == "ar" { "rtl" } else { "ltr" };
        assert!(response.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")), "{path}: html lang and dir");
        assert!(response.contains(&format!("<link rel=\"canonical\" href=\"https://career-kit.example{base}{path}\">")), "{path}: canonical");
        assert!(response.contains("hreflang=\"x-default\""), "{path}: alternates");
        assert!(response.contains("<meta property=\"og:title\""), "{path}: Open Graph");
        let head_title = response.split("<title>").nth(1).and_then(|t| t.split("</title>").next()).unwrap_or_default();
        assert!(
            head_title.contains(title) && head_title.ends_with("Career Kit") && head_title != "Career Kit – start your business in a new country",
            "{path}: {head_title}"
        );
        assert!(response.contains(content), "{path}: its content is in the HTML");
    }
    // The sitemap lists every page, and every listed page exists.
    let sitemap = std::fs::read_to_string(dist.join("sitemap.xml")).unwrap();
    let listed: Vec<&str> = sitemap.split("<loc>").skip(1).map(|l| l.split("</loc>").next().unwrap()).collect();
    assert!(listed.len() > 1000, "{} pages listed", listed.len());
    for url in &listed {
        let path = url.strip_prefix(&format!("https://career-kit.example{base}")).unwrap_or_else(|| panic!("{url} is under the base"));
        assert!(dist.join(path).join("index.html").is_file(), "{url} exists");
    }
    assert!(std::fs::read_to_string(dist.join("robots.txt")).unwrap().contains("Sitemap: https://career-kit.example"));
    // One source of truth: what the pre-rendered step page says is what the app's page says.
    let texts = "const t = (q) => [...document.querySelectorAll(q)].map((e) => e.innerText.trim()); \
        return { h1: t('main h1'), lead: t('main .lead'), tasks: t('main fieldset.tasks label'), sources: t('main .sources li a') };";
    b.open("checklist/no/business-or-job/").await;
    b.wait_xpath("//h1").await;
    let served = b.js(texts).await;
    // With JavaScript off: readable, and its links lead to the next real page.
    b.open("checklist/no").await;
    b.wait_xpath("//h1[contains(., 'Start a business in Norway')]").await;
    b.click("(//a[contains(@class,'step-link')])[1]").await;
    b.wait_xpath("//h1[contains(., 'Check that you are starting a business')]").await;
    b.wait_xpath("//section[contains(@class,'sources')]//span[contains(@class,'checked')]").await;
    b.close().await;
    // With scripts on, the app takes over the page and it works straight away: tick a task.
    let b = Browser::start(json!({})).await;
    b.client.goto(&b.url("checklist/no/business-or-job/")).await.unwrap();
    // Before the app runs, the page's tasks are there and inert.
    let early = b.js("const f = document.querySelector('#boot-main fieldset.tasks'); return f ? f.disabled : 'gone'").await;
    assert!(early == json!(true) || early == json!("gone"), "{early}");
    b.wait_for_app().await;
    b.h1("Check that you are starting a business").await;
    let shown = b.js(texts).await;
    for part in ["h1", "lead", "tasks", "sources"] {
        assert!(!served[part].as_array().unwrap().is_empty(), "{part} is in the served page");
        assert_eq!(served[part], shown[part], "the served page and the app show the same {part}");
    }
    b.click("(//main[@id='main']//fieldset[contains(@class,'tasks')]//input[@type='checkbox'])[1]").await;
    wait_saved(&b, "Object.values(data.progress.no || {}).some(p => (p.tasks || []).length > 0)").await;
    assert_eq!(b.js("return document.querySelectorAll('h1').length").await, json!(1), "one page, not two");
    b.axe().await;
    // A page in another language than English opens in that language.
    b.client.goto(&b.url("ar/checklist/no/")).await.unwrap();
    b.wait_for_app().await;
    b.wait_xpath("/html[@lang='ar' and @dir='rtl']").await;
    b.wait_path("/checklist/no/").await;
    b.h1("النرويج").await;
    b.axe().await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_as_you_type_and_share_the_view() {
    let b = Browser::start(json!({})).await;
    b.open("resources/de").await;
    b.h1("Free help and resources in Germany").await;
    let all = b.client.find_all(Locator::Css("ul.resource-list > li")).await.unwrap().len();
    let input = b.wait_xpath("//input[@id='resource-search']").await;
    input.send_keys("VAT").await.unwrap();
    // The query lives in the URL, so an adviser can send exactly this view.
    for _ in 0..50 {
        if b.client.current_url().await.unwrap().query() == Some("q=VAT") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(b.client.current_url().await.unwrap().query(), Some("q=VAT"));
    let count = b.wait_xpath("//p[contains(@class,'result-count')]").await.text().await.unwrap();
    let found = b.client.find_all(Locator::Css("ul.resource-list > li")).await.unwrap().len();
    assert!(found > 0 && found < all, "VAT narrows {all} resources to {found} ({count})");
    assert!(count.starts_with(&format!("{found} resource")), "{count}");
    b.wait_xpath(&format!("//*[@role='status' and normalize-space(.)='{found} results']")).await;
    b.axe().await;
    // A typo is forgiven.
    input.clear().await.unwrap();
    input.send_keys("Umsatzsteur").await.unwrap();
    b.wait_xpath("//p[contains(@class,'result-count') and contains(., 'found for “Umsatzsteur”')]").await;
    assert!(!b.client.find_all(Locator::Css("ul.resource-list > li")).await.unwrap().is_empty());
    // The search runs after the letter shows, for the newest text: no letter typed in between is lost.
    assert_eq!(input.prop("value").await.unwrap().as_deref(), Some("Umsatzsteur"));
    assert_eq!(b.client.current_url().await.unwrap().query(), Some("q=Umsatzsteur"));
    // The shared link opened afresh shows the same view.
    b.open("resources/no?q=mva").await;
    b.wait_xpath("//p[contains(@class,'result-count') and contains(., 'found for “mva”')]").await;
    let value = b.wait_xpath("//input[@id='resource-search']").await.prop("value").await.unwrap();
    assert_eq!(value.as_deref(), Some("mva"));
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_first_journey_by_keyboard_profile_then_checklist() {
    use fantoccini::key::Key;
    let b = Browser::start(json!({})).await;
    b.open("").await;
    b.wait_xpath("//main[@id='main']//section[contains(@class,'welcome')]").await;
    b.axe().await;
    // Keyboard only: Tab to the questions, Enter.
    b.tab_to("Answer the questions").await;
    b.press(Key::Enter).await;
    b.wait_path("/about-you").await;
    b.h1("About you and your business").await;
    b.axe().await;
    // 1. Country: Tab into the radio group (Germany comes first), arrow down to Norway.
    b.wait_xpath("//input[@id='country-no']").await;
    b.tab_to("Germany").await;
    for _ in 0..5 {
        b.press(Key::Down).await;
        if b.js("return document.getElementById('country-no').checked").await == json!(true) {
            break;
        }
    }
    wait_saved(&b, "data.profile.country === 'no'").await;
    // 2. Town: appears once the country is chosen.
    let town = b.wait_xpath("//select[@id='town']").await;
    town.select_by_value("bergen").await.unwrap();
    // 3. Residence: an EU citizen.
    b.tab_to("citizen of an EU").await;
    b.press(Key::Space).await;
    // 4. Sector: green.
    b.tab_to("Green").await;
    b.press(Key::Space).await;
    // 5. Legal form: Tab lands on the checked "help me choose"; arrow up to the first form.
    b.tab_to("Help me choose").await;
    for _ in 0..5 {
        b.press(Key::Up).await;
    }
    b.axe().await;
    b.tab_to("Show my checklist").await;
    b.press(Key::Enter).await;
    b.wait_path("/checklist/no").await;
    b.h1("Start a business in Norway").await;
    // Steps that do not fit an EU citizen are left out of the count and marked.
    b.wait_xpath("//p[contains(@class,'hint') and contains(., 'do not fit your answers')]").await;
    b.wait_xpath("//li[@data-step='residence-permit']//span[contains(., 'may not apply to you')]").await;
    // Open the second step by keyboard and tick its first task with Space.
    let second = b.wait_xpath("(//button[contains(@class,'step-toggle')])[2]").await;
    let second_title = step_title(&second).await;
    b.tab_to(&second_title).await;
    b.press(Key::Enter).await;
    b.wait_xpath("(//button[contains(@class,'step-toggle')])[2][@aria-expanded='true']").await;
    let task = "(//li[contains(@class,'step-item')])[2]//fieldset[contains(@class,'tasks')]//input";
    b.wait_xpath(task).await;
    b.press(Key::Tab).await;
    b.press(Key::Space).await;
    assert_eq!(b.wait_xpath(task).await.prop("checked").await.unwrap().as_deref(), Some("true"));
    b.axe().await;
    wait_saved(&b, "Object.values(data.progress.no || {}).some(p => p.tasks && p.tasks.length > 0)").await;
    // Everything is still there after a reload.
    b.client.refresh().await.unwrap();
    b.wait_for_app().await;
    b.wait_xpath("(//li[contains(@class,'step-item')])[2][@data-status='in-progress']").await;
    b.open("about-you").await;
    for id in ["country-no", "residence-eu", "sector-green", "form-enk"] {
        let on = b.wait_xpath(&format!("//input[@id='{id}']")).await.prop("checked").await.unwrap();
        assert_eq!(on.as_deref(), Some("true"), "{id} is kept");
    }
    let town = b.wait_xpath("//select[@id='town']").await.prop("value").await.unwrap();
    assert_eq!(town.as_deref(), Some("bergen"));
    // "Help me choose": two answers, and the chooser suggests a form with its reasons.
    b.click("//input[@id='form-help']").await;
    b.click("//input[@id='partners-no']").await;
    b.click("//input[@id='risk-no']").await;
    b.wait_xpath("//div[contains(@class,'advice')]//strong[contains(., 'We suggest: Sole proprietorship')]").await;
    b.wait_xpath("//div[contains(@class,'advice')]//li[contains(., 'you can run it alone')]").await;
    b.axe().await;
    b.click("//div[contains(@class,'advice')]//button").await;
    b.wait_xpath("//input[@id='form-enk']").await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let focused: Value = b.client.execute("return document.activeElement.id", vec![]).await.unwrap();
    assert_eq!(focused, json!("form-enk"), "focus moves to the chosen form");
    // An answer shows up as the reason a step is there.
    b.click("//input[@id='hiring-yes']").await;
    b.open("checklist/no").await;
    b.click("//button[@id='toggle-all']").await;
    b.wait_xpath("//p[contains(@class,'why') and contains(., 'Shown because you plan to hire staff')]").await;
    // The home page now says what to do next.
    b.open("").await;
    b.wait_xpath("//section[contains(@class,'next-step')]//a[contains(., 'Go to this step')]").await;
    assert!(b.client.find(Locator::Css("section.welcome")).await.is_err(), "the welcome is not shown again");
    b.axe().await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_tabs_never_overwrite_each_other() {
    let b = Browser::start(json!({})).await;
    b.open("checklist/no/business-or-job").await;
    let first = b.client.window().await.unwrap();
    b.wait_xpath("//fieldset[contains(@class,'tasks')]").await;
    // A second tab writes a note on another step.
    let second = b.client.new_window(true).await.unwrap();
    b.client.switch_to_window(second.handle.clone()).await.unwrap();
    b.open("checklist/no/register-business").await;
    b.wait_xpath("//textarea[@id='step-note']").await.send_keys("Written in the second tab").await.unwrap();
    wait_saved(&b, "JSON.stringify(data).includes('Written in the second tab')").await;
    // The first tab, never reloaded, ticks a task: the note must survive its save.
    b.client.switch_to_window(first).await.unwrap();
    b.click("(//fieldset[contains(@class,'tasks')]//input[@type='checkbox'])[1]").await;
    wait_saved(
        &b,
        "JSON.stringify(data).includes('Written in the second tab') && ((data.progress.no || {})['business-or-job'] || {tasks: []}).tasks.length > 0",
    )
    .await;
    b.client.switch_to_window(second.handle).await.unwrap();
    // The second tab picked up the tick without a reload …
    b.open("checklist/no/register-business").await;
    let note = b.wait_xpath("//textarea[@id='step-note']").await.prop("value").await.unwrap();
    assert_eq!(note.as_deref(), Some("Written in the second tab"), "the first tab's save kept the second tab's note");
    b.open("checklist/no/business-or-job").await;
    let ticked = b.wait_xpath("(//fieldset[contains(@class,'tasks')]//input[@type='checkbox'])[1]").await.prop("checked").await.unwrap();
    assert_eq!(ticked.as_deref(), Some("true"));
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn corrupted_storage_gets_a_notice_and_the_raw_data_is_kept() {
    let b = Browser::start(json!({})).await;
    b.open("").await;
    b.h1("Start your own business").await;
    b.client.execute("localStorage.setItem('career-kit/state', '{\"format\":1,\"saved_at\":5,\"data\":{\"progress\":[broken')", vec![]).await.unwrap();
    b.client.refresh().await.unwrap();
    b.wait_for_app().await;
    let notice = b.wait_xpath("//*[@data-notice='recovered']").await;
    assert!(notice.text().await.unwrap().contains("Nothing was deleted"));
    let kept: Value = b
        .client
        .execute("return Object.keys(localStorage).filter(k => k.startsWith('career-kit/backup/')).map(k => localStorage.getItem(k))", vec![])
        .await
        .unwrap();
    assert_eq!(kept, json!(["{\"format\":1,\"saved_at\":5,\"data\":{\"progress\":[broken"]));
    b.axe().await;
    // The app works on: a tick is saved afresh, and the backup is still there.
    b.open("checklist/no/business-or-job").await;
    b.click("(//fieldset[contains(@class,'tasks')]//input[@type='checkbox'])[1]").await;
    wait_saved(&b, "((data.progress.no || {})['business-or-job'] || {tasks: []}).tasks.length > 0").await;
    let backups: Value = b.client.execute("return Object.keys(localStorage).filter(k => k.startsWith('career-kit/backup/')).length", vec![]).await.unwrap();
    assert_eq!(backups, json!(1));
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filters_live_in_the_url_and_my_list_is_kept() {
    let b = Browser::start(json!({})).await;
    b.open("resources/no").await;
    b.h1("Free help and resources in Norway").await;
    let all = b.client.find_all(Locator::Css("ul.resource-list > li")).await.unwrap().len();
    b.click("//details[contains(@class,'filters')]/summary").await;
    let open: Value = b.client.execute("return document.querySelector('details.filters').open", vec![]).await.unwrap();
    assert_eq!(open, json!(true), "the summary opens the filters");
    b.wait_xpath("//select[@id='filter-kind']").await.select_by_value("funding").await.unwrap();
    b.wait_query("kind=funding").await;
    let funding = b.client.find_all(Locator::Css("ul.resource-list > li")).await.unwrap().len();
    assert!(funding > 0 && funding < all, "{funding} of {all}");
    b.wait_xpath(&format!("//p[contains(@class,'result-count') and contains(., '{funding} of {all}')]")).await;
    b.click("//input[@id='filter-free']").await;
    b.wait_query("kind=funding&free=1").await;
    b.wait_xpath("//summary[contains(., '2 on')]").await;
    b.axe().await;
    // Back restores the view before.
    b.client.back().await.unwrap();
    b.wait_query("kind=funding").await;
    let free = b.wait_xpath("//input[@id='filter-free']").await.prop("checked").await.unwrap();
    assert_eq!(free.as_deref(), Some("false"));
    // Save a resource to my list.
    let link = b.wait_xpath("(//ul[contains(@class,'resource-list')]//a)[1]").await;
    let title = link.text().await.unwrap();
    link.click().await.unwrap();
    b.h1(&title).await;
    b.click("//button[contains(., 'Save to my list')]").await;
    b.wait_xpath("//button[@aria-pressed='true' and contains(., 'Saved to my list')]").await;
    wait_saved(&b, "data.saved_resources.length > 0").await;
    b.client.refresh().await.unwrap();
    b.wait_for_app().await;
    b.wait_xpath("//button[@aria-pressed='true' and contains(., 'Saved to my list')]").await;
    b.open("resources/no?mine=1").await;
    b.wait_xpath(&format!("//ul[contains(@class,'resource-list')]/li//a[normalize-space(.)=\"{title}\"]")).await;
    assert_eq!(b.client.find_all(Locator::Css("ul.resource-list > li")).await.unwrap().len(), 1);
    b.close().await;

    // An adviser's link with filters, opened in a fresh browser.
    let b = Browser::start(json!({})).await;
    b.open("resources/de?q=beratung&place=berlin&help_in=de").await;
    b.wait_xpath("//details[contains(@class,'filters') and @open]").await;
    let place = b.wait_xpath("//select[@id='filter-place']").await.prop("value").await.unwrap();
    assert_eq!(place.as_deref(), Some("berlin"));
    let lang = b.wait_xpath("//select[@id='filter-language']").await.prop("value").await.unwrap();
    assert_eq!(lang.as_deref(), Some("de"));
    b.wait_xpath("//p[contains(@class,'result-count') and contains(., '“beratung”')]").await;
    let items = b.client.find_all(Locator::Css("ul.resource-list > li")).await.unwrap();
    assert!(!items.is_empty());
    for li in items {
        let meta = li.find(Locator::Css(".meta")).await.unwrap().text().await.unwrap();
        assert!(meta.contains("Berlin") || meta.contains("Whole country"), "not for Berlin: {meta}");
    }
    b.axe().await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_arabic_link_opens_right_to_left_and_ukrainian_needs_no_reload() {
    let b = Browser::start(json!({})).await;
    // An adviser's link opens in the client's language, whatever the browser's is.
    b.open("checklist/no?lang=ar").await;
    b.wait_xpath("/html[@lang='ar' and @dir='rtl']").await;
    // The link's language is for this visit: it is not saved as the user's choice.
    wait_saved(&b, "data.profile.country === 'no'").await;
    assert_eq!(saved_data(&b).await["settings"]["language"], Value::Null, "a link does not change the saved language");
    let h1 = b.wait_xpath("//main//h1").await.text().await.unwrap();
    assert!(has_script(&h1, ARABIC), "the checklist heading is in Arabic: {h1}");
    // The content is the Arabic pack, the official words stay Norwegian.
    let first = step_title(&b.wait_xpath("(//li[contains(@class,'step-item')])[1]//h3").await).await;
    assert!(has_script(&first, ARABIC), "the first step is in Arabic: {first}");
    b.wait_xpath("//section[contains(@class,'legal-forms')]//span[@lang='nb' and @dir='ltr' and contains(., 'Enkeltpersonforetak')]").await;
    // Readable on a phone: nothing sticks out at 320 px, right to left.
    phone_width(&b).await;
    b.fits_width().await;
    b.axe().await;
    // A step says its translation is not reviewed yet, and where the official source is.
    b.click("(//a[contains(@class,'step-link')])[1]").await;
    let note = b.wait_xpath("//p[contains(@class,'unreviewed')]").await.text().await.unwrap();
    assert!(has_script(&note, ARABIC), "{note}");
    b.fits_width().await;
    b.axe().await;

    // Switch to Ukrainian in the header: the texts change in the same page, no reload.
    b.js("window.samePage = true; return true").await;
    b.click("//select[@id='language-select']/option[@value='uk']").await;
    b.wait_xpath("/html[@lang='uk' and @dir='ltr']").await;
    b.wait_xpath("//nav[contains(@class,'breadcrumb')]").await;
    let h1 = b.wait_xpath("//main//h1").await.text().await.unwrap();
    assert!(has_script(&h1, CYRILLIC), "the step is in Ukrainian now: {h1}");
    assert_eq!(b.js("return window.samePage === true").await, json!(true), "switching must not reload the page");
    assert_eq!(b.js("return document.activeElement && document.activeElement.id").await, json!("language-select"), "focus stays on the switch");
    let url = b.client.current_url().await.unwrap();
    assert!(!url.as_str().contains("lang="), "the link's language gives way to the choice: {url}");
    b.axe().await;
    // The choice is saved: a reload stays in Ukrainian.
    b.client.refresh().await.unwrap();
    b.wait_for_app().await;
    b.wait_xpath("/html[@lang='uk' and @dir='ltr']").await;
    let h1 = b.wait_xpath("//main//h1").await.text().await.unwrap();
    assert!(has_script(&h1, CYRILLIC), "{h1}");

    // The bilingual glossary: the word on the real form, in Norwegian, beside Ukrainian.
    b.open("glossary/no").await;
    let term = b.wait_xpath("//dl[contains(@class,'glossary')]//div[@data-term='enkeltpersonforetak']").await.text().await.unwrap();
    assert!(term.contains("enkeltpersonforetak") && has_script(&term, CYRILLIC), "{term}");
    b.wait_xpath("//div[@data-term='enkeltpersonforetak']//span[@lang='nb']").await;
    let all = b.client.find_all(Locator::Css("dl.glossary > div")).await.unwrap().len();
    b.wait_xpath("//input[@id='glossary-search']").await.send_keys("registermelding").await.unwrap();
    b.wait_xpath("//div[@data-term='samordnet-registermelding']").await;
    let found = b.client.find_all(Locator::Css("dl.glossary > div")).await.unwrap().len();
    assert!(found >= 1 && found < all, "search narrows {all} words to {found}");
    b.fits_width().await;
    b.axe().await;

    // German's long words fit a phone too.
    b.click("//select[@id='language-select']/option[@value='de']").await;
    b.wait_xpath("/html[@lang='de']").await;
    b.open("checklist/de").await;
    b.click("//button[@id='toggle-all']").await;
    b.wait_xpath("(//button[contains(@class,'step-toggle')])[2][@aria-expanded='true']").await;
    b.fits_width().await;
    b.axe().await;
    b.close().await;
}

/// Issue 26: a founder in Greece who reads Farsi. The page and the guide are right to left in
/// Farsi; the Greek words on the real forms keep their own language and direction; a tick made
/// with the mouse survives a reload; they are found typed without accents or in Latin letters.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_founder_in_greece_reading_farsi_finds_the_guide_and_keeps_progress() {
    let b = Browser::start(json!({})).await;
    b.open("checklist/gr?lang=fa").await;
    b.wait_xpath("/html[@lang='fa' and @dir='rtl']").await;
    let h1 = b.wait_xpath("//main//h1").await.text().await.unwrap();
    assert!(has_script(&h1, ARABIC), "the heading is in Farsi (Arabic script): {h1}");
    phone_width(&b).await;
    b.fits_width().await;
    b.axe().await;
    // Open the first step and tick its first task with the mouse.
    b.click("(//a[contains(@class,'step-link')])[1]").await;
    // The guide is in Farsi (not reviewed yet, and it says so); the Greek words on the real
    // forms keep their own language and direction.
    let h1 = b.wait_xpath("//main[@id='main']//h1").await.text().await.unwrap();
    assert!(has_script(&h1, ARABIC), "the step is in Farsi: {h1}");
    b.wait_xpath("//p[contains(@class,'unreviewed')]").await;
    b.wait_xpath("//main[@id='main']//*[@lang='el' and @dir='ltr']").await;
    let task = b.wait_xpath("(//fieldset[contains(@class,'tasks')]//input[@type='checkbox'])[1]").await;
    let id = task.attr("id").await.unwrap().unwrap();
    task.click().await.unwrap();
    wait_saved(&b, "Object.values(data.progress.gr || {}).some(p => (p.tasks || []).length > 0)").await;
    b.client.refresh().await.unwrap();
    b.wait_for_app().await;
    b.wait_xpath(&format!("//input[@id='{id}' and @type='checkbox']")).await;
    assert_eq!(b.js(&format!("return document.getElementById('{id}').checked")).await, json!(true), "the tick survives a reload");
    b.axe().await;
    // The glossary finds the tax number typed without accents or capitals, and in Latin letters.
    b.open("glossary/gr?lang=fa").await;
    for query in ["αφμ", "afm"] {
        let input = b.wait_xpath("//input[@id='glossary-search']").await;
        input.clear().await.unwrap();
        input.send_keys(query).await.unwrap();
        let term = b.wait_xpath("//dl[contains(@class,'glossary')]//div[@data-term]").await.text().await.unwrap();
        assert!(term.contains("ΑΦΜ") || term.contains("Α.Φ.Μ."), "{query}: {term}");
    }
    b.axe().await;
    b.close().await;
}

/// Issue 24: the guide itself in the reader's language, not only the menus: Turkish in Germany,
/// Somali in Norway and Farsi in Germany (right to left). The step's body is in that language,
/// with no English sentence left, and search in Turkish and Somali finds help by a translated
/// word.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_guides_speak_turkish_somali_and_farsi() {
    let b = Browser::start(json!({})).await;
    for (path, lang, dir) in [
        ("checklist/de/gewerbeanmeldung?lang=tr", "tr", "ltr"),
        ("checklist/no/register-business?lang=so", "so", "ltr"),
        ("checklist/de/gewerbeanmeldung?lang=fa", "fa", "rtl"),
    ] {
        b.open(path).await;
        b.wait_xpath(&format!("/html[@lang='{lang}' and @dir='{dir}']")).await;
        // The body is in the page's language (no `lang` of its own, or this one).
        let body = b.wait_xpath(&format!("//main[@id='main']//div[contains(@class,'body') and (not(@lang) or @lang='{lang}')]")).await.text().await.unwrap();
        let words: Vec<String> = body.to_lowercase().split(|c: char| !c.is_alphabetic()).map(str::to_string).collect();
        for english in ["the", "you", "your", "and", "with", "must"] {
            assert!(!words.iter().any(|w| w == english), "{path}: the body has the English word {english:?}: {body}");
        }
        // The official words stay as they are, in their own language.
        b.wait_xpath("//main[@id='main']//div[contains(@class,'body')]//em").await;
        b.axe().await;
    }
    for (path, word) in [("resources/de?lang=tr", "vergi"), ("resources/no?lang=so", "canshuur")] {
        b.open(path).await;
        let all = {
            b.wait_xpath("//ul[contains(@class,'resource-list')]/li").await;
            b.client.find_all(Locator::Css("ul.resource-list > li")).await.unwrap().len()
        };
        b.wait_xpath("//input[@id='resource-search']").await.send_keys(word).await.unwrap();
        let mut found = all;
        for _ in 0..50 {
            found = b.client.find_all(Locator::Css("ul.resource-list > li")).await.unwrap().len();
            if found < all {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(found >= 1 && found < all, "{path}: {word:?} narrows {all} to {found}");
        b.axe().await;
    }
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn text_in_another_language_keeps_its_own_language_and_direction() {
    let b = Browser::start(json!({})).await;
    // The Germany guide in Farsi: right to left, with the German words on the real forms kept in
    // their own language and direction inside it.
    b.open("checklist/de/gewerbeanmeldung?lang=fa").await;
    b.wait_xpath("/html[@lang='fa' and @dir='rtl']").await;
    b.wait_xpath("//main[@id='main']//div[contains(@class,'body') and (not(@lang) or @lang='fa')]//em[@dir='auto']").await;
    // The official words keep German, left to right; the user's own note finds its direction.
    b.wait_xpath("//dl[contains(@class,'terms')]//dt/span[@lang='de' and @dir='ltr']").await;
    b.wait_xpath("//textarea[@id='step-note' and @dir='auto']").await;
    // The summary reads right to left, its full stop at its end.
    let lead = b.js("const p = document.querySelector('main#main p.lead'); return getComputedStyle(p).direction").await;
    assert_eq!(lead, json!("rtl"));
    // An organisation's name (in German) keeps its own language inside the Farsi page.
    b.wait_xpath("//main[@id='main']//*[@lang='de']").await;
    // The footer's Latin names are isolated inside the Farsi sentence.
    let footer = b.js("return document.querySelector('footer').innerText").await;
    assert!(footer.as_str().unwrap().contains("\u{2068}Erasmus+\u{2069}"), "{footer}");
    phone_width(&b).await;
    b.fits_width().await;
    b.axe().await;
    // The checklist in Ukrainian: German official words, long, on a phone, break only where they must.
    b.open("checklist/de?lang=uk").await;
    b.wait_xpath("/html[@lang='uk']").await;
    b.click("//button[@id='toggle-all']").await;
    b.wait_xpath("(//button[contains(@class,'step-toggle')])[2][@aria-expanded='true']").await;
    b.fits_width().await;
    b.axe().await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shared_plan_opens_read_only_elsewhere_and_a_backup_restores_it() {
    let a = Browser::start(json!({})).await;
    // A plan: answers, a status, a tick, a note with markup in it.
    a.open("about-you").await;
    a.click("//input[@id='country-no']").await;
    a.click("//input[@id='residence-permit']").await;
    a.open("checklist/no/business-or-job").await;
    a.click("(//fieldset[contains(@class,'tasks')]//input[@type='checkbox'])[1]").await;
    a.wait_xpath("//textarea[@id='step-note']").await.send_keys("Call <b>Altinn</b> on Friday").await.unwrap();
    a.wait_xpath("//select[@id='step-status']").await.select_by_value("done").await.unwrap();
    wait_saved(&a, "JSON.stringify(data).includes('Call <b>Altinn</b> on Friday') && data.progress.no['business-or-job'].status === 'done'").await;
    let plan = saved_data(&a).await;
    assert_eq!(plan["progress"]["no"]["business-or-job"]["status"], json!("done"), "{plan}");

    // Share it: a link with the plan in its fragment, and its QR code.
    a.open("share").await;
    a.axe().await;
    // Nothing private goes in unless ticked, and the page says what will.
    a.click("//button[@id='make-plan-link']").await;
    let bare = a.wait_xpath("//input[@id='plan-link']").await.prop("value").await.unwrap().unwrap();
    a.wait_xpath("//div[@id='share-preview']//li[contains(., 'step')]").await;
    assert!(a.client.find(Locator::XPath("//div[@id='share-preview']//li[contains(., 'note')]")).await.is_err(), "no notes unless chosen");
    a.click("//input[@id='share-notes']").await;
    a.click("//input[@id='share-residence']").await;
    a.click("//input[@id='share-answers']").await;
    a.wait_xpath("//div[@id='share-preview']//li[contains(., '1 note')]").await;
    a.wait_xpath("//div[@id='share-preview']//li[contains(., 'residence permit')]").await;
    a.axe().await;
    a.click("//button[@id='make-plan-link']").await;
    let link = a.wait_xpath("//input[@id='plan-link']").await.prop("value").await.unwrap().unwrap();
    assert_ne!(link, bare, "the choices change the link");
    assert!(link.starts_with(&a.url("open#")), "{link}");
    assert!(link.len() <= 2000, "{} characters", link.len());
    // "Copy link" puts it on the clipboard.
    a.cdp("Browser.grantPermissions", json!({ "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] })).await;
    a.click("//div[contains(@class,'link-box')]//button").await;
    a.wait_xpath("//div[contains(@class,'link-box')]//p[@role='status' and .='Link copied.']").await;
    let read_clipboard = "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done(String(e)))";
    let copied = a.client.execute_async(read_clipboard, vec![]).await.unwrap();
    assert_eq!(copied, json!(link));
    // Every page, here a filtered view of the resources, copies its own address.
    a.open("resources/no?free=1").await;
    a.wait_xpath("//ul[contains(@class,'resource-list')]").await;
    a.click("//p[contains(@class,'page-link')]/button").await;
    a.wait_xpath("//p[contains(@class,'page-link')]//span[@role='status' and .='Link copied.']").await;
    let here = a.client.current_url().await.unwrap().to_string();
    assert!(here.contains("free=1"), "{here}");
    assert_eq!(a.client.execute_async(read_clipboard, vec![]).await.unwrap(), json!(here));
    a.open("share").await;
    for tick in ["share-notes", "share-residence", "share-answers"] {
        a.click(&format!("//input[@id='{tick}']")).await;
    }
    a.click("//button[@id='make-plan-link']").await;
    assert_eq!(read_qr(&a, &a.wait_xpath("//figure[contains(@class,'qr')]").await).await, link, "the QR code holds the link");
    a.axe().await;

    // Opened in a fresh browser: the same plan, read-only.
    let b = Browser::start(json!({})).await;
    let path = link.split_once(&b.base).map(|(_, p)| p.to_string()).unwrap();
    let link_b = b.url(&path);
    b.client.goto(&link_b).await.unwrap();
    b.wait_for_app().await;
    b.h1("A plan someone shared with you").await;
    b.wait_xpath("//ol[contains(@class,'shared-plan')]/li[@data-step='business-or-job']//span[@class='status' and .='Done']").await;
    let note = b.wait_xpath("//li[@data-step='business-or-job']//p[@class='note']").await.text().await.unwrap();
    assert_eq!(note, "Call <b>Altinn</b> on Friday", "markup in a note stays text");
    b.wait_xpath("//dl[contains(@class,'answers')]//dd[contains(., 'residence permit')]").await;
    b.axe().await;
    // One numbering everywhere: the shared plan numbers its steps as the founder's checklist.
    let markers = "return [...document.querySelectorAll('main li.step-item')].map(li => li.dataset.step + ' ' + li.querySelector('.marker').textContent)";
    let shared_numbers = b.js(markers).await;
    a.open("checklist/no").await;
    a.wait_xpath("//ol[contains(@class,'steps')]/li").await;
    assert_eq!(shared_numbers, a.js(markers).await, "the shared plan and the checklist number steps alike");
    assert!(shared_numbers.as_array().is_some_and(|m| m.len() > 10));
    a.open("share").await;
    a.wait_xpath("//button[@id='download-backup']").await;
    assert_eq!(saved_data(&b).await, Value::Null, "opening a plan saves nothing");
    // Keeping a copy is a separate, confirmed step; then it is this browser's plan.
    b.click("//button[@id='keep-copy']").await;
    b.click("//div[@role='alertdialog']//button[contains(., 'keep it as my plan')]").await;
    b.wait_path("/checklist/no").await;
    b.wait_xpath("//li[@data-step='business-or-job' and @data-status='done']").await;
    wait_saved(&b, "((data.progress.no || {})['business-or-job'] || {}).status === 'done'").await;
    let kept = saved_data(&b).await;
    assert_eq!(kept["progress"], plan["progress"]);
    assert_eq!(kept["profile"], plan["profile"]);
    // With a plan and no backup yet, the start page says to keep one.
    b.open("").await;
    b.wait_xpath("//section[contains(@class,'backup-reminder')]//a[contains(@href,'/share')]").await;

    // An adviser's link never overwrites a plan without asking.
    b.open("adviser").await;
    b.wait_xpath("//select[@id='adviser-country']").await.select_by_value("de").await.unwrap();
    b.wait_xpath("//select[@id='adviser-town']").await.select_by_value("berlin").await.unwrap();
    b.wait_xpath("//select[@id='adviser-language']").await.select_by_value("ar").await.unwrap();
    b.axe().await;
    let advice = b.wait_xpath("//input[@id='client-link-field']").await.prop("value").await.unwrap().unwrap();
    assert!(advice.contains("open?lang=ar#"), "{advice}");
    let path = advice.split_once(&b.base).map(|(_, p)| p.to_string()).unwrap();
    b.open(&path).await;
    b.wait_xpath("/html[@dir='rtl']").await;
    b.click("//button[@id='use-preset']").await;
    b.wait_xpath("//div[@role='alertdialog']").await;
    b.axe().await;
    b.click("//div[@role='alertdialog']//button[contains(@class,'secondary')]").await;
    assert_eq!(saved_data(&b).await["profile"], plan["profile"], "cancel keeps the plan's answers");
    // In a browser with no answers yet, the adviser's answers apply at once.
    let c = Browser::start(json!({})).await;
    c.open(&path).await;
    c.wait_xpath("/html[@lang='ar' and @dir='rtl']").await;
    c.click("//button[@id='use-preset']").await;
    c.wait_path("/checklist/de").await;
    wait_saved(&c, "data.profile.country === 'de'").await;
    assert_eq!(saved_data(&c).await["profile"]["town"], json!("berlin"));
    c.close().await;
    b.close().await;

    // Export, wipe, import: the same plan.
    let downloads = std::env::temp_dir().join(format!("ck-downloads-{}", std::process::id()));
    std::fs::create_dir_all(&downloads).unwrap();
    a.cdp("Browser.setDownloadBehavior", json!({ "behavior": "allow", "downloadPath": downloads.to_str().unwrap() })).await;
    a.click("//button[@id='download-backup']").await;
    let mut file = None;
    for _ in 0..100 {
        file = std::fs::read_dir(&downloads).unwrap().flatten().map(|e| e.path()).find(|p| p.extension().is_some_and(|x| x == "json"));
        if file.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let file = file.expect("the backup file is downloaded");
    wait_saved(&a, "typeof data.last_backup_ms === 'number'").await;
    let before = saved_data(&a).await;
    assert!(before["last_backup_ms"].is_number(), "the backup is remembered");
    a.js("localStorage.clear(); return true").await;
    a.client.refresh().await.unwrap();
    a.wait_for_app().await;
    a.wait_xpath("//p[contains(@class,'last-backup') and contains(., 'not saved a backup')]").await;
    a.wait_xpath("//input[@id='restore-file']").await.send_keys(file.to_str().unwrap()).await.unwrap();
    a.wait_xpath("//div[@role='alertdialog']//ul[contains(@class,'changes')]/li").await;
    a.axe().await;
    a.click("//div[@role='alertdialog']//button[contains(., 'replace my plan')]").await;
    a.wait_xpath("//*[@role='status' and contains(., 'restored')]").await;
    wait_saved(&a, "JSON.stringify(data).includes('Call <b>Altinn</b> on Friday') && typeof data.last_backup_ms === 'number'").await;
    assert_eq!(saved_data(&a).await, before, "export, wipe, import: identical");
    std::fs::remove_dir_all(&downloads).ok();

    // Hostile input changes nothing and says why.
    a.open("open#AAAA-this-is-not-a-plan").await;
    a.h1("This link cannot be opened").await;
    a.open("share").await;
    a.wait_xpath("//input[@id='open-link-input']").await.send_keys("  javascript:alert(1)//#x").await.unwrap();
    a.click("//form//button[@type='submit']").await;
    a.wait_xpath("//p[@role='alert' and contains(., 'not a Career Kit link')]").await;
    assert_eq!(saved_data(&a).await, before);
    a.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn works_offline_after_the_first_visit_and_updates_when_asked() {
    // A deployment of its own, so the test can publish a second version into it.
    let site = own_deployment("site");
    let b = Browser::start_at(site.clone(), base(), json!({})).await;
    b.open("checklist/no/business-or-job").await;
    b.wait_xpath("//select[@id='step-status']").await.select_by_value("waiting").await.unwrap();
    // The service worker takes charge and keeps what this first visit loaded.
    poll(
        &b,
        "const done = arguments[0]; navigator.serviceWorker.getRegistration().then(r => done(!!(r && r.active) && !!navigator.serviceWorker.controller))",
        "the service worker",
    )
    .await;
    poll(
        &b,
        "const done = arguments[0]; caches.keys().then(k => Promise.all(k.map(n => caches.open(n).then(c => c.keys())))) \
        .then(all => done(all.flat().some(r => r.url.includes('/packs/no.en.')) && all.flat().some(r => r.url.includes('/packs/ui.en.'))))",
        "the guide and the texts in the cache",
    )
    .await;
    wait_saved(&b, "Object.values(data.progress.no || {}).some(p => p.status === 'waiting')").await;

    // No network at all: the app, the texts, the guide and the progress are still there.
    b.server.set_offline(true);
    b.client.refresh().await.unwrap();
    b.wait_for_app().await;
    b.wait_xpath("//select[@id='step-status']").await;
    let status = b.wait_xpath("//select[@id='step-status']").await.prop("value").await.unwrap();
    assert_eq!(status.as_deref(), Some("waiting"), "progress offline");
    b.open("checklist/no").await;
    b.wait_xpath("//li[@data-step='business-or-job' and @data-status='waiting']").await;
    b.axe().await;
    // Pages this visit never opened are there too: the worker kept every page's chunk.
    b.open("courses").await;
    b.h1("Courses").await;
    b.open("checklist/no").await;
    b.wait_xpath("//li[@data-step='business-or-job' and @data-status='waiting']").await;
    let before = cached(&b).await;

    // A second deployment with a changed file: the app says a new version is ready, and
    // switches when asked, with the progress as it was.
    b.server.set_offline(false);
    let index = site.join("packs/index.json");
    let mut list: Value = serde_json::from_str(&std::fs::read_to_string(&index).unwrap()).unwrap();
    list["deployed"] = json!(2);
    std::fs::write(&index, list.to_string()).unwrap();
    let out = std::process::Command::new("node").arg("tools/sw.mjs").arg(&site).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    b.client.refresh().await.unwrap();
    b.wait_for_app().await;
    b.wait_xpath("//*[@data-notice='update']//button[@id='apply-update']").await;
    b.axe().await;
    b.client.execute("window.__beforeUpdate = true", vec![]).await.unwrap();
    b.click("//button[@id='apply-update']").await;
    // The page reloads once the new worker is in charge: wait for the new document first.
    poll(&b, "return !window.__beforeUpdate && document.readyState === 'complete'", "the reload").await;
    poll(
        &b,
        &format!(
            "const done = arguments[0]; caches.keys().then(k => done(k.length === 1 && !{}.includes(k[0])))",
            json!(before.as_array().unwrap().iter().map(|c| c[0].clone()).collect::<Vec<_>>())
        ),
        "the new version's cache alone",
    )
    .await;
    b.wait_xpath("//li[@data-step='business-or-job' and @data-status='waiting']").await;
    assert!(b.client.find(Locator::Css("[data-notice='update']")).await.is_err(), "the notice is gone after the update");
    b.close().await;
    let _ = std::fs::remove_dir_all(&site);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_whose_chunk_cannot_be_fetched_says_so_and_tries_again() {
    // A deployment of its own, with the sharing pages' chunk damaged: it fails its integrity
    // check, as a file broken on the way would.
    let site = own_deployment("chunk");
    let (chunk, good) = damage(&site, |name| name.starts_with("split_sharing-"));
    let b = Browser::start_at(site.clone(), base(), json!({})).await;
    // The page's own requests, not a service worker's copy.
    b.cdp("Network.enable", json!({})).await;
    b.cdp("Network.setBypassServiceWorker", json!({ "bypass": true })).await;
    b.open("share").await;
    b.wait_xpath("//main//*[@role='alert']//h1[contains(., 'This page could not be loaded')]").await;
    b.axe().await;
    // The app itself still works: the menu leads on, and the home page is there.
    b.click("//header//a[contains(@href, 'checklist')]").await;
    b.wait_xpath("//main//h1").await;
    b.client.back().await.unwrap();
    b.wait_xpath("//main//*[@role='alert']//button[contains(., 'Try again')]").await;
    // The file is mended (a new deployment, the network back): "Try again" fetches it again.
    std::fs::write(&chunk, &good).unwrap();
    b.click("//main//*[@role='alert']//button[contains(., 'Try again')]").await;
    b.h1("Share and keep your plan").await;
    assert!(b.client.find(Locator::XPath("//main//h1[contains(., 'could not be loaded')]")).await.is_err(), "the message is gone");
    b.close().await;
    let _ = std::fs::remove_dir_all(&site);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_app_that_cannot_be_fetched_says_so_on_the_first_screen() {
    // A deployment of its own, with the app's wasm damaged by one byte: it fails its integrity
    // check, as a file broken on the way would.
    let site = own_deployment("wasm");
    let (wasm, good) = damage(&site, |name| name.ends_with("_bg.wasm"));
    let b = Browser::start_at(site.clone(), base(), json!({})).await;
    b.open("").await;
    // The first screen stays readable and says what went wrong, instead of loading for ever.
    b.wait_xpath("//div[@id='boot']//*[@role='alert' and contains(., 'Career Kit could not start')]").await;
    b.wait_xpath("//main[@id='boot-main']/h1[contains(., 'Start your own business')]").await;
    assert!(b.client.find(Locator::Css("#boot .spinner")).await.is_err(), "no spinner beside the message");
    b.axe().await;
    // A plan saved on this device stays reachable: the first screen offers it as a backup file.
    b.js(r#"localStorage.setItem('career-kit/state', '{"format":1,"saved_at":5,"data":{"profile":{"country":"no"}}}'); return true"#).await;
    b.client.refresh().await.unwrap();
    b.wait_for_app().await;
    b.wait_xpath("//div[@id='boot']//*[@role='alert']//button[contains(., 'Save my plan as a file')]").await;
    b.axe().await;
    // The file is mended: "Try again" fetches it again and the app starts.
    std::fs::write(&wasm, &good).unwrap();
    b.click("//div[@id='boot']//*[@role='alert']//button[contains(., 'Try again')]").await;
    b.wait_xpath("//nav[@aria-label='Main']//a[contains(., 'Checklist')]").await;
    assert!(b.client.find(Locator::Id("boot")).await.is_err(), "the app replaced the first screen");
    b.close().await;
    let _ = std::fs::remove_dir_all(&site);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_trainer_builds_a_course_that_a_participant_follows_presents_and_prints() {
    let a = Browser::start(json!({})).await;
    a.open("courses").await;
    a.h1("Courses").await;
    a.axe().await;
    // A name is needed.
    a.click("//button[@id='create-course']").await;
    a.wait_xpath("//p[@id='course-name-problem' and normalize-space(.)!='']").await;
    a.wait_xpath("//input[@id='course-name']").await.send_keys("Evening course, Bergen").await.unwrap();
    a.click("//button[@id='create-course']").await;
    a.h1("Edit: Evening course, Bergen").await;
    let id = a.path().await.split('/').rev().nth(1).unwrap().to_string();

    // Day 1: two steps from the Norway guide, a note and a task of the trainer's own.
    a.wait_xpath("//input[@id='session-title-0']").await.send_keys(": idea and market").await.unwrap();
    for step in ["business-idea", "business-or-job"] {
        a.wait_xpath("//select[@id='add-step-0']").await.select_by_value(step).await.unwrap();
        a.click("//button[@id='add-step-button-0']").await;
        a.wait_xpath(&format!("//li[@data-course-step='{step}']")).await;
    }
    // The second step moves up: the trainer decides the order.
    a.click("//button[@id='step-up-business-or-job']").await;
    a.wait_xpath("(//ol[contains(@class,'step-editor')])[1]/li[1][@data-course-step='business-or-job']").await;
    a.wait_xpath("//textarea[@id='note-0-1']").await.send_keys("Bring your idea in three sentences.").await.unwrap();
    a.wait_xpath("//input[@id='new-task-0-1']").await.send_keys("Tell the group your idea").await.unwrap();
    a.click("//input[@id='new-task-0-1']/following-sibling::button").await;
    a.wait_xpath("//li[@data-course-step='business-idea']//li[contains(., 'Tell the group your idea')]").await;
    // Day 2, with one step, and a local resource.
    a.click("//button[@id='add-session']").await;
    // The new session's title is selected, ready to be typed over.
    a.wait_xpath("//input[@id='session-title-1']").await;
    assert_eq!(
        a.js("const e = document.activeElement; return [e.id, e.selectionStart, e.selectionEnd, e.value.length]").await,
        json!(["session-title-1", 0, 5, 5])
    );
    a.client.active_element().await.unwrap().send_keys("Day 2: registration").await.unwrap();
    a.wait_xpath("//select[@id='add-step-1']").await.select_by_value("register-business").await.unwrap();
    a.click("//button[@id='add-step-button-1']").await;
    a.wait_xpath("//li[@data-course-step='register-business']").await;
    a.click("//button[@id='add-resource']").await;
    a.wait_xpath("//input[@id='res-title-0']").await.send_keys("Course room, Bergen library").await.unwrap();
    a.wait_xpath("//input[@id='res-url-0']").await.send_keys("https://example.org/course-room").await.unwrap();
    // Local help that is a place, not a website: a street address is enough.
    a.click("//button[@id='add-resource']").await;
    a.wait_xpath("//input[@id='res-title-1']").await.send_keys("Drop-in hours, Bergen town hall").await.unwrap();
    a.wait_xpath("//input[@id='res-address-1']").await.send_keys("Rådhusgaten 10, Bergen").await.unwrap();
    a.axe().await;
    // A half-typed web address, then straight to "See the course": the message that appears
    // as the field loses focus does not swallow the tap.
    a.click("//button[@id='add-resource']").await;
    a.wait_xpath("//input[@id='res-url-2']").await.send_keys("htt").await.unwrap();
    a.click("//a[@id='done-editing']").await;
    a.h1("Evening course, Bergen").await;
    a.wait_xpath(
        "//section[@aria-labelledby='course-resources']//li[contains(., 'Drop-in hours, Bergen town hall') and contains(., 'Rådhusgaten 10, Bergen')]",
    )
    .await;
    let order = ["business-or-job", "business-idea", "register-business"];
    let listed: Vec<String> = {
        let mut v = vec![];
        for e in a.client.find_all(Locator::XPath("//ol[contains(@class,'course-steps')]/li")).await.unwrap() {
            v.push(e.attr("data-step").await.unwrap().unwrap());
        }
        v
    };
    assert_eq!(listed, order, "the course lists its steps in the trainer's order");
    wait_saved(&a, &format!("data.courses['{id}'] && data.courses['{id}'].course.resources.length === 3")).await;
    let saved = saved_data(&a).await;
    assert_eq!(saved["courses"][&id]["course"]["sessions"][0]["title"], json!("Day 1: idea and market"), "{saved}");
    assert!(saved["courses"][&id]["course"]["sessions"][0]["steps"][0].get("title").is_none(), "the course names steps, it copies no content");
    let link = a.wait_xpath("//input[@id='course-link']").await.prop("value").await.unwrap().unwrap();
    assert!(link.starts_with(&a.url("open#")), "{link}");
    assert_eq!(read_qr(&a, &a.wait_xpath("//section[@aria-labelledby='share-course']//figure[contains(@class,'qr')]").await).await, link);
    a.axe().await;

    // The handout on A4: both sessions, the steps in course order, the trainer's note, link
    // addresses written out, no site navigation, and Day 2 on a new page.
    a.open(&format!("courses/{id}/handout")).await;
    a.h1("Evening course, Bergen").await;
    a.axe().await;
    let titles = texts(&a, "//article[contains(@class,'print-step')]/h3").await;
    assert_eq!(titles.len(), 3);
    let text = printed_text(&a, "handout").await;
    in_order(
        &text,
        &[
            "Day 1: idea and market".into(),
            titles[0].clone(),
            titles[1].clone(),
            "Bring your idea in three sentences.".into(),
            "Day 2: registration".into(),
            titles[2].clone(),
            "https://example.org/course-room".into(),
        ],
        "handout",
    );
    starts_a_page(&text, "Day 2: registration");
    assert!(!text.contains("Copy the link to this page") && !text.contains("Settings"), "no navigation chrome on paper");

    // A participant opens the link in a fresh browser: the course is their checklist.
    let b = Browser::start(json!({})).await;
    let path = link.split_once(&b.base).map(|(_, p)| p.to_string()).unwrap();
    b.client.goto(&b.url(&path)).await.unwrap();
    b.wait_for_app().await;
    // First the offer: what the course is, its local help with every address written out, and
    // nothing kept until the participant says so.
    b.h1("Evening course, Bergen").await;
    b.wait_xpath("//ul[contains(@class,'offer-help')]//li[contains(., 'https://example.org/course-room')]").await;
    b.axe().await;
    assert_eq!(saved_data(&b).await, Value::Null, "nothing is kept before the participant agrees");
    b.click("//button[@id='course-follow']").await;
    b.wait_xpath("//p[@role='status' and contains(., 'You follow this course now')]").await;
    b.wait_xpath("//li[@data-step='business-idea']//div[@data-trainer]//p[@class='trainer-label' and .='From your trainer']").await;
    b.axe().await;
    // Their tick on the trainer's task is their own progress, kept on their device.
    b.click("//li[@data-step='business-idea']//div[@data-trainer]//input[@type='checkbox']").await;
    wait_saved(&b, "JSON.stringify(data.progress).includes('course-')").await;
    let theirs = saved_data(&b).await;
    assert!(theirs["progress"]["no"]["business-idea"]["tasks"].as_array().unwrap().contains(&json!(format!("course-{id}-1"))), "{theirs}");
    assert_eq!(theirs["courses"][&id]["mine"], json!(false));
    b.open(&format!("courses/{id}")).await;
    assert!(
        b.wait_xpath("//li[@data-step='business-idea']//div[@data-trainer]//input[@type='checkbox']").await.prop("checked").await.unwrap()
            == Some("true".into())
    );
    assert!(b.client.find(Locator::XPath("//a[contains(@href,'/edit')]")).await.is_err(), "a participant cannot edit the trainer's course");

    // Presenter mode: one screen at a time, moved by the keys a clicker sends.
    b.click("//a[@id='present-course']").await;
    let heading = "//h2[@id='slide-heading']";
    b.wait_xpath(&format!("{heading}[.='Evening course, Bergen']")).await;
    assert_eq!(
        b.js("return document.body.classList.contains('presenting') && getComputedStyle(document.querySelector('.site-header')).display").await,
        json!("none")
    );
    use fantoccini::key::Key;
    let press = |k: Key| {
        let b = &b;
        async move { b.press(k).await }
    };
    press(Key::Right).await;
    b.wait_xpath(&format!("{heading}[.='Day 1: idea and market']")).await;
    press(Key::PageDown).await;
    b.wait_xpath(&format!("{heading}[@data-step='business-or-job']")).await;
    b.client.active_element().await.unwrap().send_keys(" ").await.unwrap();
    b.wait_xpath(&format!("{heading}[@data-step='business-idea']")).await;
    b.wait_xpath("//section[@aria-roledescription='slide']//li[contains(., 'Tell the group your idea')]").await;
    press(Key::PageUp).await;
    b.wait_xpath(&format!("{heading}[@data-step='business-or-job']")).await;
    b.wait_xpath("//span[contains(@class,'position') and .='3 of 7']").await;
    assert_eq!(
        read_qr(&b, &b.wait_xpath("//aside[contains(@class,'presenter-corner')]//figure").await).await,
        b.url(&path),
        "the corner's QR code is the course link"
    );
    b.axe().await;
    // With a mouse, on a 1280 x 720 projector: Next says "Next", is enabled and moves; every
    // slide fits the screen, with the controls, the corner and the keys in view; the last
    // slide is the trainer's local help.
    b.cdp("Emulation.setDeviceMetricsOverride", json!({ "width": 1280, "height": 720, "deviceScaleFactor": 1, "mobile": false })).await;
    press(Key::Home).await;
    b.wait_xpath(&format!("{heading}[.='Evening course, Bergen']")).await;
    let next = b.wait_xpath("//button[@id='slide-next']").await;
    assert_eq!(next.text().await.unwrap().trim(), "Next →");
    assert_eq!(next.attr("disabled").await.unwrap(), None, "Next is enabled on the first slide");
    assert!(b.wait_xpath("//button[@id='slide-prev']").await.attr("disabled").await.unwrap().is_some(), "Previous is disabled on the first slide");
    for at in 1..=7 {
        let fit = b
            .js("const h = innerHeight; const out = ['.presenter-controls', '.presenter-corner', '.presenter-keys', '#slide-heading']                    .map(s => [s, document.querySelector(s).getBoundingClientRect()]).filter(([, r]) => r.bottom > h + 1 || r.top < -1).map(([s, r]) => s + ' ' + r.top + '..' + r.bottom);                  return { out, page: document.documentElement.scrollHeight, h };")
            .await;
        assert_eq!(fit["out"], json!([]), "slide {at} does not fit 1280 x 720: {fit}");
        assert!(fit["page"].as_u64() <= fit["h"].as_u64(), "the stage scrolls as a whole: {fit}");
        if at < 7 {
            b.click("//button[@id='slide-next']").await;
            b.wait_xpath(&format!("//span[contains(@class,'position') and .='{} of 7']", at + 1)).await;
        }
    }
    b.wait_xpath(&format!("{heading}[.='Local help from your trainer']")).await;
    b.wait_xpath("//section[@aria-roledescription='slide']//li[contains(., 'Course room, Bergen library') and contains(., 'https://example.org/course-room')]")
        .await;
    b.wait_xpath("//section[@aria-roledescription='slide']//li[contains(., 'Drop-in hours, Bergen town hall') and contains(., 'Rådhusgaten 10, Bergen')]")
        .await;
    assert!(b.wait_xpath("//button[@id='slide-next']").await.attr("disabled").await.unwrap().is_some(), "Next is disabled on the last slide");
    b.click("//button[@id='slide-prev']").await;
    b.wait_xpath("//span[contains(@class,'position') and .='6 of 7']").await;
    b.axe().await;
    press(Key::Escape).await;
    b.h1("Evening course, Bergen").await;
    // In Arabic the arrows follow the reading direction.
    b.open(&format!("courses/{id}/present?lang=ar")).await;
    b.wait_xpath("//html[@dir='rtl']").await;
    b.wait_xpath(&format!("{heading}[.='Evening course, Bergen']")).await;
    press(Key::Left).await;
    b.wait_xpath(&format!("{heading}[.='Day 1: idea and market']")).await;
    b.axe().await;
    a.close().await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_plan_prints_on_a4_and_due_dates_go_to_the_calendar() {
    let b = Browser::start(json!({})).await;
    let downloads = std::env::temp_dir().join(format!("ck-downloads-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&downloads);
    std::fs::create_dir_all(&downloads).unwrap();
    b.cdp("Browser.setDownloadBehavior", json!({ "behavior": "allow", "downloadPath": downloads.to_str().unwrap() })).await;
    // A plan with a status, a note and two due dates.
    for (step, due) in [("business-idea", "2027-01-31"), ("register-business", "2026-12-15")] {
        b.open(&format!("checklist/no/{step}")).await;
        let input = b.wait_xpath("//input[@id='step-due']").await;
        b.client
            .execute(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', { bubbles: true }))",
                vec![serde_json::to_value(&input).unwrap(), json!(due)],
            )
            .await
            .unwrap();
    }
    b.wait_xpath("//textarea[@id='step-note']").await.send_keys("Ask about the VAT limit").await.unwrap();
    b.wait_xpath("//select[@id='step-status']").await.select_by_value("in-progress").await.unwrap();
    wait_saved(&b, "JSON.stringify(data).includes('Ask about the VAT limit') && JSON.stringify(data.progress).includes('in-progress')").await;

    // The calendar file: two all-day events that a calendar app reads back.
    b.open("checklist/no").await;
    b.click("//button[@id='calendar-download']").await;
    let file = downloads.join("career-kit-no.ics");
    // Chromium may create the file before it has written it: wait until it is whole.
    let partial = |d: &std::path::Path| std::fs::read_dir(d).unwrap().flatten().any(|e| e.file_name().to_string_lossy().ends_with(".crdownload"));
    for _ in 0..100 {
        if std::fs::metadata(&file).is_ok_and(|m| m.len() > 0) && !partial(&downloads) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let ics = std::fs::read_to_string(&file).expect("the .ics file was downloaded");
    let calendar = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes())).next().expect("a calendar").expect("it parses");
    let prop = |e: &ical::parser::ical::component::IcalEvent, name: &str| {
        e.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).unwrap_or_default()
    };
    assert_eq!(calendar.events.len(), 2, "{ics}");
    // Checklist order: the idea (explore) before registering.
    assert_eq!(prop(&calendar.events[0], "DTSTART"), "20270131");
    assert_eq!(prop(&calendar.events[1], "DTSTART"), "20261215");
    assert_eq!(prop(&calendar.events[1], "UID"), "no-register-business@career-kit");
    assert!(prop(&calendar.events[1], "URL").ends_with("/career-kit/checklist/no/register-business"));

    // The plan on A4: every step that fits, phase by phase, in order, the progress and note,
    // link addresses written out, no navigation chrome.
    b.open("print/no").await;
    b.h1("My start-up plan: Norway").await;
    b.axe().await;
    let steps = texts(&b, "//article[contains(@class,'print-step')]/h3").await;
    assert!(steps.len() >= 15, "{steps:?}");
    let text = printed_text(&b, "plan").await;
    in_order(&text, &steps, "plan");
    assert!(text.contains("Ask about the VAT limit") && text.contains("2026-12-15"), "progress on paper");
    assert!(text.contains("(https://"), "link addresses after the link text");
    assert!(!text.contains("Copy the link to this page") && !text.contains("Settings"), "no navigation chrome");
    for phase in texts(&b, "//section[contains(@class,'print-phase')]/h2").await.iter().skip(1) {
        starts_a_page(&text, phase);
    }

    // The appointment pack: the step, what to bring and ask, the official words.
    b.open("checklist/no/register-business").await;
    b.click("//a[contains(@href,'/register-business/appointment')]").await;
    b.h1("Appointment:").await;
    b.axe().await;
    let text = printed_text(&b, "appointment").await;
    in_order(
        &text,
        &[
            "Documents to bring".into(),
            "Questions to ask".into(),
            "What does this cost for me?".into(),
            "Samordnet registermelding".into(),
            "Ask about the VAT limit".into(),
        ],
        "appointment",
    );

    // Right to left on paper too.
    b.open("print/no?lang=ar").await;
    b.wait_xpath("//html[@dir='rtl']").await;
    b.wait_xpath("//article[contains(@class,'print-step')]").await;
    let text = printed_text(&b, "plan-ar").await;
    assert!(has_script(&text, '\u{0600}'..='\u{06FF}'), "Arabic text in the PDF");
    assert!(text.contains("Enkeltpersonforetak") || text.contains("enkeltpersonforetak"), "official terms stay in Norwegian");
    b.close().await;
    let _ = std::fs::remove_dir_all(&downloads);
}

/// The outside review, as its users met it: the legal-form chooser and risk, temporary
/// protection, the adviser's questions, due dates and saved help in view, the step-by-step
/// checks GOV.UK runs, and Ctrl+P printing every step.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_chooser_weighs_risk_and_protection_is_an_answer() {
    let b = Browser::start(json!({})).await;
    b.open("about-you").await;
    b.click("//input[@id='country-no']").await;
    // Temporary or collective protection is an answer of its own, and says why a step shows.
    b.click("//input[@id='residence-protection']").await;
    b.click("//input[@id='form-help']").await;
    // Alone, big risks, no investors: not a sole proprietorship with only "you can run it alone".
    b.click("//input[@id='partners-no']").await;
    b.click("//input[@id='risk-yes']").await;
    b.click("//input[@id='investors-no']").await;
    let advice = b.wait_xpath("//div[contains(@class,'advice')]").await.text().await.unwrap();
    assert!(advice.contains("We suggest: Private limited company"), "{advice}");
    assert!(advice.contains("your private money is protected"), "{advice}");
    assert!(advice.contains("The price:") && advice.contains("Money needed to start"), "the trade-off is said: {advice}");
    // Small risks: the sole proprietorship, with what it risks said plainly.
    b.click("//input[@id='risk-no']").await;
    b.wait_xpath("//div[contains(@class,'advice')]//strong[contains(., 'We suggest: Sole proprietorship')]").await;
    b.wait_xpath("//div[contains(@class,'advice')]//p[contains(@class,'trade-off') and contains(., 'What you risk:') and contains(., 'personally responsible for all debts')]").await;
    // Investors: a suggestion still comes, never nothing.
    b.click("//input[@id='investors-yes']").await;
    b.wait_xpath("//div[contains(@class,'advice')]//strong[contains(., 'We suggest:')]").await;
    b.axe().await;
    b.open("checklist/no").await;
    b.click("//button[@id='toggle-all']").await;
    b.wait_xpath("//li[@data-step='residence-permit']//p[contains(@class,'why') and contains(., 'temporary or collective protection')]").await;
    // "Show all steps" names the panels it opens.
    let controls = b.wait_xpath("//button[@id='toggle-all']").await.attr("aria-controls").await.unwrap().unwrap();
    let panels = b.js("return [...document.querySelectorAll('.step-body')].map(e => e.id).join(' ')").await;
    assert_eq!(json!(controls), panels);
    b.axe().await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn help_is_found_in_the_readers_words_and_nothing_found_offers_the_nearest() {
    let b = Browser::start(json!({})).await;
    // Ukrainian, another word for "free": the free advice is found.
    b.open("resources/de?lang=uk").await;
    b.wait_xpath("//input[@id='resource-search']").await.send_keys("безкоштовна консультація").await.unwrap();
    b.wait_xpath("//p[contains(@class,'result-count') and contains(., 'безкоштовна')]").await;
    let found = b.client.find_all(Locator::Css("ul.resource-list > li")).await.unwrap().len();
    assert!(found > 0, "free advice under another Ukrainian word");
    // Arabic: free advice in Berlin, in the reader's own words.
    b.open("resources/de?lang=ar&q=%D8%A7%D8%B3%D8%AA%D8%B4%D8%A7%D8%B1%D8%A9%20%D9%85%D8%AC%D8%A7%D9%86%D9%8A%D8%A9%20%D8%A8%D8%B1%D9%84%D9%8A%D9%86").await;
    b.wait_xpath("//ul[contains(@class,'resource-list')]/li").await;
    // Free advice in Berlin with help in Arabic: none, so the nearest help is offered by name.
    b.open("resources/de?kind=free-advice&place=berlin&help_in=ar&lang=en").await;
    b.wait_xpath("//p[contains(@class,'result-count') and contains(., 'No resources match')]").await;
    let offer = b.wait_xpath("//div[contains(@class,'nearest')]//button[contains(., 'Without “Help in')]").await;
    b.axe().await;
    offer.click().await.unwrap();
    b.wait_xpath("//ul[contains(@class,'resource-list')]/li").await;
    let url = b.client.current_url().await.unwrap().to_string();
    assert!(url.contains("kind=free-advice") && url.contains("place=berlin") && !url.contains("help_in"), "only the named filter is dropped: {url}");
    // Oslo the town and Oslo the county appear once in the place list.
    b.open("resources/no").await;
    b.wait_xpath("//select[@id='filter-place']//option[@value='oslo']").await;
    let oslo = b.js("return [...document.querySelectorAll('#filter-place option')].filter(o => o.textContent.trim() === 'Oslo').length").await;
    assert_eq!(oslo, json!(1));
    // A founder who gave their town starts there.
    b.open("about-you").await;
    b.click("//input[@id='country-no']").await;
    b.wait_xpath("//select[@id='town']").await.select_by_value("bergen").await.unwrap();
    b.open("resources/no").await;
    poll(
        &b,
        "return document.getElementById('filter-place') !== null && document.getElementById('filter-place').value === 'bergen'",
        "the place filter at Bergen",
    )
    .await;
    assert!(b.client.current_url().await.unwrap().as_str().contains("place=bergen"));
    b.axe().await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_a_founder_set_aside_shows_and_the_checklist_prints_every_step() {
    let b = Browser::start(json!({})).await;
    // A due date on a step and a resource on "my list".
    b.open("checklist/no/register-business").await;
    let due = b.wait_xpath("//input[@id='step-due']").await;
    b.js("const i = document.getElementById('step-due'); i.value = '2027-03-01'; i.dispatchEvent(new Event('change', { bubbles: true })); return true").await;
    drop(due);
    b.open("resources/no").await;
    let first = b.wait_xpath("(//ul[contains(@class,'resource-list')]//a)[1]").await;
    let title = first.text().await.unwrap();
    first.click().await.unwrap();
    b.h1(&title).await;
    b.click("//main//button[@aria-pressed='false']").await;
    b.wait_xpath("//main//button[@aria-pressed='true']").await;
    // Both on the checklist, and the step's date beside it.
    b.open("checklist/no").await;
    b.wait_xpath("//section[@aria-labelledby='due-dates']//li[@data-due='register-business' and contains(., '2027-03-01')]").await;
    b.wait_xpath(&format!("//section[@aria-labelledby='saved-help']//a[.=\"{title}\"]")).await;
    b.wait_xpath("//li[@data-step='register-business']//span[contains(@class,'due') and contains(., '2027-03-01')]").await;
    b.axe().await;
    // Ctrl+P prints every step, not only the open ones; the page is as it was afterwards.
    let open_before = b.js("return document.querySelectorAll('.step-body:not([hidden])').length").await;
    let text = printed_text(&b, "checklist").await;
    let summaries = b.js("return [...document.querySelectorAll('li.step-item')].length").await;
    let titles = texts(&b, "//li[contains(@class,'step-item')]//button[contains(@class,'step-toggle')]/span[last()]").await;
    assert_eq!(titles.len() as u64, summaries.as_u64().unwrap());
    let squeezed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let open_task = squeezed.matches("Tasks").count();
    assert!(open_task >= titles.len() - 2, "every step's tasks are printed ({open_task} of {})", titles.len());
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(b.js("return document.querySelectorAll('.step-body:not([hidden])').length").await, open_before, "the open steps are as before");
    // The home page shows them too.
    b.open("").await;
    b.wait_xpath("//section[contains(@class,'next-step')]//li[@data-due='register-business']").await;
    b.wait_xpath("//section[contains(@class,'next-step')]//section[@aria-labelledby='saved-help']//li").await;
    b.axe().await;
    // The restore file input is as tall as any control.
    b.open("share").await;
    b.wait_xpath("//input[@id='restore-file']").await;
    let h = b.js("return document.getElementById('restore-file').getBoundingClientRect().height").await;
    assert!(h.as_f64().unwrap() >= 44.0, "the file input is {h} px tall");
    // The adviser asks "alone or with partners?" with answers that fit, and says which
    // languages the guide's steps come in.
    b.open("adviser").await;
    b.wait_xpath("//select[@id='adviser-partners']/option[@value='no']").await;
    let partners = b.js("return [...document.querySelectorAll('#adviser-partners option')].map(o => o.textContent.trim())").await;
    assert_eq!(partners, json!(["Leave to the client", "With one or more partners", "Alone"]));
    b.wait_xpath("//select[@id='adviser-country']").await.select_by_value("de").await.unwrap();
    b.wait_xpath("//select[@id='adviser-language']").await.select_by_value("tr").await.unwrap();
    b.wait_xpath(
        "//p[@id='adviser-language-hint' and contains(., 'The Germany guide is written in') and contains(., 'Deutsch') and contains(., 'Türkçe') and not(contains(., 'steps in English'))]",
    )
    .await;
    b.axe().await;
    // One warning for an unreviewed translation on the glossary, not one per word.
    b.open("glossary/no?lang=ar").await;
    b.wait_xpath("//dl[contains(@class,'glossary')]/div").await;
    assert_eq!(b.client.find_all(Locator::Css("main p.unreviewed")).await.unwrap().len(), 1);
    b.close().await;
}

/// Anyone can make a link with a course's id: a changed version is shown as a change, with
/// every address, and replaces nothing without consent.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_changed_course_link_asks_before_it_replaces_anything() {
    let a = Browser::start(json!({})).await;
    a.open("courses").await;
    a.wait_xpath("//input[@id='course-name']").await.send_keys("Drammen course").await.unwrap();
    a.click("//button[@id='create-course']").await;
    a.h1("Edit: Drammen course").await;
    a.click("//button[@id='add-resource']").await;
    a.wait_xpath("//input[@id='res-title-0']").await.send_keys("Library room").await.unwrap();
    a.wait_xpath("//input[@id='res-url-0']").await.send_keys("https://example.org/room").await.unwrap();
    a.click("//a[@id='done-editing']").await;
    let first = a.wait_xpath("//input[@id='course-link']").await.prop("value").await.unwrap().unwrap();
    // Someone edits the same course (same id) and swaps the help link for a payment page.
    let id = a.path().await.split('/').next_back().unwrap().to_string();
    a.open(&format!("courses/{id}/edit")).await;
    let url = a.wait_xpath("//input[@id='res-url-0']").await;
    url.clear().await.unwrap();
    url.send_keys("https://pay.example/course-fee").await.unwrap();
    a.click("//a[@id='done-editing']").await;
    a.wait_xpath("//section[@aria-labelledby='course-resources']//a[contains(@href,'pay.example')]").await;
    let changed = a.wait_xpath("//input[@id='course-link']").await.prop("value").await.unwrap().unwrap();
    assert_ne!(first, changed);

    let b = Browser::start(json!({})).await;
    let open = |link: &str| link.split_once(&b.base).map(|(_, p)| p.to_string()).unwrap();
    b.client.goto(&b.url(&open(&first))).await.unwrap();
    b.wait_for_app().await;
    b.press_button("Follow this course").await;
    b.wait_xpath("//p[@role='status' and contains(., 'You follow this course now')]").await;
    wait_saved(&b, &format!("data.courses['{id}'] && data.courses['{id}'].course.resources[0].url === 'https://example.org/room'")).await;
    // The changed link: the difference, with both addresses, and three choices.
    b.client.goto(&b.url(&open(&changed))).await.unwrap();
    b.wait_for_app().await;
    b.wait_xpath(
        "//div[@role='status']//li[contains(., 'Library room') and contains(., 'https://pay.example/course-fee') and contains(., 'https://example.org/room')]",
    )
    .await;
    b.axe().await;
    b.press_button("Keep my version").await;
    b.wait_xpath("//p[@role='status' and contains(., 'Nothing was changed')]").await;
    assert_eq!(saved_data(&b).await["courses"][&id]["course"]["resources"][0]["url"], json!("https://example.org/room"), "kept as it was");
    // Keeping both files the new version under an id of its own.
    b.open("courses").await;
    b.h1("Courses").await;
    b.client.goto(&b.url(&open(&changed))).await.unwrap();
    b.wait_for_app().await;
    b.press_button("Keep both").await;
    b.wait_xpath("//p[@role='status' and contains(., 'separate course')]").await;
    wait_saved(&b, &format!("data.courses['{id}-2'] && data.courses['{id}'].course.resources[0].url === 'https://example.org/room'")).await;
    a.close().await;
    b.close().await;
}

/// One value a newer version wrote does not hide the plan: the rest loads, the original is kept
/// and can be restored or saved from Settings, and deleting asks about the kept copies.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_value_hides_nothing_and_kept_copies_come_back_from_settings() {
    let b = Browser::start(json!({})).await;
    b.open("").await;
    b.h1("Start your own business").await;
    b.js(r#"localStorage.setItem('career-kit/state', JSON.stringify({format: 1, saved_at: 5, data: {profile: {country: 'no'},
        progress: {no: {'register-business': {status: 'archived', note: 'Called Altinn on Monday'}, 'business-or-job': {status: 'done'}}}}})); return true"#)
        .await;
    b.client.refresh().await.unwrap();
    b.wait_for_app().await;
    b.wait_xpath("//*[@data-notice='repaired']").await;
    b.axe().await;
    b.open("checklist/no/register-business").await;
    let note = b.wait_xpath("//textarea[@id='step-note']").await.prop("value").await.unwrap();
    assert_eq!(note.as_deref(), Some("Called Altinn on Monday"), "the rest of the plan is there");
    b.open("settings").await;
    b.wait_xpath("//ul[contains(@class,'kept-copies')]/li").await;
    assert_eq!(b.client.find_all(Locator::Css("ul.kept-copies > li")).await.unwrap().len(), 1);
    b.wait_xpath("//ul[contains(@class,'kept-copies')]//button[contains(., 'Save as a file')]").await;
    b.axe().await;
    // Restoring a copy keeps the plan it replaces as a copy in turn.
    b.press_button("Restore this copy").await;
    b.click("//div[@role='alertdialog']//button[contains(., 'Restore this copy')]").await;
    b.wait_xpath("//p[@role='status' and contains(., 'The copy is restored')]").await;
    b.wait_xpath("(//ul[contains(@class,'kept-copies')]/li)[2]").await;
    // Deleting asks about the copies and keeps them unless told.
    b.press_button("Delete my data from this device").await;
    let also = b.wait_xpath("//input[@id='delete-copies']").await;
    assert_eq!(also.prop("checked").await.unwrap().as_deref(), Some("false"));
    b.axe().await;
    b.press_button("Yes, delete everything").await;
    b.wait_xpath("//p[@role='status' and contains(., 'kept copies are still here')]").await;
    assert_eq!(b.client.find_all(Locator::Css("ul.kept-copies > li")).await.unwrap().len(), 2, "the copies stay");
    b.close().await;
}

/// A captive portal answers a file with its login page: the worker never keeps it, "Try again"
/// fetches the real file, and a copy that went bad in the cache is replaced, not served.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_response_is_never_kept_and_a_bad_copy_is_never_served() {
    let b = Browser::start(json!({})).await;
    b.open("checklist/no").await;
    b.h1("Start a business in Norway").await;
    poll(
        &b,
        "const done = arguments[0]; navigator.serviceWorker.getRegistration().then(r => done(!!(r && r.active) && !!navigator.serviceWorker.controller))",
        "the service worker",
    )
    .await;
    // The portal answers the Germany guide once with its login page (status 200).
    b.server.portal_once(Some("packs/de.en."));
    b.open("checklist/de").await;
    b.wait_xpath("//main//*[@role='alert']//button[contains(., 'Try again')]").await;
    b.axe().await;
    let kept = "const done = arguments[0]; caches.keys().then(k => Promise.all(k.map(n => caches.open(n).then(c => c.keys())))) \
        .then(all => Promise.all(all.flat().filter(r => r.url.includes('/packs/de.en.')).map(r => caches.match(r).then(x => x.text())))) \
        .then(texts => done(texts.map(t => t.slice(0, 1))))";
    let firsts = b.client.execute_async(kept, vec![]).await.unwrap();
    assert!(firsts.as_array().unwrap().iter().all(|t| t == "{"), "the login page was not kept: {firsts}");
    // "Try again": the real guide, now kept.
    b.click("//main//*[@role='alert']//button[contains(., 'Try again')]").await;
    b.h1("Start a business in Germany").await;
    poll(&b, &kept.replace("done(texts.map(t => t.slice(0, 1)))", "done(texts.length === 1 && texts[0].startsWith('{'))"), "the genuine guide in the cache")
        .await;
    // A copy of the app that went bad in the cache (as the attack left it): replaced, not served.
    let wasm = b
        .client
        .execute_async(
            "const done = arguments[0]; const wasm = performance.getEntriesByType('resource').map(e => e.name).find(n => n.endsWith('_bg.wasm')); \
             caches.keys().then(k => caches.open(k.find(n => n.startsWith('career-kit-')))) \
             .then(c => c.put(wasm, new Response('<!doctype html><p>Please log in</p>', { headers: { 'content-type': 'text/html' } }))).then(() => done(wasm))",
            vec![],
        )
        .await
        .unwrap();
    assert!(wasm.as_str().is_some_and(|w| w.ends_with("_bg.wasm")), "{wasm}");
    b.client.refresh().await.unwrap();
    b.wait_for_app().await;
    b.wait_xpath("//nav[@aria-label='Main']//a[contains(., 'Checklist')]").await;
    b.h1("Start a business in Germany").await;
    let size = b
        .client
        .execute_async(
            &format!("const done = arguments[0]; caches.match({wasm}).then(r => r ? r.arrayBuffer() : new ArrayBuffer(0)).then(b => done(b.byteLength))"),
            vec![],
        )
        .await
        .unwrap();
    assert!(size.as_u64().unwrap_or(0) > 10_000, "the cache holds the real app again: {size}");
    b.close().await;
}

/// A founder's sector brings its own steps, each saying which sector put it there; another
/// sector's steps are marked as not for them; a sector step passes axe in English and Arabic.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sector_brings_its_own_steps_with_the_reason() {
    let b = Browser::start(json!({})).await;
    b.open("about-you").await;
    b.click("//input[@id='country-no']").await;
    b.click("//input[@id='sector-food']").await;
    wait_saved(&b, "data.profile.sectors.includes('food')").await;
    b.open("checklist/no").await;
    b.click("//button[@id='toggle-all']").await;
    b.wait_xpath("//li[@data-step='serving-licence']//p[contains(@class,'why') and contains(., 'Shown because of your business sector: Food')]").await;
    b.wait_xpath("//li[@data-step='taxi-driver-permit']//span[contains(., 'may not apply to you')]").await;
    b.axe().await;
    b.open("checklist/no/serving-licence").await;
    b.wait_xpath("//main//p[contains(@class,'why') and contains(., 'Food')]").await;
    b.axe().await;
    b.open("checklist/no/serving-licence?lang=ar").await;
    b.wait_xpath("/html[@lang='ar' and @dir='rtl']").await;
    b.wait_xpath("//main//h1").await;
    b.axe().await;
    b.close().await;
}
