//! The `vanban` binary as a user runs it.

use std::path::Path;
use std::process::{Command, Output};

use crate::common::*;

fn vanban(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run vanban")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

#[test]
fn renders_from_any_directory_beside_the_input_or_to_o() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("nq.toml");
    std::fs::copy(seed_example(), &input).unwrap();
    // Run from an unrelated directory: templates and fonts are in the binary.
    let elsewhere = tempfile::tempdir().unwrap();
    let out = vanban(&["render", input.to_str().unwrap()], elsewhere.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = std::fs::read(dir.path().join("nq.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));

    let chosen = dir.path().join("ra.pdf");
    let out = vanban(
        &[
            "render",
            input.to_str().unwrap(),
            "-o",
            chosen.to_str().unwrap(),
        ],
        elsewhere.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::read(&chosen).unwrap() == pdf,
        "same input, same bytes"
    );
}

#[test]
fn emitted_typst_is_self_contained_and_typst_itself_compiles_it_to_the_same_document() {
    let dir = tempfile::tempdir().unwrap();
    let typ = dir.path().join("nq.typ");
    let out = vanban(
        &[
            "render",
            seed_example().to_str().unwrap(),
            "--emit",
            "typ",
            "-o",
            typ.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let source = std::fs::read_to_string(&typ).unwrap();
    assert!(source.contains("#let van-ban("), "layout library inlined");
    // The layout library has an image call (signature and seal of a signed
    // copy) but never a path of its own: only a document naming images
    // passes one.
    for outside in ["#import", "#include", "read(", "image(\"", "/anh/"] {
        assert!(
            !source.contains(outside),
            "the source reaches outside: {outside}"
        );
    }

    // Typst 0.15.1 on its own (the `typst` Python package bundles it), with
    // only the vendored fonts, as `typst compile --font-path fonts
    // --ignore-system-fonts` would.
    let typst_pdf = dir.path().join("typst.pdf");
    let script = format!(
        "import typst; typst.compile({:?}, output={:?}, font_paths=[{:?}], ignore_system_fonts=True)",
        typ.to_str().unwrap(),
        typst_pdf.to_str().unwrap(),
        root().join("fonts").to_str().unwrap()
    );
    let out = Command::new("python3")
        .args(["-c", &script])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "typst rejected the emitted source: {}",
        stderr(&out)
    );
    let theirs = std::fs::read(&typst_pdf).unwrap();
    let ours = render_file(&seed_example());
    assert_eq!(pdftotext(&theirs), pdftotext(&ours));
    assert_eq!(probe(&theirs).pages.len(), probe(&ours).pages.len());
}

#[test]
fn bad_input_exits_1_with_its_place_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bad.toml");
    let good = std::fs::read_to_string(seed_example()).unwrap();
    std::fs::write(&input, good.replace("so = 7", "so = -7")).unwrap();
    let target = dir.path().join("bad.pdf");
    std::fs::write(&target, b"previous good PDF").unwrap();
    let out = vanban(&["render", input.to_str().unwrap()], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let msg = stderr(&out);
    assert!(
        msg.contains("bad.toml:") && msg.contains("trường `so`"),
        "{msg}"
    );
    assert!(!msg.contains("panicked"), "{msg}");
    assert_eq!(std::fs::read(&target).unwrap(), b"previous good PDF");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".vanban-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind");

    let out = vanban(&["render", "missing.toml"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("missing.toml"));
}

#[test]
fn a_profile_in_templates_dir_changes_the_layout_without_code() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("tpl/profiles")).unwrap();
    let profile = std::fs::read_to_string(root().join("templates/profiles/dang-hd36.toml"))
        .unwrap()
        .replace("le_trai = \"30mm\"", "le_trai = \"35mm\"")
        .replace("phan_cach = \",\"", "phan_cach = \";\"");
    std::fs::write(dir.path().join("tpl/profiles/dang-hd36.toml"), profile).unwrap();
    let pdf = dir.path().join("x.pdf");
    let out = vanban(
        &[
            "render",
            seed_example().to_str().unwrap(),
            "--templates",
            dir.path().join("tpl").to_str().unwrap(),
            "-o",
            pdf.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = std::fs::read(pdf).unwrap();
    let page = &probe(&pdf).pages[1];
    let min_x0 = page
        .words
        .iter()
        .filter(|w| w.top > 20.0 * MM)
        .map(|w| w.x0)
        .fold(f64::MAX, f64::min);
    assert!(
        (min_x0 - 35.0 * MM).abs() < 0.5 * MM,
        "left margin {:.1} mm",
        min_x0 / MM
    );
    assert!(squash(&pdftotext(&pdf)).contains("- Thường trực Tỉnh ủy;"));

    std::fs::write(
        dir.path().join("tpl/profiles/dang-hd36.toml"),
        "ten = \"dang-hd36\"\nthe_thuc = \"dang\"\n",
    )
    .unwrap();
    let out = vanban(
        &[
            "render",
            seed_example().to_str().unwrap(),
            "--templates",
            dir.path().join("tpl").to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let msg = stderr(&out);
    assert!(msg.contains("dang-hd36") && msg.contains("mo_ta"), "{msg}");
}

#[test]
fn fonts_lists_the_embedded_family() {
    let out = vanban(&["fonts"], Path::new("."));
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Liberation Serif"));
}

#[test]
fn a_typst_error_is_traced_to_its_template_line_and_data_field() {
    let run = |file: &str, text: String| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        let out = vanban(
            &[
                "--lang",
                "en",
                "render",
                seed_example().to_str().unwrap(),
                "--templates",
                dir.path().to_str().unwrap(),
                "-o",
                dir.path().join("x.pdf").to_str().unwrap(),
            ],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(2));
        stderr(&out)
    };
    // A broken layout library: the error names its own line.
    let library = std::fs::read_to_string(root().join("templates/the-thuc.typ")).unwrap();
    let line = library
        .lines()
        .position(|l| l.starts_with("#let muc("))
        .unwrap()
        + 1;
    let broken = library.replacen(
        "#let muc(p, level, dam: auto, nghieng: auto, giua: false, body) = {",
        "#let muc(p, level, dam: auto, nghieng: auto, giua: false, body) = {\n  nope()",
        1,
    );
    let msg = run("the-thuc.typ", broken);
    assert!(
        msg.contains(&format!("the-thuc.typ:{} ", line + 1)),
        "{msg}"
    );
    assert!(msg.contains("unknown variable: nope"), "{msg}");
    // A broken document template: the error names the template line of the
    // call, or, inside the body, the data field whose text was being set.
    let kind = std::fs::read_to_string(root().join("templates/kinds/van-ban.typ")).unwrap();
    let call = kind
        .lines()
        .position(|l| l.starts_with("#ten-van-ban("))
        .unwrap()
        + 1;
    let msg = run(
        "kinds/van-ban.typ",
        kind.replacen("#ten-van-ban(", "#ten-van-ban(nope,", 1),
    );
    assert!(
        msg.contains(&format!("template kinds/van-ban.typ:{call} ")),
        "{msg}"
    );
    let msg = run(
        "kinds/van-ban.typ",
        kind.replacen(
            "{% else %}{{ b.text }}{% endif %}",
            "{% else %}{{ b.text }}#nope{% endif %}",
            1,
        ),
    );
    assert!(msg.contains("data field `noi_dung[0].doan[0]`"), "{msg}");
}

#[test]
fn completions_and_the_man_page_follow_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    let out = vanban(&["completions", "bash"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let script = String::from_utf8(out.stdout).unwrap();
    for word in [
        "render",
        "check",
        "archive",
        "register",
        "--font-path",
        "--allow-path",
    ] {
        assert!(script.contains(word), "completions lack {word}");
    }
    let out = vanban(&["man"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.starts_with(".ie \\n(.g"), "not roff: {}", &page[..40]);
    assert!(page.contains(".TH vanban 1"), "no title header");
    assert!(page.contains("render") && page.contains("completions"));
}

/// A custom profile (`ho_so`) exists only under `--templates`; archiving and
/// numbering take the same option, so what renders can be archived.
#[test]
fn archive_and_register_next_take_the_templates_a_custom_profile_needs() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("tpl/profiles")).unwrap();
    let profile = std::fs::read_to_string(root().join("templates/profiles/dang-hd36.toml"))
        .unwrap()
        .replace("ten = \"dang-hd36\"", "ten = \"dang-rieng\"");
    std::fs::write(dir.path().join("tpl/profiles/dang-rieng.toml"), profile).unwrap();
    let doc = format!(
        "ho_so = \"dang-rieng\"\n{}",
        std::fs::read_to_string(seed_example()).unwrap()
    );
    std::fs::write(dir.path().join("nq.toml"), doc).unwrap();

    let term = ["--nhiem-ky-tu", "2025-01-01"];
    let without = vanban(
        &["archive", "nq.toml", "--to", "kho", term[0], term[1]],
        dir.path(),
    );
    assert_eq!(without.status.code(), Some(1), "{}", stderr(&without));
    assert!(
        stderr(&without).contains("dang-rieng"),
        "{}",
        stderr(&without)
    );
    let with = vanban(
        &[
            "archive",
            "nq.toml",
            "--to",
            "kho",
            term[0],
            term[1],
            "--templates",
            "tpl",
        ],
        dir.path(),
    );
    assert!(with.status.success(), "{}", stderr(&with));
    let archived = String::from_utf8(with.stdout).unwrap();
    let pdf = archived.trim().rsplit('\t').next().unwrap();
    assert!(std::fs::read(dir.path().join(pdf))
        .unwrap()
        .starts_with(b"%PDF-"));

    let next = vanban(
        &[
            "register",
            "next",
            "--archive",
            "kho",
            "--type",
            "NQ",
            "--templates",
            "tpl",
        ],
        dir.path(),
    );
    assert!(next.status.success(), "{}", stderr(&next));
}

/// The typst-cli spellings, and the old ones kept as hidden aliases.
#[test]
fn typst_names_and_the_old_spellings_are_both_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let fonts = root().join("fonts");
    for flag in ["--font-path", "--font-dir"] {
        let out = vanban(&["fonts", flag, fonts.to_str().unwrap()], dir.path());
        assert!(out.status.success(), "{flag}: {}", stderr(&out));
        let pdf = dir.path().join(format!("{flag}.pdf"));
        let out = vanban(
            &[
                "render",
                seed_example().to_str().unwrap(),
                flag,
                fonts.to_str().unwrap(),
                "-o",
                pdf.to_str().unwrap(),
            ],
            dir.path(),
        );
        assert!(out.status.success(), "{flag}: {}", stderr(&out));
    }
    let seed = seed_example();
    for (pages, ppi) in [("--pages", "--ppi"), ("--page", "--dpi")] {
        let out_dir = dir.path().join(pages.trim_start_matches('-'));
        std::fs::create_dir(&out_dir).unwrap();
        let out = vanban(
            &[
                "preview",
                seed.to_str().unwrap(),
                pages,
                "1",
                ppi,
                "30",
                "-o",
                out_dir.to_str().unwrap(),
            ],
            dir.path(),
        );
        assert!(out.status.success(), "{pages} {ppi}: {}", stderr(&out));
        let pngs: Vec<_> = std::fs::read_dir(&out_dir).unwrap().collect();
        assert_eq!(pngs.len(), 1, "only the page asked for");
        // 30 ppi: an A4 page is 248 pixels wide.
        let png = std::fs::read(pngs[0].as_ref().unwrap().path()).unwrap();
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        assert_eq!(width, 248);
    }
    // The old spellings stay out of the help.
    let help = String::from_utf8(vanban(&["preview", "--help"], dir.path()).stdout).unwrap();
    assert!(help.contains("--ppi") && !help.contains("--dpi"), "{help}");
}
