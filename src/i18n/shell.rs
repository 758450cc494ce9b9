//! The texts of the shell: the header, its navigation and menu button, the language and theme choices, the
//! not-found screen, and the document title.

texts! {
    Shell {
        app_name: "geai-admin", "geai-admin";
        /// `<title>`: the screen, then the app.
        document_title(screen: &str): format!("{screen} \u{2013} geai-admin"), format!("{screen} \u{2013} geai-admin");
        main_navigation: "Main", "Principal";
        /// The button that shows and hides the navigation on narrow screens.
        menu: "Menu", "Menú";
        /// The navigation's groups: the screens of the organization token, of a project token, and of Arcee
        /// (`nav_arcee`).
        nav_area_organization: "Organization", "Organización";
        nav_area_project: "Project (project token)", "Proyecto (token de proyecto)";
        nav_projects: "Projects", "Proyectos";
        nav_tokens: "Tokens", "Tokens";
        nav_organization: "Organization", "Organización";
        nav_members: "Members", "Miembros";
        nav_access: "Access review", "Revisión de accesos";
        nav_analytics: "Analytics", "Analítica";
        nav_assistants: "Assistants", "Asistentes";
        nav_requests: "Requests", "Solicitudes";
        nav_connection: "Connection", "Conexión";
        nav_arcee: "Arcee", "Arcee";
        nav_arcee_account: "Account", "Cuenta";
        nav_arcee_keys: "API keys", "Claves de API";
        nav_arcee_organizations: "Organizations", "Organizaciones";
        nav_arcee_contexts: "Contexts", "Contextos";
        nav_arcee_models: "Models", "Modelos";
        nav_arcee_retrieval: "Retrieval", "Recuperación";
        nav_arcee_feedback: "Feedback", "Comentarios";
        arcee_connected_as(who: &str): format!("Arcee: {who}"), format!("Arcee: {who}");
        sign_out: "Sign out", "Cerrar sesión";
        theme: "Theme", "Tema";
        theme_system: "System", "Sistema";
        theme_light: "Light", "Claro";
        theme_dark: "Dark", "Oscuro";
        /// The palette action choosing a theme, `Theme: Dark`.
        theme_action(theme: &str): format!("Theme: {theme}"), format!("Tema: {theme}");
        theme_action_keywords: "theme colour color scheme appearance", "tema color esquema apariencia theme";
        language: "Language", "Idioma";
        /// The palette action choosing a language, named in that language and in the current one.
        language_action(language: &str): format!("Language: {language}"), format!("Idioma: {language}");
        language_action_keywords: "language idioma lengua switch", "idioma lengua cambiar language";
        language_unsaved: "You have unsaved changes. Switch language and lose them?",
            "Tiene cambios sin guardar. ¿Cambiar de idioma y perderlos?";
        installation_badge_hint: "The saved installation this tab is connected to",
            "La instalación guardada a la que está conectada esta pestaña";
        connected_to: "Connected to ", "Conectada a ";
        not_found_title: "Not found", "No encontrada";
        not_found_heading: "Page not found", "Página no encontrada";
        not_found_text: "There is no screen at this address. ", "No hay ninguna pantalla en esta dirección. ";
        not_found_link: "Go to the projects", "Ir a los proyectos";
        screen_unavailable_title: "Screen not loaded", "Pantalla no cargada";
        screen_unavailable_heading: "This screen could not be loaded", "No se pudo cargar esta pantalla";
        screen_unavailable_text:
            "Its code did not arrive: the network failed, or a new version of the dashboard was published. Reloading the page keeps your connection and brings you back here.",
            "Su código no llegó: falló la red o se publicó una nueva versión del panel. Al recargar la página se conserva la conexión y se vuelve aquí.";
        reload: "Reload", "Recargar";
        /// Split code that could not be fetched: `what` is the palette's name or a language's own (`Español`).
        code_unavailable(what: &str):
            format!("{what} could not be loaded: the network failed, or a new version of the dashboard was published. Try again, or reload the page."),
            format!("No se pudo cargar {what}: falló la red o se publicó una nueva versión del panel. Vuelva a intentarlo o recargue la página.");
    }
}
