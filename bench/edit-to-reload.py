#!/usr/bin/env python3
"""Edit-to-reload time of `kneeguide serve`: from saving a file to the browser having the new page.

Copies an input folder to a temporary directory (the original is never touched), starts the preview
server on a free 127.0.0.1 port, listens to its Server-Sent Events stream like the browser script, then
N times (bounded) makes one edit and measures:
  event   : save -> the "reload" event arrives (watch debounce + rebuild + notify)
  reload  : save -> the page is fetched again with the new text (what the reader waits for)
Edits (--edit): body (append a sentence to the page), title (change its front matter title, which
other pages show), heading (rename its first "## " heading, which other pages may link to), new (add
a new article, then check the page exists).
Usage: bench/edit-to-reload.py [--input input] [--page articles/runners-knee.md] [--runs 5] [--edit body]
       [--dll src/KneeGuide/bin/Release/net10.0/KneeGuide.dll]
Needs a built CLI (default: the Debug build of src/KneeGuide).
"""
import re
import argparse, http.client, os, shutil, socket, statistics, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def read_event(stream, name, deadline):
    while time.monotonic() < deadline:
        line = stream.readline()
        if not line:
            raise SystemExit("event stream closed")
        if line.decode().strip() == f"event: {name}":
            return
    raise SystemExit(f"timed out waiting for '{name}'")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", default=os.path.join(ROOT, "input"))
    ap.add_argument("--page", default="articles/runners-knee.md")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--edit", choices=["body", "title", "heading", "new"], default="body")
    ap.add_argument("--dll", default=os.path.join(ROOT, "src/KneeGuide/bin/Debug/net10.0/KneeGuide.dll"))
    a = ap.parse_args()
    runs = max(1, min(a.runs, 20))
    work = tempfile.mkdtemp(prefix="kg-bench-")
    site = os.path.join(work, "input")
    shutil.copytree(a.input, site)
    port = free_port()
    dll = os.path.abspath(a.dll)
    server = subprocess.Popen(["dotnet", dll, "serve", "--input", site, "--theme", os.path.join(ROOT, "theme"), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=work)
    try:
        t = time.monotonic()
        for line in server.stdout:
            if b"Previewing at" in line:
                break
        print(f"first build + start: {time.monotonic() - t:.2f} s")
        # Keep reading what the server prints: a site with many warnings reports them on every
        # rebuild, and a full pipe would stop the server mid-report (no reload event would come).
        log_lines = []
        reader = threading.Thread(target=lambda: log_lines.extend(line.decode(errors="replace") for line in server.stdout), daemon=True)
        reader.start()
        events = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        events.request("GET", "/__kneeguide/events")
        stream = events.getresponse()
        read_event(stream, "hello", time.monotonic() + 30)
        page = os.path.join(site, a.page)
        ev, rl = [], []
        for i in range(runs):
            marker = f"Benchmark edit number {i}"
            url = "/" + a.page[:-3] + "/"
            text = open(page, encoding="utf-8").read()
            if a.edit == "title":
                text = re.sub(r"(?m)^title: .*$", f"title: \"{marker}\"", text, count=1)
            elif a.edit == "heading":
                text = re.sub(r"(?m)^## .*$", f"## {marker}", text, count=1)
            elif a.edit == "new":
                slug = f"bench-new-{i}"
                url = f"/articles/{slug}/"
                text = None
            else:
                text = text + f"\n{marker}.\n"
            t0 = time.monotonic()
            if text is None:
                with open(os.path.join(site, "articles", f"bench-new-{i}.md"), "w", encoding="utf-8") as f:
                    f.write(f"---\ntitle: New {i}\ndescription: {marker}.\ndate: 2026-11-01\n---\n\n{marker}.\n")
            else:
                with open(page, "w", encoding="utf-8") as f:
                    f.write(text)
            read_event(stream, "reload", t0 + 120)
            t1 = time.monotonic()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.request("GET", url)
            body = conn.getresponse().read().decode()
            t2 = time.monotonic()
            if marker not in body:
                raise SystemExit(f"run {i}: the reloaded page does not contain the edit")
            ev.append((t1 - t0) * 1000)
            rl.append((t2 - t0) * 1000)
            time.sleep(0.5)
        fmt = lambda xs: f"median {statistics.median(xs):.0f} ms, min {min(xs):.0f}, max {max(xs):.0f}"
        print(f"{runs} {a.edit} edits of {a.page if a.edit != 'new' else 'articles/ (new files)'}")
        print(f"  save -> reload event : {fmt(ev)}")
        print(f"  save -> new page     : {fmt(rl)}")
    finally:
        server.terminate()
        server.wait(timeout=30)
        if "reader" in locals():
            reader.join(timeout=30)
        # The server's own report of each rebuild ("built in 12 ms (...)"): the rebuild time
        # without the watcher's quiet period.
        for line in locals().get("log_lines", []):
            if "built" in line and " in " in line:
                print("  serve: " + line.strip())
        shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    main()
