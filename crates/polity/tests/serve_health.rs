//! C3 on the web: `polity serve --repo [BODY=]PATH` reads the repositories in the background and
//! shows the body's contributions as a chart on its page and as `/bodies/{id}/health.svg`.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn repository(dir: &std::path::Path) -> std::path::PathBuf {
    let repo = dir.join("history");
    std::fs::create_dir_all(&repo).unwrap();
    let git = |args: &[&str], envs: &[(&str, &str)]| {
        let status = Command::new("git")
            .args(args)
            .envs(envs.iter().copied())
            .current_dir(&repo)
            .status()
            .unwrap();
        assert!(status.success());
    };
    git(&["init", "-q"], &[]);
    for (email, day) in [
        ("alice@chinamobile.com", "2026-03-01"),
        ("alice@chinamobile.com", "2026-04-01"),
        ("bob@intel.com", "2026-05-01"),
    ] {
        let when = format!("{day}T12:00:00Z");
        git(
            &[
                "-c",
                "user.name=Someone",
                "-c",
                &format!("user.email={email}"),
                "commit",
                "-q",
                "--allow-empty",
                "-m",
                "work",
            ],
            &[("GIT_AUTHOR_DATE", &when), ("GIT_COMMITTER_DATE", &when)],
        );
    }
    repo
}

struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn c3_the_body_page_shows_the_contribution_chart() {
    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("serve health test SKIPPED: the `git` program is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let repo = repository(dir.path());
    let registry = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/cfn-working-group");
    let db = format!("sqlite:{}", dir.path().join("record.db").display());
    let mut child = Command::new(env!("CARGO_BIN_EXE_polity"))
        .env("LC_ALL", "C.UTF-8")
        .args(["serve", "--db", &db, "--listen", "127.0.0.1:0", "--today", "2026-06-20"])
        .args(["--registry", registry, "--repo", repo.to_str().unwrap()])
        .env("POLITY_CACHE_DIR", dir.path().join("cache"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let _server = Server(child);
    let url = loop {
        let line = lines.next().expect("polity serve said where it listens").unwrap();
        if let Some(url) = line.split_whitespace().find(|word| word.starts_with("http://")) {
            break url.trim_end_matches('/').to_owned();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    let client = reqwest::Client::new();
    // The history is read in the background: the chart appears once it is.
    let started = Instant::now();
    let svg = loop {
        let response = client.get(format!("{url}/bodies/tsc/health.svg")).send().await.unwrap();
        if response.status() == 200 {
            assert_eq!(response.headers()["content-type"], "image/svg+xml; charset=utf-8");
            break response.text().await.unwrap();
        }
        assert!(started.elapsed() < Duration::from_secs(60), "no chart after a minute");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(
        svg.starts_with("<svg") && svg.contains(">China Mobile (2)</text>"),
        "{svg}"
    );
    let page = client
        .get(format!("{url}/bodies/tsc"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Contributions and health"), "{page}");
    assert!(
        page.contains("<div class=\"scroll chart\" tabindex=\"0\"><svg"),
        "the chart inline: {page}"
    );
    assert!(page.contains("<dt>Organisations contributing</dt><dd>1</dd>"), "{page}");
    assert!(
        page.contains("<dd>1 of 3 (33 %)</dd>"),
        "unknown beside the factor: {page}"
    );
    // In Chinese (the browser asks for it): the figures, the chart's words and its months.
    let chinese = |path: &str| {
        client
            .get(format!("{url}{path}"))
            .header("accept-language", "zh-CN,zh;q=0.9")
            .send()
    };
    let page = chinese("/bodies/tsc").await.unwrap().text().await.unwrap();
    assert!(page.contains("<dt>参与贡献的组织数</dt><dd>1</dd>"), "{page}");
    assert!(page.contains("<dd>3 次中的 1 次（33 %）</dd>"), "{page}");
    assert!(page.contains("：各组织每月的贡献</text>"), "{page}");
    assert!(
        page.contains(">每月贡献数</text>") && page.contains(">6月*</text>"),
        "{page}"
    );
    assert!(!page.contains("contributions a month"), "{page}");
    let svg = chinese("/bodies/tsc/health.svg").await.unwrap().text().await.unwrap();
    assert!(
        svg.contains("所属组织不明") || svg.contains("China Mobile (2)"),
        "{svg}"
    );
    assert!(svg.contains(">每月贡献数</text>"), "{svg}");
    // A body not given a repository has no chart, and says how to get one.
    let other = client
        .get(format!("{url}/bodies/edge-inference/health.svg"))
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), 404);
    assert!(other.text().await.unwrap().contains("--repo BODY=PATH"));
}

#[test]
fn c3_a_repository_for_an_unknown_body_is_refused_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let registry = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/cfn-working-group");
    let db = format!("sqlite:{}", dir.path().join("record.db").display());
    let out = Command::new(env!("CARGO_BIN_EXE_polity"))
        .env("LC_ALL", "C.UTF-8")
        .args(["serve", "--db", &db, "--listen", "127.0.0.1:0", "--today", "2026-06-20"])
        .args(["--registry", registry, "--repo", "sig-nothing=/nonexistent"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("there is no body \"sig-nothing\" in the record") && stderr.contains("tsc"),
        "{stderr}"
    );
}
