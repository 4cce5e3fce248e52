//! `polity_model::diff::changes` on the paddle-sigs example edited as a pull request would:
//! which changes need a recorded process, under which rule.

use jiff::civil::date;
use polity_model::RuleId;
use polity_model::diff::changes;

fn example(edit: impl Fn(&str, String) -> String) -> polity_model::Polity {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/paddle-sigs");
    let sources: Vec<(String, String)> = polity_registry::read_sources(&root)
        .unwrap()
        .into_iter()
        .map(|(path, content)| {
            let content = edit(&path, content);
            (path, content)
        })
        .collect();
    let loaded = polity_registry::load_sources(&sources);
    loaded.polity
}

#[test]
fn l1_s4_d3_e7_each_change_names_the_process_it_needed() {
    let record = example(|_, content| content);
    assert!(changes(&record, &record, date(2026, 6, 1)).is_empty());
    let files = example(|path, content| match path {
        "bodies/wg-model-zoo.yaml" => content
            .replace("state: active", "state: archived")
            .replace("timetable: { end: 2026-12-31 }", "timetable: { end: 2027-06-30 }"),
        "polity.yaml" => content.replace("passes: \">= 2/3 of members\"", "passes: \"> 1/2 of members\""),
        "bodies/sig-compiler.yaml" => content.replace(
            "  - { person: tao,  seat: chair, from: 2025-09-01, until: 2027-09-01, class: c }\n",
            "",
        ),
        _ => content,
    });
    let found: Vec<(String, Option<RuleId>)> = changes(&record, &files, date(2026, 6, 1))
        .into_iter()
        .map(|change| (change.what, change.needs))
        .collect();
    for (what, rule) in [
        ("wg-model-zoo goes from active to archived", RuleId::L1),
        (
            "wg-model-zoo's timetable ends 2027-06-30 instead of 2026-12-31",
            RuleId::S4,
        ),
        ("the decision rule toc-two-thirds changes", RuleId::D3),
        (
            "tao's chair term in sig-compiler from 2025-09-01 is removed from the files",
            RuleId::E7,
        ),
    ] {
        assert!(found.contains(&(what.to_owned(), Some(rule))), "{what}: {found:#?}");
    }
    assert_eq!(found.len(), 4, "{found:#?}");
}
