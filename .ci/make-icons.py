#!/usr/bin/env python3
"""Draws the app icons into static/icons/ (192, 512 and a maskable 512) as PNG.

Standard library only, so it runs on any machine with Python 3. The mark matches the header's SVG
(app_header.rs): a ring, a smile and two dots, in the accent colour's
inverse on the accent. Re-run after changing the design: `python3 .ci/make-icons.py`.
"""
import math
import pathlib
import struct
import zlib

ACCENT = (0x97, 0x32, 0x4C)
INK = (0xFF, 0xFF, 0xFF)
OUT = pathlib.Path(__file__).resolve().parent.parent / "static" / "icons"
SAMPLES = 3  # supersampling per axis, for smooth edges


def arch_distance(x, y):
    """Distance to the smile from (10,19) to (22,19) curving down, on the 32-unit design grid."""
    cx, cy, r = 16.0, 13.0, math.hypot(6.0, 6.0)
    angle = math.atan2(y - cy, x - cx)  # y grows downwards: the lower arc is 45..135 degrees
    if math.pi / 4 <= angle <= 3 * math.pi / 4:
        return abs(math.hypot(x - cx, y - cy) - r)
    return min(math.hypot(x - 10.0, y - 19.0), math.hypot(x - 22.0, y - 19.0))


def ink_coverage(x, y):
    """1 where the mark is drawn at design point (x, y), else 0."""
    ring = abs(math.hypot(x - 16.0, y - 16.0) - 13.0) <= 1.1
    arch = arch_distance(x, y) <= 1.1
    dots = math.hypot(x - 12.0, y - 12.0) <= 1.7 or math.hypot(x - 20.0, y - 12.0) <= 1.7
    return 1.0 if (ring or arch or dots) else 0.0


def background_coverage(u, v, corner):
    """Rounded square over the unit square; corner radius as a fraction of the side."""
    if corner == 0:
        return 1.0
    dx = max(corner - u, 0.0, u - (1.0 - corner))
    dy = max(corner - v, 0.0, v - (1.0 - corner))
    return 1.0 if math.hypot(dx, dy) <= corner else 0.0


def render(size, mark_fraction, corner):
    """RGBA rows: the mark fills `mark_fraction` of the side, centred on the background."""
    rows = []
    margin = (1.0 - mark_fraction) / 2.0
    for py in range(size):
        row = bytearray([0])  # PNG filter type 0 for this row
        for px in range(size):
            bg = ink = 0.0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    u = (px + (sx + 0.5) / SAMPLES) / size
                    v = (py + (sy + 0.5) / SAMPLES) / size
                    inside = background_coverage(u, v, corner)
                    bg += inside
                    if inside:
                        ink += ink_coverage((u - margin) / mark_fraction * 32.0, (v - margin) / mark_fraction * 32.0)
            n = SAMPLES * SAMPLES
            alpha, t = bg / n, (ink / bg if bg else 0.0)
            rgb = [round(a + (b - a) * t) for a, b in zip(ACCENT, INK)]
            row += bytes(rgb + [round(alpha * 255)])
        rows.append(bytes(row))
    return b"".join(rows)


def write_png(path, size, raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    # The icons have a handful of distinct colours (two inks blended at the anti-aliased edges), so
    # an indexed PNG (a palette with per-entry alpha) holds them at a fraction of RGBA's size; at
    # 16 colours or fewer, two pixels share a byte. The icons are part of the first load's budget.
    stride = size * 4 + 1
    pixels = [raw[y * stride + 1 + x * 4 : y * stride + 5 + x * 4] for y in range(size) for x in range(size)]
    uses = {}
    for pixel in pixels:
        uses[pixel] = uses.get(pixel, 0) + 1
    # Merge the rarest edge shades into their nearest neighbour until 16 are left.
    merged = {pixel: pixel for pixel in uses}
    live = set(uses)
    while len(live) > 16:
        rarest = min(live, key=lambda c: (uses[c], c))
        live.remove(rarest)
        nearest = min(live, key=lambda c: (sum((a - b) ** 2 for a, b in zip(c, rarest)), c))
        uses[nearest] += uses[rarest]
        for pixel, target in merged.items():
            if target == rarest:
                merged[pixel] = nearest
    entries = sorted(live)
    index = {colour: i for i, colour in enumerate(entries)}
    packed = bytearray()
    for y in range(size):
        packed.append(0)  # filter type 0
        row = [index[merged[pixels[y * size + x]]] for x in range(size)]
        row += [0] * (len(row) % 2)
        packed += bytes(row[i] << 4 | row[i + 1] for i in range(0, len(row), 2))
    header = struct.pack(">IIBBBBB", size, size, 4, 3, 0, 0, 0)  # 4-bit indexed colour
    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"PLTE", b"".join(e[:3] for e in entries))
        + chunk(b"tRNS", bytes(e[3] for e in entries))
        + chunk(b"IDAT", zlib.compress(bytes(packed), 9))
        + chunk(b"IEND", b"")
    )
    path.write_bytes(png)
    print(f"wrote {path.relative_to(OUT.parent.parent)} ({len(png)} bytes)")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    # "any" icons: rounded square, mark at 78%.
    write_png(OUT / "icon-192.png", 192, render(192, 0.78, 0.22))
    write_png(OUT / "icon-512.png", 512, render(512, 0.78, 0.22))
    # Maskable: full bleed, mark inside the 80% safe circle the platforms may crop to.
    write_png(OUT / "icon-maskable-512.png", 512, render(512, 0.56, 0.0))


if __name__ == "__main__":
    main()
