//! Inline notation (định dạng trong dòng): bold, italic, underline and
//! footnotes typed inside body text, as a clerk sees them in Word.
//!
//! | Typed                    | Printed                                  |
//! |--------------------------|------------------------------------------|
//! | `**đậm**`                | bold                                     |
//! | `*nghiêng*`              | italic                                   |
//! | `***đậm nghiêng***`      | bold italic                              |
//! | `__gạch chân__`          | underlined                               |
//! | `chi bộ^[Gồm 12 chi bộ.]`| a footnote numbered through the document |
//! | `\*` `\_` `\^` `\[` `\]` `\\` | the character itself                |
//!
//! A small parser of our own rather than a CommonMark library: CommonMark is a
//! block language in which ordinary Vietnamese text changes meaning ("1. …"
//! becomes a list, "- …" a bullet, four leading spaces code, "&amp;" an "&",
//! "[a]: b" disappears), and it has neither underline nor inline footnotes.
//! What decides whether a run of `*` or `__` opens or closes is CommonMark's
//! flanking rule, so "5 * 3" and "a*" print literally; a marker that finds no
//! partner prints as typed. Nothing here is Typst: the result is spans of
//! plain text with a style, which the templates escape.

use std::fmt;

/// How a span of text is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Style {
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
}

impl Style {
    /// Both styles at once: a bold lead-in whose words are also italic.
    pub fn with(self, other: Style) -> Style {
        Style {
            bold: self.bold || other.bold,
            italic: self.italic || other.italic,
            underline: self.underline || other.underline,
        }
    }
}

/// A piece of inline text: a styled span, or a footnote (chú thích) whose
/// marker stands where it was typed and whose text goes to the foot of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text {
        text: String,
        style: Style,
    },
    /// The footnote's own spans (never a footnote inside a footnote).
    Note(Vec<Piece>),
}

/// Text in inline notation, parsed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Inline(pub Vec<Piece>);

/// Why a text is not valid notation. Offsets count characters from 1, as an
/// editor's column does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotationError {
    UnclosedNote { at: usize },
    NestedNote { at: usize },
    EmptyNote { at: usize },
}

impl fmt::Display for NotationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotationError::UnclosedNote { at } => write!(
                f,
                "the footnote opened with `^[` at character {at} has no closing `]`; close it, or write `\\^[` for the characters themselves"
            ),
            NotationError::NestedNote { at } => write!(
                f,
                "a footnote cannot hold another footnote (`^[` at character {at}); write `\\^[` for the characters themselves"
            ),
            NotationError::EmptyNote { at } => write!(
                f,
                "the footnote `^[]` at character {at} is empty; write its text between the brackets"
            ),
        }
    }
}

impl std::error::Error for NotationError {}

/// Characters a backslash makes literal. Before anything else a backslash is
/// itself, so "C:\Văn bản" needs no escaping.
const ESCAPABLE: &[char] = &['\\', '*', '_', '^', '[', ']'];

impl Inline {
    pub fn parse(input: &str) -> Result<Inline, NotationError> {
        let chars: Vec<char> = input.chars().collect();
        Ok(Inline(parse_span(&chars, 0, true)?))
    }

    /// Text that is not notation: every character prints as given.
    pub fn literal(text: &str) -> Inline {
        let mut out = Inline::default();
        out.push(text, Style::default());
        out
    }

    /// Appends text in `style`, joined to the last span when it has the same style.
    pub fn push(&mut self, text: &str, style: Style) {
        if text.is_empty() {
            return;
        }
        if let Some(Piece::Text {
            text: last,
            style: s,
        }) = self.0.last_mut()
        {
            if *s == style {
                last.push_str(text);
                return;
            }
        }
        self.0.push(Piece::Text {
            text: text.to_string(),
            style,
        });
    }

    /// Appends `other` after this text.
    pub fn append(&mut self, other: Inline) {
        for piece in other.0 {
            match piece {
                Piece::Text { text, style } => self.push(&text, style),
                note => self.0.push(note),
            }
        }
    }

    /// The printed text of the body without footnotes.
    pub fn plain(&self) -> String {
        self.0
            .iter()
            .filter_map(|p| match p {
                Piece::Text { text, .. } => Some(text.as_str()),
                Piece::Note(_) => None,
            })
            .collect()
    }

    /// The footnotes' texts, in order.
    pub fn notes(&self) -> Vec<String> {
        self.0
            .iter()
            .filter_map(|p| match p {
                Piece::Note(inner) => Some(Inline(inner.clone()).plain()),
                Piece::Text { .. } => None,
            })
            .collect()
    }

    /// Applies `f` to the text of the body, not to footnotes (an upper-cased
    /// heading keeps its footnote as typed).
    pub fn map_text(mut self, f: impl Fn(&str) -> String) -> Inline {
        for p in &mut self.0 {
            if let Piece::Text { text, .. } = p {
                *text = f(text);
            }
        }
        self
    }

    /// Adds `style` to every span of the body (a run-in heading's style).
    pub fn styled(mut self, style: Style) -> Inline {
        for p in &mut self.0 {
            if let Piece::Text { style: s, .. } = p {
                *s = s.with(style);
            }
        }
        self
    }

    /// Ends the text with `mark` unless its printed text ends with "." already
    /// ("." and "./." both occur; what was typed wins). A trailing ",", ";" or
    /// ":" gives way to the mark. Footnotes at the end stay before the mark.
    pub fn with_final_mark(mut self, mark: &str) -> Inline {
        self.trim_end_matching(char::is_whitespace);
        if self.plain().ends_with('.') {
            return self;
        }
        self.trim_end_matching(|c| matches!(c, ',' | ';' | ':'));
        // The mark is the document's, not part of a styled span.
        self.0.push(Piece::Text {
            text: mark.to_string(),
            style: Style::default(),
        });
        self
    }

    /// Removes the characters matching `f` from the end of the printed text,
    /// across spans; footnotes stay.
    fn trim_end_matching(&mut self, f: impl Fn(char) -> bool) {
        for i in (0..self.0.len()).rev() {
            let Piece::Text { text, .. } = &mut self.0[i] else {
                continue;
            };
            let kept = text.trim_end_matches(&f).len();
            text.truncate(kept);
            if kept > 0 {
                break;
            }
        }
        self.0
            .retain(|p| !matches!(p, Piece::Text { text, .. } if text.is_empty()));
    }
}

/// What a character is to the flanking rule: a missing neighbour counts as
/// whitespace (the start and end of the text).
fn is_space(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

fn is_punct(c: Option<char>) -> bool {
    c.is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace())
}

enum Token {
    Text(String),
    Note(Vec<Piece>),
    Run(Run),
}

struct Run {
    ch: char,
    len: usize,
    left: usize,
    can_open: bool,
    can_close: bool,
    active: bool,
    /// Styles closed at the run's start, in order.
    closes: Vec<Style>,
    /// Styles opened at the run's end, innermost first.
    opens: Vec<Style>,
}

/// Parses `chars`; `start` is the offset of `chars[0]` in the whole text, for errors.
fn parse_span(
    chars: &[char],
    start: usize,
    notes_allowed: bool,
) -> Result<Vec<Piece>, NotationError> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    let flush = |text: &mut String, tokens: &mut Vec<Token>| {
        if !text.is_empty() {
            tokens.push(Token::Text(std::mem::take(text)));
        }
    };
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if chars.get(i + 1).is_some_and(|n| ESCAPABLE.contains(n)) => {
                text.push(chars[i + 1]);
                i += 2;
            }
            '^' if chars.get(i + 1) == Some(&'[') => {
                let at = start + i + 1;
                if !notes_allowed {
                    return Err(NotationError::NestedNote { at });
                }
                let end =
                    closing_bracket(chars, i + 2).ok_or(NotationError::UnclosedNote { at })?;
                let inner = &chars[i + 2..end];
                if inner.iter().all(|c| c.is_whitespace()) {
                    return Err(NotationError::EmptyNote { at });
                }
                let pieces = parse_span(inner, start + i + 2, false)?;
                flush(&mut text, &mut tokens);
                tokens.push(Token::Note(trim_pieces(pieces)));
                i = end + 1;
            }
            '*' | '_' => {
                let len = chars[i..].iter().take_while(|&&x| x == c).count();
                // A single "_" is text ("bao_cao.docx"): only "__" underlines.
                if c == '_' && len < 2 {
                    text.push(c);
                    i += 1;
                    continue;
                }
                let prev = i.checked_sub(1).map(|p| chars[p]);
                let next = chars.get(i + len).copied();
                let left = !is_space(next) && (!is_punct(next) || is_space(prev) || is_punct(prev));
                let right =
                    !is_space(prev) && (!is_punct(prev) || is_space(next) || is_punct(next));
                // "(*)" and "(**)" are note marks in Vietnamese documents, never emphasis.
                let bracketed = prev == Some('(') && next == Some(')');
                let (can_open, can_close) = if bracketed {
                    (false, false)
                } else if c == '*' {
                    (left, right)
                } else {
                    (
                        left && (!right || is_punct(prev)),
                        right && (!left || is_punct(next)),
                    )
                };
                flush(&mut text, &mut tokens);
                tokens.push(Token::Run(Run {
                    ch: c,
                    len,
                    left: len,
                    can_open,
                    can_close,
                    active: can_open || can_close,
                    closes: Vec::new(),
                    opens: Vec::new(),
                }));
                i += len;
            }
            c => {
                text.push(c);
                i += 1;
            }
        }
    }
    flush(&mut text, &mut tokens);
    match_runs(&mut tokens);
    Ok(spans(tokens))
}

/// The index of the "]" closing a footnote whose text starts at `from`;
/// brackets inside it pair up ("^[Theo [dự thảo] số 3]").
fn closing_bracket(chars: &[char], from: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = from;
    while i < chars.len() {
        match chars[i] {
            '\\' if chars.get(i + 1).is_some_and(|n| ESCAPABLE.contains(n)) => i += 1,
            '[' => depth += 1,
            ']' if depth == 0 => return Some(i),
            ']' => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    None
}

/// A footnote's text without the spaces typed around it inside the brackets.
fn trim_pieces(mut pieces: Vec<Piece>) -> Vec<Piece> {
    if let Some(Piece::Text { text, .. }) = pieces.first_mut() {
        *text = text.trim_start().to_string();
    }
    if let Some(Piece::Text { text, .. }) = pieces.last_mut() {
        *text = text.trim_end().to_string();
    }
    pieces.retain(|p| !matches!(p, Piece::Text { text, .. } if text.is_empty()));
    pieces
}

/// Pairs openers with closers as CommonMark does: each closer takes the
/// nearest open run of its kind before it; runs between the two become text.
fn match_runs(tokens: &mut [Token]) {
    for closer in 0..tokens.len() {
        while let Token::Run(c) = &tokens[closer] {
            if !(c.active && c.can_close && c.left > 0) {
                break;
            }
            let (ch, c_left, c_len, c_open) = (c.ch, c.left, c.len, c.can_open);
            let opener = (0..closer).rev().find(|&o| match &tokens[o] {
                Token::Run(r) => {
                    r.active
                        && r.can_open
                        && r.ch == ch
                        && r.left > 0
                        && (ch == '*' || (r.left >= 2 && c_left >= 2))
                        // CommonMark's rule of three, so "*a**b*" reads as it should.
                        && !(ch == '*'
                            && (r.can_close || c_open)
                            && (r.len + c_len) % 3 == 0
                            && !(r.len % 3 == 0 && c_len % 3 == 0))
                }
                _ => false,
            });
            let Some(o) = opener else {
                if let Token::Run(c) = &mut tokens[closer] {
                    if !c.can_open {
                        c.active = false;
                    }
                }
                break;
            };
            let used = match &tokens[o] {
                Token::Run(r) if r.left >= 2 && c_left >= 2 => 2,
                _ => 1,
            };
            let style = match (ch, used) {
                ('_', _) => Style {
                    underline: true,
                    ..Style::default()
                },
                (_, 2) => Style {
                    bold: true,
                    ..Style::default()
                },
                _ => Style {
                    italic: true,
                    ..Style::default()
                },
            };
            if let Token::Run(r) = &mut tokens[o] {
                r.left -= used;
                r.opens.push(style);
                if r.left == 0 {
                    r.active = false;
                }
            }
            for t in &mut tokens[o + 1..closer] {
                if let Token::Run(r) = t {
                    r.active = false;
                }
            }
            if let Token::Run(c) = &mut tokens[closer] {
                c.left -= used;
                c.closes.push(style);
            }
        }
    }
}

/// Walks the tokens with a count of open styles and emits styled spans.
fn spans(tokens: Vec<Token>) -> Vec<Piece> {
    let mut out = Inline::default();
    let (mut bold, mut italic, mut underline) = (0usize, 0usize, 0usize);
    let style = |b: usize, i: usize, u: usize| Style {
        bold: b > 0,
        italic: i > 0,
        underline: u > 0,
    };
    let count = |s: Style, delta: isize, b: &mut usize, i: &mut usize, u: &mut usize| {
        let add = |n: &mut usize| *n = n.saturating_add_signed(delta);
        if s.bold {
            add(b);
        }
        if s.italic {
            add(i);
        }
        if s.underline {
            add(u);
        }
    };
    for t in tokens {
        match t {
            Token::Text(text) => out.push(&text, style(bold, italic, underline)),
            Token::Note(pieces) => out.0.push(Piece::Note(pieces)),
            Token::Run(r) => {
                for s in &r.closes {
                    count(*s, -1, &mut bold, &mut italic, &mut underline);
                }
                let literal: String = std::iter::repeat_n(r.ch, r.left).collect();
                out.push(&literal, style(bold, italic, underline));
                for s in r.opens.iter().rev() {
                    count(*s, 1, &mut bold, &mut italic, &mut underline);
                }
            }
        }
    }
    out.0
}

#[cfg(test)]
mod tests {
    use super::*;

    const B: Style = Style {
        bold: true,
        italic: false,
        underline: false,
    };
    const I: Style = Style {
        bold: false,
        italic: true,
        underline: false,
    };
    const U: Style = Style {
        bold: false,
        italic: false,
        underline: true,
    };
    const R: Style = Style {
        bold: false,
        italic: false,
        underline: false,
    };

    fn spans(s: &str) -> Vec<(String, Style)> {
        Inline::parse(s)
            .unwrap()
            .0
            .into_iter()
            .map(|p| match p {
                Piece::Text { text, style } => (text, style),
                Piece::Note(inner) => (format!("[{}]", Inline(inner).plain()), R),
            })
            .collect()
    }

    fn t(s: &str, style: Style) -> (String, Style) {
        (s.to_string(), style)
    }

    #[test]
    fn bold_italic_underline_and_their_combinations() {
        assert_eq!(
            spans("**1.1. Về chính trị, tư tưởng:** Đảng ủy chỉ đạo"),
            [
                t("1.1. Về chính trị, tư tưởng:", B),
                t(" Đảng ủy chỉ đạo", R)
            ]
        );
        assert_eq!(spans("a *b* c"), [t("a ", R), t("b", I), t(" c", R)]);
        assert_eq!(spans("__gạch__"), [t("gạch", U)]);
        assert_eq!(spans("***đậm nghiêng***"), [t("đậm nghiêng", B.with(I))]);
        assert_eq!(
            spans("**Về *văn hóa*:** x"),
            [t("Về ", B), t("văn hóa", B.with(I)), t(":", B), t(" x", R)]
        );
        assert_eq!(spans("__**cả hai**__"), [t("cả hai", B.with(U))]);
    }

    #[test]
    fn markers_without_a_partner_print_as_typed() {
        for s in [
            "5 * 3 = 15",
            "a* b",
            "**chưa đóng",
            "Ghi chú (*) và (**)",
            "(*) số liệu ước (*)",
            "bao_cao_quy_I.docx",
            "x^2 và [1]",
            "C:\\Văn bản\\a.docx",
            "* * *",
        ] {
            assert_eq!(Inline::parse(s).unwrap().plain(), s, "{s}");
            assert!(
                Inline::parse(s)
                    .unwrap()
                    .0
                    .iter()
                    .all(|p| matches!(p, Piece::Text { style, .. } if *style == R)),
                "{s}"
            );
        }
    }

    #[test]
    fn a_backslash_makes_a_marker_literal() {
        assert_eq!(spans("\\*không nghiêng\\*"), [t("*không nghiêng*", R)]);
        assert_eq!(spans("2 \\** 3"), [t("2 ** 3", R)]);
        assert_eq!(spans("\\^[không chú thích]"), [t("^[không chú thích]", R)]);
        assert_eq!(spans("\\\\"), [t("\\", R)]);
        assert_eq!(spans("\\__a__"), [t("__a__", R)]);
    }

    #[test]
    fn footnotes_are_glued_and_may_hold_emphasis_and_brackets() {
        let p = Inline::parse("chi bộ^[Gồm 12 chi bộ **nông thôn** [số liệu 2025].] và").unwrap();
        assert_eq!(p.plain(), "chi bộ và");
        assert_eq!(p.notes(), ["Gồm 12 chi bộ nông thôn [số liệu 2025]."]);
        let Piece::Note(inner) = &p.0[1] else {
            panic!()
        };
        assert!(inner.contains(&Piece::Text {
            text: "nông thôn".into(),
            style: B
        }));
        assert_eq!(
            Inline::parse("a^[b").unwrap_err(),
            NotationError::UnclosedNote { at: 2 }
        );
        assert_eq!(
            Inline::parse("a^[b^[c]]").unwrap_err(),
            NotationError::NestedNote { at: 5 }
        );
        assert_eq!(
            Inline::parse("a^[ ]").unwrap_err(),
            NotationError::EmptyNote { at: 2 }
        );
    }

    #[test]
    fn the_final_mark_goes_after_styles_and_footnotes() {
        let mark = |s: &str, m: &str| {
            let i = Inline::parse(s).unwrap().with_final_mark(m);
            (i.plain(), i.0.last().cloned())
        };
        assert_eq!(mark("Hết", ".").0, "Hết.");
        assert_eq!(mark("Hết./.", ".").0, "Hết./.");
        assert_eq!(mark("**Hết:**", "./.").0, "Hết./.");
        assert_eq!(
            mark("**Hết:**", "./.").1,
            Some(Piece::Text {
                text: "./.".into(),
                style: R
            })
        );
        let i = Inline::parse("thực hiện,^[x] ")
            .unwrap()
            .with_final_mark(".");
        assert_eq!(i.plain(), "thực hiện.");
        assert!(matches!(i.0[1], Piece::Note(_)));
        assert_eq!(mark("hoàn thành.^[x]", "./.").0, "hoàn thành.");
    }
}
