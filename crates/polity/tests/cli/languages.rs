//! The command line in Simplified Chinese: `--lang zh`, or the locale (`LC_ALL`, `LC_MESSAGES`,
//! `LANG`). Messages, refusals, acts and rule texts are said in Chinese; files, JSON and the
//! record are the same in every language.

use std::path::Path;
use std::process::{Command, Output};

fn polity(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_polity"));
    command
        .args(args)
        .current_dir(super::root())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8");
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("the polity binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A record of the CFN example in a temporary folder.
fn record(dir: &Path) -> String {
    let db = format!("sqlite:{}", dir.join("record.db").display());
    let output = polity(
        &[
            "init",
            "--registry",
            "examples/cfn-working-group",
            "--db",
            &db,
            "--at",
            "2026-06-01",
        ],
        &[],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    db
}

/// D3, R-REF: an act says what it recorded, and a refusal why, with the rule's Chinese title and
/// what to do; the same act's JSON is the same in both languages.
#[test]
fn d3_acts_and_refusals_are_said_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let db = record(dir.path());
    let act = |args: &[&str], lang: &str| {
        let mut all = args.to_vec();
        all.extend(["--db", &db, "--at", "2026-06-02", "--lang", lang]);
        polity(&all, &[])
    };
    let opened = act(
        &["motion", "open", "tsc", "--title", "采纳新章程", "--as", "alice"],
        "zh",
    );
    assert!(opened.status.success(), "{}", text(&opened.stderr));
    let said = text(&opened.stdout);
    assert!(
        said.starts_with(
            "已记录 motion-opened：Alice Example 在 Technical Steering Committee 发起了动议“采纳新章程”。\n"
        ),
        "{said}"
    );
    assert!(
        said.contains(r#"  {"kind":"motion-opened","motion":"tsc/m1""#),
        "the event's JSON follows: {said}"
    );

    let stranger = act(&["motion", "vote", "tsc/m1", "yes", "--as", "zed"], "zh");
    assert_eq!(stranger.status.code(), Some(2));
    let refusal = text(&stranger.stderr);
    assert!(
        refusal.starts_with("polity：错误：被规则 R-REF（引用须指向存在的对象）拒绝：“zed”不是注册表中的人员（如何继续：以 people.yaml 中的人员身份操作（ID 或 @账号））；参见 `polity rules R-REF`"),
        "{refusal}"
    );
    let no_motion = act(&["motion", "vote", "tsc/m9", "yes", "--as", "bob"], "zh");
    assert!(
        text(&no_motion.stderr).contains("没有动议“tsc/m9”"),
        "{}",
        text(&no_motion.stderr)
    );
    // The same refusal in English, as before.
    let english = act(&["motion", "vote", "tsc/m9", "yes", "--as", "bob"], "en");
    assert!(
        text(&english.stderr).contains("refused by R-REF: there is no motion \"tsc/m9\""),
        "{}",
        text(&english.stderr)
    );
}

/// The locale chooses when `--lang` is absent (`LC_ALL` before `LANG`); `--lang` beats it;
/// Traditional Chinese and unknown languages are English; a language polity does not speak is
/// refused by name.
#[test]
fn the_locale_chooses_the_language_and_lang_overrides_it() {
    let first_line = |args: &[&str], env: &[(&str, &str)]| {
        let output = polity(args, env);
        assert!(output.status.success(), "{}", text(&output.stderr));
        text(&output.stdout).lines().next().unwrap_or_default().to_owned()
    };
    let chinese = "S1        机构构成一棵树";
    let english = "S1        Bodies form a tree";
    assert_eq!(first_line(&["rules"], &[("LANG", "zh_CN.UTF-8")]), chinese);
    assert_eq!(
        first_line(&["rules"], &[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "C")]),
        english
    );
    assert_eq!(first_line(&["rules"], &[("LC_MESSAGES", "zh_CN.UTF-8")]), chinese);
    assert_eq!(first_line(&["rules"], &[("LANG", "zh_TW.UTF-8")]), english);
    assert_eq!(
        first_line(&["rules", "--lang", "en"], &[("LANG", "zh_CN.UTF-8")]),
        english
    );
    assert_eq!(first_line(&["rules", "--lang", "zh"], &[]), chinese);
    let french = polity(&["rules", "--lang", "fr"], &[]);
    assert_eq!(french.status.code(), Some(2));
    assert!(text(&french.stderr).contains("\"fr\" is not a language polity speaks: use en or zh"));
}

/// A rule's text, its keys and the registry's values, in Chinese; a rule that does not exist
/// is said so in Chinese.
#[test]
fn d1_a_rule_is_explained_in_chinese() {
    let output = polity(
        &[
            "rules",
            "D1",
            "--registry",
            "examples/cfn-working-group",
            "--lang",
            "zh",
        ],
        &[],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let said = text(&output.stdout);
    assert!(
        said.starts_with("D1: 会议须达到法定人数才能作出决定\n\n只有半数以上成员出席"),
        "{said}"
    );
    for part in ["出处：", "由以下键设置：", "执行于：", "测试："] {
        assert!(said.contains(part), "{part} in {said}");
    }
    let missing = polity(&["rules", "X9", "--lang", "zh"], &[]);
    assert!(
        text(&missing.stderr).starts_with("polity：错误：没有规则 \"X9\""),
        "{}",
        text(&missing.stderr)
    );
}

/// Dates as the locale writes them are accepted where they cannot be misread; a day-first date
/// is refused with the reason, in the run's language, and nothing is done.
#[test]
fn dates_are_accepted_as_people_write_them_year_first() {
    let due = |at: &str, lang: &str| {
        polity(
            &[
                "due",
                "examples/cfn-working-group",
                "--at",
                at,
                "--format",
                "json",
                "--lang",
                lang,
            ],
            &[],
        )
    };
    let iso = due("2026-06-01", "en");
    assert!(iso.status.success());
    for written in ["2026/06/01", "2026/6/1", "2026年6月1日"] {
        let output = due(written, "zh");
        assert!(output.status.success(), "{written}: {}", text(&output.stderr));
        assert_eq!(output.stdout, iso.stdout, "{written} is the same day");
    }
    let day_first = due("01/06/2026", "en");
    assert_eq!(day_first.status.code(), Some(2));
    assert!(
        text(&day_first.stderr).contains("the year comes first"),
        "{}",
        text(&day_first.stderr)
    );
    let impossible = due("2026年6月31日", "zh");
    assert_eq!(impossible.status.code(), Some(2));
    assert!(
        text(&impossible.stderr).contains("不是有效的日期"),
        "{}",
        text(&impossible.stderr)
    );
}

/// An election's voter learns their receipt and ballot key in Chinese, with what each is for.
#[test]
fn e3_a_voter_is_told_the_receipt_and_key_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let db = record(dir.path());
    let act = |args: &[&str], at: &str| {
        let mut all = args.to_vec();
        all.extend(["--db", &db, "--at", at, "--lang", "zh"]);
        let output = polity(&all, &[]);
        assert!(output.status.success(), "{args:?}: {}", text(&output.stderr));
        text(&output.stdout)
    };
    let opened = act(
        &["election", "open", "tsc", "--seat", "chair", "--as", "alice"],
        "2026-06-01",
    );
    assert!(
        opened.contains("发起了 Technical Steering Committee 的 1 个主席席位的选举"),
        "{opened}"
    );
    let election = "tsc/e1".to_owned();
    act(
        &["election", "nominate", &election, "chen", "--as", "alice"],
        "2026-06-02",
    );
    act(&["election", "consent", &election, "--as", "chen"], "2026-06-03");
    let closed = act(
        &["election", "close-nominations", &election, "--as", "alice"],
        "2026-06-16",
    );
    assert!(closed.contains("的提名已截止：选票上的候选人为 chen"), "{closed}");
    let voted = act(
        &["election", "vote", &election, "--rank", "chen", "--as", "bob"],
        "2026-06-17",
    );
    assert!(voted.contains("你的回执："), "{voted}");
    assert!(voted.contains("你的选票密钥："), "{voted}");
    assert!(voted.contains("切勿与人分享"), "{voted}");
}

/// E1, L8: what is due reads in Chinese, the window and the seats in Chinese words; the JSON is
/// the same in both languages.
#[test]
fn e1_what_is_due_reads_in_chinese() {
    let due = |lang: &str, format: &str| {
        let output = polity(
            &[
                "due",
                "examples/cfn-working-group",
                "--at",
                "2026-06-01",
                "--format",
                format,
                "--lang",
                lang,
            ],
            &[],
        );
        assert!(output.status.success(), "{}", text(&output.stderr));
        text(&output.stdout)
    };
    let said = due("zh", "human");
    assert!(said.starts_with("截至 2026-06-01 的义务，向后看 3 个月：\n"), "{said}");
    assert!(
        said.contains("tsc：2026-07-01 到期的 1 个主席席位开始提名（提名期 2 周；现任：Alice Example (alice)）"),
        "{said}"
    );
    assert!(!said.contains('⟦'), "{said}");
    assert_eq!(due("zh", "json"), due("en", "json"));
}

/// S3, L5: `check` says its findings in Chinese, with the rule, the place and the hint; the JSON
/// (and the exit status) is the same in both languages.
#[test]
fn s3_l5_check_says_its_findings_in_chinese() {
    let check = |lang: &str, format: &str| {
        polity(
            &[
                "check",
                "examples/paddle-sigs-broken",
                "--at",
                "2026-06-01",
                "--format",
                format,
                "--lang",
                lang,
            ],
            &[],
        )
    };
    let said = check("zh", "human");
    assert_eq!(said.status.code(), Some(1));
    let said = text(&said.stdout);
    assert!(
        said.contains("错误[S3]: examples/paddle-sigs-broken/bodies/sig-compiler.yaml:1:5: 特别兴趣小组 sig-compiler 没有负责其报告的执行人员联络人"),
        "{said}"
    );
    assert!(
        said.contains("  = 提示：请将 `staff-liaison:` 设为负责季度和年度报告的执行人员"),
        "{said}"
    );
    assert!(said.contains("警告[L5]"), "{said}");
    assert!(
        said.contains("polity check：examples/paddle-sigs-broken 截至 2026-06-01 有 "),
        "{said}"
    );
    assert!(!said.contains('⟦'), "{said}");
    assert_eq!(check("zh", "json").stdout, check("en", "json").stdout);
}

/// S6, S9: `feasibility` says whether each body's rules can be met in Chinese, verdicts and
/// electorates in Chinese words; its JSON is the same in both languages.
#[test]
fn s6_s9_feasibility_reads_in_chinese() {
    let run = |lang: &str, format: &str| {
        polity(
            &[
                "feasibility",
                "examples/cfn-working-group-broken",
                "--at",
                "2026-06-01",
                "--format",
                format,
                "--lang",
                lang,
            ],
            &[],
        )
    };
    let said = text(&run("zh", "human").stdout);
    assert!(
        said.starts_with("2026-06-01 的可行性：每个机构的规则都能满足；2 个警告\n"),
        "{said}"
    );
    assert!(
        said.contains("  警告       5 个联络领域；可以负责的 2 人都来自 intel (S9)"),
        "{said}"
    );
    assert!(said.contains("11 人可以参选（活跃成员）"), "{said}");
    assert!(!said.contains('⟦') && !said.contains("may stand"), "{said}");
    assert_eq!(run("zh", "json").stdout, run("en", "json").stdout);
}

/// E1, S6: `tally` on the Kubernetes 2017 steering election says its ranking, winners, the cap
/// skip and the count's lines in Chinese; its JSON is the same in both languages.
#[test]
fn e1_s6_tally_reads_in_chinese() {
    let ballots = "tests/fixtures/elections/k8s-steering-2017/ballots.csv";
    let election = "tests/fixtures/elections/k8s-steering-2017/election.yaml";
    let run = |lang: &str, json: bool| {
        let mut args = vec!["tally", ballots, "--election", election, "--lang", lang];
        if json {
            args.push("--json");
        }
        polity(&args, &[])
    };
    let said = text(&run("zh", false).stdout);
    for part in [
        "309 张选票",
        "排名：",
        "当选者（6 个席位）：",
        "跳过：google 已占",
        "说明：",
        "在两两比较矩阵上使用舒尔茨法",
    ] {
        assert!(said.contains(part), "{part} in {said}");
    }
    assert!(!said.contains('⟦'), "{said}");
    assert_eq!(run("zh", true).stdout, run("en", true).stdout);
}

/// E1: `notify` says what is owed in Chinese (the notices themselves are in each person's own
/// language); nothing is written on a dry run.
#[test]
fn e1_notify_reads_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let db = record(dir.path());
    let run = |args: &[&str], at: &str| {
        let mut all = args.to_vec();
        all.extend(["--db", &db, "--at", at, "--lang", "zh"]);
        let output = polity(&all, &[]);
        assert!(output.status.success(), "{args:?}: {}", text(&output.stderr));
        text(&output.stdout)
    };
    assert_eq!(
        run(&["notify", "--dry-run"], "2026-06-02"),
        "2026-06-02 没有需要通知任何人的消息。\n"
    );
    run(
        &["election", "open", "tsc", "--seat", "chair", "--as", "alice"],
        "2026-06-01",
    );
    let said = run(&["notify", "--dry-run"], "2026-06-02");
    assert!(said.starts_with("2026-06-02 有 9 条待发消息：\n"), "{said}");
    assert!(said.contains("bob（无地址）"), "{said}");
    assert!(said.ends_with("试运行：没有写入或发送任何内容。\n"), "{said}");
    assert_eq!(
        run(&["outbox"], "2026-06-02"),
        "发件箱为空：目前还没有需要通知的消息（见 `polity notify --dry-run`）。\n"
    );
}

/// The command line's own errors in Chinese: a mistyped flag (with the near one and the usage),
/// a missing file list, a missing backup, an unknown account; each exits 2 and changes nothing.
/// In English a usage error stays clap's own wording.
#[test]
fn usage_and_operator_errors_are_said_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let mistyped = polity(&["--lang", "zh", "check", "--formt", "json"], &[]);
    assert_eq!(mistyped.status.code(), Some(2));
    let said = text(&mistyped.stderr);
    assert!(said.starts_with("未知参数 --formt\n您是否想用 --format？"), "{said}");
    assert!(said.contains("用法：polity check"), "{said}");
    let english = polity(&["check", "--formt", "json"], &[]);
    assert_eq!(english.status.code(), Some(2));
    assert!(text(&english.stderr).contains("unexpected argument '--formt'"));
    let by_locale = polity(&["check", "--formt", "json"], &[("LANG", "zh_CN.UTF-8")]);
    assert!(
        text(&by_locale.stderr).starts_with("未知参数"),
        "{}",
        text(&by_locale.stderr)
    );
    let no_files = polity(
        &[
            "affiliations",
            "--registry",
            "examples/cfn-working-group",
            "--lang",
            "zh",
        ],
        &[],
    );
    assert_eq!(no_files.status.code(), Some(2));
    assert!(
        text(&no_files.stderr).contains("没有给出文件：请传入 --email-map"),
        "{}",
        text(&no_files.stderr)
    );
    let target = format!("sqlite:{}", dir.path().join("restored.db").display());
    let missing = polity(&["restore", "--db", &target, "no-such-backup.db", "--lang", "zh"], &[]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        text(&missing.stderr).contains("no-such-backup.db 不存在：请指定由 `polity backup` 生成的文件"),
        "{}",
        text(&missing.stderr)
    );
    assert!(!dir.path().join("restored.db").exists());
    let db = record(dir.path());
    let nobody = polity(&["account", "token", "nobody", "--db", &db, "--lang", "zh"], &[]);
    assert_eq!(nobody.status.code(), Some(2));
    assert!(
        text(&nobody.stderr).contains("没有账户 \"nobody\"：请用 `polity account add` 创建"),
        "{}",
        text(&nobody.stderr)
    );
}
