//! Affiliations with date ranges from gitdm's configuration files (`email-map`, `domain-map`,
//! `aliases`) and from CNCF's `developers_affiliations*.txt`, applied to a registry's people.
//!
//! gitdm maps: one entry per line, `KEY EMPLOYER [< YYYY-MM-DD]`, where KEY is an address
//! (`user@domain`, or CNCF's `user!domain`) or a bare domain. A dated entry is the employer
//! *until* that date; the entries of one key, sorted by date, follow one another, and the undated
//! entry is the employer after the last date. `aliases`: `ALIAS CANONICAL`, two addresses.
//!
//! CNCF: `login: address, address` (addresses with `!` for `@`), then one indented line per
//! employer, `Name [from YYYY-MM-DD] [until YYYY-MM-DD]`.
//!
//! `Independent`, `NotFound`, `Unknown` and `(Unknown)` mean no employer: the span becomes a gap,
//! so that independents are never capped together as one organisation (S6).

use std::collections::{BTreeMap, BTreeSet};
use std::io::BufRead as _;

use jiff::civil::Date;

use crate::files::{AffiliationFile, IdentityFile, OrganisationFile, PersonFile, text};
use crate::import::slug;

/// A problem in an affiliation file: its file, line and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub reason: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "{}:{}: {}", self.file, self.line, self.reason)
    }
}

/// Employment over `[from, until)`; `None` bounds are open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub employer: String,
    pub from: Option<Date>,
    pub until: Option<Date>,
}

/// Whether an employer name means "no employer".
pub(crate) fn no_employer(name: &str) -> bool {
    ["independent", "notfound", "unknown", "(unknown)"].contains(&name.to_lowercase().as_str())
}

/// One developer's addresses, GitHub login and employment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Developer {
    /// The line of its `login: addresses` line (0 when it did not come from a file).
    pub line: usize,
    pub login: Option<String>,
    pub emails: Vec<String>,
    pub spans: Vec<Span>,
}

/// What the files say, before it is applied to a registry.
#[derive(Clone, Debug, Default)]
pub struct Affiliations {
    /// From CNCF's developers_affiliations files.
    pub developers: Vec<Developer>,
    /// From gitdm email maps: address (lower case) to spans.
    pub by_email: BTreeMap<String, Vec<Span>>,
    /// From gitdm domain maps (and bare domains in email maps): domain (lower case) to spans.
    pub by_domain: BTreeMap<String, Vec<Span>>,
    /// From gitdm aliases: alias to canonical address (both lower case).
    pub aliases: Vec<(String, String)>,
    /// What was read but is odd, with its file and line: a login listed twice (merged), ranges
    /// that start and end on one day (empty, left out).
    pub warnings: Vec<Problem>,
    /// Entries of a streamed CNCF file that match no person of the registry: counted, not kept
    /// (memory follows the registry, not the file).
    pub skipped: usize,
}

/// The longest line a CNCF file may have (its real lines are under 1 KiB).
pub const MAX_LINE: usize = 64 * 1024;

/// What a registry can match a developer by: GitHub logins and addresses, in lower case.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Interest {
    pub handles: BTreeSet<String>,
    pub emails: BTreeSet<String>,
}

impl Interest {
    /// Everything `apply` matches a developer by: the people's handles and addresses, their
    /// identities' too.
    pub fn of(people: &[PersonFile]) -> Interest {
        let mut interest = Interest::default();
        for person in people {
            for email in person
                .emails
                .iter()
                .chain(person.identities.iter().filter_map(|identity| identity.email.as_ref()))
            {
                interest.emails.insert(email.to_lowercase());
            }
            for handle in person
                .github
                .iter()
                .chain(person.identities.iter().filter_map(|identity| identity.github.as_ref()))
            {
                interest.handles.insert(handle.to_lowercase());
            }
        }
        interest
    }
}

/// `text` ends with ` WORD YYYY-MM-DD`: the text before and the date. A ` from ` or ` until `
/// followed by anything else is part of an employer's name (`Automation & Controls from GE`).
/// What looks like a date (`2020-13-01`) but is not one is an error.
fn dated<'t>(text: &'t str, word: &str) -> Result<Option<(&'t str, Date)>, String> {
    let Some((rest, date_text)) = text.rsplit_once(word) else {
        return Ok(None);
    };
    let date_text = date_text.trim();
    match date_text.parse::<Date>() {
        Ok(date) => Ok(Some((rest, date))),
        Err(_) if date_text.len() == 10 && date_text.chars().all(|c| c.is_ascii_digit() || c == '-') => {
            Err(format!("{date_text:?} is not a date: write YYYY-MM-DD"))
        }
        Err(_) => Ok(None),
    }
}

fn address(text: &str) -> String {
    text.trim().replace('!', "@").to_lowercase()
}

fn date(text: &str, file: &str, line: usize, problems: &mut Vec<Problem>) -> Option<Date> {
    match text.trim().parse::<Date>() {
        Ok(date) => Some(date),
        Err(error) => {
            problems.push(Problem {
                file: file.to_owned(),
                line,
                reason: format!(
                    "{:?} is not a date: {}",
                    text.trim(),
                    polity_model::date_problem(text).unwrap_or_else(|| error.to_string())
                ),
            });
            None
        }
    }
}

/// One line of a gitdm map: its line number, the employer and the date it ends.
type Entry = (usize, String, Option<Date>);

/// A key's dated and undated entries (with their lines) as consecutive spans.
fn chain(entries: &[Entry], key: &str, file: &str, problems: &mut Vec<Problem>) -> Vec<Span> {
    let mut dated: Vec<&Entry> = entries.iter().filter(|entry| entry.2.is_some()).collect();
    dated.sort_by_key(|entry| entry.2);
    for pair in dated.windows(2) {
        if pair[0].2 == pair[1].2 {
            problems.push(Problem {
                file: file.to_owned(),
                line: pair[1].0,
                reason: format!(
                    "{key} has two employers until {} (also line {})",
                    pair[1].2.map(|date| date.to_string()).unwrap_or_default(),
                    pair[0].0
                ),
            });
        }
    }
    let current: Vec<&Entry> = entries
        .iter()
        .filter(|entry| entry.2.is_none() && !no_employer(&entry.1))
        .collect();
    if current.len() > 1 {
        problems.push(Problem {
            file: file.to_owned(),
            line: current[1].0,
            reason: format!(
                "{key} has two current employers ({:?} and {:?} on line {}); give the earlier one an end date (`< YYYY-MM-DD`)",
                current[1].1, current[0].1, current[0].0
            ),
        });
    }
    let mut spans = Vec::new();
    let mut from = None;
    for entry in dated {
        spans.push(Span {
            employer: entry.1.clone(),
            from,
            until: entry.2,
        });
        from = entry.2;
    }
    if let Some(entry) = current.first() {
        spans.push(Span {
            employer: entry.1.clone(),
            from,
            until: None,
        });
    }
    spans
}

impl Affiliations {
    /// Reads a gitdm `email-map` or `domain-map` (the two share a format; a key without `@` or
    /// `!` is a domain).
    pub fn read_gitdm_map(&mut self, file: &str, content: &str) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut entries: BTreeMap<(bool, String), Vec<Entry>> = BTreeMap::new();
        for (index, line) in content.lines().enumerate() {
            let number = index + 1;
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((key, rest)) = line.split_once(char::is_whitespace) else {
                problems.push(Problem {
                    file: file.to_owned(),
                    line: number,
                    reason: "a key without an employer: write `address-or-domain employer [< YYYY-MM-DD]`".to_owned(),
                });
                continue;
            };
            let (employer, until) = match rest.rsplit_once('<') {
                Some((employer, until)) => match date(until, file, number, &mut problems) {
                    Some(until) => (employer.trim(), Some(until)),
                    None => continue,
                },
                None => (rest.trim(), None),
            };
            if employer.is_empty() {
                problems.push(Problem {
                    file: file.to_owned(),
                    line: number,
                    reason: format!("{key} has no employer"),
                });
                continue;
            }
            let is_address = key.contains('@') || key.contains('!');
            entries
                .entry((is_address, address(key)))
                .or_default()
                .push((number, employer.to_owned(), until));
        }
        for ((is_address, key), entries) in entries {
            let spans = chain(&entries, &key, file, &mut problems);
            let map = if is_address {
                &mut self.by_email
            } else {
                &mut self.by_domain
            };
            map.insert(key, spans);
        }
        problems
    }

    /// Reads a gitdm `aliases` file: `alias canonical` per line.
    pub fn read_gitdm_aliases(&mut self, file: &str, content: &str) -> Vec<Problem> {
        let mut problems = Vec::new();
        for (index, line) in content.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split_whitespace().collect();
            if fields.len() != 2 || !fields.iter().all(|field| field.contains('@') || field.contains('!')) {
                problems.push(Problem {
                    file: file.to_owned(),
                    line: index + 1,
                    reason: "write two addresses: `alias canonical`".to_owned(),
                });
                continue;
            }
            self.aliases.push((address(fields[0]), address(fields[1])));
        }
        problems
    }

    /// Reads CNCF's `developers_affiliations*.txt` from text (every developer kept).
    pub fn read_cncf(&mut self, file: &str, content: &str) -> Vec<Problem> {
        let mut reader = content.as_bytes();
        self.read_cncf_lines(file, &mut reader, None, false, &|_| {})
            .unwrap_or_else(|error| {
                vec![Problem {
                    file: file.to_owned(),
                    line: 0,
                    reason: error.to_string(),
                }]
            })
    }

    /// Reads a CNCF file streaming, in memory bounded by the registry rather than the file (the
    /// current files are hundreds of MB): a first pass finds the logins of developers that match
    /// `interest` (by login or address), a second keeps those developers, every entry of their
    /// logins merged; the others are only counted (`skipped`). `open` opens the file afresh for
    /// each pass; `progress` is told the bytes read (twice the file's size in all).
    pub fn read_cncf_streaming<R: std::io::BufRead>(
        &mut self,
        file: &str,
        mut open: impl FnMut() -> std::io::Result<R>,
        interest: &Interest,
        progress: &dyn Fn(u64),
    ) -> std::io::Result<Vec<Problem>> {
        let mut wanted = Interest {
            handles: BTreeSet::new(),
            emails: BTreeSet::new(),
        };
        let mut first = Affiliations::default();
        // Problems are the second pass's to report: it reads every line.
        first.read_cncf_lines(file, &mut open()?, Some((interest, &mut wanted)), true, progress)?;
        drop(first);
        wanted.handles.extend(interest.handles.iter().cloned());
        wanted.emails.extend(interest.emails.iter().cloned());
        // The second pass says everything the first did, and skips only developers whose login
        // no kept developer has.
        self.read_cncf_lines(
            file,
            &mut open()?,
            Some((&wanted, &mut Interest::default())),
            false,
            progress,
        )
    }

    /// The reader behind both: one line at a time (at most [`MAX_LINE`] bytes each), each
    /// developer kept, or, with a filter, kept when it matches (its login then noted in the
    /// filter's second set) and otherwise only counted.
    fn read_cncf_lines(
        &mut self,
        file: &str,
        reader: &mut dyn std::io::BufRead,
        mut filter: Option<(&Interest, &mut Interest)>,
        discover: bool,
        progress: &dyn Fn(u64),
    ) -> std::io::Result<Vec<Problem>> {
        let mut problems = Vec::new();
        let mut current: Option<Developer> = None;
        let mut empty = 0;
        // Each kept login's developer (index) and the line it was first listed on.
        let mut seen: BTreeMap<String, (usize, usize)> = self
            .developers
            .iter()
            .enumerate()
            .filter_map(|(index, developer)| developer.login.as_ref().map(|login| (login.to_lowercase(), (index, 0))))
            .collect();
        let finish = |affiliations: &mut Affiliations,
                      developer: Developer,
                      seen: &mut BTreeMap<String, (usize, usize)>,
                      filter: &mut Option<(&Interest, &mut Interest)>| {
            if let Some((interest, found)) = filter.as_mut() {
                let login = developer.login.as_ref().map(|login| login.to_lowercase());
                let matches = login.as_ref().is_some_and(|login| interest.handles.contains(login))
                    || developer.emails.iter().any(|email| interest.emails.contains(email));
                if !matches {
                    affiliations.skipped += 1;
                    return;
                }
                if let Some(login) = login {
                    found.handles.insert(login);
                }
            }
            affiliations.add_developer(developer, file, seen);
        };
        let mut buffer = Vec::new();
        let mut number = 0;
        // Bytes read and not yet reported (reported a MiB at a time).
        let mut pending = 0u64;
        loop {
            buffer.clear();
            let read = std::io::Read::take(&mut *reader, MAX_LINE as u64 + 1).read_until(b'\n', &mut buffer)?;
            if read == 0 {
                break;
            }
            pending += read as u64;
            if pending >= 1 << 20 {
                progress(pending);
                pending = 0;
            }
            number += 1;
            if buffer.len() > MAX_LINE && !buffer.ends_with(b"\n") {
                // Skip the rest of the line.
                let mut rest = Vec::new();
                loop {
                    rest.clear();
                    let more = std::io::Read::take(&mut *reader, 1 << 16).read_until(b'\n', &mut rest)?;
                    progress(more as u64);
                    if more == 0 || rest.ends_with(b"\n") {
                        break;
                    }
                }
                problems.push(Problem {
                    file: file.to_owned(),
                    line: number,
                    reason: format!(
                        "the line is longer than {} KiB: is this a developers_affiliations file?",
                        MAX_LINE / 1024
                    ),
                });
                continue;
            }
            let Ok(line) = std::str::from_utf8(&buffer) else {
                problems.push(Problem {
                    file: file.to_owned(),
                    line: number,
                    reason: "the line is not UTF-8 text".to_owned(),
                });
                continue;
            };
            let line = line.trim_end_matches(['\n', '\r']);
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            if line.starts_with(char::is_whitespace) {
                if discover {
                    // The first pass needs only the `login: addresses` lines.
                    continue;
                }
                let Some(developer) = current.as_mut() else {
                    problems.push(Problem {
                        file: file.to_owned(),
                        line: number,
                        reason: "an employer line before any `login: addresses` line".to_owned(),
                    });
                    continue;
                };
                let mut text = line.trim();
                let mut until = None;
                let mut from = None;
                for (word, bound) in [(" until ", &mut until), (" from ", &mut from)] {
                    match dated(text, word) {
                        Ok(Some((rest, date))) => {
                            *bound = Some(date);
                            text = rest;
                        }
                        Ok(None) => {}
                        Err(reason) => problems.push(Problem {
                            file: file.to_owned(),
                            line: number,
                            reason,
                        }),
                    }
                }
                if let (Some(from), Some(until)) = (from, until) {
                    if until == from {
                        // `from D until D`: employed for no day at all.
                        empty += 1;
                        continue;
                    }
                    if until < from {
                        problems.push(Problem {
                            file: file.to_owned(),
                            line: number,
                            reason: format!("{text} ends ({until}) before it starts ({from})"),
                        });
                    }
                }
                developer.spans.push(Span {
                    employer: text.trim().to_owned(),
                    from,
                    until,
                });
                continue;
            }
            let Some((login, addresses)) = line.split_once(':') else {
                problems.push(Problem {
                    file: file.to_owned(),
                    line: number,
                    reason: "write `login: address, address` (addresses may use `!` for `@`)".to_owned(),
                });
                continue;
            };
            if let Some(done) = current.take() {
                finish(self, done, &mut seen, &mut filter);
            }
            current = Some(Developer {
                line: number,
                login: Some(login.trim().trim_end_matches('*').to_owned()).filter(|login| !login.is_empty()),
                emails: addresses
                    .split(',')
                    .map(address)
                    .filter(|address| !address.is_empty())
                    .collect(),
                spans: Vec::new(),
            });
        }
        if let Some(done) = current.take() {
            finish(self, done, &mut seen, &mut filter);
        }
        progress(pending);
        if empty > 0 {
            self.warnings.push(Problem {
                file: file.to_owned(),
                line: 0,
                reason: format!("{empty} range(s) start and end on the same day (`from D until D`): empty, left out"),
            });
        }
        Ok(problems)
    }

    /// Adds a developer, merging one whose login was listed before (addresses and employers
    /// joined) with a warning naming both lines.
    fn add_developer(&mut self, developer: Developer, file: &str, seen: &mut BTreeMap<String, (usize, usize)>) {
        let Some(login) = developer.login.as_ref().map(|login| login.to_lowercase()) else {
            self.developers.push(developer);
            return;
        };
        match seen.get(&login) {
            Some(&(index, first)) => {
                let earlier = &mut self.developers[index];
                self.warnings.push(Problem {
                    file: file.to_owned(),
                    line: developer.line,
                    reason: format!(
                        "login {login} is listed again{}: its addresses and employers are merged into one developer",
                        if first > 0 {
                            format!(" (first on line {first})")
                        } else {
                            " (first in an earlier file)".to_owned()
                        }
                    ),
                });
                for email in developer.emails {
                    if !earlier.emails.contains(&email) {
                        earlier.emails.push(email);
                    }
                }
                earlier.spans.extend(developer.spans);
            }
            None => {
                seen.insert(login, (self.developers.len(), developer.line));
                self.developers.push(developer);
            }
        }
    }
}

/// What applying the files changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// Person ids given affiliations, with the source that gave them.
    pub people: BTreeMap<String, &'static str>,
    /// Addresses merged into people as identities (from CNCF's lists and gitdm aliases).
    pub merged_emails: usize,
    pub organisations_added: Vec<String>,
    /// Developers and addresses of the files that matched no person of the registry.
    pub unmatched: usize,
}

/// Applies the affiliations to the registry's people: for each person, CNCF's entry (matched
/// by GitHub login or an address) wins, then the email map (by any address of the person), then
/// the domain map (by the domain of the person's first address); the person's affiliations
/// are replaced by what the source says. Addresses the files tie to a person are added to it
/// as merge rules, unless another person already has them. New employers become organisations.
pub fn apply(
    affiliations: &Affiliations,
    people: &mut [PersonFile],
    organisations: &mut Vec<OrganisationFile>,
) -> Applied {
    let mut applied = Applied::default();
    let mut owner: BTreeMap<String, usize> = BTreeMap::new();
    let mut handles: BTreeMap<String, usize> = BTreeMap::new();
    for (index, person) in people.iter().enumerate() {
        for email in person
            .emails
            .iter()
            .chain(person.identities.iter().filter_map(|identity| identity.email.as_ref()))
        {
            owner.entry(email.to_lowercase()).or_insert(index);
        }
        for handle in person
            .github
            .iter()
            .chain(person.identities.iter().filter_map(|identity| identity.github.as_ref()))
        {
            handles.entry(handle.to_lowercase()).or_insert(index);
        }
    }
    let organisation_of = |employer: &str, organisations: &mut Vec<OrganisationFile>, added: &mut Vec<String>| {
        // By name, id or alias; then by the name without its legal form (`VMware, Inc.` is
        // `vmware`), so that two sources' spellings of one company do not split it.
        let id = slug(employer);
        let bare = polity_model::bare_organisation_name(employer);
        if let Some(found) = organisations.iter().find(|organisation| {
            organisation.name.eq_ignore_ascii_case(employer)
                || organisation.id.value == id
                || organisation.aliases.contains(&id)
        }) {
            return found.id.value.clone();
        }
        if let Some(found) = organisations.iter().find(|organisation| {
            polity_model::bare_organisation_name(&organisation.name) == bare
                || polity_model::bare_organisation_name(&organisation.id.value) == bare
        }) {
            return found.id.value.clone();
        }
        organisations.push(OrganisationFile {
            id: text(id.clone()),
            name: employer.to_owned(),
            domains: Vec::new(),
            aliases: Vec::new(),
        });
        added.push(id.clone());
        id
    };
    // Developers a streamed read counted but did not keep match nobody either.
    applied.unmatched += affiliations.skipped;
    let mut decided: BTreeMap<usize, (&'static str, &Vec<Span>)> = BTreeMap::new();
    let mut merge: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    for developer in &affiliations.developers {
        let person = developer
            .login
            .as_ref()
            .and_then(|login| handles.get(&login.to_lowercase()))
            .or_else(|| developer.emails.iter().find_map(|email| owner.get(email)))
            .copied();
        let Some(person) = person else {
            applied.unmatched += 1;
            continue;
        };
        decided.entry(person).or_insert(("cncf", &developer.spans));
        merge
            .entry(person)
            .or_default()
            .extend(developer.emails.iter().cloned());
    }
    for (alias, canonical) in &affiliations.aliases {
        match owner.get(canonical) {
            Some(&person) => {
                merge.entry(person).or_default().insert(alias.clone());
            }
            None => applied.unmatched += 1,
        }
    }
    for (email, spans) in &affiliations.by_email {
        match owner.get(email) {
            Some(&person) => {
                decided.entry(person).or_insert(("email-map", spans));
            }
            None => applied.unmatched += 1,
        }
    }
    for (index, person) in people.iter().enumerate() {
        if let Some(spans) = person
            .emails
            .first()
            .and_then(|email| email.rsplit_once('@'))
            .and_then(|(_, domain)| affiliations.by_domain.get(&domain.to_lowercase()))
        {
            decided.entry(index).or_insert(("domain-map", spans));
        }
    }
    for (index, (source, spans)) in decided {
        let mut spans: Vec<&Span> = spans.iter().filter(|span| !no_employer(&span.employer)).collect();
        spans.sort_by_key(|span| span.from);
        let mut list = Vec::new();
        for span in spans {
            let org = organisation_of(&span.employer, organisations, &mut applied.organisations_added);
            list.push(AffiliationFile {
                org: text(org),
                from: span.from.map(|from| text(from.to_string())),
                until: span.until.map(|until| text(until.to_string())),
            });
        }
        people[index].affiliations = list;
        applied.people.insert(people[index].id.value.clone(), source);
    }
    for (index, emails) in merge {
        for email in emails {
            if owner.get(&email).is_some_and(|&other| other != index) || owner.get(&email) == Some(&index) {
                continue;
            }
            owner.insert(email.clone(), index);
            people[index].identities.push(IdentityFile {
                email: Some(email),
                ..IdentityFile::default()
            });
            applied.merged_emails += 1;
        }
    }
    applied
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Spans as (employer, from, until) for comparison.
    fn spans_of(spans: &[Span]) -> Vec<(&str, Option<String>, Option<String>)> {
        spans
            .iter()
            .map(|span| {
                (
                    span.employer.as_str(),
                    span.from.map(|d| d.to_string()),
                    span.until.map(|d| d.to_string()),
                )
            })
            .collect()
    }

    /// CNCF's files as they are: a zero-length range is empty, an employer named with "from" is
    /// a name, and a login listed twice is merged with a warning; none of them rejects the file.
    fn interest(handles: &[&str], emails: &[&str]) -> Interest {
        Interest {
            handles: handles.iter().map(|handle| (*handle).to_owned()).collect(),
            emails: emails.iter().map(|email| (*email).to_owned()).collect(),
        }
    }

    fn stream(text: &str, interest: &Interest) -> (Affiliations, Vec<Problem>, u64) {
        let mut affiliations = Affiliations::default();
        let read = std::cell::Cell::new(0);
        let problems = affiliations
            .read_cncf_streaming("f", || Ok(text.as_bytes()), interest, &|bytes| {
                read.set(read.get() + bytes)
            })
            .unwrap();
        (affiliations, problems, read.get())
    }

    /// The streamed read keeps only developers the registry can match, yet merges every entry of
    /// their logins, even one listed before the entry that matched (by address) and one after.
    #[test]
    fn cncf_streaming_keeps_what_the_registry_matches_and_every_entry_of_its_logins() {
        let text = "ann: ann!old.example\n\tAcme until 2019-01-01\n\
                    zed: zed!example.org\n\tInitech\n\
                    ann: ann!example.org\n\tGlobex from 2019-01-01\n\
                    zed: zed!other.example\n\tInitech\n\
                    : nobody!example.org\n\tUmbrella\n\
                    Bob*: bob!example.org\n\tHooli\n";
        let (affiliations, problems, read) = stream(text, &interest(&["bob"], &["ann@example.org"]));
        assert_eq!(problems, []);
        assert_eq!(read, 2 * text.len() as u64, "both passes report their bytes");
        let kept: Vec<(Option<&str>, usize)> = affiliations
            .developers
            .iter()
            .map(|developer| (developer.login.as_deref(), developer.spans.len()))
            .collect();
        assert_eq!(kept, [(Some("ann"), 2), (Some("Bob"), 1)]);
        assert_eq!(
            affiliations.developers[0].emails,
            ["ann@old.example", "ann@example.org"]
        );
        assert_eq!(
            affiliations.skipped, 3,
            "zed's two entries and the developer without a login"
        );
        let warnings: Vec<String> = affiliations.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            [
                "f:5: login ann is listed again (first on line 1): its addresses and employers are merged into one developer",
            ]
        );
        // What a whole read applies, the streamed one applies too.
        let mut whole = Affiliations::default();
        assert_eq!(whole.read_cncf("f", text), []);
        let ann = whole
            .developers
            .iter()
            .find(|developer| developer.login.as_deref() == Some("ann"))
            .unwrap();
        assert_eq!(ann, &affiliations.developers[0]);
    }

    /// A line without an end (a file that is not a CNCF list) is refused by its number, read in
    /// bounded pieces, and the lines after it are still read.
    #[test]
    fn cncf_a_line_too_long_is_a_problem_not_a_memory_hog() {
        let text = format!(
            "ann: ann!example.org\n\t{}\nbob: bob!example.org\n\tHooli\n",
            "x".repeat(MAX_LINE * 3)
        );
        let (_, problems, _) = stream(&text, &interest(&["bob"], &[]));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, 2);
        assert!(problems[0].reason.contains("longer than 64 KiB"));
        let mut bad = Affiliations::default();
        let problems = bad.read_cncf("f", "ann: ann!example.org\n\tAcme \u{0}\n");
        assert_eq!(problems, [], "a NUL is text");
        let mut reader: &[u8] = b"ann: ann!example.org\n\t\xff\xfe\n";
        let problems = bad.read_cncf_lines("f", &mut reader, None, false, &|_| {}).unwrap();
        assert_eq!(problems[0].to_string(), "f:2: the line is not UTF-8 text");
    }

    /// Memory follows the registry, not the file: of 50,000 developers only the two matched are
    /// kept.
    #[test]
    fn cncf_streaming_memory_follows_the_registry_not_the_file() {
        let mut text = String::new();
        for index in 0..50_000 {
            text.push_str(&format!(
                "dev{index}: dev{index}!example.org\n\tCompany {}\n",
                index % 97
            ));
        }
        let (affiliations, problems, _) = stream(&text, &interest(&["dev17"], &["dev49999@example.org"]));
        assert_eq!(problems, []);
        assert_eq!(affiliations.developers.len(), 2);
        assert_eq!(affiliations.skipped, 49_998);
    }

    #[test]
    fn cncf_real_data_zero_ranges_names_with_from_and_repeated_logins() {
        let mut affiliations = Affiliations::default();
        let problems = affiliations.read_cncf(
            "developers_affiliations1.txt",
            "ann: ann!example.org\n\
             \tAcme from 2018-09-01 until 2018-09-01\n\
             \tAutomation & Controls from GE until 2019-01-01\n\
             \tGlobex from 2019-01-01\n\
             bob: bob!example.org\n\
             \tInitech\n\
             ann: ann!work.example\n\
             \tGlobex from 2019-01-01\n",
        );
        assert_eq!(problems, []);
        assert_eq!(affiliations.developers.len(), 2, "ann's two entries are one developer");
        let ann = &affiliations.developers[0];
        assert_eq!(ann.emails, ["ann@example.org", "ann@work.example"]);
        let employers = spans_of(&ann.spans);
        assert_eq!(
            employers,
            [
                ("Automation & Controls from GE", None, Some("2019-01-01".to_owned())),
                ("Globex", Some("2019-01-01".to_owned()), None),
                ("Globex", Some("2019-01-01".to_owned()), None),
            ]
        );
        let warnings: Vec<String> = affiliations.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            [
                "developers_affiliations1.txt:7: login ann is listed again (first on line 1): its addresses and employers are merged into one developer",
                "developers_affiliations1.txt:0: 1 range(s) start and end on the same day (`from D until D`): empty, left out",
            ]
        );
        // A date that is not one is still an error.
        let mut wrong = Affiliations::default();
        let problems = wrong.read_cncf("f", "cy: cy!example.org\n\tAcme from 2020-13-01\n");
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].to_string(),
            "f:2: \"2020-13-01\" is not a date: write YYYY-MM-DD"
        );
        // A range that really ends before it starts is still an error.
        let mut backwards = Affiliations::default();
        let problems = backwards.read_cncf("f", "cy: cy!example.org\n\tAcme from 2020-01-01 until 2019-01-01\n");
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0]
                .reason
                .contains("ends (2019-01-01) before it starts (2020-01-01)")
        );
    }

    #[test]
    fn gitdm_dated_entries_follow_one_another_and_the_undated_one_is_current() {
        let mut affiliations = Affiliations::default();
        let problems = affiliations.read_gitdm_map(
            "email-map",
            "# comment\nann!example.org Cloudanix\nann!example.org Skill-Lync < 2022-06-01\nann!example.org Independent < 2022-02-01\nacme.com Acme Inc.\n",
        );
        assert_eq!(problems, []);
        let spans = &affiliations.by_email["ann@example.org"];
        let read = spans_of(spans);
        assert_eq!(
            read,
            [
                ("Independent", None, Some("2022-02-01".to_owned())),
                (
                    "Skill-Lync",
                    Some("2022-02-01".to_owned()),
                    Some("2022-06-01".to_owned())
                ),
                ("Cloudanix", Some("2022-06-01".to_owned()), None),
            ]
        );
        assert_eq!(affiliations.by_domain["acme.com"][0].employer, "Acme Inc.");
    }

    fn person(id: &str, emails: &[&str]) -> PersonFile {
        PersonFile {
            id: text(id),
            name: id.to_owned(),
            github: None,
            emails: emails.iter().map(|email| (*email).to_owned()).collect(),
            affiliations: Vec::new(),
            identities: Vec::new(),
            bot: false,
            lang: None,
            mute: Vec::new(),
            time_zone: None,
        }
    }

    #[test]
    fn an_employer_spelt_otherwise_is_the_organisation_already_there() {
        let mut affiliations = Affiliations::default();
        assert_eq!(
            affiliations.read_gitdm_map(
                "email-map",
                "ann@acme.com VMware, Inc. < 2021-01-01\nann@acme.com Pivotal < 2022-01-01\nann@acme.com Broadcom\n"
            ),
            []
        );
        let mut people = vec![person("ann", &["ann@acme.com"])];
        let organisation = |id: &str, name: &str, aliases: &[&str]| OrganisationFile {
            id: text(id),
            name: name.to_owned(),
            domains: Vec::new(),
            aliases: aliases.iter().map(|alias| (*alias).to_owned()).collect(),
        };
        let mut organisations = vec![
            organisation("vmware", "VMware", &[]),
            organisation("pivotal-software", "Pivotal Software", &["pivotal"]),
        ];
        let applied = apply(&affiliations, &mut people, &mut organisations);
        // "VMware, Inc." is vmware by its bare name, "Pivotal" pivotal-software by its alias.
        assert_eq!(applied.organisations_added, ["broadcom"]);
        let orgs: Vec<&str> = people[0]
            .affiliations
            .iter()
            .map(|affiliation| affiliation.org.value.as_str())
            .collect();
        assert_eq!(orgs, ["vmware", "pivotal-software", "broadcom"]);
    }

    #[test]
    fn domain_maps_and_aliases_apply_to_people_without_an_address_entry() {
        let mut affiliations = Affiliations::default();
        assert_eq!(
            affiliations.read_gitdm_map("domain-map", "acme.com Acme < 2021-01-01\nacme.com Globex Corp\n"),
            []
        );
        assert_eq!(
            affiliations.read_gitdm_aliases("aliases", "ann@old.example ann@acme.com\nzed@x.org nobody@x.org\n"),
            []
        );
        assert_eq!(
            affiliations.read_gitdm_aliases("aliases", "just-one@x.org\n")[0].line,
            1,
            "a bad line is reported with its line"
        );
        let mut people = vec![person("ann", &["ann@acme.com"]), person("bo", &["bo@elsewhere.org"])];
        let mut organisations = vec![OrganisationFile {
            aliases: Vec::new(),
            id: text("acme"),
            name: "Acme".to_owned(),
            domains: Vec::new(),
        }];
        let applied = apply(&affiliations, &mut people, &mut organisations);
        assert_eq!(applied.people.get("ann"), Some(&"domain-map"));
        assert_eq!(applied.organisations_added, ["globex-corp"]);
        assert_eq!(applied.merged_emails, 1);
        assert_eq!(applied.unmatched, 1);
        let spans: Vec<(&str, Option<&str>, Option<&str>)> = people[0]
            .affiliations
            .iter()
            .map(|affiliation| {
                (
                    affiliation.org.value.as_str(),
                    affiliation.from.as_ref().map(|from| from.value.as_str()),
                    affiliation.until.as_ref().map(|until| until.value.as_str()),
                )
            })
            .collect();
        assert_eq!(
            spans,
            [
                ("acme", None, Some("2021-01-01")),
                ("globex-corp", Some("2021-01-01"), None)
            ]
        );
        assert_eq!(people[0].identities[0].email.as_deref(), Some("ann@old.example"));
        assert!(people[1].affiliations.is_empty());
    }
}
