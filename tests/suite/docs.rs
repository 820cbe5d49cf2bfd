//! The documentation says what the program does: the README stays short and
//! its links and pictures exist, the example a clerk copies from the guide
//! renders to what the guide says it prints, and the error messages the guide
//! quotes are the ones vanban prints.

use std::path::Path;

use crate::common::*;

fn read(name: &str) -> String {
    std::fs::read_to_string(root().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Pages the parallel work of issues 12, 13, 14 and 10a adds; linked ahead.
const PAGES_WRITTEN_ELSEWHERE: [&str; 5] = [
    "docs/loai-van-ban.md",
    "docs/dau-va-ban-sao.md",
    "docs/docx.md",
    "docs/serve.md",
    "docs/errors.md",
];

/// The relative link targets of a Markdown page: `](target)` and `src="target"`.
fn links(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (open, close) in [("](", ')'), ("src=\"", '"')] {
        let mut rest = text;
        while let Some(i) = rest.find(open) {
            rest = &rest[i + open.len()..];
            let end = rest.find(close).unwrap_or(rest.len());
            let target = rest[..end].split('#').next().unwrap_or("");
            if !target.is_empty() && !target.contains("://") {
                out.push(target.to_string());
            }
        }
    }
    out
}

#[test]
fn the_readme_is_short_and_every_link_and_picture_exists() {
    let readme = read("README.md");
    let lines = readme.lines().count();
    assert!(
        lines <= 200,
        "README.md has {lines} lines; the reference belongs in docs/"
    );
    assert!(
        readme.contains("```sh\nscripts/test\n```"),
        "the test command"
    );
    assert!(
        readme.contains("docs/huong-dan-su-dung.md"),
        "the Vietnamese guide is linked"
    );
    let mut pages = vec![(String::from("README.md"), readme)];
    for entry in std::fs::read_dir(root().join("docs")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            let name = format!("docs/{}", path.file_name().unwrap().to_string_lossy());
            pages.push((name.clone(), read(&name)));
        }
    }
    let mut pictures = 0;
    for (page, text) in &pages {
        let dir = Path::new(page).parent().unwrap();
        for target in links(text) {
            let path = dir.join(&target);
            let norm = path.to_string_lossy().replace("docs/../", "");
            if PAGES_WRITTEN_ELSEWHERE.contains(&norm.as_str()) {
                continue;
            }
            assert!(
                root().join(&path).exists(),
                "{page} links to {target}, which is missing"
            );
            if target.ends_with(".png") {
                pictures += 1;
            }
        }
    }
    assert!(pictures >= 3, "the tour shows rendered pages");
}

#[test]
fn the_guide_example_renders_as_the_guide_says() {
    let guide = read("docs/huong-dan-su-dung.md");
    let section = guide.find("## 12. Ví dụ hoàn chỉnh").expect("section 12");
    let start = section + guide[section..].find("```toml\n").unwrap() + 8;
    let end = start + guide[start..].find("```").unwrap();
    let pdf =
        render_toml(&guide[start..end]).unwrap_or_else(|e| panic!("the guide's example: {e}"));
    let text = squash(&pdftotext(&pdf));
    for printed in [
        "Số 03-TB/ĐU",
        "Vũ Quang, ngày 05 tháng 02 năm 2026",
        "THÔNG BÁO",
        "I. THỜI GIAN, ĐỊA ĐIỂM",
        "II. THÀNH PHẦN",
        "T/M BAN THƯỜNG VỤ",
        "- Lưu Văn phòng Đảng ủy.",
        "Nhà văn hóa trung tâm xã",
    ] {
        assert!(
            text.contains(printed),
            "the guide says it prints {printed:?}:\n{text}"
        );
    }
    // Bold lead-ins, not asterisks.
    assert!(!text.contains("**"), "{text}");
}

/// The message of the first error vanban printed, without the file and
/// place in front (they differ between the guide and this test).
fn message(stderr: &str) -> String {
    let line = stderr
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with('×'))
        .unwrap_or_else(|| panic!("no error in {stderr}"));
    match line.find("trường `") {
        Some(i) => line[i..].to_string(),
        None => line[line.find(": ").expect("a located message") + 2..].to_string(),
    }
}

#[test]
fn the_errors_the_guide_quotes_are_the_ones_vanban_prints() {
    let guide = read("docs/huong-dan-su-dung.md");
    let seed = std::fs::read_to_string(seed_example()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        seed.replacen("\ntrich_yeu", "\ntrich_yue", 1),
        format!("{seed}\nket_luan = [\"Thêm\"]\n"),
        seed.replace(
            "ngay_ban_hanh = \"2025-12-30\"",
            "ngay_ban_hanh = \"31/02/2025\"",
        ),
        seed.replace("ma_co_quan = \"ĐU\"\n", ""),
        seed.replace("dia_danh = \"Vũ Quang\"", "dia_danh = \"Vò Quang §¶ng ñy\""),
        seed.replace("dia_danh = \"Vũ Quang\"", "dia_danh = \"Vũ Quang ☃\""),
    ];
    for (i, text) in cases.iter().enumerate() {
        assert_ne!(text, &seed, "case {i} changed nothing");
        let file = dir.path().join(format!("loi-{i}.toml"));
        std::fs::write(&file, text).unwrap();
        let (code, err) = run_vanban(&["check", file.to_str().unwrap()], dir.path());
        assert_eq!(code, Some(1), "{err}");
        let m = message(&err);
        assert!(
            guide.contains(&m),
            "docs/huong-dan-su-dung.md §10 no longer quotes what vanban prints:\n{m}"
        );
    }
    // A figures file: an ambiguous number, and a CSV without its period.
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let examples = root().join("examples");
    std::fs::copy(
        examples.join("data/vu-quang/chi-tieu-2026.toml"),
        data.join("chi-tieu-2026.toml"),
    )
    .unwrap();
    std::fs::write(
        data.join("sai.csv"),
        "ma,thuc_hien\ngia_tri_san_pham,19.655\n",
    )
    .unwrap();
    std::fs::write(
        data.join("dung.csv"),
        "ma,thuc_hien\ngia_tri_san_pham,19655\n",
    )
    .unwrap();
    let report = |figures: &str, period: &str| {
        format!(
            "the_thuc = \"dang\"\nloai = \"bao-cao\"\nco_quan_ban_hanh = \"Đảng ủy xã Vũ Quang\"\nma_co_quan = \"ĐU\"\ndia_danh = \"Vũ Quang\"\nngay_ban_hanh = \"2026-03-18\"\ntrich_yeu = \"về quý I\"\n[so_lieu]\nchi_tieu = \"data/chi-tieu-2026.toml\"\nthuc_hien = \"{figures}\"\n{period}\n[ky]\nchuc_vu = \"Bí thư\"\nho_ten = \"A\"\n[noi_nhan]\nluu = \"Văn phòng Đảng ủy\"\n"
        )
    };
    for (figures, period, quoted) in [
        ("data/sai.csv", "ky = \"quy-1\"", "`19.655` không rõ nghĩa"),
        (
            "data/dung.csv",
            "",
            "không ghi kỳ báo cáo: hãy thêm `ky = \"quy-1\"`",
        ),
    ] {
        let file = dir.path().join("bao-cao.toml");
        std::fs::write(&file, report(figures, period)).unwrap();
        let (code, err) = run_vanban(&["check", "bao-cao.toml"], dir.path());
        assert_eq!(code, Some(1), "{err}");
        let m = message(&err);
        assert!(m.contains(quoted), "{m}");
        // The part after the file name, which the guide shows with the sample's path.
        let tail = &m[m.find(quoted).unwrap()..];
        assert!(
            guide.contains(tail),
            "docs/huong-dan-su-dung.md §10 no longer quotes what vanban prints:\n{tail}"
        );
    }
}
