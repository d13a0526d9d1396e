#!/usr/bin/env python3
"""Extract the Swedish word-frequency list that bench/gen_guide.py samples from.

    python3 -m venv /tmp/wordfreq && /tmp/wordfreq/bin/pip install wordfreq==3.1.1
    /tmp/wordfreq/bin/python bench/vocab/extract_wordfreq.py bench/vocab/sv-wordfreq.txt.gz

Reads wordfreq's "large" Swedish list (its frequencies in centibels, grouped in bands of
equal frequency) and writes it as gzipped text that the generator reads with the Python
standard library alone, so a benchmark run needs neither wordfreq nor the network. This
script is run once, by hand; its output is committed (see bench/vocab/README.md for the
source and licence of the data: CC BY-SA 4.0).

Kept: words of Swedish letters only (a–z, å, ä, ö, é, ü; no digits, no punctuation, no
emoji), 2–30 letters long plus the word "i", and not swear words or slurs (the short lists
below: subtitles and social media are among wordfreq's sources, and a guide written by
municipalities does neither). Everything else is dropped, not replaced, so
the remaining words keep their frequencies relative to each other.

Output: comment lines starting with `#`, then one line per band, `CENTIBELS<TAB>word word …`,
most frequent first; a band's words are each `10 ** (-CENTIBELS / 100)` of running text.
"""

from __future__ import annotations

import gzip
import re
import sys

# Swear words and slurs: these words, and every word starting with one of the stems.
SWEARING = set("""
fan fanken jävel jävlar helvete helvetet satan satans skit skiten skitsnack skitig
hora horan horor hororna bög bögar bögen idiot idioter idioten arsle röv röven pissa piss
cp mongo mongon lapp lappar lapparna lappjävel tattare tattarna babbe babben
""".split())
SWEARING_STEMS = ("jävl", "fitt", "kuk", "knull", "neger", "negr", "zigenar", "zigenare",
                  "blatte", "svartskall", "bögj", "horunge")

WORD = re.compile(r"^[a-zåäöéü]{2,30}$")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    import wordfreq  # only here: the generator itself never needs it
    from importlib.metadata import version

    bands = wordfreq.get_frequency_list("sv", wordlist="large")
    kept = dropped = 0
    lines = [
        f"# Swedish word frequencies: wordfreq {version('wordfreq')} (Robyn Speer et al.), "
        "list 'large', language 'sv'.",
        "# Data licence: CC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/ ; "
        "sources and changes in bench/vocab/README.md.",
        "# Changed: only words of Swedish letters, 2-30 long (and 'i'), no swear words or slurs.",
        "# Format: CENTIBELS<TAB>words; each word's frequency is 10 ** (-CENTIBELS / 100).",
    ]
    for cb, words in enumerate(bands):
        keep = [w for w in words if (w == "i" or WORD.match(w)) and w not in SWEARING
                and not w.startswith(SWEARING_STEMS)]
        kept += len(keep)
        dropped += len(words) - len(keep)
        if keep:
            lines.append(f"{cb}\t{' '.join(keep)}")
    data = ("\n".join(lines) + "\n").encode()
    # mtime=0 and a fixed name: the same input gives a byte-identical file.
    with open(argv[1], "wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=0) as f:
        f.write(data)
    print(f"{kept} words kept, {dropped} dropped, {len(data)} bytes before gzip -> {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
