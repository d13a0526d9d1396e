//! Translations against their originals: shared fields are the original's (a translation
//! that repeats one must agree), and a translation reviewed before its original was may be
//! out of date. Which fields are shared, and how two values are compared, is the field
//! table's (`content::fields`).

use crate::content::fields;
use crate::content::{Doc, Guide};
use crate::diagnostics::{Code, Diagnostic};
use crate::msg;

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
                        msg!(
                            "translation-mismatch",
                            field = field,
                            original = original.path.as_str()
                        ),
                    )
                    .file(&doc.path)
                    .at(l, c)
                    .hint(msg!("translation-mismatch-hint", field = field)),
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
                    msg!(
                        "translation-outdated",
                        translated = t.to_string(),
                        original = o.to_string()
                    ),
                )
                .file(&doc.path)
                .at(l, c)
                .hint(msg!("translation-outdated-hint")),
            );
        }
    }
}
