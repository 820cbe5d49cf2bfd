//! Where a field named by a dotted path (`noi_nhan.danh_sach[2]`,
//! `trich_yeu[0]`) stands in a TOML document file, so a lint can give a line
//! and a column as an error does.

use toml_edit::{ImDocument, Item, TableLike, Value};

/// One-based line and column (in characters) of `field` in `toml`, or of its
/// deepest part that exists; `None` when the text does not parse or even the
/// first key is absent (e.g. the field has its default).
pub fn field(toml: &str, field: &str) -> Option<(usize, usize)> {
    span(toml, field).map(|span| line_column(toml, span.start))
}

/// The byte range of `field` in `toml` (its key, or the element of an
/// array), or of its deepest part that exists; see [`field`].
pub fn span(toml: &str, field: &str) -> Option<std::ops::Range<usize>> {
    let doc = ImDocument::parse(toml).ok()?;
    let mut at = At::Item(doc.as_item());
    let mut found = None;
    for part in parts(field) {
        let next = match part {
            Part::Key(key) => at.table().and_then(|t| t.get_key_value(key)).map(|(k, v)| {
                found = k.span().or_else(|| v.span()).or(found.clone());
                At::Item(v)
            }),
            Part::Index(i) => at
                .element(i)
                .inspect(|e| found = e.span().or(found.clone())),
        };
        match next {
            Some(n) => at = n,
            None => break,
        }
    }
    found
}

/// A place in the parsed document: a `[table]` of an array of tables is not
/// an `Item`, an array element is a `Value`.
enum At<'a> {
    Item(&'a Item),
    Value(&'a Value),
    Table(&'a toml_edit::Table),
}

impl<'a> At<'a> {
    fn table(&self) -> Option<&'a dyn TableLike> {
        match *self {
            At::Item(i) => i.as_table_like(),
            At::Value(v) => v.as_inline_table().map(|t| t as &dyn TableLike),
            At::Table(t) => Some(t as &dyn TableLike),
        }
    }

    fn element(&self, i: usize) -> Option<At<'a>> {
        match *self {
            At::Item(item) => match item.as_array_of_tables() {
                Some(tables) => tables.get(i).map(At::Table),
                None => item.as_array()?.get(i).map(At::Value),
            },
            At::Value(v) => v.as_array()?.get(i).map(At::Value),
            At::Table(_) => None,
        }
    }

    fn span(&self) -> Option<std::ops::Range<usize>> {
        match *self {
            At::Item(i) => i.span(),
            At::Value(v) => v.span(),
            At::Table(t) => t.span(),
        }
    }
}

enum Part<'a> {
    Key(&'a str),
    Index(usize),
}

fn parts(field: &str) -> Vec<Part<'_>> {
    let mut out = Vec::new();
    for segment in field.split('.') {
        let (key, rest) = segment.split_once('[').unwrap_or((segment, ""));
        if !key.is_empty() {
            out.push(Part::Key(key));
        }
        for index in rest.split('[') {
            if let Ok(i) = index.trim_end_matches(']').parse() {
                out.push(Part::Index(i));
            }
        }
    }
    out
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::field;

    const DOC: &str =
        "so = 3\ntrich_yeu = [\"về việc\", \"x\"]\n\n[noi_nhan]\ndanh_sach = [\"A\", \"B\"]\n";

    #[test]
    fn keys_and_array_elements_are_located() {
        assert_eq!(field(DOC, "so"), Some((1, 1)));
        assert_eq!(field(DOC, "trich_yeu[0]"), Some((2, 14)));
        assert_eq!(field(DOC, "noi_nhan.danh_sach[1]"), Some((5, 19)));
        // An absent leaf falls back to the nearest part that exists.
        assert_eq!(field(DOC, "noi_nhan.luu"), Some((4, 2)));
        assert_eq!(field(DOC, "ma_co_quan"), None);
    }
}
