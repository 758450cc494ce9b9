//! The texts of token_audit (see `texts!`).

texts! {
    TokenAudit {
        placeholder: "", "";
    }
}
