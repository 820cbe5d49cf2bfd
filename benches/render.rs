//! `cargo bench`: how fast vanban renders in-process, warm (fonts parsed and
//! Typst's caches filled), the way `batch` and `watch` use it.
//!
//! - `render/seed`: load + check + typeset + PDF of the seed resolution, the
//!   same file every time (Typst's caches serve the unchanged layout).
//! - `render/seed-incremental`: the same through one long-lived session after
//!   a one-word edit that is new every iteration, as `watch` does.
//! - `preview/first-page-96dpi`: typeset + PNG of page 1.
//! - `batch/N`: N copies of the seed, each with its own number, through
//!   `workflow::batch::run` on all cores.

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use vanban::workflow::{batch, preview};
use vanban::Renderer;

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/nghi-quyet-07-NQ-DU-2025.toml")
}

fn render(c: &mut Criterion) {
    let renderer = Renderer::new();
    let file = seed();
    let mut g = c.benchmark_group("render");
    g.sample_size(20);
    g.bench_function("seed", |b| {
        b.iter(|| {
            let doc = renderer.load(&file).unwrap();
            renderer.render_pdf(&doc, &file).unwrap()
        })
    });

    // A one-word edit in a copy of the seed: the signer's name, a different
    // one each iteration, so no iteration finds the whole document cached.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("seed.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("Trần Nguyên Thọ"));
    std::fs::write(&copy, &text).unwrap();
    let mut session = renderer.session();
    session.render_pdf(&copy).unwrap();
    let mut n = 0u64;
    g.bench_function("seed-incremental", |b| {
        b.iter(|| {
            n += 1;
            let edited = text.replace("Trần Nguyên Thọ", &format!("Trần Nguyên Thọ{n}"));
            std::fs::write(&copy, edited).unwrap();
            session.render_pdf(&copy).unwrap()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("preview");
    g.sample_size(20);
    g.bench_function("first-page-96dpi", |b| {
        b.iter(|| {
            let resolved = renderer.resolve_file(&file).unwrap();
            let paged = renderer.typeset(&resolved).unwrap();
            preview::png(&paged, 0, 96.0).unwrap()
        })
    });
    g.finish();
}

fn batch_throughput(c: &mut Criterion) {
    const N: usize = 20;
    let renderer = Renderer::new();
    let dir = tempfile::tempdir().unwrap();
    let inputs: Vec<PathBuf> = (0..N)
        .map(|i| {
            let p = dir.path().join(format!("nq-{i:03}.toml"));
            let text = std::fs::read_to_string(seed()).unwrap();
            std::fs::write(&p, text.replace("so = 7\n", &format!("so = {}\n", i + 1))).unwrap();
            p
        })
        .collect();
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let jobs = batch::plan(inputs, &out);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut g = c.benchmark_group("batch");
    g.sample_size(10);
    g.throughput(Throughput::Elements(N as u64));
    g.bench_function(format!("{N}-copies-{threads}-threads"), |b| {
        b.iter(|| {
            let outcomes = batch::run(&renderer, &jobs, threads, |_| {}).unwrap();
            assert_eq!(batch::exit_code(&outcomes), 0);
        })
    });
    g.finish();
}

criterion_group!(benches, render, batch_throughput);
criterion_main!(benches);
