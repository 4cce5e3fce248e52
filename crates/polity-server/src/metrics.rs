//! Operating figures: acts accepted and refused (by rule), ballots cast, how long an act takes to
//! be durable, acts in flight; rendered in the Prometheus text format at `/metrics` (behind a
//! token, or public when the operator says so), beside `/healthz` and `/readyz`.
//!
//! Never a voter, a ballot or a receipt: only counts.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::time::Duration;

use polity_engine::Event;

use crate::live::ActError;

/// Upper bounds (seconds) of the act latency histogram's buckets.
const BUCKETS: [f64; 11] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5];

#[derive(Debug, Default)]
pub struct Metrics {
    accepted: AtomicU64,
    /// Refusals by rule id, and failures by kind (`busy`, `store`, …).
    refused: Mutex<BTreeMap<String, u64>>,
    ballots: AtomicU64,
    events: AtomicU64,
    in_flight: AtomicI64,
    /// Counts per bucket (not cumulative), the overflow last; the sum in microseconds.
    latency: Mutex<([u64; BUCKETS.len() + 1], u64)>,
}

impl Metrics {
    pub(crate) fn start(&self) {
        self.in_flight.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn finish(&self, result: &Result<Vec<Event>, ActError>, took: Duration) {
        self.in_flight.fetch_sub(1, Ordering::Relaxed);
        match result {
            Ok(events) => {
                self.accepted.fetch_add(1, Ordering::Relaxed);
                self.events.fetch_add(events.len() as u64, Ordering::Relaxed);
                let ballots = events
                    .iter()
                    .filter(|event| matches!(event, Event::BallotCast { .. }))
                    .count();
                self.ballots.fetch_add(ballots as u64, Ordering::Relaxed);
                let seconds = took.as_secs_f64();
                let bucket = BUCKETS
                    .iter()
                    .position(|bound| seconds <= *bound)
                    .unwrap_or(BUCKETS.len());
                let mut latency = self.latency.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                latency.0[bucket] += 1;
                latency.1 += took.as_micros() as u64;
            }
            Err(error) => {
                let label = match error {
                    ActError::Rejected(rejection) => rejection.rule.as_str().to_owned(),
                    ActError::Busy => "busy".to_owned(),
                    ActError::Broken(_) => "broken".to_owned(),
                    ActError::BadInput(_) | ActError::UnknownReceipt(_) => "bad-input".to_owned(),
                    _ => "store".to_owned(),
                };
                *self
                    .refused
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .entry(label)
                    .or_default() += 1;
            }
        }
    }

    /// The Prometheus text exposition (version 0.0.4) of these figures and of the record's head.
    pub fn render(&self, head_seq: i64, sessions: i64, outbox_waiting: i64) -> String {
        let mut out = String::new();
        fn family(out: &mut String, name: &str, kind: &str, help: &str) -> String {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
            name.to_owned()
        }
        let name = family(
            &mut out,
            "polity_acts_accepted_total",
            "counter",
            "Acts recorded (durable).",
        );
        let _ = writeln!(out, "{name} {}", self.accepted.load(Ordering::Relaxed));
        let name = family(
            &mut out,
            "polity_acts_refused_total",
            "counter",
            "Acts refused, by the rule that refused them (or busy, bad-input, broken, store).",
        );
        for (rule, count) in self
            .refused
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .iter()
        {
            let _ = writeln!(out, "{name}{{rule=\"{rule}\"}} {count}");
        }
        let name = family(
            &mut out,
            "polity_ballots_cast_total",
            "counter",
            "Ballots cast (and replaced).",
        );
        let _ = writeln!(out, "{name} {}", self.ballots.load(Ordering::Relaxed));
        let name = family(
            &mut out,
            "polity_events_appended_total",
            "counter",
            "Events this server appended.",
        );
        let _ = writeln!(out, "{name} {}", self.events.load(Ordering::Relaxed));
        let name = family(
            &mut out,
            "polity_acts_in_flight",
            "gauge",
            "Acts being decided or waiting for their commit (the queue).",
        );
        let _ = writeln!(out, "{name} {}", self.in_flight.load(Ordering::Relaxed));
        let name = family(
            &mut out,
            "polity_act_duration_seconds",
            "histogram",
            "From an act's arrival to its events being durable.",
        );
        let (counts, sum) = *self.latency.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut cumulative = 0;
        for (bound, count) in BUCKETS.iter().zip(counts.iter()) {
            cumulative += count;
            let _ = writeln!(out, "{name}_bucket{{le=\"{bound}\"}} {cumulative}");
        }
        cumulative += counts[BUCKETS.len()];
        let _ = writeln!(out, "{name}_bucket{{le=\"+Inf\"}} {cumulative}");
        let _ = writeln!(out, "{name}_sum {}", sum as f64 / 1_000_000.0);
        let _ = writeln!(out, "{name}_count {cumulative}");
        let name = family(
            &mut out,
            "polity_record_head_seq",
            "gauge",
            "The sequence number of the record's last event.",
        );
        let _ = writeln!(out, "{name} {head_seq}");
        let name = family(&mut out, "polity_sessions", "gauge", "Web sessions not yet expired.");
        let _ = writeln!(out, "{name} {sessions}");
        let name = family(
            &mut out,
            "polity_outbox_waiting",
            "gauge",
            "Messages in the outbox not yet sent nor given up.",
        );
        let _ = writeln!(out, "{name} {outbox_waiting}");
        out
    }
}
