//! The search index against Pagefind itself: the same records go through
//! `pagefind::api::PagefindIndex` (one `add_custom_record` each, as signpost once did) and
//! through signpost's own indexer (`signpost::search::build`), and the two must give the same
//! file names and, gunzipped, the same bytes. Run on the sample guide's real records and on
//! records made to stress the word rules, the page and language rules, and the chunking.
//!
//! `SIGNPOST_ORACLE_GUIDE=/tmp/g10k cargo test --release --test search_oracle -- --ignored`
//! runs it on another guide as well (a generated one from bench/, say; slow with Pagefind).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use signpost::search::Record;

/// What Pagefind writes for `records`: path under the site root → bytes, gunzipped, its
/// ready-made interfaces left out.
fn by_pagefind(records: &[Record]) -> BTreeMap<String, Vec<u8>> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let files = runtime.block_on(async {
        let options = PagefindServiceConfig::builder()
            .keep_index_url(false)
            .build();
        let mut index = PagefindIndex::new(Some(options)).unwrap();
        for r in records {
            index
                .add_custom_record(
                    r.url.clone(),
                    r.content.clone(),
                    r.lang.clone(),
                    Some(r.meta.clone()),
                    Some(r.filters.clone()),
                    None,
                )
                .await
                .unwrap();
        }
        index.get_files().await.unwrap()
    });
    files
        .into_iter()
        .map(|f| (f.filename.to_string_lossy().replace('\\', "/"), f.contents))
        .filter(|(name, _)| {
            ![
                "pagefind-ui.",
                "pagefind-component-ui.",
                "pagefind-modular-ui.",
                "pagefind-highlight.",
            ]
            .iter()
            .any(|p| name.starts_with(p))
        })
        .map(|(name, bytes)| (format!("pagefind/{name}"), gunzip(bytes)))
        .collect()
}

/// What signpost writes for `records`, gunzipped.
fn by_signpost(records: &[Record]) -> BTreeMap<String, Vec<u8>> {
    let files = signpost::search::build(records.to_vec()).unwrap();
    let count = files.len();
    let map: BTreeMap<_, _> = files.into_iter().map(|(n, b)| (n, gunzip(b))).collect();
    assert_eq!(map.len(), count, "a file name twice");
    map
}

fn gunzip(bytes: Vec<u8>) -> Vec<u8> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return bytes;
    }
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_end(&mut out)
        .expect("valid gzip");
    assert!(
        out.starts_with(b"pagefind_dcd"),
        "a compressed file without Pagefind's signature"
    );
    out
}

/// Asserts both indexers give the same files; returns how many.
fn assert_same(what: &str, records: &[Record]) -> usize {
    let expected = by_pagefind(records);
    let got = by_signpost(records);
    let names = |m: &BTreeMap<String, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
    let missing: Vec<_> = names(&expected)
        .into_iter()
        .filter(|n| !got.contains_key(n))
        .collect();
    let extra: Vec<_> = names(&got)
        .into_iter()
        .filter(|n| !expected.contains_key(n))
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{what}: file names differ\n  only Pagefind's: {missing:?}\n  only signpost's: {extra:?}"
    );
    for (name, want) in &expected {
        let have = &got[name];
        if want != have {
            let at = want
                .iter()
                .zip(have.iter())
                .take_while(|(a, b)| a == b)
                .count();
            let window = |b: &[u8]| {
                String::from_utf8_lossy(&b[at.saturating_sub(40)..(at + 80).min(b.len())])
                    .into_owned()
            };
            panic!(
                "{what}: {name} differs at byte {at} (lengths {} and {})\n  Pagefind's: {:?}\n  signpost's: {:?}",
                want.len(),
                have.len(),
                window(want),
                window(have)
            );
        }
    }
    expected.len()
}

fn record(
    url: &str,
    lang: &str,
    content: &str,
    meta: &[(&str, &str)],
    filters: &[(&str, &[&str])],
) -> Record {
    Record {
        url: url.into(),
        lang: lang.into(),
        content: content.into(),
        meta: meta
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        filters: filters
            .iter()
            .map(|(k, vs)| (k.to_string(), vs.iter().map(|v| v.to_string()).collect()))
            .collect(),
    }
}

#[test]
fn the_sample_guide_indexes_as_pagefind_indexes_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let records = guide_records(root);
    assert!(
        records.len() > 10,
        "the sample guide has {} records",
        records.len()
    );
    assert!(records.iter().any(|r| r.lang == "sv") && records.iter().any(|r| r.lang == "en"));
    let files = assert_same("sample guide", &records);
    assert!(files > records.len(), "{files} files");
}

fn guide_records(root: &Path) -> Vec<Record> {
    let guide = signpost::content::load(
        root,
        &signpost::LoadOptions {
            render: true,
            base_url: None,
        },
    )
    .unwrap();
    let renderer = signpost::render::Renderer::new(&guide).unwrap();
    let opts = signpost::render::RenderOptions {
        drafts: false,
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
    };
    signpost::render::search_records(&renderer.models(&guide, &opts).expect("models"))
}

#[test]
#[ignore = "needs SIGNPOST_ORACLE_GUIDE=<path of a guide>; slow"]
fn another_guide_indexes_as_pagefind_indexes_it() {
    let root = std::env::var("SIGNPOST_ORACLE_GUIDE").expect("SIGNPOST_ORACLE_GUIDE");
    let records = guide_records(Path::new(&root));
    let files = assert_same(&root, &records);
    eprintln!("{} records, {files} files alike", records.len());
}

#[test]
fn swedish_words_with_diacritics_and_inflections() {
    let records = vec![
        record(
            "/sv/nycklar/",
            "sv",
            "Nycklarna till e-tjänsten finns hos kommunen. Nyckel, nycklar, nyckeln!\n\
             Äldreomsorg, äldreomsorgen; ÄLDREOMSORGEN. Översikt: öppna, Öppna, ÖPPNA.\n\
             Åtgärder åtgärd åtgärderna — bygglov tar lång tid, längre tider, långa.\n\
             Hemtjänst hemtjänsten hemtjanst. Skärmläsare skärmläsaren. Må bra, mår bättre.",
            &[
                ("title", "Nycklar och e-tjänster i äldreomsorgen"),
                (
                    "summary",
                    "Hur kommunen hanterar nycklar — åtgärder för hemtjänst.",
                ),
            ],
            &[("area", &["Äldreomsorg"]), ("type", &["Utmaning"])],
        ),
        record(
            "/sv/bygglov/",
            "sv",
            "Bygglovet tar för lång tid. Handläggningstiden är lång; ansökningar, ansökan.\n\
             Ärenden ärendet ärendena Ärende. Kö köer köerna. Väntetider: väntetid!",
            &[
                ("title", "Bygglov tar lång tid"),
                ("summary", "Långa köer för bygglov."),
            ],
            &[("area", &["Bygglov"]), ("type", &["Utmaning"])],
        ),
        record(
            "/sv/losning/",
            "sv",
            "Digitala nyckelskåp: låsboxar och nyckelfria lås. Lås, låset, låsen. Nycklarna!",
            &[
                ("title", "Digitala lås"),
                ("summary", "En lösning för nycklar."),
            ],
            &[
                ("area", &["Äldreomsorg"]),
                ("type", &["Lösning"]),
                ("kind", &["Tjänst"]),
            ],
        ),
    ];
    assert_same("Swedish", &records);
}

#[test]
fn english_text() {
    let records = vec![
        record(
            "/en/a/",
            "en",
            "The quick brown foxes are jumping over the lazy dogs. Running, runs, ran; \
             connection connections connected. Caf\u{e9} na\u{ef}ve r\u{e9}sum\u{e9} resume.",
            &[
                ("title", "Foxes and dogs"),
                ("summary", "Running connections."),
            ],
            &[("type", &["Challenge"])],
        ),
        record(
            "/en/b/",
            "en",
            "Municipalities publish open data; accessibility matters. It's the users' choice.",
            &[("title", "Open data")],
            &[],
        ),
    ];
    assert_same("English", &records);
}

#[test]
fn compounds_dotted_words_camel_case_numbers_and_punctuation() {
    let records = vec![
        record(
            "/sv/punkter/",
            "sv",
            "e-tjänst e-tjänsterna 1.2.3 www.example.se https://www.example.se/sida?a=1&amp;b=2 \
             sysconfig.is_python_build a.b.c foo..bar .dotstart slut. v2.0-beta Ärende.Öppet.Stängt \
             ThreeAntelopes WKWebVIEWComponent iPhone eTjänstPortalen XMLHttpRequest snake_case_word __init__ \
             2026 3,5 10-15 1 000 000 §12 50% 24/7 0.5 kr 1:a 2:a 08-123 45 67 +46(0)8 \
             \"citat\" (parentes) [hakar] {klammer} — tankstreck–kort don\u{2019}t l'alphabet ... !!! ?¿ \
             «guillemets» „citat“ a/b c\\d &amp; &lt;tagg&gt; ___ _ - -- \u{2013} \
             aa-bb-cc-dd-ee-ff-gg-hh-ii-jj-kk-ll-mm-nn many/parts/share/one/weight/between/them/all/here",
            &[("title", "Punkter.och-streck i_ord 1.2.3"), ("summary", "www.example.se e-tjänst")],
            &[("type", &["Utmaning"])],
        ),
        record(
            "/en/dots/",
            "en",
            "page.Find cloud/cannon,page.find node.js Node.JS ASP.NET .NET C# C++ F# \
             3.14159 1,000.00 e.g. i.e. U.S.A. Dr. Mr.Smith x86_64 AMD64 IPv6 utf-8 UTF8",
            &[("title", "Dots and cases")],
            &[],
        ),
    ];
    assert_same("compounds", &records);
}

#[test]
fn emoji_and_unusual_characters() {
    let records = vec![record(
        "/sv/emoji/",
        "sv",
        "hej👋 🌦️ cloud🌦️cannon 👨‍👩‍👧‍👦 ❤️ ©2024 #hashtag *stjärna* 🇸🇪 flagga 1️⃣ \
         ﬁnans Straße ǅemal İstanbul ΣΟΦΟΣ ﹍x﹍ a\u{200B}b \u{200B} e\u{301}clair \
         ハンバーガー バックアップ テスト 東京 한국어 naïve coöperation",
        &[("title", "Emoji 👋 och tecken"), ("summary", "🌦️ väder")],
        &[("type", &["Utmaning"])],
    )];
    assert_same("emoji", &records);
}

#[test]
fn repeated_pages_replaced_urls_meta_fields_filters_and_empty_pages() {
    let same = "Samma text på flera sidor, samma ord: nyckel nyckel nyckel.";
    let meta: &[(&str, &str)] = &[
        ("title", "Samma"),
        ("summary", "Samma sammanfattning"),
        ("area", "Äldreomsorg"),
        ("type", "Utmaning"),
        ("extra", "Åre östra ___PAGEFIND_hidden kvar"),
        ("zzz", "sista fältet nyckel"),
    ];
    let records = vec![
        record(
            "/a/",
            "sv",
            same,
            meta,
            &[("tag", &["a", "b", "a"]), ("area", &["Äldreomsorg"])],
        ),
        record("/b/", "sv", same, meta, &[("tag", &["b"]), ("empty", &[])]),
        record(
            "/c/",
            "sv",
            same,
            &[("title", "Bara titel")],
            &[("tag", &["c ___PAGEFIND_x"])],
        ),
        // replaced further down: Pagefind keeps one page per URL, in the first one's place
        record(
            "/dup/",
            "sv",
            "Första versionen med ordet gammal.",
            &[("title", "Gammal")],
            &[],
        ),
        record(
            "/empty/",
            "sv",
            "",
            &[("title", "Tom sida med titel")],
            &[("tag", &["tom"])],
        ),
        record("/blank/", "sv", "  \n\t ", &[], &[]),
        record(
            "/nowords/",
            "sv",
            "!!! ??? ... — –",
            &[("title", "Inga ord")],
            &[],
        ),
        record(
            "/markers/",
            "sv",
            "___PAGEFIND_WEIGHT___3 tunga ord ___END_PAGEFIND_WEIGHT___ \
            ___PAGEFIND_ANCHOR___h2:0:rubrik lätta ord ___PAGEFIND_AUTO_WEIGHT___7 rubrik \
            ___END_PAGEFIND_WEIGHT___ ___PAGEFIND_WEIGHT___0 noll ___END_PAGEFIND_WEIGHT___ \
            ___END_PAGEFIND_WEIGHT___ utan vikt utan-vikt ___PAGEFIND_WEIGHT___abc x",
            &[("title", "Markörer")],
            &[],
        ),
        record(
            "/dup/",
            "sv",
            "Andra versionen med ordet ny.",
            &[("title", "Ny")],
            &[("tag", &["ny"])],
        ),
        record("/d/", "sv", same, meta, &[("tag", &["a"])]),
    ];
    assert_same("pages", &records);
}

#[test]
fn several_languages_in_one_index() {
    let records = vec![
        record(
            "/sv/a/",
            "sv",
            "Nycklarna och låsen i hemtjänsten.",
            &[("title", "Nycklar")],
            &[("type", &["Utmaning"])],
        ),
        record(
            "/en/a/",
            "en",
            "The keys and locks of home care.",
            &[("title", "Keys")],
            &[("type", &["Challenge"])],
        ),
        record(
            "/sv/b/",
            "sv",
            "Bygglov tar lång tid.",
            &[("title", "Bygglov")],
            &[],
        ),
        record(
            "/x/",
            "unknown",
            "Okänt språk, running keys nycklarna.",
            &[("title", "Okänd")],
            &[("type", &["?"])],
        ),
        record(
            "/pt/",
            "pt-BR",
            "As chaves e as fechaduras.",
            &[("title", "Chaves")],
            &[],
        ),
        record(
            "/ja/",
            "ja",
            "東京 バックアップ テスト です",
            &[("title", "日本語")],
            &[],
        ),
        record(
            "/en/b/",
            "en",
            "Building permits take a long time.",
            &[("title", "Permits")],
            &[],
        ),
    ];
    assert_same("languages", &records);
    // The unknown page joins Swedish, the language with the most pages (a tie with English
    // goes to the first alphabetically: English).
    let entry = by_signpost(&records)["pagefind/pagefind-entry.json"].clone();
    let entry: serde_json::Value = serde_json::from_slice(&entry).unwrap();
    assert_eq!(entry["languages"]["en"]["page_count"], 3, "{entry}");
    assert!(entry["languages"].get("unknown").is_none());
    assert_eq!(entry["languages"]["ja"]["wasm"], serde_json::Value::Null);
}

#[test]
fn only_unknown_language_and_no_pages_at_all() {
    assert_same(
        "unknown only",
        &[record(
            "/x/",
            "unknown",
            "Några ord utan språk.",
            &[("title", "X")],
            &[],
        )],
    );
    assert_same("no pages", &[]);
    assert_same(
        "no words",
        &[record("/x/", "sv", "", &[("title", "X")], &[])],
    );
}

/// Enough text for several index chunks, with words that share long prefixes at the chunk
/// edges, diacritic variants met in different orders, and meta-only words.
#[test]
fn a_larger_index_in_several_chunks() {
    let stems = [
        "nyckel",
        "nycklar",
        "nyckelskåp",
        "hemtjänst",
        "hemtjanst",
        "äldreomsorg",
        "aldreomsorg",
        "bygglov",
        "bygglovet",
        "skärm",
        "skarm",
        "läsare",
        "lasare",
        "öppen",
        "oppen",
        "åtgärd",
        "atgard",
        "e-tjänst",
        "kommun",
        "kommunen",
        "ansökan",
        "ansokan",
        "ärende",
        "arende",
    ];
    let mut state: u64 = 42;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let records: Vec<Record> = (0..300)
        .map(|i| {
            let words: Vec<String> = (0..120)
                .map(|_| {
                    let stem = stems[next() % stems.len()];
                    match next() % 4 {
                        0 => stem.to_string(),
                        1 => format!("{stem}{}", next() % 400),
                        2 => format!("{stem}erna"),
                        _ => format!("{}{stem}", ["ab", "aa", "ä", "ö", "x"][next() % 5]),
                    }
                })
                .collect();
            // The first word alphabetically fills a chunk of its own, so the next chunk's
            // edge shares only part of it.
            let heavy = " 0000".repeat(70);
            record(
                &format!("/p/{i}/"),
                "sv",
                &format!("{}{heavy}", words.join(" ")),
                &[
                    ("title", &format!("Sida {}", stems[i % stems.len()])),
                    ("only_meta", "metaord åäö"),
                ],
                &[("area", &[["A", "B", "Ä"][i % 3]])],
            )
        })
        .collect();
    assert_same("larger", &records);
    let chunks = by_signpost(&records)
        .keys()
        .filter(|n| n.starts_with("pagefind/index/"))
        .count();
    assert!(chunks >= 3, "{chunks} index chunks");
}
