//! Every address the site has, in one place.
//!
//! A document's page follows from its path (`paths::classify` → role, id, area, language);
//! the site's own pages (home, lists, tags, search, 404), feeds, the sitemap and the other
//! generated files are named here, once. Loading gives each `Doc` its address from
//! [`doc`]; rendering, the feeds and the sitemap, `serve`, and the link check all ask this
//! module rather than spelling an address themselves, and the ids that pages and areas
//! cannot take ([`reserved`]) follow from the same table. Adding a page kind is a row in
//! [`lists!`] or a variant of [`Page`], and the compiler points at every match to extend.
//!
//! Addresses here are relative to the site's base path (`base_url`'s path): no leading
//! `/`, and a page's ends with `/` (`aldreomsorg/`, `en/tags/`, `""` for the home page).
//! This module does not decide which pages exist (that is the render model's business) nor
//! what they show.

/// The site-wide feed of a language, below the language's start; an area's is below the
/// area's address.
pub const FEED: &str = "feed.xml";
/// One sitemap for every language, at the base.
pub const SITEMAP: &str = "sitemap.xml";
pub const ROBOTS: &str = "robots.txt";
/// The review state of the default language's published entries and pages, for tools.
pub const REVIEW_JSON: &str = "review.json";
/// The page served at any address that does not exist: one, in the default language.
pub const NOT_FOUND: &str = "404.html";
/// The search index's folder, at the base (the name is the search bundle's own).
pub fn search_index() -> String {
    format!("{}/", crate::search::BUNDLE)
}
/// A language's search index, in the search index's folder.
pub fn search_index_of(lang: &str) -> String {
    crate::search::folder(lang)
}
/// The open data of a language's site (every published entry), below the language's start.
pub const ENTRIES_JSON: &str = "api/entries.json";
/// The same as CSV, beside the JSON.
pub const ENTRIES_CSV: &str = "api/entries.csv";
/// The JSON Schema of the open data, one for every language, at the base.
pub const ENTRIES_SCHEMA: &str = "api/entries.schema.json";
/// Where a page's HTML goes below its address.
pub const INDEX: &str = "index.html";
/// The folder of the tag pages (`tags/<slug>/`), below a language's start.
const TAGS: &str = "tags/";
/// The folder of a list's further pages, below the list's own address: `challenges/page/2/`.
/// The first page keeps the list's address.
const PAGED: &str = "page/";
/// Past this many addresses (or [`SITEMAP_MAX_BYTES`]), the sitemap is split: `sitemap.xml`
/// becomes an index of `sitemap-1.xml`, `sitemap-2.xml` … (the limits of sitemaps.org).
pub const SITEMAP_MAX_URLS: usize = 50_000;
/// The largest sitemap file sitemaps.org allows, uncompressed.
pub const SITEMAP_MAX_BYTES: usize = 50 * 1024 * 1024;

macro_rules! lists {
    ($( $variant:ident = $rel:literal, $indexed:literal, $what:literal; )*) => {
        /// The pages every language has at a fixed address, which no file stands for.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Fixed { $( $variant ),* }

        impl Fixed {
            pub const ALL: &'static [Fixed] = &[ $( Fixed::$variant ),* ];

            /// The address below a language's start (ends with `/`).
            pub fn rel(self) -> &'static str {
                match self { $( Fixed::$variant => $rel ),* }
            }

            /// Whether search engines are pointed at it (listed in the sitemap).
            pub fn indexed(self) -> bool {
                match self { $( Fixed::$variant => $indexed ),* }
            }

            /// What the page is, for "this id is reserved" messages: a catalogue key.
            pub fn what(self) -> &'static str {
                match self { $( Fixed::$variant => $what ),* }
            }
        }
    };
}

lists! {
    // variant = address, in the sitemap, what it is (a key of the message catalogues)
    Challenges = "challenges/", true, "reserved-challenges";
    Solutions = "solutions/", true, "reserved-solutions";
    OpenChallenges = "open-challenges/", true, "reserved-open-challenges";
    Tags = "tags/", true, "reserved-tags";
    Search = "search/", false, "reserved-search";
}

impl Fixed {
    /// The pages that list what the guide holds (entries, tags): all but search.
    pub fn listings() -> impl Iterator<Item = Fixed> {
        Fixed::ALL.iter().copied().filter(|&f| f != Fixed::Search)
    }
}

/// Top-level folders that hold files rather than pages, with what they hold.
const FOLDERS: &[(&str, &str)] = &[("assets", "reserved-assets")];

/// The number of a page of a list, from 1.
pub type PageNo = u32;

/// One HTML page of a language's site. An area, a list, the tag index and a tag's page are
/// split into numbered pages (the render model decides how many); the number is part of
/// the page, and page 1 keeps the address of the whole.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Page {
    Home,
    /// A page of an area: its id (folder name) and the page's number.
    Area(String, PageNo),
    /// An entry or a standalone page: its index in `Guide::docs`. Its address is the
    /// document's own (`Doc::url`).
    Doc(usize),
    /// A page of a list or of the tag index, or the search page (always 1).
    Fixed(Fixed, PageNo),
    /// A page of a tag's entries: the tag's slug and the page's number.
    Tag(String, PageNo),
    NotFound,
}

impl Page {
    /// The address below a language's start, for every page but a document's (whose
    /// address, language included, is `Doc::url`) and the 404 page (which has none).
    pub fn rel(&self) -> Option<String> {
        let first = match self {
            Page::Home => return Some(String::new()),
            Page::Area(a, _) => area(a),
            Page::Fixed(f, _) => f.rel().to_string(),
            Page::Tag(slug, _) => tag(slug),
            Page::Doc(_) | Page::NotFound => return None,
        };
        Some(paged(&first, self.number()))
    }

    /// Which page of its list this is: 1 for the first, and for a page that is not split.
    pub fn number(&self) -> PageNo {
        match self {
            Page::Area(_, n) | Page::Fixed(_, n) | Page::Tag(_, n) => *n,
            Page::Home | Page::Doc(_) | Page::NotFound => 1,
        }
    }

    /// The same list's page number `n` (a page that is not split stays itself).
    pub fn numbered(&self, n: PageNo) -> Page {
        match self {
            Page::Area(a, _) => Page::Area(a.clone(), n),
            Page::Fixed(f, _) => Page::Fixed(*f, n),
            Page::Tag(t, _) => Page::Tag(t.clone(), n),
            other => other.clone(),
        }
    }

    /// Whether the sitemap lists it: a generated page with an address that search engines
    /// may index (a document's page is in the sitemap when it is published). Of a list split
    /// into pages, only the first: the entries on the others are in the sitemap themselves.
    pub fn in_sitemap(&self) -> bool {
        self.number() == 1
            && match self {
                Page::Home | Page::Area(..) | Page::Tag(..) => true,
                Page::Fixed(f, _) => f.indexed(),
                Page::Doc(_) | Page::NotFound => false,
            }
    }
}

/// The address of page `n` of the list at `first` (the address of its first page):
/// `challenges/` for 1, `challenges/page/2/` for 2.
pub fn paged(first: &str, n: PageNo) -> String {
    if n <= 1 {
        first.to_string()
    } else {
        format!("{first}{PAGED}{n}/")
    }
}

/// The list address and page number of an address that may be a later page of a list:
/// `challenges/page/2/` → (`challenges/`, 2); anything else is its own page 1.
pub fn unpaged(rel: &str) -> (&str, PageNo) {
    let numbered = rel.strip_suffix('/').and_then(|r| {
        let (rest, n) = r.rsplit_once('/')?;
        let first = rest.strip_suffix(PAGED.trim_end_matches('/'))?;
        let n: PageNo = n.parse().ok().filter(|&n| n >= 2)?;
        // A page number is written in digits alone, without a sign or leading zero.
        (n.to_string() == r[rest.len() + 1..]).then_some((first, n))
    });
    match numbered {
        Some((first, n)) if first.is_empty() || first.ends_with('/') => (first, n),
        _ => (rel, 1),
    }
}

/// The sitemap file number `n` (from 1) when the sitemap is split: `sitemap-1.xml`.
pub fn sitemap_part(n: usize) -> String {
    format!("sitemap-{n}.xml")
}

/// The start of a language's pages: `""` for the default language, `en/` for English …
pub fn lang_prefix(lang: &str, default_lang: &str) -> String {
    if lang == default_lang {
        String::new()
    } else {
        format!("{lang}/")
    }
}

/// Where a document's page goes: what the document is, with its id and area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place<'a> {
    Home,
    Area(&'a str),
    Entry { area: &'a str, id: &'a str },
    Page(&'a str),
}

/// The address of a document: `""` for the home page, `aldreomsorg/`,
/// `aldreomsorg/digital-nyckel/`, `om-guiden/`, with `en/` in front for a language other
/// than the default.
pub fn doc(place: Place, lang: &str, default_lang: &str) -> String {
    let mut url = lang_prefix(lang, default_lang);
    match place {
        Place::Home => {}
        Place::Area(id) | Place::Page(id) => {
            url.push_str(id);
            url.push('/');
        }
        Place::Entry { area, id } => {
            url.push_str(area);
            url.push('/');
            url.push_str(id);
            url.push('/');
        }
    }
    url
}

/// An area's page, below a language's start.
pub fn area(id: &str) -> String {
    format!("{id}/")
}

/// A tag's page, below a language's start.
pub fn tag(slug: &str) -> String {
    format!("{TAGS}{slug}/")
}

/// An area's feed, below a language's start.
pub fn area_feed(id: &str) -> String {
    format!("{id}/{FEED}")
}

/// The Atom feed of open challenges, below a language's start: the whole guide's, or an
/// area's.
pub fn open_feed(area: Option<&str>) -> String {
    match area {
        None => format!("{}{FEED}", Fixed::OpenChallenges.rel()),
        Some(a) => format!("{a}/open-challenges.xml"),
    }
}

/// The file a page's address is written to: `x/` → `x/index.html`.
pub fn output(rel: &str) -> String {
    format!("{rel}{INDEX}")
}

/// The address of a written file, for live reload: `x/index.html` → `x/`.
pub fn of_output(path: &str) -> &str {
    path.strip_suffix(INDEX).unwrap_or(path)
}

/// Why an id cannot be used for a page or area at the top level of the site: the site's
/// own pages and folders, and the start of each language's pages.
pub fn reserved(id: &str, config: &crate::config::Config) -> Option<crate::i18n::Msg> {
    Fixed::ALL
        .iter()
        .find(|f| f.rel().strip_suffix('/') == Some(id))
        .map(|f| f.what())
        .or_else(|| FOLDERS.iter().find(|(n, _)| *n == id).map(|(_, w)| *w))
        .or_else(|| config.has_language(id).then_some("reserved-language"))
        .map(crate::i18n::Msg::new)
}

/// Why an alias cannot be an address on the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadAlias {
    /// Nothing is left (``, `/`, `.`, `./`): that is the home page's address.
    Home,
    /// A full address (`https://…`), `..`, `?`, `#`, `\`, a space or a control character.
    NotAPath,
    /// A part over [`MAX_ALIAS_PART`] bytes or a whole over [`MAX_ALIAS_LEN`]: no file
    /// system could hold the redirect page.
    TooLong,
}

/// The longest part of an alias between two `/` (a file or folder name), in bytes.
pub const MAX_ALIAS_PART: usize = 200;
/// The longest alias, in bytes.
pub const MAX_ALIAS_LEN: usize = 1000;

/// An alias as a site path relative to the base, in its one normal spelling: no leading
/// `/`, no empty (`//`) or `.` parts, a trailing `/` unless the last part is a file name
/// (`gammal.html`). The check (collisions) and the build (redirect pages) both use this,
/// so an alias that passes the check is exactly the address the build writes.
pub fn alias(alias: &str) -> Result<String, BadAlias> {
    let a = alias.trim();
    if a.contains("://")
        || a.chars()
            .any(|c| c.is_control() || c.is_whitespace() || matches!(c, '?' | '#' | '\\'))
    {
        return Err(BadAlias::NotAPath);
    }
    let mut parts: Vec<&str> = Vec::new();
    for part in a.split('/') {
        match part {
            "" | "." => {}
            ".." => return Err(BadAlias::NotAPath),
            p if p.len() > MAX_ALIAS_PART => return Err(BadAlias::TooLong),
            p => parts.push(p),
        }
    }
    if parts.is_empty() {
        return Err(BadAlias::Home);
    }
    let joined = parts.join("/");
    if joined.len() > MAX_ALIAS_LEN {
        return Err(BadAlias::TooLong);
    }
    let last = parts[parts.len() - 1];
    Ok(if a.ends_with('/') || !last.contains('.') {
        format!("{joined}/")
    } else {
        joined
    })
}

/// What the site's own pages and files are, for a link check: is `rel` (below the base,
/// any language) an address the build makes that no Markdown file stands for? `is_tag`
/// and `is_area` say whether a tag slug or an area id exists. A later page of a list, an
/// area or a tag (`challenges/page/3/`) counts when the list exists: how many pages it has
/// depends on what is published, which a check of the sources does not decide.
pub fn is_generated(
    rel: &str,
    languages: &[String],
    is_tag: impl Fn(&str) -> bool,
    is_area: impl Fn(&str) -> bool,
) -> bool {
    let rel = languages
        .iter()
        .find_map(|l| rel.strip_prefix(l.as_str())?.strip_prefix('/'))
        .unwrap_or(rel);
    let (first, n) = unpaged(rel);
    let tag_slug = first
        .strip_prefix(TAGS)
        .and_then(|t| t.strip_suffix('/'))
        .filter(|t| !t.is_empty() && !t.contains('/'));
    if let Some(slug) = tag_slug {
        return is_tag(slug);
    }
    if n > 1 {
        return Fixed::listings().any(|f| f.rel() == first)
            || first
                .strip_suffix('/')
                .is_some_and(|a| !a.contains('/') && is_area(a));
    }
    rel.is_empty()
        || [FEED, SITEMAP, ENTRIES_JSON, ENTRIES_CSV, ENTRIES_SCHEMA].contains(&rel)
        || rel == open_feed(None)
        || rel
            .strip_suffix("/open-challenges.xml")
            .is_some_and(&is_area)
        || Fixed::ALL.iter().any(|f| f.rel() == rel)
        || rel
            .strip_suffix(FEED)
            .and_then(|a| a.strip_suffix('/'))
            .is_some_and(is_area)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_addresses() {
        assert_eq!(doc(Place::Home, "sv", "sv"), "");
        assert_eq!(doc(Place::Home, "en", "sv"), "en/");
        let entry = Place::Entry {
            area: "skola",
            id: "x",
        };
        assert_eq!(doc(entry, "sv", "sv"), "skola/x/");
        assert_eq!(doc(Place::Page("om"), "en", "sv"), "en/om/");
        assert_eq!(doc(Place::Area("skola"), "sv", "sv"), "skola/");
    }

    #[test]
    fn a_list_keeps_its_address_on_page_one_and_numbers_the_others() {
        assert_eq!(
            Page::Fixed(Fixed::Challenges, 1).rel().unwrap(),
            "challenges/"
        );
        assert_eq!(
            Page::Fixed(Fixed::Challenges, 2).rel().unwrap(),
            "challenges/page/2/"
        );
        assert_eq!(Page::Tag("ai".into(), 7).rel().unwrap(), "tags/ai/page/7/");
        assert_eq!(Page::Area("skola".into(), 1).rel().unwrap(), "skola/");
        assert_eq!(Page::Fixed(Fixed::Tags, 3).rel().unwrap(), "tags/page/3/");
        for n in [1, 2, 9, 10, 2000] {
            for p in [
                Page::Fixed(Fixed::Solutions, n),
                Page::Tag("e-tjanster".into(), n),
                Page::Area("skola".into(), n),
            ] {
                let rel = p.rel().unwrap();
                let first = p.numbered(1).rel().unwrap();
                assert_eq!(unpaged(&rel), (first.as_str(), n), "{rel}");
            }
        }
        assert_eq!(unpaged("skola/x/"), ("skola/x/", 1));
        assert_eq!(unpaged("challenges/page/01/"), ("challenges/page/01/", 1));
        assert!(Page::Fixed(Fixed::Challenges, 1).in_sitemap());
        assert!(!Page::Fixed(Fixed::Challenges, 2).in_sitemap());
        assert!(!Page::Fixed(Fixed::Search, 1).in_sitemap());
    }

    #[test]
    fn reserved_ids_follow_from_the_pages() {
        let config = crate::config::Config::default();
        for f in Fixed::ALL {
            let id = f.rel().trim_end_matches('/');
            assert_eq!(
                reserved(id, &config),
                Some(crate::i18n::Msg::new(f.what())),
                "{id}"
            );
        }
        assert!(reserved("assets", &config).is_some());
        assert!(reserved(&config.default_language, &config).is_some());
        assert_eq!(reserved("om-guiden", &config), None);
    }

    #[test]
    fn generated_pages_are_recognised_in_every_language() {
        let langs = vec!["sv".to_string(), "en".to_string()];
        let tag = |t: &str| t == "ai";
        let area = |a: &str| a == "skola";
        for rel in [
            "",
            "en/",
            "challenges/",
            "en/open-challenges/",
            "tags/ai/",
            "en/tags/ai/",
            "feed.xml",
            "skola/feed.xml",
            "sitemap.xml",
            "search/",
            "api/entries.json",
            "en/api/entries.csv",
            "open-challenges/feed.xml",
            "skola/open-challenges.xml",
            "challenges/page/2/",
            "en/open-challenges/page/40/",
            "tags/page/3/",
            "tags/ai/page/2/",
            "skola/page/2/",
            "en/skola/page/12/",
        ] {
            assert!(is_generated(rel, &langs, tag, area), "{rel}");
        }
        for rel in [
            "tags/ml/",
            "vard/feed.xml",
            "vard/open-challenges.xml",
            "x/",
            "tags/a/b/",
            "entries/",
            // The first page keeps the list's address; no page 0, no other spellings.
            "challenges/page/1/",
            "challenges/page/0/",
            "challenges/page/02/",
            "challenges/page/x/",
            "search/page/2/",
            "page/2/",
            "vard/page/2/",
            "tags/ml/page/2/",
        ] {
            assert!(!is_generated(rel, &langs, tag, area), "{rel}");
        }
    }
}
