//! The texts of the pieces several screens share (src/components) and of the API's error explanations.

texts! {
    Common {
        leave_unsaved: "You have unsaved changes. Leave this page and lose them?",
            "Tiene cambios sin guardar. ¿Salir de esta página y perderlos?";

        // Numbers (`i18n::formats`).
        thousands_separator: ",", ".";
        decimal_mark: ".", ",";

        // Forms and dialogs.
        /// After a required field's label.
        required: " (required)", " (obligatorio)";
        cancel: "Cancel", "Cancelar";
        /// A confirm button while its action runs.
        working: "Working\u{2026}", "Procesando\u{2026}";
        /// Around the phrase a destructive confirmation asks to type: `Type <phrase> to confirm`.
        type_phrase_before: "Type ", "Escriba ";
        type_phrase_after: " to confirm", " para confirmar";

        // Notifications.
        notifications: "Notifications", "Notificaciones";
        dismiss_notification: "Dismiss notification", "Descartar notificación";

        // Secrets.
        reveal: "Reveal", "Mostrar";
        hide: "Hide", "Ocultar";
        /// A secret's button's accessible name: its visible word first, then what it acts on: `Reveal token
        /// Default`, `Hide token Default`, `Copied token Default`.
        named(shown: &str, what: &str): format!("{shown} {what}"), format!("{shown} {what}");
        copy: "Copy", "Copiar";
        copied: "Copied", "Copiado";
        copy_failed: "Copy failed", "No se pudo copiar";
        copied_announcement: "Copied to the clipboard.", "Copiado al portapapeles.";
        copy_refused: "The browser refused to copy: reveal the value and copy it by hand.",
            "El navegador no permitió copiar: muestre el valor y cópielo a mano.";
        /// What a token's Copy button names: `token Default`.
        token_named(name: &str): format!("token {name}"), format!("token {name}");
        no_token_returned: "The server returned no token.", "El servidor no devolvió ningún token.";
        shown_once_warning: "Copy now: this will not be shown again.", "Cópielo ahora: no se volverá a mostrar.";
        shown_once_after: " Afterwards the token appears masked, with only its last four characters.",
            " Después, el token aparece enmascarado, solo con sus últimos cuatro caracteres.";

        // Screens that need a project token.
        needs_project_token: "This screen needs a project token.", "Esta pantalla necesita un token de proyecto.";
        needs_project_token_why: " Assistants and the request log belong to one project.",
            " Los asistentes y el registro de solicitudes pertenecen a un proyecto.";
        connect_with_project_token: "Connect with a project token", "Conectar con un token de proyecto";
        pick_project_token: "Pick a token on a project", "Elegir un token en un proyecto";

        // Statuses.
        project_active: "Active", "Activo";
        project_deleted: "Deleted", "Eliminado";
        project_hidden: "Hidden", "Oculto";
        /// A project status code the dashboard does not know.
        project_status_code(code: i64): format!("Status {code}"), format!("Estado {code}");
        /// A token's status: shown as the server words it in English; the usual ones translated in Spanish.
        token_status(status: &str): english_token_status(status), spanish_token_status(status);

        // Token scopes, as sentences name them.
        organization_token: "organization token", "token de organización";
        project_token: "project token", "token de proyecto";
        an_organization_token: "an organization token", "un token de organización";
        a_project_token: "a project token", "un token de proyecto";

        // Arcee's organization types.
        organization_type_team: "Team", "Equipo";
        organization_type_enterprise: "Enterprise", "Empresa";

        // Failed calls: the dashboard's words before the server's own.
        /// `Add an organization token`: the way out of a screen that lacks a token.
        add_token(token: &str): format!("Add {token}"), format!("Agregar {token}");
        connect_again: "Connect again", "Conectar de nuevo";
        retry: "Retry", "Reintentar";
        /// After a server message, its id: `Project Not Found (error 2005)`.
        server_message_id(text: &str, id: i64): format!("{text} (error {id})"), format!("{text} (error {id})");
        error_missing_token(token: &str): format!("This screen needs {token}."),
            format!("Esta pantalla necesita {token}.");
        error_token_rejected: "The server rejected the token: it may be wrong, revoked or blocked.",
            "El servidor rechazó el token: puede ser incorrecto, o estar revocado o bloqueado.";
        error_key_rejected: "The server rejected the API key: it may be wrong, expired or deleted.",
            "El servidor rechazó la clave de API: puede ser incorrecta, o estar vencida o eliminada.";
        error_out_of_scope: "This token may not do that: it belongs to the other scope or another project.",
            "Este token no puede hacer eso: pertenece al otro ámbito o a otro proyecto.";
        error_not_found: "Not found: it may have been deleted.", "No se encontró: puede que se haya eliminado.";
        error_rejected: "The server refused the request.", "El servidor rechazó la solicitud.";
        error_server_failed_status(status: u16): format!("The server failed (HTTP {status})."),
            format!("El servidor falló (HTTP {status}).");
        error_server_failed: "The server failed.", "El servidor falló.";
        error_network: "The server could not be reached. Check the base URL and your connection.",
            "No se pudo contactar al servidor. Revise la URL base y su conexión.";
        error_origin_refused: "The server answered, but the browser kept its answer from this page: the installation \
            does not allow this page's origin (CORS).",
            "El servidor respondió, pero el navegador no le entregó la respuesta a esta página: la instalación no \
             permite el origen de esta página (CORS).";
        error_bad_response: "The server's answer could not be read.", "No se pudo leer la respuesta del servidor.";
        error_timed_out: "The server did not answer in time, so the request was given up.",
            "El servidor no respondió a tiempo, así que se abandonó la solicitud.";
        error_aborted: "The request was cancelled.", "La solicitud se canceló.";
        /// A proxy's error page instead of the API's answer, by its title.
        html_page_titled(title: &str): format!("The server answered with an HTML page: \u{201c}{title}\u{201d}"),
            format!("El servidor respondió con una página HTML: \u{201c}{title}\u{201d}");
        html_page: "The server answered with an HTML page", "El servidor respondió con una página HTML";
        /// A successful answer that is not the JSON expected (`e` is the parser's own words).
        expected_json(path: &str, e: &str): format!("Expected JSON from {path}: {e}"),
            format!("Se esperaba JSON de {path}: {e}");
        upload_failed: "The upload failed before the server answered.",
            "La subida falló antes de que el servidor respondiera.";
        /// The browser refused to build the upload (`e` is its own words).
        file_not_attached(e: &str): format!("The file could not be attached: {e}"),
            format!("No se pudo adjuntar el archivo: {e}");
        /// Arcee's answer to feedback, when it sends no message of its own.
        feedback_received: "Feedback received", "Comentarios recibidos";
    }
}

fn english_token_status(status: &str) -> String {
    if status.is_empty() {
        "Unknown".to_string()
    } else {
        status.to_string()
    }
}

fn spanish_token_status(status: &str) -> String {
    match status.to_ascii_lowercase().as_str() {
        "" => "Desconocido".to_string(),
        "active" => "Activo".to_string(),
        "blocked" => "Bloqueado".to_string(),
        "revoked" => "Revocado".to_string(),
        // Whatever else the server says, as it says it.
        _ => status.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::{EN, ES};

    #[test]
    fn token_statuses_are_shown_as_sent_in_english_and_the_usual_ones_translated() {
        assert_eq!(EN.token_status("Active"), "Active");
        assert_eq!(EN.token_status("REVOKED"), "REVOKED");
        assert_eq!(EN.token_status(""), "Unknown");
        assert_eq!(ES.token_status("Active"), "Activo");
        assert_eq!(ES.token_status("blocked"), "Bloqueado");
        assert_eq!(ES.token_status("Suspended"), "Suspended");
        assert_eq!(ES.token_status(""), "Desconocido");
    }
}
