//! Every refusal as one shape: an HTTP status and, in JSON, `{error, rule, message, hint}`.
//! `rule` is the rule id of RULES.md when decide() refused the act.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use polity_engine::Rejection;
use polity_store::StoreError;
use serde::Serialize;
use utoipa::ToSchema;

use crate::live::ActError;

/// The body of every 4xx and 5xx answer of the API.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// What kind of refusal: `rejected` (by a rule), `bad-request`, `unauthorised`, `forbidden`,
    /// `not-found`, `csrf`, `rate-limited`, `unavailable`, `internal`.
    pub error: &'static str,
    /// The rule that refused the act (e.g. `E3`), when decide() refused it.
    pub rule: Option<&'static str>,
    pub message: String,
    /// What to do instead.
    pub hint: String,
    /// The refusal as a message of the web UI's catalogs (pages say it in the reader's
    /// language); not part of the JSON.
    #[serde(skip)]
    #[schema(ignore)]
    pub words: Option<Box<polity_engine::Words>>,
}

#[derive(Clone, Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub body: ErrorBody,
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub(crate) fn new(
        status: StatusCode,
        error: &'static str,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> ApiError {
        ApiError {
            status,
            body: ErrorBody {
                error,
                rule: None,
                message: message.into(),
                hint: hint.into(),
                words: None,
            },
            retry_after: None,
        }
    }

    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            message,
            "try again; if it persists, tell the server's operator",
        )
    }

    pub fn bad_request(message: impl Into<String>, hint: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "bad-request", message, hint)
    }

    pub fn unauthorised(message: impl Into<String>) -> ApiError {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorised",
            message,
            "sign in (web) or send `Authorization: Bearer TOKEN` (API)",
        )
    }

    pub fn forbidden(message: impl Into<String>, hint: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::FORBIDDEN, "forbidden", message, hint)
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "not-found",
            message,
            "see the lists at / or /api/state",
        )
    }

    pub fn csrf() -> ApiError {
        ApiError::new(
            StatusCode::FORBIDDEN,
            "csrf",
            "the form's CSRF token is missing or does not match this session",
            "reload the page and submit the form again (JSON clients signed in by cookie send the X-CSRF-Token header)",
        )
    }

    pub fn too_many(wait: u64) -> ApiError {
        let mut error = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate-limited",
            "too many sign-in attempts",
            format!("wait {wait} seconds before trying again"),
        );
        error.retry_after = Some(wait);
        error
    }

    pub fn session(error: tower_sessions::session::Error) -> ApiError {
        ApiError::internal(format!("the session store: {error}"))
    }

    pub fn rejected(rejection: Rejection) -> ApiError {
        let status = if rejection.rule == "R-REF" {
            StatusCode::NOT_FOUND
        } else {
            StatusCode::FORBIDDEN
        };
        ApiError {
            status,
            body: ErrorBody {
                error: "rejected",
                rule: Some(rejection.rule.as_str()),
                message: rejection.message,
                hint: rejection.hint,
                words: rejection.words.map(Box::new),
            },
            retry_after: None,
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> ApiError {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            format!("the record: {error}"),
            "nothing was recorded; try again",
        )
    }
}

impl From<ActError> for ApiError {
    fn from(error: ActError) -> ApiError {
        match error {
            ActError::Rejected(rejection) => ApiError::rejected(rejection),
            ActError::UnknownReceipt(receipt) => ApiError::new(
                StatusCode::CONFLICT,
                "integrity",
                format!("integrity: the ballot being replaced (receipt {receipt}) is missing from the ballot store"),
                "nothing was recorded; the ballot store was changed outside polity: tell the election officer",
            ),
            ActError::Store(error) => error.into(),
            ActError::Busy => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "the record kept moving while deciding",
                "nothing was recorded; try again",
            ),
            ActError::Corrupt(message) => ApiError::internal(message),
            ActError::Broken(problems) => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "broken",
                format!("the record is broken: {problems}"),
                "nothing was recorded; the operator must restore the database from a backup (`polity audit verify` says where it breaks)",
            ),
            ActError::BadInput(message) => ApiError::bad_request(message, "correct the data and send it again"),
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.body.message, self.body.hint)
    }
}

impl std::error::Error for ApiError {}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.body)).into_response();
        if let Some(wait) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(wait));
        }
        response
    }
}
