#!/usr/bin/env bash
# Benchmark of vanban against typst itself, on this machine, in one run.
# Writes BENCHMARKS.md at the repository root. Run from anywhere:
#
#   bash bench/compare.sh [--no-typst-cli] [--criterion] [--copies N] [--varied N] [--runs N]
#
#   --no-typst-cli  skip the comparison with typst-cli (and its install)
#   --criterion     also run `cargo bench` (criterion) and report its means
#   --copies N      copies of the seed in the cold-vs-batch comparison (default 200)
#   --varied N      different documents (bench/vary.py) in the second one (default 200)
#   --runs N        hyperfine runs of the single-document timings (default 20)
#   --no-instructions  skip the instruction counts (bench/instructions.sh,
#                   valgrind; about 10 minutes): they are the numbers that
#                   other work on the machine does not change
#
# Needs: cargo, hyperfine (apt-get install hyperfine), /usr/bin/time (apt-get
# install time), python3. typst-cli 0.15.1 is installed into bench/.tools with
# `cargo install` when it is not there; THAT TAKES ABOUT 13 MINUTES ON 2 CORES.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

TYPST_CLI=1
CRITERION=0
COPIES=200
VARIED=200
RUNS=20
INSTRUCTIONS=1
while [ $# -gt 0 ]; do
  case "$1" in
    --no-typst-cli) TYPST_CLI=0 ;;
    --criterion) CRITERION=1 ;;
    --copies) COPIES=$2; shift ;;
    --varied) VARIED=$2; shift ;;
    --runs) RUNS=$2; shift ;;
    --no-instructions) INSTRUCTIONS=0 ;;
    *) echo "unknown option $1" >&2; exit 1 ;;
  esac
  shift
done

for tool in hyperfine /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install hyperfine time python3)" >&2; exit 1; }
done

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== building vanban (release)" >&2
cargo build --release --locked
VANBAN=$ROOT/target/release/vanban
SEED=examples/nghi-quyet-07-NQ-DU-2025.toml

TYPST=""
if [ "$TYPST_CLI" = 1 ]; then
  if [ -x bench/.tools/bin/typst ]; then
    TYPST=$ROOT/bench/.tools/bin/typst
  elif command -v typst >/dev/null && typst --version | grep -q "0.15.1"; then
    TYPST=$(command -v typst)
  else
    echo "== installing typst-cli 0.15.1 into bench/.tools: this compiles typst and takes about 13 minutes on 2 cores" >&2
    cargo install typst-cli --version 0.15.1 --locked --root bench/.tools
    TYPST=$ROOT/bench/.tools/bin/typst
  fi
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
RES=$WORK/results
mkdir -p "$RES"

# 1. One document, cold process: vanban render vs typst compile of the source vanban emits.
"$VANBAN" render "$SEED" --emit typ -o "$WORK/seed.typ" 2>/dev/null
CMD_VANBAN="$VANBAN render $SEED -o $WORK/vanban.pdf"
# The same fonts as vanban, and no others: fonts/ holds the four Liberation
# Serif files vanban embeds; --ignore-system-fonts and --ignore-embedded-fonts
# keep typst-cli from also searching the system's fonts and parsing the fonts
# compiled into its binary, which the document never uses.
CMD_TYPST="$TYPST compile --font-path fonts --ignore-system-fonts --ignore-embedded-fonts $WORK/seed.typ $WORK/typst.pdf"
CMD_PREVIEW="$VANBAN preview $SEED --pages 1 --ppi 96 -o $WORK"
# A second baseline that needs no 13-minute build: the Python package `typst`
# (typst-py, pip install typst==0.15.2, which bundles Typst 0.15.1), timed with
# and without its compile call so the interpreter's start-up can be subtracted.
CMD_PY=""
CMD_PY_START=""
# The interpreter itself, not a wrapper script (pyenv's python3 is one).
PY=$(python3 -c "import sys; print(sys.executable)")
if "$PY" -c "import typst" 2>/dev/null; then
  CMD_PY="$PY -c \"import typst; typst.compile('$WORK/seed.typ', output='$WORK/py.pdf', font_paths=['fonts'], ignore_system_fonts=True)\""
  CMD_PY_START="$PY -c \"import typst\""
fi
echo "== cold single document" >&2
ARGS=(-n "vanban render" "$CMD_VANBAN")
[ -n "$TYPST" ] && ARGS+=(-n "typst compile" "$CMD_TYPST")
[ -n "$CMD_PY" ] && ARGS+=(-n "typst-py compile" "$CMD_PY" -n "typst-py start-up only" "$CMD_PY_START")
ARGS+=(-n "vanban preview (page 1, 96 dpi)" "$CMD_PREVIEW")
hyperfine --warmup 3 --runs "$RUNS" --export-json "$RES/single.json" "${ARGS[@]}" >&2
/usr/bin/time -v "$VANBAN" render "$SEED" -o "$WORK/vanban.pdf" 2> "$RES/rss-render.txt"
if [ -n "$TYPST" ]; then
  /usr/bin/time -v $CMD_TYPST 2> "$RES/rss-typst.txt"
fi

# 2. COPIES documents: COPIES cold processes vs one batch process.
mkdir -p "$WORK/copies" "$WORK/out-cold" "$WORK/out-batch"
# Each copy has its own number, as a real set of documents would; they share
# the body text, so Typst's cache serves its layout after the first.
for i in $(seq 1 "$COPIES"); do sed "s/^so = 7\$/so = $i/" "$SEED" > "$WORK/copies/nq-$(printf %04d "$i").toml"; done
NPROC=$(nproc)
CMD_COLD="for f in $WORK/copies/*.toml; do $VANBAN render \$f -o $WORK/out-cold/\$(basename \$f .toml).pdf 2>/dev/null; done"
CMD_BATCH="$VANBAN batch $WORK/copies -o $WORK/out-batch -j $NPROC"
echo "== $COPIES documents: cold processes vs one batch" >&2
hyperfine --warmup 1 --runs 3 --export-json "$RES/many.json" \
  -n "$COPIES cold processes (sequential)" "$CMD_COLD" -n "one batch of $COPIES (-j $NPROC)" "$CMD_BATCH" >&2
/usr/bin/time -v $CMD_BATCH > /dev/null 2> "$RES/rss-batch.txt"

# 2b. VARIED different documents (bench/vary.py: every kind of the examples,
# bodies and figures varied), cold processes vs one batch with 2 workers: the
# batch's peak memory target is for 2 workers, whatever the machine.
mkdir -p "$WORK/varied" "$WORK/out-vcold" "$WORK/out-vbatch"
python3 bench/vary.py examples "$WORK/varied" "$VARIED"
CMD_VCOLD="for f in $WORK/varied/*.toml; do $VANBAN render \$f -o $WORK/out-vcold/\$(basename \$f .toml).pdf 2>/dev/null; done"
CMD_VBATCH="$VANBAN batch $WORK/varied -o $WORK/out-vbatch -j 2"
echo "== $VARIED different documents: cold processes vs one batch" >&2
hyperfine --warmup 1 --runs 3 --export-json "$RES/varied.json" \
  -n "$VARIED cold processes (sequential)" "$CMD_VCOLD" -n "one batch of $VARIED (-j 2)" "$CMD_VBATCH" >&2
/usr/bin/time -v $CMD_VBATCH > /dev/null 2> "$RES/rss-vbatch.txt"
# Every document must have rendered: a failed one would make the batch look fast.
test "$(ls "$WORK/out-vbatch" | wc -l)" -eq "$VARIED" || { echo "the varied batch did not render every document" >&2; exit 1; }

# 3. watch: the re-render after a one-word edit, as `watch` reports it.
echo "== watch: re-render after a one-word edit" >&2
cp "$SEED" "$WORK/watched.toml"
"$VANBAN" --lang en watch "$WORK/watched.toml" -o "$WORK/watched.pdf" 2> "$WORK/watch.log" &
WATCH_PID=$!
wait_lines() { for _ in $(seq 1 600); do [ "$(grep -c ' ms$' "$WORK/watch.log" || true)" -ge "$1" ] && return 0; sleep 0.1; done; return 1; }
WATCH_MS=()
if wait_lines 1; then
  # One word each time, never the same text twice, so no render is a plain
  # cache hit: the signer's given name becomes Thọ1, Thọ2, …
  for n in 2 3 4 5 6; do
    sed -i "s/Trần Nguyên Thọ[0-9]*\"/Trần Nguyên Thọ$n\"/" "$WORK/watched.toml"
    wait_lines "$n" || break
  done
fi
kill "$WATCH_PID" 2>/dev/null || true
wait "$WATCH_PID" 2>/dev/null || true
grep -o '[0-9]* ms$' "$WORK/watch.log" | grep -o '[0-9]*' > "$RES/watch-ms.txt" || true

# 4. criterion (optional): warm in-process numbers.
if [ "$CRITERION" = 1 ]; then
  echo "== cargo bench" >&2
  cargo bench --locked --bench render >&2
fi

# 5. DOCX beside PDF: each example written both ways in one process, warm.
echo "== cargo bench --bench docx" >&2
cargo bench --locked --bench docx > "$RES/docx.md"


# 6. Instruction counts of the same targets (valgrind), unchanged by load.
if [ "$INSTRUCTIONS" = 1 ] && command -v valgrind >/dev/null; then
  echo "== instruction counts (valgrind)" >&2
  PATH="$(dirname "${TYPST:-/nonexistent/typst}"):$PATH" bash bench/instructions.sh > "$RES/instructions.md"
fi

LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
export ROOT RES WORK COPIES VARIED NPROC RUNS CRITERION LOAD_START LOAD_END
export TYPST_VERSION=$([ -n "$TYPST" ] && "$TYPST" --version || echo "not measured")
export VANBAN_VERSION=$("$VANBAN" --version)
export RUSTC_VERSION=$(rustc --version)
export HYPERFINE_VERSION=$(hyperfine --version)
export CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
export MEM=$(free -g | awk '/Mem:/ {print $2 " GiB"}')
export KERNEL=$(uname -sr)
export CMD_VANBAN CMD_TYPST CMD_PY CMD_PY_START CMD_PREVIEW CMD_COLD CMD_BATCH CMD_VCOLD CMD_VBATCH
export TYPST_PY_VERSION=$(python3 -c "import importlib.metadata as m; print(m.version('typst'))" 2>/dev/null || echo "not installed")
python3 bench/report.py > BENCHMARKS.md
echo "wrote BENCHMARKS.md" >&2
