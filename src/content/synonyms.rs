//! The other words editors write for front-matter fields and their values: Swedish ones
//! (`granskad_av`, `ägare`, `status: publicerad`, `kind: verktyg`) and common English
//! alternatives (`description`, `date`, `weight`), each with the field or value it means.
//!
//! Field names and values are written in English (CONTENT-FORMAT.md), but an editor who
//! writes Swedish reaches for the Swedish word first. A word in these tables makes the
//! unknown-field or invalid-value diagnostic say "did you mean `reviewed_by`?" (before any
//! guess by spelling, which cannot see that `granskad_av` is `reviewed_by`), and a required
//! field written under another word is then one diagnostic, not also "missing".
//!
//! This module only answers "what does this word mean"; it accepts nothing: `granskad_av`
//! stays an unknown field. Words are compared folded ([`fold`]): in lower case, `å`, `ä`
//! → `a`, `ö` → `o`, `é` → `e`, and `-` or a space as `_`, so `Senast granskad`,
//! `senast-granskad` and `senast_granskad` are one word.

use super::fields::{Field, Shape};
use super::DocType;

/// What a word written as a field name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meant {
    /// A field of the table.
    Field(Field),
    /// `område`, `area`: an entry's area is the folder it is in, not a field.
    Area,
    /// `id`, `slug`: an entry's id is its file name, not a field.
    Id,
}

use Field::*;

/// Field names, folded, and what they mean.
const NAMES: &[(&str, Meant)] = &[
    // type
    ("typ", Meant::Field(Type)),
    // title
    ("titel", Meant::Field(Title)),
    ("rubrik", Meant::Field(Title)),
    ("heading", Meant::Field(Title)),
    ("rubriken", Meant::Field(Title)),
    // summary
    ("sammanfattning", Meant::Field(Summary)),
    ("sammandrag", Meant::Field(Summary)),
    ("beskrivning", Meant::Field(Summary)),
    ("ingress", Meant::Field(Summary)),
    ("description", Meant::Field(Summary)),
    ("abstract", Meant::Field(Summary)),
    ("excerpt", Meant::Field(Summary)),
    // status
    ("tillstand", Meant::Field(Status)),
    ("state", Meant::Field(Status)),
    ("lage", Meant::Field(Status)),
    // owner
    ("agare", Meant::Field(Owner)),
    ("ansvarig", Meant::Field(Owner)),
    ("forvaltare", Meant::Field(Owner)),
    ("maintainer", Meant::Field(Owner)),
    ("responsible", Meant::Field(Owner)),
    // reviewed_by
    ("granskad_av", Meant::Field(ReviewedBy)),
    ("granskat_av", Meant::Field(ReviewedBy)),
    ("granskare", Meant::Field(ReviewedBy)),
    ("granskad_by", Meant::Field(ReviewedBy)),
    ("godkand_av", Meant::Field(ReviewedBy)),
    ("reviewer", Meant::Field(ReviewedBy)),
    ("reviewers", Meant::Field(ReviewedBy)),
    ("approved_by", Meant::Field(ReviewedBy)),
    // last_reviewed
    ("senast_granskad", Meant::Field(LastReviewed)),
    ("senast_granskat", Meant::Field(LastReviewed)),
    ("senaste_granskning", Meant::Field(LastReviewed)),
    ("granskad", Meant::Field(LastReviewed)),
    ("granskat", Meant::Field(LastReviewed)),
    ("granskningsdatum", Meant::Field(LastReviewed)),
    ("review_date", Meant::Field(LastReviewed)),
    ("reviewed", Meant::Field(LastReviewed)),
    ("reviewed_on", Meant::Field(LastReviewed)),
    ("reviewed_at", Meant::Field(LastReviewed)),
    // review_interval
    ("granskningsintervall", Meant::Field(ReviewInterval)),
    ("granskningsperiod", Meant::Field(ReviewInterval)),
    ("review_period", Meant::Field(ReviewInterval)),
    // tags
    ("taggar", Meant::Field(Tags)),
    ("tagg", Meant::Field(Tags)),
    ("etiketter", Meant::Field(Tags)),
    ("nyckelord", Meant::Field(Tags)),
    ("amnesord", Meant::Field(Tags)),
    ("keywords", Meant::Field(Tags)),
    ("labels", Meant::Field(Tags)),
    // organisations
    ("organisationer", Meant::Field(Organisations)),
    ("organisation", Meant::Field(Organisations)),
    ("kommuner", Meant::Field(Organisations)),
    ("kommun", Meant::Field(Organisations)),
    ("organizations", Meant::Field(Organisations)),
    ("organization", Meant::Field(Organisations)),
    // related
    ("relaterade", Meant::Field(Related)),
    ("relaterat", Meant::Field(Related)),
    ("relaterad", Meant::Field(Related)),
    ("se_aven", Meant::Field(Related)),
    ("see_also", Meant::Field(Related)),
    // created
    ("skapad", Meant::Field(Created)),
    ("skapat", Meant::Field(Created)),
    ("datum", Meant::Field(Created)),
    ("publiceringsdatum", Meant::Field(Created)),
    ("date", Meant::Field(Created)),
    ("created_at", Meant::Field(Created)),
    // aliases
    ("alias", Meant::Field(Aliases)),
    ("gamla_adresser", Meant::Field(Aliases)),
    ("omdirigeringar", Meant::Field(Aliases)),
    ("redirects", Meant::Field(Aliases)),
    ("redirect_from", Meant::Field(Aliases)),
    // lang
    ("sprak", Meant::Field(Lang)),
    ("language", Meant::Field(Lang)),
    // kind
    ("sort", Meant::Field(Kind)),
    ("slag", Meant::Field(Kind)),
    ("losningstyp", Meant::Field(Kind)),
    ("kategori", Meant::Field(Kind)),
    ("category", Meant::Field(Kind)),
    // addresses
    ("adresserar", Meant::Field(Addresses)),
    ("adresser", Meant::Field(Addresses)),
    ("loser", Meant::Field(Addresses)),
    ("utmaningar", Meant::Field(Addresses)),
    ("challenges", Meant::Field(Addresses)),
    ("solves", Meant::Field(Addresses)),
    // provider
    ("leverantor", Meant::Field(Provider)),
    ("utforare", Meant::Field(Provider)),
    ("vendor", Meant::Field(Provider)),
    ("supplier", Meant::Field(Provider)),
    // provider_type
    ("leverantorstyp", Meant::Field(ProviderType)),
    ("vendor_type", Meant::Field(ProviderType)),
    // links
    ("lankar", Meant::Field(Links)),
    ("lank", Meant::Field(Links)),
    ("resurser", Meant::Field(Links)),
    ("resources", Meant::Field(Links)),
    ("external_links", Meant::Field(Links)),
    // order
    ("ordning", Meant::Field(Order)),
    ("sortering", Meant::Field(Order)),
    ("weight", Meant::Field(Order)),
    ("sort_order", Meant::Field(Order)),
    // code
    ("kod", Meant::Field(Code)),
    ("omradeskod", Meant::Field(Code)),
    // not fields at all
    ("omrade", Meant::Area),
    ("area", Meant::Area),
    ("id", Meant::Id),
    ("slug", Meant::Id),
];

/// Values, folded, by field: (field, word, the value it means).
const VALUES: &[(Field, &str, &str)] = &[
    (Type, "utmaning", "challenge"),
    (Type, "problem", "challenge"),
    (Type, "losning", "solution"),
    (Type, "sida", "page"),
    (Status, "utkast", "draft"),
    (Status, "arbetsversion", "draft"),
    (Status, "granskas", "in_review"),
    (Status, "under_granskning", "in_review"),
    (Status, "for_granskning", "in_review"),
    (Status, "granskning", "in_review"),
    (Status, "review", "in_review"),
    (Status, "under_review", "in_review"),
    (Status, "publicerad", "published"),
    (Status, "publicerat", "published"),
    (Status, "publicera", "published"),
    (Status, "publik", "published"),
    (Status, "live", "published"),
    (Status, "arkiverad", "archived"),
    (Status, "arkiverat", "archived"),
    (Status, "arkiv", "archived"),
    (Kind, "metod", "method"),
    (Kind, "metodik", "method"),
    (Kind, "arbetssatt", "method"),
    (Kind, "verktyg", "tool"),
    (Kind, "fallstudie", "case-study"),
    (Kind, "exempel", "case-study"),
    (Kind, "case", "case-study"),
    (Kind, "tjanst", "service"),
    (Kind, "ide", "inspiration"),
    (Kind, "inspirationskalla", "inspiration"),
    (ProviderType, "offentlig", "public"),
    (ProviderType, "kommunal", "public"),
    (ProviderType, "myndighet", "public"),
    (ProviderType, "privat", "private"),
    (ProviderType, "foretag", "private"),
    (ProviderType, "kommersiell", "private"),
    (ProviderType, "akademisk", "academic"),
    (ProviderType, "universitet", "academic"),
    (ProviderType, "forskning", "academic"),
    (ProviderType, "ideell", "nonprofit"),
    (ProviderType, "non_profit", "nonprofit"),
    (ProviderType, "ideell_forening", "nonprofit"),
];

/// A word as the tables hold it: lower case, `å`/`ä` → `a`, `ö` → `o`, `é` → `e`, and `-`
/// or white space as `_`.
pub fn fold(word: &str) -> String {
    word.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' | 'ä' | 'à' | 'á' => 'a',
            'ö' | 'ø' => 'o',
            'é' | 'è' => 'e',
            '-' => '_',
            c if c.is_whitespace() => '_',
            c => c,
        })
        .collect()
}

/// What a field name that is not a field stands for, if it is a word the table knows.
pub fn field(name: &str) -> Option<Meant> {
    let folded = fold(name);
    NAMES.iter().find(|(w, _)| *w == folded).map(|(_, m)| *m)
}

/// The names a field's value may have (a `type`, or one of a fixed list), if it has such a
/// list.
fn names(field: Field) -> &'static [&'static str] {
    match field.spec().shape {
        Shape::Choice(c) => c.names,
        Shape::Type(_) => DocType::NAMES,
        _ => &[],
    }
}

/// The value a word written as `field`'s value means: a word of the table
/// (`publicerad` → `published`), or a value written in another case or with `-`, `_` or a
/// space in place of another (`In review` → `in_review`, `case study` → `case-study`).
pub fn value(field: Field, word: &str) -> Option<&'static str> {
    let folded = fold(word);
    if let Some(name) = names(field).iter().find(|n| fold(n) == folded) {
        return Some(name);
    }
    VALUES
        .iter()
        .find(|(f, w, _)| *f == field && *w == folded)
        .map(|(_, _, v)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_and_other_words_find_their_field() {
        for (word, meant) in [
            ("senast_granskad", LastReviewed),
            ("senast-granskad", LastReviewed),
            ("Senast granskad", LastReviewed),
            ("granskad", LastReviewed),
            ("granskad_av", ReviewedBy),
            ("granskare", ReviewedBy),
            ("ägare", Owner),
            ("agare", Owner),
            ("titel", Title),
            ("sammanfattning", Summary),
            ("typ", Type),
            ("taggar", Tags),
            ("adresserar", Addresses),
            ("löser", Addresses),
            ("relaterade", Related),
        ] {
            assert_eq!(field(word), Some(Meant::Field(meant)), "{word}");
        }
        assert_eq!(field("område"), Some(Meant::Area));
        assert_eq!(
            field("reviewd_by"),
            None,
            "a misspelling is for did_you_mean"
        );
    }

    #[test]
    fn swedish_values_and_other_spellings_find_their_value() {
        for (f, word, meant) in [
            (Status, "publicerad", "published"),
            (Status, "utkast", "draft"),
            (Status, "granskas", "in_review"),
            (Status, "under granskning", "in_review"),
            (Status, "In review", "in_review"),
            (Status, "arkiverad", "archived"),
            (Kind, "verktyg", "tool"),
            (Kind, "metod", "method"),
            (Kind, "fallstudie", "case-study"),
            (Kind, "exempel", "case-study"),
            (Kind, "case_study", "case-study"),
            (Kind, "tjänst", "service"),
            (Type, "utmaning", "challenge"),
            (Type, "lösning", "solution"),
            (ProviderType, "offentlig", "public"),
        ] {
            assert_eq!(value(f, word), Some(meant), "{f:?}: {word}");
        }
        assert_eq!(value(Status, "verktyg"), None, "a value of another field");
    }

    /// Every word is written folded, once, is not itself a field, and means a value its
    /// field has.
    #[test]
    fn the_tables_are_consistent() {
        let mut seen = std::collections::HashSet::new();
        for (word, _) in NAMES {
            assert_eq!(fold(word), *word, "{word} is folded");
            assert!(seen.insert(*word), "{word} twice");
            assert!(Field::named(word).is_none(), "{word} is a field");
        }
        let mut seen = std::collections::HashSet::new();
        for (f, word, v) in VALUES {
            assert_eq!(fold(word), *word, "{word} is folded");
            assert!(seen.insert((f, *word)), "{word} twice for {f:?}");
            assert!(names(*f).contains(v), "{v} is not a value of {f:?}");
            assert!(
                !names(*f).iter().any(|n| fold(n) == *word),
                "{word} is a value already"
            );
        }
    }
}
