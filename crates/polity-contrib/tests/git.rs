//! Repositories built inside the test with `git fast-import`, and exact rolls (E1, E2, C2).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use jiff::civil::date;
use polity_contrib::{DEFAULT_BOT_PATTERNS, IngestOptions, electorate, ingest};
use polity_model::{ActiveMemberRule, Period, PeriodUnit};

struct Commit<'a> {
    author: &'a str,
    /// Seconds since the epoch (UTC).
    time: i64,
    message: &'a str,
    /// A second parent: the mark of another commit (a merge).
    merge: Option<usize>,
}

/// Builds a repository from `commits` on `main` (marks 1..n) plus a `.mailmap`.
fn repository(dir: &Path, commits: &[Commit], mailmap: &str) {
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .args(args)
            .current_dir(dir)
            .status()
            .expect("git runs");
        assert!(status.success(), "git {args:?}");
    };
    git(&["init", "-q", "-b", "main"]);
    let mut stream = String::new();
    for (index, commit) in commits.iter().enumerate() {
        let mark = index + 1;
        stream.push_str(&format!("commit refs/heads/main\nmark :{mark}\n"));
        stream.push_str(&format!("author {} {} +0000\n", commit.author, commit.time));
        stream.push_str(&format!("committer CI <ci@example.org> {} +0000\n", commit.time));
        stream.push_str(&format!("data {}\n{}\n", commit.message.len(), commit.message));
        if mark > 1 {
            stream.push_str(&format!("from :{}\n", mark - 1));
        }
        if let Some(other) = commit.merge {
            stream.push_str(&format!("merge :{other}\n"));
        }
        stream.push_str(&format!("M 100644 inline file{mark}.txt\ndata 2\n{mark}\n"));
        if mark == 1 {
            stream.push_str(&format!(
                "M 100644 inline .mailmap\ndata {}\n{mailmap}\n",
                mailmap.len()
            ));
        }
    }
    let mut child = Command::new("git")
        .args(["fast-import", "--quiet"])
        .current_dir(dir)
        .stdin(Stdio::piped())
        .spawn()
        .expect("git fast-import runs");
    child.stdin.take().unwrap().write_all(stream.as_bytes()).unwrap();
    assert!(child.wait().unwrap().success());
    git(&["checkout", "-q", "main"]);
}

/// These tests build repositories with the `git` program; without it they say so and stop.
fn git_available() -> bool {
    let found = Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        eprintln!("git repository tests SKIPPED: the `git` program is not installed");
    }
    found
}

/// 2026-01-01T00:00:00Z plus `days`.
fn day(days: i64) -> i64 {
    1_767_225_600 + days * 86_400
}

const REGISTRY: &[(&str, &str)] = &[
    (
        "polity.yaml",
        "name: Test\nactive-member: { contributions: 2, within: 6 months }\n",
    ),
    (
        "organisations.yaml",
        "- { id: acme, name: Acme }\n- { id: globex, name: Globex }\n",
    ),
    (
        "people.yaml",
        "- { id: ann, name: Ann Lee, emails: [ann@example.org], affiliations: [{ org: acme, from: 2020-01-01 }] }\n\
         - { id: bob, name: Bob Ray, github: BobRay, affiliations: [{ org: acme, from: 2020-01-01 }] }\n\
         - { id: cid, name: Cid Moe, emails: [cid@example.org], affiliations: [{ org: acme, from: 2020-01-01, until: 2026-04-01 }, { org: globex, from: 2026-04-01 }] }\n\
         - { id: ci-helper, name: CI Helper, emails: [helper@example.org], bot: true }\n",
    ),
];

fn polity() -> polity_model::Polity {
    let sources: Vec<(String, String)> = REGISTRY
        .iter()
        .map(|(name, text)| ((*name).to_owned(), (*text).to_owned()))
        .collect();
    let loaded = polity_registry::load_sources(&sources);
    assert!(loaded.findings.is_empty(), "{:#?}", loaded.findings);
    loaded.polity
}

#[test]
fn e2_roll_with_mailmap_co_authors_merges_bots_skewed_clocks_and_a_move() {
    if !git_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let commits = [
        // Ann under an old address, mapped by .mailmap.
        Commit {
            author: "Ann Lee <ann@old.example>",
            time: day(10),
            message: "one",
            merge: None,
        },
        // Bob through GitHub's no-reply address (handle compared without regard to case),
        // with Ann as co-author; Ann again under her real address is credited once.
        Commit {
            author: "Bob Ray <1234+bobray@users.noreply.github.com>",
            time: day(20),
            message: "two\n\nCo-authored-by: Ann Lee <ann@example.org>\nCo-authored-by: Ann L <ann@old.example>",
            merge: None,
        },
        // A merge commit: not counted unless asked.
        Commit {
            author: "Cid Moe <cid@example.org>",
            time: day(30),
            message: "merge",
            merge: Some(1),
        },
        // Bots: by pattern, and by the registry's flag.
        Commit {
            author: "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>",
            time: day(40),
            message: "bump",
            merge: None,
        },
        Commit {
            author: "CI Helper <helper@example.org>",
            time: day(41),
            message: "sync",
            merge: None,
        },
        // A skewed clock: authored in the future, so outside the window as of 2026-07-01.
        Commit {
            author: "Cid Moe <cid@example.org>",
            time: day(400),
            message: "future",
            merge: None,
        },
        Commit {
            author: "Cid Moe <cid@example.org>",
            time: day(100),
            message: "three",
            merge: None,
        },
        // An identity the registry does not know.
        Commit {
            author: "Dee Newcomer <dee@example.net>",
            time: day(110),
            message: "four",
            merge: None,
        },
        // Before the window (6 months before 2026-07-01 is 2026-01-01).
        Commit {
            author: "Bob Ray <1234+bobray@users.noreply.github.com>",
            time: day(-5),
            message: "old",
            merge: None,
        },
    ];
    repository(dir.path(), &commits, "Ann Lee <ann@example.org> <ann@old.example>");
    let contributions = ingest(dir.path(), &IngestOptions::default()).unwrap();
    assert_eq!(contributions.len(), 8, "the merge is skipped");
    let rule = ActiveMemberRule {
        contributions: 2,
        within: Period::new(6, PeriodUnit::Months),
    };
    let patterns: Vec<String> = DEFAULT_BOT_PATTERNS
        .iter()
        .map(|pattern| (*pattern).to_owned())
        .collect();
    let roll = electorate(&polity(), &contributions, rule, date(2026, 7, 1), &patterns);
    let lines: Vec<(String, u32, Option<String>, bool)> = roll
        .voters
        .iter()
        .map(|voter| {
            (
                voter.who.clone(),
                voter.contributions,
                voter.organisation.clone(),
                voter.active,
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            ("dee@example.net".to_owned(), 1, None, false),
            ("ann".to_owned(), 2, Some("acme".to_owned()), true),
            ("bob".to_owned(), 1, Some("acme".to_owned()), false),
            ("cid".to_owned(), 1, Some("globex".to_owned()), false),
        ]
    );
    assert_eq!(roll.bots_left_out, 2);
    // Counting merges gives Cid the merge too: active, and working for Globex as of the date.
    let with_merges = ingest(
        dir.path(),
        &IngestOptions {
            merges: true,
            ..IngestOptions::default()
        },
    )
    .unwrap();
    let roll = electorate(&polity(), &with_merges, rule, date(2026, 7, 1), &patterns);
    let cid = roll.voters.iter().find(|voter| voter.who == "cid").unwrap();
    assert_eq!((cid.contributions, cid.active), (2, true));
    // C3: the health figures over the same history (merges not counted).
    let figures = polity_contrib::health(&polity(), &contributions, date(2026, 7, 1), &patterns);
    assert_eq!((figures.active_30, figures.active_90, figures.active_365), (0, 2, 4));
    assert_eq!(figures.contributions_365, 6);
    assert_eq!(figures.absence_factor, 2, "ann 2 + bob 2 of 6 is more than half");
    assert_eq!(figures.elephant_factor, 1, "acme has 4 of 6");
    assert_eq!(
        figures.organisations,
        [
            ("acme".to_owned(), 4),
            ("(unknown)".to_owned(), 1),
            ("globex".to_owned(), 1)
        ]
    );
    assert_eq!(figures.top_contributor, Some(("ann".to_owned(), 2)));
    assert_eq!(figures.last_activity, Some(date(2026, 4, 21)));
    // As of an earlier date, Cid's merge falls in Acme's time.
    let early = electorate(&polity(), &with_merges, rule, date(2026, 3, 1), &patterns);
    assert_eq!(
        early
            .voters
            .iter()
            .find(|voter| voter.who == "cid")
            .unwrap()
            .organisation
            .as_deref(),
        Some("acme")
    );
}

#[test]
fn identities_after_mailmap_equal_git_shortlog() {
    if !git_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let commits = [
        Commit {
            author: "Ann Lee <ann@old.example>",
            time: day(1),
            message: "a",
            merge: None,
        },
        Commit {
            author: "Ann Lee <ann@example.org>",
            time: day(2),
            message: "b",
            merge: None,
        },
        Commit {
            author: "bob <bob@example.org>",
            time: day(3),
            message: "c",
            merge: None,
        },
        Commit {
            author: "Bob Ray <bob@example.org>",
            time: day(4),
            message: "d",
            merge: Some(2),
        },
        Commit {
            author: "Cid <cid@example.org>",
            time: day(5),
            message: "e",
            merge: None,
        },
    ];
    repository(
        dir.path(),
        &commits,
        "Ann Lee <ann@example.org> <ann@old.example>\nBob Ray <bob@example.org>",
    );
    let output = Command::new("git")
        .args(["shortlog", "-sne", "HEAD"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let mut expected: BTreeMap<String, u32> = BTreeMap::new();
    for line in String::from_utf8(output.stdout).unwrap().lines() {
        let (count, identity) = line.trim().split_once('\t').unwrap();
        expected.insert(identity.to_owned(), count.trim().parse().unwrap());
    }
    let contributions = ingest(
        dir.path(),
        &IngestOptions {
            merges: true,
            ..IngestOptions::default()
        },
    )
    .unwrap();
    let mut ours: BTreeMap<String, u32> = BTreeMap::new();
    for contribution in &contributions {
        let author = &contribution.credited[0];
        *ours.entry(format!("{} <{}>", author.name, author.email)).or_default() += 1;
    }
    assert_eq!(ours, expected);
    assert_eq!(expected.len(), 3);
}

#[test]
fn a_folder_that_is_not_a_repository_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let error = ingest(dir.path(), &IngestOptions::default()).unwrap_err();
    assert!(error.to_string().contains("not a git repository"), "{error}");
}
