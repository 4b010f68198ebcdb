//! `folio serve` on a free port: paths, status codes, content types,
//! traversal, the subpath, edits, the error overlay, safety.

mod common;
use common::server::{self, Server};
use common::*;
use std::time::Duration;

fn serve(site: &Site) -> Server {
    server::start(site.path(), &[])
}

#[test]
fn serves_the_site_under_its_base_path() {
    let site = Site::new();
    let s = serve(&site);
    assert!(
        s.url.starts_with("http://127.0.0.1:") && s.url.ends_with("/portfolio/"),
        "{}",
        s.url
    );
    let r = s.get("/");
    assert_eq!(r.status, 301);
    assert_eq!(r.header("Location"), Some("/portfolio/"));
    assert_eq!(s.get("/portfolio").status, 301);
    let home = s.get("/portfolio/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(home.header("Cache-Control"), Some("no-store"));
    assert!(
        home.text().contains("__folio/events"),
        "the live-reload script is injected"
    );
    // Links in the preview point at the preview, under the subpath.
    assert!(home.text().contains("href=\"/portfolio/style.css\""));
    let r = s.get("/portfolio/projects/alpha");
    assert_eq!(
        (r.status, r.header("Location")),
        (301, Some("/portfolio/projects/alpha/"))
    );
    for (path, ctype) in [
        ("/portfolio/style.css", "text/css; charset=utf-8"),
        ("/portfolio/favicon.svg", "image/svg+xml"),
        ("/portfolio/projects/beta/cover.svg", "image/svg+xml"),
        ("/portfolio/feed.xml", "application/xml; charset=utf-8"),
        ("/portfolio/robots.txt", "text/plain; charset=utf-8"),
        (
            "/portfolio/skills/%E4%B8%AD%E6%96%87%E5%86%99%E4%BD%9C/",
            "text/html; charset=utf-8",
        ),
    ] {
        let r = s.get(path);
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.header("Content-Type"), Some(ctype), "{path}");
    }
    let missing = s.get("/portfolio/no/such/page/");
    assert_eq!(missing.status, 404);
    assert!(
        missing.text().contains("Page not found"),
        "the site's 404.html is served"
    );
    assert_eq!(s.get("/style.css").status, 404, "outside the base path");
    let head = s.request("HEAD", "/portfolio/");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    let post = s.request("POST", "/portfolio/");
    assert_eq!(post.status, 405);
    assert_eq!(post.header("Allow"), Some("GET, HEAD"));
    // No directory listings.
    assert_eq!(s.get("/portfolio/projects/beta/").status, 200);
    assert_eq!(s.get("/portfolio/skills/").status, 200);
    assert!(
        !site.p("public").exists(),
        "serve never writes the output folder"
    );
}

#[test]
fn never_serves_files_outside_the_site() {
    let site = Site::new();
    site.write("secret.txt", "TOP SECRET");
    let s = serve(&site);
    for path in [
        "/portfolio/../secret.txt",
        "/portfolio/../../../../etc/passwd",
        "/portfolio/%2e%2e/secret.txt",
        "/portfolio/%2E%2E%2Fsecret.txt",
        "/portfolio/..%5csecret.txt",
        "/portfolio/projects\\..\\..\\secret.txt",
        "/portfolio//etc/passwd",
        "/portfolio/%2Fetc%2Fpasswd",
        "/portfolio/content/profile.yaml",
        "/portfolio/folio.yaml",
        "/etc/passwd",
        "http://evil.example/etc/passwd",
    ] {
        let r = s.get(path);
        assert_eq!(r.status, 404, "{path}");
        assert!(
            !r.text().contains("TOP SECRET") && !r.text().contains("root:"),
            "{path}"
        );
    }
}

#[test]
fn an_edit_changes_the_page_and_notifies_open_pages() {
    let site = Site::new();
    let s = serve(&site);
    let events = s.events();
    let first = events.recv_timeout(Duration::from_secs(5)).unwrap();
    assert!(first.contains("\"version\":1"), "{first}");
    site.write(
        "content/projects/alpha.md",
        "---\ntitle: Alpha\ndate: 2024-05-01\nsummary: The first project.\nskills: [Rust]\n---\n\nFreshly edited text.\n",
    );
    s.wait_for("/portfolio/projects/alpha/", 10, |b| {
        b.contains("Freshly edited text.")
    });
    let next = events.recv_timeout(Duration::from_secs(5)).unwrap();
    assert!(
        next.contains("\"version\":2") && next.contains("\"error\":null"),
        "{next}"
    );
}

#[test]
fn a_stylesheet_change_is_announced_as_css_only() {
    let site = Site::new();
    site.write("static/extra.css", "body{}");
    let s = serve(&site);
    let events = s.events();
    events.recv_timeout(Duration::from_secs(5)).unwrap();
    site.write("static/extra.css", "body{color:red}");
    let msg = events.recv_timeout(Duration::from_secs(10)).unwrap();
    assert!(msg.contains("\"css_only_since\":1"), "{msg}");
    assert_eq!(s.get("/portfolio/extra.css").text(), "body{color:red}");
}

#[test]
fn errors_show_as_an_overlay_that_goes_away_after_the_fix() {
    let site = Site::new();
    let s = serve(&site);
    let events = s.events();
    events.recv_timeout(Duration::from_secs(5)).unwrap();
    site.write(
        "content/projects/alpha.md",
        "---\ntitle: Alpha\ndate: 2024-02-30\nsummary: x\n---\n",
    );
    let msg = events.recv_timeout(Duration::from_secs(10)).unwrap();
    assert!(
        msg.contains("content/projects/alpha.md:3:7") && msg.contains("impossible date"),
        "{msg}"
    );
    // Every page shows the overlay; the last good version is still served.
    let page = s.wait_for("/portfolio/about/", 5, |b| {
        b.contains("folio-error-overlay\" role=\"alert\"")
    });
    assert!(page.contains("content/projects/alpha.md:3:7"));
    assert!(
        s.get("/portfolio/projects/alpha/")
            .text()
            .contains("The first project.")
    );
    // The terminal shows it too.
    let mut log = String::new();
    while let Ok(l) = s.log.recv_timeout(Duration::from_millis(500)) {
        log.push_str(&l);
        log.push('\n');
    }
    assert!(
        log.contains("error: content/projects/alpha.md:3:7"),
        "{log}"
    );
    // Fixed: the overlay disappears by itself.
    site.write(
        "content/projects/alpha.md",
        "---\ntitle: Alpha fixed\ndate: 2024-02-28\nsummary: x\n---\n",
    );
    let msg = events.recv_timeout(Duration::from_secs(10)).unwrap();
    assert!(msg.contains("\"error\":null"), "{msg}");
    let page = s.get("/portfolio/about/").text();
    assert!(!page.contains("folio-error-overlay\" role"), "{page}");
}

#[test]
fn starts_even_when_the_first_build_fails() {
    let site = Site::new();
    site.write("content/projects/alpha.md", "---\nsummary: Alpha\n---\n");
    let s = serve(&site);
    let r = s.get("/portfolio/");
    // Date and summary are optional (issues 17 and 20): the missing title fails.
    assert_eq!(r.status, 500);
    assert!(
        r.text().contains("missing required key `title`"),
        "{}",
        r.text()
    );
    site.write(
        "content/projects/alpha.md",
        "---\ntitle: Alpha\ndate: 2024\nsummary: Now fixed.\n---\n",
    );
    s.wait_for("/portfolio/", 10, |b| b.contains("Now fixed."));
}

#[test]
fn editor_saves_by_rename_swap_files_and_bursts() {
    let site = Site::new();
    let s = serve(&site);
    // Swap and backup files do not trigger anything visible; a rename-save does.
    site.write("content/projects/.alpha.md.swp", "junk");
    site.write("content/projects/alpha.md~", "junk");
    site.write("content/projects/4913", "");
    let tmp = site.p("content/projects/alpha.md.tmp");
    std::fs::write(
        &tmp,
        "---\ntitle: Alpha\ndate: 2024-05-01\nsummary: Saved by rename.\nskills: [Rust]\n---\n",
    )
    .unwrap();
    std::fs::rename(&tmp, site.p("content/projects/alpha.md")).unwrap();
    s.wait_for("/portfolio/projects/alpha/", 10, |b| {
        b.contains("Saved by rename.")
    });
    // New and deleted files and folders.
    site.write(
        "content/projects/gamma/index.md",
        "---\ntitle: Gamma\ndate: 2025\nsummary: New bundle.\n---\n",
    );
    s.wait_for("/portfolio/projects/", 10, |b| b.contains("Gamma"));
    std::fs::remove_dir_all(site.p("content/projects/gamma")).unwrap();
    s.wait_for("/portfolio/projects/", 10, |b| !b.contains("Gamma"));
    // A burst of 200 saves: the server stays up and ends on the last version.
    for i in 0..200 {
        site.write(
            "content/projects/alpha.md",
            &format!("---\ntitle: Alpha\ndate: 2024-05-01\nsummary: Save number {i}.\n---\n"),
        );
    }
    s.wait_for("/portfolio/projects/alpha/", 20, |b| {
        b.contains("Save number 199.")
    });
    assert_eq!(s.get("/portfolio/").status, 200);
}

#[test]
fn many_open_pages_and_clients_that_disconnect() {
    let site = Site::new();
    let s = serve(&site);
    // Thirty pages listen, then go away without a word.
    let streams: Vec<_> = (0..30).map(|_| s.events()).collect();
    for rx in &streams {
        rx.recv_timeout(Duration::from_secs(5)).unwrap();
    }
    drop(streams);
    // Half-sent requests and dropped connections do not stop the server.
    for _ in 0..20 {
        let mut c = std::net::TcpStream::connect(&s.addr).unwrap();
        let _ = std::io::Write::write_all(&mut c, b"GET /portfolio/ HTT");
    }
    for _ in 0..50 {
        assert_eq!(s.get("/portfolio/").status, 200);
    }
}

#[test]
fn busy_port_is_a_clear_error() {
    let site = Site::new();
    let holder = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = holder.local_addr().unwrap().port().to_string();
    let r = folio(&["serve", site.path().to_str().unwrap(), "--port", &port]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("cannot listen on 127.0.0.1:") && r.stderr.contains("--port"),
        "{}",
        r.stderr
    );
}

#[test]
fn an_edit_to_one_write_up_renders_only_its_page() {
    let site = Site::new();
    let s = serve(&site);
    while s.log.recv_timeout(Duration::from_millis(300)).is_ok() {}
    site.write(
        "content/projects/alpha.md",
        "---\ntitle: Alpha\ndate: 2024-05-01\nsummary: The first project.\nskills: [Rust]\nfeatured: true\n---\n\n## Intro\n\nOnly the body changed. See [beta](beta/index.md) and [about](@/pages/about.md).\n",
    );
    s.wait_for("/portfolio/projects/alpha/", 10, |b| {
        b.contains("Only the body changed.")
    });
    let line = loop {
        let l = s
            .log
            .recv_timeout(Duration::from_secs(5))
            .expect("a rebuild line");
        if l.contains("Rebuilt") {
            break l;
        }
    };
    assert!(line.contains("(1 page rendered, "), "{line}");
    // A change to the title shows in lists: those pages are rendered again.
    site.write(
        "content/projects/alpha.md",
        "---\ntitle: Alpha renamed\ndate: 2024-05-01\nsummary: The first project.\nskills: [Rust]\nfeatured: true\n---\n\nBody.\n",
    );
    s.wait_for("/portfolio/projects/", 10, |b| b.contains("Alpha renamed"));
    assert!(
        s.get("/portfolio/skills/rust/")
            .text()
            .contains("Alpha renamed")
    );
    assert!(s.get("/portfolio/").text().contains("Alpha renamed"));
}

#[test]
fn polling_watcher_sees_edits() {
    let site = Site::new();
    let s = server::start(site.path(), &["--poll"]);
    // The polling watcher takes its first snapshot of the folder in the background.
    std::thread::sleep(Duration::from_millis(1000));
    site.write(
        "content/projects/alpha.md",
        "---\ntitle: Alpha\ndate: 2024-05-01\nsummary: Seen by polling.\nskills: [Rust]\n---\n",
    );
    s.wait_for("/portfolio/projects/alpha/", 10, |b| {
        b.contains("Seen by polling.")
    });
}

#[test]
fn ctrl_c_stops_the_server_and_leaves_no_files() {
    let site = Site::new();
    let before: Vec<_> = walkdir::WalkDir::new(site.path())
        .into_iter()
        .map(|e| e.unwrap().path().to_path_buf())
        .collect();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["serve", site.path().to_str().unwrap(), "--port", "0"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    while !line.starts_with("Serving ") {
        line.clear();
        std::io::BufRead::read_line(&mut out, &mut line).unwrap();
    }
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    let exit = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "still running after Ctrl-C"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(!exit.success() || exit.code() == Some(0), "{exit:?}");
    let after: Vec<_> = walkdir::WalkDir::new(site.path())
        .into_iter()
        .map(|e| e.unwrap().path().to_path_buf())
        .collect();
    assert_eq!(before, after, "serve wrote nothing into the site folder");
}

#[test]
fn answers_only_localhost_and_ip_hosts_with_its_port() {
    let site = Site::new();
    let s = serve(&site);
    let port = s.addr.rsplit_once(':').unwrap().1;
    let profile = "/portfolio/__folio/profile/";
    let get = |head: &str| {
        s.raw(&format!(
            "GET {profile} HTTP/1.1\r\n{head}Connection: close\r\n\r\n"
        ))
    };
    assert_eq!(get(&format!("Host: {}\r\n", s.addr)).status, 200);
    for host in [
        format!("localhost:{port}"),
        format!("app.localhost:{port}"),
        format!("[::1]:{port}"),
        format!("192.168.1.20:{port}"),
    ] {
        assert_eq!(get(&format!("Host: {host}\r\n")).status, 200, "{host}");
    }
    // DNS rebinding: a name the attacker controls, pointed at 127.0.0.1.
    for head in [
        "Host: attacker.test\r\n".to_string(),
        format!("Host: attacker.test:{port}\r\n"),
        format!("Host: localhost.attacker.test:{port}\r\n"),
        "Host: 127.0.0.1:1\r\n".to_string(),
        format!("Host: 127.0.0.1:{port}\r\nHost: attacker.test:{port}\r\n"),
        String::new(),
    ] {
        let r = get(&head);
        assert_eq!(r.status, 403, "{head:?}");
        assert_eq!(r.header("Content-Type"), Some("text/plain; charset=utf-8"));
        assert!(
            r.text()
                .contains(&format!("http://localhost:{port}/portfolio/"))
                && !r.text().contains("Upwork"),
            "{head:?}: {}",
            r.text()
        );
    }
    let no_host = s.raw(&format!("GET {profile} HTTP/1.0\r\n\r\n"));
    assert_eq!(no_host.status, 403);
    assert!(
        no_host.text().contains("no Host header"),
        "{}",
        no_host.text()
    );
    // The live-reload stream refuses other web sites' pages.
    let events = |origin: &str| {
        let mut c = std::net::TcpStream::connect(&s.addr).unwrap();
        c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let req = format!(
            "GET /portfolio/__folio/events HTTP/1.1\r\nHost: {}\r\nOrigin: {origin}\r\n\r\n",
            s.addr
        );
        std::io::Write::write_all(&mut c, req.as_bytes()).unwrap();
        let mut status = String::new();
        std::io::BufRead::read_line(&mut std::io::BufReader::new(c), &mut status).unwrap();
        status
    };
    assert!(events("http://attacker.test").contains(" 403 "));
    assert!(events("http://localhost:3000").contains(" 403 "));
    assert!(events(&format!("http://localhost:{port}")).contains(" 200 "));
    assert!(events(&format!("http://127.0.0.1:{port}")).contains(" 200 "));
}
