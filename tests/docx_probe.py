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
    ppr = p._p.pPr
    top = ppr.find(qn("w:pBdr") + "/" + qn("w:top")) if ppr is not None else None
    return {
        "text": p.text,
        "top_rule": int(top.get(qn("w:sz"))) / 8 if top is not None else None,
        "keep_next": ppr is not None and ppr.find(qn("w:keepNext")) is not None,
        # Word keeps a section's properties in its last paragraph.
        "ends_section": ppr is not None and ppr.find(qn("w:sectPr")) is not None,
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
    grid = t._tbl.find(qn("w:tblGrid"))
    widths = [
        int(c.get(qn("w:w"))) / 20 * 25.4 / 72 for c in grid.findall(qn("w:gridCol"))
    ] if grid is not None else []
    return {"rows": rows, "bordered": bordered, "widths": widths}


def text_of(el):
    return "".join(t.text or "" for t in el.iter(qn("w:t")))


def borders(el):
    """The sides of a pBdr or tcBorders element: val, width in points, colour, space."""
    out = {}
    if el is None:
        return out
    for side in el:
        name = side.tag.split("}")[1]
        out[name] = {
            "val": side.get(qn("w:val")),
            "pt": int(side.get(qn("w:sz"), "0")) / 8,
            "color": side.get(qn("w:color")),
        }
    return out


def features(d):
    """What the marks, the copy block and the signature images are made of:
    every run with its colour, framed paragraphs, bordered cells (frames of
    marks), floating pictures with their sizes, offsets and bytes."""
    import hashlib
    body = d.element.body
    runs = []
    for r in body.iter(qn("w:r")):
        rpr = r.find(qn("w:rPr"))
        get = lambda tag: rpr.find(qn(tag)) if rpr is not None else None
        sz = get("w:sz")
        color = get("w:color")
        runs.append({
            "text": text_of(r),
            "size": int(sz.get(qn("w:val"))) / 2 if sz is not None else None,
            "bold": get("w:b") is not None,
            "italic": get("w:i") is not None,
            "color": color.get(qn("w:val")) if color is not None else None,
        })
    frames = []
    for p in body.iter(qn("w:p")):
        ppr = p.find(qn("w:pPr"))
        fr = ppr.find(qn("w:framePr")) if ppr is not None else None
        if fr is None:
            continue
        frames.append({
            "text": text_of(p),
            "x_align": fr.get(qn("w:xAlign")),
            "h_anchor": fr.get(qn("w:hAnchor")),
            "v_anchor": fr.get(qn("w:vAnchor")),
            "y": int(fr.get(qn("w:y"), "0")) / 20 * 25.4 / 72,
            "borders": borders(ppr.find(qn("w:pBdr"))),
        })
    boxes = []
    for tc in body.iter(qn("w:tc")):
        tcpr = tc.find(qn("w:tcPr"))
        b = borders(tcpr.find(qn("w:tcBorders")) if tcpr is not None else None)
        if not any(v["val"] not in (None, "nil", "none") for v in b.values()):
            continue
        tr = tc.getparent()
        h = tr.find(qn("w:trPr") + "/" + qn("w:trHeight"))
        w = tcpr.find(qn("w:tcW"))
        boxes.append({
            "text": text_of(tc),
            "width": int(w.get(qn("w:w"))) / 20 * 25.4 / 72 if w is not None else None,
            "height": int(h.get(qn("w:val"))) / 20 * 25.4 / 72 if h is not None else None,
            "exact": h is not None and h.get(qn("w:hRule")) == "exact",
            "borders": b,
        })
    media = {}
    for rel in d.part.rels.values():
        if rel.reltype.endswith("/image"):
            media[rel.rId] = rel.target_part.blob
    drawings = []
    WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
    A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    emu = lambda v: int(v) / 36000
    for anchor in body.iter(WP + "anchor"):
        ext = anchor.find(WP + "extent")
        ph = anchor.find(WP + "positionH")
        pv = anchor.find(WP + "positionV")
        blip = anchor.find(".//" + A + "blip")
        blob = media.get(blip.get(R + "embed"), b"")
        wrap = [c.tag.split("}")[1] for c in anchor if c.tag.split("}")[1].startswith("wrap")]
        drawings.append({
            "width": emu(ext.get("cx")),
            "height": emu(ext.get("cy")),
            "x": emu(ph.find(WP + "posOffset").text),
            "y": emu(pv.find(WP + "posOffset").text),
            "from_h": ph.get("relativeFrom"),
            "from_v": pv.get("relativeFrom"),
            "in_cell": anchor.get("layoutInCell") == "1",
            "overlap": anchor.get("allowOverlap") == "1",
            "wrap": wrap[0] if wrap else None,
            "sha256": hashlib.sha256(blob).hexdigest(),
        })
    return {"runs": runs, "frames": frames, "boxes": boxes, "drawings": drawings}


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
    extras = features(d)
    print(json.dumps({
        "body": body,
        "sections": sections,
        "footnotes": notes,
        "title": cp.title,
        "author": cp.author,
        "created": cp.created.isoformat() if cp.created else None,
        "font": d.styles.element.find(".//" + qn("w:rFonts")).get(qn("w:ascii")),
        **extras,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
