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

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

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
    pub commit: String,
    /// The author date, in UTC.
    pub on: Date,
    /// The author first, then each distinct co-author.
    pub credited: Vec<Identity>,
}

#[derive(Clone, Debug)]
pub struct IngestOptions {
    /// The ref to walk from (`HEAD` by default).
    pub from: String,
    /// Count merge commits too.
    pub merges: bool,
    /// Only commits from about this date on: the walk goes newest first by commit time and stops
    /// at `since` minus [`CLOCK_SLACK_DAYS`], so that skewed author clocks are still counted.
    pub since: Option<Date>,
}

/// How far before `since` the walk still reads commits (author clocks are often off).
pub const CLOCK_SLACK_DAYS: i64 = 31;

impl Default for IngestOptions {
    fn default() -> IngestOptions {
        IngestOptions {
            from: "HEAD".to_owned(),
            merges: false,
            since: None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{path}: not a git repository: {message}")]
    Open { path: String, message: String },
    #[error("{path}: cannot resolve {reference:?}: {message}")]
    Reference {
        path: String,
        reference: String,
        message: String,
    },
    #[error("{path}: cannot read the history: {message}")]
    Walk { path: String, message: String },
}

/// Parses `Co-authored-by: Name <email>` trailers (the key without regard to case).
pub fn co_authors(message: &str) -> Vec<Identity> {
    message
        .lines()
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

/// Every contribution reachable from `options.from`, in walk order.
pub fn ingest(path: &Path, options: &IngestOptions) -> Result<Vec<Contribution>, IngestError> {
    let shown = path.display().to_string();
    let walk_error = |error: &dyn std::fmt::Display| IngestError::Walk {
        path: shown.clone(),
        message: error.to_string(),
    };
    let repo = gix::open(path).map_err(|error| IngestError::Open {
        path: shown.clone(),
        message: error.to_string(),
    })?;
    let start = repo
        .rev_parse_single(options.from.as_str())
        .map_err(|error| IngestError::Reference {
            path: shown.clone(),
            reference: options.from.clone(),
            message: error.to_string(),
        })?;
    let mailmap = repo.open_mailmap();
    let cutoff = match options.since {
        Some(since) => Some(
            since
                .to_zoned(jiff::tz::TimeZone::UTC)
                .map(|zoned| zoned.timestamp().as_second() - CLOCK_SLACK_DAYS * 86_400)
                .map_err(|error| walk_error(&error))?,
        ),
        None => None,
    };
    // The mailmap maps (name, e-mail) to the canonical pair; unmapped parts stay as they are.
    let resolve = |name: &gix::bstr::BStr, email: &gix::bstr::BStr| {
        let signature = gix::actor::SignatureRef { name, email, time: "" };
        let mapped = mailmap.try_resolve_ref(signature);
        Identity {
            name: mapped
                .as_ref()
                .and_then(|mapped| mapped.name)
                .unwrap_or(name)
                .to_string(),
            email: mapped
                .as_ref()
                .and_then(|mapped| mapped.email)
                .unwrap_or(email)
                .to_string(),
        }
    };
    // Each commit is read exactly once, when first seen, and queued newest first by commit
    // time: with a cutoff, the first commit older than it ends the walk (every later one is
    // older still).
    let read = |id: gix::ObjectId| -> Result<Pending, IngestError> {
        let commit = repo.find_commit(id).map_err(|error| walk_error(&error))?;
        let decoded = commit.decode().map_err(|error| walk_error(&error))?;
        let committed = decoded.committer().map_err(|error| walk_error(&error))?.seconds();
        let author = decoded.author().map_err(|error| walk_error(&error))?;
        let on = jiff::Timestamp::from_second(author.seconds())
            .map(|timestamp| timestamp.to_zoned(jiff::tz::TimeZone::UTC).date())
            .map_err(|error| walk_error(&error))?;
        let parents: Vec<gix::ObjectId> = decoded.parents().collect();
        let mut credited = vec![resolve(author.name, author.email)];
        // Only a message that mentions a co-author is read as text.
        let message: &[u8] = decoded.message.as_ref();
        let mentions = message
            .windows(14)
            .any(|window| window.eq_ignore_ascii_case(b"co-authored-by"));
        let trailers = if mentions {
            co_authors(&String::from_utf8_lossy(message))
        } else {
            Vec::new()
        };
        for co_author in trailers {
            let identity = resolve(co_author.name.as_str().into(), co_author.email.as_str().into());
            if !credited
                .iter()
                .any(|known| known.email.eq_ignore_ascii_case(&identity.email))
            {
                credited.push(identity);
            }
        }
        Ok(Pending {
            committed,
            id,
            parents,
            contribution: Contribution {
                commit: id.to_string(),
                on,
                credited,
            },
        })
    };
    let mut queue = std::collections::BinaryHeap::new();
    let mut seen = std::collections::HashSet::new();
    let start = start.detach();
    seen.insert(start);
    queue.push(read(start)?);
    let mut contributions = Vec::new();
    while let Some(pending) = queue.pop() {
        if cutoff.is_some_and(|cutoff| pending.committed < cutoff) {
            break;
        }
        for parent in &pending.parents {
            if seen.insert(*parent) {
                queue.push(read(*parent)?);
            }
        }
        if options.merges || pending.parents.len() <= 1 {
            contributions.push(pending.contribution);
        }
    }
    Ok(contributions)
}

/// A commit read but not yet walked past, ordered by commit time (then id) for the queue.
struct Pending {
    committed: i64,
    id: gix::ObjectId,
    parents: Vec<gix::ObjectId>,
    contribution: Contribution,
}

impl PartialEq for Pending {
    fn eq(&self, other: &Pending) -> bool {
        (self.committed, self.id) == (other.committed, other.id)
    }
}

impl Eq for Pending {}

impl PartialOrd for Pending {
    fn partial_cmp(&self, other: &Pending) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Pending {
    fn cmp(&self, other: &Pending) -> std::cmp::Ordering {
        (self.committed, self.id).cmp(&(other.committed, other.id))
    }
}

/// Bot accounts by default: GitHub apps and the usual automation names.
pub const DEFAULT_BOT_PATTERNS: [&str; 4] = ["[bot]", "-bot@", "dependabot", "renovate"];

fn is_bot(identity: &Identity, patterns: &[String]) -> bool {
    let text = format!("{} {}", identity.name, identity.email).to_lowercase();
    patterns.iter().any(|pattern| text.contains(&pattern.to_lowercase()))
}

/// Finds the registry person behind an identity: by e-mail (without regard to case), or by the
/// GitHub no-reply address (`ID+handle@users.noreply.github.com` or
/// `handle@users.noreply.github.com`), by handle.
#[derive(Debug)]
pub struct People<'a> {
    polity: &'a Polity,
    by_email: std::collections::HashMap<String, &'a str>,
}

impl<'a> People<'a> {
    pub fn new(polity: &'a Polity) -> People<'a> {
        let mut by_email = std::collections::HashMap::new();
        for person in &polity.people {
            for email in &person.emails {
                by_email.entry(email.to_lowercase()).or_insert(person.id.as_str());
            }
        }
        People { polity, by_email }
    }

    pub fn person_of(&self, identity: &Identity) -> Option<&'a str> {
        let email = identity.email.to_lowercase();
        if let Some(id) = identity.email.strip_suffix(&format!("@{REGISTRY_DOMAIN}")) {
            return self.polity.person(id).map(|person| person.id.as_str());
        }
        if let Some(id) = self.by_email.get(&email) {
            return Some(id);
        }
        let local = email.strip_suffix("@users.noreply.github.com")?;
        let handle = local.rsplit('+').next()?;
        self.polity
            .person(&format!("@{handle}"))
            .map(|person| person.id.as_str())
    }
}

/// One line of the roll.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Voter {
    /// A registry person id, or the e-mail of an identity the registry does not know.
    pub who: String,
    pub known: bool,
    pub contributions: u32,
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

/// Applies E2 as of `at`: a contribution counts when its date is in `[at - within, at)`; a
/// person is active with at least `rule.contributions` of them. Bots (by pattern or by the
/// registry's `bot: true`) are left out. The roll is sorted by person.
pub fn electorate(
    polity: &Polity,
    contributions: &[Contribution],
    rule: ActiveMemberRule,
    at: Date,
    bot_patterns: &[String],
) -> Roll {
    let from = rule.within.before(at);
    let people = People::new(polity);
    let mut counts: BTreeMap<(bool, String), u32> = BTreeMap::new();
    let mut bots = BTreeSet::new();
    for contribution in contributions
        .iter()
        .filter(|contribution| from <= contribution.on && contribution.on < at)
    {
        let mut seen = BTreeSet::new();
        for identity in &contribution.credited {
            let person = people.person_of(identity);
            let flagged = person.and_then(|id| polity.person(id)).is_some_and(|person| person.bot);
            if flagged || is_bot(identity, bot_patterns) {
                bots.insert(identity.email.to_lowercase());
                continue;
            }
            let key = match person {
                Some(id) => (true, id.to_owned()),
                None => (false, identity.email.to_lowercase()),
            };
            // Once per commit, even when one person appears under two addresses.
            if seen.insert(key.clone()) {
                *counts.entry(key).or_default() += 1;
            }
        }
    }
    let voters = counts
        .into_iter()
        .map(|((known, who), contributions)| Voter {
            organisation: if known {
                polity.affiliation_on(&who, at).map(str::to_owned)
            } else {
                None
            },
            active: known && contributions >= rule.contributions,
            who,
            known,
            contributions,
        })
        .collect();
    Roll {
        from,
        at,
        rule,
        voters,
        bots_left_out: bots.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    /// Distinct contributors with a contribution in the last 30, 90 and 365 days.
    pub active_30: usize,
    pub active_90: usize,
    pub active_365: usize,
    /// Contributions (credited commits) in the last 365 days.
    pub contributions_365: u64,
    /// Contributor absence factor: the fewest people who made more than half of the last
    /// 365 days' contributions.
    pub absence_factor: usize,
    /// Elephant factor: the fewest organisations that made more than half of them (by the
    /// affiliation on each contribution's date; contributions of unknown affiliation count as
    /// one organisation, "(unknown)").
    pub elephant_factor: usize,
    /// Contributions per organisation over the 365 days, largest first (ties by name).
    pub organisations: Vec<(String, u64)>,
    /// The top contributor and their contributions over the 365 days.
    pub top_contributor: Option<(String, u64)>,
    pub last_activity: Option<Date>,
    /// Contributions per (month, organisation) over the 12 months before `at`.
    pub monthly: BTreeMap<(i16, i8), BTreeMap<String, u64>>,
}

/// The smallest number of the largest shares that sum to more than half of the total.
fn more_than_half(mut shares: Vec<u64>) -> usize {
    let total: u64 = shares.iter().sum();
    shares.sort_unstable_by(|a, b| b.cmp(a));
    let mut sum = 0;
    for (index, share) in shares.iter().enumerate() {
        sum += share;
        if sum * 2 > total {
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
    for contribution in contributions.iter().filter(|contribution| contribution.on < at) {
        for identity in &contribution.credited {
            let person = people.person_of(identity);
            if person.and_then(|id| polity.person(id)).is_some_and(|person| person.bot)
                || is_bot(identity, bot_patterns)
            {
                continue;
            }
            last_activity = last_activity.max(Some(contribution.on));
            let who = person.map_or_else(|| identity.email.to_lowercase(), str::to_owned);
            for (set, days) in active.iter_mut().zip([30, 90, 365]) {
                if contribution.on >= since(days) {
                    set.insert(who.clone());
                }
            }
            if contribution.on >= since(365) {
                *per_person.entry(who.clone()).or_default() += 1;
                let organisation = person
                    .and_then(|id| polity.affiliation_on(id, contribution.on))
                    .unwrap_or("(unknown)")
                    .to_owned();
                *per_organisation.entry(organisation.clone()).or_default() += 1;
                let month = (contribution.on.year(), contribution.on.month());
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
        active_30: active[0].len(),
        active_90: active[1].len(),
        active_365: active[2].len(),
        contributions_365: per_person.values().sum(),
        absence_factor: more_than_half(per_person.values().copied().collect()),
        elephant_factor: more_than_half(organisations.iter().map(|(_, count)| *count).collect()),
        organisations,
        top_contributor,
        last_activity,
        monthly,
    }
}

/// The domain under which contributions recorded by person id are credited.
pub const REGISTRY_DOMAIN: &str = "registry.invalid";

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
                    reason: format!("{:?} is not a date: {error}", fields[0]),
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
        if !KINDS.contains(&fields[2]) {
            problems.push(CsvProblem {
                line: number,
                reason: format!("{:?} is not a kind: use one of {}", fields[2], KINDS.join(", ")),
            });
            continue;
        }
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
            on,
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
