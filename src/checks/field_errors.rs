//! What is wrong with a form's input, by field: the one shape every form uses for the checks made before
//! sending and for the server's refusals placed at their fields. Plain Rust, tested natively.

use crate::api::{ApiError, ErrorKind, ServerMessage};

/// Messages keyed by field (a name the form chooses, such as `"name"`, `"hard_limit"` or, for one of a list of
/// rows, `"invitee-3"`), and `form` for what belongs to no single field. Two messages for one field are shown
/// together, in the order they came.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FieldErrors {
    fields: Vec<(String, String)>,
    pub form: Option<String>,
}

impl FieldErrors {
    /// One message for the whole form.
    pub fn for_form(message: impl Into<String>) -> Self {
        Self { fields: Vec::new(), form: Some(message.into()) }
    }

    /// One message for `field`.
    pub fn at(field: impl Into<String>, message: impl Into<String>) -> Self {
        let mut errors = Self::default();
        errors.add(field, message);
        errors
    }

    /// Adds `message` to `field`, after any message it already has.
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        let (field, message) = (field.into(), message.into());
        match self.fields.iter_mut().find(|(name, _)| *name == field) {
            Some((_, before)) => {
                before.push(' ');
                before.push_str(&message);
            }
            None => self.fields.push((field, message)),
        }
    }

    /// Forgets `field`'s message.
    pub fn clear(&mut self, field: &str) {
        self.fields.retain(|(name, _)| *name != field);
    }

    /// The message for `field`, if it has one.
    pub fn get(&self, field: &str) -> Option<String> {
        self.fields.iter().find(|(name, _)| *name == field).map(|(_, message)| message.clone())
    }

    pub fn has(&self, field: &str) -> bool {
        self.fields.iter().any(|(name, _)| *name == field)
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.form.is_none()
    }
}

/// The server's refusal of a form's input: each message at the field `field_of` says it is about, in the
/// server's own words with its id; the rest after the refusal's headline for the whole form. Any failure that
/// is not a refusal of the input (a failed server, a rejected token) goes to the form as it is.
pub fn place_refusal(error: &ApiError, field_of: impl Fn(&ServerMessage) -> Option<&'static str>) -> FieldErrors {
    if error.kind != ErrorKind::Rejected || error.messages.is_empty() {
        return FieldErrors::for_form(error.to_string());
    }
    let mut errors = FieldErrors::default();
    let mut unplaced = Vec::new();
    for message in &error.messages {
        match field_of(message) {
            Some(field) => errors.add(field, message.to_string()),
            None => unplaced.push(message.to_string()),
        }
    }
    if !unplaced.is_empty() {
        errors.form = Some(format!("{} {}", error.headline(), unplaced.join(" ")));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_kept_by_field_and_joined_in_order() {
        let mut errors = FieldErrors::at("name", "Missing.");
        errors.add("hard_limit", "Too low.");
        errors.add("name", "Taken.");
        assert_eq!(errors.get("name").as_deref(), Some("Missing. Taken."));
        assert_eq!(errors.get("hard_limit").as_deref(), Some("Too low."));
        assert_eq!(errors.get("soft_limit"), None);
        assert!(errors.has("name") && !errors.has("form"));
        assert!(!errors.is_empty());
        assert!(FieldErrors::default().is_empty());
        errors.clear("name");
        assert_eq!(errors.get("name"), None);
        assert!(errors.has("hard_limit"));
        assert!(!FieldErrors::for_form("Down.").is_empty());
    }
}
