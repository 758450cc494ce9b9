//! The texts of what every form shares (src/components/form) and of the dialog that shows secrets whose
//! screen was gone: an area of its own, so that they load with the screens that use them, not with the app.

texts! {
    Forms {
        // The prompt after the server rejected the organization token mid-call (`TokenPrompt`).
        token_again_heading: "The server rejected your organization token",
            "El servidor rechazó su token de organización";
        token_again_text: "It may have been revoked or blocked. Paste a valid one to save again; what you typed is kept.",
            "Es posible que se haya revocado o bloqueado. Pegue uno válido para guardar de nuevo; lo que ingresó se conserva.";
        token_again_label: "Organization token", "Token de organización";
        token_again_missing: "Paste an organization token.", "Pegue un token de organización.";
        token_again_checking: "Checking\u{2026}", "Comprobando\u{2026}";
        token_again_submit: "Use this token and save again", "Usar este token y guardar de nuevo";

        /// The dialog that shows secrets whose screen the user had left when they arrived.
        arrived_after_leaving: "This arrived after you left the screen that asked for it.",
            "Esto llegó después de que saliera de la pantalla que lo pidió.";
        saved_them: "I have saved them", "Ya los guardé";
        save_as_file: "Save as a file", "Guardar como archivo";
    }
}
