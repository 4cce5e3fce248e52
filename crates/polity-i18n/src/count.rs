//! A motion's count explained in the reader's language. The record keeps each step of a
//! motion's count as the English line `polity_count::motion` wrote (`majority: 5 yes of votes
//! cast 8; > 1/2 of votes cast needs 5: met`); this reads those lines back by their grammar and
//! says them with the `count-*` messages, so that records made before the catalogs existed read
//! in Chinese too. A line of another shape (an election's, a composite vote's) is `None`: the
//! page shows it in English and marks it so.

use crate::{Lang, lookup, text};

/// `line` in `lang`; English as it is; `None` when the line is not one of a motion's steps.
pub fn explanation(lang: Lang, line: &str) -> Option<String> {
    if lang == Lang::En {
        return Some(line.to_owned());
    }
    let say = |key: &str, args: &[(&str, &str)]| lookup(lang, key, args);
    if line == "the meeting may discuss but not decide" {
        return say("count-no-quorum", &[]);
    }
    if let Some(choice) = line.strip_prefix("the chair's casting vote: ") {
        let choice = lookup(lang, &format!("choice-word-{choice}"), &[])?;
        return say("count-casting-vote", &[("choice", &choice)]);
    }
    if let Some(outcome) = line.strip_prefix("every body must carry it: ") {
        return say("count-every-body", &[("outcome", &self::outcome(lang, outcome))]);
    }
    if let Some(rest) = line.strip_prefix("yes ") {
        // yes 4 and no 4: a tie (round 1)
        let (yes, rest) = rest.split_once(" and no ")?;
        let (no, rest) = rest.split_once(": a tie (round ")?;
        let round = rest.strip_suffix(')')?;
        return say("count-tie", &[("yes", yes), ("no", no), ("round", round)]);
    }
    step(lang, line)
}

/// `{label}: {part} {what} {whole}; {threshold} needs {needed}: met|not met`.
fn step(lang: Lang, line: &str) -> Option<String> {
    let (line, met) = match line.strip_suffix(": not met") {
        Some(rest) => (rest, "count-not-met"),
        None => (line.strip_suffix(": met")?, "count-met"),
    };
    let (counted, rule) = line.split_once("; ")?;
    let (threshold, needed) = rule.rsplit_once(" needs ")?;
    let (label, counted) = counted.split_once(": ")?;
    let label = match label {
        "quorum (D1)" => "count-label-quorum",
        "participation" => "count-label-participation",
        "majority" => "count-label-majority",
        _ => return None,
    };
    let (part, rest) = counted.split_once(' ')?;
    let (what, whole) = rest.rsplit_once(' ')?;
    let (bound, rest) = threshold.split_once(' ')?;
    let (fraction, base) = rest.split_once(" of ")?;
    let what = lookup(
        lang,
        &format!("count-what-{}", slug(what)),
        &[("part", part), ("whole", whole)],
    )?;
    let threshold = lookup(
        lang,
        &format!("count-threshold-{}", slug(base)),
        &[("bound", bound), ("fraction", fraction)],
    )?;
    lookup(
        lang,
        "count-step",
        &[
            ("label", &text(lang, label, &[])),
            ("what", &what),
            ("threshold", &threshold),
            ("needed", needed),
            ("met", &text(lang, met, &[])),
        ],
    )
}

/// A motion's outcome (`carried`, `tied: vote again`, …) in `lang`; the record's word when the
/// catalog has none.
pub fn outcome(lang: Lang, raw: &str) -> String {
    if lang == Lang::En {
        return raw.to_owned();
    }
    lookup(lang, &format!("outcome-{}", slug(raw)), &[]).unwrap_or_else(|| raw.to_owned())
}

/// `tied: the chair's casting vote decides` → `tied-the-chair-s-casting-vote-decides`.
pub fn slug(raw: &str) -> String {
    let mut slug = String::with_capacity(raw.len());
    for c in raw.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use polity_count::motion::{Choice, MotionRule, Tally, TieStep, decide, decide_composite};

    fn rule(passes: &str, valid_if: Option<&str>, quorum: Option<&str>, tie: &[TieStep]) -> MotionRule {
        MotionRule {
            passes: passes.parse().unwrap(),
            valid_if: valid_if.map(|text| text.parse().unwrap()),
            quorum: quorum.map(|text| text.parse().unwrap()),
            tie: tie.to_vec(),
        }
    }

    /// D1, D3, D4: every line a motion's count writes (each threshold base and bound, quorum met
    /// and not, participation, a tie, a re-vote, the casting vote) reads in Chinese, with no
    /// English word left; in English it is the line itself.
    #[test]
    fn d3_every_step_of_a_motions_count_reads_in_chinese() {
        let thresholds = [
            "> 1/2 of votes cast",
            ">= 2/3 of votes cast",
            "> 1/2 of ballots cast",
            ">= 2/3 of members",
            "> 1/2 of members voted",
            "> 1/2 of members attend",
        ];
        let tallies = [
            Tally {
                members: 9,
                attending: Some(7),
                yes: 5,
                no: 2,
                abstain: 0,
            },
            Tally {
                members: 9,
                attending: Some(3),
                yes: 2,
                no: 1,
                abstain: 0,
            },
            Tally {
                members: 9,
                attending: Some(8),
                yes: 3,
                no: 3,
                abstain: 1,
            },
        ];
        let mut lines = Vec::new();
        for passes in thresholds {
            for valid_if in [None, Some("> 1/2 of members voted")] {
                for quorum in [None, Some("> 1/2 of members attend")] {
                    for tie in [
                        &[TieStep::Revote, TieStep::ChairCastingVote][..],
                        &[TieStep::ChairCastingVote][..],
                        &[],
                    ] {
                        let rule = rule(passes, valid_if, quorum, tie);
                        for tally in &tallies {
                            for round in [1, 2] {
                                for casting in [None, Some(Choice::Yes), Some(Choice::No)] {
                                    lines.extend(decide(&rule, tally, round, casting).explanation);
                                }
                            }
                        }
                    }
                }
            }
        }
        lines.sort();
        lines.dedup();
        assert!(lines.len() >= 25, "the shapes are many: {}", lines.len());
        for line in &lines {
            assert_eq!(explanation(Lang::En, line).as_deref(), Some(line.as_str()));
            let chinese = explanation(Lang::Zh, line).unwrap_or_else(|| panic!("not read: {line}"));
            for english in ["yes", "votes", "members", "needs", "met", "tie", "chair", "quorum", "⟦"] {
                assert!(
                    !chinese.contains(english),
                    "{english:?} left in {chinese:?} (from {line:?})"
                );
            }
        }
        assert_eq!(
            explanation(
                Lang::Zh,
                "majority: 5 yes of votes cast 7; > 1/2 of votes cast needs 4: met"
            )
            .unwrap(),
            "多数：赞成与反对共 7 票，其中赞成 5 票；赞成票须占赞成与反对票的 > 1/2，需要 4：已达到"
        );
        let composite = decide_composite(&[("toc", rule(">= 2/3 of members", None, None, &[]), tallies[0])]);
        let last = composite.explanation.last().unwrap();
        assert_eq!(explanation(Lang::Zh, last).unwrap(), "须每个机构都通过：未通过");
        assert_eq!(
            explanation(Lang::Zh, "an election's line"),
            None,
            "other lines are not guessed"
        );
    }

    #[test]
    fn outcomes_are_said_in_chinese() {
        assert_eq!(
            outcome(Lang::Zh, "tied: the chair's casting vote decides"),
            "平局：由主席投决定票"
        );
        assert_eq!(outcome(Lang::Zh, "something new"), "something new");
        assert_eq!(outcome(Lang::En, "carried"), "carried");
    }
}
