//! Command-line usage errors (an unknown flag, a value that is not one, a missing argument) in
//! the run's language. English is clap's own wording; Chinese is said here from the error's
//! parts, with clap's usage line and the way to the help.

use clap::error::{ContextKind, ErrorKind};

/// The run's language before the command line is parsed: `--lang X` or `--lang=X` where it reads
/// as a language, else the environment's locale.
pub(crate) fn language(args: &[std::ffi::OsString]) -> polity_i18n::Lang {
    let texts: Vec<String> = args.iter().map(|arg| arg.to_string_lossy().into_owned()).collect();
    let given = texts
        .iter()
        .enumerate()
        .find_map(|(index, arg)| match arg.strip_prefix("--lang") {
            Some("") => texts.get(index + 1).cloned(),
            Some(value) => value.strip_prefix('=').map(str::to_owned),
            None => None,
        });
    given
        .and_then(|code| polity_i18n::Lang::parse(code.trim()))
        .unwrap_or_else(|| polity_i18n::from_environment(|name| std::env::var(name).ok()))
}

/// The usage error said in `lang`, or `None` where clap's own output is what to show (help and
/// version, which are not errors, and every error in English).
pub(crate) fn said(error: &clap::Error, lang: polity_i18n::Lang) -> Option<String> {
    if lang == polity_i18n::Lang::En
        || matches!(
            error.kind(),
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        )
    {
        return None;
    }
    let part = |kind: ContextKind| error.get(kind).map(ToString::to_string).unwrap_or_default();
    let say = |key: &str, args: &[(&str, &str)]| polity_i18n::text(lang, key, args);
    let (arg, value) = (part(ContextKind::InvalidArg), part(ContextKind::InvalidValue));
    let mut lines = vec![match error.kind() {
        ErrorKind::UnknownArgument => say("cli-usage-unknown-argument", &[("arg", &arg)]),
        ErrorKind::InvalidSubcommand => say(
            "cli-usage-unknown-command",
            &[("command", &part(ContextKind::InvalidSubcommand))],
        ),
        ErrorKind::InvalidValue if value.is_empty() => say("cli-usage-needs-value", &[("arg", &arg)]),
        ErrorKind::InvalidValue => say(
            "cli-usage-invalid-value",
            &[
                ("arg", &arg),
                ("value", &value),
                ("valid", &part(ContextKind::ValidValue)),
            ],
        ),
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(error)
                .map(ToString::to_string)
                .unwrap_or_default();
            say(
                "cli-usage-bad-value",
                &[("arg", &arg), ("value", &value), ("reason", &reason)],
            )
        }
        ErrorKind::MissingRequiredArgument => say("cli-usage-missing", &[("args", &arg)]),
        ErrorKind::MissingSubcommand => say("cli-usage-missing-command", &[]),
        ErrorKind::ArgumentConflict => say(
            "cli-usage-conflict",
            &[("arg", &arg), ("prior", &part(ContextKind::PriorArg))],
        ),
        _ => say("cli-usage-other", &[("error", &english_first_line(error))]),
    }];
    for kind in [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ] {
        let suggested = part(kind);
        if !suggested.is_empty() {
            lines.push(say("cli-usage-did-you-mean", &[("suggested", &suggested)]));
        }
    }
    let usage = part(ContextKind::Usage);
    if let Some(usage) = usage.trim().strip_prefix("Usage:") {
        lines.push(String::new());
        lines.push(say("cli-usage-line", &[("usage", usage.trim())]));
    }
    lines.push(String::new());
    lines.push(say("cli-usage-help", &[]));
    Some(lines.join("\n"))
}

/// clap's English message without its `error: ` prefix, for the kinds said in no other way.
fn english_first_line(error: &clap::Error) -> String {
    let rendered = error.render().to_string();
    let first = rendered.lines().next().unwrap_or_default();
    first.strip_prefix("error: ").unwrap_or(first).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory as _;

    fn error_of(args: &[&str]) -> clap::Error {
        crate::cli::Cli::command()
            .try_get_matches_from(std::iter::once("polity").chain(args.iter().copied()))
            .expect_err("a usage error")
    }

    /// The usage errors a person meets most, in Chinese: an unknown flag with the near one, a
    /// value outside the choices with the choices, a missing argument; each ends with the usage
    /// line and where the help is. English stays clap's own.
    #[test]
    fn usage_errors_are_said_in_chinese() {
        let zh = polity_i18n::Lang::Zh;
        let unknown = said(&error_of(&["check", "--formt", "json"]), zh).unwrap();
        assert!(unknown.starts_with("未知参数 --formt"), "{unknown}");
        assert!(unknown.contains("您是否想用 --format？"), "{unknown}");
        assert!(unknown.contains("用法：polity check"), "{unknown}");
        assert!(unknown.contains("polity --help"), "{unknown}");
        let invalid = said(&error_of(&["check", "--format", "yaml"]), zh).unwrap();
        assert!(invalid.contains("yaml") && invalid.contains("human"), "{invalid}");
        let missing = said(&error_of(&["rules", "--registry"]), zh).unwrap();
        assert!(missing.starts_with("--registry <DIR> 需要一个值"), "{missing}");
        let bad_lang = said(&error_of(&["--lang", "fr", "check"]), zh).unwrap();
        assert!(
            bad_lang.starts_with("参数 --lang") && bad_lang.contains("\"fr\""),
            "{bad_lang}"
        );
        assert_eq!(said(&error_of(&["check", "--formt"]), polity_i18n::Lang::En), None);
        assert_eq!(said(&error_of(&["--help"]), zh), None);
    }

    #[test]
    fn the_language_is_read_before_parsing() {
        let args = |list: &[&str]| list.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(language(&args(&["polity", "--lang", "zh", "x"])), polity_i18n::Lang::Zh);
        assert_eq!(language(&args(&["polity", "x", "--lang=zh"])), polity_i18n::Lang::Zh);
    }
}
