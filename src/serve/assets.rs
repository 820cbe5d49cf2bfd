//! The page, its script and its style, compiled into the binary: a commune
//! office may have no internet, and there is nothing to install or build.
//! The script is plain JavaScript with no library; it puts every text it
//! receives into the page with `textContent`, never as HTML.

use std::sync::Arc;

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::App;

const PAGE: &str = include_str!("assets/index.html");
const SCRIPT: &str = include_str!("assets/app.js");
const STYLE: &str = include_str!("assets/app.css");

/// The page may run only its own script, load only its own style and the
/// preview pictures (data: URLs), talk only to this server, and may not be
/// framed by another site.
const POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

fn asset(kind: &'static str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CONTENT_SECURITY_POLICY, POLICY),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::REFERRER_POLICY, "no-referrer"),
            // The page carries this run's token: never keep it.
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

/// The page, with this run's token in it (hex digits only).
pub async fn page(State(app): State<Arc<App>>) -> Response {
    asset(
        "text/html; charset=utf-8",
        PAGE.replace("{{TOKEN}}", &app.token),
    )
}

pub async fn script() -> Response {
    asset("text/javascript; charset=utf-8", SCRIPT.to_string())
}

pub async fn style() -> Response {
    asset("text/css; charset=utf-8", STYLE.to_string())
}
