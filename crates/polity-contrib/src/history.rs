//! A registry folder's history in git (`polity sync`): the commits of a branch's first-parent
//! line that change the folder, oldest first, each with the registry files as it has them.
//!
//! The first-parent line is the branch as it was merged: a pull request merged with a merge
//! commit is one change (the merge), as it is one change to the branch.

use std::path::Path;

use gix::ObjectId;
use gix::bstr::ByteSlice;

/// A registry file larger than this is refused (a registry file is kilobytes; Kubernetes'
/// `sigs.yaml`, the largest we know, is about 150 KB).
pub const MAX_FILE: usize = 16 * 1024 * 1024;
/// A commit subject or author longer than this (in characters) is cut, with `…`.
pub const MAX_LINE: usize = 200;

/// One commit that changes the registry folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegistryCommit {
    /// The commit id, hex.
    pub id: String,
    /// `Name <email>` of the author.
    pub author: String,
    /// The committer's time, RFC 3339 with the committer's offset.
    pub date: String,
    /// The committer's time.
    pub time: jiff::Timestamp,
    /// The first line of the message.
    pub subject: String,
    /// The registry files as the commit has them: (path in the folder, text), sorted by path.
    pub files: Vec<(String, String)>,
}

/// Why the history could not be read.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    #[error("{path}: not a git repository ({message})")]
    Open { path: String, message: String },
    #[error("{path}: no commit {reference:?} ({message})")]
    Reference {
        path: String,
        reference: String,
        message: String,
    },
    #[error("commit {commit}: {message}")]
    Read { commit: String, message: String },
    #[error(
        "the record was synced up to commit {commit}, which is not in the history of {reference} any more: the history was rewritten (a force push?). polity never rewrites the record; restore the branch so that it contains {commit}, or start a new record from the branch as it is"
    )]
    Rewritten { commit: String, reference: String },
    #[error("commit {commit}: {path} is not UTF-8 text")]
    NotText { commit: String, path: String },
    #[error("commit {commit}: {path} is {size} bytes; a registry file may have at most {MAX_FILE}")]
    TooLarge { commit: String, path: String, size: usize },
}

/// A subject or author as the record keeps it: control characters (an escape sequence in a
/// commit message) as spaces, at most [`MAX_LINE`] characters.
fn cut(text: &str) -> String {
    let clean = text.chars().map(|c| if c.is_control() { ' ' } else { c });
    if text.chars().count() <= MAX_LINE {
        return clean.collect();
    }
    let mut out: String = clean.take(MAX_LINE - 1).collect();
    out.push('…');
    out
}

/// The folder's tree in `commit` (`None`: the commit does not have the folder).
fn folder(repo: &gix::Repository, commit: ObjectId, dir: &str) -> Result<Option<ObjectId>, HistoryError> {
    let read = |message: String| HistoryError::Read {
        commit: commit.to_string(),
        message,
    };
    let tree = repo
        .find_commit(commit)
        .map_err(|error| read(error.to_string()))?
        .tree()
        .map_err(|error| read(error.to_string()))?;
    let dir = dir.trim_matches('/');
    if dir.is_empty() || dir == "." {
        return Ok(Some(tree.id));
    }
    let entry = tree
        .lookup_entry_by_path(dir)
        .map_err(|error| read(error.to_string()))?;
    Ok(entry
        .filter(|entry| entry.mode().is_tree())
        .map(|entry| entry.object_id()))
}

/// The files of the tree `tree` that `select` takes (paths `/`-separated, two levels deep).
fn files(
    repo: &gix::Repository,
    commit: &str,
    tree: ObjectId,
    select: &dyn Fn(&str) -> bool,
) -> Result<Vec<(String, String)>, HistoryError> {
    let read = |message: String| HistoryError::Read {
        commit: commit.to_owned(),
        message,
    };
    let mut out = Vec::new();
    let mut trees = vec![(String::new(), tree)];
    while let Some((prefix, id)) = trees.pop() {
        let tree = repo.find_tree(id).map_err(|error| read(error.to_string()))?;
        for entry in tree.iter() {
            let entry = entry.map_err(|error| read(error.to_string()))?;
            let path = format!("{prefix}{}", entry.filename().to_str_lossy());
            if entry.mode().is_tree() {
                if prefix.is_empty() {
                    trees.push((format!("{path}/"), entry.object_id()));
                }
                continue;
            }
            if !entry.mode().is_blob() || !select(&path) {
                continue;
            }
            let blob = repo
                .find_blob(entry.object_id())
                .map_err(|error| read(error.to_string()))?;
            if blob.data.len() > MAX_FILE {
                return Err(HistoryError::TooLarge {
                    commit: commit.to_owned(),
                    path,
                    size: blob.data.len(),
                });
            }
            let text = String::from_utf8(blob.data.clone()).map_err(|_| HistoryError::NotText {
                commit: commit.to_owned(),
                path: path.clone(),
            })?;
            out.push((path, text));
        }
    }
    out.sort();
    Ok(out)
}

/// The commits of `reference`'s first-parent line after `after` (all of them when `None`),
/// oldest first, that change the folder `dir`, each with the files of the folder that `select`
/// takes. `after` not on that line is [`HistoryError::Rewritten`].
pub fn registry_history(
    path: &Path,
    reference: &str,
    dir: &str,
    after: Option<&str>,
    select: &dyn Fn(&str) -> bool,
) -> Result<Vec<RegistryCommit>, HistoryError> {
    let shown = path.display().to_string();
    let repo = gix::open(path).map_err(|error| HistoryError::Open {
        path: shown.clone(),
        message: error.to_string(),
    })?;
    let reference_error = |message: String| HistoryError::Reference {
        path: shown.clone(),
        reference: reference.to_owned(),
        message,
    };
    let tip = repo
        .rev_parse_single(reference)
        .map_err(|error| reference_error(error.to_string()))?
        .object()
        .and_then(|object| Ok(object.peel_to_commit()?.id))
        .map_err(|error| reference_error(error.to_string()))?;
    let after_id = after.and_then(|after| ObjectId::from_hex(after.as_bytes()).ok());
    // The first-parent line, newest first, back to `after` (or the root).
    let mut line = Vec::new();
    let mut base = None;
    let mut next = Some(tip);
    while let Some(id) = next {
        if after_id.is_some_and(|after| after == id) {
            base = Some(id);
            break;
        }
        let commit = repo.find_commit(id).map_err(|error| HistoryError::Read {
            commit: id.to_string(),
            message: error.to_string(),
        })?;
        next = commit.parent_ids().next().map(gix::Id::detach);
        line.push(id);
    }
    if let (Some(after), None) = (after, base) {
        return Err(HistoryError::Rewritten {
            commit: after.to_owned(),
            reference: reference.to_owned(),
        });
    }
    let mut previous = match base {
        Some(base) => folder(&repo, base, dir)?,
        None => None,
    };
    let mut out = Vec::new();
    for id in line.into_iter().rev() {
        let tree = folder(&repo, id, dir)?;
        if tree == previous {
            continue;
        }
        previous = tree;
        let commit_text = id.to_string();
        let read = |message: String| HistoryError::Read {
            commit: commit_text.clone(),
            message,
        };
        let commit = repo.find_commit(id).map_err(|error| read(error.to_string()))?;
        let author = commit.author().map_err(|error| read(error.to_string()))?;
        let committer = commit.committer().map_err(|error| read(error.to_string()))?;
        let when = committer.time().map_err(|error| read(error.to_string()))?;
        let time = jiff::Timestamp::from_second(when.seconds).map_err(|error| read(error.to_string()))?;
        let offset = jiff::tz::Offset::from_seconds(when.offset).map_err(|error| read(error.to_string()))?;
        let date = time
            .to_zoned(jiff::tz::TimeZone::fixed(offset))
            .strftime("%Y-%m-%dT%H:%M:%S%:z")
            .to_string();
        let subject = commit
            .message()
            .map(|message| message.summary().to_str_lossy().into_owned())
            .map_err(|error| read(error.to_string()))?;
        let files = match tree {
            Some(tree) => files(&repo, &commit_text, tree, select)?,
            None => Vec::new(),
        };
        out.push(RegistryCommit {
            id: commit_text.clone(),
            author: cut(&format!(
                "{} <{}>",
                author.name.to_str_lossy(),
                author.email.to_str_lossy()
            )),
            date,
            time,
            subject: cut(&subject),
            files,
        });
    }
    Ok(out)
}
