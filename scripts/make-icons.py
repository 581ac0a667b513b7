#!/usr/bin/env python3
"""Draws the Sessionpad app icons into style/icons/.

Standard library only, so it runs anywhere Python 3 does. The committed
icons are its output passed through `optipng -o7 -strip all` (a quarter
smaller, and every byte of them is precached); both are byte-for-byte
reproducible, so rerunning the two leaves git with nothing to commit.

Usage: python3 scripts/make-icons.py [output-dir] && optipng -o7 -strip all style/icons/*.png
"""

import math
import os
import struct
import sys
import zlib

ACCENT = (0x2F, 0x6F, 0x62)  # --accent in style/main.css
PAGE = (0xFF, 0xFF, 0xFF)
FOLD = (0xB7, 0xD3, 0xCB)  # the accent washed out towards white
SUBROWS = 16  # vertical samples per pixel; horizontal coverage is computed exactly


# Shapes return the horizontal spans they cover on the line y (pixel units).

def rounded_rect(left, top, right, bottom, radius):
    def spans(y):
        if y < top or y > bottom:
            return []
        inset = 0.0
        d = max(top + radius - y, y - (bottom - radius))
        if d > 0:
            inset = radius - math.sqrt(max(radius * radius - d * d, 0.0))
        return [(left + inset, right - inset)]
    return spans


def page(left, top, right, bottom, radius, fold):
    """A sheet with its top-right corner folded down."""
    body = rounded_rect(left, top, right, bottom, radius)

    def spans(y):
        out = []
        for a, b in body(y):
            if y < top + fold:
                b = min(b, right - fold + (y - top))
            if b > a:
                out.append((a, b))
        return out
    return spans


def fold_flap(right, top, fold):
    """The folded-over corner: right angle at (right - fold, top + fold)."""
    def spans(y):
        if y < top or y > top + fold:
            return []
        return [(right - fold, right - fold + (y - top))]
    return spans


def capsule(left, cy, length, thickness):
    h = thickness / 2
    return rounded_rect(left, cy - h, left + length, cy + h, h)


def mark(size, cx, cy, k):
    """The notepad mark, centred on (cx, cy), scaled to a k-pixel box."""
    w, h = 0.50 * k, 0.62 * k
    left, top = cx - w / 2, cy - h / 2
    right, bottom = left + w, top + h
    fold = 0.15 * k
    line_x = left + 0.09 * k
    thick = 0.05 * k
    layers = [
        (page(left, top, right, bottom, 0.045 * k, fold), PAGE),
        (fold_flap(right, top, fold), FOLD),
        (capsule(line_x, top + 0.27 * k, 0.30 * k, thick), ACCENT),
        (capsule(line_x, top + 0.38 * k, 0.32 * k, thick), ACCENT),
        (capsule(line_x, top + 0.49 * k, 0.19 * k, thick), ACCENT),
    ]
    corners = [(left, top), (right, top), (left, bottom), (right, bottom)]
    reach = max(math.hypot(x - cx, y - cy) for x, y in corners)
    return layers, reach


def coverage_row(spans_fn, py, size):
    """Fraction of each pixel in row py that the shape covers."""
    cov = [0.0] * size
    diff = [0.0] * (size + 1)
    w = 1.0 / SUBROWS
    for s in range(SUBROWS):
        y = py + (s + 0.5) / SUBROWS
        for a, b in spans_fn(y):
            a, b = max(a, 0.0), min(b, float(size))
            if b <= a:
                continue
            ia, ib = int(a), int(b)
            if ia == ib:
                cov[ia] += (b - a) * w
                continue
            cov[ia] += (ia + 1 - a) * w
            diff[ia + 1] += w
            diff[ib] -= w
            if ib < size:
                cov[ib] += (b - ib) * w
    run = 0.0
    for x in range(size):
        run += diff[x]
        cov[x] += run
    return cov


def render(size, layers):
    """Paints layers in order with 'over' compositing; returns RGBA float rows."""
    rows = []
    for py in range(size):
        px = [[0.0, 0.0, 0.0, 0.0] for _ in range(size)]
        for spans_fn, colour in layers:
            cov = coverage_row(spans_fn, py, size)
            for x in range(size):
                a = min(cov[x], 1.0)
                if a <= 0.0:
                    continue
                p = px[x]
                out_a = a + p[3] * (1 - a)
                for i in range(3):
                    p[i] = (colour[i] * a + p[i] * p[3] * (1 - a)) / out_a
                p[3] = out_a
        rows.append(px)
    return rows


def write_png(path, rows, opaque):
    size = len(rows)
    raw = bytearray()
    for row in rows:
        raw.append(0)  # filter: none
        for r, g, b, a in row:
            raw += bytes((round(r), round(g), round(b)))
            if not opaque:
                raw.append(round(a * 255))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    colour_type = 2 if opaque else 6
    png = (b"\x89PNG\r\n\x1a\n"
           + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, colour_type, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
           + chunk(b"IEND", b""))
    with open(path, "wb") as f:
        f.write(png)


def icon(size, kind):
    c = size / 2
    if kind == "any":
        # Transparent corners: the rounded square is the icon's own shape.
        background = rounded_rect(0, 0, size, size, 0.2 * size)
        layers, _ = mark(size, c, c, size)
    elif kind == "apple":
        # iOS rounds the corners itself and shows transparency as black.
        background = rounded_rect(-1, -1, size + 1, size + 1, 0)
        layers, _ = mark(size, c, c, size)
    else:
        # Maskable: the launcher may crop to any shape that contains the
        # central circle of radius 40%, so the mark must stay inside it.
        background = rounded_rect(-1, -1, size + 1, size + 1, 0)
        layers, reach = mark(size, c, c, 0.9 * size)
        assert reach <= 0.4 * size, "mark leaves the maskable safe zone"
    return render(size, [(background, ACCENT)] + layers), kind != "any"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "style", "icons")
    os.makedirs(out, exist_ok=True)
    for name, size, kind in [
        ("icon-192.png", 192, "any"),
        ("icon-512.png", 512, "any"),
        ("icon-maskable-512.png", 512, "maskable"),
        ("apple-touch-icon.png", 180, "apple"),
    ]:
        rows, opaque = icon(size, kind)
        path = os.path.join(out, name)
        write_png(path, rows, opaque)
        print(f"wrote {os.path.normpath(path)}")


if __name__ == "__main__":
    main()
