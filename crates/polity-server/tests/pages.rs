//! The web UI as a voter and an officer meet it (issue 15): signing in to vote and coming back,
//! being told before the ballot who may not vote, the vote's standing, an act that cannot be
//! undone asked first, success said in words, and the result read as an announcement.

mod common;

use common::{Browser, seeded};
use polity_server::demo::DEMO_PASSWORD;

/// A demo router on the demo's day, or (with `deadline`) on the day e2's voting closes; with
/// `chen_votes`, chen casts a ballot on the demo's day first (the sixth of nine: the turnout
/// rule's two thirds).
async fn demo(dir: &std::path::Path, deadline: bool) -> (std::sync::Arc<polity_server::App>, axum::Router) {
    demo_with(dir, deadline, false).await
}

async fn demo_with(
    dir: &std::path::Path,
    deadline: bool,
    chen_votes: bool,
) -> (std::sync::Arc<polity_server::App>, axum::Router) {
    let (app, _) = seeded(dir, &[]).await;
    if chen_votes {
        let mut chen = Browser::new(polity_server::router(app.clone()));
        assert_eq!(chen.sign_in("chen", DEMO_PASSWORD).await.status, 303);
        let csrf = chen.csrf("/elections/tsc/e2").await;
        let cast = chen
            .post_form("/elections/tsc/e2/ballots", &[("csrf", &csrf), ("rank-dana", "1")])
            .await;
        assert_eq!(cast.status, 200, "{}", cast.body);
    }
    if !deadline {
        return (app.clone(), polity_server::router(app));
    }
    drop(app);
    let later = common::Config {
        clock: polity_server::live::Clock::Fixed(jiff::civil::date(2026, 7, 1).into()),
        ..common::config()
    };
    let app = common::open(&dir.join("seed.db"), later).await;
    (app.clone(), polity_server::router(app))
}

/// A browser signed in as `login` (demo password).
async fn signed_in(router: &axum::Router, login: &str) -> Browser {
    let mut browser = Browser::new(router.clone());
    let signed = browser.sign_in(login, DEMO_PASSWORD).await;
    assert_eq!(signed.status, 303, "{login} signs in: {}", signed.body);
    browser
}

fn location(answer: &common::Answer) -> &str {
    answer.headers["location"].to_str().unwrap()
}

/// E3: an anonymous visitor to an open election is offered "Sign in to vote" and comes back to
/// the election after signing in; a `next` that leads off the site is ignored.
#[tokio::test]
async fn e3_a_visitor_signs_in_to_vote_and_comes_back_to_the_election() {
    let dir = tempfile::tempdir().unwrap();
    let (_, router) = demo(dir.path(), false).await;
    let mut visitor = Browser::new(router.clone());
    let page = visitor.get("/elections/tsc/e2").await;
    assert!(
        page.body
            .contains(r#"href="/signin?next=/elections/tsc/e2">Sign in to vote"#),
        "{}",
        page.body
    );
    assert!(!page.body.contains("Cast my secret ballot"));
    let form = visitor.get("/signin?next=/elections/tsc/e2").await;
    assert!(
        form.body.contains(r#"name="next" value="/elections/tsc/e2""#),
        "{}",
        form.body
    );
    let csrf = common::csrf_in(&form.body).unwrap();
    let signed = visitor
        .post_form(
            "/signin",
            &[
                ("csrf", &csrf),
                ("login", "chen"),
                ("password", DEMO_PASSWORD),
                ("next", "/elections/tsc/e2"),
            ],
        )
        .await;
    assert_eq!(signed.status, 303, "{}", signed.body);
    assert_eq!(location(&signed), "/elections/tsc/e2");
    let ballot = visitor.get("/elections/tsc/e2").await;
    assert!(ballot.body.contains("Cast my secret ballot"), "{}", ballot.body);
    // Another site, a protocol-relative path, a backslash trick, a script: home instead.
    for next in [
        "https://evil.example/",
        "//evil.example/x",
        "/\\evil.example",
        "javascript:alert(1)",
        "/elections/tsc/e2\r\nSet-Cookie: x=1",
    ] {
        let mut browser = Browser::new(router.clone());
        let form = browser.get(&format!("/signin?next={}", urlencode(next))).await;
        assert!(!form.body.contains(r#"name="next""#), "{next:?} kept: {}", form.body);
        let csrf = common::csrf_in(&form.body).unwrap();
        let signed = browser
            .post_form(
                "/signin",
                &[
                    ("csrf", &csrf),
                    ("login", "chen"),
                    ("password", DEMO_PASSWORD),
                    ("next", next),
                ],
            )
            .await;
        assert_eq!(signed.status, 303);
        assert_eq!(location(&signed), "/", "{next:?}");
    }
}

fn urlencode(text: &str) -> String {
    serde_html_form::to_string([("x", text)]).unwrap()[2..].to_owned()
}

/// E3: the open election says how many have voted of how many, and someone outside the
/// electorate is told so, with the rule, instead of being given a ballot to fill in.
#[tokio::test]
async fn e3_the_vote_stands_in_words_and_a_non_voter_is_told_before_the_ballot() {
    let dir = tempfile::tempdir().unwrap();
    let (_, router) = demo(dir.path(), false).await;
    let mut jun = signed_in(&router, "jun").await;
    let page = jun.get("/elections/tsc/e2").await;
    assert!(
        page.body.contains("5 of 9 eligible voters have voted."),
        "{}",
        page.body
    );
    assert!(page.body.contains("You cannot vote in this election"), "{}", page.body);
    assert!(page.body.contains(r#"<a href="/rules/E3">E3</a>"#), "{}", page.body);
    assert!(!page.body.contains("Cast my secret ballot"), "{}", page.body);
    assert!(
        page.body.contains("the last day to vote is 2026-06-30"),
        "{}",
        page.body
    );
    // An eligible voter gets the ballot; after voting, the page says so instead of asking again.
    let mut chen = signed_in(&router, "chen").await;
    let csrf = chen.csrf("/elections/tsc/e2").await;
    let cast = chen
        .post_form("/elections/tsc/e2/ballots", &[("csrf", &csrf), ("rank-chen", "1")])
        .await;
    assert_eq!(cast.status, 200, "{}", cast.body);
    let after = chen.get("/elections/tsc/e2").await;
    assert!(after.body.contains("You have voted."), "{}", after.body);
    assert!(after.body.contains("6 of 9 eligible voters have voted."));
    assert!(after.body.contains("<summary>Change my ballot</summary>"));
    assert!(!after.body.contains("Cast my secret ballot"));
}

/// E1: the officer is not offered a close `decide` would refuse; the page says why instead.
#[tokio::test]
async fn e1_the_officer_sees_why_the_election_cannot_close_yet() {
    let dir = tempfile::tempdir().unwrap();
    let (_, router) = demo(dir.path(), false).await;
    let mut alice = signed_in(&router, "alice").await;
    let page = alice.get("/elections/tsc/e2").await;
    assert!(page.body.contains("You cannot close the election yet"), "{}", page.body);
    assert!(page.body.contains("5 of 9 eligible voters have voted"), "{}", page.body);
    assert!(!page.body.contains(r#"action="/elections/tsc/e2/close""#));
}

/// E1: closing an election cannot be undone, so the first post only asks, stating what the close
/// will do; nothing is recorded until the second post says `confirm=yes`. The result then reads
/// as an announcement: who, of which organisation, for which term, counted how.
#[tokio::test]
async fn e1_closing_an_election_asks_first_then_announces_the_result() {
    // Five of nine voted: the question warns that closing now elects nobody (E3 turnout).
    let short = tempfile::tempdir().unwrap();
    let (_, router) = demo(short.path(), true).await;
    let mut alice = signed_in(&router, "alice").await;
    let csrf = alice.csrf("/elections/tsc/e2").await;
    let asked = alice.post_form("/elections/tsc/e2/close", &[("csrf", &csrf)]).await;
    assert!(
        asked
            .body
            .contains("Only 5 have voted and the result is valid with 6: closing now makes the result not valid"),
        "{}",
        asked.body
    );
    // Six of nine: the close is asked, then done.
    let dir = tempfile::tempdir().unwrap();
    let (app, router) = demo_with(dir.path(), true, true).await;
    let events = app.record.live.read().await.last_seq;
    let mut alice = signed_in(&router, "alice").await;
    let page = alice.get("/elections/tsc/e2").await;
    assert!(
        page.body.contains(r#"action="/elections/tsc/e2/close""#),
        "{}",
        page.body
    );
    let csrf = common::csrf_in(&page.body).unwrap();
    let asked = alice.post_form("/elections/tsc/e2/close", &[("csrf", &csrf)]).await;
    assert_eq!(asked.status, 200, "{}", asked.body);
    for needle in [
        "Close election tsc/e2 and count the ballots?",
        "This cannot be undone.",
        "6 of 9 eligible voters have voted",
        "Closing now counts 6 ballot(s)",
        r#"name="confirm" value="yes""#,
        r#"href="/elections/tsc/e2">Cancel and go back"#,
    ] {
        assert!(asked.body.contains(needle), "{needle} missing: {}", asked.body);
    }
    assert!(!asked.body.contains("not valid"), "{}", asked.body);
    assert_eq!(app.record.live.read().await.last_seq, events, "asking records nothing");
    let csrf = common::csrf_in(&asked.body).unwrap();
    let closed = alice
        .post_form("/elections/tsc/e2/close", &[("csrf", &csrf), ("confirm", "yes")])
        .await;
    assert_eq!(closed.status, 303, "{}", closed.body);
    assert!(app.record.live.read().await.last_seq > events);
    let result = alice.get("/elections/tsc/e2").await;
    assert!(
        result.body.contains("The election is closed and counted."),
        "the success is said in words: {}",
        result.body
    );
    assert!(!result.body.contains("election-closed"), "{}", result.body);
    for needle in ["Elected:", "term from 2026-07-01", "Schulze method", "class=\"win\""] {
        assert!(result.body.contains(needle), "{needle} missing: {}", result.body);
    }
    // The announcement comes before the proof.
    let elected = result.body.find("Elected:").unwrap();
    assert!(elected < result.body.find("Pairwise preferences").unwrap());
    assert!(elected < result.body.find("Tally sheet").unwrap());
}

/// D3: a motion's close is asked first with what it would record in words (the dry run of
/// `decide`), and a refused close is refused at once without asking.
#[tokio::test]
async fn d3_closing_a_motion_asks_first_and_a_vote_is_said_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let (app, router) = demo(dir.path(), false).await;
    let mut emil = signed_in(&router, "emil").await;
    let csrf = emil.csrf("/motions/tsc/m1").await;
    let voted = emil
        .post_form("/motions/tsc/m1/votes", &[("csrf", &csrf), ("choice", "yes")])
        .await;
    assert_eq!(voted.status, 303, "{}", voted.body);
    let page = emil.get("/motions/tsc/m1").await;
    assert!(page.body.contains("Your vote is recorded."), "{}", page.body);
    assert!(!page.body.contains("vote-cast"), "{}", page.body);
    // Not the opener: refused at once (with the rule), never asked.
    let csrf = common::csrf_in(&page.body).unwrap();
    let refused = emil.post_form("/motions/tsc/m1/close", &[("csrf", &csrf)]).await;
    assert_eq!(refused.status, 403, "{}", refused.body);
    assert!(!refused.body.contains("This cannot be undone."));
    // The opener is asked, with the result the close would record.
    let events = app.record.live.read().await.last_seq;
    let mut alice = signed_in(&router, "alice").await;
    let csrf = alice.csrf("/motions/tsc/m1").await;
    let asked = alice.post_form("/motions/tsc/m1/close", &[("csrf", &csrf)]).await;
    assert_eq!(asked.status, 200, "{}", asked.body);
    assert!(asked.body.contains("Close motion tsc/m1?"), "{}", asked.body);
    assert!(asked.body.contains("closed motion tsc/m1"), "{}", asked.body);
    assert_eq!(app.record.live.read().await.last_seq, events);
}

/// D3, T1: in Chinese, a closed motion's result and each step of its count read in Chinese, the
/// close is acknowledged with the act in Chinese, and the record's table says the acts in
/// Chinese; so do an election's count lines.
#[tokio::test]
async fn d3_t1_a_closed_motion_and_the_record_read_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let (_, router) = demo(dir.path(), false).await;
    let mut emil = signed_in(&router, "emil").await;
    let csrf = emil.csrf("/motions/tsc/m1").await;
    emil.post_form("/motions/tsc/m1/votes", &[("csrf", &csrf), ("choice", "yes")])
        .await;
    let mut alice = signed_in(&router, "alice").await;
    alice.get("/lang/zh?back=/").await;
    let csrf = alice.csrf("/motions/tsc/m1").await;
    let closed = alice
        .post_form("/motions/tsc/m1/close", &[("csrf", &csrf), ("confirm", "yes")])
        .await;
    assert_eq!(closed.status, 303, "{}", closed.body);
    let page = alice.get("/motions/tsc/m1").await;
    assert!(page.body.contains(r#"<html lang="zh-Hans">"#), "{}", page.body);
    assert!(
        page.body.contains("结束了动议 tsc/m1 的表决"),
        "the close is said in Chinese: {}",
        page.body
    );
    let result = page.body.split(r#"<h2 id="result">"#).nth(1).expect("a result");
    let result = &result[..result.find("</section>").unwrap()];
    assert!(result.contains("结果："), "{result}");
    assert!(!result.contains(r#"lang="en""#), "every step is read: {result}");
    assert!(result.contains("需要") && !result.contains("needs"), "{result}");
    let log = alice.get("/log").await;
    assert!(
        log.body.contains("Alice Example 结束了动议 tsc/m1 的表决："),
        "{}",
        log.body
    );
    assert!(!log.body.contains("closed motion"), "{}", log.body);
    let election = alice.get("/elections/tsc/e1").await;
    let lines = election
        .body
        .split(r#"<ul class="explanation">"#)
        .nth(1)
        .expect("an explanation");
    let lines = &lines[..lines.find("</ul>").unwrap()];
    assert!(lines.contains("投票率：9 名合格选民中 9 人投出有效选票"), "{lines}");
    assert!(lines.contains("孔多塞胜者"), "{lines}");
    assert!(!lines.contains(r#"lang="en""#), "{lines}");
}

/// E9, E2, E1: the body and election pages offer only what `decide` accepts: the PTL chooses a
/// liaison among the volunteers (a list, not a free field), and is told when nobody volunteered;
/// a member of the oversight body may record the roll, and an outsider is not offered it; a
/// nominator picks from the people who may stand, and an outsider is told why not.
#[tokio::test]
async fn e9_e2_e1_pages_offer_only_what_decide_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let (_, router) = demo(dir.path(), false).await;
    let mut dana = signed_in(&router, "dana").await;
    let page = dana.get("/bodies/computing-scheduling").await;
    assert!(
        page.body.contains("Nobody has volunteered as docs liaison yet"),
        "{}",
        page.body
    );
    let mut kai = signed_in(&router, "kai").await;
    let csrf = kai.csrf("/bodies/computing-scheduling").await;
    let volunteered = kai
        .post_form(
            "/bodies/computing-scheduling/liaisons/docs/volunteers",
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(volunteered.status, 303, "{}", volunteered.body);
    let page = dana.get("/bodies/computing-scheduling").await;
    let form = page
        .body
        .split(r#"action="/bodies/computing-scheduling/liaisons/docs">"#)
        .nth(1)
        .expect("the PTL may choose the docs liaison");
    let form = &form[..form.find("</form>").unwrap()];
    assert!(
        form.contains(r#"<select"#) && form.contains(r#"<option value="kai">Kai Lund (kai)</option>"#),
        "{form}"
    );
    let fang = signed_in(&router, "fang")
        .await
        .get("/bodies/computing-scheduling")
        .await;
    assert!(
        !fang
            .body
            .contains(r#"action="/bodies/computing-scheduling/liaisons/docs">"#),
        "a committer who is not the PTL is not offered the choice"
    );

    let mut alice = signed_in(&router, "alice").await;
    assert!(alice.get("/bodies/tsc").await.body.contains(r#"action="/roll""#));
    let outsider = kai.get("/bodies/tsc").await;
    assert!(!outsider.body.contains(r#"action="/roll""#), "{}", outsider.body);

    let csrf = alice.csrf("/bodies/tsc").await;
    let opened = alice
        .post_form(
            "/bodies/tsc/elections",
            &[("csrf", &csrf), ("seat", "chair"), ("seats", "1")],
        )
        .await;
    assert_eq!(opened.status, 303, "{}", opened.body);
    assert_eq!(location(&opened), "/bodies/tsc");
    let election = "/elections/tsc/e3".to_owned();
    let nominating = alice.get(&election).await;
    let form = nominating
        .body
        .split(r#"<select id="candidate" name="candidate" required>"#)
        .nth(1)
        .unwrap_or_else(|| panic!("a list on {election}: {}", nominating.body));
    let form = &form[..form.find("</select>").unwrap()];
    assert!(
        form.contains(r#"<option value="emil">Emil Novak (emil)</option>"#),
        "{form}"
    );
    assert!(
        !form.contains(r#"value="kai""#),
        "kai is not a TSC member and may not stand: {form}"
    );
    let outsider = kai.get(&election).await;
    assert!(!outsider.body.contains(r#"name="candidate""#), "{}", outsider.body);
    assert!(
        outsider
            .body
            .contains("You cannot nominate anyone in this election now:"),
        "{}",
        outsider.body
    );
}

/// The record reads as a table of acts in words, with who did it, a link to the page and the raw
/// JSON one click away; it filters by body, kind and dates, pages by sequence number, and a bad
/// filter is refused with what to write instead.
#[tokio::test]
async fn t1_the_record_reads_in_words_filters_and_pages() {
    let dir = tempfile::tempdir().unwrap();
    let (_, router) = demo(dir.path(), false).await;
    let mut visitor = Browser::new(router);
    let page = visitor.get("/log").await;
    assert_eq!(page.status, 200, "{}", page.body);
    for needle in [
        "The registry&#39;s files were recorded.",
        "Alice Example",
        r#"<a href="/elections/tsc/e2">"#,
        r#"<a href="/api/log?after=0&amp;limit=1""#,
        "Every kind of act",
    ] {
        assert!(page.body.contains(needle), "{needle} missing: {}", page.body);
    }
    assert!(!page.body.contains("{&quot;"), "raw JSON in the table: {}", page.body);
    let ballots = visitor.get("/log?kind=ballot-cast").await;
    assert!(ballots.body.contains("voted in election tsc/e2."), "{}", ballots.body);
    assert!(!ballots.body.contains("/motions/tsc/m1"), "{}", ballots.body);
    let none = visitor.get("/log?body=no-such-body").await;
    assert!(none.body.contains("No act matches"), "{}", none.body);
    let later = visitor.get("/log?from=2027-01-01").await;
    assert!(later.body.contains("No act matches"), "{}", later.body);
    // Dates as the locale writes them, year first.
    let chinese_date = visitor.get(&format!("/log?from={}", urlencode("2026年6月19日"))).await;
    assert_eq!(chinese_date.status, 200, "{}", chinese_date.body);
    assert!(chinese_date.body.contains("2026-06-19") && !chinese_date.body.contains("2026-06-17"));
    // Keyset paging: `before` shows only older events.
    let older = visitor.get("/log?before=3").await;
    assert!(older.body.contains(r##"data-label="#">2</td>"##), "{}", older.body);
    assert!(!older.body.contains(r##"data-label="#">3</td>"##), "{}", older.body);
    for (query, says) in [
        ("from=2026%2F13%2F01", "is not a date"),
        ("until=yesterday", "is not a date"),
        ("kind=drop-table", "there is no kind of act"),
    ] {
        let bad = visitor.get(&format!("/log?{query}")).await;
        assert_eq!(bad.status, 400, "{query}: {}", bad.body);
        assert!(bad.body.contains(says), "{query}: {}", bad.body);
    }
}

/// Every page reachable from the home page, crawled signed in (so the forms show), in English
/// and in Chinese: the page says its language, and no message is missing from either catalog.
#[tokio::test]
async fn every_page_speaks_english_and_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let (_, router) = demo(dir.path(), false).await;
    for (tag, lang, words) in [("en", "en", "Governance"), ("zh", "zh-Hans", "治理")] {
        let mut alice = Browser::new(router.clone());
        let switched = alice.get(&format!("/lang/{tag}?back=/")).await;
        assert_eq!(switched.status, 303);
        assert_eq!(alice.sign_in("alice", DEMO_PASSWORD).await.status, 303);
        let mut queue = std::collections::VecDeque::from(["/".to_owned()]);
        let mut seen = std::collections::BTreeSet::new();
        while let Some(path) = queue.pop_front() {
            if !seen.insert(path.clone()) || seen.len() > 300 {
                continue;
            }
            let page = alice.get(&path).await;
            if page.status != 200 || !page.headers["content-type"].to_str().unwrap().starts_with("text/html") {
                continue;
            }
            assert!(page.body.contains(&format!(r#"<html lang="{lang}">"#)), "{tag} {path}");
            assert!(
                !page.body.contains('⟦'),
                "{tag} {path}: a message is missing: {}",
                page.body
            );
            for link in page.body.split("href=\"").skip(1) {
                let target = &link[..link.find('"').unwrap_or(0)];
                if target.starts_with('/')
                    && !target.starts_with("//")
                    && !target.starts_with("/api")
                    && !target.starts_with("/auth")
                    && !target.starts_with("/lang")
                    && !target.starts_with("/calendar")
                    && !target.ends_with(".atom")
                {
                    queue.push_back(target.replace("&amp;", "&"));
                }
            }
        }
        assert!(seen.len() > 10, "crawled {} pages", seen.len());
        let home = alice.get("/").await;
        assert!(home.body.contains(words), "{tag}: {}", home.body);
    }
}

/// The language comes from the visitor's choice (the switch on every page), else the browser's
/// Accept-Language, else English; the switch returns only to a page of this site.
#[tokio::test]
async fn the_language_follows_the_choice_then_the_browser() {
    let dir = tempfile::tempdir().unwrap();
    let (_, router) = demo(dir.path(), false).await;
    let chinese = common::call(
        &router,
        "GET",
        "/elections/tsc/e2",
        &[("accept-language", "zh-CN,zh;q=0.9,en;q=0.5")],
        "",
    )
    .await;
    assert!(chinese.body.contains(r#"<html lang="zh-Hans">"#), "{}", chinese.body);
    assert!(
        chinese.body.contains("9 名合格选民中已有 5 人投票。"),
        "{}",
        chinese.body
    );
    assert!(chinese.body.contains("登录后投票"), "{}", chinese.body);
    assert!(
        chinese.body.contains(r#"href="/lang/en?back=%2Felections%2Ftsc%2Fe2""#),
        "{}",
        chinese.body
    );
    let english = common::call(
        &router,
        "GET",
        "/elections/tsc/e2",
        &[("accept-language", "fr, de")],
        "",
    )
    .await;
    assert!(english.body.contains(r#"<html lang="en">"#));
    assert!(english.body.contains("5 of 9 eligible voters have voted."));
    // The choice beats the browser, and survives sign-in.
    let mut visitor = Browser::new(router.clone());
    let switched = visitor.get("/lang/zh?back=/elections/tsc/e2").await;
    assert_eq!(switched.status, 303);
    assert_eq!(location(&switched), "/elections/tsc/e2");
    let cookie = switched.headers["set-cookie"].to_str().unwrap();
    assert!(
        cookie.starts_with("polity_lang=zh;") && cookie.contains("HttpOnly"),
        "{cookie}"
    );
    let page = visitor.get("/elections/tsc/e2").await;
    assert!(page.body.contains("投票进行中。"), "{}", page.body);
    assert_eq!(visitor.sign_in("chen", DEMO_PASSWORD).await.status, 303);
    let ballot = visitor.get("/elections/tsc/e2").await;
    assert!(ballot.body.contains("投出我的秘密选票"), "{}", ballot.body);
    // The engine's refusal in Chinese too: jun may not vote (E3).
    let mut jun = Browser::new(router.clone());
    let _ = jun.get("/lang/zh").await;
    assert_eq!(jun.sign_in("jun", DEMO_PASSWORD).await.status, 303);
    let refused = jun.get("/elections/tsc/e2").await;
    assert!(
        refused
            .body
            .contains("你不能在本次选举中投票： jun 不能在 tsc/e2 中投票：选民为该机构的成员"),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("只有合格选民才能投票"), "{}", refused.body);
    // A blank ballot without "abstain" is refused in the visitor's language, with what to do.
    let csrf = visitor.csrf("/elections/tsc/e2").await;
    let blank = visitor.post_form("/elections/tsc/e2/ballots", &[("csrf", &csrf)]).await;
    assert_eq!(blank.status, 403, "{}", blank.body);
    assert!(blank.body.contains("这张选票没有为任何候选人排序"), "{}", blank.body);
    assert!(blank.body.contains("明确选择弃权"), "{}", blank.body);
    // Off-site backs go home; an unknown language is refused.
    for back in ["//evil.example/", "https://evil.example/", "/\\evil.example"] {
        let answer = visitor.get(&format!("/lang/en?back={}", urlencode(back))).await;
        assert_eq!(location(&answer), "/", "{back}");
    }
    assert_eq!(visitor.get("/lang/fr").await.status, 404);
}

/// A login may be Chinese: 林梅 gets an account acting as Lin Mei and signs in with it.
#[tokio::test]
async fn a_chinese_login_signs_in() {
    let dir = tempfile::tempdir().unwrap();
    let (app, router) = demo(dir.path(), false).await;
    let account = polity_server::account_from(
        &app,
        polity_server::AccountRequest {
            login: "林梅".to_owned(),
            person: Some("lin".to_owned()),
            password: Some("a long enough password".to_owned()),
            github: None,
            admin: false,
        },
    )
    .await
    .expect("林梅 is a login");
    app.record.store.put_account(&account).await.unwrap();
    let mut lin = Browser::new(router);
    let _ = lin.get("/lang/zh").await;
    let signed = lin.sign_in("林梅", "a long enough password").await;
    assert_eq!(signed.status, 303, "{}", signed.body);
    let home = lin.get("/").await;
    assert!(home.body.contains("已登录为 林梅。"), "{}", home.body);
    // A look-alike of a Latin login is not a login.
    let lookalike = polity_server::account_from(
        &app,
        polity_server::AccountRequest {
            login: "\u{430}lice".to_owned(),
            person: None,
            password: Some("a long enough password".to_owned()),
            github: None,
            admin: false,
        },
    )
    .await;
    assert!(lookalike.is_err());
}

/// A deadline is a moment: the start of its date in the community's zone (Asia/Shanghai in the
/// example), with the UTC offset, and in the signed-in person's own zone when it differs (Emil
/// reads Europe/Prague time).
#[tokio::test]
async fn e1_deadlines_show_in_the_communitys_zone_and_the_viewers() {
    let dir = tempfile::tempdir().unwrap();
    let (_, router) = demo(dir.path(), false).await;
    let mut visitor = Browser::new(router.clone());
    let page = visitor.get("/elections/tsc/e2").await;
    assert!(
        page.body
            .contains("voting closes 2026-07-01 00:00 CST (UTC+08:00) (the last day to vote is 2026-06-30)"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("In your time zone"));
    let mut emil = signed_in(&router, "emil").await;
    let page = emil.get("/elections/tsc/e2").await;
    assert!(
        page.body.contains("In your time zone, Europe/Prague: nominations close 2026-06-23 18:00 CEST (UTC+02:00), voting closes 2026-06-30 18:00 CEST (UTC+02:00)."),
        "{}",
        page.body
    );
}

/// With `deadline-time: "18:00"` a deadline is 18:00 of its date in the community's zone: the
/// page says so (and in Emil's zone, 12:00 in Prague), the closing date is the last day to vote,
/// and at 17:00 of it a voter is still offered the ballot, at 18:00 told that voting has closed.
#[tokio::test]
async fn e1_deadlines_fall_at_the_constitutions_deadline_time() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<(String, String)> = common::demo_files()
        .into_iter()
        .map(|(path, content)| {
            let content = if path == "polity.yaml" {
                content.replace(
                    "time-zone: Asia/Shanghai",
                    "time-zone: Asia/Shanghai\ndeadline-time: \"18:00\"",
                )
            } else {
                content
            };
            (path, content)
        })
        .collect();
    let db = dir.path().join("seed.db");
    let app = common::open(&db, common::config()).await;
    polity_server::demo::seed(&app, files).await.expect("demo seeds");
    drop(app);
    let at = |hour: i8| common::Config {
        clock: polity_server::live::Clock::Fixed(jiff::civil::date(2026, 7, 1).at(hour, 0, 0, 0)),
        ..common::config()
    };
    let app = common::open(&db, at(17)).await;
    let router = polity_server::router(app.clone());
    let mut chen = signed_in(&router, "chen").await;
    let page = chen.get("/elections/tsc/e2").await;
    assert!(
        page.body
            .contains("voting closes 2026-07-01 18:00 CST (UTC+08:00) (the last day to vote is 2026-07-01)"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains(r#"action="/elections/tsc/e2/ballots""#),
        "{}",
        page.body
    );
    let mut emil = signed_in(&router, "emil").await;
    let page = emil.get("/elections/tsc/e2").await;
    assert!(
        page.body.contains("voting closes 2026-07-01 12:00 CEST (UTC+02:00)."),
        "{}",
        page.body
    );
    drop((router, app));
    let app = common::open(&db, at(18)).await;
    let router = polity_server::router(app.clone());
    let mut chen = signed_in(&router, "chen").await;
    let page = chen.get("/elections/tsc/e2").await;
    assert!(
        !page.body.contains(r#"action="/elections/tsc/e2/ballots""#),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("voting closed on 2026-07-01 18:00 Asia/Shanghai"),
        "{}",
        page.body
    );
}

/// D3: a motion's page offers each person only what `decide` accepts now: a member the vote,
/// the opener the close; someone outside the body is told why they cannot vote, and sees neither
/// form.
#[tokio::test]
async fn d3_a_motion_offers_only_the_acts_the_rules_allow() {
    let dir = tempfile::tempdir().unwrap();
    let (_, router) = demo(dir.path(), false).await;
    let mut jun = signed_in(&router, "jun").await;
    let page = jun.get("/motions/tsc/m1").await;
    assert!(page.body.contains("You cannot vote on this motion:"), "{}", page.body);
    assert!(
        !page.body.contains(r#"action="/motions/tsc/m1/votes""#),
        "{}",
        page.body
    );
    assert!(!page.body.contains(r#"action="/motions/tsc/m1/close""#));
    let mut emil = signed_in(&router, "emil").await;
    let page = emil.get("/motions/tsc/m1").await;
    assert!(page.body.contains(r#"action="/motions/tsc/m1/votes""#), "{}", page.body);
    assert!(
        !page.body.contains(r#"action="/motions/tsc/m1/close""#),
        "only its opener closes it"
    );
    let mut alice = signed_in(&router, "alice").await;
    let page = alice.get("/motions/tsc/m1").await;
    assert!(page.body.contains(r#"action="/motions/tsc/m1/close""#), "{}", page.body);
}

/// A body's page offers each act only when `decide` accepts it now, and lists the rest with
/// their rule and reason: a TSC member may open a motion there, someone outside may not and is
/// told why.
#[tokio::test]
async fn d3_e1_a_body_offers_only_the_acts_the_rules_allow() {
    let dir = tempfile::tempdir().unwrap();
    let (_, router) = demo(dir.path(), false).await;
    let mut alice = signed_in(&router, "alice").await;
    let page = alice.get("/bodies/tsc").await;
    assert!(page.body.contains(r#"action="/bodies/tsc/motions""#), "{}", page.body);
    assert!(page.body.contains(r#"action="/bodies/tsc/elections""#), "{}", page.body);
    let mut jun = signed_in(&router, "jun").await;
    let page = jun.get("/bodies/tsc").await;
    assert!(!page.body.contains(r#"action="/bodies/tsc/motions""#), "{}", page.body);
    let refused = &page.body[page
        .body
        .find("Why some acts are not offered here")
        .expect("the refusals are listed")..];
    assert!(refused.contains("Open a motion: jun"), "{refused}");
}

/// D5, D6: a meeting's page offers its acts by the same dry runs: a TSC member may add to the
/// agenda; someone outside the body may not, and the page says why.
#[tokio::test]
async fn d5_a_meeting_offers_only_the_acts_the_rules_allow() {
    let dir = tempfile::tempdir().unwrap();
    let (_, router) = demo(dir.path(), false).await;
    let mut alice = signed_in(&router, "alice").await;
    let page = alice.get("/meetings/tsc/mt1").await;
    assert!(
        page.body.contains(r#"action="/meetings/tsc/mt1/agenda""#),
        "{}",
        page.body
    );
    let mut jun = signed_in(&router, "jun").await;
    let page = jun.get("/meetings/tsc/mt1").await;
    assert!(
        !page.body.contains(r#"action="/meetings/tsc/mt1/agenda""#),
        "{}",
        page.body
    );
    let refused = &page.body[page
        .body
        .find("Why some acts are not offered here")
        .expect("the refusals are listed")..];
    assert!(refused.contains("Add to the agenda:"), "{refused}");
}

/// L1, E3 (issue 18): a commit synced into the record with a change no process made shows on
/// the body's page, marked, with its rule linked, in both languages.
#[tokio::test]
async fn e3_a_synced_commit_without_a_process_shows_on_the_body_page() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = seeded(dir.path(), &[]).await;
    let sources = {
        let live = app.record.live.read().await;
        live.state.sources.clone()
    };
    let files: Vec<polity_engine::SourceFile> = sources
        .into_iter()
        .map(|mut file| {
            if file.path == "bodies/tsc.yaml" {
                file.content = file.content.replace(
                    "holders:\n",
                    "holders:\n  - { person: kai, seat: co-chair, from: 2026-06-10, until: 2026-12-31 }\n",
                );
            }
            file
        })
        .collect();
    let command = polity_engine::Command::AmendRegistry(polity_engine::amend::AmendRegistry {
        commit: "0123456789abcdef0123456789abcdef01234567".to_owned(),
        author: "Bea Bot <bea@example.org>".to_owned(),
        date: "2026-06-10T12:00:00+00:00".to_owned(),
        subject: "Kai co-chairs <the TSC>".to_owned(),
        files,
        strict: false,
    });
    let context = polity_engine::Context::on("polity sync", jiff::civil::date(2026, 6, 10));
    app.record
        .act(command, polity_server::live::Extra::None, &context)
        .await
        .expect("the amendment is recorded");
    let router = polity_server::router(app.clone());
    let mut browser = Browser::new(router);
    let page = browser.get("/bodies/tsc").await.body;
    assert!(page.contains("Changes from the files"), "{page}");
    assert!(page.contains("<code>0123456789ab</code>"), "{page}");
    assert!(page.contains("Kai co-chairs &#60;the TSC&#62;"), "{page}");
    assert!(
        page.contains("kai holds the co-chair seat of tsc from 2026-06-10 until 2026-12-31</span> — <strong>no recorded process did it</strong> (<a href=\"/rules/E3\">E3</a>)"),
        "{page}"
    );
    let chinese = browser.get("/lang/zh?back=%2Fbodies%2Ftsc").await;
    assert_eq!(chinese.status, 303);
    let page = browser.get("/bodies/tsc").await.body;
    assert!(
        page.contains("来自文件的变更") && page.contains("没有已记录的流程完成它"),
        "{page}"
    );
}
