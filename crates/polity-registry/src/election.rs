//! The election file that `polity tally --election FILE` reads: method, seats, what unranked
//! means, each candidate's organisation, the per-organisation cap, the sitting members'
//! organisations, the tie-break rule, seat classes and the turnout rule.

use polity_count::seats::{SeatRules, TieBreak};
use polity_count::{Compat, Devotee, ElectionRules, Method, Ratio, Threshold, Turnout, Unranked};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::files::Text;

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ElectionFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `schulze` (winning votes), `schulze-margins`, `ranked-pairs`, `plurality` or `approval`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub method: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seats: Option<usize>,
    /// `no-preference` or `below`; the ballot format's default when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unranked: Option<UnrankedFile>,
    /// Seat classes in ranking order (E5), e.g. three two-year seats then three one-year seats.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub classes: Vec<ClassFile>,
    /// Candidates' organisations and display names, by the name the ballots use.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<CandidateFile>,
    /// S6: at most this many seats per organisation, sitting members included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_organisation: Option<usize>,
    /// Organisations of the members who keep their seats through this election, one entry each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sitting: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tie_break: Option<TieBreakFile>,
    /// E3: the election is valid only with enough valid ballots.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turnout: Option<TurnoutFile>,
    /// Whose semantics a Schulze count follows: `strict` (the default), `elekto` or `devotee`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub compat: Option<Text>,
    /// devotee: the default option ("Further Discussion"), when its name does not say so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_option: Option<String>,
    /// devotee: majority ratios by option, e.g. `{option: "Amend the SC", ratio: "3:1"}`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub majorities: Vec<MajorityFile>,
    /// devotee: an option is dropped unless at least this many rank it above the default option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quorum: Option<u64>,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct MajorityFile {
    pub option: String,
    #[schemars(with = "String")]
    pub ratio: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum UnrankedFile {
    NoPreference,
    Below,
}

impl From<UnrankedFile> for Unranked {
    fn from(value: UnrankedFile) -> Unranked {
        match value {
            UnrankedFile::NoPreference => Unranked::NoPreference,
            UnrankedFile::Below => Unranked::Below,
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ClassFile {
    pub name: String,
    pub seats: usize,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CandidateFile {
    /// As the ballot file spells it.
    #[schemars(with = "String")]
    pub name: Text,
    /// How results should print it, when the ballots spell it otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TieBreakRule {
    /// Report the tie and leave the seat(s) open.
    Report,
    /// A named officer's order of preference, given in `order`.
    Officer,
    /// A random draw: SHA-256(seed, 0, name), smallest first.
    Seed,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TieBreakFile {
    pub rule: TieBreakRule,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub officer: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub order: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TurnoutFile {
    /// How many members could vote.
    pub eligible: u64,
    /// e.g. `>= 2/3 of members cast valid ballots`.
    #[schemars(with = "String")]
    pub valid_if: Text,
}

/// A problem in an election file, with its position when known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElectionFileError {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for ElectionFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "{line}:{column}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

fn at(text: &Text, message: String) -> ElectionFileError {
    let known = text.referenced.line() > 0;
    ElectionFileError {
        line: known.then(|| text.referenced.line() as usize),
        column: known.then(|| text.referenced.column() as usize),
        message,
    }
}

impl ElectionFile {
    pub fn parse(text: &str) -> Result<ElectionFile, ElectionFileError> {
        serde_saphyr::from_str(text).map_err(|error| {
            let location = error.location();
            ElectionFileError {
                line: location.map(|location| location.line() as usize),
                column: location.map(|location| location.column() as usize),
                message: crate::load::plain_message(&error),
            }
        })
    }

    pub fn method(&self) -> Result<Option<Method>, ElectionFileError> {
        self.method
            .as_ref()
            .map(|text| text.value.parse::<Method>().map_err(|message| at(text, message)))
            .transpose()
    }

    /// Every collected problem of the file against the ballots' candidate names; the rules
    /// when there is none. `method`, `seats` and `threads` come from the caller (flags first).
    pub fn rules(
        &self,
        names: &[String],
        method: Method,
        seats: usize,
        threads: usize,
    ) -> Result<ElectionRules, Vec<ElectionFileError>> {
        let mut errors = Vec::new();
        let mut organisations = vec![None; names.len()];
        for candidate in &self.candidates {
            match names.iter().position(|name| *name == candidate.name.value) {
                Some(index) => organisations[index] = candidate.organisation.clone(),
                None => errors.push(at(
                    &candidate.name,
                    format!(
                        "candidate {:?} is not on the ballots; the ballots name: {}",
                        candidate.name.value,
                        names.join(", ")
                    ),
                )),
            }
        }
        let tie_break = match &self.tie_break {
            None => TieBreak::Report,
            Some(file) => match file.rule {
                TieBreakRule::Report => TieBreak::Report,
                TieBreakRule::Officer => {
                    let unknown: Vec<&String> = file.order.iter().filter(|name| !names.contains(name)).collect();
                    if file.officer.is_none() || file.order.is_empty() || !unknown.is_empty() {
                        errors.push(ElectionFileError {
                            line: None,
                            column: None,
                            message: format!(
                                "tie-break by an officer needs `officer:` and an `order:` of candidates on the ballots{}",
                                if unknown.is_empty() { String::new() } else { format!(" (not on the ballots: {unknown:?})") }
                            ),
                        });
                    }
                    TieBreak::Officer {
                        officer: file.officer.clone().unwrap_or_default(),
                        order: file.order.clone(),
                    }
                }
                TieBreakRule::Seed => match &file.seed {
                    Some(seed) if !seed.is_empty() => TieBreak::Seed(seed.clone()),
                    _ => {
                        errors.push(ElectionFileError {
                            line: None,
                            column: None,
                            message: "tie-break by a random draw needs the published `seed:`".to_owned(),
                        });
                        TieBreak::Report
                    }
                },
            },
        };
        let turnout = match &self.turnout {
            None => None,
            Some(file) => match file.valid_if.value.parse::<Threshold>() {
                Ok(valid_if) => Some(Turnout {
                    eligible: file.eligible,
                    valid_if,
                }),
                Err(error) => {
                    errors.push(at(&file.valid_if, error.to_string()));
                    None
                }
            },
        };
        let compat = self.compat(&mut errors);
        let class_seats: usize = self.classes.iter().map(|class| class.seats).sum();
        if !self.classes.is_empty() && class_seats != seats {
            errors.push(ElectionFileError {
                line: None,
                column: None,
                message: format!("the seat classes add up to {class_seats} seats; the election fills {seats}"),
            });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ElectionRules {
            method,
            seats: SeatRules {
                seats,
                organisations,
                cap: self.per_organisation,
                sitting: self.sitting.clone(),
                excluded: Vec::new(),
                tie_break,
            },
            classes: self
                .classes
                .iter()
                .map(|class| (class.name.clone(), class.seats))
                .collect(),
            turnout,
            compat,
            threads,
        })
    }

    /// The counting semantics the file asks for; problems go to `errors`.
    fn compat(&self, errors: &mut Vec<ElectionFileError>) -> Compat {
        let named = match &self.compat {
            None => Compat::Strict,
            Some(text) => Compat::parse(&text.value).unwrap_or_else(|message| {
                errors.push(at(text, message));
                Compat::Strict
            }),
        };
        let mut devotee = Devotee {
            default_option: self.default_option.clone(),
            majorities: Vec::new(),
            quorum: self.quorum,
        };
        for majority in &self.majorities {
            match Ratio::parse(&majority.ratio.value) {
                Ok(ratio) => devotee.majorities.push((majority.option.clone(), ratio)),
                Err(message) => errors.push(at(&majority.ratio, message)),
            }
        }
        let devotee_keys = devotee != Devotee::default();
        match named {
            Compat::Devotee(_) => Compat::Devotee(devotee),
            other => {
                if devotee_keys {
                    errors.push(ElectionFileError {
                        line: None,
                        column: None,
                        message:
                            "`default-option`, `majorities` and `quorum` are devotee's rules: add `compat: devotee`"
                                .to_owned(),
                    });
                }
                other
            }
        }
    }

    /// Display names by ballot name.
    pub fn display_name<'a>(&'a self, name: &'a str) -> &'a str {
        self.candidates
            .iter()
            .find(|candidate| candidate.name.value == name)
            .and_then(|candidate| candidate.display.as_deref())
            .unwrap_or(name)
    }
}
