//! Memory stays flat over many renders in one process: Typst's memo cache is
//! evicted after every compile, failed ones too.

mod common;

use std::path::Path;

use typst::foundations::Datetime;
use vanban::model::{parse, Format};
use vanban::typeset::{compile, FontSet};
use vanban::{Document, Renderer};

fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS")
}

fn document(i: usize) -> Document {
    // Every document differs, so nothing is served from the cache.
    let text = format!(
        r#"
the_thuc = "dang"
loai = "thong-bao"
co_quan_ban_hanh = "Đảng ủy xã Vũ Quang"
ma_co_quan = "ĐU"
so = {n}
dia_danh = "Vũ Quang"
ngay_ban_hanh = "2026-03-02"
trich_yeu = "về lịch làm việc tuần {i}"
mo_dau = ["Thông báo số {i}: {body}"]
[ky]
chuc_vu = "Bí thư"
ho_ten = "Trần Nguyên Thọ"
[noi_nhan]
luu = "Văn phòng Đảng ủy"
"#,
        n = i % 500 + 1,
        body = "Ban Thường vụ Đảng ủy thông báo lịch làm việc. ".repeat(20 + i % 7),
    );
    parse(Path::new("t.toml"), &text, Format::Toml).unwrap()
}

#[test]
fn memory_stays_flat_over_hundreds_of_renders() {
    let renderer = Renderer::new();
    let fonts = FontSet::embedded();
    let today = Datetime::from_ymd(2026, 1, 1).unwrap();
    let round = |range: std::ops::Range<usize>| {
        for i in range {
            let doc = document(i);
            renderer.render_pdf(&doc, Path::new("t.toml")).unwrap();
            // A failed compile every tenth time: its cache entries must go too.
            if i % 10 == 0 {
                assert!(compile(&fonts, format!("#let x{i} = (\n"), today).is_err());
            }
        }
    };
    // VANBAN_MEMORY_RENDERS=1000 (with --release) for the long run.
    let total: usize = std::env::var("VANBAN_MEMORY_RENDERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    round(0..40);
    let warm = rss_kib();
    let mut peak = warm;
    for start in (40..total).step_by(100) {
        round(start..(start + 100).min(total));
        peak = peak.max(rss_kib());
    }
    let end = rss_kib();
    let growth_mib = (peak.saturating_sub(warm)) as f64 / 1024.0;
    eprintln!(
        "RSS after 40 renders: {} MiB; after {total}: {} MiB; peak {} MiB",
        warm / 1024,
        end / 1024,
        peak / 1024
    );
    // Without eviction each distinct document keeps megabytes alive.
    assert!(
        growth_mib < 40.0,
        "RSS grew {growth_mib:.1} MiB over {} renders",
        total - 40
    );
}
