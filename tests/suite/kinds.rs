//! Kinds as data (issue 12): each kind's own blocks read back from the PDF
//! (công văn, quyết định, biên bản), the kind checks, and a kind added by a
//! template set alone (declaration, template, skeleton) that renders, is
//! numbered by the register and has a `vanban new` skeleton.

use std::path::Path;

use crate::common::*;

fn centre(l: &Line) -> f64 {
    (l.x0() + l.x1()) / 2.0
}

/// The words of `l` left of `x`: the number shares its baseline with the
/// date line of the right column.
fn left_of(l: &Line, x: f64) -> Line {
    Line {
        words: l.words.iter().filter(|w| w.x1 < x).cloned().collect(),
    }
}

const MM: f64 = 72.0 / 25.4;

#[test]
fn state_cong_van_has_no_type_name_and_its_v_v_line_under_the_number() {
    let pdf = render_file(&example("cong-van-2026-ubnd.toml"));
    let p = probe(&pdf);
    let ls = lines(&p.pages[0]);
    assert!(
        !ls.iter().any(|l| l.text().contains("CÔNG VĂN")),
        "a công văn prints no type name: {:#?}",
        texts(&ls)
    );
    let left_column_end = (30.0 + 62.0) * MM;
    let number = &left_of(find(&ls, "Số: 125/UBND-VP"), left_column_end);
    assert_eq!(number.text(), "Số: 125/UBND-VP");
    let vv = find(&ls, "V/v triển khai");
    let vv2 = find(&ls, "vì an toàn thực phẩm");
    // Left column (30 mm margin + 62 mm column), under the number, centred on it.
    for l in [vv, vv2] {
        assert!(
            l.x1() < left_column_end,
            "{:?} leaves the left column",
            l.text()
        );
        assert!(
            (centre(l) - centre(number)).abs() < 2.0,
            "{:?} is not centred under the number",
            l.text()
        );
        for w in &l.words {
            assert!(
                (w.size - 12.0).abs() < 0.3 && !w.bold() && !w.italic(),
                "{w:?}: 12 pt upright"
            );
        }
    }
    // 6 pt under the number's line (its 13 pt box), and the date line is level with the number.
    assert!(
        vv.top() > number.top() + 13.0 && vv.top() < number.top() + 13.0 + 6.0 + 12.0,
        "{vv:?}"
    );
    let date = find(&ls, "Vũ Quang, ngày 16 tháng 3 năm 2026");
    assert!((date.top() - number.top()).abs() < 1.5);

    // "Kính gửi:" centred below the header, three addressees on their own lines.
    let label = find(&ls, "Kính gửi:");
    assert!(label.top() > vv2.top());
    let i = ls.iter().position(|l| l.text() == "Kính gửi:").unwrap();
    assert_eq!(ls[i + 1].text(), "- Các ban, ngành, đoàn thể xã;");
    assert_eq!(ls[i + 3].text(), "- Trưởng các thôn.");
    // The dashes are aligned under the colon.
    assert!((ls[i + 1].x0() - ls[i + 3].x0()).abs() < 0.5);
    let text = pdftotext(&pdf);
    assert!(text.contains("- Như trên;"), "{text}");
    assert!(text.contains("KT. CHỦ TỊCH"), "{text}");
}

#[test]
fn party_cong_van_has_its_summary_italic_under_the_number_and_kinh_gui_on_one_line() {
    let pdf = render_file(&example("cong-van-2026-dang-uy.toml"));
    let p = probe(&pdf);
    let ls = lines(&p.pages[0]);
    assert!(!ls.iter().any(|l| l.text().contains("CÔNG VĂN")));
    assert!(
        !ls.iter().any(|l| l.text().contains("-----")),
        "no type line, no separator"
    );
    let number = &left_of(find(&ls, "Số 86-CV/ĐU"), (30.0 + 75.0) * MM);
    assert_eq!(number.text(), "Số 86-CV/ĐU");
    let summary = find(&ls, "về việc chuẩn bị sơ kết quý I năm 2026");
    assert!(
        !summary.text().contains("V/v"),
        "the Party examples have no V/v"
    );
    assert!(summary.top() > number.top());
    assert!((centre(summary) - centre(number)).abs() < 2.0);
    assert!(summary
        .words
        .iter()
        .all(|w| w.italic() && (w.size - 12.0).abs() < 0.3));
    // One addressee on the label's line; the label italic.
    let kg = find(&ls, "Kính gửi: Các chi bộ trực thuộc Đảng ủy xã");
    assert!(kg.words[0].italic() && kg.words[1].italic());
    assert!(!kg.words[2].italic());
    let text = pdftotext(&pdf);
    assert!(text.contains("- Như trên,"), "HD 36 puts a comma: {text}");
}

#[test]
fn quyet_dinh_has_italic_bases_the_authority_the_decision_line_and_bold_articles() {
    let pdf = render_file(&example("quyet-dinh-2026-ubnd.toml"));
    let p = probe(&pdf);
    let ls = lines(&p.pages[0]);
    let type_line = find(&ls, "QUYẾT ĐỊNH");
    let authority = find(&ls, "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ VŨ QUANG");
    assert!(authority.words.iter().all(|w| w.bold()));
    let body_centre = (30.0 * MM + (p.pages[0].width - 15.0 * MM)) / 2.0;
    assert!(
        (centre(authority) - body_centre).abs() < 2.0,
        "authority centred"
    );
    let bases: Vec<&Line> = ls
        .iter()
        .filter(|l| l.text().starts_with("Căn cứ") || l.text().starts_with("Theo đề nghị"))
        .collect();
    assert_eq!(bases.len(), 4, "{:#?}", texts(&ls));
    for b in &bases {
        assert!(
            b.words.iter().all(|w| w.italic()),
            "{:?} is italic (NĐ 30)",
            b.text()
        );
        assert!(b.top() > authority.top());
    }
    let decision = ls
        .iter()
        .find(|l| l.text() == "QUYẾT ĐỊNH:")
        .expect("QUYẾT ĐỊNH:");
    assert!(decision.words.iter().all(|w| w.bold()));
    assert!(decision.top() > bases[3].top() && type_line.top() < authority.top());
    let articles: Vec<&Line> = ls
        .iter()
        .filter(|l| l.text().starts_with("Điều "))
        .collect();
    assert_eq!(
        articles
            .iter()
            .map(|l| l.words[1].text.as_str())
            .collect::<Vec<_>>(),
        ["1.", "2.", "3."]
    );
    for a in &articles {
        assert!(a.top() > decision.top());
        assert!(a.words[0].bold() && a.words[1].bold(), "{:?}", a.text());
        assert!(
            !a.words[2].bold(),
            "the untitled article's text is regular: {:?}",
            a.text()
        );
        // Indented like a paragraph (1.27 cm).
        assert!(
            (a.x0() - (30.0 * MM + 12.7 * MM)).abs() < 1.0,
            "{:?}",
            a.x0()
        );
    }
    let text = pdftotext(&pdf);
    assert!(text.contains("- Như Điều 3;"), "{text}");
    assert!(text.contains("Số: 42/QĐ-UBND"), "{text}");
}

#[test]
fn party_quyet_dinh_bases_are_upright_after_a_dash() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = run_vanban(&["new", "quyet-dinh", "-o", "qd.toml"], dir.path());
    assert_eq!(code, Some(0), "{err}");
    let pdf = render_file(&dir.path().join("qd.toml"));
    let ls = lines(&probe(&pdf).pages[0]);
    let basis = find(&ls, "- Căn cứ Điều lệ Đảng");
    assert!(basis.words.iter().all(|w| !w.italic()));
    find(&ls, "BAN THƯỜNG VỤ ĐẢNG ỦY XÃ VŨ QUANG");
    find(&ls, "QUYẾT ĐỊNH:");
    assert!(find(&ls, "Điều 1.").words[0].bold());
}

#[test]
fn bien_ban_has_two_signature_blocks_side_by_side() {
    let pdf = render_file(&example("bien-ban-2026-dang-uy.toml"));
    let p = probe(&pdf);
    let page = p.pages.last().unwrap();
    let ls = lines(page);
    let roles = find(&ls, "NGƯỜI GHI BIÊN BẢN");
    let names = ls
        .iter()
        .find(|l| l.text().starts_with("Phan Thị Mai"))
        .expect("the names line");
    let middle = page.width / 2.0;
    let left: Vec<&Word> = roles.words.iter().filter(|w| w.x1 < middle).collect();
    let right: Vec<&Word> = roles.words.iter().filter(|w| w.x0 > middle).collect();
    assert_eq!(
        left.iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        "NGƯỜI GHI BIÊN BẢN"
    );
    assert_eq!(
        right
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        "CHỦ TRÌ HỘI NGHỊ",
        "the chair's position on the same baseline, right"
    );
    let name_words: Vec<&str> = names.words.iter().map(|w| w.text.as_str()).collect();
    assert_eq!(
        name_words.join(" "),
        "Phan Thị Mai Nguyễn Văn Hùng",
        "names level"
    );
    assert!(names.words.iter().all(|w| w.bold()));
    // Each name centred under its own position.
    let c = |ws: &[&Word]| (ws.first().unwrap().x0 + ws.last().unwrap().x1) / 2.0;
    let left_name: Vec<&Word> = names.words.iter().filter(|w| w.x1 < middle).collect();
    let right_name: Vec<&Word> = names.words.iter().filter(|w| w.x0 > middle).collect();
    assert!((c(&left) - c(&left_name)).abs() < 1.5);
    assert!((c(&right) - c(&right_name)).abs() < 1.5);
    let text = pdftotext(&pdf);
    assert!(
        !text.contains("Nơi nhận"),
        "no recipients, no label: {text}"
    );
    for part in [
        "BIÊN BẢN",
        "Thời gian:",
        "Địa điểm:",
        "Thành phần:",
        "Nội dung:",
        "kết thúc lúc 11 giờ 30 phút",
    ] {
        assert!(text.contains(part), "{part}: {text}");
    }
}

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

const MINIMAL: &str = "the_thuc = \"nha-nuoc\"\nco_quan_ban_hanh = \"Ủy ban nhân dân xã Vũ Quang\"\nma_co_quan = \"UBND\"\ndia_danh = \"Vũ Quang\"\nngay_ban_hanh = \"2026-03-02\"\ntrich_yeu = [\"Về việc X\"]\nmo_dau = [\"Nội dung.\"]\n[ky]\nchuc_vu = \"Chủ tịch\"\nho_ten = \"A\"\n";

#[test]
fn a_kind_is_checked_against_the_declarations_with_its_field() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("loai = \"quyet-dnh\"\n", "loai", "quyet-dinh"),
        (
            "loai = \"quyet-dinh\"\nkinh_gui = [\"X\"]\n",
            "kinh_gui",
            "quyet-dinh",
        ),
        ("loai = \"cong-van\"\n", "kinh_gui", "cong-van"),
        ("loai = \"bien-ban\"\n", "ky_trai", "bien-ban"),
        (
            "loai = \"thong-bao\"\ncan_cu = [\"Căn cứ X;\"]\n",
            "can_cu",
            "thong-bao",
        ),
        ("loai = \"quyet-dinh\"\n", "noi_dung", "quyet-dinh"),
        (
            "loai = \"thong-bao\"\nma_don_vi = \"VP\"\n",
            "ma_don_vi",
            "thong-bao",
        ),
    ];
    for (i, (lead, field, named)) in cases.iter().enumerate() {
        let name = format!("d{i}.toml");
        write(dir.path(), &name, &format!("{lead}{MINIMAL}"));
        let (code, err) = run_vanban(&["--lang", "en", "render", &name], dir.path());
        assert_eq!(code, Some(1), "{lead}: {err}");
        assert!(err.contains(&format!("field `{field}`")), "{lead}: {err}");
        assert!(err.contains(named), "{lead}: {err}");
        assert!(!dir.path().join(format!("d{i}.pdf")).exists());
    }
    let (_, err) = run_vanban(&["render", "d0.toml"], dir.path());
    assert!(err.contains("có phải `quyet-dinh`"), "{err}");
    assert!(
        err.contains("d0.toml:1:1, trường `loai`"),
        "located at its line: {err}"
    );
}

const GIAY_MOI_DECL: &str = r#"ten = "GIẤY MỜI HỌP"
ma = "GMH"
mo_ta = "giấy mời họp"
mau = "giay-moi-hop"
khoi = { kinh_gui = "khong" }
danh_so = { theo = "nam" }
"#;

/// A template of its own: the header, the type line, "Trân trọng kính mời:"
/// and the body, the signature.
const GIAY_MOI_TYP: &str = r#"#let profile = {{ profile_literal|safe }}
#show: van-ban.with(profile, font: {{ font|str }})
#dau-van-ban(profile, cap-tren: {% if header.superior %}[{{ header.superior }}]{% else %}none{% endif %}, ban-hanh: ({% for l in header.issuer %}[{{ l }}], {% endfor %}), so: [{{ header.number }}], ngay: [{{ header.date }}])
#ten-van-ban(profile, loai: [{{ title.kind }}], trich-yeu: ({% for l in title.summary %}[{{ l }}], {% endfor %}))
#align(center)[*Trân trọng kính mời:*]
{% for b in blocks %}{{ b.text }}
{% endfor %}
#cuoi-van-ban(profile, chu-ky: chu-ky(profile, chuc-vu: [{{ signature.position }}], ho-ten: [{{ signature.name }}]))
"#;

const GIAY_MOI_SKELETON: &str = r#"# GIẤY MỜI HỌP (mẫu của văn phòng)
the_thuc = "dang"
loai = "giay-moi-hop"
co_quan_ban_hanh = "Đảng ủy xã Vũ Quang"
ma_co_quan = "ĐU"
dia_danh = "Vũ Quang"
ngay_ban_hanh = "{ngay_hom_nay}"
trich_yeu = ["dự hội nghị sơ kết quý I năm 2026"]
mo_dau = ["Đồng chí Bí thư các chi bộ trực thuộc."]
[ky]
chuc_vu = "Bí thư"
ho_ten = "Nguyễn Văn Hùng"
"#;

#[test]
fn a_kind_added_by_a_template_set_renders_is_numbered_and_has_a_skeleton() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write(dir, "tpl/loai/dang-hd36/giay-moi-hop.toml", GIAY_MOI_DECL);
    write(dir, "tpl/kinds/giay-moi-hop.typ", GIAY_MOI_TYP);
    write(dir, "tpl/moi/giay-moi-hop.dang.toml", GIAY_MOI_SKELETON);

    // The built-in set does not know it.
    let (code, err) = run_vanban(&["new", "giay-moi-hop"], dir);
    assert_eq!(code, Some(1), "{err}");
    let (code, out, err) = run_vanban_out(&["new", "--help"], dir);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("cong-van") && out.contains("quyet-dinh"),
        "{out}"
    );

    let (code, err) = run_vanban(
        &["new", "giay-moi-hop", "--templates", "tpl", "-o", "gm.toml"],
        dir,
    );
    assert_eq!(code, Some(0), "{err}");
    let (code, err) = run_vanban(&["render", "gm.toml"], dir);
    assert_eq!(
        code,
        Some(1),
        "without its template set the kind is unknown: {err}"
    );
    assert!(err.contains("giay-moi-hop"), "{err}");
    let (code, err) = run_vanban(&["render", "gm.toml", "--templates", "tpl"], dir);
    assert_eq!(code, Some(0), "{err}");
    let pdf = std::fs::read(dir.join("gm.pdf")).unwrap();
    let ls = lines(&probe(&pdf).pages[0]);
    assert!(find(&ls, "GIẤY MỜI HỌP").words.iter().all(|w| w.bold()));
    find(&ls, "Trân trọng kính mời:");
    find(&ls, "-GMH/ĐU");

    // The register numbers it in its own sequence, per year as declared
    // (a Party kind would otherwise run per term).
    let arch = dir.join("arch");
    let archive = |file: &str| {
        run_vanban_out(
            &[
                "archive",
                file,
                "--to",
                arch.to_str().unwrap(),
                "--templates",
                "tpl",
                "--assign-number",
                "--nhiem-ky-tu",
                "2025-10-01",
            ],
            dir,
        )
    };
    let (code, out, err) = archive("gm.toml");
    assert_eq!(code, Some(0), "{out}{err}");
    let today = chrono::Local::now().date_naive();
    let name = format!("{}_01-GMH-DU.pdf", today.format("%Y-%m-%d"));
    assert!(arch.join(&name).exists(), "{out}{err}");
    // The register lists it by its declared name, also without its template set.
    let (code, listed, err) = run_vanban_out(
        &["register", "list", "--archive", arch.to_str().unwrap()],
        dir,
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(
        listed.contains("Giấy mời họp dự hội nghị sơ kết quý I năm 2026"),
        "{listed}"
    );
    let next = |extra: &[&str]| {
        let mut args = vec![
            "register",
            "next",
            "--archive",
            arch.to_str().unwrap(),
            "--templates",
            "tpl",
            "--type",
            "GMH",
        ];
        args.extend(extra);
        let (code, out, err) = run_vanban_out(&args, dir);
        assert_eq!(code, Some(0), "{err}");
        out.trim().to_string()
    };
    use chrono::Datelike;
    assert_eq!(next(&[]), "02");
    assert_eq!(
        next(&["--nam", &(today.year() + 1).to_string()]),
        "01",
        "a new year starts again"
    );
    let (code, _, err) = run_vanban_out(
        &[
            "register",
            "next",
            "--archive",
            arch.to_str().unwrap(),
            "--type",
            "GMH",
        ],
        dir,
    );
    assert_eq!(
        code,
        Some(1),
        "without the template set GMH is no code: {err}"
    );
}

#[test]
fn the_state_cong_van_is_numbered_by_its_key_in_its_own_yearly_sequence() {
    let tmp = tempfile::tempdir().unwrap();
    let arch = tmp.path().join("arch");
    let (code, out, err) = run_vanban_out(
        &[
            "archive",
            example("cong-van-2026-ubnd.toml").to_str().unwrap(),
            "--to",
            arch.to_str().unwrap(),
        ],
        tmp.path(),
    );
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        arch.join("2026-03-16_125-cong-van-UBND.pdf").exists(),
        "{out}{err}"
    );
    let (code, out, err) = run_vanban_out(
        &[
            "register",
            "next",
            "--archive",
            arch.to_str().unwrap(),
            "--the-thuc",
            "nha-nuoc",
            "--type",
            "cong-van",
            "--nam",
            "2026",
        ],
        tmp.path(),
    );
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out.trim(), "126");
    let (_, out, _) = run_vanban_out(
        &["register", "list", "--archive", arch.to_str().unwrap()],
        tmp.path(),
    );
    assert!(out.contains("Công văn V/v"), "{out}");
}

#[test]
fn party_to_trinh_takes_kinh_gui_in_italics_and_opens_noi_nhan_with_nhu_tren() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = run_vanban(&["new", "to-trinh", "-o", "tt.toml"], dir.path());
    assert_eq!(code, Some(0), "{err}");
    let file = dir.path().join("tt.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    // The clerk uncomments the line the skeleton offers.
    let text = text.replace("# kinh_gui = [", "kinh_gui = [");
    std::fs::write(&file, text).unwrap();
    let pdf = render_file(&file);
    let ls = lines(&probe(&pdf).pages[0]);
    let kg = find(&ls, "Kính gửi: Ban Chấp hành Đảng bộ xã");
    assert!(kg.words[0].italic() && kg.words[1].italic() && !kg.words[2].italic());
    assert!(kg.top() > find(&ls, "TỜ TRÌNH").top());
    let all = pdftotext(&pdf);
    assert_eq!(
        all.matches("Như trên").count(),
        1,
        "typed once, not added again: {all}"
    );
}
