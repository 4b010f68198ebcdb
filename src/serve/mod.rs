//! `folio serve`: build the site in memory, serve it under its base path,
//! rebuild when a file changes and make open pages reload themselves.
//!
//! - One builder thread runs the same pipeline as `folio build` (no second
//!   renderer) and swaps in a new [`Snapshot`] only when the build succeeded,
//!   so a browser never sees a half-built site; after a failed build the last
//!   good version stays served, with the errors as an overlay.
//! - A debounced file watcher (notify) feeds the builder; bursts of saves
//!   coalesce into one rebuild.
//! - Pages learn about new versions through server-sent events at
//!   `BASE/__folio/events`; a stylesheet-only change swaps the CSS in place.
//! - Pages are served from memory: the user's output folder is never touched.
//!   Only the site's cache (`.folio/cache/`, highlighted code) is written.

pub mod host;
pub mod http;
pub mod site;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::{Duration, Instant};

use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, new_debouncer, new_debouncer_opt};

use crate::build::{self, BuildOptions};
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Error, ErrorKind};
use site::{Body, Snapshot};

/// At most this many pages listening for reloads at once (one thread each).
const MAX_EVENT_CLIENTS: usize = 64;
/// Threads answering ordinary requests.
const WORKERS: usize = 4;
/// How long the watcher waits for a burst of file events to settle.
const DEBOUNCE: Duration = Duration::from_millis(15);
/// Keep-alive comment on idle event streams, so dead clients are noticed.
const HEARTBEAT: Duration = Duration::from_secs(15);

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub interface: String,
    pub port: u16,
    pub open: bool,
    pub drafts: bool,
    pub poll: bool,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            root: PathBuf::from("."),
            interface: "127.0.0.1".into(),
            port: 1111,
            open: false,
            drafts: false,
            poll: false,
        }
    }
}

/// State shared by the server threads.
struct Shared {
    snapshot: RwLock<Arc<Snapshot>>,
    /// Bumped (and waiters woken) whenever the snapshot changes.
    generation: Mutex<u64>,
    changed: Condvar,
    event_clients: AtomicUsize,
    /// The last good site in each of its languages (the default first), for
    /// the profile preview (`BASE/__folio/profile/`, `BASE/zh/__folio/profile/`).
    sites: RwLock<Vec<Arc<crate::content::Site>>>,
    /// The port the server listens on; requests must name it in `Host`.
    port: u16,
}

impl Shared {
    fn current(&self) -> Arc<Snapshot> {
        self.snapshot
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn publish(&self, snapshot: Snapshot) {
        *self.snapshot.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(snapshot);
        let mut g = self.generation.lock().unwrap_or_else(|e| e.into_inner());
        *g += 1;
        self.changed.notify_all();
    }
}

/// Runs the dev server until the process is stopped. `on_ready` receives the
/// URL once the server listens and the first build is done.
pub fn serve(opts: &ServeOptions, on_ready: impl FnOnce(&str)) -> Result<(), Error> {
    let base_path = Config::load(&opts.root)
        .map(|(c, _)| c.base_path())
        .unwrap_or_else(|_| "/".into());
    let addr = format!("{}:{}", opts.interface, opts.port);
    let server = tiny_http::Server::http(&addr).map_err(|e| {
        Error::single(
            Diagnostic::error(format!("cannot listen on {addr}: {e}")).with_help(
                "another program may use this port; try another one with --port, e.g. --port 1112",
            ),
        )
        .with_kind(ErrorKind::Io)
    })?;
    let port = server.server_addr().to_ip().map_or(opts.port, |a| a.port());
    let host = if opts.interface.contains(':') {
        format!("[{}]", opts.interface)
    } else {
        opts.interface.clone()
    };
    let url = format!("http://{host}:{port}{base_path}");

    let shared = Arc::new(Shared {
        snapshot: RwLock::new(Arc::new(Snapshot {
            base_path: base_path.clone(),
            ..Snapshot::default()
        })),
        generation: Mutex::new(0),
        changed: Condvar::new(),
        event_clients: AtomicUsize::new(0),
        sites: RwLock::new(Vec::new()),
        port,
    });
    let builder = Builder {
        opts: opts.clone(),
        base_url: url.clone(),
        shared: shared.clone(),
        cache: std::cell::RefCell::new(build::Incremental::new()),
    };
    builder.rebuild(&[]);

    let (tx, rx) = mpsc::channel::<Vec<PathBuf>>();
    let _watcher = watch(opts, tx)?;
    std::thread::Builder::new()
        .name("folio-builder".into())
        .spawn(move || builder.run(rx))
        .map_err(|e| {
            Error::msg(format!("cannot start the builder: {e}")).with_kind(ErrorKind::Io)
        })?;

    let server = Arc::new(server);
    let mut workers = Vec::new();
    for i in 0..WORKERS {
        let server = server.clone();
        let shared = shared.clone();
        workers.push(
            std::thread::Builder::new()
                .name(format!("folio-http-{i}"))
                .spawn(move || {
                    while let Ok(req) = server.recv() {
                        handle(req, &shared);
                    }
                })
                .map_err(|e| {
                    Error::msg(format!("cannot start the server: {e}")).with_kind(ErrorKind::Io)
                })?,
        );
    }
    on_ready(&url);
    if opts.open {
        open_browser(&url);
    }
    for w in workers {
        let _ = w.join();
    }
    Ok(())
}

struct Builder {
    opts: ServeOptions,
    base_url: String,
    shared: Arc<Shared>,
    /// Files and pages of the last build, so an edit re-reads and re-renders
    /// only what it can change.
    cache: std::cell::RefCell<build::Incremental>,
}

impl Builder {
    fn run(&self, rx: mpsc::Receiver<Vec<PathBuf>>) {
        while let Ok(mut changed) = rx.recv() {
            // Coalesce everything that arrived meanwhile into one rebuild.
            while let Ok(more) = rx.try_recv() {
                changed.extend(more);
            }
            changed.sort();
            changed.dedup();
            self.rebuild(&changed);
        }
    }

    /// Rebuilds and publishes. `changed` is empty for the first build.
    fn rebuild(&self, changed: &[PathBuf]) {
        let start = Instant::now();
        let mut cache = self.cache.borrow_mut();
        cache.changed(&self.opts.root, changed);
        let result = build::render_site_cached(
            &BuildOptions {
                root: self.opts.root.clone(),
                output_dir: None,
                base_url: Some(self.base_url.clone()),
                drafts: self.opts.drafts,
                plain_code: false,
            },
            &mut cache,
        );
        let previous = self.shared.current();
        let when = clock();
        match result {
            Ok(rendered) => {
                for w in &rendered.warnings {
                    eprintln!("{}\n", w.render(false));
                }
                let mut snap = if rendered.partial {
                    // Only the files that changed; the rest are as served now.
                    previous.updated(rendered.files)
                } else {
                    Snapshot::new(
                        rendered.files,
                        previous.version + 1,
                        &rendered.site.base_path,
                    )
                };
                let css_only = !changed.is_empty()
                    && changed
                        .iter()
                        .all(|p| p.extension().is_some_and(|e| e == "css"));
                if css_only && previous.error.is_none() {
                    snap.css_only_since = Some(previous.version);
                }
                let what = match changed.len() {
                    0 => "Built".to_string(),
                    1 => format!(
                        "Rebuilt after a change to {}",
                        crate::source::display_path(
                            &crate::output::absolute(&self.opts.root),
                            &changed[0]
                        )
                        .display()
                    ),
                    n => format!("Rebuilt after {n} changes"),
                };
                println!(
                    "[{when}] {what} in {} ms ({} page{} rendered, {} unchanged)",
                    start.elapsed().as_millis(),
                    cache.render.last_rendered,
                    if cache.render.last_rendered == 1 {
                        ""
                    } else {
                        "s"
                    },
                    cache.render.last_reused
                );
                let mut sites = vec![rendered.site.clone()];
                sites.extend(rendered.translations.iter().cloned());
                *self.shared.sites.write().unwrap_or_else(|e| e.into_inner()) = sites;
                self.shared.publish(snap);
            }
            Err(e) => {
                let report = e.render(false);
                eprintln!(
                    "[{when}] Build failed; still serving the last good version.\n{report}\n"
                );
                self.shared
                    .publish(previous.with_error(http::overlay_html(&report)));
            }
        }
        let _ = std::io::stdout().flush();
    }
}

/// `HH:MM:SS` (UTC) for the terminal log.
fn clock() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    format!(
        "{:02}:{:02}:{:02}",
        secs / 3600 % 24,
        secs / 60 % 60,
        secs % 60
    )
}

/// Whether a changed path can change the site (not the output, not editor files).
fn relevant(root: &Path, output: &Path, path: &Path) -> bool {
    if crate::util::is_ignored_name(path) || path.starts_with(output) {
        return false;
    }
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    match first.as_deref() {
        Some("content" | "static" | "templates" | "themes" | "i18n") => true,
        Some(name) => name == crate::config::CONFIG_FILE,
        None => false,
    }
}

/// Whether an event can change a file's content or existence (reads and
/// metadata-only changes cannot; the build's own reads must not trigger a build).
fn changes_content(kind: &notify::EventKind) -> bool {
    use notify::EventKind;
    use notify::event::{AccessKind, AccessMode, MetadataKind, ModifyKind};
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        // The polling watcher reports edits as a new modification time.
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::WriteTime)) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        // A file closed after writing (some editors only produce this).
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// Starts the watcher; it sends the relevant changed paths of each settled burst.
fn watch(
    opts: &ServeOptions,
    tx: mpsc::Sender<Vec<PathBuf>>,
) -> Result<Box<dyn std::any::Any>, Error> {
    let root = crate::output::absolute(&opts.root);
    let output = Config::load(&opts.root)
        .map(|(c, _)| root.join(c.output_dir))
        .unwrap_or_else(|_| root.join("public"));
    let filter_root = root.clone();
    let handler = move |result: DebounceEventResult| {
        if let Ok(events) = result {
            if std::env::var_os("FOLIO_DEBUG_WATCH").is_some() {
                for e in &events {
                    eprintln!("watch: {:?} {:?}", e.kind, e.paths);
                }
            }
            let paths: Vec<PathBuf> = events
                .iter()
                .filter(|e| changes_content(&e.kind))
                .flat_map(|e| e.paths.iter())
                .filter(|p| relevant(&filter_root, &output, p))
                .cloned()
                .collect();
            if !paths.is_empty() {
                let _ = tx.send(paths);
            }
        }
    };
    let fail = |e: notify::Error| {
        Error::single(
            Diagnostic::error(format!("cannot watch {} for changes: {e}", root.display()))
                .with_help("on network or container file systems, try --poll"),
        )
        .with_kind(ErrorKind::Io)
    };
    if opts.poll {
        let config = notify::Config::default().with_poll_interval(Duration::from_millis(250));
        let mut d = new_debouncer_opt::<_, notify::PollWatcher, _>(
            DEBOUNCE,
            None,
            handler,
            notify_debouncer_full::RecommendedCache::new(),
            config,
        )
        .map_err(fail)?;
        d.watch(&root, RecursiveMode::Recursive).map_err(fail)?;
        Ok(Box::new(d))
    } else {
        let mut d =
            new_debouncer(DEBOUNCE, Some(Duration::from_millis(10)), handler).map_err(fail)?;
        d.watch(&root, RecursiveMode::Recursive).map_err(fail)?;
        Ok(Box::new(d))
    }
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

fn handle(req: tiny_http::Request, shared: &Arc<Shared>) {
    use tiny_http::{Method, Response};
    let snap = shared.current();
    let route = http::route(&snap, req.url());
    if let Err(refused) = allowed(&req, &route, shared.port) {
        refuse(req, &refused, shared.port, &snap.base_path);
        return;
    }
    if !matches!(req.method(), Method::Get | Method::Head) {
        let _ = req.respond(
            Response::from_string("Method Not Allowed\n")
                .with_status_code(405)
                .with_header(header("Allow", "GET, HEAD")),
        );
        return;
    }
    let no_store = header("Cache-Control", "no-store");
    // Closed after each answer, so idle keep-alive connections do not hold server threads.
    let close = header("Connection", "close");
    let sites = shared
        .sites
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let sites: Vec<&crate::content::Site> = sites.iter().map(|s| &**s).collect();
    if let Some(page) = crate::preview::page_at(&sites, &snap.base_path, req.url()) {
        // The profile preview, rendered from the last good site when asked.
        let _ = req.respond(
            Response::from_string(http::inject(&page, &snap))
                .with_header(header("Content-Type", "text/html; charset=utf-8"))
                .with_header(no_store)
                .with_header(close),
        );
        return;
    }
    match route {
        http::Route::Events => events(req, shared),
        http::Route::Redirect(location) => {
            let _ = req.respond(
                Response::empty(301)
                    .with_header(header("Location", &location))
                    .with_header(no_store)
                    .with_header(close),
            );
        }
        http::Route::File { path, status } => serve_file(req, &snap, &path, status),
        http::Route::NotFound => not_found(req, &snap),
    }
}

/// Whether the request's `Host` (and, for the event stream, `Origin`) name this server.
fn allowed(req: &tiny_http::Request, route: &http::Route, port: u16) -> Result<(), host::Refused> {
    let values = |name: &'static str| {
        req.headers()
            .iter()
            .filter(move |h| h.field.equiv(name))
            .map(|h| h.value.as_str())
    };
    let hosts: Vec<&str> = values("Host").collect();
    let origin = values("Origin").next();
    host::check(&hosts, origin, *route == http::Route::Events, port)
}

/// 403 for a request from elsewhere: why, and the address to use instead.
fn refuse(req: tiny_http::Request, refused: &host::Refused, port: u16, base: &str) {
    let body = format!(
        "403 Forbidden: {}.\nfolio serve answers only requests for localhost, *.localhost or an IP address, \
         so that other web sites cannot read your preview (DNS rebinding).\n\
         Open http://localhost:{port}{base} or http://127.0.0.1:{port}{base} instead \
         (from another device: this machine's IP address, with --interface 0.0.0.0).\n",
        refused.0
    );
    let _ = req.respond(
        tiny_http::Response::from_string(body)
            .with_status_code(403)
            .with_header(header("Content-Type", "text/plain; charset=utf-8"))
            .with_header(header("X-Content-Type-Options", "nosniff"))
            .with_header(header("Cache-Control", "no-store"))
            .with_header(header("Connection", "close")),
    );
}

/// Opens an event stream for a page, on its own thread (at most
/// [`MAX_EVENT_CLIENTS`] at once).
fn events(req: tiny_http::Request, shared: &Arc<Shared>) {
    use tiny_http::Response;
    if shared.event_clients.fetch_add(1, Ordering::SeqCst) >= MAX_EVENT_CLIENTS {
        shared.event_clients.fetch_sub(1, Ordering::SeqCst);
        let _ = req.respond(Response::from_string("Too many open pages\n").with_status_code(503));
        return;
    }
    let stream_shared = shared.clone();
    let spawned = std::thread::Builder::new()
        .name("folio-events".into())
        .spawn(move || {
            event_stream(req, &stream_shared);
            stream_shared.event_clients.fetch_sub(1, Ordering::SeqCst);
        });
    if spawned.is_err() {
        shared.event_clients.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Answers with a file of the snapshot (HTML with the live-reload script).
fn serve_file(req: tiny_http::Request, snap: &Snapshot, path: &str, status: u16) {
    use tiny_http::Response;
    let bytes: Vec<u8> = match snap.files.get(path) {
        Some(Body::Bytes(b)) => b.to_vec(),
        Some(Body::Image(p, w, webp)) => match crate::images::convert(p, *w, *webp) {
            Ok(b) => b,
            Err(_) => {
                let _ = req.respond(Response::from_string("Not Found\n").with_status_code(404));
                return;
            }
        },
        Some(Body::Card(card)) => card.bytes(),
        Some(Body::File(p)) => match std::fs::read(p) {
            Ok(b) => b,
            Err(_) => {
                let _ = req.respond(Response::from_string("Not Found\n").with_status_code(404));
                return;
            }
        },
        None => Vec::new(),
    };
    let ctype = http::content_type(path);
    let body = if ctype.starts_with("text/html") {
        http::inject(&String::from_utf8_lossy(&bytes), snap).into_bytes()
    } else {
        bytes
    };
    let _ = req.respond(
        Response::from_data(body)
            .with_status_code(status)
            .with_header(header("Content-Type", ctype))
            .with_header(header("Cache-Control", "no-store"))
            .with_header(header("Connection", "close")),
    );
}

/// No such file; with no site yet (the first build failed), the errors.
fn not_found(req: tiny_http::Request, snap: &Snapshot) {
    let (status, page) = if snap.files.is_empty() {
        let page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>folio: build failed</title></head><body></body></html>";
        (500, http::inject(page, snap))
    } else {
        (
            404,
            "<!doctype html><title>Not Found</title><h1>Not Found</h1>".to_string(),
        )
    };
    let _ = req.respond(
        tiny_http::Response::from_string(page)
            .with_status_code(status)
            .with_header(header("Content-Type", "text/html; charset=utf-8"))
            .with_header(header("Cache-Control", "no-store"))
            .with_header(header("Connection", "close")),
    );
}

/// Streams the site's state to one page: now, then after every change.
fn event_stream(req: tiny_http::Request, shared: &Shared) {
    let mut w = req.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n";
    if w.write_all(head.as_bytes())
        .and_then(|_| w.flush())
        .is_err()
    {
        return;
    }
    let mut seen = u64::MAX;
    loop {
        let generation = *shared.generation.lock().unwrap_or_else(|e| e.into_inner());
        if generation != seen {
            seen = generation;
            let msg = format!("data: {}\n\n", shared.current().message());
            if w.write_all(msg.as_bytes()).and_then(|_| w.flush()).is_err() {
                return;
            }
        }
        let guard = shared.generation.lock().unwrap_or_else(|e| e.into_inner());
        let (guard, timeout) = shared
            .changed
            .wait_timeout_while(guard, HEARTBEAT, |g| *g == seen)
            .unwrap_or_else(|e| e.into_inner());
        drop(guard);
        if timeout.timed_out() && w.write_all(b": ping\n\n").and_then(|_| w.flush()).is_err() {
            return;
        }
    }
}

fn open_browser(url: &str) {
    let cmd = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    if std::process::Command::new(cmd.0)
        .args(&cmd.1)
        .spawn()
        .is_err()
    {
        eprintln!("Could not open a browser; open {url} yourself.");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_site_files_are_relevant() {
        let root = Path::new("/s");
        let out = Path::new("/s/public");
        assert!(relevant(root, out, Path::new("/s/content/projects/a.md")));
        assert!(relevant(root, out, Path::new("/s/folio.yaml")));
        assert!(relevant(root, out, Path::new("/s/i18n/zh.yaml")));
        assert!(relevant(root, out, Path::new("/s/static/style.css")));
        assert!(relevant(root, out, Path::new("/s/templates/page.html")));
        assert!(relevant(
            root,
            out,
            Path::new("/s/templates/shortcodes/note.html")
        ));
        assert!(!relevant(root, out, Path::new("/s/public/index.html")));
        assert!(!relevant(
            root,
            out,
            Path::new("/s/content/projects/.a.md.swp")
        ));
        assert!(!relevant(root, out, Path::new("/s/content/projects/a.md~")));
        assert!(!relevant(root, out, Path::new("/s/content/projects/4913")));
        assert!(!relevant(root, out, Path::new("/s/.git/index")));
        assert!(!relevant(root, out, Path::new("/s/README.md")));
    }
}
