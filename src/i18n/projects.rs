//! The texts of projects (see `texts!`).

texts! {
    Projects {
        placeholder: "", "";
    }
}
