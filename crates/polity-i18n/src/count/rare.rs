//! The rarer lines of a count, read back by their grammar as `count.rs` reads the common ones:
//! devotee's steps (compat: devotee), ranked pairs' unlocked pairs, Schulze in Elekto's order, a
//! candidate passed over (E3), an STV tie and how it was broken or why the count stopped, and one
//! part of a composite vote (E6). `None` for a line of no known shape.

use super::{outcome, slug};
use crate::{Lang, lookup};

/// `line` in `lang` when it is one of the rarer shapes.
pub(super) fn explanation(lang: Lang, line: &str) -> Option<String> {
    let say = |key: &str, args: &[(&str, &str)]| lookup(lang, key, args);
    if let Some(error) = line
        .strip_prefix("devotee's rules could not be applied: ")
        .and_then(|rest| rest.strip_suffix("; strict Schulze instead"))
    {
        return say("count-devotee-failed", &[("error", error)]);
    }
    if let Some(pairs) = line
        .strip_prefix(
            "equal majorities that close a cycle in one order and not in another are not locked \
             (the result never depends on the order of the candidates): ",
        )
        .and_then(|rest| rest.strip_suffix("; the candidates they would separate stay tied"))
    {
        let pairs = if lang == Lang::En {
            pairs.to_owned()
        } else {
            pairs.replace(" over ", " → ")
        };
        return say("count-ranked-pairs-unlocked", &[("pairs", &pairs)]);
    }
    if let Some(strength) = line.strip_prefix("Schulze (").and_then(|rest| {
        rest.strip_suffix(
            ") over the pairwise matrix; candidates in Elekto's order: fewest defeats on strongest paths first",
        )
    }) {
        return say(&format!("count-schulze-elekto-{}", slug(strength)), &[]);
    }
    devotee(lang, line)
        .or_else(|| passed_over(lang, line))
        .or_else(|| tie(lang, line))
        .or_else(|| composite_part(lang, line))
}

/// The steps of devotee's rules (Debian constitution §A.6).
fn devotee(lang: Lang, line: &str) -> Option<String> {
    let say = |key: &str, args: &[(&str, &str)]| lookup(lang, key, args);
    if let Some(rest) = line.strip_prefix("devotee (Debian constitution §A.6): the default option is ") {
        let (name, by) = rest.strip_suffix(')')?.rsplit_once(" (")?;
        let by = lookup(lang, &format!("count-devotee-by-{}", slug(by)), &[])?;
        return say("count-devotee-default", &[("name", name), ("by", &by)]);
    }
    if let Some(rest) = line.strip_prefix("kept ") {
        // kept A: 5 to 2 over NOTA passes its 3:1 majority
        let (name, rest) = rest.split_once(": ")?;
        let (over, rest) = rest.split_once(" to ")?;
        let (under, rest) = rest.split_once(" over ")?;
        let (default, ratio) = rest.rsplit_once(" passes its ")?;
        let ratio = ratio.strip_suffix(" majority")?;
        return say(
            "count-devotee-kept",
            &[
                ("name", name),
                ("over", over),
                ("under", under),
                ("default", default),
                ("ratio", ratio),
            ],
        );
    }
    if let Some(rest) = line.strip_prefix("dropped ") {
        if let Some((name, rest)) = rest.split_once(": quorum: ") {
            // dropped A: quorum: 1 voter(s) rank it above NOTA; the quorum needs at least 2
            let (over, rest) = rest.split_once(" voter(s) rank it above ")?;
            let (default, quorum) = rest.split_once("; the quorum needs at least ")?;
            return say(
                "count-devotee-dropped-quorum",
                &[("name", name), ("over", over), ("default", default), ("quorum", quorum)],
            );
        }
        // dropped A: majority: it needs 3:1 over NOTA and has 2 to 1 (2 is not more than 3 × 1)
        let (name, rest) = rest.split_once(": majority: it needs ")?;
        let (ratio, rest) = rest.split_once(" over ")?;
        let (default, rest) = rest.rsplit_once(" and has ")?;
        let (over, rest) = rest.split_once(" to ")?;
        let (under, rest) = rest.split_once(" (")?;
        let (_, factor) = rest.strip_suffix(')')?.split_once(" is not more than ")?;
        let (factor, _) = factor.rsplit_once(" × ")?;
        return say(
            "count-devotee-dropped-majority",
            &[
                ("name", name),
                ("ratio", ratio),
                ("default", default),
                ("over", over),
                ("under", under),
                ("factor", factor),
            ],
        );
    }
    let rest = line.strip_prefix("Schulze (winning votes) over the ")?;
    if let Some(left) = rest.strip_suffix(" option(s) left: the default option wins") {
        return say("count-devotee-schulze-default", &[("left", left)]);
    }
    let left = rest.strip_suffix(" option(s) left")?;
    say("count-devotee-schulze", &[("left", left)])
}

/// `passed over NAME: REASON` (E3: a candidate who may not take the seat when it starts).
pub(super) fn passed_over(lang: Lang, line: &str) -> Option<String> {
    let say = |key: &str, args: &[(&str, &str)]| lookup(lang, key, args);
    let rest = line.strip_prefix("passed over ")?;
    if let Some(at) = rest.find(": already holds a ") {
        // passed over chen: already holds a chair seat of tsc on 2026-07-01
        let (name, reason) = (&rest[..at], &rest[at + ": already holds a ".len()..]);
        let (seat, rest) = reason.split_once(" seat of ")?;
        let (body, date) = rest.rsplit_once(" on ")?;
        return say(
            "count-passed-over-holds",
            &[("name", name), ("seat", seat), ("body", body), ("date", date)],
        );
    }
    let at = rest.find(": not a member of ")?;
    let (name, reason) = (&rest[..at], &rest[at + ": not a member of ".len()..]);
    let (body, date) = reason
        .strip_suffix(", when the term starts (E3)")?
        .rsplit_once(" on ")?;
    say(
        "count-passed-over-not-member",
        &[("name", name), ("body", body), ("date", date)],
    )
}

/// An STV tie: broken by an earlier round, by lot or an officer's order, or left open.
fn tie(lang: Lang, line: &str) -> Option<String> {
    let say = |key: &str, args: &[(&str, &str)]| lookup(lang, key, args);
    let purpose = |purpose: &str| lookup(lang, &format!("count-purpose-{}", slug(purpose)), &[]);
    if let Some(rest) = line.strip_prefix("the count stopped: left open: ").and_then(|rest| {
        rest.strip_suffix("; give the election a tie-break (a published seed or an officer's order) and count again")
    }) {
        let (names, why) = rest.split_once(" are equal at every round, and only a lot could choose (")?;
        let why = purpose(why.strip_suffix(')')?)?;
        return say("count-stv-stopped", &[("names", names), ("purpose", &why)]);
    }
    let rest = line.strip_prefix("tie (")?;
    let (why, rest) = rest.split_once(") among ")?;
    let why = purpose(why)?;
    if let Some((names, rest)) = rest.split_once(", equal at every round: ") {
        let (chosen, how) = rest.split_once(" by ")?;
        let how = if let Some(seed) = how.strip_prefix("a random draw from the published seed ") {
            say("count-stv-how-seed", &[("seed", seed)])?
        } else {
            let officer = how.strip_suffix("'s choice")?;
            say("count-stv-how-officer", &[("officer", officer)])?
        };
        return say(
            "count-stv-tie-lot",
            &[("purpose", &why), ("names", names), ("chosen", chosen), ("how", &how)],
        );
    }
    let (names, rest) = rest.rsplit_once(": ")?;
    let (chosen, round) = rest.split_once(" by the votes at round ")?;
    say(
        "count-stv-tie-round",
        &[
            ("purpose", &why),
            ("names", names),
            ("chosen", chosen),
            ("round", round),
        ],
    )
}

/// The most `; `-separated pieces a composite vote's part is read in (a part has at most a
/// quorum, a participation and a majority step, a tie and the casting vote: eight pieces).
const MAX_PIECES: usize = 16;

/// One part of a composite vote (E6): `BODY: STEP; STEP: OUTCOME`, each step said as a motion's.
fn composite_part(lang: Lang, line: &str) -> Option<String> {
    let (body, rest) = line.split_once(": ")?;
    let (steps, result) = rest.rsplit_once(": ")?;
    let result_said = outcome(lang, result);
    if lang != Lang::En && result_said == result {
        return None;
    }
    // The steps were joined with "; ", which a step also contains: take the shortest run of
    // pieces that reads as a step, then go on.
    let pieces: Vec<&str> = steps.split("; ").collect();
    // A part has a handful of steps; a line of many pieces is no part (and is not tried
    // piece-run by piece-run).
    if pieces.len() > MAX_PIECES {
        return None;
    }
    let mut said = Vec::new();
    let mut start = 0;
    while start < pieces.len() {
        let found = (start + 1..=pieces.len()).find_map(|end| {
            let step = pieces[start..end].join("; ");
            super::motion_line(lang, &step).map(|words| (end, words))
        });
        let (end, words) = found?;
        said.push(words);
        start = end;
    }
    lookup(
        lang,
        "count-composite-part",
        &[
            ("body", body),
            ("steps", &said.join(if lang == Lang::En { "; " } else { "；" })),
            ("outcome", &result_said),
        ],
    )
}

#[cfg(test)]
mod tests {
    use crate::Lang;
    use crate::count::{explanation, round_action};
    use polity_count::seats::{SeatRules, TieBreak};
    use polity_count::{Ballots, Compat, Devotee, ElectionRules, Method, Ratio, Strength, Unranked, count};

    fn ballots(names: &[&str], rows: &[(&[Option<u32>], u32)]) -> Ballots {
        let names: Vec<String> = names.iter().map(|name| (*name).to_owned()).collect();
        let mut ballots = Ballots::new(names, Unranked::Below).unwrap();
        for (ranks, times) in rows {
            ballots.push(ranks, *times).unwrap();
        }
        ballots
    }

    fn rules(
        method: Method,
        seats: usize,
        compat: Compat,
        tie_break: TieBreak,
        excluded: Vec<(usize, String)>,
    ) -> ElectionRules {
        ElectionRules {
            method,
            seats: SeatRules {
                seats,
                organisations: Vec::new(),
                cap: None,
                sitting: Vec::new(),
                excluded,
                tie_break,
            },
            classes: Vec::new(),
            turnout: None,
            compat,
            threads: 1,
        }
    }

    /// Every line `explanation` reads here says no English of its shape, and no missing value.
    fn chinese(line: &str) -> String {
        let said = explanation(Lang::Zh, line).unwrap_or_else(|| panic!("not read: {line}"));
        for english in [
            "devotee's rules",
            "kept ",
            "dropped ",
            "passed over",
            "tie (",
            "the count stopped",
            "option(s) left",
            "Elekto's order",
            "not locked",
            "⟦",
        ] {
            assert!(!said.contains(english), "{english:?} left in {said:?} (from {line:?})");
        }
        said
    }

    /// The lines and STV round actions of real counts with the rarer shapes (and two lines of
    /// shapes no small count makes, written as the count writes them).
    fn rarer_lines_and_rounds() -> (Vec<String>, Vec<String>) {
        let mut lines = Vec::new();
        let options = ballots(
            &["A", "B [3:1]", "None of the above"],
            &[
                (&[Some(1), Some(2), Some(3)], 3),
                (&[Some(2), Some(1), Some(3)], 2),
                (&[Some(3), Some(2), Some(1)], 2),
            ],
        );
        for quorum in [None, Some(6)] {
            let devotee = Compat::Devotee(Devotee {
                default_option: None,
                majorities: vec![("B [3:1]".to_owned(), Ratio::parse("3:1").unwrap())],
                quorum,
            });
            let rules = rules(
                Method::Schulze(Strength::WinningVotes),
                1,
                devotee,
                TieBreak::Report,
                Vec::new(),
            );
            lines.extend(count(&options, &rules).explanation);
        }
        let people = ballots(
            &["ana", "bob", "cy"],
            &[(&[Some(1), Some(2), Some(3)], 4), (&[Some(2), Some(1), None], 3)],
        );
        let reasons = vec![
            (
                0,
                "not a member of tsc on 2026-07-01, when the term starts (E3)".to_owned(),
            ),
            (1, "already holds a chair seat of tsc on 2026-07-01".to_owned()),
        ];
        for method in [
            Method::Schulze(Strength::WinningVotes),
            Method::Stv(polity_count::StvRule::Scottish),
        ] {
            let rules = rules(method, 1, Compat::Elekto, TieBreak::Report, reasons.clone());
            let counted = count(&people, &rules);
            lines.extend(counted.explanation);
            for round in counted.stv.map(|stv| stv.rounds).unwrap_or_default() {
                round_action(Lang::Zh, &round.action).unwrap_or_else(|| panic!("not read: {}", round.action));
            }
        }
        // b and c tie for the lowest after d's ballot moves on; round 1 tells them apart.
        let earlier = ballots(
            &["a", "b", "c", "d"],
            &[
                (&[Some(1), None, None, None], 4),
                (&[None, Some(1), None, None], 3),
                (&[None, None, Some(1), None], 2),
                (&[None, None, Some(2), Some(1)], 1),
            ],
        );
        // Three equal candidates for one seat: only a lot can choose.
        let equal = ballots(
            &["x", "y", "z"],
            &[
                (&[Some(1), None, None], 1),
                (&[None, Some(1), None], 1),
                (&[None, None, Some(1)], 1),
            ],
        );
        // b and c together hold less than d: both are excluded at once.
        let group = ballots(
            &["a", "b", "c", "d"],
            &[
                (&[Some(1), None, None, None], 10),
                (&[None, Some(1), None, None], 1),
                (&[None, None, Some(1), None], 1),
                (&[None, None, None, Some(1)], 5),
            ],
        );
        let mut actions = Vec::new();
        for (ballots, seats, tie_break) in [
            (&earlier, 1, TieBreak::Report),
            (&equal, 1, TieBreak::Seed("polity".to_owned())),
            (
                &equal,
                1,
                TieBreak::Officer {
                    officer: "alice".to_owned(),
                    order: vec!["z".to_owned(), "y".to_owned(), "x".to_owned()],
                },
            ),
            (&equal, 1, TieBreak::Report),
            (&group, 2, TieBreak::Report),
        ] {
            for rule in [polity_count::StvRule::Scottish, polity_count::StvRule::Meek] {
                let counted = count(
                    ballots,
                    &rules(Method::Stv(rule), seats, Compat::Strict, tie_break.clone(), Vec::new()),
                );
                lines.extend(counted.explanation);
                actions.extend(
                    counted
                        .stv
                        .map(|stv| stv.rounds)
                        .unwrap_or_default()
                        .into_iter()
                        .map(|round| round.action),
                );
            }
        }
        let tally = |yes, no| polity_count::motion::Tally {
            yes,
            no,
            abstain: 0,
            members: 9,
            attending: None,
        };
        let composite = polity_count::motion::decide_composite(&[
            (
                "toc",
                polity_count::motion::MotionRule {
                    passes: ">= 2/3 of members".parse().unwrap(),
                    valid_if: None,
                    quorum: None,
                    tie: Vec::new(),
                },
                tally(7, 1),
            ),
            (
                "sig-chairs",
                polity_count::motion::MotionRule {
                    passes: "> 1/2 of votes cast".parse().unwrap(),
                    valid_if: Some("> 1/2 of members voted".parse().unwrap()),
                    quorum: None,
                    tie: Vec::new(),
                },
                tally(2, 1),
            ),
        ]);
        lines.extend(composite.explanation);
        lines.push(
            "equal majorities that close a cycle in one order and not in another are not locked (the result \
             never depends on the order of the candidates): ana over bob, cy over dee; the candidates they \
             would separate stay tied"
                .to_owned(),
        );
        lines.push("devotee's rules could not be applied: no options; strict Schulze instead".to_owned());
        (lines, actions)
    }

    /// The rarer lines in Chinese, read from the lines themselves.
    fn said_in_chinese(lines: &[String]) -> Vec<String> {
        lines
            .iter()
            .filter(|line| explanation(Lang::Zh, line).is_some() || rare_shape(line))
            .map(|line| chinese(line))
            .collect()
    }

    /// The rarer election lines of real counts read in Chinese: devotee's default option, kept
    /// and dropped options and the Schulze over what is left (compat: devotee); Schulze in
    /// Elekto's order; a candidate passed over (E3); unlocked ranked pairs.
    #[test]
    fn t1_e3_devotee_elekto_and_passed_over_lines_read_in_chinese() {
        let said = said_in_chinese(&rarer_lines_and_rounds().0);
        for shape in [
            "devotee（Debian 章程 §A.6）：默认选项是 None of the above（按其名称）",
            "保留 A：",
            "去掉 B [3:1]：多数：",
            "去掉 B [3:1]：法定人数：",
            "对剩下的 2 个选项使用",
            "对剩下的 1 个选项使用 Schulze 方法（获胜票数）：默认选项获胜",
            "候选人按 Elekto 的顺序排列",
            "略过 ana：其在任期开始的 2026-07-01 不是 tsc 的成员（E3）",
            "略过 bob：其在 2026-07-01 已担任 tsc 的 chair 席位",
            "ana → bob, cy → dee",
            "无法按 devotee 的规则计票：no options",
        ] {
            assert!(
                said.iter().any(|line| line.contains(shape)),
                "{shape:?} not among {said:#?}"
            );
        }
    }

    /// STV ties broken by an earlier round, by lot, or left open with the count stopped; a group
    /// excluded together, and candidates passed over within a round; each part of a composite
    /// vote (E6): all read in Chinese.
    #[test]
    fn t1_e6_stv_ties_and_composite_parts_read_in_chinese() {
        let (lines, actions) = rarer_lines_and_rounds();
        let said = said_in_chinese(&lines);
        for shape in [
            "平局（淘汰哪一位）：b, c 之间按第",
            "在每一轮都相同；以公开的种子 \"polity\" 随机抽签，选定",
            "在每一轮都相同；由 alice 选择，选定",
            "计票停止：暂不决定：",
            "toc：",
            "sig-chairs：",
        ] {
            assert!(
                said.iter().any(|line| line.contains(shape)),
                "{shape:?} not among {said:#?}"
            );
        }
        let group_said: Vec<String> = actions
            .iter()
            .filter_map(|action| round_action(Lang::Zh, action))
            .collect();
        assert!(
            group_said.iter().any(|action| action.contains("并列最少；连同盈余共")),
            "{actions:#?}"
        );
        for action in &actions {
            let chinese = round_action(Lang::Zh, action).unwrap_or_else(|| panic!("not read: {action}"));
            assert!(!chinese.contains("⟦") && !chinese.contains("tied lowest"), "{chinese}");
        }
    }

    /// A crafted line of many pieces (a database writer's) is read in time linear in its length:
    /// a composite part is never read inside another, and a part of too many pieces is no part.
    #[test]
    fn a_line_of_many_pieces_is_not_read_recursively() {
        let line = "toc: ".to_owned() + &"a: b; ".repeat(20_000) + "x: carried";
        assert_eq!(explanation(Lang::Zh, &line), None);
        let nested =
            "a: ".repeat(20_000) + "majority: 5 yes of votes cast 8; > 1/2 of votes cast needs 5: met: carried";
        assert_eq!(explanation(Lang::Zh, &nested), None);
    }

    /// The shapes this module reads (every other line was read before it existed).
    fn rare_shape(line: &str) -> bool {
        [
            "devotee",
            "kept ",
            "dropped ",
            "passed over ",
            "tie (",
            "the count stopped",
            "option(s) left",
            "Elekto",
            "equal majorities",
        ]
        .iter()
        .any(|start| line.contains(start))
    }
}
