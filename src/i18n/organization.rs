//! The texts of the organization screen (its limits and every project's) and of the assistants screen.

use super::formats::count;

/// `1 intent` / `3 intents`, `1 intención` / `3 intenciones`: the word after the number, by number.
fn counted(n: usize, one: &'static str, many: &'static str) -> String {
    format!("{} {}", count(n), super::plural(n, one, many))
}

texts! {
    Organization {
        title: "Organization", "Organización";
        no_organization_id:
            "This server did not say which organization the token belongs to (SAIA beta servers do not), \
             and the limit calls need its id.",
            "Este servidor no indicó a qué organización pertenece el token (los servidores beta de SAIA no lo \
             indican), y las llamadas de límites necesitan su identificador.";
        organization_limit: "Organization limit", "Límite de la organización";
        project_limits_heading: "Projects' limits, nearest to their hard limit first",
            "Límites de los proyectos, primero los más cercanos a su límite máximo";
        loading_projects: "Loading projects\u{2026}", "Cargando proyectos\u{2026}";
        hard_limit_reached: "Hard limit reached", "Límite máximo alcanzado";
        soft_limit_reached: "Soft limit reached", "Límite de aviso alcanzado";
        under_soft_limit: "Under the soft limit", "Por debajo del límite de aviso";
        no_limit: "No limit", "Sin límite";
        limits_caption: "Each project's limit in force, the nearest to its hard limit first",
            "El límite vigente de cada proyecto, primero los más cercanos a su límite máximo";
        column_project: "Project", "Proyecto";
        column_status: "Status", "Estado";
        column_used: "Used", "Usado";
        column_soft: "Soft", "Aviso";
        column_hard: "Hard", "Máximo";
        column_of_hard: "Of hard", "Del máximo";
        column_level: "Level", "Nivel";

        assistants_title: "Assistants", "Asistentes";
        loading_assistants: "Loading assistants\u{2026}", "Cargando asistentes\u{2026}";
        /// The project the assistants belong to, by name or id.
        assistants_project(project: &str): format!("Project: {project}"), format!("Proyecto: {project}");
        no_assistants: "This project has no assistants.", "Este proyecto no tiene asistentes.";
        /// What an assistant's folded intents hold.
        intents_summary(intents: usize, revisions: usize):
            format!("{}, {}", counted(intents, "intent", "intents"), counted(revisions, "revision", "revisions")),
            format!("{}, {}", counted(intents, "intención", "intenciones"), counted(revisions, "revisión", "revisiones"));
        id: "Id", "Identificador";
        /// What the Copy button copies (`Copy id of Sales`).
        copy_id_of(assistant: &str): format!("id of {assistant}"), format!("el identificador de {assistant}");
        requests_of(assistant: &str): format!("Requests of {assistant}"), format!("Solicitudes de {assistant}");
        intent(name: &str): format!("Intent {name}"), format!("Intención {name}");
        revision(name: &str): format!("Revision {name}"), format!("Revisión {name}");
        /// The intent's default revision.
        default_revision: "Default", "Predeterminada";
        model: "Model", "Modelo";
        provider: "Provider", "Proveedor";
        description: "Description", "Descripción";
        /// When the revision was created.
        created: "Created", "Creada";
        prompt: "Prompt", "Instrucciones";
    }
}
