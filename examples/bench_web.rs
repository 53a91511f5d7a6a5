//! Benchmarks in headless Chromium: built to wasm by `make bench` and driven by
//! `tests/bench_browser.rs`, which opens `bench.html?run` (after setting the CPU throttling) and
//! reads the figures from `#out`. The same code as the native runner (`examples/bench/`).

#[cfg(target_arch = "wasm32")]
mod bench;

#[cfg(target_arch = "wasm32")]
fn main() {
    // A panic shows its message in the console (and the driver's timeout names it).
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(async {
        let window = web_sys::window().expect("window");
        let document = window.document().expect("document");
        let out = document.get_element_by_id("out").expect("#out");
        if !window.location().search().unwrap_or_default().contains("run") {
            out.set_text_content(Some("ready"));
            return;
        }
        let perf = window.performance().expect("performance");
        let now = move || perf.now();
        let mut lines: Vec<String> = vec![];
        bench::search(&now, &mut |l| lines.push(l));
        let raw = career_kit::packs::fetch_text("pack.json").await.expect("pack.json");
        let pack: career_kit::domain::content::Pack = serde_json::from_str(&raw).expect("a pack");
        let storage = career_kit::storage::web::local_storage().expect("localStorage");
        bench::status_change(&pack, storage, &now, &mut |l| lines.push(l));
        out.set_text_content(Some(&lines.join("\n")));
        out.set_attribute("data-done", "1").expect("attribute");
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("bench_web runs in the browser: use `make bench`");
}
