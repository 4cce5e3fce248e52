//! iCalendar (RFC 5545) output: obligations and meetings as all-day events, deadlines as the
//! moment they fall (the deadline date's first instant in the community's time zone, written in
//! UTC so that every calendar program shows it in its own zone), and the community's zone named
//! in `X-WR-TIMEZONE`.

use jiff::civil::Date;
use polity_model::Obligation;

/// Escapes TEXT values (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            other => out.push(other),
        }
    }
    out
}

/// Folds a content line at 75 octets (RFC 5545 §3.1) without splitting a UTF-8 character, and
/// ends every physical line with CRLF.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for character in line.chars() {
        let size = character.len_utf8();
        if width + size > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(character);
        width += size;
    }
    out.push_str("\r\n");
}

fn compact(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// One all-day event of a calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Stable: a calendar program updates the event it imported before.
    pub uid: String,
    pub date: Date,
    pub summary: String,
    pub description: String,
    pub category: String,
    pub url: Option<String>,
    /// For a deadline: the moment it falls (then the event is that instant, not the whole day).
    pub moment: Option<jiff::Timestamp>,
}

/// The events of the obligations (UIDs from each obligation's date, kind, body and place).
pub fn obligation_entries(obligations: &[Obligation]) -> Vec<Entry> {
    obligations
        .iter()
        .enumerate()
        .map(|(position, obligation)| Entry {
            uid: format!(
                "{}-{}-{}-{position}@polity",
                compact(obligation.date),
                obligation.kind.as_str(),
                obligation.body.replace(
                    |character: char| !character.is_ascii_alphanumeric() && character != '-',
                    "_"
                )
            ),
            date: obligation.date,
            summary: format!(
                "{}{}",
                if obligation.overdue { "OVERDUE: " } else { "" },
                obligation.summary
            ),
            description: format!(
                "Rule {} ({}). Body: {}.",
                obligation.rule,
                obligation.kind.as_str(),
                obligation.body
            ),
            category: obligation.rule.as_str().to_owned(),
            url: None,
            moment: None,
        })
        .collect()
}

/// A calendar of the obligations. `at` stamps every event (DTSTAMP) so that the same inputs give
/// the same bytes.
pub fn calendar(name: &str, obligations: &[Obligation], at: Date, zone: Option<&str>) -> String {
    calendar_of(
        &format!("{name}: governance obligations"),
        &obligation_entries(obligations),
        at,
        zone,
    )
}

/// A calendar of `entries` named `title`, in the community's time zone `zone` (`None`: UTC).
pub fn calendar_of(title: &str, entries: &[Entry], at: Date, zone: Option<&str>) -> String {
    let mut out = String::new();
    let mut line = |text: String| fold(&text, &mut out);
    line("BEGIN:VCALENDAR".to_owned());
    line("VERSION:2.0".to_owned());
    line("PRODID:-//polity//polity due//EN".to_owned());
    line("CALSCALE:GREGORIAN".to_owned());
    line("METHOD:PUBLISH".to_owned());
    line(format!("X-WR-CALNAME:{}", escape(title)));
    line(format!("X-WR-TIMEZONE:{}", escape(zone.unwrap_or("UTC"))));
    for entry in entries {
        let day = entry.date;
        let next = day.tomorrow().unwrap_or(day);
        line("BEGIN:VEVENT".to_owned());
        line(format!("UID:{}", entry.uid));
        line(format!("DTSTAMP:{}T000000Z", compact(at)));
        match entry.moment {
            Some(moment) => line(format!("DTSTART:{}", moment.strftime("%Y%m%dT%H%M%SZ"))),
            None => {
                line(format!("DTSTART;VALUE=DATE:{}", compact(day)));
                line(format!("DTEND;VALUE=DATE:{}", compact(next)));
            }
        }
        line(format!("SUMMARY:{}", escape(&entry.summary)));
        line(format!("DESCRIPTION:{}", escape(&entry.description)));
        if let Some(url) = &entry.url {
            line(format!("URL:{}", escape_uri(url)));
        }
        line(format!("CATEGORIES:{}", escape(&entry.category)));
        line("TRANSP:TRANSPARENT".to_owned());
        line("END:VEVENT".to_owned());
    }
    line("END:VCALENDAR".to_owned());
    out
}

/// A URI value holds no line break or control character.
fn escape_uri(url: &str) -> String {
    url.chars().filter(|character| !character.is_control()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let text = format!("SUMMARY:{}", "é".repeat(60));
        fold(&text, &mut out);
        for physical in out.split("\r\n").filter(|line| !line.is_empty()) {
            assert!(physical.len() <= 75, "{physical:?} is {} octets", physical.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end_matches("\r\n"), text);
    }

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}
