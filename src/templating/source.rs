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
    (
        "moi/bao-cao-6-thang.dang.toml",
        include_str!("../../templates/moi/bao-cao-6-thang.dang.toml"),
    ),
    (
        "moi/bao-cao-6-thang.nha-nuoc.toml",
        include_str!("../../templates/moi/bao-cao-6-thang.nha-nuoc.toml"),
    ),
    (
        "moi/bao-cao-nam.dang.toml",
        include_str!("../../templates/moi/bao-cao-nam.dang.toml"),
    ),
    (
        "moi/bao-cao-nam.nha-nuoc.toml",
        include_str!("../../templates/moi/bao-cao-nam.nha-nuoc.toml"),
    ),
    (
        "moi/bao-cao-quy.dang.toml",
        include_str!("../../templates/moi/bao-cao-quy.dang.toml"),
    ),
    (
        "moi/bao-cao-quy.nha-nuoc.toml",
        include_str!("../../templates/moi/bao-cao-quy.nha-nuoc.toml"),
    ),
    (
        "moi/bien-ban.dang.toml",
        include_str!("../../templates/moi/bien-ban.dang.toml"),
    ),
    (
        "moi/bien-ban.nha-nuoc.toml",
        include_str!("../../templates/moi/bien-ban.nha-nuoc.toml"),
    ),
    (
        "moi/chuong-trinh.dang.toml",
        include_str!("../../templates/moi/chuong-trinh.dang.toml"),
    ),
    (
        "moi/chuong-trinh.nha-nuoc.toml",
        include_str!("../../templates/moi/chuong-trinh.nha-nuoc.toml"),
    ),
    (
        "moi/cong-van.dang.toml",
        include_str!("../../templates/moi/cong-van.dang.toml"),
    ),
    (
        "moi/cong-van.nha-nuoc.toml",
        include_str!("../../templates/moi/cong-van.nha-nuoc.toml"),
    ),
    (
        "moi/de-an.dang.toml",
        include_str!("../../templates/moi/de-an.dang.toml"),
    ),
    (
        "moi/de-an.nha-nuoc.toml",
        include_str!("../../templates/moi/de-an.nha-nuoc.toml"),
    ),
    (
        "moi/du-an.dang.toml",
        include_str!("../../templates/moi/du-an.dang.toml"),
    ),
    (
        "moi/du-an.nha-nuoc.toml",
        include_str!("../../templates/moi/du-an.nha-nuoc.toml"),
    ),
    (
        "moi/giay-gioi-thieu.dang.toml",
        include_str!("../../templates/moi/giay-gioi-thieu.dang.toml"),
    ),
    (
        "moi/giay-gioi-thieu.nha-nuoc.toml",
        include_str!("../../templates/moi/giay-gioi-thieu.nha-nuoc.toml"),
    ),
    (
        "moi/giay-moi.dang.toml",
        include_str!("../../templates/moi/giay-moi.dang.toml"),
    ),
    (
        "moi/giay-moi.nha-nuoc.toml",
        include_str!("../../templates/moi/giay-moi.nha-nuoc.toml"),
    ),
    (
        "moi/huong-dan.dang.toml",
        include_str!("../../templates/moi/huong-dan.dang.toml"),
    ),
    (
        "moi/huong-dan.nha-nuoc.toml",
        include_str!("../../templates/moi/huong-dan.nha-nuoc.toml"),
    ),
    (
        "moi/ke-hoach.dang.toml",
        include_str!("../../templates/moi/ke-hoach.dang.toml"),
    ),
    (
        "moi/ke-hoach.nha-nuoc.toml",
        include_str!("../../templates/moi/ke-hoach.nha-nuoc.toml"),
    ),
    (
        "moi/ket-luan.dang.toml",
        include_str!("../../templates/moi/ket-luan.dang.toml"),
    ),
    (
        "moi/nghi-quyet.dang.toml",
        include_str!("../../templates/moi/nghi-quyet.dang.toml"),
    ),
    (
        "moi/phuong-an.dang.toml",
        include_str!("../../templates/moi/phuong-an.dang.toml"),
    ),
    (
        "moi/phuong-an.nha-nuoc.toml",
        include_str!("../../templates/moi/phuong-an.nha-nuoc.toml"),
    ),
    (
        "moi/quy-che.dang.toml",
        include_str!("../../templates/moi/quy-che.dang.toml"),
    ),
    (
        "moi/quy-che.nha-nuoc.toml",
        include_str!("../../templates/moi/quy-che.nha-nuoc.toml"),
    ),
    (
        "moi/quy-dinh.dang.toml",
        include_str!("../../templates/moi/quy-dinh.dang.toml"),
    ),
    (
        "moi/quy-dinh.nha-nuoc.toml",
        include_str!("../../templates/moi/quy-dinh.nha-nuoc.toml"),
    ),
    (
        "moi/quy-hoach.dang.toml",
        include_str!("../../templates/moi/quy-hoach.dang.toml"),
    ),
    (
        "moi/quyet-dinh.dang.toml",
        include_str!("../../templates/moi/quyet-dinh.dang.toml"),
    ),
    (
        "moi/quyet-dinh.nha-nuoc.toml",
        include_str!("../../templates/moi/quyet-dinh.nha-nuoc.toml"),
    ),
    (
        "moi/thong-bao.dang.toml",
        include_str!("../../templates/moi/thong-bao.dang.toml"),
    ),
    (
        "moi/thong-bao.nha-nuoc.toml",
        include_str!("../../templates/moi/thong-bao.nha-nuoc.toml"),
    ),
    (
        "moi/thu-cong.dang.toml",
        include_str!("../../templates/moi/thu-cong.dang.toml"),
    ),
    (
        "moi/to-trinh.dang.toml",
        include_str!("../../templates/moi/to-trinh.dang.toml"),
    ),
    (
        "moi/to-trinh.nha-nuoc.toml",
        include_str!("../../templates/moi/to-trinh.nha-nuoc.toml"),
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

    /// The kinds a template set adds to profile `profile`: the files
    /// `loai/<profile>/<key>.toml` of the overlay directory, as (key, path).
    pub fn kind_files(&self, profile: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let Some(dir) = &self.overlay else {
            return out;
        };
        if profile.contains(['/', '\\']) || profile.starts_with('.') {
            return out;
        }
        if let Ok(entries) = std::fs::read_dir(dir.join("loai").join(profile)) {
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().to_string();
                if let Some(key) = name.strip_suffix(".toml") {
                    out.push((key.to_string(), format!("loai/{profile}/{name}")));
                }
            }
        }
        // Directory order differs between systems; the kinds must not.
        out.sort();
        out
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
