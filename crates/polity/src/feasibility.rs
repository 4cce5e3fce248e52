//! `polity feasibility`: can each body's rules be met by the people it has today?

use std::fmt::Write;
use std::path::Path;

use anyhow::{Result, bail};
use jiff::civil::Date;
use polity_engine::State;
use polity_engine::feasibility::{Feasibility, Verdict, feasibility};
use serde::Serialize;

/// The report and whether anything is infeasible.
pub fn run(dir: &Path, at: Date, json: bool) -> Result<(String, bool)> {
    let loaded = polity_registry::load(dir)?;
    let errors = loaded
        .findings
        .iter()
        .filter(|finding| finding.severity == polity_model::Severity::Error)
        .count();
    if errors > 0 {
        bail!(
            "{}: the registry has {errors} error(s); run `polity check {}` and fix them first",
            dir.display(),
            dir.display()
        );
    }
    let state = State {
        polity: loaded.polity,
        ..State::default()
    };
    let lines = feasibility(&state, at);
    let infeasible = lines.iter().any(|line| line.verdict == Verdict::Infeasible);
    Ok((
        if json {
            as_json(&lines, at)
        } else {
            as_text(&lines, at, crate::lang())
        },
        infeasible,
    ))
}

fn rules(line: &Feasibility) -> String {
    let ids: Vec<&str> = line.rules.iter().map(|rule| rule.as_str()).collect();
    ids.join(", ")
}

fn as_text(lines: &[Feasibility], at: Date, lang: polity_i18n::Lang) -> String {
    let say = |key: &str, args: &[(&str, &str)]| polity_i18n::text(lang, key, args);
    let mut out = String::new();
    let infeasible = lines.iter().filter(|line| line.verdict == Verdict::Infeasible).count();
    let warnings = lines.iter().filter(|line| line.verdict == Verdict::Warning).count();
    let (infeasible_text, warnings_text) = (infeasible.to_string(), warnings.to_string());
    let counts = [
        ("infeasible", infeasible_text.as_str()),
        ("warnings", warnings_text.as_str()),
    ];
    let verdict = match (infeasible, warnings) {
        (0, 0) => say("cli-feasibility-all", &counts),
        (0, _) => say("cli-feasibility-warnings", &counts),
        _ => say("cli-feasibility-infeasible", &counts),
    };
    let _ = writeln!(
        out,
        "{}",
        say(
            "cli-feasibility-head",
            &[("at", &at.to_string()), ("verdict", &verdict)]
        )
    );
    let mut body = "";
    for line in lines {
        if line.body != body {
            body = &line.body;
            let _ = writeln!(out, "\n{body}");
        }
        let message = if lang == polity_i18n::Lang::En {
            line.message.clone()
        } else {
            polity_i18n::words(lang, &line.words)
        };
        let verdict = say(&format!("cli-verdict-{}", line.verdict.as_str()), &[]);
        let pad = " ".repeat(10usize.saturating_sub(crate::rules::columns(&verdict)));
        let _ = writeln!(out, "  {verdict}{pad} {message} ({})", rules(line));
    }
    if infeasible > 0 {
        let _ = writeln!(out, "\n{}", say("cli-feasibility-what-to-do", &[]));
    }
    out
}

#[derive(Serialize)]
struct Json<'a> {
    at: String,
    feasible: bool,
    checks: Vec<JsonLine<'a>>,
}

#[derive(Serialize)]
struct JsonLine<'a> {
    body: &'a str,
    verdict: &'static str,
    rules: Vec<&'static str>,
    message: &'a str,
}

fn as_json(lines: &[Feasibility], at: Date) -> String {
    let report = Json {
        at: at.to_string(),
        feasible: !lines.iter().any(|line| line.verdict == Verdict::Infeasible),
        checks: lines
            .iter()
            .map(|line| JsonLine {
                body: &line.body,
                verdict: line.verdict.as_str(),
                rules: line.rules.iter().map(|rule| rule.as_str()).collect(),
                message: &line.message,
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&report).expect("plain data serialises");
    text.push('\n');
    text
}
