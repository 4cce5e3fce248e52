//! What people subscribe to: a body's or a person's calendar (every deadline, meeting and term
//! end, as iCalendar) and the record as an Atom feed, in words.

use std::collections::BTreeSet;

use jiff::civil::Date;
use polity_engine::{Phase, State};
use polity_model::{Period, PeriodUnit};

use crate::ical::{self, Entry};

/// How far ahead a calendar looks.
const AHEAD: Period = Period::new(1, PeriodUnit::Years);

fn link(base: Option<&str>, path: &str) -> String {
    match base {
        Some(base) => format!("{}{path}", base.trim_end_matches('/')),
        None => path.to_owned(),
    }
}

fn uid(parts: &[&str]) -> String {
    let joined = parts.join("-");
    let safe: String = joined
        .chars()
        .map(|character| {
            if character.is_ascii_alphanumeric() || character == '-' {
                character
            } else {
                '_'
            }
        })
        .collect();
    format!("{safe}@polity")
}

/// The record's dated processes: elections' closing days and meetings, of the bodies `bodies`,
/// for `person` when given (then only the elections they vote or nominate in).
fn process_entries(
    state: &State,
    bodies: &BTreeSet<String>,
    person: Option<&str>,
    at: Date,
    base: Option<&str>,
) -> Vec<Entry> {
    let mut entries = Vec::new();
    for election in state.elections.values() {
        if election.phase == Phase::Closed {
            continue;
        }
        let concerned = match person {
            Some(person) => {
                state.election_voters(election, at).contains(person)
                    || state.election_nominators(election, at).contains(person)
            }
            None => bodies.contains(&election.body),
        };
        if !concerned {
            continue;
        }
        let url = link(base, &format!("/elections/{}", election.id));
        let zone = polity_model::zone_or_utc(state.polity.constitution.time_zone.as_deref());
        let falls_at = state.polity.constitution.deadline_time;
        let moment = |date: Date| Some(polity_model::deadline_moment(date, falls_at, &zone).timestamp());
        let when = |date: Date| {
            if falls_at == jiff::civil::Time::midnight() {
                format!("the start of {date}")
            } else {
                format!("{date} {}", falls_at.strftime("%H:%M"))
            }
        };
        if election.phase == Phase::Nominating {
            entries.push(Entry {
                uid: uid(&[&election.id, "nominations-close"]),
                date: election.nominations_close,
                summary: format!(
                    "Nominations close: {} {} election",
                    election.body,
                    election.seat.as_str()
                ),
                description: format!(
                    "Election {}: nominations and consents are accepted until this moment ({} in the community's time zone).",
                    election.id,
                    when(election.nominations_close)
                ),
                category: "E1".to_owned(),
                url: Some(url.clone()),
                moment: moment(election.nominations_close),
            });
        }
        entries.push(Entry {
            uid: uid(&[&election.id, "voting-close"]),
            date: election.voting_close,
            summary: format!("Voting closes: {} {} election", election.body, election.seat.as_str()),
            description: format!(
                "Election {}: ballots are accepted until this moment ({} in the community's time zone).",
                election.id,
                when(election.voting_close)
            ),
            category: "E1".to_owned(),
            url: Some(url),
            moment: moment(election.voting_close),
        });
    }
    for meeting in state.meetings.values() {
        if !bodies.contains(&meeting.body) || meeting.on < at {
            continue;
        }
        entries.push(Entry {
            uid: uid(&[&meeting.id, "meeting"]),
            date: meeting.on,
            summary: format!("Meeting of {}", meeting.body),
            description: if meeting.agenda.is_empty() {
                "Agenda not set yet.".to_owned()
            } else {
                format!(
                    "Agenda: {}",
                    meeting
                        .agenda
                        .iter()
                        .map(|(item, _)| item.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                )
            },
            category: "D6".to_owned(),
            url: Some(link(base, &format!("/meetings/{}", meeting.id))),
            moment: None,
        });
    }
    entries
}

fn sorted(mut entries: Vec<Entry>) -> Vec<Entry> {
    entries.sort_by(|a, b| (a.date, &a.uid).cmp(&(b.date, &b.uid)));
    entries.dedup_by(|a, b| a.uid == b.uid);
    entries
}

/// The calendar of a body: its obligations for a year, its elections and meetings. `None`: no
/// such body.
pub fn body_calendar(state: &State, body: &str, at: Date, base: Option<&str>) -> Option<String> {
    let found = state.polity.body(body)?;
    let obligations: Vec<_> = polity_model::due(&state.polity, at, AHEAD)
        .into_iter()
        .filter(|obligation| obligation.body == found.id)
        .collect();
    let mut entries = ical::obligation_entries(&obligations);
    entries.extend(process_entries(
        state,
        &BTreeSet::from([found.id.clone()]),
        None,
        at,
        base,
    ));
    let title = format!("{}: {}", state.polity.constitution.name, found.name);
    Some(ical::calendar_of(
        &title,
        &sorted(entries),
        at,
        state.polity.constitution.time_zone.as_deref(),
    ))
}

/// The calendar of a person: the obligations of the bodies where they hold a seat, their own term
/// ends, the elections they vote or nominate in and the meetings of their bodies. `None`: no
/// such person.
pub fn person_calendar(state: &State, person: &str, at: Date, base: Option<&str>) -> Option<String> {
    let found = state.polity.person(person)?;
    let bodies: BTreeSet<String> = state
        .polity
        .bodies
        .iter()
        .filter(|body| {
            body.holders.iter().any(|holding| {
                holding.covers(at)
                    && state
                        .polity
                        .person(&holding.person.text)
                        .is_some_and(|holder| holder.id == found.id)
            })
        })
        .map(|body| body.id.clone())
        .collect();
    let obligations: Vec<_> = polity_model::due(&state.polity, at, AHEAD)
        .into_iter()
        .filter(|obligation| {
            bodies.contains(&obligation.body) && obligation.kind != polity_model::ObligationKind::TermEnds
        })
        .collect();
    let mut entries = ical::obligation_entries(&obligations);
    for body in state.polity.bodies.iter().filter(|body| bodies.contains(&body.id)) {
        for holding in &body.holders {
            let mine = state
                .polity
                .person(&holding.person.text)
                .is_some_and(|holder| holder.id == found.id);
            if let (true, Some(until)) = (mine, holding.until)
                && until >= at
            {
                entries.push(Entry {
                    uid: uid(&[
                        &body.id,
                        holding.seat.as_str(),
                        &found.id,
                        "term-ends",
                        &until.to_string(),
                    ]),
                    date: until,
                    summary: format!("Your term as {} of {} ends", holding.seat.as_str(), body.name),
                    description: format!("{}'s term ends on {until}.", found.name),
                    category: "E1".to_owned(),
                    url: Some(link(base, &format!("/bodies/{}", body.id))),
                    moment: None,
                });
            }
        }
    }
    entries.extend(process_entries(state, &bodies, Some(&found.id), at, base));
    let title = format!("{}: {}", state.polity.constitution.name, found.name);
    Some(ical::calendar_of(
        &title,
        &sorted(entries),
        at,
        state.polity.constitution.time_zone.as_deref(),
    ))
}

/// One entry of a feed: an event of the record in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedEntry {
    pub seq: i64,
    /// RFC 3339.
    pub recorded_at: String,
    pub kind: String,
    pub hash: String,
    pub summary: String,
    pub path: String,
}

fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 allows no other control characters.
            '\t' | '\n' | '\r' => out.push(character),
            other if other.is_control() => out.push(' '),
            other => out.push(other),
        }
    }
    out
}

/// A recorded date (`YYYY-MM-DD`, as the record keeps it) as an RFC 3339 date-time.
fn instant(text: &str) -> String {
    if text.len() == 10 {
        format!("{text}T00:00:00Z")
    } else {
        text.to_owned()
    }
}

/// An Atom (RFC 4287) feed of `entries`, newest first; ids from the rows' hashes, so that an
/// entry keeps its id forever.
/// `self_path` is the feed's own path; its id is `urn:polity:feed:` and that path, whatever
/// address the server is reached at.
pub fn atom(title: &str, self_path: &str, base: Option<&str>, entries: &[FeedEntry]) -> String {
    atom_in(title, self_path, base, entries, &FeedWords::ENGLISH)
}

/// The feed's own words in one language: its language tag (`xml:lang`), the query that asks for
/// it (`?lang=zh`, part of the self link but not of the feed's id), and "(event N of the record)".
#[derive(Clone, Copy)]
pub struct FeedWords<'a> {
    pub tag: &'a str,
    pub query: &'a str,
    pub event: &'a dyn Fn(i64) -> String,
}

impl std::fmt::Debug for FeedWords<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FeedWords")
            .field("tag", &self.tag)
            .field("query", &self.query)
            .finish_non_exhaustive()
    }
}

fn english_event(seq: i64) -> String {
    format!("event {seq} of the record")
}

impl FeedWords<'static> {
    pub const ENGLISH: FeedWords<'static> = FeedWords {
        tag: "en",
        query: "",
        event: &english_event,
    };
}

/// [`atom`] in the language of `words`: the same entries (ids, links, times), said in it.
pub fn atom_in(
    title: &str,
    self_path: &str,
    base: Option<&str>,
    entries: &[FeedEntry],
    words: &FeedWords<'_>,
) -> String {
    let self_url = link(base, &format!("{self_path}{}", words.query));
    let updated = entries
        .iter()
        .map(|entry| instant(&entry.recorded_at))
        .max()
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_owned());
    let mut out = String::new();
    if words.tag == "en" {
        out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    } else {
        out.push_str(&format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
            xml(words.tag)
        ));
    }
    out.push_str(&format!("  <title>{}</title>\n", xml(title)));
    out.push_str(&format!("  <id>urn:polity:feed:{}</id>\n", xml(self_path)));
    out.push_str(&format!("  <link rel=\"self\" href=\"{}\"/>\n", xml(&self_url)));
    out.push_str(&format!("  <updated>{}</updated>\n", xml(&updated)));
    out.push_str("  <author><name>polity</name></author>\n");
    for entry in entries {
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <title>{}</title>\n", xml(&entry.summary)));
        out.push_str(&format!("    <id>urn:polity:{}</id>\n", xml(&entry.hash)));
        out.push_str(&format!(
            "    <updated>{}</updated>\n",
            xml(&instant(&entry.recorded_at))
        ));
        out.push_str(&format!("    <link href=\"{}\"/>\n", xml(&link(base, &entry.path))));
        out.push_str(&format!("    <category term=\"{}\"/>\n", xml(&entry.kind)));
        out.push_str(&format!(
            "    <summary>{} ({})</summary>\n",
            xml(&entry.summary),
            xml(&(words.event)(entry.seq))
        ));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}
