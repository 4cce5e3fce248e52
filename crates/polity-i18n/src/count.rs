//! A motion's count explained in the reader's language. The record keeps each step of a
//! motion's count as the English line `polity_count::motion` wrote (`majority: 5 yes of votes
//! cast 8; > 1/2 of votes cast needs 5: met`); this reads those lines back by their grammar and
//! says them with the `count-*` messages, so that records made before the catalogs existed read
//! in Chinese too. An election's lines are read the same way for the shapes most counts have
//! (ballots and method, turnout, Schulze, ranked pairs, plurality, approval, the Condorcet
//! winner, the cap, each seat, a cap skip), and the rarer ones (`count/rare.rs`: devotee's steps,
//! an STV tie, a candidate passed over, a composite vote's part). A line of no known shape is
//! `None`: the page shows it in English and marks it so.

use crate::{Lang, lookup, text};

mod rare;

/// `line` in `lang`; English as it is; `None` when the line is of no known shape.
pub fn explanation(lang: Lang, line: &str) -> Option<String> {
    if lang == Lang::En {
        return Some(line.to_owned());
    }
    motion_line(lang, line)
        .or_else(|| election(lang, line))
        .or_else(|| rare::explanation(lang, line))
}

/// A line of a motion's count (a step, no quorum, a tie, the casting vote, the composite's end).
/// Never recurses: a composite vote's parts are read with this alone, so a crafted line cannot
/// make the reading nest.
fn motion_line(lang: Lang, line: &str) -> Option<String> {
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

/// The lines of an election's count that most counts have.
fn election(lang: Lang, line: &str) -> Option<String> {
    let say = |key: &str, args: &[(&str, &str)]| lookup(lang, key, args);
    match line {
        "Schulze (winning votes) over the pairwise matrix" => return say("count-schulze-winning-votes", &[]),
        "Schulze (margins) over the pairwise matrix" => return say("count-schulze-margins", &[]),
        "ranked pairs: majorities locked strongest first, cycles skipped" => return say("count-ranked-pairs", &[]),
        "approval: each ballot approves every candidate it ranks" => return say("count-approval", &[]),
        _ => {}
    }
    if line.starts_with("Meek STV: each elected candidate keeps a fraction of every vote") {
        let digits = line
            .rsplit_once("; ")
            .and_then(|(_, tail)| tail.strip_suffix(" decimal places, votes kept rounded up"))?;
        return say("count-meek", &[("digits", digits)]);
    }
    if line.starts_with("Scottish STV (Scottish Local Government Elections Order 2007, rules 45-52): ") {
        return say("count-scottish", &[]);
    }
    if let Some(valid) = line.strip_suffix(" valid ballot(s) counted") {
        return say("count-stv-valid", &[("ballots", valid)]);
    }
    if let Some(empty) = line.strip_suffix(" ballot(s) rank nobody: not valid votes, not counted") {
        return say("count-stv-empty", &[("ballots", empty)]);
    }
    if let Some(truncated) =
        line.strip_suffix(" ballot(s) give two candidates the same rank: each counts up to the repeated rank")
    {
        return say("count-stv-truncated", &[("ballots", truncated)]);
    }
    if let Some(rest) = line.strip_prefix("plurality: each ballot counts for its single best-ranked candidate; ") {
        let none = rest.strip_suffix(" ballot(s) counted for none")?;
        return say("count-plurality", &[("none", none)]);
    }
    if let Some(name) = line.strip_suffix(" beats every other candidate head to head (Condorcet winner)") {
        return say("count-condorcet-winner", &[("name", name)]);
    }
    if let Some(rest) = line.strip_prefix("turnout: ") {
        // turnout: 6 of 9 eligible cast valid ballots; >= 2/3 of members voted needs 6: valid
        let (voters, rest) = rest.split_once(" of ")?;
        let (eligible, rest) = rest.split_once(" eligible cast valid ballots; ")?;
        let (threshold, rest) = rest.rsplit_once(" needs ")?;
        let (needed, verdict) = rest.split_once(": ")?;
        let verdict = match verdict {
            "valid" => "count-turnout-valid",
            "not valid, nobody is elected" => "count-turnout-not-valid",
            _ => return None,
        };
        let (bound, rest) = threshold.split_once(' ')?;
        let (fraction, base) = rest.split_once(" of ")?;
        let threshold = say(
            &format!("count-threshold-{}", slug(base)),
            &[("bound", bound), ("fraction", fraction)],
        )?;
        return say(
            "count-turnout",
            &[
                ("voters", voters),
                ("eligible", eligible),
                ("threshold", &threshold),
                ("needed", needed),
                ("verdict", &text(lang, verdict, &[])),
            ],
        );
    }
    if let Some(said) = seats(lang, line) {
        return Some(said);
    }
    // 6 ballot(s) over 1 candidate(s); method schulze; unranked means below
    let (ballots, rest) = line.split_once(" ballot(s) over ")?;
    let (candidates, rest) = rest.split_once(" candidate(s); method ")?;
    let (method, unranked) = rest.split_once("; unranked means ")?;
    // `schulze as devotee counts`; `… unranked means below (compat elekto applies to schulze
    // only; not used)`.
    let method = match method.split_once(" as ") {
        Some((method, compat)) => say(
            "count-method-as",
            &[("method", method), ("compat", compat.strip_suffix(" counts")?)],
        )?,
        None if !method.contains(' ') => method.to_owned(),
        None => return None,
    };
    let (unranked, unused) = match unranked.split_once(" (compat ") {
        Some((unranked, rest)) => (
            unranked,
            Some(rest.strip_suffix(" applies to schulze only; not used)")?),
        ),
        None => (unranked, None),
    };
    let unranked = lookup(lang, &format!("count-unranked-{}", slug(unranked)), &[])?;
    let said = say(
        "count-ballots",
        &[
            ("ballots", ballots),
            ("candidates", candidates),
            ("method", &method),
            ("unranked", &unranked),
        ],
    )?;
    match unused {
        Some(compat) => Some(format!("{said}{}", say("count-compat-unused", &[("compat", compat)])?)),
        None => Some(said),
    }
}

/// The lines of filling the seats: each seat, a cap skip, a tie, the cap, unfilled seats.
fn seats(lang: Lang, line: &str) -> Option<String> {
    let say = |key: &str, args: &[(&str, &str)]| lookup(lang, key, args);
    if let Some(rest) = line.strip_prefix("seat ") {
        // seat 1: chen (huawei: now 1)
        let (seat, rest) = rest.split_once(": ")?;
        if !seat.bytes().all(|byte| byte.is_ascii_digit()) {
            return None;
        }
        return match rest.strip_suffix(')').and_then(|rest| rest.rsplit_once(" (")) {
            Some((name, held)) => {
                let (organisation, count) = held.rsplit_once(": now ")?;
                say(
                    "count-seat-held",
                    &[
                        ("seat", seat),
                        ("name", name),
                        ("organisation", organisation),
                        ("count", count),
                    ],
                )
            }
            None => say("count-seat", &[("seat", seat), ("name", rest)]),
        };
    }
    if let Some(rest) = line.strip_prefix("skipped ") {
        // skipped bob: intel already holds 1 of at most 1 seat(s)
        let (name, rest) = rest.split_once(": ")?;
        let (organisation, rest) = rest.split_once(" already holds ")?;
        let (count, rest) = rest.split_once(" of at most ")?;
        let cap = rest.strip_suffix(" seat(s)")?;
        return say(
            "count-skipped",
            &[
                ("name", name),
                ("organisation", organisation),
                ("count", count),
                ("cap", cap),
            ],
        );
    }
    if let Some(rest) = line.strip_prefix("tie for the last ") {
        // tie for the last 2 seat(s) among ana, bob: left open (tie-break: report); …
        let (left, rest) = rest.split_once(" seat(s) among ")?;
        let (tied, how) = rest.split_once(": ")?;
        let how = if how == "left open (tie-break: report); decide it by the body's rule and record the choice" {
            text(lang, "count-tie-report", &[])
        } else if let Some(seed) = how.strip_prefix("broken by a random draw from the published seed ") {
            say("count-tie-seed", &[("seed", seed)])?
        } else if let Some(officer) = how
            .strip_prefix("broken by ")
            .and_then(|rest| rest.strip_suffix("'s choice"))
        {
            say("count-tie-officer", &[("officer", officer)])?
        } else {
            let officer = how
                .strip_prefix("left open: ")?
                .strip_suffix("'s order does not name every tied candidate")?;
            say("count-tie-officer-incomplete", &[("officer", officer)])?
        };
        return say("count-tie-seats", &[("left", left), ("tied", tied), ("how", &how)]);
    }
    if let Some(unfilled) = line.strip_suffix(" seat(s) left unfilled: not enough eligible candidates") {
        return say("count-unfilled", &[("unfilled", unfilled)]);
    }
    if let Some(rest) = line.strip_prefix("cap: at most ") {
        let (cap, rest) = rest.split_once(" seat(s) per organisation, counting sitting members (")?;
        let sitting = rest.strip_suffix(')')?;
        let sitting = if sitting == "none" {
            text(lang, "count-nobody", &[])
        } else {
            sitting.to_owned()
        };
        return say("count-cap", &[("cap", cap), ("sitting", &sitting)]);
    }
    None
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

/// What one round of an STV count did (`first preferences`, `elected with at least the quota
/// 3.00000: ana (4.00000)`, `excluded: cy (1.00000) (lowest); ballots moved on at their value`, …)
/// in `lang`, with the candidates passed over (E3) or skipped for the cap (S6) in the same step
/// and a group excluded together; English as it is; `None` for a round of no known shape.
pub fn round_action(lang: Lang, action: &str) -> Option<String> {
    if lang == Lang::En {
        return Some(action.to_owned());
    }
    let say = |key: &str, args: &[(&str, &str)]| lookup(lang, key, args);
    if action == "first preferences" {
        return say("count-round-first", &[]);
    }
    if let Some(rest) = action.strip_prefix("first preferences; ") {
        // first preferences; passed over ana: …; skipped bob: …
        let mut said = vec![text(lang, "count-round-first", &[])];
        for line in rest.split("; ") {
            said.push(seats(lang, line).or_else(|| rare::passed_over(lang, line))?);
        }
        return Some(said.join("；"));
    }
    if let Some(rest) = action.strip_prefix("elected with at least the quota ") {
        let (quota, rest) = rest.split_once(": ")?;
        let (elected, iterations) = match rest.rsplit_once(" (after ") {
            Some((elected, tail)) => (elected, tail.strip_suffix(" iteration(s))")),
            None => (rest, None),
        };
        let elected = &with_exclusions(lang, elected)?;
        return match iterations {
            Some(iterations) => say(
                "count-round-elected-meek",
                &[("quota", quota), ("elected", elected), ("iterations", iterations)],
            ),
            None => say("count-round-elected", &[("quota", quota), ("elected", elected)]),
        };
    }
    if let Some(rest) = action.strip_prefix("excluded: ") {
        if let Some(said) = tied_lowest(lang, rest) {
            return Some(said);
        }
        if let Some(excluded) = rest.strip_suffix(" (lowest); ballots moved on at their value") {
            return say("count-round-excluded", &[("excluded", excluded)]);
        }
        let (excluded, tail) = rest.rsplit_once(" (lowest; surplus spent after ")?;
        let iterations = tail.strip_suffix(" iteration(s))")?;
        return say(
            "count-round-excluded-meek",
            &[("excluded", excluded), ("iterations", iterations)],
        );
    }
    if let Some(rest) = action.strip_prefix("surplus of ") {
        let (name, rest) = rest.split_once(" transferred: ")?;
        let (surplus, value) = rest.split_once(" at ")?;
        let value = value.strip_suffix(" per vote")?;
        return say(
            "count-round-surplus",
            &[("name", name), ("surplus", surplus), ("value", value)],
        );
    }
    if let Some(names) = action
        .strip_prefix("ballots of ")
        .and_then(|rest| rest.strip_suffix(" moved on (may not take a seat)"))
    {
        return say("count-round-moved-on", &[("names", names)]);
    }
    let names = action
        .strip_prefix("elected: ")?
        .strip_suffix(" (as many hopeful candidates as seats left)")?;
    say("count-round-filled", &[("names", names)])
}

/// The candidates a round elected, and after them the lines of those it passed over (E3) or
/// skipped for the cap (S6) in the same step (`ana (4.00000), skipped bob: intel already holds …`).
fn with_exclusions(lang: Lang, list: &str) -> Option<String> {
    let mut cuts: Vec<usize> = list
        .match_indices(", skipped ")
        .chain(list.match_indices(", passed over "))
        .map(|(at, _)| at)
        .collect();
    cuts.sort_unstable();
    let Some(&first) = cuts.first() else {
        return Some(list.to_owned());
    };
    let mut said = vec![list[..first].to_owned()];
    for (index, &at) in cuts.iter().enumerate() {
        let end = cuts.get(index + 1).copied().unwrap_or(list.len());
        let line = &list[at + 2..end];
        said.push(seats(lang, line).or_else(|| rare::passed_over(lang, line))?);
    }
    Some(said.join("；"))
}

/// `A, B (tied lowest; together with the surplus they hold X, less than the next candidate's Y,
/// so excluding them one by one in any order would exclude them all); ballots moved on …` (or
/// Meek's `…; surplus spent after N iteration(s))`). Runs of spaces are read as one (counts
/// recorded before 2026-11-30 have a run there).
fn tied_lowest(lang: Lang, rest: &str) -> Option<String> {
    let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    let (excluded, rest) = rest.split_once(" (tied lowest; together with the surplus they hold ")?;
    let (together, rest) = rest.split_once(", less than the next candidate's ")?;
    let (next, tail) = rest.split_once(", so excluding them one by one in any order would exclude them all")?;
    let args = [("excluded", excluded), ("together", together), ("next", next)];
    if tail == "); ballots moved on at their value" {
        return lookup(lang, "count-round-excluded-tied", &args);
    }
    let iterations = tail
        .strip_prefix("; surplus spent after ")?
        .strip_suffix(" iteration(s))")?;
    let mut args = args.to_vec();
    args.push(("iterations", iterations));
    lookup(lang, "count-round-excluded-tied-meek", &args)
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

    /// E1, E3, S6: the lines most elections' counts have read in Chinese, from the counts
    /// themselves (Schulze with a cap and a skip, plurality, approval, ranked pairs, turnout met
    /// and not met); other shapes are left to English.
    #[test]
    fn e1_s6_an_elections_common_lines_read_in_chinese() {
        use polity_count::seats::{SeatRules, TieBreak};
        use polity_count::{Ballots, Compat, ElectionRules, Method, Strength, Turnout, Unranked, count};
        let names: Vec<String> = ["ana", "bob", "cy"].iter().map(|name| (*name).to_owned()).collect();
        let mut ballots = Ballots::new(names, Unranked::Below).unwrap();
        for (ranks, times) in [
            ([Some(1), Some(2), Some(3)], 4),
            ([Some(2), Some(1), None], 3),
            ([None, None, Some(1)], 2),
        ] {
            ballots.push(&ranks, times).unwrap();
        }
        let mut lines = Vec::new();
        for method in [
            Method::Schulze(Strength::WinningVotes),
            Method::Schulze(Strength::Margins),
            Method::RankedPairs,
            Method::Plurality,
            Method::Approval,
            Method::Stv(polity_count::StvRule::Meek),
            Method::Stv(polity_count::StvRule::Scottish),
        ] {
            for eligible in [12, 30] {
                let rules = ElectionRules {
                    method,
                    seats: SeatRules {
                        seats: 2,
                        organisations: vec![Some("acme".to_owned()), Some("acme".to_owned()), None],
                        cap: Some(1),
                        sitting: Vec::new(),
                        excluded: Vec::new(),
                        tie_break: TieBreak::Report,
                    },
                    classes: Vec::new(),
                    turnout: Some(Turnout {
                        eligible,
                        valid_if: ">= 2/3 of members voted".parse().unwrap(),
                    }),
                    compat: Compat::Strict,
                    threads: 1,
                };
                lines.extend(count(&ballots, &rules).explanation);
            }
        }
        lines.sort();
        lines.dedup();
        let mut actions = Vec::new();
        for rule in [polity_count::StvRule::Meek, polity_count::StvRule::Scottish] {
            let rules = ElectionRules {
                method: Method::Stv(rule),
                seats: SeatRules {
                    seats: 2,
                    organisations: vec![None, None, None],
                    cap: None,
                    sitting: Vec::new(),
                    excluded: Vec::new(),
                    tie_break: TieBreak::Report,
                },
                classes: Vec::new(),
                turnout: None,
                compat: Compat::Strict,
                threads: 1,
            };
            let stv = count(&ballots, &rules).stv.expect("an STV count");
            actions.extend(stv.rounds.iter().map(|round| round.action.clone()));
        }
        assert!(actions.len() >= 4, "{actions:?}");
        for action in &actions {
            let chinese = round_action(Lang::Zh, action).unwrap_or_else(|| panic!("not read: {action}"));
            for english in ["elected", "excluded", "quota", "surplus", "ballots", "first", "⟦"] {
                assert!(
                    !chinese.contains(english),
                    "{english:?} left in {chinese:?} (from {action:?})"
                );
            }
            assert_eq!(round_action(Lang::En, action).as_deref(), Some(action.as_str()));
        }
        for needle in [
            "turnout:",
            "skipped bob",
            "seat 1: ana (acme: now 1)",
            "cap:",
            "plurality:",
            "approval:",
            "ranked pairs:",
            "not valid",
        ] {
            assert!(
                lines.iter().any(|line| line.contains(needle)),
                "{needle} among {lines:#?}"
            );
        }
        for line in &lines {
            let chinese = explanation(Lang::Zh, line).unwrap_or_else(|| panic!("not read: {line}"));
            for english in ["ballot", "seat", "valid", "method", "holds", "beats", "each", "⟦"] {
                assert!(
                    !chinese.contains(english),
                    "{english:?} left in {chinese:?} (from {line:?})"
                );
            }
        }
        assert_eq!(
            explanation(Lang::Zh, "skipped bob: acme already holds 1 of at most 1 seat(s)").unwrap(),
            "跳过 bob：acme 已占 1 个席位，每个组织至多 1 个"
        );
    }

    proptest::proptest! {
        /// A line read from the record may be anything a database writer put there: reading it
        /// never panics, and a line that is not one of the count's shapes stays as it is.
        #[test]
        fn any_line_is_read_without_panicking(line in ".{0,200}") {
            let _ = explanation(Lang::Zh, &line);
            let _ = outcome(Lang::Zh, &line);
            proptest::prop_assert_eq!(explanation(Lang::En, &line), Some(line.clone()));
        }

        #[test]
        fn lines_near_the_shapes_are_read_without_panicking(
            head in proptest::sample::select(vec!["seat ", "skipped ", "turnout: ", "yes ", "tie for the last ", "cap: at most ", "majority: "]),
            tail in "[ -~]{0,80}",
        ) {
            let _ = explanation(Lang::Zh, &format!("{head}{tail}"));
        }
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
