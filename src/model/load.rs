use std::path::Path;

use serde::de::DeserializeOwned;

use crate::error::{Error, Location};

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

/// Reads and parses a file, any type the model has (a document, a profile).
/// Input files larger than this are refused before they are read: a document
/// or a period's figures are kilobytes; 16 MiB is a mistake, not a document.
pub const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

/// Refuses a file over [`MAX_INPUT_BYTES`] before reading it.
pub fn check_size(path: &Path) -> Result<(), Error> {
    let size = std::fs::metadata(path)
        .map_err(|source| Error::Read {
            file: path.to_path_buf(),
            source,
        })?
        .len();
    if size > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            file: path.to_path_buf(),
            size,
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(())
}

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
            message: "the file is not valid UTF-8 text; save it as UTF-8".into(),
        }
    })?;
    parse(path, text, format)
}

/// Parses `text` (the content of `file`), reporting errors with line, column and
/// the field path where the parser stopped.
pub fn parse<T: DeserializeOwned>(file: &Path, text: &str, format: Format) -> Result<T, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    check_nesting(file, text)?;
    match format {
        Format::Toml => {
            let de = toml::Deserializer::new(text);
            serde_path_to_error::deserialize(de).map_err(|e| {
                let field = e.path().to_string();
                let inner = e.into_inner();
                let loc = match inner.span() {
                    Some(span) => Location::at_byte(file, text, span.start),
                    None => Location::file_only(file),
                };
                Error::Parse {
                    loc,
                    field: clean_field(&field),
                    message: suggest(inner.message().trim()),
                }
            })
        }
        Format::Json => {
            let mut de = serde_json::Deserializer::from_str(text);
            serde_path_to_error::deserialize(&mut de).map_err(|e| {
                let field = e.path().to_string();
                let inner = e.into_inner();
                Error::Parse {
                    loc: Location::at(file, inner.line(), inner.column()),
                    field: clean_field(&field),
                    message: suggest(&strip_json_position(&inner.to_string())),
                }
            })
        }
        Format::Yaml => {
            let de = serde_yaml_ng::Deserializer::from_str(text);
            serde_path_to_error::deserialize(de).map_err(|e| {
                let field = e.path().to_string();
                let inner = e.into_inner();
                let loc = match inner.location() {
                    Some(l) => Location::at(file, l.line(), l.column()),
                    None => Location::file_only(file),
                };
                Error::Parse {
                    loc,
                    field: clean_field(&field),
                    message: suggest(&inner.to_string()),
                }
            })
        }
    }
}

/// No document nests brackets deeper than this; the YAML parser takes minutes
/// on a few hundred kilobytes of `[[[[…`, so such files are refused first.
const MAX_NESTING: usize = 64;

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
                        message: format!("brackets nested more than {MAX_NESTING} deep"),
                    });
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Adds "did you mean `trich_yeu`?" to serde's "unknown field `trich_yue`,
/// expected one of `a`, `b`, …", and drops the long list when a close match exists.
fn suggest(message: &str) -> String {
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return message.to_string();
    };
    let Some((unknown, expected)) = rest.split_once('`') else {
        return message.to_string();
    };
    let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    match crate::suggest::closest(unknown, known) {
        Some((distance, k)) if distance <= 3 => {
            format!("unknown field `{unknown}`; did you mean `{k}`?")
        }
        _ => message.to_string(),
    }
}

/// serde_path_to_error writes "." for the root.
fn clean_field(path: &str) -> String {
    if path == "." {
        String::new()
    } else {
        path.to_string()
    }
}

fn strip_json_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_get_the_closest_known_one() {
        let msg = "unknown field `trich_yue`, expected one of `the_thuc`, `trich_yeu`, `ky`";
        assert_eq!(
            suggest(msg),
            "unknown field `trich_yue`; did you mean `trich_yeu`?"
        );
        let far = "unknown field `xyzxyzxyz`, expected one of `the_thuc`, `ky`";
        assert_eq!(suggest(far), far);
    }
}
