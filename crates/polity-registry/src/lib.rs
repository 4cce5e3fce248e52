//! Governance registry files (YAML) to and from polity's model, and importers for real formats.
//!
//! Architecture invariant: this crate is the only one that knows the file formats; the model
//! never sees YAML, and the file types are never used as the model.

pub mod election;
pub mod export;
pub mod files;
pub mod import;
pub mod keys;
pub mod load;
pub mod patch;
pub mod schema;
pub mod write;

pub use load::{LoadError, Loaded, findings, is_source_path, load, load_sources, read_sources, source_rank};
pub use write::{WriteError, rendered, write_people_and_organisations, write_registry};
