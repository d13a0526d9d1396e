//! The index's files, byte for byte: how they are written and read back. One owner for the
//! format: the browser's reader (`assets/search.js`) follows this module, and the Rust
//! reader here serves the tests (round trips, and a query answered in Rust compared with the
//! browser's answer, `query.rs`).
//!
//! A language's index is a folder (`search/data/<lang>/`) of:
//!
//! - `manifest.json` (plain JSON, the only file fetched before a query's own): the format
//!   version, the build id (every other file is fetched with `?v=<build>`, so a browser never
//!   mixes two builds), the number of pages, the stemmer, the first term of every vocabulary
//!   shard but the first (shortened to the shortest prefix that still separates it from the
//!   shard before), the score of each of the 256 impacts, each filter's values, and the
//!   *common terms*: the [`COMMON_TERMS`] terms with a postings file of their own that are on
//!   the most pages, in byte order, each with its page count and the number of its file. The
//!   list repeats what their shards say, so that the browser asks for a common word's
//!   postings at once, beside its shard (or instead of it, for a word that is not a
//!   prefix), rather than a round trip after it: the answer is the shards' either way.
//! - `t/<n>.bin`, the vocabulary shards: the terms in byte order, cut into shards of
//!   at most [`shard_bytes`] (plus one term; 4–16 KB, by the size of the vocabulary).
//!   Per term: its bytes
//!   front-coded against the term before (shared prefix length, suffix), the number of pages
//!   that have it (`df`), then either its postings inline (when they take at most
//!   [`INLINE_BYTES`]: page gaps, then one impact byte per page) or the number of its own
//!   postings file.
//! - `p/<n>.bin`, the postings of a common term: every page that has it (a [set](#sets)),
//!   then its *head*: the [`HEAD`] pages where it weighs most, with their impacts, and one
//!   impact for every other page (the highest of them). A query reads one such file per
//!   common word, of at most about `pages / 8` bytes plus the head, however common.
//! - `d/<n>.json`: what the result of page `n` shows (`url`, `title`, `meta`: what it shows
//!   under its title), a few hundred bytes, fetched only for the results shown: the first
//!   results show as soon as these have come.
//! - `e/<n>.json`: the text the excerpt of page `n` is taken from (a JSON string: the
//!   summary and body, cut at [`TEXT_CHARS`] characters), fetched with `d/<n>.json` and
//!   shown when it comes. Two files rather than one because on a slow network ten results'
//!   texts (~2.5 KB each gzipped) took as long to come as the round trip before them; the
//!   small files come first (bench/README.md, "how soon its results show").
//! - `f/<k>-<i>.bin`: the pages with value `i` of filter `k` (a set), fetched only when that
//!   value is chosen.
//!
//! The `.bin` files are not compressed: their numbers are already as short as gzip would
//! make them (gzip took ~17 % off a shard), and gunzipping in the browser
//! (`DecompressionStream`) cost more time on a slow phone than the bytes it saved (measured
//! in bench/README.md). The JSON files are text, which hosts compress. Numbers are unsigned
//! LEB128 varints. Pages are numbered from 0 in the order of the records.
//!
//! ## Sets
//!
//! A mode byte, then either (0) the count and the gaps between ascending page numbers (the
//! first page itself, then each page minus the one before minus one), or (1) a bitmap of
//! `ceil(pages / 8)` bytes, page `i` in bit `i % 8` (lowest first) of byte `i / 8`, or (2),
//! for a set of more than 7/8 of the pages, the pages *not* in it as in (0): whichever is
//! smallest. A word on every page ("för") is then two bytes, not a 12.5 KB bitmap at
//! 100,000 pages.

/// Version of the format, in the manifest; the browser refuses another.
pub const VERSION: u32 = 3;
/// The smallest and largest size at which a shard is cut.
pub const SHARD_MIN: usize = 4 * 1024;
pub const SHARD_MAX: usize = 16 * 1024;

/// A shard is cut once its terms take this many bytes, for a vocabulary (terms and their
/// entries) of `vocabulary` bytes. A query reads the manifest, which names the first term
/// of every shard (about 5 bytes gzipped each), and one shard per word: for `w` words
/// about `5 · vocabulary / size + w · size` bytes, least at `size = √(5 · vocabulary / w)`.
/// Taken for two to three words, `√(2 · vocabulary)`, within 4–16 KB: ~4 KB at 10,000
/// entries, ~7.5 KB at 100,000 (measured in bench/README.md).
pub fn shard_bytes(vocabulary: usize) -> usize {
    let size = (2.0 * vocabulary as f64).sqrt() as usize;
    size.clamp(SHARD_MIN, SHARD_MAX)
}
/// A term's postings are inline in its shard while they take at most this many bytes.
pub const INLINE_BYTES: usize = 512;
/// How many terms the manifest's list of common terms holds (at most): ~9 KB gzipped a
/// thousand terms; at 100,000 entries every term on more than ~2,550 pages, at 10,000 on
/// more than ~260 (nearly every term with a file). 2,048 rather than 1,024: a pasted
/// query's first results came ~50 ms sooner on average, and from a link ~200 ms, for
/// ~8.7 KB more a query (bench/README.md, session 8).
pub const COMMON_TERMS: usize = 2048;
/// How many of a common term's pages carry their own impact.
pub const HEAD: usize = 384;
/// The longest excerpt text of a page, in characters.
pub const TEXT_CHARS: usize = 6000;

pub const MANIFEST: &str = "manifest.json";

pub fn shard_path(n: usize) -> String {
    format!("t/{n}.bin")
}
pub fn postings_path(n: usize) -> String {
    format!("p/{n}.bin")
}
pub fn page_path(n: usize) -> String {
    format!("d/{n}.json")
}
pub fn text_path(n: usize) -> String {
    format!("e/{n}.json")
}
pub fn filter_path(key: usize, value: usize) -> String {
    format!("f/{key}-{value}.bin")
}

pub fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

pub fn varint_len(mut n: u64) -> usize {
    let mut len = 1;
    while n >= 0x80 {
        n >>= 7;
        len += 1;
    }
    len
}

/// Ascending page numbers as gaps (see [Sets](self#sets)).
pub fn put_gaps(out: &mut Vec<u8>, pages: &[u32]) {
    let mut prev: Option<u32> = None;
    for &p in pages {
        put_varint(out, u64::from(p - prev.map_or(0, |q| q + 1)));
        prev = Some(p);
    }
}

fn gaps_len(pages: &[u32]) -> usize {
    let mut prev: Option<u32> = None;
    let mut len = 0;
    for &p in pages {
        len += varint_len(u64::from(p - prev.map_or(0, |q| q + 1)));
        prev = Some(p);
    }
    len
}

/// The pages of `0..page_count` not in `pages` (ascending).
fn missing(pages: &[u32], page_count: usize) -> Vec<u32> {
    let mut out = Vec::with_capacity(page_count.saturating_sub(pages.len()));
    let mut next = pages.iter().copied().peekable();
    for p in 0..page_count as u32 {
        if next.peek() == Some(&p) {
            next.next();
        } else {
            out.push(p);
        }
    }
    out
}

/// A set of ascending page numbers of an index of `page_count` pages.
pub fn put_set(out: &mut Vec<u8>, pages: &[u32], page_count: usize) {
    let bitmap = page_count.div_ceil(8);
    let list = varint_len(pages.len() as u64) + gaps_len(pages);
    // The pages it is not on, for a set of nearly every page (a word like "för").
    let absent = if pages.len() * 8 > page_count * 7 {
        Some(missing(pages, page_count))
    } else {
        None
    };
    let absent_len = absent
        .as_ref()
        .map_or(usize::MAX, |a| varint_len(a.len() as u64) + gaps_len(a));
    if list <= bitmap && list <= absent_len {
        out.push(0);
        put_varint(out, pages.len() as u64);
        put_gaps(out, pages);
    } else if let Some(absent) = absent.filter(|_| absent_len < bitmap) {
        out.push(2);
        put_varint(out, absent.len() as u64);
        put_gaps(out, &absent);
    } else {
        out.push(1);
        let start = out.len();
        out.resize(start + bitmap, 0);
        for &p in pages {
            out[start + (p as usize >> 3)] |= 1 << (p & 7);
        }
    }
}

/// A reader of the bytes of a file.
pub struct Reader<'a> {
    pub bytes: &'a [u8],
    pub at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    pub fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    pub fn byte(&mut self) -> Result<u8, String> {
        let b = *self.bytes.get(self.at).ok_or("the file ends too soon")?;
        self.at += 1;
        Ok(b)
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).ok_or("a length overflows")?;
        let s = self
            .bytes
            .get(self.at..end)
            .ok_or("the file ends too soon")?;
        self.at = end;
        Ok(s)
    }

    pub fn varint(&mut self) -> Result<u64, String> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err("a number is too long".into())
    }

    pub fn gaps(&mut self, count: usize) -> Result<Vec<u32>, String> {
        let mut out = Vec::with_capacity(count.min(1 << 20));
        let mut next: u64 = 0;
        for _ in 0..count {
            let p = next + self.varint()?;
            out.push(u32::try_from(p).map_err(|_| "a page number overflows")?);
            next = p + 1;
        }
        Ok(out)
    }

    pub fn set(&mut self, page_count: usize) -> Result<Vec<u32>, String> {
        match self.byte()? {
            0 => {
                let n = self.varint()? as usize;
                self.gaps(n)
            }
            1 => {
                let bits = self.take(page_count.div_ceil(8))?;
                let mut out = Vec::new();
                for (i, &b) in bits.iter().enumerate() {
                    for bit in 0..8 {
                        if b & (1 << bit) != 0 {
                            out.push((i * 8 + bit) as u32);
                        }
                    }
                }
                Ok(out)
            }
            2 => {
                let n = self.varint()? as usize;
                let absent = self.gaps(n)?;
                if absent.len() > page_count {
                    return Err("more pages missing than there are".into());
                }
                Ok(missing(&absent, page_count))
            }
            m => Err(format!("unknown set mode {m}")),
        }
    }
}

/// A term's postings as stored: inline in its shard, or in a postings file of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// Every page with its impact.
    Inline { pages: Vec<u32>, impacts: Vec<u8> },
    /// In `p/<file>.bin`.
    File(u32),
}

/// One term of a shard, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShardTerm {
    pub term: Vec<u8>,
    pub df: u32,
    pub stored: Stored,
}

/// The postings of a common term, as read from its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Common {
    pub pages: Vec<u32>,
    pub head: Vec<(u32, u8)>,
    pub floor: u8,
}

/// A term's entry in its shard, without the front-coded term (`put_term` adds it).
pub fn term_body(df: usize, stored: &Stored) -> Vec<u8> {
    let mut out = Vec::new();
    put_varint(&mut out, df as u64);
    match stored {
        Stored::Inline { pages, impacts } => {
            put_varint(&mut out, 0);
            put_gaps(&mut out, pages);
            out.extend_from_slice(impacts);
        }
        Stored::File(n) => put_varint(&mut out, u64::from(*n) + 1),
    }
    out
}

/// The inline form's size: would these postings fit in a shard?
pub fn inline_len(pages: &[u32]) -> usize {
    gaps_len(pages) + pages.len()
}

/// Appends a term front-coded against `prev`, then its body.
pub fn put_term(out: &mut Vec<u8>, prev: &[u8], term: &[u8], body: &[u8]) {
    let shared = prev.iter().zip(term).take_while(|(a, b)| a == b).count();
    put_varint(out, shared as u64);
    put_varint(out, (term.len() - shared) as u64);
    out.extend_from_slice(&term[shared..]);
    out.extend_from_slice(body);
}

/// A common term's postings file.
pub fn common_file(pages: &[u32], head: &[(u32, u8)], floor: u8, page_count: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(pages.len() + head.len() * 3);
    put_set(&mut out, pages, page_count);
    put_varint(&mut out, head.len() as u64);
    let head_pages: Vec<u32> = head.iter().map(|h| h.0).collect();
    put_gaps(&mut out, &head_pages);
    out.extend(head.iter().map(|h| h.1));
    out.push(floor);
    out
}

/// A shard's terms.
pub fn read_shard(bytes: &[u8]) -> Result<Vec<ShardTerm>, String> {
    let mut r = Reader::new(bytes);
    let count = r.varint()? as usize;
    let mut out: Vec<ShardTerm> = Vec::with_capacity(count.min(1 << 16));
    let mut prev: Vec<u8> = Vec::new();
    for _ in 0..count {
        let shared = r.varint()? as usize;
        let len = r.varint()? as usize;
        let mut term = prev
            .get(..shared)
            .ok_or("a shared prefix too long")?
            .to_vec();
        term.extend_from_slice(r.take(len)?);
        let df = r.varint()? as u32;
        let stored = match r.varint()? {
            0 => {
                let pages = r.gaps(df as usize)?;
                let impacts = r.take(df as usize)?.to_vec();
                Stored::Inline { pages, impacts }
            }
            n => Stored::File(u32::try_from(n - 1).map_err(|_| "a file number overflows")?),
        };
        prev.clone_from(&term);
        out.push(ShardTerm { term, df, stored });
    }
    if !r.done() {
        return Err("bytes after the last term".into());
    }
    Ok(out)
}

/// A common term's postings file.
pub fn read_common(bytes: &[u8], page_count: usize) -> Result<Common, String> {
    let mut r = Reader::new(bytes);
    let pages = r.set(page_count)?;
    let n = r.varint()? as usize;
    let head_pages = r.gaps(n)?;
    let impacts = r.take(n)?;
    let head = head_pages
        .into_iter()
        .zip(impacts.iter().copied())
        .collect();
    let floor = r.byte()?;
    if !r.done() {
        return Err("bytes after the postings".into());
    }
    Ok(Common { pages, head, floor })
}

/// The manifest of a language's index.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Manifest {
    pub format: u32,
    pub build: String,
    pub lang: String,
    /// The stemmer the browser applies to queries (`words::stemmer_name`), if any.
    pub stemmer: Option<String>,
    pub pages: usize,
    /// Shard `i + 1` starts at `shards[i]`; shard 0 at the start.
    pub shards: Vec<String>,
    /// The score of each impact (0–255), summed over a query's words.
    pub scores: Vec<u32>,
    /// `(key, values)`: value `i` of filter `k` is in `f/<k>-<i>.bin`.
    pub filters: Vec<(String, Vec<String>)>,
    /// The common terms (see the module's comment): `(term, pages, file)`, in byte order.
    #[serde(default)]
    pub common: Vec<(String, u32, u32)>,
}

/// What a page's file (`d/<n>.json`) holds: what its result shows. The excerpt's text is in
/// a file of its own (`e/<n>.json`, a JSON string).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PageFile {
    pub url: String,
    pub title: String,
    pub meta: Vec<String>,
}

/// The shortest prefix of `next` that sorts after `prev` (`prev < next`): where a shard
/// starting at `next` may say it starts.
pub fn separator<'a>(prev: &[u8], next: &'a [u8]) -> &'a [u8] {
    let shared = prev.iter().zip(next).take_while(|(a, b)| a == b).count();
    let mut end = (shared + 1).min(next.len());
    // A prefix must end at a character boundary to be a string.
    while end < next.len() && (next[end] & 0xC0) == 0x80 {
        end += 1;
    }
    &next[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_round_trip_as_gaps_a_bitmap_or_the_pages_missing_whichever_is_smaller() {
        for (pages, count, mode) in [
            (vec![], 10, 0),
            (vec![0, 1, 2, 300, 70_000], 100_000, 0),
            ((0..5000).map(|i| i * 2).collect::<Vec<u32>>(), 10_000, 1),
            // Every page: none missing (it was a bitmap before format 3).
            ((0..10_000).collect(), 10_000, 2),
            (vec![7], 8, 1),
            (vec![7], 64, 0),
            // Nearly every page: the few it is not on.
            (
                (0..100_000).filter(|&p| p % 1000 != 7).collect(),
                100_000,
                2,
            ),
            ((0..10_000).collect(), 100_000, 0),
            ((0..100_000).collect(), 100_000, 2),
            // Every page of a small index but one: a bitmap is as short.
            ((1..16).collect(), 16, 1),
        ] {
            let mut out = Vec::new();
            put_set(&mut out, &pages, count);
            assert_eq!(out[0], mode, "{} pages of {count}", pages.len());
            assert!(
                out.len() <= count.div_ceil(8) + 1,
                "never more than a bitmap"
            );
            let mut r = Reader::new(&out);
            assert_eq!(r.set(count).unwrap(), pages);
            assert!(r.done());
        }
    }

    #[test]
    fn shards_round_trip_with_front_coded_terms() {
        let terms: Vec<(Vec<u8>, Stored, usize)> = vec![
            (
                b"nyckel".to_vec(),
                Stored::Inline {
                    pages: vec![3, 9, 200],
                    impacts: vec![1, 255, 40],
                },
                3,
            ),
            (b"nyckl".to_vec(), Stored::File(12), 5000),
            ("nyckl\u{e5}".as_bytes().to_vec(), Stored::File(0), 700),
        ];
        let mut bytes = Vec::new();
        put_varint(&mut bytes, terms.len() as u64);
        let mut prev: &[u8] = b"";
        for (term, stored, df) in &terms {
            put_term(&mut bytes, prev, term, &term_body(*df, stored));
            prev = term;
        }
        let read = read_shard(&bytes).unwrap();
        let want: Vec<ShardTerm> = terms
            .into_iter()
            .map(|(term, stored, df)| ShardTerm {
                term,
                df: df as u32,
                stored,
            })
            .collect();
        assert_eq!(read, want);
        assert!(read_shard(&bytes[..bytes.len() - 1]).is_err());
    }

    #[test]
    fn common_postings_round_trip() {
        let pages: Vec<u32> = (0..3000).map(|i| i * 3).collect();
        let head = vec![(3, 200), (900, 255), (8997, 90)];
        let bytes = common_file(&pages, &head, 12, 9000);
        let read = read_common(&bytes, 9000).unwrap();
        assert_eq!(
            read,
            Common {
                pages,
                head,
                floor: 12
            }
        );
    }

    #[test]
    fn shards_grow_with_the_vocabulary_within_bounds() {
        assert_eq!(shard_bytes(0), SHARD_MIN);
        assert_eq!(shard_bytes(5_000_000), SHARD_MIN, "10,000 entries");
        assert!(
            (7_000..8_000).contains(&shard_bytes(28_000_000)),
            "100,000 entries"
        );
        assert_eq!(shard_bytes(usize::MAX / 4), SHARD_MAX);
    }

    #[test]
    fn separators_are_the_shortest_prefix_after_the_previous_term() {
        assert_eq!(separator(b"bygglov", b"byggnad"), b"byggn");
        assert_eq!(separator(b"ab", b"abc"), b"abc");
        assert_eq!(separator(b"a", "\u{e5}r".as_bytes()), "\u{e5}".as_bytes());
    }
}
