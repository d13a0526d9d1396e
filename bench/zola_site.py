#!/usr/bin/env python3
"""Convert a guide made by gen_guide.py into a Zola site, to time `zola build` on it.

    python3 bench/zola_site.py GUIDE_DIR SITE_DIR [--search]

The reference for signpost's speed is Zola on the same content (DESIGN.md, "Performance").
This writes a Zola site with the same pages and the same lists, as far as Zola makes them:

- every entry and standalone page is a Zola page with its Markdown body unchanged except
  its links: `../area/id.md#anchor` becomes Zola's `@/area/id.md#anchor` (the anchor in
  Zola's slug form, å → a), which Zola checks as signpost does;
- each area is a section whose page lists all its entries (title, summary, date, tags), as
  signpost's area pages did before issue #15;
- the tags and the type (challenge, solution) are taxonomies, so Zola makes one page listing
  every tag, and one page per tag and per type listing all its entries (signpost's tag pages
  and its lists of challenges and solutions);
- the home page lists the areas; feeds (Atom) for the site and a sitemap, as signpost
  makes; with --search, Zola's search index (`build_search_index = true`, elasticlunr).

The templates are small and plain (no theme), so the time is Zola's own work for this
content, not a theme's. It is not a migration tool: it reads only what gen_guide.py writes
(front matter of `key: value` lines with JSON-style quoted strings and lists).
Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
from pathlib import Path

TRANSLIT = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})
LINK = re.compile(r"\]\(([^)\s#]+\.md)(#[^)\s]*)?\)")

TEMPLATES = {
    "base.html": """<!doctype html>
<html lang="{{ lang }}">
<head><meta charset="utf-8"><title>{% block title %}{{ config.title }}{% endblock %}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
<header><a href="{{ config.base_url | safe }}/">{{ config.title }}</a>
<nav><ul>{% set home = get_section(path="_index.md") %}{% for s in home.subsections %}
{% set sec = get_section(path=s, metadata_only=true) %}<li><a href="{{ sec.permalink | safe }}">{{ sec.title }}</a></li>{% endfor %}
<li><a href="{{ config.base_url | safe }}/tags/">Taggar</a></li></ul></nav></header>
<main>{% block content %}{% endblock %}</main>
</body></html>
""",
    "macros.html": """{% macro card(page) %}<li><a href="{{ page.permalink | safe }}">{{ page.title }}</a>
<p>{{ page.description }}</p><p>{{ page.date }}{% if page.taxonomies.tags %} ·
{% for t in page.taxonomies.tags %}<a href="{{ get_taxonomy_url(kind="tags", name=t) | safe }}">{{ t }}</a> {% endfor %}{% endif %}</p></li>{% endmacro %}
""",
    "index.html": """{% extends "base.html" %}{% block content %}
<h1>{{ section.title }}</h1><p>{{ section.description }}</p>{{ section.content | safe }}
<ul>{% for s in section.subsections %}{% set sec = get_section(path=s, metadata_only=true) %}
<li><a href="{{ sec.permalink | safe }}">{{ sec.title }}</a>: {{ sec.description }}</li>{% endfor %}</ul>
{% endblock %}
""",
    "section.html": """{% extends "base.html" %}{% import "macros.html" as m %}
{% block title %}{{ section.title }} – {{ config.title }}{% endblock %}{% block content %}
<h1>{{ section.title }}</h1><p>{{ section.description }}</p>{{ section.content | safe }}
<ul>{% for page in section.pages %}{{ m::card(page=page) }}{% endfor %}</ul>
{% endblock %}
""",
    "page.html": """{% extends "base.html" %}
{% block title %}{{ page.title }} – {{ config.title }}{% endblock %}{% block content %}
<article><h1>{{ page.title }}</h1><p>{{ page.description }}</p>
<p>{{ page.extra.owner }} · {{ page.date }}{% if page.taxonomies.tags %} ·
{% for t in page.taxonomies.tags %}<a href="{{ get_taxonomy_url(kind="tags", name=t) | safe }}">{{ t }}</a> {% endfor %}{% endif %}</p>
{% if page.toc %}<nav><ul>{% for h in page.toc %}<li><a href="#{{ h.id }}">{{ h.title }}</a></li>{% endfor %}</ul></nav>{% endif %}
{{ page.content | safe }}</article>
{% endblock %}
""",
    "taxonomy_list.html": """{% extends "base.html" %}{% block content %}
<h1>{{ taxonomy.name }}</h1>
<ul>{% for term in terms %}<li><a href="{{ term.permalink | safe }}">{{ term.name }}</a> ({{ term.pages | length }})</li>{% endfor %}</ul>
{% endblock %}
""",
    "taxonomy_single.html": """{% extends "base.html" %}{% import "macros.html" as m %}{% block content %}
<h1>{{ term.name }}</h1>
<ul>{% for page in term.pages %}{{ m::card(page=page) }}{% endfor %}</ul>
{% endblock %}
""",
}


def front_matter(text: str) -> tuple[dict, str]:
    """gen_guide.py's front matter: top-level `key: value` lines (nested lines skipped)."""
    if not text.startswith("---\n"):
        raise ValueError("no front matter")
    end = text.index("\n---\n", 4)
    fm: dict = {}
    for line in text[4:end].split("\n"):
        if not line or line[0] in " -":
            continue
        key, _, value = line.partition(":")
        value = value.strip()
        if value.startswith(('"', "[")):
            fm[key] = json.loads(value)
        elif value:
            fm[key] = value
    return fm, text[end + 5:]


def toml_value(v) -> str:
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    return json.dumps(str(v), ensure_ascii=False)


def zola_anchor(anchor: str) -> str:
    """A heading anchor of the content contract in Zola's slug form (ASCII)."""
    a = anchor.lower().translate(TRANSLIT)
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", a)).strip("-")


def convert_links(body: str, rel_dir: str) -> str:
    def sub(m: re.Match) -> str:
        target = os.path.normpath(os.path.join(rel_dir, m.group(1))).replace(os.sep, "/")
        anchor = m.group(2) or ""
        if anchor:
            anchor = "#" + zola_anchor(anchor[1:])
        return f"](@/{target}{anchor})"

    return LINK.sub(sub, body)


def convert(guide: Path, site: Path, search: bool) -> int:
    cfg = (guide / "config.toml").read_text(encoding="utf-8")
    title = re.search(r'(?m)^title = "(.*)"', cfg).group(1)
    base = re.search(r'(?m)^base_url = "(.*)"', cfg).group(1).rstrip("/")
    (site / "templates").mkdir(parents=True)
    for name, text in TEMPLATES.items():
        (site / "templates" / name).write_text(text, encoding="utf-8")
    (site / "config.toml").write_text(
        f'base_url = "{base}"\n'
        f"title = {toml_value(title)}\n"
        'default_language = "sv"\n'
        "compile_sass = false\n"
        f"build_search_index = {'true' if search else 'false'}\n"
        "generate_feeds = true\n"
        'feed_filenames = ["atom.xml"]\n'
        'taxonomies = [{ name = "tags" }, { name = "typ" }]\n',
        encoding="utf-8",
    )
    src = guide / "content"
    dst = site / "content"
    pages = 0
    for md in sorted(src.rglob("*.md")):
        rel = md.relative_to(src)
        fm, body = front_matter(md.read_text(encoding="utf-8"))
        rel_dir = str(rel.parent) if str(rel.parent) != "." else ""
        body = convert_links(body, rel_dir)
        out = dst / rel
        if md.name == "_index.md" or md.name == "_area.md":
            out = out.with_name("_index.md")
            head = [f"title = {toml_value(fm.get('title', ''))}",
                    f"description = {toml_value(fm.get('summary', ''))}",
                    'sort_by = "date"']
            if "order" in fm:
                head.append(f"weight = {int(fm['order'])}")
        else:
            date = fm.get("created") or fm.get("last_reviewed")
            head = [f"title = {toml_value(fm['title'])}",
                    f"description = {toml_value(fm.get('summary', ''))}"]
            if date:
                head.append(f"date = {date}")
            head.append("[taxonomies]")
            if fm.get("tags"):
                head.append(f"tags = {toml_value(fm['tags'])}")
            if fm.get("type") in ("challenge", "solution"):
                head.append(f"typ = {toml_value([fm['type']])}")
            head.append("[extra]")
            for key in ("owner", "status", "last_reviewed", "kind", "related", "addresses",
                        "organisations", "reviewed_by", "provider", "provider_type"):
                if key in fm:
                    head.append(f"{key} = {toml_value(fm[key])}")
            pages += 1
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("+++\n" + "\n".join(head) + "\n+++\n" + body, encoding="utf-8")
    return pages


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("guide", type=Path)
    ap.add_argument("site", type=Path)
    ap.add_argument("--search", action="store_true", help="build Zola's search index")
    a = ap.parse_args()
    if a.site.exists():
        if any(a.site.iterdir()):
            print(f"error: {a.site} is not empty", file=sys.stderr)
            return 2
        shutil.rmtree(a.site)
    pages = convert(a.guide, a.site, a.search)
    print(f"wrote a Zola site with {pages} pages to {a.site}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
