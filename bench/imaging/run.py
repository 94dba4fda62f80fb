#!/usr/bin/python3
"""NetVips (libvips) versus ImageSharp 2.1 on KneeGuide's per-photo image job. Method: RESULTS.md.

  bench/imaging/run.py quality   # equal-SSIM search: encoder settings and bytes at the same SSIM
  bench/imaging/run.py speed     # the full job per photo, each library in its own process under /usr/bin/time -v
  bench/imaging/run.py avif      # libvips AVIF encode time and bytes by effort
  bench/imaging/run.py all

Options: --metric Y|All (SSIM of luma, the default, or ffmpeg's Y+U+V figure), --runs N (processes per library for speed, alternating; default 3), --repeat N (jobs per
process; default 3), --work DIR (default bench/work/imaging, gitignored). Fixtures come from
make_fixtures.py (run first if missing); the bench binary from `dotnet build bench/imaging -c Release`.
Needs ffmpeg (the SSIM judge and the reference resize) and /usr/bin/time (Debian's `time`).
Everything measured is printed as Markdown and saved to WORK/results-*.json.
"""
import argparse, json, os, re, statistics, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BENCH = os.path.join(HERE, "bin", "Release", "net10.0", "KneeGuide.ImagingBench")
SWEEP_WIDTHS = [480, 960, 1920]
LOSSY_QS = list(range(40, 100, 5))
AVIF_QS = list(range(30, 85, 5))


def sh(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)


def bench(*args):
    return json.loads(sh([BENCH, *map(str, args)]).stdout)


def timed(*args):
    """The bench under /usr/bin/time -v: (its JSON, wall s, user+sys s, peak RSS MB)."""
    p = sh(["/usr/bin/time", "-v", BENCH, *map(str, args)])
    def field(name):
        return re.search(rf"{re.escape(name)}: (.+)", p.stderr).group(1).strip()
    h, m, s = ([0] + [float(x) for x in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")])[-3:]
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    return json.loads(p.stdout), h * 3600 + m * 60 + s, cpu, int(field("Maximum resident set size (kbytes)")) / 1024


METRIC = "Y"


def ssim(distorted, reference):
    """ffmpeg's SSIM in full-resolution YUV 4:4:4: of luma alone (Y, the default: what the eye resolves
    detail in) or ffmpeg's 'All' (Y, U and V weighted 4:1:1; --metric All), which on this photo's
    thousands of small saturated shapes mostly measures 4:2:0 chroma subsampling, the same in every
    lossy encoder here below q=90."""
    p = subprocess.run(["ffmpeg", "-hide_banner", "-nostats", "-i", distorted, "-i", reference, "-lavfi",
                        "[0:v]format=yuv444p[d];[1:v]format=yuv444p[r];[d][r]ssim", "-f", "null", "-"],
                       capture_output=True, text=True, check=True)
    return float(re.search(rf"{METRIC}:([0-9.]+)", p.stderr).group(1))


def reference(work, source, width):
    """The judge's resize: ffmpeg decodes (applying the EXIF orientation itself) and scales with
    Lanczos in full-chroma RGB, independent of both libraries."""
    out = os.path.join(work, "ref", f"{os.path.basename(source)}-{width}.png")
    if not os.path.exists(out):
        os.makedirs(os.path.dirname(out), exist_ok=True)
        sh(["ffmpeg", "-v", "error", "-y", "-i", source, "-vf",
            f"format=rgb24,scale={width}:-2:flags=lanczos+accurate_rnd+full_chroma_int", "-frames:v", "1", out])
    return out


def interpolate(points, target):
    """Bytes and quality at SSIM = target, linear between the two sweep points around it
    (points: (q, ssim, bytes) sorted by q; SSIM rises with q)."""
    for (q0, s0, b0), (q1, s1, b1) in zip(points, points[1:]):
        if s0 <= target <= s1 and s1 > s0:
            t = (target - s0) / (s1 - s0)
            return q0 + t * (q1 - q0), b0 + t * (b1 - b0)
    return None, None


ENCODERS = [  # (label, library, format, extra args)
    ("ImageSharp WebP", "imagesharp", "webp", []),
    ("libvips WebP", "netvips", "webp", []),
    ("ImageSharp JPEG", "imagesharp", "jpeg", []),
    ("libvips JPEG (optimised Huffman)", "netvips", "jpeg", []),
    ("libvips JPEG (+ mozjpeg trellis, table 3)", "netvips", "jpeg", ["--moz"]),
    ("libvips AVIF (effort 2)", "netvips", "avif", []),
]


def swept(out, names):
    """The sizes of a sweep already on disk (from an earlier run on the same fixture), or None."""
    paths = [os.path.join(out, n) for n in names]
    return {n: os.path.getsize(p) for n, p in zip(names, paths)} if all(map(os.path.exists, paths)) else None


def quality(work, photo):
    """Encodes are kept in WORK/sweep and reused by a later run (delete the folder after changing the
    fixture or the encoders); only the SSIM is computed again, e.g. with another --metric."""
    results = {"metric": METRIC, "ceiling": {}, "sweeps": {}}
    refs = {w: reference(work, photo, w) for w in SWEEP_WIDTHS}
    for library in ("imagesharp", "netvips"):
        out = os.path.join(work, "sweep", library, "png")
        if not swept(out, [f"{w}.png" for w in SWEEP_WIDTHS]):
            bench("sweep", "--library", library, "--input", photo, "--format", "png",
                  "--widths", ",".join(map(str, SWEEP_WIDTHS)), "--out", out)
        results["ceiling"][library] = {w: ssim(os.path.join(out, f"{w}.png"), refs[w]) for w in SWEEP_WIDTHS}
    for label, library, fmt, extra in ENCODERS:
        out = os.path.join(work, "sweep", library, fmt + "".join(extra).replace("-", ""))
        qs = AVIF_QS if fmt == "avif" else LOSSY_QS
        ext = {"jpeg": "jpg"}.get(fmt, fmt)
        sizes = swept(out, [f"{w}-q{q}.{ext}" for w in SWEEP_WIDTHS for q in qs])
        if sizes is None:
            sizes = bench("sweep", "--library", library, "--input", photo, "--format", fmt, "--widths",
                          ",".join(map(str, SWEEP_WIDTHS)), "--qualities", ",".join(map(str, qs)), "--out", out, *extra)["outputs"]
            if fmt == "avif":
                bench("topng", "--input", out)
        results["sweeps"][label] = {
            w: [(q, ssim(os.path.join(out, f"{w}-q{q}.{ext}" + (".png" if fmt == "avif" else "")), refs[w]),
                 sizes[f"{w}-q{q}.{ext}"]) for q in qs]
            for w in SWEEP_WIDTHS}
        print(f"swept {label}", file=sys.stderr)
    # The target: what libvips' WebP at q=80 reaches at each width (a common web default).
    results["target"] = {w: dict((q, s) for q, s, _ in results["sweeps"]["libvips WebP"][w])[80] for w in SWEEP_WIDTHS}
    save(work, "quality", results)
    print_quality(results)


def print_quality(r):
    print(f"\nSSIM metric: {r['metric']}\n")
    print("Lossless resize against the judge's (the ceiling any encode of that resize can reach):\n")
    print("| library | " + " | ".join(f"SSIM at {w}" for w in SWEEP_WIDTHS) + " |")
    print("| --- |" + " --- |" * len(SWEEP_WIDTHS))
    for lib, c in r["ceiling"].items():
        print(f"| {lib} | " + " | ".join(f"{c[str(w)] if str(w) in c else c[w]:.5f}" for w in SWEEP_WIDTHS) + " |")
    print("\nAt equal SSIM (target: libvips WebP q=80 at each width): the setting each encoder needs and its bytes\n")
    print("| encoder | " + " | ".join(f"{w} px: q / KB" for w in SWEEP_WIDTHS) + " |")
    print("| --- |" + " --- |" * len(SWEEP_WIDTHS))
    for label, sweep in r["sweeps"].items():
        cells = []
        for w in SWEEP_WIDTHS:
            target = r["target"][str(w)] if str(w) in r["target"] else r["target"][w]
            points = sweep[str(w)] if str(w) in sweep else sweep[w]
            q, b = interpolate(points, target)
            cells.append("not reached" if q is None else f"{q:.0f} / {b / 1024:.0f}")
        print(f"| {label} | " + " | ".join(cells) + " |")
    print("\nTargets: " + ", ".join(f"{w} px {(r['target'].get(str(w)) or r['target'].get(w)):.5f}" for w in SWEEP_WIDTHS))


def speed(work, runs, repeat, settings):
    fixtures = {name: os.path.join(work, name) for name in ("phone-photo.jpg", "transparent.png", "small.jpg")}
    jobs = []  # (label, library, input, extra args)
    for name, path in fixtures.items():
        jobs.append((f"ImageSharp, {name}", "imagesharp", path, settings["imagesharp"]))
        jobs.append((f"libvips, {name}", "netvips", path, settings["netvips"]))
    jobs.append(("libvips + AVIF effort 2, phone-photo.jpg", "netvips", fixtures["phone-photo.jpg"],
                 settings["netvips"] + ["--avif-q", settings["avif_q"], "--avif-effort", "2"]))
    jobs.append(("libvips, 1 thread, phone-photo.jpg", "netvips", fixtures["phone-photo.jpg"], settings["netvips"] + ["--vips-threads", "1"]))
    jobs.append(("libvips + AVIF effort 2, 1 thread, phone-photo.jpg", "netvips", fixtures["phone-photo.jpg"],
                 settings["netvips"] + ["--avif-q", settings["avif_q"], "--avif-effort", "2", "--vips-threads", "1"]))
    rows = {label: [] for label, *_ in jobs}
    outputs = {}
    for run in range(runs):  # alternate the jobs run by run, so a slow minute hits all of them alike
        for label, library, path, extra in jobs:
            data, wall, cpu, rss = timed("job", "--library", library, "--input", path, "--repeat", repeat, *extra)
            rows[label].append({"process_wall_s": wall, "process_cpu_s": cpu, "peak_rss_mb": rss, "runs": data["runs"]})
            outputs[label] = data["outputs"]
            print(f"run {run + 1}: {label}: {wall:.2f} s wall, {cpu:.2f} s CPU, {rss:.0f} MB", file=sys.stderr)
    save(work, "speed", {"rows": rows, "outputs": outputs, "settings": settings})
    print("\n| job | per photo, warm (median) | CPU per photo, warm | first job in process (cold) | peak RSS (process) | outputs (KB) |")
    print("| --- | --- | --- | --- | --- | --- |")
    for label, measured in rows.items():
        warm = [r for m in measured for r in m["runs"][1:]] or [r for m in measured for r in m["runs"]]
        cold = [m["runs"][0]["wall_ms"] for m in measured]
        print(f"| {label} | {statistics.median(r['wall_ms'] for r in warm) / 1000:.2f} s "
              f"| {statistics.median(r['cpu_ms'] for r in warm) / 1000:.2f} s "
              f"| {statistics.median(cold) / 1000:.2f} s "
              f"| {statistics.median(m['peak_rss_mb'] for m in measured):.0f} MB "
              f"| {sum(outputs[label].values()) / 1024:.0f} ({len(outputs[label])} files) |")
    print("\nBytes per output (last run):\n")
    for label, out in outputs.items():
        print(f"- {label}: " + ", ".join(f"{k} {v / 1024:.0f}" for k, v in out.items()))


def avif(work, q):
    photo = os.path.join(work, "phone-photo.jpg")
    out = os.path.join(work, "avif")
    data = bench("avif", "--input", photo, "--widths", "480,960,1440,1920", "--qualities", q,
                 "--efforts", "0,1,2,3,4", "--out", out)["avif"]
    bench("topng", "--input", out)
    for row in data:
        row["ssim"] = ssim(os.path.join(out, f"{row['width']}-e{row['effort']}-q{row['q']}.avif.png"),
                           reference(work, photo, row["width"]))
    save(work, "avif", data)
    print(f"\nlibvips AVIF (aom) at Q={q}: encode of one already-resized image\n")
    print("| width | effort | wall | CPU | KB | SSIM |")
    print("| --- | --- | --- | --- | --- | --- |")
    for row in data:
        print(f"| {row['width']} | {row['effort']} | {row['wall_ms'][0] / 1000:.2f} s | {row['cpu_ms'][0] / 1000:.2f} s "
              f"| {row['bytes'] / 1024:.0f} | {row['ssim']:.5f} |")
    for effort in sorted({r["effort"] for r in data}):
        total = sum(r["cpu_ms"][0] for r in data if r["effort"] == effort) / 1000
        print(f"effort {effort}: {total:.1f} s CPU for the four widths of one photo")


def save(work, name, data):
    with open(os.path.join(work, f"results-{name}.json"), "w") as f:
        json.dump(data, f, indent=1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["quality", "speed", "avif", "all"])
    ap.add_argument("--work", default=os.path.join(ROOT, "bench", "work", "imaging"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=3)
    # Equal-SSIM settings found by `quality` (RESULTS.md); pass others to measure them.
    ap.add_argument("--imagesharp", default="--webp-q 80 --jpeg-q 80")
    ap.add_argument("--netvips", default="--webp-q 80 --jpeg-q 80")
    ap.add_argument("--avif-q", default="50")
    ap.add_argument("--metric", choices=["Y", "All"], default="Y")
    a = ap.parse_args()
    global METRIC
    METRIC = a.metric
    if not os.path.exists(os.path.join(a.work, "phone-photo.jpg")):
        sh([sys.executable, os.path.join(HERE, "make_fixtures.py"), "--out", a.work])
    if not os.path.exists(BENCH):
        sh(["dotnet", "build", HERE, "-c", "Release"])
    if a.what in ("quality", "all"):
        quality(a.work, os.path.join(a.work, "phone-photo.jpg"))
    if a.what in ("speed", "all"):
        speed(a.work, a.runs, a.repeat, {"imagesharp": a.imagesharp.split(), "netvips": a.netvips.split(), "avif_q": a.avif_q})
    if a.what in ("avif", "all"):
        avif(a.work, a.avif_q)


if __name__ == "__main__":
    main()
