//! The texts of arcee (see `texts!`).

texts! {
    Arcee {
        placeholder: "", "";
    }
}
