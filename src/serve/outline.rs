//! The lists of the form: the body's tree of sections (`noi_dung`, `muc`),
//! the paragraphs of a section or of the opening and closing (`doan`,
//! `doan_cuoi`, `mo_dau`, `ket_luan`), the recipients (`noi_nhan.danh_sach`),
//! the names of a recipient group (`nhom`, which only move up or down: a
//! group has a name at least) and the addressees (`kinh_gui`). An item is
//! added, moved up or down, put
//! under the section before it or taken out a level, or deleted, as a change
//! of the file's text made with toml_edit: the items not touched keep their
//! comments and layout, and a moved section takes its comments, paragraphs
//! and sub-sections with it.
//!
//! Numbers are not written: the resolved document numbers the sections
//! again after every change, as the PDF does.

use std::path::Path;

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value};

use super::form::{parts, walk_mut, AtMut, Part};
use crate::error::{Error, OutlineProblem as P};

/// What to do with the item (or, for `Add`, the list) a request names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Op {
    /// A new item after the one named, or at the end of the list named.
    Add,
    Up,
    Down,
    /// A section becomes the last sub-section of the section before it.
    In,
    /// A sub-section becomes the section after its parent.
    Out,
    Delete,
}

/// What a list holds, which decides what a new item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Holds {
    Sections,
    Texts,
    /// The names of a recipient group (`noi_nhan.danh_sach[i].nhom`): texts
    /// the form reorders but neither adds nor deletes.
    GroupNames,
}

/// `text` with `op` done on `target`: an item (`noi_dung[1].muc[0]`,
/// `noi_nhan.danh_sach[2]`) or, for [`Op::Add`], a list (`noi_dung[1].muc`,
/// `kinh_gui`), created when missing. `value` is the new item's text (a
/// section's heading).
pub fn apply(file: &Path, text: &str, target: &str, op: Op, value: &str) -> Result<String, Error> {
    let fail = |problem| Error::Outline {
        file: file.to_path_buf(),
        field: target.to_string(),
        problem,
    };
    let parsed = parts(target).ok_or_else(|| fail(P::NotAList))?;
    let (list, index) = match parsed.split_last() {
        Some((Part::Index(i), list)) => (list, Some(*i)),
        _ => (&parsed[..], None),
    };
    let holds = holds(list).ok_or_else(|| fail(P::NotAList))?;
    if holds == Holds::GroupNames && !matches!(op, Op::Up | Op::Down) {
        return Err(fail(P::GroupNamesMoveOnly));
    }
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| Error::Invalid {
            file: file.to_path_buf(),
            field: String::new(),
            problem: crate::problems::Invalid::Syntax {
                detail: e.message().to_string(),
            },
        })?;
    match (op, index) {
        (Op::Add, at) => {
            let value = value.trim();
            if value.is_empty() {
                return Err(fail(P::EmptyText));
            }
            let mut list = list_or_new(&mut doc, list, holds).ok_or_else(|| fail(P::NoItem))?;
            let at = match at {
                Some(i) if i < list.len() => i + 1,
                Some(_) => return Err(fail(P::NoItem)),
                None => list.len(),
            };
            list.insert(at, new_item(holds, value));
        }
        (_, None) => return Err(fail(P::NoItem)),
        (Op::Up | Op::Down | Op::Delete, Some(i)) => {
            let mut list = list_at(&mut doc, list).ok_or_else(|| fail(P::NoItem))?;
            if i >= list.len() {
                return Err(fail(P::NoItem));
            }
            match op {
                Op::Up if i == 0 => return Err(fail(P::First)),
                Op::Up => list.swap(i - 1),
                Op::Down if i + 1 == list.len() => return Err(fail(P::Last)),
                Op::Down => list.swap(i),
                _ => {
                    list.remove(i);
                }
            }
        }
        (Op::In | Op::Out, Some(_)) if holds != Holds::Sections => return Err(fail(P::NotAList)),
        (Op::In, Some(0)) => return Err(fail(P::NothingBefore)),
        (Op::In, Some(i)) => {
            let (siblings, moved) = take_section(&mut doc, list, i).map_err(fail)?;
            let before = siblings.get_mut(i - 1).expect("i > 0 and in range");
            sub_sections(before)
                .ok_or_else(|| fail(P::Inline))?
                .push(moved);
        }
        (Op::Out, Some(i)) => {
            // The list is `<parent>.muc`: the parent is an item of `<grand>`.
            let (Some(Part::Key("muc")), Some(Part::Index(parent))) =
                (list.last(), list.len().checked_sub(2).map(|n| &list[n]))
            else {
                return Err(fail(P::TopLevel));
            };
            let parent = *parent;
            let grand = &list[..list.len() - 2];
            let (siblings, moved) = take_section(&mut doc, list, i).map_err(fail)?;
            let emptied = siblings.is_empty();
            let uncles = tables_at(&mut doc, grand).ok_or_else(|| fail(P::Inline))?;
            if emptied {
                if let Some(p) = uncles.get_mut(parent) {
                    p.remove("muc");
                }
            }
            insert(uncles, parent + 1, moved);
        }
    }
    if holds == Holds::Sections {
        keep_sections_in_tree_order(&mut doc);
    }
    Ok(doc.to_string())
}

/// What the list at `path` holds, if the form changes it: the body's
/// sections and their sub-sections, paragraphs, recipients, addressees.
fn holds(path: &[Part<'_>]) -> Option<Holds> {
    let keys: Vec<&str> = path
        .iter()
        .filter_map(|p| match p {
            Part::Key(k) => Some(*k),
            Part::Index(_) => None,
        })
        .collect();
    // Every key but the root's and the last is followed by an index (a section).
    let indexed = path.iter().enumerate().all(|(n, p)| match p {
        Part::Key(_) => n + 1 == path.len() || matches!(path.get(n + 1), Some(Part::Index(_))),
        Part::Index(_) => true,
    });
    match keys.as_slice() {
        ["noi_nhan", "danh_sach"] if path.len() == 2 => Some(Holds::Texts),
        ["noi_nhan", "danh_sach", "nhom"] if matches!(path, [_, _, Part::Index(_), _]) => {
            Some(Holds::GroupNames)
        }
        ["kinh_gui" | "mo_dau" | "ket_luan"] if path.len() == 1 => Some(Holds::Texts),
        ["noi_dung", middle @ .., last] if indexed && middle.iter().all(|k| *k == "muc") => {
            match *last {
                "muc" => Some(Holds::Sections),
                "doan" | "doan_cuoi" => Some(Holds::Texts),
                _ => None,
            }
        }
        ["noi_dung"] if path.len() == 1 => Some(Holds::Sections),
        _ => None,
    }
}

fn new_item(holds: Holds, text: &str) -> Entry {
    match holds {
        Holds::Texts | Holds::GroupNames => Entry::Value(Value::from(text)),
        Holds::Sections => {
            let mut t = Table::new();
            t.insert("tieu_de", toml_edit::value(text));
            Entry::Table(t)
        }
    }
}

/// An item of a list: a `[[table]]` or a value of an array.
enum Entry {
    Table(Table),
    Value(Value),
}

/// A list of the document: an array of tables, or an array.
enum ListMut<'a> {
    Tables(&'a mut ArrayOfTables),
    Values(&'a mut Array),
}

impl ListMut<'_> {
    fn len(&self) -> usize {
        match self {
            ListMut::Tables(a) => a.len(),
            ListMut::Values(a) => a.len(),
        }
    }

    /// Items `i` and `i + 1` change places; in an array each place keeps its
    /// spacing and comments, so the layout of the list stays as it was.
    fn swap(&mut self, i: usize) {
        match self {
            ListMut::Tables(a) => {
                let second = take(a, i + 1);
                insert(a, i, second);
            }
            ListMut::Values(a) => {
                let second = a.remove(i + 1);
                let first = a.remove(i);
                let (d1, d2) = (first.decor().clone(), second.decor().clone());
                let (mut first, mut second) = (first, second);
                *second.decor_mut() = d1;
                *first.decor_mut() = d2;
                a.insert_formatted(i, second);
                a.insert_formatted(i + 1, first);
            }
        }
    }

    fn remove(&mut self, i: usize) {
        match self {
            ListMut::Tables(a) => a.remove(i),
            ListMut::Values(a) => {
                let removed = a.remove(i);
                // A comment after the last item is the list's trailing text:
                // it was that item's, and goes with it.
                if i == a.len() {
                    let trailing = a.trailing().as_str().unwrap_or("").to_string();
                    if let Some((first, rest)) = trailing.split_once('\n') {
                        if first.contains('#') {
                            a.set_trailing(format!("\n{rest}"));
                        }
                    }
                }
                // The first item's spacing opens the list: the new first keeps it.
                if i == 0 {
                    if let Some(first) = a.get_mut(0) {
                        *first.decor_mut() = removed.decor().clone();
                    }
                }
            }
        }
    }

    /// Puts `entry` at `i`, spaced like its neighbours (one per line in a
    /// list written one per line).
    fn insert(&mut self, i: usize, entry: Entry) {
        match (self, entry) {
            (ListMut::Tables(a), Entry::Table(t)) => insert(a, i, t),
            (ListMut::Tables(a), Entry::Value(v)) => {
                let mut t = Table::new();
                t.insert("tieu_de", Item::Value(v));
                insert(a, i, t)
            }
            (ListMut::Values(a), entry) => {
                let mut value = match entry {
                    Entry::Value(v) => v,
                    Entry::Table(t) => Value::InlineTable(t.into_inline_table()),
                };
                // Spaced as an item after a comma is: the first item is not,
                // unless the list is written one per line.
                let one_per_line = |v: &&Value| {
                    v.decor()
                        .prefix()
                        .and_then(|p| p.as_str())
                        .is_some_and(|p| p.contains('\n'))
                };
                let neighbour = match i {
                    0 => a.get(0),
                    1 => a.get(1).or_else(|| a.get(0).filter(one_per_line)),
                    _ => a.get(i - 1),
                };
                match neighbour {
                    Some(n) => {
                        let decor = n.decor().clone();
                        *value.decor_mut() = decor;
                        a.insert_formatted(i, value);
                        if i == 0 && a.len() > 1 {
                            // The old first now follows a comma: space it as a second item.
                            let spacing = a.get(2).map(|v| v.decor().clone());
                            if let (Some(d), Some(v)) = (spacing, a.get_mut(1)) {
                                *v.decor_mut() = d;
                            }
                        }
                    }
                    None => a.insert(i, value),
                }
            }
        }
    }
}

/// The list at `path`, when it exists.
fn list_at<'a>(doc: &'a mut DocumentMut, path: &[Part<'_>]) -> Option<ListMut<'a>> {
    match walk_mut(doc.as_item_mut(), path)? {
        AtMut::Item(Item::ArrayOfTables(a)) => Some(ListMut::Tables(a)),
        AtMut::Item(Item::Value(Value::Array(a))) | AtMut::Value(Value::Array(a)) => {
            Some(ListMut::Values(a))
        }
        _ => None,
    }
}

/// The list at `path`, made when missing: sections as `[[…]]` tables, texts
/// as an array; a single line (`kinh_gui = "…"`) becomes the list's first item.
fn list_or_new<'a>(
    doc: &'a mut DocumentMut,
    path: &[Part<'_>],
    holds: Holds,
) -> Option<ListMut<'a>> {
    let (Part::Key(key), parent) = path.split_last()? else {
        return None;
    };
    let table = match parent {
        // `noi_nhan.danh_sach` without `[noi_nhan]`: the table is added.
        [Part::Key("noi_nhan")] => {
            let root = doc.as_table_mut();
            if !root.contains_key("noi_nhan") {
                root.insert("noi_nhan", Item::Table(Table::new()));
            }
            root.get_mut("noi_nhan")?.as_table_like_mut()?
        }
        _ => walk_mut(doc.as_item_mut(), parent)?.table()?,
    };
    let fresh = match table.get(key).cloned() {
        None => true,
        Some(Item::Value(Value::String(line))) if holds == Holds::Texts => {
            // The line's spacing and trailing comment go to the list.
            let decor = line.decor().clone();
            let mut a = Array::new();
            a.push(line.value().as_str());
            let mut list = Value::Array(a);
            *list.decor_mut() = decor;
            table.insert(key, Item::Value(list));
            false
        }
        Some(_) => false,
    };
    if fresh {
        let item = match holds {
            Holds::Sections => Item::ArrayOfTables(ArrayOfTables::new()),
            Holds::Texts | Holds::GroupNames => toml_edit::value(Array::new()),
        };
        table.insert(key, item);
    }
    match table.get_mut(key)? {
        Item::ArrayOfTables(a) => Some(ListMut::Tables(a)),
        Item::Value(Value::Array(a)) => Some(ListMut::Values(a)),
        _ => None,
    }
}

/// The sections at `path` when written as `[[…]]` tables.
fn tables_at<'a>(doc: &'a mut DocumentMut, path: &[Part<'_>]) -> Option<&'a mut ArrayOfTables> {
    match walk_mut(doc.as_item_mut(), path)? {
        AtMut::Item(Item::ArrayOfTables(a)) => Some(a),
        _ => None,
    }
}

/// Takes section `i` out of the `[[…]]` sections at `path`: the sections
/// left, and the one taken.
fn take_section<'a>(
    doc: &'a mut DocumentMut,
    path: &[Part<'_>],
    i: usize,
) -> Result<(&'a mut ArrayOfTables, Table), P> {
    let siblings = tables_at(doc, path).ok_or(P::Inline)?;
    if i >= siblings.len() {
        return Err(P::NoItem);
    }
    let taken = take(siblings, i);
    Ok((siblings, taken))
}

/// The sub-sections of `section`, made when it has none.
fn sub_sections(section: &mut Table) -> Option<&mut ArrayOfTables> {
    if !section.contains_key("muc") {
        section.insert("muc", Item::ArrayOfTables(ArrayOfTables::new()));
    }
    section.get_mut("muc")?.as_array_of_tables_mut()
}

/// Removes and returns table `i` (toml_edit 0.22's `remove` returns nothing).
fn take(a: &mut ArrayOfTables, i: usize) -> Table {
    let t = a.get(i).expect("index checked by the caller").clone();
    a.remove(i);
    t
}

/// Puts `t` at `i` (toml_edit 0.22 has no `insert` for arrays of tables).
fn insert(a: &mut ArrayOfTables, i: usize, t: Table) {
    let mut all: Vec<Table> = a.iter().cloned().collect();
    all.insert(i.min(all.len()), t);
    *a = all.into_iter().collect();
}

/// toml_edit prints tables in the order of their place in the file it read.
/// After a move that order is not the tree's, so every table of the body
/// takes the place of its first one: they then print in the tree's order,
/// where the body stood, each with its comments.
fn keep_sections_in_tree_order(doc: &mut DocumentMut) {
    let Some(Item::ArrayOfTables(body)) = doc.as_table_mut().get_mut("noi_dung") else {
        return;
    };
    let mut first = None;
    for t in body.iter() {
        lowest_position(t, &mut first);
    }
    let Some(place) = first else {
        return;
    };
    for t in body.iter_mut() {
        set_position(t, place);
    }
}

fn lowest_position(t: &Table, lowest: &mut Option<usize>) {
    if let Some(p) = t.position() {
        *lowest = Some(lowest.map_or(p, |l: usize| l.min(p)));
    }
    for (_, item) in t.iter() {
        match item {
            Item::Table(sub) => lowest_position(sub, lowest),
            Item::ArrayOfTables(a) => a.iter().for_each(|sub| lowest_position(sub, lowest)),
            _ => {}
        }
    }
}

fn set_position(t: &mut Table, place: usize) {
    t.set_position(place);
    for (_, item) in t.iter_mut() {
        match item {
            Item::Table(sub) => set_position(sub, place),
            Item::ArrayOfTables(a) => a.iter_mut().for_each(|sub| set_position(sub, place)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The test file in its blocks, so a move's expected text is the same
    // blocks in another order, each byte for byte.
    const HEAD: &str = "the_thuc = \"dang\"\nkinh_gui = \"Ban Thường vụ Huyện ủy\"\n\n";
    const PART_I: &str = r#"# Phần I
[[noi_dung]]
tieu_de = "Kết quả"
doan = [
  "Đoạn một.",
  "Đoạn hai.",  # chú thích đoạn hai
]

# Mục con
[[noi_dung.muc]]
tieu_de = "Mục con A"

[[noi_dung.muc]]
tieu_de = "Mục con B"

"#;
    const PART_II: &str = "# Phần II\n[[noi_dung]]\ntieu_de = \"Nhiệm vụ\"\n\n";
    const TAIL: &str = "[ky]\nho_ten = \"Nguyễn Văn A\"\n";

    fn doc() -> String {
        [HEAD, PART_I, PART_II, TAIL].concat()
    }

    fn run(target: &str, op: Op, value: &str) -> Result<String, Error> {
        apply(Path::new("x.toml"), &doc(), target, op, value)
    }

    fn titles(text: &str) -> Vec<String> {
        text.lines()
            .filter(|l| l.starts_with("tieu_de") || l.starts_with("[[") || l.starts_with('['))
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn moving_a_section_takes_its_comments_paragraphs_and_sub_sections() {
        let out = run("noi_dung[1]", Op::Up, "").unwrap();
        assert_eq!(out, [HEAD, PART_II, PART_I, TAIL].concat());
        // And back: the file as it was.
        assert_eq!(
            apply(Path::new("x.toml"), &out, "noi_dung[0]", Op::Down, "").unwrap(),
            doc()
        );
    }

    #[test]
    fn a_section_goes_under_the_one_before_and_out_again() {
        let out = run("noi_dung[1]", Op::In, "").unwrap();
        assert_eq!(
            titles(&out),
            [
                "[[noi_dung]]",
                "tieu_de = \"Kết quả\"",
                "[[noi_dung.muc]]",
                "tieu_de = \"Mục con A\"",
                "[[noi_dung.muc]]",
                "tieu_de = \"Mục con B\"",
                "[[noi_dung.muc]]",
                "tieu_de = \"Nhiệm vụ\"",
                "[ky]",
            ]
        );
        let back = apply(Path::new("x.toml"), &out, "noi_dung[0].muc[2]", Op::Out, "").unwrap();
        assert_eq!(titles(&back), titles(&doc()));
        let out = run("noi_dung[0].muc[0]", Op::Out, "").unwrap();
        let t = titles(&out);
        assert_eq!(t[4], "[[noi_dung]]");
        assert_eq!(t[5], "tieu_de = \"Mục con A\"");
        assert_eq!(t[2], "[[noi_dung.muc]]");
        assert_eq!(t[3], "tieu_de = \"Mục con B\"");
    }

    #[test]
    fn adding_and_deleting_keep_the_rest_as_written() {
        let out = run("noi_dung[0].doan[0]", Op::Add, "Đoạn mới.").unwrap();
        assert!(
            out.contains(
                "  \"Đoạn một.\",\n  \"Đoạn mới.\",\n  \"Đoạn hai.\",  # chú thích đoạn hai\n"
            ),
            "{out}"
        );
        let out = run("noi_dung[0].doan[1]", Op::Delete, "").unwrap();
        assert_eq!(
            out,
            doc().replace("  \"Đoạn hai.\",  # chú thích đoạn hai\n", "")
        );
        let out = run("noi_dung[1].muc", Op::Add, "Mục mới").unwrap();
        assert!(
            out.contains("tieu_de = \"Nhiệm vụ\"\n\n[[noi_dung.muc]]\ntieu_de = \"Mục mới\"\n"),
            "{out}"
        );
        assert!(out.ends_with("[ky]\nho_ten = \"Nguyễn Văn A\"\n"), "{out}");
        let out = run("kinh_gui", Op::Add, "Ủy ban Kiểm tra Huyện ủy").unwrap();
        assert!(
            out.contains("kinh_gui = [\"Ban Thường vụ Huyện ủy\", \"Ủy ban Kiểm tra Huyện ủy\"]"),
            "{out}"
        );
        let out = run("noi_nhan.danh_sach", Op::Add, "Như trên").unwrap();
        assert!(
            out.ends_with("[noi_nhan]\ndanh_sach = [\"Như trên\"]\n"),
            "{out}"
        );
    }

    #[test]
    fn what_cannot_be_done_is_refused_with_the_reason() {
        let problem = |target, op| match run(target, op, "x") {
            Err(Error::Outline { problem, .. }) => problem,
            other => panic!("{other:?}"),
        };
        assert_eq!(problem("noi_dung[0]", Op::Up), P::First);
        assert_eq!(problem("noi_dung[1]", Op::Down), P::Last);
        assert_eq!(problem("noi_dung[0]", Op::In), P::NothingBefore);
        assert_eq!(problem("noi_dung[1]", Op::Out), P::TopLevel);
        assert_eq!(problem("noi_dung[7]", Op::Delete), P::NoItem);
        assert_eq!(problem("ky", Op::Delete), P::NotAList);
        assert_eq!(problem("noi_dung[0].doan[0]", Op::In), P::NotAList);
        assert_eq!(problem("the_thuc", Op::Add), P::NotAList);
        assert!(matches!(
            run("noi_dung", Op::Add, "  "),
            Err(Error::Outline {
                problem: P::EmptyText,
                ..
            })
        ));
    }

    #[test]
    fn a_groups_names_move_among_themselves_and_nothing_else_changes() {
        const RECIPIENTS: &str = r#"[noi_nhan]
danh_sach = [
  # Cấp trên
  { nhom = ["Thường trực Tỉnh ủy", "Các ban đảng",  "Văn phòng Tỉnh ủy"], ghi_chu = "(Để báo cáo)" },  # nhóm
  "Thường trực HĐND",
]
luu = "VP"
"#;
        let text = [HEAD, RECIPIENTS].concat();
        let at = |text: &str, target: &str, op| apply(Path::new("x.toml"), text, target, op, "");
        let down = at(&text, "noi_nhan.danh_sach[0].nhom[0]", Op::Down).unwrap();
        assert_eq!(
            down,
            text.replace(
                r#"["Thường trực Tỉnh ủy", "Các ban đảng","#,
                r#"["Các ban đảng", "Thường trực Tỉnh ủy","#
            )
        );
        // The odd spacing stays with its place in the list, as in any list.
        let up = at(&text, "noi_nhan.danh_sach[0].nhom[2]", Op::Up).unwrap();
        assert!(
            up.contains(r#""Văn phòng Tỉnh ủy",  "Các ban đảng"], ghi_chu"#),
            "{up}"
        );
        assert_eq!(
            at(&down, "noi_nhan.danh_sach[0].nhom[1]", Op::Up).unwrap(),
            text
        );
        let problem = |target, op| match at(&text, target, op) {
            Err(Error::Outline { problem, .. }) => problem,
            other => panic!("{other:?}"),
        };
        assert_eq!(problem("noi_nhan.danh_sach[0].nhom[0]", Op::Up), P::First);
        assert_eq!(problem("noi_nhan.danh_sach[0].nhom[2]", Op::Down), P::Last);
        for op in [Op::Add, Op::Delete, Op::In, Op::Out] {
            assert_eq!(
                problem("noi_nhan.danh_sach[0].nhom[1]", op),
                P::GroupNamesMoveOnly
            );
        }
        assert_eq!(problem("noi_nhan.danh_sach[1].nhom[0]", Op::Up), P::NoItem);
        assert_eq!(
            problem("noi_nhan.danh_sach[0].ghi_chu", Op::Up),
            P::NotAList
        );
    }
}
