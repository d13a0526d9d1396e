//! The front-matter fields: one table row per field, and what is derived from it.
//!
//! Each row of the [`fields!`] table gives a field its name; its shape (what its value must
//! look like, and which part of [`Meta`] it is read into); its place in the field list of
//! each kind of file that accepts it (the order of that kind's table in
//! docs/content-format.md and of the "fields of …" hints; `_`: not accepted); when it is
//! required; whether a translation shares it with its original; its limits; and its
//! one-line documentation (the JSON Schema's descriptions, per kind of file where they
//! differ). From the table come: which fields a kind of file accepts ([`Spec::accepts`],
//! [`accepted`]), the required-field rule ([`required`]), the fields a translation shares
//! and how they are compared ([`shared`], [`Spec::same`]) and `signpost schema`
//! (`schema.rs`). A test checks that docs/content-format.md, and its Swedish version for
//! editors docs/sv/innehallsformat.md, document every row.
//!
//! This module does not read YAML: `frontmatter.rs` reads a value by its [`Shape`] and
//! reports problems. Rules that need other files (an inherited owner, the review fields of a
//! published file) are in `check/`; the table only records them, for the documentation and
//! the schema.
//!
//! A new field is one row here, its field in [`Meta`], and its line in the tables of
//! docs/content-format.md and docs/sv/innehallsformat.md.

use chrono::NaiveDate;

use super::{DocType, ExtLink, Located, Meta, ProviderType, Role, SolutionKind, Status};

/// What a front-matter block is read as: where the file is and, in an area folder, its
/// `type`. Which fields it accepts and requires depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `content/_index.md`
    Home,
    /// `content/<area>/_area.md`
    Area,
    /// A file in an area folder with `type: challenge`.
    Challenge,
    /// A file in an area folder with `type: solution`.
    Solution,
    /// A file in an area folder without a valid `type` (or with `type: page`): it accepts
    /// the fields of both a challenge and a solution, and requires what both require.
    Entry,
    /// `content/<id>.md`
    Page,
}

impl Form {
    pub const ALL: [Form; 6] = [
        Form::Home,
        Form::Area,
        Form::Challenge,
        Form::Solution,
        Form::Entry,
        Form::Page,
    ];

    pub fn of(role: Role, doc_type: Option<DocType>) -> Form {
        match (role, doc_type) {
            (Role::Home, _) => Form::Home,
            (Role::Area, _) => Form::Area,
            (Role::Page, _) => Form::Page,
            (Role::Entry, Some(DocType::Challenge)) => Form::Challenge,
            (Role::Entry, Some(DocType::Solution)) => Form::Solution,
            (Role::Entry, _) => Form::Entry,
        }
    }

    /// The kind of file in a sentence, in the editor's language: "`kind` is not a field of
    /// a challenge", "`kind` är inget fält i en utmaning".
    pub fn what_msg(self) -> crate::i18n::Msg {
        crate::i18n::Msg::new(match self {
            Form::Home => "form-home",
            Form::Area => "form-area",
            Form::Challenge => "form-challenge",
            Form::Solution => "form-solution",
            Form::Entry => "form-entry",
            Form::Page => "form-page",
        })
    }

    /// The values `type` may have in this kind of file.
    pub fn type_names(self) -> &'static [&'static str] {
        match self {
            Form::Page => &["page"],
            Form::Challenge => &["challenge"],
            Form::Solution => &["solution"],
            Form::Entry => &["challenge", "solution"],
            Form::Home | Form::Area => &[],
        }
    }
}

/// Where a value is stored in [`Meta`], and where it is read back from.
pub struct Slot<T: 'static> {
    pub get: fn(&Meta) -> &T,
    pub set: fn(&mut Meta) -> &mut T,
}

impl<T> Clone for Slot<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Slot<T> {}

/// A field whose value is one of a fixed list of names (an enum of `content`).
#[derive(Clone, Copy)]
pub struct Choice {
    pub names: &'static [&'static str],
    /// Stores a name that is one of `names`.
    pub set: fn(&mut Meta, &str),
    pub same: fn(&Meta, &Meta) -> bool,
}

/// What a field's value must look like, and where in [`Meta`] it goes.
#[derive(Clone, Copy)]
pub enum Shape {
    /// Text (trimmed; a number or `true` is taken as written).
    Text(Slot<Option<String>>),
    /// A list of texts.
    Texts(Slot<Vec<String>>),
    /// A list of ids of entries or pages.
    Ids(Slot<Vec<Located>>),
    /// A list of paths on this site.
    Paths(Slot<Vec<Located>>),
    /// A date, `YYYY-MM-DD`.
    Date(Slot<Option<NaiveDate>>),
    /// A whole number of months.
    Months(Slot<Option<u32>>),
    /// A whole number.
    Int(Slot<Option<i64>>),
    /// `type`: read before the other fields, as it decides which of them a file accepts.
    Type(Slot<Option<DocType>>),
    /// One of a fixed list of names.
    Choice(Choice),
    /// One of the site's languages.
    Lang(Slot<Option<String>>),
    /// A list of `{title, url}`.
    Links(Slot<Vec<ExtLink>>),
}

/// When a field must be given.
#[derive(Debug, Clone, Copy)]
pub enum Required {
    /// Never.
    Never,
    /// In these kinds of file (in [`Form::Entry`] when both a challenge and a solution
    /// require it; in a translation only when it is not shared). Left empty, it is an
    /// error in every kind of file.
    In(&'static [Form]),
    /// In a challenge or solution whose area's `_area.md` does not give it
    /// (`check/workflow.rs`).
    UnlessArea,
    /// In a file with `status: published` (`check/workflow.rs`).
    WhenPublished,
}

/// Whether a translation has its own value or takes its original's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Translation {
    /// The translation has its own.
    Own,
    /// It describes the entry, not its text: the original's, and a translation that
    /// repeats it must agree (`translation-mismatch`).
    Shared,
}

/// The limits of a value beyond its shape.
#[derive(Debug, Clone, Copy)]
pub enum Limit {
    Any,
    /// At most this many characters.
    Chars(usize),
    /// A whole number from .. to (inclusive).
    Range(i64, i64),
    /// A list with at least one item: why, and what to do about an empty one (keys of the
    /// message catalogues, `i18n/*.ftl`).
    NotEmpty {
        why: &'static str,
        hint: &'static str,
    },
}

impl Limit {
    pub const fn max_chars(self) -> Option<usize> {
        match self {
            Limit::Chars(n) => Some(n),
            _ => None,
        }
    }
}

/// One row of the table.
pub struct Spec {
    pub name: &'static str,
    pub shape: Shape,
    /// Place in the field list of [home, area, challenge, solution, page]; 0: not accepted.
    place: [u8; 5],
    pub required: Required,
    pub translation: Translation,
    pub limit: Limit,
    /// What to write when the field is missing, where the shape does not say it: a key of
    /// the message catalogues (`i18n/*.ftl`).
    pub add: Option<&'static str>,
    /// One line of documentation, and the kinds of file for which it says something else.
    doc: &'static str,
    docs: &'static [(Form, &'static str)],
}

macro_rules! place {
    (_) => {
        0
    };
    ($n:literal) => {
        $n
    };
}

macro_rules! shape {
    (Choice, $meta:ident, $ty:ident) => {
        Shape::Choice(Choice {
            names: $ty::NAMES,
            set: |m, s| m.$meta = $ty::parse(s),
            same: |a, b| a.$meta == b.$meta,
        })
    };
    ($shape:ident, $meta:ident) => {
        Shape::$shape(Slot {
            get: |m| &m.$meta,
            set: |m| &mut m.$meta,
        })
    };
}

macro_rules! fields {
    ($(
        $variant:ident = $name:literal, $shape:ident($meta:ident $(: $ty:ident)?),
        [$h:tt, $a:tt, $c:tt, $s:tt, $p:tt], $required:expr, $translation:ident, $limit:expr,
        $(add $add:literal,)? $doc:literal $(, $form:ident: $form_doc:literal)*;
    )*) => {
        /// A front-matter field: a row of the table.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Field { $( $variant ),* }

        impl Field {
            /// Every field, in the table's order.
            pub const ALL: &'static [Field] = &[ $( Field::$variant ),* ];

            /// The field of this name.
            pub fn named(name: &str) -> Option<Field> {
                match name {
                    $( $name => Some(Field::$variant), )*
                    _ => None,
                }
            }
        }

        /// The table's rows, in the order of [`Field`].
        pub static SPECS: &[Spec] = &[ $( Spec {
            name: $name,
            shape: shape!($shape, $meta $(, $ty)?),
            place: [place!($h), place!($a), place!($c), place!($s), place!($p)],
            required: { #[allow(unused_imports)] use {Form::*, Required::*}; $required },
            translation: Translation::$translation,
            limit: { #[allow(unused_imports)] use Limit::*; $limit },
            add: fields!(@option $($add)?),
            doc: $doc,
            docs: &[ $( (Form::$form, $form_doc) ),* ],
        } ),* ];
    };
    (@option) => { None };
    (@option $add:literal) => { Some($add) };
}

// The fields, one row each: its variant of `Field` = its name; its shape (the field of
// `Meta` it is read into, and for a choice the enum of its names); its place in the field
// list of the h(ome page), an a(rea), a c(hallenge), a s(olution) and a p(age), `_` where
// it is not accepted; when it is required; whether a translation shares it (`Shared`) or
// has its `Own`; its limit; optionally `add "…"`, the catalogue key of what to write when
// it is missing (else its shape says it); its one-line documentation, then the kinds of file for which that
// documentation is another.
fields! {
//  field = name                        shape(Meta field)                      h   a   c   s   p   required                                transl. limit
    Type = "type",                      Type(doc_type),                      [ _,  _,  1,  1,  1], In(&[Challenge, Solution, Page]),       Shared, Any,
        "`challenge` or `solution`.", Page: "`page`.";
    Title = "title",                    Text(title),                         [ 1,  1,  2,  2,  2], In(&[Area, Challenge, Solution, Page]), Own,    Chars(120),
        "The title, at most 120 characters.",
        Home: "The home page's heading; default: `title` in config.toml.";
    Summary = "summary",                Text(summary),                       [ 2,  2,  3,  3,  3], In(&[Area, Challenge, Solution, Page]), Own,    Chars(300),
        "One or two sentences for cards, lists and search engines, at most 300 characters.";
    Status = "status",                  Choice(status: Status),              [ _,  _,  4,  4,  4], In(&[Challenge, Solution]),             Own,    Any,
        add "add-status",
        "draft, in_review, published or archived.";
    Owner = "owner",                    Text(owner),                         [ _,  5,  5,  5,  5], UnlessArea,                             Own,    Any,
        "The person, team or organisation that keeps the text up to date (an entry may inherit its area's).",
        Area: "Who keeps the area's entries up to date; entries without an owner get this one.";
    ReviewedBy = "reviewed_by",         Texts(reviewed_by),                  [ _,  _,  6,  6,  6], WhenPublished,                          Own,    Any,
        "Who approved the current text; required when published.";
    LastReviewed = "last_reviewed",     Date(last_reviewed),                 [ _,  _,  7,  7,  7], WhenPublished,                          Own,    Any,
        "When the current text was approved, YYYY-MM-DD, not in the future; required when published.";
    ReviewInterval = "review_interval", Months(review_interval),             [ _,  6,  8,  8,  8], Never,                                  Own,    Range(1, 1200),
        "Months between reviews (1–1200); default: the area's, then config.toml's.";
    Tags = "tags",                      Texts(tags),                         [ _,  _,  9,  9,  _], Never,                                  Shared, Any,
        "Keywords; each gets a page under /tags/.";
    Organisations = "organisations",    Texts(organisations),                [ _,  _, 10, 10,  _], Never,                                  Shared, Any,
        "Municipalities or organisations that raised the challenge or offer the solution.";
    Related = "related",                Ids(related),                        [ _,  _, 11, 11,  _], Never,                                  Shared, Any,
        "Ids of related challenges, solutions or pages.";
    Created = "created",                Date(created),                       [ _,  _, 12, 12, 10], Never,                                  Shared, Any,
        "The date the text was first written or published, YYYY-MM-DD.";
    Aliases = "aliases",                Paths(aliases),                      [ _,  _, 13, 13, 11], Never,                                  Own,    Any,
        "Old addresses on this site (paths such as `omrade/gammal-sida/`) that redirect here.";
    Lang = "lang",                      Lang(lang),                          [ _,  _, 14, 14, 12], Never,                                  Own,    Any,
        "The language of the file; rarely needed (translations are named <id>.<lang>.md).";
    Kind = "kind",                      Choice(kind: SolutionKind),          [ _,  _,  _, 15,  _], In(&[Solution]),                        Shared, Any,
        "method, tool, case-study, service or inspiration.";
    Addresses = "addresses",            Ids(addresses),                      [ _,  _,  _, 16,  _], In(&[Solution]),                        Shared,
        NotEmpty {
            why: "addresses-empty",
            hint: "addresses-empty-hint",
        },
        add "add-addresses",
        "Ids of the challenges this solution helps with (at least one).";
    Provider = "provider",              Text(provider),                      [ _,  _,  _, 17,  _], Never,                                  Shared, Any,
        "Who provides the solution.";
    ProviderType = "provider_type",     Choice(provider_type: ProviderType), [ _,  _,  _, 18,  _], Never,                                  Shared, Any,
        "public, private, academic or nonprofit.";
    Links = "links",                    Links(links),                        [ _,  _,  _, 19,  _], Never,                                  Own,    Any,
        "External resources, each with a `title` and a `url`.";
    Order = "order",                    Int(order),                          [ _,  3,  _,  _,  9], Never,                                  Shared, Any,
        "A whole number; pages are listed in the footer by it, lowest first, then by title.",
        Area: "A whole number; areas are listed by it, lowest first, then by title.";
    Code = "code",                      Text(code),                          [ _,  4,  _,  _,  _], Never,                                  Shared, Any,
        "The area's code in an external classification.";
}

/// The longest title, in characters.
pub const TITLE_MAX: usize = max_chars(Field::Title);
/// The longest summary, in characters.
pub const SUMMARY_MAX: usize = max_chars(Field::Summary);

const fn max_chars(field: Field) -> usize {
    match SPECS[field as usize].limit.max_chars() {
        Some(n) => n,
        None => panic!("the field has no length limit"),
    }
}

impl Field {
    pub fn spec(self) -> &'static Spec {
        &SPECS[self as usize]
    }

    pub fn name(self) -> &'static str {
        self.spec().name
    }
}

impl Spec {
    /// The field's place in the field list of a kind of file, if it accepts the field.
    pub fn place(&self, form: Form) -> Option<u8> {
        let [home, area, challenge, solution, page] = self.place;
        let p = match form {
            Form::Home => home,
            Form::Area => area,
            Form::Challenge => challenge,
            Form::Solution => solution,
            Form::Entry => solution.max(challenge),
            Form::Page => page,
        };
        (p > 0).then_some(p)
    }

    pub fn accepts(&self, form: Form) -> bool {
        self.place(form).is_some()
    }

    /// Whether a file of this kind must have the field (`owner` and the review fields are
    /// checked in `check/workflow.rs`, and are not among these).
    pub fn required_in(&self, form: Form, is_translation: bool) -> bool {
        let Required::In(forms) = self.required else {
            return false;
        };
        let required = match form {
            Form::Entry => forms.contains(&Form::Challenge) && forms.contains(&Form::Solution),
            _ => forms.contains(&form),
        };
        // A translation takes shared fields from its original.
        required && !(is_translation && self.is_shared())
    }

    /// An empty value is an error (in every kind of file), rather than a missing value.
    pub fn never_empty(&self) -> bool {
        matches!(self.required, Required::In(_))
    }

    pub fn is_shared(&self) -> bool {
        self.translation == Translation::Shared
    }

    /// The one-line documentation, for this kind of file.
    pub fn doc(&self, form: Form) -> &'static str {
        self.docs
            .iter()
            .find(|(f, _)| *f == form)
            .map_or(self.doc, |(_, d)| d)
    }

    /// Whether two files have the same value of this field (ids compared as written,
    /// without their positions).
    pub fn same(&self, a: &Meta, b: &Meta) -> bool {
        fn values(v: &[Located]) -> impl Iterator<Item = &str> {
            v.iter().map(|l| l.value.as_str())
        }
        match self.shape {
            Shape::Text(s) | Shape::Lang(s) => (s.get)(a) == (s.get)(b),
            Shape::Texts(s) => (s.get)(a) == (s.get)(b),
            Shape::Ids(s) | Shape::Paths(s) => values((s.get)(a)).eq(values((s.get)(b))),
            Shape::Date(s) => (s.get)(a) == (s.get)(b),
            Shape::Months(s) => (s.get)(a) == (s.get)(b),
            Shape::Int(s) => (s.get)(a) == (s.get)(b),
            Shape::Type(s) => (s.get)(a) == (s.get)(b),
            Shape::Choice(c) => (c.same)(a, b),
            Shape::Links(s) => (s.get)(a) == (s.get)(b),
        }
    }
}

/// The fields a kind of file accepts, in the order of its field list.
pub fn accepted(form: Form) -> Vec<&'static Spec> {
    let mut v: Vec<&Spec> = SPECS.iter().filter(|s| s.accepts(form)).collect();
    v.sort_by_key(|s| s.place(form));
    v
}

/// The fields a kind of file must have, in the table's order.
pub fn required(form: Form, is_translation: bool) -> impl Iterator<Item = &'static Spec> {
    SPECS
        .iter()
        .filter(move |s| s.required_in(form, is_translation))
}

/// The fields a translation shares with its original.
pub fn shared() -> impl Iterator<Item = &'static Spec> {
    SPECS.iter().filter(|s| s.is_shared())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(form: Form) -> Vec<&'static str> {
        accepted(form).iter().map(|s| s.name).collect()
    }

    fn required_names(form: Form, is_translation: bool) -> Vec<&'static str> {
        required(form, is_translation).map(|s| s.name).collect()
    }

    #[test]
    fn rows_are_in_the_order_of_field() {
        for (i, f) in Field::ALL.iter().enumerate() {
            assert_eq!(*f as usize, i);
            assert_eq!(Field::named(f.name()), Some(*f));
        }
        assert_eq!(Field::ALL.len(), SPECS.len());
    }

    #[test]
    fn each_kind_of_file_numbers_its_fields_one_by_one() {
        for form in Form::ALL {
            let places: Vec<u8> = accepted(form)
                .iter()
                .filter_map(|s| s.place(form))
                .collect();
            let expected: Vec<u8> = (1..=places.len() as u8).collect();
            assert_eq!(places, expected, "{form:?}");
        }
    }

    #[test]
    fn a_solution_has_every_field_of_a_challenge_first() {
        let (c, s) = (names(Form::Challenge), names(Form::Solution));
        assert_eq!(&s[..c.len()], &c[..]);
        assert_eq!(names(Form::Entry), s);
    }

    #[test]
    fn required_fields_are_accepted_and_known_limits() {
        for form in Form::ALL {
            for spec in required(form, false) {
                assert!(
                    spec.accepts(form),
                    "{} required but not accepted by {form:?}",
                    spec.name
                );
            }
        }
        assert_eq!(
            required_names(Form::Solution, false),
            ["type", "title", "summary", "status", "kind", "addresses"]
        );
        assert_eq!(
            required_names(Form::Solution, true),
            ["title", "summary", "status"]
        );
        assert_eq!(
            required_names(Form::Entry, false),
            ["type", "title", "summary", "status"]
        );
        assert_eq!(required_names(Form::Home, false), Vec::<&str>::new());
        assert_eq!((TITLE_MAX, SUMMARY_MAX), (120, 300));
    }

    #[test]
    fn every_field_has_a_description() {
        for spec in SPECS {
            for form in Form::ALL.into_iter().filter(|f| spec.accepts(*f)) {
                assert!(!spec.doc(form).is_empty(), "{} of {form:?}", spec.name);
            }
            for (form, _) in spec.docs {
                assert!(
                    spec.accepts(*form),
                    "{}: a description for {form:?}",
                    spec.name
                );
            }
        }
    }

    /// One language's version of the content-format page: where it is, and the words its
    /// field tables use.
    struct FieldDocs {
        path: &'static str,
        /// The `## ` section holding each kind of file's table.
        sections: [(Form, &'static str); 5],
        /// How a field table's header row starts.
        header: &'static str,
        /// What the "required" column starts with: required, required unless the area
        /// gives it, required when published, not required.
        yes: &'static str,
        unless: &'static str,
        when_published: &'static str,
        no: &'static str,
        /// How the last column gives a limit of characters ("at most 120 characters"), and
        /// a list that needs an item.
        at_most: fn(usize) -> String,
        at_least_one: &'static str,
        /// What the paragraph listing the fields a translation shares says.
        shared: &'static str,
    }

    const ENGLISH: FieldDocs = FieldDocs {
        path: "docs/content-format.md",
        sections: [
            (Form::Home, "The home page"),
            (Form::Area, "Areas"),
            (Form::Challenge, "Challenges"),
            (Form::Page, "Pages"),
            (Form::Solution, "Solutions"),
        ],
        header: "| field |",
        yes: "yes",
        unless: "yes, unless",
        when_published: "when `status: published`",
        no: "no",
        at_most: |n| format!("at most {n} characters"),
        at_least_one: "at least one",
        shared: "are **shared**",
    };

    /// The editors' documentation in Swedish (issue #11).
    const SWEDISH: FieldDocs = FieldDocs {
        path: "docs/sv/innehallsformat.md",
        sections: [
            (Form::Home, "Startsidan"),
            (Form::Area, "Områden"),
            (Form::Challenge, "Utmaningar"),
            (Form::Page, "Sidor"),
            (Form::Solution, "Lösningar"),
        ],
        header: "| fält |",
        yes: "ja",
        unless: "ja, om inte",
        when_published: "när `status: published`",
        no: "nej",
        at_most: |n| format!("högst {n} tecken"),
        at_least_one: "minst en",
        shared: "är **gemensamma**",
    };

    /// The first table of a `## ` section: (field, required, what to write).
    fn documented(d: &FieldDocs, docs: &str, heading: &str) -> Vec<(String, String, String)> {
        let section = docs
            .split("\n## ")
            .find(|s| s.starts_with(heading))
            .unwrap_or_else(|| panic!("{} has a section `## {heading}`", d.path));
        section
            .lines()
            .skip_while(|l| !l.starts_with(d.header))
            .skip(2)
            .take_while(|l| l.starts_with('|'))
            .map(|l| {
                let cells: Vec<&str> = l.split('|').map(str::trim).collect();
                let cell = |i: usize| cells.get(i).copied().unwrap_or_default().to_string();
                (cell(1).trim_matches('`').to_string(), cell(2), cell(3))
            })
            .collect()
    }

    /// What the "required" column of the documentation should say about a field.
    fn required_word(d: &FieldDocs, spec: &Spec, form: Form) -> &'static str {
        match spec.required {
            Required::In(_) if spec.required_in(form, false) => d.yes,
            Required::UnlessArea if matches!(form, Form::Challenge | Form::Solution) => d.unless,
            Required::WhenPublished => d.when_published,
            _ => d.no,
        }
    }

    /// Each kind of file's table lists the fields of the table above, in its order, each
    /// with when it is required and its limit; and the fields a translation shares are
    /// named where the page says which they are.
    fn assert_documents_every_field(d: &FieldDocs) {
        let path = format!("{}/{}", env!("CARGO_MANIFEST_DIR"), d.path);
        let docs = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        for (form, heading) in d.sections {
            let rows = documented(d, &docs, heading);
            let mut fields = accepted(form);
            if form == Form::Solution {
                // "It has every field of a challenge, and these", with its own `type`.
                let challenge = accepted(Form::Challenge);
                fields.retain(|s| s.name == "type" || !challenge.iter().any(|c| c.name == s.name));
            }
            let listed: Vec<&str> = rows.iter().map(|(n, _, _)| n.as_str()).collect();
            let expected: Vec<&str> = fields.iter().map(|s| s.name).collect();
            assert_eq!(
                listed, expected,
                "the table of `## {heading}` in {}",
                d.path
            );
            for ((name, required, what), spec) in rows.iter().zip(&fields) {
                let word = required_word(d, spec, form);
                assert!(
                    required.starts_with(word),
                    "`{name}` in `## {heading}` of {}: the required column says {required:?}, the field table {word:?}",
                    d.path
                );
                let limit = match spec.limit {
                    Limit::Chars(n) => (d.at_most)(n),
                    Limit::Range(from, to) => format!("{from}–{to}"),
                    Limit::NotEmpty { .. } => d.at_least_one.to_string(),
                    Limit::Any => String::new(),
                };
                assert!(
                    what.contains(&limit),
                    "`{name}` in `## {heading}` of {}: {what:?} does not give its limit ({limit})",
                    d.path
                );
            }
        }
        let shared_paragraph = docs
            .split("\n\n")
            .find(|p| p.contains(d.shared))
            .unwrap_or_else(|| panic!("{} says which fields translations share", d.path));
        let mut listed: Vec<&str> = shared_paragraph
            .split('`')
            .skip(1)
            .step_by(2)
            .filter(|w| Field::named(w).is_some())
            .collect();
        listed.sort();
        let mut expected: Vec<&str> = shared().map(|s| s.name).collect();
        expected.sort();
        assert_eq!(listed, expected, "the shared fields in {}", d.path);
    }

    #[test]
    fn docs_document_every_field_of_every_kind_of_file() {
        assert_documents_every_field(&ENGLISH);
    }

    /// The editors' documentation exists in Swedish too, and keeps up with the table.
    #[test]
    fn swedish_docs_document_every_field_of_every_kind_of_file() {
        assert_documents_every_field(&SWEDISH);
    }
}
