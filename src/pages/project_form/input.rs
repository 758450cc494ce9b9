//! The project form's input as typed, the checks made before sending, and where each of the server's
//! complaints belongs. Plain Rust, tested natively.

use crate::api::{ApiError, Dialect, ErrorKind, NewProject, NewUsageLimit, ProjectChanges};
use crate::i18n::{locale, t, Locale};

/// The terms of a limit as the API takes them; `choices` names them for a select.
pub const SUBSCRIPTION_TYPES: &[&str] = &["Monthly", "Weekly", "Daily", "Freemium"];
pub const USAGE_UNITS: &[&str] = &["Requests", "Cost"];
pub const RENEWAL_STATUSES: &[&str] = &["Renewable", "NonRenewable"];

/// A select's options, `(term, name)`: the API's term as the value, named in the current language.
pub fn choices(terms: &[&'static str]) -> Vec<(&'static str, &'static str)> {
    let texts = t().project_form();
    terms.iter().map(|&term| (term, texts.term(term).unwrap_or(term))).collect()
}

/// An amount as the user would type it: a decimal comma in Spanish, no grouping, so that it reads back as is.
pub fn typed_amount(value: f64) -> String {
    let text = value.to_string();
    match locale() {
        Locale::En => text,
        Locale::Es => text.replace('.', ","),
    }
}

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

#[derive(Clone, Debug, PartialEq)]
pub struct UsageLimitInput {
    pub subscription_type: String,
    pub usage_unit: String,
    pub soft_limit: String,
    pub hard_limit: String,
    pub renewal_status: String,
}

impl Default for UsageLimitInput {
    fn default() -> Self {
        Self {
            subscription_type: SUBSCRIPTION_TYPES[0].into(),
            usage_unit: USAGE_UNITS[0].into(),
            soft_limit: String::new(),
            hard_limit: String::new(),
            renewal_status: RENEWAL_STATUSES[0].into(),
        }
    }
}

/// What is wrong, by field; `form` is for what belongs to no single field.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FieldErrors {
    pub name: Option<String>,
    pub administrator_email: Option<String>,
    pub soft_limit: Option<String>,
    pub hard_limit: Option<String>,
    pub usage_limit: Option<String>,
    pub form: Option<String>,
}

impl FieldErrors {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

impl ProjectInput {
    /// The creation request, or what to fix first (boxed: the problems are much larger than the request).
    pub fn to_new_project(&self) -> Result<NewProject, Box<FieldErrors>> {
        let mut errors = FieldErrors { name: check_name(&self.name), ..Default::default() };
        let email = self.administrator_email.trim();
        if !email.is_empty() && !looks_like_email(email) {
            errors.administrator_email = Some(t().project_form().email_invalid.into());
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
            return Err(Box::new(FieldErrors { name: Some(problem), ..Default::default() }));
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

/// The limit as the API takes it, or its problems written into `errors` (also used by the limits screens).
pub fn check_limit(limit: &UsageLimitInput, errors: &mut FieldErrors) -> Option<NewUsageLimit> {
    let whole = limit.usage_unit == "Requests";
    let soft = parse_amount(&limit.soft_limit, whole).map_err(|e| errors.soft_limit = Some(e)).ok();
    let hard = parse_amount(&limit.hard_limit, whole).map_err(|e| errors.hard_limit = Some(e)).ok();
    let (soft, hard) = (soft?, hard?);
    if hard < soft {
        errors.hard_limit = Some(t().project_form().hard_below_soft(limit.soft_limit.trim()));
        return None;
    }
    Some(NewUsageLimit {
        subscription_type: limit.subscription_type.clone(),
        usage_unit: limit.usage_unit.clone(),
        soft_limit: soft,
        hard_limit: hard,
        renewal_status: limit.renewal_status.clone(),
    })
}

/// A positive number; a whole one when the unit is requests. In Spanish the decimal separator is a comma
/// (`12,5`), and a point is still taken; no grouping in either language, so `1.234,5` is refused rather than
/// guessed at.
fn parse_amount(text: &str, whole: bool) -> Result<f64, String> {
    let texts = t().project_form();
    let text = text.trim();
    if text.is_empty() {
        return Err(texts.number_missing.into());
    }
    let number = match locale() {
        Locale::En => text.to_string(),
        Locale::Es if !text.contains('.') => text.replacen(',', ".", 1),
        Locale::Es => text.to_string(),
    };
    match number.parse::<f64>() {
        Ok(value) if value.is_finite() && value > 0.0 => {
            if whole && value.fract() != 0.0 {
                Err(texts.whole_number.into())
            } else {
                Ok(value)
            }
        }
        Ok(_) => Err(texts.not_positive.into()),
        Err(_) => Err(texts.not_a_number(text)),
    }
}

/// One `@` with something on both sides and a dot in the domain, no spaces: the same rule as the server's.
fn looks_like_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
}

/// Puts each of the server's messages at the field it is about, in the server's own words with its id; what
/// concerns no field (and every failure that is not a refusal of the input) goes to the form.
pub fn errors_from_server(error: &ApiError) -> FieldErrors {
    let mut errors = FieldErrors::default();
    if error.kind != ErrorKind::Rejected || error.messages.is_empty() {
        errors.form = Some(error.to_string());
        return errors;
    }
    let mut unplaced = Vec::new();
    for message in &error.messages {
        let text = message.to_string();
        let slot = if message.id.is_some_and(|id| NAME_ERROR_IDS.contains(&id)) {
            &mut errors.name
        } else if message.text.contains("administratorUserEmail") {
            &mut errors.administrator_email
        } else if message.text.contains("hardLimit") {
            &mut errors.hard_limit
        } else if message.text.contains("softLimit") {
            &mut errors.soft_limit
        } else if message.text.contains("usageLimit") {
            &mut errors.usage_limit
        } else {
            unplaced.push(text);
            continue;
        };
        *slot = Some(match slot.take() {
            Some(before) => format!("{before} {text}"),
            None => text,
        });
    }
    if !unplaced.is_empty() {
        errors.form = Some(format!("{} {}", error.headline(), unplaced.join(" ")));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limit(soft: &str, hard: &str, unit: &str) -> UsageLimitInput {
        UsageLimitInput {
            soft_limit: soft.into(),
            hard_limit: hard.into(),
            usage_unit: unit.into(),
            ..Default::default()
        }
    }

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
        assert!(errors.name.is_some() && errors.administrator_email.is_some());
        assert!(errors.soft_limit.unwrap().contains("not a number"));
        assert!(errors.hard_limit.unwrap().contains("greater than zero"));
        let swapped =
            ProjectInput { name: "x".into(), usage_limit: Some(limit("100", "80", "Cost")), ..Default::default() };
        assert!(swapped.to_new_project().unwrap_err().hard_limit.unwrap().contains("at least the soft limit (100)"));
        let fractional =
            ProjectInput { name: "x".into(), usage_limit: Some(limit("1.5", "80", "Requests")), ..Default::default() };
        assert!(fractional.to_new_project().unwrap_err().soft_limit.unwrap().contains("whole number"));
    }

    #[test]
    fn spanish_amounts_take_a_decimal_comma() {
        assert!(parse_amount("12,5", false).is_err(), "English has no decimal comma");
        let english = t();
        crate::i18n::set_current(Locale::Es, english);
        assert_eq!(parse_amount("12,5", false), Ok(12.5));
        assert_eq!(parse_amount(" 100,25 ", false), Ok(100.25));
        assert_eq!(parse_amount("12.5", false), Ok(12.5), "a point is still a decimal point");
        assert!(parse_amount("1.234,5", false).is_err(), "no grouping: refused, not guessed");
        assert!(parse_amount("1,5,0", false).is_err());
        assert!(parse_amount("1,5", true).is_err(), "requests are whole");
        let checked = check_limit(&limit("80,5", "100,5", "Cost"), &mut FieldErrors::default()).unwrap();
        assert_eq!((checked.soft_limit, checked.hard_limit), (80.5, 100.5));
        assert_eq!(typed_amount(100.5), "100,5");
        crate::i18n::set_current(Locale::En, english);
        assert_eq!(typed_amount(100.5), "100.5");
    }

    #[test]
    fn selects_name_the_terms_and_keep_the_apis_values() {
        assert_eq!(choices(RENEWAL_STATUSES), [("Renewable", "Renewable"), ("NonRenewable", "Not renewable")]);
        assert_eq!(choices(USAGE_UNITS), [("Requests", "Requests"), ("Cost", "Cost")]);
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
        assert_eq!(errors.name.as_deref(), Some("ProjectName Sales Already Exists In The Organization (error 2002)"));
        assert_eq!(errors.form, None);
        let limit = ApiError::from_response(
            400,
            r#"{"errors":[{"id":20,"description":"Bad Input Text: usageLimit.hardLimit must be >= usageLimit.softLimit"}]}"#,
        );
        assert!(errors_from_server(&limit).hard_limit.unwrap().contains("(error 20)"));
        let other = ApiError::from_response(400, r#"{"errors":[{"id":20,"description":"Bad Input Text: body"}]}"#);
        assert!(errors_from_server(&other).form.unwrap().contains("Bad Input Text: body (error 20)"));
        let down = ApiError::from_response(503, "");
        assert!(errors_from_server(&down).form.unwrap().contains("HTTP 503"));
    }
}
