//! The texts of the command palette: its button, its dialog, the kinds of what it lists, and its own actions.
//! Keywords are what typing finds an action by; the Spanish ones keep a few English words, which people type
//! out of habit.

texts! {
    Palette {
        /// The header button, before the shortcut: `Search Ctrl K`.
        search: "Search ", "Buscar ";
        label: "Go to a project, screen or action", "Ir a un proyecto, pantalla o acción";
        results: "Results", "Resultados";
        keys: "Up and down arrows choose, Enter goes, Escape closes.",
            "Las flechas arriba y abajo eligen, Enter va y Escape cierra.";

        kind_screen: "Screen", "Pantalla";
        kind_action: "Action", "Acción";
        kind_project: "Project", "Proyecto";

        connection_keywords: "base url token", "url base token conexión";
        new_project: "New project", "Nuevo proyecto";
        new_project_keywords: "create add", "crear agregar nuevo create";
        connect: "Connect", "Conectar";
        connect_keywords: "log in token key arcee installation",
            "iniciar sesión entrar token clave arcee instalación login";
        sign_out: "Sign out", "Cerrar sesión";
        sign_out_keywords: "log out disconnect forget", "salir desconectar olvidar logout";

        /// The status line, `typed` as the user typed it.
        nothing_matches(typed: &str): format!("Nothing matches \u{201c}{typed}\u{201d}."),
            format!("Nada coincide con \u{201c}{typed}\u{201d}.");
        results_count(n: usize): match n {
                1 => "1 result.".to_string(),
                n => format!("{n} results."),
            },
            match n {
                1 => "1 resultado.".to_string(),
                n => format!("{} resultados.", super::formats::count(n)),
            };
        /// Projects that match beyond the ones listed (always at least one).
        more_projects(n: usize):
            match n {
                1 => "1 more project matches; type more to narrow them.".to_string(),
                n => format!("{} more projects match; type more to narrow them.", super::formats::count(n)),
            },
            match n {
                1 => "1 proyecto más coincide; escriba más para acotar la búsqueda.".to_string(),
                n => format!(
                    "{} proyectos más coinciden; escriba más para acotar la búsqueda.",
                    super::formats::count(n)
                ),
            };
        /// The palette as `code_unavailable` names it.
        this_palette: "The command palette", "la paleta de comandos";
        loading_projects: "Loading projects\u{2026}", "Cargando proyectos\u{2026}";
        /// `problem` is the failure in full: the dashboard's sentence and the server's words.
        projects_failed(problem: &str):
            format!("Projects could not be loaded: {problem} Close and open the palette to try again."),
            format!("No se pudieron cargar los proyectos: {problem} Cierre y vuelva a abrir la paleta para intentarlo de nuevo.");
    }
}
