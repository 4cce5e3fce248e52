//! The rule catalog: every rule polity enforces, as data. One definition feeds the findings and
//! refusals (which carry a [`RuleId`], so a misspelt id does not compile), `polity rules`, the
//! web pages under `/rules` and the generated `docs/rules.md`.

use std::cmp::Ordering;
use std::fmt;

mod catalog;
mod params;

pub use catalog::CATALOG;
pub use params::{Parameter, parameters};

macro_rules! rule_ids {
    ($($variant:ident = $text:literal),* $(,)?) => {
        /// A rule's id: `S1`…`S12` (structure), `L1`…`L8` (lifecycle), `E1`…`E11` (elections
        /// and appointments), `D1`…`D11` (decisions and meetings), `C1`…`C3` (contributions),
        /// `T1` (transparency) and the registry's own `R-*` rules.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum RuleId {
            $($variant),*
        }

        impl RuleId {
            /// Every rule, in catalog order.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $text),*
                }
            }

            /// The rule of `text`, without regard to case (`d3`, `D3`, `r-ref`).
            pub fn parse(text: &str) -> Option<RuleId> {
                let text = text.trim();
                RuleId::ALL.iter().copied().find(|id| id.as_str().eq_ignore_ascii_case(text))
            }
        }
    };
}

rule_ids! {
    S1 = "S1", S2 = "S2", S3 = "S3", S4 = "S4", S5 = "S5", S6 = "S6", S7 = "S7", S8 = "S8",
    S9 = "S9", S10 = "S10", S11 = "S11", S12 = "S12",
    L1 = "L1", L2 = "L2", L3 = "L3", L4 = "L4", L5 = "L5", L6 = "L6", L7 = "L7", L8 = "L8",
    E1 = "E1", E2 = "E2", E3 = "E3", E4 = "E4", E5 = "E5", E6 = "E6", E7 = "E7", E8 = "E8",
    E9 = "E9", E10 = "E10", E11 = "E11",
    D1 = "D1", D2 = "D2", D3 = "D3", D4 = "D4", D5 = "D5", D6 = "D6", D7 = "D7", D8 = "D8",
    D9 = "D9", D10 = "D10", D11 = "D11",
    C1 = "C1", C2 = "C2", C3 = "C3",
    T1 = "T1",
    RSyntax = "R-SYNTAX", RSchema = "R-SCHEMA", RValue = "R-VALUE", RRef = "R-REF", RDup = "R-DUP",
    RInit = "R-INIT",
}

impl RuleId {
    /// The rule's entry in the catalog.
    pub fn rule(self) -> &'static Rule {
        &CATALOG[self as usize]
    }

    /// The start of the names of the tests that cover this rule: `d3_`, `r_value_`.
    pub fn test_prefix(self) -> String {
        format!("{}_", self.as_str().to_ascii_lowercase().replace('-', "_"))
    }

    /// The rule's page, relative to the site root: `/rules/D3`.
    pub fn path(self) -> String {
        format!("/rules/{}", self.as_str())
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Ordered by the id's text, so that findings sort as they always have (`D10` before `D2`).
impl Ord for RuleId {
    fn cmp(&self, other: &RuleId) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for RuleId {
    fn partial_cmp(&self, other: &RuleId) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<RuleId> for &str {
    fn eq(&self, other: &RuleId) -> bool {
        *self == other.as_str()
    }
}

/// The governance documents the rules come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seed {
    /// PaddlePaddle SIG governance.
    Paddle,
    /// The Dask governance discussion.
    Dask,
    /// The OpenInfra CFN working group guide.
    Cfn,
    /// The OpenStack "czar system" thread.
    OpenStack,
    /// polity's own rules for registry files and the record.
    Polity,
}

impl Seed {
    pub fn name(self) -> &'static str {
        match self {
            Seed::Paddle => "PaddlePaddle SIG governance",
            Seed::Dask => "Dask governance",
            Seed::Cfn => "OpenInfra CFN working group guide",
            Seed::OpenStack => "OpenStack liaisons (\"czar system\")",
            Seed::Polity => "polity's registry format",
        }
    }
}

/// Where polity applies a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Enforced {
    /// Reading the registry's files (`polity check`, `polity init`).
    Load,
    /// A check of `polity check`, by its function's name.
    Check(&'static str),
    /// The engine, when it decides a command of this name.
    Decide(&'static str),
    /// The engine, for every command (the bounds of every value, the references).
    DecideAny,
    /// Counting votes and ballots.
    Count,
    /// Contribution statistics (`polity stats`, `polity roll`).
    Stats,
    /// The record: its hash chain, signed checkpoints and tally sheets.
    Record,
}

impl fmt::Display for Enforced {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Enforced::Load => f.write_str("reading the registry (polity check)"),
            Enforced::Check(name) => write!(f, "polity check ({name})"),
            Enforced::Decide(command) => write!(f, "when the record decides `{command}`"),
            Enforced::DecideAny => f.write_str("when the record decides any act"),
            Enforced::Count => f.write_str("counting"),
            Enforced::Stats => f.write_str("contribution statistics (polity stats, polity roll)"),
            Enforced::Record => f.write_str("the record (polity audit verify)"),
        }
    }
}

/// A registry key that sets a rule's numbers, with its default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// `polity.yaml` or `bodies/<id>.yaml`.
    pub file: &'static str,
    pub key: &'static str,
    /// What applies when the key is absent.
    pub default: &'static str,
}

/// One rule of the catalog.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    pub id: RuleId,
    pub title: &'static str,
    /// The rule in plain words.
    pub text: &'static str,
    pub seeds: &'static [Seed],
    pub keys: &'static [Key],
    pub enforced: &'static [Enforced],
    /// Tests that prove it (each name starts with the rule's id).
    pub tests: &'static [&'static str],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalog_has_one_entry_per_id_in_order() {
        assert_eq!(CATALOG.len(), RuleId::ALL.len());
        for (index, (rule, id)) in CATALOG.iter().zip(RuleId::ALL).enumerate() {
            assert_eq!(rule.id, *id, "entry {index}");
            assert!(!rule.title.is_empty() && !rule.text.is_empty(), "{id}");
            assert!(!rule.seeds.is_empty() && !rule.enforced.is_empty(), "{id}");
        }
    }

    #[test]
    fn every_rule_names_tests_that_start_with_its_id() {
        for rule in CATALOG {
            assert!(!rule.tests.is_empty(), "{} names no test", rule.id);
            for test in rule.tests {
                assert!(test.starts_with(&rule.id.test_prefix()), "{}: {test}", rule.id);
            }
        }
    }

    #[test]
    fn every_check_the_catalog_names_exists() {
        let names: Vec<&str> = crate::check::check_names().collect();
        for rule in CATALOG {
            for enforced in rule.enforced {
                if let Enforced::Check(name) = enforced {
                    assert!(names.contains(name), "{}: no check {name}", rule.id);
                }
            }
        }
    }

    #[test]
    fn ids_parse_without_regard_to_case_and_sort_as_text() {
        assert_eq!(RuleId::parse("d3"), Some(RuleId::D3));
        assert_eq!(RuleId::parse(" r-ref "), Some(RuleId::RRef));
        assert_eq!(RuleId::parse("D12"), None);
        assert!(RuleId::D10 < RuleId::D2);
        assert_eq!(RuleId::S6, "S6");
        assert_eq!(RuleId::RValue.test_prefix(), "r_value_");
        for id in RuleId::ALL {
            assert_eq!(RuleId::parse(id.as_str()), Some(*id));
        }
    }
}
