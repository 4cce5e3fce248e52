//! End-to-end scenarios through the CLI on a temporary database, one per seed model.

use std::process::Output;

use super::{polity, stdout};

/// A record in a temporary SQLite file, driven through the CLI.
struct Scenario {
    _dir: tempfile::TempDir,
    db: String,
}

impl Scenario {
    fn new(example: &str, at: &str) -> Scenario {
        let dir = tempfile::tempdir().unwrap();
        let db = format!("sqlite:{}", dir.path().join("record.db").display());
        let scenario = Scenario { _dir: dir, db };
        scenario.ok(&["init", "--registry", &format!("examples/{example}"), "--at", at]);
        scenario
    }

    /// A record of `example` copied into a temporary folder with its polity.yaml passed through
    /// `edit` first.
    fn edited(example: &str, at: &str, edit: impl Fn(String) -> String) -> Scenario {
        let dir = tempfile::tempdir().unwrap();
        let registry = dir.path().join("registry");
        copy_tree(&super::root().join("examples").join(example), &registry);
        let constitution = registry.join("polity.yaml");
        let edited = edit(std::fs::read_to_string(&constitution).unwrap());
        std::fs::write(&constitution, edited).unwrap();
        let db = format!("sqlite:{}", dir.path().join("record.db").display());
        let scenario = Scenario { _dir: dir, db };
        scenario.ok(&["init", "--registry", &registry.display().to_string(), "--at", at]);
        scenario
    }

    fn run(&self, args: &[&str]) -> Output {
        let mut all = args.to_vec();
        all.extend(["--db", self.db.as_str()]);
        polity(&all)
    }

    fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert!(
            output.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        stdout(&output)
    }

    /// The command is refused, naming `rule`; and nothing was recorded.
    fn refused(&self, args: &[&str], rule: &str) -> String {
        let before = self.ok(&["log", "--json"]);
        let output = self.run(args);
        let error = String::from_utf8_lossy(&output.stderr).into_owned();
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?} should be refused: {}",
            stdout(&output)
        );
        assert!(
            error.contains(&format!("refused by {rule}:")),
            "{args:?}: expected a {rule} refusal, got {error}"
        );
        assert!(
            error.contains(&format!("see `polity rules {rule}`")),
            "{args:?}: a refusal ends by naming where to read its rule, got {error}"
        );
        assert_eq!(
            before,
            self.ok(&["log", "--json"]),
            "a refused command recorded something"
        );
        error
    }

    fn receipt(output: &str) -> String {
        output
            .lines()
            .find_map(|line| line.strip_prefix("your receipt: "))
            .and_then(|rest| rest.split_whitespace().next())
            .expect("a receipt")
            .to_owned()
    }

    fn key(output: &str) -> String {
        output
            .lines()
            .find_map(|line| line.strip_prefix("your ballot key: "))
            .and_then(|rest| rest.split_whitespace().next())
            .expect("a ballot key")
            .to_owned()
    }

    fn vote(&self, election: &str, rank: &str, voter: &str, at: &str) -> String {
        Scenario::receipt(&self.ok(&["election", "vote", election, "--rank", rank, "--as", voter, "--at", at]))
    }

    /// Votes and returns (receipt, ballot key).
    fn vote_with_key(&self, election: &str, rank: &str, voter: &str, at: &str) -> (String, String) {
        let output = self.ok(&["election", "vote", election, "--rank", rank, "--as", voter, "--at", at]);
        (Scenario::receipt(&output), Scenario::key(&output))
    }

    fn log(&self, args: &[&str]) -> serde_json::Value {
        let mut all = vec!["log", "--json"];
        all.extend(args);
        serde_json::from_str(&self.ok(&all)).unwrap()
    }

    fn last_event(&self, kind: &str) -> serde_json::Value {
        let log = self.log(&["--kind", kind]);
        log.as_array()
            .unwrap()
            .last()
            .unwrap_or_else(|| panic!("no {kind} event"))["event"]
            .clone()
    }
}

const CANDIDATES: [&str; 10] = [
    "alice", "bob", "chen", "dana", "emil", "fang", "gus", "hua", "ivan", "kai",
];

#[test]
fn e1_s6_cfn_tsc_election_under_one_seat_per_company() {
    let record = Scenario::new("cfn-working-group", "2026-06-01");
    record.ok(&[
        "election",
        "open",
        "tsc",
        "--seats",
        "9",
        "--as",
        "alice",
        "--at",
        "2026-12-10",
    ]);
    for candidate in CANDIDATES {
        record.ok(&[
            "election",
            "nominate",
            "tsc/e1",
            candidate,
            "--as",
            "chen",
            "--at",
            "2026-12-11",
        ]);
    }
    // E1: only active members nominate; jun is not on the roll.
    record.refused(
        &[
            "election",
            "nominate",
            "tsc/e1",
            "lin",
            "--as",
            "jun",
            "--at",
            "2026-12-11",
        ],
        "E1",
    );
    record.ok(&[
        "election",
        "close-nominations",
        "tsc/e1",
        "--as",
        "alice",
        "--at",
        "2026-12-24",
    ]);
    // Everyone ranks Bob first and Kai second: both work for Intel.
    let ranking = "bob>kai>alice>chen>dana>emil>fang>gus>hua>ivan";
    let mut receipts = Vec::new();
    let mut keys = Vec::new();
    for voter in ["alice", "bob", "chen", "dana", "emil", "fang", "lin"] {
        let (receipt, key) = record.vote_with_key("tsc/e1", ranking, voter, "2026-12-26");
        receipts.push(receipt);
        keys.push(key);
    }
    // E1: only active members vote.
    record.refused(
        &[
            "election",
            "vote",
            "tsc/e1",
            "--rank",
            "bob",
            "--as",
            "jun",
            "--at",
            "2026-12-26",
        ],
        "E1",
    );
    // One person, one ballot: a second ballot needs the first one's key, and replaces it; the
    // public receipt, or another voter's key, replaces nothing.
    record.refused(
        &[
            "election",
            "vote",
            "tsc/e1",
            "--rank",
            "kai",
            "--as",
            "lin",
            "--at",
            "2026-12-27",
        ],
        "E1",
    );
    for wrong in [&receipts[6], &keys[0]] {
        record.refused(
            &[
                "election",
                "vote",
                "tsc/e1",
                "--rank",
                "kai",
                "--replace",
                wrong,
                "--as",
                "lin",
                "--at",
                "2026-12-27",
            ],
            "T1",
        );
    }
    let replaced = Scenario::receipt(&record.ok(&[
        "election",
        "vote",
        "tsc/e1",
        "--rank",
        ranking,
        "--replace",
        &keys[6],
        "--as",
        "lin",
        "--at",
        "2026-12-27",
    ]));
    receipts[6] = replaced;
    record.ok(&["election", "close", "tsc/e1", "--as", "alice", "--at", "2026-12-31"]);
    let closed = record.last_event("election-closed");
    assert_eq!(closed["valid"], true);
    assert_eq!(
        closed["winners"],
        serde_json::json!(["bob", "alice", "chen", "dana", "emil", "fang", "gus", "hua", "ivan"])
    );
    assert_eq!(closed["skipped"], serde_json::json!(["kai"]));
    assert_eq!(
        closed["tally_sheet"].as_array().unwrap().len(),
        7,
        "the replaced ballot is gone"
    );
    // T1: every voter finds their ballot on the published tally sheet, sorted by receipt.
    for receipt in &receipts {
        let found = record.ok(&["election", "verify-receipt", "tsc/e1", receipt]);
        assert!(found.contains(&format!("receipt {receipt} is on the tally sheet")));
    }
    let sheet: Vec<&str> = closed["tally_sheet"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| line["receipt"].as_str().unwrap())
        .collect();
    let mut sorted = sheet.clone();
    sorted.sort();
    assert_eq!(sheet, sorted);
    assert_eq!(
        record
            .run(&["election", "verify-receipt", "tsc/e1", "0000"])
            .status
            .code(),
        Some(2)
    );
    // The new terms start when the old ones end, and the exported registry checks clean.
    let terms = record.log(&["--kind", "term-started"]);
    assert_eq!(terms.as_array().unwrap().len(), 9);
    assert_eq!(terms[0]["event"]["from"], "2027-01-15");
    assert_eq!(terms[0]["event"]["until"], "2028-01-15");
    let export = tempfile::tempdir().unwrap();
    record.ok(&["export", export.path().to_str().unwrap()]);
    let check = polity(&[
        "check",
        export.path().to_str().unwrap(),
        "--at",
        "2027-02-01",
        "--format",
        "json",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    let s6: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|finding| finding["rule"] == "S6")
        .collect();
    assert!(s6.is_empty(), "{report:#}");
    assert!(record.ok(&["audit", "verify"]).starts_with("intact:"));
}

#[test]
fn e3_cfn_chair_election_is_invalid_at_5_of_9_then_valid() {
    let record = Scenario::new("cfn-working-group", "2026-06-01");
    let members = ["alice", "bob", "chen", "dana", "emil", "fang", "gus", "hua", "ivan"];
    for (election, voters) in [("tsc/e1", &members[..5]), ("tsc/e2", &members[..6])] {
        record.ok(&[
            "election",
            "open",
            "tsc",
            "--seat",
            "chair",
            "--as",
            "alice",
            "--at",
            "2026-06-01",
        ]);
        record.ok(&[
            "election",
            "nominate",
            election,
            "chen",
            "--as",
            "alice",
            "--at",
            "2026-06-02",
        ]);
        // E3: candidates must be TSC members, and only TSC members nominate.
        record.refused(
            &[
                "election",
                "nominate",
                election,
                "kai",
                "--as",
                "alice",
                "--at",
                "2026-06-02",
            ],
            "E3",
        );
        record.refused(
            &[
                "election",
                "nominate",
                election,
                "alice",
                "--as",
                "kai",
                "--at",
                "2026-06-02",
            ],
            "E3",
        );
        record.ok(&[
            "election",
            "nominate",
            election,
            "dana",
            "--as",
            "alice",
            "--at",
            "2026-06-02",
        ]);
        // E3: a candidate who does not consent does not stand.
        record.ok(&["election", "consent", election, "--as", "chen", "--at", "2026-06-03"]);
        record.refused(
            &["election", "consent", election, "--as", "emil", "--at", "2026-06-03"],
            "E3",
        );
        let closed = record.ok(&[
            "election",
            "close-nominations",
            election,
            "--as",
            "alice",
            "--at",
            "2026-06-16",
        ]);
        // It says who was dropped, and why.
        assert!(
            closed.contains("dropped: dana (did not consent, which this election requires)"),
            "{closed}"
        );
        // Only consenting candidates are on the ballot.
        record.refused(
            &[
                "election",
                "vote",
                election,
                "--rank",
                "dana",
                "--as",
                "bob",
                "--at",
                "2026-06-17",
            ],
            "E3",
        );
        for voter in voters {
            record.vote(election, "chen", voter, "2026-06-17");
        }
        record.ok(&["election", "close", election, "--as", "alice", "--at", "2026-06-23"]);
    }
    let closings = record.log(&["--kind", "election-closed"]);
    let first = &closings[0]["event"];
    assert_eq!(first["valid"], false);
    assert_eq!(first["winners"], serde_json::json!([]));
    assert!(
        first["explanation"][1]
            .as_str()
            .unwrap()
            .contains("5 of 9 eligible cast valid ballots; >= 2/3 of members voted needs 6: not valid")
    );
    let second = &closings[1]["event"];
    assert_eq!(second["valid"], true);
    assert_eq!(second["winners"], serde_json::json!(["chen"]));
}

#[test]
fn l2_l1_l7_cfn_sub_group_refused_then_forming_active_archived_reactivated() {
    let record = Scenario::new("cfn-working-group", "2026-06-01");
    let form = [
        "motion",
        "open",
        "tsc",
        "--title",
        "Form Edge Inference",
        "--transition",
        "edge-inference:forming",
        "--as",
        "alice",
        "--at",
        "2026-06-02",
    ];
    let refusal = record.refused(&form, "L2");
    assert!(refusal.contains("committers from 1 organisation(s)"), "{refusal}");
    // E11: the committers promote Dana (ZTE); others may not vote.
    record.ok(&[
        "motion",
        "open",
        "edge-inference",
        "--title",
        "Promote Dana",
        "--promote",
        "dana",
        "--as",
        "kai",
        "--at",
        "2026-06-02",
    ]);
    record.refused(
        &[
            "motion",
            "vote",
            "edge-inference/m1",
            "yes",
            "--as",
            "alice",
            "--at",
            "2026-06-03",
        ],
        "E11",
    );
    record.ok(&[
        "motion",
        "vote",
        "edge-inference/m1",
        "yes",
        "--as",
        "kai",
        "--at",
        "2026-06-03",
    ]);
    record.ok(&[
        "motion",
        "vote",
        "edge-inference/m1",
        "yes",
        "--as",
        "bob",
        "--at",
        "2026-06-03",
    ]);
    record.ok(&[
        "motion",
        "close",
        "edge-inference/m1",
        "--as",
        "kai",
        "--at",
        "2026-06-04",
    ]);
    assert_eq!(record.last_event("committer-promoted")["person"], "dana");
    // L1: each step only through a passed TSC motion.
    let tsc = ["alice", "bob", "chen", "dana", "emil"];
    for (number, (state, at)) in [
        ("forming", "2026-06-10"),
        ("active", "2026-08-10"),
        ("archived", "2026-10-10"),
        ("active", "2026-12-10"),
    ]
    .into_iter()
    .enumerate()
    {
        let transition = format!("edge-inference:{state}");
        record.ok(&[
            "motion",
            "open",
            "tsc",
            "--title",
            state,
            "--transition",
            &transition,
            "--as",
            "alice",
            "--at",
            at,
        ]);
        let motion = format!("tsc/m{}", number + 1);
        for member in tsc {
            record.ok(&["motion", "vote", &motion, "yes", "--as", member, "--at", at]);
        }
        record.ok(&["motion", "close", &motion, "--as", "alice", "--at", at]);
        let moved = record.last_event("body-transitioned");
        assert_eq!(
            (moved["body"].as_str(), moved["to"].as_str()),
            (Some("edge-inference"), Some(state))
        );
    }
    // L1: a transition the lifecycle does not allow is refused (active → proposed is no step).
    record.refused(
        &[
            "motion",
            "open",
            "tsc",
            "--title",
            "back",
            "--transition",
            "edge-inference:proposed",
            "--as",
            "alice",
            "--at",
            "2026-12-15",
        ],
        "L1",
    );
    // L1: a motion that fails moves nothing.
    record.ok(&[
        "motion",
        "open",
        "tsc",
        "--title",
        "archive again",
        "--transition",
        "edge-inference:archived",
        "--as",
        "alice",
        "--at",
        "2026-12-15",
    ]);
    for member in tsc {
        record.ok(&["motion", "vote", "tsc/m5", "no", "--as", member, "--at", "2026-12-15"]);
    }
    record.ok(&["motion", "close", "tsc/m5", "--as", "alice", "--at", "2026-12-16"]);
    assert_eq!(record.last_event("motion-closed")["outcome"], "failed");
    assert_eq!(
        record.log(&["--kind", "body-transitioned"]).as_array().unwrap().len(),
        4
    );
    let history = record.log(&["--body", "edge-inference"]);
    assert!(history.as_array().unwrap().len() >= 9);
}

#[test]
fn d3_d4_cfn_motion_participation_tie_revote_and_casting_vote() {
    let record = Scenario::new("cfn-working-group", "2026-06-01");
    record.ok(&[
        "motion",
        "open",
        "tsc",
        "--title",
        "Adopt the roadmap",
        "--as",
        "alice",
        "--at",
        "2026-06-02",
    ]);
    // D3: only members vote.
    record.refused(
        &["motion", "vote", "tsc/m1", "yes", "--as", "kai", "--at", "2026-06-02"],
        "D3",
    );
    for (member, choice) in [
        ("alice", "yes"),
        ("bob", "yes"),
        ("chen", "no"),
        ("dana", "no"),
        ("emil", "abstain"),
    ] {
        record.ok(&["motion", "vote", "tsc/m1", choice, "--as", member, "--at", "2026-06-02"]);
    }
    // D2: proxies attend meetings; an electronic vote takes none.
    record.refused(
        &[
            "motion",
            "vote",
            "tsc/m1",
            "yes",
            "--for",
            "fang",
            "--as",
            "alice",
            "--at",
            "2026-06-02",
        ],
        "D2",
    );
    // D4: 2 to 2: a tie, and the members vote again.
    record.ok(&["motion", "close", "tsc/m1", "--as", "alice", "--at", "2026-06-03"]);
    assert_eq!(record.last_event("motion-revote")["round"], 2);
    for (member, choice) in [
        ("alice", "yes"),
        ("bob", "yes"),
        ("chen", "no"),
        ("dana", "no"),
        ("emil", "abstain"),
    ] {
        record.ok(&["motion", "vote", "tsc/m1", choice, "--as", member, "--at", "2026-06-04"]);
    }
    // Still tied: only the chair's casting vote decides.
    record.refused(
        &["motion", "close", "tsc/m1", "--as", "alice", "--at", "2026-06-05"],
        "D4",
    );
    record.refused(
        &[
            "motion",
            "close",
            "tsc/m1",
            "--casting-vote",
            "yes",
            "--as",
            "bob",
            "--at",
            "2026-06-05",
        ],
        "D3",
    );
    record.ok(&[
        "motion",
        "close",
        "tsc/m1",
        "--casting-vote",
        "yes",
        "--as",
        "alice",
        "--at",
        "2026-06-05",
    ]);
    let closed = record.last_event("motion-closed");
    assert_eq!(closed["outcome"], "carried");
    assert_eq!(closed["casting_vote"], "yes");
    // D3: with fewer than half of the members voting, the vote is invalid.
    record.ok(&[
        "motion",
        "open",
        "tsc",
        "--title",
        "Small turnout",
        "--as",
        "alice",
        "--at",
        "2026-06-06",
    ]);
    for member in ["alice", "bob", "chen", "dana"] {
        record.ok(&["motion", "vote", "tsc/m2", "yes", "--as", member, "--at", "2026-06-06"]);
    }
    record.ok(&["motion", "close", "tsc/m2", "--as", "alice", "--at", "2026-06-07"]);
    assert_eq!(record.last_event("motion-closed")["outcome"], "invalid");
}

#[test]
fn l8_paddle_sig_reports_by_their_owners() {
    let record = Scenario::new("paddle-sigs", "2026-06-01");
    record.ok(&[
        "report",
        "submit",
        "sig-compiler",
        "--link",
        "https://example.org/q2",
        "--as",
        "ravi",
        "--at",
        "2026-06-30",
    ]);
    record.refused(
        &["report", "submit", "sig-compiler", "--as", "yan", "--at", "2026-06-30"],
        "L8",
    );
    // The report feeds L5: the exported registry has it.
    let export = tempfile::tempdir().unwrap();
    record.ok(&["export", export.path().to_str().unwrap()]);
    let loaded = polity_registry::load(export.path()).unwrap();
    let sig = loaded.polity.body("sig-compiler").unwrap();
    assert_eq!(sig.reports.last().unwrap().on.to_string(), "2026-06-30");
}

#[test]
fn d3_paddle_toc_motion_under_its_two_thirds_rule() {
    // The composite majority is counted per electorate (polity-count's decide_composite, tested
    // there with a passing and a failing case); here a motion of the TOC with the 2/3 rule.
    let record = Scenario::new("paddle-sigs", "2026-06-01");
    record.ok(&[
        "motion",
        "open",
        "toc",
        "--title",
        "Appoint a tech lead",
        "--as",
        "ma",
        "--at",
        "2026-06-02",
    ]);
    for (member, choice) in [
        ("ma", "yes"),
        ("ng", "yes"),
        ("ode", "yes"),
        ("pia", "no"),
        ("qiu", "yes"),
    ] {
        record.ok(&["motion", "vote", "toc/m1", choice, "--as", member, "--at", "2026-06-02"]);
    }
    record.ok(&["motion", "close", "toc/m1", "--as", "ma", "--at", "2026-06-03"]);
    let closed = record.last_event("motion-closed");
    assert_eq!(closed["outcome"], "carried", "{closed}");
    assert!(
        closed["explanation"][0]
            .as_str()
            .unwrap()
            .contains("4 yes of members 5; >= 2/3 of members needs 4: met")
    );
}

#[test]
fn e4_openstack_ptl_candidates_nominate_themselves_and_committers_vote() {
    let record = Scenario::new("openstack-projects", "2026-06-01");
    record.ok(&[
        "election",
        "open",
        "compute",
        "--seat",
        "ptl",
        "--as",
        "cy",
        "--at",
        "2026-08-01",
    ]);
    record.refused(
        &[
            "election",
            "nominate",
            "compute/e1",
            "amy",
            "--as",
            "cy",
            "--at",
            "2026-08-02",
        ],
        "E4",
    );
    record.refused(
        &[
            "election",
            "nominate",
            "compute/e1",
            "gil",
            "--as",
            "gil",
            "--at",
            "2026-08-02",
        ],
        "E4",
    );
    record.ok(&[
        "election",
        "nominate",
        "compute/e1",
        "amy",
        "--as",
        "amy",
        "--at",
        "2026-08-02",
    ]);
    record.ok(&[
        "election",
        "nominate",
        "compute/e1",
        "cy",
        "--as",
        "cy",
        "--at",
        "2026-08-02",
    ]);
    record.ok(&[
        "election",
        "close-nominations",
        "compute/e1",
        "--as",
        "cy",
        "--at",
        "2026-08-08",
    ]);
    record.refused(
        &[
            "election",
            "vote",
            "compute/e1",
            "--rank",
            "amy",
            "--as",
            "bo",
            "--at",
            "2026-08-09",
        ],
        "E4",
    );
    for (voter, rank) in [("amy", "amy>cy"), ("di", "amy>cy"), ("ed", "cy>amy"), ("flo", "amy>cy")] {
        record.vote("compute/e1", rank, voter, "2026-08-09");
    }
    record.ok(&["election", "close", "compute/e1", "--as", "cy", "--at", "2026-08-22"]);
    assert_eq!(
        record.last_event("election-closed")["winners"],
        serde_json::json!(["amy"])
    );
    let term = record.last_event("term-started");
    assert_eq!(
        (term["person"].as_str(), term["seat"].as_str()),
        (Some("amy"), Some("ptl"))
    );
}

#[test]
fn d3_dask_leadership_decides_by_its_rule_and_the_record_replays_identically() {
    let record = Scenario::new("dask-leadership", "2026-06-01");
    record.ok(&[
        "motion",
        "open",
        "leadership",
        "--title",
        "Adopt a release cadence",
        "--as",
        "ada",
        "--at",
        "2026-06-02",
    ]);
    for member in ["ada", "ben", "cleo"] {
        record.ok(&[
            "motion",
            "vote",
            "leadership/m1",
            "yes",
            "--as",
            member,
            "--at",
            "2026-06-02",
        ]);
    }
    record.ok(&["motion", "close", "leadership/m1", "--as", "ada", "--at", "2026-06-03"]);
    assert_eq!(record.last_event("motion-closed")["outcome"], "carried");
    // Replaying the same log twice gives the same state, byte for byte.
    assert_eq!(record.ok(&["audit", "state-hash"]), record.ok(&["audit", "state-hash"]));
    // Refusals name their rule and change nothing.
    record.refused(
        &[
            "motion",
            "vote",
            "leadership/m1",
            "no",
            "--as",
            "finn",
            "--at",
            "2026-06-02",
        ],
        "D3",
    );
    record.refused(&["init", "--registry", "examples/dask-leadership"], "R-INIT");
}

/// `apply` answers every line, keeps what it applied, and exits 1 when any line was refused.
#[test]
fn apply_exits_non_zero_when_a_line_is_refused() {
    use std::io::Write;
    use std::process::{Command, Stdio};

    let record = Scenario::new("paddle-sigs", "2026-06-01");
    let run = |input: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_polity"))
            .env("LC_ALL", "C.UTF-8")
            .args(["apply", "--db", &record.db])
            .current_dir(super::root())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    };
    let good = "report submit sig-compiler --link https://example.org/1 --as ravi --at 2026-06-30\n";
    let output = run(good);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stdout));
    let output = run(&format!("{good}report submit sig-nothing --as ravi --at 2026-06-30\n"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.starts_with("ok 1\nrefused 2:"), "{stdout}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("1 of 2 line(s) refused"));
    assert_eq!(record.log(&["--kind", "report-submitted"]).as_array().unwrap().len(), 2);
}

/// `log` filters that can match nothing are errors that say what to write, not empty output.
#[test]
fn log_filters_that_mean_nothing_are_errors() {
    let record = Scenario::new("paddle-sigs", "2026-06-01");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_polity"))
            .env("LC_ALL", "C.UTF-8")
            .arg("log")
            .args(args)
            .args(["--db", &record.db])
            .current_dir(super::root())
            .output()
            .unwrap()
    };
    let nonsense = run(&["--kind", "nonsense"]);
    assert!(!nonsense.status.success());
    let stderr = String::from_utf8_lossy(&nonsense.stderr);
    assert!(
        stderr.contains("\"nonsense\" is not an event kind; the kinds are: registry-recorded"),
        "{stderr}"
    );
    let near = run(&["--kind", "ballot"]);
    assert!(String::from_utf8_lossy(&near.stderr).contains("did you mean ballot-cast?"));
    let yesterday = run(&["--since", "yesterday"]);
    assert!(!yesterday.status.success());
    assert!(
        String::from_utf8_lossy(&yesterday.stderr)
            .contains("--since \"yesterday\" is not a date: write a date as YYYY-MM-DD")
    );
    assert!(
        run(&["--kind", "registry-recorded", "--since", "2020-01-01"])
            .status
            .success()
    );
}

#[test]
fn crash_safety_every_acknowledged_event_survives_sigkill() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Command, Stdio};

    let record = Scenario::new("paddle-sigs", "2026-06-01");
    let mut child = Command::new(env!("CARGO_BIN_EXE_polity"))
        .env("LC_ALL", "C.UTF-8")
        .args(["apply", "--db", &record.db])
        .current_dir(super::root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        for number in 0..5000 {
            let line =
                format!("report submit sig-compiler --link https://example.org/{number} --as ravi --at 2026-06-30\n");
            if stdin.write_all(line.as_bytes()).is_err() {
                break;
            }
        }
    });
    let mut acknowledged = 0;
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    while acknowledged < 60 {
        let line = lines.next().expect("an answer").unwrap();
        assert!(line.starts_with("ok "), "{line}");
        acknowledged += 1;
    }
    // SIGKILL in the middle of the stream: no chance to flush or clean up.
    child.kill().unwrap();
    child.wait().unwrap();
    let _ = feeder.join();
    let reports = record.log(&["--kind", "report-submitted"]);
    let stored = reports.as_array().unwrap().len();
    assert!(stored >= acknowledged, "{stored} stored, {acknowledged} acknowledged");
    for (index, row) in reports.as_array().unwrap().iter().take(acknowledged).enumerate() {
        assert_eq!(row["event"]["link"], format!("https://example.org/{index}"));
    }
    assert!(record.ok(&["audit", "verify"]).starts_with("intact:"));
}

#[test]
fn tampering_with_the_database_is_reported_by_audit_verify() {
    let record = Scenario::new("paddle-sigs", "2026-06-01");
    for number in 0..5 {
        let link = format!("https://example.org/{number}");
        record.ok(&[
            "report",
            "submit",
            "sig-compiler",
            "--link",
            &link,
            "--as",
            "ravi",
            "--at",
            "2026-06-30",
        ]);
    }
    assert!(record.ok(&["audit", "verify"]).starts_with("intact: 6 events"));
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let polity_store::Store::Sqlite(store) = polity_store::Store::open(&record.db).await.unwrap() else {
            unreachable!()
        };
        sqlx::query("UPDATE events SET payload = replace(payload, 'example.org/2', 'example.org/X') WHERE seq = 4")
            .execute(store.pool())
            .await
            .unwrap();
    });
    let output = record.run(&["audit", "verify"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("event 4 was changed"), "{}", stdout(&output));
}

/// The same acts on SQLite and on PostgreSQL replay to the same state digest, twice.
#[test]
fn replay_is_byte_identical_on_both_backends() {
    let Ok(admin_url) = std::env::var("POLITY_TEST_POSTGRES") else {
        eprintln!("PostgreSQL replay check SKIPPED: set POLITY_TEST_POSTGRES to run it");
        return;
    };
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let name = format!("polity_replay_{}", std::process::id());
    let (server, _) = admin_url
        .rsplit_once('/')
        .expect("POLITY_TEST_POSTGRES ends in /DATABASE");
    let postgres_url = format!("{server}/{name}");
    runtime.block_on(async {
        let admin = sqlx::PgPool::connect(&admin_url).await.unwrap();
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&admin)
            .await
            .unwrap();
    });
    let sqlite = Scenario::new("cfn-working-group", "2026-06-01");
    let postgres = Scenario {
        _dir: tempfile::tempdir().unwrap(),
        db: postgres_url.clone(),
    };
    postgres.ok(&["init", "--registry", "examples/cfn-working-group", "--at", "2026-06-01"]);
    for record in [&sqlite, &postgres] {
        record.ok(&[
            "motion",
            "open",
            "tsc",
            "--title",
            "Adopt",
            "--as",
            "alice",
            "--at",
            "2026-06-02",
        ]);
        for member in ["alice", "bob", "chen", "dana", "emil"] {
            record.ok(&["motion", "vote", "tsc/m1", "yes", "--as", member, "--at", "2026-06-02"]);
        }
        record.ok(&["motion", "close", "tsc/m1", "--as", "alice", "--at", "2026-06-03"]);
    }
    let digest = sqlite.ok(&["audit", "state-hash"]);
    assert_eq!(digest, sqlite.ok(&["audit", "state-hash"]));
    assert_eq!(digest, postgres.ok(&["audit", "state-hash"]));
    assert_eq!(digest, postgres.ok(&["audit", "state-hash"]));
    assert!(postgres.ok(&["audit", "verify"]).starts_with("intact: 8 events"));
    runtime.block_on(async {
        let admin = sqlx::PgPool::connect(&admin_url).await.unwrap();
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
        )))
        .execute(&admin)
        .await
        .unwrap();
    });
}

#[test]
fn the_demo_runs_governance_on_a_fresh_sqlite_record() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("demo.db").display());
    // From a folder with no examples in it: the example is compiled in.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_polity"))
        .env("LC_ALL", "C.UTF-8")
        .args(["demo", "--db", &db])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = stdout(&output);
    assert!(text.contains("\"outcome\":\"carried\""), "{text}");
    assert!(text.contains("\"winners\":[\"chen\"]"), "{text}");
    assert!(text.contains("intact: 20 events"), "{text}");
}

/// Votes every listed member on `motion` and closes it as `closer`.
fn pass(record: &Scenario, motion: &str, votes: &[(&str, &str)], closer: &str, at: &str) -> serde_json::Value {
    for (member, choice) in votes {
        record.ok(&["motion", "vote", motion, choice, "--as", member, "--at", at]);
    }
    record.ok(&["motion", "close", motion, "--as", closer, "--at", at]);
    record.last_event("motion-closed")
}

#[test]
fn e7_a_sig_chair_is_removed_by_two_thirds_of_the_toc() {
    let record = Scenario::new("paddle-sigs", "2026-06-01");
    // Refused: a SIG chair cannot open it; the TOC decides (E7).
    record.refused(
        &[
            "motion",
            "open",
            "sig-compiler",
            "--title",
            "Remove Tao",
            "--remove",
            "tao:chair",
            "--as",
            "ravi",
            "--at",
            "2026-06-02",
        ],
        "E7",
    );
    // Refused: nobody removes a seat the person does not hold.
    record.refused(
        &[
            "motion",
            "open",
            "sig-compiler",
            "--title",
            "Remove Uma",
            "--remove",
            "uma:chair",
            "--as",
            "ma",
            "--at",
            "2026-06-02",
        ],
        "E7",
    );
    // 3 of 5 is under 2/3: the motion fails and Tao stays.
    record.ok(&[
        "motion",
        "open",
        "sig-compiler",
        "--title",
        "Remove Tao",
        "--remove",
        "tao:chair",
        "--as",
        "ma",
        "--at",
        "2026-06-02",
    ]);
    let failed = pass(
        &record,
        "sig-compiler/m1",
        &[
            ("ma", "yes"),
            ("ng", "yes"),
            ("ode", "yes"),
            ("pia", "no"),
            ("qiu", "no"),
        ],
        "ma",
        "2026-06-03",
    );
    assert_eq!(failed["outcome"], "failed", "{failed}");
    assert!(record.log(&["--kind", "term-ended"]).as_array().unwrap().is_empty());
    // 4 of 5 carries it: the term ends that day.
    record.ok(&[
        "motion",
        "open",
        "sig-compiler",
        "--title",
        "Remove Tao",
        "--remove",
        "tao:chair",
        "--as",
        "ma",
        "--at",
        "2026-06-10",
    ]);
    let carried = pass(
        &record,
        "sig-compiler/m2",
        &[
            ("ma", "yes"),
            ("ng", "yes"),
            ("ode", "yes"),
            ("pia", "yes"),
            ("qiu", "no"),
        ],
        "ma",
        "2026-06-11",
    );
    assert_eq!(carried["outcome"], "carried");
    let ended = record.last_event("term-ended");
    assert_eq!(
        (ended["person"].as_str(), ended["on"].as_str()),
        (Some("tao"), Some("2026-06-11"))
    );
}

#[test]
fn l6_no_confidence_in_a_sig_by_two_thirds_of_the_toc() {
    let record = Scenario::new("paddle-sigs", "2026-06-01");
    record.refused(
        &[
            "motion",
            "open",
            "sig-inference",
            "--title",
            "No confidence",
            "--no-confidence",
            "--as",
            "xia",
            "--at",
            "2026-06-02",
        ],
        "L6",
    );
    record.refused(
        &[
            "motion",
            "open",
            "toc",
            "--title",
            "No confidence",
            "--no-confidence",
            "--as",
            "ma",
            "--at",
            "2026-06-02",
        ],
        "L6",
    );
    record.ok(&[
        "motion",
        "open",
        "sig-inference",
        "--title",
        "No confidence",
        "--no-confidence",
        "--as",
        "ma",
        "--at",
        "2026-06-02",
    ]);
    pass(
        &record,
        "sig-inference/m1",
        &[("ma", "yes"), ("ng", "yes"), ("ode", "yes"), ("pia", "yes")],
        "ma",
        "2026-06-03",
    );
    assert_eq!(record.last_event("no-confidence")["body"], "sig-inference");
}

#[test]
fn e4_a_majority_of_the_committers_recalls_the_ptl() {
    let record = Scenario::new("openstack-projects", "2026-06-01");
    record.refused(
        &[
            "motion",
            "open",
            "compute",
            "--title",
            "Recall",
            "--remove",
            "cy:ptl",
            "--as",
            "bo",
            "--at",
            "2026-06-02",
        ],
        "E4",
    );
    record.ok(&[
        "motion",
        "open",
        "compute",
        "--title",
        "Recall",
        "--remove",
        "cy:ptl",
        "--as",
        "amy",
        "--at",
        "2026-06-02",
    ]);
    record.refused(
        &[
            "motion",
            "vote",
            "compute/m1",
            "yes",
            "--as",
            "bo",
            "--at",
            "2026-06-02",
        ],
        "E4",
    );
    let carried = pass(
        &record,
        "compute/m1",
        &[("amy", "yes"), ("di", "yes"), ("ed", "yes"), ("cy", "no")],
        "amy",
        "2026-06-03",
    );
    assert_eq!(carried["outcome"], "carried", "{carried}");
    assert_eq!(record.last_event("term-ended")["seat"], "ptl");
    // Now the PTL seat is vacant: a new election can be held at any time.
    record.ok(&[
        "election",
        "open",
        "compute",
        "--seat",
        "ptl",
        "--as",
        "amy",
        "--at",
        "2026-06-04",
    ]);
}

#[test]
fn d1_d2_d5_d6_e8_cfn_meeting_with_agenda_proxies_quorum_and_minutes() {
    let record = Scenario::new("cfn-working-group", "2026-06-01");
    record.ok(&[
        "meeting",
        "schedule",
        "tsc",
        "--on",
        "2026-06-20",
        "--as",
        "alice",
        "--at",
        "2026-06-10",
    ]);
    // E8: the TSC's rotation is `none`: its chair runs every meeting.
    assert_eq!(record.last_event("meeting-scheduled")["chair"], "alice");
    // D5: members, PTLs and sub-group members add items; anyone else asks first.
    record.ok(&[
        "meeting",
        "agenda",
        "tsc/mt1",
        "Roadmap",
        "--as",
        "alice",
        "--at",
        "2026-06-11",
    ]);
    record.ok(&[
        "meeting",
        "agenda",
        "tsc/mt1",
        "Use-case white paper",
        "--as",
        "lin",
        "--at",
        "2026-06-11",
    ]);
    record.refused(
        &[
            "meeting",
            "agenda",
            "tsc/mt1",
            "My topic",
            "--as",
            "jun",
            "--at",
            "2026-06-11",
        ],
        "D5",
    );
    record.ok(&[
        "meeting",
        "request",
        "tsc/mt1",
        "My topic",
        "--as",
        "jun",
        "--at",
        "2026-06-11",
    ]);
    record.refused(
        &["meeting", "accept", "tsc/mt1", "1", "--as", "jun", "--at", "2026-06-12"],
        "D5",
    );
    record.ok(&["meeting", "accept", "tsc/mt1", "1", "--as", "bob", "--at", "2026-06-12"]);
    assert_eq!(record.last_event("agenda-item-added")["by"], "jun");
    // D2: a proxy is named before the meeting, by a member, for a member.
    record.ok(&[
        "meeting",
        "proxy",
        "tsc/mt1",
        "bob",
        "--as",
        "dana",
        "--at",
        "2026-06-19",
    ]);
    record.refused(
        &[
            "meeting",
            "proxy",
            "tsc/mt1",
            "bob",
            "--as",
            "emil",
            "--at",
            "2026-06-20",
        ],
        "D2",
    );
    record.refused(
        &[
            "meeting",
            "proxy",
            "tsc/mt1",
            "kai",
            "--as",
            "fang",
            "--at",
            "2026-06-19",
        ],
        "D2",
    );
    record.ok(&[
        "motion",
        "open",
        "tsc",
        "--title",
        "Adopt",
        "--meeting",
        "tsc/mt1",
        "--as",
        "alice",
        "--at",
        "2026-06-20",
    ]);
    // D1: no decision before the attendance is known.
    record.refused(
        &["motion", "close", "tsc/m1", "--as", "alice", "--at", "2026-06-20"],
        "D1",
    );
    record.ok(&[
        "meeting",
        "attendance",
        "tsc/mt1",
        "--present",
        "alice,bob,chen,emil",
        "--as",
        "alice",
        "--at",
        "2026-06-20",
    ]);
    let attendance = record.last_event("attendance-recorded");
    assert_eq!(attendance["quorum_met"], true, "{attendance}");
    assert!(
        attendance["explanation"]
            .as_str()
            .unwrap()
            .contains("5 of 9 members attend; > 1/2 of members attend needs 5")
    );
    // D1: only those attending vote; bob votes for dana as her proxy.
    record.refused(
        &["motion", "vote", "tsc/m1", "yes", "--as", "fang", "--at", "2026-06-20"],
        "D1",
    );
    record.refused(
        &[
            "motion",
            "vote",
            "tsc/m1",
            "yes",
            "--for",
            "emil",
            "--as",
            "bob",
            "--at",
            "2026-06-20",
        ],
        "D2",
    );
    for (member, proxy) in [
        ("alice", None),
        ("bob", None),
        ("chen", None),
        ("emil", None),
        ("dana", Some("bob")),
    ] {
        match proxy {
            None => record.ok(&["motion", "vote", "tsc/m1", "yes", "--as", member, "--at", "2026-06-20"]),
            Some(holder) => record.ok(&[
                "motion",
                "vote",
                "tsc/m1",
                "yes",
                "--for",
                member,
                "--as",
                holder,
                "--at",
                "2026-06-20",
            ]),
        };
    }
    record.ok(&["motion", "close", "tsc/m1", "--as", "alice", "--at", "2026-06-20"]);
    assert_eq!(record.last_event("motion-closed")["outcome"], "carried");
    assert_eq!(record.last_event("vote-cast")["cast_by"], "bob");
    record.ok(&[
        "meeting",
        "minutes",
        "tsc/mt1",
        "--link",
        "https://example.org/tsc/2026-06-20",
        "--as",
        "alice",
        "--at",
        "2026-06-21",
    ]);
    // D1: a meeting without quorum may discuss but not decide.
    record.ok(&[
        "meeting",
        "schedule",
        "tsc",
        "--on",
        "2026-07-04",
        "--as",
        "alice",
        "--at",
        "2026-06-21",
    ]);
    record.ok(&[
        "motion",
        "open",
        "tsc",
        "--title",
        "Budget",
        "--meeting",
        "tsc/mt2",
        "--as",
        "alice",
        "--at",
        "2026-07-04",
    ]);
    record.ok(&[
        "meeting",
        "attendance",
        "tsc/mt2",
        "--present",
        "alice,bob,chen,dana",
        "--as",
        "alice",
        "--at",
        "2026-07-04",
    ]);
    assert_eq!(record.last_event("attendance-recorded")["quorum_met"], false);
    for member in ["alice", "bob", "chen", "dana"] {
        record.ok(&["motion", "vote", "tsc/m2", "yes", "--as", member, "--at", "2026-07-04"]);
    }
    record.ok(&["motion", "close", "tsc/m2", "--as", "alice", "--at", "2026-07-04"]);
    let closed = record.last_event("motion-closed");
    assert_eq!(closed["outcome"], "no quorum", "{closed}");
    assert!(
        closed["explanation"][1]
            .as_str()
            .unwrap()
            .contains("may discuss but not decide")
    );
}

#[test]
fn e8_sig_chairs_take_turns_running_meetings() {
    let record = Scenario::new("paddle-sigs", "2026-06-01");
    let mut chairs = Vec::new();
    for on in ["2026-06-09", "2026-06-23", "2026-07-07", "2026-07-21"] {
        record.ok(&[
            "meeting",
            "schedule",
            "sig-compiler",
            "--on",
            on,
            "--as",
            "ravi",
            "--at",
            "2026-06-02",
        ]);
        chairs.push(
            record.last_event("meeting-scheduled")["chair"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    assert_eq!(chairs, ["ravi", "sun", "tao", "ravi"]);
    record.refused(
        &[
            "meeting",
            "schedule",
            "sig-compiler",
            "--on",
            "2026-06-01",
            "--as",
            "ravi",
            "--at",
            "2026-06-02",
        ],
        "D6",
    );
}

#[test]
fn d7_s12_dask_lazy_consensus_objection_deadlock_and_final_say() {
    let record = Scenario::new("dask-leadership", "2026-06-01");
    // Passes by lazy consensus when nobody objects in the review period.
    record.ok(&[
        "proposal",
        "open",
        "leadership",
        "--title",
        "Adopt CalVer",
        "--until",
        "2026-06-15",
        "--as",
        "ben",
        "--at",
        "2026-06-01",
    ]);
    record.refused(
        &[
            "proposal",
            "conclude",
            "leadership/p1",
            "--as",
            "ben",
            "--at",
            "2026-06-10",
        ],
        "D7",
    );
    record.ok(&[
        "proposal",
        "conclude",
        "leadership/p1",
        "--as",
        "ben",
        "--at",
        "2026-06-15",
    ]);
    assert_eq!(record.last_event("proposal-accepted")["proposal"], "leadership/p1");
    // An objection turns it into a vote; a tie with no tie rule is a deadlock for the final say.
    record.ok(&[
        "proposal",
        "open",
        "leadership",
        "--title",
        "Drop Python 3.10",
        "--until",
        "2026-06-30",
        "--as",
        "ben",
        "--at",
        "2026-06-16",
    ]);
    record.refused(
        &[
            "proposal",
            "object",
            "leadership/p2",
            "--reason",
            "no",
            "--as",
            "finn",
            "--at",
            "2026-06-17",
        ],
        "D7",
    );
    record.ok(&[
        "proposal",
        "object",
        "leadership/p2",
        "--reason",
        "users still need it",
        "--as",
        "cleo",
        "--at",
        "2026-06-17",
    ]);
    record.refused(
        &[
            "proposal",
            "conclude",
            "leadership/p2",
            "--as",
            "ben",
            "--at",
            "2026-07-01",
        ],
        "D7",
    );
    let motion = record.last_event("proposal-objected")["motion"]
        .as_str()
        .unwrap()
        .to_owned();
    let closed = pass(
        &record,
        &motion,
        &[("ada", "yes"), ("ben", "yes"), ("cleo", "no"), ("dev", "no")],
        "ada",
        "2026-06-18",
    );
    assert_eq!(closed["outcome"], "deadlocked", "{closed}");
    record.refused(
        &[
            "motion",
            "final-say",
            &motion,
            "yes",
            "--reason",
            "mine",
            "--as",
            "ben",
            "--at",
            "2026-06-19",
        ],
        "S12",
    );
    record.ok(&[
        "motion",
        "final-say",
        &motion,
        "no",
        "--reason",
        "users first",
        "--as",
        "ada",
        "--at",
        "2026-06-19",
    ]);
    assert_eq!(record.last_event("final-say-recorded")["by"], "ada");
    record.refused(
        &[
            "motion",
            "final-say",
            "leadership/m0",
            "no",
            "--reason",
            "x",
            "--as",
            "ada",
            "--at",
            "2026-06-19",
        ],
        "R-REF",
    );
}

#[test]
fn d8_dask_large_decisions_consult_the_advisory_groups_first() {
    let record = Scenario::new("dask-leadership", "2026-06-01");
    record.ok(&[
        "motion",
        "open",
        "leadership",
        "--title",
        "Change the scheduler API",
        "--large",
        "--as",
        "ada",
        "--at",
        "2026-06-02",
    ]);
    for member in ["ada", "ben", "cleo"] {
        record.ok(&[
            "motion",
            "vote",
            "leadership/m1",
            "yes",
            "--as",
            member,
            "--at",
            "2026-06-02",
        ]);
    }
    let refusal = record.refused(
        &["motion", "close", "leadership/m1", "--as", "ada", "--at", "2026-06-03"],
        "D8",
    );
    assert!(
        refusal.contains("industry-partners") && refusal.contains("user-representatives"),
        "{refusal}"
    );
    record.ok(&[
        "motion",
        "consult",
        "leadership/m1",
        "user-representatives",
        "--summary",
        "users agree",
        "--as",
        "finn",
        "--at",
        "2026-06-03",
    ]);
    record.refused(
        &[
            "motion",
            "consult",
            "leadership/m1",
            "industry-partners",
            "--summary",
            "x",
            "--as",
            "gia",
            "--at",
            "2026-06-03",
        ],
        "D8",
    );
    record.ok(&[
        "motion",
        "consult",
        "leadership/m1",
        "industry-partners",
        "--summary",
        "partners agree",
        "--as",
        "ben",
        "--at",
        "2026-06-03",
    ]);
    record.ok(&["motion", "close", "leadership/m1", "--as", "ada", "--at", "2026-06-04"]);
    assert_eq!(record.last_event("motion-closed")["outcome"], "carried");
}

#[test]
fn d11_the_toc_may_always_intervene_in_a_sig_proposal() {
    let record = Scenario::new("paddle-sigs", "2026-06-01");
    record.ok(&[
        "proposal",
        "open",
        "sig-compiler",
        "--title",
        "Fork the runtime",
        "--until",
        "2026-06-30",
        "--as",
        "ravi",
        "--at",
        "2026-06-02",
    ]);
    record.refused(
        &[
            "intervene",
            "sig-compiler/p1",
            "--reason",
            "no",
            "--as",
            "sun",
            "--at",
            "2026-06-03",
        ],
        "D11",
    );
    record.ok(&[
        "intervene",
        "sig-compiler/p1",
        "--reason",
        "out of the SIG's scope",
        "--as",
        "ma",
        "--at",
        "2026-06-03",
    ]);
    record.refused(
        &[
            "proposal",
            "conclude",
            "sig-compiler/p1",
            "--as",
            "ravi",
            "--at",
            "2026-07-01",
        ],
        "D11",
    );
}

#[test]
fn e9_d10_openstack_liaisons_volunteer_the_ptl_picks_and_the_liaison_signs_off() {
    let record = Scenario::new("openstack-projects", "2026-06-01");
    record.ok(&[
        "liaison",
        "volunteer",
        "compute",
        "release",
        "--as",
        "di",
        "--at",
        "2026-06-02",
    ]);
    record.ok(&[
        "liaison",
        "volunteer",
        "compute",
        "release",
        "--as",
        "ed",
        "--at",
        "2026-06-02",
    ]);
    record.refused(
        &[
            "liaison",
            "volunteer",
            "compute",
            "release",
            "--as",
            "bo",
            "--at",
            "2026-06-02",
        ],
        "E9",
    );
    record.refused(
        &[
            "liaison",
            "volunteer",
            "compute",
            "marketing",
            "--as",
            "ed",
            "--at",
            "2026-06-02",
        ],
        "S9",
    );
    record.refused(
        &[
            "liaison",
            "choose",
            "compute",
            "release",
            "ed",
            "--as",
            "amy",
            "--at",
            "2026-06-03",
        ],
        "E9",
    );
    record.refused(
        &[
            "liaison",
            "choose",
            "compute",
            "release",
            "flo",
            "--as",
            "cy",
            "--at",
            "2026-06-03",
        ],
        "E9",
    );
    record.ok(&[
        "liaison",
        "choose",
        "compute",
        "release",
        "ed",
        "--as",
        "cy",
        "--at",
        "2026-06-03",
    ]);
    // D10: the release liaison signs off a release without the PTL; the PTL is not the liaison.
    record.ok(&[
        "liaison",
        "sign-off",
        "compute",
        "release",
        "--subject",
        "2026.2",
        "--as",
        "ed",
        "--at",
        "2026-06-04",
    ]);
    record.refused(
        &[
            "liaison",
            "sign-off",
            "compute",
            "release",
            "--subject",
            "2026.2",
            "--as",
            "cy",
            "--at",
            "2026-06-04",
        ],
        "D10",
    );
}

#[test]
fn l3_a_proposed_sig_forms_only_with_purpose_two_leads_and_resources() {
    let broken = Scenario::new("paddle-sigs-broken", "2026-06-01");
    let refusal = broken.refused(
        &[
            "motion",
            "open",
            "toc",
            "--title",
            "Form SIG Edge",
            "--transition",
            "sig-edge:forming",
            "--as",
            "ma",
            "--at",
            "2026-06-02",
        ],
        "L3",
    );
    assert!(refusal.contains("fewer than two volunteer leads"), "{refusal}");
    let record = Scenario::new("paddle-sigs", "2026-06-01");
    record.ok(&[
        "motion",
        "open",
        "toc",
        "--title",
        "Form SIG Edge",
        "--transition",
        "sig-edge:forming",
        "--as",
        "ma",
        "--at",
        "2026-06-02",
    ]);
    pass(
        &record,
        "toc/m1",
        &[("ma", "yes"), ("ng", "yes"), ("ode", "yes"), ("pia", "yes")],
        "ma",
        "2026-06-03",
    );
    assert_eq!(record.last_event("body-transitioned")["to"], "forming");
}

#[test]
fn s4_a_working_group_is_dissolved_when_its_timetable_ends() {
    let record = Scenario::new("paddle-sigs", "2026-06-01");
    record.refused(&["dissolve", "wg-model-zoo", "--as", "ma", "--at", "2026-06-02"], "S4");
    let ended = Scenario::new("paddle-sigs-broken", "2026-06-01");
    ended.refused(
        &["dissolve", "wg-model-zoo", "--as", "ravi", "--at", "2026-06-02"],
        "S4",
    );
    ended.ok(&["dissolve", "wg-model-zoo", "--as", "ma", "--at", "2026-06-02"]);
    assert_eq!(
        ended.last_event("working-group-dissolved")["reason"],
        "its timetable ended"
    );
}

#[test]
fn e5_the_toc_appoints_sig_chairs_by_two_thirds_for_two_year_terms() {
    let record = Scenario::new("paddle-sigs", "2026-06-01");
    // Only the TOC decides; a SIG chair cannot appoint a fellow chair.
    record.refused(
        &[
            "motion",
            "open",
            "sig-inference",
            "--title",
            "Appoint Qiu",
            "--appoint",
            "qiu:chair",
            "--as",
            "xia",
            "--at",
            "2026-06-02",
        ],
        "E5",
    );
    record.refused(
        &[
            "motion",
            "open",
            "sig-inference",
            "--title",
            "Appoint Xia",
            "--appoint",
            "xia:chair",
            "--as",
            "ma",
            "--at",
            "2026-06-02",
        ],
        "E5",
    );
    record.ok(&[
        "motion",
        "open",
        "sig-compiler",
        "--title",
        "Appoint Qiu",
        "--appoint",
        "qiu:chair",
        "--as",
        "ma",
        "--at",
        "2026-06-02",
    ]);
    let closed = pass(
        &record,
        "sig-compiler/m1",
        &[("ma", "yes"), ("ng", "yes"), ("ode", "yes"), ("pia", "yes")],
        "ma",
        "2026-06-03",
    );
    assert_eq!(closed["outcome"], "carried");
    let term = record.last_event("term-started");
    assert_eq!(
        (term["person"].as_str(), term["seat"].as_str()),
        (Some("qiu"), Some("chair"))
    );
    assert_eq!(
        (term["from"].as_str(), term["until"].as_str()),
        (Some("2026-06-03"), Some("2028-06-03"))
    );
}

#[test]
fn e6_a_tech_lead_needs_two_thirds_of_the_toc_and_two_thirds_of_the_sig_chairs() {
    let record = Scenario::new("paddle-sigs", "2026-06-01");
    record.refused(
        &[
            "motion",
            "open",
            "sig-compiler",
            "--title",
            "Vera as tech lead",
            "--appoint",
            "vera:tech-lead",
            "--as",
            "yan",
            "--at",
            "2026-06-02",
        ],
        "E6",
    );
    // The TOC carries it (4 of 5) but only one of the three SIG chairs agrees: it fails.
    record.ok(&[
        "motion",
        "open",
        "sig-compiler",
        "--title",
        "Vera as tech lead",
        "--appoint",
        "vera:tech-lead",
        "--as",
        "ma",
        "--at",
        "2026-06-02",
    ]);
    let toc = [("ma", "yes"), ("ng", "yes"), ("ode", "yes"), ("pia", "yes")];
    let mut votes = toc.to_vec();
    votes.extend([("ravi", "yes"), ("sun", "no"), ("tao", "no")]);
    let failed = pass(&record, "sig-compiler/m1", &votes, "ma", "2026-06-03");
    assert_eq!(failed["outcome"], "failed", "{failed}");
    let explanation = failed["explanation"].to_string();
    assert!(
        explanation.contains("overseer:") && explanation.contains("chairs:"),
        "{explanation}"
    );
    // Both bodies carry it: appointed.
    record.ok(&[
        "motion",
        "open",
        "sig-compiler",
        "--title",
        "Vera as tech lead",
        "--appoint",
        "vera:tech-lead",
        "--as",
        "ma",
        "--at",
        "2026-06-04",
    ]);
    let mut votes = toc.to_vec();
    votes.extend([("ravi", "yes"), ("sun", "yes"), ("tao", "no")]);
    let carried = pass(&record, "sig-compiler/m2", &votes, "ma", "2026-06-05");
    assert_eq!(carried["outcome"], "carried", "{carried}");
    assert_eq!(record.last_event("term-started")["seat"], "tech-lead");
}

#[test]
fn d9_a_voter_declares_the_capacity_they_vote_in() {
    let record = Scenario::new("cfn-working-group", "2026-06-01");
    record.ok(&[
        "motion",
        "open",
        "tsc",
        "--title",
        "Adopt",
        "--as",
        "alice",
        "--at",
        "2026-06-02",
    ]);
    record.ok(&[
        "motion",
        "vote",
        "tsc/m1",
        "yes",
        "--capacity",
        "on behalf of chinamobile",
        "--as",
        "alice",
        "--at",
        "2026-06-02",
    ]);
    assert_eq!(record.last_event("vote-cast")["capacity"], "on behalf of chinamobile");
    record.ok(&[
        "motion",
        "vote",
        "tsc/m1",
        "yes",
        "--capacity",
        "personal",
        "--as",
        "bob",
        "--at",
        "2026-06-02",
    ]);
    record.refused(
        &[
            "motion",
            "vote",
            "tsc/m1",
            "yes",
            "--capacity",
            "on behalf of huawei",
            "--as",
            "emil",
            "--at",
            "2026-06-02",
        ],
        "D9",
    );
}

#[test]
fn e2_only_active_members_on_the_roll_take_part_in_elections() {
    // Until contribution statistics exist, the registry's `roll` names the active members.
    let record = Scenario::new("cfn-working-group", "2026-06-01");
    record.ok(&[
        "election",
        "open",
        "tsc",
        "--seats",
        "2",
        "--as",
        "alice",
        "--at",
        "2026-12-10",
    ]);
    record.ok(&[
        "election",
        "nominate",
        "tsc/e1",
        "lin",
        "--as",
        "kai",
        "--at",
        "2026-12-11",
    ]);
    record.refused(
        &[
            "election",
            "nominate",
            "tsc/e1",
            "jun",
            "--as",
            "kai",
            "--at",
            "2026-12-11",
        ],
        "E1",
    );
    record.refused(
        &[
            "election",
            "nominate",
            "tsc/e1",
            "kai",
            "--as",
            "jun",
            "--at",
            "2026-12-11",
        ],
        "E1",
    );
}

#[test]
fn e5_staggered_terms_and_a_tally_sheet_that_recounts_to_the_result() {
    let record = Scenario::new("cfn-working-group", "2026-06-01");
    record.ok(&[
        "election",
        "open",
        "tsc",
        "--seats",
        "4",
        "--stagger",
        "--as",
        "alice",
        "--at",
        "2026-12-10",
    ]);
    for candidate in ["alice", "chen", "dana", "emil", "fang"] {
        record.ok(&[
            "election",
            "nominate",
            "tsc/e1",
            candidate,
            "--as",
            "bob",
            "--at",
            "2026-12-11",
        ]);
    }
    record.ok(&[
        "election",
        "close-nominations",
        "tsc/e1",
        "--as",
        "alice",
        "--at",
        "2026-12-24",
    ]);
    for (voter, rank) in [
        ("alice", "alice>chen>dana>emil>fang"),
        ("bob", "chen>alice>emil>dana>fang"),
        ("lin", "alice>dana=emil>chen"),
    ] {
        record.vote("tsc/e1", rank, voter, "2026-12-26");
    }
    record.ok(&["election", "close", "tsc/e1", "--as", "alice", "--at", "2026-12-31"]);
    let closed = record.last_event("election-closed");
    let winners: Vec<String> = closed["winners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|name| name.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(winners.len(), 4);
    // E5: two terms of the full 12 months (class a), two of half of it (class b).
    let terms = record.log(&["--kind", "term-started"]);
    let ends: Vec<(&str, &str)> = terms
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                row["event"]["until"].as_str().unwrap(),
                row["event"]["class"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        ends,
        [
            ("2028-01-15", "a"),
            ("2028-01-15", "a"),
            ("2027-07-15", "b"),
            ("2027-07-15", "b")
        ]
    );
    // T1: anyone can re-count the published tally sheet and get the announced result.
    let candidates: Vec<String> = ["alice", "chen", "dana", "emil", "fang"].map(String::from).to_vec();
    let mut ballots = polity_count::Ballots::new(candidates.clone(), polity_count::Unranked::Below).unwrap();
    for line in closed["tally_sheet"].as_array().unwrap() {
        let mut ranks = vec![None; candidates.len()];
        for (position, tier) in line["ranking"].as_array().unwrap().iter().enumerate() {
            for name in tier.as_array().unwrap() {
                let index = candidates
                    .iter()
                    .position(|candidate| candidate == name.as_str().unwrap())
                    .unwrap();
                ranks[index] = Some(position as u32 + 1);
            }
        }
        ballots.push(&ranks, 1).unwrap();
    }
    let pairwise = polity_count::Pairwise::count(&ballots, 1);
    let recount: Vec<String> = polity_count::schulze(&pairwise, polity_count::Strength::WinningVotes)
        .tiers
        .into_iter()
        .flatten()
        .map(|index| candidates[index].clone())
        .take(4)
        .collect();
    let ranking: Vec<String> = closed["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|tier| {
            tier.as_array()
                .unwrap()
                .iter()
                .map(|name| name.as_str().unwrap().to_owned())
        })
        .take(4)
        .collect();
    assert_eq!(recount, ranking);
}

#[test]
fn e2_the_roll_from_contribution_statistics_replaces_the_registry_roll() {
    let record = Scenario::new("cfn-working-group", "2026-06-01");
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("contributions.csv");
    let mut text = "date,person,kind,link\n".to_owned();
    for day in 1..=5 {
        text.push_str(&format!("2026-0{day}-10,jun,review,https://example.org/r/{day}\n"));
        text.push_str(&format!("2026-0{day}-11,@linmei,document,\n"));
    }
    text.push_str("2026-05-12,kai,use-case,\n");
    std::fs::write(&csv, text).unwrap();
    let csv = csv.to_str().unwrap();
    // Only an oversight committee member records the roll.
    record.refused(
        &[
            "election",
            "roll",
            "--contributions",
            csv,
            "--as",
            "jun",
            "--at",
            "2026-12-01",
        ],
        "E2",
    );
    let out = record.ok(&[
        "election",
        "roll",
        "--contributions",
        csv,
        "--as",
        "alice",
        "--at",
        "2026-12-01",
    ]);
    assert!(out.contains("recorded roll-recorded"), "{out}");
    let event = record.last_event("roll-recorded");
    assert_eq!(event["members"], serde_json::json!(["jun", "lin"]));
    assert_eq!(event["from"], "2025-12-01");
    assert_eq!(event["rule"], "at least 5 contributions within 12 months");
    record.ok(&[
        "election",
        "open",
        "tsc",
        "--seats",
        "2",
        "--as",
        "alice",
        "--at",
        "2026-12-10",
    ]);
    // Jun is active now; Kai (one contribution) no longer is.
    record.ok(&[
        "election",
        "nominate",
        "tsc/e1",
        "lin",
        "--as",
        "jun",
        "--at",
        "2026-12-11",
    ]);
    record.refused(
        &[
            "election",
            "nominate",
            "tsc/e1",
            "jun",
            "--as",
            "kai",
            "--at",
            "2026-12-11",
        ],
        "E1",
    );
    // A bad contributions file records nothing and says where.
    std::fs::write(
        dir.path().join("bad.csv"),
        "date,person,kind,link\n2026-01-01,nobody,review,\n",
    )
    .unwrap();
    let output = record.run(&[
        "election",
        "roll",
        "--contributions",
        dir.path().join("bad.csv").to_str().unwrap(),
        "--as",
        "alice",
        "--at",
        "2026-12-02",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("bad.csv:2: \"nobody\" is not a person"));
    assert_eq!(record.last_event("roll-recorded")["on"], "2026-12-01");
}

/// A repository with three commits (alice@chinamobile.com twice, bob@intel.com once, in spring
/// 2026), or None when the `git` program is missing (the test says SKIPPED).
fn stats_repository() -> Option<tempfile::TempDir> {
    if std::process::Command::new("git").arg("--version").output().is_err() {
        eprintln!("stats test SKIPPED: the `git` program is not installed");
        return None;
    }
    let repo = tempfile::tempdir().unwrap();
    let git = |args: &[&str], envs: &[(&str, &str)]| {
        let status = std::process::Command::new("git")
            .args(args)
            .envs(envs.iter().copied())
            .current_dir(repo.path())
            .status()
            .unwrap();
        assert!(status.success());
    };
    git(&["init", "-q"], &[]);
    for (email, day) in [
        ("alice@chinamobile.com", "2026-03-01"),
        ("alice@chinamobile.com", "2026-04-01"),
        ("bob@intel.com", "2026-05-01"),
    ] {
        let when = format!("{day}T12:00:00Z");
        git(
            &[
                "-c",
                "user.name=Someone",
                "-c",
                &format!("user.email={email}"),
                "commit",
                "-q",
                "--allow-empty",
                "-m",
                "work",
            ],
            &[("GIT_AUTHOR_DATE", &when), ("GIT_COMMITTER_DATE", &when)],
        );
    }
    Some(repo)
}

#[test]
fn e2_stats_electorate_from_a_repository() {
    let Some(repo) = stats_repository() else { return };
    let output = polity(&[
        "stats",
        "electorate",
        "--registry",
        "examples/cfn-working-group",
        "--repo",
        repo.path().to_str().unwrap(),
        "--at",
        "2026-06-01",
        "--json",
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let roll: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    // The CFN rule is 5 contributions in 12 months: Alice (by her registry e-mail) has 2.
    assert_eq!(roll["voters"][0]["who"], "bob@intel.com");
    assert_eq!(roll["voters"][0]["known"], false);
    assert_eq!(roll["voters"][1]["who"], "alice");
    assert_eq!(roll["voters"][1]["contributions"], 2);
    assert_eq!(roll["voters"][1]["by_kind"], serde_json::json!({ "commit": 2 }));
    assert_eq!(roll["voters"][1]["active"], false);
    assert_eq!(roll["ai_co_authors"], "not counted");
    assert_eq!(roll["date"], "commit");
    let no_rule = polity(&[
        "stats",
        "electorate",
        "--registry",
        "examples/dask-leadership",
        "--repo",
        repo.path().to_str().unwrap(),
        "--at",
        "2026-06-01",
    ]);
    assert_eq!(no_rule.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&no_rule.stderr).contains("no `active-member` rule"));
}

#[test]
fn c2_a_persons_history_says_why_they_are_or_are_not_active() {
    let Some(repo) = stats_repository() else { return };
    // C2: one person's history, and why they are not active yet.
    let alice = stdout(&polity(&[
        "stats",
        "person",
        "@AliceE",
        "--registry",
        "examples/cfn-working-group",
        "--repo",
        repo.path().to_str().unwrap(),
        "--at",
        "2026-06-01",
    ]));
    assert!(
        alice.contains(
            "E2: at least 5 contributions in [2025-06-01, 2026-06-01) by commit date: 2 — not active: 3 more needed"
        ),
        "{alice}"
    );
    assert!(
        alice.contains("identities in the history: alice@chinamobile.com"),
        "{alice}"
    );
    // The same facts as JSON.
    let json: serde_json::Value = serde_json::from_str(&stdout(&polity(&[
        "stats",
        "person",
        "@AliceE",
        "--registry",
        "examples/cfn-working-group",
        "--repo",
        repo.path().to_str().unwrap(),
        "--at",
        "2026-06-01",
        "--format",
        "json",
    ])))
    .unwrap();
    assert_eq!(json["person"], "alice");
    assert_eq!(json["identities"], serde_json::json!(["alice@chinamobile.com"]));
    assert_eq!(json["active_member"]["counted"], 2);
    assert_eq!(json["active_member"]["missing"], 3);
    assert_eq!(json["active_member"]["active"], false);
    assert_eq!(json["active_member"]["from"], "2025-06-01");
}

#[test]
fn c3_health_figures_and_chart_of_a_project() {
    let Some(repo) = stats_repository() else { return };
    // C3: health as Markdown, JSON and an SVG chart.
    let repo_path = repo.path().to_str().unwrap();
    let health = |format: &str| {
        stdout(&polity(&[
            "stats",
            "health",
            "tsc",
            "--registry",
            "examples/cfn-working-group",
            "--repo",
            repo_path,
            "--at",
            "2026-06-01",
            "--format",
            format,
        ]))
    };
    let text = health("markdown");
    assert!(
        text.contains("| elephant factor (fewest organisations making 50 % of known work) | 1 |"),
        "{text}"
    );
    assert!(
        text.contains("| contributions of unknown affiliation | 1/3 (33.3 %) |"),
        "{text}"
    );
    assert!(
        text.contains("| organisations contributing | 1 |"),
        "unknown is no organisation: {text}"
    );
    assert!(
        text.contains("| China Mobile | 2/3 (66.7 %) |"),
        "names, not ids: {text}"
    );
    assert!(text.contains("| unknown affiliation | 1/3 (33.3 %) |"), "{text}");
    let figures: serde_json::Value = serde_json::from_str(&health("json")).unwrap();
    assert_eq!(figures["contributions_365"], 3);
    assert_eq!(figures["absence_factor"], 1);
    let svg = health("svg");
    assert!(
        svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>") && svg.matches("<rect").count() >= 3,
        "{svg}"
    );
    // Every month of the window, the empty ones too (2025-06-01 to 2026-05-31: twelve whole months).
    for month in [
        "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May",
    ] {
        assert!(svg.contains(&format!(">{month}</text>")), "{month}: {svg}");
    }
    assert!(svg.contains(">China Mobile (2)</text>"), "names in the legend: {svg}");
    // In Chinese: the figures, the chart's words and months, the electorate and a person.
    let chinese = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend([
            "--registry",
            "examples/cfn-working-group",
            "--repo",
            repo_path,
            "--at",
            "2026-06-01",
        ]);
        all.extend(["--lang", "zh"]);
        stdout(&polity(&all))
    };
    let text = chinese(&["stats", "health", "tsc", "--format", "markdown"]);
    assert!(text.starts_with("# tsc 截至 2026-06-01 的健康状况（C3）"), "{text}");
    assert!(
        text.contains("| 大象因子（完成已知所属组织工作 50 % 的最少组织数） | 1 |"),
        "{text}"
    );
    assert!(text.contains("| 所属组织不明 | 1/3 (33.3 %) |"), "{text}");
    let svg = chinese(&["stats", "health", "tsc", "--format", "svg"]);
    assert!(
        svg.contains(">6月</text>") && svg.contains(">每月贡献数</text>"),
        "{svg}"
    );
    assert!(!svg.contains("contributions a month"), "{svg}");
    let roll = chinese(&["stats", "electorate"]);
    assert!(roll.starts_with("截至 2026-06-01 的活跃成员（E2："), "{roll}");
    assert!(roll.contains("不活跃：5 次贡献中只有"), "{roll}");
    let person = chinese(&["stats", "person", "alice"]);
    assert!(person.contains("所属组织：chinamobile"), "{person}");
    assert!(person.contains("贡献（最新的在前）："), "{person}");
}

#[test]
fn c1_contributions_outside_git_count_and_bad_files_import_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("contributions.csv");
    std::fs::write(
        &good,
        "date,person,kind,link\n2026-03-01,alice,review,https://example.org/r/1\n2026-03-02,@AliceE,use-case,\n2026-03-03,alice,requirement,\n2026-03-04,alice,document,\n2026-03-05,alice,review,\n",
    )
    .unwrap();
    let output = polity(&[
        "stats",
        "electorate",
        "--registry",
        "examples/cfn-working-group",
        "--contributions",
        good.to_str().unwrap(),
        "--at",
        "2026-06-01",
        "--json",
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let roll: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(roll["voters"][0]["who"], "alice");
    assert_eq!(roll["voters"][0]["contributions"], 5);
    assert_eq!(
        roll["voters"][0]["active"], true,
        "C1: reviews, use cases and documents count toward E2"
    );
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "date,person,kind,link\n2026-02-30,alice,review,\n2026-03-01,nobody,review,\n2026-03-01,alice,gossip,\n2026-03-01,alice\n").unwrap();
    let output = polity(&[
        "stats",
        "electorate",
        "--registry",
        "examples/cfn-working-group",
        "--contributions",
        bad.to_str().unwrap(),
        "--at",
        "2026-06-01",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(
        error.contains("4 problem(s) in the contributions file; nothing of it was imported"),
        "{error}"
    );
    for line in [
        ":2: \"2026-02-30\" is not a date",
        ":3: \"nobody\" is not a person",
        ":4: \"gossip\" is not a kind",
        ":5: 2 fields",
    ] {
        assert!(error.contains(line), "missing {line:?} in {error}");
    }
}

/// The same repository given twice (by the same path, by its `.git` folder, or as a clone) counts
/// each commit once, and says so.
#[test]
fn e2_a_repository_given_twice_counts_once() {
    let Some(repo) = stats_repository() else { return };
    let clone = tempfile::tempdir().unwrap();
    let cloned = std::process::Command::new("git")
        .args([
            "clone",
            "-q",
            repo.path().to_str().unwrap(),
            clone.path().join("copy").to_str().unwrap(),
        ])
        .status()
        .unwrap();
    assert!(cloned.success());
    let path = repo.path().to_str().unwrap();
    let dot_git = repo.path().join(".git");
    let copy = clone.path().join("copy");
    let contributions = |repos: &[&str]| {
        let mut args = vec![
            "stats",
            "electorate",
            "--registry",
            "examples/cfn-working-group",
            "--at",
            "2026-06-01",
            "--json",
            "--no-cache",
        ];
        for repo in repos {
            args.push("--repo");
            args.push(repo);
        }
        let output = polity(&args);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let roll: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let alice = roll["voters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|voter| voter["who"] == "alice")
            .unwrap()["contributions"]
            .clone();
        (alice, String::from_utf8_lossy(&output.stderr).into_owned())
    };
    assert_eq!(contributions(&[path]).0, 2);
    let (twice, said) = contributions(&[path, path]);
    assert_eq!(twice, 2, "{said}");
    assert!(said.contains("(given twice): read once"), "{said}");
    assert_eq!(contributions(&[path, dot_git.to_str().unwrap()]).0, 2);
    let (cloned, said) = contributions(&[path, copy.to_str().unwrap()]);
    assert_eq!(cloned, 2, "{said}");
    assert!(
        said.contains("3 commit(s) already counted from another repository given"),
        "{said}"
    );
}

#[test]
fn e1_notify_lists_what_is_owed_writes_it_once_and_the_outbox_shows_it() {
    let record = Scenario::new("cfn-working-group", "2026-06-01");
    record.ok(&[
        "election",
        "open",
        "tsc",
        "--seat",
        "chair",
        "--as",
        "alice",
        "--at",
        "2026-06-01",
    ]);
    // Nominations are open: the dry run lists who is told, and writes nothing.
    let dry = record.ok(&["notify", "--dry-run", "--at", "2026-06-02"]);
    assert!(dry.contains("nominations-open"), "{dry}");
    assert!(dry.contains("alice <alice@chinamobile.com>"), "{dry}");
    assert!(dry.contains("(no address)"), "{dry}");
    assert!(dry.contains("cannot be reached by e-mail: add `emails:`"), "{dry}");
    assert!(dry.contains("Dry run: nothing was written or sent."), "{dry}");
    assert!(record.ok(&["outbox"]).contains("The outbox is empty"));
    let listed: serde_json::Value =
        serde_json::from_str(&record.ok(&["notify", "--dry-run", "--at", "2026-06-02", "--format", "json"])).unwrap();
    let notices = listed["notices"].as_array().unwrap();
    assert!(
        notices
            .iter()
            .any(|notice| notice["key"] == "nominations-open/tsc/e1/alice"
                && notice["kind"] == "nominations-open"
                && notice["address"] == "alice@chinamobile.com")
    );
    // Written once: a second run adds nothing.
    let first = record.ok(&["notify", "--at", "2026-06-02"]);
    assert!(first.contains("1 new in the outbox (0 were there already)"), "{first}");
    let second = record.ok(&["notify", "--at", "2026-06-02"]);
    assert!(
        second.contains("0 new in the outbox (1 were there already)"),
        "{second}"
    );
    let outbox = record.ok(&["outbox"]);
    assert!(outbox.starts_with("waiting   mail     nominations-open"), "{outbox}");
    let rows: serde_json::Value = serde_json::from_str(&record.ok(&["outbox", "--json"])).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);
    // Sending needs a sender address, and never a password on the command line.
    let output = record.run(&["notify", "--at", "2026-06-02", "--smtp", "smtps://mail.example.org"]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--smtp needs a sender"));
    let output = record.run(&[
        "notify",
        "--at",
        "2026-06-02",
        "--smtp",
        "smtp://mail.example.org",
        "--from",
        "gov@example.org",
    ]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("unencrypted"));
}

#[test]
fn t1_init_export_and_audit_verify_speak_json_too() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("record.db").display());
    let init: serde_json::Value = serde_json::from_str(&stdout(&polity(&[
        "init",
        "--registry",
        "examples/cfn-working-group",
        "--at",
        "2026-06-01",
        "--db",
        &db,
        "--format",
        "json",
    ])))
    .unwrap();
    assert_eq!(init["events"], 1);
    assert_eq!(init["recorded"], "examples/cfn-working-group");
    let out = dir.path().join("exported");
    let export: serde_json::Value = serde_json::from_str(&stdout(&polity(&[
        "export",
        out.to_str().unwrap(),
        "--db",
        &db,
        "--json",
    ])))
    .unwrap();
    assert_eq!(export["head_hash"], init["head_hash"]);
    assert!(out.join("polity.yaml").exists());
    let verify = polity(&["audit", "verify", "--db", &db, "--format", "json"]);
    assert!(verify.status.success());
    let verify: serde_json::Value = serde_json::from_slice(&verify.stdout).unwrap();
    assert_eq!(verify["intact"], true);
    assert_eq!(verify["events"], 1);
    assert_eq!(verify["head_hash"], init["head_hash"]);
    assert_eq!(verify["problems"], serde_json::json!([]));
}

/// A record with a closed motion, for the backup tests.
fn with_a_closed_motion(record: &Scenario) {
    record.ok(&[
        "motion",
        "open",
        "tsc",
        "--title",
        "Adopt",
        "--as",
        "alice",
        "--at",
        "2026-06-02",
    ]);
    for member in ["alice", "bob", "chen", "dana", "emil"] {
        record.ok(&["motion", "vote", "tsc/m1", "yes", "--as", member, "--at", "2026-06-02"]);
    }
    record.ok(&["motion", "close", "tsc/m1", "--as", "alice", "--at", "2026-06-03"]);
}

#[test]
fn t1_a_sqlite_backup_restores_verified_and_a_changed_backup_is_refused() {
    let record = Scenario::new("cfn-working-group", "2026-06-01");
    with_a_closed_motion(&record);
    let digest = record.ok(&["audit", "state-hash"]);
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("backup.db");
    let said = record.ok(&["backup", copy.to_str().unwrap()]);
    assert!(said.contains("it verifies: intact: 8 events"), "{said}");
    // Never over a file.
    let again = record.run(&["backup", copy.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("never overwrites"));
    // Back into a new file: the same record.
    let restored = format!("sqlite:{}", dir.path().join("restored.db").display());
    let said = stdout(&polity(&["restore", copy.to_str().unwrap(), "--db", &restored]));
    assert!(said.contains("it verifies: intact: 8 events"), "{said}");
    assert_eq!(stdout(&polity(&["audit", "state-hash", "--db", &restored])), digest);
    // Not over a record.
    let over = polity(&["restore", copy.to_str().unwrap(), "--db", &restored]);
    assert_eq!(over.status.code(), Some(2));
    // A backup changed since it was made is refused, and nothing is written.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let pool = sqlx::SqlitePool::connect(&format!("sqlite:{}", copy.display()))
            .await
            .unwrap();
        sqlx::query("UPDATE events SET payload = replace(payload, 'alice', 'mallory') WHERE seq = 2")
            .execute(&pool)
            .await
            .unwrap();
        pool.close().await;
    });
    let target = dir.path().join("from-changed.db");
    let refused = polity(&[
        "restore",
        copy.to_str().unwrap(),
        "--db",
        &format!("sqlite:{}", target.display()),
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("does not verify; nothing was restored"));
    assert!(!target.exists());
}

#[test]
fn t1_a_postgres_backup_restores_into_an_empty_database_verified() {
    let Ok(admin_url) = std::env::var("POLITY_TEST_POSTGRES") else {
        eprintln!("PostgreSQL backup check SKIPPED: set POLITY_TEST_POSTGRES to run it");
        return;
    };
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let (server, _) = admin_url
        .rsplit_once('/')
        .expect("POLITY_TEST_POSTGRES ends in /DATABASE");
    let names = [
        format!("polity_backup_{}", std::process::id()),
        format!("polity_restore_{}", std::process::id()),
    ];
    runtime.block_on(async {
        let admin = sqlx::PgPool::connect(&admin_url).await.unwrap();
        for name in &names {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
            )))
            .execute(&admin)
            .await
            .unwrap();
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(&admin)
                .await
                .unwrap();
        }
    });
    let source = format!("{server}/{}", names[0]);
    let target = format!("{server}/{}", names[1]);
    let record = Scenario {
        _dir: tempfile::tempdir().unwrap(),
        db: source.clone(),
    };
    record.ok(&["init", "--registry", "examples/cfn-working-group", "--at", "2026-06-01"]);
    with_a_closed_motion(&record);
    let digest = record.ok(&["audit", "state-hash"]);
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("record.dump");
    let said = record.ok(&["backup", dump.to_str().unwrap()]);
    assert!(said.contains("with pg_dump"), "{said}");
    let said = stdout(&polity(&["restore", dump.to_str().unwrap(), "--db", &target]));
    assert!(said.contains("it verifies: intact: 8 events"), "{said}");
    assert_eq!(stdout(&polity(&["audit", "state-hash", "--db", &target])), digest);
    // A database with a record is never restored over.
    let over = polity(&["restore", dump.to_str().unwrap(), "--db", &source]);
    assert_eq!(over.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&over.stderr).contains("holds a record already"));
    runtime.block_on(async {
        let admin = sqlx::PgPool::connect(&admin_url).await.unwrap();
        for name in &names {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
            )))
            .execute(&admin)
            .await
            .unwrap();
        }
    });
}

#[test]
fn render_writes_deterministic_pages_and_check_finds_stale_ones() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pages");
    let out_arg = out.to_str().unwrap();
    let render = |extra: &[&str]| {
        let mut args = vec![
            "render",
            "examples/openstack-projects",
            "--out",
            out_arg,
            "--at",
            "2026-06-01",
        ];
        args.extend(extra);
        polity(&args)
    };
    assert!(render(&[]).status.success());
    let index = std::fs::read_to_string(out.join("README.md")).unwrap();
    assert!(index.starts_with(
        "<!-- Generated by `polity render` from the registry `examples/openstack-projects` as of 2026-06-01."
    ));
    assert!(
        index.contains("| &nbsp;&nbsp;[Compute](compute/README.md) | project | active | Cy Dubois (ptl) | tc |"),
        "{index}"
    );
    let liaisons = std::fs::read_to_string(out.join("liaisons.md")).unwrap();
    assert!(
        liaisons.contains("| [Compute](compute/README.md) | Amy Ng | Di Yamada | Cy Dubois |"),
        "{liaisons}"
    );
    let compute = std::fs::read_to_string(out.join("compute/README.md")).unwrap();
    assert!(
        compute.contains("| ptl | Cy Dubois | 2026-03-01 | 2026-09-01 | — |"),
        "{compute}"
    );
    assert!(
        compute.contains("- 2026-09-01: compute: the ptl term of Cy Dubois (cy) ends (E4)"),
        "{compute}"
    );
    // Byte-identical on a second run, and current.
    let before: Vec<(std::path::PathBuf, Vec<u8>)> = ["README.md", "liaisons.md", "compute/README.md", "tc/README.md"]
        .iter()
        .map(|path| (out.join(path), std::fs::read(out.join(path)).unwrap()))
        .collect();
    assert!(render(&[]).status.success());
    for (path, bytes) in &before {
        assert_eq!(&std::fs::read(path).unwrap(), bytes, "{}", path.display());
    }
    let check = render(&["--check"]);
    assert!(check.status.success(), "{}", stdout(&check));
    assert!(stdout(&check).contains("pages in"));
    // A hand edit, a page of a removed body and a file of the team's own.
    std::fs::write(out.join("compute/README.md"), "edited by hand\n").unwrap();
    std::fs::create_dir_all(out.join("gone")).unwrap();
    std::fs::write(
        out.join("gone/README.md"),
        "<!-- Generated by `polity render` from the registry as of 2025-01-01. -->\n# Gone\n",
    )
    .unwrap();
    std::fs::write(out.join("NOTES.md"), "our own notes\n").unwrap();
    let check = render(&["--check"]);
    assert_eq!(check.status.code(), Some(1));
    let said = stdout(&check);
    assert!(said.contains("compute/README.md differs"), "{said}");
    assert!(said.contains("gone/README.md is no longer generated"), "{said}");
    assert!(!said.contains("NOTES.md"), "{said}");
    // --check wrote nothing.
    assert_eq!(
        std::fs::read_to_string(out.join("compute/README.md")).unwrap(),
        "edited by hand\n"
    );
    let said = stdout(&render(&[]));
    assert!(said.contains("removed 1 no longer generated"), "{said}");
    assert!(!out.join("gone/README.md").exists());
    assert_eq!(
        std::fs::read_to_string(out.join("NOTES.md")).unwrap(),
        "our own notes\n"
    );
    assert!(render(&["--check"]).status.success());
}

#[test]
fn render_of_a_kubernetes_import_writes_owners_aliases_of_the_leads() {
    let dir = tempfile::tempdir().unwrap();
    let registry = dir.path().join("registry");
    let imported = polity(&[
        "import",
        "k8s-sigs",
        "tests/fixtures/registries/k8s-sigs.yaml",
        "--out",
        registry.to_str().unwrap(),
    ]);
    assert!(imported.status.success());
    let out = dir.path().join("pages");
    let rendered = polity(&[
        "render",
        registry.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--at",
        "2026-11-22",
    ]);
    assert!(
        rendered.status.success(),
        "{}",
        String::from_utf8_lossy(&rendered.stderr)
    );
    let aliases = std::fs::read_to_string(out.join("OWNERS_ALIASES")).unwrap();
    assert!(
        aliases.starts_with("# Generated by `polity render` from the registry"),
        "{aliases}"
    );
    assert!(aliases.contains("\naliases:\n  "), "{aliases}");
    // Each group's leads, by lower-case GitHub handle, sorted.
    let block: Vec<&str> = aliases
        .lines()
        .skip_while(|line| *line != "  sig-architecture-leads:")
        .skip(1)
        .map_while(|line| line.strip_prefix("    - "))
        .collect();
    assert!(!block.is_empty());
    let mut sorted = block.clone();
    sorted.sort();
    assert_eq!(block, sorted);
    assert!(block.iter().all(|handle| *handle == handle.to_lowercase()));
}

#[test]
fn render_from_a_record_shows_decisions_and_open_elections_with_links() {
    let record = Scenario::new("cfn-working-group", "2026-06-01");
    with_a_closed_motion(&record);
    record.ok(&[
        "election",
        "open",
        "tsc",
        "--seat",
        "chair",
        "--as",
        "alice",
        "--at",
        "2026-06-04",
    ]);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pages");
    let rendered = polity(&[
        "render",
        "--record",
        &record.db,
        "--out",
        out.to_str().unwrap(),
        "--at",
        "2026-06-05",
        "--public-url",
        "https://gov.example.org",
    ]);
    assert!(
        rendered.status.success(),
        "{}",
        String::from_utf8_lossy(&rendered.stderr)
    );
    let tsc = std::fs::read_to_string(out.join("tsc/README.md")).unwrap();
    assert!(tsc.contains("from the record (after event 9)"), "{tsc}");
    assert!(
        tsc.contains("## Decisions\n\n- Motion [tsc/m1](https://gov.example.org/motions/tsc/m1): Adopt: carried"),
        "{tsc}"
    );
    assert!(tsc.contains("chair election (1 seat(s)), nominations until"), "{tsc}");
    let both = polity(&[
        "render",
        "examples/cfn-working-group",
        "--record",
        &record.db,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(both.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&both.stderr).contains("not both"));
}

#[test]
fn export_check_says_whether_the_files_say_what_the_record_says() {
    let record = Scenario::new("paddle-sigs", "2026-06-01");
    // Just recorded: the folder and the record agree (comments and layout do not count).
    let same = record.run(&["export", "examples/paddle-sigs", "--check"]);
    assert!(
        same.status.success(),
        "{}{}",
        stdout(&same),
        String::from_utf8_lossy(&same.stderr)
    );
    assert!(stdout(&same).contains("says what the record says (after event 1)"));
    // A report recorded since: the folder is behind, and the check names the file and the line.
    record.ok(&[
        "report",
        "submit",
        "sig-compiler",
        "--link",
        "https://example.org/q2",
        "--as",
        "ravi",
        "--at",
        "2026-06-30",
    ]);
    let behind = record.run(&["export", "examples/paddle-sigs", "--check"]);
    assert_eq!(behind.status.code(), Some(1));
    let said = stdout(&behind);
    assert!(
        said.contains("1 file(s) of examples/paddle-sigs differ from the record (after event 2)"),
        "{said}"
    );
    assert!(said.contains("bodies/sig-compiler.yaml differs:"), "{said}");
    assert!(said.contains("record:") && said.contains("2026-06-30"), "{said}");
    // Exported, the folder is current again.
    let dir = tempfile::tempdir().unwrap();
    record.ok(&["export", dir.path().to_str().unwrap()]);
    let current = record.run(&["export", dir.path().to_str().unwrap(), "--check"]);
    assert!(current.status.success(), "{}", stdout(&current));
}

/// A copy of an example registry, to edit as a pull request would.
fn copy_example(name: &str, into: &std::path::Path) {
    let from = super::root().join("examples").join(name);
    std::fs::create_dir_all(into.join("bodies")).unwrap();
    for entry in std::fs::read_dir(&from)
        .unwrap()
        .chain(std::fs::read_dir(from.join("bodies")).unwrap())
    {
        let path = entry.unwrap().path();
        if path.is_file() {
            let relative = path.strip_prefix(&from).unwrap();
            std::fs::copy(&path, into.join(relative)).unwrap();
        }
    }
}

#[test]
fn e5_l1_check_against_the_record_finds_a_seat_and_a_state_without_a_process() {
    let record = Scenario::new("paddle-sigs", "2026-06-01");
    let dir = tempfile::tempdir().unwrap();
    copy_example("paddle-sigs", dir.path());
    let files = dir.path().to_str().unwrap();
    // Unchanged: nothing to say.
    let same = polity(&["check", files, "--record", &record.db, "--at", "2026-06-01"]);
    assert!(same.status.success(), "{}", stdout(&same));
    assert!(
        stdout(&same).starts_with("The files say what the record says."),
        "{}",
        stdout(&same)
    );
    // A pull request: a fourth chair nobody elected, the group archived without a motion, and
    // an ordinary charter edit.
    let body = dir.path().join("bodies/sig-compiler.yaml");
    let text = std::fs::read_to_string(&body).unwrap();
    let text = text
        .replace(
            "  - { person: uma,  seat: tech-lead, from: 2025-06-01 }",
            "  - { person: uma,  seat: tech-lead, from: 2025-06-01 }\n  - { person: vera, seat: chair, from: 2026-05-01, until: 2028-05-01, class: d }",
        )
        .replace("    in: [graph compiler, kernel fusion, code generation]", "    in: [graph compiler, kernel fusion, code generation, autotuning]");
    std::fs::write(&body, text).unwrap();
    let changed = polity(&["check", files, "--record", &record.db, "--at", "2026-06-01"]);
    assert_eq!(changed.status.code(), Some(1));
    let said = stdout(&changed);
    assert!(said.contains("What this change does (2):"), "{said}");
    assert!(
        said.contains(
            "vera holds the chair seat of sig-compiler from 2026-05-01 until 2028-05-01  [needs a recorded process: E5]"
        ),
        "{said}"
    );
    assert!(said.contains("sig-compiler's charter scope changes\n"), "{said}");
    assert!(said.contains("and the record has no process that did it"), "{said}");
    // On the changed line, for a pull request's annotations.
    let github = polity(&[
        "check",
        files,
        "--record",
        &record.db,
        "--at",
        "2026-06-01",
        "--format",
        "github",
    ]);
    let annotations = stdout(&github);
    let line = std::fs::read_to_string(&body)
        .unwrap()
        .lines()
        .position(|line| line.contains("person: vera, seat: chair"))
        .unwrap()
        + 1;
    assert!(
        annotations.contains(&format!("bodies/sig-compiler.yaml,line={line},"))
            && annotations.contains("title=polity E5::vera holds"),
        "{annotations}"
    );
    let json: serde_json::Value = serde_json::from_slice(
        &polity(&[
            "check",
            files,
            "--record",
            &record.db,
            "--at",
            "2026-06-01",
            "--format",
            "json",
        ])
        .stdout,
    )
    .unwrap();
    assert_eq!(json["changes"][0]["needs"], "E5");
    assert_eq!(json["changes"][1]["needs"], serde_json::Value::Null);
}

fn strs(owned: &[String]) -> Vec<&str> {
    owned.iter().map(String::as_str).collect()
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// D7 with `deadline-time: "18:00"` (UTC, Dask names no zone): `--at` takes a time of day, the
/// review period runs until 18:00 of its date, the refusal says so, and a time that is not one
/// is refused in words with nothing recorded.
#[test]
fn d7_the_review_period_ends_at_the_deadline_time_given_with_at() {
    let record = Scenario::edited("dask-leadership", "2026-06-01", |constitution| {
        format!("{constitution}deadline-time: \"18:00\"\n")
    });
    record.ok(&[
        "proposal",
        "open",
        "leadership",
        "--title",
        "Adopt CalVer",
        "--until",
        "2026-06-15",
        "--as",
        "ben",
        "--at",
        "2026-06-01",
    ]);
    let conclude = |at: &str| {
        vec![
            "proposal".to_owned(),
            "conclude".to_owned(),
            "leadership/p1".to_owned(),
            "--as".to_owned(),
            "ben".to_owned(),
            "--at".to_owned(),
            at.to_owned(),
        ]
    };
    let early = record.refused(&strs(&conclude("2026-06-15 17:59")), "D7");
    assert!(early.contains("runs until 2026-06-15 18:00 UTC"), "{early}");
    let bad = record.run(&strs(&conclude("2026-06-15 25:00")));
    assert_eq!(bad.status.code(), Some(2));
    let said = String::from_utf8_lossy(&bad.stderr);
    assert!(said.contains("--at") && said.contains("hours run 00–23"), "{said}");
    record.ok(&strs(&conclude("2026-06-15T18:00")));
    assert_eq!(record.last_event("proposal-accepted")["proposal"], "leadership/p1");
}
