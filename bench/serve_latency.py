#!/usr/bin/env python3
"""Save-to-reload latency of `signpost serve`.

Starts `signpost serve` on a guide, follows its live-reload event stream as a browser does,
then edits one entry's title N times and measures, for each save, the time from the write
to the event that tells the browser to reload that page. Also reports the server's memory,
how long the write itself took (on a busy disk the editor's own save can take a few hundred
milliseconds before signpost can see it), and the time from the write's end to the event.

    python3 bench/serve_latency.py GUIDE_DIR [--edits 20] [--binary target/release/signpost]
"""
import argparse, json, os, pathlib, re, socket, statistics, subprocess, threading, time, queue


def stop(proc) -> None:
    """Stops serve as Ctrl-C would (SIGTERM), so it removes its folder of pages (gigabytes
    at 100,000 entries: 324,000 files, which took over 30 seconds to remove on a busy disk);
    kills it if it has not stopped within five minutes."""
    proc.terminate()
    try:
        proc.wait(timeout=300)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("guide")
    ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--binary", default="target/release/signpost")
    ap.add_argument("--pause", type=float, default=1.5,
                    help="seconds between the reload event of one save and the next save (1.5)")
    ap.add_argument("--timeout", type=float, default=30.0,
                    help="seconds to wait for the reload event of one save (30)")
    args = ap.parse_args()
    guide = pathlib.Path(args.guide)
    entry = next(p for p in sorted((guide / "content").glob("*/*.md")) if not p.name.startswith("_"))
    area, ident = entry.parent.name, entry.stem
    original = entry.read_text(encoding="utf-8")

    started = time.monotonic()
    # `--lang en`: the messages are in the guide's language otherwise. The address is on the
    # first line that has one ("Built in … ms" comes before it).
    proc = subprocess.Popen(
        [args.binary, "--lang", "en", "--root", str(guide), "serve", "--port", "0",
         "--today", "2026-11-21"],
        stdout=subprocess.PIPE, stderr=None, text=True)
    seen = []
    m = None
    while m is None and len(seen) < 20:
        line = proc.stdout.readline()
        if not line:
            break
        seen.append(line)
        m = re.search(r"http://([^/\s]+)(/\S*)", line)
    if not m:
        stop(proc)
        raise SystemExit(f"no address in the output of serve: {''.join(seen)!r}")
    addr, base = m.group(1), m.group(2)
    print(f"guide: {guide} ({sum(1 for _ in (guide / 'content').rglob('*.md'))} Markdown files)")
    print(f"first build and start: {time.monotonic() - started:.2f} s")
    url = f"{base}{area}/{ident}/"

    events = queue.Queue()
    host, port = addr.split(":")
    sock = socket.create_connection((host, int(port)))
    sock.sendall(f"GET /__signpost/events HTTP/1.1\r\nHost: {addr}\r\n\r\n".encode())

    def follow():
        buf = b""
        while True:
            data = sock.recv(65536)
            if not data:
                return
            buf += data
            while b"\n" in buf:
                raw, buf = buf.split(b"\n", 1)
                if raw.startswith(b"data: "):
                    events.put((time.monotonic(), raw[6:].decode()))

    threading.Thread(target=follow, daemon=True).start()
    time.sleep(0.5)

    latencies = []
    writes = []  # how long the save itself took (the editor's write, before signpost sees it)
    after = []  # from the saved file's close to the reload event: signpost's part
    missed = 0
    try:
        for i in range(args.edits):
            text = re.sub(r"^title: .*$", f"title: Redigerad rubrik {i}", original, count=1, flags=re.M)
            while not events.empty():
                events.get()
            t0 = time.monotonic()
            entry.write_text(text, encoding="utf-8")
            writes.append((time.monotonic() - t0) * 1000)
            deadline = t0 + args.timeout
            while True:
                try:
                    t, data = events.get(timeout=max(0.0, deadline - time.monotonic()))
                except queue.Empty:
                    missed += 1
                    print(f"edit {i + 1}: no reload event for {url} within {args.timeout:g} s")
                    break
                d = json.loads(data)
                if d.get("all") or url in d.get("paths", []):
                    latencies.append((t - t0) * 1000)
                    after.append(latencies[-1] - writes[-1])
                    print(f"edit {i + 1}: {latencies[-1]:.0f} ms (the write itself {writes[-1]:.0f} ms)",
                          flush=True)
                    break
            time.sleep(args.pause)  # an editor looks at the page before saving again
        rss = 0
        with open(f"/proc/{proc.pid}/status") as f:
            for l in f:
                if l.startswith("VmHWM:"):
                    rss = int(l.split()[1]) // 1024
    finally:
        entry.write_text(original, encoding="utf-8")
        stop(proc)
    latencies.sort()
    print(f"edits: {len(latencies)}")
    if missed:
        print(f"no reload event within {args.timeout:g} s: {missed} of {args.edits} edits")
    if latencies:
        print(f"save → reload event: median {statistics.median(latencies):.0f} ms, "
              f"min {latencies[0]:.0f} ms, max {latencies[-1]:.0f} ms")
        print(f"of which the save itself (writing the file): median {statistics.median(writes):.0f} ms, "
              f"max {max(writes):.0f} ms")
        print(f"from the saved file's close → reload event: median {statistics.median(after):.0f} ms, "
              f"max {max(after):.0f} ms, over 100 ms: {sum(a > 100 for a in after)} of {len(after)}")
    print(f"server peak memory: {rss} MiB")


if __name__ == "__main__":
    main()
