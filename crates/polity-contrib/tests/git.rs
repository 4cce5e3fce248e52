//! Repositories built inside the test with `git fast-import`, and exact rolls (E1, E2, C2).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use jiff::civil::date;
use polity_contrib::{DEFAULT_BOT_PATTERNS, IngestOptions, electorate, ingest};
use polity_model::{ActiveMemberRule, ContributionDate, Period, PeriodUnit};

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
        let content = mark.to_string();
        stream.push_str(&format!(
            "M 100644 inline file{mark}.txt\ndata {}\n{content}\n",
            content.len()
        ));
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
        date: ContributionDate::Commit,
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
    assert_eq!(figures.absence_factor, 2, "ann 2 + bob 2 of 6 make 50 % or more");
    assert_eq!(figures.elephant_factor, 1, "acme has 4 of the 5 of known affiliation");
    assert_eq!(
        figures.unknown, 1,
        "one contribution of unknown affiliation, left out of the factor"
    );
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

/// Adds an empty commit on top of the checked-out branch.
fn commit_on_top(dir: &Path, author: &str, email: &str, time: i64, message: &str) {
    let date = format!("{time} +0000");
    let status = Command::new("git")
        .args(["commit", "-q", "--allow-empty", "-m", message])
        .env("GIT_AUTHOR_NAME", author)
        .env("GIT_AUTHOR_EMAIL", email)
        .env("GIT_AUTHOR_DATE", &date)
        .env("GIT_COMMITTER_NAME", "CI")
        .env("GIT_COMMITTER_EMAIL", "ci@example.org")
        .env("GIT_COMMITTER_DATE", &date)
        .current_dir(dir)
        .status()
        .expect("git runs");
    assert!(status.success());
}

/// Writes `commits` (author time, committer time, in seconds) on `main`, one after another, with
/// `git fast-import`, so that author and committer dates can differ.
fn fast_import(dir: &Path, author: &str, committer: &str, commits: &[(i64, i64)]) {
    let mut stream = String::new();
    for (index, (authored, committed)) in commits.iter().enumerate() {
        let mark = index + 1;
        stream.push_str(&format!(
            "commit refs/heads/main\nmark :{mark}\nauthor {author} {authored} +0000\ncommitter {committer} {committed} +0000\ndata 2\nc{mark}\n"
        ));
        if mark > 1 {
            stream.push_str(&format!("from :{}\n", mark - 1));
        }
    }
    let mut child = Command::new("git")
        .args(["fast-import", "--quiet"])
        .current_dir(dir)
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stream.as_bytes()).unwrap();
    assert!(child.wait().unwrap().success());
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(args)
        .current_dir(dir)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

fn linear(count: usize) -> Vec<(String, i64)> {
    (0..count)
        .map(|index| {
            (
                format!("Dev {} <dev{}@example.org>", index % 7, index % 7),
                day(index as i64),
            )
        })
        .collect()
}

fn build_linear(dir: &Path, commits: &[(String, i64)]) {
    let commits: Vec<Commit> = commits
        .iter()
        .map(|(author, time)| Commit {
            author,
            time: *time,
            message: "change",
            merge: None,
        })
        .collect();
    repository(dir, &commits, "");
}

#[test]
fn the_cache_reads_only_new_commits_and_equals_a_fresh_read() {
    if !git_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    build_linear(dir.path(), &linear(40));
    let cached = IngestOptions {
        cache: Some(cache.path().to_owned()),
        ..IngestOptions::default()
    };
    let first = polity_contrib::ingest_with(dir.path(), &cached, &|_| {}).unwrap();
    assert_eq!((first.read, first.cached), (40, 0));
    // Three new commits: only they are read.
    for index in 0..3 {
        commit_on_top(dir.path(), "Ann Lee", "ann@example.org", day(50 + index), "more");
    }
    let second = polity_contrib::ingest_with(dir.path(), &cached, &|_| {}).unwrap();
    assert_eq!((second.read, second.cached), (3, 40));
    let fresh = ingest(dir.path(), &IngestOptions::default()).unwrap();
    assert_eq!(second.contributions, fresh);
    // Nothing new: nothing read.
    let third = polity_contrib::ingest_with(dir.path(), &cached, &|_| {}).unwrap();
    assert_eq!((third.read, third.cached), (0, 43));
    assert_eq!(third.contributions, fresh);
    // A window on an unchanged tip reads only the cached commits inside it, and writes nothing.
    let files = || -> Vec<Vec<u8>> {
        std::fs::read_dir(cache.path())
            .unwrap()
            .map(|entry| std::fs::read(entry.unwrap().path()).unwrap())
            .collect()
    };
    let before = files();
    let window = IngestOptions {
        since: Some(date(2026, 3, 1)),
        ..cached.clone()
    };
    let windowed = polity_contrib::ingest_with(dir.path(), &window, &|_| {}).unwrap();
    assert_eq!(windowed.read, 0);
    assert!(windowed.cached < 43);
    assert_eq!(
        windowed.contributions,
        ingest(
            dir.path(),
            &IngestOptions {
                since: Some(date(2026, 3, 1)),
                ..IngestOptions::default()
            }
        )
        .unwrap()
    );
    assert_eq!(files(), before);
    // History rewritten: the cached tip is gone, so everything is read again.
    git(dir.path(), &["reset", "-q", "--hard", "HEAD~2"]);
    commit_on_top(dir.path(), "Bo Chen", "bo@example.org", day(60), "rewritten");
    let rewritten = polity_contrib::ingest_with(dir.path(), &cached, &|_| {}).unwrap();
    assert_eq!(rewritten.read, 42);
    assert!(rewritten.cache_note.unwrap().contains("no longer in the history"));
    assert_eq!(
        rewritten.contributions,
        ingest(dir.path(), &IngestOptions::default()).unwrap()
    );
    // A cache of a shorter range is not used for a longer one.
    let short = IngestOptions {
        since: Some(date(2026, 3, 1)),
        cache: Some(cache.path().join("short")),
        ..IngestOptions::default()
    };
    let recent = polity_contrib::ingest_with(dir.path(), &short, &|_| {}).unwrap();
    let whole = polity_contrib::ingest_with(
        dir.path(),
        &IngestOptions {
            since: None,
            ..short.clone()
        },
        &|_| {},
    )
    .unwrap();
    assert!(recent.read < 42);
    assert_eq!(whole.cached, 0);
    assert_eq!(
        whole.contributions,
        ingest(dir.path(), &IngestOptions::default()).unwrap()
    );
    // A damaged cache file is read past, and replaced.
    for entry in std::fs::read_dir(cache.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::write(&path, "polity-contributions-cache 2\ntip zz\n").unwrap();
        }
    }
    let repaired = polity_contrib::ingest_with(dir.path(), &cached, &|_| {}).unwrap();
    assert!(repaired.cache_note.unwrap().contains("unreadable"));
    assert_eq!(
        repaired.contributions,
        ingest(dir.path(), &IngestOptions::default()).unwrap()
    );
}

#[test]
fn the_commit_graph_and_several_threads_give_the_same_contributions() {
    if !git_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    build_linear(dir.path(), &linear(5_000));
    let one = IngestOptions {
        threads: 1,
        ..IngestOptions::default()
    };
    let without = polity_contrib::ingest_with(dir.path(), &one, &|_| {}).unwrap();
    assert!(!without.commit_graph);
    git(dir.path(), &["commit-graph", "write", "--reachable"]);
    // Two commits newer than the graph are read during the walk.
    commit_on_top(dir.path(), "Ann Lee", "ann@example.org", day(6_000), "after the graph");
    commit_on_top(dir.path(), "Ann Lee", "ann@example.org", day(6_001), "after the graph");
    let progress = std::sync::atomic::AtomicU64::new(0);
    let with = polity_contrib::ingest_with(
        dir.path(),
        &IngestOptions {
            threads: 2,
            ..IngestOptions::default()
        },
        &|count| {
            progress.fetch_add(count, std::sync::atomic::Ordering::Relaxed);
        },
    )
    .unwrap();
    assert!(with.commit_graph);
    assert_eq!(with.read, 5_002);
    assert_eq!(progress.into_inner(), 5_002, "every commit read is reported once");
    assert_eq!(&with.contributions[2..], &without.contributions[..]);
    assert_eq!(with.contributions[0].credited[0].email, "ann@example.org");
    // Within a window, the same commits either way.
    let window = |threads| IngestOptions {
        since: Some(date(2034, 1, 1)),
        threads,
        ..IngestOptions::default()
    };
    assert_eq!(
        ingest(dir.path(), &window(1)).unwrap(),
        ingest(dir.path(), &window(2)).unwrap()
    );
}

#[test]
fn merge_rules_credit_other_addresses_names_and_github_accounts() {
    let sources = vec![
        ("polity.yaml".to_owned(), "name: T\nactive-member: { contributions: 1, within: 12 months }\n".to_owned()),
        (
            "people.yaml".to_owned(),
            "- { id: ann, name: Ann Lee, emails: [ann@example.org], identities: [{ email: ann@old.example }, { name: A. Lee }, { github: ann-work }] }\n"
                .to_owned(),
        ),
    ];
    let loaded = polity_registry::load_sources(&sources);
    assert!(loaded.findings.is_empty(), "{:#?}", loaded.findings);
    let contribution = |name: &str, email: &str| polity_contrib::Contribution {
        commit: format!("{name}-{email}"),
        kind: polity_contrib::GIT_KIND,
        on: date(2026, 3, 1),
        committed: date(2026, 3, 1),
        credited: vec![polity_contrib::Identity {
            name: name.to_owned(),
            email: email.to_owned(),
        }],
    };
    let contributions = [
        contribution("Ann Lee", "ANN@example.org"),
        contribution("Ann", "ann@old.example"),
        contribution("a. lee", "laptop@localhost"),
        contribution("Ann W", "123+ann-work@users.noreply.github.com"),
        contribution("Someone", "someone@example.org"),
    ];
    let rule = ActiveMemberRule {
        contributions: 1,
        within: Period {
            amount: 12,
            unit: PeriodUnit::Months,
        },
        date: ContributionDate::Commit,
    };
    let roll = electorate(&loaded.polity, &contributions, rule, date(2026, 6, 1), &[]);
    let counts: Vec<(&str, bool, u32)> = roll
        .voters
        .iter()
        .map(|voter| (voter.who.as_str(), voter.known, voter.contributions))
        .collect();
    assert_eq!(counts, [("someone@example.org", false, 1), ("ann", true, 4)]);
    assert_eq!(roll.voters[1].by_kind[polity_contrib::GIT_KIND], 4);
}

#[test]
fn a_window_counts_commits_authored_after_they_were_committed_within_a_week() {
    if !git_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q", "-b", "main"]);
    // (author time, committer time): a week of slack before `since` (2026-03-01) by commit time.
    let since = date(2026, 3, 1);
    let day_of = |days: i64| 1_772_323_200 + days * 86_400; // 2026-03-01 plus days
    let commits = [
        (day_of(-40), day_of(-40)), // long before: not read
        (day_of(2), day_of(-20)),   // authored inside, committed 20 days before: past the slack
        (day_of(2), day_of(-3)),    // authored inside, committed 3 days before: counted
        (day_of(-2), day_of(-1)),   // authored before the window: read, not counted by date
        (day_of(5), day_of(5)),     // inside
    ];
    fast_import(dir.path(), "Ann <ann@example.org>", "CI <ci@example.org>", &commits);
    let read = ingest(
        dir.path(),
        &IngestOptions {
            since: Some(since),
            ..IngestOptions::default()
        },
    )
    .unwrap();
    let counted = read.iter().filter(|contribution| contribution.on >= since).count();
    // The walk went newest first by commit time and stopped at the commit 20 days before.
    assert_eq!(read.len(), 3);
    assert_eq!(counted, 2);
}

/// E2: which date places a commit in the window is the registry's choice, by default the commit
/// date: work written before the window and merged inside it counts (103 of nova's 416 commits
/// merged in a year were left out by their author dates).
#[test]
fn e2_the_window_counts_by_commit_date_unless_the_registry_says_author() {
    if !git_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q", "-b", "main"]);
    let day_of = |days: i64| 1_772_323_200 + days * 86_400; // 2026-03-01 plus days
    // Written 60 days before 2026-03-01, merged 10 days after; written and merged inside.
    let commits = [(day_of(-60), day_of(10)), (day_of(20), day_of(21))];
    fast_import(
        dir.path(),
        "Ann Lee <ann@example.org>",
        "Gerrit <review@example.org>",
        &commits,
    );
    let read = ingest(dir.path(), &IngestOptions::default()).unwrap();
    let count = |basis: ContributionDate| {
        let rule = ActiveMemberRule {
            contributions: 1,
            within: Period::new(1, PeriodUnit::Months),
            date: basis,
        };
        let roll = electorate(&polity(), &read, rule, date(2026, 4, 1), &[]);
        roll.voters.iter().map(|voter| voter.contributions).sum::<u32>()
    };
    assert_eq!(count(ContributionDate::Commit), 2, "both were merged in March");
    assert_eq!(count(ContributionDate::Author), 1, "one was written in January");
}
