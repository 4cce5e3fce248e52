//! `polity affiliations --cncf` on a file the size of CNCF's current `developers_affiliations*.txt`
//! (hundreds of MB): time and peak memory of the release binary, beside the time `grep -c` takes
//! to merely scan the same file once (polity reads it twice: first the login lines, then all).
//!
//! `cargo bench -p polity --bench affiliations` (POLITY_BENCH_MB sets the size, default 300).
//! Peak memory comes from `/usr/bin/time -f %M` when it is installed.

use std::io::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// A CNCF-format file of about `megabytes` MB: developers with two addresses and two dated
/// employers each, and at the end three of the registry's people.
fn cncf_file(path: &Path, megabytes: u64) -> u64 {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let (mut written, mut developers) = (0u64, 0u64);
    while written < megabytes << 20 {
        let entry = format!(
            "dev{developers}*: dev{developers}!users.noreply.github.com, dev{developers}!example{}.org\n\
             \tCompany {} until 2019-0{}-01\n\tOther Corp {} from 2019-0{}-01\n",
            developers % 1000,
            developers % 5000,
            1 + developers % 9,
            developers % 777,
            1 + developers % 9
        );
        file.write_all(entry.as_bytes()).unwrap();
        written += entry.len() as u64;
        developers += 1;
    }
    for handle in ["AliceE", "bobb", "chenwei"] {
        writeln!(file, "{handle}: {}!example.com\n\tIntel", handle.to_lowercase()).unwrap();
    }
    developers
}

fn timed(command: &mut Command) -> (f64, String) {
    let started = Instant::now();
    let output = command.output().unwrap();
    let elapsed = started.elapsed().as_secs_f64();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    (
        elapsed,
        String::from_utf8_lossy(&output.stderr).into_owned() + &String::from_utf8_lossy(&output.stdout),
    )
}

fn main() {
    let megabytes: u64 = std::env::var("POLITY_BENCH_MB")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(300);
    let dir = tempfile::tempdir().unwrap();
    let registry = dir.path().join("registry");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/cfn-working-group");
    std::fs::create_dir_all(registry.join("bodies")).unwrap();
    for entry in walk(&root) {
        let target = registry.join(entry.strip_prefix(&root).unwrap());
        std::fs::copy(&entry, target).unwrap();
    }
    let file = dir.path().join("developers_affiliations.txt");
    let developers = cncf_file(&file, megabytes);
    let size = std::fs::metadata(&file).unwrap().len();
    println!(
        "CNCF file: {:.0} MB, {developers} developers, 3 of them in the registry",
        size as f64 / 1048576.0
    );
    let polity = env!("CARGO_BIN_EXE_polity");
    let with_time = Path::new("/usr/bin/time").exists();
    let (mut best, mut best_scan, mut memory) = (f64::MAX, f64::MAX, None);
    for _ in 0..3 {
        let mut command = if with_time {
            let mut command = Command::new("/usr/bin/time");
            command.args(["-f", "peak-kb %M", polity]);
            command
        } else {
            Command::new(polity)
        };
        command
            .args(["affiliations", "--registry"])
            .arg(&registry)
            .arg("--cncf")
            .arg(&file)
            .arg("--dry-run");
        let (elapsed, output) = timed(&mut command);
        assert!(output.contains("3 people given affiliations (3 from cncf)"), "{output}");
        best = best.min(elapsed);
        if let Some(kb) = output.lines().find_map(|line| line.strip_prefix("peak-kb ")) {
            memory = Some(kb.trim().parse::<u64>().unwrap());
        }
        let (scan, _) = timed(Command::new("grep").args(["-c", ":"]).arg(&file));
        best_scan = best_scan.min(scan);
    }
    println!(
        "  polity affiliations --cncf --dry-run: best of 3 {best:.2} s ({:.0} MB/s over the two passes)",
        2.0 * size as f64 / 1048576.0 / best
    );
    println!(
        "  grep -c (one scan of the file): best of 3 {best_scan:.2} s; ratio {:.1}",
        best / best_scan
    );
    match memory {
        Some(kb) => println!(
            "  peak memory: {:.1} MB for a {:.0} MB file",
            kb as f64 / 1024.0,
            size as f64 / 1048576.0
        ),
        None => println!("  peak memory: not measured (/usr/bin/time is not installed)"),
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}
