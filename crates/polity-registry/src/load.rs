//! Reading a registry folder into the model, collecting every problem on the way.
//!
//! A file that is not YAML, or does not have the registry's shape, is reported with its position
//! and left out; every other file is still read, so one run reports the problems of all files.
//! Values that the shape allows but that do not parse (a date like 2025-02-30, a period, a
//! threshold) are findings too, each with its position, and the rest of the file is kept.

use polity_model::RuleId;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use polity_count::Threshold;
use polity_model::{
    Act, ActiveMemberRule, Affiliation, Body, BodyKind, Charter, Constitution, CountRange, DecisionRule, Deliverable,
    Deviation, ElectionWindows, Electorate, FinalSay, Finding, IdRef, IdentityRule, Leadership, LiaisonDefault,
    LifecycleState, Loc, Meetings, NamedRole, Organisation, Overlap, Partner, Period, Person, PersonRef, Polity,
    Proposal, Report, ReportKind, ReportRule, Rotation, Seat, SeatRule, SigRule, StateChange, SubGroupRule, TieStep,
    sort_findings,
};
use serde::de::DeserializeOwned;
use serde_saphyr::Location;

use crate::files::*;

mod words;
pub(crate) use words::plain_message;
use words::{first_line, near_zh, parse_words};

/// Why a registry could not be read at all (as opposed to findings in its files).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read the registry: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{0}: not a registry: it has no polity.yaml (the constitution); see docs/registry-format.md")]
    NotARegistry(PathBuf),
}

/// A registry as read: the state, and every problem found while reading it.
#[derive(Debug)]
pub struct Loaded {
    pub polity: Polity,
    pub findings: Vec<Finding>,
}

pub const CONSTITUTION_FILE: &str = "polity.yaml";
pub const PEOPLE_FILE: &str = "people.yaml";
pub const ORGANISATIONS_FILE: &str = "organisations.yaml";
pub const BODIES_DIR: &str = "bodies";

/// Reads the registry in `dir`.
pub fn load(dir: &Path) -> Result<Loaded, LoadError> {
    Ok(load_sources(&read_sources(dir)?))
}

/// Whether `path` (relative to a registry folder, `/`-separated) is one of the registry's files:
/// the constitution, people, organisations, or a body's file directly under `bodies/`.
pub fn is_source_path(path: &str) -> bool {
    match path.split_once('/') {
        None => [CONSTITUTION_FILE, PEOPLE_FILE, ORGANISATIONS_FILE].contains(&path),
        Some((dir, name)) => {
            dir == BODIES_DIR && !name.contains('/') && (name.ends_with(".yaml") || name.ends_with(".yml"))
        }
    }
}

/// The order [`read_sources`] gives a registry's files in: the constitution, people,
/// organisations, then the bodies (by name, the second key).
pub fn source_rank(path: &str) -> u8 {
    match path {
        CONSTITUTION_FILE => 0,
        PEOPLE_FILE => 1,
        ORGANISATIONS_FILE => 2,
        _ => 3,
    }
}

/// Reads every file of the registry in `dir` as (relative name, contents), in load order.
pub fn read_sources(dir: &Path) -> Result<Vec<(String, String)>, LoadError> {
    let read = |path: &Path| {
        fs::read_to_string(path).map_err(|source| LoadError::Io {
            path: path.to_owned(),
            source,
        })
    };
    let constitution_path = dir.join(CONSTITUTION_FILE);
    if !constitution_path.is_file() {
        return Err(LoadError::NotARegistry(dir.to_owned()));
    }
    let mut sources = vec![(CONSTITUTION_FILE.to_owned(), read(&constitution_path)?)];
    for name in [PEOPLE_FILE, ORGANISATIONS_FILE] {
        let path = dir.join(name);
        if path.is_file() {
            sources.push((name.to_owned(), read(&path)?));
        }
    }
    let bodies_dir = dir.join(BODIES_DIR);
    if bodies_dir.is_dir() {
        let entries = fs::read_dir(&bodies_dir).map_err(|source| LoadError::Io {
            path: bodies_dir.clone(),
            source,
        })?;
        let mut names = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|source| LoadError::Io {
                path: bodies_dir.clone(),
                source,
            })?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".yaml") || name.ends_with(".yml") {
                names.push(name);
            }
        }
        names.sort();
        for name in names {
            sources.push((format!("{BODIES_DIR}/{name}"), read(&bodies_dir.join(&name))?));
        }
    }
    Ok(sources)
}

/// Reads a registry from (relative file name, contents) pairs; the same as [`load`] without I/O.
/// Every finding of a loaded registry as of `at`, root causes first: a file that could not be
/// read (R-SYNTAX, R-SCHEMA) comes before everything else, and the references it breaks (an
/// unknown body whose file did not parse, an unknown person when people.yaml did not) are left
/// out, counted in the root cause's message.
pub fn findings(loaded: &Loaded, at: Date) -> Vec<Finding> {
    let unread: Vec<&str> = loaded
        .findings
        .iter()
        .filter(|finding| matches!(finding.rule, RuleId::RSyntax | RuleId::RSchema))
        .filter_map(|finding| finding.loc)
        .map(|loc| loaded.polity.file_name(loc))
        .collect();
    let body_unread = |id: &str| unread.iter().any(|file| *file == format!("bodies/{id}.yaml"));
    let people_unread = unread.contains(&PEOPLE_FILE);
    let mut hidden: BTreeMap<String, usize> = BTreeMap::new();
    let mut findings: Vec<Finding> = loaded.findings.clone();
    for finding in polity_model::check(&loaded.polity, at) {
        let follows = (finding.rule == RuleId::RRef)
            .then(|| {
                if let Some((_, rest)) = finding.message.split_once("refers to unknown body \"")
                    && let Some((id, _)) = rest.split_once('"')
                    && body_unread(id)
                {
                    Some(format!("bodies/{id}.yaml"))
                } else if people_unread && finding.message.contains("refers to unknown person") {
                    Some(PEOPLE_FILE.to_owned())
                } else {
                    None
                }
            })
            .flatten();
        match follows {
            Some(file) => *hidden.entry(file).or_default() += 1,
            None => findings.push(finding),
        }
    }
    for finding in &mut findings {
        if let Some(loc) = finding.loc
            && matches!(finding.rule, RuleId::RSyntax | RuleId::RSchema)
            && let Some(count) = hidden.remove(loaded.polity.file_name(loc))
        {
            finding.message.push_str(&format!(
                " ({count} finding(s) elsewhere that follow from this one are not shown: fix this first)"
            ));
            if let Some(words) = &mut finding.words {
                for (name, value) in &mut words.args {
                    if *name == "hidden" {
                        *value = count.to_string();
                    }
                }
            }
        }
    }
    polity_model::sort_findings(&mut findings);
    findings.sort_by_key(|finding| !matches!(finding.rule, RuleId::RSyntax | RuleId::RSchema));
    findings
}

pub fn load_sources(sources: &[(String, String)]) -> Loaded {
    let mut reader = Reader::default();
    let mut files = RegistryFiles::default();
    let mut body_files = Vec::new();
    for (index, (name, content)) in sources.iter().enumerate() {
        reader.files.push(name.clone());
        let file = u32::try_from(index).unwrap_or(u32::MAX);
        if name == CONSTITUTION_FILE {
            if let Some(constitution) = reader.parse::<ConstitutionFile>(file, content) {
                files.constitution = constitution;
            }
        } else if name == PEOPLE_FILE {
            files.people = reader
                .parse::<Option<Vec<PersonFile>>>(file, content)
                .flatten()
                .unwrap_or_default();
            reader.people_file = file;
        } else if name == ORGANISATIONS_FILE {
            files.organisations = reader
                .parse::<Option<Vec<OrganisationFile>>>(file, content)
                .flatten()
                .unwrap_or_default();
            reader.organisations_file = file;
        } else if let Some(body) = reader.parse::<BodyFile>(file, content) {
            body_files.push((file, body));
        }
    }
    let mut polity = Polity::default();
    let constitution_file = reader
        .files
        .iter()
        .position(|name| name == CONSTITUTION_FILE)
        .unwrap_or(0);
    polity.constitution = reader.constitution(u32::try_from(constitution_file).unwrap_or(0), &files.constitution);
    reader.default_windows = polity.constitution.elections;
    // An affiliation may name an organisation by one of its aliases.
    for organisation in &files.organisations {
        for alias in &organisation.aliases {
            reader
                .organisation_aliases
                .insert(alias.clone(), organisation.id.value.clone());
        }
    }
    polity.people = files.people.iter().map(|person| reader.person(person)).collect();
    polity.organisations = files
        .organisations
        .iter()
        .map(|organisation| Organisation {
            id: organisation.id.value.clone(),
            name: organisation.name.clone(),
            domains: organisation.domains.clone(),
            aliases: organisation.aliases.clone(),
            loc: reader.loc(reader.organisations_file, &organisation.id.referenced),
        })
        .collect();
    polity.bodies = body_files.iter().map(|(file, body)| reader.body(*file, body)).collect();
    polity.files = reader.files;
    polity.index();
    sort_findings(&mut reader.findings);
    Loaded {
        polity,
        findings: reader.findings,
    }
}

#[derive(Default)]
struct Reader {
    files: Vec<String>,
    findings: Vec<Finding>,
    people_file: u32,
    organisations_file: u32,
    /// alias → organisation id.
    organisation_aliases: BTreeMap<String, String>,
    /// The constitution's election windows, the default of every body's.
    default_windows: ElectionWindows,
}

impl Reader {
    fn parse<T: DeserializeOwned>(&mut self, file: u32, content: &str) -> Option<T> {
        match serde_saphyr::from_str::<T>(content) {
            Ok(value) => Some(value),
            Err(error) => {
                let loc = error
                    .location()
                    .map(|location| self.loc(file, &location))
                    .unwrap_or(Loc {
                        file,
                        line: 1,
                        column: 1,
                    });
                let parsed = first_line(&error);
                let message = plain_message(&error);
                // The parser's own errors (not YAML at all) come as external messages; every
                // other error is serde's: the YAML is fine but not of the registry's shape.
                let is_shape = !matches!(
                    error.without_snippet(),
                    serde_saphyr::Error::ExternalMessage { .. }
                        | serde_saphyr::Error::Eof { .. }
                        | serde_saphyr::Error::IOError { .. }
                );
                let (rule, hint) = if is_shape {
                    (
                        RuleId::RSchema,
                        "see docs/registry-format.md and schema/ for the keys and types this file takes",
                    )
                } else {
                    (
                        RuleId::RSyntax,
                        "this file is not valid YAML: check the indentation, quotes and colons near this position",
                    )
                };
                let name = self.files[file as usize].clone();
                let mut finding = Finding::error(
                    rule,
                    loc,
                    if message.ends_with('?') {
                        format!("{message} The rest of {name} was not read")
                    } else {
                        format!("{message}; the rest of {name} was not read")
                    },
                    hint,
                );
                finding.words = Some(parse_words(&parsed, &name, is_shape));
                self.findings.push(finding);
                None
            }
        }
    }

    fn loc(&self, file: u32, location: &Location) -> Loc {
        Loc {
            file,
            line: u32::try_from(location.line()).unwrap_or(u32::MAX),
            column: u32::try_from(location.column()).unwrap_or(u32::MAX),
        }
    }

    fn at(&self, file: u32, text: &Text) -> Loc {
        self.loc(file, &text.referenced)
    }

    /// A `time-zone:` value: its canonical name when polity knows the zone, else a finding.
    fn time_zone(&mut self, file: u32, text: &Text) -> Option<String> {
        match polity_model::time_zone(&text.value) {
            Ok((name, _)) => Some(name),
            Err(why) => {
                let why_text = why.clone();
                self.value_error(
                    self.at(file, text),
                    why,
                    "write an IANA zone name such as `Asia/Shanghai` or `Europe/Berlin`, `UTC`, or `AoE`",
                    "value-zone",
                    &[
                        ("value", format!("{:?}", text.value.trim())),
                        ("reason", why_text),
                        ("nearzh", near_zh(&polity_model::zones_near(&text.value))),
                    ],
                );
                None
            }
        }
    }

    /// An R-VALUE finding: the English `message` and `hint`, and the same as the message `key`
    /// (and `key-hint`) of the catalogs with `args`, for people who read another language.
    fn value_error(
        &mut self,
        loc: Loc,
        message: String,
        hint: &str,
        key: &'static str,
        args: &[(&'static str, String)],
    ) {
        self.findings
            .push(Finding::error(RuleId::RValue, loc, message, hint).said(key, args));
    }

    fn date(&mut self, file: u32, text: &Text) -> Option<Date> {
        match text.value.trim().parse::<Date>() {
            Ok(date) if text.value.trim().len() == 10 => Some(date),
            Ok(_) | Err(_) => {
                let problem = polity_model::date_problem_of(&text.value);
                let reason = problem.map(|reason| format!(": {reason}")).unwrap_or_default();
                let (year, month, days) = match problem {
                    Some(polity_model::DateProblem::Days { year, month, days }) => {
                        (year.to_string(), month.to_string(), days.to_string())
                    }
                    Some(polity_model::DateProblem::NoMonth(month)) => {
                        (String::new(), month.to_string(), String::new())
                    }
                    _ => (String::new(), String::new(), String::new()),
                };
                let kind = problem.map_or("form", polity_model::DateProblem::kind);
                self.value_error(
                    self.at(file, text),
                    format!("{:?} is not a valid date{reason}", text.value),
                    "write a calendar date as YYYY-MM-DD",
                    "value-date",
                    &[
                        ("value", format!("{:?}", text.value)),
                        ("reason", reason.clone()),
                        ("problem", kind.to_owned()),
                        ("year", year),
                        ("month", month),
                        ("days", days),
                    ],
                );
                None
            }
        }
    }

    fn period(&mut self, file: u32, text: &Text) -> Option<Period> {
        Period::parse(&text.value)
            .map_err(|message| {
                let message_text = message.clone();
                self.value_error(
                    self.at(file, text),
                    message,
                    "write a period like \"2 weeks\" or \"12 months\"",
                    "value-period",
                    &[("value", format!("{:?}", text.value)), ("reason", message_text)],
                )
            })
            .ok()
    }

    fn threshold(&mut self, file: u32, text: &Text) -> Option<Threshold> {
        text.value
            .parse::<Threshold>()
            .map_err(|error| {
                let error_text = error.to_string();
                self.value_error(
                    self.at(file, text),
                    error.to_string(),
                    "thresholds are exact: a bound (> or >=), a fraction n/d, and what it is of",
                    "value-threshold",
                    &[("value", format!("{:?}", text.value)), ("reason", error_text)],
                )
            })
            .ok()
    }

    fn count(&mut self, loc: Loc, count: &CountText) -> Option<CountRange> {
        match count {
            CountText::Number(number) => Some(CountRange::exactly(*number)),
            CountText::Range(text) => CountRange::parse(text)
                .map_err(|message| {
                    let reason = message.clone();
                    self.value_error(
                        loc,
                        message,
                        "write a count like 3 or a range like \"1..2\"",
                        "value-count",
                        &[("value", format!("{text:?}")), ("reason", reason)],
                    )
                })
                .ok(),
        }
    }

    fn person_ref(&self, file: u32, text: &Text) -> PersonRef {
        PersonRef {
            text: text.value.trim().to_owned(),
            loc: self.at(file, text),
        }
    }

    fn id_ref(&self, file: u32, text: &Text) -> IdRef {
        IdRef {
            id: text.value.trim().to_owned(),
            loc: self.at(file, text),
        }
    }

    fn election_rule(
        &mut self,
        file: u32,
        rule: &ElectionRuleFile,
        defaults: ElectionWindows,
    ) -> Option<polity_model::ElectionRule> {
        let nomination = match &rule.nomination {
            Some(text) => self.period(file, text)?,
            None => defaults.nomination,
        };
        let voting = match &rule.voting {
            Some(text) => self.period(file, text)?,
            None => defaults.voting,
        };
        let method = rule
            .method
            .as_ref()
            .and_then(|text| match text.value.parse::<polity_count::Method>() {
                Ok(_) => Some(text.value.clone()),
                Err(message) => {
                    let reason = message.clone();
                    self.value_error(
                        self.at(file, text),
                        message,
                        "name a counting method",
                        "value-method",
                        &[("value", format!("{:?}", text.value)), ("reason", reason)],
                    );
                    None
                }
            });
        let compat = rule.compat.as_ref().and_then(|text| match text.value.as_str() {
            "strict" | "elekto" => Some(text.value.clone()),
            other => {
                self.value_error(
                    self.at(file, text),
                    format!("unknown compat {other:?}: an election of people counts as `strict` Schulze or in `elekto`'s order"),
                    "write strict or elekto",
                    "value-compat",
                    &[("value", format!("{other:?}"))],
                );
                None
            }
        });
        let valid_if = rule.valid_if.as_ref().and_then(|text| self.threshold(file, text));
        let loc = rule.nomination.as_ref().or(rule.voting.as_ref()).map_or(
            Loc {
                file,
                line: 1,
                column: 1,
            },
            |text| self.at(file, text),
        );
        let electorate = |electorate: Option<ElectorateFile>| electorate.map_or(Electorate::Members, electorate_of);
        Some(polity_model::ElectionRule {
            windows: ElectionWindows { nomination, voting },
            method,
            compat,
            nominators: electorate(rule.nominators),
            candidates: electorate(rule.candidates),
            voters: electorate(rule.voters),
            consent: rule.consent,
            valid_if,
            early_close: rule.early_close,
            loc,
        })
    }

    fn windows(&mut self, file: u32, windows: &WindowsFile) -> Option<ElectionWindows> {
        Some(ElectionWindows {
            nomination: self.period(file, &windows.nomination)?,
            voting: self.period(file, &windows.voting)?,
        })
    }

    fn constitution(&mut self, file: u32, source: &ConstitutionFile) -> Constitution {
        let mut constitution = Constitution {
            name: source.name.clone(),
            loc: Loc {
                file,
                line: 1,
                column: 1,
            },
            liaison_areas: source.liaison_areas.clone(),
            liaison_default: match source.liaison_default {
                Some(LiaisonDefaultFile::Ptl) => LiaisonDefault::Ptl,
                Some(LiaisonDefaultFile::None) | None => LiaisonDefault::None,
            },
            term_limit: source.term_limit,
            roll: source.roll.iter().map(|text| self.person_ref(file, text)).collect(),
            // A pattern of a character or two (or none) would match everyone and empty the
            // electorate: refused.
            bots: source
                .bots
                .iter()
                .filter(|pattern| {
                    let kept = pattern.trim().chars().count() >= 3;
                    if !kept {
                        self.value_error(
                            Loc {
                                file,
                                line: 1,
                                column: 1,
                            },
                            format!("bot pattern {pattern:?} is too short: it would match almost everyone"),
                            "write at least three characters, e.g. `ci@acme.example` or `[bot]`",
                            "value-bot-pattern",
                            &[("value", format!("{pattern:?}"))],
                        );
                    }
                    kept
                })
                .cloned()
                .collect(),
            ai_co_authors_counted: source.ai_co_authors == Some(crate::files::AiCoAuthorsFile::Counted),
            ..Constitution::default()
        };
        if let Some(active) = &source.active_member
            && let Some(within) = self.period(file, &active.within)
        {
            constitution.active_member = Some(ActiveMemberRule {
                contributions: active.contributions,
                within,
                date: match active.date {
                    Some(crate::files::ContributionDateFile::Author) => polity_model::ContributionDate::Author,
                    _ => polity_model::ContributionDate::Commit,
                },
            });
        }
        if let Some(reports) = &source.reports {
            let every = self.period(file, &reports.every);
            let warn_after = self.period(file, &reports.warn_after);
            let dissolve_after = self.period(file, &reports.dissolve_after);
            if let (Some(every), Some(warn_after), Some(dissolve_after)) = (every, warn_after, dissolve_after) {
                constitution.reports = Some(ReportRule {
                    every,
                    warn_after,
                    dissolve_after,
                });
            }
        }
        if let Some(review) = &source.charter_review {
            constitution.charter_review = self.period(file, &review.every);
        }
        if let Some(zone) = &source.time_zone {
            constitution.time_zone = self.time_zone(file, zone);
        }
        if let Some(time) = &source.deadline_time {
            match polity_model::parse_time_of_day(&time.value) {
                Ok(time) => constitution.deadline_time = time,
                Err(why) => self.value_error(
                    self.at(file, time),
                    why.clone(),
                    "write the time deadlines fall at as `deadline-time: \"18:00\"` (quoted, 24-hour), or leave it out for midnight",
                    "value-deadline-time",
                    &[("value", format!("{:?}", time.value.trim())), ("reason", why)],
                ),
            }
        }
        for webhook in &source.webhooks {
            let url = webhook.url.value.trim();
            let loopback = ["http://127.0.0.1", "http://localhost", "http://[::1]"]
                .iter()
                .any(|prefix| {
                    url.strip_prefix(prefix)
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with([':', '/']))
                });
            if !polity_model::is_web_link(url) || (url.starts_with("http:") && !loopback) {
                self.value_error(
                    self.at(file, &webhook.url),
                    format!("webhook URL {url:?} is not an https link"),
                    "write the receiver's https:// address (plain http only to this machine, for testing)",
                    "value-webhook-url",
                    &[("value", format!("{url:?}"))],
                );
                continue;
            }
            let name = webhook.secret_env.value.trim();
            let valid = !name.is_empty()
                && name.len() <= 100
                && !name.starts_with(|c: char| c.is_ascii_digit())
                && name
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
            if !valid {
                self.value_error(
                    self.at(file, &webhook.secret_env),
                    format!("{name:?} is not the name of an environment variable"),
                    "name the variable that holds the secret, in capitals (e.g. `POLITY_WEBHOOK_SECRET`); never the secret itself",
                    "value-webhook-secret",
                    &[("value", format!("{name:?}"))],
                );
                continue;
            }
            constitution.webhooks.push(polity_model::Webhook {
                url: url.to_owned(),
                secret_env: name.to_owned(),
                loc: self.at(file, &webhook.url),
            });
        }
        if let Some(groups) = &source.working_groups {
            constitution.working_group_max = groups.max_timetable.as_ref().and_then(|max| self.period(file, max));
            constitution.working_group_timetable_required = groups.timetable_required.unwrap_or(true);
        }
        if let Some(sigs) = &source.sigs {
            let loc = Loc {
                file,
                line: 1,
                column: 1,
            };
            constitution.sig = SigRule {
                chairs: sigs.chairs.as_ref().and_then(|count| self.count(loc, count)),
                toc_liaison_required: sigs.toc_liaison,
                staff_liaison_required: sigs.staff_liaison,
                staggered_chairs: sigs.staggered_chairs,
            };
        }
        if let Some(groups) = &source.sub_groups {
            constitution.sub_group = SubGroupRule {
                min_committers: groups.min_committers,
                min_organisations: groups.min_organisations,
            };
        }
        if let Some(windows) = &source.elections
            && let Some(windows) = self.windows(file, windows)
        {
            constitution.elections = windows;
        }
        for (name, rule) in &source.decision_rules {
            let passes = self.threshold(file, &rule.passes);
            let valid_if = rule.valid_if.as_ref().map(|text| self.threshold(file, text));
            if let Some(passes) = passes {
                constitution.decision_rules.insert(
                    name.clone(),
                    DecisionRule {
                        passes,
                        valid_if: valid_if.flatten(),
                        tie: rule
                            .tie
                            .iter()
                            .map(|step| match step {
                                TieStepFile::Revote => TieStep::Revote,
                                TieStepFile::ChairCastingVote => TieStep::ChairCastingVote,
                            })
                            .collect(),
                        loc: self.at(file, &rule.passes),
                    },
                );
            }
        }
        constitution
    }

    fn person(&mut self, source: &PersonFile) -> Person {
        let file = self.people_file;
        let affiliations = source
            .affiliations
            .iter()
            .filter_map(|affiliation| {
                let from = match &affiliation.from {
                    Some(from) => self.date(file, from),
                    None => Some(Date::MIN),
                };
                let until = affiliation.until.as_ref().map(|until| self.date(file, until));
                let from = from?;
                let until = until.flatten();
                let loc = match &affiliation.from {
                    Some(from) => self.at(file, from),
                    None => self.at(file, &affiliation.org),
                };
                if until.is_some_and(|until| until <= from) {
                    self.value_error(
                        loc,
                        format!("the affiliation with {} ends before it starts", affiliation.org.value),
                        "`until` is the first day no longer employed and comes after `from`",
                        "value-affiliation-order",
                        &[("organisation", affiliation.org.value.clone())],
                    );
                }
                let mut organisation = self.id_ref(file, &affiliation.org);
                if let Some(canonical) = self.organisation_aliases.get(&organisation.id) {
                    organisation.id = canonical.clone();
                }
                Some(Affiliation {
                    organisation,
                    from,
                    until,
                    loc,
                })
            })
            .collect();
        let mut identities = Vec::new();
        for identity in &source.identities {
            match (&identity.email, &identity.name, &identity.github) {
                (Some(email), None, None) => identities.push(IdentityRule::Email(email.clone())),
                (None, Some(name), None) => identities.push(IdentityRule::Name(name.clone())),
                (None, None, Some(handle)) => {
                    identities.push(IdentityRule::Github(handle.trim_start_matches('@').to_owned()))
                }
                _ => self.value_error(
                    self.at(file, &source.id),
                    format!(
                        "an identity of {} does not give exactly one of email, name, github",
                        source.id.value
                    ),
                    "write each merge rule as `{ email: ... }`, `{ name: ... }` or `{ github: ... }`",
                    "value-identity",
                    &[("person", source.id.value.clone())],
                ),
            }
        }
        let lang = match &source.lang {
            None => polity_model::Lang::En,
            Some(text) => polity_model::Lang::parse(&text.value).unwrap_or_else(|| {
                self.value_error(
                    self.at(file, text),
                    format!("{:?} is not a language polity writes in", text.value),
                    "write `lang: en` (English) or `lang: zh` (Simplified Chinese)",
                    "value-lang",
                    &[("value", format!("{:?}", text.value))],
                );
                polity_model::Lang::En
            }),
        };
        let time_zone = source.time_zone.as_ref().and_then(|zone| self.time_zone(file, zone));
        let mut muted = Vec::new();
        for text in &source.mute {
            let names = polity_model::NoticeKind::ALL.iter().map(|kind| kind.name());
            match polity_model::NoticeKind::parse(&text.value) {
                None => {
                    let near = polity_model::near(&text.value, names);
                    let near_zh = near_zh(&near.iter().map(|name| (*name).to_owned()).collect::<Vec<_>>());
                    let near = polity_model::did_you_mean(&near);
                    self.value_error(
                        self.at(file, text),
                        format!("{:?} is not a kind of notice{near}", text.value),
                        "mute one of: voting-reminder, election-result, term-ending, motion-awaiting-vote",
                        "value-notice-kind",
                        &[
                            ("value", format!("{:?}", text.value)),
                            ("near", near),
                            ("nearzh", near_zh),
                        ],
                    )
                }
                Some(kind) => match kind.required_by() {
                    Some(rule) => self.value_error(
                        self.at(file, text),
                        format!("{} cannot be muted: the constitution requires it ({rule})", kind.name()),
                        "remove it from `mute:`; only voting-reminder, election-result, term-ending and \
                         motion-awaiting-vote are optional",
                        "value-notice-required",
                        &[("kind", kind.name().to_owned()), ("rule", rule.to_string())],
                    ),
                    None if !muted.contains(&kind) => muted.push(kind),
                    None => {}
                },
            }
        }
        Person {
            id: source.id.value.clone(),
            name: source.name.clone(),
            github: source.github.clone(),
            emails: source.emails.clone(),
            affiliations,
            identities,
            bot: source.bot,
            lang,
            time_zone,
            muted,
            loc: self.at(file, &source.id),
        }
    }

    fn body(&mut self, file: u32, source: &BodyFile) -> Body {
        let mut body = Body::new(&source.id.value, kind(source.kind));
        body.loc = self.at(file, &source.id);
        body.name = source.name.clone();
        body.parent = source.parent.as_ref().map(|parent| self.id_ref(file, parent));
        body.state = source.state.map(state);
        body.history = source
            .history
            .iter()
            .filter_map(|change| {
                Some(StateChange {
                    state: state(change.state),
                    on: self.date(file, &change.on)?,
                    motion: change.motion.clone(),
                    loc: self.at(file, &change.on),
                })
            })
            .collect();
        if let Some(seats) = &source.seats {
            let loc = self.loc(file, &seats.referenced);
            if seats.value.min > seats.value.max {
                self.value_error(
                    loc,
                    format!("seats min {} is above max {}", seats.value.min, seats.value.max),
                    "set min <= max",
                    "value-seats-range",
                    &[
                        ("min", seats.value.min.to_string()),
                        ("max", seats.value.max.to_string()),
                    ],
                );
            }
            body.seats = Some(SeatRule {
                count: CountRange {
                    min: seats.value.min,
                    max: seats.value.max,
                },
                per_organisation: seats.value.per_organisation,
                loc,
            });
        }
        for (office, count) in &source.officers {
            if let Some(range) = self.count(body.loc, count) {
                body.officers.insert(seat(*office), range);
            }
        }
        body.term = source.term.as_ref().and_then(|term| self.period(file, term));
        let defaults = self.default_windows;
        body.elections = source
            .elections
            .as_ref()
            .and_then(|rule| self.election_rule(file, rule, defaults));
        body.officer_elections = source
            .officer_elections
            .as_ref()
            .and_then(|rule| self.election_rule(file, rule, defaults));
        body.decisions = source
            .decisions
            .iter()
            .map(|(act, authority)| {
                (
                    act_of(*act),
                    polity_model::Authority {
                        by: authority
                            .by
                            .iter()
                            .map(|electorate| electorate_of(*electorate))
                            .collect(),
                        rule: self.id_ref(file, &authority.rule),
                    },
                )
            })
            .collect();
        if let Some(rule) = &source.decides_by {
            body.decides_by = Some(self.id_ref(file, rule));
        }
        body.holders = source
            .holders
            .iter()
            .filter_map(|holder| {
                let from = self.date(file, &holder.from);
                let until = holder.until.as_ref().map(|until| self.date(file, until));
                let (from, until) = (from?, until.flatten());
                if until.is_some_and(|until| until <= from) {
                    self.value_error(
                        self.at(file, &holder.from),
                        format!(
                            "the {} term of {} ends before it starts",
                            seat(holder.seat).as_str(),
                            holder.person.value
                        ),
                        "`until` is the day the term ends and comes after `from`",
                        "value-term-order",
                        &[
                            ("seat", seat(holder.seat).as_str().to_owned()),
                            ("person", holder.person.value.clone()),
                        ],
                    );
                }
                Some(polity_model::Holding {
                    person: self.person_ref(file, &holder.person),
                    seat: seat(holder.seat),
                    from,
                    until,
                    class: holder.class.clone(),
                    loc: self.at(file, &holder.person),
                })
            })
            .collect();
        body.toc_liaison = source.toc_liaison.as_ref().map(|text| self.person_ref(file, text));
        body.staff_liaison = source.staff_liaison.as_ref().map(|text| self.person_ref(file, text));
        body.members = source.members.iter().map(|text| self.person_ref(file, text)).collect();
        body.roles = source
            .roles
            .iter()
            .map(|role| NamedRole {
                name: role.name.value.clone(),
                person: self.person_ref(file, &role.person),
                approved_by: role
                    .approved_by
                    .iter()
                    .map(|text| self.person_ref(file, text))
                    .collect(),
                on: role.on.as_ref().and_then(|on| self.date(file, on)),
                loc: self.at(file, &role.name),
            })
            .collect();
        body.charter = source.charter.as_ref().map(|charter| self.charter(file, charter));
        body.proposal = source.proposal.as_ref().map(|proposal| Proposal {
            purpose: proposal.purpose.clone(),
            plan: proposal.plan.clone(),
            resources: proposal.resources.clone(),
            page: proposal.page.clone(),
            announcement: proposal.announcement.clone(),
            leads: proposal.leads.iter().map(|text| self.person_ref(file, text)).collect(),
            loc: body.loc,
        });
        body.committers = source
            .committers
            .as_ref()
            .map(|committers| committers.iter().map(|text| self.person_ref(file, text)).collect());
        body.leadership = match source.leadership {
            Some(LeadershipFile::Distributed) => Leadership::Distributed,
            Some(LeadershipFile::Ptl) | None => Leadership::Ptl,
        };
        body.liaisons = source
            .liaisons
            .iter()
            .map(|(area, holders)| {
                (
                    area.clone(),
                    holders.iter().map(|text| self.person_ref(file, text)).collect(),
                )
            })
            .collect::<BTreeMap<_, _>>();
        body.reports = source
            .reports
            .iter()
            .filter_map(|report| {
                Some(Report {
                    on: self.date(file, &report.on)?,
                    kind: match report.kind {
                        Some(ReportKindFile::Annual) => ReportKind::Annual,
                        Some(ReportKindFile::Quarterly) | None => ReportKind::Quarterly,
                    },
                    link: match &report.link {
                        Some(link) if !polity_model::is_web_link(link) => {
                            self.value_error(
                                self.at(file, &report.on),
                                format!("the report's link {link:?} is not an https: or http: link"),
                                "give a web address starting with https://",
                                "value-report-link",
                                &[("value", format!("{link:?}"))],
                            );
                            None
                        }
                        link => link.clone(),
                    },
                    loc: self.at(file, &report.on),
                })
            })
            .collect();
        body.meetings = source.meetings.as_ref().and_then(|meetings| {
            let every = self.period(file, &meetings.every);
            let first = meetings.first.as_ref().and_then(|first| self.date(file, first));
            let quorum = meetings.quorum.as_ref().and_then(|quorum| self.threshold(file, quorum));
            Some(Meetings {
                every: every?,
                first,
                rotation: match meetings.rotation {
                    Some(RotationFile::Monthly) => Rotation::Monthly,
                    Some(RotationFile::None) => Rotation::None,
                    Some(RotationFile::EachMeeting) | None => Rotation::EachMeeting,
                },
                quorum,
                proxies: meetings.proxies,
                agenda_open_to: meetings.agenda_open_to.clone(),
                loc: self.at(file, &meetings.every),
            })
        });
        body.final_say = source
            .final_say
            .as_ref()
            .and_then(|final_say| match (&final_say.person, final_say.seat) {
                (Some(person), None) => Some(FinalSay::Person(self.person_ref(file, person))),
                (None, Some(office)) => Some(FinalSay::Seat(seat(office), body.loc)),
                _ => {
                    self.value_error(
                        body.loc,
                        format!("final-say of {} must name either a person or a seat", body.id),
                        "write `final-say: { person: ID }` or `final-say: { seat: ptl }`",
                        "value-final-say",
                        &[("body", body.id.clone())],
                    );
                    None
                }
            });
        body.advises = source.advises.iter().map(|text| self.id_ref(file, text)).collect();
        body.consult_before = source.consult_before.clone();
        body.partners = source
            .partners
            .iter()
            .map(|partner| Partner {
                organisation: self.id_ref(file, &partner.organisation),
                maintainer: partner.maintainer.as_ref().map(|text| self.person_ref(file, text)),
                loc: self.at(file, &partner.organisation),
            })
            .collect();
        body.term_limit = source.term_limit;
        body.owners = source.owners.clone();
        body.emeritus = source.emeritus.iter().map(|text| self.person_ref(file, text)).collect();
        body
    }

    fn charter(&mut self, file: u32, source: &serde_saphyr::Spanned<CharterFile>) -> Charter {
        let charter = &source.value;
        let scope = charter.scope.clone().unwrap_or_default();
        Charter {
            scope_in: scope.inside,
            scope_out: scope.outside,
            overlaps: charter
                .overlaps
                .iter()
                .map(|overlap| Overlap {
                    body: self.id_ref(file, &overlap.body),
                    note: overlap.note.clone(),
                })
                .collect(),
            deviations: charter
                .deviations
                .iter()
                .map(|deviation| Deviation {
                    what: deviation.what.value.clone(),
                    reason: deviation.reason.clone(),
                    approval: deviation.approval.clone(),
                    loc: self.at(file, &deviation.what),
                })
                .collect(),
            deliverables: charter
                .deliverables
                .iter()
                .map(|deliverable| Deliverable {
                    name: deliverable.name.clone(),
                    due: deliverable.due.as_ref().and_then(|due| self.date(file, due)),
                    delivered: deliverable.delivered.as_ref().and_then(|on| self.date(file, on)),
                })
                .collect(),
            timetable_end: charter
                .timetable
                .as_ref()
                .and_then(|timetable| self.date(file, &timetable.end)),
            approved: charter.approved.as_ref().and_then(|approved| self.date(file, approved)),
            loc: self.loc(file, &source.referenced),
        }
    }
}

fn kind(kind: BodyKindFile) -> BodyKind {
    match kind {
        BodyKindFile::Board => BodyKind::Board,
        BodyKindFile::OversightCommittee => BodyKind::OversightCommittee,
        BodyKindFile::Committee => BodyKind::Committee,
        BodyKindFile::Sig => BodyKind::Sig,
        BodyKindFile::SubGroup => BodyKind::SubGroup,
        BodyKindFile::WorkingGroup => BodyKind::WorkingGroup,
        BodyKindFile::Project => BodyKind::Project,
        BodyKindFile::AdvisoryGroup => BodyKind::AdvisoryGroup,
    }
}

fn state(state: StateFile) -> LifecycleState {
    match state {
        StateFile::Proposed => LifecycleState::Proposed,
        StateFile::Forming => LifecycleState::Forming,
        StateFile::Active => LifecycleState::Active,
        StateFile::Archived => LifecycleState::Archived,
    }
}

fn electorate_of(electorate: ElectorateFile) -> Electorate {
    match electorate {
        ElectorateFile::Members => Electorate::Members,
        ElectorateFile::ActiveMembers => Electorate::ActiveMembers,
        ElectorateFile::Committers => Electorate::Committers,
        ElectorateFile::Overseer => Electorate::Overseer,
        ElectorateFile::Chairs => Electorate::Chairs,
        ElectorateFile::Themselves => Electorate::Themselves,
    }
}

fn act_of(act: ActFile) -> Act {
    match act {
        ActFile::AppointChairs => Act::AppointChairs,
        ActFile::AppointTechLeads => Act::AppointTechLeads,
        ActFile::RemoveLeads => Act::RemoveLeads,
        ActFile::RecallPtl => Act::RecallPtl,
        ActFile::PromoteCommitter => Act::PromoteCommitter,
        ActFile::Transition => Act::Transition,
        ActFile::NoConfidence => Act::NoConfidence,
    }
}

pub(crate) fn seat(seat: SeatFile) -> Seat {
    match seat {
        SeatFile::Member => Seat::Member,
        SeatFile::Chair => Seat::Chair,
        SeatFile::CoChair => Seat::CoChair,
        SeatFile::TechLead => Seat::TechLead,
        SeatFile::Ptl => Seat::Ptl,
    }
}
