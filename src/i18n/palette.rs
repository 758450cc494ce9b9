//! The texts of palette (see `texts!`).

texts! {
    Palette {
        placeholder: "", "";
    }
}
