//! A stand-in for `folio serve` until its route to the profile preview is
//! merged: it serves what serve serves (the site built in memory, plus
//! `folio::preview::pages`, through serve's own `route` and `inject`, so the
//! real live-reload script runs) and rebuilds when a file under the site
//! changes (polled every 100 ms). Once serve adds the pages itself, the browser
//! tests call `common::server::start` instead and this file goes.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

use folio::build::{BuildOptions, render_site};
use folio::serve::http::{Route, content_type, inject, route};
use folio::serve::site::{Body, Snapshot};

pub struct Harness {
    /// `http://127.0.0.1:PORT/base/`
    pub url: String,
    stop: Arc<AtomicBool>,
}

impl Drop for Harness {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// What the lead adds to serve's `Builder::rebuild`, after `snap` is made.
fn build(root: &Path, url: &str, version: u64, base: &str) -> Option<Snapshot> {
    let opts = BuildOptions {
        root: root.to_path_buf(),
        output_dir: None,
        base_url: Some(url.to_string()),
        drafts: false,
    };
    let rendered = render_site(&opts).ok()?;
    let mut snap = Snapshot::new(rendered.files, version, base);
    for (path, html) in folio::preview::pages(&rendered.site) {
        snap.files
            .insert(path, Body::Bytes(html.into_bytes().into()));
    }
    Some(snap)
}

/// The newest modification time of the site's files.
fn stamp(root: &Path) -> SystemTime {
    let mut newest = SystemTime::UNIX_EPOCH;
    let mut stack: Vec<PathBuf> = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(m) = e.metadata().and_then(|m| m.modified()) {
                newest = newest.max(m);
            }
        }
    }
    newest
}

pub fn start(root: &Path) -> Harness {
    let (config, _) = folio::config::Config::load(root).expect("a site");
    let base = config.base_path();
    let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").unwrap());
    let port = server.server_addr().to_ip().unwrap().port();
    let url = format!("http://127.0.0.1:{port}{base}");
    let snap = build(root, &url, 1, &base).expect("the site builds");
    let shared = Arc::new(RwLock::new(Arc::new(snap)));
    let stop = Arc::new(AtomicBool::new(false));
    {
        let (root, url, base, shared, stop) = (
            root.to_path_buf(),
            url.clone(),
            base.clone(),
            shared.clone(),
            stop.clone(),
        );
        std::thread::spawn(move || {
            let mut last = stamp(&root);
            while !stop.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(100));
                let now = stamp(&root);
                if now == last {
                    continue;
                }
                last = now;
                let version = shared.read().unwrap().version + 1;
                if let Some(s) = build(&root, &url, version, &base) {
                    *shared.write().unwrap() = Arc::new(s);
                }
            }
        });
    }
    for _ in 0..4 {
        let (server, shared) = (server.clone(), shared.clone());
        std::thread::spawn(move || {
            while let Ok(req) = server.recv() {
                let snap = shared.read().unwrap().clone();
                answer(req, &snap, &shared);
            }
        });
    }
    Harness { url, stop }
}

fn answer(req: tiny_http::Request, snap: &Snapshot, shared: &Arc<RwLock<Arc<Snapshot>>>) {
    let header = |n: &str, v: &str| tiny_http::Header::from_bytes(n, v).unwrap();
    match route(snap, req.url()) {
        Route::Events => {
            let shared = shared.clone();
            std::thread::spawn(move || {
                let mut w = req.into_writer();
                let _ = w.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\r\n");
                let mut seen = 0;
                loop {
                    let now = shared.read().unwrap().clone();
                    if now.version != seen {
                        seen = now.version;
                        let msg = format!("data: {}\n\n", now.message());
                        if w.write_all(msg.as_bytes()).and_then(|_| w.flush()).is_err() {
                            return;
                        }
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
            });
        }
        Route::File { path, status } => {
            let bytes = match snap.files.get(&path) {
                Some(Body::Bytes(b)) => b.to_vec(),
                Some(Body::File(p)) => std::fs::read(p).unwrap_or_default(),
                Some(Body::Image(p, w, webp)) => {
                    folio::images::convert(p, *w, *webp).unwrap_or_default()
                }
                None => Vec::new(),
            };
            let ctype = content_type(&path);
            let body = if ctype.starts_with("text/html") {
                inject(&String::from_utf8_lossy(&bytes), snap).into_bytes()
            } else {
                bytes
            };
            let _ = req.respond(
                tiny_http::Response::from_data(body)
                    .with_status_code(status)
                    .with_header(header("Content-Type", ctype))
                    .with_header(header("Cache-Control", "no-store")),
            );
        }
        Route::Redirect(to) => {
            let _ =
                req.respond(tiny_http::Response::empty(301).with_header(header("Location", &to)));
        }
        Route::NotFound => {
            let _ = req.respond(tiny_http::Response::empty(404));
        }
    }
}
