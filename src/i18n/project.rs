//! The texts of one project's screen: its details, its deletion, its API tokens and what can be done to them.

use super::formats::count;

texts! {
    Project {
        title: "Project", "Proyecto";
        loading: "Loading the project\u{2026}", "Cargando el proyecto\u{2026}";
        edit: "Edit", "Editar";
        details: "Details", "Detalles";
        id: "Id", "Identificador";
        /// What the Copy button copies (`Copy project id`).
        copy_id: "project id", "el identificador del proyecto";
        status: "Status", "Estado";
        active: "Active", "Activo";
        yes: "Yes", "Sí";
        no: "No", "No";
        organization: "Organization", "Organización";
        search_profiles: "Search profiles", "Perfiles de búsqueda";
        /// A project without search profiles.
        no_search_profiles: "None", "Ninguno";
        usage_limit: "Usage limit", "Límite de uso";
        no_usage_limit: "No usage limit is set for this project.", "Este proyecto no tiene un límite de uso.";
        api_tokens: "API tokens", "Tokens de API";
        tokens_need_organization_token: "Listing a project's tokens needs an organization token. ",
            "Para ver los tokens de un proyecto se necesita un token de organización. ";
        add_organization_token: "Add an organization token", "Agregar un token de organización";

        delete: "Delete\u{2026}", "Eliminar\u{2026}";
        delete_title(name: &str): format!("Delete \u{201c}{name}\u{201d}?"), format!("¿Eliminar \u{201c}{name}\u{201d}?");
        delete_confirm: "Delete project", "Eliminar proyecto";
        delete_explanation:
            "This deletes the project with its assistants, its request log and its API tokens. Applications \
             using those tokens stop working. This cannot be undone.",
            "Esto elimina el proyecto con sus asistentes, su registro de solicitudes y sus tokens de API. Las \
             aplicaciones que usan esos tokens dejan de funcionar. Esta acción no se puede deshacer.";
        deleted(name: &str):
            format!("Project \u{201c}{name}\u{201d} was deleted."),
            format!("Se eliminó el proyecto \u{201c}{name}\u{201d}.");
        delete_failed(name: &str):
            format!("Deleting \u{201c}{name}\u{201d} failed"),
            format!("No se pudo eliminar \u{201c}{name}\u{201d}");

        loading_tokens: "Loading tokens\u{2026}", "Cargando tokens\u{2026}";
        no_tokens: "This project has no API tokens.", "Este proyecto no tiene tokens de API.";
        tokens_caption: "API tokens of the project", "Tokens de API del proyecto";
        column_name: "Name", "Nombre";
        column_description: "Description", "Descripción";
        column_status: "Status", "Estado";
        column_created: "Created", "Creado";
        column_value: "Value", "Valor";
        column_actions: "Actions", "Acciones";
        /// What a token's Reveal and Copy buttons act on (`Copy token Sales`).
        token_value_of(name: &str): format!("token {name}"), format!("el token {name}");

        new_token: "New token", "Nuevo token";
        token_name: "Token name", "Nombre del token";
        description: "Description", "Descripción";
        description_hint: "What uses it, so that whoever revokes it later knows.",
            "Qué lo usa, para que quien lo revoque más adelante lo sepa.";
        token_name_missing: "Enter a name for the token.", "Ingrese un nombre para el token.";
        creating: "Creating\u{2026}", "Creando\u{2026}";
        create_token: "Create token", "Crear token";
        cancel: "Cancel", "Cancelar";
        save: "Save", "Guardar";
        token_created(name: &str):
            format!("Token \u{201c}{name}\u{201d} was created."),
            format!("Se creó el token \u{201c}{name}\u{201d}.");
        create_failed: "Creating the token failed", "No se pudo crear el token";
        /// The heading over a new token's value, shown once.
        created_heading(name: &str):
            format!("Token \u{201c}{name}\u{201d}"),
            format!("Token \u{201c}{name}\u{201d} creado");
        copied: "I have copied it", "Ya lo copié";
        /// The shown-once dialog's heading when the new token arrived after the user left its project.
        created_in(token: &str, project: &str):
            format!("Token \u{201c}{token}\u{201d} of project \u{201c}{project}\u{201d}"),
            format!("Token \u{201c}{token}\u{201d} del proyecto \u{201c}{project}\u{201d}");

        block: "Block", "Bloquear";
        unblock: "Unblock", "Desbloquear";
        block_label(name: &str): format!("Block token {name}"), format!("Bloquear el token {name}");
        unblock_label(name: &str): format!("Unblock token {name}"), format!("Desbloquear el token {name}");
        blocked(name: &str):
            format!("Token \u{201c}{name}\u{201d} was blocked."),
            format!("Se bloqueó el token \u{201c}{name}\u{201d}.");
        unblocked(name: &str):
            format!("Token \u{201c}{name}\u{201d} was unblocked."),
            format!("Se desbloqueó el token \u{201c}{name}\u{201d}.");
        block_failed(name: &str):
            format!("Blocking \u{201c}{name}\u{201d} failed"),
            format!("No se pudo bloquear \u{201c}{name}\u{201d}");
        unblock_failed(name: &str):
            format!("Unblocking \u{201c}{name}\u{201d} failed"),
            format!("No se pudo desbloquear \u{201c}{name}\u{201d}");
        describe: "Describe", "Describir";
        /// The Describe button's accessible name: its visible word first (WCAG 2.5.3, label in name).
        describe_label(name: &str):
            format!("Describe token {name}"),
            format!("Describir el token {name}");
        description_saved(name: &str):
            format!("The description of \u{201c}{name}\u{201d} was saved."),
            format!("Se guardó la descripción de \u{201c}{name}\u{201d}.");
        description_save_failed(name: &str):
            format!("Saving the description of \u{201c}{name}\u{201d} failed"),
            format!("No se pudo guardar la descripción de \u{201c}{name}\u{201d}");

        revoke: "Revoke\u{2026}", "Revocar\u{2026}";
        revoke_label(name: &str): format!("Revoke token {name}"), format!("Revocar el token {name}");
        revoke_title(name: &str):
            format!("Revoke token \u{201c}{name}\u{201d}?"),
            format!("¿Revocar el token \u{201c}{name}\u{201d}?");
        revoke_confirm: "Revoke token", "Revocar token";
        revoke_explanation:
            "Every application and script that uses this token stops working at once. A revoked token cannot be unblocked.",
            "Todas las aplicaciones y scripts que usan este token dejan de funcionar de inmediato. Un token revocado no \
             se puede desbloquear.";
        revoke_used_here: "This tab uses this token for assistants and requests:",
            "Esta pestaña usa este token para asistentes y solicitudes:";
        revoke_used_here_rest: " those screens will stop working here too until you pick another token.",
            " esas pantallas también dejarán de funcionar aquí hasta que elija otro token.";
        revoked(name: &str):
            format!("Token \u{201c}{name}\u{201d} was revoked."),
            format!("Se revocó el token \u{201c}{name}\u{201d}.");
        revoke_failed(name: &str):
            format!("Revoking \u{201c}{name}\u{201d} failed"),
            format!("No se pudo revocar \u{201c}{name}\u{201d}");

        use_for: "Use for assistants and requests", "Usar para asistentes y solicitudes";
        /// The Use button's accessible name: `shown` (its visible words) first, then which token.
        use_label(shown: &str, name: &str):
            format!("{shown} (token {name})"),
            format!("{shown} (token {name})");
        only_active_usable: "Only an active token can be used", "Solo se puede usar un token activo";
        checking: "Checking\u{2026}", "Comprobando\u{2026}";
        in_use: "In use in this tab", "En uso en esta pestaña";
        /// After switching this tab's project token: which, of what project, and how many assistants it sees.
        now_used(token: &str, project: &str, assistants: usize):
            format!(
                "This tab now uses token \u{201c}{token}\u{201d} of {project} for assistants and requests ({} assistant{} found).",
                count(assistants),
                if assistants == 1 { "" } else { "s" }
            ),
            format!(
                "Esta pestaña ahora usa el token \u{201c}{token}\u{201d} de {project} para asistentes y solicitudes ({}).",
                if assistants == 1 {
                    "se encontró 1 asistente".to_string()
                } else {
                    format!("se encontraron {} asistentes", count(assistants))
                }
            );
        cannot_use(name: &str):
            format!("Token \u{201c}{name}\u{201d} cannot be used"),
            format!("No se puede usar el token \u{201c}{name}\u{201d}");
    }
}
