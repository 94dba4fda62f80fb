#!/usr/bin/env bash
# Checks what make.sh wrote into input/videos/: the clip's codecs, size, duration and the absence of
# metadata tags (ffprobe); that the captions are WebVTT with increasing cue times, short lines and
# the words of narration.txt; that each cue starts where the decoded audio's speech starts; and that
# the poster is a small 640 px JPEG with no metadata segment. It also writes a few frames of the
# decoded clip as PNGs into CHECK_FRAMES (default: a temporary folder that it removes) to look at.
# Needs: ffmpeg (ffprobe), python3.   Usage: bash docs/media/heel-raise-demo/check.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
videos=$(cd "$here/../../../input/videos" && pwd)
frames=${CHECK_FRAMES:-}
if [[ -z "$frames" ]]; then frames=$(mktemp -d); trap 'rm -rf "$frames"' EXIT; fi
mkdir -p "$frames"
for t in 1.5 4.2 7.0 8.6 10.2 13.2 16.5 18.6; do
  ffmpeg -nostdin -v error -y -ss "$t" -i "$videos/heel-raise-demo.mp4" -frames:v 1 "$frames/at-$t.png"
done
onsets=$(ffmpeg -nostdin -v info -nostats -i "$videos/heel-raise-demo.mp4" -map 0:a \
  -af silencedetect=noise=-45dB:d=0.25 -f null - 2>&1 | sed -n 's/.*silence_end: \([0-9.]*\).*/\1/p' | tr '\n' ' ')
ffprobe -v error -show_format -show_streams -of json "$videos/heel-raise-demo.mp4" > "$frames/probe.json"
python3 - "$here/narration.txt" "$videos" "$frames/probe.json" "$onsets" <<'EOF'
import json, os, re, sys
from fractions import Fraction
narration, videos, probe, onsets = sys.argv[1], sys.argv[2], sys.argv[3], [float(x) for x in sys.argv[4].split()]
problems = []
def check(ok, what):
    print(("ok      " if ok else "PROBLEM ") + what)
    if not ok:
        problems.append(what)

p = json.load(open(probe))
v = next(s for s in p["streams"] if s["codec_type"] == "video")
a = next(s for s in p["streams"] if s["codec_type"] == "audio")
size = int(p["format"]["size"])
duration = float(p["format"]["duration"])
check(v["codec_name"] == "h264" and v["profile"] in ("Main", "High"), f"video {v['codec_name']} {v['profile']}")
check(v["pix_fmt"] == "yuv420p", f"pixel format {v['pix_fmt']}")
check((v["width"], v["height"]) in ((640, 480), (720, 540)), f"frame size {v['width']}x{v['height']}")
fps = float(Fraction(v["avg_frame_rate"]))
check(24 <= fps <= 30, f"frame rate {fps:g} fps")
check(a["codec_name"] == "aac", f"audio {a['codec_name']} {a.get('profile', '')} {a['sample_rate']} Hz, {a['channels']} channel(s)")
check(12 <= duration <= 20, f"duration {duration:.3f} s")
check(size < 1_500_000, f"size {size} bytes")
structural = {"major_brand", "minor_version", "compatible_brands", "language", "handler_name", "vendor_id"}
extra = {k: t for k, t in list(p["format"].get("tags", {}).items()) + [kv for s in p["streams"] for kv in s.get("tags", {}).items()] if k not in structural}
check(not extra, f"no metadata tags beyond the box fields every mp4 has ({', '.join(sorted(structural))})" + (f": found {extra}" if extra else ""))
data = open(os.path.join(videos, "heel-raise-demo.mp4"), "rb").read()
check(data[4:8] == b"ftyp" and data.find(b"moov") < data.find(b"mdat"), "faststart: the index (moov) comes before the media (mdat)")
check(not re.search(rb"x264 - core|Lavf|Lavc|creation_time", data), "no x264/Lavf/Lavc version strings and no creation time")

lines = []
for line in open(narration, encoding="utf-8"):
    if line.strip() and not line.startswith("#"):
        start, text = line.rstrip("\n").split("\t", 1)
        lines.append(text)
vtt = open(os.path.join(videos, "heel-raise-demo.vtt"), encoding="utf-8").read()
check(vtt.startswith("WEBVTT\n"), "captions start with the WEBVTT header")
stamp = r"(\d\d):(\d\d):(\d\d)\.(\d\d\d)"
secs = lambda m, o: int(m.group(o + 1)) * 3600 + int(m.group(o + 2)) * 60 + int(m.group(o + 3)) + int(m.group(o + 4)) / 1000
cues = []
for block in vtt.split("\n\n")[1:]:
    rows = block.strip("\n").split("\n")
    if rows[0] and "-->" not in rows[0]:
        rows = rows[1:]  # cue identifier
    m = re.fullmatch(stamp + " --> " + stamp, rows[0])
    check(bool(m), f"cue timing line {rows[0]!r}")
    cues.append((secs(m, 0), secs(m, 4), rows[1:]))
check(len(cues) == len(lines), f"{len(cues)} cues for {len(lines)} narration lines")
last_end = 0.0
for (start, end, text), said in zip(cues, lines):
    check(last_end <= start < end, f"{start:6.3f} --> {end:6.3f}  {' / '.join(text)}")
    check(" ".join(text) == said, f"   its text is the narration line {said!r}")
    check(len(text) <= 2 and all(len(r) <= 42 for r in text), "   at most 2 lines of at most 42 characters")
    near = min(onsets, key=lambda o: abs(o - start)) if onsets else None
    check(near is not None and abs(near - start) < 0.08, f"   speech starts at {near:.3f} s in the decoded audio")
    last_end = end
check(last_end <= duration, "the last cue ends within the clip")

jpg = open(os.path.join(videos, "heel-raise-demo.jpg"), "rb").read()
i, markers = 2, []
while i < len(jpg) and jpg[i] == 0xFF and jpg[i + 1] != 0xDA:
    markers.append(jpg[i + 1]); i += 2 + int.from_bytes(jpg[i + 2:i + 4], "big")
w = h = None
for k in range(2, i):
    if jpg[k] == 0xFF and jpg[k + 1] == 0xC0:
        h, w = int.from_bytes(jpg[k + 5:k + 7], "big"), int.from_bytes(jpg[k + 7:k + 9], "big")
check(jpg[:2] == b"\xff\xd8" and w == 640, f"poster is a {w}x{h} JPEG")
check(len(jpg) < 60_000, f"poster is {len(jpg)} bytes")
app = [hex(m) for m in markers if 0xE1 <= m <= 0xEF or m == 0xFE]
check(not app, "poster has no EXIF, XMP, ICC or comment segment" + (f": found {app}" if app else ""))
credits = open(os.path.join(videos, "credits.yml"), encoding="utf-8").read()
check(re.search(r"^heel-raise-demo\.mp4:\n  title: .+\n  author: KneeGuide contributors\n  license: CC BY 4\.0\n  license_url: https://creativecommons\.org/licenses/by/4\.0/$", credits, re.M) is not None, "credits.yml has the clip's entry")
print(f"{len(problems)} problem(s)")
sys.exit(1 if problems else 0)
EOF
echo "frames to look at: $frames (kept only when CHECK_FRAMES is set)"
