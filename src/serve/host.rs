//! Which requests the dev server answers, by their `Host` and `Origin`
//! headers: a guard against DNS rebinding. A web page the user visits can
//! point a name it owns (`attacker.test`) at 127.0.0.1 and then read the
//! preview (drafts, rates) as same-origin; its requests still say
//! `Host: attacker.test`. So only names that cannot be rebound are answered:
//! IP literals (v4, and v6 in brackets), `localhost` and `*.localhost`, each
//! with this server's port, as Vite and webpack-dev-server do.

use std::net::{Ipv4Addr, Ipv6Addr};

/// Why a request is refused; the text of the 403 answer.
#[derive(Debug, PartialEq, Eq)]
pub struct Refused(pub String);

/// Checks a request's `Host` values (all of them: none or several are
/// refused) and, for the live-reload event stream, its `Origin`.
pub fn check(hosts: &[&str], origin: Option<&str>, events: bool, port: u16) -> Result<(), Refused> {
    let host = match hosts {
        [one] => *one,
        [] => return Err(Refused("this request has no Host header".into())),
        _ => return Err(Refused("this request has more than one Host header".into())),
    };
    if !allowed_authority(host, 80, port) {
        return Err(Refused(format!(
            "this request is for the host \"{}\", not localhost or an IP address with port {port}",
            host.escape_debug()
        )));
    }
    match origin {
        Some(origin) if events && !allowed_origin(origin, port) => Err(Refused(format!(
            "the live-reload stream is only for pages of this server, not for \"{}\"",
            origin.escape_debug()
        ))),
        _ => Ok(()),
    }
}

/// Whether an `Origin` (`http://localhost:1111`) is a page of this server.
pub fn allowed_origin(origin: &str, port: u16) -> bool {
    if let Some(authority) = origin.strip_prefix("http://") {
        allowed_authority(authority, 80, port)
    } else if let Some(authority) = origin.strip_prefix("https://") {
        allowed_authority(authority, 443, port)
    } else {
        false
    }
}

/// Whether `host[:port]` names this server: an IP literal, `localhost` or
/// `*.localhost`, and the port (or `default_port` when none is given) is `port`.
pub fn allowed_authority(authority: &str, default_port: u16, port: u16) -> bool {
    let Some((name, given)) = split_port(authority) else {
        return false;
    };
    given.unwrap_or(default_port) == port && allowed_name(name)
}

/// Splits `name[:port]` and `[v6][:port]`; `None` when the port is not a number.
fn split_port(authority: &str) -> Option<(&str, Option<u16>)> {
    let (name, port) = if authority.starts_with('[') {
        let end = authority.find(']')?;
        let rest = &authority[end + 1..];
        let port = match rest {
            "" => None,
            _ => Some(rest.strip_prefix(':')?),
        };
        (&authority[..=end], port)
    } else {
        match authority.rsplit_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (authority, None),
        }
    };
    match port {
        None => Some((name, None)),
        Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => {
            Some((name, Some(p.parse().ok()?)))
        }
        Some(_) => None,
    }
}

/// An IP literal (v6 in brackets), `localhost` or a name under `.localhost`.
fn allowed_name(name: &str) -> bool {
    if let Some(v6) = name.strip_prefix('[').and_then(|n| n.strip_suffix(']')) {
        return v6.parse::<Ipv6Addr>().is_ok();
    }
    if name.parse::<Ipv4Addr>().is_ok() {
        return true;
    }
    let lower = name.to_ascii_lowercase();
    let Some(label) = lower.strip_suffix("localhost") else {
        return false;
    };
    label.is_empty()
        || label.strip_suffix('.').is_some_and(|sub| {
            !sub.is_empty()
                && sub.split('.').all(|l| {
                    !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ip_literals_and_localhost_with_this_port_are_allowed() {
        for host in [
            "127.0.0.1:1111",
            "192.168.1.20:1111",
            "0.0.0.0:1111",
            "[::1]:1111",
            "[fe80::1]:1111",
            "localhost:1111",
            "LocalHost:1111",
            "app.localhost:1111",
            "a.b-c.localhost:1111",
        ] {
            assert!(allowed_authority(host, 80, 1111), "{host}");
        }
        assert!(allowed_authority("localhost", 80, 80));
        assert!(allowed_authority("[::1]", 80, 80));
    }

    #[test]
    fn other_names_and_ports_are_refused() {
        for host in [
            "attacker.test:1111",
            "attacker.test",
            "localhost.attacker.test:1111",
            "127.0.0.1.attacker.test:1111",
            "notlocalhost:1111",
            ".localhost:1111",
            "a..localhost:1111",
            "a_b.localhost:1111",
            "localhost.:1111",
            "127.0.0.1:1112",
            "127.0.0.1",
            "localhost",
            "127.0.0.1:",
            "127.0.0.1:x",
            "127.0.0.1:99999",
            "[::1]1111",
            "[::1:1111",
            "::1:1111",
            "[attacker.test]:1111",
            "",
            ":1111",
        ] {
            assert!(!allowed_authority(host, 80, 1111), "{host}");
        }
    }

    #[test]
    fn origins_of_this_server_are_allowed() {
        assert!(allowed_origin("http://127.0.0.1:1111", 1111));
        assert!(allowed_origin("http://localhost:1111", 1111));
        assert!(allowed_origin("http://[::1]:1111", 1111));
        assert!(allowed_origin("https://localhost", 443));
        assert!(!allowed_origin("http://attacker.test:1111", 1111));
        assert!(!allowed_origin("http://localhost:3000", 1111));
        assert!(!allowed_origin("null", 1111));
        assert!(!allowed_origin("file://", 1111));
        assert!(!allowed_origin("127.0.0.1:1111", 1111));
    }

    #[test]
    fn check_needs_one_good_host_and_a_good_origin_for_events() {
        let ok = ["127.0.0.1:1111"];
        assert_eq!(check(&ok, None, false, 1111), Ok(()));
        assert_eq!(check(&ok, None, true, 1111), Ok(()));
        assert_eq!(
            check(&ok, Some("http://127.0.0.1:1111"), true, 1111),
            Ok(())
        );
        // A foreign page may link to the server; only the stream is refused.
        assert_eq!(check(&ok, Some("http://evil.test"), false, 1111), Ok(()));
        let refused = check(&ok, Some("http://evil.test"), true, 1111).unwrap_err();
        assert!(refused.0.contains("\"http://evil.test\""), "{refused:?}");
        let refused = check(&[], None, false, 1111).unwrap_err();
        assert!(refused.0.contains("no Host"), "{refused:?}");
        assert!(check(&["127.0.0.1:1111", "evil.test:1111"], None, false, 1111).is_err());
        let refused = check(&["attacker.test:1111"], None, false, 1111).unwrap_err();
        assert!(refused.0.contains("\"attacker.test:1111\""), "{refused:?}");
    }
}
