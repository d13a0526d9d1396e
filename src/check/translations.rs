//! Translations against their originals: shared fields are the original's (a translation
//! that repeats one must agree), and a translation reviewed before its original was may be
//! out of date. Which fields are shared, and how two values are compared, is the field
//! table's (`content::fields`).

use crate::content::fields;
use crate::content::{Doc, Guide};
use crate::diagnostics::{Code, Diagnostic};

pub(super) fn check(guide: &Guide, doc: &Doc, out: &mut Vec<Diagnostic>) {
    let Some(original) = guide.original_of(doc) else {
        return;
    };
    if !doc.front_matter_ok || !original.front_matter_ok {
        return;
    }
    for spec in fields::shared() {
        let field = spec.name;
        if let Some((l, c)) = doc.meta.field_pos(field) {
            if !spec.same(&doc.meta, &original.meta) {
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
