//! Findings: what `check` says about a registry.

use crate::rules::RuleId;
use std::fmt;

use crate::model::Loc;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One problem found in a registry: which rule, where, what is wrong and what to do.
///
/// Rule ids are those of RULES.md (`S6`, `L5`, …) or the registry's own:
/// `R-SYNTAX` (a file is not YAML), `R-SCHEMA` (a wrong type, an unknown or missing key),
/// `R-VALUE` (a value that does not parse: a date, a period, a threshold),
/// `R-REF` (a reference to nothing), `R-DUP` (an id or GitHub handle used twice),
/// `R-IO` (a file that cannot be read).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: RuleId,
    pub severity: Severity,
    pub loc: Option<Loc>,
    pub message: String,
    pub hint: String,
    /// The finding as a message of the catalogs (`finding-KEY`, `finding-KEY-hint`) and its
    /// values, to say it in the reader's language; `message` and `hint` stay English.
    pub words: Option<crate::Words>,
}

impl Finding {
    pub fn error(
        rule: RuleId,
        loc: impl Into<Option<Loc>>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Finding {
        Finding {
            rule,
            severity: Severity::Error,
            loc: loc.into(),
            message: message.into(),
            hint: hint.into(),
            words: None,
        }
    }

    /// The same finding, sayable in other languages as the message `finding-KEY` with `args`.
    #[must_use]
    pub fn said(mut self, key: &'static str, args: &[(&'static str, String)]) -> Finding {
        self.words = Some(crate::Words::new(key, args));
        self
    }

    pub fn warning(
        rule: RuleId,
        loc: impl Into<Option<Loc>>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Finding {
        Finding {
            severity: Severity::Warning,
            ..Finding::error(rule, loc, message, hint)
        }
    }
}

/// Puts findings in their one stable order: by file position, then rule, then message.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| (a.loc, a.rule, a.severity, &a.message).cmp(&(b.loc, b.rule, b.severity, &b.message)));
}
