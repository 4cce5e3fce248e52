//! `polity export --into DIR`: the record's registry written into an existing folder, touching
//! only what differs, so that a bot's commit or a pull request shows a minimal diff. Comments,
//! key order and layout of everything else stay as they are.
//!
//! A file is compared as data (the same export of both sides); within a file that differs, only
//! the top-level keys whose values differ are edited, and within a list (terms, history,
//! reports) only the entries that differ, each written in the style of its neighbours (a one-line
//! `{ … }` entry where the file uses those). Every edited file is read back and must say what the
//! record says; when it would not, the file is written whole (and said so).

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use polity_model::Polity;
use serde_json::Value;

use crate::export::to_files;
use crate::files::RegistryFiles;
use crate::load::{BODIES_DIR, CONSTITUTION_FILE, ORGANISATIONS_FILE, PEOPLE_FILE};
use crate::write::{WriteError, rendered};

/// What `export --into` did to one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Edited in place: the top-level keys that changed.
    Edited(Vec<String>),
    /// Written whole: it was new, or an in-place edit could not say what the record says.
    Written { new: bool },
}

/// The data of each file of `files`, by path, as JSON values (what is compared).
fn values(files: &RegistryFiles) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    let mut put = |path: String, value: Result<Value, serde_json::Error>| {
        if let Ok(value) = value {
            out.insert(path, value);
        }
    };
    put(CONSTITUTION_FILE.to_owned(), serde_json::to_value(&files.constitution));
    put(PEOPLE_FILE.to_owned(), serde_json::to_value(&files.people));
    put(
        ORGANISATIONS_FILE.to_owned(),
        serde_json::to_value(&files.organisations),
    );
    for (name, body) in &files.bodies {
        put(format!("{BODIES_DIR}/{name}.yaml"), serde_json::to_value(body));
    }
    out
}

/// A top-level key's line: `key:` at the start of a line.
fn key_of(line: &str) -> Option<&str> {
    let (key, rest) = line.split_once(':')?;
    let plain = !key.is_empty()
        && key
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_');
    (plain && (rest.is_empty() || rest.starts_with([' ', '\t']))).then_some(key)
}

/// Whether a line is blank or only a comment.
fn idle(line: &str) -> bool {
    let trimmed = line.trim_start();
    trimmed.is_empty() || trimmed.starts_with('#')
}

/// The line range of each top-level key's block (its line to the last line that belongs to it,
/// trailing blank and comment lines left out).
fn blocks(lines: &[&str]) -> BTreeMap<String, (usize, usize)> {
    let mut starts: Vec<(String, usize)> = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        if let Some(key) = key_of(line) {
            starts.push((key.to_owned(), index));
        }
    }
    let mut out = BTreeMap::new();
    for (position, (key, start)) in starts.iter().enumerate() {
        let mut end = starts.get(position + 1).map_or(lines.len(), |(_, next)| *next);
        while end > start + 1 && idle(lines[end - 1]) {
            end -= 1;
        }
        out.insert(key.clone(), (*start, end));
    }
    out
}

/// The entries of a block-style list inside `block` (the key's line excluded): each entry's
/// first and past-the-last line, at the indent of the first `- `.
fn entries(lines: &[&str], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut indent = None;
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (index, line) in lines.iter().enumerate().take(end).skip(start + 1) {
        let spaces = line.len() - line.trim_start().len();
        let item = line.trim_start().starts_with("- ") || line.trim() == "-";
        if item && indent.is_none_or(|indent| indent == spaces) {
            indent = Some(spaces);
            if let Some(last) = out.last_mut() {
                last.1 = index;
            }
            out.push((index, end));
        }
    }
    // An entry's trailing blank and comment lines stay where they are.
    for entry in &mut out {
        while entry.1 > entry.0 + 1 && idle(lines[entry.1 - 1]) {
            entry.1 -= 1;
        }
    }
    out
}

/// One entry of the record's fresh text (`- a: 1\n  b: 2`) in the style of the file's entry
/// `like` (a one-line `- { a: 1, b: 2 }` when `like` is one), at `indent`.
fn entry_text(fresh: &[&str], like: Option<&str>, indent: usize) -> Vec<String> {
    let pad = " ".repeat(indent);
    let first = fresh.first().map_or("", |line| line.trim_start());
    let body = first.strip_prefix("- ").unwrap_or(first);
    let fresh_indent = fresh.first().map_or(0, |line| line.len() - line.trim_start().len()) + 2;
    let simple = fresh.iter().skip(1).all(|line| {
        line.len() - line.trim_start().len() == fresh_indent
            && key_of(line.trim_start()).is_some()
            && !line.trim_end().ends_with(':')
    }) && key_of(body).is_some();
    let flow_like = like.is_some_and(|line| line.trim_start().starts_with("- {"));
    if flow_like && simple {
        let parts: Vec<String> = std::iter::once(body)
            .chain(fresh.iter().skip(1).map(|line| line.trim()))
            .map(plain_date)
            .collect();
        return vec![format!("{pad}- {{ {} }}", parts.join(", "))];
    }
    fresh
        .iter()
        .map(|line| {
            let own = line.len() - line.trim_start().len();
            format!(
                "{pad}{}{}",
                " ".repeat(own.saturating_sub(fresh_indent - 2)),
                line.trim_start()
            )
        })
        .collect()
}

/// `from: "2026-07-01"` as `from: 2026-07-01`, as registry files write dates (a plain date is
/// text to YAML 1.2 all the same).
fn plain_date(part: &str) -> String {
    if let Some((key, value)) = part.split_once(": ")
        && let Some(date) = value.strip_prefix('"').and_then(|value| value.strip_suffix('"'))
        && date.len() == 10
        && date.bytes().enumerate().all(|(index, byte)| {
            if index == 4 || index == 7 {
                byte == b'-'
            } else {
                byte.is_ascii_digit()
            }
        })
    {
        return format!("{key}: {date}");
    }
    part.to_owned()
}

/// The trailing comment of a one-line entry or value (`  # E3: …`), to keep on its new text.
fn trailing_comment(line: &str) -> &str {
    let Some(close) = line.rfind(['}', ']']) else {
        return "";
    };
    let rest = &line[close + 1..];
    if rest.trim_start().starts_with('#') && rest.starts_with([' ', '\t']) {
        rest
    } else {
        ""
    }
}

/// Edits one key's block in `out` (the file's lines) to the record's value; `false` when this
/// key cannot be edited in place.
fn edit_list(
    lines: &[&str],
    (start, end): (usize, usize),
    fresh: &[&str],
    (fresh_start, fresh_end): (usize, usize),
    (current, record): (&[Value], &[Value]),
    out: &mut Vec<(usize, usize, Vec<String>)>,
) -> bool {
    let ours = entries(lines, start, end);
    let theirs = entries(fresh, fresh_start, fresh_end);
    if ours.len() != current.len() || theirs.len() != record.len() || ours.is_empty() {
        return false;
    }
    let indent = lines[ours[0].0].len() - lines[ours[0].0].trim_start().len();
    for (index, wanted) in record.iter().enumerate() {
        let fresh_lines = &fresh[theirs[index].0..theirs[index].1];
        match (ours.get(index), current.get(index)) {
            (Some(_), Some(have)) if have == wanted => {}
            (Some((from, to)), Some(_)) => {
                let mut text = entry_text(fresh_lines, Some(lines[*from]), indent);
                if to - from == 1
                    && text.len() == 1
                    && let Some(line) = text.first_mut()
                {
                    line.push_str(trailing_comment(lines[*from]));
                }
                out.push((*from, *to, text));
            }
            _ => {
                let like = ours.last().map(|(from, _)| lines[*from]);
                let at = ours.last().map_or(end, |(_, to)| *to);
                out.push((at, at, entry_text(fresh_lines, like, indent)));
            }
        }
    }
    for (from, to) in ours.iter().skip(record.len()) {
        out.push((*from, *to, Vec::new()));
    }
    true
}

/// The file `text` edited to say `record` (whose fresh text is `fresh`), where it says
/// `current`: (new text, the keys edited).
fn patch(text: &str, fresh: &str, current: &Value, record: &Value) -> Option<(String, Vec<String>)> {
    let (Value::Object(current), Value::Object(record)) = (current, record) else {
        return None;
    };
    let lines: Vec<&str> = text.lines().collect();
    let fresh_lines: Vec<&str> = fresh.lines().collect();
    let ours = blocks(&lines);
    let theirs = blocks(&fresh_lines);
    let mut edits: Vec<(usize, usize, Vec<String>)> = Vec::new();
    let mut keys = Vec::new();
    let mut names: Vec<&String> = record.keys().chain(current.keys()).collect();
    names.sort();
    names.dedup();
    for key in names {
        let (have, wanted) = (current.get(key), record.get(key));
        if have == wanted || wanted.is_some_and(Value::is_null) && have.is_none_or(Value::is_null) {
            continue;
        }
        keys.push(key.clone());
        let block = ours.get(key).copied();
        let fresh_block = theirs.get(key).copied();
        match (block, fresh_block, have, wanted) {
            (Some(block), Some(fresh_block), Some(Value::Array(have)), Some(Value::Array(wanted)))
                if edit_list(&lines, block, &fresh_lines, fresh_block, (have, wanted), &mut edits) => {}
            (Some((start, end)), Some((fresh_start, fresh_end)), _, Some(_)) => {
                let mut text: Vec<String> = fresh_lines[fresh_start..fresh_end]
                    .iter()
                    .map(|line| (*line).to_owned())
                    .collect();
                if end - start == 1
                    && text.len() == 1
                    && let Some(line) = text.first_mut()
                {
                    let comment = lines[start].find(" #").map_or("", |at| &lines[start][at..]);
                    if !comment.is_empty() {
                        line.push_str("   ");
                        line.push_str(comment.trim_start());
                    }
                }
                edits.push((start, end, text));
            }
            (None, Some((fresh_start, fresh_end)), _, Some(_)) => {
                let text = fresh_lines[fresh_start..fresh_end]
                    .iter()
                    .map(|line| (*line).to_owned())
                    .collect();
                edits.push((lines.len(), lines.len(), text));
            }
            (Some((start, end)), _, _, None) => edits.push((start, end, Vec::new())),
            _ => return None,
        }
    }
    // Applied from the end, so that earlier line numbers stay right.
    edits.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    let mut out: Vec<String> = lines.iter().map(|line| (*line).to_owned()).collect();
    for (from, to, text) in edits {
        out.splice(from..to, text);
    }
    let mut joined = out.join("\n");
    joined.push('\n');
    Some((joined, keys))
}

/// What `export --into` did, by path.
pub type Report = Vec<(String, Outcome)>;

/// Writes the registry `polity` holds into the folder `dir`, editing each file that differs in
/// place. `header` heads files written whole.
pub fn export_into(dir: &Path, polity: &Polity, header: &str) -> Result<Report, WriteError> {
    let io = |path: &Path| {
        let shown = path.display().to_string();
        move |source| WriteError::Io { path: shown, source }
    };
    let record = to_files(polity);
    let fresh = rendered(&record)?;
    let wanted = values(&record);
    let sources = crate::load::read_sources(dir).unwrap_or_default();
    let loaded = crate::load::load_sources(&sources);
    let current = values(&to_files(&loaded.polity));
    let texts: BTreeMap<&str, &str> = sources
        .iter()
        .map(|(path, text)| (path.as_str(), text.as_str()))
        .collect();
    let mut report = Vec::new();
    for (path, fresh_text) in &fresh {
        let target = dir.join(path);
        let (Some(text), Some(have)) = (texts.get(path.as_str()), current.get(path)) else {
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent).map_err(io(parent))?;
            }
            fs::write(&target, format!("{header}{fresh_text}")).map_err(io(&target))?;
            report.push((path.clone(), Outcome::Written { new: true }));
            continue;
        };
        let Some(want) = wanted.get(path) else { continue };
        if have == want {
            continue;
        }
        let edited = patch(text, fresh_text, have, want).filter(|(edited, _)| says(path, edited, &sources, want));
        let (content, outcome) = match edited {
            Some((edited, keys)) => (edited, Outcome::Edited(keys)),
            None => (format!("{header}{fresh_text}"), Outcome::Written { new: false }),
        };
        let temporary = target.with_extension("yaml.tmp");
        fs::write(&temporary, content)
            .and_then(|()| fs::rename(&temporary, &target))
            .map_err(io(&target))?;
        report.push((path.clone(), outcome));
    }
    Ok(report)
}

/// Whether the folder with `path` replaced by `edited` says `want` in that file.
fn says(path: &str, edited: &str, sources: &[(String, String)], want: &Value) -> bool {
    let sources: Vec<(String, String)> = sources
        .iter()
        .map(|(name, text)| {
            if name == path {
                (name.clone(), edited.to_owned())
            } else {
                (name.clone(), text.clone())
            }
        })
        .collect();
    let loaded = crate::load::load_sources(&sources);
    values(&to_files(&loaded.polity)).get(path) == Some(want)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_entries_are_edited_and_appended_in_their_style_comments_kept() {
        let text = "id: x   # the id\nholders:   # terms\n  - { person: a, seat: chair, from: 2026-01-01 }   # E3\n  # a comment between\n  - { person: b, seat: member, from: 2026-01-01 }\nstate: forming   # L2\n";
        let fresh = "id: x\nholders:\n- person: a\n  seat: chair\n  from: 2026-01-01\n  until: 2026-06-01\n- person: b\n  seat: member\n  from: 2026-01-01\n- person: c\n  seat: chair\n  from: 2026-06-01\nstate: active\n";
        let current: Value = serde_json::json!({"id": "x", "state": "forming", "holders": [
            {"person": "a", "seat": "chair", "from": "2026-01-01"},
            {"person": "b", "seat": "member", "from": "2026-01-01"}]});
        let record: Value = serde_json::json!({"id": "x", "state": "active", "holders": [
            {"person": "a", "seat": "chair", "from": "2026-01-01", "until": "2026-06-01"},
            {"person": "b", "seat": "member", "from": "2026-01-01"},
            {"person": "c", "seat": "chair", "from": "2026-06-01"}]});
        let (edited, keys) = patch(text, fresh, &current, &record).unwrap();
        assert_eq!(keys, ["holders", "state"]);
        assert_eq!(
            edited,
            "id: x   # the id\nholders:   # terms\n  - { person: a, seat: chair, from: 2026-01-01, until: 2026-06-01 }   # E3\n  # a comment between\n  - { person: b, seat: member, from: 2026-01-01 }\n  - { person: c, seat: chair, from: 2026-06-01 }\nstate: active   # L2\n"
        );
    }

    #[test]
    fn a_missing_key_is_added_at_the_end_and_a_flow_list_replaced() {
        let text = "id: x\ncommitters: [a, b]   # S7\n";
        let fresh = "id: x\ncommitters:\n- a\n- b\n- c\nreports:\n- on: 2026-05-01\n  kind: quarterly\n";
        let current: Value = serde_json::json!({"id": "x", "committers": ["a", "b"]});
        let record: Value = serde_json::json!({"id": "x", "committers": ["a", "b", "c"],
            "reports": [{"on": "2026-05-01", "kind": "quarterly"}]});
        let (edited, _) = patch(text, fresh, &current, &record).unwrap();
        assert_eq!(
            edited,
            "id: x\ncommitters:\n- a\n- b\n- c\nreports:\n- on: 2026-05-01\n  kind: quarterly\n"
        );
    }
}
