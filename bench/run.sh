#!/usr/bin/env bash
# Benchmark signpost on a generated guide (10,000 entries by default); see bench/README.md.
#
#   bench/run.sh
#   BENCH_DIR=/tmp/guide10k bench/run.sh      # generate once, reuse afterwards
#
# Environment: ENTRIES (10000), SEED (1), RUNS (5), WARMUP (1), TODAY (2026-11-21),
# BENCH_DIR (reuse/keep the guide there), SIGNPOST (a binary to use instead of building
# one), KEEP=1 (keep the work folder with outputs and logs), PYTHON (python3).
#
# Exit status: 0 when `check` ran (exit 0 or 1); non-zero when the build, the generator or
# `check` itself failed. A missing or failing `build` command only gives a warning.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
ENTRIES=${ENTRIES:-10000}
SEED=${SEED:-1}
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
TODAY=${TODAY:-2026-11-21}
PY=${PYTHON:-python3}
cd "$ROOT"

say() { printf '\n== %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*"; }

# ---- the binary
if [[ -n ${SIGNPOST:-} ]]; then
    BIN=$(realpath "$SIGNPOST")
else
    say "cargo build --release"
    cargo build --release
    TARGET_DIR=$(cargo metadata --format-version 1 --no-deps |
        "$PY" -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
    BIN=$TARGET_DIR/release/signpost
fi
[[ -x $BIN ]] || { echo "error: no signpost binary at $BIN" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/signpost-bench.XXXXXX")
if [[ ${KEEP:-0} == 1 ]]; then
    trap 'echo "(work folder kept: $WORK)"' EXIT
else
    trap 'rm -rf "$WORK"' EXIT
fi

# ---- the guide
if [[ -n ${BENCH_DIR:-} && -d $BENCH_DIR && -n $(ls -A "$BENCH_DIR") ]]; then
    GUIDE=$(realpath "$BENCH_DIR")
    say "reusing the guide in $GUIDE"
    [[ -f $GUIDE/.gen-guide.json ]] && cat "$GUIDE/.gen-guide.json"
else
    GUIDE=${BENCH_DIR:-$WORK/guide}
    say "generating $ENTRIES entries into $GUIDE"
    "$PY" "$HERE/gen_guide.py" "$GUIDE" --entries "$ENTRIES" --seed "$SEED"
    GUIDE=$(realpath "$GUIDE")
fi
# The generated guide says `theme = "default"` and has no themes/ folder, so every build
# uses the theme compiled into the binary being measured. (run.sh once copied the
# repository's themes/ into the guide; a guide shared by several people then carried
# whichever theme was copied last.)
if [[ -d $GUIDE/themes/default && -f $GUIDE/.gen-guide.json ]]; then
    warn "$GUIDE/themes/default overrides the binary's built-in theme (delete it to measure the binary's own)"
fi

# ---- what we measure on
say "environment"
echo "date:      $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine:   $(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')"
echo "memory:    $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo 2>/dev/null)"
echo "rustc:     $(rustc -V 2>/dev/null || echo '?')"
echo "signpost:  $BIN ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo 'no commit')$(git -C "$ROOT" status --porcelain 2>/dev/null | grep -q . && echo ', dirty'))"
echo "guide:     $GUIDE: $(find "$GUIDE/content" -name '*.md' | wc -l) Markdown files, $(du -sh --apparent-size "$GUIDE/content" | cut -f1) (on disk $(du -sh "$GUIDE/content" | cut -f1))"
echo "runs:      $RUNS timed (after $WARMUP warm-up), --today $TODAY"

ROWS=()
STATUS=0

# measure NAME OK_CODES TARGET [--before CMD] -- COMMAND...
# Appends a table row to ROWS; returns measure.py's status.
measure() {
    local name=$1 ok=$2 target=$3
    shift 3
    local before=()
    if [[ $1 == --before ]]; then before=(--before "$2"); shift 2; fi
    [[ $1 == -- ]] && shift
    local log=$WORK/${name//[^a-z]/_}.log row rc=0
    row=$("$PY" "$HERE/measure.py" --runs "$RUNS" --warmup "$WARMUP" --ok "$ok" \
        --label "$name" --log "$log" --tsv "${before[@]}" -- "$@") || rc=$?
    [[ -n $row ]] || row="$name	0	-	-	-	-	?"
    ROWS+=("$row	$target")
    LAST_LOG=$log
    return $rc
}

show_log() {  # show_log FILE N: the last N lines of a run's output, indented
    [[ -s $1 ]] && tail -n "$2" "$1" | sed 's/^/    /'
    return 0
}

# ---- check
say "signpost check"
if measure "check" 0,1 "< 0.5 s" -- "$BIN" --root "$GUIDE" check --today "$TODAY"; then
    if [[ $(cut -f7 <<<"${ROWS[-1]}") == *1* ]]; then
        warn "check exited 1 (errors) on the generated guide, which should be clean; its output ends:"
        show_log "$LAST_LOG" 25
    else
        echo "check exited 0; its output ends:"
        show_log "$LAST_LOG" 5
    fi
else
    warn "check did not run (see above)"
    STATUS=1
fi

# ---- build, if the binary has it
if "$BIN" build --help >/dev/null 2>&1; then
    # Without search: with --no-search if the binary offers it, else on a copy of the guide
    # whose config.toml says [search] enabled = false.
    NOSEARCH_ROOT=$GUIDE
    NOSEARCH_FLAG=()
    if "$BIN" build --help 2>&1 | grep -q -- '--no-search'; then
        NOSEARCH_FLAG=(--no-search)
    else
        NOSEARCH_ROOT=$WORK/nosearch
        mkdir -p "$NOSEARCH_ROOT"
        for item in "$GUIDE"/*; do
            [[ $(basename "$item") == config.toml ]] && continue
            cp -al "$item" "$NOSEARCH_ROOT/" 2>/dev/null || cp -a "$item" "$NOSEARCH_ROOT/"
        done
        "$PY" - "$GUIDE/config.toml" "$NOSEARCH_ROOT/config.toml" <<'EOF'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
head, sep, rest = text.partition("[search]")
if sep:
    body, nxt, tail = rest.partition("\n[")
    body = re.sub(r"(?m)^enabled\s*=.*$", "enabled = false", body)
    text = head + sep + body + nxt + tail
else:
    text += "\n[search]\nenabled = false\n"
open(sys.argv[2], "w", encoding="utf-8").write(text)
EOF
    fi

    for variant in nosearch search; do
        out=$WORK/out-$variant
        if [[ $variant == nosearch ]]; then
            name="build, no search"; target="< 1.5 s"; broot=$NOSEARCH_ROOT; extra=("${NOSEARCH_FLAG[@]}")
        else
            name="build, with search"; target="< 5 s"; broot=$GUIDE; extra=()
        fi
        say "signpost $name"
        # Each run builds into a new folder, as CI does. The previous run's folder is moved
        # aside, not deleted: on ext4 without a journal (as on this machine) the file
        # system skips inodes freed in the last minute when it makes new ones, so deleting
        # 20,000 files just before a run makes that run spend seconds in the kernel, which
        # is about the disk, not the build. The folders moved aside go with the work folder.
        mkdir -p "$WORK/aside"
        if measure "$name" 0 "$target" --before "[ ! -e '$out' ] || mv '$out' \"\$(mktemp -d '$WORK/aside/run.XXXXXX')\"" -- \
            "$BIN" --root "$broot" build --output "$out" --today "$TODAY" "${extra[@]}"; then
            echo "output: $(find "$out" -type f | wc -l) files, $(du -sh --apparent-size "$out" | cut -f1)$( [[ -d $out/search/data ]] && echo ", search/data/ $(du -sh --apparent-size "$out/search/data" | cut -f1) in $(find "$out/search/data" -type f | wc -l) files")"
            show_log "$LAST_LOG" 3
        else
            warn "$name failed; not counted"
        fi
    done
else
    say "signpost build: not available in this binary (\`build --help\` failed); skipped"
fi

# ---- the table
say "results ($RUNS runs each; wall = elapsed, CPU = median user+system time)"
printf '| %-19s | %4s | %8s | %10s | %8s | %14s | %4s | %-9s |\n' \
    command runs "min (s)" "median (s)" "CPU (s)" "peak RSS (MiB)" exit target
printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' \
    "---------------------" "-----:" "---------:" "-----------:" "---------:" "---------------:" "-----:" "-----------"
for row in "${ROWS[@]}"; do
    IFS=$'\t' read -r label runs mn med cpu rss codes target <<<"$row"
    printf '| %-19s | %4s | %8s | %10s | %8s | %14s | %4s | %-9s |\n' \
        "$label" "$runs" "$mn" "$med" "$cpu" "$rss" "$codes" "$target"
done
echo "targets (DESIGN.md): check < 0.5 s; build without search < 1.5 s (issue #3; DESIGN.md: half of Zola's 2.3–4 s); build with search faster than Zola's 5 s; peak RSS < 1024 MiB"
exit $STATUS
