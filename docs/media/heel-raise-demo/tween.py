#!/usr/bin/env python3
"""Writes the SVG frames of the heel-raise clip by tweening between the key poses in poses/.

Usage: tween.py TIMELINE POSES_DIR OUT_DIR FPS
Writes OUT_DIR/f0000.svg, f0001.svg, ... and prints the frame count and the duration in seconds.
Python 3 standard library only; the output depends on nothing but the inputs.

The key poses are SVG files with the same elements in the same order, differing only in their
numbers. A frame is a pose's text with every number that differs between the two poses of its
segment blended (eased) between them. A path marked data-tween="chain" (the lifted leg) is a chain
of joints: its first point is blended in a straight line and each later point follows the one
before it, with the length and the angle of the segment between them blended, so a bending knee
swings round instead of cutting the corner and shortening the shin.

Each frame also gets an on-screen label and an up or down arrow beside the heel, both taken from
the timeline and faded in and out over FADE seconds.
"""
import math
import os
import re
import sys
from xml.sax.saxutils import escape

FADE = 0.2  # seconds over which a label or an arrow fades in and out
TOKEN = re.compile(r"#[0-9a-fA-F]+|(-?\d+(?:\.\d+)?)")  # a colour like #55626a is not a number
CHAIN_PATH = re.compile(r'<path\b[^>]*\bdata-tween="chain"[^>]*>')
D_ATTRIBUTE = re.compile(r'\bd="([^"]*)"')
TITLE = re.compile(r"<title>.*?</title>\s*", re.S)

# The arrow beside the standing heel, in the figure's coordinates (as in input/images/heel-raises.svg).
ARROWS = {
    "up": '<path d="M206 272 Q206 256 206 240" fill="none" stroke="#0b6e6e" stroke-width="4" stroke-linecap="round"/>'
          '<path d="M206 235 L214 249 L198 249Z" fill="#0b6e6e" stroke="#0b6e6e" stroke-width="2" stroke-linejoin="round"/>',
    "down": '<path d="M206 240 Q206 256 206 268" fill="none" stroke="#0b6e6e" stroke-width="4" stroke-linecap="round"/>'
            '<path d="M206 273 L214 259 L198 259Z" fill="#0b6e6e" stroke="#0b6e6e" stroke-width="2" stroke-linejoin="round"/>',
}
FIGURE_TRANSFORM = re.compile(r'<g transform="([^"]*)">')
LABEL = ('<text x="320" y="58" text-anchor="middle" font-family="DejaVu Sans" font-weight="bold" '
         'font-size="34" fill="#0b6e6e" opacity="{opacity}">{text}</text>')

EASES = {
    "io": lambda t: (1 - math.cos(math.pi * t)) / 2,  # slow start, slow finish
    "i": lambda t: 1 - math.cos(math.pi * t / 2),      # slow start, arrives moving
    "o": lambda t: math.sin(math.pi * t / 2),          # leaves moving, slow finish
    "lin": lambda t: t,
}


class Pose:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            text = TITLE.sub("", f.read())
        chains = []  # (start, end) of each chain path's d attribute
        for tag in CHAIN_PATH.finditer(text):
            d = D_ATTRIBUTE.search(tag.group(0))
            chains.append((tag.start() + d.start(1), tag.start() + d.end(1)))
        self.literals, self.numbers, self.chain_of = [], [], []
        last = 0
        for m in TOKEN.finditer(text):
            if m.group(1) is None:
                continue
            self.literals.append(text[last:m.start()])
            self.numbers.append(m.group(1))
            self.chain_of.append(next((i for i, (s, e) in enumerate(chains) if s <= m.start() < e), None))
            last = m.end()
        self.literals.append(text[last:])
        self.name = os.path.basename(path)
        self.transform = FIGURE_TRANSFORM.search(text).group(1)


def fmt(x):
    s = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def blend(a, b, e):
    """The text of pose a blended towards pose b by e (0 = a, 1 = b)."""
    out = list(a.numbers)
    chains = {}
    for i, (na, nb, c) in enumerate(zip(a.numbers, b.numbers, a.chain_of)):
        if c is not None:
            chains.setdefault(c, []).append(i)
        elif na != nb:
            out[i] = fmt(float(na) + (float(nb) - float(na)) * e)
    for indices in chains.values():
        pa = [(float(a.numbers[i]), float(a.numbers[j])) for i, j in zip(indices[::2], indices[1::2])]
        pb = [(float(b.numbers[i]), float(b.numbers[j])) for i, j in zip(indices[::2], indices[1::2])]
        x = pa[0][0] + (pb[0][0] - pa[0][0]) * e
        y = pa[0][1] + (pb[0][1] - pa[0][1]) * e
        points = [(x, y)]
        for k in range(1, len(pa)):
            va = (pa[k][0] - pa[k - 1][0], pa[k][1] - pa[k - 1][1])
            vb = (pb[k][0] - pb[k - 1][0], pb[k][1] - pb[k - 1][1])
            la, lb = math.hypot(*va), math.hypot(*vb)
            aa, ab = math.atan2(va[1], va[0]), math.atan2(vb[1], vb[0])
            turn = (ab - aa + math.pi) % (2 * math.pi) - math.pi  # the shorter way round
            length, angle = la + (lb - la) * e, aa + turn * e
            x, y = x + length * math.cos(angle), y + length * math.sin(angle)
            points.append((x, y))
        for (i, j), (x, y) in zip(zip(indices[::2], indices[1::2]), points):
            out[i], out[j] = fmt(x), fmt(y)
    return "".join(lit + num for lit, num in zip(a.literals, out + [""]))


def read_timeline(path):
    """Segments: (seconds, from pose, to pose, ease, arrow, label); '-' means no arrow or label."""
    segments = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = line.split(None, 5)
            if len(fields) != 6 or fields[3] not in EASES or fields[4] not in ("-", "up", "down"):
                sys.exit(f"{path}:{n}: expected: seconds from-pose to-pose ease(io|i|o|lin) arrow(-|up|down) label")
            segments.append((float(fields[0]), fields[1], fields[2], fields[3], fields[4], fields[5]))
    return segments


def runs(segments, field):
    """For each segment, the start and end time of the run of neighbouring segments with the same value."""
    starts, t = [], 0.0
    for s in segments:
        starts.append(t)
        t += s[0]
    result = []
    for i, s in enumerate(segments):
        first = i
        while first > 0 and segments[first - 1][field] == s[field]:
            first -= 1
        last = i
        while last + 1 < len(segments) and segments[last + 1][field] == s[field]:
            last += 1
        result.append((starts[first], starts[last] + segments[last][0]))
    return starts, result, t


def fade(t, start, end, total):
    o = 1.0
    if start > 0:
        o = min(o, (t - start) / FADE)
    if end < total:
        o = min(o, (end - t) / FADE)
    return max(0.0, min(1.0, o))


def main():
    timeline, poses_dir, out_dir, fps = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    segments = read_timeline(timeline)
    poses = {}
    for s in segments:
        for name in (s[1], s[2]):
            if name not in poses:
                poses[name] = Pose(os.path.join(poses_dir, name + ".svg"))
    first = next(iter(poses.values()))
    for p in poses.values():
        if p.literals != first.literals or p.chain_of != first.chain_of:
            sys.exit(f"{p.name} and {first.name} differ in more than their numbers: key poses must match element for element")
    starts, label_runs, total = runs(segments, 5)
    _, arrow_runs, _ = runs(segments, 4)
    frames = round(total * fps)
    os.makedirs(out_dir, exist_ok=True)
    i = 0
    for k in range(frames):
        t = k / fps
        while i + 1 < len(segments) and t >= starts[i + 1] - 1e-9:
            i += 1
        seconds, a, b, ease, arrow, label = segments[i]
        e = EASES[ease](min(1.0, (t - starts[i]) / seconds))
        svg = blend(poses[a], poses[b], e)
        overlay = ""
        if arrow != "-":
            o = fade(t, *arrow_runs[i], total)
            overlay += f'<g transform="{first.transform}" opacity="{fmt(o)}">{ARROWS[arrow]}</g>\n'
        if label != "-":
            o = fade(t, *label_runs[i], total)
            overlay += LABEL.format(opacity=fmt(o), text=escape(label)) + "\n"
        svg = svg.replace("</svg>", overlay + "</svg>")
        with open(os.path.join(out_dir, f"f{k:04d}.svg"), "w", encoding="utf-8", newline="\n") as f:
            f.write(svg)
    print(frames, fmt(frames / fps))


if __name__ == "__main__":
    main()
