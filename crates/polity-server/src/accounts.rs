//! Accounts: what a login may be, and an account request checked against the registry (the
//! API's `POST /api/accounts` and the CLI's `polity account add` both come here).

use serde::Deserialize;
use utoipa::ToSchema;

use crate::App;
use crate::auth::hash_password;
use crate::error::ApiError;
use polity_store::Account;

/// An account (administrators only).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AccountRequest {
    /// The sign-in name; matched without regard to case.
    pub login: String,
    /// The registry person the account acts as (id or @handle).
    pub person: Option<String>,
    /// At least 10 characters; stored as an argon2id hash.
    pub password: Option<String>,
    /// A GitHub login allowed to sign in to this account.
    pub github: Option<String>,
    #[serde(default)]
    pub admin: bool,
}

/// Whether `login` (already lowercased) is a login: 1 to 64 characters, each an ASCII letter or
/// digit, `-`, `_`, `.`, `@`, or a Chinese character (CJK unified ideographs, so `林梅` is a
/// login). Other scripts are left out on purpose: a Cyrillic `а` looks like a Latin `a`, and a
/// login must not pass for another; Han characters look like no Latin letter.
pub fn is_login(login: &str) -> bool {
    let han = |c: char| matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0xF900..=0xFAFF);
    let count = login.chars().count();
    (1..=64).contains(&count)
        && login
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.' | '@') || han(c))
}

/// Checks an account request against the registry and builds the account.
pub async fn account_from(app: &App, request: AccountRequest) -> Result<Account, ApiError> {
    let login = request.login.trim().to_lowercase();
    if !is_login(&login) {
        return Err(ApiError::bad_request(
            format!("login {:?} is not a login", request.login),
            "use 1 to 64 letters (Latin or Chinese), digits, '-', '_', '.' or '@'",
        ));
    }
    let person = match &request.person {
        Some(reference) => {
            let live = app.record.live.read().await;
            let person = live.state.polity.person(reference).ok_or_else(|| {
                ApiError::bad_request(
                    format!("{reference:?} is not a person of the registry"),
                    "name a person of people.yaml by id or @handle",
                )
            })?;
            Some(person.id.clone())
        }
        None => None,
    };
    let password = match &request.password {
        Some(password) if password.chars().count() < 10 => {
            return Err(ApiError::bad_request(
                "the password is shorter than 10 characters",
                "choose a longer password",
            ));
        }
        Some(password) => Some(hash_password(password)?),
        None => None,
    };
    Ok(Account {
        login,
        person,
        password,
        github: request
            .github
            .map(|github| github.trim_start_matches('@').to_lowercase()),
        admin: request.admin,
    })
}

#[cfg(test)]
mod login_tests {
    use super::is_login;

    #[test]
    fn logins_may_be_chinese_but_never_look_like_another() {
        for login in ["alice", "bob.b@example", "林梅", "lin-梅2"] {
            assert!(is_login(login), "{login}");
        }
        // Cyrillic а (U+0430) in place of a, a zero-width space, a space, upper case, nothing.
        for login in ["\u{430}lice", "al\u{200b}ice", "al ice", "Alice", "", &"a".repeat(65)] {
            assert!(!is_login(login), "{login:?}");
        }
    }
}
