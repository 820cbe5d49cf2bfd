//! Printing the register: an aligned table for people (with the columns of
//! the sổ đăng ký văn bản đi), CSV for spreadsheets, JSON for programs.

use chrono::NaiveDate;

use super::numbering::same_code;
use super::register::Entry;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Json,
}

/// Which entries to list.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Year of the issue date.
    pub year: Option<i32>,
    /// Type code, with or without diacritics ("QĐ" or "QD").
    pub type_code: Option<String>,
    /// "dang" or "nha-nuoc".
    pub the_thuc: Option<String>,
}

impl Filter {
    pub fn keeps(&self, e: &Entry) -> bool {
        self.year
            .is_none_or(|y| e.issue_date.starts_with(&format!("{y:04}-")))
            && self
                .type_code
                .as_deref()
                .is_none_or(|t| same_code(t, &e.type_code))
            && self.the_thuc.as_deref().is_none_or(|t| t == e.the_thuc)
    }
}

pub fn render(entries: &[Entry], format: Format) -> String {
    match format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(entries).expect("plain data serialises");
            s.push('\n');
            s
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            if entries.is_empty() {
                // serde writes the header with the first record; keep it for an empty list.
                let _ = w.write_record(HEADER);
            }
            for e in entries {
                w.serialize(e).expect("plain data serialises");
            }
            String::from_utf8(w.into_inner().expect("a Vec does not fail"))
                .expect("UTF-8 in, UTF-8 out")
        }
        Format::Table => table(entries),
    }
}

/// The CSV columns, as `Entry` serialises.
const HEADER: [&str; 20] = [
    "id",
    "number",
    "number_symbol",
    "the_thuc",
    "kind",
    "type_code",
    "body_code",
    "issuing_body",
    "issue_date",
    "summary",
    "file",
    "sha256",
    "pdf_standard",
    "archived_at",
    "replaces",
    "replaced_by",
    "sequence",
    "kind_name",
    "copy_of",
    "copy_form",
];

fn table(entries: &[Entry]) -> String {
    let head = [
        "ID",
        "Số, ký hiệu",
        "Ngày",
        "Tên loại, trích yếu",
        "Tệp",
        "PDF",
        "Ghi chú",
    ];
    let mut rows: Vec<[String; 7]> = vec![head.map(String::from)];
    let names = kind_names();
    for e in entries {
        let date = NaiveDate::parse_from_str(&e.issue_date, "%Y-%m-%d")
            .map(|d| d.format("%d/%m/%Y").to_string())
            .unwrap_or_else(|_| e.issue_date.clone());
        // The name recorded when it was archived (a kind a template set
        // added has no other); an older register's entry by the bundled
        // declarations, else by its key.
        let kind = e
            .kind_name
            .clone()
            .or_else(|| names.get(&(e.the_thuc.clone(), e.kind.clone())).cloned())
            .unwrap_or_else(|| e.kind.clone());
        let mut note = Vec::new();
        if let Some(form) = &e.copy_form {
            let original = match e.copy_of {
                Some(of) => {
                    let symbol = entries
                        .iter()
                        .find(|o| o.id == of)
                        .map(|o| format!(" ({})", o.number_symbol))
                        .unwrap_or_default();
                    format!(" của #{of}{symbol}")
                }
                None => String::new(),
            };
            note.push(format!("{}{original}", copy_form_name(form)));
        }
        if let Some(r) = e.replaces {
            note.push(format!("thay thế #{r}"));
        }
        if let Some(r) = e.replaced_by {
            note.push(format!("đã được thay bằng #{r}"));
        }
        rows.push([
            e.id.to_string(),
            e.number_symbol.clone(),
            date,
            shorten(&format!("{kind} {}", e.summary), 60),
            e.file.clone(),
            e.pdf_standard.to_uppercase(),
            note.join("; "),
        ]);
    }
    let widths: Vec<usize> = (0..7)
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for (n, row) in rows.iter().enumerate() {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell}{}", " ".repeat(w - cell.chars().count())))
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
        if n == 0 {
            let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
            out.push_str(&rule.join("  "));
            out.push('\n');
        }
    }
    out.push_str(&format!("{} văn bản\n", entries.len()));
    out
}

/// The kinds' names in sentence case by (thể thức, key), "bao-cao" →
/// "Báo cáo", as the bundled profiles declare them; read once per listing.
fn kind_names() -> std::collections::BTreeMap<(String, String), String> {
    let templates = crate::templating::TemplateSource::embedded();
    let mut out = std::collections::BTreeMap::new();
    for t in [crate::model::TheThuc::Dang, crate::model::TheThuc::NhaNuoc] {
        if let Ok(p) = crate::profile::Profile::load(t.default_profile(), &templates) {
            for k in p.kinds() {
                out.insert((t.key().to_string(), k.key.clone()), k.sentence_name());
            }
        }
    }
    out
}

/// "sao-y" → "bản sao y", as a register's note says it.
fn copy_form_name(key: &str) -> &str {
    match key {
        "sao-y" => "bản sao y",
        "sao-luc" => "bản sao lục",
        "trich-sao" => "bản trích sao",
        other => other,
    }
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        s.chars().take(max - 1).collect::<String>() + "…"
    }
}
