//! The texts of organization.

texts! {
    Organization {
        placeholder: "", "";
    }
}
