//! Who may talk to `vanban serve`, and which files a request may name.
//!
//! The server listens on the loopback address, but any web page the clerk
//! opens can make the browser send requests to it. Three rules keep those
//! pages out:
//! - the Host header must be this server's own name (`localhost`,
//!   `127.0.0.1`, `[::1]`, with its port): a page that points its own domain
//!   at 127.0.0.1 (DNS rebinding) sends its domain and is refused;
//! - every API request carries this run's random token, which only the page
//!   the server itself served knows (another site cannot read that page);
//! - a request that says where it comes from (Origin) must come from here.
//!
//! Paths in requests are relative to the served folder, plain names only,
//! and a file reached through a symlink must still lie inside it.

use std::net::IpAddr;
use std::path::{Component, Path, PathBuf};

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::api::Failure;
use super::App;
use crate::error::Error;

/// The header that carries the token.
pub const TOKEN_HEADER: &str = "x-vanban-token";

/// A fresh random token for this run: 128 bits from the operating system.
pub fn new_token() -> Result<String, Error> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| Error::Listen {
        addr: "token".into(),
        source: std::io::Error::other(e.to_string()),
    })?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The host names a request may be addressed to.
#[derive(Debug, Clone)]
pub struct Hosts {
    pub port: u16,
    /// `--listen` on an address other than loopback: requests may also name
    /// an IP address (a colleague typing `http://192.168.1.5:8080`). An IP
    /// address cannot be rebound; a domain name can, so names stay refused.
    pub any_ip: bool,
}

impl Hosts {
    /// Whether `host` (the Host header: name and port) is this server.
    pub fn allows(&self, host: &str) -> bool {
        let Some((name, port)) = host.rsplit_once(':') else {
            return false;
        };
        if port.parse::<u16>().ok() != Some(self.port) {
            return false;
        }
        let name = name.to_ascii_lowercase();
        if matches!(name.as_str(), "localhost" | "127.0.0.1" | "[::1]") {
            return true;
        }
        self.any_ip
            && name
                .trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<IpAddr>()
                .is_ok()
    }
}

/// The middleware in front of every route: the Host check for all, the
/// token and Origin checks for the API. A refusal is answered before any
/// handler runs, so nothing is read or written.
pub async fn guard(
    State(app): State<std::sync::Arc<App>>,
    request: Request,
    next: Next,
) -> Response {
    match check(&app, request.method(), request.uri(), request.headers()) {
        Ok(()) => next.run(request).await,
        Err(e) => Failure::new(e, super::lang_of(request.uri())).into_response(),
    }
}

fn check(
    app: &App,
    method: &Method,
    uri: &axum::http::Uri,
    headers: &HeaderMap,
) -> Result<(), Error> {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !app.hosts.allows(host) {
        return Err(Error::ForeignHost {
            host: crate::error::clip(host),
        });
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let origin = origin.to_str().unwrap_or("");
        if origin != format!("http://{host}") {
            return Err(Error::ForeignOrigin {
                origin: crate::error::clip(origin),
            });
        }
    }
    if !uri.path().starts_with("/api/") {
        // The page and its script and style: nothing to read but themselves.
        return if method == Method::GET {
            Ok(())
        } else {
            Err(Error::MissingToken)
        };
    }
    // Downloads are links, which cannot carry a header: they carry `t=`.
    let in_query = uri
        .query()
        .into_iter()
        .flat_map(|q| q.split('&'))
        .find_map(|p| p.strip_prefix("t="));
    let sent =
        headers
            .get(TOKEN_HEADER)
            .and_then(|h| h.to_str().ok())
            .or(if method == Method::GET {
                in_query
            } else {
                None
            });
    match sent {
        Some(t) if constant_time_eq(t.as_bytes(), app.token.as_bytes()) => Ok(()),
        _ => Err(Error::MissingToken),
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The file `rel` (relative to the served folder `dir`, canonical) names:
/// plain names only (no `..`, no absolute path, no hidden names), and, where
/// it exists, every symlink resolved, still inside `dir`. A new file's folder
/// must exist inside `dir`.
pub fn confine(dir: &Path, rel: &str) -> Result<PathBuf, Error> {
    let refuse = || Error::OutsideServed {
        path: crate::error::clip(rel),
        dir: dir.to_path_buf(),
    };
    let path = Path::new(rel);
    if rel.is_empty() || rel.contains('\\') || rel.contains('\0') {
        return Err(refuse());
    }
    for c in path.components() {
        match c {
            Component::Normal(name) if !name.to_string_lossy().starts_with('.') => {}
            _ => return Err(refuse()),
        }
    }
    let joined = dir.join(path);
    // The symlink rule is the one a document's data files follow (src/inputs.rs):
    // resolved, the file must lie in the folder.
    let inside = |p: &Path| {
        std::fs::canonicalize(p)
            .map(|real| real.starts_with(dir))
            .unwrap_or(false)
    };
    match std::fs::symlink_metadata(&joined) {
        Ok(_) if inside(&joined) => Ok(joined),
        Ok(_) => Err(refuse()),
        Err(_) => match joined.parent() {
            Some(parent) if inside(parent) => Ok(joined),
            _ => Err(refuse()),
        },
    }
}

/// `path` (inside `dir`) as the page names it: relative, with `/`.
pub fn relative(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_servers_names_and_port_are_hosts() {
        let local = Hosts {
            port: 8080,
            any_ip: false,
        };
        assert!(local.allows("127.0.0.1:8080"));
        assert!(local.allows("localhost:8080"));
        assert!(local.allows("[::1]:8080"));
        assert!(!local.allows("localhost:8081"));
        assert!(!local.allows("evil.example:8080"));
        assert!(!local.allows("localhost"));
        assert!(!local.allows("192.168.1.5:8080"));
        let lan = Hosts {
            port: 8080,
            any_ip: true,
        };
        assert!(lan.allows("192.168.1.5:8080"));
        assert!(!lan.allows("evil.example:8080"));
    }

    #[test]
    fn paths_stay_inside_the_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = std::fs::canonicalize(tmp.path()).unwrap();
        std::fs::write(dir.join("a.toml"), "x").unwrap();
        assert!(confine(&dir, "a.toml").is_ok());
        assert!(confine(&dir, "new.toml").is_ok());
        for bad in [
            "../a.toml",
            "/etc/passwd",
            "x/../../a",
            ".git/config",
            "",
            "missing/x.toml",
        ] {
            assert!(confine(&dir, bad).is_err(), "{bad}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("/etc", dir.join("out")).unwrap();
            assert!(confine(&dir, "out/passwd").is_err());
            assert!(confine(&dir, "out").is_err());
        }
    }
}
