#!/usr/bin/env python3
"""Run a command several times; report wall time (min, median), CPU time and peak RSS.

    python3 bench/measure.py [--runs 5] [--warmup 0] [--ok 0,1] [--label NAME]
                             [--log FILE] [--timeout 600] [--before SHELL_CMD] [--tsv]
                             -- COMMAND ARGS...

Wall time is time.perf_counter() around starting and reaping each run (reaped with
os.wait4(), blocking, so this process does not compete for the CPU). CPU time (user +
system) comes from wait4's rusage. Peak RSS comes from GNU time (`/usr/bin/time -f %M`,
run between us and the command) when it is installed, else from wait4's ru_maxrss. The
fallback has a floor: Linux counts the memory of the process that exec'd the command, so
it never reports less than this Python process (~10–15 MiB); GNU time's floor is ~2 MiB.

The command's stdout and stderr go to a file (the last run's is kept at --log), so a
terminal does not slow it down. Exit status: 0 if every run exited with one of the --ok
codes, 1 otherwise (and the tail of the failing run's output is printed), 2 if the command
could not be started.

Output: a human-readable line, or with --tsv one tab-separated line:
label, runs, min_s, median_s, cpu_s (median), peak_rss_mib (max), exit_codes (comma-separated).
Dependency-free (Python 3.11 standard library only).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time


def find_gnu_time() -> str | None:
    """/usr/bin/time if it is GNU time (which takes -f and -o), else None."""
    for path in ("/usr/bin/time", "/bin/time"):
        if os.access(path, os.X_OK):
            try:
                r = subprocess.run([path, "-f", "%M", "-o", os.devnull, "true"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            except OSError:
                continue
            if r.returncode == 0:
                return path
    return None


def run_once(cmd: list[str], log_path: str, timeout: float,
             gnu_time: str | None) -> tuple[float, float, float, int]:
    """Returns (wall seconds, cpu seconds, peak RSS in KiB, exit code)."""
    rss_file = None
    if gnu_time:
        fd, rss_file = tempfile.mkstemp(prefix="measure-rss-")
        os.close(fd)
        cmd = [gnu_time, "-f", "%M", "-o", rss_file, *cmd]
    try:
        with open(log_path, "wb") as log:
            t0 = time.perf_counter()
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                    start_new_session=True)
            # Block in wait4 (no polling: the parent must not compete for the CPU); a
            # timer kills a run that hangs, with everything it started (its own group).
            killer = threading.Timer(timeout, os.killpg, (proc.pid, signal.SIGKILL))
            killer.start()
            try:
                _, status, ru = os.wait4(proc.pid, 0)
            finally:
                killer.cancel()
            wall = time.perf_counter() - t0
        code = os.waitstatus_to_exitcode(status)
        proc.returncode = code  # reaped here; stop Popen from waiting again
        # wait4's rusage covers the child and the descendants it reaped, so with GNU time
        # in between, CPU time is still the command's (plus time's own, ~1 ms).
        maxrss = float(ru.ru_maxrss)
        if rss_file:
            with open(rss_file) as f:
                lines = [ln for ln in f.read().split("\n") if ln.strip()]
            if lines and lines[-1].strip().isdigit():
                maxrss = float(lines[-1].strip())
        return wall, ru.ru_utime + ru.ru_stime, maxrss, code
    finally:
        if rss_file:
            os.unlink(rss_file)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--warmup", type=int, default=0, help="untimed runs first (0)")
    p.add_argument("--ok", default="0", help="comma-separated exit codes that count as ran (0)")
    p.add_argument("--label", default=None)
    p.add_argument("--log", default=None, help="keep the last run's output here")
    p.add_argument("--timeout", type=float, default=600.0, help="seconds per run (600)")
    p.add_argument("--before", default=None, metavar="SHELL_CMD",
                   help="run this (sh -c, untimed) before every run, e.g. to remove output")
    p.add_argument("--tsv", action="store_true")
    p.add_argument("--no-gnu-time", action="store_true",
                   help="take peak RSS from wait4() even if GNU time is installed")
    p.add_argument("cmd", nargs=argparse.REMAINDER)
    a = p.parse_args()
    cmd = a.cmd[1:] if a.cmd[:1] == ["--"] else a.cmd
    if not cmd or a.runs < 1:
        p.error("need a command after --, and --runs ≥ 1")
    ok = {int(c) for c in a.ok.split(",") if c.strip()}
    label = a.label or " ".join(cmd)

    gnu_time = None if a.no_gnu_time else find_gnu_time()
    if gnu_time:
        # GNU time exits 127 when it cannot run the command; let that be a start failure.
        if shutil.which(cmd[0]) is None:
            print(f"measure: cannot run {cmd[0]}: not found", file=sys.stderr)
            return 2
    log_path = a.log or tempfile.mkstemp(prefix="measure-", suffix=".log")[1]
    walls, cpus, rss, codes = [], [], [], []
    try:
        for i in range(a.warmup + a.runs):
            if a.before:
                subprocess.run(["sh", "-c", a.before], check=True)
            wall, cpu, maxrss, code = run_once(cmd, log_path, a.timeout, gnu_time)
            if code not in ok:
                with open(log_path, "rb") as f:
                    tail = f.read()[-3000:].decode("utf-8", "replace")
                why = f"killed after {a.timeout:g} s" if wall >= a.timeout else f"exit code {code}"
                print(f"measure: {label}: {why} (run {i + 1}); output ends with:\n"
                      f"{tail}", file=sys.stderr)
                if a.tsv:
                    print(f"{label}\t0\t-\t-\t-\t-\t{code}")
                return 1
            if i >= a.warmup:
                walls.append(wall)
                cpus.append(cpu)
                rss.append(maxrss)
                codes.append(code)
    except OSError as e:
        print(f"measure: cannot run {cmd[0]}: {e}", file=sys.stderr)
        return 2
    finally:
        if not a.log:
            os.unlink(log_path)

    mn, med = min(walls), statistics.median(walls)
    cpu = statistics.median(cpus)
    peak = max(rss) / 1024  # ru_maxrss is in KiB on Linux
    codes_s = ",".join(str(c) for c in sorted(set(codes)))
    if a.tsv:
        print(f"{label}\t{a.runs}\t{mn:.3f}\t{med:.3f}\t{cpu:.3f}\t{peak:.1f}\t{codes_s}")
    else:
        print(f"{label}: {a.runs} runs, wall min {mn:.3f} s, median {med:.3f} s, "
              f"CPU {cpu:.3f} s, peak RSS {peak:.1f} MiB, exit {codes_s}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
