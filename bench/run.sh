#!/usr/bin/env bash
# KneeGuide versus Hugo on the same generated corpus (issues 6 and 12).
#
#   bench/run.sh                 # 5,000 articles (5,801 pages): cold and warm builds, KneeGuide / Hugo alternating
#   bench/run.sh --articles 1000 # a smaller corpus (other counts scaled in proportion)
#   bench/run.sh --scale         # KneeGuide alone at 1,000 / 5,000 / 10,000 / 20,000 articles
#
# Each measurement is a separate process under /usr/bin/time: wall seconds, CPU seconds (user + sys)
# and peak resident memory; the tables show medians. Two KneeGuide binaries are measured: the
# published one (self-contained, composite ReadyToRun, as a release ships) and the Release build
# that `dotnet run --project src/KneeGuide -c Release -- build` and netlify.toml run (`dotnet
# KneeGuide.dll` after `dotnet build -c Release`, which is what `dotnet run` starts once its
# up-to-date check is done). The tables call it "JIT" from before it was precompiled: since the
# jit-path branch it is framework-dependent ReadyToRun (src/KneeGuide/KneeGuide.csproj), with what
# that does not cover (generic code across assemblies) still compiled at run time.
#   cold: output, staging folder and cache deleted first, and --no-cache;
#   warm: the build after appending a sentence to one article, with the cache and the previous
#         output in place (what an editor's next build, or CI with its cache restored, does).
# Hugo's full build is the yardstick for both. On a busy machine compare CPU time: wall time then
# mostly measures waiting. Everything goes to bench/work/ (gitignored).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$ROOT/bench/work"
GEN="$ROOT/../shared/tools/gen_corpus.py"
ARTICLES=5000
RUNS=3
SCALE=0
SCALE_SIZES="1000 5000 10000 20000"
SKIP_BUILD=0

usage() {
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
    cat <<'EOF'
Options:
  --gen PATH        corpus generator (default: ../shared/tools/gen_corpus.py relative to the repo root)
  --articles N      articles in the comparison corpus (default 5000; exercises, mobility pages and
                    images scale with it: 300, 500 and 200 per 5,000 articles)
  --runs N          builds per tool, alternating (default 3)
  --scale           KneeGuide alone at 1,000, 5,000, 10,000 and 20,000 articles (one build per size
                    unless --runs is given), to show whether cost grows linearly
  --scale-sizes "A B ..."  article counts for --scale
  --skip-build      use the binary already published to bench/work/kneeguide-bin
  --out DIR         where both tools write their output (default: next to the corpus in bench/work/).
                    On ext4, deleting and re-creating thousands of files run after run makes each
                    later run's system time grow (the inode allocator skips recently deleted inodes);
                    --out /dev/shm/kneeguide-bench (tmpfs) keeps the file system out of the comparison.
EOF
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --gen) GEN="$2"; shift 2 ;;
        --articles) ARTICLES="$2"; shift 2 ;;
        --runs) RUNS="$2"; RUNS_GIVEN=1; shift 2 ;;
        --scale) SCALE=1; shift ;;
        --scale-sizes) SCALE_SIZES="$2"; shift 2 ;;
        --skip-build) SKIP_BUILD=1; shift ;;
        --out) OUT_ROOT="$2"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
done
[[ "$ARTICLES" =~ ^[1-9][0-9]*$ && "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "--articles and --runs take positive whole numbers" >&2; exit 2; }
[[ $SCALE == 1 && -z "${RUNS_GIVEN:-}" ]] && RUNS=1
[[ -f "$GEN" ]] || { echo "corpus generator not found at $GEN (use --gen PATH)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time is missing: apt-get install -y time" >&2; exit 2; }

# --- the machine -------------------------------------------------------------------------------------
read -r LOAD1 _ < /proc/loadavg
CORES="$(nproc)"
if awk -v l="$LOAD1" 'BEGIN { exit !(l > 1.5) }'; then
    echo "WARNING: load average is $LOAD1 on $CORES cores (above 1.5): other work competes for the CPU,"
    echo "         so the times below are unreliable (too slow, and the KneeGuide/Hugo ratio is skewed)."
    echo
fi
echo "machine: $CORES cores, load average $LOAD1, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "outputs: ${OUT_ROOT:-next to each corpus in $WORK} (--out DIR to change)"

# --- tools -------------------------------------------------------------------------------------------
mkdir -p "$WORK"
# Published as a release binary would be: self-contained and precompiled as one composite ReadyToRun
# image of the app and the .NET libraries, so generic code that crosses assemblies (LINQ over the
# site's own types, Fluid's parser) needs no JIT at run time either: measured, a framework-dependent
# ReadyToRun build still JIT-compiled ~1,200 methods (~0.7 s of CPU) per build, this one ~500
# (~0.2 s). `dotnet run` of the project gives the same output, slower. The first publish takes a
# minute or two.
case "$(uname -m)" in aarch64|arm64) RID=linux-arm64 ;; *) RID=linux-x64 ;; esac
KG="$WORK/kneeguide-bin/KneeGuide"
if [[ $SKIP_BUILD == 0 || ! -x "$KG" ]]; then
    echo "publishing KneeGuide (Release, self-contained, composite ReadyToRun, $RID)..."
    rm -rf "$WORK/kneeguide-bin"
    dotnet publish "$ROOT/src/KneeGuide" -c Release -r "$RID" --self-contained true \
        -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true \
        -o "$WORK/kneeguide-bin" -nologo -v q >"$WORK/build.log" 2>&1 \
        || { cat "$WORK/build.log" >&2; exit 1; }
fi
# The Release build users run through `dotnet run -c Release` and netlify.toml ("JIT" above).
KG_JIT="$ROOT/src/KneeGuide/bin/Release/net10.0/KneeGuide.dll"
if [[ $SKIP_BUILD == 0 || ! -f "$KG_JIT" ]]; then
    echo "building KneeGuide (Release, as dotnet run -c Release does)..."
    dotnet build "$ROOT/src/KneeGuide" -c Release -nologo -v q >"$WORK/build-jit.log" 2>&1 \
        || { cat "$WORK/build-jit.log" >&2; exit 1; }
fi
if [[ $SCALE == 0 ]] && ! command -v hugo >/dev/null; then
    echo "installing Hugo (apt-get install -y hugo)..."
    if [[ $(id -u) == 0 ]]; then apt-get install -y -q hugo >/dev/null; else sudo apt-get install -y -q hugo >/dev/null; fi
fi
echo "kneeguide: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?') Release$([[ $SKIP_BUILD == 1 ]] && echo ' (--skip-build: the binary may be older than this commit)'); dotnet $(dotnet --version)"
[[ $SCALE == 0 ]] && echo "hugo: $(hugo version | cut -d' ' -f2)"

# --- corpus ------------------------------------------------------------------------------------------
# corpus N: generates (once; reused while the generator and counts are unchanged) a corpus with N
# articles into $WORK/corpus-N/{input,hugo} and prints its folder.
corpus() {
    local n="$1" dir="$WORK/corpus-$1"
    local args="--articles $n --exercises $(( (300 * n + 2500) / 5000 )) --mobility $(( (500 * n + 2500) / 5000 )) --images $(( (200 * n + 2500) / 5000 ))"
    local stamp="$args $(sha1sum "$GEN" | cut -c1-12)"
    if [[ ! -f "$dir/.stamp" || "$(cat "$dir/.stamp")" != "$stamp" ]]; then
        rm -rf "$dir"
        mkdir -p "$dir"
        echo "generating corpus: $args" >&2
        # shellcheck disable=SC2086
        python3 "$GEN" --out "$dir/input" $args --hugo "$dir/hugo" >&2
        echo "$stamp" > "$dir/.stamp"
    fi
    echo "$dir"
}

# out_dir CORPUS_DIR: where the builds of that corpus write (--out, or the corpus folder itself).
out_dir() {
    if [[ -n "${OUT_ROOT:-}" ]]; then
        mkdir -p "$OUT_ROOT/$(basename "$1")"
        echo "$OUT_ROOT/$(basename "$1")"
    else
        echo "$1"
    fi
}

# --- one KneeGuide build --------------------------------------------------------------------------
# run_kneeguide DIR TIMES JSON MODE BIN: appends "wall_s peak_kb user_s sys_s" to TIMES; the JSON
# summary goes to JSON. MODE cold deletes the output, staging folder and cache first and passes
# --no-cache; MODE warm appends a sentence to one article first and keeps everything. BIN is
# "published" or "jit".
run_kneeguide() {
    local dir="$1" times="$2" json="$3" mode="$4" bin="$5"
    local out; out="$(out_dir "$dir")"
    local -a kg=("$KG")
    [[ $bin == jit ]] && kg=(dotnet "$KG_JIT")
    local -a extra=()
    if [[ $mode == cold ]]; then
        rm -rf "$out/out-kg" "$out/.out-kg.staging" "$dir/.kneeguide"
        extra=(--no-cache)
    else
        WARM_EDITS=$((${WARM_EDITS:-0} + 1))
        printf '\nA sentence added by the benchmark (%d).\n' "$WARM_EDITS" >> "$dir/input/articles/article-00042.md"
    fi
    # From the repo root, so the default theme/ is the one built with. Outputs kept elsewhere (--out)
    # still put the cache in .kneeguide/ beside the corpus's input.
    if ! (cd "$ROOT" && /usr/bin/time -f "%e %M %U %S" -a -o "$times" \
            "${kg[@]}" build --input "$dir/input" --output "$out/out-kg" --format json "${extra[@]}" >"$json" 2>"$json.err"); then
        echo "KneeGuide build failed (see $json and $json.err)" >&2
        tail -5 "$json" "$json.err" >&2
        exit 1
    fi
}

run_hugo() {
    local dir="$1" times="$2"
    local out; out="$(out_dir "$dir")"
    rm -rf "$out/out-hugo" "$dir/hugo/resources" "$dir/hugo/.hugo_build.lock"
    /usr/bin/time -f "%e %M %U %S" -a -o "$times" hugo --quiet -s "$dir/hugo" -d "$out/out-hugo" \
        || { echo "Hugo build failed" >&2; exit 1; }
}

# median FILE COLUMN: median over the "wall_s peak_kb user_s sys_s" lines of column 1 (wall), 2 (peak
# memory) or "cpu" (user + sys: the CPU the build used, much less sensitive to other load than wall time)
median() {
    awk -v c="$2" '{ print (c == "cpu") ? $3 + $4 : $c }' "$1" | sort -g \
        | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# validation FILE...: "pages median_validation_seconds" over KneeGuide JSON summaries
validation() {
    python3 - "$@" <<'EOF'
import json, statistics, sys
runs = [json.load(open(f)) for f in sys.argv[1:]]
seconds = statistics.median(r["pipeline_seconds"]["Validation"] for r in runs)
print(runs[0]["pages"], seconds, runs[0]["links"], runs[0]["anchors"], runs[0]["files"])
EOF
}

if [[ $SCALE == 1 ]]; then
    echo
    echo "KneeGuide alone, $RUNS build(s) per size (medians):"
    printf '%9s %7s %9s %9s %10s %12s %12s %10s %12s %9s %9s\n' articles pages "wall s" "CPU s" "peak MB" "wall ms/page" "CPU ms/page" "KB/page" "validation/s" "warm s" "warm MB"
    for n in $SCALE_SIZES; do
        dir="$(corpus "$n")"
        : > "$dir/kg.times"; : > "$dir/kg-warm.times"
        for ((i = 1; i <= RUNS; i++)); do
            run_kneeguide "$dir" "$dir/kg.times" "$dir/kg-$i.json" cold published
            run_kneeguide "$dir" "$dir/unmeasured.times" "$dir/kg-unmeasured.json" warm published
            run_kneeguide "$dir" "$dir/kg-warm.times" "$dir/kg-warm-$i.json" warm published
        done
        read -r pages vsec _ _ _ < <(validation "$dir"/kg-[0-9]*.json)
        t="$(median "$dir/kg.times" 1)"; m="$(median "$dir/kg.times" 2)"; c="$(median "$dir/kg.times" cpu)"
        wt="$(median "$dir/kg-warm.times" 1)"; wm="$(median "$dir/kg-warm.times" 2)"
        awk -v n="$n" -v p="$pages" -v t="$t" -v m="$m" -v c="$c" -v v="$vsec" -v wt="$wt" -v wm="$wm" 'BEGIN {
            printf "%9d %7d %9.2f %9.2f %10.0f %12.3f %12.3f %10.1f %12.0f %9.2f %9.0f\n", n, p, t, c, m / 1024, 1000 * t / p, 1000 * c / p, m / p, (v > 0 ? p / v : 0), wt, wm / 1024 }'
        rm -rf "$(out_dir "$dir")/out-kg"
    done
    echo "(linear cost: ms/page roughly constant as pages grow; start-up makes small sites look dearer per page)"
    exit 0
fi

dir="$(corpus "$ARTICLES")"
rm -f "$dir"/*.times "$dir"/kg-*.json
echo
echo "corpus: $dir ($RUNS runs of each, alternating)"
for ((i = 1; i <= RUNS; i++)); do
    run_kneeguide "$dir" "$dir/cold-published.times" "$dir/kg-cold-published-$i.json" cold published
    # The first build after a cold one also makes the staging folder afresh: not measured, so that
    # the warm figure is the steady state an editor (or a CI run with its cache restored) sees.
    run_kneeguide "$dir" "$dir/unmeasured.times" "$dir/kg-unmeasured.json" warm published
    run_kneeguide "$dir" "$dir/warm-published.times" "$dir/kg-warm-published-$i.json" warm published
    run_hugo "$dir" "$dir/hugo.times"
    run_kneeguide "$dir" "$dir/cold-jit.times" "$dir/kg-cold-jit-$i.json" cold jit
    run_kneeguide "$dir" "$dir/unmeasured.times" "$dir/kg-unmeasured.json" warm jit
    run_kneeguide "$dir" "$dir/warm-jit.times" "$dir/kg-warm-jit-$i.json" warm jit
    printf '  run %d: published cold %s s, warm %s s | JIT cold %s s, warm %s s | Hugo %s s\n' "$i" \
        "$(sed -n "${i}p" "$dir/cold-published.times" | cut -d' ' -f1)" "$(sed -n "${i}p" "$dir/warm-published.times" | cut -d' ' -f1)" \
        "$(sed -n "${i}p" "$dir/cold-jit.times" | cut -d' ' -f1)" "$(sed -n "${i}p" "$dir/warm-jit.times" | cut -d' ' -f1)" \
        "$(sed -n "${i}p" "$dir/hugo.times" | cut -d' ' -f1)"
done
read -r pages vsec links anchors files < <(validation "$dir"/kg-cold-published-[0-9]*.json)
ht="$(median "$dir/hugo.times" 1)"; hm="$(median "$dir/hugo.times" 2)"; hc="$(median "$dir/hugo.times" cpu)"
hugo_files="$(find "$(out_dir "$dir")/out-hugo" -type f | wc -l)"
echo
printf '%-32s %9s %9s %10s %12s %12s\n' "median of runs" "wall s" "CPU s" "peak MB" "wall/Hugo" "memory/Hugo"
for row in "cold-published:KneeGuide published, cold" "warm-published:KneeGuide published, warm" "cold-jit:KneeGuide JIT, cold" "warm-jit:KneeGuide JIT, warm"; do
    key="${row%%:*}"; label="${row#*:}"
    t="$(median "$dir/$key.times" 1)"; m="$(median "$dir/$key.times" 2)"; c="$(median "$dir/$key.times" cpu)"
    awk -v l="$label" -v t="$t" -v m="$m" -v c="$c" -v ht="$ht" -v hm="$hm" 'BEGIN {
        printf "%-32s %9.2f %9.2f %10.0f %11.2fx %11.2fx\n", l, t, c, m / 1024, t / ht, m / hm }'
done
awk -v t="$ht" -v c="$hc" -v m="$hm" 'BEGIN { printf "%-32s %9.2f %9.2f %10.0f\n", "Hugo (full build)", t, c, m / 1024 }'
printf '%-32s %9d files (Hugo %d)\n' "written by a cold build" "$files" "$hugo_files"
awk -v p="$pages" -v v="$vsec" -v l="$links" -v a="$anchors" 'BEGIN {
    printf "\nKneeGuide validation alone (Validation pipeline, cold, median): %d pages, %d links, %d anchors in %.3f s = %.0f pages/s (target >= 3000)\n", p, l, a, v, (v > 0 ? p / v : 0) }'
echo "targets (issue 12): warm/Hugo <= 0.10x published and <= 0.25x JIT; cold/Hugo <= 0.60x published and <= 1.00x JIT; memory/Hugo <= 0.70x."
