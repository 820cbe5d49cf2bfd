#!/usr/bin/env python3
"""Dumps what the tests measure in a PDF, as JSON on stdout: per page its size,
its words (text, box, font name, size), its horizontal rules and its
vertical rules (table column lines).

Usage: pdf_probe.py FILE.pdf
"""
import json
import sys

import pdfplumber


def main(path):
    out = {"pages": []}
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            words = page.extract_words(
                keep_blank_chars=False,
                use_text_flow=True,
                extra_attrs=["fontname", "size"],
            )
            rules = []
            vrules = []
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
                        }
                        for w in words
                    ],
                    "rules": rules,
                    "vrules": vrules,
                }
            )
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
