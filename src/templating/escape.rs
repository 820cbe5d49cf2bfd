//! Escaping user text for Typst. In markup every ASCII punctuation character is
//! escaped with a backslash (each `\<punct>` is a valid Typst escape printing the
//! character itself), and every line break becomes `\ ` (a forced break that
//! cannot start a new markup line), so no text can become a heading, a list, a
//! comment, math, a label or code.

/// Untrusted text → literal text in Typst *markup* (inside `[...]`).
///
/// A document symbol ("02-QĐ/UBKTĐU", "30/2020/NĐ-CP") or a short date
/// ("05/7/2025") goes into an unbreakable `#box[…];`: Unicode line breaking
/// allows a break after "-" and "/", and offices never split these at a line
/// end. A box rather than U+2060 WORD JOINER, because the joiner is kept in the
/// PDF's text and would travel into every copy-paste. The `;` ends the embedded
/// expression, so what follows ("./.", "(", "[") can never continue it.
pub fn escape_markup(input: &str, out: &mut String) {
    let mut rest = input;
    while !rest.is_empty() {
        let token_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        if token_len == 0 {
            let ws = rest.chars().next().expect("not empty");
            let mut len = ws.len_utf8();
            match ws {
                '\r' => {
                    if rest[len..].starts_with('\n') {
                        len += 1;
                    }
                    out.push_str("\\ ");
                }
                '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                    out.push_str("\\ ")
                }
                '\t' => out.push(' '),
                c if c.is_control() => {}
                c => out.push(c),
            }
            rest = &rest[len..];
            continue;
        }
        let (token, tail) = rest.split_at(token_len);
        if keeps_together(token) {
            out.push_str("#box[");
            escape_token(token, out);
            out.push_str("];");
        } else {
            escape_token(token, out);
        }
        rest = tail;
    }
}

/// Escapes a run without whitespace: every ASCII punctuation character
/// becomes a Typst escape printing itself.
fn escape_token(token: &str, out: &mut String) {
    for c in token.chars() {
        match c {
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            // Other control characters have no visible form; Typst would reject some.
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// Longer runs (a web address, a path) may need to break to fit the line.
const MAX_UNBREAKABLE_CHARS: usize = 32;

/// A symbol or short date: a "-" or "/" inside a short run that holds a digit
/// or a capital letter ("07-NQ/ĐU", "V/v", "05/7/2025", "QĐ-UBND"); plain
/// hyphenated words ("kinh tế-xã hội" typed without spaces) keep their break.
fn keeps_together(token: &str) -> bool {
    let core = token.trim_matches(|c: char| !c.is_alphanumeric());
    let chars = core.chars().count();
    if chars < 3 || token.chars().count() > MAX_UNBREAKABLE_CHARS {
        return false;
    }
    let joined = core
        .match_indices(['-', '/'])
        .any(|(i, _)| i > 0 && i + 1 < core.len());
    joined && core.chars().any(|c| c.is_ascii_digit() || c.is_uppercase())
}

/// Untrusted text → a Typst string literal, for *code* positions
/// (`#set document(title: …)`).
pub fn typst_string_literal(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + 2);
    out.push('"');
    for c in input.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = std::fmt::Write::write_fmt(&mut out, format_args!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn esc(s: &str) -> String {
        let mut out = String::new();
        escape_markup(s, &mut out);
        out
    }

    #[test]
    fn punctuation_and_newlines_are_neutralised() {
        assert_eq!(
            esc("#read(\"/etc/passwd\")"),
            "\\#read\\(\\\"\\/etc\\/passwd\\\"\\)"
        );
        assert_eq!(esc("1. a\n- b"), "1\\. a\\ \\- b");
        assert_eq!(esc("Vũ Quang"), "Vũ Quang");
        assert_eq!(esc("a\r\nb\tc"), "a\\ b c");
    }

    #[test]
    fn symbols_and_short_dates_are_kept_on_one_line() {
        assert_eq!(esc("số 07-NQ/ĐU,"), "số #box[07\\-NQ\\/ĐU\\,];");
        assert_eq!(esc("ngày 05/7/2025."), "ngày #box[05\\/7\\/2025\\.];");
        assert_eq!(esc("(30/2020/NĐ-CP)"), "#box[\\(30\\/2020\\/NĐ\\-CP\\)];");
        assert_eq!(esc("V/v"), "#box[V\\/v];");
        // Not symbols: a lone dash, a lower-case compound, a long address.
        assert_eq!(esc("a - b"), "a \\- b");
        assert_eq!(esc("kinh-tế"), "kinh\\-tế");
        assert!(!esc("https://example.com/mot/duong/dan/rat/dai/123").contains("#box"));
    }

    #[test]
    fn string_literals_escape_quotes_and_backslashes() {
        assert_eq!(typst_string_literal("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
    }
}
