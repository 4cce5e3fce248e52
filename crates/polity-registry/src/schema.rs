//! The JSON Schemas of the registry's files, generated from the file types.

use schemars::schema_for;

use crate::election::ElectionFile;
use crate::files::{BodyFile, ConstitutionFile, OrganisationFile, PersonFile};

/// (file name under `schema/`, schema text) for every registry file kind, in a stable order.
pub fn schemas() -> Vec<(&'static str, String)> {
    let render = |schema: schemars::Schema| {
        let mut text = serde_json::to_string_pretty(&schema).expect("a schema is plain JSON");
        text.push('\n');
        text
    };
    vec![
        ("body.schema.json", render(schema_for!(BodyFile))),
        ("constitution.schema.json", render(schema_for!(ConstitutionFile))),
        ("election.schema.json", render(schema_for!(ElectionFile))),
        ("organisations.schema.json", render(schema_for!(Vec<OrganisationFile>))),
        ("people.schema.json", render(schema_for!(Vec<PersonFile>))),
    ]
}
