//! The texts of connect (see `texts!`).

texts! {
    Connect {
        placeholder: "", "";
    }
}
