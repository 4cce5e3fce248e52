//! `cargo bench -p polity --bench tally`: the counting engine's figures.
//!
//! 1. 1,000,000 ranked ballots over 20 candidates in an Elekto CSV, through the release
//!    `polity tally` process (read, parse, count, print JSON): wall time, and peak memory from
//!    `/usr/bin/time -f %M` where that program exists. Targets: at most 1.0 s and 256 MB.
//! 2. Counting alone (the pairwise matrix) over the parsed ballots: ballots per second.
//!    Target: at least 10 million per second.
//! 3. 200 candidates and 10,000 ballots through the process. Target: at most 1 s.
//! 4. STV: 10,000 ballots over 30 candidates (BLT, each a random order of 1 to 30 of them), 7
//!    seats, Meek and Scottish STV through the process. Target (Meek): at most 1 s. With
//!    `DROOP=/path/to/Droop.py` (jklundell/droop) the same file is counted by droop's `meek`
//!    and `scotland` in the same run, alternating, best of 3, and the ratio printed.
//! 5. `--compare` over 100,000 ballots x 20 candidates (every method and unranked meaning).
//!    Target: at most 2 s.
//!
//! The ballots are generated deterministically (xorshift from a fixed seed): each candidate gets a
//! rank in 1..=n (ties happen) or, one time in ten, "No opinion".

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use polity_count::Pairwise;
use polity_count::formats::{Format, ParseOptions, parse};

struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn write_ballots(path: &Path, candidates: usize, ballots: usize) {
    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    let mut text = String::with_capacity(ballots * candidates * 3);
    let header: Vec<String> = (0..candidates).map(|index| format!("Candidate {index}")).collect();
    text.push_str(&header.join(","));
    text.push('\n');
    for _ in 0..ballots {
        for candidate in 0..candidates {
            if candidate > 0 {
                text.push(',');
            }
            let draw = random.next();
            if draw.is_multiple_of(10) {
                text.push_str("No opinion");
            } else {
                let _ = write!(text, "{}", 1 + (draw >> 8) % candidates as u64);
            }
        }
        text.push('\n');
    }
    std::fs::write(path, text).expect("the ballot file is written");
}

/// A BLT file of `ballots` ballots over `candidates`, each a random order of a random number of
/// them, for `seats` seats.
fn write_blt(path: &Path, candidates: usize, ballots: usize, seats: usize) {
    let mut random = Random(0x2545_f491_4f6c_dd1d);
    let mut text = format!("{candidates} {seats}\n");
    let mut order: Vec<usize> = (1..=candidates).collect();
    for _ in 0..ballots {
        for index in (1..order.len()).rev() {
            order.swap(index, (random.next() % (index as u64 + 1)) as usize);
        }
        // Real ballots rank the few they know: mostly short, sometimes all.
        let length = 1 + (random.next() % candidates as u64).min(random.next() % candidates as u64) as usize;
        text.push('1');
        for candidate in &order[..length] {
            let _ = write!(text, " {candidate}");
        }
        text.push_str(" 0\n");
    }
    text.push_str("0\n");
    for candidate in 1..=candidates {
        let _ = writeln!(text, "\"Candidate {candidate}\"");
    }
    text.push_str("\"STV benchmark\"\n");
    std::fs::write(path, text).expect("the BLT file is written");
}

/// Best wall time of `runs` runs of a command.
fn time_of(mut command: impl FnMut() -> Command) -> Duration {
    let started = Instant::now();
    let output = command().output().expect("the command runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    started.elapsed()
}

fn stv(dir: &Path) {
    let file = dir.join("stv.blt");
    write_blt(&file, 30, 10_000, 7);
    let binary = env!("CARGO_BIN_EXE_polity");
    let droop = std::env::var_os("DROOP");
    for (method, droop_rule) in [("meek", "meek"), ("scottish-stv", "scotland")] {
        let polity = || {
            let mut command = Command::new(binary);
            command.args(["tally", file.to_str().unwrap(), "--method", method, "--json"]);
            command
        };
        let (mut ours, mut theirs) = (Duration::MAX, Duration::MAX);
        for _ in 0..3 {
            ours = ours.min(time_of(polity));
            if let Some(droop) = &droop {
                theirs = theirs.min(time_of(|| {
                    let mut command = Command::new("python3");
                    command.arg(droop).arg(droop_rule).arg(&file);
                    command
                }));
            }
        }
        let ratio = if droop.is_some() {
            format!(
                "; droop {droop_rule}: {:.3} s; polity / droop = {:.4}",
                theirs.as_secs_f64(),
                ours.as_secs_f64() / theirs.as_secs_f64()
            )
        } else {
            "; droop not run (set DROOP=/path/to/Droop.py)".to_owned()
        };
        println!(
            "polity tally --method {method}, 10,000 ballots x 30 candidates, 7 seats (whole process): best of 3 {:.3} s{ratio}",
            ours.as_secs_f64()
        );
    }
}

/// Runs `polity tally` on the file; returns the wall time and the peak RSS in KiB when known.
fn run_tally(file: &Path) -> (Duration, Option<u64>) {
    let binary = env!("CARGO_BIN_EXE_polity");
    let args = ["tally", file.to_str().unwrap(), "--seats", "3", "--json"];
    let time = Path::new("/usr/bin/time");
    let started = Instant::now();
    let output = if time.exists() {
        Command::new(time).args(["-f", "%M"]).arg(binary).args(args).output()
    } else {
        Command::new(binary).args(args).output()
    }
    .expect("polity runs");
    let elapsed = started.elapsed();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let peak = time
        .exists()
        .then(|| {
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .last()
                .and_then(|line| line.trim().parse().ok())
        })
        .flatten();
    (elapsed, peak)
}

fn report(label: &str, runs: Vec<(Duration, Option<u64>)>) {
    let mut times: Vec<Duration> = runs.iter().map(|(time, _)| *time).collect();
    times.sort();
    let peak = runs.iter().filter_map(|(_, peak)| *peak).max();
    println!(
        "{label}: runs {}, min {:.3} s, median {:.3} s, max {:.3} s, peak RSS {}",
        times.len(),
        times[0].as_secs_f64(),
        times[times.len() / 2].as_secs_f64(),
        times[times.len() - 1].as_secs_f64(),
        peak.map_or_else(
            || "not measured (no /usr/bin/time)".to_owned(),
            |kib| format!("{:.1} MB", kib as f64 * 1024.0 / 1e6)
        )
    );
}

fn main() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let large = dir.path().join("million.csv");
    write_ballots(&large, 20, 1_000_000);
    println!(
        "input: 1,000,000 ballots x 20 candidates, {:.1} MB",
        std::fs::metadata(&large).unwrap().len() as f64 / 1e6
    );
    report(
        "polity tally, 1M ballots x 20 candidates (whole process)",
        (0..5).map(|_| run_tally(&large)).collect(),
    );

    let text = std::fs::read_to_string(&large).unwrap();
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let parsed = parse(
        Format::Elekto,
        &text,
        ParseOptions {
            threads,
            ..ParseOptions::default()
        },
    )
    .unwrap();
    drop(text);
    for threads in [1, threads] {
        let mut best = Duration::MAX;
        for _ in 0..5 {
            let started = Instant::now();
            let matrix = Pairwise::count(&parsed.ballots, threads);
            best = best.min(started.elapsed());
            std::hint::black_box(matrix);
        }
        println!(
            "counting alone (pairwise matrix), {threads} thread(s): best of 5 {:.1} ms = {:.1} million ballots/s",
            best.as_secs_f64() * 1e3,
            parsed.ballots.voters() as f64 / best.as_secs_f64() / 1e6
        );
    }

    let wide = dir.path().join("wide.csv");
    write_ballots(&wide, 200, 10_000);
    report(
        "polity tally, 10,000 ballots x 200 candidates (whole process)",
        (0..5).map(|_| run_tally(&wide)).collect(),
    );

    stv(dir.path());

    let compare = dir.path().join("compare.csv");
    write_ballots(&compare, 20, 100_000);
    let binary = env!("CARGO_BIN_EXE_polity");
    let best = (0..3)
        .map(|_| {
            time_of(|| {
                let mut command = Command::new(binary);
                command.args(["tally", compare.to_str().unwrap(), "--compare", "--seats", "3"]);
                command
            })
        })
        .min()
        .unwrap();
    println!(
        "polity tally --compare, 100,000 ballots x 20 candidates (every way, whole process): best of 3 {:.3} s",
        best.as_secs_f64()
    );
}
