//! Inline notation (bold, italic, underline, footnotes) written as Typst markup.
//! Every span's text goes through [`escape_markup`]; only the wrappers around
//! it are ours, so no notation can become Typst code either.

use serde::{Serialize, Serializer};

use super::escape::escape_markup;
use crate::model::{Inline, Piece, Style};

/// Text in inline notation, parsed, for a template context. It serialises to
/// Typst markup that the template prints as it is (a safe value).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rich(pub Inline);

impl Rich {
    /// Parses `text`; notation that does not parse prints literally (documents
    /// are checked before the context is built, so this is for other callers).
    pub fn parse(text: &str) -> Rich {
        Rich(Inline::parse(text).unwrap_or_else(|_| Inline::literal(text)))
    }

    pub fn literal(text: &str) -> Rich {
        Rich(Inline::literal(text))
    }

    pub fn markup(&self) -> String {
        let mut out = String::new();
        write_markup(&self.0 .0, &mut out);
        out
    }
}

impl Serialize for Rich {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        minijinja::Value::from_safe_string(self.markup()).serialize(s)
    }
}

/// Writes `pieces` as markup: `#text(weight: "bold")[…];` and the like, and
/// `#chu-thich[…];` for a footnote (the layout library sets its size). Explicit
/// weights rather than `strong`/`emph`, which toggle: "*x*" inside an italic
/// heading must stay italic, as the clerk typed it.
pub fn write_markup(pieces: &[Piece], out: &mut String) {
    for p in pieces {
        match p {
            Piece::Text { text, style } => write_span(text, *style, out),
            Piece::Note(inner) => {
                out.push_str("#chu-thich[");
                write_markup(inner, out);
                // The `;` ends the call, so the text after it cannot continue it.
                out.push_str("];");
            }
        }
    }
}

fn write_span(text: &str, style: Style, out: &mut String) {
    if style == Style::default() {
        escape_markup(text, out);
        return;
    }
    if style.underline {
        out.push_str("#underline[");
    }
    let mut args = Vec::new();
    if style.bold {
        args.push("weight: \"bold\"");
    }
    if style.italic {
        args.push("style: \"italic\"");
    }
    let styled = !args.is_empty();
    if styled {
        out.push_str("#text(");
        out.push_str(&args.join(", "));
        out.push_str(")[");
    }
    escape_markup(text, out);
    if styled {
        out.push(']');
    }
    if style.underline {
        out.push(']');
    }
    out.push(';');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markup(s: &str) -> String {
        Rich(Inline::parse(s).unwrap()).markup()
    }

    #[test]
    fn spans_are_escaped_inside_their_wrappers() {
        assert_eq!(
            markup("**1.1. Về #x:** theo số 07-NQ/ĐU"),
            "#text(weight: \"bold\")[1\\.1\\. Về \\#x\\:]; theo số #box[07\\-NQ\\/ĐU];"
        );
        assert_eq!(
            markup("__*a]*__"),
            "#underline[#text(style: \"italic\")[a\\]]];"
        );
        assert_eq!(
            markup("chi bộ^[Gồm *12*.]"),
            "chi bộ#chu-thich[Gồm #text(style: \"italic\")[12];\\.];"
        );
    }

    #[test]
    fn a_context_value_prints_unescaped_once() {
        #[derive(Serialize)]
        struct Block {
            text: Rich,
        }
        let mut env = minijinja::Environment::new();
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
        env.add_template("t", "{{ b.text }}").unwrap();
        let b = Block {
            text: Rich::parse("<*a*>"),
        };
        let ctx = minijinja::context! { b => minijinja::Value::from(minijinja::value::Serde(&b)) };
        let out = env.get_template("t").unwrap().render(ctx).unwrap();
        assert_eq!(out, b.text.markup());
    }
}
