#!/usr/bin/env python3
"""Reads a DOCX back with python-docx and prints what the tests check, as
JSON: body paragraphs and tables in order (runs with their bold, italic,
underline and size), sections (orientation, page size, margins, different
first page, the header's field), footnotes, and the core properties."""
import json
import sys

import docx
from docx.oxml.ns import qn

MM = 25.4 / 914400  # EMU to mm


def run_info(r):
    return {
        "text": r.text,
        "bold": bool(r.bold),
        "italic": bool(r.italic),
        "underline": bool(r.underline),
        "size": r.font.size.pt if r.font.size is not None else None,
        "footnote": r._r.find(qn("w:footnoteReference")) is not None,
    }


def para_info(p):
    return {
        "text": p.text,
        "align": str(p.alignment) if p.alignment is not None else None,
        "runs": [run_info(r) for r in p.runs],
    }


def table_info(t):
    rows = []
    for tr in t._tbl.tr_lst:
        trpr = tr.trPr
        header = trpr is not None and trpr.find(qn("w:tblHeader")) is not None
        cells = []
        for tc in tr.tc_lst:
            tcpr = tc.tcPr
            span = 1
            vmerge = None
            if tcpr is not None:
                gs = tcpr.find(qn("w:gridSpan"))
                if gs is not None:
                    span = int(gs.get(qn("w:val")))
                vm = tcpr.find(qn("w:vMerge"))
                if vm is not None:
                    vmerge = vm.get(qn("w:val")) or "continue"
            text = "\n".join(
                "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p"))
            ).strip()
            cells.append({"text": text, "span": span, "vmerge": vmerge})
        rows.append({"header": header, "cells": cells})
    borders = t._tbl.tblPr.find(qn("w:tblBorders"))
    bordered = borders is not None and any(
        b.get(qn("w:val")) not in (None, "nil", "none") for b in borders
    )
    return {"rows": rows, "bordered": bordered}


def main(path):
    d = docx.Document(path)
    body = []
    for child in d.element.body.iterchildren():
        if child.tag == qn("w:p"):
            body.append({"kind": "p", **para_info(docx.text.paragraph.Paragraph(child, d))})
        elif child.tag == qn("w:tbl"):
            body.append({"kind": "t", **table_info(docx.table.Table(child, d))})
    sections = []
    for s in d.sections:
        sect = s._sectPr
        instr = "".join(
            e.text or "" for e in s.header._element.iter(qn("w:instrText"))
        ) if not s.header.is_linked_to_previous else ""
        sections.append({
            "landscape": s.orientation == docx.enum.section.WD_ORIENT.LANDSCAPE,
            "width": s.page_width * MM,
            "height": s.page_height * MM,
            "top": s.top_margin * MM,
            "bottom": s.bottom_margin * MM,
            "left": s.left_margin * MM,
            "right": s.right_margin * MM,
            "header_distance": s.header_distance * MM,
            "title_pg": sect.find(qn("w:titlePg")) is not None,
            "restart": (sect.find(qn("w:pgNumType")) is not None
                        and sect.find(qn("w:pgNumType")).get(qn("w:start")) == "1"),
            "header_field": instr.strip(),
        })
    notes = []
    for rel in d.part.rels.values():
        if rel.reltype.endswith("/footnotes"):
            from lxml import etree
            root = etree.fromstring(rel.target_part.blob)
            for fn in root.iter(qn("w:footnote")):
                if fn.get(qn("w:type")) in ("separator", "continuationSeparator"):
                    continue
                notes.append({
                    "id": int(fn.get(qn("w:id"))),
                    "text": "".join(t.text or "" for t in fn.iter(qn("w:t"))),
                    "numbered": fn.find(".//" + qn("w:footnoteRef")) is not None,
                })
    cp = d.core_properties
    print(json.dumps({
        "body": body,
        "sections": sections,
        "footnotes": notes,
        "title": cp.title,
        "author": cp.author,
        "created": cp.created.isoformat() if cp.created else None,
        "font": d.styles.element.find(".//" + qn("w:rFonts")).get(qn("w:ascii")),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
