"""Writes N different documents for the batch benchmark (bench/compare.sh).

Copies of one body flatter a batch: Typst's cache lays the body out once and
serves it to every copy. Here each document starts from one of the examples
(all kinds: resolutions, Party and state reports, monthly reports, a table
report) and then differs in its body and, for reports with TOML figures, in
its figures:

- paragraphs and headings: words swapped for other words of the same
  document, sentences rotated, digits changed, about one paragraph in five
  dropped;
- its own number (`so`);
- reports: a figures file of its own, every figure scaled by a factor of
  its own (so the prose, the verdicts and the appendix table differ).

Texts that are templates (`{{ … }}`) or carry the inline notation are kept
as they are, so every document stays valid. Deterministic: the same N gives
the same files.

    python3 bench/vary.py EXAMPLES_DIR OUT_DIR N
"""
import random
import re
import shutil
import sys
from pathlib import Path

STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
ELEMENT = re.compile(r'^\s*"(?:[^"\\]|\\.)*",?\s*$')
FIGURE = re.compile(r"^(thuc_hien|cung_ky|luy_ke|luy_ke_cung_ky) = ([0-9]+(?:\.[0-9]+)?)\s*$")
FIGURES_FILE = re.compile(r'^thuc_hien = "(data/[^"]+\.toml)"\s*$')


def plain(text):
    """A body text that can be varied without touching notation or templates."""
    return len(text) > 40 and " " in text and not any(c in text for c in "{}%*_^\\[]")


def vary_text(text, rng, vocabulary):
    sentences = [s for s in re.split(r"(?<=[.;]) ", text) if s]
    if len(sentences) > 1:
        k = rng.randrange(len(sentences))
        sentences = sentences[k:] + sentences[:k]
    words = " ".join(sentences).split(" ")
    for _ in range(max(1, len(words) // 6)):
        i = rng.randrange(len(words))
        if words[i].isalpha() and vocabulary:
            words[i] = rng.choice(vocabulary)
    out = " ".join(words)
    return re.sub(r"\d", lambda m: str(rng.randrange(10)), out)


def vary_document(source, rng, figures_name):
    lines = source.split("\n")
    vocabulary = sorted({w for s in STRING.findall(source) if plain(s) for w in s.split(" ") if w.isalpha()})
    out = []
    for line in lines:
        if re.match(r"^so = \d+\s*$", line):
            out.append(f"so = {rng.randrange(1, 99)}")
            continue
        m = FIGURES_FILE.match(line)
        if m and figures_name:
            out.append(f'thuc_hien = "{figures_name}"')
            continue
        if ELEMENT.match(line) and plain(STRING.search(line).group(1)) and rng.random() < 0.2:
            continue
        out.append(STRING.sub(lambda m: '"' + (vary_text(m.group(1), rng, vocabulary) if plain(m.group(1)) else m.group(1)) + '"', line))
    return "\n".join(out)


def vary_figures(text, rng):
    factor = rng.uniform(0.8, 1.2)

    def scale(line):
        m = FIGURE.match(line)
        if not m:
            return line
        key, value = m.groups()
        if "." in value:
            places = len(value.split(".")[1])
            return f"{key} = {float(value) * factor:.{places}f}"
        return f"{key} = {round(int(value) * factor)}"

    return "\n".join(scale(line) for line in text.split("\n"))


def main():
    examples, out, n = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    out.mkdir(parents=True, exist_ok=True)
    shutil.copytree(examples / "data", out / "data", dirs_exist_ok=True)
    (out / "data" / "gen").mkdir(exist_ok=True)
    bases = sorted(examples.glob("*.toml"))
    for i in range(n):
        rng = random.Random(i)
        base = bases[i % len(bases)]
        source = base.read_text(encoding="utf-8")
        figures_name = None
        m = next((FIGURES_FILE.match(l) for l in source.split("\n") if FIGURES_FILE.match(l)), None)
        if m:
            figures = (examples / m.group(1)).read_text(encoding="utf-8")
            figures_name = f"data/gen/thuc-hien-{i:04d}.toml"
            (out / figures_name).write_text(vary_figures(figures, rng), encoding="utf-8")
        text = vary_document(source, rng, figures_name)
        (out / f"{i:04d}-{base.stem}.toml").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
