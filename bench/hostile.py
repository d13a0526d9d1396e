#!/usr/bin/env python3
"""Times signpost on hostile input (issue 14): CommonMark's pathological bodies (after
cmark's test/pathological_tests.py; the generators are written here from its descriptions)
and the inputs the issue found superlinear or crashing. Each case is one entry in a small
guide of its own; `check` and `build` are run once each on it with a release binary.

    cargo build --release && python3 bench/hostile.py [--signpost target/release/signpost]

Prints one table: the input's size, check and build time (wall clock), seconds per MB of
input, exit codes, and how many bytes `check`'s human output had. The target is under
1 s per MB. Not part of `cargo test` (tests/hostile_input.rs only asserts "finishes").
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

HEAD = (
    "---\ntype: challenge\ntitle: Fall\nsummary: S.\nstatus: published\n"
    "reviewed_by: [A]\nlast_reviewed: 2026-05-01\n{extra}---\n\n"
)


def pathological():
    """(name, front-matter lines, body) of each case."""
    cases = [
        ("nested strong emph", "*a **a " * 65000 + "b" + " a** a*" * 65000),
        ("many emph closers with no openers", "a_ " * 65000),
        ("many emph openers with no closers", "_a " * 65000),
        ("many link closers with no openers", "a]" * 65000),
        ("many link openers with no closers", "[a" * 65000),
        ("mismatched openers and closers", "*a_ " * 50000),
        ("openers and closers multiple of 3", "a**b" + "c* " * 50000),
        ("link openers and emph closers", "[ a_" * 50000),
        ("hard link/emph case", "**x [a*b**c*](d)"),
        ("nested brackets", "[" * 50000 + "a" + "]" * 50000),
        ("nested block quotes", "> " * 50000 + "a"),
        ("deeply nested lists", "".join("  " * i + "* a\n" for i in range(1000))),
        ("U+0000 in input", "abc\u0000de\u0000"),
        # cmark's runs to 10,000 backticks (50 MB); 2,000 (2 MB) stays under the 4 MB limit.
        ("backticks (1/5 of cmark's)", "".join("e" + "`" * i for i in range(1, 2000))),
        ("unclosed links A", "[a](<b" * 50000),
        ("unclosed links B", "[a](b" * 50000),
        (
            "many references (1/4 of cmark's)",
            "".join("[%d]: u\n" % i for i in range(1, 50000 * 4)) + "[0] " * 50000,
        ),
    ]
    return [(n, "", b) for n, b in cases]


def issue_cases():
    """The inputs of issue 14 that were slow or crashed."""
    return [
        ("20,000 identical headings", "", "## a\n\n" * 20000),
        ("30,000 identical headings", "", "## a\n\n" * 30000),
        (
            "20,000 links to 20,000 headings",
            "",
            "".join("## h%d\n\n" % i for i in range(20000))
            + "".join("[l](#h%d) " % i for i in range(20000)),
        ),
        (
            "100,000 unknown fields",
            "".join("f%d: x\n" % i for i in range(100000)),
            "Text.\n",
        ),
        ("100,000 nested divs", "", "<div>" * 100000 + "x" + "</div>" * 100000),
        (
            "100,000 tags",
            "tags:\n" + "".join("  - t%d\n" % i for i in range(100000)),
            "Text.\n",
        ),
        ("20,000 broken links on one line", "", "[x](saknas.md) " * 20000),
        ("front matter 5,000 levels deep", "x:\n  " + "- " * 5000 + "a\n", "Text.\n"),
    ]


def make_guide(root, extra, body):
    shutil.copy(os.path.join(REPO, "config.toml"), os.path.join(root, "config.toml"))
    shutil.copytree(os.path.join(REPO, "themes"), os.path.join(root, "themes"))
    area = os.path.join(root, "content", "skola")
    os.makedirs(area)
    with open(os.path.join(area, "_area.md"), "w") as f:
        f.write("---\ntitle: Skola\nsummary: S.\nowner: O\n---\n")
    with open(os.path.join(root, "content", "_index.md"), "w") as f:
        f.write("---\ntitle: Hem\nsummary: S.\n---\n")
    text = HEAD.format(extra=extra) + body + "\n"
    with open(os.path.join(area, "fall.md"), "w", encoding="utf-8") as f:
        f.write(text)
    return len(text.encode("utf-8"))


def timed(cmd, cwd):
    start = time.monotonic()
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=600)
    return time.monotonic() - start, p.returncode, len(p.stdout) + len(p.stderr)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--signpost", default=os.path.join(REPO, "target/release/signpost"))
    args = ap.parse_args()
    binary = os.path.abspath(args.signpost)
    if not os.access(binary, os.X_OK):
        sys.exit(f"no signpost binary at {binary}: run `cargo build --release` first")
    rows = []
    for name, extra, body in pathological() + issue_cases():
        with tempfile.TemporaryDirectory() as root:
            size = make_guide(root, extra, body)
            base = [binary, "--root", root]
            c_time, c_code, c_bytes = timed(base + ["check", "--today", "2026-11-21"], root)
            b_time, b_code, _ = timed(
                base + ["build", "--today", "2026-11-21", "--output", os.path.join(root, "out")],
                root,
            )
        mb = size / 1e6
        worst = max(c_time, b_time)
        # A few bytes take the time of starting the program and building a small site:
        # no rate for those.
        per = f"{worst / mb:.2f}" if mb >= 0.05 else "(tiny input)"
        rows.append((name, mb, c_time, c_code, c_bytes, b_time, b_code, per))
        print(
            f"{name:38} {mb:6.2f} MB  check {c_time:6.2f} s (exit {c_code}, "
            f"{c_bytes / 1e3:8.1f} KB out)  build {b_time:6.2f} s (exit {b_code})",
            flush=True,
        )
    print()
    print("| input | size | check | build | s per MB (slower of the two) |")
    print("|---|---|---|---|---|")
    for name, mb, ct, cc, cb, bt, bc, per in rows:
        print(
            f"| {name} | {mb:.2f} MB | {ct:.2f} s (exit {cc}) | {bt:.2f} s (exit {bc}) | "
            f"{per} |"
        )


if __name__ == "__main__":
    main()
