//! Replays the committed corpus (and anything AFL found and was added to it) through every target
//! with plain `cargo test`: none may panic.

use std::path::Path;

#[test]
fn the_corpus_runs_through_every_target() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let targets: [(&str, fn(&[u8])); 4] = [
        ("registry", polity_fuzz::registry),
        ("ballots", polity_fuzz::ballots),
        ("ranking", polity_fuzz::ranking),
        ("api", polity_fuzz::api),
    ];
    for (name, target) in targets {
        let mut inputs = 0;
        for entry in std::fs::read_dir(root.join(name)).unwrap() {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            target(&bytes);
            inputs += 1;
        }
        assert!(inputs > 0, "no corpus for {name}");
    }
}
