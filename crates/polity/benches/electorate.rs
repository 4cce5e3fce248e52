//! `cargo bench -p polity --bench electorate`: the electorate from a large history, against
//! `git shortlog -sne` over the same range, measured in the same run.
//!
//! The input is a deterministic synthetic repository made with `git fast-import`: COMMITS
//! commits (1,000,000 by default; set POLITY_BENCH_COMMITS) by 5,000 authors over ten years, one
//! in fifty with a co-author, with a `.mailmap`. The bench times the release
//! `polity stats electorate` process for a 12-month window and for the full history, and
//! `git shortlog -sne` for the same ranges, and checks that the identities (after the mailmap)
//! agree with shortlog's.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

const START: i64 = 1_483_228_800; // 2017-01-01

fn build(dir: &Path, commits: usize) {
    let status = Command::new("git")
        .args(["init", "-q", "-b", "main"])
        .current_dir(dir)
        .status()
        .unwrap();
    assert!(status.success());
    let mut child = Command::new("git")
        .args(["fast-import", "--quiet"])
        .current_dir(dir)
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = std::io::BufWriter::new(child.stdin.take().unwrap());
    let mut random = Random(0x2545_f491_4f6c_dd1d);
    let span = 10 * 365 * 86_400i64;
    for mark in 1..=commits {
        let author = random.next() % 5_000;
        // One author in ten commits under an old address that the mailmap fixes.
        let email = if author.is_multiple_of(10) && random.next().is_multiple_of(2) {
            format!("dev{author}@old.example")
        } else {
            format!("dev{author}@example.org")
        };
        let time = START + (mark as i64) * span / commits as i64;
        let message = if random.next().is_multiple_of(50) {
            format!(
                "change {mark}\n\nCo-authored-by: Dev {} <dev{}@example.org>\n",
                author + 1,
                (author + 1) % 5_000
            )
        } else {
            format!("change {mark}\n")
        };
        write!(stdin, "commit refs/heads/main\nmark :{mark}\nauthor Dev {author} <{email}> {time} +0000\ncommitter CI <ci@example.org> {time} +0000\ndata {}\n{message}\n", message.len()).unwrap();
        if mark > 1 {
            writeln!(stdin, "from :{}", mark - 1).unwrap();
        }
        if mark == 1 {
            let mut mailmap = String::new();
            for author in (0..5_000).step_by(10) {
                mailmap.push_str(&format!(
                    "Dev {author} <dev{author}@example.org> <dev{author}@old.example>\n"
                ));
            }
            write!(stdin, "M 100644 inline .mailmap\ndata {}\n{mailmap}\n", mailmap.len()).unwrap();
        }
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
    assert!(
        Command::new("git")
            .args(["checkout", "-q", "main"])
            .current_dir(dir)
            .status()
            .unwrap()
            .success()
    );
}

fn registry(dir: &Path, within: &str) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join("polity.yaml"),
        format!("name: Bench\nactive-member: {{ contributions: 5, within: {within} }}\n"),
    )
    .unwrap();
    let mut people = String::new();
    for author in 0..5_000 {
        people.push_str(&format!(
            "- {{ id: dev{author}, name: Dev {author}, emails: [dev{author}@example.org] }}\n"
        ));
    }
    std::fs::write(dir.join("people.yaml"), people).unwrap();
}

fn run(label: &str, command: &mut Command) -> (f64, Vec<u8>) {
    let started = Instant::now();
    let output = command.output().unwrap();
    let elapsed = started.elapsed().as_secs_f64();
    assert!(
        output.status.success(),
        "{label}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    (elapsed, output.stdout)
}

/// Runs the two commands alternately, ROUNDS times each, and keeps each one's best time, so that
/// a slower or faster spell of the machine falls on both.
fn race(ours: (&str, &mut Command), theirs: (&str, &mut Command)) -> (f64, f64, Vec<u8>) {
    const ROUNDS: usize = 5;
    let (mut best_ours, mut best_theirs, mut stdout) = (f64::MAX, f64::MAX, Vec::new());
    for _ in 0..ROUNDS {
        best_ours = best_ours.min(run(ours.0, ours.1).0);
        let (time, output) = run(theirs.0, theirs.1);
        best_theirs = best_theirs.min(time);
        stdout = output;
    }
    println!("  {}: best of {ROUNDS} {best_ours:.3} s", ours.0);
    println!("  {}: best of {ROUNDS} {best_theirs:.3} s", theirs.0);
    (best_ours, best_theirs, stdout)
}

fn main() {
    let commits: usize = std::env::var("POLITY_BENCH_COMMITS")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(1_000_000);
    // POLITY_BENCH_DIR keeps the inputs in a folder (for profiling); by default they are temporary.
    let temporary = tempfile::tempdir().unwrap();
    let kept = std::env::var_os("POLITY_BENCH_DIR").map(std::path::PathBuf::from);
    let dir = kept.as_deref().unwrap_or(temporary.path());
    let repo = dir.join("repo");
    let _ = std::fs::remove_dir_all(&repo);
    std::fs::create_dir_all(&repo).unwrap();
    let started = Instant::now();
    build(&repo, commits);
    println!(
        "synthetic repository: {commits} commits, 5,000 authors, built in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let at = "2027-01-01";
    let cache = dir.join("cache");
    for graph in [false, true] {
        if graph {
            // What `git gc` leaves (gc.writeCommitGraph is on by default): parents and commit
            // times without inflating objects, for both tools.
            let started = Instant::now();
            assert!(
                Command::new("git")
                    .args(["commit-graph", "write", "--reachable"])
                    .current_dir(&repo)
                    .status()
                    .unwrap()
                    .success()
            );
            println!(
                "== with a commit-graph (git commit-graph write --reachable: {:.1} s) ==",
                started.elapsed().as_secs_f64()
            );
        } else {
            println!("== without a commit-graph (as git fast-import leaves the repository) ==");
        }
        for (label, within, since) in [
            ("12-month window", "12 months", Some("2026-01-01")),
            ("full history", "100 years", None),
        ] {
            let registry_dir = dir.join(format!("registry-{}", within.replace(' ', "-")));
            registry(&registry_dir, within);
            println!("{label}:");
            let polity = |cached: bool| {
                let mut command = Command::new(env!("CARGO_BIN_EXE_polity"));
                command.args([
                    "stats",
                    "electorate",
                    "--registry",
                    registry_dir.to_str().unwrap(),
                    "--repo",
                    repo.to_str().unwrap(),
                    "--at",
                    at,
                    "--merges",
                    "--json",
                ]);
                if cached {
                    command.args(["--cache-dir", cache.to_str().unwrap()]);
                } else {
                    command.arg("--no-cache");
                }
                command
            };
            let mut shortlog = Command::new("git");
            shortlog.args(["shortlog", "-sne", "HEAD"]).current_dir(&repo);
            if let Some(since) = since {
                shortlog.arg(format!("--since={since}T00:00:00Z"));
            }
            let (ours, theirs, output) = race(
                ("polity stats electorate --no-cache", &mut polity(false)),
                ("git shortlog -sne", &mut shortlog),
            );
            println!("  ratio polity / shortlog: {:.2}", ours / theirs);
            if graph {
                // The first run fills the cache; the later ones read it.
                run("fill the cache", &mut polity(true));
                let (warm, theirs, _) = race(
                    ("polity stats electorate, cache warm", &mut polity(true)),
                    ("git shortlog -sne", &mut shortlog),
                );
                println!("  ratio warm cache / shortlog: {:.2}", warm / theirs);
            }
            let identities = String::from_utf8(output).unwrap().lines().count();
            println!("  shortlog identities: {identities}");
        }
    }
    // The identity check on the full history, in process.
    let contributions = polity_contrib::ingest(
        &repo,
        &polity_contrib::IngestOptions {
            merges: true,
            ..Default::default()
        },
    )
    .unwrap();
    let mut ours: BTreeMap<String, u32> = BTreeMap::new();
    for contribution in &contributions {
        let author = &contribution.credited[0];
        *ours.entry(format!("{} <{}>", author.name, author.email)).or_default() += 1;
    }
    let output = Command::new("git")
        .args(["shortlog", "-sne", "HEAD"])
        .current_dir(&repo)
        .output()
        .unwrap();
    let theirs: BTreeMap<String, u32> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let (count, identity) = line.trim().split_once('\t').unwrap();
            (identity.to_owned(), count.trim().parse().unwrap())
        })
        .collect();
    assert_eq!(
        ours, theirs,
        "identities and counts after the mailmap equal git shortlog -sne"
    );
    println!(
        "identities after the mailmap equal git shortlog -sne: {} identities, {} commits",
        ours.len(),
        contributions.len()
    );
}
