//! Files and the record together: `polity sync` from a git repository of the CFN example,
//! `export --into` back into it, and `render --check` / `export --check` on the result.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use super::{polity, root, stdout};

/// A git repository holding the CFN example, and a record initialised from its first commit.
struct Repo {
    dir: tempfile::TempDir,
    db: String,
}

impl Repo {
    fn new() -> Repo {
        let dir = tempfile::tempdir().unwrap();
        let repo = dir.path().join("repo");
        copy_tree(&root().join("examples/cfn-working-group"), &repo);
        let repo = Repo {
            db: format!("sqlite:{}", dir.path().join("record.db").display()),
            dir,
        };
        repo.git(&["init", "-q", "-b", "main"], "2026-06-01");
        repo.git(&["add", "."], "2026-06-01");
        repo.git(&["commit", "-q", "-m", "the CFN registry"], "2026-06-01");
        let path = repo.path().display().to_string();
        repo.ok(&["init", "--registry", &path, "--at", "2026-06-01"]);
        repo
    }

    fn path(&self) -> PathBuf {
        self.dir.path().join("repo")
    }

    /// Runs git in the repository with author and committer dates at noon UTC of `on`.
    fn git(&self, args: &[&str], on: &str) -> String {
        let output = Command::new("git")
            .args(["-c", "user.name=Bea Bot", "-c", "user.email=bea@example.org"])
            .args(["-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null"])
            .args(args)
            .current_dir(self.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_DATE", format!("{on}T12:00:00+00:00"))
            .env("GIT_COMMITTER_DATE", format!("{on}T12:00:00+00:00"))
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        stdout(&output)
    }

    /// Edits a file of the registry and commits it on `on`; returns the commit id.
    fn commit(&self, file: &str, on: &str, message: &str, edit: impl Fn(String) -> String) -> String {
        let path = self.path().join(file);
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let edited = edit(text.clone());
        assert_ne!(edited, text, "the edit of {file} changes nothing");
        std::fs::write(&path, edited).unwrap();
        self.git(&["add", "."], on);
        self.git(&["commit", "-q", "-m", message], on);
        self.git(&["rev-parse", "HEAD"], on).trim().to_owned()
    }

    fn run(&self, args: &[&str]) -> Output {
        let mut all = args.to_vec();
        all.extend(["--db", self.db.as_str()]);
        polity(&all)
    }

    fn ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert!(
            output.status.success(),
            "{args:?} failed: {}{}",
            stdout(&output),
            String::from_utf8_lossy(&output.stderr)
        );
        stdout(&output)
    }

    fn sync(&self, extra: &[&str]) -> Output {
        let path = self.path().display().to_string();
        let mut args = vec!["sync", "--repo", path.as_str()];
        args.extend(extra);
        self.run(&args)
    }

    /// The recorded amendments, oldest first.
    fn amendments(&self) -> Vec<serde_json::Value> {
        let log: serde_json::Value =
            serde_json::from_str(&self.ok(&["log", "--kind", "registry-amended", "--json"])).unwrap();
        log.as_array()
            .unwrap()
            .iter()
            .map(|entry| entry["event"].clone())
            .collect()
    }
}

fn copy_tree(from: &Path, into: &Path) {
    std::fs::create_dir_all(into).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = into.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// (what, rule) of an amendment's changes.
fn changes(amendment: &serde_json::Value) -> Vec<(String, Option<String>)> {
    amendment["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|change| {
            (
                change["what"].as_str().unwrap().to_owned(),
                change["rule"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

/// A new person, a chair nobody elected, a sub-group made active with no motion, an ordinary
/// charter edit and a commit outside the registry.
fn pull_requests(repo: &Repo) -> [String; 4] {
    let person = repo.commit("people.yaml", "2026-06-05", "Add Zoe", |text| {
        text + "- { id: zoe, name: Zoe Zed, github: zoez, affiliations: [{ org: intel, from: 2024-01-01 }] }\n"
    });
    let chair = repo.commit("bodies/tsc.yaml", "2026-06-06", "Zoe co-chairs the TSC", |text| {
        text.replace(
            "  - { person: chen,  seat: co-chair, from: 2026-02-12, until: 2026-07-01 }\n",
            "  - { person: chen,  seat: co-chair, from: 2026-02-12, until: 2026-07-01 }\n  - { person: hua, seat: co-chair, from: 2026-06-06, until: 2026-07-01 }\n",
        )
    });
    let active = repo.commit(
        "bodies/edge-inference.yaml",
        "2026-06-07",
        "Edge inference is active",
        |text| {
            text.replacen("state: proposed", "state: active  ", 1).replace(
                "  - { state: proposed, on: 2026-05-01 }\n",
                "  - { state: proposed, on: 2026-05-01 }\n  - { state: active, on: 2026-06-07 }\n",
            )
        },
    );
    let charter = repo.commit(
        "bodies/computing-scheduling.yaml",
        "2026-06-08",
        "Reword the plan",
        |text| text.replace("Prototype a scheduler", "Prototype a network-aware scheduler"),
    );
    repo.commit("NOTES.md", "2026-06-09", "Meeting notes", |text| text + "# notes\n");
    [person, chair, active, charter]
}

#[test]
fn e3_l1_sync_records_each_commit_and_finds_what_no_process_did() {
    let repo = Repo::new();
    let [person, chair, active, charter] = pull_requests(&repo);
    let synced = repo.sync(&[]);
    assert!(synced.status.success(), "{}", stdout(&synced));
    let said = stdout(&synced);
    assert!(said.contains("synced 4 commit(s)"), "{said}");
    assert!(
        said.contains("! E3 bodies/tsc.yaml:40: hua holds the co-chair seat of tsc from 2026-06-06 until 2026-07-01 — no recorded process did it"),
        "{said}"
    );
    let amendments = repo.amendments();
    let commits: Vec<&str> = amendments.iter().map(|a| a["commit"].as_str().unwrap()).collect();
    assert_eq!(commits, [&person, &chair, &active, &charter]);
    assert_eq!(amendments[1]["subject"], "Zoe co-chairs the TSC");
    assert_eq!(amendments[1]["author"], "Bea Bot <bea@example.org>");
    assert_eq!(amendments[1]["date"], "2026-06-06T12:00:00+00:00");
    assert_eq!(changes(&amendments[0]), [("zoe is a new person".to_owned(), None)]);
    assert_eq!(
        changes(&amendments[1]),
        [(
            "hua holds the co-chair seat of tsc from 2026-06-06 until 2026-07-01".to_owned(),
            Some("E3".to_owned())
        )]
    );
    assert_eq!(
        changes(&amendments[2]),
        [(
            "edge-inference goes from proposed to active".to_owned(),
            Some("L1".to_owned())
        )]
    );
    assert_eq!(
        changes(&amendments[3]),
        [("bodies/computing-scheduling.yaml changes: proposal".to_owned(), None)]
    );
    // Only the changed files are stored with each amendment.
    let files: Vec<&str> = amendments[1]["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|file| file["path"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["bodies/tsc.yaml"]);
    // Re-running is a no-op.
    let again = repo.sync(&[]);
    assert!(again.status.success());
    assert!(stdout(&again).starts_with("nothing to sync"), "{}", stdout(&again));
    assert_eq!(repo.amendments().len(), 4);
    // The record holds the files' state now; the findings stay with the record, in `check`.
    let path = repo.path().display().to_string();
    let check = polity(&["check", &path, "--record", &repo.db, "--at", "2026-06-10"]);
    let said = stdout(&check);
    assert!(said.starts_with("The files say what the record says."), "{said}");
    assert!(
        said.contains("recorded with commit ")
            && said
                .contains("(Edge inference is active) without a process: edge-inference goes from proposed to active"),
        "{said}"
    );
}

#[test]
fn e3_election_terms_survive_a_sync_and_export_into_writes_one_line() {
    // The pull requests first, synced (with their findings), then an election in the record.
    let repo = Repo::new();
    pull_requests(&repo);
    assert!(repo.sync(&[]).status.success());
    let db = repo.db.clone();
    let election = |args: &[&str], at: &str| {
        let mut all = vec!["election"];
        all.extend(args);
        all.extend(["--at", at, "--db", db.as_str()]);
        let output = polity(&all);
        assert!(
            output.status.success(),
            "{all:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    election(&["open", "tsc", "--seat", "chair", "--as", "alice"], "2026-06-01");
    election(&["nominate", "tsc/e1", "emil", "--as", "alice"], "2026-06-02");
    election(&["consent", "tsc/e1", "--as", "emil"], "2026-06-03");
    election(&["close-nominations", "tsc/e1", "--as", "alice"], "2026-06-16");
    for voter in ["alice", "bob", "chen", "dana", "emil", "fang"] {
        election(&["vote", "tsc/e1", "--rank", "emil", "--as", voter], "2026-06-17");
    }
    election(&["close", "tsc/e1", "--as", "alice"], "2026-06-23");
    // A commit made before the election reached the files: emil's term is kept over it.
    repo.commit(
        "bodies/use-case-and-architecture.yaml",
        "2026-06-24",
        "Reword the plan",
        |text| text.replace("Collect use cases in 2025", "Collect the use cases in 2025"),
    );
    assert!(repo.sync(&[]).status.success());
    let path = repo.path().display().to_string();
    let differs = repo.run(&["export", "--check", &path]);
    assert_eq!(differs.status.code(), Some(1), "{}", stdout(&differs));
    assert!(
        stdout(&differs).contains("bodies/tsc.yaml differs"),
        "{}",
        stdout(&differs)
    );
    // Into the repository: one line, in the file's own style; nothing else moves.
    let exported = repo.ok(&["export", "--into", &path]);
    assert!(
        exported.contains("bodies/tsc.yaml: edited in place (holders)"),
        "{exported}"
    );
    let diff = repo.git(&["diff", "--unified=0"], "2026-06-25");
    let changed: Vec<&str> = diff
        .lines()
        .filter(|line| {
            (line.starts_with('+') || line.starts_with('-')) && !line.starts_with("+++") && !line.starts_with("---")
        })
        .collect();
    assert_eq!(
        changed,
        ["+  - { person: emil, seat: chair, from: 2026-07-01, until: 2027-01-15 }"],
        "{diff}"
    );
    assert!(repo.ok(&["export", "--into", &path]).contains("nothing written"));
    repo.git(
        &["commit", "-q", "-am", "polity export: the TSC's new chair"],
        "2026-06-25",
    );
    // The export's commit synced: nothing lacks a process.
    assert!(repo.sync(&[]).status.success());
    let amendments = repo.amendments();
    let last = amendments.last().unwrap();
    assert_eq!(last["subject"], "polity export: the TSC's new chair");
    assert!(changes(last).iter().all(|(_, rule)| rule.is_none()), "{last}");
    repo.ok(&["export", "--check", &path]);
    // Rendered pages from the same record: --check passes on what render wrote.
    let pages = repo.path().join("docs").display().to_string();
    let record = repo.db.clone();
    let render = |check: bool| {
        let mut args = vec!["render", "--out", pages.as_str(), "--record", record.as_str()];
        args.extend(["--at", "2026-06-25"]);
        if check {
            args.push("--check");
        }
        polity(&args)
    };
    assert!(render(false).status.success());
    let checked = render(true);
    assert!(checked.status.success(), "{}", stdout(&checked));
}

#[test]
fn r_init_sync_refuses_a_rewritten_history_and_records_nothing() {
    let repo = Repo::new();
    pull_requests(&repo);
    assert!(repo.sync(&[]).status.success());
    // Force-push: the last registry commit is rewritten.
    repo.git(&["reset", "-q", "--hard", "HEAD~2"], "2026-06-10");
    repo.commit(
        "bodies/computing-scheduling.yaml",
        "2026-06-10",
        "Reword the plan, again",
        |text| text.replace("Prototype a scheduler", "Prototype a better scheduler"),
    );
    let refused = repo.sync(&[]);
    assert_eq!(refused.status.code(), Some(2));
    let error = String::from_utf8_lossy(&refused.stderr);
    assert!(
        error.contains("not in the history of HEAD any more: the history was rewritten"),
        "{error}"
    );
    assert_eq!(repo.amendments().len(), 4);
}

#[test]
fn e3_sync_strict_refuses_a_seat_without_an_election_and_stops_there() {
    let repo = Repo::new();
    let [person, ..] = pull_requests(&repo);
    let strict = repo.sync(&["--strict"]);
    assert_eq!(strict.status.code(), Some(1));
    let said = stdout(&strict);
    assert!(said.contains("refused by E3"), "{said}");
    assert!(said.contains("stopped at the refused commit"), "{said}");
    // The commit before it is recorded; the refused one and those after it are not.
    let amendments = repo.amendments();
    assert_eq!(amendments.len(), 1);
    assert_eq!(amendments[0]["commit"].as_str(), Some(person.as_str()));
}

#[test]
fn r_syntax_an_unreadable_commit_is_recorded_without_effect_and_a_hostile_subject_is_cleaned() {
    let repo = Repo::new();
    let subject = format!("Break it \u{1b}[31mred{}", "x".repeat(400));
    let broken = repo.commit("bodies/tsc.yaml", "2026-06-05", &subject, |text| {
        text.replace("holders:", "holders: [")
    });
    assert_eq!(repo.sync(&["--strict"]).status.code(), Some(1));
    assert!(repo.amendments().is_empty());
    assert!(repo.sync(&[]).status.success());
    let amendments = repo.amendments();
    assert_eq!(amendments[0]["commit"].as_str(), Some(broken.as_str()));
    assert!(!amendments[0]["problems"].as_array().unwrap().is_empty());
    let recorded = amendments[0]["subject"].as_str().unwrap();
    assert_eq!(recorded.chars().count(), 200);
    assert!(
        recorded.starts_with("Break it  [31mred") && recorded.ends_with('…'),
        "{recorded}"
    );
    // Nothing of it applies: the next commit that repairs it changes nothing the record lacks.
    repo.commit("bodies/tsc.yaml", "2026-06-06", "Repair it", |text| {
        text.replace("holders: [", "holders:")
    });
    assert!(repo.sync(&[]).status.success());
    let last = repo.amendments().pop().unwrap();
    assert!(changes(&last).is_empty(), "{last}");
}
