"""Dumps what a PDF/A check needs, read with pikepdf (qpdf), independently of
vanban's own PDF reading: version, XMP identification and metadata, the Info
dictionary, and every embedded file with its data's SHA-256.

Usage: python3 pdfa_probe.py FILE.pdf  ->  JSON on stdout.
"""

import hashlib
import json
import sys

import pikepdf

DC = "{http://purl.org/dc/elements/1.1/}"
PDF = "{http://ns.adobe.com/pdf/1.3/}"
XMP = "{http://ns.adobe.com/xap/1.0/}"
PDFAID = "{http://www.aiim.org/pdfa/ns/id/}"


def text(v):
    if v is None:
        return None
    if isinstance(v, (list, tuple, set)):
        return [str(x) for x in v]
    return str(v)


def main(path):
    pdf = pikepdf.open(path)
    meta = pdf.open_metadata()
    attachments = []
    for name, spec in pdf.attachments.items():
        f = spec.get_file()
        data = f.read_bytes()
        attachments.append(
            {
                "name": name,
                "filename": spec.filename,
                "description": spec.description,
                "relationship": str(spec.obj.get("/AFRelationship", "")),
                "mime_type": f.mime_type,
                "size": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
            }
        )
    af = pdf.Root.get("/AF")
    out = {
        "version": pdf.pdf_version,
        "pages": len(pdf.pages),
        "pdfaid_part": text(meta.get(PDFAID + "part")),
        "pdfaid_conformance": text(meta.get(PDFAID + "conformance")),
        "title": text(meta.get(DC + "title")),
        "creator": text(meta.get(DC + "creator")),
        "description": text(meta.get(DC + "description")),
        "keywords": text(meta.get(PDF + "Keywords")),
        "language": text(meta.get(DC + "language")),
        "create_date": text(meta.get(XMP + "CreateDate")),
        "info": {str(k): str(v) for k, v in pdf.docinfo.items()},
        "catalog_af": 0 if af is None else len(af),
        "attachments": attachments,
    }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
