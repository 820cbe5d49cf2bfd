#!/usr/bin/env bash
# Instruction counts (valgrind) of issue 10's speed targets: unlike wall or CPU
# time, they do not change when other work shares the machine, so they can be
# measured while it is busy. Writes a Markdown table on stdout:
#
#   bash bench/instructions.sh [--varied N] > bench/instructions-run.md
#
# VANBAN=path/to/vanban measures another build (default target/release/vanban).
#
# Needs valgrind (apt-get install valgrind), python3, a release build
# (`cargo build --release`), and for the typst-cli line a `typst` 0.15.1 on PATH
# or in bench/.tools/bin. Each line is one process run under
# `valgrind --tool=cachegrind --cache-sim=no` (instructions executed, all threads).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VARIED=20
while [ $# -gt 0 ]; do
  case "$1" in
    --varied) VARIED=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 1 ;;
  esac
  shift
done
command -v valgrind >/dev/null || { echo "missing valgrind (apt-get install valgrind)" >&2; exit 1; }
VANBAN=${VANBAN:-$ROOT/target/release/vanban}
[ -x "$VANBAN" ] || { echo "build first: cargo build --release" >&2; exit 1; }
SEED=examples/nghi-quyet-07-NQ-DU-2025.toml
TYPST=""
if [ -x bench/.tools/bin/typst ]; then
  TYPST=$ROOT/bench/.tools/bin/typst
elif command -v typst >/dev/null && typst --version | grep -q "0.15.1"; then
  TYPST=$(command -v typst)
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Instructions of one command (all its threads), in millions.
count() {
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$@" 2> "$WORK/vg.txt" > /dev/null \
    || { cat "$WORK/vg.txt" >&2; exit 1; }
  grep -o 'I *refs: *[0-9,]*' "$WORK/vg.txt" | tr -d ', ' | cut -d: -f2 | awk '{printf "%.1f", $1 / 1e6}'
}
row() { printf '| %s | %s M |\n' "$1" "$2"; }

"$VANBAN" render "$SEED" --emit typ -o "$WORK/seed.typ" 2>/dev/null
echo "| Process | Instructions |"
echo "|---|---|"
V=$(count "$VANBAN" render "$SEED" -o "$WORK/v.pdf")
row "vanban render (seed, cold)" "$V"
if [ -n "$TYPST" ]; then
  # The fonts vanban uses and no others: the four Liberation Serif files of
  # fonts/ (vanban embeds the same four), no system fonts, and not the fonts
  # typst-cli embeds in its binary (it would parse them all at start-up).
  T=$(count "$TYPST" compile --font-path fonts --ignore-system-fonts --ignore-embedded-fonts "$WORK/seed.typ" "$WORK/t.pdf")
  row "typst compile (emitted source, cold; $("$TYPST" --version))" "$T"
  echo
  echo "**vanban render / typst compile = $(awk "BEGIN {printf \"%.2f\", $V / $T}")×** in instructions (target ≤ 0.9×)."
  echo
  echo "| Process | Instructions |"
  echo "|---|---|"
fi
# python3 may be a shim script (pyenv): count the interpreter itself.
PY=$(python3 -c "import sys; print(sys.executable)" 2>/dev/null || true)
if [ -n "$PY" ] && "$PY" -c "import typst" 2>/dev/null; then
  P=$(count "$PY" -c "import typst; typst.compile('$WORK/seed.typ', output='$WORK/p.pdf', font_paths=['fonts'], ignore_system_fonts=True)")
  P0=$(count "$PY" -c "import typst")
  row "typst-py compile minus its start-up ($P − $P0)" "$(awk "BEGIN {printf \"%.1f\", $P - $P0}")"
fi

# The batch: VARIED different documents, each in a cold process, against one
# batch process with 2 workers.
mkdir -p "$WORK/varied" "$WORK/out"
python3 bench/vary.py examples "$WORK/varied" "$VARIED" >/dev/null
COLD=0
for f in "$WORK"/varied/*.toml; do
  c=$(count "$VANBAN" render "$f" -o "$WORK/out/cold.pdf")
  COLD=$(awk "BEGIN {print $COLD + $c}")
done
B=$(count "$VANBAN" batch "$WORK/varied" -o "$WORK/out" -j 2)
row "$VARIED cold vanban render, per document" "$(awk "BEGIN {printf \"%.1f\", $COLD / $VARIED}")"
row "one batch -j 2 of the same $VARIED, per document" "$(awk "BEGIN {printf \"%.1f\", $B / $VARIED}")"

# watch: instructions of five re-renders after one-word edits, counted by
# callgrind from the end of the first render (callgrind_control -z) to the
# end of the fifth edit's render.
cp "$SEED" "$WORK/watched.toml"
valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.out" \
  "$VANBAN" --lang en watch "$WORK/watched.toml" -o "$WORK/watched.pdf" 2> "$WORK/watch.log" &
WPID=$!
wait_lines() { for _ in $(seq 1 1800); do [ "$(grep -c ' ms$' "$WORK/watch.log" || true)" -ge "$1" ] && return 0; sleep 0.1; done; return 1; }
wait_lines 1
callgrind_control -z "$WPID" > /dev/null
for n in 2 3 4 5 6; do
  sed -i "s/Trần Nguyên Thọ[0-9]*\"/Trần Nguyên Thọ$n\"/" "$WORK/watched.toml"
  wait_lines "$n"
done
callgrind_control -d "$WPID" > /dev/null
sleep 1
# Only the dump asked for: the one valgrind writes at exit counts from it on.
W=$(grep -h "^totals:" "$WORK/cg.out.1" | awk "{print \$2}")
kill "$WPID" 2>/dev/null || true
wait "$WPID" 2>/dev/null || true
row "watch: one re-render after a one-word edit (mean of 5)" "$(awk "BEGIN {printf \"%.1f\", $W / 5 / 1e6}")"
