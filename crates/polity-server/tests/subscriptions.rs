//! Calendars and feeds people subscribe to: a body's and a person's calendar, the record's and a
//! body's Atom feed, in words, escaped, without a ballot.

mod common;

use polity_store::EventLog as _;

#[tokio::test]
async fn d6_e1_a_body_calendar_has_its_elections_meetings_and_obligations() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = common::seeded(dir.path(), &[]).await;
    let router = polity_server::router(app);
    let answer = common::call(&router, "GET", "/calendar/tsc.ics", &[], "").await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.headers["content-type"], "text/calendar; charset=utf-8");
    let text = &answer.body;
    assert!(
        text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"),
        "{text}"
    );
    assert_eq!(text.matches("BEGIN:VEVENT").count(), text.matches("END:VEVENT").count());
    assert!(text.contains("SUMMARY:Voting closes: tsc chair election"), "{text}");
    assert!(text.contains("SUMMARY:Meeting of tsc"), "{text}");
    assert!(text.contains("DTSTART;VALUE=DATE:20260625"), "{text}");
    // The community's zone (Asia/Shanghai in the example) is named, and a deadline is the moment
    // its date begins there: voting closes 2026-07-01 00:00 CST, 2026-06-30 16:00 UTC.
    assert!(text.contains("X-WR-TIMEZONE:Asia/Shanghai\r\n"), "{text}");
    let voting = text
        .split("BEGIN:VEVENT")
        .find(|event| event.contains("Voting closes"))
        .unwrap();
    assert!(
        voting.contains("DTSTART:20260630T160000Z\r\n") && !voting.contains("DTEND"),
        "{voting}"
    );
    assert!(text.contains("URL:/elections/tsc/e2"), "{text}");
    // Every line ends in CRLF and none is longer than 75 octets.
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{line:?}");
    }
    for (uri, hint) in [
        ("/calendar/nowhere.ics", "there is no body"),
        ("/calendar/tsc", "ask for /calendar/BODY.ics"),
        ("/calendar/people/nobody.ics", "there is no person"),
    ] {
        let answer = common::call(&router, "GET", uri, &[], "").await;
        assert_eq!(answer.status, 404, "{uri}");
        assert!(answer.body.contains(hint), "{uri}: {}", answer.body);
    }
}

#[tokio::test]
async fn e1_a_person_calendar_has_the_elections_they_vote_in() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = common::seeded(dir.path(), &[]).await;
    let router = polity_server::router(app);
    // Ivan is a TSC member: the open chair election and the meeting are his.
    let ivan = common::call(&router, "GET", "/calendar/people/ivan.ics", &[], "").await;
    assert_eq!(ivan.status, 200);
    assert!(ivan.body.contains("Voting closes: tsc chair election"), "{}", ivan.body);
    assert!(ivan.body.contains("Meeting of tsc"), "{}", ivan.body);
    // Kai is no TSC member: neither is his.
    let kai = common::call(&router, "GET", "/calendar/people/kai.ics", &[], "").await;
    assert_eq!(kai.status, 200);
    assert!(!kai.body.contains("tsc chair election"), "{}", kai.body);
    assert!(!kai.body.contains("Meeting of tsc"), "{}", kai.body);
}

#[tokio::test]
async fn t1_the_feeds_say_the_record_in_words_escaped_and_without_ballots() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = common::seeded(dir.path(), &[]).await;
    // A member's title with markup.
    app.record
        .act(
            polity_engine::Command::motion("tsc", "<script>alert(1)</script> & friends"),
            polity_server::live::Extra::None,
            &polity_engine::Context::on("alice", polity_server::demo::DEMO_TODAY),
        )
        .await
        .unwrap();
    let receipts: Vec<String> = app
        .record
        .store
        .ballots("tsc/e1")
        .await
        .unwrap()
        .into_iter()
        .map(|(receipt, _)| receipt)
        .collect();
    let router = polity_server::router(app);
    let feed = common::call(&router, "GET", "/feed.atom", &[], "").await;
    assert_eq!(feed.status, 200);
    assert_eq!(feed.headers["content-type"], "application/atom+xml; charset=utf-8");
    let text = &feed.body;
    assert!(
        text.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">")
    );
    assert!(text.ends_with("</feed>\n"));
    assert!(text.matches("<entry>").count() <= 50);
    assert!(text.contains("closed election tsc/e1: elected"), "{text}");
    assert!(
        text.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; friends"),
        "{text}"
    );
    assert!(!text.contains("<script>"));
    assert!(!receipts.is_empty());
    for receipt in &receipts {
        assert!(!text.contains(receipt.as_str()), "a receipt in the feed");
    }
    // Newest first: the motion just opened leads.
    let first = text.find("<entry>").unwrap();
    assert!(
        text[first..].starts_with("<entry>\n    <title>Alice Example opened the motion"),
        "{}",
        &text[first..first + 200]
    );

    let body = common::call(&router, "GET", "/bodies/tsc/feed.atom", &[], "").await;
    assert_eq!(body.status, 200);
    assert!(
        body.body.contains("Technical Steering Committee</title>"),
        "{}",
        &body.body[..300]
    );
    assert!(body.body.contains("<id>urn:polity:feed:/bodies/tsc/feed.atom</id>"));
    let missing = common::call(&router, "GET", "/bodies/nowhere/feed.atom", &[], "").await;
    assert_eq!(missing.status, 404);
    // In Chinese, by `?lang=zh` (a feed reader sends no Accept-Language) or by the browser's
    // wish: the same entries with the same ids, said in Chinese, the feed tagged zh-Hans.
    let chinese = common::call(&router, "GET", "/feed.atom?lang=zh", &[], "").await;
    assert_eq!(chinese.status, 200);
    let said = &chinese.body;
    assert!(
        said.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-Hans\">"),
        "{said}"
    );
    assert!(said.contains("：治理记录</title>"), "{said}");
    assert!(
        said.contains("（记录中的第 ") || said.contains("(记录中的第 "),
        "{said}"
    );
    assert!(
        said.contains("<link rel=\"self\" href=\"/feed.atom?lang=zh\"/>"),
        "{said}"
    );
    assert!(!said.contains("opened the motion"), "{said}");
    assert!(
        said.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; friends"),
        "{said}"
    );
    let ids = |feed: &str| -> Vec<String> {
        feed.lines()
            .filter(|line| line.trim_start().starts_with("<id>"))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(ids(said), ids(text), "the same entries, whatever the language");
    let asked = common::call(
        &router,
        "GET",
        "/bodies/tsc/feed.atom",
        &[("accept-language", "zh-CN")],
        "",
    )
    .await;
    assert!(asked.body.contains("xml:lang=\"zh-Hans\""), "{}", &asked.body[..300]);
    let odd = common::call(&router, "GET", "/feed.atom?lang=%3Cscript%3E", &[], "").await;
    assert_eq!(odd.status, 200, "an unknown language is English, never an error");
    assert!(!odd.body.contains("xml:lang"));
}
