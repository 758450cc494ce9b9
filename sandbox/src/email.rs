//! Whether a text is an e-mail address and, when it is not, why: in the words of the `email-validator` package
//! that pydantic's `EmailStr` uses, so the Arcee API's invite refusals read like the real service's. The
//! Organization API's `administratorUserEmail` check asks the same question and ignores the reason.

/// Characters allowed before the `@` besides letters, digits and dots (RFC 5322 `atext`).
const LOCAL_SPECIALS: &str = "!#$%&'*+-/=?^_`{|}~";

/// `None` for an address a mail form would accept, else the reason it is not one.
pub fn problem(address: &str) -> Option<&'static str> {
    let Some((local, domain)) = address.rsplit_once('@') else {
        return Some("An email address must have an @-sign.");
    };
    if local.is_empty() {
        return Some("There must be something before the @-sign.");
    }
    if domain.is_empty() {
        return Some("There must be something after the @-sign.");
    }
    let local_ok = |c: char| c.is_alphanumeric() || c == '.' || LOCAL_SPECIALS.contains(c);
    let domain_ok = |c: char| c.is_alphanumeric() || c == '.' || c == '-';
    if !local.chars().all(local_ok) || !domain.chars().all(domain_ok) {
        return Some("The email address contains invalid characters.");
    }
    if local.starts_with('.') {
        return Some("An email address cannot start with a period.");
    }
    if local.ends_with('.') {
        return Some("An email address cannot have a period immediately before the @-sign.");
    }
    if domain.starts_with('.') {
        return Some("An email address cannot have a period immediately after the @-sign.");
    }
    if domain.ends_with('.') {
        return Some("An email address cannot end with a period.");
    }
    if address.contains("..") {
        return Some("An email address cannot have two periods in a row.");
    }
    if !domain.contains('.') {
        return Some("The part after the @-sign is not valid. It should have a period.");
    }
    if domain.split('.').any(|label| label.starts_with('-') || label.ends_with('-')) {
        return Some("The part after the @-sign is not valid. A label cannot start or end with a hyphen.");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::problem;

    #[test]
    fn accepts_ordinary_addresses() {
        for address in ["ana@example.com", "ana.maria+ops@mail.acme.example", "o'neil@x.co", "josé@café.example"] {
            assert_eq!(problem(address), None, "{address}");
        }
    }

    #[test]
    fn says_why_others_are_not_addresses() {
        for (address, why) in [
            ("ana", "must have an @-sign"),
            ("@x.com", "something before the @-sign"),
            ("ana@", "something after the @-sign"),
            ("ana@example", "It should have a period"),
            ("ana example@x.com", "invalid characters"),
            ("a@b@c.com", "invalid characters"),
            ("ana@exa_mple.com", "invalid characters"),
            (".ana@x.com", "cannot start with a period"),
            ("ana.@x.com", "immediately before the @-sign"),
            ("ana@.x.com", "immediately after the @-sign"),
            ("ana@x.com.", "cannot end with a period"),
            ("an..a@x.com", "two periods in a row"),
            ("ana@-x.com", "hyphen"),
        ] {
            let found = problem(address).unwrap_or_else(|| panic!("{address} was accepted"));
            assert!(found.contains(why), "{address}: {found}");
        }
    }
}
