//! The registry's reading problems in words: a parser's message made one line, and as a message
//! of the catalogs (R-SYNTAX, R-SCHEMA), with the near keys and names.

/// A parser's message as one line, without the snippet and the position (the finding carries
/// the position itself: a trailing " at line N column M" is dropped).
pub(super) fn first_line(error: &serde_saphyr::Error) -> String {
    let rendered = error.without_snippet().to_string();
    let first = rendered.lines().next().unwrap_or_default().trim();
    match first.find(" at line ") {
        Some(cut) => first[..cut].to_owned(),
        None => first.to_owned(),
    }
}

/// Turns a parser message into one line without the snippet and position (we print those), an
/// unknown key said in words.
pub(crate) fn plain_message(error: &serde_saphyr::Error) -> String {
    let first = first_line(error);
    unknown_key(&first).unwrap_or(first)
}

/// A parser's message (as [`plain_message`] gives it) as a message of the catalogs, for people
/// who read another language: an unknown key (with the near ones), a missing key, else the
/// parser's own words inside a sentence that says which file and what happened. Every
/// message has the values `file` and `hidden` (`none` until [`findings`] counts the findings that
/// follow from this one).
pub(super) fn parse_words(message: &str, file: &str, is_shape: bool) -> polity_model::Words {
    let mut args: Vec<(&'static str, String)> = vec![("file", file.to_owned()), ("hidden", "none".to_owned())];
    let key = if let Some((key, near)) = unknown_key_parts(message) {
        args.push(("key", key.to_owned()));
        if near.is_empty() {
            "unknown-key"
        } else {
            let quoted: Vec<String> = near.iter().map(|key| format!("`{key}`")).collect();
            let english = polity_model::did_you_mean(&near);
            args.push((
                "near",
                english
                    .trim_start_matches("; did you mean ")
                    .trim_end_matches('?')
                    .to_owned(),
            ));
            args.push(("nearzh", quoted.join("、")));
            "unknown-key-near"
        }
    } else if let Some(key) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        args.push(("key", key.to_owned()));
        "missing-key"
    } else {
        args.push(("message", message.to_owned()));
        if is_shape { "schema-other" } else { "syntax" }
    };
    polity_model::Words { key, args }
}

/// "；您是否想写 `a`、`b`？" for the near candidates, or nothing (the Chinese "did you mean").
pub(super) fn near_zh(near: &[String]) -> String {
    if near.is_empty() {
        return String::new();
    }
    let quoted: Vec<String> = near.iter().map(|name| format!("`{name}`")).collect();
    format!("；您是否想写 {}？", quoted.join("、"))
}

/// The unknown key of serde's "unknown field `x`, expected …" and the keys near it.
fn unknown_key_parts(message: &str) -> Option<(&str, Vec<&str>)> {
    let rest = message.strip_prefix("unknown field `")?;
    let (key, expected) = rest.split_once('`')?;
    let expected = expected.trim_start_matches(", ");
    let keys: Vec<&str> = if let Some(list) = expected.strip_prefix("expected one of ") {
        list.split(", ").map(|key| key.trim_matches('`')).collect()
    } else if let Some(one) = expected.strip_prefix("expected ") {
        one.split(" or ").map(|key| key.trim_matches('`')).collect()
    } else {
        Vec::new()
    };
    Some((key, polity_model::near(key, keys.iter().copied())))
}

/// serde's "unknown field `x`, expected one of a, b, …" (every key of the file, 30 and more) in
/// words: the key, and the near ones when it looks like a typo.
fn unknown_key(message: &str) -> Option<String> {
    let (key, near) = unknown_key_parts(message)?;
    Some(if near.is_empty() {
        format!("unknown key `{key}`: this file has no such key")
    } else {
        format!("unknown key `{key}`{}", polity_model::did_you_mean(&near))
    })
}
