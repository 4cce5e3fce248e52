//! What changed between two versions of one registry file, as data: the top-level keys of a
//! mapping file (a body, the constitution) or the ids of a list file (people, organisations)
//! whose values differ. Comments and layout do not count.

use serde_json::Value;

/// The top-level keys (sorted; removed keys last) or list entries by `id` whose values differ
/// between `old` and `new`; `None` when either text is not YAML.
pub fn changed_keys(old: &str, new: &str) -> Option<Vec<String>> {
    let old: Value = serde_saphyr::from_str(old).ok()?;
    let new: Value = serde_saphyr::from_str(new).ok()?;
    Some(match (&old, &new) {
        (Value::Object(before), Value::Object(after)) => {
            let mut keys: Vec<String> = after
                .iter()
                .filter(|(key, value)| before.get(*key) != Some(value))
                .map(|(key, _)| key.clone())
                .collect();
            keys.extend(before.keys().filter(|key| !after.contains_key(*key)).cloned());
            keys
        }
        (Value::Array(before), Value::Array(after)) => {
            let id = |item: &Value| item.get("id").and_then(Value::as_str).map(str::to_owned);
            let mut keys: Vec<String> = after
                .iter()
                .filter(|item| !before.contains(item))
                .filter_map(id)
                .collect();
            let gone: Vec<String> = before
                .iter()
                .filter(|item| !after.contains(item))
                .filter_map(id)
                .filter(|key| !keys.contains(key))
                .collect();
            keys.extend(gone);
            keys
        }
        _ if old == new => Vec::new(),
        _ => vec!["(the whole file)".to_owned()],
    })
}

#[cfg(test)]
mod tests {
    use super::changed_keys;

    #[test]
    fn keys_of_a_mapping_and_ids_of_a_list_comments_do_not_count() {
        let old = "id: a\n# a comment\nproposal: { plan: x }\nstate: active\n";
        let new = "id: a\nproposal: { plan: y }   # changed\nstate: active\nextra: 1\n";
        assert_eq!(changed_keys(old, new).unwrap(), ["extra", "proposal"]);
        assert_eq!(changed_keys(old, "id: a\nstate: active\n").unwrap(), ["proposal"]);
        assert_eq!(changed_keys(old, old).unwrap(), Vec::<String>::new());
        let people = "- { id: a, name: A }\n- { id: b, name: B }\n";
        assert_eq!(
            changed_keys(people, "- { id: a, name: A. }\n- { id: b, name: B }\n").unwrap(),
            ["a"]
        );
        assert!(changed_keys("id: [", people).is_none());
    }
}
