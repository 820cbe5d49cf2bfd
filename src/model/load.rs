use std::path::Path;

use serde::de::DeserializeOwned;

use crate::error::{Error, Location};
use crate::limits::{self, Bound};
use crate::parsing::{ParseProblem, Tree, TreeDeserializer, Typed};

/// The input formats, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Toml,
    Json,
    Yaml,
}

impl Format {
    pub fn from_path(path: &Path) -> Result<Self, Error> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "toml" => Ok(Format::Toml),
            "json" => Ok(Format::Json),
            "yaml" | "yml" => Ok(Format::Yaml),
            _ => Err(Error::UnknownFormat {
                file: path.to_path_buf(),
            }),
        }
    }
}

/// Input files larger than this are refused before they are read: a period's
/// figures are kilobytes; 16 MiB is a mistake, not a spreadsheet.
pub const MAX_INPUT_BYTES: u64 = limits::MAX_DATA_FILE_BYTES;

/// The size of `path` on disk, before anything is read.
fn file_size(path: &Path) -> Result<u64, Error> {
    Ok(std::fs::metadata(path)
        .map_err(|source| Error::Read {
            file: path.to_path_buf(),
            source,
        })?
        .len())
}

/// Refuses a file over [`MAX_INPUT_BYTES`] before reading it.
pub fn check_size(path: &Path) -> Result<(), Error> {
    let size = file_size(path)?;
    if size > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            file: path.to_path_buf(),
            size,
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(())
}

/// Reads and parses a document, fragment or catalogue file: these are typed by
/// hand, so anything over [`limits::MAX_DOCUMENT_FILE_BYTES`] is refused unread.
pub fn load_document<T: DeserializeOwned>(path: &Path) -> Result<T, Error> {
    Format::from_path(path)?;
    check_document_size(path, file_size(path)?)?;
    load(path)
}

/// [`load_document`] of bytes already read (through [`crate::inputs`]).
pub fn load_document_bytes<T: DeserializeOwned>(path: &Path, bytes: &[u8]) -> Result<T, Error> {
    check_document_size(path, bytes.len() as u64)?;
    load_bytes(path, bytes)
}

/// Refuses a hand-typed file (document, fragments, catalogue) of `size` bytes
/// over [`limits::MAX_DOCUMENT_FILE_BYTES`].
pub fn check_document_size(path: &Path, size: u64) -> Result<(), Error> {
    if size > limits::MAX_DOCUMENT_FILE_BYTES {
        return Err(Error::Limit {
            file: path.to_path_buf(),
            field: String::new(),
            bound: Bound::DocumentFile,
            value: size,
            limit: limits::MAX_DOCUMENT_FILE_BYTES,
        });
    }
    Ok(())
}

/// Reads and parses a file, any type the model has (a document, a profile, figures).
pub fn load<T: DeserializeOwned>(path: &Path) -> Result<T, Error> {
    Format::from_path(path)?;
    check_size(path)?;
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        file: path.to_path_buf(),
        source,
    })?;
    load_bytes(path, &bytes)
}

/// Parses `bytes`, the content of `path` (whose extension says the format).
pub fn load_bytes<T: DeserializeOwned>(path: &Path, bytes: &[u8]) -> Result<T, Error> {
    let format = Format::from_path(path)?;
    let text = std::str::from_utf8(bytes).map_err(|e| {
        // Everything before the first bad byte is valid: its lines and
        // characters place the error.
        let valid = e.valid_up_to();
        let before = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
        Error::Parse {
            loc: Location::at_byte(path, before, valid),
            field: String::new(),
            problem: Box::new(ParseProblem::NotUtf8),
        }
    })?;
    parse(path, text, format)
}

/// Where the first read stopped, and the parser's account of why.
struct Stopped {
    loc: Location,
    field: String,
    said: String,
}

/// Parses `text` (the content of `file`), reporting errors with line, column,
/// the field path where the parser stopped, and the reason as data.
pub fn parse<T: DeserializeOwned>(file: &Path, text: &str, format: Format) -> Result<T, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    check_nesting(file, text)?;
    if format == Format::Yaml {
        check_yaml_expansion(file, text)?;
    }
    read::<T>(file, text, format).map_err(|stopped| explain::<T>(file, text, format, stopped))
}

/// The one read a good file gets: straight from the text into `T`, with the
/// parser's positions.
fn read<T: DeserializeOwned>(file: &Path, text: &str, format: Format) -> Result<T, Stopped> {
    match format {
        Format::Toml => {
            let de = toml::Deserializer::new(text);
            serde_path_to_error::deserialize(de).map_err(|e| {
                let field = e.path().to_string();
                let (loc, said) = toml_stop(file, text, &e.into_inner());
                Stopped {
                    loc,
                    field: clean_field(&field),
                    said,
                }
            })
        }
        Format::Json => {
            let stopped = |inner: serde_json::Error, field: &str| {
                let (loc, said) = json_stop(file, &inner);
                Stopped {
                    loc,
                    field: clean_field(field),
                    said,
                }
            };
            let mut de = serde_json::Deserializer::from_str(text);
            let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
                let field = e.path().to_string();
                stopped(e.into_inner(), &field)
            })?;
            // Text after the document's value (a second object pasted below
            // it) is a syntax error, not something to leave out unread.
            de.end().map_err(|inner| stopped(inner, ""))?;
            Ok(value)
        }
        Format::Yaml => {
            let de = serde_yaml_ng::Deserializer::from_str(text);
            serde_path_to_error::deserialize(de).map_err(|e| {
                let field = e.path().to_string();
                let (loc, said) = yaml_stop(file, &e.into_inner());
                Stopped {
                    loc,
                    field: clean_field(&field),
                    said,
                }
            })
        }
    }
}

/// The failed read's reason as data. The parsers word serde's reasons as
/// English sentences, so the file is read again, only now that it failed:
/// into a tree, then from the tree into `T` with [`Typed`], which keeps
/// them. A file that is not even a tree has a syntax error, told in the
/// parser's words. The place is the first read's, which knows the
/// positions; should the second read stop at another field (it should not:
/// the tree keeps the file's order), the place is that field's, found by its
/// path in a TOML file.
fn explain<T: DeserializeOwned>(
    file: &Path,
    text: &str,
    format: Format,
    stopped: Stopped,
) -> Error {
    let tree = match tree(file, text, format) {
        Ok(tree) => tree,
        Err(syntax) => return syntax,
    };
    let (problem, field) =
        match serde_path_to_error::deserialize::<_, T>(TreeDeserializer::<Typed>::new(tree)) {
            Err(e) => {
                let field = clean_field(&e.path().to_string());
                (e.into_inner().0, field)
            }
            // The tree reads where the text did not: the parser's own fault.
            Ok(_) => (
                ParseProblem::Syntax {
                    detail: stopped.said,
                },
                stopped.field.clone(),
            ),
        };
    let loc = if field == stopped.field {
        stopped.loc
    } else if format == Format::Toml {
        crate::locate::span(text, &field)
            .map(|span| Location::at_byte(file, text, span.start))
            .unwrap_or(stopped.loc)
    } else {
        Location::file_only(file)
    };
    Error::Parse {
        loc,
        field,
        problem: Box::new(problem),
    }
}

/// `text` as a [`Tree`], or its syntax error where the parser found it. A
/// streaming read may stop at a wrong type before it reaches the syntax
/// error further on (YAML reads as it goes); the tree's parse reads it all.
fn tree(file: &Path, text: &str, format: Format) -> Result<Tree, Error> {
    let syntax = |(loc, detail): (Location, String)| Error::Parse {
        loc,
        field: String::new(),
        problem: Box::new(ParseProblem::Syntax { detail }),
    };
    match format {
        Format::Toml => toml::from_str(text).map_err(|e| syntax(toml_stop(file, text, &e))),
        Format::Json => serde_json::from_str(text).map_err(|e| syntax(json_stop(file, &e))),
        Format::Yaml => serde_yaml_ng::from_str(text).map_err(|e| syntax(yaml_stop(file, &e))),
    }
}

/// Where each parser stopped and its words without the position it may
/// append (the location says it); shared by the first read and the tree's.
fn toml_stop(file: &Path, text: &str, e: &toml::de::Error) -> (Location, String) {
    let loc = match e.span() {
        Some(span) => Location::at_byte(file, text, span.start),
        None => Location::file_only(file),
    };
    (loc, e.message().trim().to_string())
}

fn json_stop(file: &Path, e: &serde_json::Error) -> (Location, String) {
    (
        Location::at(file, e.line(), e.column()),
        strip_position(&e.to_string()),
    )
}

fn yaml_stop(file: &Path, e: &serde_yaml_ng::Error) -> (Location, String) {
    let loc = match e.location() {
        Some(l) => Location::at(file, l.line(), l.column()),
        None => Location::file_only(file),
    };
    (loc, strip_position(&e.to_string()))
}

use limits::MAX_NESTING;

/// Refuses bracket nesting deeper than [`MAX_NESTING`] (brackets inside quoted
/// strings do not count).
fn check_nesting(file: &Path, text: &str) -> Result<(), Error> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' && q == '"' {
                escaped = true;
            } else if c == q || c == '\n' {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' => quote = Some(c),
            '[' | '{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(Error::Parse {
                        loc: Location::at_byte(file, text, i),
                        field: String::new(),
                        problem: Box::new(ParseProblem::TooDeep { max: MAX_NESTING }),
                    });
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Refuses YAML whose anchors and aliases expand past [`limits::MAX_YAML_NODES`]
/// nodes or [`limits::MAX_YAML_TEXT_BYTES`] of text ("billion laughs": 40 KB of
/// nested aliases took 2 GB). The parser replays an alias each time it is
/// read, so a first pass reads the file into nothing, counting what the real
/// read would build, and stops at the limit: time and memory stay bounded,
/// and a few harmless aliases still work.
fn check_yaml_expansion(file: &Path, text: &str) -> Result<(), Error> {
    let mut budget = yaml_budget::Budget::default();
    let de = serde_yaml_ng::Deserializer::from_str(text);
    // Another failure is the real read's to report, with its place.
    let _ = serde::de::DeserializeSeed::deserialize(yaml_budget::Count(&mut budget), de);
    match budget.exceeded {
        Some(bound) => Err(Error::Limit {
            file: file.to_path_buf(),
            field: String::new(),
            bound,
            value: match bound {
                Bound::YamlNodes => budget.nodes as u64,
                _ => budget.bytes as u64,
            },
            limit: match bound {
                Bound::YamlNodes => limits::MAX_YAML_NODES as u64,
                _ => limits::MAX_YAML_TEXT_BYTES as u64,
            },
        }),
        None => Ok(()),
    }
}

mod yaml_budget {
    use std::fmt;

    use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

    use crate::limits::{self, Bound};

    /// What the YAML read so far expands to.
    #[derive(Default)]
    pub struct Budget {
        pub nodes: usize,
        pub bytes: usize,
        pub exceeded: Option<Bound>,
    }

    impl Budget {
        fn take<E: de::Error>(&mut self, bytes: usize) -> Result<(), E> {
            self.nodes += 1;
            self.bytes += bytes;
            if self.nodes > limits::MAX_YAML_NODES {
                self.exceeded = Some(Bound::YamlNodes);
            } else if self.bytes > limits::MAX_YAML_TEXT_BYTES {
                self.exceeded = Some(Bound::YamlText);
            }
            match self.exceeded {
                Some(_) => Err(E::custom("the YAML expansion limit")),
                None => Ok(()),
            }
        }
    }

    /// Reads any YAML value into nothing, charging each node to the budget.
    pub struct Count<'a>(pub &'a mut Budget);

    impl<'de> DeserializeSeed<'de> for Count<'_> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_any(self)
        }
    }

    impl<'de> Visitor<'de> for Count<'_> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("any YAML value")
        }
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
            self.0.take(0)
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
            self.0.take(0)
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
            self.0.take(0)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
            self.0.take(0)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
            self.0.take(v.len())
        }
        fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<(), E> {
            self.0.take(v.len())
        }
        fn visit_unit<E: de::Error>(self) -> Result<(), E> {
            self.0.take(0)
        }
        fn visit_none<E: de::Error>(self) -> Result<(), E> {
            self.0.take(0)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            self.0.take(0)?;
            d.deserialize_any(Count(self.0))
        }
        fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            self.0.take(0)?;
            d.deserialize_any(Count(self.0))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            self.0.take(0)?;
            while seq.next_element_seed(Count(&mut *self.0))?.is_some() {}
            Ok(())
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            self.0.take(0)?;
            while map.next_key_seed(Count(&mut *self.0))?.is_some() {
                map.next_value_seed(Count(&mut *self.0))?;
            }
            Ok(())
        }
    }
}

/// serde_path_to_error writes "." for the root, "?" for a place it could
/// not name.
fn clean_field(path: &str) -> String {
    if path == "." || path == "?" {
        String::new()
    } else {
        path.to_string()
    }
}

/// A parser's words without the " at line L column C" it appends (the
/// location says it).
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A YAML list of `n` aliases of one anchored string of `len` bytes:
    /// 1 + n + 1 nodes (the list, the anchored string, the aliases).
    fn aliased(n: usize, len: usize) -> String {
        format!("[&a \"{}\"{}]", "x".repeat(len), ", *a".repeat(n))
    }

    fn yaml(text: &str) -> Result<Vec<String>, Error> {
        parse(Path::new("a.yaml"), text, Format::Yaml)
    }

    fn limit_of(r: Result<Vec<String>, Error>) -> Option<(Bound, u64)> {
        match r {
            Err(Error::Limit { bound, value, .. }) => Some((bound, value)),
            Err(e) => panic!("{e}"),
            Ok(_) => None,
        }
    }

    #[test]
    fn json_text_after_the_value_is_a_syntax_error_at_its_line() {
        let json = |text: &str| parse::<Vec<String>>(Path::new("a.json"), text, Format::Json);
        assert_eq!(json("[\"a\"]\n").unwrap(), ["a"]);
        match json("[\"a\"]\n[\"b\"]\n") {
            Err(Error::Parse { loc, .. }) => assert_eq!((loc.line, loc.column), (2, 1)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn yaml_nodes_are_bounded_with_aliases_expanded() {
        let nodes = limits::MAX_YAML_NODES;
        let at = aliased(nodes - 2, 1);
        assert_eq!(yaml(&at).unwrap().len(), nodes - 1);
        let over = aliased(nodes - 1, 1);
        assert_eq!(
            limit_of(yaml(&over)),
            Some((Bound::YamlNodes, nodes as u64 + 1))
        );
    }

    #[test]
    fn yaml_text_is_bounded_with_aliases_expanded() {
        // 16 strings of 1 MiB: exactly the limit.
        let len = limits::MAX_YAML_TEXT_BYTES / 16;
        assert_eq!(limit_of(yaml(&aliased(15, len))), None);
        let over = format!("[&a \"{}\"{}, \"y\"]", "x".repeat(len), ", *a".repeat(15));
        assert_eq!(
            limit_of(yaml(&over)),
            Some((Bound::YamlText, limits::MAX_YAML_TEXT_BYTES as u64 + 1))
        );
    }
}
