//! Encoding: the bytes of Pagefind 1.6.0's files and their names.
//!
//! Its binary files are CBOR, every structure an array of its fields in order (as its
//! `minicbor` derive writes them), prefixed with `pagefind_dcd` and gzipped; their names are
//! the language and the start of a SHA-1 of the CBOR, lengthened while two files of a kind
//! would share one. Not here: what goes in them (`index.rs`).

use std::io::Write;

use flate2::write::GzEncoder;
use flate2::Compression;
use sha1::{Digest, Sha1};

/// The gzip level of the index files (Pagefind uses 9). To be measured.
pub const GZIP_LEVEL: u32 = 3;

/// SHA-1 in hex as Pagefind spells it: each byte without a leading zero (`0a` is `a`), so
/// the string is 20 to 40 characters long.
pub fn sha1_hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let digest = Sha1::digest(bytes);
    let mut out = String::with_capacity(40);
    for b in digest {
        let _ = write!(out, "{b:x}");
    }
    out
}

/// Gzips `pagefind_dcd` followed by `payload`, as Pagefind's compressed files are.
pub fn gzip(payload: &[u8], level: u32) -> Vec<u8> {
    let mut gz = GzEncoder::new(
        Vec::with_capacity(payload.len() / 2 + 64),
        Compression::new(level),
    );
    gz.write_all(b"pagefind_dcd")
        .and_then(|()| gz.write_all(payload))
        .expect("writing to memory");
    gz.finish().expect("writing to memory")
}

/// Names for files of one kind, given in order: `{lang}_` and the first seven characters
/// of the hash, or more while that name is taken.
pub struct Names {
    taken: rustc_hash::FxHashSet<String>,
    /// Fragments lengthen a taken name one character at a time; index and filter chunks two
    /// at a time, and keep the whole hash when it runs out (Pagefind's two ways).
    step: usize,
}

impl Names {
    pub fn for_fragments() -> Self {
        Names {
            taken: Default::default(),
            step: 1,
        }
    }

    pub fn for_chunks() -> Self {
        Names {
            taken: Default::default(),
            step: 2,
        }
    }

    /// The name for a file whose full hash (with its `{lang}_` prefix) is `full`.
    pub fn name(&mut self, full: &str, lang: &str) -> String {
        let mut len = (lang.len() + 8).min(full.len());
        while self.taken.contains(&full[..len]) && len < full.len() {
            len = (len + self.step).min(full.len());
        }
        let name = full[..len].to_string();
        self.taken.insert(name.clone());
        name
    }
}

/// A CBOR writer into memory: definite lengths, every number in its shortest form (what
/// Pagefind's `minicbor` writes).
#[derive(Default)]
pub struct Cbor(Vec<u8>);

impl Cbor {
    pub fn new(capacity: usize) -> Self {
        Cbor(Vec::with_capacity(capacity))
    }

    /// A major type and its argument.
    fn head(&mut self, major: u8, n: u64) {
        let m = major << 5;
        if n < 24 {
            self.0.push(m | n as u8);
        } else if n <= 0xff {
            self.0.extend_from_slice(&[m | 24, n as u8]);
        } else if n <= 0xffff {
            self.0.push(m | 25);
            self.0.extend_from_slice(&(n as u16).to_be_bytes());
        } else if n <= 0xffff_ffff {
            self.0.push(m | 26);
            self.0.extend_from_slice(&(n as u32).to_be_bytes());
        } else {
            self.0.push(m | 27);
            self.0.extend_from_slice(&n.to_be_bytes());
        }
    }

    pub fn array(&mut self, len: usize) -> &mut Self {
        self.head(4, len as u64);
        self
    }

    pub fn str(&mut self, s: &str) -> &mut Self {
        self.head(3, s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
        self
    }

    pub fn uint(&mut self, n: u64) -> &mut Self {
        self.head(0, n);
        self
    }

    pub fn int(&mut self, n: i32) -> &mut Self {
        if n >= 0 {
            self.head(0, n as u64);
        } else {
            self.head(1, (-1 - i64::from(n)) as u64);
        }
        self
    }

    /// An array of integers.
    pub fn ints(&mut self, ns: impl ExactSizeIterator<Item = i32>) -> &mut Self {
        self.array(ns.len());
        for n in ns {
            self.int(n);
        }
        self
    }

    /// Bytes already encoded.
    pub fn raw(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.extend_from_slice(bytes);
        self
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_spelled_without_leading_zeros() {
        // SHA-1("abc") = a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d
        assert_eq!(sha1_hex(b"abc"), "a9993e36476816aba3e25717850c26c9cd0d89d");
    }

    #[test]
    fn taken_names_are_lengthened() {
        let mut fragments = Names::for_fragments();
        assert_eq!(fragments.name("sv_0123456789", "sv"), "sv_0123456");
        assert_eq!(fragments.name("sv_0123456abc", "sv"), "sv_0123456a");
        let mut chunks = Names::for_chunks();
        assert_eq!(chunks.name("sv_0123456789", "sv"), "sv_0123456");
        assert_eq!(chunks.name("sv_0123456abc", "sv"), "sv_0123456ab");
        assert_eq!(chunks.name("sv_0123456", "sv"), "sv_0123456");
    }

    #[test]
    fn cbor_is_minimal() {
        let mut c = Cbor::new(16);
        c.array(2)
            .str("a")
            .ints([0, 24, -1, -25, 256, -257].into_iter());
        c.uint(1 << 32).int(i32::MIN);
        assert_eq!(
            c.into_bytes(),
            [
                0x82, 0x61, b'a', 0x86, 0x00, 0x18, 24, 0x20, 0x38, 24, 0x19, 1, 0, 0x39, 1, 0,
                0x1b, 0, 0, 0, 1, 0, 0, 0, 0, 0x3a, 0x7f, 0xff, 0xff, 0xff
            ]
        );
    }

    #[test]
    fn gzip_round_trips_with_the_signature() {
        use std::io::Read;
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&gzip(b"xyz", 6)[..])
            .read_to_end(&mut out)
            .unwrap();
        assert_eq!(out, b"pagefind_dcdxyz");
    }
}
