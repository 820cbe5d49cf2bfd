"""Builds the legacy-encoding corpora of tests/data/legacy from real
Vietnamese sentences (the seed resolution): each sentence converted to TCVN3
(ABC) and to VNI-Windows, as the bytes would be pasted as Windows-1252 text."""
import re, subprocess, sys, tomllib, unicodedata

def tcvn3_char(c):
    def enc(ch):
        r = subprocess.run(["iconv", "-f", "utf-8", "-t", "TCVN"], input=ch.encode(), capture_output=True)
        return r.stdout if r.returncode == 0 else None
    b = enc(c)
    # ABC fonts have lower-case codes only; capitals come from the .VnTimeH font.
    if b is None or len(b) != 1 or (b[0] < 0x20 and c.isalpha()) or (0x80 <= b[0] < 0xA0):
        b = enc(c.lower())
    if b is None or len(b) != 1:
        return c
    return b.decode("cp1252", errors="replace")

TONES = {"\u0301": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0323": 4}
PLAIN = ["ù", "ø", "û", "õ", "ï"]          # a, e, o, u, y, ơ, ư + tone
HAT = ["â", "á", "à", "å", "ã", "ä"]       # â, ê, ô: none, sắc, huyền, hỏi, ngã, nặng
BREVE = ["ê", "é", "è", "ú", "ü", "ë"]     # ă
I_TONES = ["i", "í", "ì", "æ", "ó", "ò"]

def vni_char(c):
    upper = c.isupper()
    d = unicodedata.normalize("NFD", c.lower())
    base, marks = d[0], d[1:]
    if base == "đ":
        out = "ñ"
    elif base not in "aeiouy":
        return c
    else:
        tone = next((TONES[m] for m in marks if m in TONES), None)
        if "\u0302" in marks:
            out = base + HAT[0 if tone is None else tone + 1]
        elif "\u0306" in marks:
            out = base + BREVE[0 if tone is None else tone + 1]
        elif "\u031b" in marks:
            out = ("ô" if base == "o" else "ö") + ("" if tone is None else PLAIN[tone])
        elif base == "i":
            out = I_TONES[0 if tone is None else tone + 1]
        elif base == "y" and tone == 4:
            out = "î"
        else:
            out = base + ("" if tone is None else PLAIN[tone])
    return out.upper() if upper else out

def convert(s, f):
    return "".join(f(c) for c in unicodedata.normalize("NFC", s))

doc = tomllib.load(open("examples/nghi-quyet-07-NQ-DU-2025.toml", "rb"))
sentences = []
def walk(v):
    if isinstance(v, str):
        for part in re.split(r"(?<=[.;:])\s+", v):
            if len(part.split()) >= 6:
                sentences.append(part)
    elif isinstance(v, list):
        for x in v: walk(x)
    elif isinstance(v, dict):
        for x in v.values(): walk(x)
walk(doc.get("noi_dung", []))
sentences = sentences[:120]
open("tests/data/legacy/tcvn3.txt", "w").write("\n".join(convert(s, tcvn3_char) for s in sentences) + "\n")
open("tests/data/legacy/vni.txt", "w").write("\n".join(convert(s, vni_char) for s in sentences) + "\n")
print(len(sentences))
