//! `vanban batch`: render a quarter's whole set of documents at once.
//!
//! One [`Renderer`] (fonts parsed once) is shared by a bounded pool of
//! threads, each rendering one document at a time. Every document is rendered on its own: a bad one is reported and
//! the others go on.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

#[cfg(feature = "cli")]
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::error::Error;
use crate::output::Format;
use crate::Renderer;

/// Typst's compiler recurses deeply (layout of nested content, comemo's
/// tracking); 2 MiB, a spawned thread's default, is the floor, so every
/// worker gets room to spare.
const STACK_SIZE: usize = 8 << 20;

const EXTENSIONS: [&str; 4] = ["toml", "json", "yaml", "yml"];

/// One document to render and where its PDF goes.
#[derive(Debug, Clone)]
pub struct Job {
    pub input: PathBuf,
    pub output: PathBuf,
    /// An earlier input whose PDF has the same name: this one is not rendered,
    /// so one never silently overwrites the other.
    pub clashes_with: Option<PathBuf>,
    pub format: Format,
}

/// What became of one job.
#[derive(Debug)]
pub enum Outcome {
    Done {
        input: PathBuf,
        output: PathBuf,
        elapsed: Duration,
    },
    Failed {
        input: PathBuf,
        error: Error,
    },
}

impl Outcome {
    pub fn input(&self) -> &Path {
        match self {
            Outcome::Done { input, .. } | Outcome::Failed { input, .. } => input,
        }
    }
}

/// The document files named: a directory stands for the document files
/// directly in it (not below: data and fragment files live in subfolders),
/// sorted so runs are reproducible.
pub fn inputs(args: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut out = Vec::new();
    for arg in args {
        if arg.is_dir() {
            let entries = std::fs::read_dir(arg).map_err(|source| Error::Read {
                file: arg.clone(),
                source,
            })?;
            let mut found: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file() && is_document(p))
                .collect();
            if found.is_empty() {
                return Err(Error::NoDocuments { dir: arg.clone() });
            }
            found.sort();
            out.extend(found);
        } else {
            // A missing or wrongly named file fails as its own job, with the
            // same message `render` gives.
            out.push(arg.clone());
        }
    }
    if out.is_empty() {
        return Err(Error::NoDocuments {
            dir: PathBuf::from("."),
        });
    }
    Ok(out)
}

fn is_document(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// `OUTDIR/<stem>.pdf` for each input.
pub fn plan(inputs: Vec<PathBuf>, outdir: &Path) -> Vec<Job> {
    plan_as(inputs, outdir, Format::Pdf)
}

/// `OUTDIR/<stem>.pdf` (or `.docx`) for each input.
pub fn plan_as(inputs: Vec<PathBuf>, outdir: &Path, format: Format) -> Vec<Job> {
    let mut seen: HashMap<PathBuf, PathBuf> = HashMap::new();
    inputs
        .into_iter()
        .map(|input| {
            let stem = input.file_stem().unwrap_or(input.as_os_str());
            let output = outdir.join(Path::new(stem).with_extension(format.extension()));
            let clashes_with = seen.get(&output).cloned();
            seen.entry(output.clone()).or_insert_with(|| input.clone());
            Job {
                input,
                output,
                clashes_with,
                format,
            }
        })
        .collect()
}

/// Renders every job on `threads` workers, calling `done` as each finishes,
/// and returns the outcomes in the jobs' order.
pub fn run(
    renderer: &Renderer,
    jobs: &[Job],
    threads: usize,
    done: impl Fn(&Outcome) + Sync,
) -> Result<Vec<Outcome>, Error> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.max(1))
        .stack_size(STACK_SIZE)
        .thread_name(|i| format!("vanban-batch-{i}"))
        .build()
        .map_err(|source| Error::Threads { source })?;
    // One long-lived task per worker, each taking the next job in turn, and
    // not one rayon task per document: Typst lays pages out in parallel on
    // the same pool, and a worker waiting inside such a join steals whatever
    // task is queued. With the documents queued as tasks it started document
    // after document on top of the unfinished one, so every document of the
    // batch was in flight at once (peak memory grew with the batch, 250 MiB
    // for 200, and no PDF was written until the deepest one finished).
    let next = AtomicUsize::new(0);
    let per_worker: Vec<Vec<(usize, Outcome)>> = pool.broadcast(|_| {
        let mut mine = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(job) = jobs.get(i) else { break };
            let outcome = one(renderer, job);
            done(&outcome);
            mine.push((i, outcome));
        }
        mine
    });
    let mut all: Vec<(usize, Outcome)> = per_worker.into_iter().flatten().collect();
    all.sort_by_key(|(i, _)| *i);
    Ok(all.into_iter().map(|(_, outcome)| outcome).collect())
}

fn one(renderer: &Renderer, job: &Job) -> Outcome {
    let start = Instant::now();
    let failed = |error| Outcome::Failed {
        input: job.input.clone(),
        error,
    };
    if let Some(first) = &job.clashes_with {
        return failed(Error::Invalid {
            file: job.input.clone(),
            field: String::new(),
            problem: crate::problems::Invalid::SameOutput {
                output: job.output.clone(),
                first: first.clone(),
            },
        });
    }
    // A panic inside Typst must cost one document, not the whole batch.
    let result = catch_unwind(AssertUnwindSafe(|| {
        let resolved = renderer.resolve_file(&job.input)?;
        let bytes = renderer.render_as(&resolved, job.format)?;
        crate::output::write_output(&job.output, &bytes, &resolved.protected())
    }));
    match result {
        Ok(Ok(())) => Outcome::Done {
            input: job.input.clone(),
            output: job.output.clone(),
            elapsed: start.elapsed(),
        },
        Ok(Err(e)) => failed(e),
        Err(panic) => failed(Error::Crashed {
            file: job.input.clone(),
            message: panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into()),
        }),
    }
}

/// A progress bar on stderr, hidden when stderr is not a terminal (a log
/// file or a test), where its redraws would only be noise.
#[cfg(feature = "cli")]
pub fn progress(total: usize) -> ProgressBar {
    use std::io::IsTerminal;
    let target = if std::io::stderr().is_terminal() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    };
    let bar = ProgressBar::with_draw_target(Some(total as u64), target);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed_precise} {wide_msg}")
            .expect("a valid template"),
    );
    bar
}

/// The process exit code for a batch: 0 all done, 2 if vanban itself failed
/// on any document, else 1 (some input was wrong).
pub fn exit_code(outcomes: &[Outcome]) -> u8 {
    let mut code = 0;
    for o in outcomes {
        if let Outcome::Failed { error, .. } = o {
            code = code.max(if error.is_input_error() { 1 } else { 2 });
        }
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_with_the_same_name_clash() {
        let jobs = plan(
            vec!["a/x.toml".into(), "b/x.json".into(), "c/y.toml".into()],
            Path::new("out"),
        );
        assert_eq!(jobs[0].output, Path::new("out/x.pdf"));
        assert!(jobs[0].clashes_with.is_none());
        assert_eq!(jobs[1].clashes_with.as_deref(), Some(Path::new("a/x.toml")));
        assert!(jobs[2].clashes_with.is_none());
    }
}
