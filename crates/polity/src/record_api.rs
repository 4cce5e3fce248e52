//! `polity check --record-api URL`: the recorded registry read from a running `polity serve`
//! (`GET /api/registry`), so that a pull request's check needs the server's address, not its
//! database.

use std::time::Duration;

use anyhow::{Result, anyhow, bail};
use polity_model::Polity;

/// The most a server's answer may weigh: a registry of tens of thousands of people is a few MB.
const MAX_BYTES: usize = 64 << 20;

/// The registry recorded at `url` (the server's address), as the structure `check` compares, and
/// the findings `polity sync` recorded with amendments.
pub(crate) async fn recorded_registry(url: &str) -> Result<(Polity, Vec<crate::sync::RecordedFinding>)> {
    let base = url.trim().trim_end_matches('/');
    if !(base.starts_with("https://") || base.starts_with("http://")) || base.len() > 2_000 {
        bail!("{}", crate::say("cli-api-not-a-url", &[("url", &format!("{url:?}"))]));
    }
    let address = format!("{base}/api/registry");
    let failed = |error: &dyn std::fmt::Display| {
        anyhow!(
            "{}",
            crate::say(
                "cli-api-unreachable",
                &[("url", &address), ("error", &error.to_string())]
            )
        )
    };
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|error| failed(&error))?;
    let mut response = client.get(&address).send().await.map_err(|error| failed(&error))?;
    let status = response.status();
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|error| failed(&error))? {
        if body.len() + chunk.len() > MAX_BYTES {
            bail!("{}", crate::say("cli-api-too-large", &[("url", &address)]));
        }
        body.extend_from_slice(&chunk);
    }
    if !status.is_success() {
        let said = String::from_utf8_lossy(&body);
        let said: String = said.chars().take(500).filter(|c| !c.is_control()).collect();
        bail!(
            "{}",
            crate::say(
                "cli-api-refused",
                &[("url", &address), ("status", status.as_str()), ("error", &said)]
            )
        );
    }
    #[derive(serde::Deserialize)]
    struct Answer {
        files: std::collections::BTreeMap<String, String>,
        #[serde(default)]
        findings: Vec<crate::sync::RecordedFinding>,
    }
    let answer: Answer = serde_json::from_slice(&body).map_err(|error| failed(&error))?;
    // In the order a folder is read: the constitution, people, organisations, then the bodies.
    let rank = |path: &str| match path {
        polity_registry::load::CONSTITUTION_FILE => 0,
        polity_registry::load::PEOPLE_FILE => 1,
        polity_registry::load::ORGANISATIONS_FILE => 2,
        _ => 3,
    };
    let mut sources: Vec<(String, String)> = answer.files.into_iter().collect();
    sources.sort_by(|a, b| rank(&a.0).cmp(&rank(&b.0)).then(a.0.cmp(&b.0)));
    if !sources
        .iter()
        .any(|(path, _)| path == polity_registry::load::CONSTITUTION_FILE)
    {
        bail!("{}", crate::say("cli-api-no-registry", &[("url", &address)]));
    }
    let loaded = polity_registry::load_sources(&sources);
    if let Some(problem) = loaded.findings.iter().find(|finding| {
        matches!(
            finding.rule,
            polity_model::RuleId::RSyntax | polity_model::RuleId::RSchema
        )
    }) {
        bail!(
            "{}",
            crate::say("cli-api-unreadable", &[("url", &address), ("error", &problem.message)])
        );
    }
    Ok((loaded.polity, answer.findings))
}
