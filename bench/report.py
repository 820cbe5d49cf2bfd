"""Writes BENCHMARKS.md from the results bench/compare.sh collected (stdout).

Every speed claim is a ratio against a baseline measured in the same run;
anything not measured says so.
"""
import json
import os
import re
import statistics
from pathlib import Path

env = os.environ
res = Path(env["RES"])
work = env["WORK"]
root = env["ROOT"]


def short(cmd):
    return cmd.replace(work, "$WORK").replace(root + "/", "")


def load(name):
    p = res / name
    if not p.exists():
        return {}
    return {r["command"]: r for r in json.loads(p.read_text())["results"]}


def peak_kib(name):
    p = res / name
    if not p.exists():
        return None
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.read_text())
    return int(m.group(1)) if m else None


def ms(r):
    return f"{r['mean'] * 1000:.1f} ± {r['stddev'] * 1000:.1f} ms" if r.get("stddev") is not None else f"{r['mean'] * 1000:.1f} ms"


def cpu(r):
    """User + system CPU seconds of one run: on a machine shared with other
    work, wall time measures the neighbours too; CPU time does not."""
    return r.get("user", 0) + r.get("system", 0)


def mib(k):
    return "not measured" if k is None else f"{k / 1024:.0f} MiB"


single = load("single.json")
many = load("many.json")
copies = int(env["COPIES"])
nproc = env["NPROC"]

out = []
w = out.append
w("# Benchmarks")
w("")
w("Measured by `bash bench/compare.sh` (and `cargo bench`), all numbers from one run on one machine.")
w("Every claim is a ratio against a baseline measured in the same run. Re-run the script to reproduce;")
w("it rewrites this file.")
w("")
w("## Machine and versions")
w("")
w(f"- CPU: {env['CPU']}, `nproc` = {nproc}; memory {env['MEM']}; {env['KERNEL']}")
w(f"- {env['VANBAN_VERSION']} (release build, Typst 0.15.1 in-process); {env['RUSTC_VERSION']}")
w(f"- typst-cli: {env['TYPST_VERSION']}")
w(f"- typst-py (Python package `typst`, bundles Typst 0.15.1): {env.get('TYPST_PY_VERSION', 'not installed')}")
w(f"- load average at the start and the end of the run: {env.get('LOAD_START', '?')} / {env.get('LOAD_END', '?')} (on {nproc} cores: other work on the machine inflates wall times, not CPU times)")
w(f"- {env['HYPERFINE_VERSION']}; peak memory from `/usr/bin/time -v` (maximum resident set size)")
w("")

w("## 1. One document, cold process")
w("")
w("The seed resolution (9 pages). `vanban render` reads the TOML, checks it, fills the templates,")
w("compiles with Typst and writes the PDF; `typst compile` compiles the source vanban emits")
w(f"(`--emit typ`) with the same fonts. hyperfine, 3 warm-up runs, {env['RUNS']} runs each. hyperfine")
w("starts each command through a shell and subtracts the shell's own start-up time.")
w("")
w("| Command | Time (mean ± σ) | CPU, user + system | Peak RSS |")
w("|---|---|---|---|")
rss = {"vanban render": peak_kib("rss-render.txt"), "typst compile": peak_kib("rss-typst.txt")}
for name, r in single.items():
    w(f"| {name} | {ms(r)} | {cpu(r) * 1000:.1f} ms | {mib(rss.get(name)) if name in rss else '—'} |")
if "typst compile" not in single:
    w("| typst compile | **not measured** (run without `--no-typst-cli`) | not measured | not measured |")
w("")
if "typst compile" in single and "vanban render" in single:
    ratio = single["vanban render"]["mean"] / single["typst compile"]["mean"]
    w(f"**vanban render / typst compile = {ratio:.2f}×** (target ≤ 0.9×; baseline: typst-cli 0.15.1, same run);")
    w(f"in CPU time {cpu(single['vanban render']) * 1000:.1f} ms against {cpu(single['typst compile']) * 1000:.1f} ms, **{cpu(single['vanban render']) / cpu(single['typst compile']):.2f}×**.")
    w("typst-cli gets exactly vanban's fonts: `--font-path fonts` (the four Liberation Serif files vanban")
    w("embeds), `--ignore-system-fonts`, and `--ignore-embedded-fonts` so it does not parse the fonts built")
    w("into its binary either. It is built by `cargo install typst-cli --version 0.15.1 --locked`, whose")
    w("manifest on crates.io sets no release profile (no LTO), as a user who installs it that way gets it.")
else:
    w("**typst-cli was not measured in this run** (`--no-typst-cli`: building it takes about 13 minutes")
    w("on 2 cores); the baseline is typst-py below, the same Typst 0.15.1 compiler.")
py, py0 = single.get("typst-py compile"), single.get("typst-py start-up only")
if py and py0 and "vanban render" in single:
    v = single["vanban render"]["mean"]
    compile_only = py["mean"] - py0["mean"]
    w("")
    w(f"Second baseline, typst-py (the same Typst 0.15.1 compiler, called from `python3 -c`, same run):")
    w(f"**vanban render / typst-py compile = {v / py['mean']:.2f}×**, where typst-py's time includes starting")
    w(f"Python and importing the module ({py0['mean'] * 1000:.1f} ms by itself). Without that start-up,")
    cpu_only = cpu(py) - cpu(py0)
    w(f"typst-py's compile + PDF takes about {compile_only * 1000:.1f} ms, and **vanban render / that = {v / compile_only:.2f}×**;")
    w(f"in CPU time {cpu(single['vanban render']) * 1000:.1f} ms against {cpu_only * 1000:.1f} ms, **{cpu(single['vanban render']) / cpu_only:.2f}×**")
    w("(target ≤ 0.9×; an estimate: a difference of two means, and typst-py's compile reads the")
    w("fonts and the source from disk as typst-cli does, while vanban's whole process, start-up,")
    w("reading and checking the TOML included, is on the other side).")
if "vanban preview (page 1, 96 dpi)" in single:
    w("")
    w(f"Time to the first preview PNG (cold process, page 1 at 96 dpi): {ms(single['vanban preview (page 1, 96 dpi)'])}.")
w("")

w(f"## 2. {copies} documents: cold processes vs one batch")
w("")
w(f"{copies} copies of the seed resolution, each with its own number (`so`). They share the body text, so")
w("in one process Typst's cache serves its layout after the first document; a set of wholly different")
w("documents would gain less. Baseline: `vanban render` run {copies} times one after the".replace("{copies}", str(copies)))
w(f"other (a shell loop). Against it: one `vanban batch` process over the same {copies} files with")
w(f"{nproc} worker threads. hyperfine, 1 warm-up run, 3 runs each.")
w("")
w("| Command | Time (mean ± σ) | Documents per second | CPU per document | Peak RSS |")
w("|---|---|---|---|---|")
for name, r in many.items():
    peak = mib(peak_kib("rss-batch.txt")) if name.startswith("one batch") else f"{mib(peak_kib('rss-render.txt'))} per process"
    w(f"| {name} | {r['mean']:.2f} ± {r['stddev']:.2f} s | {copies / r['mean']:.1f} | {cpu(r) / copies * 1000:.1f} ms | {peak} |")
w("")
cold = next((r for n, r in many.items() if "cold" in n), None)
batch = next((r for n, r in many.items() if n.startswith("one batch")), None)
if cold and batch:
    w(f"**batch / cold processes = {cold['mean'] / batch['mean']:.2f}× the documents per second** (copies flatter the batch; the target is measured on different documents, next).")
w("")

varied = load("varied.json")
nvaried = int(env.get("VARIED", "0"))
w(f"## 2b. {nvaried} different documents: cold processes vs one batch")
w("")
w(f"{nvaried} documents written by `bench/vary.py` from every example in turn (resolutions, Party and")
w("state quarterly, six-month, annual and monthly reports, a table report): in each, words of the")
w("paragraphs and headings are swapped for other words of the document, sentences rotated, digits")
w("changed and about one paragraph in five dropped, the number is its own, and a report with TOML")
w("figures gets a figures file of its own, every figure scaled by its own factor, so its prose,")
w("verdicts and appendix table differ too. No two documents share a body, so Typst's cache cannot")
w(f"serve one document's layout to another. Baseline: `vanban render` run {nvaried} times one after")
w(f"the other. Against it: one `vanban batch -j 2` process over the same files. hyperfine, 1 warm-up")
w("run, 3 runs each; the script fails unless the batch wrote every PDF.")
w("")
w("| Command | Time (mean ± σ) | Documents per second | CPU per document | Peak RSS |")
w("|---|---|---|---|---|")
for name, r in varied.items():
    peak = mib(peak_kib("rss-vbatch.txt")) if name.startswith("one batch") else "—"
    w(f"| {name} | {r['mean']:.2f} ± {r['stddev']:.2f} s | {nvaried / r['mean']:.1f} | {cpu(r) / nvaried * 1000:.1f} ms | {peak} |")
w("")
vcold = next((r for n, r in varied.items() if "cold" in n), None)
vbatch = next((r for n, r in varied.items() if n.startswith("one batch")), None)
if vcold and vbatch:
    w(f"**batch / cold processes = {vcold['mean'] / vbatch['mean']:.2f}× the documents per second** (target ≥ 3×; baseline: {nvaried} cold `vanban render` processes of the same documents, same run);")
    w(f"in CPU time per document, **{cpu(vcold) / cpu(vbatch):.2f}×**.")
    w("")
    w(f"**Peak RSS of the batch with 2 workers: {mib(peak_kib('rss-vbatch.txt'))}** (target ≤ 200 MiB).")
else:
    w("**Not measured** in this run.")
w("")

w("## 3. watch: re-render after a one-word edit")
w("")
wm = [int(x) for x in (res / "watch-ms.txt").read_text().split()] if (res / "watch-ms.txt").exists() else []
if len(wm) >= 2:
    first, rest = wm[0], wm[1:]
    w(f"`vanban watch` on the seed, then five one-word edits (the signer's name, a new one each time), as `watch` reports")
    w("each render (read, check, typeset, PDF, write):")
    w("")
    w(f"- first render in the process: {first} ms")
    w(f"- re-renders after an edit: {', '.join(map(str, rest))} ms (median {statistics.median(rest):.0f} ms)")
    w(f"- **first / re-render = {first / statistics.median(rest):.1f}×** (baseline: the same process's first render)")
    w(f"- **median re-render {statistics.median(rest):.0f} ms** (target ≤ 20 ms)")
else:
    w("**Not measured** (the watcher did not report two renders).")
w("")

w("## 4. Warm in-process renders (criterion)")
w("")
crit = Path(root) / "target/criterion"
rows = []
if env.get("CRITERION") == "1" and crit.exists():
    for est in sorted(crit.glob("*/*/new/estimates.json")):
        group, bench = est.parts[-4], est.parts[-3]
        e = json.loads(est.read_text())
        # The estimate criterion prints: the slope when it sampled linearly.
        mean = (e.get("slope") or e["mean"])["point_estimate"] / 1e6
        rows.append((f"{group}/{bench}", mean))
if rows:
    w("`cargo bench --bench render` (benches/render.rs), criterion's point estimate per iteration.")
    w("`render/seed` renders the same file each time; `render/seed-incremental` renders after a new")
    w("one-word edit each time in one long-lived session, as `watch` does; `batch/…` is one batch")
    w("of 20 numbered copies of the seed.")
    w("")
    w("| Benchmark | Time |")
    w("|---|---|")
    for name, mean in rows:
        w(f"| {name} | {mean:.1f} ms |")
    w("")
    seed = dict(rows).get("render/seed")
    cold_single = single.get("vanban render")
    if seed and cold_single:
        w(f"A warm in-process render of the seed takes {seed:.1f} ms; a cold process {cold_single['mean'] * 1000:.1f} ms: **cold / warm = {cold_single['mean'] * 1000 / seed:.1f}×**.")
else:
    w("**Not run** in this run (pass `--criterion`).")
w("")

w("## 5. Instruction counts")
w("")
instr = res / "instructions.md"
if instr.exists():
    w("`bash bench/instructions.sh` (valgrind, `--tool=cachegrind --cache-sim=no`): instructions executed")
    w("by one process, all its threads. Unlike wall and CPU time they do not change when other work")
    w("shares the machine. The batch lines use 20 documents of `bench/vary.py`; the watch line is the")
    w("mean of five re-renders after one-word edits, counted by callgrind from the end of the first render.")
    w("")
    w(instr.read_text().rstrip())
else:
    w("**Not measured** in this run (valgrind missing, or `--no-instructions`).")
w("")

w("## DOCX time as a ratio to PDF time")
w("")
w("`cargo bench --bench docx`: every example resolved and written as PDF, then resolved and")
w("written as DOCX, in one process after two warm-up runs, mean of 10 runs each (both include")
w("resolving the document). The ratio is DOCX time / PDF time in the same run.")
w("")
docx_md = os.path.join(env["RES"], "docx.md")
if os.path.exists(docx_md):
    w(open(docx_md).read().rstrip())
else:
    w("**Not run** in this run.")
w("")

w("## Commands")
w("")
w("```sh")
w("bash bench/compare.sh" + ("" if env.get("TYPST_VERSION") != "not measured" else " --no-typst-cli") + (" --criterion" if env.get("CRITERION") == "1" else "") + f" --copies {copies} --varied {nvaried} --runs {env['RUNS']}")
w("```")
w("")
w("which runs, with `$WORK` a temporary directory:")
w("")
w("```sh")
for key in ["CMD_VANBAN", "CMD_TYPST", "CMD_PY", "CMD_PY_START", "CMD_PREVIEW", "CMD_COLD", "CMD_BATCH", "CMD_VCOLD", "CMD_VBATCH"]:
    if env.get(key) and not env[key].startswith(" compile"):
        w(short(env[key]))
w("```")
# Sections measured by other commands, kept across runs of this script:
# bench/extra.md by hand, bench/serve-preview.md by bench/serve_preview.py --write
# (this script's output replaces BENCHMARKS.md, so they must live elsewhere).
for name in ["extra.md", "serve-preview.md"]:
    extra = Path(root) / "bench" / name
    if extra.exists():
        w("")
        w(extra.read_text().rstrip())
print("\n".join(out))
