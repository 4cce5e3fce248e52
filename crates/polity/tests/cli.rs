//! The one integration-test binary: runs the real `polity` command in the workspace root.

#[path = "cli/scenarios.rs"]
mod scenarios;

#[path = "cli/languages.rs"]
mod languages;

#[path = "cli/sync.rs"]
mod sync;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const EXAMPLES: [&str; 4] = [
    "cfn-working-group",
    "dask-leadership",
    "openstack-projects",
    "paddle-sigs",
];
/// The fixed date the examples are checked at.
const AT: &str = "2026-06-01";

pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn polity(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_polity"))
        .args(args)
        .current_dir(root())
        // English whatever the machine's locale (`languages.rs` asks for Chinese itself).
        .env("LC_ALL", "C.UTF-8")
        // The contribution cache of `stats` goes under target/, never the user's home.
        .env(
            "POLITY_CACHE_DIR",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("contribution-cache"),
        )
        .output()
        .expect("the polity binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn check_json(dir: &str, at: &str) -> (i32, serde_json::Value) {
    let output = polity(&["check", dir, "--at", at, "--format", "json"]);
    let report =
        serde_json::from_slice(&output.stdout).unwrap_or_else(|error| panic!("{dir}: {error}: {}", stdout(&output)));
    (output.status.code().unwrap(), report)
}

#[test]
fn every_example_passes_check() {
    for example in EXAMPLES {
        let dir = format!("examples/{example}");
        let (code, report) = check_json(&dir, AT);
        assert_eq!(code, 0, "{dir}: {report:#}");
        assert_eq!(report["errors"], 0, "{dir}");
    }
}

#[test]
fn every_broken_twin_fails_with_rule_ids_and_positions() {
    for example in EXAMPLES {
        let dir = format!("examples/{example}-broken");
        let (code, report) = check_json(&dir, AT);
        assert_eq!(code, 1, "{dir}");
        let findings = report["findings"].as_array().unwrap();
        assert!(
            report["errors"].as_u64().unwrap() >= 3,
            "{dir} should break several rules"
        );
        for finding in findings {
            assert!(!finding["rule"].as_str().unwrap().is_empty());
            assert!(finding["file"].as_str().unwrap().starts_with(&dir), "{finding}");
            assert!(finding["line"].as_u64().unwrap() >= 1, "{finding}");
            assert!(!finding["hint"].as_str().unwrap().is_empty());
        }
    }
}

#[test]
fn broken_twin_diagnostics_are_stable() {
    for example in EXAMPLES {
        let dir = format!("examples/{example}-broken");
        let output = polity(&["check", &dir, "--at", AT]);
        insta::assert_snapshot!(format!("check-{example}-broken"), stdout(&output));
    }
}

#[test]
fn a_registry_with_every_kind_of_problem_reports_them_all_in_one_run() {
    let output = polity(&["check", "tests/fixtures/bad-registry", "--at", "2026-01-01"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    for expected in [
        "error[R-SYNTAX]: tests/fixtures/bad-registry/bodies/syntax-error.yaml:4:1",
        "error[R-SCHEMA]: tests/fixtures/bad-registry/bodies/wrong-type.yaml:4:15",
        "error[R-SCHEMA]: tests/fixtures/bad-registry/bodies/unknown-key.yaml:4:1: unknown key `colour`: this file has no such key",
        "error[R-VALUE]: tests/fixtures/bad-registry/people.yaml:4:26: \"2025-02-30\" is not a valid date",
        "error[R-REF]: tests/fixtures/bad-registry/bodies/unknown-person.yaml:5:15",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    insta::assert_snapshot!("check-bad-registry", text);
}

#[test]
fn github_format_prints_workflow_annotations() {
    let output = polity(&[
        "check",
        "examples/dask-leadership-broken",
        "--at",
        AT,
        "--format",
        "github",
    ]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(text.lines().count() >= 3);
    for line in text.lines() {
        assert!(
            line.starts_with("::error file=") || line.starts_with("::warning file="),
            "{line}"
        );
        assert!(
            line.contains(",line=") && line.contains(",col=") && line.contains(",title=polity "),
            "{line}"
        );
    }
}

#[test]
fn a_missing_registry_exits_2_with_a_clear_error() {
    let output = polity(&["check", "no/such/registry"]);
    assert_eq!(output.status.code(), Some(2));
    let error = String::from_utf8(output.stderr).unwrap();
    assert!(
        error.contains("no/such/registry") && error.contains("polity.yaml"),
        "{error}"
    );
}

#[test]
fn check_output_is_byte_identical_across_runs() {
    let first = polity(&["check", "examples/paddle-sigs-broken", "--at", AT, "--format", "json"]);
    let second = polity(&["check", "examples/paddle-sigs-broken", "--at", AT, "--format", "json"]);
    assert_eq!(first.stdout, second.stdout);
}

/// Checks an iCalendar text's structure per RFC 5545: CRLF line ends, lines of at most 75
/// octets, balanced components, and the properties every event needs.
fn assert_valid_ical(text: &str) -> usize {
    assert!(text.ends_with("\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "a bare LF");
    let physical: Vec<&str> = text.split("\r\n").filter(|line| !line.is_empty()).collect();
    for line in &physical {
        assert!(line.len() <= 75, "{line:?} is over 75 octets");
    }
    let unfolded = text.replace("\r\n ", "");
    let lines: Vec<&str> = unfolded.split("\r\n").filter(|line| !line.is_empty()).collect();
    assert_eq!(lines.first(), Some(&"BEGIN:VCALENDAR"));
    assert_eq!(lines.last(), Some(&"END:VCALENDAR"));
    assert!(lines.contains(&"VERSION:2.0"));
    assert!(lines.iter().any(|line| line.starts_with("PRODID:")));
    let mut stack = Vec::new();
    let mut events = 0;
    let mut properties: Vec<String> = Vec::new();
    let mut uids = std::collections::BTreeSet::new();
    for line in &lines {
        let (name, value) = line.split_once(':').expect("every content line has a colon");
        match name {
            "BEGIN" => {
                stack.push(value.to_owned());
                properties.clear();
            }
            "END" => {
                assert_eq!(stack.pop().as_deref(), Some(value), "unbalanced END:{value}");
                if value == "VEVENT" {
                    events += 1;
                    for required in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"] {
                        assert!(
                            properties.iter().any(|name| name == required),
                            "an event lacks {required}"
                        );
                    }
                }
            }
            _ => {
                let property = name.split(';').next().unwrap().to_owned();
                if property == "UID" {
                    assert!(uids.insert(value.to_owned()), "duplicate UID {value}");
                }
                if property.starts_with("DT") {
                    let date = value.trim_end_matches('Z');
                    assert!(date.len() == 8 || date.len() == 15, "{line}");
                }
                properties.push(property);
            }
        }
    }
    assert!(stack.is_empty());
    events
}

#[test]
fn due_ical_for_the_cfn_example_is_a_valid_calendar_with_events() {
    let output = polity(&[
        "due",
        "examples/cfn-working-group",
        "--at",
        "2027-01-01",
        "--format",
        "ical",
    ]);
    assert!(output.status.success());
    let text = stdout(&output);
    let events = assert_valid_ical(&text);
    assert!(events >= 10, "{events} events");
    assert!(
        text.contains("SUMMARY:tsc: voting opens for 9 member seat(s)"),
        "{text}"
    );
    let again = polity(&[
        "due",
        "examples/cfn-working-group",
        "--at",
        "2027-01-01",
        "--format",
        "ical",
    ]);
    assert_eq!(output.stdout, again.stdout, "the calendar is deterministic");
}

#[test]
fn due_lists_elections_reports_reviews_timetables_and_meeting_chairs_in_date_order() {
    let output = polity(&[
        "due",
        "examples/paddle-sigs",
        "--at",
        "2026-06-01",
        "--within",
        "12 months",
        "--format",
        "json",
    ]);
    assert!(output.status.success());
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let obligations = report["obligations"].as_array().unwrap();
    let kinds: std::collections::BTreeSet<&str> =
        obligations.iter().map(|item| item["kind"].as_str().unwrap()).collect();
    for kind in [
        "nominations-open",
        "voting-opens",
        "term-ends",
        "report-due",
        "report-warning",
        "charter-review",
        "timetable-ends",
        "meeting",
    ] {
        assert!(kinds.contains(kind), "no {kind} in {kinds:?}");
    }
    let dates: Vec<&str> = obligations.iter().map(|item| item["date"].as_str().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    // E8: SIG Compiler's chairs take turns meeting by meeting, counted from the first meeting
    // on 2026-01-06 (every 2 weeks): 2026-06-09 is 154 days = 11 steps later, so it falls to
    // the chair at position 11 mod 3 = 2 of those in office (ravi, sun, tao in file order): tao.
    let first_meeting = obligations
        .iter()
        .find(|item| item["kind"] == "meeting" && item["body"] == "sig-compiler")
        .unwrap();
    assert_eq!(first_meeting["date"], "2026-06-09");
    assert!(
        first_meeting["summary"].as_str().unwrap().contains("Tao Jie"),
        "{first_meeting}"
    );
}

#[test]
fn a_report_overdue_shows_as_overdue() {
    let output = polity(&["due", "examples/paddle-sigs-broken", "--at", "2026-06-01"]);
    let text = stdout(&output);
    assert!(text.contains("OVERDUE sig-compiler: report due"), "{text}");
}

fn import_and_check(source: &str, fixture: &str) -> (String, serde_json::Value) {
    let out = tempfile::tempdir().unwrap();
    let out_dir = out.path().to_str().unwrap();
    let output = polity(&["import", source, fixture, "--out", out_dir]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let (code, report) = check_json(out_dir, "2026-11-22");
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["errors"], 0);
    (stdout(&output), report)
}

#[test]
fn kubernetes_sigs_yaml_imports_and_checks_clean() {
    let (summary, report) = import_and_check("k8s-sigs", "tests/fixtures/registries/k8s-sigs.yaml");
    // Counts from the fixture's SOURCES.md (24 SIGs, 8 WGs, 3 committees) and 204 distinct
    // GitHub handles among chairs, tech leads, emeritus leads and liaisons.
    assert!(
        summary.contains("24 SIGs, 8 working groups, 3 committees, 224 subprojects, 204 people"),
        "{summary}"
    );
    assert_eq!(report["warnings"], 0, "{report:#}");
}

/// Subprojects become projects under their group with their OWNERS files; emeritus leads are
/// listed as past leads holding no seat; `Independent` is no
/// organisation; the constitution carries the Steering election's own voter rule, so that
/// `stats electorate` runs on the import as it is.
#[test]
fn kubernetes_import_subprojects_independents_and_the_voter_rule() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().to_str().unwrap();
    let output = polity(&[
        "import",
        "k8s-sigs",
        "tests/fixtures/registries/k8s-sigs.yaml",
        "--out",
        dir,
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let project = std::fs::read_to_string(out.path().join("bodies/sig-api-machinery-component-base.yaml")).unwrap();
    for line in [
        "kind: project",
        "parent: sig-api-machinery",
        "leadership: distributed",
        "- https://raw.githubusercontent.com/kubernetes/component-base/master/OWNERS",
    ] {
        assert!(project.contains(line), "{line}: {project}");
    }
    let apps = std::fs::read_to_string(out.path().join("bodies/sig-apps-application.yaml")).unwrap();
    assert!(
        apps.contains("Application metadata descriptor CRD"),
        "the description is its scope: {apps}"
    );
    let apps_sig = std::fs::read_to_string(out.path().join("bodies/sig-apps.yaml")).unwrap();
    assert!(
        apps_sig.contains("emeritus:\n- mattfarina\n- prydonius"),
        "emeritus leads, holding no seat: {apps_sig}"
    );
    assert!(!apps_sig.contains("person: mattfarina"), "{apps_sig}");
    let people = std::fs::read_to_string(out.path().join("people.yaml")).unwrap();
    let marly = people
        .split("\n- ")
        .find(|entry| entry.contains("id: mpuckett159"))
        .expect("Marly Salazar is imported");
    assert!(!marly.contains("affiliations"), "Independent is no employer: {marly}");
    let organisations = std::fs::read_to_string(out.path().join("organisations.yaml")).unwrap();
    assert!(!organisations.to_lowercase().contains("independent"), "{organisations}");
    let constitution = std::fs::read_to_string(out.path().join("polity.yaml")).unwrap();
    assert!(constitution.contains("contributions: 50"), "{constitution}");
    // `stats electorate` on the import, without edits.
    let repo = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .args(args)
            .current_dir(repo.path())
            .env("GIT_AUTHOR_DATE", "2026-10-01T12:00:00Z")
            .env("GIT_COMMITTER_DATE", "2026-10-01T12:00:00Z")
            .status()
            .unwrap();
        assert!(status.success());
    };
    git(&["init", "-q"]);
    git(&[
        "-c",
        "user.name=Marly Salazar",
        "-c",
        "user.email=mpuckett159@users.noreply.github.com",
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "work",
    ]);
    let electorate = polity(&[
        "stats",
        "electorate",
        "--registry",
        dir,
        "--repo",
        repo.path().to_str().unwrap(),
        "--at",
        "2026-11-01",
        "--no-cache",
    ]);
    let text = stdout(&electorate);
    assert!(
        text.contains("E2: at least 50 contributions in [2025-11-01, 2026-11-01)"),
        "{text}"
    );
    assert!(
        text.contains("mpuckett159") && text.contains("not active: 1 of 50 contributions"),
        "{text}"
    );
}

#[test]
fn openstack_projects_yaml_imports_and_checks_clean() {
    let (summary, _) = import_and_check("openstack", "tests/fixtures/registries/openstack-projects.yaml");
    assert!(summary.contains("44 teams, 541 deliverables, 40 people"), "{summary}");
}

#[test]
fn import_of_a_file_of_the_wrong_shape_fails_cleanly() {
    let out = tempfile::tempdir().unwrap();
    let output = polity(&[
        "import",
        "k8s-sigs",
        "tests/fixtures/registries/openstack-projects.yaml",
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("polity: error:"));
    assert!(
        !out.path().join("polity.yaml").exists(),
        "nothing is written on failure"
    );
}

const K8S_2017: &str = "tests/fixtures/elections/k8s-steering-2017";

#[test]
fn tally_json_has_the_documented_fields() {
    let ballots = format!("{K8S_2017}/ballots.csv");
    let election = format!("{K8S_2017}/election.yaml");
    let output = polity(&["tally", &ballots, "--election", &election, "--json"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let result: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(result["format"], "elekto");
    assert_eq!(result["ballots"], 309);
    assert_eq!(result["ranking"][3], serde_json::json!(["Michael Rubin"]));
    assert_eq!(
        result["winners"],
        serde_json::json!([
            "Derek Carr",
            "Michelle Noorali",
            "Phillip Whitrock",
            "Timothy St. Clair",
            "Quinton Hoole",
            "Aaron Crickenberger"
        ])
    );
    assert_eq!(result["skipped"][0]["candidate"], "Michael Rubin");
    assert_eq!(result["skipped"][0]["organisation"], "google");
    assert_eq!(result["display_names"]["Phillip Whitrock"], "Phillip Wittrock");
    assert_eq!(result["pairwise"].as_array().unwrap().len(), 20);
    assert_eq!(result["strongest_paths"].as_array().unwrap().len(), 20);
    assert!(result["explanation"].as_array().unwrap().len() >= 5);
    insta::assert_snapshot!(
        "tally-k8s-2017-human",
        stdout(&polity(&["tally", &ballots, "--election", &election]))
    );
}

#[test]
fn tally_detects_every_format() {
    for (file, format, winner) in [
        (
            "tests/fixtures/elections/k8s-steering-2018/ballots.csv",
            "elekto",
            "Aaron Crickenberger",
        ),
        (
            "tests/fixtures/elections/preflib-debian/00002-00000001.soi",
            "preflib",
            "Bdale Garbee",
        ),
        ("tests/fixtures/elections/nixos-sc-2024/opavote_ballots.blt", "blt", ""),
        ("tests/fixtures/ballots/debian-tally.txt", "debian", "Option B"),
    ] {
        let output = polity(&["tally", file, "--json"]);
        assert!(
            output.status.success(),
            "{file}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let result: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(result["format"], format, "{file}");
        if !winner.is_empty() {
            assert_eq!(result["winners"][0], winner, "{file}");
        }
    }
}

#[test]
fn tally_refuses_a_file_with_a_bad_ballot_and_says_where() {
    let output = polity(&["tally", "tests/fixtures/ballots/bad-ballots.csv"]);
    assert_eq!(output.status.code(), Some(2));
    let error = String::from_utf8_lossy(&output.stderr);
    for expected in [
        "tests/fixtures/ballots/bad-ballots.csv: elekto ballots: 4 bad ballot(s); nothing was counted",
        "line 3: 2 columns; the header has 3 candidates",
        "line 4: \"two\" is not a number",
        "line 5: rank 4 is out of range 1..=3",
        "line 6: an empty field",
    ] {
        assert!(error.contains(expected), "missing {expected:?} in {error}");
    }
    let skipping = polity(&[
        "tally",
        "tests/fixtures/ballots/bad-ballots.csv",
        "--skip-bad-ballots",
        "--json",
    ]);
    assert!(skipping.status.success());
    let result: serde_json::Value = serde_json::from_slice(&skipping.stdout).unwrap();
    assert_eq!(result["ballots"], 2);
    assert_eq!(result["bad_ballots_skipped"].as_array().unwrap().len(), 4);
}

#[test]
fn tally_reports_election_file_problems_with_positions() {
    let output = polity(&[
        "tally",
        &format!("{K8S_2017}/ballots.csv"),
        "--election",
        "tests/fixtures/ballots/bad-election.yaml",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(
        error.contains("bad-election.yaml:3:13: candidate \"Nobody\" is not on the ballots"),
        "{error}"
    );
    assert!(
        error.contains("bad-election.yaml: tie-break by a random draw needs the published `seed:`"),
        "{error}"
    );
}

/// gitdm email map and CNCF developers_affiliations (real excerpts, tests/fixtures/SOURCES.md)
/// applied to a registry: dated affiliations, merged addresses, gaps for "Independent".
#[test]
fn affiliations_import_from_gitdm_and_cncf_files() {
    let dir = tempfile::tempdir().unwrap();
    let registry = dir.path();
    std::fs::write(registry.join("polity.yaml"), "name: Test\n").unwrap();
    std::fs::write(
        registry.join("people.yaml"),
        "- { id: r2, name: R Two, github: 00r2 }\n\
         - { id: manas, name: Manas, github: 01manasrathi }\n\
         - { id: moses, name: Moses, emails: [00moses.alexander00@gmail.com] }\n\
         - { id: ryan, name: Ryan, emails: [ryan@espressive.com] }\n",
    )
    .unwrap();
    let fixtures = root().join("tests/fixtures/affiliations");
    let cncf = fixtures.join("cncf-developers-affiliations-excerpt.txt");
    let email_map = fixtures.join("gitdm-email-map-excerpt");
    let output = polity(&[
        "affiliations",
        "--registry",
        registry.to_str().unwrap(),
        "--cncf",
        cncf.to_str().unwrap(),
        "--email-map",
        email_map.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(
        stdout(&output),
        "4 people given affiliations (3 from cncf, 1 from email-map); 3 addresses merged into people; \
         11 organisations added (perkinelmer-inc, pwc, simplebet-inc, skill-lync, vois, iotiot-in, \
         veritas-technologies-llc, cloudanix, wind-river-systems-inc, flex, espressive); \
         10 entries matched no person of the registry\n"
    );
    let loaded = polity_registry::load(registry).unwrap();
    assert!(loaded.findings.is_empty(), "{:#?}", loaded.findings);
    let state = &loaded.polity;
    let on = |who: &str, day: &str| state.affiliation_on(who, day.parse().unwrap()).map(str::to_owned);
    assert_eq!(on("r2", "2014-07-31").as_deref(), Some("perkinelmer-inc"));
    assert_eq!(on("r2", "2015-01-01"), None, "Independent is no employer");
    assert_eq!(on("r2", "2019-12-31").as_deref(), Some("pwc"));
    assert_eq!(on("r2", "2020-01-01").as_deref(), Some("simplebet-inc"));
    assert_eq!(on("manas", "2023-05-01").as_deref(), Some("iotiot-in"));
    assert_eq!(on("manas", "2026-01-01").as_deref(), Some("cloudanix"));
    assert_eq!(on("moses", "2016-01-01").as_deref(), Some("wind-river-systems-inc"));
    assert_eq!(on("moses", "2017-03-01").as_deref(), Some("flex"));
    assert_eq!(on("ryan", "2026-01-01").as_deref(), Some("espressive"));
    let ryan = state.person("ryan").unwrap();
    assert_eq!(
        ryan.identities,
        [polity_model::IdentityRule::Email(
            "007@users.noreply.github.com".to_owned()
        )],
        "the CNCF entry's other address is merged into the person it matched"
    );

    // A login listed twice is merged with a warning, and the import goes on.
    let twice = dir.path().join("developers_affiliations2.txt");
    std::fs::write(
        &twice,
        "00r2: 00r2!example.org\n\tPwC from 2019-01-01\n00r2: r2!example.org\n\tPwC from 2019-01-01\n",
    )
    .unwrap();
    let output = polity(&[
        "affiliations",
        "--registry",
        registry.to_str().unwrap(),
        "--cncf",
        twice.to_str().unwrap(),
        "--dry-run",
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(
        stdout(&output).starts_with(&format!(
            "1 warning(s):\n  {}:3: login 00r2 is listed again (first on line 1): its addresses and employers are merged into one developer\n",
            twice.display()
        )),
        "{}",
        stdout(&output)
    );

    // A bad line: every problem with its file and line, and nothing written.
    let before = std::fs::read(registry.join("people.yaml")).unwrap();
    let bad = dir.path().join("bad-map");
    std::fs::write(
        &bad,
        "ann!example.org Acme < 2020-13-01\nbob!example.org\nann!example.org Globex\n",
    )
    .unwrap();
    let output = polity(&[
        "affiliations",
        "--registry",
        registry.to_str().unwrap(),
        "--email-map",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("2 problem(s); nothing was imported"), "{stderr}");
    assert!(stderr.contains("bad-map:1: \"2020-13-01\" is not a date"), "{stderr}");
    assert!(stderr.contains("bad-map:2: a key without an employer"), "{stderr}");
    assert_eq!(std::fs::read(registry.join("people.yaml")).unwrap(), before);
}

#[test]
fn docs_rules_md_is_generated_from_the_catalog_and_current() {
    let output = polity(&["rules", "--format", "markdown"]);
    assert!(output.status.success());
    let committed = std::fs::read_to_string(root().join("docs/rules.md")).unwrap();
    assert!(
        stdout(&output) == committed,
        "docs/rules.md is stale: run `cargo run -q -p polity -- rules --format markdown > docs/rules.md`"
    );
}

#[test]
fn rules_explains_a_rule_with_the_registry_values_and_where_they_are() {
    let all = stdout(&polity(&["rules"]));
    for id in polity_model::RuleId::ALL {
        assert!(
            all.contains(&format!("{:<9} ", id.as_str())),
            "{id} missing from `polity rules`"
        );
    }
    let output = polity(&["rules", "d3", "--registry", "examples/cfn-working-group"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.starts_with("D3: How a decision is taken"), "{text}");
    assert!(
        text.contains("valid if `> 1/2 of members voted`, used by tsc (examples/cfn-working-group/polity.yaml:"),
        "{text}"
    );
    let unknown = polity(&["rules", "D12"]);
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("`polity rules` lists them all"));
}

/// Every test the catalog names exists, and every rule has a test whose name starts with its id.
#[test]
fn every_rule_has_a_test_named_after_it_and_the_catalog_names_real_tests() {
    fn collect(dir: &Path, names: &mut std::collections::BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                collect(&path, names);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for line in text.lines() {
                    let line = line.trim_start();
                    let line = line.strip_prefix("async ").unwrap_or(line);
                    if let Some(rest) = line.strip_prefix("fn ") {
                        let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                        names.insert(name);
                    }
                }
            }
        }
    }
    let mut names = std::collections::BTreeSet::new();
    collect(&root().join("crates"), &mut names);
    for rule in polity_model::rules::CATALOG {
        let prefix = rule.id.test_prefix();
        assert!(
            names.iter().any(|name| name.starts_with(&prefix)),
            "no test starts with {prefix}"
        );
        for test in rule.tests {
            assert!(
                names.contains(*test),
                "{}: the catalog names {test}, which does not exist",
                rule.id
            );
        }
    }
}

#[test]
fn tally_of_a_blt_file_fills_the_seats_it_states_unless_told_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("two-seats.blt");
    // 3 candidates, 2 seats; three ballots A>B, B>A, A>C; then the names and the title.
    std::fs::write(
        &file,
        "3 2\n1 1 2 0\n1 2 1 0\n1 1 3 0\n0\n\"Ann\"\n\"Bo\"\n\"Cy\"\n\"Two seats\"\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let stated: serde_json::Value = serde_json::from_slice(&polity(&["tally", path, "--json"]).stdout).unwrap();
    assert_eq!(stated["winners"], serde_json::json!(["Ann", "Bo"]), "{stated}");
    let told: serde_json::Value =
        serde_json::from_slice(&polity(&["tally", path, "--json", "--seats", "1"]).stdout).unwrap();
    assert_eq!(told["winners"], serde_json::json!(["Ann"]), "{told}");
}

#[test]
fn tally_compare_counts_every_way_and_shows_where_the_winners_differ() {
    let k8s = [
        "tally",
        "tests/fixtures/elections/k8s-steering-2017/ballots.csv",
        "--election",
        "tests/fixtures/elections/k8s-steering-2017/election.yaml",
        "--compare",
    ];
    let text = stdout(&polity(&k8s));
    assert!(
        text.starts_with("The winners depend on how the ballots are counted"),
        "{text}"
    );
    // The official result (the cap as filed) and what the seats would be without any cap.
    assert!(
        text.contains("Derek Carr, Michelle Noorali, Phillip Wittrock, Timothy St. Clair, Quinton Hoole, Aaron Crickenberger\n  schulze, unranked no-preference, cap as filed"),
        "{text}"
    );
    assert!(
        text.contains("Michael Rubin, Timothy St. Clair, Quinton Hoole\n  schulze, unranked no-preference, cap none"),
        "{text}"
    );
    // Why each outcome differs: the cap skip that made the official result, with the methods'
    // principles; a reason every outcome shares (the Condorcet winner) is not repeated as one.
    let official = text.split("\n\n").nth(1).unwrap();
    assert!(
        official.contains("  why:\n    - Schulze: who beats every other head to head"),
        "{official}"
    );
    assert!(official.ends_with("    - skipped Michael Rubin: google already holds 2 of at most 2 seat(s)"));
    let uncapped = text.split("\n\n").nth(2).unwrap();
    assert!(!uncapped.contains("skipped Michael Rubin"), "{uncapped}");
    assert!(text.contains("    - plurality: most first preferences; later preferences are ignored\n"));
    let json: serde_json::Value =
        serde_json::from_slice(&polity(&[k8s.as_slice(), &["--json"]].concat()).stdout).unwrap();
    assert_eq!(json["agree"], false);
    assert_eq!(
        json["comparison"]["schulze/below/cap as filed"][5], "Aaron Crickenberger",
        "{json}"
    );
    // Single preferences: when unranked means no preference, Ann and Bo are never compared.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("single.csv");
    std::fs::write(&file, "Ann,Bo\n1,No opinion\n1,No opinion\nNo opinion,1\n").unwrap();
    let differ = stdout(&polity(&["tally", file.to_str().unwrap(), "--compare"]));
    assert!(
        differ.contains("nobody (a tie left open, or no valid count)\n  schulze, unranked no-preference\n"),
        "{differ}"
    );
    assert!(
        differ.contains("Ann\n  meek, unranked no-preference\n  scottish-stv, unranked no-preference\n  plurality, unranked no-preference\n"),
        "{differ}"
    );
    // A count every way agrees on.
    let sole = dir.path().join("sole.csv");
    std::fs::write(&sole, "Ann\n1\n1\n").unwrap();
    let agreed = stdout(&polity(&["tally", sole.to_str().unwrap(), "--compare"]));
    assert_eq!(agreed, "Every way of counting (18 of them) seats the same: Ann\n");
    let both = polity(&["tally", file.to_str().unwrap(), "--compare", "--method", "plurality"]);
    assert!(!both.status.success());
    assert!(String::from_utf8_lossy(&both.stderr).contains("leave out --method and --unranked"));
}

/// `--compat devotee` on Debian's 2004 tally sheet: the options devotee dropped are dropped, in
/// words and in JSON; an election file's `compat:` and `quorum:` do the same, flags override.
#[test]
fn tally_compat_devotee_drops_what_debian_dropped() {
    let sheet = "tests/fixtures/elections/debian-2004-gr_sarge/tally.txt";
    let text = stdout(&polity(&["tally", sheet, "--compat", "devotee"]));
    assert!(
        text.contains("Default option: Choice 7: Further discussion\n"),
        "{text}"
    );
    assert!(
        text.contains("  dropped Choice 3: Add apology to Social Contract         [needs 3:1]: majority: it needs 3:1"),
        "{text}"
    );
    assert!(
        text.contains("Winners (1 seat(s)):\n    1. Choice 2: Postpone changes until Sarge releases  [needs 3:1]\n"),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&polity(&["tally", sheet, "--compat", "devotee", "--json"]).stdout).unwrap();
    assert_eq!(json["devotee"]["dropped"].as_array().unwrap().len(), 4, "{json}");
    assert_eq!(json["devotee"]["default_option"], "Choice 7: Further discussion");
    // From an election file, with a quorum that drops the winner too.
    let dir = tempfile::tempdir().unwrap();
    let election = dir.path().join("gr.yaml");
    std::fs::write(&election, "compat: devotee\nquorum: 340\n").unwrap();
    let text = stdout(&polity(&["tally", sheet, "--election", election.to_str().unwrap()]));
    assert!(text.contains("    1. Choice 7: Further discussion\n"), "{text}");
    assert!(
        text.contains("quorum: 339 voter(s) rank it above Choice 7: Further discussion; the quorum needs at least 340")
    );
    let text = stdout(&polity(&[
        "tally",
        sheet,
        "--election",
        election.to_str().unwrap(),
        "--quorum",
        "46",
    ]));
    assert!(text.contains("    1. Choice 2: Postpone"), "{text}");
    // Refusals: a bad ratio, a compat for another method, devotee keys without devotee.
    let bad = polity(&["tally", sheet, "--compat", "devotee", "--majority", "Choice 1=three"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("is not a ratio: write it as 3:1"));
    let other = polity(&["tally", sheet, "--compat", "elekto", "--method", "ranked-pairs"]);
    assert!(!other.status.success());
    assert!(String::from_utf8_lossy(&other.stderr).contains("--compat elekto counts with Schulze"));
    let stray = polity(&["tally", sheet, "--quorum", "3"]);
    assert!(!stray.status.success());
    assert!(String::from_utf8_lossy(&stray.stderr).contains("add `compat: devotee`"));
}

/// `--method scottish-stv` and `--method meek` print the round table, and JSON keeps every
/// decimal as a string.
#[test]
fn tally_stv_prints_the_rounds() {
    let blt = "tests/fixtures/elections/nixos-sc-2024/opavote_ballots.blt";
    let text = stdout(&polity(&["tally", blt, "--method", "scottish-stv", "--seats", "7"]));
    assert!(text.contains("Rounds (scottish-stv, 5 decimal places):"), "{text}");
    assert!(
        text.contains("surplus of Ericson2314 transferred: 13.00000 at 0.18571 per vote"),
        "{text}"
    );
    assert!(text.contains("Votes after each round (* elected, - excluded):"));
    let json: serde_json::Value =
        serde_json::from_slice(&polity(&["tally", blt, "--method", "meek", "--seats", "7", "--json"]).stdout).unwrap();
    assert_eq!(json["stv"]["rule"], "meek");
    assert_eq!(json["stv"]["valid_ballots"], 449);
    assert_eq!(json["stv"]["rounds"][0]["quota"], "56.125000001");
    assert_eq!(json["stv"]["rounds"][0]["votes"]["Ericson2314"], "70.000000000");
    assert_eq!(json["stv"]["rounds"][1]["states"]["Ericson2314"], "elected");
    assert!(json["stv"]["rounds"][0].get("transfers").is_none());
    let scottish: serde_json::Value =
        serde_json::from_slice(&polity(&["tally", blt, "--method", "scottish-stv", "--seats", "7", "--json"]).stdout)
            .unwrap();
    // Round 2 transfers Ericson2314's surplus of 13: fpletz gains 1.29997 (20 -> 21.29997).
    assert_eq!(scottish["stv"]["rounds"][2]["transfers"]["Ericson2314"], "-13.00000");
    assert_eq!(scottish["stv"]["rounds"][2]["transfers"]["fpletz"], "+1.29997");
    assert_eq!(json["winners"].as_array().unwrap().len(), 7);
}

/// `polity feasibility`: the CFN example can be met (exit 0, with its S9 warning); the same
/// registry asking for ten seats at one per organisation cannot (exit 1), in words and JSON.
#[test]
fn s6_feasibility_exits_one_when_a_body_cannot_fill_its_seats() {
    let ok = polity(&["feasibility", "examples/cfn-working-group", "--at", "2026-06-01"]);
    assert!(ok.status.success(), "{}", stdout(&ok));
    let text = stdout(&ok);
    assert!(
        text.starts_with("Feasibility on 2026-06-01: every body's rules can be met; 1 warning(s)\n"),
        "{text}"
    );
    assert!(text.contains("  warning    5 liaison area(s); all 2 who could cover them are from intel (S9)\n"));
    let dir = tempfile::tempdir().unwrap();
    let source = root().join("examples/cfn-working-group");
    for entry in ["polity.yaml", "people.yaml", "organisations.yaml"] {
        std::fs::copy(source.join(entry), dir.path().join(entry)).unwrap();
    }
    std::fs::create_dir(dir.path().join("bodies")).unwrap();
    for entry in std::fs::read_dir(source.join("bodies")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap().replace(
            "seats: { min: 7, max: 9, per-organisation: 1 }",
            "seats: { min: 10, max: 10, per-organisation: 1 }",
        );
        std::fs::write(dir.path().join("bodies").join(path.file_name().unwrap()), text).unwrap();
    }
    let registry = dir.path().to_str().unwrap();
    let bad = polity(&["feasibility", registry, "--at", "2026-06-01"]);
    assert_eq!(bad.status.code(), Some(1), "{}", stdout(&bad));
    let text = stdout(&bad);
    assert!(text.contains("1 rule(s) cannot be met"), "{text}");
    assert!(
        text.contains("infeasible at most 1 seat(s) per organisation, 9 organisation(s)"),
        "{text}"
    );
    assert!(
        text.contains("at most 9 can be filled, fewer than the 10 required (S5, S6)"),
        "{text}"
    );
    assert!(text.contains("`polity rules ID` explains each rule"));
    let json: serde_json::Value =
        serde_json::from_slice(&polity(&["feasibility", registry, "--at", "2026-06-01", "--format", "json"]).stdout)
            .unwrap();
    assert_eq!(json["feasible"], false);
    let infeasible: Vec<&serde_json::Value> = json["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|check| check["verdict"] == "infeasible")
        .collect();
    assert_eq!(infeasible.len(), 1, "{json}");
    assert_eq!(infeasible[0]["rules"], serde_json::json!(["S5", "S6"]));
}

/// Completions for each shell, a manual page, and a help line for every command and subcommand.
#[test]
fn completions_man_page_and_help_for_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = polity(&["completions", shell]);
        assert!(output.status.success(), "{shell}");
        let script = stdout(&output);
        assert!(
            script.contains("close-nominations"),
            "{shell}: the subcommands are completed"
        );
    }
    let man = stdout(&polity(&["man"]));
    assert!(
        man.starts_with(".ie") && man.contains(".TH polity 1"),
        "{}",
        &man[..200.min(man.len())]
    );
    assert!(man.contains("serve"), "the manual lists the commands");
    // Every command, and every election subcommand, says what it does.
    let help = stdout(&polity(&["--help"]));
    for line in help
        .lines()
        .skip_while(|line| !line.starts_with("Commands:"))
        .skip(1)
        .take_while(|line| !line.is_empty())
    {
        assert!(
            line.trim().split_once(' ').is_some(),
            "a command without help: {line:?}"
        );
    }
    let election = stdout(&polity(&["election", "--help"]));
    for command in ["nominate", "consent", "withdraw", "close-nominations"] {
        let line = election
            .lines()
            .find(|line| line.trim_start().starts_with(&format!("{command} ")))
            .unwrap_or_else(|| panic!("{command} has no help line: {election}"));
        assert!(line.split_whitespace().count() > 3, "{line}");
    }
}

/// `--at` is today when not given, on every command that works as of a date.
#[test]
fn at_defaults_to_today() {
    let due = polity(&["due", "examples/cfn-working-group", "--format", "json"]);
    assert!(due.status.success(), "{}", String::from_utf8_lossy(&due.stderr));
    let today = jiff::Zoned::now().date().to_string();
    let report: serde_json::Value = serde_json::from_slice(&due.stdout).unwrap();
    assert_eq!(report["at"], today.as_str(), "{report:#}");
    let help = stdout(&polity(&["stats", "electorate", "--help"]));
    assert!(help.contains(&format!("[default: {today}]")), "{help}");
}

/// One convention: `--format human|json` says what a command prints (`--json` stays as its short
/// form); the ballot file's format is `--input-format`, and a ballot format given as `--format`
/// says where it goes.
#[test]
fn format_is_the_output_and_input_format_the_ballot_file() {
    let ballots = format!("{K8S_2017}/ballots.csv");
    let json = stdout(&polity(&["tally", &ballots, "--json"]));
    let format = stdout(&polity(&[
        "tally",
        &ballots,
        "--format",
        "json",
        "--input-format",
        "elekto",
    ]));
    assert_eq!(json, format);
    assert!(stdout(&polity(&["tally", &ballots, "--format", "human"])).starts_with("Election: 309 ballot(s)"));
    let wrong = polity(&["tally", &ballots, "--format", "elekto"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&wrong.stderr).contains("write `--input-format elekto`"),
        "{}",
        String::from_utf8_lossy(&wrong.stderr)
    );
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("record.db").display());
    assert!(
        polity(&["init", "--registry", "examples/cfn-working-group", "--db", &db])
            .status
            .success()
    );
    let log: serde_json::Value =
        serde_json::from_slice(&polity(&["log", "--format", "json", "--db", &db]).stdout).unwrap();
    assert_eq!(log[0]["kind"], "registry-recorded");
}

/// A typo in a key or a reference gets "did you mean" with the near names, not a list of all 33
/// keys; a key that is nowhere near says so.
#[test]
fn r_schema_and_r_ref_say_did_you_mean() {
    let dir = tempfile::tempdir().unwrap();
    let root = root().join("examples/cfn-working-group");
    std::fs::create_dir_all(dir.path().join("bodies")).unwrap();
    for file in [
        "polity.yaml",
        "people.yaml",
        "organisations.yaml",
        "bodies/tsc.yaml",
        "bodies/edge-inference.yaml",
    ] {
        std::fs::copy(root.join(file), dir.path().join(file)).unwrap();
    }
    let edge = dir.path().join("bodies/edge-inference.yaml");
    let text =
        std::fs::read_to_string(&edge)
            .unwrap()
            .replacen("kind: sub-group", "kind: sub-group\nleadershp: ptl", 1);
    std::fs::write(&edge, text).unwrap();
    let tsc = dir.path().join("bodies/tsc.yaml");
    let text = std::fs::read_to_string(&tsc)
        .unwrap()
        .replacen("person: alice,", "person: alicee,", 1);
    std::fs::write(&tsc, text).unwrap();
    let output = polity(&["check", dir.path().to_str().unwrap(), "--at", "2026-06-01"]);
    let text = stdout(&output);
    assert!(
        text.contains(
            "unknown key `leadershp`; did you mean `leadership`? The rest of bodies/edge-inference.yaml was not read"
        ),
        "{text}"
    );
    assert!(!text.contains("expected one of"), "not every key: {text}");
    assert!(
        text.contains("refers to unknown person \"alicee\"; did you mean `alice`?"),
        "{text}"
    );
}

/// The root cause first: a body file that does not parse is reported, and the "unknown body"
/// errors it causes elsewhere are counted in its message instead of printed before it.
#[test]
fn r_syntax_the_root_cause_first_and_its_follow_ons_counted() {
    let dir = tempfile::tempdir().unwrap();
    let root = root().join("examples/cfn-working-group");
    std::fs::create_dir_all(dir.path().join("bodies")).unwrap();
    for entry in std::fs::read_dir(root.join("bodies")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join("bodies").join(path.file_name().unwrap())).unwrap();
    }
    for file in ["polity.yaml", "people.yaml", "organisations.yaml"] {
        std::fs::copy(root.join(file), dir.path().join(file)).unwrap();
    }
    std::fs::write(
        dir.path().join("bodies/tsc.yaml"),
        "id: tsc\nkind: oversight-committee\nname: \"broken\n  x: [\n",
    )
    .unwrap();
    let output = polity(&["check", dir.path().to_str().unwrap(), "--at", "2026-06-01"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.starts_with("error[R-SYNTAX]:"), "{text}");
    assert!(
        text.contains("(4 finding(s) elsewhere that follow from this one are not shown: fix this first)"),
        "{text}"
    );
    assert!(!text.contains("unknown body \"tsc\""), "{text}");
}

#[test]
fn import_and_affiliations_speak_json_too() {
    let out = tempfile::tempdir().unwrap();
    let output = polity(&[
        "import",
        "k8s-sigs",
        "tests/fixtures/registries/k8s-sigs.yaml",
        "--out",
        out.path().to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let imported: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(imported["into"], out.path().to_str().unwrap());
    assert!(imported["bodies"].as_u64().unwrap() > 200, "{imported}");

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("polity.yaml"), "name: Test\n").unwrap();
    std::fs::write(
        dir.path().join("people.yaml"),
        "- { id: ryan, name: Ryan, emails: [007@users.noreply.github.com] }\n",
    )
    .unwrap();
    let email_map = root().join("tests/fixtures/affiliations/gitdm-email-map-excerpt");
    let output = polity(&[
        "affiliations",
        "--registry",
        dir.path().to_str().unwrap(),
        "--email-map",
        email_map.to_str().unwrap(),
        "--dry-run",
        "--json",
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let applied: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(applied["dry_run"], true);
    assert_eq!(applied["people"]["ryan"], "email-map");
    assert_eq!(applied["organisations_added"], serde_json::json!(["espressive"]));
}
