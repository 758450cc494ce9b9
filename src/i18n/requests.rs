//! The texts of requests (see `texts!`).

texts! {
    Requests {
        placeholder: "", "";
    }
}
