//! One test per rule that `polity check` enforces, named after the rule id (RULES.md), each with a
//! registry that passes and one that fails. Most pairs are an example and its broken twin; the
//! rest are small registries written here.

use std::path::{Path, PathBuf};

use jiff::civil::{Date, date};
use polity_model::{Finding, Severity, check};

const AT: Date = date(2026, 6, 1);

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples").join(name)
}

fn findings_in(dir: &Path, at: Date) -> Vec<Finding> {
    let loaded = polity_registry::load(dir).unwrap();
    let mut findings = loaded.findings;
    findings.extend(check(&loaded.polity, at));
    findings
}

fn findings_of(sources: &[(&str, &str)], at: Date) -> Vec<Finding> {
    let sources: Vec<(String, String)> = sources
        .iter()
        .map(|(name, text)| ((*name).to_owned(), (*text).to_owned()))
        .collect();
    let loaded = polity_registry::load_sources(&sources);
    let mut findings = loaded.findings;
    findings.extend(check(&loaded.polity, at));
    findings
}

fn with_rule<'a>(findings: &'a [Finding], rule: &str, severity: Severity) -> Vec<&'a Finding> {
    findings
        .iter()
        .filter(|finding| finding.rule == rule && finding.severity == severity)
        .collect()
}

/// The example passes `rule`; its broken twin fails it with a message containing `expected`.
fn example_pair(name: &str, rule: &str, severity: Severity, expected: &str) {
    let good = findings_in(&example(name), AT);
    assert!(
        with_rule(&good, rule, severity).is_empty(),
        "{name} should pass {rule}: {good:#?}"
    );
    let broken_name = format!("{name}-broken");
    let broken = findings_in(&example(&broken_name), AT);
    let failing = with_rule(&broken, rule, severity);
    assert!(
        failing.iter().any(|finding| finding.message.contains(expected)),
        "{broken_name} should fail {rule} with {expected:?}: {broken:#?}"
    );
}

/// A small registry around one body file, with a constitution and people.
fn small(constitution: &str, body: &str) -> Vec<(&'static str, String)> {
    vec![
        ("polity.yaml", format!("name: Test\n{constitution}")),
        (
            "organisations.yaml",
            "- { id: acme, name: Acme }\n- { id: globex, name: Globex }\n".to_owned(),
        ),
        (
            "people.yaml",
            "- { id: ann, name: Ann, github: AnnA, affiliations: [{ org: acme, from: 2020-01-01 }] }\n\
             - { id: bea, name: Bea, affiliations: [{ org: globex, from: 2020-01-01 }] }\n\
             - { id: cid, name: Cid, affiliations: [{ org: acme, from: 2020-01-01, until: 2026-03-01 }, { org: globex, from: 2026-03-01 }] }\n"
                .to_owned(),
        ),
        ("bodies/toc.yaml", "id: toc\nkind: oversight-committee\nname: TOC\nholders:\n  - { person: ann, seat: member, from: 2025-01-01 }\n".to_owned()),
        ("bodies/body.yaml", body.to_owned()),
    ]
}

fn run_small(constitution: &str, body: &str, at: Date) -> Vec<Finding> {
    let sources = small(constitution, body);
    let borrowed: Vec<(&str, &str)> = sources.iter().map(|(name, text)| (*name, text.as_str())).collect();
    findings_of(&borrowed, at)
}

#[test]
fn r_ref_unknown_people_bodies_and_rules_are_reported() {
    example_pair(
        "cfn-working-group",
        "R-REF",
        Severity::Error,
        "unknown person \"nobody\"",
    );
    example_pair(
        "dask-leadership",
        "R-REF",
        Severity::Error,
        "unknown body \"leadershp\"",
    );
    example_pair("openstack-projects", "R-REF", Severity::Error, "unknown decision rule");
}

#[test]
fn r_dup_github_handles_are_compared_without_regard_to_case() {
    example_pair("dask-leadership", "R-DUP", Severity::Error, "GitHub handle \"adaok\"");
}

#[test]
fn r_dup_an_identity_belongs_to_one_person() {
    let people = "- { id: ann, name: Ann Lee, emails: [ann@example.org], github: annlee }\n\
                  - { id: bob, name: Bob Ray, identities: [{ email: ANN@example.org }, { github: AnnLee }, { name: Bo }] }\n\
                  - { id: cid, name: Cid Moe, identities: [{ name: bo }] }\n\
                  - { id: dee, name: Dee Ko, identities: [{ email: d@example.org, name: Dee }] }\n";
    let findings = findings_of(
        &[("polity.yaml", "name: T\n"), ("people.yaml", people)],
        date(2026, 1, 1),
    );
    let dups: Vec<String> = with_rule(&findings, "R-DUP", Severity::Error)
        .iter()
        .map(|finding| finding.message.clone())
        .collect();
    assert_eq!(
        dups,
        [
            "e-mail \"ann@example.org\" of bob is already ann's",
            "merged GitHub account \"annlee\" of bob is already ann's",
            "merged git name \"bo\" of cid is already bob's",
        ]
    );
    // A merge rule gives exactly one of email, name, github.
    let values = with_rule(&findings, "R-VALUE", Severity::Error);
    assert_eq!(values.len(), 1);
    assert!(values[0].message.contains("an identity of dee"));
}

#[test]
fn handles_resolve_without_regard_to_case() {
    let body =
        "id: g\nkind: sig\nname: G\nparent: toc\nholders:\n  - { person: \"@anna\", seat: chair, from: 2025-01-01 }\n";
    let findings = run_small("", body, AT);
    assert!(
        with_rule(&findings, "R-REF", Severity::Error).is_empty(),
        "{findings:#?}"
    );
    let body = "id: g\nkind: sig\nname: G\nparent: toc\nholders:\n  - { person: \"@nobody\", seat: chair, from: 2025-01-01 }\n";
    let findings = run_small("", body, AT);
    assert_eq!(with_rule(&findings, "R-REF", Severity::Error).len(), 1, "{findings:#?}");
}

#[test]
fn s1_bodies_form_a_tree_under_the_right_kinds() {
    let good = run_small("", "id: g\nkind: sig\nname: G\nparent: toc\n", AT);
    assert!(with_rule(&good, "S1", Severity::Error).is_empty(), "{good:#?}");
    let orphan = run_small("", "id: g\nkind: sig\nname: G\n", AT);
    assert!(
        with_rule(&orphan, "S1", Severity::Error)[0]
            .message
            .contains("has no parent")
    );
    let wrong_kind = run_small("", "id: g\nkind: board\nname: G\nparent: toc\n", AT);
    assert!(
        with_rule(&wrong_kind, "S1", Severity::Error)[0]
            .message
            .contains("cannot hang under")
    );
    let cycle = findings_of(
        &[
            ("polity.yaml", "name: T\n"),
            ("bodies/a.yaml", "id: a\nkind: sig\nname: A\nparent: b\n"),
            ("bodies/b.yaml", "id: b\nkind: sig\nname: B\nparent: a\n"),
        ],
        AT,
    );
    assert!(
        with_rule(&cycle, "S1", Severity::Error)
            .iter()
            .any(|finding| finding.message.contains("cycle"))
    );
}

#[test]
fn s2_sig_has_its_chairs_and_a_voting_toc_liaison() {
    example_pair("paddle-sigs", "S2", Severity::Error, "not a voting member of toc");
    example_pair("paddle-sigs", "S2", Severity::Error, "2 chair seat holder(s)");
}

#[test]
fn s3_sig_has_an_executive_staff_liaison() {
    example_pair("paddle-sigs", "S3", Severity::Error, "no executive-staff liaison");
}

#[test]
fn s4_working_group_past_its_timetable() {
    example_pair("paddle-sigs", "S4", Severity::Error, "past its timetable");
}

#[test]
fn s4_working_group_timetable_too_long_or_all_delivered_warns() {
    let constitution = "working-groups: { max-timetable: 6 months }\n";
    let body = "id: wg\nkind: working-group\nname: WG\nparent: toc\nstate: active\nhistory:\n  - { state: active, on: 2026-01-01, motion: toc/1 }\n\
                charter:\n  deliverables: [{ name: report, delivered: 2026-05-01 }]\n  timetable: { end: 2026-12-31 }\n";
    let findings = run_small(constitution, body, AT);
    let warnings = with_rule(&findings, "S4", Severity::Warning);
    assert!(
        warnings
            .iter()
            .any(|finding| finding.message.contains("more than 6 months")),
        "{findings:#?}"
    );
    assert!(
        warnings.iter().any(|finding| finding.message.contains("delivered all")),
        "{findings:#?}"
    );
    let fine = body
        .replace("delivered: 2026-05-01", "due: 2026-09-01")
        .replace("2026-12-31", "2026-06-30");
    assert!(with_rule(&run_small(constitution, &fine, AT), "S4", Severity::Warning).is_empty());
}

#[test]
fn s5_oversight_committee_seats_and_officers() {
    example_pair("openstack-projects", "S5", Severity::Error, "4 members");
    example_pair("cfn-working-group", "S5", Severity::Error, "0 co-chair seat holder(s)");
}

#[test]
fn s6_at_most_one_seat_per_company_as_of_the_check_date() {
    example_pair("cfn-working-group", "S6", Severity::Error, "intel holds 2 seats in tsc");
    // Affiliation is taken on the check date: cid moves from acme to globex on 2026-03-01.
    let body = "id: c\nkind: oversight-committee\nname: C\nseats: { min: 2, max: 3, per-organisation: 1 }\nholders:\n\
                - { person: ann, seat: member, from: 2025-01-01 }\n  - { person: cid, seat: member, from: 2025-01-01 }\n"
        .replace("\n- {", "\n  - {");
    let before = run_small("", &body, date(2026, 2, 1));
    assert_eq!(with_rule(&before, "S6", Severity::Error).len(), 1, "{before:#?}");
    let after = run_small("", &body, date(2026, 3, 1));
    assert!(with_rule(&after, "S6", Severity::Error).is_empty(), "{after:#?}");
}

#[test]
fn s8_exactly_one_ptl_who_is_a_committer() {
    example_pair("openstack-projects", "S8", Severity::Error, "2 PTLs");
    example_pair(
        "cfn-working-group",
        "S8",
        Severity::Error,
        "is not one of its committers",
    );
}

#[test]
fn s9_every_liaison_area_is_filled() {
    example_pair("openstack-projects", "S9", Severity::Error, "no oslo liaison");
}

#[test]
fn s9_liaisons_all_from_one_company_warn() {
    example_pair("openstack-projects", "S9", Severity::Warning, "work for canonical");
}

#[test]
fn s10_named_roles_need_a_majority_of_chairs() {
    example_pair("paddle-sigs", "S10", Severity::Error, "approved by 1 of 3 chairs");
}

#[test]
fn s11_industry_partners_employ_a_full_time_maintainer() {
    example_pair("dask-leadership", "S11", Severity::Error, "does not work for nvidia");
    example_pair(
        "dask-leadership",
        "S11",
        Severity::Error,
        "names no full-time maintainer",
    );
}

#[test]
fn s12_final_say_holder_exists() {
    example_pair("cfn-working-group", "S12", Severity::Error, "that seat is vacant");
}

#[test]
fn l1_every_transition_names_its_motion() {
    example_pair("cfn-working-group", "L1", Severity::Error, "without a recorded motion");
    let body = "id: g\nkind: sub-group\nname: G\nparent: toc\nstate: archived\nhistory:\n  - { state: forming, on: 2025-01-01, motion: m1 }\n  - { state: proposed, on: 2025-02-01, motion: m2 }\n";
    let findings = run_small("", body, AT);
    let messages: Vec<_> = with_rule(&findings, "L1", Severity::Error)
        .iter()
        .map(|finding| finding.message.clone())
        .collect();
    assert!(
        messages
            .iter()
            .any(|message| message.contains("cannot move from forming to proposed")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|message| message.contains("declares state archived")),
        "{messages:?}"
    );
}

#[test]
fn l2_sub_group_criteria() {
    example_pair("cfn-working-group", "L2", Severity::Error, "needs at least 2");
    example_pair(
        "cfn-working-group",
        "L2",
        Severity::Error,
        "committers from 1 organisation(s)",
    );
}

#[test]
fn l3_sig_proposal_needs_purpose_two_leads_and_resources() {
    example_pair("paddle-sigs", "L3", Severity::Error, "fewer than two volunteer leads");
}

#[test]
fn l4_charter_review_overdue_and_deviations_need_reasons() {
    example_pair(
        "paddle-sigs",
        "L4",
        Severity::Error,
        "charter review of SIG sig-compiler is overdue",
    );
    example_pair("paddle-sigs", "L4", Severity::Error, "lacks its reason or approval");
}

#[test]
fn l5_warning_at_three_months_error_at_six() {
    let constitution = "reports: { every: 3 months, warn-after: 3 months, dissolve-after: 6 months }\n";
    let body = "id: g\nkind: sig\nname: G\nparent: toc\nstate: active\nhistory:\n  - { state: active, on: 2025-01-01, motion: toc/1 }\nreports:\n  - { on: 2026-01-01 }\n";
    let fine = run_small(constitution, body, date(2026, 3, 31));
    assert!(fine.iter().all(|finding| finding.rule != "L5"), "{fine:#?}");
    // The bounds are inclusive: on the day three months have passed, the warning starts.
    let warned = run_small(constitution, body, date(2026, 4, 1));
    assert_eq!(with_rule(&warned, "L5", Severity::Warning).len(), 1, "{warned:#?}");
    let dissolved = run_small(constitution, body, date(2026, 7, 1));
    assert_eq!(with_rule(&dissolved, "L5", Severity::Error).len(), 1, "{dissolved:#?}");
    assert!(with_rule(&dissolved, "L5", Severity::Warning).is_empty());
}

#[test]
fn e1_expired_term_without_successor_warns() {
    let body = "id: c\nkind: oversight-committee\nname: C\nholders:\n  - { person: ann, seat: member, from: 2025-01-01, until: 2026-01-01 }\n  - { person: bea, seat: member, from: 2025-01-01 }\n";
    let expired = run_small("", body, AT);
    assert!(
        with_rule(&expired, "E1", Severity::Warning)[0]
            .message
            .contains("no successor"),
        "{expired:#?}"
    );
    let succeeded = body.to_owned() + "  - { person: cid, seat: member, from: 2026-01-01 }\n";
    assert!(with_rule(&run_small("", &succeeded, AT), "E1", Severity::Warning).is_empty());
}

#[test]
fn e3_officers_are_members_of_the_committee() {
    example_pair(
        "cfn-working-group",
        "E3",
        Severity::Error,
        "kai is chair of tsc but not one of its members",
    );
}

#[test]
fn e4_ptl_term_ended_without_successor_warns() {
    example_pair("cfn-working-group", "E4", Severity::Warning, "ptl term of chen");
}

#[test]
fn e5_a_chair_seat_continues_across_every_term_end() {
    example_pair(
        "paddle-sigs",
        "E5",
        Severity::Error,
        "every chair term in SIG sig-inference ends on 2027-06-01",
    );
}

#[test]
fn e10_term_limits_warn_and_never_block() {
    let findings = findings_in(&example("dask-leadership"), AT);
    let warnings = with_rule(&findings, "E10", Severity::Warning);
    assert_eq!(warnings.len(), 1, "{findings:#?}");
    assert!(findings.iter().all(|finding| finding.severity == Severity::Warning));
    let body = "id: c\nkind: oversight-committee\nname: C\nholders:\n  - { person: ann, seat: member, from: 2024-01-01, until: 2025-01-01 }\n  - { person: ann, seat: member, from: 2025-01-01, until: 2027-01-01 }\n";
    assert!(with_rule(&run_small("term-limit: 2\n", body, AT), "E10", Severity::Warning).is_empty());
    assert_eq!(
        with_rule(&run_small("term-limit: 1\n", body, AT), "E10", Severity::Warning).len(),
        1
    );
}

#[test]
fn the_committed_json_schemas_are_up_to_date() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema");
    for (name, text) in polity_registry::schema::schemas() {
        let committed = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        assert!(
            committed == text,
            "schema/{name} is stale: run `cargo run -p polity -- schema --out schema`"
        );
    }
}

#[test]
fn every_problem_in_one_file_of_values_is_reported() {
    // Bad values do not stop a file: three bad dates and a bad threshold, four findings.
    let findings = findings_of(
        &[
            (
                "polity.yaml",
                "name: T\ndecision-rules:\n  r: { passes: \"more than half\" }\n",
            ),
            (
                "people.yaml",
                "- { id: a, name: A, affiliations: [{ org: o, from: 2025-13-01 }, { org: o, from: 2025-02-29 }] }\n- { id: b, name: B, affiliations: [{ org: o, from: yesterday }] }\n",
            ),
            ("organisations.yaml", "- { id: o, name: O }\n"),
        ],
        AT,
    );
    let values = with_rule(&findings, "R-VALUE", Severity::Error);
    assert_eq!(values.len(), 4, "{findings:#?}");
    assert!(
        values
            .iter()
            .all(|finding| finding.loc.is_some_and(|loc| loc.line >= 1))
    );
}

#[test]
fn e11_electorates_named_in_decisions_must_exist() {
    example_pair(
        "dask-leadership",
        "E11",
        Severity::Error,
        "names committers as an electorate, but it lists no committers",
    );
    let body = "id: g\nkind: sig\nname: G\nparent: toc\ndecisions:\n  appoint-chairs: { by: [overseer], rule: r }\n";
    let constitution = "decision-rules:\n  r: { passes: \">= 2/3 of members\" }\n";
    let fine = run_small(constitution, body, AT);
    assert!(with_rule(&fine, "E5", Severity::Error).is_empty(), "{fine:#?}");
    let orphan = run_small(constitution, &body.replace("parent: toc\n", ""), AT);
    assert_eq!(with_rule(&orphan, "E5", Severity::Error).len(), 1, "{orphan:#?}");
    let unknown_rule = run_small("", body, AT);
    assert!(
        with_rule(&unknown_rule, "R-REF", Severity::Error)
            .iter()
            .any(|finding| finding.message.contains("unknown decision rule"))
    );
}

#[test]
fn r_value_report_links_are_web_addresses() {
    let body = |link: &str| {
        format!("id: g\nkind: sig\nname: G\nparent: toc\nreports:\n  - {{ on: 2026-03-01, link: \"{link}\" }}\n")
    };
    let good = run_small("", &body("https://example.org/reports/2026-q1"), AT);
    assert!(
        !good
            .iter()
            .any(|finding| finding.message.contains("not an https: or http: link")),
        "{good:#?}"
    );
    for bad in ["javascript:alert(document.domain)", "data:text/html,x", "https://a b"] {
        let findings = run_small("", &body(bad), AT);
        assert!(
            with_rule(&findings, "R-VALUE", Severity::Error)
                .iter()
                .any(|finding| finding.message.contains("not an https: or http: link")),
            "{bad}: {findings:#?}"
        );
    }
}

#[test]
fn r_syntax_a_file_that_is_not_yaml_is_reported_and_the_rest_is_read() {
    let sources: Vec<(String, String)> = small("", "id: wg\nkind: working-group\nname: \"an unclosed quote\n")
        .into_iter()
        .map(|(name, text)| (name.to_owned(), text))
        .collect();
    let sources_loaded = polity_registry::load_sources(&sources);
    let syntax = with_rule(&sources_loaded.findings, "R-SYNTAX", Severity::Error);
    assert_eq!(syntax.len(), 1, "{:#?}", sources_loaded.findings);
    assert_eq!(
        sources_loaded.polity.file_name(syntax[0].loc.unwrap()),
        "bodies/body.yaml"
    );
    assert!(
        sources_loaded.polity.body("toc").is_some(),
        "the other files are still read"
    );
    assert!(sources_loaded.polity.body("wg").is_none());
}

#[test]
fn r_schema_unknown_and_mistyped_keys_are_reported_where_they_are() {
    let findings = run_small("", "id: wg\nkind: working-group\nname: WG\ncolour: blue\n", AT);
    let schema = with_rule(&findings, "R-SCHEMA", Severity::Error);
    assert_eq!(schema.len(), 1, "{findings:#?}");
    assert!(schema[0].message.contains("colour"), "{schema:#?}");
    assert_eq!(schema[0].loc.unwrap().line, 4);
    let findings = run_small("", "id: wg\nkind: working-group\nname: WG\nseats: many\n", AT);
    assert_eq!(
        with_rule(&findings, "R-SCHEMA", Severity::Error).len(),
        1,
        "{findings:#?}"
    );
    let findings = run_small("", "id: wg\nkind: working-group\nname: WG\n", AT);
    assert!(
        with_rule(&findings, "R-SCHEMA", Severity::Error).is_empty(),
        "{findings:#?}"
    );
}

#[test]
fn r_value_an_election_counts_by_a_known_method_and_compat() {
    let body = |extra: &str| format!("id: g\nkind: sig\nname: G\nparent: toc\nelections:\n  {extra}\n");
    for good in [
        "method: meek",
        "method: scottish-stv",
        "compat: elekto",
        "compat: strict",
    ] {
        let findings = run_small("", &body(good), AT);
        assert!(
            with_rule(&findings, "R-VALUE", Severity::Error).is_empty(),
            "{good}: {findings:#?}"
        );
    }
    for (bad, says) in [
        ("method: stv", "unknown method \"stv\""),
        (
            "compat: devotee",
            "an election of people counts as `strict` Schulze or in `elekto`'s order",
        ),
    ] {
        let findings = run_small("", &body(bad), AT);
        assert!(
            with_rule(&findings, "R-VALUE", Severity::Error)
                .iter()
                .any(|finding| finding.message.contains(says)),
            "{bad}: {findings:#?}"
        );
    }
}

#[test]
fn c1_a_registry_names_its_bots_and_whether_ai_co_authors_count() {
    let sources: Vec<(String, String)> = small(
        "bots: [\"ci@acme.example\"]\nai-co-authors: counted\n",
        "id: g\nkind: sig\nname: G\nparent: toc\n",
    )
    .into_iter()
    .map(|(name, text)| (name.to_owned(), text))
    .collect();
    let loaded = polity_registry::load_sources(&sources);
    assert!(loaded.findings.is_empty(), "{:#?}", loaded.findings);
    assert_eq!(loaded.polity.constitution.bots, ["ci@acme.example"]);
    assert!(loaded.polity.constitution.ai_co_authors_counted);
    // The export writes them back.
    let files = polity_registry::export::to_files(&loaded.polity);
    assert_eq!(files.constitution.bots, ["ci@acme.example"]);
    assert!(files.constitution.ai_co_authors.is_some());
    // A pattern that would match everyone (and so empty the electorate) is refused, the others kept.
    let hostile: Vec<(String, String)> = small(
        "bots: [\"\", \"a\", \"ci@acme.example\"]\n",
        "id: g\nkind: sig\nname: G\nparent: toc\n",
    )
    .into_iter()
    .map(|(name, text)| (name.to_owned(), text))
    .collect();
    let loaded = polity_registry::load_sources(&hostile);
    assert_eq!(loaded.polity.constitution.bots, ["ci@acme.example"]);
    let refused = with_rule(&loaded.findings, "R-VALUE", Severity::Error);
    assert_eq!(refused.len(), 2, "{:#?}", loaded.findings);
    assert!(
        refused[0]
            .message
            .contains("is too short: it would match almost everyone")
    );
    // A misspelt choice is refused with its place.
    let bad: Vec<(String, String)> = small("ai-co-authors: sometimes\n", "id: g\nkind: sig\nname: G\nparent: toc\n")
        .into_iter()
        .map(|(name, text)| (name.to_owned(), text))
        .collect();
    let refused = polity_registry::load_sources(&bad);
    assert!(
        refused
            .findings
            .iter()
            .any(|finding| finding.severity == Severity::Error),
        "{:#?}",
        refused.findings
    );
}

/// One company under two ids splits it (its seats under a cap, its share of the work): an
/// affiliation naming an alias counts for the organisation, a misused alias is an error, and two
/// organisations that look like one are a warning.
#[test]
fn r_dup_one_company_under_two_ids() {
    let sources = |organisations: &str| -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = small("", "id: g\nkind: sig\nname: G\nparent: toc\n")
            .into_iter()
            .map(|(name, text)| (name.to_owned(), text))
            .collect();
        for (name, text) in &mut files {
            if name == "organisations.yaml" {
                *text = organisations.to_owned();
            }
            if name == "people.yaml" {
                text.push_str("- { id: dee, name: Dee, affiliations: [{ org: vmware-inc, from: 2020-01-01 }] }\n");
            }
        }
        files
    };
    let aliased = polity_registry::load_sources(&sources(
        "- { id: acme, name: Acme }\n- { id: globex, name: Globex }\n- { id: vmware, name: VMware, aliases: [vmware-inc] }\n",
    ));
    assert!(aliased.findings.is_empty(), "{:#?}", aliased.findings);
    assert!(
        polity_model::check(&aliased.polity, AT)
            .iter()
            .all(|finding| finding.rule != "R-DUP")
    );
    assert_eq!(
        aliased.polity.affiliation_on("dee", AT),
        Some("vmware"),
        "the alias counts for vmware"
    );
    // Without the alias, the two ids look like one company: a warning, and the affiliation is
    // to the second id.
    let split = polity_registry::load_sources(&sources(
        "- { id: acme, name: Acme }\n- { id: globex, name: Globex }\n- { id: vmware, name: VMware }\n\
         - { id: vmware-inc, name: \"VMware, Inc.\" }\n",
    ));
    let findings = polity_model::check(&split.polity, AT);
    let warned = with_rule(&findings, "R-DUP", Severity::Warning);
    assert_eq!(warned.len(), 1, "{findings:#?}");
    assert_eq!(
        warned[0].message,
        "vmware and vmware-inc look like one organisation (both are \"vmware\" without case, punctuation and legal form)"
    );
    assert!(warned[0].hint.contains("add \"vmware-inc\" to its `aliases`"));
    // An alias that is another organisation's id, and a shared domain.
    let wrong = polity_registry::load_sources(&sources(
        "- { id: acme, name: Acme, domains: [acme.example] }\n- { id: globex, name: Globex, domains: [acme.example], aliases: [acme] }\n\
         - { id: vmware-inc, name: VMware }\n",
    ));
    let findings = polity_model::check(&wrong.polity, AT);
    assert!(
        with_rule(&findings, "R-DUP", Severity::Error)
            .iter()
            .any(|finding| finding.message == "alias \"acme\" of globex is the id of another organisation, Acme"),
        "{findings:#?}"
    );
    assert!(
        with_rule(&findings, "R-DUP", Severity::Warning)
            .iter()
            .any(|finding| finding.message == "acme and globex share the e-mail domain acme.example"),
        "{findings:#?}"
    );
}

/// R-VALUE: the community's and a person's `time-zone:` are IANA names, `UTC` or `AoE`; a
/// misspelt zone is a finding at its line with the nearest names.
#[test]
fn r_value_time_zones_are_known_zones() {
    let body = "id: wg\nkind: working-group\nname: WG\nparent: toc\n";
    for good in ["time-zone: Asia/Shanghai\n", "time-zone: AoE\n", "time-zone: utc\n", ""] {
        let findings = run_small(good, body, AT);
        assert!(
            !findings.iter().any(|finding| finding.message.contains("time zone")),
            "{good:?}: {findings:#?}"
        );
    }
    let findings = run_small("time-zone: Asia/Shangai\n", body, AT);
    let wrong = with_rule(&findings, "R-VALUE", Severity::Error);
    assert!(
        wrong.iter().any(|finding| finding
            .message
            .contains("\"Asia/Shangai\" is not a time zone polity knows")
            && finding.message.contains("Asia/Shanghai")
            && finding.loc.as_ref().is_some_and(|loc| loc.line == 2)),
        "{findings:#?}"
    );
    let loaded = polity_registry::load_sources(&[
        (
            "polity.yaml".to_owned(),
            "name: Test\ntime-zone: asia/shanghai\n".to_owned(),
        ),
        (
            "people.yaml".to_owned(),
            "- { id: ann, name: Ann, time-zone: Europe/Berlin }\n".to_owned(),
        ),
    ]);
    assert_eq!(loaded.polity.constitution.time_zone.as_deref(), Some("Asia/Shanghai"));
    assert_eq!(loaded.polity.people[0].time_zone.as_deref(), Some("Europe/Berlin"));
}

/// R-VALUE: `deadline-time:` is a 24-hour time of day (`"18:00"`); anything else is a finding at
/// its line that says how to write it, and the deadlines stay at midnight. Written unquoted
/// (`18:00`), YAML still reads it as text.
#[test]
fn r_value_the_deadline_time_is_a_time_of_day() {
    let constitution = |extra: &str| {
        polity_registry::load_sources(&[(
            "polity.yaml".to_owned(),
            format!("name: Test\ntime-zone: Asia/Shanghai\n{extra}"),
        )])
    };
    for (written, time) in [
        ("deadline-time: \"18:00\"\n", jiff::civil::time(18, 0, 0, 0)),
        ("deadline-time: 18:00\n", jiff::civil::time(18, 0, 0, 0)),
        ("deadline-time: '23:59:30'\n", jiff::civil::time(23, 59, 30, 0)),
        ("", jiff::civil::Time::midnight()),
    ] {
        let loaded = constitution(written);
        assert!(loaded.findings.is_empty(), "{written:?}: {:#?}", loaded.findings);
        assert_eq!(loaded.polity.constitution.deadline_time, time, "{written:?}");
    }
    for bad in [
        "deadline-time: \"25:00\"\n",
        "deadline-time: 6pm\n",
        "deadline-time: \"\"\n",
    ] {
        let loaded = constitution(bad);
        let wrong = with_rule(&loaded.findings, "R-VALUE", Severity::Error);
        assert!(
            wrong.iter().any(|finding| finding.message.contains("time of day")
                && finding.hint.contains("deadline-time: \"18:00\"")
                && finding.loc.as_ref().is_some_and(|loc| loc.line == 3)),
            "{bad:?}: {:#?}",
            loaded.findings
        );
        assert_eq!(loaded.polity.constitution.deadline_time, jiff::civil::Time::midnight());
    }
}
