//! Output of `check` and `due` in their formats. JSON shapes here are wire types of their own.

use std::fmt::Write;
use std::path::Path;

use jiff::civil::Date;
use polity_model::{Finding, Obligation, Period, Polity, Severity};
use serde::Serialize;

fn file_path(dir: &Path, polity: &Polity, finding: &Finding) -> Option<String> {
    let loc = finding.loc?;
    Some(dir.join(polity.file_name(loc)).display().to_string())
}

fn counts(findings: &[Finding]) -> (usize, usize) {
    let errors = findings
        .iter()
        .filter(|finding| finding.severity == Severity::Error)
        .count();
    (errors, findings.len() - errors)
}

/// Compiler-style diagnostics: `error[S6]: path:line:col: message` and a hint line.
/// A source line made safe to print: control characters (an escape sequence in a file could
/// rewrite the terminal) become `?`, tabs a space; at most 160 characters.
fn printable(line: &str) -> String {
    let mut out: String = line
        .chars()
        .take(160)
        .map(|c| match c {
            '\t' => ' ',
            c if c.is_control() => '?',
            c => c,
        })
        .collect();
    if line.chars().count() > 160 {
        out.push('…');
    }
    out
}

/// The width of the token a finding points at: up to a space or YAML punctuation, at least 1.
fn token_width(line: &str, column: usize) -> usize {
    line.chars()
        .skip(column.saturating_sub(1))
        .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | '}' | ']' | '{' | '[' | ':' | '#'))
        .count()
        .max(1)
}

/// `polity check` for people: each finding with its file, line and column, the source line with a
/// caret under what it is about, and the hint; `colour` adds ANSI colours (on a terminal, unless
/// NO_COLOR is set).
/// A finding's message and hint in `lang` (English where it has no message in the catalogs).
fn said(finding: &Finding, lang: polity_i18n::Lang) -> (String, String) {
    match &finding.words {
        Some(words) if lang != polity_i18n::Lang::En => (
            polity_i18n::text_owned(lang, &format!("finding-{}", words.key), &words.args),
            polity_i18n::text_owned(lang, &format!("finding-{}-hint", words.key), &words.args),
        ),
        _ => (finding.message.clone(), finding.hint.clone()),
    }
}

pub fn check_human(
    dir: &Path,
    polity: &Polity,
    findings: &[Finding],
    at: Date,
    colour: bool,
    lang: polity_i18n::Lang,
) -> String {
    let say = |key: &str, args: &[(&str, &str)]| polity_i18n::text(lang, key, args);
    let paint = |code: &str, text: &str| {
        if colour {
            format!("\u{1b}[{code}m{text}\u{1b}[0m")
        } else {
            text.to_owned()
        }
    };
    let mut sources: std::collections::HashMap<String, Vec<String>> = std::collections::HashMap::new();
    let mut out = String::new();
    for finding in findings {
        let path = file_path(dir, polity, finding);
        let position = match (&path, finding.loc) {
            (Some(path), Some(loc)) => format!("{path}:{}:{}: ", loc.line, loc.column),
            _ => String::new(),
        };
        let (message, hint) = said(finding, lang);
        let label = match finding.severity {
            Severity::Error => paint("1;31", &format!("{}[{}]", say("cli-check-error", &[]), finding.rule)),
            Severity::Warning => paint("1;33", &format!("{}[{}]", say("cli-check-warning", &[]), finding.rule)),
        };
        let _ = writeln!(out, "{label}: {position}{}", paint("1", &message));
        if let (Some(path), Some(loc)) = (&path, finding.loc) {
            let lines = sources.entry(path.clone()).or_insert_with(|| {
                std::fs::read_to_string(path)
                    .map(|text| text.lines().map(str::to_owned).collect())
                    .unwrap_or_default()
            });
            if let Some(line) = (loc.line as usize).checked_sub(1).and_then(|index| lines.get(index)) {
                let number = loc.line.to_string();
                let gutter = " ".repeat(number.len());
                let column = loc.column as usize;
                let shown = printable(line);
                let _ = writeln!(out, "{gutter} {}", paint("34", "|"));
                let _ = writeln!(out, "{} {} {shown}", paint("34", &number), paint("34", "|"));
                if column >= 1 && column <= shown.chars().count() + 1 {
                    let width = token_width(&shown, column);
                    let _ = writeln!(
                        out,
                        "{gutter} {} {}{}",
                        paint("34", "|"),
                        " ".repeat(column - 1),
                        paint("1;31", &"^".repeat(width))
                    );
                }
            }
        }
        let _ = writeln!(out, "  = {}", say("cli-check-hint", &[("hint", &hint)]));
    }
    let (errors, warnings) = counts(findings);
    let _ = writeln!(
        out,
        "{}",
        say(
            "cli-check-summary",
            &[
                ("errors", &errors.to_string()),
                ("warnings", &warnings.to_string()),
                ("dir", &dir.display().to_string()),
                ("at", &at.to_string()),
            ]
        )
    );
    out
}

#[derive(Serialize)]
struct CheckReport<'a> {
    registry: String,
    at: String,
    errors: usize,
    warnings: usize,
    findings: Vec<FindingJson<'a>>,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    rule: &'a str,
    severity: &'static str,
    file: Option<String>,
    line: Option<u32>,
    column: Option<u32>,
    message: &'a str,
    hint: &'a str,
}

pub fn check_json(dir: &Path, polity: &Polity, findings: &[Finding], at: Date) -> String {
    let (errors, warnings) = counts(findings);
    let report = CheckReport {
        registry: dir.display().to_string(),
        at: at.to_string(),
        errors,
        warnings,
        findings: findings
            .iter()
            .map(|finding| FindingJson {
                rule: finding.rule.as_str(),
                severity: match finding.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                file: file_path(dir, polity, finding),
                line: finding.loc.map(|loc| loc.line),
                column: finding.loc.map(|loc| loc.column),
                message: &finding.message,
                hint: &finding.hint,
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&report).expect("plain data serialises");
    text.push('\n');
    text
}

/// Escapes GitHub workflow-command data (`%`, CR, LF) and, for properties, also `:` and `,`.
fn github_escape(text: &str, property: bool) -> String {
    let mut out = text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    if property {
        out = out.replace(':', "%3A").replace(',', "%2C");
    }
    out
}

/// GitHub Actions annotations: `::error file=…,line=…,col=…,title=…::message`.
pub fn check_github(dir: &Path, polity: &Polity, findings: &[Finding]) -> String {
    let mut out = String::new();
    for finding in findings {
        let mut properties = Vec::new();
        if let (Some(path), Some(loc)) = (file_path(dir, polity, finding), finding.loc) {
            properties.push(format!("file={}", github_escape(&path, true)));
            properties.push(format!("line={}", loc.line));
            properties.push(format!("col={}", loc.column));
        }
        properties.push(format!(
            "title={}",
            github_escape(&format!("polity {}", finding.rule), true)
        ));
        let _ = writeln!(
            out,
            "::{} {}::{}",
            finding.severity,
            properties.join(","),
            github_escape(&format!("{} ({})", finding.message, finding.hint), false)
        );
    }
    out
}

pub fn due_human(obligations: &[Obligation], at: Date, within: Period, lang: polity_i18n::Lang) -> String {
    let say = |key: &str, args: &[(&str, &str)]| polity_i18n::text(lang, key, args);
    let mut out = String::new();
    let within_amount = within.amount.to_string();
    let period = say(
        "due-period",
        &[("amount", &within_amount), ("unit", within.unit_word())],
    );
    let _ = writeln!(
        out,
        "{}",
        say("cli-due-head", &[("at", &at.to_string()), ("within", &period)])
    );
    if obligations.is_empty() {
        let _ = writeln!(out, "  {}", say("cli-due-nothing", &[]));
    }
    let overdue = format!("{} ", say("cli-due-overdue", &[]));
    for obligation in obligations {
        let flag = if obligation.overdue { overdue.as_str() } else { "" };
        let _ = writeln!(
            out,
            "{}  {:<4} {:<18} {flag}{}",
            obligation.date,
            obligation.rule,
            obligation.kind.as_str(),
            if lang == polity_i18n::Lang::En {
                obligation.summary.clone()
            } else {
                polity_i18n::words(lang, &obligation.words)
            }
        );
    }
    out
}

#[derive(Serialize)]
struct DueReport<'a> {
    at: String,
    within: String,
    obligations: Vec<ObligationJson<'a>>,
}

#[derive(Serialize)]
struct ObligationJson<'a> {
    date: String,
    kind: &'static str,
    rule: &'static str,
    body: &'a str,
    summary: &'a str,
    overdue: bool,
}

pub fn due_json(obligations: &[Obligation], at: Date, within: Period) -> String {
    let report = DueReport {
        at: at.to_string(),
        within: within.to_string(),
        obligations: obligations
            .iter()
            .map(|obligation| ObligationJson {
                date: obligation.date.to_string(),
                kind: obligation.kind.as_str(),
                rule: obligation.rule.as_str(),
                body: &obligation.body,
                summary: &obligation.summary,
                overdue: obligation.overdue,
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&report).expect("plain data serialises");
    text.push('\n');
    text
}

/// `check --record`: what the change of the files does, one line each; those that need a process
/// are marked and come back as findings below.
pub fn changes_human(changes: &[polity_model::diff::Change]) -> String {
    let mut out = String::new();
    if changes.is_empty() {
        out.push_str("The files say what the record says.\n\n");
        return out;
    }
    let _ = writeln!(out, "What this change does ({}):", changes.len());
    for change in changes {
        let _ = writeln!(
            out,
            "  {}{}",
            change.what,
            change
                .needs
                .map(|rule| format!("  [needs a recorded process: {rule}]"))
                .unwrap_or_default()
        );
    }
    out.push('\n');
    out
}

/// `check --record --format json`: the report with a `changes` list.
pub fn with_changes_json(report: &str, changes: &[polity_model::diff::Change]) -> String {
    let mut value: serde_json::Value = serde_json::from_str(report).expect("the report is JSON");
    value["changes"] = changes
        .iter()
        .map(|change| {
            serde_json::json!({
                "body": change.body,
                "what": change.what,
                "needs": change.needs.map(|rule| rule.as_str()),
                "line": change.loc.line,
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&value).expect("plain data serialises");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_ref_a_source_line_is_printed_safely_with_a_caret_under_the_token() {
        assert_eq!(
            printable("a\u{1b}[2Jb\tc"),
            "a?[2Jb c",
            "no escape sequence reaches the terminal"
        );
        assert_eq!(printable(&"x".repeat(200)).chars().count(), 161);
        assert_eq!(token_width("  - { person: alicee, seat: member }", 15), 6);
        assert_eq!(token_width("leadershp: ptl", 1), 9);
        assert_eq!(token_width("x", 5), 1);
    }

    #[test]
    fn r_schema_colour_only_when_asked() {
        let loaded = polity_registry::load(Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../examples/dask-leadership-broken"
        )))
        .unwrap();
        let at = jiff::civil::date(2026, 6, 1);
        let findings = polity_registry::findings(&loaded, at);
        let dir = Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../examples/dask-leadership-broken"
        ));
        let plain = check_human(dir, &loaded.polity, &findings, at, false, polity_i18n::Lang::En);
        let coloured = check_human(dir, &loaded.polity, &findings, at, true, polity_i18n::Lang::En);
        assert!(!plain.contains('\u{1b}'));
        assert!(coloured.contains("\u{1b}[1;31merror["), "{coloured}");
        assert!(plain.contains(" | ") && plain.contains('^'), "{plain}");
    }
}
