//! The language of each request of the web UI (the words are `polity_i18n`'s catalogs), the
//! time zones a page shows deadlines in, and how names sort.
//!
//! A request's language is, first to last: the visitor's own choice (the `polity_lang` cookie,
//! set by the language switch on every page, `/lang/{en|zh}`), the signed-in person's `lang:` in
//! people.yaml, the browser's `Accept-Language`, English. A message missing from a catalog shows
//! as `⟦key⟧` (never silently in the other language), and a test fails when a message exists in
//! one catalog only.

use axum::extract::Request;
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::Response;
pub use polity_i18n::{Lang, keys, lookup, text};

/// The cookie that keeps a visitor's choice of language (`en` or `zh`).
pub const COOKIE: &str = "polity_lang";

/// The time zones a page shows deadlines in: the community's, and the viewer's own when it
/// differs (`time-zone:` of the signed-in person in people.yaml).
#[derive(Clone, Debug)]
pub struct Zones {
    pub community_name: Option<String>,
    pub community: jiff::tz::TimeZone,
    pub viewer: Option<(String, jiff::tz::TimeZone)>,
    /// The time of day deadlines fall at (the constitution's `deadline-time:`; midnight).
    pub deadline_time: jiff::civil::Time,
}

impl Zones {
    /// The community's zone (`(None, UTC)` by default) and the viewer's, if any and different.
    pub fn new(community: (Option<String>, jiff::tz::TimeZone), viewer: Option<&str>) -> Zones {
        let viewer = viewer
            .and_then(|name| polity_model::time_zone(name).ok())
            .filter(|(name, _)| Some(name.as_str()) != community.0.as_deref().or(Some("UTC")));
        Zones {
            community_name: community.0,
            community: community.1,
            viewer,
            deadline_time: jiff::civil::Time::midnight(),
        }
    }

    /// The same zones, with deadlines falling at `time` of their date (the constitution's
    /// `deadline-time:`).
    pub fn falling_at(mut self, time: jiff::civil::Time) -> Zones {
        self.deadline_time = time;
        self
    }

    /// The moment a deadline falls in the community's zone: its date at the constitution's
    /// `deadline-time` (midnight: the moment the date begins), `2026-07-01 00:00 CST (UTC+08:00)`.
    pub fn moment(&self, date: jiff::civil::Date) -> String {
        let zoned = polity_model::deadline_moment(date, self.deadline_time, &self.community);
        shown(&zoned, self.community_name.as_deref())
    }

    /// The same moment in the viewer's zone, with the zone's name, when the viewer has another.
    pub fn yours(&self, date: jiff::civil::Date) -> Option<(String, String)> {
        let (name, zone) = self.viewer.as_ref()?;
        let zoned =
            polity_model::deadline_moment(date, self.deadline_time, &self.community).with_time_zone(zone.clone());
        Some((name.clone(), shown(&zoned, Some(name))))
    }
}

/// `2026-07-01 00:00 CST (UTC+08:00)`: the zone's abbreviation where it has one, else its name.
fn shown(zoned: &jiff::Zoned, name: Option<&str>) -> String {
    let abbreviation = zoned.strftime("%Z").to_string();
    let label = match name {
        Some("AoE") => "AoE".to_owned(),
        _ if abbreviation.starts_with(['+', '-']) || abbreviation.is_empty() => name.unwrap_or("UTC").to_owned(),
        _ => abbreviation,
    };
    format!(
        "{} {label} (UTC{})",
        zoned.strftime("%Y-%m-%d %H:%M"),
        zoned.strftime("%:z")
    )
}

/// A body's contribution chart (C3) in `lang`: `polity_contrib::health_svg_in` with the catalog's
/// words (heading, subtitle, months, axis, legend). The body page and `polity stats health
/// --format svg` both draw it this way.
pub fn health_svg(
    lang: Lang,
    title: &str,
    figures: &polity_contrib::Health,
    name_of: &dyn Fn(&str) -> String,
) -> String {
    let heading = |title: &str| text(lang, "chart-heading", &[("title", title)]);
    let subtitle = |from: jiff::civil::Date, last: jiff::civil::Date, contributions: u64, basis: &str| {
        text(
            lang,
            "chart-subtitle",
            &[
                ("from", &from.to_string()),
                ("last", &last.to_string()),
                ("contributions", &contributions.to_string()),
                ("basis", &text(lang, &format!("chart-basis-{basis}"), &[])),
            ],
        )
    };
    let others = |count: usize| text(lang, "chart-others", &[("count", &count.to_string())]);
    let months: Vec<String> = (1..=12)
        .map(|month| text(lang, &format!("chart-month-{month}"), &[]))
        .collect();
    let (unit, unknown, empty) = (
        text(lang, "chart-unit", &[]),
        text(lang, "chart-unknown", &[]),
        text(lang, "chart-empty", &[]),
    );
    let words = polity_contrib::ChartWords {
        heading: &heading,
        subtitle: &subtitle,
        others: &others,
        months: std::array::from_fn(|index| months[index].as_str()),
        unit: &unit,
        unknown: &unknown,
        empty: &empty,
    };
    polity_contrib::health_svg_in(title, figures, name_of, &words)
}

/// The key people's names sort by: Chinese characters by their pinyin (then tone), everything
/// else by its lower case, so 林梅 sorts with Lin Mei under L, as Chinese collation does.
pub fn collation_key(name: &str) -> String {
    use pinyin::ToPinyin;
    let mut key = String::with_capacity(name.len() * 2);
    for c in name.chars() {
        match c.to_pinyin() {
            Some(pinyin) => {
                key.push_str(pinyin.plain());
                key.push_str(&pinyin.with_tone_num_end()[pinyin.plain().len()..]);
                key.push(' ');
            }
            None => key.extend(c.to_lowercase()),
        }
    }
    key
}

/// What the request says about its language: the visitor's choice and the browser's wish, and
/// the path to come back to after switching.
#[derive(Clone, Debug, Default)]
pub struct Asked {
    pub chosen: Option<Lang>,
    pub accepted: Option<Lang>,
    /// The request's path and query, when `web::local_path` accepts it.
    pub path: String,
}

tokio::task_local! {
    static ASKED: Asked;
}

/// The language the request asked for, as the middleware saw it (outside a request: nothing).
pub fn asked() -> Asked {
    ASKED.try_with(Clone::clone).unwrap_or_default()
}

/// The language of a page: the visitor's choice, else the person's, else the browser's, else
/// English.
pub fn choose(asked: &Asked, person: Option<Lang>) -> Lang {
    asked.chosen.or(person).or(asked.accepted).unwrap_or_default()
}

/// Middleware: reads the language cookie and `Accept-Language` once per request, for `asked`.
pub async fn remember(request: Request, next: Next) -> Response {
    let headers = request.headers();
    let path = request
        .uri()
        .path_and_query()
        .map(|path| path.as_str())
        .and_then(crate::web::local_path)
        .unwrap_or_else(|| "/".to_owned());
    let asked = Asked {
        chosen: cookie(headers),
        accepted: accept_language(headers),
        path,
    };
    ASKED.scope(asked, next.run(request)).await
}

fn cookie(headers: &HeaderMap) -> Option<Lang> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .and_then(|(_, value)| Lang::parse(value))
}

/// The best language of `Accept-Language` that polity speaks (by q-value, then order); a
/// malformed entry is skipped.
pub fn accept_language(headers: &HeaderMap) -> Option<Lang> {
    let value = headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    let mut best: Option<(u32, Lang)> = None;
    for entry in value.split(',').take(32) {
        let mut parts = entry.split(';');
        let Some(lang) = parts.next().and_then(Lang::parse) else {
            continue;
        };
        let quality = parts
            .find_map(|part| part.trim().strip_prefix("q="))
            .map_or(Some(1000), |q| {
                q.trim()
                    .parse::<f32>()
                    .ok()
                    .filter(|q| (0.0..=1.0).contains(q))
                    .map(|q| (q * 1000.0) as u32)
            });
        let Some(quality) = quality.filter(|q| *q > 0) else {
            continue;
        };
        if best.is_none_or(|(seen, _)| quality > seen) {
            best = Some((quality, lang));
        }
    }
    best.map(|(_, lang)| lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Chinese names sort by pinyin among Latin ones: 陈伟 (chen) before Dana, 林梅 (lin) after Kai.
    #[test]
    fn names_sort_by_pinyin_and_letters() {
        let mut names = vec!["林梅", "Dana Li", "陈伟", "Kai Lund", "alice"];
        names.sort_by_key(|name| collation_key(name));
        assert_eq!(names, ["alice", "陈伟", "Dana Li", "Kai Lund", "林梅"]);
    }

    /// A deadline is shown as the moment it begins in the community's zone, with the offset of
    /// that day (DST included), and in the viewer's zone when it differs.
    #[test]
    fn deadlines_are_moments_in_the_communitys_zone_and_the_viewers() {
        let july = jiff::civil::date(2026, 7, 1);
        let zones = |community: &str, viewer: Option<&str>| {
            let (name, zone) = polity_model::time_zone(community).unwrap();
            Zones::new((Some(name), zone), viewer)
        };
        let shanghai = zones("Asia/Shanghai", Some("Europe/Berlin"));
        assert_eq!(shanghai.moment(july), "2026-07-01 00:00 CST (UTC+08:00)");
        assert_eq!(
            shanghai.yours(july),
            Some((
                "Europe/Berlin".to_owned(),
                "2026-06-30 18:00 CEST (UTC+02:00)".to_owned()
            ))
        );
        // Winter in Berlin: one hour less.
        assert_eq!(
            shanghai.yours(jiff::civil::date(2026, 12, 1)).unwrap().1,
            "2026-11-30 17:00 CET (UTC+01:00)"
        );
        assert_eq!(zones("AoE", None).moment(july), "2026-07-01 00:00 AoE (UTC-12:00)");
        assert_eq!(
            zones("UTC", Some("UTC")).yours(july),
            None,
            "the same zone is not repeated"
        );
        let utc = Zones::new((None, jiff::tz::TimeZone::UTC), Some("Asia/Kolkata"));
        assert_eq!(utc.moment(july), "2026-07-01 00:00 UTC (UTC+00:00)");
        assert_eq!(utc.yours(july).unwrap().1, "2026-07-01 05:30 IST (UTC+05:30)");
    }

    /// Every refusal the engine gives a message id (`.said("KEY", …)`, `refusal("KEY", …)`) has `refusal-KEY` and
    /// `refusal-KEY-hint` in both catalogs.
    #[test]
    fn every_refusal_with_words_is_in_both_catalogs() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../polity-engine/src");
        let mut calls: Vec<(String, Vec<String>)> = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let source = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            // `limits::refuse("KEY", field, …)` adds the field's name and id itself.
            for call in [".said(", "refusal(", "refuse("] {
                for (at, _) in source.match_indices(call) {
                    let rest = source[at + call.len()..].trim_start();
                    if let Some(quoted) = rest.strip_prefix('"') {
                        let key = quoted[..quoted.find('"').unwrap()].to_owned();
                        let mut names = value_names(quoted);
                        if call == "refuse(" {
                            names.extend(["field".to_owned(), "fieldkey".to_owned()]);
                        }
                        calls.push((key, names));
                    }
                }
            }
        }
        assert!(calls.len() >= 40, "the engine's message ids are found: {calls:?}");
        for (key, names) in calls {
            let values: Vec<(&str, &str)> = names.iter().map(|name| (name.as_str(), "x")).collect();
            for id in [format!("refusal-{key}"), format!("refusal-{key}-hint")] {
                for lang in [Lang::En, Lang::Zh] {
                    assert!(
                        polity_i18n::lookup(lang, &id, &values).is_some(),
                        "{id} is missing from the {lang:?} catalog or needs a value the engine does not give ({names:?})"
                    );
                }
            }
        }
    }

    /// Every obligation of every example, over three years, is said in English word for word as
    /// its summary, and in Chinese in Chinese words (a value the message lacks would show as
    /// `⟦key⟧`).
    #[test]
    fn l8_e1_every_obligation_is_said_in_both_languages() {
        let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
        let mut keys = std::collections::BTreeSet::new();
        for example in [
            "cfn-working-group",
            "dask-leadership",
            "openstack-projects",
            "paddle-sigs",
        ] {
            let loaded = polity_registry::load(&examples.join(example)).unwrap();
            let at = jiff::civil::date(2026, 1, 1);
            let within = polity_model::Period::new(3, polity_model::PeriodUnit::Years);
            for obligation in polity_model::due(&loaded.polity, at, within) {
                assert_eq!(polity_i18n::words(Lang::En, &obligation.words), obligation.summary);
                let chinese = polity_i18n::words(Lang::Zh, &obligation.words);
                assert!(!chinese.contains('⟦') && !chinese.is_ascii(), "{chinese}");
                for word in ["weeks", "months", "chair", "seat(s)"] {
                    assert!(!chinese.contains(word), "{word} untranslated in {chinese}");
                }
                keys.insert(obligation.words.key);
            }
        }
        assert!(keys.len() >= 8, "the examples have most kinds of obligation: {keys:?}");
    }

    /// Every finding `check` says in words (`.said("KEY", …)` in polity-model's checks) has
    /// `finding-KEY` and `finding-KEY-hint` in both catalogs, formatting with the values given.
    #[test]
    fn every_finding_with_words_is_in_both_catalogs() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../polity-model/src/check");
        let mut calls = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let source = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for (at, _) in source.match_indices(".said(") {
                let Some(quoted) = source[at + 6..].trim_start().strip_prefix('"') else {
                    continue;
                };
                let key = &quoted[..quoted.find('"').unwrap()];
                let after = quoted[key.len() + 1..]
                    .trim_start()
                    .strip_prefix(',')
                    .unwrap_or_default();
                calls += 1;
                for id in [format!("finding-{key}"), format!("finding-{key}-hint")] {
                    for lang in [Lang::En, Lang::Zh] {
                        assert!(polity_i18n::has(lang, &id), "{id} is missing from the {lang:?} catalog");
                        // A literal list of values: the messages format with exactly those.
                        if after.trim_start().starts_with("&[") {
                            let names = value_names(after);
                            let values: Vec<(&str, &str)> = names.iter().map(|name| (name.as_str(), "x")).collect();
                            assert!(
                                polity_i18n::lookup(lang, &id, &values).is_some(),
                                "{id} needs a value the check does not give ({names:?})"
                            );
                        }
                    }
                }
            }
        }
        assert!(calls >= 40, "the checks' message ids are found: {calls}");
    }

    /// Every finding of every example and its broken twin, at two dates, reads in English word
    /// for word as `check` has always said it, and in Chinese without a missing value.
    #[test]
    fn every_finding_of_the_examples_reads_in_both_languages() {
        let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
        let mut said = 0;
        for entry in std::fs::read_dir(&examples).unwrap() {
            let loaded = polity_registry::load(&entry.unwrap().path()).unwrap();
            for at in [jiff::civil::date(2026, 6, 1), jiff::civil::date(2028, 1, 1)] {
                for finding in polity_registry::findings(&loaded, at) {
                    let Some(words) = &finding.words else { continue };
                    let say = |lang, suffix: &str| {
                        polity_i18n::text_owned(lang, &format!("finding-{}{suffix}", words.key), &words.args)
                    };
                    assert_eq!(say(Lang::En, ""), finding.message);
                    assert_eq!(say(Lang::En, "-hint"), finding.hint);
                    for chinese in [say(Lang::Zh, ""), say(Lang::Zh, "-hint")] {
                        assert!(!chinese.contains('⟦') && !chinese.is_ascii(), "{chinese}");
                    }
                    said += 1;
                }
            }
        }
        assert!(said >= 20, "the examples have findings in words: {said}");
    }

    /// R-SYNTAX, R-SCHEMA, R-VALUE: every problem of reading a registry's files (a typo'd key,
    /// an unknown or missing key, a wrong type, YAML that is not YAML, and each kind of value that
    /// is not what its key takes) reads in English word for word as `check` has always said it,
    /// and in Chinese without a missing value; the count of findings a broken file hides is said
    /// in both.
    #[test]
    fn r_syntax_r_schema_r_value_every_registry_problem_reads_in_both_languages() {
        let constitution = |extra: &str| format!("name: T\n{extra}");
        let body = |extra: &str| format!("id: wg\nkind: working-group\nname: WG\nparent: toc\n{extra}");
        let toc = "id: toc\nkind: oversight-committee\nname: TOC\n";
        let cases: Vec<Vec<(&str, String)>> = vec![
            vec![("polity.yaml", constitution("time-zon: UTC\n"))],
            vec![("polity.yaml", constitution("zzzzqqqq: 1\n"))],
            vec![("polity.yaml", "name: T\n\tfoo: 1\n".to_owned())],
            vec![("polity.yaml", constitution("term-limit: abc\n"))],
            vec![
                ("polity.yaml", constitution("")),
                ("people.yaml", "- { name: Ann }\n".to_owned()),
                (
                    "bodies/toc.yaml",
                    format!("{toc}holders:\n  - {{ person: ann, seat: member, from: 2026-01-01 }}\n"),
                ),
            ],
            vec![(
                "polity.yaml",
                constitution(
                    "time-zone: Mars/Base\ndeadline-time: \"25:00\"\nbots: [a]\n\
                     webhooks:\n  - { url: \"ftp://x\", secret-env: X }\n  - { url: \"https://x.example\", secret-env: \"lower case\" }\n\
                     elections: { nomination: 2 fortnights, voting: 1 week }\n\
                     decision-rules:\n  r: { passes: \"most of them\" }\n",
                ),
            )],
            vec![
                ("polity.yaml", constitution("")),
                (
                    "people.yaml",
                    "- id: ann\n  name: Ann\n  lang: fr\n  mute: [vote-reminder, voting-open]\n  \
                     affiliations: [{ org: acme, from: 2026-01-01, until: 2025-01-01 }]\n  \
                     identities: [{ email: a@x.example, name: Ann }]\n  time-zone: Nowhere/Land\n"
                        .to_owned(),
                ),
                ("organisations.yaml", "- { id: acme, name: Acme }\n".to_owned()),
            ],
            vec![
                ("polity.yaml", constitution("")),
                ("people.yaml", "- { id: ann, name: Ann }\n".to_owned()),
                ("bodies/toc.yaml", toc.to_owned()),
                (
                    "bodies/wg.yaml",
                    body(
                        "seats: { min: 5, max: 3 }\nofficers: { chair: \"x..y\" }\n\
                         elections: { method: bogus, compat: loose }\n\
                         holders:\n  - { person: ann, seat: member, from: 2026-02-01, until: 2026-01-01 }\n\
                         reports:\n  - { on: 2026-13-01, kind: quarterly }\n  - { on: 2026-03-01, kind: quarterly, link: \"javascript:x\" }\n\
                         final-say: {}\n",
                    ),
                ),
            ],
        ];
        let mut keys = std::collections::BTreeSet::new();
        for files in cases {
            let sources: Vec<(String, String)> = files
                .iter()
                .map(|(path, content)| ((*path).to_owned(), content.clone()))
                .collect();
            let loaded = polity_registry::load_sources(&sources);
            for finding in polity_registry::findings(&loaded, jiff::civil::date(2026, 6, 1)) {
                if !matches!(
                    finding.rule,
                    polity_model::RuleId::RSyntax | polity_model::RuleId::RSchema | polity_model::RuleId::RValue
                ) {
                    continue;
                }
                let words = finding
                    .words
                    .as_ref()
                    .unwrap_or_else(|| panic!("{} has no words: {}", finding.rule, finding.message));
                let say = |lang, suffix: &str| {
                    polity_i18n::text_owned(lang, &format!("finding-{}{suffix}", words.key), &words.args)
                };
                assert_eq!(say(Lang::En, ""), finding.message);
                assert_eq!(say(Lang::En, "-hint"), finding.hint);
                for chinese in [say(Lang::Zh, ""), say(Lang::Zh, "-hint")] {
                    assert!(!chinese.contains('⟦') && !chinese.is_ascii(), "{chinese}");
                }
                keys.insert(words.key);
            }
        }
        let expected = [
            "unknown-key-near",
            "unknown-key",
            "syntax",
            "schema-other",
            "missing-key",
            "value-zone",
            "value-deadline-time",
            "value-bot-pattern",
            "value-webhook-url",
            "value-webhook-secret",
            "value-period",
            "value-threshold",
            "value-lang",
            "value-notice-kind",
            "value-notice-required",
            "value-affiliation-order",
            "value-identity",
            "value-seats-range",
            "value-count",
            "value-method",
            "value-compat",
            "value-term-order",
            "value-date",
            "value-report-link",
            "value-final-say",
        ];
        let missing: Vec<&&str> = expected.iter().filter(|key| !keys.contains(**key)).collect();
        assert!(missing.is_empty(), "not met: {missing:?} (met: {keys:?})");
    }

    /// R-VALUE, R-SCHEMA in Chinese beyond the sentence: the value's own detail (the day a month
    /// lacks, the zone meant), and the count of findings a broken file hides.
    #[test]
    fn r_value_r_schema_the_details_read_in_chinese() {
        let toc = "id: toc\nkind: oversight-committee\nname: TOC\n";
        // The value's own detail is said in Chinese too: the day a month lacks, the near zone.
        let loaded = polity_registry::load_sources(&[
            (
                "polity.yaml".to_owned(),
                "name: T\ntime-zone: Asia/Shangai\n".to_owned(),
            ),
            (
                "bodies/toc.yaml".to_owned(),
                format!("{toc}reports:\n  - {{ on: 2026-02-30, kind: quarterly }}\n"),
            ),
        ]);
        let chinese: Vec<String> = loaded
            .findings
            .iter()
            .filter_map(|finding| finding.words.as_ref())
            .map(|words| polity_i18n::text_owned(Lang::Zh, &format!("finding-{}", words.key), &words.args))
            .collect();
        assert!(
            chinese.contains(&"\"2026-02-30\" 不是有效的日期：2026 年 2 月只有 28 天".to_owned()),
            "{chinese:?}"
        );
        assert!(
            chinese.contains(&"\"Asia/Shangai\" 不是 polity 认识的时区；您是否想写 `Asia/Shanghai`？".to_owned()),
            "{chinese:?}"
        );
        // A broken people.yaml hides the references it breaks, and says how many, in both languages.
        let loaded = polity_registry::load_sources(&[
            ("polity.yaml".to_owned(), "name: T\n".to_owned()),
            ("people.yaml".to_owned(), "- { name: Ann }\n".to_owned()),
            (
                "bodies/toc.yaml".to_owned(),
                "id: toc\nkind: oversight-committee\nname: TOC\nholders:\n  - { person: ann, seat: member, from: 2026-01-01 }\n"
                    .to_owned(),
            ),
        ]);
        let findings = polity_registry::findings(&loaded, jiff::civil::date(2026, 6, 1));
        let root = findings.first().and_then(|finding| finding.words.clone()).unwrap();
        let chinese = polity_i18n::words(
            Lang::Zh,
            &polity_model::Words {
                key: Box::leak(format!("finding-{}", root.key).into_boxed_str()),
                args: root.args.clone(),
            },
        );
        assert!(
            findings[0].message.contains("finding(s) elsewhere"),
            "{}",
            findings[0].message
        );
        assert!(chinese.contains("个由此引起的问题未显示"), "{chinese}");
    }

    /// Every feasibility line of every example and its broken twin, at two dates, reads in
    /// English word for word as the engine says it, and in Chinese without a missing value.
    #[test]
    fn s5_s6_every_feasibility_line_reads_in_both_languages() {
        let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
        let mut keys = std::collections::BTreeSet::new();
        for entry in std::fs::read_dir(&examples).unwrap() {
            let loaded = polity_registry::load(&entry.unwrap().path()).unwrap();
            let state = polity_engine::State {
                polity: loaded.polity,
                ..polity_engine::State::default()
            };
            for at in [jiff::civil::date(2026, 6, 1), jiff::civil::date(2030, 1, 1)] {
                for line in polity_engine::feasibility::feasibility(&state, at) {
                    assert_eq!(polity_i18n::words(Lang::En, &line.words), line.message);
                    let chinese = polity_i18n::words(Lang::Zh, &line.words);
                    assert!(!chinese.contains('⟦') && !chinese.is_ascii(), "{chinese}");
                    keys.insert(line.words.key);
                }
            }
        }
        assert!(keys.len() >= 8, "the examples have most kinds of line: {keys:?}");
    }

    /// A field of an out-of-bounds value is named in the reader's language.
    #[test]
    fn r_value_refusals_name_the_field_in_chinese() {
        let said = |key: &str| {
            text(
                Lang::Zh,
                key,
                &[("field", "motion's subject"), ("fieldkey", "motion-subject")],
            )
        };
        assert_eq!(said("refusal-value-empty"), "动议的议题为空");
        let unknown = text(
            Lang::Zh,
            "refusal-value-empty",
            &[("field", "colour"), ("fieldkey", "colour")],
        );
        assert_eq!(unknown, "colour为空", "a field without a Chinese name keeps its own");
    }

    /// The names of the values a call gives (`&[("person", …), ("body", …)]` after its key).
    fn value_names(after_key: &str) -> Vec<String> {
        let Some(start) = after_key.find("&[") else {
            return Vec::new();
        };
        let mut depth = 0;
        let mut end = after_key.len();
        for (at, c) in after_key[start + 1..].char_indices() {
            match c {
                '[' => depth += 1,
                ']' => {
                    depth -= 1;
                    if depth == 0 {
                        end = start + 1 + at;
                        break;
                    }
                }
                _ => {}
            }
        }
        // Each `("name",` of the list, however rustfmt laid it out.
        let list = &after_key[start..end];
        list.match_indices('(')
            .filter_map(|(at, _)| {
                let rest = list[at + 1..].trim_start().strip_prefix('"')?;
                let (name, after) = rest.split_once('"')?;
                let is_name = !name.is_empty() && name.bytes().all(|byte| byte.is_ascii_lowercase() || byte == b'_');
                (is_name && after.trim_start().starts_with(',')).then(|| name.to_owned())
            })
            .collect()
    }

    /// Every kind of act the record holds has a name in both languages (the record's filter).
    #[test]
    fn every_kind_of_act_is_named_in_both_languages() {
        for kind in polity_engine::EVENT_KINDS {
            for lang in [Lang::En, Lang::Zh] {
                assert!(!text(lang, &format!("act-kind-{kind}"), &[]).starts_with('⟦'), "{kind}");
            }
        }
    }

    /// The visitor's choice beats the person's `lang:`, which beats the browser's.
    #[test]
    fn the_choice_beats_the_person_and_the_person_the_browser() {
        let asked = |chosen, accepted| Asked {
            chosen,
            accepted,
            path: "/".to_owned(),
        };
        assert_eq!(choose(&asked(Some(Lang::En), Some(Lang::Zh)), Some(Lang::Zh)), Lang::En);
        assert_eq!(choose(&asked(None, Some(Lang::En)), Some(Lang::Zh)), Lang::Zh);
        assert_eq!(choose(&asked(None, Some(Lang::Zh)), None), Lang::Zh);
        assert_eq!(choose(&asked(None, None), None), Lang::En);
    }

    #[test]
    fn accept_language_picks_the_best_spoken_language() {
        let with = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::ACCEPT_LANGUAGE, value.parse().unwrap());
            accept_language(&headers)
        };
        assert_eq!(with("zh-CN,zh;q=0.9,en;q=0.8"), Some(Lang::Zh));
        assert_eq!(with("fr-FR, en;q=0.5, zh;q=0.7"), Some(Lang::Zh));
        assert_eq!(with("en-GB,en;q=0.9"), Some(Lang::En));
        assert_eq!(with("zh-TW"), None, "traditional Chinese is not Simplified");
        assert_eq!(with("de, fr"), None);
        assert_eq!(with("zh;q=0, en;q=0.1"), Some(Lang::En));
        assert_eq!(with("zh;q=abc, en"), Some(Lang::En));
        assert_eq!(with(";;;,,,"), None);
    }
}
