//! An error as a miette diagnostic in the user's language: the message, a
//! stable code, a hint, and the offending line of the file with a label
//! under the place, so a clerk sees where to edit without counting lines.

use std::fmt;
use std::ops::Range;
use std::path::Path;

use miette::{
    Diagnostic, LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use super::{errors, Lang, Msg};
use crate::error::{Error, ErrorKind, MAX_EXCERPT_CHARS};

/// `error` ready for miette's report handler, in `lang`.
#[derive(Debug)]
pub struct Localized {
    message: String,
    code: &'static str,
    help: Option<String>,
    source: Option<Excerpt>,
    label: Option<LabeledSpan>,
}

impl Localized {
    /// Reads the file the error points into (if it does and the file is a
    /// text of a document's size) to show the line.
    pub fn new(error: &Error, lang: Lang) -> Self {
        let mut out = Localized {
            message: errors::text(error, lang),
            code: errors::code(ErrorKind::from(error)),
            help: errors::help(error, lang),
            source: None,
            label: None,
        };
        // The text is read once: by `locate` when it looks a field up, else here.
        let mut read = None;
        let Some(place) = errors::locate(error, |file| {
            read = document_text(file);
            read.clone()
        }) else {
            return out;
        };
        let Some((line, column)) = place.at else {
            return out;
        };
        let text = read.or_else(|| document_text(place.file));
        if let Some((text, span)) = text.and_then(|text| excerpt(text, line, column)) {
            let (source, span) = Excerpt::around(place.file, &text, span);
            let label = if place.field.is_empty() {
                Msg::LabelHere
            } else {
                Msg::LabelField {
                    field: crate::error::clip(&place.field),
                }
            };
            out.label = Some(LabeledSpan::new_with_span(Some(label.text(lang)), span));
            out.source = Some(source);
        }
        out
    }
}

/// The text of a file an error points into, when it is a text of a
/// document's size, without its byte order mark (the parsers place errors
/// in the text without it).
fn document_text(file: &Path) -> Option<String> {
    let meta = std::fs::metadata(file).ok()?;
    if !meta.is_file() || meta.len() > crate::limits::MAX_DOCUMENT_FILE_BYTES {
        return None;
    }
    let text = std::fs::read_to_string(file).ok()?;
    Some(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// `text` and the byte range to label at `line`:`column`.
fn excerpt(text: String, line: usize, column: usize) -> Option<(String, Range<usize>)> {
    let start = offset(&text, line, column)?;
    // A parser that met the end of the line (an unclosed string) places the
    // error after its last character, where miette draws no label: a space
    // put there carries it, so the header's column is the message's.
    let at_line_end = text[start..].starts_with(['\n', '\r']) || start == text.len();
    if at_line_end && text[..start].chars().next_back().is_some_and(|c| c != '\n') {
        let mut text = text;
        text.insert(start, ' ');
        return Some((text, start..start + 1));
    }
    let len = token_len(&text[start..]);
    Some((text, start..start + len))
}

/// The one line an error is on, at most [`MAX_EXCERPT_CHARS`] characters of
/// it around the place: the file may not be what the document says it is (a
/// password file named as a CSV) and must not be printed beyond a short
/// excerpt, as [`crate::error::excerpts`] does for quoted values. Line and
/// column numbers are those of the whole file.
#[derive(Debug)]
struct Excerpt {
    name: String,
    text: String,
    /// 0-based line of `text` in the file.
    line: usize,
    /// Characters of the line left out before `text` (less the "…" shown).
    column: usize,
}

impl Excerpt {
    /// The excerpt of `text` around `span`, and `span` within it.
    fn around(file: &Path, text: &str, span: Range<usize>) -> (Excerpt, Range<usize>) {
        let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[span.start..]
            .find(['\n', '\r'])
            .map_or(text.len(), |i| span.start + i);
        let line = &text[line_start..line_end];
        let at = span.start - line_start;
        let before = line[..at].chars().count();
        // A few characters of what leads to the place, then the place.
        let skip = if line.chars().count() <= MAX_EXCERPT_CHARS {
            0
        } else {
            before.saturating_sub(10)
        };
        let skip_bytes = line.char_indices().nth(skip).map_or(line.len(), |(i, _)| i);
        let shown: String = line[skip_bytes..].chars().take(MAX_EXCERPT_CHARS).collect();
        let prefix = if skip > 0 { "…" } else { "" };
        let cut = skip_bytes + shown.len() < line.len();
        let body = format!("{prefix}{shown}{}", if cut { "…" } else { "" });
        let start = prefix.len() + at - skip_bytes;
        let end = (prefix.len() + (span.end.min(line_end) - line_start) - skip_bytes)
            .min(prefix.len() + shown.len())
            .max(start);
        let excerpt = Excerpt {
            name: file.display().to_string(),
            text: body,
            line: text[..line_start].matches('\n').count(),
            column: skip - prefix.chars().count(),
        };
        (excerpt, start..end)
    }
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let (start, end) = (span.offset(), span.offset() + span.len());
        if end > self.text.len() || !self.text.is_char_boundary(start) {
            return Err(MietteError::OutOfBounds);
        }
        // Without context miette asks where the label stands (the header's
        // line:column); with context, for the lines to show: the whole
        // excerpt and never a line more, which would be more of the file.
        let (data, at, column) = if before == 0 && after == 0 {
            let column = self.column + self.text[..start].chars().count();
            (&self.text.as_bytes()[start..end], *span, column)
        } else {
            let all = (0, self.text.len()).into();
            (self.text.as_bytes(), all, self.column)
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            data,
            at,
            self.line,
            column,
            1,
        )))
    }
}

/// The byte offset of 1-based `line` and `column` (in characters); a column
/// past the line's end stands at its end.
fn offset(text: &str, line: usize, column: usize) -> Option<usize> {
    let mut start = 0;
    for _ in 1..line {
        start += text[start..].find('\n')? + 1;
    }
    let rest = &text[start..];
    let end = rest.find('\n').unwrap_or(rest.len());
    let within = rest[..end]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(end, |(i, _)| i);
    Some(start + within)
}

/// The length in bytes of the token at the start of `rest`: a quoted string
/// with its quotes, else a run up to a space or punctuation, never past the
/// line; at least one character when the line has one.
fn token_len(rest: &str) -> usize {
    let line = &rest[..rest.find(['\n', '\r']).unwrap_or(rest.len())];
    let mut chars = line.char_indices();
    let Some((_, first)) = chars.next() else {
        return 0;
    };
    if first == '"' || first == '\'' {
        return chars
            .find(|&(_, c)| c == first)
            .map_or(line.len(), |(i, c)| i + c.len_utf8());
    }
    chars
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '=' | ',' | ']' | '}' | ':'))
        .map_or(line.len(), |(i, _)| i)
}

impl fmt::Display for Localized {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

// The message already says the cause ("cannot read x: permission denied"),
// so no `source()`: miette would print it a second time.
impl std::error::Error for Localized {}

impl Diagnostic for Localized {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.label
            .clone()
            .map(|l| Box::new(std::iter::once(l)) as Box<dyn Iterator<Item = LabeledSpan>>)
    }
}

/// The library's own `Diagnostic`: English, code and hint. The binary
/// prints [`Localized`] instead, which adds the source excerpt.
impl Diagnostic for Error {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(errors::code(ErrorKind::from(self))))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        errors::help(self, Lang::En).map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_characters_not_bytes() {
        let text = "a = 1\nđộ = \"x y\"\n";
        let at = offset(text, 2, 6).unwrap();
        assert_eq!(&text[at..at + token_len(&text[at..])], "\"x y\"");
        assert_eq!(offset(text, 2, 99), Some(text.len() - 1));
        assert_eq!(offset(text, 9, 1), None);
        assert_eq!(token_len("khoa_la = 3"), "khoa_la".len());
    }

    #[test]
    fn a_long_line_is_shown_only_around_the_place() {
        let secret = format!("root:x:0:0:{}:/root:/bin/bash", "s".repeat(200));
        let text = format!("{secret}\nsecond line\n");
        let at = secret.find("/root").unwrap();
        let (excerpt, span) = Excerpt::around(Path::new("secret.csv"), &text, at..at + 5);
        assert!(excerpt.text.chars().count() <= MAX_EXCERPT_CHARS + 2);
        assert!(!excerpt.text.contains("second"));
        assert_eq!(&excerpt.text[span.clone()], "/root");
        // The header's line and column are the file's, not the excerpt's.
        let label = excerpt.read_span(&span.clone().into(), 0, 0).unwrap();
        assert_eq!(
            (label.line(), label.column()),
            (0, secret[..at].chars().count())
        );
        let shown = excerpt.read_span(&span.into(), 1, 1).unwrap();
        assert_eq!(shown.data(), excerpt.text.as_bytes());
    }
}
