//! Escaping user text for Typst. In markup every ASCII punctuation character is
//! escaped with a backslash (each `\<punct>` is a valid Typst escape printing the
//! character itself), and every line break becomes `\ ` (a forced break that
//! cannot start a new markup line), so no text can become a heading, a list, a
//! comment, math, a label or code.

/// Untrusted text → literal text in Typst *markup* (inside `[...]`).
pub fn escape_markup(input: &str, out: &mut String) {
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\ ");
            }
            '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push_str("\\ "),
            '\t' => out.push(' '),
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
    }

    #[test]
    fn string_literals_escape_quotes_and_backslashes() {
        assert_eq!(typst_string_literal("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
    }
}
