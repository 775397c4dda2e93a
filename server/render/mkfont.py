#!/usr/bin/python3
"""mkfont.py - make berkas's document fonts from DejaVu Serif, at build time.

    /usr/bin/python3 mkfont.py IN.ttf OUT.ttf "Berkas Serif" Regular|Bold

Why: Debian's libharu 2.3.0 subsetter drops the inner pieces of NESTED
composite glyphs (U+1EC5 "ễ" is e + circumflex + tilde, itself a composite),
so "Nguyễn Đặng" was drawn as "Nguyen Đ ̣ng" while pdftotext still read it
right.  Every composite glyph is therefore decomposed here, once, into plain
outlines.  The font is then reduced to the scripts berkas prints (Latin-1 and
Extended-A whole; of the rest, the letters of Vietnamese, Romanian,
pinyin and common transliterations, the combining marks they use,
punctuation, a few currency signs and symbols), which
keeps the embedded glyph table, the width array and the CID map small.

DejaVu's licence (Bitstream Vera) asks that a modified font be renamed:
the family becomes "Berkas Serif"; the copyright and licence name records
are kept, and the build copies the licence text beside the fonts.
"""
import sys

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables import ttProgram
from fontTools.ttLib.tables._g_l_y_f import Glyph
from fontTools import subset

RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x0100, 0x017F),  # Latin Extended-A (Ł, Ş, ő, ğ ...)
    (0x018F, 0x018F),  # Ə (Azerbaijani)
    (0x01A0, 0x01B0),  # Ơ ơ Ư ư (Vietnamese) and their neighbours
    (0x01CD, 0x01DC),  # pinyin tone vowels (ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ)
    (0x0218, 0x021B),  # Ș ș Ț ț (Romanian)
    (0x0259, 0x0259),  # ə
    (0x02BB, 0x02BC),  # ʻ ʼ (okina, apostrophe)
    (0x02C6, 0x02C7),  # ˆ ˇ
    (0x02D8, 0x02DD),  # ˘ ˙ ˚ ˛ ˜ ˝
    (0x0300, 0x0328),  # combining marks: grave .. ogonek (Vietnamese, Turkish cedilla)
    (0x0331, 0x0331),  # combining macron below
    (0x1E0C, 0x1E0D),  # Ḍ ḍ  (transliteration)
    (0x1E24, 0x1E25),  # Ḥ ḥ
    (0x1E36, 0x1E37),  # Ḷ ḷ
    (0x1E40, 0x1E47),  # Ṁ .. ṇ
    (0x1E5A, 0x1E5B),  # Ṛ ṛ
    (0x1E62, 0x1E63),  # Ṣ ṣ
    (0x1E6C, 0x1E6D),  # Ṭ ṭ
    (0x1E9E, 0x1E9E),  # ẞ
    (0x1EA0, 0x1EF9),  # Vietnamese: Ạ .. ỹ
    (0x2010, 0x2027),  # dashes, quotes, bullet, ellipsis
    (0x2030, 0x2030),  # ‰
    (0x2039, 0x203A),  # ‹ ›
    (0x20AB, 0x20AC),  # ₫ €
    (0x20B9, 0x20B9),  # ₹
    (0x2116, 0x2116),  # №
    (0x2122, 0x2122),  # ™
    (0x2212, 0x2212),  # minus
    (0x2264, 0x2265),  # ≤ ≥
    (0x25A1, 0x25A1),  # □ (a box to tick)
    # nothing above U+25A1: libharu 2.3.0 builds its CID-to-glyph map up to
    # the highest code in the font, looking each code up in the cmap
]


def decompose_all(font):
    """Replace every composite glyph by the outlines of its components,
    recursively (getCoordinates flattens nested components)."""
    glyf = font["glyf"]
    count = 0
    for name in glyf.keys():
        g = glyf[name]
        if not g.isComposite():
            continue
        coords, ends, flags = g.getCoordinates(glyf)
        ng = Glyph()
        ng.numberOfContours = len(ends)
        ng.coordinates = coords
        ng.endPtsOfContours = list(ends)
        ng.flags = flags
        ng.program = ttProgram.Program()
        ng.program.fromBytecode(b"")
        ng.recalcBounds(glyf)
        glyf[name] = ng
        count += 1
    return count


def few_segments_cmap(font, gap=96):
    """Rewrite the Unicode cmap as a format 4 table with as FEW segments as
    possible: codes closer than `gap` share one segment, the holes mapped to
    glyph 0 through glyphIdArray.  libharu 2.3.0 builds, for every document,
    a map of all 65,536 codes by scanning the segments linearly for each
    code, so the segment count is its cost (32 segments -> 6 makes a
    document's font set-up several times faster)."""
    import struct
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable
    best = font.getBestCmap()
    order = {name: i for i, name in enumerate(font.getGlyphOrder())}
    codes = sorted(c for c in best if c < 0xFFFF)
    clusters = []
    for c in codes:
        if clusters and c - clusters[-1][1] <= gap:
            clusters[-1][1] = c
        else:
            clusters.append([c, c])
    seg = clusters + [[0xFFFF, 0xFFFF]]
    n = len(seg)
    ends = [e for _, e in seg]
    starts = [s_ for s_, _ in seg]
    deltas, offsets, gids = [], [], []
    for i, (a, b) in enumerate(seg):
        if a == 0xFFFF:
            deltas.append(1)
            offsets.append(0)
            continue
        deltas.append(0)
        offsets.append(2 * (n - i) + 2 * len(gids))
        gids.extend(order[best[c]] if c in best else 0 for c in range(a, b + 1))
    search = 2 ** (n.bit_length() - 1)
    body = struct.pack(">HHHH", 2 * n, 2 * search, search.bit_length() - 1, 2 * n - 2 * search)
    body += struct.pack(">%dH" % n, *ends) + b"\0\0" + struct.pack(">%dH" % n, *starts)
    body += struct.pack(">%dh" % n, *deltas) + struct.pack(">%dH" % n, *offsets)
    body += struct.pack(">%dH" % len(gids), *gids)
    tables = []
    for pid, eid in ((0, 3), (3, 1)):
        t = CmapSubtable.newSubtable(4)
        t.platformID, t.platEncID, t.language = pid, eid, 0
        t.format, t.length = 4, 6 + len(body)
        t.data = body  # compile() writes these bytes as they are
        t.cmap = dict(best)  # what OS/2 reads for its first and last char
        tables.append(t)
    font["cmap"].tables = tables
    return n


def rename(font, family, style):
    ps_family = family.replace(" ", "")
    full = family if style == "Regular" else family + " " + style
    ps = ps_family if style == "Regular" else ps_family + "-" + style
    name = font["name"]
    keep = {0, 7, 13, 14}  # copyright, trademark, licence, licence URL
    name.names = [n for n in name.names if n.nameID in keep]
    for nid, value in ((1, family), (2, style), (3, "berkas: " + ps), (4, full),
                       (5, "Version 2.37 (berkas: composites decomposed, subset)"),
                       (6, ps)):
        name.setName(value, nid, 3, 1, 0x409)
        name.setName(value, nid, 1, 0, 0)


def main():
    if len(sys.argv) != 5 or sys.argv[4] not in ("Regular", "Bold"):
        sys.exit("usage: mkfont.py IN.ttf OUT.ttf FAMILY Regular|Bold")
    src, dst, family, style = sys.argv[1:]
    font = TTFont(src)
    n = decompose_all(font)

    opts = subset.Options()
    opts.layout_features = []
    opts.hinting = False
    opts.notdef_outline = True
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "FFTM", "MATH", "BASE", "JSTF"]
    opts.glyph_names = False
    sub = subset.Subsetter(opts)
    unicodes = [u for lo, hi in RANGES for u in range(lo, hi + 1)]
    sub.populate(unicodes=unicodes)
    sub.subset(font)

    for g in font["glyf"].glyphs.values():
        if g.isComposite():
            sys.exit("mkfont: a composite glyph survived decomposition")
    rename(font, family, style)
    ids = {name: i for i, name in enumerate(font.getGlyphOrder())}
    expected = {c: ids[g] for c, g in font.getBestCmap().items()}
    segs = few_segments_cmap(font)
    font.save(dst)
    saved = TTFont(dst)
    ids = {name: i for i, name in enumerate(saved.getGlyphOrder())}
    if {c: ids[g] for c, g in saved.getBestCmap().items()} != expected:
        sys.exit("mkfont: the rewritten cmap does not map what the font did")
    print("mkfont: %s: %d composites decomposed, %d glyphs, %d cmap segments"
          % (dst, n, len(font.getGlyphOrder()), segs))


if __name__ == "__main__":
    main()
