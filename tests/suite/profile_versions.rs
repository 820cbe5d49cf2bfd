//! Profile versioning: the reported Hướng dẫn 05-HD/VPTW (2026) is a profile
//! file chosen by name, not the default; its three reported differences
//! (";" between recipients, "Kính trình:" in a tờ trình, "." not "./.")
//! are profile settings, read back from the PDF.

use std::path::Path;

use crate::common::*;

const DOC: &str = r#"the_thuc = "dang"
PROFILE
loai = "KIND"
co_quan_cap_tren = "Đảng bộ tỉnh Hà Tĩnh"
co_quan_ban_hanh = "Đảng ủy xã Vũ Quang"
ma_co_quan = "ĐU"
so = 9
dia_danh = "Vũ Quang"
ngay_ban_hanh = "2026-06-10"
trich_yeu = ["về việc đề nghị phê duyệt kế hoạch"]
ADDRESSEES
mo_dau = ["Đảng ủy xã trình Ban Thường vụ Tỉnh ủy xem xét"]
[ky]
hinh_thuc = "thay-mat"
thay_mat = "Đảng ủy"
chuc_vu = "Bí thư"
ho_ten = "Nguyễn Văn A"
[noi_nhan]
danh_sach = ["Ban Thường vụ Tỉnh ủy", "Các ban của Tỉnh ủy"]
luu = "VPĐU"
"#;

const HD05: &str = "ho_so = \"dang-hd05-chua-xac-minh\"";
const TO: &str = "kinh_gui = [\"Ban Thường vụ Tỉnh ủy Hà Tĩnh\"]";

fn doc(profile: &str, kind: &str, addressees: &str) -> String {
    DOC.replace("PROFILE", profile)
        .replace("KIND", kind)
        .replace("ADDRESSEES", addressees)
}

fn text_lines(text: &str) -> Vec<String> {
    let pdf = render_toml(text).unwrap_or_else(|e| panic!("{e}"));
    lines(&probe(&pdf).pages[0])
        .iter()
        .map(|l| l.text())
        .collect()
}

#[test]
fn the_reported_hd05_profile_prints_its_three_differences() {
    let got = text_lines(&doc(HD05, "to-trinh", TO));
    assert!(
        got.contains(&"Kính trình: Ban Thường vụ Tỉnh ủy Hà Tĩnh".to_string()),
        "{got:#?}"
    );
    // ";" between recipients; "." after the last.
    for line in [
        "- Như trên;",
        "- Ban Thường vụ Tỉnh ủy;",
        "- Các ban của Tỉnh ủy;",
        "- Lưu VPĐU.",
    ] {
        assert!(
            got.iter().any(|l| l.starts_with(line)),
            "no {line:?} in {got:#?}"
        );
    }
    // "." at the end of the text, not "./.".
    assert!(
        got.iter().any(|l| l.ends_with("xem xét.")) && !got.iter().any(|l| l.contains("./.")),
        "{got:#?}"
    );
    // The label is the kind's: any other kind keeps "Kính gửi:".
    let report = text_lines(&doc(HD05, "bao-cao", TO));
    assert!(
        report.contains(&"Kính gửi: Ban Thường vụ Tỉnh ủy Hà Tĩnh".to_string()),
        "{report:#?}"
    );
}

#[test]
fn hd36_stays_the_default_with_commas_between_recipients() {
    let text = doc("", "to-trinh", "");
    let r = vanban::Renderer::new()
        .resolve(
            &vanban::model::parse(Path::new("d.toml"), &text, vanban::model::Format::Toml).unwrap(),
            Path::new("d.toml"),
        )
        .unwrap();
    assert_eq!(r.profile.ten, "dang-hd36");
    let got = text_lines(&text);
    for line in [
        "- Ban Thường vụ Tỉnh ủy,",
        "- Các ban của Tỉnh ủy,",
        "- Lưu VPĐU.",
    ] {
        assert!(
            got.iter().any(|l| l.starts_with(line)),
            "no {line:?} in {got:#?}"
        );
    }
}

#[test]
fn the_hd05_profile_is_a_file_that_says_it_is_unverified() {
    let text =
        std::fs::read_to_string(root().join("templates/profiles/dang-hd05-chua-xac-minh.toml"))
            .unwrap();
    assert!(text.contains("NOT VERIFIED") && text.contains("HD05? (1)"));
    assert!(text.contains("HD05? (2)") && text.contains("HD05? (3)"));
}
