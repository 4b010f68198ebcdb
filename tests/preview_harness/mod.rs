//! A stand-in for `folio serve` until its route to the profile preview is
//! merged: it serves what serve serves (the site built in memory through
//! serve's own `route` and `inject`, so the real live-reload script runs, and
//! `folio::preview::page_at` from the last good site, as serve will) and
//! rebuilds when a file under the site changes (polled every 100 ms). Once
//! serve routes the page itself, the browser tests call
//! `common::server::start` instead and this file goes.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

use folio::build::{BuildOptions, render_site};
use folio::content::Site;
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

/// The last good build: what serve keeps.
struct State {
    snap: Snapshot,
    site: Arc<Site>,
}

type Shared = Arc<RwLock<Arc<State>>>;

fn build(root: &Path, url: &str, version: u64, base: &str) -> Option<State> {
    let opts = BuildOptions {
        root: root.to_path_buf(),
        output_dir: None,
        base_url: Some(url.to_string()),
        drafts: false,
    };
    let rendered = render_site(&opts).ok()?;
    Some(State {
        snap: Snapshot::new(rendered.files, version, base),
        site: rendered.site,
    })
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
    let state = build(root, &url, 1, &base).expect("the site builds");
    let shared: Shared = Arc::new(RwLock::new(Arc::new(state)));
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
                let version = shared.read().unwrap().snap.version + 1;
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
                let state = shared.read().unwrap().clone();
                answer(req, &state, &shared);
            }
        });
    }
    Harness { url, stop }
}

fn answer(req: tiny_http::Request, state: &State, shared: &Shared) {
    let header = |n: &str, v: &str| tiny_http::Header::from_bytes(n, v).unwrap();
    let snap = &state.snap;
    // What the lead adds to serve's `handle`, before `http::route`.
    if let Some(page) = folio::preview::page_at(&state.site, &snap.base_path, req.url()) {
        let _ = req.respond(
            tiny_http::Response::from_string(inject(&page, snap))
                .with_header(header("Content-Type", "text/html; charset=utf-8"))
                .with_header(header("Cache-Control", "no-store")),
        );
        return;
    }
    match route(snap, req.url()) {
        Route::Events => {
            let shared = shared.clone();
            std::thread::spawn(move || {
                let mut w = req.into_writer();
                let _ = w.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\r\n");
                let mut seen = 0;
                loop {
                    let now = shared.read().unwrap().clone();
                    if now.snap.version != seen {
                        seen = now.snap.version;
                        let msg = format!("data: {}\n\n", now.snap.message());
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
