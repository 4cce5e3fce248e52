//! Notifications end to end: the demo record, an SMTP server and a webhook receiver of this test
//! on loopback, two servers over one database and a restart. Exactly the owed messages reach
//! exactly the owed people, once; webhooks are signed and carry no ballot.

mod common;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use polity_server::notify::{self, Mailer, Outbound};
use polity_store::EventLog as _;
use tokio::io::{AsyncBufReadExt as _, AsyncWriteExt as _, BufReader};

#[derive(Clone, Debug)]
struct Mail {
    to: String,
    data: String,
}

/// A minimal SMTP server (RFC 5321's commands lettre uses), keeping every message it accepts.
async fn smtp_server() -> (String, Arc<Mutex<Vec<Mail>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let received = Arc::new(Mutex::new(Vec::new()));
    let keep = received.clone();
    tokio::spawn(async move {
        loop {
            let Ok((socket, _)) = listener.accept().await else {
                return;
            };
            let keep = keep.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read);
                write.write_all(b"220 test ESMTP\r\n").await.unwrap();
                let mut to = Vec::new();
                let mut line = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                        return;
                    }
                    let command = line.trim_end().to_ascii_uppercase();
                    let reply: &[u8] = if command.starts_with("EHLO") || command.starts_with("HELO") {
                        b"250-test\r\n250 8BITMIME\r\n"
                    } else if command.starts_with("RCPT TO:") {
                        to.push(line.trim_end()[8..].trim_matches(['<', '>', ' ']).to_owned());
                        b"250 ok\r\n"
                    } else if command == "DATA" {
                        write.write_all(b"354 go on\r\n").await.unwrap();
                        let mut data = String::new();
                        loop {
                            let mut part = String::new();
                            if lines.read_line(&mut part).await.unwrap_or(0) == 0 {
                                return;
                            }
                            if part == ".\r\n" {
                                break;
                            }
                            data.push_str(&part);
                        }
                        for address in to.drain(..) {
                            keep.lock().unwrap().push(Mail {
                                to: address,
                                data: data.clone(),
                            });
                        }
                        b"250 queued\r\n"
                    } else if command == "QUIT" {
                        write.write_all(b"221 bye\r\n").await.unwrap();
                        return;
                    } else {
                        b"250 ok\r\n"
                    };
                    write.write_all(reply).await.unwrap();
                }
            });
        }
    });
    (format!("smtp://127.0.0.1:{port}"), received)
}

/// The demo registry, everyone with an address (Chen reading Chinese), and a webhook.
fn files(webhook: &str) -> Vec<(String, String)> {
    common::demo_files()
        .into_iter()
        .map(|(path, content)| {
            let content = match path.as_str() {
                "people.yaml" => {
                    let mut out = String::new();
                    for line in content.lines() {
                        if let Some(rest) = line.strip_prefix("- { id: ") {
                            let id = rest.split(',').next().unwrap();
                            let lang = if id == "chen" { "lang: zh, " } else { "" };
                            out.push_str(&format!(
                                "- {{ id: {id}, emails: [{id}@example.org], {lang}{}\n",
                                &rest[id.len() + 2..]
                            ));
                        } else {
                            out.push_str(line);
                            out.push('\n');
                        }
                    }
                    out
                }
                "polity.yaml" => format!(
                    "{content}\nwebhooks:\n  - {{ url: \"{webhook}\", secret-env: POLITY_TEST_WEBHOOK_SECRET }}\n"
                ),
                _ => content,
            };
            (path, content)
        })
        .collect()
}

#[derive(Clone, Debug)]
struct Hook {
    signature: String,
    delivery: String,
    body: String,
}

async fn webhook_receiver() -> (String, Arc<Mutex<Vec<Hook>>>) {
    use axum::routing::post;
    let received = Arc::new(Mutex::new(Vec::new()));
    let keep = received.clone();
    let router = axum::Router::new().route(
        "/hook",
        post(move |headers: axum::http::HeaderMap, body: String| {
            let keep = keep.clone();
            async move {
                let header = |name: &str| {
                    headers
                        .get(name)
                        .and_then(|value| value.to_str().ok())
                        .unwrap_or("")
                        .to_owned()
                };
                keep.lock().unwrap().push(Hook {
                    signature: header("x-polity-signature"),
                    delivery: header("x-polity-delivery"),
                    body,
                });
                "ok"
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    (format!("http://{address}/hook"), received)
}

const SECRET: &str = "test-secret-of-the-webhook";

fn outbound(smtp: &str) -> Outbound {
    let mailer = Mailer::new(smtp, "Governance <governance@example.org>", None).unwrap();
    Outbound::new(
        Some(mailer),
        Some("https://gov.example.org".to_owned()),
        BTreeMap::from([("POLITY_TEST_WEBHOOK_SECRET".to_owned(), SECRET.to_owned())]),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exactly_the_owed_messages_reach_exactly_the_owed_people_once_across_two_servers_and_a_restart() {
    let (smtp, mails) = smtp_server().await;
    let (hook_url, hooks) = webhook_receiver().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("record.db");
    let first = common::open(&db, common::config()).await;
    polity_server::demo::seed(&first, files(&hook_url)).await.unwrap();
    let second = common::open(&db, common::config()).await;

    // What is owed, computed on its own from the state.
    let expected = {
        let live = first.record.live.read().await;
        polity_notify::owed(
            &live.state,
            first.today(),
            &polity_notify::Options {
                base_url: Some("https://gov.example.org".to_owned()),
                ..polity_notify::Options::default()
            },
        )
    };
    assert!(expected.len() >= 10, "{expected:?}");
    let mut expected_mail: Vec<(String, String)> = expected
        .iter()
        .map(|notice| (notice.address.clone().unwrap(), notice.key.clone()))
        .collect();
    expected_mail.sort();

    // Two servers, each with its own sender, at the same time. A webhook is told what happens
    // from the moment it is first seen, not the record's history.
    let (one, two) = (outbound(&smtp), outbound(&smtp));
    let (a, b) = tokio::join!(notify::pass(&first, &one), notify::pass(&second, &two));
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.failed + b.failed, 0);
    assert_eq!(a.sent + b.sent, expected.len());
    assert!(hooks.lock().unwrap().is_empty(), "the history was posted");

    // Acts through either server: a ballot and a vote on the motion.
    let (command, secret) =
        polity_server::live::new_ballot("tsc/e2", vec![vec!["chen".to_owned()]], false, None).unwrap();
    let on = |actor: &str| polity_engine::Context::on(actor.to_owned(), common::config().clock.today());
    first
        .record
        .act(
            command,
            polity_server::live::Extra::Ballot(secret.clone()),
            &on("alice"),
        )
        .await
        .unwrap();
    second
        .record
        .act(
            polity_engine::Command::Vote(polity_engine::command::Vote {
                motion: "tsc/m1".into(),
                choice: polity_count::motion::Choice::Yes,
                on_behalf_of: None,
                capacity: None,
            }),
            polity_server::live::Extra::None,
            &on("emil"),
        )
        .await
        .unwrap();
    let (a, b) = tokio::join!(notify::pass(&first, &one), notify::pass(&second, &two));
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.failed + b.failed, 0);
    assert_eq!(a.sent + b.sent, 2, "one post per new act");

    // A restart: a new server over the same database sends nothing again.
    drop(second);
    let restarted = common::open(&db, common::config()).await;
    let three = outbound(&smtp);
    let c = notify::pass(&restarted, &three).await.unwrap();
    assert_eq!(c.sent, 0, "a restart sent again");

    let mails = mails.lock().unwrap().clone();
    let rows = restarted.record.store.outbox(10_000).await.unwrap();
    let mut got: Vec<String> = mails.iter().map(|mail| mail.to.clone()).collect();
    got.sort();
    let mut want: Vec<String> = expected_mail.iter().map(|(address, _)| address.clone()).collect();
    want.sort();
    assert_eq!(got, want, "each person gets exactly their messages");
    assert_eq!(mails.len(), expected.len());
    // Every owed key was sent once (the outbox says so), and the voters were asked to vote.
    for notice in &expected {
        let row = rows.iter().find(|row| row.message.key == notice.key).unwrap();
        assert!(row.sent.is_some(), "{} not sent", notice.key);
    }
    assert!(expected.iter().any(|notice| notice.key == "voting-open/tsc/e2/ivan"));
    // Chen reads Chinese (the subject is encoded in the header; the body is UTF-8 text).
    let chen = mails.iter().find(|mail| mail.to == "chen@example.org").unwrap();
    assert!(
        chen.data.contains("Content-Type: multipart/alternative"),
        "{}",
        chen.data
    );
    assert!(chen.data.contains("text/html"), "{}", chen.data);

    // Webhooks: one signed POST per act since the webhook was seen, none twice, no receipt or
    // ballot in any.
    let hooks = hooks.lock().unwrap().clone();
    assert_eq!(hooks.len(), 2, "{hooks:?}");
    let mut deliveries: Vec<&str> = hooks.iter().map(|hook| hook.delivery.as_str()).collect();
    deliveries.sort();
    deliveries.dedup();
    assert_eq!(deliveries.len(), hooks.len(), "a webhook posted twice");
    let receipts: Vec<String> = restarted
        .record
        .store
        .ballots("tsc/e2")
        .await
        .unwrap()
        .into_iter()
        .map(|(receipt, _)| receipt)
        .collect();
    assert!(!receipts.is_empty());
    for hook in &hooks {
        assert_eq!(hook.signature, notify::signature(SECRET, &hook.body));
        assert_ne!(hook.signature, notify::signature("another secret", &hook.body));
        for receipt in &receipts {
            assert!(!hook.body.contains(receipt.as_str()), "a receipt in {}", hook.body);
        }
        assert!(!hook.body.contains(&secret.content), "the ballot in {}", hook.body);
        let json: serde_json::Value = serde_json::from_str(&hook.body).unwrap();
        assert!(json["summary"].as_str().unwrap().ends_with('.'), "{json}");
    }
    assert!(
        hooks
            .iter()
            .any(|hook| hook.body.contains("Alice Example voted in election tsc/e2."))
    );
    assert!(
        hooks
            .iter()
            .any(|hook| hook.body.contains("Emil Novak voted on motion tsc/m1."))
    );
}

#[test]
fn an_smtp_url_that_would_send_in_the_clear_is_refused() {
    let refused = Mailer::new("smtp://mail.example.org:25", "gov@example.org", None).unwrap_err();
    assert!(refused.to_string().contains("smtps://mail.example.org"), "{refused}");
    let refused = Mailer::new("smtps://user:secret@mail.example.org", "gov@example.org", None).unwrap_err();
    assert!(refused.to_string().contains("POLITY_SMTP_PASSWORD"), "{refused}");
    assert!(Mailer::new("smtps://mail.example.org", "not an address", None).is_err());
    assert!(Mailer::new("smtps://mail.example.org", "gov@example.org", None).is_ok());
    assert!(Mailer::new("smtp://mail.example.org?tls=required", "gov@example.org", None).is_ok());
}
