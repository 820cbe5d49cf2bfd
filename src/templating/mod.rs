//! The minijinja environment that turns a document's context into Typst
//! source. Structure is minijinja's job (which layout function gets which text);
//! every value is escaped on its way out, so user text is never Typst code.

mod escape;
pub mod fragments;
mod rich;
mod source;

pub use escape::{escape_markup, typst_string_literal};
pub use rich::{write_markup, Rich};
pub use source::TemplateSource;

use minijinja::{AutoEscape, Environment, Output, State, Value};

use crate::error::Error;

/// The layout libraries every generated document starts with, inlined in order.
pub const LAYOUT_LIBRARIES: [&str; 3] = ["the-thuc.typ", "bang.typ", "bang-chi-tieu.typ"];

/// minijinja's name for our auto-escape mode.
const TYPST: &str = "typst";

fn typst_formatter(
    out: &mut Output,
    state: &mut State,
    value: &Value,
) -> Result<(), minijinja::Error> {
    match state.auto_escape() {
        AutoEscape::Custom(name) if name == TYPST => {
            if value.is_safe() {
                return out
                    .write_str(value.as_str().unwrap_or_default())
                    .map_err(minijinja::Error::from);
            }
            if value.is_none() || value.is_undefined() {
                return Ok(());
            }
            let mut buf = String::new();
            match value.as_str() {
                Some(s) => escape_markup(s, &mut buf),
                None => escape_markup(&value.to_string(), &mut buf),
            }
            out.write_str(&buf).map_err(minijinja::Error::from)
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

/// Builds the environment over a template set: `.typ` templates auto-escape for
/// Typst markup; `|str` writes a value as a Typst string literal for code positions.
pub fn environment(templates: &TemplateSource) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".typ") {
            AutoEscape::Custom(TYPST.into())
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(typst_formatter);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.add_filter("str", |v: &str| {
        Value::from_safe_string(typst_string_literal(v))
    });
    // The Vietnamese formatting filters of fragments serve document templates too.
    fragments::add_filters(&mut env);
    let source = templates.clone();
    env.set_loader(move |name| Ok(source.get(name).map(|text| with_line_marks(name, &text))));
    env
}

/// Puts `// @kinds/van-ban.typ:12` before every template line that starts a
/// Typst call (`#…` at the start of a line), so an error in the generated
/// source can be traced to the template line that produced it. Comments
/// between top-level calls change nothing in the document.
fn with_line_marks(name: &str, text: &str) -> String {
    if !name.ends_with(".typ") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() * 2);
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') {
            out.push_str(&format!("// @{name}:{}\n", i + 1));
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Renders template `name` with `ctx`, mapping errors to the template's name and line.
pub fn render(
    env: &Environment<'static>,
    name: &str,
    ctx: &impl serde::Serialize,
) -> Result<String, Error> {
    let to_error = |e: minijinja::Error| {
        let mut message = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(inner) = source {
            message.push_str(&format!(": {inner}"));
            source = inner.source();
        }
        Error::Template {
            name: e.name().unwrap_or(name).to_string(),
            line: e.line().unwrap_or(0),
            problem: crate::problems::TemplateProblem::Engine { detail: message },
        }
    };
    let template = env.get_template(name).map_err(to_error)?;
    template
        .render(minijinja::value::Serde(ctx))
        .map_err(to_error)
}
