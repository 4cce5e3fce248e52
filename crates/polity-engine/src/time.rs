//! When an act happens: the [`Context`] (who acts, on which date, at which time of day in the
//! community's zone) and the deadline checks every process makes with it (E1, E3, D7).

use jiff::civil::Date;

use crate::State;

/// Who acts, and when. The time is a parameter: every act can be replayed or run "as of".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Context {
    /// A person id or `@handle`.
    pub actor: String,
    /// The date in the community's time zone.
    pub on: Date,
    /// The time of day there: a deadline falls at the constitution's `deadline-time` of its date
    /// (midnight by default), so on a deadline's date the time decides whether it has passed.
    pub at: jiff::civil::Time,
}

impl Context {
    /// `actor` acting as `on` begins (midnight in the community's zone).
    pub fn on(actor: impl Into<String>, on: Date) -> Context {
        Context {
            actor: actor.into(),
            on,
            at: jiff::civil::Time::midnight(),
        }
    }

    /// The date and time of day the act happens, in the community's zone.
    pub fn now(&self) -> jiff::civil::DateTime {
        self.on.to_datetime(self.at)
    }
}

impl State {
    /// Whether the deadline `date` has passed at `now` (both in the community's zone): `now` is at
    /// or after the moment the deadline falls, its date at the constitution's `deadline-time`
    /// (`>=`: at 18:00:00 a vote closing at 18:00 is closed).
    pub fn reached(&self, now: jiff::civil::DateTime, deadline: Date) -> bool {
        let constitution = &self.polity.constitution;
        let zone = polity_model::zone_or_utc(constitution.time_zone.as_deref());
        let now = polity_model::deadline_moment(now.date(), now.time(), &zone);
        now.timestamp() >= polity_model::deadline_moment(deadline, constitution.deadline_time, &zone).timestamp()
    }

    /// A deadline as refusals say it: `2026-07-01`, or `2026-07-01 18:00 Asia/Shanghai` when the
    /// constitution sets a `deadline-time`.
    pub fn deadline_text(&self, deadline: Date) -> String {
        let constitution = &self.polity.constitution;
        polity_model::deadline_text(deadline, constitution.deadline_time, constitution.time_zone.as_deref())
    }
}
