//! A plain static file server for the end-to-end tests, behaving like a project-page host
//! (GitHub Pages and the like): files under a sub-path, `index.html` for folders, and for
//! anything else the site's `404.html` with status 404. No rewrite rules, no SPA fallback.

#![allow(dead_code)]

use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

pub struct Server {
    pub origin: String,
    task: tokio::task::JoinHandle<()>,
    offline: Arc<AtomicBool>,
    portal: Arc<std::sync::Mutex<Option<String>>>,
}

impl Server {
    /// Pulls the plug (`true`): every connection is closed unanswered, as when the phone has
    /// no network. `false` plugs it back in.
    pub fn set_offline(&self, offline: bool) {
        self.offline.store(offline, Ordering::SeqCst);
    }

    /// A captive portal: the next request whose path contains `part` is answered "200 OK" with
    /// a login page instead of the file (once; `None` stops it).
    pub fn portal_once(&self, part: Option<&str>) {
        *self.portal.lock().unwrap() = part.map(str::to_string);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Serves `dist` under `base` (like `/career-kit/`) on 127.0.0.1 at a free port.
pub async fn start(dist: PathBuf, base: String) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind 127.0.0.1");
    let origin = format!("http://{}", listener.local_addr().unwrap());
    let offline = Arc::new(AtomicBool::new(false));
    let unplugged = offline.clone();
    let portal: Arc<std::sync::Mutex<Option<String>>> = Arc::default();
    let intercept = portal.clone();
    let task = tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else { continue };
            if unplugged.load(Ordering::SeqCst) {
                drop(stream);
                continue;
            }
            let (dist, base, intercept) = (dist.clone(), base.clone(), intercept.clone());
            tokio::spawn(async move {
                let _ = handle(stream, &dist, &base, &intercept).await;
            });
        }
    });
    Server { origin, task, offline, portal }
}

async fn handle(mut stream: TcpStream, dist: &Path, base: &str, portal: &std::sync::Mutex<Option<String>>) -> std::io::Result<()> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Ok(());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let head = String::from_utf8_lossy(&buf);
    let target = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let (status, file, location) = resolve(dist, base, path);
    let hijacked = {
        let mut p = portal.lock().unwrap();
        let hit = p.as_deref().is_some_and(|part| path.contains(part));
        if hit {
            *p = None;
        }
        hit
    };
    let body = match &file {
        _ if hijacked => b"<!doctype html><title>Wi-Fi login</title><p>Please log in to continue.</p>".to_vec(),
        Some(f) => tokio::fs::read(f).await.unwrap_or_default(),
        None => b"Not found".to_vec(),
    };
    let ctype = if hijacked { "text/html; charset=utf-8" } else { file.as_deref().map(content_type).unwrap_or("text/plain; charset=utf-8") };
    let status = if hijacked { "200 OK" } else { status };
    let mut resp = format!("HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n", body.len());
    if let Some(loc) = location {
        resp.push_str(&format!("Location: {loc}\r\n"));
    }
    resp.push_str("\r\n");
    stream.write_all(resp.as_bytes()).await?;
    stream.write_all(&body).await?;
    stream.shutdown().await
}

fn resolve(dist: &Path, base: &str, path: &str) -> (&'static str, Option<PathBuf>, Option<String>) {
    let not_found = ("404 Not Found", Some(dist.join("404.html")).filter(|p| p.is_file()), None);
    if path == base.trim_end_matches('/') {
        return ("301 Moved Permanently", None, Some(base.to_string()));
    }
    let Some(rest) = path.strip_prefix(base) else { return ("404 Not Found", None, None) };
    let rel = Path::new(rest);
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return not_found;
    }
    let mut file = dist.join(rel);
    if file.is_dir() {
        file = file.join("index.html");
    }
    if file.is_file() {
        ("200 OK", Some(file), None)
    } else {
        not_found
    }
}
