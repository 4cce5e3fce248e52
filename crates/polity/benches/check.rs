//! `cargo bench -p polity --bench check`: `polity check` of the imported Kubernetes registry.
//!
//! Imports the Kubernetes `sigs.yaml` fixture into a temporary folder, then times
//! (1) the whole `polity check` process (start, read, parse, check, print) and
//! (2) load + check in this process, and prints the figures. The target is at most 50 ms wall
//! for the process in release mode. (3) `polity feasibility` of the same registry as a process;
//! target at most 50 ms.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use jiff::civil::date;

fn summary(label: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let median = samples[samples.len() / 2];
    let p95 = samples[samples.len() * 95 / 100];
    println!(
        "{label}: runs {}, min {:.2} ms, median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        samples.len(),
        samples[0].as_secs_f64() * 1e3,
        median.as_secs_f64() * 1e3,
        p95.as_secs_f64() * 1e3,
        samples[samples.len() - 1].as_secs_f64() * 1e3
    );
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let source =
        std::fs::read_to_string(root.join("tests/fixtures/registries/k8s-sigs.yaml")).expect("the fixture is there");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (files, counts) = polity_registry::import::k8s::import(&source, date(2025, 1, 1)).expect("the fixture imports");
    polity_registry::write_registry(dir.path(), &files, "").expect("the registry is written");
    println!("registry: Kubernetes sigs.yaml imported ({counts})");

    let runs = 50;
    let mut process = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        let output = Command::new(env!("CARGO_BIN_EXE_polity"))
            .args(["check", dir.path().to_str().unwrap(), "--at", "2026-11-22"])
            .output()
            .expect("polity runs");
        process.push(started.elapsed());
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stdout));
    }
    summary("polity check (whole process)", process);

    let mut in_process = Vec::with_capacity(runs);
    let mut findings = 0;
    for _ in 0..runs {
        let started = Instant::now();
        let loaded = polity_registry::load(dir.path()).expect("the registry loads");
        findings = loaded.findings.len() + polity_model::check(&loaded.polity, date(2026, 11, 22)).len();
        in_process.push(started.elapsed());
    }
    summary("load + check (in process)", in_process);
    println!("findings: {findings}");

    let mut feasibility = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        let output = Command::new(env!("CARGO_BIN_EXE_polity"))
            .args(["feasibility", dir.path().to_str().unwrap(), "--at", "2026-11-22"])
            .output()
            .expect("polity runs");
        feasibility.push(started.elapsed());
        // Exit 1 is an answer (something cannot be met), not a failure.
        assert!(
            output.status.code().is_some_and(|code| code <= 1),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    summary("polity feasibility (whole process)", feasibility);
}
