use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The template set compiled into the binary, so vanban runs from any directory.
const EMBEDDED: &[(&str, &str)] = &[
    ("the-thuc.typ", include_str!("../../templates/the-thuc.typ")),
    ("bang.typ", include_str!("../../templates/bang.typ")),
    (
        "bang-chi-tieu.typ",
        include_str!("../../templates/bang-chi-tieu.typ"),
    ),
    (
        "kinds/bang.typ",
        include_str!("../../templates/kinds/bang.typ"),
    ),
    (
        "kinds/phu-luc.typ",
        include_str!("../../templates/kinds/phu-luc.typ"),
    ),
    (
        "kinds/van-ban.typ",
        include_str!("../../templates/kinds/van-ban.typ"),
    ),
    (
        "profiles/dang-hd05-chua-xac-minh.toml",
        include_str!("../../templates/profiles/dang-hd05-chua-xac-minh.toml"),
    ),
    (
        "profiles/dang-hd36.toml",
        include_str!("../../templates/profiles/dang-hd36.toml"),
    ),
    (
        "profiles/nha-nuoc-nd30.toml",
        include_str!("../../templates/profiles/nha-nuoc-nd30.toml"),
    ),
];

/// Where templates and profiles come from: the embedded set, overlaid by a
/// user's directory (`--templates DIR`) file by file.
#[derive(Debug, Clone)]
pub struct TemplateSource {
    overlay: Option<PathBuf>,
    embedded: Arc<BTreeMap<&'static str, &'static str>>,
}

impl TemplateSource {
    pub fn embedded() -> Self {
        TemplateSource {
            overlay: None,
            embedded: Arc::new(EMBEDDED.iter().copied().collect()),
        }
    }

    pub fn with_overlay(dir: &Path) -> Self {
        TemplateSource {
            overlay: Some(dir.to_path_buf()),
            ..Self::embedded()
        }
    }

    /// The text of template `name` (a relative path such as `kinds/van-ban.typ`).
    pub fn get(&self, name: &str) -> Option<String> {
        if name.split('/').any(|part| part == ".." || part.is_empty()) {
            return None;
        }
        if let Some(dir) = &self.overlay {
            if let Ok(text) = std::fs::read_to_string(dir.join(name)) {
                return Some(text);
            }
        }
        self.embedded.get(name).map(|s| s.to_string())
    }

    pub fn profile_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .embedded
            .keys()
            .filter_map(|k| k.strip_prefix("profiles/")?.strip_suffix(".toml"))
            .map(str::to_string)
            .collect();
        if let Some(dir) = &self.overlay {
            if let Ok(entries) = std::fs::read_dir(dir.join("profiles")) {
                for e in entries.flatten() {
                    let name = e.file_name().to_string_lossy().to_string();
                    if let Some(stem) = name.strip_suffix(".toml") {
                        if !names.iter().any(|n| n == stem) {
                            names.push(stem.to_string());
                        }
                    }
                }
            }
        }
        names.sort();
        names
    }
}
