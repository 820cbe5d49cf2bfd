//! The JSON Schema of the document file, derived from the model types
//! (schemars): editors complete and check keys with it, and a test keeps the
//! published copy (docs/schema/van-ban.schema.json) equal to what the types
//! say. Types with a hand-written `Deserialize` (a string or a table, say)
//! describe the same forms by hand beside it, with the helpers here.

use schemars::generate::SchemaSettings;
use schemars::{json_schema, Schema};

use super::Document;

/// Where the published schema lives in the repository.
pub const PUBLISHED: &str = "docs/schema/van-ban.schema.json";

/// The schema of a document file, as the published JSON text (ending in a
/// newline). Draft 7: the draft editors' TOML and YAML plugins (taplo, Even
/// Better TOML, yaml-language-server) all read.
pub fn document_schema() -> String {
    let mut schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<Document>();
    schema.insert("title".into(), "Văn bản (vanban document file)".into());
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// A plain string, described.
pub(crate) fn string(description: &str) -> Schema {
    json_schema!({ "type": "string", "description": description })
}

/// A value written in any of `forms` (a string, or a table of keys…).
pub(crate) fn any_of(description: &str, forms: Vec<Schema>) -> Schema {
    json_schema!({ "description": description, "anyOf": forms })
}
