//! A usage limit as typed (the new project form, the limits screens): the API's terms, the amounts read in the
//! user's language, and hard >= soft.

use super::{place_refusal, FieldErrors};
use crate::api::{ApiError, NewUsageLimit};
use crate::i18n::{locale, t, Locale};

/// The fields' keys in [`FieldErrors`].
pub const SOFT_LIMIT: &str = "soft_limit";
pub const HARD_LIMIT: &str = "hard_limit";
/// The limit as a whole, when the server's refusal names no single term.
pub const USAGE_LIMIT: &str = "usage_limit";

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

/// The limit as the API takes it, or its problems written into `errors` (also used by the limits screens).
pub fn check_limit(limit: &UsageLimitInput, errors: &mut FieldErrors) -> Option<NewUsageLimit> {
    let whole = limit.usage_unit == "Requests";
    let soft = parse_amount(&limit.soft_limit, whole).map_err(|e| errors.add(SOFT_LIMIT, e)).ok();
    let hard = parse_amount(&limit.hard_limit, whole).map_err(|e| errors.add(HARD_LIMIT, e)).ok();
    let (soft, hard) = (soft?, hard?);
    if hard < soft {
        errors.add(HARD_LIMIT, t().project_form().hard_below_soft(limit.soft_limit.trim()));
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
pub fn parse_amount(text: &str, whole: bool) -> Result<f64, String> {
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

/// The limit's field a message of the server's is about (it names the JSON field), if any.
pub fn field_named_in(message: &str) -> Option<&'static str> {
    if message.contains("hardLimit") {
        Some(HARD_LIMIT)
    } else if message.contains("softLimit") {
        Some(SOFT_LIMIT)
    } else if message.contains("usageLimit") {
        Some(USAGE_LIMIT)
    } else {
        None
    }
}

/// The server's refusal of a limit: each message at the term it names, the rest for the whole form.
pub fn errors_from_server(error: &ApiError) -> FieldErrors {
    place_refusal(error, |message| field_named_in(&message.text))
}

/// A limit as typed with these amounts and unit, the other terms as the form starts: for tests.
#[cfg(test)]
pub fn typed(soft: &str, hard: &str, unit: &str) -> UsageLimitInput {
    UsageLimitInput { soft_limit: soft.into(), hard_limit: hard.into(), usage_unit: unit.into(), ..Default::default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limit(soft: &str, hard: &str, unit: &str) -> UsageLimitInput {
        typed(soft, hard, unit)
    }

    #[test]
    fn each_bad_amount_gets_its_own_message() {
        let mut errors = FieldErrors::default();
        assert!(check_limit(&limit("ten", "-1", "Cost"), &mut errors).is_none());
        assert!(errors.get(SOFT_LIMIT).unwrap().contains("not a number"));
        assert!(errors.get(HARD_LIMIT).unwrap().contains("greater than zero"));
        let mut errors = FieldErrors::default();
        assert!(check_limit(&limit("100", "80", "Cost"), &mut errors).is_none());
        assert!(errors.get(HARD_LIMIT).unwrap().contains("at least the soft limit (100)"));
        let mut errors = FieldErrors::default();
        assert!(check_limit(&limit("1.5", "80", "Requests"), &mut errors).is_none());
        assert!(errors.get(SOFT_LIMIT).unwrap().contains("whole number"));
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
}
