//! The rule catalog on the web: `/rules`, `/rules/{id}`, and every rule id on every page a link.

mod common;

use std::collections::{BTreeSet, VecDeque};

use common::{Browser, seeded};
use polity_model::RuleId;

#[tokio::test]
async fn rules_are_listed_and_each_explained_with_this_registry_s_values() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = seeded(dir.path(), &[]).await;
    let mut visitor = Browser::new(polity_server::router(app));
    let list = visitor.get("/rules").await;
    assert_eq!(list.status, 200);
    for id in RuleId::ALL {
        assert!(
            list.body.contains(&format!("<a href=\"/rules/{id}\">{id}</a>")),
            "{id} is not listed"
        );
        let page = visitor.get(&id.path()).await;
        assert_eq!(page.status, 200, "{id}");
        assert!(page.body.contains(&format!("<h1>{id}: ")), "{id}: {}", page.body);
    }
    let d3 = visitor.get("/rules/d3").await;
    assert!(
        d3.body
            .contains("valid if `&gt; 1/2 of members voted`, used by tsc <span class=\"hint\">(polity.yaml:"),
        "{}",
        d3.body
    );
    for unknown in [
        "/rules/D12",
        "/rules/%3Cscript%3E",
        "/rules/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    ] {
        assert_eq!(visitor.get(unknown).await.status, 404, "{unknown}");
    }
}

/// The words of a page's text outside links (tags and the content of `<a>…</a>` removed).
fn unlinked_words(html: &str) -> Vec<String> {
    let mut text = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        text.push(' ');
        let after = &rest[start..];
        let skip = if after.starts_with("<a ") || after.starts_with("<a>") {
            after.find("</a>").map_or(after.len(), |end| end + 4)
        } else if after.starts_with("<style") || after.starts_with("<title") {
            after.find("</").map_or(after.len(), |end| end)
        } else {
            after.find('>').map_or(after.len(), |end| end + 1)
        };
        rest = &after[skip..];
    }
    text.push_str(rest);
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Crawls every page of the demo reachable by links (and a refusal's page) and finds no rule id
/// that is not a link to its rule.
#[tokio::test]
async fn every_rule_id_on_every_page_links_to_its_rule() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = seeded(dir.path(), &[]).await;
    let router = polity_server::router(app);
    let mut member = Browser::new(router.clone());
    assert_eq!(
        member.sign_in("jun", polity_server::demo::DEMO_PASSWORD).await.status,
        303
    );
    let mut queue = VecDeque::from(["/".to_owned()]);
    let mut seen = BTreeSet::new();
    let mut ids_seen = 0;
    while let Some(path) = queue.pop_front() {
        if !seen.insert(path.clone()) || seen.len() > 400 {
            continue;
        }
        let page = member.get(&path).await;
        if page.status != 200 || !page.headers["content-type"].to_str().unwrap().starts_with("text/html") {
            continue;
        }
        ids_seen += page.body.matches("href=\"/rules/").count();
        // A rule's own page names it in its heading.
        let own = path.strip_prefix("/rules/").unwrap_or_default();
        for word in unlinked_words(&page.body).into_iter().filter(|word| word != own) {
            assert!(
                RuleId::ALL.iter().all(|id| id.as_str() != word),
                "{path}: rule id {word} is not a link"
            );
        }
        for link in page.body.split("href=\"").skip(1) {
            let target = &link[..link.find('"').unwrap_or(0)];
            if target.starts_with('/')
                && !target.starts_with("//")
                && !target.starts_with("/api")
                && !target.starts_with("/auth")
            {
                queue.push_back(target.replace("&amp;", "&"));
            }
        }
    }
    assert!(
        seen.len() > 10 && ids_seen > 0,
        "crawled {} pages, {ids_seen} rule links",
        seen.len()
    );
    // A refusal's page: the rule, and every rule its words name, are links.
    let csrf = member.csrf("/bodies/tsc").await;
    let refused = member
        .post_form(
            "/bodies/tsc/reports",
            &[("csrf", &csrf), ("link", "https://example.org/report")],
        )
        .await;
    assert_eq!(refused.status, 403, "{}", refused.body);
    assert!(
        refused.body.contains("<a href=\"/rules/L8\">L8</a>"),
        "{}",
        refused.body
    );
    for word in unlinked_words(&refused.body) {
        assert!(
            RuleId::parse(&word).is_none_or(|id| id.as_str() != word),
            "refusal: {word} is not a link"
        );
    }
}

/// The acts the catalog says a rule is enforced on are acts of the server's route table (or the
/// recording of the registry, which `polity init` makes).
#[test]
fn every_act_the_catalog_names_is_an_act() {
    let acts: Vec<&str> = polity_server::acts::ROUTES.iter().map(|route| route.name).collect();
    for rule in polity_model::rules::CATALOG {
        for enforced in rule.enforced {
            if let polity_model::rules::Enforced::Decide(name) = enforced {
                assert!(
                    acts.contains(name) || *name == "record-registry",
                    "{}: no act {name}",
                    rule.id
                );
            }
        }
    }
}

/// A body's page says whether its rules can be met by the people it has (`polity feasibility`),
/// each line with its rules linked.
#[tokio::test]
async fn s6_a_body_page_shows_whether_its_rules_can_be_met() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = seeded(dir.path(), &[]).await;
    let mut visitor = Browser::new(polity_server::router(app));
    let tsc = visitor.get("/bodies/tsc").await;
    assert_eq!(tsc.status, 200);
    assert!(
        tsc.body.contains("<h2 id=\"feasibility\">Can its rules be met?</h2>"),
        "{}",
        tsc.body
    );
    assert!(
        tsc.body
            .contains("<strong>Can be met</strong>: at most 1 seat(s) per organisation, "),
        "{}",
        tsc.body
    );
    assert!(
        tsc.body
            .contains("(<a href=\"/rules/S5\">S5</a>, <a href=\"/rules/S6\">S6</a>)")
    );
    let edge = visitor.get("/bodies/edge-inference").await;
    assert!(
        edge.body
            .contains("<strong>Warning</strong>: 5 liaison area(s); all 2 who could cover them are from intel"),
        "{}",
        edge.body
    );
}

/// An officer election counted by STV (the registry says `method: scottish-stv`) keeps its round
/// table in the record, and the election's page shows it.
#[tokio::test]
async fn e3_an_stv_election_shows_its_rounds() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("stv.db");
    let app = common::open(&db, common::config()).await;
    let files = common::demo_files()
        .into_iter()
        .map(|(path, content)| {
            let content = if path.ends_with("tsc.yaml") {
                content.replace("  consent: true\n", "  consent: true\n  method: scottish-stv\n")
            } else {
                content
            };
            (path, content)
        })
        .collect();
    polity_server::demo::seed(&app, files).await.expect("demo seeds");
    let mut visitor = Browser::new(polity_server::router(app));
    let page = visitor.get("/elections/tsc/e1").await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("<h3>Rounds of the count</h3>"), "{}", page.body);
    assert!(page.body.contains("Quota "), "{}", page.body);
    assert!(page.body.contains("Scottish STV"), "{}", page.body);
    assert!(page.body.contains("<th scope=\"col\">Round 0</th>"));
    assert!(page.body.contains(" elected</td>"), "{}", page.body);
    // The default method (Schulze) keeps no rounds.
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = seeded(dir.path(), &[]).await;
    let mut visitor = Browser::new(polity_server::router(app));
    let page = visitor.get("/elections/tsc/e1").await;
    assert!(!page.body.contains("Rounds of the count"));
}
