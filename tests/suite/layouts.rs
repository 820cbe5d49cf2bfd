//! The short forms and joint documents (issue 12), read back from the PDF:
//! the giấy mời and the giấy giới thiệu with their own lines in the models'
//! order under a centred bold type name, the biên bản's meeting lines in
//! the guide's order, and a văn bản liên tịch with both bodies in the header's
//! left column, a joint symbol and two signatures level with each other.

use crate::common::*;

fn index(ls: &[Line], start: &str) -> usize {
    ls.iter()
        .position(|l| l.text().starts_with(start))
        .unwrap_or_else(|| panic!("no line starting {start:?} in {:#?}", texts(ls)))
}

fn centre(l: &Line) -> f64 {
    (l.x0() + l.x1()) / 2.0
}

/// The centre of the text block between the margins.
fn body_centre(p: &Page, left_mm: f64, right_mm: f64) -> f64 {
    (left_mm * MM + (p.width - right_mm * MM)) / 2.0
}

/// The words of `l` whose text starts a label ("Thời gian:") are bold or not.
fn label_words<'a>(l: &'a Line, label: &str) -> Vec<&'a Word> {
    let n = label.split_whitespace().count();
    l.words.iter().take(n).collect()
}

/// The lines starting with each of `starts`, in this order, one after another
/// (a wrapped line may sit between them).
fn in_order(ls: &[Line], starts: &[&str]) {
    let mut at = 0;
    for s in starts {
        let i = ls[at..]
            .iter()
            .position(|l| l.text().starts_with(s))
            .unwrap_or_else(|| panic!("{s:?} not after line {at} in {:#?}", texts(ls)));
        at += i + 1;
    }
}

#[test]
fn giay_moi_prints_the_invitation_in_the_models_order_under_a_centred_bold_name() {
    let pdf = render_file(&example("giay-moi-2026-ubnd.toml"));
    let p = probe(&pdf);
    let page = &p.pages[0];
    let ls = lines(page);
    let name = find(&ls, "GIẤY MỜI");
    assert_eq!(name.text(), "GIẤY MỜI");
    assert!(name
        .words
        .iter()
        .all(|w| w.bold() && (w.size - 14.0).abs() < 0.3));
    assert!((centre(name) - body_centre(page, 30.0, 15.0)).abs() < 2.0);
    let number = find(&ls, "Số: 42/GM-UBND");
    assert!(number.top() < name.top());
    in_order(
        &ls,
        &[
            "GIẤY MỜI",
            "Dự Hội nghị sơ kết công tác quý I",
            "Ủy ban nhân dân xã Vũ Quang trân trọng kính mời:",
            "- Trưởng các ban, ngành, đoàn thể xã;",
            "- Bí thư Chi bộ, Trưởng thôn các thôn.",
            "Tới dự: Hội nghị sơ kết",
            "Thời gian: 08 giờ 00 phút, thứ Ba, ngày 07 tháng 4 năm 2026.",
            "Địa điểm: Hội trường Ủy ban nhân dân xã Vũ Quang.",
            "Nội dung:",
            "- Đánh giá kết quả",
            "- Triển khai nhiệm vụ trọng tâm quý II năm 2026.",
            "Đề nghị chuẩn bị: báo cáo",
            "Liên hệ: đồng chí Phan Thị Mai",
            "Nơi nhận:",
        ],
    );
    // NĐ 30's model: the labels upright and regular, like the values.
    let time = find(&ls, "Thời gian:");
    assert!(time.words.iter().all(|w| !w.bold() && !w.italic()));
    // The invitees are addressees: Nơi nhận opens with "- Như trên;".
    let text = pdftotext(&pdf);
    assert!(text.contains("- Như trên;"), "{text}");
    assert!(squash(&text).contains("0239 3 123 456./."), "{text}");
    assert!(text.contains("TM. ỦY BAN NHÂN DÂN"), "{text}");
}

const GIOI_THIEU: &str = r#"
loai = "giay-gioi-thieu"
dia_danh = "Vũ Quang"
so = 7
ngay_ban_hanh = "2026-04-06"
trich_yeu = []

[giay_gioi_thieu]
ho_ten = "Trần Văn Bình"
chuc_vu = "Công chức Địa chính - Xây dựng"
duoc_cu_den = "Sở Nông nghiệp và Môi trường tỉnh Hà Tĩnh"
ve_viec = "liên hệ công tác về hồ sơ đất đai"
co_gia_tri_den = "30/04/2026"

[noi_nhan]
danh_sach = ["Như trên"]
"#;

fn gioi_thieu(the_thuc: &str) -> String {
    let (head, sig, luu) = match the_thuc {
        "dang" => (
            "the_thuc = \"dang\"\nco_quan_ban_hanh = \"Đảng ủy xã Vũ Quang\"\nma_co_quan = \"ĐU\"\n",
            "[ky]\nhinh_thuc = \"thay-mat\"\nthay_mat = \"Ban Thường vụ\"\nchuc_vu = \"Bí thư\"\nho_ten = \"Nguyễn Văn A\"\n",
            "Văn phòng Đảng ủy",
        ),
        _ => (
            "the_thuc = \"nha-nuoc\"\nco_quan_ban_hanh = \"Ủy ban nhân dân xã Vũ Quang\"\nma_co_quan = \"UBND\"\n",
            "[ky]\nhinh_thuc = \"thay-mat\"\nthay_mat = \"Ủy ban nhân dân\"\nchuc_vu = \"Chủ tịch\"\nho_ten = \"Lê Văn Thành\"\n",
            "VP",
        ),
    };
    format!("{head}{GIOI_THIEU}luu = \"{luu}\"\n{sig}")
}

#[test]
fn giay_gioi_thieu_introduces_the_person_and_ends_with_its_validity() {
    // State (NĐ 30 model): "Ông (bà):", the request to "Quý cơ quan".
    let pdf = render_toml(&gioi_thieu("nha-nuoc")).unwrap();
    let p = probe(&pdf);
    let page = &p.pages[0];
    let ls = lines(page);
    let name = find(&ls, "GIẤY GIỚI THIỆU");
    assert!(name.words.iter().all(|w| w.bold()));
    assert!((centre(name) - body_centre(page, 30.0, 15.0)).abs() < 2.0);
    find(&ls, "Số: 07/GGT-UBND");
    in_order(
        &ls,
        &[
            "GIẤY GIỚI THIỆU",
            "Ủy ban nhân dân xã Vũ Quang trân trọng giới thiệu:",
            "Ông (bà): Trần Văn Bình",
            "Chức vụ: Công chức Địa chính - Xây dựng",
            "Được cử đến: Sở Nông nghiệp và Môi trường tỉnh Hà Tĩnh",
            "Về việc: liên hệ công tác về hồ sơ đất đai",
            "Đề nghị Quý cơ quan tạo điều kiện",
            "Giấy này có giá trị đến hết ngày 30 tháng 4 năm 2026./.",
            "Nơi nhận:",
        ],
    );
    // Nothing between the type name and the opening line: no trích yếu.
    let i = index(&ls, "GIẤY GIỚI THIỆU");
    assert!(ls[i + 1]
        .text()
        .starts_with("Ủy ban nhân dân xã Vũ Quang trân trọng"));

    // Party: "Đồng chí:", bold labels, "Số 07-GGT/ĐU", the text ends with ".".
    let pdf = render_toml(&gioi_thieu("dang")).unwrap();
    let p = probe(&pdf);
    let ls = lines(&p.pages[0]);
    find(&ls, "Số 07-GGT/ĐU");
    let who = find(&ls, "Đồng chí: Trần Văn Bình");
    assert!(label_words(who, "Đồng chí:").iter().all(|w| w.bold()));
    assert!(who.words[2..].iter().all(|w| !w.bold()));
    find(&ls, "Giấy này có giá trị đến hết ngày 30 tháng 4 năm 2026.");
    assert!(!pdftotext(&pdf).contains("2026./."));
}

#[test]
fn bien_ban_prints_the_meeting_lines_in_the_guides_order() {
    let pdf = render_file(&example("bien-ban-2026-dang-uy.toml"));
    let p = probe(&pdf);
    let ls = lines(&p.pages[0]);
    in_order(
        &ls,
        &[
            "BIÊN BẢN",
            "Thời gian: bắt đầu lúc 08 giờ 00 phút, ngày 28 tháng 01 năm 2026.",
            "Địa điểm: Hội trường Đảng ủy xã Vũ Quang.",
            "Thành phần: Các đồng chí Ủy viên Ban Chấp hành",
            "Vắng mặt: 02 đồng chí (có lý do).",
            "Chủ trì: đồng chí Nguyễn Văn Hùng, Bí thư Đảng ủy xã.",
            "Thư ký: đồng chí Phan Thị Mai, Chánh Văn phòng Đảng ủy.",
            "Nội dung:",
            "- Hội nghị nghe đồng chí Bí thư",
            "- Có 17/17 đồng chí",
            "Hội nghị kết thúc lúc 11 giờ 30 phút cùng ngày. Biên bản đã được đọc lại",
        ],
    );
    for label in [
        "Thời gian:",
        "Địa điểm:",
        "Chủ trì:",
        "Thư ký:",
        "Nội dung:",
    ] {
        let l = find(&ls, label);
        assert!(
            label_words(l, label).iter().all(|w| w.bold()),
            "{label} bold (Party practice)"
        );
    }
    assert!(!find(&ls, "Chủ trì:").words.last().unwrap().bold());
    let text = squash(&pdftotext(&pdf));
    assert!(text.contains("nhất trí thông qua./."), "{text}");

    // The state model's words: "Thời gian bắt đầu:", upright labels, "Cuộc
    // họp kết thúc vào …", several participants one per line.
    let state = r#"
the_thuc = "nha-nuoc"
loai = "bien-ban"
co_quan_ban_hanh = "Ủy ban nhân dân xã Vũ Quang"
ma_co_quan = "UBND"
so = 3
dia_danh = "Vũ Quang"
ngay_ban_hanh = "2026-03-09"
trich_yeu = ["Cuộc họp giao ban tháng 3 năm 2026"]
mo_dau = ["Chủ tịch Ủy ban nhân dân xã kết luận các nội dung giao ban"]

[bien_ban]
thoi_gian = "14 giờ 00 phút, ngày 09 tháng 3 năm 2026"
dia_diem = "Phòng họp Ủy ban nhân dân xã"
thanh_phan = ["Lãnh đạo Ủy ban nhân dân xã", "Công chức chuyên môn"]
chu_tri = "ông Lê Văn Thành, Chủ tịch Ủy ban nhân dân xã"
thu_ky = "bà Phan Thị Mai, công chức Văn phòng - Thống kê"
ket_thuc = "16 giờ 30 phút cùng ngày"

[ky_trai]
chuc_vu = "Thư ký"
ho_ten = "Phan Thị Mai"

[ky]
chuc_vu = "Chủ tọa"
ho_ten = "Lê Văn Thành"
"#;
    let pdf = render_toml(state).unwrap();
    let p = probe(&pdf);
    let ls = lines(&p.pages[0]);
    in_order(
        &ls,
        &[
            "Thời gian bắt đầu: 14 giờ 00 phút",
            "Địa điểm: Phòng họp",
            "Thành phần tham dự:",
            "- Lãnh đạo Ủy ban nhân dân xã",
            "- Công chức chuyên môn",
            "Chủ trì (chủ tọa): ông Lê Văn Thành",
            "Thư ký (người ghi biên bản): bà Phan Thị Mai",
            "Nội dung (theo diễn biến cuộc họp):",
            "Chủ tịch Ủy ban nhân dân xã kết luận",
            "Cuộc họp kết thúc vào 16 giờ 30 phút cùng ngày./.",
        ],
    );
    assert_eq!(
        find(&ls, "Thành phần tham dự:").text(),
        "Thành phần tham dự:"
    );
    assert!(find(&ls, "Thời gian bắt đầu:")
        .words
        .iter()
        .all(|w| !w.bold()));
    // The two signatures on one baseline: secretary left, chair right.
    let page = p.pages.last().unwrap();
    let ls = lines(page);
    let roles = find(&ls, "THƯ KÝ");
    assert_eq!(roles.text(), "THƯ KÝ CHỦ TỌA");
    assert!(roles.words[0].x1 < page.width / 2.0 && roles.words[2].x0 > page.width / 2.0);
}

#[test]
fn a_joint_document_has_both_bodies_left_a_joint_symbol_and_two_signatures_level() {
    for (the_thuc, left_col_mm, symbol, issuer_lines, lead_authority) in [
        (
            "nha-nuoc",
            68.0,
            "Số: 05/KHLT-UBND-HND",
            &[
                "ỦY BAN NHÂN DÂN",
                "XÃ VŨ QUANG -",
                "HỘI NÔNG DÂN",
                "XÃ VŨ QUANG",
            ][..],
            "TM. ỦY BAN NHÂN DÂN",
        ),
        (
            "dang",
            75.0,
            "Số 05-KHLT/ĐU-HND",
            &["ĐẢNG ỦY XÃ VŨ QUANG -", "HỘI NÔNG DÂN XÃ VŨ QUANG"][..],
            "T/M BAN THƯỜNG VỤ",
        ),
    ] {
        let pdf = render_toml(&Doc::joint_plan(the_thuc).toml())
            .unwrap_or_else(|e| panic!("{the_thuc}: {e}"));
        let p = probe(&pdf);
        let page = &p.pages[0];
        let column_end = (30.0 + left_col_mm) * MM;
        let left: Vec<Line> = lines(page)
            .into_iter()
            .map(|l| Line {
                words: l.words.into_iter().filter(|w| w.x1 < column_end).collect(),
            })
            .filter(|l| !l.words.is_empty())
            .collect();
        // Both bodies' names, bold, one under the other in the left column,
        // centred on one axis.
        let at = index(&left, issuer_lines[0]);
        for (k, want) in issuer_lines.iter().enumerate() {
            let l = &left[at + k];
            assert_eq!(&l.text(), want, "{the_thuc}: {:#?}", texts(&left));
            assert!(l.words.iter().all(|w| w.bold()), "{the_thuc}: {want} bold");
            assert!(
                (centre(l) - centre(&left[at])).abs() < 2.0,
                "{the_thuc}: {want} centred"
            );
        }
        let number = find(&left, symbol);
        assert_eq!(number.text(), symbol, "{the_thuc}");
        // The Quốc hiệu / Party title still on one line on the right.
        let ls = lines(page);
        let title = match the_thuc {
            "dang" => "ĐẢNG CỘNG SẢN VIỆT NAM",
            _ => "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        };
        assert!(find(&ls, title).text().ends_with(title), "{the_thuc}");

        // Two signatures side by side: the co-issuer left, the lead right,
        // authority, position and name lines level.
        let last = p.pages.last().unwrap();
        let ls = lines(last);
        let middle = last.width / 2.0;
        let authority = find(&ls, lead_authority);
        let co_authority = match the_thuc {
            "dang" => "T/M BAN CHẤP HÀNH",
            _ => "TM. BAN CHẤP HÀNH",
        };
        let left_words: Vec<&str> = authority
            .words
            .iter()
            .filter(|w| w.x1 < middle)
            .map(|w| w.text.as_str())
            .collect();
        assert_eq!(left_words.join(" "), co_authority, "{the_thuc}");
        assert!(authority.text().ends_with(lead_authority), "{the_thuc}");
        let names = find(&ls, "Trần Văn Cường");
        assert_eq!(
            names.text(),
            "Trần Văn Cường Lê Văn Thành",
            "{the_thuc}: names level"
        );
        assert!(names.words[0].x1 < middle && names.words.last().unwrap().x0 > middle);
    }
}

#[test]
fn a_joint_document_is_numbered_in_its_own_sequence() {
    let path = std::path::Path::new("lt.toml");
    let doc = vanban::model::parse(
        path,
        &Doc::joint_plan("nha-nuoc").toml(),
        vanban::model::Format::Toml,
    )
    .unwrap();
    let r = vanban::Renderer::new().resolve(&doc, path).unwrap();
    assert_eq!(r.identity.symbol(), "KHLT-UBND-HND");
    assert_eq!(r.identity.sequence_name, "KHLT");
    assert_eq!(r.identity.number_symbol(6), "06/KHLT-UBND-HND");
    // The same kind alone keeps the kind's sequence and codes.
    let alone = Doc::joint_plan("nha-nuoc").remove("lien_tich").toml();
    let doc = vanban::model::parse(path, &alone, vanban::model::Format::Toml).unwrap();
    let r = vanban::Renderer::new().resolve(&doc, path).unwrap();
    assert_eq!(r.identity.symbol(), "KH-UBND");
    assert_eq!(r.identity.sequence_name, "KH");
}

#[test]
fn form_values_print_as_typed_never_as_markup() {
    let text = gioi_thieu("nha-nuoc").replace(
        "ve_viec = \"liên hệ công tác về hồ sơ đất đai\"",
        "ve_viec = \"*không đậm* #set page(width: 1cm) $x$ __a__ \\\\ ^[b]\"",
    );
    let pdf = render_toml(&text).unwrap();
    let p = probe(&pdf);
    assert_eq!(p.pages.len(), 1);
    let ls = lines(&p.pages[0]);
    let l = find(&ls, "Về việc:");
    assert_eq!(
        l.text(),
        "Về việc: *không đậm* #set page(width: 1cm) $x$ __a__ \\ ^[b]"
    );
    assert!(l.words.iter().all(|w| !w.bold() && !w.italic()));
}

#[test]
fn forms_are_refused_where_the_kind_does_not_print_them_and_when_empty() {
    let dir = tempfile::tempdir().unwrap();
    let state = gioi_thieu("nha-nuoc");
    let cases = [
        // A giấy giới thiệu's keys on a thông báo would silently vanish.
        (
            state.replace("loai = \"giay-gioi-thieu\"", "loai = \"thong-bao\""),
            "giay_gioi_thieu",
        ),
        // A biên bản has two signatures of its own: no room for a co-issuer.
        (
            std::fs::read_to_string(example("bien-ban-2026-dang-uy.toml")).unwrap()
                + "\n[lien_tich]\nco_quan_ban_hanh = \"X\"\nma_co_quan = \"X\"\n[lien_tich.ky]\nchuc_vu = \"A\"\nho_ten = \"B\"\n",
            "lien_tich",
        ),
        (
            state.replace("ho_ten = \"Trần Văn Bình\"", "ho_ten = \"  \""),
            "giay_gioi_thieu.ho_ten",
        ),
        (
            std::fs::read_to_string(example("giay-moi-2026-ubnd.toml"))
                .unwrap()
                .replace(
                    "kinh_moi = [\n  \"Trưởng các ban, ngành, đoàn thể xã\",\n  \"Bí thư Chi bộ, Trưởng thôn các thôn\",\n]",
                    "kinh_moi = []",
                ),
            "giay_moi.kinh_moi",
        ),
        (
            state.replace("co_gia_tri_den = \"30/04/2026\"", "co_gia_tri_den = \"31/04/2026\""),
            "co_gia_tri_den",
        ),
    ];
    for (i, (text, field)) in cases.iter().enumerate() {
        let name = format!("f{i}.toml");
        std::fs::write(dir.path().join(&name), text).unwrap();
        let (code, err) = run_vanban(&["--lang", "en", "render", &name], dir.path());
        assert_eq!(code, Some(1), "{field}: {err}");
        assert!(err.contains(field), "{field}: {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(!dir.path().join(format!("f{i}.pdf")).exists());
    }
}
