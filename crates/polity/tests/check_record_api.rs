//! E5, L1 in a pull request without the database: `polity check --record-api URL` reads the
//! recorded registry from a running `polity serve` (`/api/registry`) and says the same as
//! `--record` with the store itself.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};

struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn polity(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_polity"))
        .args(args)
        .env("LC_ALL", "C.UTF-8")
        .output()
        .unwrap()
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn e5_l1_check_against_a_running_server_says_what_the_store_says() {
    let dir = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/paddle-sigs");
    let db = format!("sqlite:{}", dir.path().join("record.db").display());
    let mut child = Command::new(env!("CARGO_BIN_EXE_polity"))
        .env("LC_ALL", "C.UTF-8")
        .args(["serve", "--db", &db, "--listen", "127.0.0.1:0", "--today", "2026-06-01"])
        .args(["--registry", example.to_str().unwrap()])
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
    let files = dir.path().join("pull-request");
    copy_tree(&example, &files);
    let files = files.to_str().unwrap();
    let check = |against: &[&str], format: &str| {
        polity(&[&["check", files, "--at", "2026-06-01", "--format", format], against].concat())
    };
    let same = check(&["--record-api", &url], "human");
    assert!(same.status.success(), "{}", String::from_utf8_lossy(&same.stderr));
    assert!(String::from_utf8_lossy(&same.stdout).starts_with("The files say what the record says."));
    // A fourth chair nobody elected, on the pull request's branch.
    let body = Path::new(files).join("bodies/sig-compiler.yaml");
    let text = std::fs::read_to_string(&body).unwrap().replace(
        "  - { person: uma,  seat: tech-lead, from: 2025-06-01 }",
        "  - { person: uma,  seat: tech-lead, from: 2025-06-01 }\n  - { person: vera, seat: chair, from: 2026-05-01, until: 2028-05-01, class: d }",
    );
    std::fs::write(&body, text).unwrap();
    for format in ["human", "json", "github"] {
        let by_api = check(&["--record-api", &url], format);
        let by_store = check(&["--record", &db], format);
        assert_eq!(by_api.status.code(), Some(1), "{format}");
        assert_eq!(
            String::from_utf8_lossy(&by_api.stdout),
            String::from_utf8_lossy(&by_store.stdout),
            "{format}: the server's record is the store's"
        );
    }
    let github = String::from_utf8_lossy(&check(&["--record-api", &url], "github").stdout).into_owned();
    assert!(
        github.contains("bodies/sig-compiler.yaml,line=") && github.contains("title=polity E5::vera holds"),
        "{github}"
    );
    // Not a server's address, or no server there: said, exit 2, nothing else.
    for (url, says) in [
        ("ftp://example.org", "is not a server's address"),
        ("http://127.0.0.1:9", "is `polity serve` running there?"),
    ] {
        let refused = check(&["--record-api", url], "human");
        assert_eq!(refused.status.code(), Some(2), "{url}");
        let said = String::from_utf8_lossy(&refused.stderr);
        assert!(said.contains(says), "{url}: {said}");
    }
    let both = polity(&["check", files, "--record", &db, "--record-api", &url]);
    assert_eq!(both.status.code(), Some(2), "one record or the other");
}

/// A hostile or wrong server: an answer larger than any registry is cut off at 64 MB, a redirect
/// is not followed, and an answer that is not the registry's JSON is said to be unreadable; each
/// exits 2.
#[test]
fn a_hostile_server_cannot_flood_or_redirect_the_check() {
    use std::io::{Read, Write};
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/paddle-sigs");
    for (answer, says) in [
        (
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\r\n".to_owned(),
            "more than 64 MB",
        ),
        (
            "HTTP/1.1 302 Found\r\nlocation: http://169.254.169.254/\r\ncontent-length: 0\r\n\r\n".to_owned(),
            "answered 302",
        ),
        (
            "HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 15\r\n\r\n<html>hi</html>".to_owned(),
            "cannot read",
        ),
    ] {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let address = listener.local_addr().unwrap();
        let flood = says == "more than 64 MB";
        std::thread::spawn(move || {
            if let Ok((mut stream, _)) = listener.accept() {
                let mut request = [0u8; 4096];
                let _ = stream.read(&mut request);
                let _ = stream.write_all(answer.as_bytes());
                if flood {
                    let block = vec![b' '; 1 << 20];
                    for _ in 0..80 {
                        if stream.write_all(&block).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        let output = polity(&[
            "check",
            example.to_str().unwrap(),
            "--record-api",
            &format!("http://{address}"),
        ]);
        assert_eq!(output.status.code(), Some(2), "{says}");
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(said.contains(says), "{says}: {said}");
    }
}
