//! The texts of the pieces several screens share (src/components) and of the API's error explanations.

texts! {
    Common {
        leave_unsaved: "You have unsaved changes. Leave this page and lose them?",
            "Tiene cambios sin guardar. ¿Salir de esta página y perderlos?";
    }
}
