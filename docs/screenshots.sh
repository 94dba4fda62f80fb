#!/usr/bin/env bash
# Saves a screenshot of each page type at phone (390 px) and desktop (1280 px) width into
# docs/screenshots/. Builds the site, serves output/ on loopback only, and drives Debian's chromium.
# Usage: bash docs/screenshots.sh   (needs /usr/bin/chromium: apt-get install -y chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "error: $chromium not found; install it with: apt-get install -y chromium" >&2; exit 1; }

dotnet run --project src/KneeGuide -- build >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory output >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break; sleep 0.1; done

pages=(
  "home /"
  "article /articles/runners-knee/"
  "mobility /mobility/mobility-101/"
  "exercise /exercises/glute-bridges/"
  "library /exercises/"
  "credits /credits/"
  "tags /tags/"
  "tag /tags/glutes/"
  "search /search/?q=glutes"
  "404 /404.html"
)
mkdir -p docs/screenshots
for entry in "${pages[@]}"; do
  name=${entry%% *}; path=${entry#* }
  for size in "phone 390,844" "desktop 1280,900"; do
    label=${size%% *}; window=${size#* }
    "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
      --no-first-run --hide-scrollbars --virtual-time-budget=3000 --window-size="$window" \
      --screenshot="docs/screenshots/$name-$label.png" "http://127.0.0.1:$port$path" >/dev/null 2>&1
  done
done
ls -l docs/screenshots
