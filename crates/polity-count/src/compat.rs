//! Counting as another tool counts: Elekto's order of candidates and Debian devotee's
//! supermajority and quorum rules (constitution §A.6), each beside strict Schulze.

use crate::condorcet::{Schulze, Tiers};
use crate::pairwise::Pairwise;

/// Whose semantics a Schulze count follows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Compat {
    /// Schulze's own order: i above j when i's strongest path to j is stronger than the way back.
    #[default]
    Strict,
    /// Elekto (Kubernetes, Knative, CNCF projects): candidates ordered by how many others beat
    /// them on strongest paths, fewest first; seats filled down that order.
    Elekto,
    /// Debian's devotee: options that do not defeat the default option by their majority ratio,
    /// or that fail the quorum, are dropped before Schulze.
    Devotee(Devotee),
}

impl Compat {
    pub fn as_str(&self) -> &'static str {
        match self {
            Compat::Strict => "strict",
            Compat::Elekto => "elekto",
            Compat::Devotee(_) => "devotee",
        }
    }

    /// `strict`, `elekto` or `devotee` (with no majority or quorum given beyond the options' names).
    pub fn parse(text: &str) -> Result<Compat, String> {
        match text {
            "strict" | "schulze" => Ok(Compat::Strict),
            "elekto" => Ok(Compat::Elekto),
            "devotee" | "debian" => Ok(Compat::Devotee(Devotee::default())),
            other => Err(format!("unknown compat {other:?}: use strict, elekto or devotee")),
        }
    }
}

/// A majority ratio `n:m`: an option passes when `m × V(option, default) > n × V(default, option)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Ratio {
    pub n: u64,
    pub m: u64,
}

impl Ratio {
    pub const SIMPLE: Ratio = Ratio { n: 1, m: 1 };

    /// `3:1`, `2:1`, `1:1`.
    pub fn parse(text: &str) -> Result<Ratio, String> {
        let (n, m) = text
            .trim()
            .split_once(':')
            .ok_or_else(|| format!("{text:?} is not a ratio: write it as 3:1"))?;
        let number = |part: &str| {
            part.trim()
                .parse::<u64>()
                .ok()
                .filter(|&value| (1..=1000).contains(&value))
                .ok_or_else(|| format!("{text:?} is not a ratio: write it as 3:1, each side 1 to 1000"))
        };
        Ok(Ratio {
            n: number(n)?,
            m: number(m)?,
        })
    }
}

impl std::fmt::Display for Ratio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.n, self.m)
    }
}

/// devotee's inputs beyond the ballots.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Devotee {
    /// The default option by name; when absent, the option named "Further Discussion" or
    /// "None of the above", else the last option (where devotee puts it).
    pub default_option: Option<String>,
    /// Majority ratios by option name, over what the options' names say (`[3:1]`, `[needs 3:1]`).
    pub majorities: Vec<(String, Ratio)>,
    /// Quorum: an option is dropped unless at least this many voters rank it above the default
    /// option (`>=`, as §A.6 says "at least").
    pub quorum: Option<u64>,
}

/// What devotee's rules did before Schulze.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DevoteeOutcome {
    pub default_option: usize,
    /// How the default option was found.
    pub default_by: &'static str,
    /// Options kept for Schulze (the default option always among them), in index order.
    pub kept: Vec<usize>,
    /// Options dropped, with the reason in words.
    pub dropped: Vec<(usize, String)>,
    /// Each option's required majority (by index; the default option's is unused).
    pub majorities: Vec<Ratio>,
}

/// The ratio an option's name declares: `[3:1]` or `[needs 3:1]` at its end.
pub fn declared_ratio(name: &str) -> Option<Ratio> {
    let open = name.rfind('[')?;
    let inner = name[open + 1..]
        .strip_suffix(']')
        .or_else(|| name[open + 1..].trim_end().strip_suffix(']'))?;
    let inner = inner.trim();
    let inner = inner.strip_prefix("needs").unwrap_or(inner);
    Ratio::parse(inner).ok()
}

fn is_default_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    let lower = lower.trim();
    // devotee's ballots number the choices: "Choice 7: Further discussion".
    let bare = lower.rsplit_once(':').map_or(lower, |(_, rest)| rest.trim());
    ["further discussion", "none of the above", "nota"].contains(&bare)
}

/// Applies §A.6's dropping rules to the pairwise matrix. Errors name an unknown option.
pub fn devotee(pairwise: &Pairwise, names: &[String], rules: &Devotee) -> Result<DevoteeOutcome, String> {
    let find = |wanted: &str| {
        names
            .iter()
            .position(|name| name == wanted || name.trim() == wanted.trim())
            .ok_or_else(|| {
                format!(
                    "option {wanted:?} is not on the ballots; they name: {}",
                    names.join(", ")
                )
            })
    };
    let (default_option, default_by) = match &rules.default_option {
        Some(name) => (find(name)?, "as given"),
        None => match names.iter().position(|name| is_default_name(name)) {
            Some(index) => (index, "by its name"),
            None if names.is_empty() => return Err("no options".to_owned()),
            None => (names.len() - 1, "the last option, where devotee puts it"),
        },
    };
    let mut majorities: Vec<Ratio> = names
        .iter()
        .map(|name| declared_ratio(name).unwrap_or(Ratio::SIMPLE))
        .collect();
    for (name, ratio) in &rules.majorities {
        majorities[find(name)?] = *ratio;
    }
    let mut kept = Vec::new();
    let mut dropped = Vec::new();
    let default_name = &names[default_option];
    for (option, &ratio) in majorities.iter().enumerate() {
        if option == default_option {
            kept.push(option);
            continue;
        }
        let (over, under) = (
            pairwise.get(option, default_option),
            pairwise.get(default_option, option),
        );
        if let Some(quorum) = rules.quorum
            && over < quorum
        {
            dropped.push((
                option,
                format!("quorum: {over} voter(s) rank it above {default_name}; the quorum needs at least {quorum}"),
            ));
            continue;
        }
        // m × over > n × under, in integers: exact.
        if u128::from(ratio.m) * u128::from(over) > u128::from(ratio.n) * u128::from(under) {
            kept.push(option);
        } else {
            dropped.push((
                option,
                format!(
                    "majority: it needs {ratio} over {default_name} and has {over} to {under} \
                     ({over} is not more than {} × {under})",
                    if ratio.m == 1 {
                        ratio.n.to_string()
                    } else {
                        format!("{}/{}", ratio.n, ratio.m)
                    }
                ),
            ));
        }
    }
    Ok(DevoteeOutcome {
        default_option,
        default_by,
        kept,
        dropped,
        majorities,
    })
}

/// Elekto's order: each candidate's number of defeats on strongest paths (others whose path to
/// it is stronger than its path back), fewest first; equal counts share a tier.
pub fn elekto_tiers(schulze: &Schulze) -> (Tiers, Vec<usize>) {
    let n = schulze.strongest.len();
    let defeats: Vec<usize> = (0..n)
        .map(|candidate| {
            (0..n)
                .filter(|&other| {
                    other != candidate && schulze.strongest[other][candidate] > schulze.strongest[candidate][other]
                })
                .count()
        })
        .collect();
    let mut counts = defeats.clone();
    counts.sort_unstable();
    counts.dedup();
    let tiers = counts
        .into_iter()
        .map(|count| (0..n).filter(|&candidate| defeats[candidate] == count).collect())
        .collect();
    (tiers, defeats)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_are_read_from_option_names() {
        assert_eq!(
            declared_ratio("Choice 1: Postpone  [needs 3:1]"),
            Some(Ratio { n: 3, m: 1 })
        );
        assert_eq!(declared_ratio("Special exception [3:1]"), Some(Ratio { n: 3, m: 1 }));
        assert_eq!(declared_ratio("Reaffirm [needs 1:1]"), Some(Ratio::SIMPLE));
        assert_eq!(declared_ratio("Further Discussion"), None);
        assert!(is_default_name("Choice 7: Further discussion"));
        assert!(is_default_name("None Of The Above"));
        assert!(!is_default_name("Further discussion of the budget"));
    }

    #[test]
    fn a_supermajority_is_strictly_more_than_the_ratio() {
        // 30 over the default, 10 under: 30 > 3 × 10 is false, so a 3:1 option is dropped.
        let names = vec!["A [3:1]".to_owned(), "Further Discussion".to_owned()];
        let exact = Pairwise::from_rows(&[vec![0, 30], vec![10, 0]]);
        let outcome = devotee(&exact, &names, &Devotee::default()).unwrap();
        assert_eq!(outcome.kept, vec![1]);
        let more = Pairwise::from_rows(&[vec![0, 31], vec![10, 0]]);
        assert_eq!(devotee(&more, &names, &Devotee::default()).unwrap().kept, vec![0, 1]);
    }

    #[test]
    fn the_quorum_is_at_least() {
        let names = vec!["A".to_owned(), "Further Discussion".to_owned()];
        let pairwise = Pairwise::from_rows(&[vec![0, 46], vec![10, 0]]);
        let rules = |quorum| Devotee {
            quorum: Some(quorum),
            ..Devotee::default()
        };
        assert_eq!(devotee(&pairwise, &names, &rules(46)).unwrap().kept, vec![0, 1]);
        let outcome = devotee(&pairwise, &names, &rules(47)).unwrap();
        assert_eq!(outcome.kept, vec![1]);
        assert!(outcome.dropped[0].1.starts_with("quorum"));
    }
}
