#!/usr/bin/env python3
"""Dumps what the tests measure in a PDF, as JSON on stdout: per page its size,
its words (text, box, font name, size, fill colour), its horizontal rules, its
vertical rules (table column lines), its boxes (frames drawn around marks)
and its images.

Usage: pdf_probe.py FILE.pdf
"""
import json
import sys

import pdfplumber


def color(c):
    """A colour as "#rrggbb" (gray and RGB; black when unknown)."""
    if c is None:
        return "#000000"
    if isinstance(c, (int, float)):
        c = (c,)
    c = [float(x) for x in c if isinstance(x, (int, float))]
    if len(c) == 1:
        c = c * 3
    if len(c) == 4:  # CMYK
        k = c[3]
        c = [(1 - x) * (1 - k) for x in c[:3]]
    if len(c) != 3:
        return "#000000"
    return "#" + "".join("%02x" % round(x * 255) for x in c)


def main(path):
    out = {"pages": []}
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            words = page.extract_words(
                keep_blank_chars=False,
                use_text_flow=True,
                extra_attrs=["fontname", "size", "non_stroking_color"],
            )
            rules = []
            vrules = []
            boxes = []
            for obj in page.lines + page.rects + page.curves:
                height = abs(obj["bottom"] - obj["top"])
                width = abs(obj["x1"] - obj["x0"])
                if height < 2 and width > 5:
                    rules.append(
                        {"x0": obj["x0"], "x1": obj["x1"], "top": obj["top"]}
                    )
                elif width < 2 and height > 5:
                    vrules.append(
                        {"x": obj["x0"], "top": obj["top"], "bottom": obj["bottom"]}
                    )
                elif width > 5 and height > 5 and obj.get("stroke"):
                    boxes.append(
                        {
                            "x0": obj["x0"],
                            "x1": obj["x1"],
                            "top": obj["top"],
                            "bottom": obj["bottom"],
                            "color": color(obj.get("stroking_color")),
                        }
                    )
            out["pages"].append(
                {
                    "width": float(page.width),
                    "height": float(page.height),
                    "words": [
                        {
                            "text": w["text"],
                            "x0": float(w["x0"]),
                            "x1": float(w["x1"]),
                            "top": float(w["top"]),
                            "bottom": float(w["bottom"]),
                            "font": w["fontname"],
                            "size": round(float(w["size"]), 2),
                            "color": color(w.get("non_stroking_color")),
                        }
                        for w in words
                    ],
                    "rules": rules,
                    "vrules": vrules,
                    "boxes": boxes,
                    "images": [
                        {
                            "x0": float(i["x0"]),
                            "x1": float(i["x1"]),
                            "top": float(i["top"]),
                            "bottom": float(i["bottom"]),
                        }
                        for i in page.images
                    ],
                }
            )
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
