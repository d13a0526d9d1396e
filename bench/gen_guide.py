#!/usr/bin/env python3
"""Generate a synthetic guide for benchmarking signpost.

    python3 bench/gen_guide.py OUT_DIR [--entries 10000] [--areas 12] [--seed 1]
                               [--entry-kb 5] [--jobs N] [--force]

Writes `config.toml`, `content/_index.md`, a few standalone pages, one folder per area
(each with `_area.md`) and N challenges/solutions (about half each) of Swedish text,
following the content contract (`CONTENT-FORMAT.md`, v1). The output is a function of the
arguments alone (not of --jobs): the same seed gives byte-identical files.

The words of the text have the frequencies of real Swedish: each is drawn on its own from
`vocab/sv-wordfreq.txt.gz` (334,000 words with their frequencies, from wordfreq; see
`vocab/README.md`), with the guide's subject words more frequent and a share of compounds
made up on the spot. So a common word is on nearly every page, a rare one on a few, and the
number of distinct words grows with the size of the guide, as in real text; that is what a
search index and its downloads depend on. The words make no sense together: a sentence is
words in a row with the frequencies of Swedish, not Swedish grammar.

The guide is meant to be *clean*: `signpost check --today 2026-11-21` should report no
errors and no warnings on it. Every entry is published, reviewed in 2026-01..2026-10 (so
with the default 12-month interval nothing is due soon or overdue on 2026-11-21), links
only to existing entries and to anchors that exist.

It is not a test-case generator: it does not produce broken content on purpose.
Dependency-free (Python 3.11 standard library only).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import random
import shutil
import sys
import time
from pathlib import Path

# --------------------------------------------------------------------------------------
# The guide's own words: its subject (boosted in the running text, and used in titles),
# headings, areas, people, places and tags. The running text draws on all of Swedish.
# --------------------------------------------------------------------------------------

NOUNS = """
vård plan skola elev lärare omsorg hem tjänst nyckel system data tid kostnad ansökan
beslut handläggare invånare kommun region förvaltning verksamhet personal chef
medarbetare brukare anhörig boende bygg lov karta miljö avfall vatten energi klimat
trafik buss väg cykel park bibliotek kultur idrott fritid förening företag arbete
utbildning ekonomi budget upphandling avtal leverantör säkerhet information rutin
process ärende blankett signatur journal läkemedel sensor larm tillsyn kontroll rapport
statistik uppföljning kvalitet mål resurs kompetens samverkan nätverk plattform app
webb portal telefon möte samtal stöd hjälp behov risk lag regel krav ansvar roll mat
måltid kök lokal fastighet hus lägenhet mark skog sjö strand ljus värme sol vind bil
laddning parkering hållplats skylt gata torg centrum by landsbygd stad barn ungdom
familj förälder pension hälsa sjukdom sömn rörelse ensamhet språk tolk text bild film
röst schema bemanning vikarie lön fakturering betalning kassa arkiv diarium dokument
underlag mall riktlinje policy styrning ledning organisation enhet avdelning nämnd
styrelse politiker medborgare dialog enkät intervju analys modell metod verktyg
lösning utmaning problem förändring förbättring innovation test pilot projekt
införande drift förvaltare server moln lagring nät fiber uppkoppling inloggning
identitet behörighet åtkomst integritet sekretess gallring kö väntetid bokning
påminnelse avisering meddelande brev kanal chatt kundtjänst besök hembesök trygghet
nattillsyn kamera dörr lås nyckelskåp tvätt städning transport färdtjänst skolskjuts
""".split()

VERBS = """
arbetar behöver använder utvecklar minskar ökar skapar ger får visar stödjer förenklar
förbättrar samlar delar följer mäter planerar prövar testar inför ersätter sparar
underlättar påverkar kräver löser hanterar erbjuder beskriver når möter väljer tar gör
bygger driver leder styr granskar bedömer prioriterar samordnar digitaliserar
automatiserar effektiviserar säkrar dokumenterar rapporterar informerar involverar
utbildar rekryterar behåller förlorar saknar upplever uppfattar efterfrågar
""".split()

MODALS = "kan ska måste bör behöver brukar vill får".split()

ADJECTIVES = """
digital ny gemensam enkel trygg säker hållbar tydlig snabb lokal regional nationell
öppen äldre viktig stor liten bättre svår lätt flexibel tillgänglig effektiv långsiktig
kortsiktig kommunal privat offentlig ideell mobil automatisk manuell personlig fysisk
social ekonomisk juridisk teknisk praktisk grön sårbar nöjd gammal modern befintlig
central självständig begränsad omfattande kostsam tidskrävande pålitlig användbar
begriplig förutsägbar mätbar
""".split()

ADVERBS = """
ofta sällan alltid ibland redan fortfarande också även snabbt långsamt tydligt
tillsammans gradvis främst särskilt nästan knappt ungefär dessutom därför ändå
""".split()

FUNCTION = """
och att det som en på är av för med till den har de inte om ett men så från vid när
där efter under inom utan eller bara mer mycket många alla varje både i hos mellan
genom över denna dessa vår våra deras vilket än
""".split()

PREPOSITIONS = "i på för med till från vid inom hos mellan genom över utan efter under".split()

SUBJECTS = """
Kommunen Verksamheten Förvaltningen Personalen Invånarna Brukarna Eleverna Lärarna
Handläggarna Cheferna Nämnden Regionen Leverantören Projektet Enheten Medarbetarna
Många Flera Ingen Alla Vi De Det Här Därför Samtidigt Dessutom Tidigare Numera
""".split()

SUFFIXES = ["", "", "", "", "en", "et", "er", "erna", "ar", "arna", "ens", "ets", "s"]

HEADINGS = [
    "Bakgrund",
    "Problembeskrivning",
    "Varför är det svårt?",
    "Så här går det till",
    "Kostnader och nytta",
    "Kostnader, nytta och risker",
    "Erfarenheter från kommunerna",
    "Juridiska förutsättningar",
    "Målgrupp och behov",
    "Genomförande",
    "Uppföljning och utvärdering",
    "Lärdomar",
    "Nästa steg",
    "Ansvar och roller",
    "Teknik, drift och förvaltning",
    "Risker och sårbarheter",
    "Vad säger invånarna?",
    "Exempel från Göteborg",
    "Tidsplan 2026–2027",
    "Frågor att ställa leverantören",
    "Samverkan med regionen",
    "Dataskydd och säkerhet",
    "Övriga överväganden",
    "Åtgärder på kort sikt",
    "Effekter för äldre",
    "Tillgänglighet",
    "Resultat hittills",
    "Så kommer du igång",
    "Förutsättningar",
    "Läs mer",
]

AREAS = [
    ("aldreomsorg", "Äldreomsorg"),
    ("skola", "Skola och förskola"),
    ("bygglov", "Bygglov och planering"),
    ("socialtjanst", "Socialtjänst"),
    ("halsa", "Hälsa och sjukvård"),
    ("miljo", "Miljö och hållbarhet"),
    ("kultur", "Kultur och fritid"),
    ("trafik", "Trafik och infrastruktur"),
    ("energi", "Energi och klimat"),
    ("vatten", "Vatten och avlopp"),
    ("naringsliv", "Näringsliv och arbete"),
    ("forvaltning", "Digital förvaltning"),
]

FIRST_NAMES = """
Anna Eva Maria Karin Sara Lena Kerstin Emma Ingrid Malin Åsa Linnéa Sofia Elin Johanna
Erik Lars Karl Anders Johan Per Mikael Olof Nils Jan Björn Göran Östen Jörgen Mattias
""".split()
LAST_NAMES = """
Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson
Lindqvist Berg Nyström Åkesson Öberg Söderberg Hägglund Ekström Lundgren Sjöberg Strömberg
""".split()
MUNICIPALITIES = """
Umeå|Malmö|Göteborg|Uppsala|Linköping|Örebro|Västerås|Norrköping|Jönköping|Lund|Luleå|
Gävle|Växjö|Karlstad|Sundsvall|Östersund|Skellefteå|Borås|Halmstad|Kalmar|Falun|Kiruna|
Ängelholm|Älmhult|Håbo|Täby|Nacka|Söderhamn|Ystad|Mölndal
""".replace("\n", "").split("|")
REGIONS = ["Region Skåne", "Region Stockholm", "Västra Götalandsregionen", "Region Uppsala",
           "Region Norrbotten", "Region Jämtland Härjedalen", "Region Östergötland"]
TAGS = """
digitalisering välfärdsteknik e-tjänster tillgänglighet öppna-data ai automatisering
arbetsmiljö kompetensförsörjning informationssäkerhet dataskydd molntjänster
samverkan upphandling innovation hållbarhet klimat landsbygd trygghet delaktighet
ekonomi kvalitet effektivisering kommunikation språk integration ungdomar äldre
mobilitet energi vatten bygglov skolskjuts hemtjänst bemanning interoperabilitet
""".split()
KINDS = ["method", "tool", "case-study", "service", "inspiration"]
PROVIDERS = [
    ("Inera", "public"), ("Sveriges kommuner och regioner", "public"),
    ("Lunds universitet", "academic"), ("Umeå universitet", "academic"),
    ("Civilsamhället Norr", "nonprofit"), ("Föreningen Öppna Kommuner", "nonprofit"),
    ("Nordlys Digital AB", "private"), ("Åkerbo Teknik AB", "private"),
]
TEAM_WORDS = ["Team", "Nätverket för", "Redaktionen för", "Samverkansgruppen för"]

PAGES = [
    ("om-guiden", "Om guiden", 1),
    ("tillganglighet", "Tillgänglighetsredogörelse", 2),
    ("kontakt", "Kontakta redaktionen", 3),
]

# Recorded in .gen-guide.json; bench/scale.py reuses a guide only of this version. 2: word
# frequencies of real Swedish (before: a pool of sentences from ~400 words).
VERSION = 2

TRANSLIT = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})


def slug(text: str) -> str:
    """Heading anchor per the contract: lowercase, letters and digits kept (Swedish
    letters too), every other run becomes one `-`, trimmed."""
    out: list[str] = []
    dash = False
    for ch in text.lower():
        if ch.isalpha() or ch.isdigit():
            out.append(ch)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def ascii_id(text: str, max_words: int = 5) -> str:
    """An id-safe (^[a-z0-9]+(-[a-z0-9]+)*$) rendering of a title."""
    s = slug(text.lower().translate(TRANSLIT))
    s = "".join(c if ("a" <= c <= "z" or "0" <= c <= "9") else "-" for c in s)
    parts = [p for p in s.split("-") if p]
    return "-".join(parts[:max_words]) or "x"


def q(s: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def qlist(items: list[str]) -> str:
    return "[" + ", ".join(q(i) for i in items) + "]"


# --------------------------------------------------------------------------------------
# Running text: words drawn with the frequencies of real Swedish
# --------------------------------------------------------------------------------------

VOCAB_FILE = Path(__file__).resolve().parent / "vocab" / "sv-wordfreq.txt.gz"

# The guide's subject words (NOUNS and their inflected forms) are this many times more
# frequent than in Swedish at large, as in any text about one subject.
TOPIC_BOOST = 3.0
# The share of running words that are compounds made up on the spot from two words, as
# Swedish writers do all the time ("hemtjänstnyckel"). They are the long tail of the
# vocabulary that no frequency list holds, so the number of distinct words keeps growing
# with the size of the guide, as it does in real text (Heaps' law).
COMPOUND_SHARE = 0.015
# The forms of a subject word that TOPIC_BOOST applies to.
TOPIC_SUFFIXES = ["", "en", "et", "er", "erna", "ar", "arna", "ens", "ets", "s", "n", "na"]
COMPOUND = "\x00"  # a slot in the tables that becomes a new compound
LEVEL = 1 << 16  # slots in each table (drawn with two random bytes)


def replace(items: list, marker, values: list) -> None:
    """Puts values, in order, in the places of `marker` in items (found by list.index, in
    C, so the items in between cost no Python step)."""
    i = -1
    index = items.index
    for v in values:
        i = index(marker, i + 1)
        items[i] = v


class Sampler:
    """Draws words, each independently with its given frequency.

    Drawing must be fast (100,000 entries are ~80 million words), so it avoids Python
    work per word where it can. The common words are looked up in a table of 65,536 slots
    (`map` over two random bytes a word, all in C), each holding as many whole slots as its
    frequency fills. The rest of the frequency (the fractional parts, and the rare words,
    most of the vocabulary) is the table's empty slots, ~15 % of the words drawn: they are
    drawn again from a second table built the same way from what is left, in which the rare
    words are grouped in bands of equal frequency, as the list gives them (a word drawn
    from a band is one of its words at random), and what that table leaves is drawn exactly
    (`random.choices` with cumulative weights). Every word so keeps its exact frequency.
    Words are drawn a batch at a time and handed out in order."""

    BATCH = 1 << 18

    def __init__(self, rng: random.Random, words: list[str], freqs: list[float]):
        self.rng = rng
        scale = LEVEL / sum(freqs)
        table: list[str | None] = []
        rest: list[str | list[str]] = []
        rest_f: list[float] = []
        bands: dict[float, list[str]] = {}
        for w, f in zip(words, freqs):
            x = f * scale
            k = int(x)
            if k:
                table += [w] * k
                if x > k:
                    rest.append(w)
                    rest_f.append(x - k)
            else:
                bands.setdefault(f, []).append(w)
        for f, band in bands.items():
            rest.append(band)
            rest_f.append(f * scale * len(band))
        self.table1 = table + [None] * (LEVEL - len(table))
        self.table2, self.rest_items, rest_f = self._table(rest, rest_f)
        self.rest_cum = list(itertools.accumulate(rest_f))
        self.buf: list[str] = []
        self.pos = 0

    @staticmethod
    def _table(items: list, weights: list[float]):
        """A table of LEVEL slots (None for "draw again") and what did not fit in it."""
        scale = LEVEL / sum(weights)
        table: list = []
        rest_i: list = []
        rest_f: list[float] = []
        for w, f in zip(items, weights):
            x = f * scale
            k = int(x)
            if k:
                table += [w] * k
            if x > k:
                rest_i.append(w)
                rest_f.append(x - k)
        table += [None] * (LEVEL - len(table))
        return table, rest_i, rest_f

    def _slots(self, table: list, n: int) -> list:
        # Two bytes a word, read as unsigned 16-bit numbers in the machine's byte order
        # (little-endian on every machine this runs on).
        return list(map(table.__getitem__, memoryview(self.rng.randbytes(2 * n)).cast("H")))

    def fresh(self, n: int) -> list[str]:
        words = self._slots(self.table1, n)
        m = words.count(None)
        if m:
            second = self._slots(self.table2, m)
            k = second.count(None)
            if k:
                replace(second, None, self.rng.choices(self.rest_items, cum_weights=self.rest_cum,
                                                       k=k))
            rand = self.rng.random
            replace(words, None, [w if w.__class__ is str else w[int(rand() * len(w))]
                                  for w in second])
        return words

    def reseed(self, rng: random.Random) -> None:
        """Draw from rng from now on, forgetting the words drawn ahead."""
        self.rng = rng
        self.buf = []
        self.pos = 0

    def draw(self, n: int) -> list[str]:
        """n words."""
        if self.pos + n > len(self.buf):
            self.buf = self.buf[self.pos:] + self.fresh(max(n, self.BATCH))
            self.pos = 0
        out = self.buf[self.pos:self.pos + n]
        self.pos += n
        return out


class Words(Sampler):
    """Running words, each with its frequency in real Swedish text (a unigram model:
    `vocab/sv-wordfreq.txt.gz`, 334,000 words from wordfreq), the guide's subject words
    boosted (TOPIC_BOOST), and a share of new compounds (COMPOUND_SHARE)."""

    def __init__(self, rng: random.Random, path: Path = VOCAB_FILE):
        words: list[str] = []
        freqs: list[float] = []
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                cb, _, ws = line.rstrip("\n").partition("\t")
                fr = 10 ** (-int(cb) / 100)
                for w in ws.split(" "):
                    words.append(w)
                    freqs.append(fr)
        known = set(words)
        for n in NOUNS:  # a subject word the list does not have gets a modest frequency
            if n not in known:
                words.append(n)
                freqs.append(1e-6)
        topic = {n + s for n in NOUNS for s in TOPIC_SUFFIXES}
        for i, w in enumerate(words):
            if w in topic:
                freqs[i] *= TOPIC_BOOST
        self.vocabulary = len(words)
        # Compounds are made of content words: 4 letters or more, outside the 150
        # commonest words (which are nearly all function words).
        content = [(w, f) for i, (w, f) in enumerate(zip(words, freqs))
                   if len(w) >= 4 and (i >= 150 or w in topic)]
        self.content = Sampler(rng, [w for w, _ in content], [f for _, f in content])
        total = sum(freqs)
        words.append(COMPOUND)
        freqs.append(total * COMPOUND_SHARE / (1 - COMPOUND_SHARE))
        super().__init__(rng, words, freqs)

    def fresh(self, n: int) -> list[str]:
        words = super().fresh(n)
        k = words.count(COMPOUND)
        if k:
            replace(words, COMPOUND, self.compounds(k))
        return words

    def reseed(self, rng: random.Random) -> None:
        super().reseed(rng)
        self.content.reseed(rng)

    def content_word(self) -> str:
        return self.content.draw(1)[0]

    def compounds(self, k: int) -> list[str]:
        """k new compounds of two content words, some with the linking s."""
        parts = self.content.draw(2 * k)
        links = self.rng.randbytes(k)
        out = []
        for i in range(k):
            a, b = parts[2 * i], parts[2 * i + 1]
            if a == b:
                out.append(a)
            elif links[i] < 51 and a[-1] not in "sx":  # 1 in 5
                out.append(a + "s" + b)
            else:
                out.append(a + b)
        return out


class Prose:
    """Sentences, titles, headings and summaries in Swedish words.

    Every sentence is new (words from `Words`), so the vocabulary of the guide grows with
    its size as in real text. Only the shapes of sentences and paragraphs (how many words,
    where a comma or a **bold** word goes, the closing marks) come from a fixed pool; a
    paragraph is then one `str.format` of its shape with fresh words, which keeps the work
    per paragraph small."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.words = Words(rng)
        self.shapes = [self._shape() for _ in range(4096)]
        self.paragraphs = [self._paragraph_shape() for _ in range(4096)]

    def _shape(self) -> tuple[int, int, int, str]:
        """A sentence: words, where a comma and a bold word go (-1: none), closing mark."""
        rng = self.rng
        # Swedish prose: sentences of ~5–25 words, mostly 8–18.
        n = max(4, min(28, round(rng.gauss(13, 4.5))))
        comma = rng.randrange(2, n - 1) if n >= 8 and rng.random() < 0.45 else -1
        bold = -1
        if rng.random() < 0.08:  # some **bold**
            bold = rng.randrange(1, n)
            if bold == comma:
                bold = -1
        return n, comma, bold, rng.choice([".", ".", ".", ".", ".", ".", "?", "!"])

    @staticmethod
    def _template(shape: tuple[int, int, int, str], bold: bool) -> str:
        n, comma, b, end = shape
        slots = ["{}"] * n
        if comma >= 0:
            slots[comma] += ","
        if b >= 0 and bold:
            slots[b] = "**" + slots[b] + "**"
        return " ".join(slots) + end

    def _paragraph_shape(self) -> tuple[str, int, tuple[int, ...]]:
        """A paragraph of 2–5 sentences: its format string, its number of words and the
        words that start a sentence."""
        shapes = [self.rng.choice(self.shapes) for _ in range(self.rng.randint(2, 5))]
        starts = tuple(itertools.accumulate([0] + [s[0] for s in shapes[:-1]]))
        return (" ".join(self._template(s, True) for s in shapes),
                sum(s[0] for s in shapes), starts)

    def reseed(self, rng: random.Random) -> None:
        """Draw from rng from now on (the shapes stay)."""
        self.rng = rng
        self.words.reseed(rng)

    def sentences(self, k: int, bold: bool = True) -> list[str]:
        out = []
        for shape in self.rng.choices(self.shapes, k=k):
            words = self.words.draw(shape[0])
            words[0] = words[0].capitalize()
            out.append(self._template(shape, bold).format(*words))
        return out

    def paragraph(self) -> str:
        template, n, starts = self.paragraphs[self.rng.getrandbits(12)]
        words = self.words.draw(n)
        for i in starts:
            words[i] = words[i].capitalize()
        return template.format(*words)

    def noun(self) -> str:
        """A noun for a title or a list: the guide's subject words (and compounds of them,
        inflected) about half the time, else a content word of general Swedish."""
        rng = self.rng
        if rng.random() < 0.5:
            return self.words.content_word()
        if rng.random() < 0.45:
            a, b = rng.choice(NOUNS), rng.choice(NOUNS)
            base = a + ("s" if rng.random() < 0.2 and not a.endswith("s") else "") + b
        else:
            base = rng.choice(NOUNS)
        return base + rng.choice(SUFFIXES)

    def adj(self) -> str:
        a = self.rng.choice(ADJECTIVES)
        return a + self.rng.choice(["", "", "a", "t"]) if a[-1] not in "aet" else a

    def phrase(self) -> str:
        r = self.rng.random()
        if r < 0.35:
            return f"{self.adj()} {self.noun()}"
        if r < 0.55:
            return f"{self.noun()} {self.rng.choice(PREPOSITIONS)} {self.noun()}"
        if r < 0.8:
            return " ".join(self.words.draw(self.rng.randint(2, 6)))
        return self.noun()

    def headings(self, k: int) -> list[str]:
        """k headings with different anchors: the common ones of a guide (HEADINGS) and
        made-up ones of 1–5 words."""
        out: list[str] = []
        slugs: set[str] = set()
        while len(out) < k:
            if self.rng.random() < 0.5:
                h = self.rng.choice(HEADINGS)
            else:
                ws = [self.words.content_word()] + self.words.draw(self.rng.randint(0, 4))
                h = " ".join(ws).capitalize()
            sl = slug(h)
            if sl and sl not in slugs:
                slugs.add(sl)
                out.append(h)
        return out

    def title(self, kind: str) -> str:
        rng = self.rng
        n = self.noun().capitalize()
        if kind == "challenge":
            pats = [
                f"Svårt att {infinitive(rng.choice(VERBS))} {self.noun()} inom {self.noun()}",
                f"Brist på {self.adj()} {self.noun()} i {self.noun()}",
                f"{n} tar för lång tid",
                f"Ökande {self.noun()} {rng.choice(PREPOSITIONS)} {self.noun()}",
                f"Otydligt ansvar för {self.noun()}",
                f"{n} når inte fram till {self.noun()}",
                f"{n} {' '.join(self.words.draw(rng.randint(2, 6)))}",
            ]
        else:
            pats = [
                f"{self.adj().capitalize()} {self.noun()} för {self.noun()}",
                f"Så arbetar {rng.choice(MUNICIPALITIES)} med {self.noun()}",
                f"{n} som stöd för {self.noun()}",
                f"Gemensam {self.noun()} {rng.choice(PREPOSITIONS)} {self.noun()}",
                f"Digital {self.noun()} i {self.noun()}",
                f"Metod för {self.adj()} {self.noun()}",
                f"{n} {' '.join(self.words.draw(rng.randint(2, 6)))}",
            ]
        return rng.choice(pats)[:120].rstrip()

    def summary(self, limit: int = 300) -> str:
        parts: list[str] = []
        length = 0
        for s in self.sentences(self.rng.randint(1, 3), bold=False):
            if length + len(s) + 1 > limit:
                break
            parts.append(s)
            length += len(s) + 1
        text = " ".join(parts) if parts else self.sentences(1, bold=False)[0][:limit]
        return text[:limit].rstrip()


IRREGULAR = {"ger": "ge", "får": "få", "tar": "ta", "gör": "göra", "når": "nå",
             "inför": "införa", "stödjer": "stödja", "möter": "möta", "väljer": "välja",
             "leder": "leda", "driver": "driva", "styr": "styra", "bygger": "bygga"}


def infinitive(verb: str) -> str:
    """`arbetar` → `arbeta`, `behöver` → `behöva` (good enough for prose)."""
    if verb in IRREGULAR:
        return IRREGULAR[verb]
    if verb.endswith("ar"):
        return verb[:-1]
    if verb.endswith("er"):
        return verb[:-2] + "a"
    return verb


def municipality(rng: random.Random) -> str:
    m = rng.choice(MUNICIPALITIES)
    return f"{m} kommun" if m[-1] in "aeiouyåäös" else f"{m}s kommun"


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def date_2026(rng: random.Random) -> str:
    return f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}"


# --------------------------------------------------------------------------------------
# The guide
# --------------------------------------------------------------------------------------


def area_list(n: int) -> list[tuple[str, str]]:
    out = []
    for i in range(n):
        folder, title = AREAS[i % len(AREAS)]
        rnd = i // len(AREAS)
        if rnd:
            folder, title = f"{folder}-{rnd + 1}", f"{title} {rnd + 1}"
        out.append((folder, title))
    return out


def link_sentence(rng: random.Random, text: str, href: str) -> str:
    pats = [
        f"Se även [{text}]({href}).",
        f"Läs mer i [{text}]({href}) om hur det har fungerat.",
        f"Ett närliggande exempel är [{text}]({href}).",
        f"Jämför med [{text}]({href}), som beskriver en liknande situation.",
    ]
    return rng.choice(pats)


def generate(out: Path, entries: int, areas: int, seed: int, entry_kb: float,
             jobs: int = 1) -> dict:
    rng = random.Random(seed)
    prose = Prose(rng)
    area_defs = area_list(areas)

    # ---- phase 1: everything that other entries refer to (ids, titles, headings)
    ids: list[str] = []
    areas_of: list[str] = []
    types: list[str] = []
    titles: list[str] = []
    headings: list[list[str]] = []
    seen: set[str] = {p[0] for p in PAGES}
    for i in range(entries):
        kind = "challenge" if i == 0 or rng.random() < 0.5 else "solution"
        title = prose.title(kind)
        eid = f"{ascii_id(title)}-{i + 1}"
        assert eid not in seen, eid
        seen.add(eid)
        ids.append(eid)
        areas_of.append(area_defs[i % areas][0])
        types.append(kind)
        titles.append(title)
        headings.append(prose.headings(rng.randint(4, 6)))

    challenges_by_area: dict[str, list[int]] = {}
    all_challenges: list[int] = []
    for i, t in enumerate(types):
        if t == "challenge":
            challenges_by_area.setdefault(areas_of[i], []).append(i)
            all_challenges.append(i)

    content = out / "content"
    content.mkdir(parents=True, exist_ok=True)

    # ---- config, home, pages, areas
    (out / "config.toml").write_text(
        'title = "Syntetisk guide"\n'
        'description = "En genererad guide för prestandamätning av signpost."\n'
        'base_url = "https://example.org/guide/"\n'
        'default_language = "sv"\n'
        'languages = ["sv"]\n'
        'theme = "default"\n'
        "\n[review]\ninterval_months = 12\ndue_soon_days = 30\noverdue = \"warning\"\n"
        "\n[search]\nenabled = true\n",
        encoding="utf-8",
    )
    home_links = "\n".join(f"- {t}" for _, t in area_defs)
    (content / "_index.md").write_text(
        "---\n"
        f"title: {q('Syntetisk guide')}\n"
        f"summary: {q(prose.summary(200))}\n"
        "---\n\n"
        + "\n".join(prose.sentences(4))
        + "\n\n## Områden\n\n" + home_links + "\n\n"
        f"Läs mer på sidan [Om guiden](om-guiden.md).\n",
        encoding="utf-8",
    )
    for pid, ptitle, order in PAGES:
        target = rng.randrange(entries) if entries else None
        link = (f"\n\nEtt exempel ur guiden är [{titles[target]}]"
                f"({areas_of[target]}/{ids[target]}.md#{slug(headings[target][0])}).\n"
                if target is not None else "\n")
        (content / f"{pid}.md").write_text(
            "---\n"
            "type: page\n"
            f"title: {q(ptitle)}\n"
            f"summary: {q(prose.summary(200))}\n"
            "status: published\n"
            f"owner: {q('Redaktionen')}\n"
            f"reviewed_by: {qlist([person(rng)])}\n"
            f"last_reviewed: {date_2026(rng)}\n"
            f"order: {order}\n"
            "---\n\n"
            + " ".join(prose.sentences(6))
            + "\n\n## " + rng.choice(HEADINGS) + "\n\n"
            + " ".join(prose.sentences(6))
            + link,
            encoding="utf-8",
        )
    for order, (folder, title) in enumerate(area_defs, start=1):
        d = content / folder
        d.mkdir(exist_ok=True)
        (d / "_area.md").write_text(
            "---\n"
            f"title: {q(title)}\n"
            f"summary: {q(prose.summary(250))}\n"
            f"order: {order}\n"
            f"owner: {q(rng.choice(TEAM_WORDS) + ' ' + title.lower())}\n"
            "---\n\n"
            + " ".join(prose.sentences(5)) + "\n\n"
            + "## Om området\n\n"
            + " ".join(prose.sentences(5)) + "\n",
            encoding="utf-8",
        )

    # ---- phase 2: entries, in chunks (in parallel with --jobs; the same files either way)
    guide = Guide(content, int(entry_kb * 1000), ids, areas_of, types, titles, headings,
                  challenges_by_area, all_challenges)
    chunks = range((entries + CHUNK - 1) // CHUNK)
    total_bytes = 0
    n_links = 0
    global _WORKER  # what forked workers see (fork shares it; nothing is pickled)
    _WORKER = (guide, prose, seed)
    if jobs > 1 and len(chunks) > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            results = pool.map(_write_chunk, chunks, chunksize=1)
    else:
        results = [_write_chunk(c) for c in chunks]
    for nbytes, nlinks in results:
        total_bytes += nbytes
        n_links += nlinks

    return {
        "entries": entries,
        "challenges": len(all_challenges),
        "solutions": entries - len(all_challenges),
        "areas": areas,
        "pages": len(PAGES),
        "links": n_links,
        "entry_bytes": total_bytes,
    }


# Entries are written in chunks of this many, each with a random generator of its own
# (seeded from --seed and the chunk's number), so the files do not depend on --jobs.
CHUNK = 500
_WORKER: tuple | None = None


class Guide:
    """What every entry may refer to: the other entries' ids, titles and headings."""

    def __init__(self, content, target_bytes, ids, areas_of, types, titles, headings,
                 challenges_by_area, all_challenges):
        self.content = content
        self.target_bytes = target_bytes
        self.ids = ids
        self.areas_of = areas_of
        self.types = types
        self.titles = titles
        self.headings = headings
        self.challenges_by_area = challenges_by_area
        self.all_challenges = all_challenges


def _write_chunk(c: int) -> tuple[int, int]:
    """Writes the entries of chunk c; returns (bytes written, links made)."""
    guide, prose, seed = _WORKER
    rng = random.Random(f"gen_guide {seed} chunk {c}")
    prose.reseed(rng)
    total = links = 0
    for i in range(c * CHUNK, min((c + 1) * CHUNK, len(guide.ids))):
        nbytes, nlinks = write_entry(guide, prose, rng, i)
        total += nbytes
        links += nlinks
    return total, links


def write_entry(guide: Guide, prose: "Prose", rng: random.Random, i: int) -> tuple[int, int]:
    """Writes entry i; returns (its bytes, its links)."""
    entries = len(guide.ids)
    ids, areas_of, types, titles, headings = (
        guide.ids, guide.areas_of, guide.types, guide.titles, guide.headings)
    challenges_by_area, all_challenges = guide.challenges_by_area, guide.all_challenges
    target_bytes = guide.target_bytes
    n_links = 0
    kind = types[i]
    area = areas_of[i]
    others = [j for j in rng.sample(range(entries), min(entries, 8)) if j != i]
    related = [ids[j] for j in others[:2]]
    link_targets = others[2:5] if len(others) >= 5 else others[:3]

    fm = [
        "---",
        f"type: {kind}",
        f"title: {q(titles[i])}",
        f"summary: {q(prose.summary())}",
        "status: published",
        f"owner: {q(person(rng) if rng.random() < 0.5 else municipality(rng))}",
        f"reviewed_by: {qlist([person(rng) for _ in range(rng.randint(1, 2))])}",
        f"last_reviewed: {date_2026(rng)}",
        f"created: 20{rng.randint(22, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        f"tags: {qlist(rng.sample(TAGS, rng.randint(2, 4)))}",
        "organisations: " + qlist(list(dict.fromkeys(
            [municipality(rng) for _ in range(rng.randint(1, 2))]
            + ([rng.choice(REGIONS)] if rng.random() < 0.3 else [])))),
        f"related: {qlist(related)}",
    ]
    if kind == "solution":
        pool = challenges_by_area.get(area) if rng.random() < 0.7 else None
        pool = pool or all_challenges
        addr = rng.sample(pool, min(len(pool), rng.randint(1, 2)))
        fm.append(f"kind: {rng.choice(KINDS)}")
        fm.append(f"addresses: {qlist([ids[j] for j in addr])}")
        if rng.random() < 0.4:
            prov, ptype = rng.choice(PROVIDERS)
            fm.append(f"provider: {q(prov)}")
            fm.append(f"provider_type: {ptype}")
        if rng.random() < 0.3:
            fm.append("links:")
            for k in range(rng.randint(1, 2)):
                fm.append(f"  - title: {q(prose.noun().capitalize())}")
                fm.append(f"    url: {q(f'https://example.com/resurser/{i + 1}-{k + 1}')}")
    fm.append("---")
    head = "\n".join(fm) + "\n\n"

    # Body: intro, then 4–6 sections; paragraphs are added round-robin until the file
    # reaches the target size. One section gets a bulleted list; three links go into
    # the first three sections, the first one always with an anchor.
    hs = headings[i]
    sections: list[list[str]] = [[] for _ in hs]
    intro: list[str] = []
    size = len(head.encode()) + sum(len(h.encode()) + 5 for h in hs)

    def paragraph() -> str:
        nonlocal size
        text = prose.paragraph()
        size += len(text.encode()) + 2
        return text

    intro.append(paragraph())
    list_at = rng.randrange(len(hs))
    items = [f"- {prose.phrase().capitalize()}" for _ in range(rng.randint(3, 6))]
    sections[list_at].append("\n".join(items))
    size += sum(len(x.encode()) + 1 for x in items)
    for k, j in enumerate(link_targets):
        anchor = ""
        if k == 0 or rng.random() < 0.3:
            anchor = "#" + slug(rng.choice(headings[j]))
        sentence = link_sentence(rng, titles[j], f"../{areas_of[j]}/{ids[j]}.md{anchor}")
        sections[k % len(hs)].append(sentence)
        size += len(sentence.encode()) + 2
        n_links += 1
    k = 0
    while size < target_bytes or k < len(hs):
        sections[k % len(hs)].insert(0, paragraph())
        k += 1

    body = [head, "\n\n".join(intro), "\n\n"]
    for h, paras in zip(hs, sections):
        body.append(f"## {h}\n\n")
        body.append("\n\n".join(paras))
        body.append("\n\n")
    text = "".join(body).rstrip() + "\n"
    data = text.encode()
    (guide.content / area / f"{ids[i]}.md").write_bytes(data)
    return len(data), n_links


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out_dir", metavar="OUT_DIR", type=Path)
    p.add_argument("--entries", type=int, default=10000, help="challenges + solutions (10000)")
    p.add_argument("--areas", type=int, default=12, help="operational areas (12)")
    p.add_argument("--seed", type=int, default=1, help="random seed (1)")
    p.add_argument("--entry-kb", type=float, default=5.0,
                   help="approximate size of one entry file in KB (5); below ~4 the 4–6 sections "
                        "with a paragraph each make entries larger than asked")
    p.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)),
                   help="processes writing entries (the number of cores); the files are the "
                        "same whatever the number")
    p.add_argument("--force", action="store_true",
                   help="write into a non-empty OUT_DIR, replacing its content/ and config.toml")
    a = p.parse_args(argv)
    if a.entries < 0 or a.areas < 1 or a.entry_kb <= 0 or a.jobs < 1:
        p.error("--entries must be ≥ 0, --areas ≥ 1, --entry-kb > 0 and --jobs ≥ 1")

    out: Path = a.out_dir
    if out.exists() and not out.is_dir():
        print(f"error: {out} exists and is not a directory", file=sys.stderr)
        return 2
    if out.is_dir() and any(out.iterdir()):
        if not a.force:
            print(f"error: {out} is not empty (use --force to replace its content/ "
                  "and config.toml)", file=sys.stderr)
            return 2
        shutil.rmtree(out / "content", ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)

    t0 = time.perf_counter()
    stats = generate(out, a.entries, a.areas, a.seed, a.entry_kb, a.jobs)
    elapsed = time.perf_counter() - t0
    meta = {"generator": "bench/gen_guide.py", "version": VERSION, "seed": a.seed,
            "entry_kb": a.entry_kb,
            **stats, "seconds": round(elapsed, 2)}
    # Dot-file at the root: outside content/, ignored by signpost; run.sh reads it.
    (out / ".gen-guide.json").write_text(json.dumps(meta, indent=2) + "\n")
    print(f"wrote {stats['entries']} entries ({stats['challenges']} challenges, "
          f"{stats['solutions']} solutions), {stats['areas']} areas, {stats['pages']} pages, "
          f"{stats['entry_bytes'] / 1e6:.1f} MB of entries to {out} in {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
