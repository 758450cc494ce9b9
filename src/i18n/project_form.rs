//! The texts of project_form (see `texts!`).

texts! {
    ProjectForm {
        placeholder: "", "";
    }
}
