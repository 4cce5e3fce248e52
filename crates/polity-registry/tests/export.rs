//! Export round trip: every example, loaded and written back, loads to the same findings, and
//! writing it again gives the same bytes.

use std::path::Path;

use jiff::civil::date;

fn read_tree(dir: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for name in ["polity.yaml", "people.yaml", "organisations.yaml"] {
        files.push((name.to_owned(), std::fs::read_to_string(dir.join(name)).unwrap()));
    }
    let mut bodies: Vec<_> = std::fs::read_dir(dir.join("bodies"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    bodies.sort();
    for path in bodies {
        files.push((
            path.file_name().unwrap().to_string_lossy().into_owned(),
            std::fs::read_to_string(&path).unwrap(),
        ));
    }
    files
}

#[test]
fn every_example_exports_to_files_that_check_the_same() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let at = date(2026, 6, 1);
    for entry in std::fs::read_dir(&examples).unwrap() {
        let dir = entry.unwrap().path();
        let original = polity_registry::load(&dir).unwrap();
        let mut before: Vec<String> = polity_model::check(&original.polity, at)
            .iter()
            .chain(&original.findings)
            .map(|finding| format!("{} {}", finding.rule, finding.message))
            .collect();
        before.sort();
        let out = tempfile::tempdir().unwrap();
        polity_registry::write_registry(out.path(), &polity_registry::export::to_files(&original.polity), "").unwrap();
        let exported = polity_registry::load(out.path()).unwrap();
        assert!(
            exported.findings.is_empty(),
            "{}: {:#?}",
            dir.display(),
            exported.findings
        );
        let mut after: Vec<String> = polity_model::check(&exported.polity, at)
            .iter()
            .map(|finding| format!("{} {}", finding.rule, finding.message))
            .collect();
        after.sort();
        assert_eq!(before, after, "{}", dir.display());
        let again = tempfile::tempdir().unwrap();
        polity_registry::write_registry(again.path(), &polity_registry::export::to_files(&exported.polity), "")
            .unwrap();
        assert_eq!(
            read_tree(out.path()),
            read_tree(again.path()),
            "{}: export is idempotent",
            dir.display()
        );
    }
}
