//! The project form's input as typed, the checks made before sending, and where each of the server's
//! complaints belongs. Plain Rust, tested natively.

use crate::api::{ApiError, Dialect, NewProject, ProjectChanges};
use crate::checks::email::looks_like_email;
use crate::checks::limit::{check_limit, field_named_in, UsageLimitInput};
use crate::checks::{place_refusal, FieldErrors};
use crate::i18n::t;

/// The fields' keys in [`FieldErrors`] (the limit's own are in `checks::limit`).
pub const NAME: &str = "name";
pub const ADMINISTRATOR_EMAIL: &str = "administrator_email";

/// The server's ids for a name it refuses (shared/api/error-codes.tsv): invalid, taken (2002, 2029), empty.
const NAME_ERROR_IDS: &[i64] = &[2000, 2002, 2007, 2029];

/// Everything as typed: numbers stay text until checked, so nothing the user typed is ever rewritten.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProjectInput {
    pub name: String,
    pub description: String,
    pub administrator_email: String,
    /// `Some` when the user chose to set a usage limit.
    pub usage_limit: Option<UsageLimitInput>,
    /// Only offered on SAIA beta servers, whose PUT takes it.
    pub active: bool,
}

impl ProjectInput {
    /// The creation request, or what to fix first (boxed: the problems are much larger than the request).
    pub fn to_new_project(&self) -> Result<NewProject, Box<FieldErrors>> {
        let mut errors = FieldErrors::default();
        if let Some(problem) = check_name(&self.name) {
            errors.add(NAME, problem);
        }
        let email = self.administrator_email.trim();
        if !email.is_empty() && !looks_like_email(email) {
            errors.add(ADMINISTRATOR_EMAIL, t().project_form().email_invalid);
        }
        let usage_limit = match &self.usage_limit {
            Some(limit) => check_limit(limit, &mut errors),
            None => None,
        };
        if !errors.is_empty() {
            return Err(Box::new(errors));
        }
        Ok(NewProject {
            name: self.name.trim().to_string(),
            description: self.description.clone(),
            administrator_user_email: (!email.is_empty()).then(|| email.to_string()),
            usage_limit,
        })
    }

    /// The update request, with `active` only for servers that take it.
    pub fn to_changes(&self, dialect: Dialect) -> Result<ProjectChanges, Box<FieldErrors>> {
        if let Some(problem) = check_name(&self.name) {
            return Err(Box::new(FieldErrors::at(NAME, problem)));
        }
        Ok(ProjectChanges {
            name: self.name.trim().to_string(),
            description: self.description.clone(),
            active: (dialect == Dialect::SaiaBeta).then_some(self.active),
        })
    }
}

fn check_name(name: &str) -> Option<String> {
    name.trim().is_empty().then(|| t().project_form().name_missing.to_string())
}

/// Puts each of the server's messages at the field it is about, in the server's own words with its id; what
/// concerns no field (and every failure that is not a refusal of the input) goes to the form.
pub fn errors_from_server(error: &ApiError) -> FieldErrors {
    place_refusal(error, |message| {
        if message.id.is_some_and(|id| NAME_ERROR_IDS.contains(&id)) {
            Some(NAME)
        } else if message.text.contains("administratorUserEmail") {
            Some(ADMINISTRATOR_EMAIL)
        } else {
            field_named_in(&message.text)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::limit::{typed as limit, HARD_LIMIT, SOFT_LIMIT};

    #[test]
    fn a_valid_form_becomes_the_documented_body() {
        let input = ProjectInput {
            name: "  Sales  ".into(),
            description: "Quotes".into(),
            administrator_email: "ana@example.com".into(),
            usage_limit: Some(limit("80", "100.5", "Cost")),
            active: true,
        };
        let body = serde_json::to_value(input.to_new_project().unwrap()).unwrap();
        assert_eq!(
            body,
            serde_json::json!({
                "name": "Sales", "description": "Quotes", "administratorUserEmail": "ana@example.com",
                "usageLimit": {"subscriptionType": "Monthly", "usageUnit": "Cost", "softLimit": 80.0,
                               "hardLimit": 100.5, "renewalStatus": "Renewable"}
            })
        );
        let plain = ProjectInput { name: "x".into(), ..Default::default() }.to_new_project().unwrap();
        assert_eq!(serde_json::to_value(plain).unwrap(), serde_json::json!({"name": "x", "description": ""}));
    }

    #[test]
    fn each_bad_field_gets_its_own_message() {
        let input = ProjectInput {
            name: "   ".into(),
            administrator_email: "ana@example".into(),
            usage_limit: Some(limit("ten", "-1", "Cost")),
            ..Default::default()
        };
        let errors = input.to_new_project().unwrap_err();
        assert!(errors.has(NAME) && errors.has(ADMINISTRATOR_EMAIL));
        assert!(errors.get(SOFT_LIMIT).unwrap().contains("not a number"));
        assert!(errors.get(HARD_LIMIT).unwrap().contains("greater than zero"));
        let swapped =
            ProjectInput { name: "x".into(), usage_limit: Some(limit("100", "80", "Cost")), ..Default::default() };
        assert!(swapped
            .to_new_project()
            .unwrap_err()
            .get(HARD_LIMIT)
            .unwrap()
            .contains("at least the soft limit (100)"));
        let fractional =
            ProjectInput { name: "x".into(), usage_limit: Some(limit("1.5", "80", "Requests")), ..Default::default() };
        assert!(fractional.to_new_project().unwrap_err().get(SOFT_LIMIT).unwrap().contains("whole number"));
    }

    #[test]
    fn active_is_sent_only_to_saia_beta() {
        let input = ProjectInput { name: "x".into(), active: false, ..Default::default() };
        assert_eq!(input.to_changes(Dialect::Current).unwrap().active, None);
        assert_eq!(input.to_changes(Dialect::SaiaBeta).unwrap().active, Some(false));
    }

    #[test]
    fn server_errors_land_at_their_fields_in_the_servers_words() {
        let taken = ApiError::from_response(
            400,
            r#"{"errors":[{"id":2002,"description":"ProjectName Sales Already Exists In The Organization"}]}"#,
        );
        let errors = errors_from_server(&taken);
        assert_eq!(
            errors.get(NAME).as_deref(),
            Some("ProjectName Sales Already Exists In The Organization (error 2002)")
        );
        assert_eq!(errors.form, None);
        let limit = ApiError::from_response(
            400,
            r#"{"errors":[{"id":20,"description":"Bad Input Text: usageLimit.hardLimit must be >= usageLimit.softLimit"}]}"#,
        );
        assert!(errors_from_server(&limit).get(HARD_LIMIT).unwrap().contains("(error 20)"));
        let other = ApiError::from_response(400, r#"{"errors":[{"id":20,"description":"Bad Input Text: body"}]}"#);
        assert!(errors_from_server(&other).form.unwrap().contains("Bad Input Text: body (error 20)"));
        let down = ApiError::from_response(503, "");
        assert!(errors_from_server(&down).form.unwrap().contains("HTTP 503"));
    }
}
