//! Reading contributions from a git repository with gix.
//!
//! The walk goes newest first by commit time from a ref, each commit once. Where the repository
//! has a commit-graph (`git commit-graph write`, or `gc.writeCommitGraph`, on by default), the
//! walk takes parents and commit times from it without inflating any object, and the commit
//! objects (author, date, message) are then read on all cores; commits newer than the graph are
//! read during the walk. The mailmap is applied once per distinct identity at the end.
//!
//! A cache (one file per repository and ref) keeps what a run read: the next run walks only the
//! commits that are new since, and reads the rest from the cache. The cache is used only when
//! its tip is an ancestor of the new tip (history rewritten: everything is read again) and when
//! it covers at least the requested range.

use std::collections::{BinaryHeap, HashMap, HashSet};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use gix::ObjectId;
use gix::bstr::{BStr, BString, ByteSlice};
use jiff::civil::Date;
use sha2::{Digest, Sha256};

use crate::{Contribution, Identity, co_authors};

#[derive(Clone, Debug)]
pub struct IngestOptions {
    /// The ref to walk from (`HEAD` by default).
    pub from: String,
    /// Count merge commits too.
    pub merges: bool,
    /// Only commits from about this date on: the walk goes newest first by commit time and stops
    /// at `since` minus [`CLOCK_SLACK_DAYS`], so that skewed author clocks are still counted.
    pub since: Option<Date>,
    /// Threads that read commit objects (0: one per core).
    pub threads: usize,
    /// A folder for the incremental cache; `None` reads everything every time.
    pub cache: Option<PathBuf>,
}

/// How far before `since` (by commit time) the walk still reads commits, so that a commit whose
/// author clock ran ahead of its committer's is still counted by its author date. Clock errors
/// are hours to days; a commit authored more than a week after it was committed near the start
/// of a window is not counted (its date cannot be trusted anyway). A week is about 2 % more
/// commits than the window for a yearly window.
pub const CLOCK_SLACK_DAYS: i64 = 7;

impl Default for IngestOptions {
    fn default() -> IngestOptions {
        IngestOptions {
            from: "HEAD".to_owned(),
            merges: false,
            since: None,
            threads: 0,
            cache: None,
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
    #[error("{path}: cannot write the cache: {message}")]
    Cache { path: String, message: String },
}

/// What a run read, and from where.
#[derive(Clone, Debug)]
pub struct Ingested {
    /// Every contribution reachable from the ref, newest first by commit time (then by id).
    pub contributions: Vec<Contribution>,
    /// Commit objects read from the repository in this run.
    pub read: usize,
    /// Commits taken from the cache.
    pub cached: usize,
    /// Whether the walk used the repository's commit-graph.
    pub commit_graph: bool,
    /// Why a cache file was not used, when there was one.
    pub cache_note: Option<String>,
}

/// One commit as read, before the mailmap.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Raw {
    id: ObjectId,
    committed: i64,
    parents: u32,
    on: Date,
    /// The author, then each co-author trailer, as written.
    people: Vec<(BString, BString)>,
}

/// Every contribution reachable from `options.from`.
pub fn ingest(path: &Path, options: &IngestOptions) -> Result<Vec<Contribution>, IngestError> {
    Ok(ingest_with(path, options, &|_| {})?.contributions)
}

/// [`ingest`], reporting each batch of commits read to `progress` (which may be called from
/// several threads) and saying what came from where.
pub fn ingest_with(
    path: &Path,
    options: &IngestOptions,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Ingested, IngestError> {
    let shown = path.display().to_string();
    let walk_error = |error: &dyn std::fmt::Display| IngestError::Walk {
        path: shown.clone(),
        message: error.to_string(),
    };
    let repo = gix::open(path).map_err(|error| IngestError::Open {
        path: shown.clone(),
        message: error.to_string(),
    })?;
    let head = repo
        .rev_parse_single(options.from.as_str())
        .map_err(|error| IngestError::Reference {
            path: shown.clone(),
            reference: options.from.clone(),
            message: error.to_string(),
        })?
        .detach();
    let head = repo
        .find_object(head)
        .and_then(|object| Ok(object.peel_to_commit()?.id))
        .map_err(|error| IngestError::Reference {
            path: shown.clone(),
            reference: options.from.clone(),
            message: error.to_string(),
        })?;
    let cutoff = match options.since {
        Some(since) => Some(
            since
                .to_zoned(jiff::tz::TimeZone::UTC)
                .map(|zoned| zoned.timestamp().as_second() - CLOCK_SLACK_DAYS * 86_400)
                .map_err(|error| walk_error(&error))?,
        ),
        None => None,
    };
    let graph = repo.commit_graph_if_enabled().ok().flatten();
    let cache_file = options.cache.as_ref().map(|dir| cache_path(dir, &repo, &options.from));
    let mut cache_note = None;
    let mut cache = match &cache_file {
        // When the tip has not moved, a window needs only the cached commits inside it.
        Some(file) if file.exists() => match Cache::read(file, head, cutoff) {
            Ok(cache)
                if cache
                    .covers
                    .is_none_or(|covers| cutoff.is_some_and(|cutoff| covers <= cutoff)) =>
            {
                Some(cache)
            }
            Ok(_) => {
                cache_note = Some("the cache covers a shorter range; read again".to_owned());
                None
            }
            Err(reason) => {
                cache_note = Some(format!("{}: unreadable ({reason}); read again", file.display()));
                None
            }
        },
        _ => None,
    };
    // The walk with a cache goes down to the cache's own cutoff, so that the merged cache covers
    // what it says it covers.
    let (mut walked, reached) = match &cache {
        Some(cache) => walk(&repo, graph.as_ref(), head, cache.covers, Some(cache), progress)
            .map_err(|error| walk_error(&error))?,
        None => walk(&repo, graph.as_ref(), head, cutoff, None, progress).map_err(|error| walk_error(&error))?,
    };
    if cache.is_some() && !reached {
        // The cached tip is not an ancestor of the new one: history was rewritten.
        cache_note = Some("the cached tip is no longer in the history; read again".to_owned());
        cache = None;
        walked = walk(&repo, graph.as_ref(), head, cutoff, None, progress)
            .map_err(|error| walk_error(&error))?
            .0;
    }
    let read = walked.len();
    let used_cache = cache.is_some();
    let threads = match options.threads {
        0 => std::thread::available_parallelism().map_or(1, usize::from),
        threads => threads,
    };
    let walked = read_details(&repo, walked, threads, progress).map_err(|error| walk_error(&error))?;
    let (covers, mut all) = match cache {
        Some(cache) => (cache.covers, [walked, cache.commits].concat()),
        None => (cutoff, walked),
    };
    let cached = all.len() - read;
    // One order whatever came from where: newest first by commit time, then by id.
    all.sort_unstable_by_key(|raw| std::cmp::Reverse((raw.committed, raw.id)));
    // A cache that was used and nothing new: nothing to write (it may have been read only in
    // part, for a window).
    let unchanged = used_cache && read == 0;
    if let Some(file) = cache_file.as_ref().filter(|_| !unchanged) {
        let cache = Cache {
            tip: head,
            covers,
            commits: all,
        };
        cache.write(file).map_err(|error| IngestError::Cache {
            path: file.display().to_string(),
            message: error.to_string(),
        })?;
        all = cache.commits;
    }
    let mailmap = repo.open_mailmap();
    // The mailmap once per distinct identity: by e-mail, then name (no allocation on a hit).
    let mut identities: HashMap<BString, Vec<(BString, Identity)>> = HashMap::new();
    let mut resolve = |name: &BString, email: &BString| -> Identity {
        if let Some((_, identity)) = identities
            .get(email.as_bstr())
            .and_then(|names| names.iter().find(|(known, _)| known == name))
        {
            return identity.clone();
        }
        let signature = gix::actor::SignatureRef {
            name: name.as_bstr(),
            email: email.as_bstr(),
            time: "",
        };
        let mapped = mailmap.try_resolve_ref(signature);
        let identity = Identity {
            name: mapped
                .as_ref()
                .and_then(|mapped| mapped.name)
                .unwrap_or(name.as_bstr())
                .to_string(),
            email: mapped
                .as_ref()
                .and_then(|mapped| mapped.email)
                .unwrap_or(email.as_bstr())
                .to_string(),
        };
        identities
            .entry(email.clone())
            .or_default()
            .push((name.clone(), identity.clone()));
        identity
    };
    // Consumed as it is converted, so that each commit's names are freed as its contribution is
    // made (the peak holds one copy of the people, not two).
    let contributions = all
        .into_iter()
        .filter(|raw| cutoff.is_none_or(|cutoff| raw.committed >= cutoff))
        .filter(|raw| options.merges || raw.parents <= 1)
        .map(|raw| {
            let mut credited: Vec<Identity> = Vec::with_capacity(raw.people.len());
            for (name, email) in &raw.people {
                let identity = resolve(name, email);
                if !credited
                    .iter()
                    .any(|known| known.email.eq_ignore_ascii_case(&identity.email))
                {
                    credited.push(identity);
                }
            }
            Contribution {
                commit: raw.id.to_string(),
                kind: crate::GIT_KIND,
                on: raw.on,
                committed: jiff::Timestamp::from_second(raw.committed)
                    .map_or(raw.on, |timestamp| timestamp.to_zoned(jiff::tz::TimeZone::UTC).date()),
                credited,
            }
        })
        .collect();
    Ok(Ingested {
        contributions,
        read,
        cached,
        commit_graph: graph.is_some(),
        cache_note,
    })
}

/// A commit met by the walk: read already (it was not in the commit-graph), or only known by id.
enum Walked {
    Read(Raw),
    Known { id: ObjectId, committed: i64, parents: u32 },
}

/// The walk: newest first by commit time, each commit once; stops at the first commit older than
/// `cutoff`, and does not go into the cached commits. Returns the walked commits in order and
/// whether the cached tip was reached (always true without a cache).
fn walk(
    repo: &gix::Repository,
    graph: Option<&gix::commitgraph::Graph>,
    head: ObjectId,
    cutoff: Option<i64>,
    cache: Option<&Cache>,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<(Vec<Walked>, bool), String> {
    let cached: HashSet<ObjectId> = cache
        .map(|cache| cache.commits.iter().map(|raw| raw.id).collect())
        .unwrap_or_default();
    let tip = cache.map(|cache| cache.tip);
    if tip == Some(head) {
        return Ok((Vec::new(), true));
    }
    let mut reached = cache.is_none();
    // Commits read during the walk (not in the commit-graph), by id, with their parents.
    let mut read: HashMap<ObjectId, (Raw, Vec<ObjectId>)> = HashMap::new();
    let mut read_count = 0u64;
    // Each queued commit carries its commit-graph position when it has one, so that a commit is
    // looked up in the graph at most once (parents come as positions).
    let meet = |id: ObjectId,
                position: Option<gix::commitgraph::Position>,
                read: &mut HashMap<ObjectId, (Raw, Vec<ObjectId>)>,
                read_count: &mut u64|
     -> Result<(i64, ObjectId, Option<gix::commitgraph::Position>), String> {
        if let Some(graph) = graph
            && let Some(position) = position.or_else(|| graph.lookup(id))
        {
            let committed = i64::try_from(graph.commit_at(position).committer_timestamp()).unwrap_or(i64::MAX);
            return Ok((committed, id, Some(position)));
        }
        let (raw, parents) = read_commit(repo, id, None)?;
        *read_count += 1;
        if read_count.is_multiple_of(4096) {
            progress(4096);
        }
        let committed = raw.committed;
        read.insert(id, (raw, parents));
        Ok((committed, id, None))
    };
    let mut queue = BinaryHeap::new();
    let mut seen = HashSet::new();
    seen.insert(head);
    queue.push(meet(head, None, &mut read, &mut read_count)?);
    let mut out = Vec::new();
    let mut parents: Vec<(ObjectId, Option<gix::commitgraph::Position>)> = Vec::new();
    while let Some((committed, id, position)) = queue.pop() {
        if cutoff.is_some_and(|cutoff| committed < cutoff) {
            break;
        }
        parents.clear();
        let walked = match (graph, position) {
            (Some(graph), Some(position)) => {
                for parent in graph.commit_at(position).iter_parents() {
                    let parent = parent.map_err(|error| error.to_string())?;
                    parents.push((graph.id_at(parent).to_owned(), Some(parent)));
                }
                Walked::Known {
                    id,
                    committed,
                    parents: u32::try_from(parents.len()).unwrap_or(u32::MAX),
                }
            }
            _ => {
                let (raw, ids) = read
                    .remove(&id)
                    .ok_or("a commit neither read nor in the commit-graph")?;
                parents.extend(ids.into_iter().map(|parent| (parent, None)));
                Walked::Read(raw)
            }
        };
        for &(parent, position) in &parents {
            if cached.contains(&parent) {
                reached |= tip == Some(parent);
                continue;
            }
            if seen.insert(parent) {
                queue.push(meet(parent, position, &mut read, &mut read_count)?);
            }
        }
        out.push(walked);
    }
    progress(read_count % 4096);
    Ok((out, reached))
}

/// Reads one commit object: its committer time, author date, parents and credited people.
fn read_commit(repo: &gix::Repository, id: ObjectId, parents: Option<u32>) -> Result<(Raw, Vec<ObjectId>), String> {
    let commit = repo.find_commit(id).map_err(|error| error.to_string())?;
    let decoded = commit.decode().map_err(|error| error.to_string())?;
    let author = decoded.author().map_err(|error| error.to_string())?;
    let on = jiff::Timestamp::from_second(author.seconds())
        .map(|timestamp| timestamp.to_zoned(jiff::tz::TimeZone::UTC).date())
        .map_err(|error| error.to_string())?;
    let (committed, parent_ids) = match parents {
        // The walk knows these from the commit-graph.
        Some(_) => (0, Vec::new()),
        None => (
            decoded.committer().map_err(|error| error.to_string())?.seconds(),
            decoded.parents().collect(),
        ),
    };
    let mut people = vec![(author.name.to_owned(), author.email.to_owned())];
    // Only a message that mentions a co-author is read as text.
    let message: &[u8] = decoded.message.as_ref();
    if message
        .windows(14)
        .any(|window| window.eq_ignore_ascii_case(b"co-authored-by"))
    {
        for co_author in co_authors(&String::from_utf8_lossy(message)) {
            people.push((co_author.name.into(), co_author.email.into()));
        }
    }
    let raw = Raw {
        id,
        committed,
        parents: parents.unwrap_or(u32::try_from(parent_ids.len()).unwrap_or(u32::MAX)),
        on,
        people,
    };
    Ok((raw, parent_ids))
}

/// Reads the commits the walk only knows by id, on `threads` threads, keeping the walk's order.
fn read_details(
    repo: &gix::Repository,
    walked: Vec<Walked>,
    threads: usize,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Vec<Raw>, String> {
    let to_read = walked
        .iter()
        .filter(|walked| matches!(walked, Walked::Known { .. }))
        .count();
    // Both cores from a few hundred commits on: a thread costs far less than reading 256 commits.
    let threads = threads.clamp(1, 64).min(to_read / 256 + 1);
    let chunk = walked.len().div_ceil(threads).max(1);
    let shared = repo.clone().into_sync();
    let read_chunk = |part: Vec<Walked>| -> Result<Vec<Raw>, String> {
        let repo = shared.to_thread_local();
        let mut out = Vec::with_capacity(part.len());
        let mut count = 0u64;
        for walked in part {
            out.push(match walked {
                Walked::Read(raw) => raw,
                Walked::Known { id, committed, parents } => {
                    let (mut raw, _) = read_commit(&repo, id, Some(parents))?;
                    raw.committed = committed;
                    count += 1;
                    if count.is_multiple_of(4096) {
                        progress(4096);
                    }
                    raw
                }
            });
        }
        progress(count % 4096);
        Ok(out)
    };
    if threads == 1 {
        return read_chunk(walked);
    }
    let mut parts = Vec::with_capacity(threads);
    let mut rest = walked;
    while !rest.is_empty() {
        let tail = rest.split_off(chunk.min(rest.len()));
        parts.push(std::mem::replace(&mut rest, tail));
    }
    let total = parts.iter().map(Vec::len).sum();
    let parts: Vec<Result<Vec<Raw>, String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = parts.into_iter().map(|part| scope.spawn(|| read_chunk(part))).collect();
        handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|_| Err("a reading thread panicked".to_owned()))
            })
            .collect()
    });
    let mut out = Vec::with_capacity(total);
    for part in parts {
        out.extend(part?);
    }
    Ok(out)
}

/// The cache file for a repository and ref: named by a digest of the repository's git folder and
/// the ref, so that one folder serves many repositories.
fn cache_path(dir: &Path, repo: &gix::Repository, from: &str) -> PathBuf {
    let git_dir = repo.git_dir();
    let canonical = git_dir.canonicalize().unwrap_or_else(|_| git_dir.to_owned());
    let mut hasher = Sha256::new();
    hasher.update(canonical.to_string_lossy().as_bytes());
    hasher.update([0]);
    hasher.update(from.as_bytes());
    let digest = hasher.finalize();
    let name: String = digest[..12].iter().map(|byte| format!("{byte:02x}")).collect();
    dir.join(format!("{name}.contributions"))
}

/// Version 3: co-authors credited only from the trailer block (a version-2 cache holds credits
/// from anywhere in the message, so it is read again).
const CACHE_MAGIC: &str = "polity-contributions-cache 3";

/// What a run read: the tip it walked from, the cutoff it walked down to (`None`: the whole
/// history) and every commit, before the mailmap (which may change between runs). The file has
/// a table of identities, then one line per commit, newest first by commit time, naming its
/// people by their place in the table.
struct Cache {
    tip: ObjectId,
    covers: Option<i64>,
    commits: Vec<Raw>,
}

/// Escapes a field of the cache's tab-separated lines (names and e-mails are bytes).
fn escape(out: &mut Vec<u8>, field: &BStr) {
    for &byte in field.iter() {
        match byte {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(byte),
        }
    }
}

fn unescape(field: &[u8]) -> Result<BString, String> {
    let mut out = Vec::with_capacity(field.len());
    let mut bytes = field.iter();
    while let Some(&byte) = bytes.next() {
        if byte == b'\\' {
            out.push(match bytes.next() {
                Some(b'\\') => b'\\',
                Some(b't') => b'\t',
                Some(b'n') => b'\n',
                Some(b'r') => b'\r',
                _ => return Err("a bad escape".to_owned()),
            });
        } else {
            out.push(byte);
        }
    }
    Ok(out.into())
}

fn number<T: std::str::FromStr>(field: Option<&[u8]>, what: &str) -> Result<T, String> {
    std::str::from_utf8(field.ok_or_else(|| format!("no {what}"))?)
        .ok()
        .and_then(|text| text.parse().ok())
        .ok_or_else(|| format!("a bad {what}"))
}

/// A header line `name value` of the cache (the first line has no name).
fn header<'a>(lines: &mut impl Iterator<Item = &'a [u8]>, name: &str) -> Result<String, String> {
    let line = lines.next().ok_or("truncated")?;
    let line = std::str::from_utf8(line).map_err(|_| "not UTF-8 header")?;
    match name {
        "" => Ok(line.to_owned()),
        _ => line
            .strip_prefix(name)
            .and_then(|rest| rest.strip_prefix(' '))
            .map(str::to_owned)
            .ok_or_else(|| format!("no `{name}` line")),
    }
}

impl Cache {
    /// Reads the cache. When its tip is `head` and `window` is given, only the commits at or
    /// after `window` are read (the rest are not needed and nothing will be written).
    fn read(path: &Path, head: ObjectId, window: Option<i64>) -> Result<Cache, String> {
        let bytes = std::fs::read(path).map_err(|error| error.to_string())?;
        let mut lines = bytes.split(|&byte| byte == b'\n');
        if header(&mut lines, "")? != CACHE_MAGIC {
            return Err("another format".to_owned());
        }
        let tip = ObjectId::from_hex(header(&mut lines, "tip")?.as_bytes()).map_err(|error| error.to_string())?;
        let covers = match header(&mut lines, "covers")?.as_str() {
            "all" => None,
            seconds => Some(seconds.parse::<i64>().map_err(|error| error.to_string())?),
        };
        let count: usize = header(&mut lines, "identities")?.parse().map_err(|_| "a bad count")?;
        let mut identities = Vec::with_capacity(count);
        for line in lines.by_ref().take(count) {
            let mut fields = line.split(|&byte| byte == b'\t');
            let name = unescape(fields.next().ok_or("no name")?)?;
            let email = unescape(fields.next().ok_or("no e-mail")?)?;
            identities.push((name, email));
        }
        if identities.len() != count {
            return Err("truncated".to_owned());
        }
        let count: usize = header(&mut lines, "commits")?.parse().map_err(|_| "a bad count")?;
        let stop = window.filter(|_| tip == head);
        let mut commits = Vec::with_capacity(count);
        for line in lines.by_ref().take(count) {
            let mut fields = line.split(|&byte| byte == b'\t');
            let id = ObjectId::from_hex(fields.next().ok_or("no id")?).map_err(|error| error.to_string())?;
            let committed: i64 = number(fields.next(), "time")?;
            if stop.is_some_and(|stop| committed < stop) {
                return Ok(Cache { tip, covers, commits });
            }
            let parents = number(fields.next(), "parent count")?;
            let on = number(fields.next(), "date")?;
            let people = fields
                .next()
                .ok_or("no people")?
                .split(|&byte| byte == b',')
                .map(|index| {
                    number::<usize>(Some(index), "identity").and_then(|index| {
                        identities
                            .get(index)
                            .cloned()
                            .ok_or_else(|| "an unknown identity".to_owned())
                    })
                })
                .collect::<Result<Vec<_>, String>>()?;
            commits.push(Raw {
                id,
                committed,
                parents,
                on,
                people,
            });
        }
        if commits.len() != count {
            return Err("truncated".to_owned());
        }
        Ok(Cache { tip, covers, commits })
    }

    /// Writes the cache next to its place and renames it there, so that a reader never sees half
    /// a file.
    fn write(&self, path: &Path) -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut table: HashMap<&(BString, BString), usize> = HashMap::new();
        let mut order: Vec<&(BString, BString)> = Vec::new();
        for raw in &self.commits {
            for person in &raw.people {
                table.entry(person).or_insert_with(|| {
                    order.push(person);
                    order.len() - 1
                });
            }
        }
        let mut out = Vec::with_capacity(self.commits.len() * 72);
        let covers = self
            .covers
            .map_or_else(|| "all".to_owned(), |covers| covers.to_string());
        let _ = write!(
            out,
            "{CACHE_MAGIC}\ntip {}\ncovers {covers}\nidentities {}\n",
            self.tip,
            order.len()
        );
        for (name, email) in &order {
            escape(&mut out, name.as_bstr());
            out.push(b'\t');
            escape(&mut out, email.as_bstr());
            out.push(b'\n');
        }
        let _ = writeln!(out, "commits {}", self.commits.len());
        for raw in &self.commits {
            let _ = write!(out, "{}\t{}\t{}\t{}\t", raw.id, raw.committed, raw.parents, raw.on);
            for (index, person) in raw.people.iter().enumerate() {
                if index > 0 {
                    out.push(b',');
                }
                let _ = write!(out, "{}", table[person]);
            }
            out.push(b'\n');
        }
        let temporary = path.with_extension(format!("tmp{}", std::process::id()));
        std::fs::write(&temporary, out)?;
        std::fs::rename(&temporary, path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_fields_survive_tabs_newlines_and_backslashes() {
        let raw = Raw {
            id: ObjectId::null(gix::hash::Kind::Sha1),
            committed: 1_700_000_000,
            parents: 2,
            on: jiff::civil::date(2023, 11, 14),
            people: vec![("A\tB\\C\nD".into(), "a@example.org".into())],
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache");
        let cache = Cache {
            tip: raw.id,
            covers: Some(5),
            commits: vec![raw.clone()],
        };
        cache.write(&path).unwrap();
        let back = Cache::read(&path, raw.id, None).unwrap();
        assert_eq!(back.commits, vec![raw.clone()]);
        assert_eq!(back.covers, Some(5));
        // With the tip unchanged, a window reads only the commits inside it.
        let window = Cache::read(&path, raw.id, Some(1_800_000_000)).unwrap();
        assert!(window.commits.is_empty());
        std::fs::write(&path, b"polity-contributions-cache 2\ntip 00\n").unwrap();
        assert!(Cache::read(&path, raw.id, None).is_err());
    }
}
