//! Dấu chỉ dẫn: độ mật, độ khẩn, circulation notes and the draft marker,
//! read back from the PDF where the-thuc.md puts them (§3.2 rows 10–12,
//! §4.8): under the number, under the date, in the top margin; framed,
//! red, bold or italic as the profile says.

use crate::common::*;

/// The committee's tờ trình, without a number.
fn state() -> Doc {
    Doc::state_submission()
}

/// The Party committee's báo cáo under its superior body, without a number.
fn party() -> Doc {
    Doc::party_report().set("co_quan_cap_tren", "Đảng bộ tỉnh Hà Tĩnh")
}

fn render(doc: Doc, marks: &str) -> Page {
    let pdf = render_toml(&doc.with(marks).toml()).unwrap_or_else(|e| panic!("{e}"));
    probe(&pdf).pages.into_iter().next().unwrap()
}

fn word<'a>(page: &'a Page, text: &str) -> &'a Word {
    page.words
        .iter()
        .find(|w| w.text == text)
        .unwrap_or_else(|| panic!("no word {text:?} on page 1"))
}

/// The frame around `w`.
fn frame_of<'a>(page: &'a Page, w: &Word) -> &'a Frame {
    page.boxes
        .iter()
        .find(|b| b.x0 <= w.x0 && w.x1 <= b.x1 && b.top <= w.top && w.bottom <= b.bottom)
        .unwrap_or_else(|| panic!("no frame around {:?}: {:?}", w.text, page.boxes))
}

fn centre(x0: f64, x1: f64) -> f64 {
    (x0 + x1) / 2.0
}

#[test]
fn state_marks_sit_where_nd30_puts_them() {
    let plain = render(state(), "");
    let page = render(
        state(),
        "do_mat = \"mat\"\ndo_khan = \"hoa-toc\"\ndu_thao = 2\nluu_hanh = [\"xem-xong-tra-lai\"]",
    );
    // nha-nuoc-nd30: 30 mm left margin, 62 mm left column, 15 mm right margin.
    let left_centre = (30.0 + 62.0 / 2.0) * MM;
    let right_edge = page.width - 15.0 * MM;
    let number = word(&page, "Số:");
    let date = word(&page, "ngày");

    // Secrecy (ô 10a), then urgency (ô 10b) under the number, centred in the
    // left column, bold 13 pt in red frames 20×8 and 30×8 mm (§4.8).
    let secret = word(&page, "MẬT");
    let urgent = word(&page, "HỎA");
    for (w, width) in [(secret, 20.0), (urgent, 30.0)] {
        assert!(w.bold() && (w.size - 13.0).abs() < 0.1, "{w:?}");
        assert_eq!(w.color, "#e00000", "{w:?}");
        assert!(w.top > number.bottom, "{w:?} is not under the number");
        let f = frame_of(&page, w);
        assert_eq!(f.color, "#e00000");
        assert!(((f.x1 - f.x0) - width * MM).abs() < 0.5, "{f:?}");
        assert!(((f.bottom - f.top) - 8.0 * MM).abs() < 0.5, "{f:?}");
        assert!((centre(f.x0, f.x1) - left_centre).abs() < 1.0, "{f:?}");
    }
    assert!(urgent.top > secret.bottom, "urgency goes under secrecy");

    // Circulation (ô 11): under the date in the right column, bold, framed in black.
    let back = word(&page, "XEM");
    assert!(back.bold() && back.top > date.bottom && back.x0 > left_centre + 30.0 * MM);
    assert_eq!(frame_of(&page, back).color, "#000000");
    assert!(
        page.words.iter().any(|w| w.text == "TRẢ") && page.words.iter().any(|w| w.text == "LẠI")
    );

    // The draft (ô 12): "DỰ THẢO LẦN 2" in the top margin, flush right, framed.
    let draft = word(&page, "DỰ");
    assert!(
        draft.bottom < 20.0 * MM,
        "{draft:?} is not in the top margin"
    );
    assert!(draft.bold());
    let f = frame_of(&page, draft);
    assert!((f.x1 - right_edge).abs() < 1.0, "{f:?}");
    let line = lines(&page)
        .into_iter()
        .find(|l| l.text().starts_with("DỰ THẢO"))
        .unwrap();
    assert_eq!(line.text(), "DỰ THẢO LẦN 2");

    // The header itself does not move; the type name moves down below the marks.
    let (a, b) = (word(&plain, "CỘNG"), word(&page, "CỘNG"));
    assert!((a.top - b.top).abs() < 0.1);
    assert!(word(&page, "TỜ").top > frame_of(&page, urgent).bottom);
    assert!(!plain
        .words
        .iter()
        .any(|w| w.text == "MẬT" || w.text == "DỰ"));
    assert!(plain.boxes.is_empty(), "{:?}", plain.boxes);
}

#[test]
fn party_marks_follow_hd36_rows_10_to_12() {
    let page = render(
        party(),
        "do_khan = \"khan\"\ndu_thao = 3\nluu_hanh = [\"tai-lieu-hoi-nghi\"]",
    );
    let number = word(&page, "Số");
    // Row 10: urgency under the number, upper case 14 bold.
    let urgent = word(&page, "KHẨN");
    assert!(
        urgent.bold() && (urgent.size - 14.0).abs() < 0.1,
        "{urgent:?}"
    );
    assert!(urgent.top > number.bottom);
    let left_centre = (30.0 + 75.0 / 2.0) * MM;
    assert!((centre(urgent.x0, urgent.x1) - left_centre).abs() < 1.0);
    // Row 11: circulation scope upper case 12 bold, under the date, no frame.
    let scope = word(&page, "TÀI");
    assert!(scope.bold() && (scope.size - 12.0).abs() < 0.1, "{scope:?}");
    assert!(scope.top > word(&page, "ngày").bottom);
    assert!(!page
        .boxes
        .iter()
        .any(|b| b.x0 <= scope.x0 && scope.x1 <= b.x1 && b.top <= scope.top));
    // Row 12: "Dự thảo lần 3", lower case 14 italic, in the top margin.
    let line = lines(&page)
        .into_iter()
        .find(|l| l.text().starts_with("Dự thảo"))
        .expect("a draft line");
    assert_eq!(line.text(), "Dự thảo lần 3");
    assert!(line.words.iter().all(|w| w.italic() && !w.bold()));
    assert!(line.words[0].bottom < 20.0 * MM);
}

#[test]
fn a_mistyped_mark_is_located_with_the_nearest_value() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "do_khan = \"hoa-tooc\"",
            "did you mean `hoa-toc`?",
            "do_khan",
        ),
        (
            "do_mat = \"tuyet mat\"",
            "did you mean `tuyet-mat`?",
            "do_mat",
        ),
        ("du_thao = 0", "not a draft round", "du_thao"),
        (
            "luu_hanh = [\"xem-xong-tra-lai\", \"xem-xong-tra-lai\"]",
            "listed twice",
            "luu_hanh[1]",
        ),
    ];
    for (marks, expected, field) in cases {
        let file = dir.path().join("d.toml");
        let text = state().with(marks).toml();
        std::fs::write(&file, &text).unwrap();
        let (code, err) = run_vanban(&["render", "d.toml", "--lang", "en"], dir.path());
        assert_eq!(code, Some(1), "{marks}: {err}");
        assert!(err.contains(expected), "{marks}: {err}");
        assert!(err.contains(&format!("`{field}`")), "{marks}: {err}");
        if field != "luu_hanh[1]" {
            let line = 1 + text
                .lines()
                .position(|l| l.starts_with(&format!("{field} =")))
                .unwrap();
            assert!(
                err.contains(&format!("d.toml:{line}:")),
                "{marks}: not located: {err}"
            );
        }
        assert!(!dir.path().join("d.pdf").exists());
        // The clerk's language by default.
        let (_, vi) = run_vanban(&["render", "d.toml"], dir.path());
        assert!(
            vi.contains("có phải là") || vi.contains("lần dự thảo") || vi.contains("hai lần"),
            "{marks}: {vi}"
        );
    }
}
