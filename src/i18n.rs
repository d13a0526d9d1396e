//! The words signpost says to the people who run it, in Swedish and English: every
//! diagnostic's message and hint, the closing count of a check, the command line's errors,
//! the preview's error page and what `new`, `review` and `init` print.
//!
//! Each language has one catalogue, `i18n/<lang>.ftl`, in [Fluent](https://projectfluent.org)
//! syntax (`fluent-bundle` reads it): one key per message, with its variables named
//! (`{ $field }`) and plurals chosen by the language's own rules ("1 varning", "2 varningar").
//! The catalogues are compiled into the binary. A message is made as a [`Msg`], a key with its
//! arguments, and put into words only when it is shown ([`Msg::text`]), so everything that
//! finds a problem stays free of language and the language can be chosen after the guide's
//! `config.toml` has been read. `tests/messages.rs` fails when a key is missing from a
//! catalogue, when the two catalogues use different variables for a key, or when the code
//! asks for a key that no catalogue has.
//!
//! Not here: the public site's words (the theme's `strings/<lang>.toml`), and the codes of
//! the diagnostics, which stay English and stable in every language.

use std::fmt;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language signpost speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    En,
    Sv,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Sv];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Sv => "sv",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language to speak to a guide's editors: `chosen` (`--lang`) when given, else the
    /// guide's default language when signpost speaks it, else English.
    pub fn for_guide(chosen: Option<Lang>, default_language: &str) -> Lang {
        chosen
            .or_else(|| Lang::from_code(default_language))
            .unwrap_or(Lang::En)
    }

    fn catalogue(self) -> &'static str {
        match self {
            Lang::En => include_str!("../i18n/en.ftl"),
            Lang::Sv => include_str!("../i18n/sv.ftl"),
        }
    }

    fn bundle(self) -> &'static FluentBundle<FluentResource> {
        static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] =
            [OnceLock::new(), OnceLock::new()];
        BUNDLES[self as usize].get_or_init(|| {
            let id: unic_langid::LanguageIdentifier = self.code().parse().expect("a language code");
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // No Unicode isolation marks around arguments: the text goes to terminals, logs
            // and JSON, where they would show as noise.
            bundle.set_use_isolating(false);
            // A syntax error in a catalogue leaves out the broken entry; the catalogue tests
            // fail on it, so a build that reaches users has none.
            let resource = FluentResource::try_new(self.catalogue().to_string())
                .unwrap_or_else(|(partial, _)| partial);
            let _ = bundle.add_resource(resource);
            bundle
        })
    }

    /// The raw text of a catalogue, for the catalogue tests.
    pub fn catalogue_source(self) -> &'static str {
        self.catalogue()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A value put into a message.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arg {
    Text(String),
    /// A count: chooses the plural form.
    Num(i64),
    /// A message of its own, put into words in the same language.
    Msg(Box<Msg>),
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}

impl From<std::borrow::Cow<'_, str>> for Arg {
    fn from(s: std::borrow::Cow<'_, str>) -> Self {
        Arg::Text(s.into_owned())
    }
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Self {
        Arg::Msg(Box::new(m))
    }
}

macro_rules! num_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
num_arg!(usize, u64, u32, u16, u8, i64, i32);

/// A message: a catalogue key and its arguments, put into words by [`Msg::text`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Msg {
    key: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Msg {
    pub fn new(key: &'static str) -> Msg {
        Msg {
            key,
            args: Vec::new(),
        }
    }

    /// Adds the argument `name` (`{ $name }` in the catalogues).
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Msg {
        self.args.push((name, value.into()));
        self
    }

    pub fn key(&self) -> &'static str {
        self.key
    }

    /// The message in `lang`. A key missing from that catalogue falls back to English, and
    /// one missing from both to the key itself (the catalogue tests keep both from happening).
    pub fn text(&self, lang: Lang) -> String {
        let text = self.format(lang).or_else(|| self.format(Lang::En));
        // Tests run debug builds: a key in no catalogue fails the test that meets it.
        debug_assert!(text.is_some(), "`{}` is in no message catalogue", self.key);
        text.unwrap_or_else(|| self.key.to_string())
    }

    fn format(&self, lang: Lang) -> Option<String> {
        let bundle = lang.bundle();
        let message = bundle.get_message(self.key)?;
        let pattern = message.value()?;
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            let value = match value {
                Arg::Text(s) => FluentValue::from(s.as_str()),
                Arg::Num(n) => FluentValue::from(*n),
                Arg::Msg(m) => FluentValue::from(m.text(lang)),
            };
            args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
        Some(text.into_owned())
    }
}

/// `msg!("key", name = value, …)`: a [`Msg`] with its arguments.
#[macro_export]
macro_rules! msg {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Msg::new($key)$(.arg(stringify!($name), $value))*
    };
}

/// Text in the language: `t(lang, "key")` for a message without arguments.
pub fn t(lang: Lang, key: &'static str) -> String {
    Msg::new(key).text(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_each_language() {
        let count = |lang, e: usize, w: usize, f: usize| {
            msg!("summary", errors = e, warnings = w, files = f).text(lang)
        };
        assert_eq!(count(Lang::Sv, 2, 1, 31), "2 fel, 1 varning i 31 filer");
        assert_eq!(count(Lang::Sv, 1, 2, 1), "1 fel, 2 varningar i 1 fil");
        assert_eq!(count(Lang::En, 2, 1, 31), "2 errors, 1 warning in 31 files");
        assert_eq!(count(Lang::En, 1, 0, 1), "1 error, 0 warnings in 1 file");
    }

    #[test]
    fn the_guide_language_is_used_when_spoken() {
        assert_eq!(Lang::for_guide(None, "sv"), Lang::Sv);
        assert_eq!(Lang::for_guide(None, "fi"), Lang::En);
        assert_eq!(Lang::for_guide(Some(Lang::En), "sv"), Lang::En);
    }
}
