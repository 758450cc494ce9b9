//! The texts of project (see `texts!`).

texts! {
    Project {
        placeholder: "", "";
    }
}
