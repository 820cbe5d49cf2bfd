//! `cargo bench --bench docx`: the time to write each example as DOCX, as a
//! ratio to the time to write it as PDF, both measured in this run, in this
//! process, warm (fonts parsed, Typst's caches filled). Both times include
//! resolving the document (reading, checking, formatting), since each writer
//! starts from the file. Prints a Markdown table for BENCHMARKS.md.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use vanban::Renderer;

const RUNS: u32 = 10;

fn mean(mut f: impl FnMut()) -> Duration {
    // Two warm-up runs fill the caches both writers would find in `batch`.
    f();
    f();
    let start = Instant::now();
    for _ in 0..RUNS {
        f();
    }
    start.elapsed() / RUNS
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let renderer = Renderer::new();
    println!("| Example | PDF (ms) | DOCX (ms) | DOCX / PDF |");
    println!("|---|---|---|---|");
    let (mut pdf_total, mut docx_total) = (Duration::ZERO, Duration::ZERO);
    for file in &files {
        let pdf = mean(|| {
            let r = renderer.resolve_file(file).unwrap();
            std::hint::black_box(renderer.render(&r).unwrap());
        });
        let docx = mean(|| {
            let r = renderer.resolve_file(file).unwrap();
            std::hint::black_box(vanban::docx::write(&r).unwrap());
        });
        pdf_total += pdf;
        docx_total += docx;
        println!(
            "| {} | {:.1} | {:.1} | {:.2}× |",
            file.file_stem().unwrap().to_string_lossy(),
            pdf.as_secs_f64() * 1e3,
            docx.as_secs_f64() * 1e3,
            docx.as_secs_f64() / pdf.as_secs_f64()
        );
    }
    let n = files.len() as f64;
    println!(
        "| **mean per document** | {:.1} | {:.1} | **{:.2}×** |",
        pdf_total.as_secs_f64() * 1e3 / n,
        docx_total.as_secs_f64() * 1e3 / n,
        docx_total.as_secs_f64() / pdf_total.as_secs_f64()
    );
}
