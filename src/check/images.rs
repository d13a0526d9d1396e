//! The alternative text of images, in Markdown (`![…](…)`) and in raw HTML (`<img>`):
//! every image has one (`missing-alt`), and it says what the image shows rather than that
//! there is an image, or the image's file name (`meaningless-alt`).
//!
//! In Markdown, `![](x.png)` cannot be told from a forgotten text, so it is an error. HTML
//! has a way to say "this image is decoration, skip it": `alt=""` (WCAG's technique H67),
//! which is accepted; an `<img>` with no `alt` attribute at all is an error, as in
//! Markdown. Whether an image's file exists is for `links.rs`.

use crate::content::Doc;
use crate::diagnostics::{Code, Diagnostic};
use crate::i18n::Msg;
use crate::msg;

pub(super) fn check(doc: &Doc, out: &mut Vec<Diagnostic>) {
    let Some(body) = &doc.body else { return };
    let at = |line: u32, column: u32, width: usize, code: Code, message: Msg| {
        Diagnostic::new(code, message)
            .file(&doc.path)
            .at(line, column)
            .width(width)
    };
    for image in body.links.iter().filter(|l| l.is_image) {
        let alt = image.alt.trim();
        if alt.is_empty() {
            out.push(
                at(
                    image.line,
                    image.column,
                    image.width as usize,
                    Code::MissingAlt,
                    msg!("missing-alt", image = &image.dest),
                )
                .hint(msg!("missing-alt-hint")),
            );
        } else if let Some(why) = meaningless(alt, &image.dest) {
            let (line, column) = image.alt_at;
            out.push(
                at(
                    line,
                    column,
                    image.alt.chars().count(),
                    Code::MeaninglessAlt,
                    why.message(alt),
                )
                .hint(msg!("meaningless-alt-hint")),
            );
        }
    }
    for image in &body.html_images {
        let src = image.src.as_deref().unwrap_or("<img>");
        let diag = |code, message| {
            at(
                image.line,
                image.column,
                image.width as usize,
                code,
                message,
            )
        };
        match image.alt.as_deref() {
            None => out.push(
                diag(Code::MissingAlt, msg!("missing-alt-html", image = src))
                    .hint(msg!("missing-alt-html-hint")),
            ),
            // Marked as decoration, on purpose.
            Some("") => {}
            Some(alt) if alt.trim().is_empty() => out.push(
                diag(Code::MissingAlt, msg!("blank-alt-html", image = src))
                    .hint(msg!("blank-alt-html-hint")),
            ),
            Some(alt) => {
                if let Some(why) = meaningless(alt.trim(), src) {
                    out.push(
                        diag(Code::MeaninglessAlt, why.message(alt.trim()))
                            .hint(msg!("meaningless-alt-hint")),
                    );
                }
            }
        }
    }
}

/// Why an alternative text says nothing about its image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meaningless {
    /// `IMG_2041.jpg`, `karta.png`, or the image's own name without its extension when it
    /// is a camera's or program's name (`IMG_2041`).
    FileName,
    /// `bild`, `image`, `Skärmbild 2024-03-01 101010`: a word for "image", at most with a
    /// number or date.
    JustAnImage,
}

impl Meaningless {
    fn message(self, alt: &str) -> Msg {
        match self {
            Meaningless::FileName => msg!("meaningless-alt-file-name", alt = alt),
            Meaningless::JustAnImage => msg!("meaningless-alt-just-an-image", alt = alt),
        }
    }
}

/// The endings of image files.
const IMAGE_EXTENSIONS: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "bmp", "tif", "tiff", "heic", "heif", "ico",
];

/// Words that say only "an image", in Swedish and English (compared in lower case).
const JUST_AN_IMAGE: &[&str] = &[
    "bild",
    "bilden",
    "bilder",
    "foto",
    "fotot",
    "fotografi",
    "skärmbild",
    "skärmbilden",
    "skärmdump",
    "skärmdumpen",
    "figur",
    "illustration",
    "image",
    "img",
    "photo",
    "picture",
    "pic",
    "screenshot",
    "figure",
];

/// Whether `alt` (trimmed) says nothing about the image at `src`, and why.
fn meaningless(alt: &str, src: &str) -> Option<Meaningless> {
    let alt = alt.trim_end_matches(['.', ':']).trim();
    let lower = alt.to_lowercase();
    if !lower.contains(char::is_whitespace) {
        if let Some((stem, ext)) = lower.rsplit_once('.') {
            if !stem.is_empty() && IMAGE_EXTENSIONS.contains(&ext) {
                return Some(Meaningless::FileName);
            }
        }
        let file = src.rsplit('/').next().unwrap_or_default();
        let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
        if !stem.is_empty()
            && lower == stem.to_lowercase()
            && stem.chars().any(|c| c.is_ascii_digit())
        {
            return Some(Meaningless::FileName);
        }
    }
    let word_end = lower
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(lower.len());
    let (word, rest) = lower.split_at(word_end);
    (JUST_AN_IMAGE.contains(&word) && !rest.chars().any(char::is_alphabetic))
        .then_some(Meaningless::JustAnImage)
}

#[cfg(test)]
mod tests {
    use super::{meaningless, Meaningless::*};

    #[test]
    fn texts_that_describe_nothing() {
        for (alt, src, why) in [
            ("IMG_2041.jpg", "IMG_2041.jpg", FileName),
            ("karta.png", "bilder/karta.png", FileName),
            ("Karta.PNG", "annan.png", FileName),
            ("IMG_2041", "bilder/IMG_2041.jpg", FileName),
            ("bild", "karta.png", JustAnImage),
            (" Bild. ", "karta.png", JustAnImage),
            ("Bilden", "karta.png", JustAnImage),
            ("image", "karta.png", JustAnImage),
            ("FOTO", "karta.png", JustAnImage),
            ("photo", "karta.png", JustAnImage),
            ("skärmbild", "karta.png", JustAnImage),
            ("Skärmbild 2024-03-01 101010", "x.png", JustAnImage),
            ("screenshot", "karta.png", JustAnImage),
            ("picture", "karta.png", JustAnImage),
            ("Bild 3", "karta.png", JustAnImage),
        ] {
            assert_eq!(meaningless(alt.trim(), src), Some(why), "{alt:?}");
        }
    }

    #[test]
    fn texts_that_describe_something() {
        for (alt, src) in [
            ("Karta över skolorna i Umeå", "karta.png"),
            ("karta", "karta.png"),
            ("Bild av larmkedjan från anmälan till åtgärd", "larm.png"),
            ("Flödesschema", "flode.png"),
            ("Version 2.0 av appen", "app.png"),
            ("Kommunens logga", "logga.svg"),
            ("Foto av Anna Svensson", "anna.jpg"),
        ] {
            assert_eq!(meaningless(alt, src), None, "{alt:?}");
        }
    }
}
