//! In-process decider tests, written as *given* (a recorded example registry and earlier acts or
//! events) / *when* (a command by someone on a day) / *then* (the events, or the rule that refuses).

use jiff::civil::Date;

use crate::{Command, Context, Event, Rejection, SourceFile, State, decide, evolve};

/// A record under test.
pub(crate) struct Given {
    pub state: State,
}

/// The example registry `name` (under `examples/`) recorded on 2026-06-01.
pub(crate) fn given(name: &str) -> Given {
    given_edited(name, |_, content| content)
}

/// The example registry `name`, each file's content (by path) passed through `edit` first.
pub(crate) fn given_edited(name: &str, edit: impl Fn(&str, String) -> String) -> Given {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name);
    let files = polity_registry::read_sources(&root)
        .expect("the example registry reads")
        .into_iter()
        .map(|(path, content)| SourceFile {
            content: edit(&path, content),
            path,
        })
        .collect();
    let mut given = Given {
        state: State::default(),
    };
    given.act(
        "polity init",
        jiff::civil::date(2026, 6, 1),
        Command::RecordRegistry(crate::command::RecordRegistry { files }),
    );
    given
}

impl Given {
    /// An earlier act, which must be accepted.
    pub(crate) fn act(&mut self, actor: &str, on: Date, command: Command) -> &mut Given {
        let events = self
            .when(actor, on, &command)
            .unwrap_or_else(|rejection| panic!("given {command:?} by {actor}: refused by {rejection}"));
        self.events(&events)
    }

    /// Earlier events, applied as recorded.
    pub(crate) fn events(&mut self, events: &[Event]) -> &mut Given {
        for event in events {
            evolve(&mut self.state, event);
        }
        self
    }

    /// The command decided now (nothing is applied).
    pub(crate) fn when(&self, actor: &str, on: Date, command: &Command) -> Result<Vec<Event>, Rejection> {
        decide(&self.state, command, &Context::on(actor, on))
    }

    /// The command decided at a date and time of day in the community's zone.
    pub(crate) fn when_at(
        &self,
        actor: &str,
        now: jiff::civil::DateTime,
        command: &Command,
    ) -> Result<Vec<Event>, Rejection> {
        decide(
            &self.state,
            command,
            &Context {
                actor: actor.to_owned(),
                on: now.date(),
                at: now.time(),
            },
        )
    }
}

/// Then: refused by `rule`.
#[track_caller]
pub(crate) fn refused(result: Result<Vec<Event>, Rejection>, rule: crate::RuleId) -> Rejection {
    match result {
        Err(rejection) if rejection.rule == rule => rejection,
        other => panic!("expected a refusal by {rule}, got {other:?}"),
    }
}
