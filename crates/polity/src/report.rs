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
pub fn check_human(dir: &Path, polity: &Polity, findings: &[Finding], at: Date) -> String {
    let mut out = String::new();
    for finding in findings {
        let position = match (file_path(dir, polity, finding), finding.loc) {
            (Some(path), Some(loc)) => format!("{path}:{}:{}: ", loc.line, loc.column),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "{}[{}]: {position}{}",
            finding.severity, finding.rule, finding.message
        );
        let _ = writeln!(out, "  = hint: {}", finding.hint);
    }
    let (errors, warnings) = counts(findings);
    let _ = writeln!(
        out,
        "polity check: {errors} error(s), {warnings} warning(s) in {} as of {at}",
        dir.display()
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

pub fn due_human(obligations: &[Obligation], at: Date, within: Period) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "obligations as of {at}, looking {within} ahead:");
    if obligations.is_empty() {
        let _ = writeln!(out, "  nothing is due");
    }
    for obligation in obligations {
        let flag = if obligation.overdue { "OVERDUE " } else { "" };
        let _ = writeln!(
            out,
            "{}  {:<4} {:<18} {flag}{}",
            obligation.date,
            obligation.rule,
            obligation.kind.as_str(),
            obligation.summary
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
