//! polity's governance model: the state a registry describes, the rules as data, and the pure
//! functions over them (`check` for findings, `due` for obligations).
//!
//! Architecture invariant: this crate does no I/O, no async and reads no clock: every function
//! takes the date it answers for.

pub mod check;
pub mod diff;
pub mod due;
pub mod finding;
pub mod model;
pub mod notice;
pub mod rules;
pub mod values;

pub use check::check;
pub use due::{Obligation, ObligationKind, due};
pub use finding::{Finding, Severity, sort_findings};
pub use model::*;
pub use notice::{Lang, NoticeKind, Webhook};
pub use rules::RuleId;

/// A message of the catalogs (`polity_i18n`) and its values: how a refusal, an obligation or
/// another sentence made here is said in the reader's language. The English words stay beside
/// it, for the record, JSON and feeds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Words {
    pub fn new(key: &'static str, args: &[(&'static str, String)]) -> Words {
        Words {
            key,
            args: args.to_vec(),
        }
    }
}

/// Whether `text` is a link polity shows as one: `https:` or `http:` with a host, at most 2,000
/// characters, without spaces, quotes, angle brackets or backslashes. Never `javascript:`,
/// `data:` or another scheme a browser would run or open locally.
/// The candidates that look like `word` was meant, nearest first (at most three): within two
/// edits (one for words of up to four letters), or one a prefix of the other (at least three
/// letters), without regard to case. For "did you mean" in messages.
pub fn near<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let word = word.to_lowercase();
    let mut found: Vec<(usize, &str)> = candidates
        .into_iter()
        .filter_map(|candidate| {
            let lower = candidate.to_lowercase();
            if lower == word {
                return None;
            }
            let distance = edit_distance(&word, &lower);
            let limit = if word.chars().count() <= 4 { 1 } else { 2 };
            let prefix = word.len().min(lower.len()) >= 3 && (word.starts_with(&lower) || lower.starts_with(&word));
            (distance <= limit || prefix).then_some((distance, candidate))
        })
        .collect();
    found.sort();
    found.dedup_by(|a, b| a.1 == b.1);
    found.into_iter().take(3).map(|(_, candidate)| candidate).collect()
}

/// Levenshtein distance with adjacent transpositions (optimal string alignment), by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 3 {
        return 4;
    }
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

/// Why a text is not a date: not of the form YYYY-MM-DD, no such month, or no such day in the
/// month (`month` 1–12).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    Form,
    NoMonth(i64),
    Days { year: i64, month: usize, days: i64 },
}

impl DateProblem {
    /// The problem's kind as the catalogs select on it: `form`, `month` or `days`.
    pub fn kind(self) -> &'static str {
        match self {
            DateProblem::Form => "form",
            DateProblem::NoMonth(_) => "month",
            DateProblem::Days { .. } => "days",
        }
    }
}

impl std::fmt::Display for DateProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        match self {
            DateProblem::Form => f.write_str("write a date as YYYY-MM-DD, e.g. 2026-06-30"),
            DateProblem::NoMonth(month) => write!(f, "there is no month {month}: months are 01 to 12"),
            DateProblem::Days { year, month, days } => write!(f, "{} {year} has {days} days", MONTHS[month - 1]),
        }
    }
}

/// Why `text` is not a date, in plain words ("there is no month 13", "February 2025 has 28
/// days"), or `None` when it is one (YYYY-MM-DD).
pub fn date_problem(text: &str) -> Option<String> {
    date_problem_of(text).map(|problem| problem.to_string())
}

/// [`date_problem`] as a value.
pub fn date_problem_of(text: &str) -> Option<DateProblem> {
    let text = text.trim();
    if text.len() == 10 && text.parse::<jiff::civil::Date>().is_ok() {
        return None;
    }
    let parts: Vec<&str> = text.split('-').collect();
    let numbers: Option<Vec<i64>> = match parts.as_slice() {
        [year, month, day] if year.len() == 4 && month.len() == 2 && day.len() == 2 => {
            parts.iter().map(|part| part.parse::<i64>().ok()).collect()
        }
        _ => None,
    };
    let Some([year, month, day]) = numbers
        .as_deref()
        .and_then(|numbers| <[i64; 3]>::try_from(numbers).ok())
    else {
        return Some(DateProblem::Form);
    };
    if !(1..=12).contains(&month) {
        return Some(DateProblem::NoMonth(month));
    }
    let days = jiff::civil::Date::new(year as i16, month as i8, 1)
        .map(|first| i64::from(first.days_in_month()))
        .unwrap_or(31);
    if day < 1 || day > days {
        return Some(DateProblem::Days {
            year,
            month: month as usize,
            days,
        });
    }
    Some(DateProblem::Form)
}

/// A time zone as the registry names it: an IANA name (`Asia/Shanghai`, any case), `UTC`, or
/// `AoE` ("anywhere on Earth", UTC−12, as Kubernetes writes its deadlines). Returns the name to
/// show and the zone, or why the name is not a zone, with the nearest names.
pub fn time_zone(name: &str) -> Result<(String, jiff::tz::TimeZone), String> {
    let name = name.trim();
    if name.eq_ignore_ascii_case("aoe") {
        return Ok(("AoE".to_owned(), jiff::tz::TimeZone::fixed(jiff::tz::offset(-12))));
    }
    if name.eq_ignore_ascii_case("utc") {
        return Ok(("UTC".to_owned(), jiff::tz::TimeZone::UTC));
    }
    if name.is_empty() || name.len() > 64 || name.contains("..") || name.starts_with('/') {
        return Err(format!("{name:?} is not a time zone"));
    }
    match jiff::tz::TimeZone::get(name) {
        Ok(zone) => Ok((zone.iana_name().unwrap_or(name).to_owned(), zone)),
        Err(_) => {
            let near = zones_near(name);
            let near: Vec<&str> = near.iter().map(String::as_str).collect();
            Err(format!(
                "{name:?} is not a time zone polity knows{}",
                did_you_mean(&near)
            ))
        }
    }
}

/// The zone names of the zone database near `name` (for "did you mean"), nearest first.
pub fn zones_near(name: &str) -> Vec<String> {
    let name = name.trim();
    if name.is_empty() || name.len() > 64 {
        return Vec::new();
    }
    let known: Vec<String> = jiff::tz::db().available().map(|zone| zone.to_string()).collect();
    near(name, known.iter().map(String::as_str))
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// The zone of a name the registry loader accepted (UTC for `None` or, defensively, for a name
/// this machine's zone database does not know).
pub fn zone_or_utc(name: Option<&str>) -> jiff::tz::TimeZone {
    name.and_then(|name| time_zone(name).ok())
        .map_or(jiff::tz::TimeZone::UTC, |(_, zone)| zone)
}

/// The date at `now` in the community's zone: the day whose deadlines have passed. At
/// 2026-06-30 17:00 UTC it is already 2026-07-01 in Shanghai, so a vote closing on 2026-07-01
/// there is closed, though in London it is still the 30th.
pub fn today_in(now: jiff::Timestamp, zone: &jiff::tz::TimeZone) -> jiff::civil::Date {
    now.to_zoned(zone.clone()).date()
}

/// The moment a deadline date begins in `zone` (the first instant of that day there, also when
/// a DST change skips midnight).
pub fn day_start(date: jiff::civil::Date, zone: &jiff::tz::TimeZone) -> jiff::Zoned {
    date.to_zoned(zone.clone())
        .unwrap_or_else(|_| date.at(12, 0, 0, 0).to_zoned(zone.clone()).unwrap_or_default())
}

/// The moment a deadline falls: `date` at the constitution's `deadline-time` (`time`) in `zone`.
/// At midnight it is [`day_start`] (the day's first instant, also when a DST change skips
/// midnight); a time a DST change skips (02:30 on the day clocks jump from 02:00 to 03:00) is the
/// same wall-clock length after the jump (03:30), and a time that happens twice is the first.
pub fn deadline_moment(date: jiff::civil::Date, time: jiff::civil::Time, zone: &jiff::tz::TimeZone) -> jiff::Zoned {
    if time == jiff::civil::Time::midnight() {
        return day_start(date, zone);
    }
    date.to_datetime(time)
        .to_zoned(zone.clone())
        .unwrap_or_else(|_| day_start(date, zone))
}

/// The date and time of day at `now` in the community's zone (what a command's context carries).
pub fn now_in(now: jiff::Timestamp, zone: &jiff::tz::TimeZone) -> (jiff::civil::Date, jiff::civil::Time) {
    let zoned = now.to_zoned(zone.clone());
    (
        zoned.date(),
        zoned.time().with().subsec_nanosecond(0).build().unwrap_or(zoned.time()),
    )
}

/// A deadline as refusals and plain-text messages say it: `2026-07-01` when deadlines fall at
/// midnight (the constitution's default), else `2026-07-01 18:00 Asia/Shanghai`.
pub fn deadline_text(date: jiff::civil::Date, time: jiff::civil::Time, zone: Option<&str>) -> String {
    if time == jiff::civil::Time::midnight() {
        date.to_string()
    } else {
        format!("{date} {} {}", time.strftime("%H:%M"), zone.unwrap_or("UTC"))
    }
}

/// A time of day as the registry and the command line write it: `18:00` or `18:00:30`, 24-hour.
pub fn parse_time_of_day(text: &str) -> Result<jiff::civil::Time, String> {
    let trimmed = text.trim();
    let well_formed = matches!(trimmed.len(), 5 | 8)
        && trimmed.bytes().enumerate().all(|(at, byte)| match at {
            2 | 5 => byte == b':',
            _ => byte.is_ascii_digit(),
        });
    if !well_formed {
        return Err(format!(
            "{trimmed:?} is not a time of day; write it as HH:MM, 24-hour, e.g. 18:00"
        ));
    }
    trimmed
        .parse::<jiff::civil::Time>()
        .map_err(|_| format!("{trimmed:?} is not a time of day: hours run 00–23 and minutes 00–59"))
}

/// A date as people write it where it cannot be misread, year first: `2026-06-01`,
/// `2026/06/01`, `2026/6/1`, `2026年6月1日`; otherwise why not, in plain words. Day-first and
/// month-first forms (`01/06/2026`) are refused: they mean different days in different places.
pub fn parse_date(text: &str) -> Result<jiff::civil::Date, String> {
    let trimmed = text.trim();
    let written = written_date(trimmed);
    let iso = written.as_deref().unwrap_or(trimmed);
    match date_problem(iso) {
        None => iso
            .parse()
            .map_err(|_| "write a date as YYYY-MM-DD, e.g. 2026-06-30".to_owned()),
        Some(problem) if written.is_none() && !trimmed.is_empty() => Err(format!(
            "{problem} (also accepted: 2026/06/30, 2026/6/30, 2026年6月30日; the year comes first)"
        )),
        Some(problem) => Err(problem),
    }
}

/// `YYYY-MM-DD` of a year-first date in one of the accepted forms.
fn written_date(text: &str) -> Option<String> {
    let parts: Vec<&str> = if let Some(rest) = text.strip_suffix('日') {
        rest.split(['年', '月']).collect()
    } else if text.contains('/') {
        text.split('/').collect()
    } else {
        text.split('-').collect()
    };
    let [year, month, day] = parts.as_slice() else {
        return None;
    };
    let digits = |part: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&part.len()) && part.bytes().all(|byte| byte.is_ascii_digit())
    };
    (digits(year, 4..=4) && digits(month, 1..=2) && digits(day, 1..=2)).then(|| format!("{year}-{month:0>2}-{day:0>2}"))
}

/// "; did you mean `a` or `b`?" for the near candidates, or nothing.
pub fn did_you_mean(near: &[&str]) -> String {
    match near {
        [] => String::new(),
        [one] => format!("; did you mean `{one}`?"),
        [rest @ .., last] => format!(
            "; did you mean {} or `{last}`?",
            rest.iter()
                .map(|item| format!("`{item}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

pub fn is_web_link(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let host = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .map(|rest| rest.split(['/', '?', '#']).next().unwrap_or(""));
    text.chars().count() <= 2_000
        && host.is_some_and(|host| !host.is_empty())
        && !text
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`' | '\\'))
}

#[cfg(test)]
mod zone_tests {
    use super::{day_start, time_zone};
    use jiff::civil::date;

    #[test]
    fn today_is_the_date_in_the_communitys_zone() {
        let now: jiff::Timestamp = "2026-06-30T17:00:00Z".parse().unwrap();
        assert_eq!(
            super::today_in(now, &time_zone("Asia/Shanghai").unwrap().1),
            date(2026, 7, 1)
        );
        assert_eq!(super::today_in(now, &time_zone("UTC").unwrap().1), date(2026, 6, 30));
        assert_eq!(super::today_in(now, &time_zone("AoE").unwrap().1), date(2026, 6, 30));
    }

    #[test]
    fn zones_are_iana_names_utc_or_aoe() {
        assert_eq!(time_zone("Asia/Shanghai").unwrap().0, "Asia/Shanghai");
        assert_eq!(time_zone("aoe").unwrap().0, "AoE");
        assert_eq!(time_zone("UTC").unwrap().0, "UTC");
        let wrong = time_zone("Asia/Shangai").unwrap_err();
        assert!(wrong.contains("Asia/Shanghai"), "{wrong}");
        for bad in ["", "../../etc/passwd", "/etc/localtime", "Mars/Olympus"] {
            assert!(time_zone(bad).is_err(), "{bad:?}");
        }
    }

    /// A `deadline-time` of 18:00 falls at 18:00 of the date in the zone's offset of that day; a
    /// time a DST change skips (02:30 in Berlin on 2026-03-29) falls the gap's length later
    /// (03:30 CEST), a time that happens twice (02:30 on 2026-10-25) at its first occurrence
    /// (CEST); midnight is the day's first instant as before.
    #[test]
    fn deadlines_fall_at_the_deadline_time_across_dst() {
        use super::deadline_moment;
        use jiff::civil::time;
        let (_, shanghai) = time_zone("Asia/Shanghai").unwrap();
        assert_eq!(
            deadline_moment(date(2026, 7, 1), time(18, 0, 0, 0), &shanghai).to_string(),
            "2026-07-01T18:00:00+08:00[Asia/Shanghai]"
        );
        let (_, berlin) = time_zone("Europe/Berlin").unwrap();
        assert_eq!(
            deadline_moment(date(2026, 3, 29), time(2, 30, 0, 0), &berlin).to_string(),
            "2026-03-29T03:30:00+02:00[Europe/Berlin]"
        );
        assert_eq!(
            deadline_moment(date(2026, 10, 25), time(2, 30, 0, 0), &berlin).to_string(),
            "2026-10-25T02:30:00+02:00[Europe/Berlin]"
        );
        assert_eq!(
            deadline_moment(date(2026, 10, 25), time(18, 0, 0, 0), &berlin).to_string(),
            "2026-10-25T18:00:00+01:00[Europe/Berlin]"
        );
        let (_, havana) = time_zone("America/Havana").unwrap();
        assert_eq!(
            deadline_moment(date(2026, 3, 8), jiff::civil::Time::midnight(), &havana),
            day_start(date(2026, 3, 8), &havana)
        );
        assert_eq!(
            super::deadline_text(date(2026, 7, 1), time(18, 0, 0, 0), Some("Asia/Shanghai")),
            "2026-07-01 18:00 Asia/Shanghai"
        );
        assert_eq!(
            super::deadline_text(date(2026, 7, 1), jiff::civil::Time::midnight(), None),
            "2026-07-01"
        );
    }

    /// Times of day are 24-hour `HH:MM` (or `HH:MM:SS`); anything else is refused in words.
    #[test]
    fn times_of_day_are_24_hour_hh_mm() {
        use super::parse_time_of_day;
        assert_eq!(parse_time_of_day("18:00").unwrap(), jiff::civil::time(18, 0, 0, 0));
        assert_eq!(
            parse_time_of_day(" 23:59:30 ").unwrap(),
            jiff::civil::time(23, 59, 30, 0)
        );
        for bad in [
            "",
            "6pm",
            "18",
            "1800",
            "18:0",
            "24:00",
            "18:60",
            "18:00:00.5",
            "１８:００",
            "-1:00",
        ] {
            let why = parse_time_of_day(bad).unwrap_err();
            assert!(why.contains("time of day"), "{bad:?}: {why}");
        }
    }

    /// A deadline date begins at midnight, in the zone's offset of that day (EST before the
    /// March change, EDT after), and at the day's first instant where a DST change skips
    /// midnight (Havana moves from 00:00 to 01:00 on 2026-03-08).
    #[test]
    fn deadlines_begin_at_the_days_first_instant_across_dst() {
        let (_, york) = time_zone("America/New_York").unwrap();
        assert_eq!(
            day_start(date(2026, 3, 7), &york).to_string(),
            "2026-03-07T00:00:00-05:00[America/New_York]"
        );
        assert_eq!(
            day_start(date(2026, 3, 9), &york).to_string(),
            "2026-03-09T00:00:00-04:00[America/New_York]"
        );
        let (_, havana) = time_zone("America/Havana").unwrap();
        assert_eq!(
            day_start(date(2026, 3, 8), &havana).to_string(),
            "2026-03-08T01:00:00-04:00[America/Havana]"
        );
        let (_, aoe) = time_zone("AoE").unwrap();
        assert_eq!(
            day_start(date(2026, 7, 1), &aoe).timestamp().to_string(),
            "2026-07-01T12:00:00Z"
        );
    }
}

#[cfg(test)]
mod date_tests {
    use super::parse_date;

    #[test]
    fn dates_are_read_as_people_write_them_year_first() {
        let june = jiff::civil::date(2026, 6, 1);
        for text in ["2026-06-01", "2026/06/01", "2026/6/1", "2026年6月1日", " 2026-6-1 "] {
            assert_eq!(parse_date(text), Ok(june), "{text}");
        }
        assert_eq!(parse_date("2026年2月30日").unwrap_err(), "February 2026 has 28 days");
        assert_eq!(
            parse_date("2026/13/01").unwrap_err(),
            "there is no month 13: months are 01 to 12"
        );
        let ambiguous = parse_date("01/06/2026").unwrap_err();
        assert!(ambiguous.contains("the year comes first"), "{ambiguous}");
        assert!(!parse_date("二〇二六年六月一日").unwrap_err().contains("\\u"));
        assert!(parse_date("").is_err());
    }
}

#[cfg(test)]
mod near_tests {
    use super::*;

    #[test]
    fn r_schema_did_you_mean_finds_typos_and_prefixes_not_everything() {
        let keys = ["leadership", "liaisons", "members", "meetings", "term", "term-limit"];
        assert_eq!(near("leadershp", keys), ["leadership"]);
        assert_eq!(near("meetngs", keys), ["meetings"]);
        assert_eq!(near("colour", keys), Vec::<&str>::new());
        assert_eq!(near("bobby", ["bob", "alice", "bobb"]), ["bobb", "bob"]);
        assert_eq!(near("memebrs", keys), ["members"], "a transposition is one edit");
        assert_eq!(did_you_mean(&["a", "b"]), "; did you mean `a` or `b`?");
        assert_eq!(did_you_mean(&[]), "");
    }

    #[test]
    fn r_value_a_bad_date_is_explained_in_plain_words() {
        assert_eq!(date_problem("2026-06-30"), None);
        assert_eq!(date_problem("2025-02-30").as_deref(), Some("February 2025 has 28 days"));
        assert_eq!(date_problem("2024-02-30").as_deref(), Some("February 2024 has 29 days"));
        assert_eq!(
            date_problem("2026-13-01").as_deref(),
            Some("there is no month 13: months are 01 to 12")
        );
        assert_eq!(
            date_problem("30/06/2026").as_deref(),
            Some("write a date as YYYY-MM-DD, e.g. 2026-06-30")
        );
        assert_eq!(
            date_problem("2026-6-3").as_deref(),
            Some("write a date as YYYY-MM-DD, e.g. 2026-06-30")
        );
    }
}
