//! Parsed values with their place in the files: positions, periods and counts.

use std::fmt;

use jiff::civil::Date;

/// A position in one of the registry's files (1-based line and column).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Loc {
    /// Index into [`Polity::files`].
    pub file: u32,
    pub line: u32,
    pub column: u32,
}

/// A length of time as a governance document says it: `2 weeks`, `12 months`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Period {
    pub amount: u32,
    pub unit: PeriodUnit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PeriodUnit {
    Days,
    Weeks,
    Months,
    Years,
}

impl Period {
    pub const fn new(amount: u32, unit: PeriodUnit) -> Period {
        Period { amount, unit }
    }

    /// The date this period after `date`; month arithmetic clamps to the month's last day.
    pub fn after(self, date: Date) -> Date {
        self.shift(date, 1)
    }

    /// The date this period before `date`.
    pub fn before(self, date: Date) -> Date {
        self.shift(date, -1)
    }

    fn shift(self, date: Date, sign: i64) -> Date {
        let amount = i64::from(self.amount) * sign;
        let span = match self.unit {
            PeriodUnit::Days => jiff::Span::new().try_days(amount),
            PeriodUnit::Weeks => jiff::Span::new().try_weeks(amount),
            PeriodUnit::Months => jiff::Span::new().try_months(amount),
            PeriodUnit::Years => jiff::Span::new().try_years(amount),
        };
        // Dates in governance files are far from jiff's limits; saturate rather than fail (a
        // period too long for a span, like 99999 years, saturates too: it never panics).
        span.ok()
            .and_then(|span| date.checked_add(span).ok())
            .unwrap_or(if sign > 0 { Date::MAX } else { Date::MIN })
    }

    /// Reads a period as people write it: `12 months`, `2 weeks`, `1 year`, `90 days`, and the
    /// short forms `.gitvote.yml` and Elekto users write, `400d`, `2w`, `6mo`, `1y` (also `1 yr`,
    /// `3 mos`, `2wk`). `m` alone is refused: minutes or months?
    pub fn parse(text: &str) -> Result<Period, String> {
        let trimmed = text.trim();
        let digits = trimmed.find(|c: char| !c.is_ascii_digit()).unwrap_or(trimmed.len());
        let (amount, unit) = trimmed.split_at(digits);
        let unit = unit.trim();
        if amount.is_empty() || unit.is_empty() || unit.contains(char::is_whitespace) {
            return Err(format!(
                "cannot read the period {text:?}; write a number and a unit, like \"2 weeks\", \"12 months\", \"400d\" or \"1y\""
            ));
        }
        let amount: u32 = amount
            .parse()
            .map_err(|_| format!("cannot read the period {text:?}: {amount:?} is too large a number"))?;
        let unit = match unit.to_ascii_lowercase().as_str() {
            "d" | "day" | "days" => PeriodUnit::Days,
            "w" | "wk" | "wks" | "week" | "weeks" => PeriodUnit::Weeks,
            "mo" | "mos" | "mon" | "month" | "months" => PeriodUnit::Months,
            "y" | "yr" | "yrs" | "year" | "years" => PeriodUnit::Years,
            "m" => {
                return Err(format!(
                    "cannot read the period {text:?}: `m` could be minutes or months; write \"{amount}mo\" or \"{amount} months\""
                ));
            }
            other => {
                return Err(format!(
                    "cannot read the period {text:?}: the unit {other:?} is not one of days (d), weeks (w), months (mo), years (y)"
                ));
            }
        };
        Ok(Period { amount, unit })
    }
}

impl Period {
    /// The unit as English says it with this amount (`day`, `weeks`, …).
    pub fn unit_word(&self) -> &'static str {
        match (self.unit, self.amount == 1) {
            (PeriodUnit::Days, true) => "day",
            (PeriodUnit::Days, false) => "days",
            (PeriodUnit::Weeks, true) => "week",
            (PeriodUnit::Weeks, false) => "weeks",
            (PeriodUnit::Months, true) => "month",
            (PeriodUnit::Months, false) => "months",
            (PeriodUnit::Years, true) => "year",
            (PeriodUnit::Years, false) => "years",
        }
    }

    /// The values a message says this period with: `amount` and `unit` (see `due-period`).
    pub fn words(&self) -> [(&'static str, String); 2] {
        [
            ("amount", self.amount.to_string()),
            ("unit", self.unit_word().to_owned()),
        ]
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.unit_word())
    }
}

/// An inclusive range of counts, written `3` or `1..2` in files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CountRange {
    pub min: u32,
    pub max: u32,
}

impl CountRange {
    pub const fn exactly(count: u32) -> CountRange {
        CountRange { min: count, max: count }
    }

    pub fn contains(self, count: u32) -> bool {
        (self.min..=self.max).contains(&count)
    }

    pub fn parse(text: &str) -> Result<CountRange, String> {
        let bad = || format!("cannot read the count {text:?}; write a number like 3 or a range like 1..2");
        let range = match text.split_once("..") {
            Some((min, max)) => CountRange {
                min: min.trim().parse().map_err(|_| bad())?,
                max: max.trim().parse().map_err(|_| bad())?,
            },
            None => CountRange::exactly(text.trim().parse().map_err(|_| bad())?),
        };
        if range.min > range.max {
            return Err(format!("the count range {text:?} has its minimum above its maximum"));
        }
        Ok(range)
    }
}

impl fmt::Display for CountRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.min == self.max {
            write!(f, "{}", self.min)
        } else {
            write!(f, "{}..{}", self.min, self.max)
        }
    }
}

/// A reference to a person as written in a file: an id, or `@handle` (matched without regard to
/// case, as GitHub does).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonRef {
    pub text: String,
    pub loc: Loc,
}

/// A reference to another body or an organisation, by id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdRef {
    pub id: String,
    pub loc: Loc,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_value_a_period_beyond_the_calendar_saturates_instead_of_panicking() {
        let on = jiff::civil::date(2026, 6, 1);
        let huge = Period::parse("99999 years").unwrap();
        assert_eq!(huge.after(on), Date::MAX);
        assert_eq!(huge.before(on), Date::MIN);
        assert_eq!(Period::parse("4294967295 days").unwrap().after(on), Date::MAX);
    }

    #[test]
    fn r_value_periods_are_read_as_people_write_them() {
        let read = |text: &str| Period::parse(text).map(|period| period.to_string());
        for (text, period) in [
            ("12 months", "12 months"),
            ("2 weeks", "2 weeks"),
            ("1 year", "1 year"),
            ("90 days", "90 days"),
            ("400d", "400 days"),
            ("2w", "2 weeks"),
            ("6mo", "6 months"),
            ("1y", "1 year"),
            ("3 mos", "3 months"),
            ("1 yr", "1 year"),
            (" 14D ", "14 days"),
        ] {
            assert_eq!(read(text).as_deref(), Ok(period), "{text}");
        }
        assert!(read("6m").unwrap_err().contains("minutes or months"));
        assert!(read("weeks").unwrap_err().contains("write a number and a unit"));
        assert!(read("2 fortnights").unwrap_err().contains("not one of days (d)"));
        assert!(read("2 w eeks").is_err());
        assert!(read("99999999999 days").unwrap_err().contains("too large"));
    }
}
