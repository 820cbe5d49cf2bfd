//! The JSON Schema of the document file (docs/schema/van-ban.schema.json):
//! the published copy is what the model types give, and every example and
//! skeleton a clerk starts from is valid against it, while a wrong key or
//! value is not. Validated with Python's `jsonschema` (scripts/test installs
//! it), an implementation independent of the one that wrote the schema.

use std::process::Command;

use crate::common::*;
use vanban::model::schema::{document_schema, PUBLISHED};

#[test]
fn the_published_schema_is_what_the_model_types_give() {
    let path = root().join(PUBLISHED);
    let want = document_schema();
    if std::env::var_os("VANBAN_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{PUBLISHED} is out of date with the model types; regenerate it with\n  VANBAN_BLESS=1 cargo test --test suite schema::"
    );
}

/// Validates TOML files against the schema; prints one line per file,
/// `ok <file>` or `bad <file>: <first error>`.
const VALIDATE: &str = r#"
import datetime, json, sys, tomllib
import jsonschema
schema = json.loads(sys.stdin.read())
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)
# A TOML date reaches an editor's validator as a string, as here.
def plain(v):
    if isinstance(v, (datetime.date, datetime.datetime, datetime.time)):
        return v.isoformat()
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    return v
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        doc = plain(tomllib.load(f))
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    if errors:
        e = errors[0]
        print(f"bad {path}: {'.'.join(map(str, e.path))}: {e.message[:200]}")
    else:
        print(f"ok {path}")
"#;

fn validate(files: &[std::path::PathBuf]) -> Vec<String> {
    let mut child = Command::new("python3")
        .arg("-c")
        .arg(VALIDATE)
        .args(files)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(document_schema().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "the validator failed (pip install jsonschema): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

fn toml_files(dir: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_example_and_skeleton_is_valid_against_the_schema() {
    let mut files = toml_files("examples");
    files.extend(toml_files("templates/moi"));
    assert!(files.len() >= 10, "found only {files:?}");
    let report = validate(&files);
    assert_eq!(report.len(), files.len(), "{report:#?}");
    let bad: Vec<_> = report.iter().filter(|l| !l.starts_with("ok ")).collect();
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn the_schema_refuses_what_the_reader_refuses() {
    let seed = std::fs::read_to_string(seed_example()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    // Each a mistake a clerk makes; vanban refuses each one too.
    let cases = [
        ("unknown-key", format!("khong_co_khoa = 1\n{seed}")),
        // `loai` is not here: kinds are the profile's declarations, so the
        // schema takes any key and the profile refuses it (kinds.rs tests).
        ("missing", seed.replace("ma_co_quan = ", "# ma_co_quan = ")),
        ("number", seed.replace("so = 7", "so = \"bảy\"")),
    ];
    let mut files = Vec::new();
    for (name, text) in &cases {
        assert_ne!(text, &seed, "case {name} changed nothing");
        let path = dir.path().join(format!("{name}.toml"));
        std::fs::write(&path, text).unwrap();
        let doc =
            vanban::model::parse::<vanban::Document>(&path, text, vanban::model::Format::Toml);
        assert!(doc.is_err(), "vanban reads case {name}");
        files.push(path);
    }
    for line in validate(&files) {
        assert!(line.starts_with("bad "), "the schema accepts {line}");
    }
}
