/// One `@` with something on both sides and a dot in the domain, no spaces: the same rule as the server's.
pub fn looks_like_email(email: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::looks_like_email;

    #[test]
    fn an_email_has_one_at_and_a_dotted_domain() {
        assert!(looks_like_email("ana@example.com"));
        for bad in ["ana", "ana@example", "@example.com", "ana@@example.com", "ana@.com", "ana@example.", "a na@x.io"] {
            assert!(!looks_like_email(bad), "{bad}");
        }
    }
}
