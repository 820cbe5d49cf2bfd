//! The form beside the raw editor: the document file's header fields and
//! body texts as a flat list of (field path, value), and writing one value
//! back into the file's text with toml_edit, so the clerk's comments, key
//! order and layout survive every edit made through the form.
//!
//! The text is the only state: the form is listed from it after every edit,
//! and an edit is a change of the text, which the preview and the save take
//! like any typed change.

use serde::Serialize;
use toml_edit::{DocumentMut, Item, Table, Value};

use crate::error::Error;
use crate::problems::Invalid;
use std::path::Path;

/// One editable text of the document.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FormField {
    /// The path as errors and lints name it: `trich_yeu[1]`, `noi_dung[0].doan[2]`.
    pub field: String,
    /// "dau" (header), "ky" (signature) or "than" (body).
    pub group: &'static str,
    /// What the clerk sees: "Cơ quan ban hành", "Tiêu đề", "Đoạn 2".
    pub label: String,
    pub label_en: String,
    pub value: String,
    /// Depth in the body's tree of sections, for indentation.
    pub depth: usize,
    /// A number field (`so`): empty removes it (a draft).
    pub number: bool,
    /// A paragraph: a text area rather than a line.
    pub long: bool,
    /// What the field stands for in a list the form changes (adds to,
    /// reorders, deletes from): "section" (the field is its heading),
    /// "paragraph", "recipient" or "addressee"; empty for a single field.
    pub role: &'static str,
    /// The list item the field is or heads (`noi_dung[1]`,
    /// `noi_nhan.danh_sach[2]`), which the list's buttons name.
    pub item: String,
    /// A section's number as the PDF prints it ("II.", "1.2."), from the
    /// resolved document; empty when the text does not resolve.
    pub section_number: String,
    /// A name of a recipient group of two names or more (nhóm: recipients
    /// sharing one note, "(Để báo cáo)"): its place in the group,
    /// `noi_nhan.danh_sach[0].nhom[1]`, which the name's own ↑ ↓ move among
    /// the group's names; empty otherwise.
    pub member: String,
}

/// The header keys a clerk fills in, with their labels (vi, en).
const HEADER: &[(&str, &str, &str)] = &[
    ("co_quan_cap_tren", "Cơ quan cấp trên", "Superior body"),
    ("co_quan_ban_hanh", "Cơ quan ban hành", "Issuing body"),
    ("ma_co_quan", "Ký hiệu cơ quan", "Body code"),
    ("so", "Số (để trống: dự thảo)", "Number (empty: draft)"),
    ("dia_danh", "Địa danh", "Place name"),
    ("ngay_ban_hanh", "Ngày ban hành", "Issue date"),
];

const SIGNATURE: &[(&str, &str, &str)] = &[
    ("thay_mat", "Thay mặt", "On behalf of"),
    ("chuc_vu", "Chức vụ người ký", "Signer's title"),
    ("ho_ten", "Họ tên người ký", "Signer's name"),
];

/// The editable texts of `text`, in reading order; nothing when it does not
/// parse as TOML (the raw editor shows the error).
pub fn fields(text: &str) -> Vec<FormField> {
    let Ok(doc) = text.parse::<DocumentMut>() else {
        return Vec::new();
    };
    let root = doc.as_table();
    let mut out = Vec::new();
    for (key, vi, en) in HEADER {
        let value = match root.get(key).and_then(Item::as_value) {
            Some(Value::String(s)) => s.value().clone(),
            Some(Value::Integer(i)) => i.value().to_string(),
            Some(_) => continue,
            None if *key == "so" || *key == "co_quan_cap_tren" => String::new(),
            None => continue,
        };
        out.push(field(key.to_string(), "dau", vi, en, value, 0));
        if *key == "so" {
            out.last_mut().expect("just pushed").number = true;
        }
        if *key == "ngay_ban_hanh" {
            lines(
                root.get("trich_yeu"),
                "trich_yeu",
                "Trích yếu",
                "Summary",
                &mut out,
            );
        }
    }
    addressees(root.get("kinh_gui"), &mut out);
    if let Some(ky) = root.get("ky").and_then(Item::as_table_like) {
        for (key, vi, en) in SIGNATURE {
            if let Some(s) = ky.get(key).and_then(Item::as_str) {
                out.push(field(format!("ky.{key}"), "ky", vi, en, s.to_string(), 0));
            }
        }
    }
    paragraphs(root.get("mo_dau"), "mo_dau", 0, &mut out);
    if let Some(sections) = root.get("noi_dung") {
        sections_of(sections, "noi_dung", 0, &mut out);
    }
    paragraphs(root.get("ket_luan"), "ket_luan", 0, &mut out);
    recipients(root.get("noi_nhan"), &mut out);
    out
}

/// Kính gửi: one line, or a list the form reorders.
fn addressees(item: Option<&Item>, out: &mut Vec<FormField>) {
    let (vi, en) = ("Kính gửi", "To");
    match item.and_then(Item::as_value) {
        Some(Value::String(s)) => out.push(field(
            "kinh_gui".into(),
            "gui",
            vi,
            en,
            s.value().clone(),
            0,
        )),
        Some(Value::Array(a)) => {
            for (i, v) in a.iter().enumerate() {
                if let Some(s) = v.as_str() {
                    let mut f = field(format!("kinh_gui[{i}]"), "gui", vi, en, s.into(), 0);
                    f.role = "addressee";
                    f.item = f.field.clone();
                    out.push(f);
                }
            }
        }
        _ => {}
    }
}

/// Nơi nhận: each recipient (a group's names one by one, its first name
/// carrying the group's place in the list), then the file copy (`luu`).
fn recipients(item: Option<&Item>, out: &mut Vec<FormField>) {
    let Some(table) = item.and_then(Item::as_table_like) else {
        return;
    };
    let (vi, en) = ("Nơi nhận", "Recipient");
    if let Some(list) = table.get("danh_sach").and_then(Item::as_array) {
        for (i, v) in list.iter().enumerate() {
            let item = format!("noi_nhan.danh_sach[{i}]");
            let names: Vec<(String, &str)> = match v {
                Value::String(s) => vec![(item.clone(), s.value().as_str())],
                Value::InlineTable(t) => t
                    .get("nhom")
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .enumerate()
                            .filter_map(|(j, n)| Some((format!("{item}.nhom[{j}]"), n.as_str()?)))
                            .collect()
                    })
                    .unwrap_or_default(),
                _ => Vec::new(),
            };
            let grouped = names.len() > 1;
            for (j, (path, name)) in names.into_iter().enumerate() {
                let mut f = field(path, "nhan", vi, en, name.to_string(), 0);
                if grouped {
                    f.member = f.field.clone();
                }
                if j == 0 {
                    f.role = "recipient";
                    f.item = item.clone();
                }
                out.push(f);
            }
        }
    }
    if let Some(s) = table.get("luu").and_then(Item::as_str) {
        out.push(field(
            "noi_nhan.luu".into(),
            "nhan",
            "Lưu",
            "File copy",
            s.to_string(),
            0,
        ));
    }
}

fn field(
    field: String,
    group: &'static str,
    vi: &str,
    en: &str,
    value: String,
    depth: usize,
) -> FormField {
    FormField {
        field,
        group,
        label: vi.to_string(),
        label_en: en.to_string(),
        value,
        depth,
        number: false,
        long: false,
        role: "",
        item: String::new(),
        section_number: String::new(),
        member: String::new(),
    }
}

/// A `Lines` field: one string, or one entry per printed line.
fn lines(item: Option<&Item>, key: &str, vi: &str, en: &str, out: &mut Vec<FormField>) {
    match item.and_then(Item::as_value) {
        Some(Value::String(s)) => out.push(field(key.into(), "dau", vi, en, s.value().clone(), 0)),
        Some(Value::Array(a)) => {
            for (i, v) in a.iter().enumerate() {
                if let Some(s) = v.as_str() {
                    let vi = format!("{vi}, dòng {}", i + 1);
                    let en = format!("{en}, line {}", i + 1);
                    out.push(field(format!("{key}[{i}]"), "dau", &vi, &en, s.into(), 0));
                }
            }
        }
        _ => {}
    }
}

/// The texts of a list of paragraphs: plain strings, and bullets (`gach`,
/// `cong`); fragments and tables are names, not texts, and stay in the raw file.
fn paragraphs(item: Option<&Item>, base: &str, depth: usize, out: &mut Vec<FormField>) {
    let Some(array) = item.and_then(Item::as_array) else {
        return;
    };
    for (i, v) in array.iter().enumerate() {
        let (path, text, mark) = match v {
            Value::String(s) => (format!("{base}[{i}]"), s.value().clone(), ""),
            Value::InlineTable(t) => match ["gach", "cong"]
                .iter()
                .find_map(|k| t.get(k).and_then(Value::as_str).map(|s| (*k, s)))
            {
                Some((k, s)) => (
                    format!("{base}[{i}].{k}"),
                    s.to_string(),
                    if k == "gach" { "– " } else { "+ " },
                ),
                None => continue,
            },
            _ => continue,
        };
        let mut f = field(
            path,
            "than",
            &format!("{mark}Đoạn {}", i + 1),
            &format!("{mark}Paragraph {}", i + 1),
            text,
            depth,
        );
        f.long = true;
        f.role = "paragraph";
        f.item = format!("{base}[{i}]");
        out.push(f);
    }
}

/// The sections of `item` (an array of tables), depth first in reading order.
fn sections_of(item: &Item, base: &str, depth: usize, out: &mut Vec<FormField>) {
    let tables: Vec<&Table> = match item {
        Item::ArrayOfTables(a) => a.iter().collect(),
        _ => return,
    };
    for (i, t) in tables.into_iter().enumerate() {
        let path = format!("{base}[{i}]");
        // Every section heads its part of the tree, titled or not (a
        // numbered paragraph has no title; typing one adds it).
        let title = t.get("tieu_de").and_then(Item::as_str).unwrap_or("");
        let mut f = field(
            format!("{path}.tieu_de"),
            "than",
            "Tiêu đề mục",
            "Section heading",
            title.to_string(),
            depth,
        );
        f.role = "section";
        f.item = path.clone();
        out.push(f);
        paragraphs(t.get("doan"), &format!("{path}.doan"), depth + 1, out);
        if let Some(sub) = t.get("muc") {
            sections_of(sub, &format!("{path}.muc"), depth + 1, out);
        }
        paragraphs(
            t.get("doan_cuoi"),
            &format!("{path}.doan_cuoi"),
            depth + 1,
            out,
        );
    }
}

pub(super) enum Part<'a> {
    Key(&'a str),
    Index(usize),
}

/// `noi_dung[0].doan[2].gach` → keys and indices; `None` for anything else.
pub(super) fn parts(field: &str) -> Option<Vec<Part<'_>>> {
    let mut out = Vec::new();
    for segment in field.split('.') {
        let (key, rest) = segment.split_once('[').unwrap_or((segment, ""));
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            return None;
        }
        out.push(Part::Key(key));
        if !rest.is_empty() {
            for index in rest.trim_end_matches(']').split("][") {
                out.push(Part::Index(index.parse().ok()?));
            }
        }
    }
    Some(out)
}

/// `text` with the form field `field` set to `value`: the value's own
/// formatting (spaces around it, a trailing comment) is kept, and so is
/// everything else in the file. Only fields [`fields`] lists can be set; `so`
/// takes a number, and an empty `so` or `co_quan_cap_tren` is removed.
pub fn set(file: &Path, text: &str, field: &str, value: &str) -> Result<String, Error> {
    let invalid = |problem: Invalid| Error::Invalid {
        file: file.to_path_buf(),
        field: field.to_string(),
        problem,
    };
    if !fields(text).iter().any(|f| f.field == field) {
        return Err(invalid(Invalid::NotEditable));
    }
    let mut doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
        invalid(Invalid::Syntax {
            detail: e.message().to_string(),
        })
    })?;
    let new_value: Option<Value> = match field {
        "so" | "co_quan_cap_tren" if value.trim().is_empty() => None,
        f if f.ends_with(".tieu_de") && value.trim().is_empty() => None,
        "so" => Some(Value::from(value.trim().parse::<i64>().map_err(|_| {
            invalid(Invalid::NumberNotDigits {
                value: value.to_string(),
            })
        })?)),
        _ => Some(Value::from(value)),
    };
    let parts = parts(field).ok_or_else(|| invalid(Invalid::NoSuchField))?;
    let (last, path) = parts.split_last().expect("a path has a part");
    let missing = || invalid(Invalid::NoSuchField);
    let at = walk_mut(doc.as_item_mut(), path).ok_or_else(missing)?;
    match (last, new_value) {
        (Part::Key(k), None) => {
            if let Some(t) = at.table() {
                t.remove(k);
            }
        }
        (Part::Key(k), Some(v)) => {
            let t = at.table().ok_or_else(missing)?;
            match t.get_mut(k) {
                Some(Item::Value(old)) => replace_keeping_decor(old, v),
                Some(_) => return Err(missing()),
                None => {
                    t.insert(k, Item::Value(v));
                }
            }
        }
        (Part::Index(i), Some(v)) => {
            let array = match at {
                AtMut::Item(item) => item.as_array_mut(),
                AtMut::Value(value) => value.as_array_mut(),
                AtMut::Table(_) => None,
            };
            let old = array.and_then(|a| a.get_mut(*i)).ok_or_else(missing)?;
            replace_keeping_decor(old, v);
        }
        (Part::Index(_), None) => return Err(invalid(Invalid::CannotBeEmpty)),
    }
    Ok(doc.to_string())
}

/// The place `path` leads to from `root`; `None` when there is none.
pub(super) fn walk_mut<'a>(root: &'a mut Item, path: &[Part<'_>]) -> Option<AtMut<'a>> {
    let mut at = AtMut::Item(root);
    for part in path {
        at = match (part, at) {
            (Part::Key(k), at) => AtMut::Item(at.table()?.get_mut(k)?),
            (Part::Index(i), AtMut::Item(item)) => match item {
                Item::ArrayOfTables(a) => AtMut::Table(a.get_mut(*i)?),
                other => AtMut::Value(other.as_array_mut()?.get_mut(*i)?),
            },
            (Part::Index(i), AtMut::Value(v)) => AtMut::Value(v.as_array_mut()?.get_mut(*i)?),
            (Part::Index(_), AtMut::Table(_)) => return None,
        };
    }
    Some(at)
}

/// A place in the document being edited: a `[table]` of an array of tables
/// is not an `Item`, an array element is a `Value`.
pub(super) enum AtMut<'a> {
    Item(&'a mut Item),
    Value(&'a mut Value),
    Table(&'a mut Table),
}

impl<'a> AtMut<'a> {
    pub(super) fn table(self) -> Option<&'a mut dyn toml_edit::TableLike> {
        match self {
            AtMut::Item(i) => i.as_table_like_mut(),
            AtMut::Value(v) => v
                .as_inline_table_mut()
                .map(|t| t as &mut dyn toml_edit::TableLike),
            AtMut::Table(t) => Some(t as &mut dyn toml_edit::TableLike),
        }
    }
}

pub(super) fn replace_keeping_decor(old: &mut Value, mut new: Value) {
    *new.decor_mut() = old.decor().clone();
    *old = new;
}

/// The keys of `[so_lieu]` the page sets when figures are attached; empty
/// optional keys are removed.
#[derive(Debug, Clone, Default)]
pub struct DataSourcesEdit {
    /// Relative to the document's folder.
    pub chi_tieu: String,
    pub thuc_hien: String,
    pub trang_tinh: String,
    pub ky: String,
    pub nam: String,
}

/// `text` with `[so_lieu]` naming the catalogue and the figures: an existing
/// table keeps its place, comments and other keys; a new one goes at the end.
pub fn attach(file: &Path, text: &str, s: &DataSourcesEdit) -> Result<String, Error> {
    let invalid = |field: &str, problem: Invalid| Error::Invalid {
        file: file.to_path_buf(),
        field: format!("so_lieu{}{field}", if field.is_empty() { "" } else { "." }),
        problem,
    };
    let mut doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
        invalid(
            "",
            Invalid::Syntax {
                detail: e.message().to_string(),
            },
        )
    })?;
    let nam = match s.nam.as_str() {
        "" => None,
        n => Some(n.parse::<i64>().map_err(|_| {
            invalid(
                "nam",
                Invalid::YearNotDigits {
                    value: n.to_string(),
                },
            )
        })?),
    };
    let root = doc.as_table_mut();
    if !root.contains_key("so_lieu") {
        root.insert("so_lieu", Item::Table(Table::new()));
    }
    let table = root
        .get_mut("so_lieu")
        .and_then(Item::as_table_like_mut)
        .ok_or_else(|| invalid("", Invalid::FiguresNotTable))?;
    let mut put = |key: &str, value: Option<Value>| match (table.get_mut(key), value) {
        (Some(Item::Value(old)), Some(v)) => replace_keeping_decor(old, v),
        (_, Some(v)) => {
            table.insert(key, Item::Value(v));
        }
        (_, None) => {
            table.remove(key);
        }
    };
    let text_value = |s: &str| (!s.is_empty()).then(|| Value::from(s));
    put("chi_tieu", text_value(&s.chi_tieu));
    put("thuc_hien", text_value(&s.thuc_hien));
    put("trang_tinh", text_value(&s.trang_tinh));
    put("ky", text_value(&s.ky));
    put("nam", nam.map(Value::from));
    Ok(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"# Nghị quyết
the_thuc = "dang"   # thể thức
so = 7
trich_yeu = [
  "về việc A",  # dòng 1
  "và B",
]

[[noi_dung]]
tieu_de = "Kết quả"
doan = [
  "Đoạn một.",
  { gach = "Gạch đầu dòng." },  # giữ chú thích
]

[[noi_dung.muc]]
tieu_de = "Mục con"
doan = ["Đoạn con."]

[ky]
chuc_vu = "BÍ THƯ"
ho_ten = "Nguyễn Văn A"
"#;

    fn file() -> &'static Path {
        Path::new("x.toml")
    }

    #[test]
    fn the_form_lists_header_signature_and_body_in_reading_order() {
        let f = fields(DOC);
        let paths: Vec<&str> = f.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            paths,
            [
                "co_quan_cap_tren",
                "so",
                "ky.chuc_vu",
                "ky.ho_ten",
                "noi_dung[0].tieu_de",
                "noi_dung[0].doan[0]",
                "noi_dung[0].doan[1].gach",
                "noi_dung[0].muc[0].tieu_de",
                "noi_dung[0].muc[0].doan[0]",
            ]
        );
        assert_eq!(f[1].value, "7");
        assert_eq!(f[8].depth, 2);
    }

    #[test]
    fn list_items_name_their_place_for_the_buttons() {
        let text = format!(
            "kinh_gui = [\"A\", \"B\"]\n{}\n[noi_nhan]\ndanh_sach = [{{ nhom = [\"X\", \"Y\"], ghi_chu = \"(Để biết)\" }}, \"Z\"]\nluu = \"VP\"\n",
            DOC.replace("# Nghị quyết\n", "")
        );
        let listed: Vec<(String, &str, String)> = fields(&text)
            .into_iter()
            .filter(|f| !f.role.is_empty())
            .map(|f| (f.field, f.role, f.item))
            .collect();
        let want = [
            ("kinh_gui[0]", "addressee", "kinh_gui[0]"),
            ("kinh_gui[1]", "addressee", "kinh_gui[1]"),
            ("noi_dung[0].tieu_de", "section", "noi_dung[0]"),
            ("noi_dung[0].doan[0]", "paragraph", "noi_dung[0].doan[0]"),
            (
                "noi_dung[0].doan[1].gach",
                "paragraph",
                "noi_dung[0].doan[1]",
            ),
            (
                "noi_dung[0].muc[0].tieu_de",
                "section",
                "noi_dung[0].muc[0]",
            ),
            (
                "noi_dung[0].muc[0].doan[0]",
                "paragraph",
                "noi_dung[0].muc[0].doan[0]",
            ),
            (
                "noi_nhan.danh_sach[0].nhom[0]",
                "recipient",
                "noi_nhan.danh_sach[0]",
            ),
            (
                "noi_nhan.danh_sach[1]",
                "recipient",
                "noi_nhan.danh_sach[1]",
            ),
        ];
        let want: Vec<(String, &str, String)> = want
            .iter()
            .map(|(f, r, i)| (f.to_string(), *r, i.to_string()))
            .collect();
        assert_eq!(listed, want);
        // The group's second name and the file copy are fields of their own.
        let all = fields(&text);
        assert!(all
            .iter()
            .any(|f| f.field == "noi_nhan.danh_sach[0].nhom[1]" && f.value == "Y"));
        assert!(all
            .iter()
            .any(|f| f.field == "noi_nhan.luu" && f.value == "VP"));
        // The group's names carry their own place in it; a lone name does not.
        let members: Vec<&str> = all
            .iter()
            .filter(|f| !f.member.is_empty())
            .map(|f| f.member.as_str())
            .collect();
        assert_eq!(
            members,
            [
                "noi_nhan.danh_sach[0].nhom[0]",
                "noi_nhan.danh_sach[0].nhom[1]"
            ]
        );
        // A section's heading emptied is removed; typed again, it is added back.
        let out = set(file(), DOC, "noi_dung[0].muc[0].tieu_de", "").unwrap();
        assert_eq!(out, DOC.replace("tieu_de = \"Mục con\"\n", ""));
        let back = set(file(), &out, "noi_dung[0].muc[0].tieu_de", "Mục con").unwrap();
        assert!(
            back.contains("[[noi_dung.muc]]\ndoan = [\"Đoạn con.\"]\ntieu_de = \"Mục con\"\n"),
            "{back}"
        );
    }

    #[test]
    fn setting_a_field_keeps_comments_order_and_layout() {
        let out = set(file(), DOC, "noi_dung[0].doan[1].gach", "Gạch \"mới\".").unwrap();
        assert_eq!(
            out,
            DOC.replace(
                "{ gach = \"Gạch đầu dòng.\" }",
                "{ gach = 'Gạch \"mới\".' }"
            )
        );
        let out = set(file(), DOC, "noi_dung[0].muc[0].doan[0]", "Khác.").unwrap();
        assert_eq!(out, DOC.replace("[\"Đoạn con.\"]", "[\"Khác.\"]"));
        let out = set(file(), DOC, "so", "").unwrap();
        assert_eq!(out, DOC.replace("so = 7\n", ""));
        let out = set(file(), DOC, "so", "12").unwrap();
        assert_eq!(out, DOC.replace("so = 7", "so = 12"));
        assert!(set(file(), DOC, "so", "mười").is_err());
        // Only what the form shows can be set: not the thể thức, not a new key.
        assert!(set(file(), DOC, "the_thuc", "nha-nuoc").is_err());
        assert!(set(file(), DOC, "noi_dung[3].doan[0]", "x").is_err());
    }

    #[test]
    fn attaching_figures_adds_or_updates_so_lieu() {
        let s = DataSourcesEdit {
            chi_tieu: "data/ct.toml".into(),
            thuc_hien: "data/th.xlsx".into(),
            ky: "6-thang".into(),
            nam: "2026".into(),
            ..Default::default()
        };
        let out = attach(file(), DOC, &s).unwrap();
        assert!(out.starts_with(DOC), "{out}");
        assert!(out.ends_with(
            "[so_lieu]\nchi_tieu = \"data/ct.toml\"\nthuc_hien = \"data/th.xlsx\"\nky = \"6-thang\"\nnam = 2026\n"
        ), "{out}");
        let again = attach(
            file(),
            &out,
            &DataSourcesEdit {
                thuc_hien: "data/th2.csv".into(),
                ..s
            },
        )
        .unwrap();
        assert_eq!(again, out.replace("th.xlsx", "th2.csv"));
    }
}
