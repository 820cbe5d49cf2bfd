//! The DOCX's marks, copy block and signature images (issue 13): read back
//! with python-docx (words, size, weight, ink, frames, pictures and their
//! bytes), then converted by LibreOffice and compared with vanban's own PDF
//! of the same document: the marks on the same sides, the copy block under a
//! rule across the text width, the images where vanban puts them.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use sha2::{Digest, Sha256};

use crate::common::*;
use crate::docx::{docx_of, read_back, Docx};

/// A state thông báo with every mark, both images and a SAO Y copy block.
fn state() -> Doc {
    Doc::state_notice()
        .with(
            r#"do_mat = "mat"
do_khan = "hoa-toc"
du_thao = 2
luu_hanh = ["xem-xong-tra-lai"]"#,
        )
        .set("ky.anh_chu_ky", "chu-ky.png")
        .set("ky.anh_dau", "dau.png")
        .copied_as("sao-y")
}

/// A Party báo cáo: urgency, circulation and the draft in the Party's type
/// (no frame on the draft, lower case italic), and a TRÍCH SAO by the
/// Party committee's office.
fn party() -> Doc {
    Doc::party_report()
        .set("co_quan_cap_tren", "Đảng bộ tỉnh Hà Tĩnh")
        .set("so", 4)
        .with(
            r#"do_khan = "khan"
du_thao = 3
luu_hanh = ["tai-lieu-hoi-nghi"]"#,
        )
        .set("ky.anh_chu_ky", "chu-ky.png")
        .copied_as("trich-sao")
        .set("ban_sao.co_quan_ban_hanh", "Văn phòng Đảng ủy xã Vũ Quang")
        .set("ban_sao.ma_co_quan", "VPĐU")
        .set("ban_sao.so", 2)
        .set("ban_sao.ky.thay_mat", "Ban Thường vụ")
        .set("ban_sao.noi_nhan.danh_sach", vec!["Các chi bộ"])
        .set("ban_sao.noi_nhan.luu", "VPĐU")
}

struct Case {
    dir: PathBuf,
    file: PathBuf,
    docx: Docx,
    pdf: Probe,
    lo: Probe,
}

/// Both documents in a folder with a 240×90 signature and a 200×200 seal,
/// read back, rendered by vanban and converted by LibreOffice in one call.
fn cases() -> &'static [Case; 2] {
    static ALL: OnceLock<[Case; 2]> = OnceLock::new();
    ALL.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap().keep();
        signature_and_seal(&dir);
        let names = ["state", "party"];
        let mut docs = Vec::new();
        for (name, doc) in names.iter().zip([state(), party()]) {
            let file = dir.join(format!("{name}.toml"));
            doc.write(&file);
            let out = dir.join(format!("{name}.docx"));
            std::fs::write(&out, docx_of(&file)).unwrap();
            docs.push(out);
        }
        libreoffice_pdfs(&dir, &docs);
        names.map(|name| {
            let file = dir.join(format!("{name}.toml"));
            let lo = std::fs::read(dir.join("lo").join(format!("{name}.pdf"))).unwrap();
            Case {
                dir: dir.clone(),
                docx: read_back(&std::fs::read(dir.join(format!("{name}.docx"))).unwrap()),
                pdf: probe(&render_file(&file)),
                lo: probe(&lo),
                file,
            }
        })
    })
}

fn run<'a>(d: &'a Docx, text: &str) -> &'a crate::docx::AnyRun {
    d.runs
        .iter()
        .find(|r| r.text == text)
        .unwrap_or_else(|| panic!("no run {text:?}"))
}

fn cell<'a>(d: &'a Docx, text: &str) -> Option<&'a crate::docx::BorderedCell> {
    d.boxes.iter().find(|b| b.text == text)
}

#[test]
fn docx_marks_take_the_profiles_words_type_ink_and_frames() {
    let [state, party] = cases();
    let d = &state.docx;
    // nha-nuoc-nd30: secrecy and urgency 13 pt bold red, in red frames
    // 20 × 8 and 30 × 8 mm of 0.8 pt (Word's nearest eighth: 0.75).
    for (text, width) in [("MẬT", 20.0), ("HỎA TỐC", 30.0)] {
        let r = run(d, text);
        assert!(r.bold && !r.italic && r.size == Some(13.0), "{r:?}");
        assert_eq!(r.color.as_deref(), Some("e00000"));
        let b = cell(d, text).unwrap_or_else(|| panic!("{text} has no frame"));
        assert!((b.width.unwrap() - width).abs() < 0.1, "{b:?}");
        assert!(b.exact && (b.height.unwrap() - 8.0).abs() < 0.1, "{b:?}");
        for side in ["top", "bottom", "left", "right"] {
            let s = &b.borders[side];
            assert_eq!(s.val.as_deref(), Some("single"));
            assert_eq!(s.color.as_deref(), Some("e00000"));
            assert!((s.pt - 0.75).abs() < 0.01, "{side}: {s:?}");
        }
    }
    // Circulation: bold, black frame as wide as its words.
    let r = run(d, "XEM XONG TRẢ LẠI");
    assert!(r.bold && r.color.as_deref() == Some("000000"));
    let b = cell(d, "XEM XONG TRẢ LẠI").expect("a frame");
    assert!(!b.exact && b.width.unwrap() > 30.0 && b.width.unwrap() < 60.0);
    assert_eq!(b.borders["left"].color.as_deref(), Some("000000"));
    // The draft: framed, flush right, 8 mm from the page's top edge.
    let f = d
        .frames
        .iter()
        .find(|f| f.text == "DỰ THẢO LẦN 2")
        .expect("the draft in a frame");
    assert_eq!(f.x_align.as_deref(), Some("right"));
    assert_eq!(f.h_anchor.as_deref(), Some("margin"));
    assert_eq!(f.v_anchor.as_deref(), Some("page"));
    assert!((f.y - 8.0).abs() < 0.1, "{f:?}");
    assert_eq!(f.borders.len(), 4);
    assert!(run(d, "DỰ THẢO LẦN 2").bold);

    // dang-hd36: urgency 14 bold red framed 20 mm; circulation 12 bold,
    // no frame; "Dự thảo lần 3" 14 italic, not bold, without a frame.
    let d = &party.docx;
    let r = run(d, "KHẨN");
    assert!(r.bold && r.size == Some(14.0) && r.color.as_deref() == Some("e00000"));
    assert!((cell(d, "KHẨN").expect("a frame").width.unwrap() - 20.0).abs() < 0.1);
    let r = run(d, "TÀI LIỆU HỘI NGHỊ");
    assert!(r.bold && r.size == Some(12.0));
    assert!(cell(d, "TÀI LIỆU HỘI NGHỊ").is_none());
    let r = run(d, "Dự thảo lần 3");
    assert!(r.italic && !r.bold && r.size == Some(14.0), "{r:?}");
    let f = d.frames.iter().find(|f| f.text == "Dự thảo lần 3").unwrap();
    assert!(f.borders.is_empty(), "{f:?}");
}

#[test]
fn docx_copy_block_follows_the_original_under_a_rule() {
    for (case, form, number) in [
        (&cases()[0], "SAO Y", "Số: 03/SY-VP"),
        (&cases()[1], "TRÍCH SAO", "Số 02-BS/VPĐU"),
    ] {
        let d = &case.docx;
        let name = d
            .body
            .iter()
            .position(|b| {
                b.kind == "t"
                    && b.rows
                        .iter()
                        .any(|r| r.cells.iter().any(|c| c.text.contains("Nguyễn Văn A")))
            })
            .expect("the original's ending");
        let rule = &d.body[name + 1];
        assert!(
            rule.kind == "p" && rule.text.is_empty() && rule.top_rule.is_some_and(|w| w > 0.5),
            "a rule right after the original: {rule:?}"
        );
        let head = &d.body[name + 2];
        let cells: Vec<&str> = head
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().map(|c| c.text.as_str()))
            .collect();
        assert!(cells.contains(&form), "{form}: {cells:?}");
        assert!(cells.contains(&number), "{number}: {cells:?}");
        assert!(
            cells.iter().any(|c| c.contains("ngày 02 tháng 7 năm 2026")),
            "{cells:?}"
        );
        let form_run = run(d, form);
        assert!(form_run.bold && form_run.size == Some(14.0), "{form_run:?}");
        let ending = d.body[name + 3..]
            .iter()
            .find(|b| b.kind == "t")
            .expect("the copy's ending");
        let text: Vec<&str> = ending
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().map(|c| c.text.as_str()))
            .collect();
        assert!(text.iter().any(|t| t.contains("Trần Thị Bình")), "{text:?}");
        assert!(text.iter().any(|t| t.contains("Nơi nhận")), "{text:?}");
    }
}

/// A copy of a document with a landscape appendix. In the PDF the appendix
/// is pages of its own, so the copy block starts the next page, upright and
/// numbered on; the DOCX gives the block a section of its own to match.
#[test]
fn docx_copy_block_after_an_appendix_starts_its_own_upright_page() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("copy.toml");
    Doc::state_notice()
        .with(
            r#"[[phu_luc]]
tieu_de = "DANH SÁCH TỔ CÔNG TÁC"
huong = "ngang"
noi_dung = ["Tổ trưởng: Nguyễn Văn B.", "Tổ viên: Trần Văn C."]"#,
        )
        .copied_as("sao-y")
        .write(&file);
    let bytes = docx_of(&file);
    let d = read_back(&bytes);
    let head = d
        .body
        .iter()
        .position(|b| {
            b.rows
                .iter()
                .any(|r| r.cells.iter().any(|c| c.text == "SAO Y"))
        })
        .expect("the copy's head");
    let rule = &d.body[head - 1];
    assert!(rule.top_rule.is_some_and(|w| w > 0.5), "{rule:?}");
    assert!(
        d.body[head - 2].ends_section,
        "the appendix's section ends right before the copy's rule: {:?}",
        d.body[head - 2]
    );
    assert!(d.body[head - 1..].iter().all(|b| !b.ends_section));
    let [main, appendix, copy] = &d.sections[..] else {
        panic!("main part, appendix, copy block: {:?}", d.sections)
    };
    assert!(!main.landscape && appendix.landscape && !copy.landscape);
    // Numbered on from the appendix, its first page too.
    assert!(appendix.restart && !copy.restart && !copy.title_pg);
    assert_eq!(copy.header_field, "PAGE");

    // The block on the same page in vanban's PDF and LibreOffice's, with
    // the same number at its top.
    std::fs::write(dir.path().join("copy.docx"), &bytes).unwrap();
    libreoffice_pdfs(dir.path(), &[dir.path().join("copy.docx")]);
    let lo = std::fs::read(dir.path().join("lo/copy.pdf")).unwrap();
    for (who, pdf) in [("vanban", render_file(&file)), ("LibreOffice", lo)] {
        let p = probe(&pdf);
        let at = p
            .pages
            .iter()
            .position(|page| lines(page).iter().any(|l| l.text().contains("SAO Y")))
            .unwrap_or_else(|| panic!("{who}: no copy block"));
        assert_eq!((at, p.pages.len()), (2, 3), "{who}");
        let (appendix, page) = (&p.pages[1], &p.pages[2]);
        assert!(
            appendix.width > appendix.height,
            "{who}: a landscape appendix"
        );
        assert!(page.width < page.height, "{who}: an upright copy page");
        let ls = lines(page);
        assert_eq!(ls[0].text(), "2", "{who}: the copy page's number");
        let form = find(&ls, "SAO Y");
        assert!(
            !ls.iter()
                .any(|l| l.top() < form.top() && l.text().contains("Tổ viên")),
            "{who}: nothing of the appendix above the copy block"
        );
    }
}

#[test]
fn docx_signature_and_seal_are_the_files_bytes_placed_as_the_pdf() {
    let case = &cases()[0];
    let sha = |p: &Path| format!("{:x}", Sha256::digest(std::fs::read(p).unwrap()));
    let d = &case.docx;
    assert_eq!(d.drawings.len(), 2, "{:?}", d.drawings);
    let (sig, seal) = (&d.drawings[0], &d.drawings[1]);
    assert_eq!(sig.sha256, sha(&case.dir.join("chu-ky.png")));
    assert_eq!(seal.sha256, sha(&case.dir.join("dau.png")));
    // nha-nuoc-nd30: signature 18 mm high (240 × 90 → 48 mm wide), seal
    // 36 mm wide; both over the text, in the signature's cell.
    assert!(
        (sig.height - 18.0).abs() < 0.05 && (sig.width - 48.0).abs() < 0.05,
        "{sig:?}"
    );
    assert!((seal.width - 36.0).abs() < 0.05 && (seal.height - 36.0).abs() < 0.05);
    for p in [sig, seal] {
        assert!(p.in_cell && p.overlap, "{p:?}");
        assert_eq!(p.wrap.as_deref(), Some("wrapNone"));
        assert_eq!(
            (p.from_h.as_str(), p.from_v.as_str()),
            ("column", "paragraph")
        );
        // Centred on the zone's middle line (`khoang_ky` 28 mm).
        assert!((p.y + p.height / 2.0 - 14.0).abs() < 0.05, "{p:?}");
    }
    // The signature centred in its 76 mm column (165 mm text − 85 mm − 4 mm);
    // the seal's right edge a third into the signature.
    assert!((sig.x + sig.width / 2.0 - 38.0).abs() < 0.1, "{sig:?}");
    assert!((seal.x + seal.width - (sig.x + sig.width / 3.0)).abs() < 0.1);
    // The Party document has a signature and no seal.
    assert_eq!(cases()[1].docx.drawings.len(), 1);
    // Pictures keep the file the same from run to run.
    assert_eq!(docx_of(&case.file), docx_of(&case.file));
}

fn word<'a>(page: &'a Page, text: &str) -> &'a Word {
    page.words
        .iter()
        .find(|w| w.text == text)
        .unwrap_or_else(|| panic!("no word {text:?}"))
}

fn centre(w: &Word) -> (f64, f64) {
    ((w.x0 + w.x1) / 2.0, (w.top + w.bottom) / 2.0)
}

#[test]
fn libreoffice_prints_marks_copy_block_and_images_where_vanban_does() {
    for (case, marks) in [
        (&cases()[0], &["MẬT", "HỎA", "XEM", "DỰ"][..]),
        (&cases()[1], &["KHẨN", "TÀI", "Dự"][..]),
    ] {
        let name = case.file.display().to_string();
        let (ours, lo) = (&case.pdf.pages[0], &case.lo.pages[0]);
        // Each mark's words on the same side and line, within 2 mm.
        for m in marks {
            let (a, b) = (centre(word(ours, m)), centre(word(lo, m)));
            assert!(
                (a.0 - b.0).abs() < 2.0 * MM && (a.1 - b.1).abs() < 3.0 * MM,
                "{name}: {m} at {a:?} (vanban) vs {b:?} (LibreOffice)"
            );
            assert_eq!(word(ours, m).color, word(lo, m).color, "{name}: {m}'s ink");
        }
        // A framed urgency mark: rules above and below it, lines beside it,
        // as wide as vanban's frame.
        let key = marks[if marks.len() == 4 { 1 } else { 0 }];
        let (urgent, ours_urgent) = (word(lo, key), word(ours, key));
        let frame = ours
            .boxes
            .iter()
            .find(|f| f.x0 <= ours_urgent.x0 && ours_urgent.x1 <= f.x1 && f.top <= ours_urgent.top)
            .expect("vanban's frame");
        assert_eq!(frame.color, "#e00000");
        let above = lo.rules.iter().any(|r| {
            r.top < urgent.top
                && urgent.top - r.top < 4.0 * MM
                && ((r.x1 - r.x0) - (frame.x1 - frame.x0)).abs() < MM
        });
        let below = lo.rules.iter().any(|r| {
            r.top > urgent.bottom
                && r.top - urgent.bottom < 4.0 * MM
                && ((r.x1 - r.x0) - (frame.x1 - frame.x0)).abs() < MM
        });
        assert!(
            above && below,
            "{name}: no frame round {urgent:?}: {:?}",
            lo.rules
        );

        // The copy block: a rule across the text width between the original's
        // signer and the copy's form, in both.
        for (who, page) in [("vanban", &case.pdf), ("LibreOffice", &case.lo)] {
            let all: Vec<(usize, &Page)> = page.pages.iter().enumerate().collect();
            let signer = all
                .iter()
                .find_map(|(i, p)| {
                    p.words
                        .iter()
                        .find(|w| w.text == "Nguyễn")
                        .map(|w| (*i, w.bottom))
                })
                .unwrap();
            let form = all
                .iter()
                .find_map(|(i, p)| {
                    lines(p)
                        .into_iter()
                        .find(|l| l.text().contains("SAO"))
                        .map(|l| (*i, l.words[0].top))
                })
                .unwrap_or_else(|| panic!("{name}: {who} has no copy form"));
            let p = &page.pages[form.0];
            let rule = p.rules.iter().find(|r| {
                (r.x1 - r.x0) > 160.0 * MM
                    && r.top < form.1
                    && (form.0 > signer.0 || r.top > signer.1)
            });
            assert!(
                rule.is_some(),
                "{name}: {who}: no full-width rule over the copy block: {:?}",
                p.rules
            );
        }

        // The images: where vanban places them, within 3 mm.
        assert_eq!(ours.images.len(), lo.images.len(), "{name}");
        for (a, b) in ours.images.iter().zip(&lo.images) {
            for (u, v) in [
                (a.x0, b.x0),
                (a.x1, b.x1),
                (a.top, b.top),
                (a.bottom, b.bottom),
            ] {
                assert!((u - v).abs() < 3.0 * MM, "{name}: image {a:?} vs {b:?}");
            }
        }
    }
}

/// A copy of a document signed side by side (a joint plan): the copy block
/// has one signature, so its ending has the columns of a one-signature
/// document's ending, not the original's two equal halves.
#[test]
fn docx_copy_of_a_joint_document_has_a_one_signature_ending() {
    let dir = tempfile::tempdir().unwrap();
    let widths = |doc: Doc, name: &str, signer: &str| {
        let file = dir.path().join(name);
        doc.write(&file);
        let d = read_back(&docx_of(&file));
        d.body
            .iter()
            .find(|b| {
                b.kind == "t"
                    && b.rows
                        .iter()
                        .any(|r| r.cells.iter().any(|c| c.text.contains(signer)))
            })
            .unwrap_or_else(|| panic!("{name}: no ending signed by {signer}"))
            .widths
            .clone()
    };
    let joint = || Doc::joint_plan("nha-nuoc");
    let original = widths(joint(), "joint.toml", "Trần Văn Cường");
    let copy = widths(joint().copied_as("sao-y"), "copy.toml", "Trần Thị Bình");
    let single = widths(Doc::state_notice(), "single.toml", "Nguyễn Văn A");
    // The original's two signatures stand in equal halves.
    assert!((original[0] - original[2]).abs() < 1.0, "{original:?}");
    assert_eq!(
        copy, single,
        "the copy's ending against a one-signature ending"
    );
}
