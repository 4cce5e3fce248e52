//! Contributions from git history, and the electorate they make (E1, E2, C1, C2).
//!
//! `ingest` walks a repository with gix from a ref, skips merge commits unless asked, credits the
//! author and every `Co-authored-by` trailer once per commit, dates each commit by its author
//! date, and applies the repository's `.mailmap`. `electorate` matches the identities to the
//! registry's people (e-mails; GitHub no-reply addresses by handle, without regard to case),
//! leaves bots out, and applies the constitution's active-member rule (E2) as of a date.
//!
//! Architecture invariant: reading git is the only I/O here; counting is a pure function of the
//! commits, the registry and the date.

mod chart;
mod git;
pub mod history;

use std::collections::{BTreeMap, BTreeSet};

pub use chart::{ChartWords, ENGLISH as ENGLISH_CHART, health_svg, health_svg_in};
pub use git::{CLOCK_SLACK_DAYS, IngestError, IngestOptions, Ingested, ingest, ingest_with};

use jiff::civil::Date;
use polity_model::{ActiveMemberRule, Polity};

/// A name and e-mail as git records them (after the mailmap).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Identity {
    pub name: String,
    pub email: String,
}

/// One commit's contribution: who is credited, and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contribution {
    /// The commit id, or for a contribution outside git, its kind and link (or line).
    pub commit: String,
    /// [`GIT_KIND`] for a commit, or one of [`KINDS`] (C1).
    pub kind: &'static str,
    /// The author date, in UTC.
    pub on: Date,
    /// The commit date (when it entered the history), in UTC; the same as `on` outside git.
    pub committed: Date,
    /// The author first, then each distinct co-author.
    pub credited: Vec<Identity>,
}

/// Whether a line is a trailer, `Token: value`, the token letters, digits and `-` (as git's
/// `interpret-trailers` reads them).
fn is_trailer(line: &str) -> bool {
    line.split_once(':')
        .is_some_and(|(key, _)| !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
}

/// The message's trailer block, as git's `interpret-trailers` finds it: its last paragraph (never
/// the subject), when every line is a trailer or a continuation (a line that starts with
/// whitespace), or at least a quarter are trailers and one is git's own (`Signed-off-by:`,
/// `(cherry picked from commit …)`). Comment lines (`#`) are left out.
fn trailer_block(message: &str) -> Vec<&str> {
    let lines: Vec<&str> = message
        .lines()
        .filter(|line| !line.starts_with('#'))
        .map(str::trim_end)
        .collect();
    let end = lines
        .iter()
        .rposition(|line| !line.is_empty())
        .map_or(0, |last| last + 1);
    let start = lines[..end]
        .iter()
        .rposition(|line| line.is_empty())
        .map_or(0, |blank| blank + 1);
    if start == 0 {
        return Vec::new();
    }
    let block = &lines[start..end];
    let trailers = block.iter().filter(|line| is_trailer(line)).count();
    let continued = block
        .iter()
        .all(|line| is_trailer(line) || line.starts_with(char::is_whitespace));
    let git_own = block.iter().any(|line| {
        line.to_ascii_lowercase().starts_with("signed-off-by:") || line.starts_with("(cherry picked from commit ")
    });
    if (continued && trailers > 0) || (git_own && trailers * 4 >= block.len()) {
        block.iter().copied().filter(|line| is_trailer(line)).collect()
    } else {
        Vec::new()
    }
}

/// Parses `Co-authored-by: Name <email>` trailers (the key without regard to case), only from the
/// message's trailer block: a line quoted in the body is no credit.
pub fn co_authors(message: &str) -> Vec<Identity> {
    trailer_block(message)
        .into_iter()
        .filter_map(|line| {
            let (key, value) = line.split_once(':')?;
            if !key.trim().eq_ignore_ascii_case("co-authored-by") {
                return None;
            }
            let value = value.trim();
            let open = value.rfind('<')?;
            let close = value.rfind('>')?;
            (open < close).then(|| Identity {
                name: value[..open].trim().to_owned(),
                email: value[open + 1..close].trim().to_owned(),
            })
        })
        .collect()
}

/// AI assistants named as co-authors (`Co-authored-by: Claude <noreply@anthropic.com>`, GitHub
/// Copilot), left out unless the registry says `ai-co-authors: counted`.
pub const AI_CO_AUTHOR_PATTERNS: [&str; 3] = [
    "noreply@anthropic.com",
    "+copilot@users.noreply.github.com",
    "copilot@github.com",
];

/// The patterns a registry's contributions are filtered by: polity's bots, the registry's
/// `bots:`, and AI co-authors unless it counts them.
pub fn bot_patterns(polity: &Polity) -> Vec<String> {
    let mut patterns: Vec<String> = DEFAULT_BOT_PATTERNS
        .iter()
        .map(|pattern| (*pattern).to_owned())
        .collect();
    if !polity.constitution.ai_co_authors_counted {
        patterns.extend(AI_CO_AUTHOR_PATTERNS.iter().map(|pattern| (*pattern).to_owned()));
    }
    patterns.extend(polity.constitution.bots.iter().cloned());
    patterns
}

/// Bot accounts by default: GitHub apps and the usual automation names, matched in "name
/// email" without regard to case: OpenStack's Proposal Bot, Release Bot, Zuul and Jenkins (by
/// their addresses, so that a person named Jenkins is not one), Kubernetes' Prow robot.
pub const DEFAULT_BOT_PATTERNS: [&str; 10] = [
    "[bot]",
    "-bot@",
    "dependabot",
    "renovate",
    "proposal bot",
    "release bot",
    "zuul@",
    "jenkins@",
    "k8s-ci-robot",
    "prow robot",
];

fn is_bot(identity: &Identity, patterns: &[String]) -> bool {
    let text = format!("{} {}", identity.name, identity.email).to_lowercase();
    patterns.iter().any(|pattern| text.contains(&pattern.to_lowercase()))
}

/// Finds the registry person behind an identity, by the registry's e-mails and merge rules
/// (`identities`): an e-mail (without regard to case); a GitHub no-reply address
/// (`ID+handle@users.noreply.github.com` or `handle@users.noreply.github.com`) by the person's
/// handle or a merged GitHub account; else a merged name (without regard to case).
#[derive(Debug)]
pub struct People<'a> {
    polity: &'a Polity,
    by_email: std::collections::HashMap<String, &'a str>,
    by_handle: std::collections::HashMap<String, &'a str>,
    by_name: std::collections::HashMap<String, &'a str>,
}

impl<'a> People<'a> {
    pub fn new(polity: &'a Polity) -> People<'a> {
        let mut by_email = std::collections::HashMap::new();
        let mut by_handle = std::collections::HashMap::new();
        let mut by_name = std::collections::HashMap::new();
        for person in &polity.people {
            let id = person.id.as_str();
            for email in &person.emails {
                by_email.entry(email.to_lowercase()).or_insert(id);
            }
            if let Some(handle) = &person.github {
                by_handle.entry(handle.to_lowercase()).or_insert(id);
            }
            for identity in &person.identities {
                let (map, key) = match identity {
                    polity_model::IdentityRule::Email(email) => (&mut by_email, email),
                    polity_model::IdentityRule::Github(handle) => (&mut by_handle, handle),
                    polity_model::IdentityRule::Name(name) => (&mut by_name, name),
                };
                map.entry(key.to_lowercase()).or_insert(id);
            }
        }
        People {
            polity,
            by_email,
            by_handle,
            by_name,
        }
    }

    pub fn person_of(&self, identity: &Identity) -> Option<&'a str> {
        if let Some(id) = identity.email.strip_suffix(REGISTRY_DOMAIN)
            && let Some(id) = id.strip_suffix('@')
        {
            return self.polity.person(id).map(|person| person.id.as_str());
        }
        let email = identity.email.to_lowercase();
        if let Some(id) = self.by_email.get(&email) {
            return Some(id);
        }
        if let Some(local) = email.strip_suffix("@users.noreply.github.com")
            && let Some(handle) = local.rsplit('+').next()
            && let Some(id) = self.by_handle.get(handle)
        {
            return Some(id);
        }
        self.by_name.get(&identity.name.to_lowercase()).copied()
    }
}

/// One line of the roll.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Voter {
    /// A registry person id, or the e-mail of an identity the registry does not know.
    pub who: String,
    pub known: bool,
    pub contributions: u32,
    /// The contributions in the window by kind ([`GIT_KIND`] or one of [`KINDS`]).
    pub by_kind: BTreeMap<&'static str, u32>,
    pub organisation: Option<String>,
    pub active: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Roll {
    pub from: Date,
    pub at: Date,
    pub rule: ActiveMemberRule,
    pub voters: Vec<Voter>,
    pub bots_left_out: usize,
}

impl Roll {
    /// The registry ids of the active members, sorted.
    pub fn active(&self) -> Vec<&str> {
        self.voters
            .iter()
            .filter(|voter| voter.active)
            .map(|voter| voter.who.as_str())
            .collect()
    }
}

/// Who an identity is, looked up once per distinct (name, e-mail): a slot of [`Resolver::who`]
/// (a registry person, or an unknown e-mail), or `None` for a bot.
struct Resolver<'a, 'c> {
    polity: &'a Polity,
    people: People<'a>,
    patterns: &'c [String],
    memo: std::collections::HashMap<(&'c str, &'c str), Option<usize>>,
    /// (known, person id or lower-case e-mail), by slot.
    who: Vec<(bool, String)>,
    slots: std::collections::HashMap<(bool, String), usize>,
    bots: BTreeSet<String>,
}

impl<'a, 'c> Resolver<'a, 'c> {
    fn new(polity: &'a Polity, patterns: &'c [String]) -> Resolver<'a, 'c> {
        Resolver {
            polity,
            people: People::new(polity),
            patterns,
            memo: std::collections::HashMap::new(),
            who: Vec::new(),
            slots: std::collections::HashMap::new(),
            bots: BTreeSet::new(),
        }
    }

    fn slot(&mut self, identity: &'c Identity) -> Option<usize> {
        if let Some(slot) = self.memo.get(&(identity.name.as_str(), identity.email.as_str())) {
            return *slot;
        }
        let person = self.people.person_of(identity);
        let flagged = person
            .and_then(|id| self.polity.person(id))
            .is_some_and(|person| person.bot);
        let slot = if flagged || is_bot(identity, self.patterns) {
            self.bots.insert(identity.email.to_lowercase());
            None
        } else {
            let key = match person {
                Some(id) => (true, id.to_owned()),
                None => (false, identity.email.to_lowercase()),
            };
            let next = self.who.len();
            let slot = *self.slots.entry(key.clone()).or_insert(next);
            if slot == next {
                self.who.push(key);
            }
            Some(slot)
        };
        self.memo
            .insert((identity.name.as_str(), identity.email.as_str()), slot);
        slot
    }
}

/// Applies E2 as of `at`: a contribution counts when its date is in `[at - within, at)`; a
/// person is active with at least `rule.contributions` of them. Bots (by pattern or by the
/// registry's `bot: true`) are left out. Each contribution counts once per person, even when
/// the person appears in it under two addresses. The roll is sorted by person.
pub fn electorate(
    polity: &Polity,
    contributions: &[Contribution],
    rule: ActiveMemberRule,
    at: Date,
    bot_patterns: &[String],
) -> Roll {
    let from = rule.within.before(at);
    let mut resolver = Resolver::new(polity, bot_patterns);
    let date = |contribution: &Contribution| contribution.date(rule.date);
    let mut counts: Vec<BTreeMap<&'static str, u32>> = Vec::new();
    let mut seen: Vec<usize> = Vec::new();
    for contribution in contributions
        .iter()
        .filter(|contribution| from <= date(contribution) && date(contribution) < at)
    {
        seen.clear();
        for identity in &contribution.credited {
            let Some(slot) = resolver.slot(identity) else { continue };
            if seen.contains(&slot) {
                continue;
            }
            seen.push(slot);
            if counts.len() <= slot {
                counts.resize_with(slot + 1, BTreeMap::new);
            }
            *counts[slot].entry(contribution.kind).or_default() += 1;
        }
    }
    let mut voters: Vec<Voter> = counts
        .into_iter()
        .enumerate()
        .map(|(slot, by_kind)| {
            let (known, who) = resolver.who[slot].clone();
            let contributions = by_kind.values().sum();
            Voter {
                organisation: if known {
                    polity.affiliation_on(&who, at).map(str::to_owned)
                } else {
                    None
                },
                active: known && contributions >= rule.contributions,
                who,
                known,
                contributions,
                by_kind,
            }
        })
        .filter(|voter| voter.contributions > 0)
        .collect();
    voters.sort_by(|a, b| (a.known, &a.who).cmp(&(b.known, &b.who)));
    Roll {
        from,
        at,
        rule,
        voters,
        bots_left_out: resolver.bots.len(),
    }
}

#[cfg(test)]
mod tests {

    /// CHAOSS's worked example of the elephant factor: 8 organisations making 12.5 % each give
    /// a factor of 4 (four of them make 50 %); "more than half" gave 5.
    #[test]
    fn c3_the_elephant_factor_counts_organisations_up_to_fifty_percent() {
        assert_eq!(super::at_least_half(vec![125; 8]), 4);
        // One organisation with exactly half is enough (>=, not >).
        assert_eq!(super::at_least_half(vec![50, 30, 20]), 1);
        assert_eq!(super::at_least_half(vec![49, 30, 21]), 2);
        assert_eq!(super::at_least_half(Vec::new()), 0);
    }

    use super::*;

    /// Only the trailer block credits (477 extra credits in nova came from co-author lines quoted
    /// in the body, or written in the subject's paragraph).
    #[test]
    fn co_authors_come_only_from_the_trailer_block() {
        let quoted = "Revert \"Add x\"\n\nThis reverts the change whose message said:\n\n  Co-authored-by: Ann <ann@example.org>\n\nbecause it broke the gate.\n\nChange-Id: I0123\n";
        assert!(co_authors(quoted).is_empty(), "a quoted line is no trailer");
        let subject_only = "Co-authored-by: Ann <ann@example.org>\n";
        assert!(
            co_authors(subject_only).is_empty(),
            "the subject is never a trailer block"
        );
        let prose = "Fix\n\nPaired with Ann.\nCo-authored-by: Ann <ann@example.org>\n";
        assert!(
            co_authors(prose).is_empty(),
            "a paragraph of prose is not a trailer block"
        );
        let block =
            "Fix\n\nLong body.\n\nChange-Id: I0123\nCo-authored-by: Ann <ann@example.org>\n  (pairing)\n# a comment\n";
        assert_eq!(co_authors(block).len(), 1);
        let mixed = "Fix\n\nTested on arm64 by hand\nCo-authored-by: Ann <ann@example.org>\nSigned-off-by: Bo <bo@example.org>\n";
        assert_eq!(
            co_authors(mixed).len(),
            1,
            "a quarter are trailers and one is git's own"
        );
    }

    /// C1: the registry adds bots, and decides whether AI co-authors are credited (not by default).
    #[test]
    fn c1_registry_bots_and_ai_co_authors() {
        let claude = Identity {
            name: "Claude".to_owned(),
            email: "noreply@anthropic.com".to_owned(),
        };
        let ci = Identity {
            name: "Acme CI".to_owned(),
            email: "ci@acme.example".to_owned(),
        };
        let mut polity = Polity::default();
        let patterns = bot_patterns(&polity);
        assert!(is_bot(&claude, &patterns), "AI co-authors are not counted by default");
        assert!(!is_bot(&ci, &patterns));
        polity.constitution.bots = vec!["ci@acme.example".to_owned()];
        polity.constitution.ai_co_authors_counted = true;
        let patterns = bot_patterns(&polity);
        assert!(!is_bot(&claude, &patterns), "counted when the registry says so");
        assert!(is_bot(&ci, &patterns), "the registry's own bot");
    }

    #[test]
    fn default_bot_patterns_catch_openstack_and_kubernetes_automation_not_people() {
        let patterns: Vec<String> = DEFAULT_BOT_PATTERNS.iter().map(|p| (*p).to_owned()).collect();
        let who = |name: &str, email: &str| Identity {
            name: name.to_owned(),
            email: email.to_owned(),
        };
        for bot in [
            who("OpenStack Proposal Bot", "openstack-infra@lists.openstack.org"),
            who("OpenStack Release Bot", "infra-root@openstack.org"),
            who("Zuul", "zuul@review.opendev.org"),
            who("Jenkins", "jenkins@review.openstack.org"),
            who("Kubernetes Prow Robot", "k8s-ci-robot@users.noreply.github.com"),
        ] {
            assert!(is_bot(&bot, &patterns), "{bot:?}");
        }
        assert!(!is_bot(&who("Sarah Jenkins", "sarah@example.org"), &patterns));
    }

    #[test]
    fn co_author_trailers_are_read_without_regard_to_case() {
        let message = "Fix it\n\nCo-authored-by: Ann Lee <ann@example.org>\nco-authored-by: Bo <bo@example.org>\nSigned-off-by: C <c@example.org>\n";
        let found = co_authors(message);
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[1],
            Identity {
                name: "Bo".into(),
                email: "bo@example.org".into()
            }
        );
    }
}

/// C3: health figures of a project as of a date (CHAOSS definitions).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Health {
    pub at: Date,
    /// The first day of the 365 days (`at` − 365 days); the window is `[from, at)`.
    pub from: Date,
    /// Which date of a commit placed it (the registry's `active-member.date`, else the commit's).
    pub basis: polity_model::ContributionDate,
    /// Distinct contributors with a contribution in the last 30, 90 and 365 days.
    pub active_30: usize,
    pub active_90: usize,
    pub active_365: usize,
    /// Contributions (credited commits) in the last 365 days.
    pub contributions_365: u64,
    /// Contributor absence factor (CHAOSS): the fewest people whose contributions make up 50 %
    /// (`>=`) of the last 365 days' contributions.
    pub absence_factor: usize,
    /// Elephant factor (CHAOSS): the fewest organisations whose contributions make up 50 % (`>=`)
    /// of the contributions of known affiliation (by the affiliation on each contribution's
    /// date). Contributions of unknown affiliation are no organisation: they are left out here
    /// and counted in `unknown`. 0 when no contribution has a known affiliation.
    pub elephant_factor: usize,
    /// Contributions of unknown affiliation over the 365 days (shown beside the factor).
    pub unknown: u64,
    /// Contributions per organisation over the 365 days, largest first (ties by name).
    pub organisations: Vec<(String, u64)>,
    /// The top contributor and their contributions over the 365 days.
    pub top_contributor: Option<(String, u64)>,
    pub last_activity: Option<Date>,
    /// Contributions per (month, organisation) over the 12 months before `at`.
    pub monthly: BTreeMap<(i16, i8), BTreeMap<String, u64>>,
}

/// The name under which contributions of unknown affiliation are listed (never an organisation).
pub const UNKNOWN: &str = "(unknown)";

/// CHAOSS's 50 %: the smallest number of the largest shares that sum to at least half of the
/// total (`2 × sum >= total`, exact); 0 for no shares.
fn at_least_half(mut shares: Vec<u64>) -> usize {
    let total: u64 = shares.iter().sum();
    shares.sort_unstable_by(|a, b| b.cmp(a));
    let mut sum = 0;
    for (index, share) in shares.iter().enumerate() {
        sum += share;
        if sum * 2 >= total {
            return index + 1;
        }
    }
    0
}

pub fn health(polity: &Polity, contributions: &[Contribution], at: Date, bot_patterns: &[String]) -> Health {
    let people = People::new(polity);
    let since = |days: i64| at.checked_sub(jiff::Span::new().days(days)).unwrap_or(Date::MIN);
    let mut active: [BTreeSet<String>; 3] = Default::default();
    let mut per_person: BTreeMap<String, u64> = BTreeMap::new();
    let mut per_organisation: BTreeMap<String, u64> = BTreeMap::new();
    let mut monthly: BTreeMap<(i16, i8), BTreeMap<String, u64>> = BTreeMap::new();
    let mut last_activity = None;
    // Which date places a commit: the registry's choice for the electorate, else the commit date.
    let basis = polity
        .constitution
        .active_member
        .map_or(polity_model::ContributionDate::Commit, |rule| rule.date);
    for contribution in contributions
        .iter()
        .filter(|contribution| contribution.date(basis) < at)
    {
        let on = contribution.date(basis);
        for identity in &contribution.credited {
            let person = people.person_of(identity);
            if person.and_then(|id| polity.person(id)).is_some_and(|person| person.bot)
                || is_bot(identity, bot_patterns)
            {
                continue;
            }
            last_activity = last_activity.max(Some(on));
            let who = person.map_or_else(|| identity.email.to_lowercase(), str::to_owned);
            for (set, days) in active.iter_mut().zip([30, 90, 365]) {
                if on >= since(days) {
                    set.insert(who.clone());
                }
            }
            if on >= since(365) {
                *per_person.entry(who.clone()).or_default() += 1;
                let organisation = person
                    .and_then(|id| polity.affiliation_on(id, on))
                    .unwrap_or(UNKNOWN)
                    .to_owned();
                *per_organisation.entry(organisation.clone()).or_default() += 1;
                let month = (on.year(), on.month());
                *monthly.entry(month).or_default().entry(organisation).or_default() += 1;
            }
        }
    }
    let mut organisations: Vec<(String, u64)> = per_organisation.into_iter().collect();
    organisations.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let top_contributor = per_person
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(who, count)| (who.clone(), *count));
    Health {
        at,
        from: since(365),
        basis,
        active_30: active[0].len(),
        active_90: active[1].len(),
        active_365: active[2].len(),
        contributions_365: per_person.values().sum(),
        absence_factor: at_least_half(per_person.values().copied().collect()),
        elephant_factor: at_least_half(
            organisations
                .iter()
                .filter(|(name, _)| name != UNKNOWN)
                .map(|(_, count)| *count)
                .collect(),
        ),
        unknown: organisations
            .iter()
            .find(|(name, _)| name == UNKNOWN)
            .map_or(0, |(_, count)| *count),
        organisations,
        top_contributor,
        last_activity,
        monthly,
    }
}

/// The domain under which contributions recorded by person id are credited.
pub const REGISTRY_DOMAIN: &str = "registry.invalid";

/// The kind of a contribution read from git.
pub const GIT_KIND: &str = "commit";

/// C1: the kinds of contribution outside git.
pub const KINDS: [&str; 6] = ["review", "use-case", "requirement", "document", "artefact", "code"];

/// A problem in a contributions file: its line and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvProblem {
    pub line: usize,
    pub reason: String,
}

/// Reads contributions made outside git (C1) from CSV text with the header
/// `date,person,kind,link`: a date (YYYY-MM-DD), a person (id or @handle of the registry), a
/// kind of [`KINDS`], and an optional link. Every problem is reported with its line; when there
/// is any, nothing is imported.
pub fn contributions_from_csv(polity: &Polity, text: &str) -> Result<Vec<Contribution>, Vec<CsvProblem>> {
    let mut problems = Vec::new();
    let mut contributions = Vec::new();
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, header)) if header.trim().eq_ignore_ascii_case("date,person,kind,link") => {}
        _ => {
            return Err(vec![CsvProblem {
                line: 1,
                reason: "the first line must be the header `date,person,kind,link`".to_owned(),
            }]);
        }
    }
    for (index, line) in lines {
        let number = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        if fields.len() != 4 {
            problems.push(CsvProblem {
                line: number,
                reason: format!("{} fields; write date,person,kind,link", fields.len()),
            });
            continue;
        }
        let on = match fields[0].parse::<Date>() {
            Ok(on) => on,
            Err(error) => {
                problems.push(CsvProblem {
                    line: number,
                    reason: format!(
                        "{:?} is not a date: {}",
                        fields[0],
                        polity_model::date_problem(fields[0]).unwrap_or_else(|| error.to_string())
                    ),
                });
                continue;
            }
        };
        let Some(person) = polity.person(fields[1]) else {
            problems.push(CsvProblem {
                line: number,
                reason: format!("{:?} is not a person of the registry", fields[1]),
            });
            continue;
        };
        let Some(kind) = KINDS.iter().find(|kind| **kind == fields[2]) else {
            problems.push(CsvProblem {
                line: number,
                reason: format!("{:?} is not a kind: use one of {}", fields[2], KINDS.join(", ")),
            });
            continue;
        };
        // Credited by person id under the reserved `.invalid` domain, which no real address uses.
        let email = format!("{}@{REGISTRY_DOMAIN}", person.id);
        contributions.push(Contribution {
            commit: format!(
                "{}:{}",
                fields[2],
                if fields[3].is_empty() {
                    number.to_string()
                } else {
                    fields[3].to_owned()
                }
            ),
            kind,
            on,
            committed: on,
            credited: vec![Identity {
                name: person.name.clone(),
                email,
            }],
        });
    }
    if problems.is_empty() {
        Ok(contributions)
    } else {
        Err(problems)
    }
}

impl Contribution {
    /// The date that places it in a window, by the registry's choice (E2).
    pub fn date(&self, basis: polity_model::ContributionDate) -> Date {
        match basis {
            polity_model::ContributionDate::Commit => self.committed,
            polity_model::ContributionDate::Author => self.on,
        }
    }
}
