//! The browser test (issues 6 and 15): `polity serve --demo` driven in Debian's headless Chromium
//! by playwright-core (tests/browser/vote.mjs), in English and in Chinese, with axe-core on every
//! page visited. `.ci/run` installs both and sets
//! POLITY_BROWSER_TEST=1, which makes their absence a failure; elsewhere the test says SKIPPED.
//! Screenshots land in target/browser-screenshots.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

#[test]
fn browser_signs_in_votes_closes_and_reads_the_result() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let script = root.join("tests/browser/vote.mjs");
    let module = root.join("tests/browser/node_modules/playwright-core");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned());
    let required = std::env::var("POLITY_BROWSER_TEST").is_ok_and(|value| value == "1");
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|out| out.status.success());
    if !(node && module.is_dir() && Path::new(&chromium).exists()) {
        assert!(
            !required,
            "POLITY_BROWSER_TEST=1 but node, {} or {chromium} is missing (`.ci/run` installs them)",
            module.display()
        );
        eprintln!(
            "browser test SKIPPED: needs node, chromium ({chromium}) and playwright-core \
             (`npm ci --prefix tests/browser`); .ci/run installs them"
        );
        return;
    }
    let shots = root.join("target/browser-screenshots");
    // The walk in English, then in Chinese, each on a demo record of its own.
    for lang in ["en", "zh"] {
        walk(&script, &chromium, &shots, lang);
    }
    for lang in ["", "zh-"] {
        for shot in [
            "1-home.png",
            "2-ballot.png",
            "3-receipt.png",
            "3b-early-close.png",
            "3c-confirm-close.png",
            "4-result.png",
            "5-phone-result.png",
            "6-phone-body.png",
            "7-health-chart.png",
            "8-phone-record.png",
        ] {
            assert!(
                shots.join(format!("{lang}{shot}")).is_file(),
                "{lang}{shot} was not saved"
            );
        }
    }
}

/// One walk of the browser script in `lang` (`en` or `zh`): a server on the demo's day, then one
/// at the deadline.
fn walk(script: &Path, chromium: &str, shots: &Path, lang: &str) {
    let db = tempfile::tempdir().unwrap();
    let store = format!("sqlite:{}", db.path().join("demo.db").display());
    let receipt = db.path().join("receipt.txt");
    let history = contribution_history(db.path());
    let repo = format!("tsc={}", history.display());
    // The demo's day: chen votes, an early close is refused; then a server at the deadline, which
    // also shows the TSC's contributions (C3).
    for (phase, args) in [
        ("vote", vec!["--demo"]),
        ("close", vec!["--today", "2026-07-01", "--repo", repo.as_str()]),
    ] {
        let mut server = Command::new(env!("CARGO_BIN_EXE_polity"))
            .env("LC_ALL", "C.UTF-8")
            .args(["serve", "--listen", "127.0.0.1:0", "--db", &store])
            .args(&args)
            .env("POLITY_CACHE_DIR", db.path().join("cache"))
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("polity serve starts");
        let mut lines = BufReader::new(server.stderr.take().unwrap()).lines();
        let address = loop {
            let line = lines.next().expect("polity serve said where it listens").unwrap();
            if let Some(url) = line.split_whitespace().find(|word| word.starts_with("http://")) {
                break url.trim_end_matches('/').replace("127.0.0.1", "localhost");
            }
        };
        std::thread::spawn(move || for _ in lines {});
        let out = Command::new("node")
            .arg(script)
            .arg(&address)
            .arg(shots)
            .arg(phase)
            .arg(&receipt)
            .arg(lang)
            .env("CHROMIUM", chromium)
            .output()
            .expect("node runs");
        let _ = server.kill();
        let _ = server.wait();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success(),
            "the browser test ({lang}, {phase}) failed:\n{stdout}\n{stderr}"
        );
        eprintln!("{lang}: {stdout}");
    }
}

/// A git history of the demo's people over the year to 2026-07-01 (none in February 2026), made
/// with `git fast-import`: the same every run.
fn contribution_history(dir: &Path) -> std::path::PathBuf {
    use std::io::Write as _;
    let repo = dir.join("history");
    let git = |args: &[&str]| {
        let mut command = Command::new("git");
        command.args(args).current_dir(&repo);
        command
    };
    std::fs::create_dir_all(&repo).unwrap();
    assert!(git(&["init", "-q", "-b", "main"]).status().unwrap().success());
    let handles = [
        "AliceE", "bobb", "chenwei", "danali", "enovak", "fzhou", "gberg", "linmei", "klund",
    ];
    let mut stream = String::new();
    let start = 1_751_500_000_i64; // 2025-07-02
    let mut mark = 0;
    for index in 0..400_i64 {
        let when = start + index * 78_000;
        // 2026-02-01 to 2026-03-01: nobody worked.
        if (1_769_904_000..1_772_323_200).contains(&when) {
            continue;
        }
        let (name, email) = if index % 11 == 0 {
            (
                format!("Visitor {}", index % 7),
                format!("visitor{}@example.net", index % 7),
            )
        } else {
            let handle = handles[(index * index % 13) as usize % handles.len()];
            (handle.to_owned(), format!("{handle}@users.noreply.github.com"))
        };
        mark += 1;
        let message = format!("change {index}\n");
        stream.push_str(&format!(
            "commit refs/heads/main\nmark :{mark}\nauthor {name} <{email}> {when} +0000\ncommitter {name} <{email}> {when} +0000\ndata {}\n{message}",
            message.len()
        ));
        if mark > 1 {
            stream.push_str(&format!("from :{}\n", mark - 1));
        }
        stream.push('\n');
    }
    let mut import = git(&["fast-import", "--quiet"]).stdin(Stdio::piped()).spawn().unwrap();
    import.stdin.take().unwrap().write_all(stream.as_bytes()).unwrap();
    assert!(import.wait().unwrap().success());
    repo
}
