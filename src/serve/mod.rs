//! `vanban serve`: a local web page for the office, so a clerk who uses Word
//! and Excel, not a terminal, can list, write, check, preview, render and
//! archive documents in a browser.
//!
//! One binary, every asset embedded ([`assets`]), no internet needed. The
//! page reads and writes only files in the served folder, through the same
//! steps as the command line: every document is the resolved stage
//! ([`crate::Resolved`]) of its text; nothing is computed here a second way.
//! [`security`] keeps other web pages and other folders out, [`api`] answers
//! the page, [`form`] edits the file's text field by field, [`render`] draws
//! the preview and [`library`] lists the documents.
//!
//! Built only with the `serve` feature (on by default), so the library does
//! not bring an async runtime to programs that only render.

pub mod api;
mod assets;
pub mod form;
mod library;
pub mod outline;
pub mod render;
pub mod security;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;

use crate::error::Error;
use crate::messages::Lang;
use crate::Renderer;

/// The archive folder inside the served folder, unless `--archive` says otherwise.
pub const ARCHIVE_DIR: &str = "luu-tru";

/// What `vanban serve` was asked for.
#[derive(Debug, Clone)]
pub struct Options {
    /// The folder served: its documents are listed, only its files are read and written.
    pub dir: PathBuf,
    /// 0: any free port.
    pub port: u16,
    /// An address other than loopback (`--listen`): other computers may connect.
    pub listen: Option<IpAddr>,
    /// The archive folder (default: `DIR/luu-tru`).
    pub archive: Option<PathBuf>,
}

/// Everything a request may use, shared by all of them.
pub struct App {
    /// The served folder, canonical.
    pub dir: PathBuf,
    /// The archive folder, where `archive` writes and the register is read.
    pub archive: PathBuf,
    pub renderer: &'static Renderer,
    /// This run's secret, in the page and in every API request.
    pub token: String,
    pub hosts: security::Hosts,
    pub previews: Mutex<render::Previews>,
}

impl App {
    /// The state for serving `dir`; `port` is the port the Host header must name.
    pub fn new(renderer: Renderer, options: &Options, port: u16) -> Result<Arc<Self>, Error> {
        let dir = std::fs::canonicalize(&options.dir).map_err(|source| Error::Read {
            file: options.dir.clone(),
            source,
        })?;
        if !dir.is_dir() {
            return Err(Error::NotAFolder {
                file: options.dir.clone(),
            });
        }
        // One renderer for the life of the server: its fonts are parsed once
        // and the kept Typst worlds borrow it.
        let renderer: &'static Renderer = Box::leak(Box::new(renderer));
        Ok(Arc::new(App {
            archive: options
                .archive
                .clone()
                .unwrap_or_else(|| dir.join(ARCHIVE_DIR)),
            dir,
            renderer,
            token: security::new_token()?,
            hosts: security::Hosts {
                port,
                any_ip: options.listen.is_some_and(|ip| !ip.is_loopback()),
            },
            previews: Mutex::new(render::Previews::new(renderer)),
        }))
    }

    /// A path as the page shows it: relative to the served folder.
    pub fn shown(&self, message: String) -> String {
        let prefix = format!("{}{}", self.dir.display(), std::path::MAIN_SEPARATOR);
        message.replace(&prefix, "")
    }

    /// The file `rel` names inside the served folder (see [`security::confine`]).
    pub fn file(&self, rel: &str) -> Result<PathBuf, Error> {
        security::confine(&self.dir, rel)
    }

    pub fn relative(&self, path: &Path) -> String {
        security::relative(&self.dir, path)
    }
}

/// The language a request asks for: `?lang=en`, else Vietnamese.
pub fn lang_of(uri: &axum::http::Uri) -> Lang {
    let en = uri
        .query()
        .is_some_and(|q| q.split('&').any(|p| p == "lang=en"));
    if en {
        Lang::En
    } else {
        Lang::Vi
    }
}

/// Every route, behind the [`security::guard`].
pub fn router(app: Arc<App>) -> Router {
    // A document is at most 1 MB; its JSON with escapes stays under 8 MB.
    let json_limit = 8 * crate::limits::MAX_DOCUMENT_FILE_BYTES as usize;
    let upload_limit = crate::limits::MAX_DATA_FILE_BYTES as usize;
    Router::new()
        .route("/", get(assets::page))
        .route("/app.js", get(assets::script))
        .route("/app.css", get(assets::style))
        .route("/api/documents", get(api::documents))
        .route("/api/kinds", get(api::kinds))
        .route("/api/data-files", get(api::data_files))
        .route("/api/open", get(api::open))
        .route("/api/preview", post(api::preview))
        .route("/api/edit", post(api::edit))
        .route("/api/outline", post(api::outline))
        .route("/api/attach", post(api::attach))
        .route("/api/save", post(api::save))
        .route("/api/new", post(api::new_document))
        .route("/api/pdf", get(api::pdf))
        .route("/api/docx", get(api::docx))
        .route("/api/archive", post(api::archive))
        .route("/api/register", get(api::register))
        .route("/api/verify", post(api::verify))
        .layer(DefaultBodyLimit::max(json_limit))
        .route(
            "/api/upload",
            // One byte over the limit reaches the handler, which refuses it
            // with the limit named; more is cut off by axum.
            post(api::upload).layer(DefaultBodyLimit::max(upload_limit + 1)),
        )
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            security::guard,
        ))
        .with_state(app)
}

/// Serves `options.dir` until the process is stopped. `ready` gets the
/// address to open once the server listens.
pub fn run(
    renderer: Renderer,
    options: Options,
    ready: impl FnOnce(&str, bool),
) -> Result<(), Error> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_io()
        .build()
        .map_err(|source| Error::Listen {
            addr: "runtime".into(),
            source,
        })?;
    runtime.block_on(async move {
        let ip = options.listen.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
        let addr = SocketAddr::new(ip, options.port);
        let listen_error = |source| Error::Listen {
            addr: addr.to_string(),
            source,
        };
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(listen_error)?;
        let port = listener.local_addr().map_err(listen_error)?.port();
        let app = App::new(renderer, &options, port)?;
        let shown = match ip {
            IpAddr::V4(v4) if !v4.is_unspecified() && !v4.is_loopback() => v4.to_string(),
            IpAddr::V6(v6) if !v6.is_unspecified() && !v6.is_loopback() => format!("[{v6}]"),
            _ => "127.0.0.1".to_string(),
        };
        ready(&format!("http://{shown}:{port}/"), !ip.is_loopback());
        axum::serve(listener, router(app))
            .await
            .map_err(listen_error)
    })
}
