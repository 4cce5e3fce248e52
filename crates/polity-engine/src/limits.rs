//! Bounds on every value a command carries (R-VALUE), checked in `decide` so that the CLI, the
//! API and the web forms refuse alike. An input that passes these bounds cannot make the record,
//! a page or a count grow without bound, and no link can carry a script.
//!
//! The limits are the defaults of the constitutions polity was built from (the seeds hold no
//! title, reason or link longer than these) and are documented in docs/security.md.

use jiff::civil::Date;
use jiff::{Span, ToSpan};

use crate::{Command, Rejection, RuleId, Subject};

/// A motion's or proposal's title, an agenda item.
pub const TITLE: usize = 300;
/// A reason, a consultation's summary, a sign-off's subject, a capacity.
pub const REASON: usize = 4_000;
/// A candidate's statement.
pub const STATEMENT: usize = 10_000;
/// An identifier (a person, a body, a motion, an area).
pub const ID: usize = 200;
/// A link (report, minutes).
pub const URL: usize = 2_000;
/// Names on one command (attendance, a roll's members, its sources).
pub const NAMES: usize = 100_000;
/// How far ahead a meeting may be scheduled or a proposal's deadline set.
pub fn horizon() -> Span {
    2.years()
}

/// An R-VALUE refusal: its English words, and its message id with the values (`field` the
/// field's English name and `fieldkey` its id, by which the catalogs name it in their words).
fn refuse(
    key: &'static str,
    field: &str,
    args: &[(&'static str, String)],
    message: String,
    hint: &str,
) -> Result<(), Rejection> {
    let mut values = vec![("field", field.to_owned()), ("fieldkey", field_key(field))];
    values.extend(args.iter().cloned());
    crate::refusal(key, RuleId::RValue, &values, message, hint)
}

/// `motion's subject` → `motion-subject`: a field's name as a message id.
fn field_key(field: &str) -> String {
    field.replace("'s", "").replace(' ', "-")
}

/// Plain text of at most `max` characters, without control characters other than line breaks
/// and tabs; `required` text may not be blank.
pub fn text(field: &str, value: &str, max: usize, required: bool) -> Result<(), Rejection> {
    let length = value.chars().count();
    if length > max {
        return refuse(
            "value-too-long",
            field,
            &[("length", length.to_string()), ("max", max.to_string())],
            format!("the {field} is {length} characters long; at most {max} are allowed"),
            "shorten it, or link to a longer text",
        );
    }
    if required && value.trim().is_empty() {
        return refuse("value-empty", field, &[], format!("the {field} is empty"), "write it");
    }
    if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
    {
        return refuse(
            "value-control",
            field,
            &[],
            format!("the {field} holds a control character"),
            "send plain text",
        );
    }
    Ok(())
}

/// An `https:` or `http:` link with a host, of at most [`URL`] characters, without spaces or
/// quotes: never `javascript:`, `data:` or another scheme a browser would run or open locally.
pub fn url(field: &str, value: &str) -> Result<(), Rejection> {
    text(field, value, URL, true)?;
    if polity_model::is_web_link(value) {
        return Ok(());
    }
    refuse(
        "value-not-a-link",
        field,
        &[("value", value.to_owned())],
        format!("the {field} {value:?} is not an https: or http: link"),
        "give a web address starting with https:// (for example https://example.org/minutes/2026-06)",
    )
}

fn id(field: &str, value: &str) -> Result<(), Rejection> {
    text(field, value, ID, true)
}

/// A date no further than [`horizon`] from `on`, and not before `on` minus the horizon.
pub fn date_near(field: &str, value: Date, on: Date) -> Result<(), Rejection> {
    let (Ok(earliest), Ok(latest)) = (on.checked_sub(horizon()), on.checked_add(horizon())) else {
        return Ok(());
    };
    if value < earliest || value > latest {
        return refuse(
            "value-far",
            field,
            &[("value", value.to_string()), ("date", on.to_string())],
            format!("the {field} {value} is more than two years from the act's date {on}"),
            "give a date within two years",
        );
    }
    Ok(())
}

/// Checks every value of `command` against the bounds above.
pub fn check(command: &Command, on: Date) -> Result<(), Rejection> {
    match command {
        Command::RecordRegistry(crate::command::RecordRegistry { .. })
        | Command::CloseElection(crate::command::CloseElection { .. }) => Ok(()),
        Command::AmendRegistry(amendment) => {
            if amendment.commit.len() < 7
                || amendment.commit.len() > 64
                || !amendment.commit.bytes().all(|byte| byte.is_ascii_hexdigit())
            {
                return refuse(
                    "value-bad",
                    "commit",
                    &[("value", amendment.commit.chars().take(80).collect())],
                    format!(
                        "{:?} is not a commit id",
                        amendment.commit.chars().take(80).collect::<String>()
                    ),
                    "give the commit's hexadecimal id",
                );
            }
            text("commit author", &amendment.author, TITLE, true)?;
            text("commit date", &amendment.date, TITLE, true)?;
            text("commit subject", &amendment.subject, TITLE, false)
        }
        Command::SubmitReport(crate::command::SubmitReport { body, link, .. }) => {
            id("body", body)?;
            link.as_deref().map_or(Ok(()), |link| url("report link", link))
        }
        Command::OpenMotion(crate::command::OpenMotion {
            body,
            title,
            rule,
            subject,
            meeting,
            closes,
            ..
        }) => {
            id("body", body)?;
            text("title", title, TITLE, true)?;
            if let Some(closes) = closes {
                date_near("closing date", *closes, on)?;
            }
            for value in [rule, meeting].into_iter().flatten() {
                id("motion's subject", value)?;
            }
            match subject {
                Some(Subject::Transition { body, .. }) => id("body", body),
                Some(
                    Subject::Promote { person } | Subject::Remove { person, .. } | Subject::Appoint { person, .. },
                ) => id("motion's subject", person),
                Some(Subject::NoConfidence) | None => Ok(()),
            }
        }
        Command::ScheduleMeeting(crate::command::ScheduleMeeting { body, on: day }) => {
            id("body", body)?;
            date_near("meeting's date", *day, on)
        }
        Command::Propose(crate::command::Propose { body, title, deadline }) => {
            id("body", body)?;
            text("title", title, TITLE, true)?;
            date_near("deadline", *deadline, on)
        }
        Command::Object(crate::command::Object { proposal, reason }) => {
            id("proposal", proposal)?;
            text("reason", reason, REASON, true)
        }
        Command::ConcludeProposal(crate::command::ConcludeProposal { proposal }) => id("proposal", proposal),
        Command::FinalSay(crate::command::FinalSay { motion, reason, .. }) => {
            id("motion", motion)?;
            text("reason", reason, REASON, true)
        }
        Command::RecordRoll(crate::command::RecordRoll {
            from,
            rule,
            members,
            sources,
        }) => {
            date_near("roll's first day", *from, on)?;
            text("roll's rule", rule, REASON, true)?;
            if members.len() + sources.len() > NAMES {
                return refuse(
                    "too-many-names",
                    "roll",
                    &[("names", (members.len() + sources.len()).to_string())],
                    format!("the roll names {} members and sources", members.len() + sources.len()),
                    "a roll holds at most 100,000 names",
                );
            }
            members.iter().try_for_each(|member| id("member", member))?;
            sources.iter().try_for_each(|source| text("source", source, URL, true))
        }
        Command::Intervene(crate::command::Intervene { target, reason }) => {
            id("target", target)?;
            text("reason", reason, REASON, true)
        }
        Command::Consult(crate::command::Consult { motion, group, summary }) => {
            id("motion", motion)?;
            id("group", group)?;
            text("summary", summary, REASON, true)
        }
        Command::VolunteerLiaison(crate::command::VolunteerLiaison { body, area }) => {
            id("body", body)?;
            id("area", area)
        }
        Command::ChooseLiaison(crate::command::ChooseLiaison { body, area, person }) => {
            id("body", body)?;
            id("area", area)?;
            id("person", person)
        }
        Command::SignOff(crate::command::SignOff { body, area, subject }) => {
            id("body", body)?;
            id("area", area)?;
            text("subject", subject, REASON, true)
        }
        Command::DissolveWorkingGroup(crate::command::DissolveWorkingGroup { body }) => id("body", body),
        Command::AddAgendaItem(crate::command::AddAgendaItem { meeting, item })
        | Command::RequestAgendaItem(crate::command::RequestAgendaItem { meeting, item }) => {
            id("meeting", meeting)?;
            text("agenda item", item, TITLE, true)
        }
        Command::AcceptAgendaRequest(crate::command::AcceptAgendaRequest { meeting, .. }) => id("meeting", meeting),
        Command::DeclareProxy(crate::command::DeclareProxy { meeting, holder }) => {
            id("meeting", meeting)?;
            id("proxy holder", holder)
        }
        Command::RecordAttendance(crate::command::RecordAttendance { meeting, present }) => {
            id("meeting", meeting)?;
            if present.len() > NAMES {
                return refuse(
                    "too-many-present",
                    "attendance",
                    &[("names", present.len().to_string())],
                    format!("{} people present", present.len()),
                    "name each person once",
                );
            }
            present.iter().try_for_each(|person| id("person", person))
        }
        Command::PublishMinutes(crate::command::PublishMinutes { meeting, link }) => {
            id("meeting", meeting)?;
            url("minutes link", link)
        }
        Command::Vote(crate::command::Vote {
            motion,
            on_behalf_of,
            capacity,
            ..
        }) => {
            id("motion", motion)?;
            on_behalf_of.as_deref().map_or(Ok(()), |member| id("member", member))?;
            capacity
                .as_deref()
                .map_or(Ok(()), |capacity| text("capacity", capacity, TITLE, true))
        }
        Command::CloseMotion(crate::command::CloseMotion { motion, .. }) => id("motion", motion),
        Command::OpenElection(crate::command::OpenElection { body, .. }) => id("body", body),
        Command::Nominate(crate::command::Nominate { election, candidate }) => {
            id("election", election)?;
            id("candidate", candidate)
        }
        Command::Consent(crate::command::Consent { election })
        | Command::Withdraw(crate::command::Withdraw { election })
        | Command::CloseNominations(crate::command::CloseNominations { election }) => id("election", election),
        Command::PublishStatement(crate::command::PublishStatement { election, statement }) => {
            id("election", election)?;
            text("statement", statement, STATEMENT, true)
        }
        Command::CastBallot(crate::command::CastBallot { election, replaces, .. }) => {
            id("election", election)?;
            replaces
                .as_deref()
                .map_or(Ok(()), |key| text("ballot key", key, ID, true))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t1_links_are_web_addresses_only() {
        assert!(url("link", "https://example.org/minutes").is_ok());
        assert!(url("link", "http://example.org").is_ok());
        for bad in [
            "javascript:alert(document.domain)",
            "JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "https://",
            "//example.org",
            "https://example.org/\"onmouseover=alert(1)",
            "https://exa mple.org",
            "vbscript:msgbox",
            "",
        ] {
            assert_eq!(
                url("link", bad).unwrap_err().rule,
                RuleId::RValue,
                "{bad:?} was accepted"
            );
        }
    }

    #[test]
    fn r_value_text_is_bounded() {
        assert!(text("title", &"a".repeat(TITLE), TITLE, true).is_ok());
        assert!(text("title", &"a".repeat(TITLE + 1), TITLE, true).is_err());
        assert!(text("title", "  ", TITLE, true).is_err());
        assert!(text("title", "a\u{0}b", TITLE, true).is_err());
    }

    #[test]
    fn r_value_dates_are_near_the_act() {
        let on = jiff::civil::date(2026, 6, 1);
        assert!(date_near("date", jiff::civil::date(2027, 6, 1), on).is_ok());
        assert!(date_near("date", jiff::civil::date(9999, 12, 31), on).is_err());
        assert!(date_near("date", jiff::civil::date(2020, 1, 1), on).is_err());
    }
}
