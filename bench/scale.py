#!/usr/bin/env python3
"""Side-by-side report of signpost at several guide sizes (10,000 and 100,000 entries).

    python3 bench/scale.py [--sizes 10000,100000] [--guides /tmp] [--binary PATH]
                           [--runs 3] [--lock /work/bench.lock] [--zola PATH]
                           [--skip search,serve,zola] [--report FILE]

For each size it generates a guide with `gen_guide.py` (or reuses one made before with the
same parameters: `GUIDES/guide10k-v2`, `GUIDES/guide100k-v2`), then measures:

- `check` and `build` with and without search: wall time (median and min of --runs runs,
  after one untimed run), peak memory, and the time of each stage that `build` prints with
  `SIGNPOST_TIMINGS=1` (from the last run);
- the largest pages of the built site: HTML pages that are not an entry's or a standalone
  page's (home, areas, lists, tags, ...) by gzip size, and the largest entry page, raw and
  gzipped (level 6, as `tests/browser/lib.mjs` and most static hosts send them);
- the bytes of 1-, 2- and 4-word searches: `node bench/query_bytes.mjs SITE /guide/` on
  the built site (needs Node.js, `npm ci` in tests/browser and Debian's chromium);
- `serve`: save → reload latency and memory, with `serve_latency.py`;
- Zola on the guide of the smallest size, when a `zola` binary is given or on PATH
  (`zola_site.py` converts the guide): `zola build` with and without its search index.

and prints one Markdown report (also written to --report). Python 3.11 standard library
only; it runs the other tools in bench/. With --lock, each size's measurements hold an
exclusive `flock` on that file, so that benchmarks of several people on one machine do not
run at the same time (generating a guide does not hold it).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import fcntl
import gzip
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TODAY = "2026-11-21"
GENERATOR_VERSION = 2  # the guide's .gen-guide.json must say this to be reused
PREFIX = "/guide/"  # the path of the generated guide's base_url
LIST_BUDGET = 40_000  # bytes of gzip HTML a page may have (issue #15)
BIG = 50_000  # from this many entries on, --big-runs runs


def label(n: int) -> str:
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)


def log(msg: str) -> None:
    print(f"[scale {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ------------------------------------------------------------------------------------
# Running things
# ------------------------------------------------------------------------------------


def measure(cmd: list[str], runs: int, warmup: int, logfile: Path, ok: str = "0",
            before: str | None = None, env: dict | None = None) -> dict:
    """measure.py: {runs, min, median, cpu, rss_mib, codes, ok}."""
    args = [sys.executable, str(HERE / "measure.py"), "--runs", str(runs), "--warmup",
            str(warmup), "--ok", ok, "--log", str(logfile), "--tsv", "--timeout", "3600"]
    if before:
        args += ["--before", before]
    r = subprocess.run(args + ["--", *cmd], capture_output=True, text=True,
                       env={**os.environ, **(env or {})})
    line = r.stdout.strip().splitlines()[-1] if r.stdout.strip() else ""
    f = line.split("\t")
    if len(f) < 7:
        return {"ok": False, "error": (r.stderr or r.stdout)[-2000:]}
    return {"ok": r.returncode == 0, "runs": f[1], "min": f[2], "median": f[3], "cpu": f[4],
            "rss_mib": f[5], "codes": f[6], "error": r.stderr[-2000:]}


TIMING = re.compile(r"^timing: (\S+(?: \S+)*?) ([0-9.]+) s \(peak memory so far ([0-9]+) kB\)")


def timings(logfile: Path) -> dict[str, tuple[float, int]]:
    """The `timing:` lines of a run's output: stage → (seconds, peak kB so far)."""
    out: dict[str, tuple[float, int]] = {}
    if logfile.exists():
        for line in logfile.read_text(errors="replace").splitlines():
            m = TIMING.match(line.strip())
            if m:
                out[m.group(1)] = (float(m.group(2)), int(m.group(3)))
    return out


@contextlib.contextmanager
def locked(path: str | None):
    if not path:
        yield
        return
    with open(path, "a") as f:
        log(f"waiting for the lock {path}")
        fcntl.flock(f, fcntl.LOCK_EX)
        log("lock taken")
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


# ------------------------------------------------------------------------------------
# The guide
# ------------------------------------------------------------------------------------


def guide_for(n: int, guides: Path, seed: int) -> Path:
    """The generated guide of n entries: reused if it was made with these parameters."""
    g = guides / f"guide{label(n)}-v{GENERATOR_VERSION}"
    meta = g / ".gen-guide.json"
    if meta.exists():
        m = json.loads(meta.read_text())
        if (m.get("entries"), m.get("seed"), m.get("version")) == (n, seed, GENERATOR_VERSION):
            log(f"reusing {g}")
            return g
        raise SystemExit(f"error: {g} holds another guide ({meta}: entries {m.get('entries')}, "
                         f"seed {m.get('seed')}, version {m.get('version')}); move it away or "
                         "give another --guides folder")
    if g.exists() and any(g.iterdir()):
        raise SystemExit(f"error: {g} is not empty and is not a generated guide")
    log(f"generating {n} entries into {g}")
    subprocess.run([sys.executable, str(HERE / "gen_guide.py"), str(g), "--entries", str(n),
                    "--seed", str(seed)], check=True)
    return g


def guide_facts(g: Path) -> str:
    files = list((g / "content").rglob("*.md"))
    size = sum(f.stat().st_size for f in files)
    return f"{len(files):,} Markdown files, {size / 1e6:.0f} MB"


def without_search(g: Path, work: Path) -> Path:
    """A copy of the guide (hard links) whose config.toml turns search off."""
    copy = work / "nosearch"
    if copy.exists():
        shutil.rmtree(copy)
    copy.mkdir()
    for item in g.iterdir():
        if item.name == "config.toml":
            continue
        r = subprocess.run(["cp", "-al", str(item), str(copy)], capture_output=True)
        if r.returncode:
            subprocess.run(["cp", "-a", str(item), str(copy)], check=True)
    text = (g / "config.toml").read_text(encoding="utf-8")
    head, sep, rest = text.partition("[search]")
    if sep:
        body, nxt, tail = rest.partition("\n[")
        body = re.sub(r"(?m)^enabled\s*=.*$", "enabled = false", body)
        text = head + sep + body + nxt + tail
    else:
        text += "\n[search]\nenabled = false\n"
    (copy / "config.toml").write_text(text, encoding="utf-8")
    return copy


# ------------------------------------------------------------------------------------
# Pages
# ------------------------------------------------------------------------------------


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6, mtime=0))


def page_sizes(site: Path, guide: Path) -> dict:
    """The largest list page (any HTML page that is not an entry or a standalone page) and
    the largest entry page, raw and gzipped, and how many list pages are over budget."""
    entry_pages: set[Path] = set()
    content = guide / "content"
    for md in content.rglob("*.md"):
        if md.name.startswith("_"):
            continue
        rel = md.relative_to(content).with_suffix("")
        entry_pages.add(site / rel / "index.html")
    lists: list[tuple[int, int, str]] = []
    entries: list[tuple[int, Path]] = []
    for html in site.rglob("*.html"):
        if html in entry_pages:
            entries.append((html.stat().st_size, html))
        else:
            data = html.read_bytes()
            lists.append((gz(data), len(data), str(html.relative_to(site))))
    lists.sort(reverse=True)
    entries.sort(reverse=True)
    big_entries = sorted(((gz(p.read_bytes()), s, str(p.relative_to(site)))
                          for s, p in entries[:20]), reverse=True)
    return {
        "lists": lists[:3],
        "list_pages": len(lists),
        "over_budget": sum(1 for g, _, _ in lists if g > LIST_BUDGET),
        "entry": big_entries[0] if big_entries else None,
        "html_pages": len(lists) + len(entries),
    }


# ------------------------------------------------------------------------------------
# Search and serve
# ------------------------------------------------------------------------------------


def query_bytes(site: Path) -> dict:
    """`node bench/query_bytes.mjs SITE /guide/`: its Markdown table, parsed by header."""
    r = subprocess.run(["node", str(HERE / "query_bytes.mjs"), str(site), PREFIX],
                       cwd=ROOT, capture_output=True, text=True, timeout=600)
    rows = [ln for ln in r.stdout.splitlines() if ln.startswith("|")]
    if r.returncode or len(rows) < 3:
        return {"error": (r.stderr or r.stdout).strip()[-1500:] or f"exit {r.returncode}"}
    header = [c.strip() for c in rows[0].strip("|").split("|")]
    table = []
    for ln in rows[2:]:
        cells = [c.strip() for c in ln.strip("|").split("|")]
        table.append(dict(zip(header, cells)))
    return {"header": header, "rows": table, "raw": r.stdout}


def serve_latency(guide: Path, binary: Path, edits: int) -> dict:
    r = subprocess.run([sys.executable, str(HERE / "serve_latency.py"), str(guide), "--edits",
                        str(edits), "--binary", str(binary), "--timeout", "60"],
                       capture_output=True, text=True, timeout=1800)
    out = r.stdout
    res: dict = {"raw": out + r.stderr[-1000:]}
    if m := re.search(r"first build and start: ([0-9.]+) s", out):
        res["first"] = float(m.group(1))
    if m := re.search(r"median (\d+) ms, min (\d+) ms, max (\d+) ms", out):
        res["median"], res["min"], res["max"] = map(int, m.groups())
    if m := re.search(r"server peak memory: (\d+) MiB", out):
        res["rss"] = int(m.group(1))
    if m := re.search(r"edits: (\d+)", out):
        res["edits"] = int(m.group(1))
    if m := re.search(r"no reload event within ([0-9.]+) s: (\d+) of (\d+) edits", out):
        res["missed"] = f"no reload event within {m.group(1)} s for {m.group(2)} of {m.group(3)} saves"
    return res


# ------------------------------------------------------------------------------------
# One size
# ------------------------------------------------------------------------------------


def move_aside(out: Path, aside: Path) -> str:
    """A shell command that moves a previous output folder aside (see README: deleting
    20,000 files right before a build slows the build on this machine's ext4)."""
    return (f"[ ! -e '{out}' ] || mv '{out}' \"$(mktemp -d '{aside}/run.XXXXXX')\"")


def measure_size(n: int, guide: Path, binary: Path, work: Path, a) -> dict:
    res: dict = {"n": n, "guide": str(guide), "facts": guide_facts(guide),
                 "load": [os.getloadavg()[0]]}
    runs = a.runs if n < BIG else a.big_runs
    res["runs"] = runs
    # Big guides: no untimed run (its output alone is gigabytes; `check` has just read every
    # file, so the page cache is warm anyway).
    warm = 1 if n < BIG else 0
    logs = work / f"logs-{label(n)}"
    logs.mkdir(parents=True, exist_ok=True)
    aside = work / f"aside-{label(n)}"
    aside.mkdir(exist_ok=True)
    env = {"SIGNPOST_TIMINGS": "1"}

    log(f"{label(n)}: check")
    res["check"] = measure([str(binary), "--root", str(guide), "check", "--today", TODAY],
                           runs, warm, logs / "check.log", ok="0,1")
    tail = (logs / "check.log").read_text(errors="replace").strip().splitlines()[-1:]
    res["check_summary"] = tail[0] if tail else ""

    ns_root = without_search(guide, work)
    for variant, root in (("nosearch", ns_root), ("search", guide)):
        out = work / f"out-{label(n)}-{variant}"
        log(f"{label(n)}: build, {variant}")
        lf = logs / f"build-{variant}.log"
        res[variant] = measure([str(binary), "--root", str(root), "build", "--output", str(out),
                                "--today", TODAY], runs, warm, lf,
                               before=move_aside(out, aside), env=env)
        res[variant]["stages"] = timings(lf)
        res[variant]["out"] = str(out)
    site = Path(res["search"]["out"])
    if res["search"].get("ok") and site.is_dir():
        log(f"{label(n)}: page sizes")
        res["pages"] = page_sizes(site, guide)
        res["site_files"] = sum(1 for p in site.rglob("*") if p.is_file())
        if "search" not in a.skip:
            log(f"{label(n)}: query bytes")
            try:
                res["queries"] = query_bytes(site)
            except (OSError, subprocess.TimeoutExpired) as e:
                res["queries"] = {"error": str(e)}
    res["load"].append(os.getloadavg()[0])
    if "serve" not in a.skip:
        log(f"{label(n)}: serve latency")
        try:
            res["serve"] = serve_latency(guide, binary, a.edits)
        except (OSError, subprocess.TimeoutExpired) as e:
            res["serve"] = {"error": str(e)}
    return res


def measure_zola(zola: str, guide: Path, work: Path, a) -> dict:
    res: dict = {}
    version = subprocess.run([zola, "--version"], capture_output=True, text=True).stdout.strip()
    res["version"] = version
    aside = work / "aside-zola"
    aside.mkdir(exist_ok=True)
    for variant, search in (("nosearch", False), ("search", True)):
        site = work / f"zola-{variant}"
        if site.exists():
            shutil.rmtree(site)
        log(f"zola: converting the guide ({variant})")
        subprocess.run([sys.executable, str(HERE / "zola_site.py"), str(guide), str(site)]
                       + (["--search"] if search else []), check=True)
        out = work / f"zola-out-{variant}"
        log(f"zola: build, {variant}")
        res[variant] = measure([zola, "--root", str(site), "build", "--output-dir", str(out)],
                               a.runs, 1, work / f"zola-{variant}.log",
                               before=move_aside(out, aside))
        if out.is_dir():
            files = [p for p in out.rglob("*") if p.is_file()]
            res[variant]["files"] = len(files)
            res[variant]["bytes"] = sum(p.stat().st_size for p in files)
            idx = [p for p in files if p.name.startswith("search_index")]
            res[variant]["index_bytes"] = sum(p.stat().st_size for p in idx)
            res[variant]["index_gzip"] = sum(gz(p.read_bytes()) for p in idx)
    return res


# ------------------------------------------------------------------------------------
# The report
# ------------------------------------------------------------------------------------


def secs(m: dict) -> str:
    """Median wall time (min), and the median run's CPU time (user + system): CPU is far
    steadier than wall time on a machine shared with other work."""
    if not m or not m.get("ok"):
        return "failed" if m else "—"
    return f"{float(m['median']):.2f} s (min {float(m['min']):.2f}; CPU {float(m['cpu']):.1f} s)"


def mib(m: dict) -> str:
    return f"{float(m['rss_mib']):,.0f} MiB" if m and m.get("ok") else "—"


def kb(b: int) -> str:
    return f"{b / 1000:,.1f} KB" if b < 1_000_000 else f"{b / 1e6:,.2f} MB"


def commit() -> str:
    return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True).stdout.strip() or "?"


def when() -> str:
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def saved_or(a, key: str, now):
    """A fact of the run being rendered (--render), else of now."""
    saved = getattr(a, "saved", None)
    return saved[key] if saved and key in saved else now()


def report(results: list[dict], zola: dict | None, a, binary: Path) -> str:
    cols = [r for r in results]
    head = "| | " + " | ".join(f"{r['n']:,} entries" for r in cols) + " |"
    sep = "|---|" + "---:|" * len(cols)
    lines: list[str] = []
    if not cols:
        head = sep = ""

    def row(name: str, f) -> None:
        if not cols:
            return
        cells = []
        for r in cols:
            try:
                cells.append(f(r))
            except (KeyError, TypeError, ValueError, IndexError):
                cells.append("—")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")

    commit_ = saved_or(a, "commit", commit)
    cpu = "?"
    with contextlib.suppress(OSError):
        for ln in open("/proc/cpuinfo"):
            if ln.startswith("model name"):
                cpu = ln.split(":", 1)[1].strip()
                break
    mem = "?"
    with contextlib.suppress(OSError):
        for ln in open("/proc/meminfo"):
            if ln.startswith("MemTotal"):
                mem = f"{int(ln.split()[1]) / 1048576:.1f} GiB"
    load = saved_or(a, "load", os.getloadavg)
    when_ = saved_or(a, "when", when)
    out = [
        f"Measured {when_} with `bench/scale.py` on {platform.machine()}, {os.cpu_count()} cores "
        f"({cpu}), {mem}, load average {load[0]:.1f} at the end; binary `{binary}` "
        f"(repository at {commit_}); timed runs: "
        + ", ".join(f"{r['runs']} at {r['n']:,}" + (" after one untimed" if r["n"] < BIG else "")
                    for r in results)
        + "; median (min); "
        f"`--today {TODAY}`.",
    ]
    if cols:
        out += ["", head, sep]
    row("guide", lambda r: r["facts"])
    row("load average (1 min) before / after the builds",
        lambda r: " / ".join(f"{x:.1f}" for x in r["load"]))
    row("`check`", lambda r: secs(r["check"]))
    row("`check` peak memory", lambda r: mib(r["check"]))
    row("`check` says", lambda r: r["check_summary"].replace("|", "\\|"))
    row("`build`, no search", lambda r: secs(r["nosearch"]))
    row("`build`, no search: peak memory", lambda r: mib(r["nosearch"]))
    row("`build`, with search", lambda r: secs(r["search"]))
    row("`build`, with search: peak memory", lambda r: mib(r["search"]))
    stages: list[str] = []
    for r in cols:
        for v in ("search", "nosearch"):
            for s in r.get(v, {}).get("stages", {}):
                if s not in stages:
                    stages.append(s)
    for s in stages:
        row(f"stage `{s}` (with search / without)", lambda r, s=s: " / ".join(
            f"{r[v]['stages'][s][0]:.2f} s" if s in r[v].get("stages", {}) else "—"
            for v in ("search", "nosearch")))
    row("output files (with search)", lambda r: f"{r['site_files']:,}")
    row("largest list page (gzip / raw)", lambda r: "`{}` {} / {}".format(
        r["pages"]["lists"][0][2], kb(r["pages"]["lists"][0][0]), kb(r["pages"]["lists"][0][1])))
    row("next largest list pages (gzip)", lambda r: ", ".join(
        f"`{p}` {kb(g)}" for g, _, p in r["pages"]["lists"][1:]))
    row(f"list pages over {LIST_BUDGET // 1000} KB gzip",
        lambda r: f"{r['pages']['over_budget']:,} of {r['pages']['list_pages']:,}")
    row("largest entry page (gzip / raw)", lambda r: "`{}` {} / {}".format(
        r["pages"]["entry"][2], kb(r["pages"]["entry"][0]), kb(r["pages"]["entry"][1])))
    queries: list[str] = []
    for r in cols:
        for q in r.get("queries", {}).get("rows", []):
            name = next(iter(q.values()))
            if name not in queries:
                queries.append(name)

    def qcell(r, name):
        qs = r["queries"]
        if "error" in qs:
            return "error"
        for q in qs["rows"]:
            if next(iter(q.values())) != name:
                continue
            keys = list(q)
            # The column the 300 KB budget is about: "search bytes …" (query_bytes.mjs
            # since issue #15), else "index bytes" (before).
            col = (next((k for k in keys if k.lower().startswith("search bytes")), None)
                   or next((k for k in keys if "index bytes" in k.lower()), None)
                   or next(k for k in keys if "bytes" in k.lower()))
            res = next((k for k in keys if k.lower() == "results"), None)
            extra = [f"{q[res]} results"] if res else []
            times = [f"{k}: {v}" for k, v in q.items() if v.endswith(" ms")]
            if times:
                extra.append(", ".join(times))
            b = int(q[col].replace(",", ""))
            return kb(b) + (f" ({'; '.join(extra)})" if extra else "")
        return "—"
    for name in queries:
        words = len(name.split())
        row(f"search \"{name}\" ({words} word{'s' if words > 1 else ''}): bytes",
            lambda r, name=name: qcell(r, name))
    row("`serve`: first build and start", lambda r: f"{r['serve']['first']:.1f} s")
    row("`serve`: save → reload event", lambda r: r["serve"].get("missed") or
        "{} ms median ({}–{}, {} edits)".format(
            r["serve"]["median"], r["serve"]["min"], r["serve"]["max"], r["serve"]["edits"]))
    row("`serve`: peak memory", lambda r: f"{r['serve']['rss']:,} MiB")
    out += lines

    notes = []
    for r in cols:
        for key in ("check", "nosearch", "search"):
            m = r.get(key, {})
            if m and not m.get("ok"):
                notes.append(f"- {label(r['n'])} {key} failed: {m.get('error', '').strip()[-600:]}")
        qs = r.get("queries", {})
        if "error" in qs:
            notes.append(f"- {label(r['n'])} query_bytes.mjs: {qs['error'][-600:]}")
        sv = r.get("serve", {})
        if sv and "median" not in sv and "missed" not in sv:
            notes.append(f"- {label(r['n'])} serve_latency.py: {sv.get('error') or sv.get('raw', '')[-600:]}")
    if zola:
        out += ["", f"Zola ({zola.get('version', '?')}) on the same {zola['n']:,}-entry "
                "guide (converted by `bench/zola_site.py`):", "",
                "| | Zola, no search index | Zola, with search index |", "|---|---:|---:|"]
        z = [zola.get("nosearch", {}), zola.get("search", {})]
        out.append("| `zola build` | " + " | ".join(secs(m) for m in z) + " |")
        out.append("| peak memory | " + " | ".join(mib(m) for m in z) + " |")
        out.append("| output | " + " | ".join(
            f"{m['files']:,} files, {kb(m['bytes'])}" if "files" in m else "—" for m in z) + " |")
        out.append("| search index (raw / gzip) | — | " + (
            f"{kb(z[1]['index_bytes'])} / {kb(z[1]['index_gzip'])}" if "index_bytes" in z[1]
            else "—") + " |")
        for v, m in zip(("nosearch", "search"), z):
            if m and not m.get("ok"):
                notes.append(f"- zola {v} failed: {m.get('error', '').strip()[-600:]}")
    if notes:
        out += ["", "Problems:", ""] + notes
    return "\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,100000", help="entries, comma-separated")
    ap.add_argument("--guides", type=Path, default=Path(tempfile.gettempdir()),
                    help="where the generated guides are kept and reused (guide10k-v2, ...)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--binary", type=Path, default=None,
                    help="signpost binary (default: cargo build --release, then its binary)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs of each command (3)")
    ap.add_argument("--big-runs", type=int, default=1,
                    help=f"timed runs at {BIG:,} entries or more (1; each output is gigabytes)")
    ap.add_argument("--edits", type=int, default=10, help="saves measured in serve (10)")
    ap.add_argument("--lock", default=None, help="flock this file around each size's runs")
    ap.add_argument("--zola", default=shutil.which("zola"), help="a zola binary (default: PATH)")
    ap.add_argument("--skip", default="",
                    help="comma-separated: search, serve, zola, signpost (all of signpost's rows)")
    ap.add_argument("--work", type=Path, default=None,
                    help="folder for outputs and logs (default: a new temporary one, removed)")
    ap.add_argument("--report", type=Path, default=None, help="also write the report here")
    ap.add_argument("--render", type=Path, default=None, metavar="JSON",
                    help="only print the report of the measurements saved in JSON "
                         "(signpost-scale-last.json, which every run writes)")
    a = ap.parse_args()
    if a.render:
        saved = json.loads(a.render.read_text())
        a.saved = saved
        text = report(saved["results"], saved["zola"], a, Path(saved.get("binary", "?")))
        print(text)
        if a.report:
            a.report.write_text(text, encoding="utf-8")
        return 0
    a.skip = {s for s in a.skip.split(",") if s}
    sizes = [int(s) for s in a.sizes.split(",") if s]

    if a.binary is None:
        log("cargo build --release")
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        meta = json.loads(subprocess.run(["cargo", "metadata", "--format-version", "1",
                                          "--no-deps"], cwd=ROOT, capture_output=True,
                                         text=True, check=True).stdout)
        a.binary = Path(meta["target_directory"]) / "release" / "signpost"
    binary = a.binary.resolve()
    if not os.access(binary, os.X_OK):
        raise SystemExit(f"error: no signpost binary at {binary}")

    keep = a.work is not None
    work = a.work or Path(tempfile.mkdtemp(prefix="signpost-scale."))
    work.mkdir(parents=True, exist_ok=True)
    a.guides.mkdir(parents=True, exist_ok=True)
    results = []
    zola = None
    saved = (work if keep else Path(tempfile.gettempdir())) / "signpost-scale-last.json"
    try:
        for n in sizes:
            guide = guide_for(n, a.guides, a.seed)
            with locked(a.lock):
                if "signpost" not in a.skip:
                    results.append(measure_size(n, guide, binary, work / label(n), a))
                if n == min(sizes) and a.zola and "zola" not in a.skip:
                    zola = measure_zola(a.zola, guide, work / label(n), a)
                    zola["n"] = n
            # Saved as soon as measured: a run cut short keeps what it has (--render).
            saved.write_text(json.dumps(
                {"results": results, "zola": zola, "binary": str(binary), "when": when(),
                 "commit": commit(), "load": os.getloadavg()}, indent=1, default=str))
            # The outputs of this size are not needed any more (100,000 entries' take
            # gigabytes), but deleting them now would slow the next size's builds (see
            # "Deleting files before a build" in the README): they go when all is measured.
        if a.zola is None and "zola" not in a.skip:
            log("no zola binary (--zola or PATH): Zola not measured")
        text = report(results, zola, a, binary)
        print(text, flush=True)
        if a.report:
            a.report.write_text(text, encoding="utf-8")
        log(f"measurements saved in {saved}")
    finally:
        log("removing the outputs (this can take minutes)")
        for n in sizes:
            for p in (work / label(n)).glob("*"):
                if p.is_dir() and not p.name.startswith("logs"):
                    shutil.rmtree(p, ignore_errors=True)
        if keep:
            log(f"work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0

if __name__ == "__main__":
    sys.exit(main())
