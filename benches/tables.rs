//! `cargo bench --bench tables`: a free table of 2.000 rows (landscape, a
//! two-row header with spans repeated on every page, a "TT" column, rows
//! joined by cells spanning them, "X" marks) against a plain document of
//! 2.000 paragraphs, in the same run, with the same renderer: the time of
//! each (load + check + typeset + PDF), and their ratio. The goal for the table
//! is under 10 s in a release build.
//!
//! Every run changes one word in every row or paragraph, so no run finds the
//! previous one's layout in Typst's caches. `-- --runs N` sets the number of
//! runs (default 3); the median is reported.

use std::path::Path;
use std::time::{Duration, Instant};

use vanban::Renderer;

const ROWS: usize = 2000;

const HEAD: &str = r#"
the_thuc = "dang"
loai = "bao-cao"
co_quan_cap_tren = "Đảng bộ tỉnh Hà Tĩnh"
co_quan_ban_hanh = "Đảng ủy xã Vũ Quang"
ma_co_quan = "ĐU"
so = 30
dia_danh = "Vũ Quang"
ngay_ban_hanh = "2026-02-27"
trich_yeu = "tiến độ thực hiện các văn bản chỉ đạo"

[ky]
hinh_thuc = "thay-mat"
thay_mat = "Ban Thường vụ"
chuc_vu = "Bí thư"
ho_ten = "Trần Nguyên Thọ"

[noi_nhan]
danh_sach = ["Các chi bộ trực thuộc"]
luu = "Văn phòng Đảng ủy"
"#;

fn table_document(run: usize) -> String {
    let mut rows = String::new();
    for i in 0..ROWS {
        let directive = if i % 2 == 0 {
            format!("\"Kết luận số {i}-KL/ĐU của Ban Thường vụ Đảng ủy (lần {run})\"")
        } else {
            "\"^\"".to_string()
        };
        let marks = [
            "true, false, false",
            "false, true, false",
            "false, false, true",
        ][i % 3];
        rows.push_str(&format!(
            "  [{directive}, \"Nội dung chỉ đạo số {i} về phát triển kinh tế - xã hội, lần {run}.\", \"Đã triển khai thực hiện, đạt {}% kế hoạch.\", \"\", {marks}],\n",
            i % 100
        ));
    }
    format!(
        "huong = \"ngang\"\nmo_dau = [{{ bang = \"tien_do\" }}]\nket_luan = [\"Trên đây là báo cáo tiến độ\"]\n{HEAD}\n[bang.tien_do]\ndanh_so = true\nrong = [48, \"*\", \"*\", 40, 17, 17, 17]\ntieu_de = [\n  [\"Chỉ đạo\", \"Nội dung chỉ đạo\", \"Kết quả thực hiện\", \"Đề xuất, kiến nghị\", \"Tiến độ\", \"<\", \"<\"],\n  [\"^\", \"^\", \"^\", \"^\", \"Đúng hạn\", \"Trễ hạn\", \"Không giao hạn\"],\n]\nhang = [\n{rows}]\n"
    )
}

fn paragraph_document(run: usize) -> String {
    let paragraphs: Vec<String> = (0..ROWS)
        .map(|i| format!("  \"Đoạn văn số {i}, lần {run}: Đảng ủy chỉ đạo triển khai thực hiện các nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh trên địa bàn.\","))
        .collect();
    format!("mo_dau = [\n{}\n]\n{HEAD}", paragraphs.join("\n"))
}

fn time(renderer: &Renderer, text: &str) -> (Duration, usize) {
    let path = Path::new("bench.toml");
    let start = Instant::now();
    let doc = vanban::model::parse(path, text, vanban::model::Format::Toml).unwrap();
    let pdf = renderer.render_pdf(&doc, path).unwrap();
    (start.elapsed(), pdf.len())
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let runs = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(3usize)
        .max(1);
    let renderer = Renderer::new();
    // Fonts and the templates' first compile, outside the measure.
    time(&renderer, &paragraph_document(usize::MAX));
    let (mut tables, mut plain) = (Vec::new(), Vec::new());
    for run in 0..runs {
        let (t, _) = time(&renderer, &table_document(run));
        let (p, _) = time(&renderer, &paragraph_document(run));
        tables.push(t);
        plain.push(p);
    }
    let (t, p) = (median(tables), median(plain));
    let profile = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    println!(
        "tables/{ROWS}-rows ({profile}, median of {runs}): {:.2} s",
        t.as_secs_f64()
    );
    println!(
        "plain/{ROWS}-paragraphs ({profile}, median of {runs}): {:.2} s",
        p.as_secs_f64()
    );
    println!(
        "ratio table / paragraphs: {:.2}",
        t.as_secs_f64() / p.as_secs_f64()
    );
    if !cfg!(debug_assertions) {
        assert!(
            t < Duration::from_secs(10),
            "the 2.000-row table took {t:?}; the goal is under 10 s"
        );
    }
}
