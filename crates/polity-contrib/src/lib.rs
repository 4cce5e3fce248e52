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
}

impl Default for IngestOptions {
    fn default() -> IngestOptions {
        IngestOptions {
            from: "HEAD".to_owned(),
            merges: false,
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
    let walk = repo
        .rev_walk([start.detach()])
        .all()
        .map_err(|error| walk_error(&error))?;
    let mut contributions = Vec::new();
    for info in walk {
        let info = info.map_err(|error| walk_error(&error))?;
        if !options.merges && info.parent_ids.len() > 1 {
            continue;
        }
        let commit = info.object().map_err(|error| walk_error(&error))?;
        let decoded = commit.decode().map_err(|error| walk_error(&error))?;
        let author = decoded.author().map_err(|error| walk_error(&error))?;
        let seconds = author.seconds();
        let on = jiff::Timestamp::from_second(seconds)
            .map(|timestamp| timestamp.to_zoned(jiff::tz::TimeZone::UTC).date())
            .map_err(|error| walk_error(&error))?;
        let resolve = |name: &str, email: &str| {
            let signature = gix::actor::SignatureRef {
                name: name.into(),
                email: email.into(),
                time: "",
            };
            let resolved = mailmap.resolve(signature);
            Identity {
                name: resolved.name.to_string(),
                email: resolved.email.to_string(),
            }
        };
        let mut credited = vec![resolve(&author.name.to_string(), &author.email.to_string())];
        for co_author in co_authors(&decoded.message.to_string()) {
            let identity = resolve(&co_author.name, &co_author.email);
            if !credited
                .iter()
                .any(|known| known.email.eq_ignore_ascii_case(&identity.email))
            {
                credited.push(identity);
            }
        }
        contributions.push(Contribution {
            commit: info.id.to_string(),
            on,
            credited,
        });
    }
    Ok(contributions)
}

/// Bot accounts by default: GitHub apps and the usual automation names.
pub const DEFAULT_BOT_PATTERNS: [&str; 4] = ["[bot]", "-bot@", "dependabot", "renovate"];

fn is_bot(identity: &Identity, patterns: &[String]) -> bool {
    let text = format!("{} {}", identity.name, identity.email).to_lowercase();
    patterns.iter().any(|pattern| text.contains(&pattern.to_lowercase()))
}

/// The registry person behind an identity: by e-mail, or by the GitHub no-reply address
/// (`ID+handle@users.noreply.github.com` or `handle@users.noreply.github.com`).
pub fn person_of<'a>(polity: &'a Polity, identity: &Identity) -> Option<&'a str> {
    let email = identity.email.to_lowercase();
    if let Some(person) = polity
        .people
        .iter()
        .find(|person| person.emails.iter().any(|known| known.to_lowercase() == email))
    {
        return Some(person.id.as_str());
    }
    let local = email.strip_suffix("@users.noreply.github.com")?;
    let handle = local.rsplit('+').next()?;
    polity.person(&format!("@{handle}")).map(|person| person.id.as_str())
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
    let mut counts: BTreeMap<(bool, String), u32> = BTreeMap::new();
    let mut bots = BTreeSet::new();
    for contribution in contributions
        .iter()
        .filter(|contribution| from <= contribution.on && contribution.on < at)
    {
        let mut seen = BTreeSet::new();
        for identity in &contribution.credited {
            let person = person_of(polity, identity);
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
