//! Translations against their originals: shared fields are the original's (a translation
//! that repeats one must agree), and a translation reviewed before its original was may be
//! out of date.

use crate::content::{Doc, Guide, Meta};
use crate::diagnostics::{Code, Diagnostic};

/// Fields a translation shares with its original.
const SHARED: &[&str] = &[
    "type",
    "kind",
    "addresses",
    "related",
    "tags",
    "organisations",
    "provider",
    "provider_type",
    "order",
    "code",
    "created",
];

fn same(field: &str, a: &Meta, b: &Meta) -> bool {
    let ids = |v: &[crate::content::Located]| v.iter().map(|l| l.value.clone()).collect::<Vec<_>>();
    match field {
        "type" => a.doc_type == b.doc_type,
        "kind" => a.kind == b.kind,
        "addresses" => ids(&a.addresses) == ids(&b.addresses),
        "related" => ids(&a.related) == ids(&b.related),
        "tags" => a.tags == b.tags,
        "organisations" => a.organisations == b.organisations,
        "provider" => a.provider == b.provider,
        "provider_type" => a.provider_type == b.provider_type,
        "order" => a.order == b.order,
        "code" => a.code == b.code,
        "created" => a.created == b.created,
        _ => true,
    }
}

pub(super) fn check(guide: &Guide, doc: &Doc, out: &mut Vec<Diagnostic>) {
    let Some(original) = guide.original_of(doc) else {
        return;
    };
    if !doc.front_matter_ok || !original.front_matter_ok {
        return;
    }
    for field in SHARED {
        if let Some((l, c)) = doc.meta.field_pos(field) {
            if !same(field, &doc.meta, &original.meta) {
                out.push(
                    Diagnostic::new(
                        Code::TranslationMismatch,
                        format!(
                            "`{field}` differs from the original's in `{}`",
                            original.path
                        ),
                    )
                    .file(&doc.path)
                    .at(l, c)
                    .hint(format!(
                        "remove `{field}` here: a translation takes it from the original"
                    )),
                );
            }
        }
    }
    if let (Some(t), Some(o)) = (doc.meta.last_reviewed, original.meta.last_reviewed) {
        if t < o {
            let (l, c) = doc.pos_of("last_reviewed");
            out.push(
                Diagnostic::new(
                    Code::TranslationOutdated,
                    format!("this translation was last reviewed {t}, before the original was ({o}): it may be out of date"),
                )
                .file(&doc.path)
                .at(l, c)
                .hint("compare it with the original, update it, then update `last_reviewed`"),
            );
        }
    }
}
