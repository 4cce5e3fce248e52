//! polity's words in English and Simplified Chinese: Fluent catalogs compiled into the binary,
//! one folder per language (`i18n/en/`, `i18n/zh/`), one file per part of the product:
//!
//! - `web.ftl`: the web UI's pages, the engine's refusals (`refusal-KEY`, `refusal-KEY-hint`),
//!   rule titles (`rule-title-ID`) and the vocabularies (`seat-*`, `kind-*`, `state-*`, …);
//! - `rules.ftl`: each rule's text (`rule-text-ID`);
//! - `acts.ftl`: each act of the record as a sentence (`act-KIND`), for pages, feeds and the CLI;
//! - `due.ftl`: each obligation coming up (`due-*`), for `polity due` and body pages;
//! - `check.ftl`: the findings of `polity check` (`finding-KEY`, `finding-KEY-hint`);
//! - `feasibility.ftl`: whether each body's rules can be met (`feasibility-*`);
//! - `count.ftl`: a motion's count step by step (`count-*`, see [`count`]);
//! - `cli.ftl`: the command line's own messages (`cli-*`).
//!
//! A message missing from a catalog shows as `⟦key⟧` (never silently in the other language),
//! and a test fails when a message exists in one language only. The terms follow
//! `docs/glossary.md`.

pub mod count;

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
pub use polity_model::Lang;

/// One part of the catalog in both languages: (file name, English source, Chinese source).
pub type Part = (&'static str, &'static str, &'static str);

/// Every part of the catalog, in both languages.
pub const PARTS: &[Part] = &[
    (
        "web.ftl",
        include_str!("../i18n/en/web.ftl"),
        include_str!("../i18n/zh/web.ftl"),
    ),
    (
        "rules.ftl",
        include_str!("../i18n/en/rules.ftl"),
        include_str!("../i18n/zh/rules.ftl"),
    ),
    (
        "acts.ftl",
        include_str!("../i18n/en/acts.ftl"),
        include_str!("../i18n/zh/acts.ftl"),
    ),
    (
        "due.ftl",
        include_str!("../i18n/en/due.ftl"),
        include_str!("../i18n/zh/due.ftl"),
    ),
    (
        "check.ftl",
        include_str!("../i18n/en/check.ftl"),
        include_str!("../i18n/zh/check.ftl"),
    ),
    (
        "feasibility.ftl",
        include_str!("../i18n/en/feasibility.ftl"),
        include_str!("../i18n/zh/feasibility.ftl"),
    ),
    (
        "count.ftl",
        include_str!("../i18n/en/count.ftl"),
        include_str!("../i18n/zh/count.ftl"),
    ),
    (
        "cli.ftl",
        include_str!("../i18n/en/cli.ftl"),
        include_str!("../i18n/zh/cli.ftl"),
    ),
];

struct Catalogs {
    en: FluentBundle<FluentResource>,
    zh: FluentBundle<FluentResource>,
}

fn bundle(tag: &str, sources: impl Iterator<Item = (&'static str, &'static str)>) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new_concurrent(vec![tag.parse().expect("a language tag")]);
    // No invisible bidi marks around values: the text is left-to-right in both languages.
    bundle.set_use_isolating(false);
    for (file, source) in sources {
        let resource = FluentResource::try_new(source.to_owned())
            .unwrap_or_else(|(_, errors)| panic!("{tag}/{file} does not parse: {errors:?}"));
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("{tag}/{file} repeats a message: {errors:?}"));
    }
    bundle
}

static CATALOGS: LazyLock<Catalogs> = LazyLock::new(|| Catalogs {
    en: bundle("en", PARTS.iter().map(|(file, en, _)| (*file, *en))),
    zh: bundle("zh-Hans", PARTS.iter().map(|(file, _, zh)| (*file, *zh))),
});

/// The message `key` in `lang`, with `args` (name, value) put in; `⟦key⟧` when the catalog
/// lacks it.
pub fn text(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    lookup(lang, key, args).unwrap_or_else(|| format!("⟦{key}⟧"))
}

/// The message `key` in `lang` with `args`, or `None` when the catalog lacks it (or a value it
/// needs is not given).
pub fn lookup(lang: Lang, key: &str, args: &[(&str, &str)]) -> Option<String> {
    let catalogs = &*CATALOGS;
    let bundle = match lang {
        Lang::En => &catalogs.en,
        Lang::Zh => &catalogs.zh,
    };
    let pattern = bundle.get_message(key).and_then(|message| message.value())?;
    let mut values = FluentArgs::new();
    for (name, value) in args {
        values.set(*name, (*value).to_owned());
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, (!args.is_empty()).then_some(&values), &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

/// Whether the catalog of `lang` has the message `key`.
pub fn has(lang: Lang, key: &str) -> bool {
    let catalogs = &*CATALOGS;
    let bundle = match lang {
        Lang::En => &catalogs.en,
        Lang::Zh => &catalogs.zh,
    };
    bundle.get_message(key).and_then(|message| message.value()).is_some()
}

/// A sentence made elsewhere ([`polity_model::Words`]: a refusal, an obligation) in `lang`.
pub fn words(lang: Lang, words: &polity_model::Words) -> String {
    text_owned(lang, words.key, &words.args)
}

/// A message with owned values (as the engine's refusals carry them).
pub fn text_owned(lang: Lang, key: &str, args: &[(&str, String)]) -> String {
    let args: Vec<(&str, &str)> = args.iter().map(|(name, value)| (*name, value.as_str())).collect();
    text(lang, key, &args)
}

/// A rule's title in `lang`.
pub fn rule_title(lang: Lang, id: impl std::fmt::Display) -> String {
    text(lang, &format!("rule-title-{id}"), &[])
}

/// A rule's text in `lang`.
pub fn rule_text(lang: Lang, id: impl std::fmt::Display) -> String {
    text(lang, &format!("rule-text-{id}"), &[])
}

/// The message ids of a catalog's source, in order.
pub fn keys(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|line| line.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .filter_map(|line| line.split_once('=').map(|(key, _)| key.trim().to_owned()))
        .collect()
}

/// The language a command line asks for in its environment, POSIX order: `LC_ALL`, then
/// `LC_MESSAGES`, then `LANG` (the first that is set and not empty decides). `zh_CN.UTF-8`,
/// `zh_SG`, `zh-Hans` are Simplified Chinese; `zh_TW`, `zh_HK` and every other language are
/// English, as are `C` and `POSIX`.
pub fn from_environment(var: impl Fn(&str) -> Option<String>) -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(var)
        .find(|value| !value.trim().is_empty())
        .and_then(|value| from_locale(&value))
        .unwrap_or_default()
}

/// The language of a POSIX locale name (`language[_territory][.codeset][@modifier]`).
pub fn from_locale(locale: &str) -> Option<Lang> {
    let name = locale.split(['.', '@']).next().unwrap_or_default().replace('_', "-");
    Lang::parse(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every message exists in both languages, part by part (CI fails on a message in one
    /// language only), and every part is read.
    #[test]
    fn every_message_is_in_both_languages() {
        for (file, en, zh) in PARTS {
            let (en, zh) = (keys(en), keys(zh));
            let only_en: Vec<&String> = en.iter().filter(|key| !zh.contains(key)).collect();
            let only_zh: Vec<&String> = zh.iter().filter(|key| !en.contains(key)).collect();
            assert!(only_en.is_empty(), "{file} in English only: {only_en:?}");
            assert!(only_zh.is_empty(), "{file} in Chinese only: {only_zh:?}");
            assert!(!en.is_empty(), "{file} is read");
        }
    }

    /// Every message formats in both languages (a message that needs a value shows its name,
    /// never `⟦key⟧`, when formatted without one).
    #[test]
    fn every_message_formats_in_both_languages() {
        for lang in [Lang::En, Lang::Zh] {
            for (file, en, _) in PARTS {
                for key in keys(en) {
                    let catalogs = &*CATALOGS;
                    let bundle = if lang == Lang::En { &catalogs.en } else { &catalogs.zh };
                    assert!(
                        bundle.get_message(&key).and_then(|message| message.value()).is_some(),
                        "{file}: {key} has no value in {lang:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn messages_take_their_values_and_a_missing_one_shows() {
        assert_eq!(text(Lang::En, "nav-people", &[]), "People");
        assert_eq!(text(Lang::Zh, "nav-people", &[]), "成员");
        assert_eq!(text(Lang::En, "no-such-message", &[]), "⟦no-such-message⟧");
        assert_eq!(lookup(Lang::Zh, "no-such-message", &[]), None);
    }

    /// Every rule's title and text are in both catalogs, the English ones word for word the
    /// rule catalog's (`polity_model::rules::CATALOG`).
    #[test]
    fn every_rule_title_and_text_is_in_both_languages() {
        let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        for rule in polity_model::rules::CATALOG {
            assert_eq!(rule_title(Lang::En, rule.id), rule.title, "title of {}", rule.id);
            assert_eq!(
                words(&rule_text(Lang::En, rule.id)),
                words(rule.text),
                "text of {}",
                rule.id
            );
            // Chinese: every title and text has its own words (not the English ones).
            assert!(!rule_title(Lang::Zh, rule.id).is_ascii(), "title of {}", rule.id);
            assert!(!rule_text(Lang::Zh, rule.id).is_ascii(), "text of {}", rule.id);
        }
    }

    /// `LC_ALL` beats `LC_MESSAGES`, which beats `LANG`; Traditional Chinese locales and `C`
    /// are English.
    #[test]
    fn the_environment_chooses_the_command_lines_language() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            from_environment(move |name| {
                pairs
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| (*value).to_owned())
            })
        };
        assert_eq!(env(&[("LANG", "zh_CN.UTF-8")]), Lang::Zh);
        assert_eq!(env(&[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "en_US.UTF-8")]), Lang::En);
        assert_eq!(
            env(&[("LANG", "en_GB.UTF-8"), ("LC_MESSAGES", "zh_SG.UTF-8")]),
            Lang::Zh
        );
        assert_eq!(env(&[("LANG", "zh_TW.UTF-8")]), Lang::En);
        assert_eq!(env(&[("LANG", "zh_HK.Big5HKSCS")]), Lang::En);
        assert_eq!(env(&[("LANG", "C.UTF-8")]), Lang::En);
        assert_eq!(
            env(&[("LC_ALL", ""), ("LANG", "zh_CN")]),
            Lang::Zh,
            "an empty one is unset"
        );
        assert_eq!(env(&[("LANG", "zh_CN@pinyin")]), Lang::Zh);
        assert_eq!(env(&[]), Lang::En);
    }
}
