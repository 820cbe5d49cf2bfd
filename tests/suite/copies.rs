//! Bản sao: a document printed as SAO Y / SAO LỤC / TRÍCH SAO keeps its own
//! content and gets the copy block after it, under a solid rule across the
//! text width: the copying body and the copy's number on the left, the form
//! and the date on the right, then Nơi nhận and the signature (NĐ 30 Điều
//! 25–27; Phụ lục III codes SY / SL / TrS; Party "BS", the-thuc.md §3.5).

use crate::common::*;

/// The committee's thông báo số 15 printed as a copy in `form`.
fn copy(form: &str) -> String {
    Doc::state_notice().copied_as(form).toml()
}

fn page(text: &str) -> Page {
    let pdf = render_toml(text).unwrap_or_else(|e| panic!("{e}"));
    let p = probe(&pdf);
    assert_eq!(
        p.pages.len(),
        1,
        "a short document and its copy block fit one page"
    );
    p.pages.into_iter().next().unwrap()
}

/// The printed line holding `start` (the two columns share lines).
fn line_with(page: &Page, start: &str) -> Line {
    lines(page)
        .into_iter()
        .find(|l| l.text().contains(start))
        .unwrap_or_else(|| panic!("no line with {start:?}"))
}

#[test]
fn sao_y_prints_the_original_then_the_copy_block_under_a_full_width_rule() {
    let page = page(&copy("sao-y"));
    let original_name = line_with(&page, "Nguyễn Văn A");
    // The original's content is all there, its own number first.
    assert!(line_with(&page, "Số: 15/TB-UBND").top() < original_name.top());
    // The rule: across the text width (30 mm to 195 mm), below the original's signature.
    let rule = full_width_rule_below(&page, original_name.top());
    // The form on the right, bold; the copying body on the left, bold.
    let form: Vec<&Word> = line_with(&page, "SAO Y")
        .words
        .iter()
        .filter(|w| w.x0 > (30.0 + 62.0) * MM)
        .map(|w| {
            page.words
                .iter()
                .find(|o| o.x0 == w.x0 && o.top == w.top)
                .unwrap()
        })
        .collect();
    assert_eq!(
        form.iter().map(|w| w.text.as_str()).collect::<Vec<_>>(),
        ["SAO", "Y"]
    );
    assert!(form.iter().all(|w| w.bold() && w.top > rule.top));
    let body = line_with(&page, "VĂN PHÒNG HĐND");
    assert!(body.top() > rule.top && body.x0() < (30.0 + 62.0) * MM);
    assert!(body.words.iter().all(|w| w.bold()));
    // The copy's own number (SY: Phụ lục III) level with its date.
    let number = line_with(&page, "Số: 03/SY-VP");
    let date = lines(&page)
        .into_iter()
        .find(|l| l.text().contains("ngày 02 tháng 7 năm 2026"))
        .expect("the copy's date");
    assert!((number.top() - date.top()).abs() < 1.0);
    assert!(date
        .words
        .iter()
        .filter(|w| w.x0 > (30.0 + 62.0) * MM)
        .all(|w| w.italic()));
    // Nơi nhận and the signature of the copy, below.
    let authority = line_with(&page, "TL. CHỦ TỊCH");
    assert!(authority.top() > number.top());
    let signer = line_with(&page, "Trần Thị Bình");
    assert!(signer.top() > authority.top());
    assert!(line_with(&page, "- Các thôn;").top() > number.top());
    // The original's file copy line and the copy's own.
    let kept: Vec<Line> = lines(&page)
        .into_iter()
        .filter(|l| l.text().contains("- Lưu: VT, VP."))
        .collect();
    assert_eq!(kept.len(), 2);
    assert!(kept[0].top() < rule.top && kept[1].top() > number.top());
}

#[test]
fn each_form_has_its_words_and_code() {
    for (form, words, code) in [
        ("sao-luc", "SAO LỤC", "Số: 03/SL-VP"),
        ("trich-sao", "TRÍCH SAO", "Số: 03/TrS-VP"),
    ] {
        let page = page(&copy(form));
        line_with(&page, words);
        line_with(&page, code);
    }
    // A Party copy is "BS" in the Party pattern.
    let party = Doc::state_notice()
        .set("the_thuc", "dang")
        .set("co_quan_ban_hanh", "Đảng ủy xã Vũ Quang")
        .set("ma_co_quan", "ĐU")
        .set("trich_yeu", vec!["về việc thành lập Tổ công tác"])
        .set("ky.thay_mat", "Đảng ủy")
        .copied_as("sao-y")
        .set("ban_sao.co_quan_ban_hanh", "Văn phòng Đảng ủy xã Vũ Quang")
        .toml();
    let page = page(&party);
    line_with(&page, "Số 03-BS/VP");
}

#[test]
fn a_mistyped_form_is_refused_with_the_nearest_one() {
    let err = render_toml(&copy("sao-yy")).unwrap_err().to_string();
    assert!(
        err.contains("ban_sao.hinh_thuc") && err.contains("did you mean `sao-y`?"),
        "{err}"
    );
}
