//! What polity tells people, and in which language: the kinds of notice a person may receive
//! (and opt out of, unless the constitution requires it), and the webhooks a registry posts to.

use crate::{Loc, RuleId};

/// A kind of message polity sends a person. Spelt in the registry (`mute:` in people.yaml) and in
/// the outbox by [`NoticeKind::name`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NoticeKind {
    /// An election's nomination window is open (to its electorate).
    NominationsOpen,
    /// An election's voting is open (to each eligible voter, with the ballot link).
    VotingOpen,
    /// A few days before voting closes, to each eligible voter who has not voted.
    VotingReminder,
    /// An election was counted (to its electorate and candidates).
    ElectionResult,
    /// A report is due soon (to the body's leads).
    ReportDue,
    /// A report is overdue (to the body's leads).
    ReportOverdue,
    /// A term ends soon (to its holder).
    TermEnding,
    /// A meeting was announced, with its agenda so far (to the body's members).
    MeetingAnnounced,
    /// A meeting's minutes were published (to the body's members).
    MinutesPublished,
    /// A motion awaits the member's vote.
    MotionAwaitingVote,
    /// A proposal by lazy consensus is open: members may object until its deadline.
    ProposalOpen,
}

impl NoticeKind {
    pub const ALL: &'static [NoticeKind] = &[
        NoticeKind::NominationsOpen,
        NoticeKind::VotingOpen,
        NoticeKind::VotingReminder,
        NoticeKind::ElectionResult,
        NoticeKind::ReportDue,
        NoticeKind::ReportOverdue,
        NoticeKind::TermEnding,
        NoticeKind::MeetingAnnounced,
        NoticeKind::MinutesPublished,
        NoticeKind::MotionAwaitingVote,
        NoticeKind::ProposalOpen,
    ];

    pub fn name(self) -> &'static str {
        match self {
            NoticeKind::NominationsOpen => "nominations-open",
            NoticeKind::VotingOpen => "voting-open",
            NoticeKind::VotingReminder => "voting-reminder",
            NoticeKind::ElectionResult => "election-result",
            NoticeKind::ReportDue => "report-due",
            NoticeKind::ReportOverdue => "report-overdue",
            NoticeKind::TermEnding => "term-ending",
            NoticeKind::MeetingAnnounced => "meeting-announced",
            NoticeKind::MinutesPublished => "minutes-published",
            NoticeKind::MotionAwaitingVote => "motion-awaiting-vote",
            NoticeKind::ProposalOpen => "proposal-open",
        }
    }

    pub fn parse(text: &str) -> Option<NoticeKind> {
        NoticeKind::ALL.iter().copied().find(|kind| kind.name() == text.trim())
    }

    /// The rule that makes this notice part of the process, so that nobody may opt out of it:
    /// D6 (meetings are announced, minutes published), L8/L5 (reports and their lateness), E1
    /// (the electorate takes part in the nomination window and the vote), D7 (silence is consent
    /// only when the members were told). `None`: optional.
    pub fn required_by(self) -> Option<RuleId> {
        match self {
            NoticeKind::NominationsOpen | NoticeKind::VotingOpen => Some(RuleId::E1),
            NoticeKind::ReportDue => Some(RuleId::L8),
            NoticeKind::ReportOverdue => Some(RuleId::L5),
            NoticeKind::MeetingAnnounced | NoticeKind::MinutesPublished => Some(RuleId::D6),
            NoticeKind::ProposalOpen => Some(RuleId::D7),
            NoticeKind::VotingReminder
            | NoticeKind::ElectionResult
            | NoticeKind::TermEnding
            | NoticeKind::MotionAwaitingVote => None,
        }
    }
}

/// The language a person reads polity's messages in (`lang:` in people.yaml).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// `en`, `zh`, and the tags people write for them (`en-GB`, `zh-CN`, `zh-Hans`), any case.
    pub fn parse(text: &str) -> Option<Lang> {
        let lower = text.trim().to_ascii_lowercase();
        let primary = lower.split(['-', '_']).next().unwrap_or_default();
        match primary {
            "en" => Some(Lang::En),
            "zh" if !matches!(lower.as_str(), "zh-tw" | "zh-hk" | "zh-hant" | "zh-mo") => Some(Lang::Zh),
            _ => None,
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-Hans",
        }
    }
}

/// A webhook of the registry (`webhooks:` in polity.yaml): every accepted act is POSTed to `url`
/// as JSON, signed with HMAC-SHA256 under the secret in the environment variable `secret_env`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Webhook {
    pub url: String,
    pub secret_env: String,
    pub loc: Loc,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_by_its_name() {
        for kind in NoticeKind::ALL {
            assert_eq!(NoticeKind::parse(kind.name()), Some(*kind));
        }
        assert_eq!(NoticeKind::parse("reminders"), None);
    }

    #[test]
    fn languages_are_read_as_people_write_them() {
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::parse("zh_Hans"), Some(Lang::Zh));
        assert_eq!(Lang::parse("EN-gb"), Some(Lang::En));
        // Traditional Chinese is not Simplified: refused rather than shown in the wrong script.
        assert_eq!(Lang::parse("zh-TW"), None);
        assert_eq!(Lang::parse("fr"), None);
    }
}
