//! Exact thresholds such as `> 1/2 of votes cast` or `>= 2/3 of members`.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// A non-negative rational number with a non-zero denominator, kept in lowest terms.
///
/// Comparisons are exact (cross-multiplication in 128 bits), so `2/3` of 9 is exactly 6.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fraction {
    numerator: u64,
    denominator: u64,
}

impl Fraction {
    /// Builds `numerator/denominator` in lowest terms; `None` when the denominator is zero.
    pub fn new(numerator: u64, denominator: u64) -> Option<Fraction> {
        if denominator == 0 {
            return None;
        }
        let divisor = gcd(numerator, denominator).max(1);
        Some(Fraction {
            numerator: numerator / divisor,
            denominator: denominator / divisor,
        })
    }

    pub fn numerator(self) -> u64 {
        self.numerator
    }

    pub fn denominator(self) -> u64 {
        self.denominator
    }

    /// Compares `part/whole` with this fraction without rounding. `whole` must be non-zero.
    fn compare_ratio(self, part: u64, whole: u64) -> Ordering {
        let left = u128::from(part) * u128::from(self.denominator);
        let right = u128::from(self.numerator) * u128::from(whole);
        left.cmp(&right)
    }

    /// The smallest whole count `k` with `k/whole` satisfying `bound` against this fraction.
    pub fn smallest_count(self, bound: Bound, whole: u64) -> u64 {
        // k/whole >= n/d  <=>  k*d >= n*whole  <=>  k >= ceil(n*whole/d)
        let product = u128::from(self.numerator) * u128::from(whole);
        let denominator = u128::from(self.denominator);
        let at_least = product.div_ceil(denominator);
        let needed = match bound {
            Bound::AtLeast => at_least,
            // k*d > n*whole  <=>  k > n*whole/d  <=>  k >= floor(n*whole/d) + 1
            Bound::GreaterThan => product / denominator + 1,
        };
        u64::try_from(needed).unwrap_or(u64::MAX)
    }
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl fmt::Display for Fraction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.numerator, self.denominator)
    }
}

/// Whether a threshold is strict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Bound {
    /// `>`: more than the fraction.
    GreaterThan,
    /// `>=`: at least the fraction.
    AtLeast,
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Bound::GreaterThan => ">",
            Bound::AtLeast => ">=",
        })
    }
}

/// What a threshold's fraction is taken of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Base {
    /// The yes/no votes cast (abstentions are not votes cast).
    VotesCast,
    /// Every ballot cast, abstentions included (an abstention then counts against).
    BallotsCast,
    /// All members of the body, whether or not they voted.
    Members,
    /// Participation: the members who voted (D3) or cast valid ballots (E3), out of all members.
    MembersVoting,
    /// Attendance: the members present at a meeting, in person or by proxy (D1).
    MembersAttending,
}

impl Base {
    const SPELLINGS: [(&'static str, Base); 7] = [
        ("votes cast", Base::VotesCast),
        ("ballots cast", Base::BallotsCast),
        ("members voted", Base::MembersVoting),
        ("members cast valid ballots", Base::MembersVoting),
        ("members attend", Base::MembersAttending),
        ("members attending", Base::MembersAttending),
        ("members", Base::Members),
    ];

    fn canonical(self) -> &'static str {
        match self {
            Base::VotesCast => "votes cast",
            Base::BallotsCast => "ballots cast",
            Base::Members => "members",
            Base::MembersVoting => "members voted",
            Base::MembersAttending => "members attend",
        }
    }
}

/// A rule such as `>= 2/3 of members`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Threshold {
    pub bound: Bound,
    pub fraction: Fraction,
    pub base: Base,
}

impl Threshold {
    /// Whether `count` out of `whole` meets the threshold. Nothing out of nothing meets no
    /// threshold: a vote with no votes cast has not carried.
    pub fn is_met(&self, count: u64, whole: u64) -> bool {
        if whole == 0 {
            return false;
        }
        let ordering = self.fraction.compare_ratio(count, whole);
        match self.bound {
            Bound::GreaterThan => ordering == Ordering::Greater,
            Bound::AtLeast => ordering != Ordering::Less,
        }
    }

    /// The smallest count out of `whole` that meets the threshold.
    pub fn needed(&self, whole: u64) -> u64 {
        self.fraction.smallest_count(self.bound, whole)
    }
}

impl fmt::Display for Threshold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} of {}", self.bound, self.fraction, self.base.canonical())
    }
}

/// Why a threshold could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThresholdParseError {
    pub input: String,
    pub reason: &'static str,
}

impl fmt::Display for ThresholdParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot read threshold {:?}: {}; write it like \"> 1/2 of votes cast\" or \">= 2/3 of members\"",
            self.input, self.reason
        )
    }
}

impl std::error::Error for ThresholdParseError {}

impl FromStr for Threshold {
    type Err = ThresholdParseError;

    fn from_str(input: &str) -> Result<Threshold, ThresholdParseError> {
        let fail = |reason| ThresholdParseError {
            input: input.to_owned(),
            reason,
        };
        let text = input.trim();
        let (bound, rest) = if let Some(rest) = text.strip_prefix(">=") {
            (Bound::AtLeast, rest)
        } else if let Some(rest) = text.strip_prefix('>') {
            (Bound::GreaterThan, rest)
        } else {
            return Err(fail("it must start with '>' or '>='"));
        };
        let rest = rest.trim_start();
        let (fraction_text, base_text) = rest
            .split_once(" of ")
            .ok_or_else(|| fail("the fraction must be followed by 'of' and what it is of"))?;
        let (numerator, denominator) = fraction_text
            .trim()
            .split_once('/')
            .ok_or_else(|| fail("the fraction must be written n/d"))?;
        let numerator: u64 = numerator
            .trim()
            .parse()
            .map_err(|_| fail("the numerator is not a whole number"))?;
        let denominator: u64 = denominator
            .trim()
            .parse()
            .map_err(|_| fail("the denominator is not a whole number"))?;
        if numerator > denominator {
            return Err(fail("the fraction is above 1"));
        }
        let fraction = Fraction::new(numerator, denominator).ok_or_else(|| fail("the denominator is zero"))?;
        let base_text = base_text.trim();
        let base = Base::SPELLINGS
            .iter()
            .find(|(spelling, _)| *spelling == base_text)
            .map(|(_, base)| *base)
            .ok_or_else(|| {
                fail("it must be of 'votes cast', 'ballots cast', 'members', 'members voted', 'members cast valid ballots' or 'members attend'")
            })?;
        Ok(Threshold { bound, fraction, base })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn threshold(text: &str) -> Threshold {
        text.parse().unwrap()
    }

    #[test]
    fn strict_half_needs_more_than_half() {
        let rule = threshold("> 1/2 of members");
        assert!(!rule.is_met(4, 8));
        assert!(rule.is_met(5, 8));
        assert_eq!(rule.needed(8), 5);
        assert_eq!(rule.needed(9), 5);
    }

    #[test]
    fn two_thirds_at_least_is_exact() {
        let rule = threshold(">= 2/3 of members cast valid ballots");
        assert_eq!(rule.base, Base::MembersVoting);
        assert!(rule.is_met(6, 9));
        assert!(!rule.is_met(5, 9));
        assert_eq!(rule.needed(9), 6);
        assert_eq!(rule.needed(7), 5);
    }

    #[test]
    fn nothing_of_nothing_is_not_met() {
        assert!(!threshold(">= 0/1 of votes cast").is_met(0, 0));
    }

    #[test]
    fn display_round_trips() {
        for text in ["> 1/2 of votes cast", ">= 2/3 of members", "> 1/2 of members attend"] {
            assert_eq!(threshold(text).to_string(), text);
        }
    }

    #[test]
    fn bad_thresholds_say_why() {
        for text in [
            "1/2 of members",
            "> 1/0 of members",
            "> 3/2 of members",
            "> half of members",
            "> 1/2 of people",
        ] {
            let error = text.parse::<Threshold>().unwrap_err();
            assert!(error.to_string().contains("write it like"), "{error}");
        }
    }
}
