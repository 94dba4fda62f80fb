#!/usr/bin/env bash
# Makes the heel-raise demonstration clip from the sources beside this script and writes, into
# input/videos/:
#   heel-raise-demo.mp4   about 19 s, 640x480, 24 fps, H.264 High (yuv420p) + AAC mono, faststart
#   heel-raise-demo.vtt   WebVTT captions, one cue per line of narration.txt, timed to the speech
#   heel-raise-demo.jpg   poster: the frame at POSTER_SECONDS, 640x480 JPEG, no metadata
#   credits.yml           the clip's credit entry is added if the file has none for it yet
#                         (an entry already there, and every other entry, is left as it is)
#
# Sources (all in docs/media/heel-raise-demo/):
#   poses/*.svg      key poses drawn for this clip in the flat style of input/images/heel-raises.svg:
#                    stand (both feet down), lift (far foot leaving the floor), ready (on one foot,
#                    heel down) and top (on the ball of the foot). They have the same elements in the
#                    same order and differ only in their numbers.
#   timeline.txt     the movement: which pose to which, for how long, with which label and arrow.
#   tween.py         blends the poses into one SVG per frame (Python 3 standard library only).
#   narration.txt    what the voice says and when; the captions are made from the same lines.
#
# Needs: bash, python3, rsvg-convert, espeak-ng, sox, ffmpeg with libx264, and the DejaVu Sans
# font for the on-screen labels. On Debian 12:
#   apt-get install -y python3 librsvg2-bin espeak-ng sox ffmpeg fonts-dejavu-core
# Usage: bash docs/media/heel-raise-demo/make.sh   (half a minute to a few minutes, most of it
# rendering 456 frames; works in a temporary folder that it removes)
#
# The output is meant to be the same bytes on every run with the same package versions: one
# encoder thread, bitexact flags, no metadata, no creation time, SoX in repeatable mode without
# dither, the x264 SEI message (its version and options string) removed from the stream, and a
# stream-copy pass that leaves out the encoder name.
# Made and checked with Debian 12's ffmpeg 5.1.9 (libx264 0.164.3095), espeak-ng 1.51, sox 14.4.2,
# librsvg 2.54.7 and fonts-dejavu-core 2.37; other versions may give other (equally valid) bytes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
out="$root/input/videos"
name=heel-raise-demo
fps=24
rate=48000            # audio sample rate; $rate / $fps samples per video frame
POSTER_SECONDS=7.6    # near the top of the first rise, with the "Rise slowly" label showing
voice=(-v en-gb -s 145 -p 40 -g 4)   # espeak-ng: British English, unhurried, a little low

for tool in python3 rsvg-convert espeak-ng sox soxi ffmpeg; do
  command -v "$tool" >/dev/null || {
    echo "error: $tool not found; install with: apt-get install -y python3 librsvg2-bin espeak-ng sox ffmpeg fonts-dejavu-core" >&2
    exit 1
  }
done
fc-list 2>/dev/null | grep -q "DejaVu Sans" || echo "warning: DejaVu Sans not found; the labels will use another font (apt-get install -y fonts-dejavu-core)" >&2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8 TZ=UTC SOURCE_DATE_EPOCH=0

# 1. Frames: one SVG per frame from the key poses, each rendered to PNG.
read -r frames duration < <(python3 "$here/tween.py" "$here/timeline.txt" "$here/poses" "$tmp/frames" "$fps")
printf '%s\0' "$tmp"/frames/f*.svg | xargs -0 -n 1 -P 4 sh -c \
  'rsvg-convert --width 640 --height 480 --format png --output "${1%.svg}.png" "$1"' sh
[[ "$(ls "$tmp"/frames/f*.png | wc -l)" == "$frames" ]] || { echo "error: not every frame rendered" >&2; exit 1; }
echo "frames: $frames ($duration s at $fps fps)"

# 2. Narration: each line spoken by espeak-ng, silence trimmed off both ends, placed at its start
#    time; the captions get the exact sample times of the speech.
per_frame=$((rate / fps))
total=$((frames * per_frame))
ts() { awk -v s="$1" -v r="$rate" 'BEGIN { ms = int(s * 1000 / r + 0.5); printf "%02d:%02d:%02d.%03d", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60, ms % 1000 }'; }
starts=() texts=()
while IFS=$'\t' read -r start text; do
  [[ -z "$start" || "$start" == \#* ]] && continue
  [[ -n "$text" ]] || { echo "error: narration.txt: no tab-separated words after $start" >&2; exit 1; }
  starts+=("$(awk -v s="$start" -v r="$rate" 'BEGIN { printf "%d", s * r + 0.5 }')")
  texts+=("$text")
done < "$here/narration.txt"
parts=() at=0 cues=()
for i in "${!texts[@]}"; do
  espeak-ng "${voice[@]}" -w "$tmp/say$i.raw.wav" "${texts[$i]}"
  sox -R -D "$tmp/say$i.raw.wav" "$tmp/say$i.trim.wav" silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse rate -v "$rate"
  sox -R -D "$tmp/say$i.trim.wav" "$tmp/say$i.wav" fade h 0.01 -0 0.02
  length=$(soxi -s "$tmp/say$i.wav")
  start=${starts[$i]} end=$((starts[i] + length))
  next=${starts[$((i + 1))]:-$total}
  ((start >= at)) || { echo "error: narration line $((i + 1)) starts before line $i has finished; move it later" >&2; exit 1; }
  ((end <= next)) || { echo "error: narration line $((i + 1)) ('${texts[$i]}') runs $(((end - next) * 1000 / rate)) ms past the next start" >&2; exit 1; }
  sox -R -D "$tmp/say$i.wav" "$tmp/placed$i.wav" pad "$((start - at))s"
  parts+=("$tmp/placed$i.wav")
  at=$end
  # The cue stays up 0.3 s after the words end, but not into the next cue.
  hold=$((end + rate * 3 / 10)); ((hold <= next - rate / 10)) || hold=$((next - rate / 10))
  ((hold > end)) || hold=$end
  cues+=("$(ts "$start") --> $(ts "$hold")"$'\n'"${texts[$i]}")
done
((at <= total)) || { echo "error: the narration runs past the end of the animation" >&2; exit 1; }
sox -R -D "${parts[@]}" "$tmp/speech.wav" pad 0 "$((total - at))s"
sox -R -D "$tmp/speech.wav" "$tmp/narration.wav" gain -n -3   # peaks at -3 dBFS, speech RMS about -22 dBFS
[[ "$(soxi -s "$tmp/narration.wav")" == "$total" ]] || { echo "error: narration length is not $total samples" >&2; exit 1; }

mkdir -p "$out"
{
  printf 'WEBVTT\n'
  for i in "${!cues[@]}"; do printf '\n%d\n%s\n' "$((i + 1))" "${cues[$i]}"; done
} > "$out/$name.vtt"

# 3. The clip.
ffmpeg -nostdin -hide_banner -loglevel error -y -threads 1 -filter_threads 1 \
  -framerate "$fps" -i "$tmp/frames/f%04d.png" -i "$tmp/narration.wav" \
  -map 0:v:0 -map 1:a:0 -map_metadata -1 -map_chapters -1 \
  -vf "scale=out_color_matrix=bt709:out_range=tv:flags=bicubic+accurate_rnd+full_chroma_int,format=yuv420p,setsar=1" \
  -c:v libx264 -profile:v high -preset slow -tune animation -crf 26 -g 48 -threads 1 \
  -x264-params "threads=1:lookahead-threads=1:sliced-threads=0" \
  -color_primaries bt709 -color_trc bt709 -colorspace bt709 -color_range tv \
  -bsf:v filter_units=remove_types=6 \
  -c:a aac -b:a 64k -ar "$rate" -ac 1 \
  -fflags +bitexact -flags:v +bitexact -flags:a +bitexact \
  "$tmp/encoded.mp4"
# A stream copy drops the "Lavc libx264" compressor name that the encoding pass writes into the
# video sample description even with bitexact, and moves the index to the front (faststart).
ffmpeg -nostdin -hide_banner -loglevel error -y -i "$tmp/encoded.mp4" -map 0 -c copy \
  -map_metadata -1 -map_chapters -1 -fflags +bitexact -movflags +faststart "$tmp/$name.mp4"
cp "$tmp/$name.mp4" "$out/$name.mp4"

# 4. The poster, from the rendered frame rather than the encoded one.
poster=$(awk -v s="$POSTER_SECONDS" -v f="$fps" 'BEGIN { printf "%04d", s * f + 0.5 }')
ffmpeg -nostdin -hide_banner -loglevel error -y -threads 1 -i "$tmp/frames/f$poster.png" -frames:v 1 \
  -map_metadata -1 -vf "scale=out_range=pc:flags=bicubic+accurate_rnd+full_chroma_int,format=yuvj420p,setsar=1" \
  -c:v mjpeg -q:v 2 -fflags +bitexact -flags:v +bitexact "$tmp/$name.jpg"
cp "$tmp/$name.jpg" "$out/$name.jpg"

# 5. The credit.
if ! grep -q "^$name.mp4:" "$out/credits.yml" 2>/dev/null; then
  cat >> "$out/credits.yml" <<EOF
$name.mp4:
  title: Single-leg heel raise at a chair, animated side view with spoken instructions
  author: KneeGuide contributors
  license: CC BY 4.0
  license_url: https://creativecommons.org/licenses/by/4.0/
EOF
fi

cd "$out"
ls -l "$name.mp4" "$name.vtt" "$name.jpg" credits.yml
sha256sum "$name.mp4" "$name.vtt" "$name.jpg"
