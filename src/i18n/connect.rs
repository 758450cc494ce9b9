//! The texts of the connect screen: the GeneXus Enterprise AI and Arcee forms, the current connections, and
//! the saved installations with their "remember this installation" fields.

texts! {
    Connect {
        title: "Connect", "Conectar";
        heading: "Connect", "Conectar";
        // The run of spaces in the English text is as it always was (tests read it); a browser shows one.
        lead: "Connect a GeneXus Enterprise AI installation, an Arcee one, or both. Each keeps its own address                  and credentials, in this browser tab only, sent only to that address.",
            "Conecte una instalación de GeneXus Enterprise AI, una de Arcee, o ambas. Cada una conserva su propia \
             dirección y sus credenciales, solo en esta pestaña del navegador, y se envían solo a esa dirección.";
        kind_switch: "Kind of installation", "Tipo de instalación";
        kind_geai: "GeneXus Enterprise AI", "GeneXus Enterprise AI";
        kind_arcee: "Arcee", "Arcee";

        // The GeneXus Enterprise AI form.
        geai_intro: "Paste an organization token to manage projects, a project token for its assistants and request log, \
             or both.",
            "Pegue un token de organización para administrar proyectos, un token de proyecto para sus asistentes y \
             su registro de solicitudes, o ambos.";
        base_url: "Base URL", "URL base";
        base_url_hint: "The installation's address, e.g. https://api.saia.ai; this page's own origin for the sandbox.",
            "La dirección de la instalación, p. ej., https://api.saia.ai; el propio origen de esta página para el \
             entorno de pruebas.";
        organization_token: "Organization token", "Token de organización";
        organization_token_hint: "Organization scope: projects and their tokens.",
            "Alcance de organización: los proyectos y sus tokens.";
        project_token: "Project token", "Token de proyecto";
        project_token_hint: "Project scope: assistants and the request log of one project.",
            "Alcance de proyecto: los asistentes y el registro de solicitudes de un proyecto.";
        timeout: "Time limit per request (seconds)", "Tiempo límite por solicitud (segundos)";
        timeout_hint: "A request that takes longer is given up, and the screen says so.",
            "Una solicitud que tarde más se abandona, y la pantalla lo indica.";
        checking: "Checking\u{2026}", "Verificando\u{2026}";
        connect: "Connect", "Conectar";
        send_token_as: "Send the token as", "Enviar el token como";
        auth_bearer: "Authorization: Bearer (usual)", "Encabezado Authorization: Bearer (lo habitual)";
        auth_basic: "HTTP Basic, token as user name", "Autenticación HTTP Basic, con el token como nombre de usuario";
        bad_base_url: "The base URL must start with http:// or https://.",
            "La URL base debe comenzar con http:// o https://.";
        bad_timeout: "Enter a whole number of seconds from 1 to 600.",
            "Ingrese un número entero de segundos entre 1 y 600.";
        no_token: "Paste an organization token, a project token, or both.",
            "Pegue un token de organización, un token de proyecto, o ambos.";
        /// A token of the other scope pasted in a field.
        wrong_organization_field: "This is a project token: paste it under \u{201c}Project token\u{201d}.",
            "Este es un token de proyecto: péguelo en \u{201c}Token de proyecto\u{201d}.";
        wrong_project_field: "This is an organization token: paste it under \u{201c}Organization token\u{201d}.",
            "Este es un token de organización: péguelo en \u{201c}Token de organización\u{201d}.";

        // When the browser kept the server's answer from this page (CORS), and the two ways out.
        refused_heading: "The installation did not allow this page's origin",
            "La instalación no permitió el origen de esta página";
        refused_text(server: &str, page: &str):
            format!("The server at {server} is up and answered, but it does not allow pages from {page} to read its \
                     answers (CORS), so the browser refused them. The token could not be checked. Two ways out:"),
            format!("El servidor en {server} está activo y respondió, pero no permite que las páginas de {page} lean \
                     sus respuestas (CORS), así que el navegador las rechazó. No se pudo verificar el token. Hay dos \
                     salidas:");
        refused_run: "Serve the dashboard and the API from one origin on your computer: run this in the dashboard's \
            folder, then open the address it prints.",
            "Servir el panel y la API desde un mismo origen en su computadora: ejecute esto en la carpeta del panel y \
             luego abra la dirección que muestra.";
        refused_command: "the command", "el comando";
        refused_deploy: "Or serve the dashboard from your own web server, on the installation's origin or one it \
            allows: see the section \u{201c}Deploying\u{201d} of the dashboard's README and deploy/README.md, with \
            the nginx and Caddy configurations.",
            "O servir el panel desde su propio servidor web, en el origen de la instalación o en uno que esta \
             permita: vea la sección \u{201c}Deploying\u{201d} del README del panel y deploy/README.md, con las \
             configuraciones de nginx y Caddy.";

        // What the tab is connected to now.
        current_geai: "Current connection: GeneXus Enterprise AI", "Conexión actual: GeneXus Enterprise AI";
        none: "none", "ninguno";
        /// The owner of a token whose organization or project has neither a name nor an id.
        unnamed_organization_token: "organization token", "token de organización";
        unnamed_project_token: "project token", "token de proyecto";
        sent_as: "Sent as", "Enviado como";
        sent_as_bearer: "Authorization: Bearer", "Encabezado Authorization: Bearer";
        sent_as_basic: "HTTP Basic", "Autenticación HTTP Basic";
        connecting_again: "Connecting again replaces it.", "Conectarse de nuevo la reemplaza.";
        disconnect: "Disconnect this installation", "Desconectar esta instalación";

        // The Arcee form.
        arcee_intro: "Paste an Arcee API key to manage its keys, organizations, contexts and retrieval.",
            "Pegue una clave de API de Arcee para administrar sus claves, organizaciones, contextos y recuperación.";
        arcee_base_url: "Arcee base URL", "URL base de Arcee";
        arcee_base_url_hint: "The API's address, e.g. https://api.arcee.ai/v2; /v2 is added when missing.",
            "La dirección de la API, p. ej., https://api.arcee.ai/v2; se agrega /v2 si falta.";
        api_key: "API key", "Clave de API";
        api_key_hint: "Sent only in the X-Token header, to the address above.",
            "Se envía solo en el encabezado X-Token, a la dirección de arriba.";
        arcee_organization: "Organization (optional)", "Organización (opcional)";
        arcee_organization_hint: "An organization's slug, to act in it (X-Arcee-Org); empty for your default organization.",
            "El slug de una organización, para actuar en ella (X-Arcee-Org); vacío para su organización predeterminada.";
        connect_arcee: "Connect Arcee", "Conectar Arcee";
        no_key: "Paste an API key.", "Pegue una clave de API.";
        /// After the server's own explanation of a 404 at the base URL.
        not_arcee(error: &str): format!("{error} Is this the Arcee API's address?"),
            format!("{error} ¿Es esta la dirección de la API de Arcee?");
        current_arcee: "Current connection: Arcee", "Conexión actual: Arcee";
        signed_in_as: "Signed in as", "Sesión iniciada como";
        organization: "Organization", "Organización";
        default_organization: "default", "predeterminada";
        disconnect_arcee: "Disconnect Arcee", "Desconectar Arcee";

        // Saved installations.
        saved_heading: "Saved installations", "Instalaciones guardadas";
        label: "Label", "Etiqueta";
        colour: "Colour", "Color";
        save: "Save", "Guardar";
        cancel: "Cancel", "Cancelar";
        use_button: "Use", "Usar";
        rename_button: "Rename", "Cambiar nombre";
        forget_button: "Forget", "Olvidar";
        /// Accessible names of a saved installation's buttons (and of its rename form).
        use_installation(label: &str): format!("Use {label}"), format!("Usar {label}");
        rename_installation(label: &str): format!("Rename {label}"), format!("Cambiar el nombre de {label}");
        forget_installation(label: &str): format!("Forget {label}"), format!("Olvidar {label}");
        forgotten(label: &str): format!("\u{201c}{label}\u{201d} was forgotten."),
            format!("Se olvidó \u{201c}{label}\u{201d}.");
        remember: "Remember this installation on this computer (its address, not the token)",
            "Recordar esta instalación en esta computadora (su dirección, no el token)";
        remember_label_hint: "e.g. Production or Staging; the URL's host if empty.",
            "p. ej., Producción o Pruebas; el host de la URL si queda vacío.";
        remember_colour_hint: "Shown across the top while connected to it.",
            "Se muestra en la parte superior mientras esté conectado a ella.";
    }
}

#[cfg(test)]
mod tests {
    use super::{EN, ES};

    #[test]
    fn english_reads_as_before() {
        assert_eq!(EN.forgotten("Prod"), "\u{201c}Prod\u{201d} was forgotten.");
        assert_eq!(EN.not_arcee("Not found."), "Not found. Is this the Arcee API's address?");
        assert_eq!(
            EN.wrong_organization_field,
            "This is a project token: paste it under \u{201c}Project token\u{201d}."
        );
        assert_eq!(ES.rename_installation("Prod"), "Cambiar el nombre de Prod");
    }
}
