//! A minimal WebDriver client for headless Chromium (Debian's `chromium` and
//! `chromium-driver`), used by the browser tests and the live-reload benchmark.
//! Plain HTTP/1.1 and JSON over a TCP socket: no extra dependency.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub struct Browser {
    driver: Child,
    port: u16,
    session: String,
    _profile: tempfile::TempDir,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn find(candidates: &[&str]) -> Option<String> {
    candidates
        .iter()
        .find(|p| std::path::Path::new(p).exists())
        .map(|s| s.to_string())
}

fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .map_err(|e| e.to_string())?;
    // Read the head, then exactly Content-Length bytes (chromedriver keeps the connection open).
    let mut raw = Vec::new();
    let mut buf = [0u8; 8192];
    let split = loop {
        if let Some(i) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        let n = s.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            return Err("connection closed before the response".into());
        }
        raw.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .ok_or("no content-length")?;
    let mut payload = raw[split + 4..].to_vec();
    while payload.len() < length {
        let n = s.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        payload.extend_from_slice(&buf[..n]);
    }
    let v: Value = serde_json::from_slice(&payload)
        .map_err(|e| format!("{e}: {}", String::from_utf8_lossy(&payload)))?;
    if let Some(err) = v["value"]["error"].as_str() {
        return Err(format!("{err}: {}", v["value"]["message"]));
    }
    Ok(v["value"].clone())
}

impl Browser {
    /// Starts chromedriver and a headless Chromium session of `width`×`height`.
    pub fn start(width: u32, height: u32) -> Browser {
        let driver_bin = find(&["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"])
            .expect("chromedriver is installed (apt-get install chromium-driver)");
        let chrome = find(&[
            "/usr/bin/chromium",
            "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome",
        ])
        .expect("chromium is installed (apt-get install chromium)");
        let port = free_port();
        let driver = Command::new(driver_bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let deadline = Instant::now() + Duration::from_secs(20);
        while http(port, "GET", "/status", None)
            .map(|v| v["ready"] != json!(true))
            .unwrap_or(true)
        {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        let profile = tempfile::tempdir().unwrap();
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chrome,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-quic", "--no-first-run", "--no-default-browser-check",
                    format!("--window-size={width},{height}"),
                    format!("--user-data-dir={}", profile.path().display()),
                ]
            }
        }}});
        let v = http(port, "POST", "/session", Some(&caps)).expect("a browser session");
        Browser {
            driver,
            port,
            session: v["sessionId"].as_str().unwrap().to_string(),
            _profile: profile,
        }
    }

    pub fn goto(&self, url: &str) {
        http(
            self.port,
            "POST",
            &format!("/session/{}/url", self.session),
            Some(&json!({"url": url})),
        )
        .unwrap();
    }

    /// Grants or denies a permission to the page (`clipboard-read`, ...).
    pub fn set_permission(&self, name: &str, state: &str) {
        http(
            self.port,
            "POST",
            &format!("/session/{}/permissions", self.session),
            Some(&json!({"descriptor": {"name": name}, "state": state})),
        )
        .unwrap();
    }

    /// The WebDriver id of the first element matching `css`.
    fn element(&self, css: &str) -> String {
        let el = http(
            self.port,
            "POST",
            &format!("/session/{}/element", self.session),
            Some(&json!({"using": "css selector", "value": css})),
        )
        .unwrap();
        el["element-6066-11e4-a52e-4f735466cecf"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// Clicks the first element matching `css` as a user would (a real click,
    /// with the user activation that pages may require).
    pub fn click(&self, css: &str) {
        let id = self.element(css);
        http(
            self.port,
            "POST",
            &format!("/session/{}/element/{id}/click", self.session),
            Some(&json!({})),
        )
        .unwrap();
    }

    /// Focuses the first element matching `css` and types `keys` into it, as a
    /// keyboard would (`\u{E007}` is Enter).
    pub fn send_keys(&self, css: &str, keys: &str) {
        let id = self.element(css);
        http(
            self.port,
            "POST",
            &format!("/session/{}/element/{id}/value", self.session),
            Some(&json!({"text": keys})),
        )
        .unwrap();
    }

    /// Runs `script` (a function body; `return` gives the value) in the page.
    pub fn eval(&self, script: &str) -> Value {
        http(
            self.port,
            "POST",
            &format!("/session/{}/execute/sync", self.session),
            Some(&json!({"script": script, "args": []})),
        )
        .unwrap_or(Value::Null)
    }

    /// Polls `script` every 5 ms until it returns true; the time it took, or `None` after `timeout`.
    pub fn wait_until(&self, script: &str, timeout: Duration) -> Option<Duration> {
        let start = Instant::now();
        while start.elapsed() < timeout {
            if self.eval(script) == json!(true) {
                return Some(start.elapsed());
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        None
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = http(
            self.port,
            "DELETE",
            &format!("/session/{}", self.session),
            None,
        );
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
