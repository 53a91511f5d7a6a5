//! Browser benchmarks (not tests: they print figures and assert nothing about speed). Run by
//! `make bench`, which builds `examples/bench_web.rs` into target/bench-site/ first:
//! `cargo test --release --test bench_browser -- --ignored --nocapture`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::PathBuf;
use std::time::Duration;

use serde_json::{json, Value};
use support::browser::Browser;

async fn run(b: &Browser, throttle: f64) -> String {
    b.open("bench.html").await;
    b.wait_xpath("//pre[@id='out' and normalize-space(.)='ready']").await;
    b.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": throttle })).await;
    b.open("bench.html?run").await;
    for _ in 0..1200 {
        if let Ok(done) = b.client.find(fantoccini::Locator::Css("#out[data-done]")).await {
            return done.text().await.unwrap();
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    panic!("the benchmark did not finish in 5 minutes");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: run by `make bench`"]
async fn benchmarks_in_headless_chromium() {
    let site = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-site");
    assert!(site.join("bench.html").is_file(), "run `make bench` (it builds target/bench-site/)");
    let b = Browser::start_at(site, "/".into(), json!({})).await;
    let version: Value = b.client.execute("return navigator.userAgent", vec![]).await.unwrap();
    println!("== headless Chromium ({}) ==", version.as_str().unwrap_or("?"));
    println!("{}", run(&b, 1.0).await);
    println!("== headless Chromium, 4x CPU throttling (CDP Emulation.setCPUThrottlingRate) ==");
    println!("{}", run(&b, 4.0).await);
    b.close().await;
}
