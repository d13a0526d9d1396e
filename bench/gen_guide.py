#!/usr/bin/env python3
"""Generate a synthetic guide for benchmarking signpost.

    python3 bench/gen_guide.py OUT_DIR [--entries 10000] [--areas 12] [--seed 1]
                               [--entry-kb 5] [--force]

Writes `config.toml`, `content/_index.md`, a few standalone pages, one folder per area
(each with `_area.md`) and N challenges/solutions (about half each) of Swedish-looking
prose, following the content contract (`CONTENT-FORMAT.md`, v1). The output is a function
of the arguments alone: the same seed gives byte-identical files.

The guide is meant to be *clean*: `signpost check --today 2026-11-21` should report no
errors and no warnings on it. Every entry is published, reviewed in 2026-01..2026-10 (so
with the default 12-month interval nothing is due soon or overdue on 2026-11-21), links
only to existing entries and to anchors that exist.

It is not a test-case generator: it does not produce broken content on purpose.
Dependency-free (Python 3.11 standard library only).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from pathlib import Path

# --------------------------------------------------------------------------------------
# Vocabulary: real Swedish words. Compounds and inflections are built from them, which
# gives the guide a realistically large number of distinct word forms for search.
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
# Prose
# --------------------------------------------------------------------------------------


class Prose:
    """A pool of pre-generated sentences; entries draw from it. Drawing whole sentences
    keeps 10,000 × 5 KB fast, and the pool is large enough to be varied."""

    def __init__(self, rng: random.Random, pool_size: int):
        self.rng = rng
        compounds = set()
        while len(compounds) < 4000:
            a, b = rng.choice(NOUNS), rng.choice(NOUNS)
            if a != b:
                link = "s" if rng.random() < 0.2 and not a.endswith("s") else ""
                compounds.add(a + link + b)
        self.compounds = sorted(compounds)
        self.sentences: list[str] = []
        self.sentence_bytes: list[int] = []
        for _ in range(pool_size):
            s = self._sentence()
            self.sentences.append(s)
            self.sentence_bytes.append(len(s.encode()) + 1)

    def noun(self) -> str:
        rng = self.rng
        base = rng.choice(self.compounds) if rng.random() < 0.45 else rng.choice(NOUNS)
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
        return self.noun()

    def _sentence(self) -> str:
        rng = self.rng
        words = [rng.choice(SUBJECTS)]
        if rng.random() < 0.4:
            words.append(rng.choice(MODALS))
            words.append(infinitive(rng.choice(VERBS)))
        else:
            words.append(rng.choice(VERBS))
        if rng.random() < 0.3:
            words.append(rng.choice(ADVERBS))
        target = rng.randint(6, 16)
        while len(words) < target:
            r = rng.random()
            if r < 0.30:
                words.append(rng.choice(FUNCTION))
            elif r < 0.65:
                words.append(self.phrase())
            elif r < 0.78:
                words.append(rng.choice(VERBS))
            elif r < 0.88:
                words.append(rng.choice(ADVERBS))
            elif r < 0.95:
                words.append(rng.choice(PREPOSITIONS) + " " + self.noun())
            elif not words[-1].endswith(","):
                words[-1] += ","
        if rng.random() < 0.08:  # some **bold**
            i = rng.randrange(2, len(words))
            words[i] = "**" + words[i].rstrip(",") + "**"
        s = " ".join(words).rstrip(",")
        return s + rng.choice([".", ".", ".", ".", ".", "?", "!"])

    def sentence(self) -> tuple[str, int]:
        i = self.rng.randrange(len(self.sentences))
        return self.sentences[i], self.sentence_bytes[i]

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
            ]
        else:
            pats = [
                f"{self.adj().capitalize()} {self.noun()} för {self.noun()}",
                f"Så arbetar {rng.choice(MUNICIPALITIES)} med {self.noun()}",
                f"{n} som stöd för {self.noun()}",
                f"Gemensam {self.noun()} {rng.choice(PREPOSITIONS)} {self.noun()}",
                f"Digital {self.noun()} i {self.noun()}",
                f"Metod för {self.adj()} {self.noun()}",
            ]
        return rng.choice(pats)[:120].rstrip()

    def summary(self, limit: int = 300) -> str:
        parts: list[str] = []
        length = 0
        for _ in range(self.rng.randint(1, 3)):
            s = self.sentence()[0].replace("**", "")
            if length + len(s) + 1 > limit:
                break
            parts.append(s)
            length += len(s) + 1
        text = " ".join(parts) if parts else self.sentence()[0].replace("**", "")[:limit]
        return text[:limit]


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


def generate(out: Path, entries: int, areas: int, seed: int, entry_kb: float) -> dict:
    rng = random.Random(seed)
    prose = Prose(rng, pool_size=max(2000, min(30000, entries * 3)))
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
        headings.append(rng.sample(HEADINGS, rng.randint(4, 6)))

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
        + "\n".join(prose.sentence()[0] for _ in range(4))
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
            + " ".join(prose.sentence()[0] for _ in range(6))
            + "\n\n## " + rng.choice(HEADINGS) + "\n\n"
            + " ".join(prose.sentence()[0] for _ in range(6))
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
            + " ".join(prose.sentence()[0] for _ in range(5)) + "\n\n"
            + "## Om området\n\n"
            + " ".join(prose.sentence()[0] for _ in range(5)) + "\n",
            encoding="utf-8",
        )

    # ---- phase 2: entries
    target_bytes = int(entry_kb * 1000)
    total_bytes = 0
    n_links = 0
    for i in range(entries):
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
            parts = []
            for _ in range(rng.randint(2, 5)):
                s, b = prose.sentence()
                parts.append(s)
                size += b
            size += 1
            return " ".join(parts)

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
        total_bytes += len(data)
        (content / area / f"{ids[i]}.md").write_bytes(data)

    return {
        "entries": entries,
        "challenges": len(all_challenges),
        "solutions": entries - len(all_challenges),
        "areas": areas,
        "pages": len(PAGES),
        "links": n_links,
        "entry_bytes": total_bytes,
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out_dir", metavar="OUT_DIR", type=Path)
    p.add_argument("--entries", type=int, default=10000, help="challenges + solutions (10000)")
    p.add_argument("--areas", type=int, default=12, help="operational areas (12)")
    p.add_argument("--seed", type=int, default=1, help="random seed (1)")
    p.add_argument("--entry-kb", type=float, default=5.0,
                   help="approximate size of one entry file in KB (5); below ~4 the 4–6 sections "
                        "with a paragraph each make entries larger than asked")
    p.add_argument("--force", action="store_true",
                   help="write into a non-empty OUT_DIR, replacing its content/ and config.toml")
    a = p.parse_args(argv)
    if a.entries < 0 or a.areas < 1 or a.entry_kb <= 0:
        p.error("--entries must be ≥ 0, --areas ≥ 1 and --entry-kb > 0")

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
    stats = generate(out, a.entries, a.areas, a.seed, a.entry_kb)
    elapsed = time.perf_counter() - t0
    meta = {"generator": "bench/gen_guide.py", "seed": a.seed, "entry_kb": a.entry_kb,
            **stats, "seconds": round(elapsed, 2)}
    # Dot-file at the root: outside content/, ignored by signpost; run.sh reads it.
    (out / ".gen-guide.json").write_text(json.dumps(meta, indent=2) + "\n")
    print(f"wrote {stats['entries']} entries ({stats['challenges']} challenges, "
          f"{stats['solutions']} solutions), {stats['areas']} areas, {stats['pages']} pages, "
          f"{stats['entry_bytes'] / 1e6:.1f} MB of entries to {out} in {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
