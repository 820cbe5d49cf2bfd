//! `vanban serve`'s rules, through its router in-process: each refused
//! request is answered before anything is read or written, and the writes
//! that are allowed keep the clerk's file as written.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;
use vanban::serve::{router, App, Options};

use crate::common::*;

const PORT: u16 = 8080;
const HOST: &str = "127.0.0.1:8080";
const SEED: &str = "nghi-quyet-07-NQ-DU-2025.toml";

/// A temporary copy of the examples (documents and their data), served.
struct Served {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
    app: Arc<App>,
}

fn served() -> Served {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("van-phong");
    copy_tree(&root().join("examples"), &dir);
    let options = Options {
        dir: dir.clone(),
        port: PORT,
        listen: None,
        archive: None,
    };
    let app = App::new(vanban::Renderer::new(), &options, PORT).unwrap();
    Served {
        _tmp: tmp,
        dir,
        app,
    }
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// The whole tree below `dir`: every path and its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            } else {
                out.push((e.path(), std::fs::read(e.path()).unwrap_or_default()));
            }
        }
    }
    out.sort();
    out
}

struct Reply {
    status: StatusCode,
    json: serde_json::Value,
}

fn send(app: &Arc<App>, request: Request<Body>) -> Reply {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .build()
        .unwrap();
    runtime.block_on(async {
        let response = router(app.clone()).oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            json: serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null),
        }
    })
}

fn post(app: &Arc<App>, path: &str, body: serde_json::Value) -> Reply {
    send(
        app,
        Request::post(path)
            .header("host", HOST)
            .header("x-vanban-token", &app.token)
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .unwrap(),
    )
}

fn get(app: &Arc<App>, path: &str) -> Reply {
    send(
        app,
        Request::get(path)
            .header("host", HOST)
            .header("x-vanban-token", &app.token)
            .body(Body::empty())
            .unwrap(),
    )
}

fn message(r: &Reply) -> String {
    r.json["error"]["message"]
        .as_str()
        .unwrap_or("")
        .to_string()
}

/// A save of the seed with one word changed, as the page would send it.
fn changed_seed(s: &Served) -> serde_json::Value {
    let opened = get(&s.app, &format!("/api/open?path={SEED}"));
    assert_eq!(opened.status, StatusCode::OK);
    let text = opened.json["text"]
        .as_str()
        .unwrap()
        .replace("Năm 2025, thực hiện", "Năm 2025, triển khai");
    serde_json::json!({ "path": SEED, "text": text, "hash": opened.json["hash"] })
}

#[test]
fn a_foreign_host_is_refused_and_nothing_is_written() {
    let s = served();
    let save = changed_seed(&s);
    let before = snapshot(&s.dir);
    for host in [
        "evil.example:8080",
        "127.0.0.1.nip.io:8080",
        "localhost:9999",
        "",
    ] {
        let r = send(
            &s.app,
            Request::post("/api/save")
                .header("host", host)
                .header("x-vanban-token", &s.app.token)
                .header("content-type", "application/json")
                .body(Body::from(save.to_string()))
                .unwrap(),
        );
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{host}");
        assert!(message(&r).contains("từ chối"), "{}", message(&r));
        // The page itself is refused too: a rebound name never gets the token.
        let page = send(
            &s.app,
            Request::get("/")
                .header("host", host)
                .body(Body::empty())
                .unwrap(),
        );
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{host}");
    }
    assert_eq!(snapshot(&s.dir), before);
}

#[test]
fn a_write_without_the_token_or_from_another_site_is_refused() {
    let s = served();
    let save = changed_seed(&s);
    let before = snapshot(&s.dir);
    let request = |token: Option<&str>, origin: Option<&str>| {
        let mut b = Request::post("/api/save?lang=en")
            .header("host", HOST)
            .header("content-type", "application/json");
        if let Some(t) = token {
            b = b.header("x-vanban-token", t);
        }
        if let Some(o) = origin {
            b = b.header("origin", o);
        }
        b.body(Body::from(save.to_string())).unwrap()
    };
    let wrong = "0".repeat(32);
    for (token, origin) in [
        (None, None),
        (Some(wrong.as_str()), None),
        (Some(s.app.token.as_str()), Some("http://evil.example")),
    ] {
        let r = send(&s.app, request(token, origin));
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{token:?} {origin:?}");
        assert!(message(&r).starts_with("refused"), "{}", message(&r));
    }
    // A token in the query string is for downloads (GET), never for a write.
    let r = send(
        &s.app,
        Request::post(format!("/api/save?t={}", s.app.token))
            .header("host", HOST)
            .header("content-type", "application/json")
            .body(Body::from(save.to_string()))
            .unwrap(),
    );
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(snapshot(&s.dir), before);
    // The same request with the token and its own origin is accepted.
    let r = send(
        &s.app,
        request(Some(&s.app.token), Some(&format!("http://{HOST}"))),
    );
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
}

#[test]
fn paths_out_of_the_folder_are_refused_and_nothing_is_written() {
    let s = served();
    let outside = s.dir.parent().unwrap().to_path_buf();
    let before = snapshot(&outside);
    let text = std::fs::read_to_string(s.dir.join(SEED)).unwrap();
    let absolute = s.dir.join(SEED).display().to_string();
    for path in [
        "../ra-ngoai.toml",
        "data/../../ra-ngoai.toml",
        absolute.as_str(),
        ".an.toml",
    ] {
        let r = post(
            &s.app,
            "/api/new",
            serde_json::json!({ "kind": "nghi-quyet", "name": path }),
        );
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}: {}", r.json);
        assert!(
            message(&r).contains("không phải tệp trong thư mục"),
            "{}",
            message(&r)
        );
        let r = post(
            &s.app,
            "/api/save",
            serde_json::json!({ "path": path, "text": text, "hash": "" }),
        );
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
        let r = get(&s.app, &format!("/api/open?path={path}"));
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    // A symlink inside the folder that leads out is out.
    #[cfg(unix)]
    {
        let secret = outside.join("bi-mat.toml");
        std::fs::write(&secret, &text).unwrap();
        std::os::unix::fs::symlink(&secret, s.dir.join("loi-tat.toml")).unwrap();
        let r = get(&s.app, "/api/open?path=loi-tat.toml");
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        let r = post(
            &s.app,
            "/api/save",
            serde_json::json!({ "path": "loi-tat.toml", "text": "x", "hash": "" }),
        );
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_eq!(std::fs::read_to_string(&secret).unwrap(), text);
        std::fs::remove_file(s.dir.join("loi-tat.toml")).unwrap();
        std::fs::remove_file(&secret).unwrap();
    }
    assert_eq!(snapshot(&outside), before);
}

#[test]
fn an_oversized_upload_is_refused_and_nothing_is_written() {
    let s = served();
    let before = snapshot(&s.dir);
    let limit = vanban::limits::MAX_DATA_FILE_BYTES as usize;
    for size in [limit + 1, limit + 1024 * 1024] {
        let r = send(
            &s.app,
            Request::post("/api/upload?path=data/lon.xlsx")
                .header("host", HOST)
                .header("x-vanban-token", &s.app.token)
                .body(Body::from(vec![b'x'; size]))
                .unwrap(),
        );
        assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{size}");
        assert!(message(&r).contains(&limit.to_string()), "{}", message(&r));
    }
    // Not a figures file: refused whatever its size.
    let r = send(
        &s.app,
        Request::post("/api/upload?path=chay.sh")
            .header("host", HOST)
            .header("x-vanban-token", &s.app.token)
            .body(Body::from("echo"))
            .unwrap(),
    );
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(snapshot(&s.dir), before);
    // Within the limit, a figures file is written where it was asked.
    let bytes = std::fs::read(s.dir.join("data/vu-quang/thuc-hien-6-thang-2026.xlsx")).unwrap();
    let r = send(
        &s.app,
        Request::post("/api/upload?path=data/moi.xlsx")
            .header("host", HOST)
            .header("x-vanban-token", &s.app.token)
            .body(Body::from(bytes.clone()))
            .unwrap(),
    );
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(std::fs::read(s.dir.join("data/moi.xlsx")).unwrap(), bytes);
}

#[test]
fn a_file_changed_on_disk_since_it_was_opened_is_not_overwritten() {
    let s = served();
    let save = changed_seed(&s);
    let file = s.dir.join(SEED);
    let theirs = std::fs::read_to_string(&file).unwrap() + "\n# sửa ở máy khác\n";
    std::fs::write(&file, &theirs).unwrap();
    let r = post(&s.app, "/api/save", save);
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(
        message(&r).contains("đã bị sửa trên đĩa"),
        "{}",
        message(&r)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), theirs);
}

#[test]
fn a_form_edit_then_a_save_keeps_the_comments_and_order() {
    let s = served();
    let file = s.dir.join(SEED);
    let original = std::fs::read_to_string(&file).unwrap();
    let opened = get(&s.app, &format!("/api/open?path={SEED}"));
    let edited = post(
        &s.app,
        "/api/edit",
        serde_json::json!({
            "path": SEED,
            "text": opened.json["text"],
            "field": "noi_dung[1].muc[1].doan[0].gach",
            "value": "Về Kinh tế: đoạn đã sửa qua biểu mẫu.",
        }),
    );
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.json);
    // The preview came with the edit: the pages, and the form read again.
    assert!(
        edited.json["preview"]["error"].is_null(),
        "{}",
        edited.json["preview"]["error"]
    );
    let pages = edited.json["preview"]["pages"].as_array().unwrap();
    assert!(pages.len() >= 4, "{}", pages.len());
    assert!(pages[0]
        .as_str()
        .unwrap()
        .starts_with("data:image/png;base64,"));
    let r = post(
        &s.app,
        "/api/save",
        serde_json::json!({ "path": SEED, "text": edited.json["text"], "hash": opened.json["hash"] }),
    );
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    let saved = std::fs::read_to_string(&file).unwrap();
    // Only that one value changed; every comment and key stayed where it was.
    let old_line = original
        .lines()
        .find(|l| l.contains("{ gach = \"Về Kinh tế:"))
        .unwrap();
    let expected = original.replace(
        old_line,
        "  { gach = \"Về Kinh tế: đoạn đã sửa qua biểu mẫu.\" },",
    );
    assert_eq!(saved, expected);
    // What was saved renders, and prints the new text.
    let text = pdftotext(&render_file(&file));
    assert!(squash(&text).contains("đoạn đã sửa qua biểu mẫu"), "{text}");
}

#[test]
fn a_text_that_is_not_a_document_is_not_saved_and_its_error_is_located() {
    let s = served();
    let opened = get(&s.app, &format!("/api/open?path={SEED}"));
    let broken = opened.json["text"]
        .as_str()
        .unwrap()
        .replace("so = 7", "so = \"bảy\"");
    let file = s.dir.join(SEED);
    let before = std::fs::read(&file).unwrap();
    let r = post(
        &s.app,
        "/api/save",
        serde_json::json!({ "path": SEED, "text": broken, "hash": opened.json["hash"] }),
    );
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json["error"]["field"], "so");
    let line = broken.lines().position(|l| l.starts_with("so = ")).unwrap() + 1;
    assert_eq!(r.json["error"]["line"], line);
    assert_eq!(std::fs::read(&file).unwrap(), before);
    // The preview says the same, in English when asked.
    let p = post(
        &s.app,
        "/api/preview?lang=en",
        serde_json::json!({ "path": SEED, "text": broken }),
    );
    assert_eq!(p.status, StatusCode::OK);
    assert_eq!(p.json["error"]["field"], "so");
    assert!(
        p.json["error"]["message"]
            .as_str()
            .unwrap()
            .contains("invalid type"),
        "{}",
        p.json
    );
    assert!(p.json["pages"].as_array().unwrap().is_empty());
}

#[test]
fn check_lints_come_back_with_the_field_and_line() {
    let s = served();
    let opened = get(&s.app, &format!("/api/open?path={SEED}"));
    // A trích yếu in capitals is a lint (summary case), not an error.
    let text = opened.json["text"].as_str().unwrap().replace(
        "\"về tình hình kinh tế - xã hội",
        "\"Về tình hình kinh tế - xã hội",
    );
    let p = post(
        &s.app,
        "/api/preview",
        serde_json::json!({ "path": SEED, "text": text }),
    );
    assert!(p.json["error"].is_null(), "{}", p.json["error"]);
    let lints = p.json["lints"].as_array().unwrap();
    let lint = lints
        .iter()
        .find(|l| l["field"].as_str().unwrap().starts_with("trich_yeu"))
        .unwrap_or_else(|| panic!("{lints:?}"));
    let line = text
        .lines()
        .position(|l| l.contains("\"Về tình hình"))
        .unwrap()
        + 1;
    assert_eq!(lint["line"], line);
}

#[test]
fn the_listing_shows_kind_number_date_summary_and_draft() {
    let s = served();
    let r = get(&s.app, "/api/documents");
    let docs = r.json.as_array().unwrap();
    let seed = docs.iter().find(|d| d["path"] == SEED).unwrap();
    assert_eq!(seed["kind"], "NGHỊ QUYẾT");
    assert_eq!(seed["number"], "Số 07-NQ/ĐU");
    assert_eq!(seed["date"], "30/12/2025");
    assert_eq!(seed["draft"], false);
    assert!(seed["summary"]
        .as_str()
        .unwrap()
        .starts_with("về tình hình kinh tế"));
    // Data files are not documents.
    assert!(docs
        .iter()
        .all(|d| !d["path"].as_str().unwrap().starts_with("data/")));
    // A new document from a skeleton is a draft in the list.
    let r = post(
        &s.app,
        "/api/new",
        serde_json::json!({ "kind": "to-trinh", "the_thuc": "nha-nuoc", "name": "to-trinh-moi.toml" }),
    );
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    let docs = get(&s.app, "/api/documents").json;
    let new = docs
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == "to-trinh-moi.toml")
        .unwrap();
    assert_eq!(new["draft"], true);
    assert_eq!(new["kind"], "TỜ TRÌNH");
    // Not twice: the first is the clerk's work.
    let r = post(
        &s.app,
        "/api/new",
        serde_json::json!({ "kind": "to-trinh", "name": "to-trinh-moi.toml" }),
    );
    assert_eq!(r.status, StatusCode::CONFLICT);
}

/// A GET whose answer is a file: status, headers and bytes.
fn download(app: &Arc<App>, path: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .build()
        .unwrap();
    runtime.block_on(async {
        let request = Request::get(path)
            .header("host", HOST)
            .body(Body::empty())
            .unwrap();
        let response = router(app.clone()).oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, headers, bytes.to_vec())
    })
}

/// The text of a DOCX's body: every `w:t` of word/document.xml, in order.
fn docx_text(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    let mut text = String::new();
    for part in xml.split("<w:t").skip(1) {
        let Some((_, rest)) = part.split_once('>') else {
            continue;
        };
        if let Some((t, _)) = rest.split_once("</w:t>") {
            text.push_str(t);
        }
    }
    text
}

#[test]
fn the_docx_download_is_the_saved_document_as_word() {
    let s = served();
    let token = s.app.token.clone();
    let (status, headers, bytes) = download(&s.app, &format!("/api/docx?path={SEED}&t={token}"));
    assert_eq!(
        status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    assert_eq!(
        headers["content-type"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert_eq!(
        headers["content-disposition"],
        "attachment; filename=\"nghi-quyet-07-NQ-DU-2025.docx\""
    );
    // The same document the command line writes, byte for byte.
    let r = vanban::Renderer::new();
    let resolved = r.resolve_file(&s.dir.join(SEED)).unwrap();
    assert_eq!(
        bytes,
        r.render_as(&resolved, vanban::output::Format::Docx)
            .unwrap()
    );
    let text = docx_text(&bytes);
    for words in [
        "NGHỊ QUYẾT",
        "Số 07-NQ/ĐU",
        "Năm 2025, thực hiện nhiệm vụ",
        "Trần Nguyên Thọ",
    ] {
        assert!(text.contains(words), "{words} not in {text}");
    }
    // Without the token nothing is rendered; a path out of the folder neither.
    let (status, _, _) = download(&s.app, &format!("/api/docx?path={SEED}"));
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = download(&s.app, &format!("/api/docx?path=../x.toml&t={token}"));
    assert_eq!(status, StatusCode::FORBIDDEN);
}

/// One change of a list through /api/outline, which must succeed.
fn outline(s: &Served, text: &str, target: &str, op: &str, value: &str) -> serde_json::Value {
    let r = post(
        &s.app,
        "/api/outline",
        serde_json::json!({ "path": SEED, "text": text, "target": target, "op": op, "value": value }),
    );
    assert_eq!(r.status, StatusCode::OK, "{op} {target}: {}", r.json);
    assert!(
        r.json["preview"]["error"].is_null(),
        "{}",
        r.json["preview"]["error"]
    );
    r.json
}

/// A change of a list through /api/outline that must be refused, located at
/// its target: the English message.
fn outline_refused(s: &Served, text: &str, target: &str, op: &str) -> String {
    let r = post(
        &s.app,
        "/api/outline?lang=en",
        serde_json::json!({ "path": SEED, "text": text, "target": target, "op": op }),
    );
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.json);
    assert_eq!(r.json["error"]["field"], target);
    message(&r)
}

/// The tree the form shows: each section's item, number and heading.
fn tree(reply: &serde_json::Value) -> Vec<(String, String, String)> {
    reply["preview"]["form"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["role"] == "section")
        .map(|f| {
            (
                f["item"].as_str().unwrap().to_string(),
                f["section_number"].as_str().unwrap().to_string(),
                f["value"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn number_of(reply: &serde_json::Value, title: &str) -> (String, String) {
    tree(reply)
        .into_iter()
        .find(|(_, _, t)| t == title)
        .map(|(item, n, _)| (item, n))
        .unwrap_or_else(|| panic!("no section {title:?} in {:?}", tree(reply)))
}

/// The PDF of `text` (as the seed), as one line of text.
fn printed(s: &Served, text: &str) -> String {
    let r = vanban::Renderer::new();
    let file = s.dir.join(SEED);
    let doc: vanban::model::Document =
        vanban::model::load_document_bytes(&file, text.as_bytes()).unwrap();
    squash(&pdftotext(&r.render_pdf(&doc, &file).unwrap()))
}

#[test]
fn sections_added_moved_and_deleted_are_numbered_as_the_pdf_numbers_them() {
    let s = served();
    let opened = get(&s.app, &format!("/api/open?path={SEED}"));
    let original = opened.json["text"].as_str().unwrap().to_string();
    const KQ: &str =
        "Kết quả lãnh đạo, chỉ đạo phát triển kinh tế - xã hội, quốc phòng, an ninh năm 2025";
    const MT: &str = "Mục tiêu, chỉ tiêu, nhiệm vụ, giải pháp trọng tâm năm 2026";
    const NEW: &str = "Công tác xây dựng Đảng";

    let added = outline(&s, &original, "noi_dung[0]", "add", NEW);
    assert_eq!(number_of(&added, NEW), ("noi_dung[1]".into(), "II.".into()));
    assert_eq!(number_of(&added, MT), ("noi_dung[2]".into(), "III.".into()));
    let text = added["text"].as_str().unwrap();
    let pdf = printed(&s, text);
    // The PDF prints the numbers the form shows (headings of parts in capitals),
    // and so do the preview's pages.
    assert!(
        pdf.contains("II. CÔNG TÁC XÂY DỰNG ĐẢNG III. MỤC TIÊU"),
        "{pdf}"
    );
    let pages: Vec<&str> = added["preview"]["page_texts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    let preview = squash(&pages.join("\n"));
    assert!(
        preview.contains("II. CÔNG TÁC XÂY DỰNG ĐẢNG III. MỤC TIÊU"),
        "{preview}"
    );

    let up = outline(&s, text, "noi_dung[1]", "up", "");
    assert_eq!(number_of(&up, NEW), ("noi_dung[0]".into(), "I.".into()));
    assert_eq!(number_of(&up, KQ), ("noi_dung[1]".into(), "II.".into()));
    let pdf = printed(&s, up["text"].as_str().unwrap());
    assert!(
        pdf.contains("I. CÔNG TÁC XÂY DỰNG ĐẢNG II. KẾT QUẢ"),
        "{pdf}"
    );

    // Under the section before it: "Kết quả …" becomes 1. of the new part.
    let under = outline(&s, up["text"].as_str().unwrap(), "noi_dung[1]", "in", "");
    assert_eq!(
        number_of(&under, KQ),
        ("noi_dung[0].muc[0]".into(), "1.".into())
    );
    assert_eq!(number_of(&under, MT), ("noi_dung[1]".into(), "II.".into()));
    let pdf = printed(&s, under["text"].as_str().unwrap());
    assert!(
        pdf.contains("I. CÔNG TÁC XÂY DỰNG ĐẢNG 1. Kết quả lãnh đạo"),
        "{pdf}"
    );
    assert!(pdf.contains("II. MỤC TIÊU, CHỈ TIÊU"), "{pdf}");

    let out = outline(
        &s,
        under["text"].as_str().unwrap(),
        "noi_dung[0].muc[0]",
        "out",
        "",
    );
    assert_eq!(number_of(&out, KQ), ("noi_dung[1]".into(), "II.".into()));
    let down = outline(&s, out["text"].as_str().unwrap(), "noi_dung[0]", "down", "");
    assert_eq!(number_of(&down, NEW), ("noi_dung[1]".into(), "II.".into()));
    let deleted = outline(
        &s,
        down["text"].as_str().unwrap(),
        "noi_dung[1]",
        "delete",
        "",
    );
    // Every step undone: the file's text exactly as written, comments and all.
    assert_eq!(deleted["text"].as_str().unwrap(), original);

    // What cannot be done is refused, located, and changes nothing.
    let refused = outline_refused(&s, &original, "noi_dung[0]", "up");
    assert!(refused.contains("cannot move up"), "{refused}");
}

#[test]
fn a_recipient_groups_names_move_among_themselves() {
    let s = served();
    let opened = get(&s.app, &format!("/api/open?path={SEED}"));
    let original = opened.json["text"].as_str().unwrap().to_string();
    const GROUP: [&str; 3] = [
        "Thường trực Tỉnh ủy",
        "Các ban đảng, UBKT Tỉnh ủy",
        "Văn phòng Tỉnh ủy",
    ];
    let names = |reply: &serde_json::Value| -> Vec<(String, String)> {
        reply["preview"]["form"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["member"] != "")
            .map(|f| {
                (
                    f["member"].as_str().unwrap().to_string(),
                    f["value"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let up = outline(&s, &original, "noi_nhan.danh_sach[0].nhom[2]", "up", "");
    let want: Vec<(String, String)> = [0, 2, 1]
        .iter()
        .enumerate()
        .map(|(j, &k)| {
            (
                format!("noi_nhan.danh_sach[0].nhom[{j}]"),
                GROUP[k].to_string(),
            )
        })
        .collect();
    assert_eq!(names(&up), want);
    // The PDF lists them in the new order.
    let order = |text: &str| -> Vec<usize> {
        let pdf = printed(&s, text);
        GROUP
            .iter()
            .map(|n| {
                pdf.find(&format!("- {n},"))
                    .unwrap_or_else(|| panic!("{n}: {pdf}"))
            })
            .collect()
    };
    let before = order(&original);
    assert!(before[0] < before[1] && before[1] < before[2], "{before:?}");
    let after = order(up["text"].as_str().unwrap());
    assert!(after[0] < after[2] && after[2] < after[1], "{after:?}");
    // Back down: the file exactly as written.
    let back = outline(
        &s,
        up["text"].as_str().unwrap(),
        "noi_nhan.danh_sach[0].nhom[1]",
        "down",
        "",
    );
    assert_eq!(back["text"].as_str().unwrap(), original);
    // A name is not deleted from a group through the form.
    let refused = outline_refused(&s, &original, "noi_nhan.danh_sach[0].nhom[1]", "delete");
    assert!(
        refused.contains("only changes the order of the names"),
        "{refused}"
    );
}

#[test]
fn recipients_and_paragraphs_are_added_moved_and_deleted_and_saved_with_the_comments() {
    let s = served();
    let file = s.dir.join(SEED);
    let opened = get(&s.app, &format!("/api/open?path={SEED}"));
    let original = opened.json["text"].as_str().unwrap().to_string();
    let added = outline(
        &s,
        &original,
        "noi_nhan.danh_sach[1]",
        "add",
        "Ban Tuyên giáo và Dân vận Tỉnh ủy",
    );
    let moved = outline(
        &s,
        added["text"].as_str().unwrap(),
        "noi_nhan.danh_sach[2]",
        "up",
        "",
    );
    let recipients: Vec<&str> = moved["preview"]["form"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["role"] == "recipient")
        .map(|f| f["value"].as_str().unwrap())
        .collect();
    assert_eq!(
        recipients[..3],
        [
            "Thường trực Tỉnh ủy",
            "Ban Tuyên giáo và Dân vận Tỉnh ủy",
            "Thường trực Đảng ủy"
        ]
    );
    let paragraph = outline(
        &s,
        moved["text"].as_str().unwrap(),
        "noi_dung[0].doan[0]",
        "add",
        "Đoạn thêm qua **biểu mẫu**^[Chú thích thêm.]",
    );
    let text = paragraph["text"].as_str().unwrap();
    let pdf = printed(&s, text);
    assert!(
        pdf.contains("- Ban Tuyên giáo và Dân vận Tỉnh ủy, - Thường trực Đảng ủy,"),
        "{pdf}"
    );
    assert!(pdf.contains("Đoạn thêm qua biểu mẫu1"), "{pdf}");
    assert!(pdf.contains("1 Chú thích thêm."), "{pdf}");
    let r = post(
        &s.app,
        "/api/save",
        serde_json::json!({ "path": SEED, "text": text, "hash": opened.json["hash"] }),
    );
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    let saved = std::fs::read_to_string(&file).unwrap();
    let comments = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| l.contains('#'))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(comments(&saved), comments(&original));
    assert!(saved.contains(
        "  \"Ban Tuyên giáo và Dân vận Tỉnh ủy\",\n  \"Thường trực Đảng ủy\",\n  \"Thường trực HĐND\","
    ));
    // Only lines were added: every line of the original is still there, in order.
    let mut rest = saved.lines();
    for line in original.lines() {
        assert!(rest.any(|l| l == line), "{line:?} lost or moved");
    }
}
