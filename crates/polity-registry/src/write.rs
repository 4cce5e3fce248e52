//! Writing a registry in file form to a folder (importers and `export` use this).

use std::fs;
use std::io;
use std::path::Path;

use serde::Serialize;

use crate::files::RegistryFiles;
use crate::load::{BODIES_DIR, CONSTITUTION_FILE, ORGANISATIONS_FILE, PEOPLE_FILE};

/// Why a registry could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{path}: cannot write: {source}")]
    Io { path: String, source: io::Error },
    #[error("cannot serialise {what}: {message}")]
    Serialise { what: String, message: String },
}

fn yaml<T: Serialize>(what: &str, header: &str, value: &T) -> Result<String, WriteError> {
    let body = serde_saphyr::to_string(value).map_err(|error| WriteError::Serialise {
        what: what.to_owned(),
        message: error.to_string(),
    })?;
    Ok(format!("{header}{body}"))
}

/// Writes only `people.yaml` and `organisations.yaml` of the registry in `dir` (each to a
/// temporary file first, then renamed over the old one).
pub fn write_people_and_organisations(dir: &Path, files: &RegistryFiles, header: &str) -> Result<(), WriteError> {
    for (name, content) in [
        (PEOPLE_FILE, yaml("people", header, &files.people)?),
        (ORGANISATIONS_FILE, yaml("organisations", header, &files.organisations)?),
    ] {
        let path = dir.join(name);
        let temporary = dir.join(format!(".{name}.tmp"));
        fs::write(&temporary, content)
            .and_then(|()| fs::rename(&temporary, &path))
            .map_err(|source| WriteError::Io {
                path: path.display().to_string(),
                source,
            })?;
    }
    Ok(())
}

/// Every file of the registry as YAML text, by its path in the folder (`polity.yaml`,
/// `bodies/tsc.yaml`, …), without a header: the same text `write_registry` writes after its header.
pub fn rendered(files: &RegistryFiles) -> Result<std::collections::BTreeMap<String, String>, WriteError> {
    let mut out = std::collections::BTreeMap::new();
    out.insert(
        CONSTITUTION_FILE.to_owned(),
        yaml("the constitution", "", &files.constitution)?,
    );
    out.insert(PEOPLE_FILE.to_owned(), yaml("people", "", &files.people)?);
    out.insert(
        ORGANISATIONS_FILE.to_owned(),
        yaml("organisations", "", &files.organisations)?,
    );
    for (name, body) in &files.bodies {
        out.insert(format!("{BODIES_DIR}/{name}.yaml"), yaml(name, "", body)?);
    }
    Ok(out)
}

/// Writes every file of the registry under `dir` (created if missing). `header` (comment lines,
/// each starting with `#`) is put at the top of every file, e.g. where the data came from.
pub fn write_registry(dir: &Path, files: &RegistryFiles, header: &str) -> Result<(), WriteError> {
    let write = |path: &Path, content: String| {
        fs::write(path, content).map_err(|source| WriteError::Io {
            path: path.display().to_string(),
            source,
        })
    };
    let bodies = dir.join(BODIES_DIR);
    fs::create_dir_all(&bodies).map_err(|source| WriteError::Io {
        path: bodies.display().to_string(),
        source,
    })?;
    write(
        &dir.join(CONSTITUTION_FILE),
        yaml("the constitution", header, &files.constitution)?,
    )?;
    write(&dir.join(PEOPLE_FILE), yaml("people", header, &files.people)?)?;
    write(
        &dir.join(ORGANISATIONS_FILE),
        yaml("organisations", header, &files.organisations)?,
    )?;
    for (name, body) in &files.bodies {
        write(&bodies.join(format!("{name}.yaml")), yaml(name, header, body)?)?;
    }
    Ok(())
}
