//! The texts of the projects list: its heading, toolbar, table, count and empty states.

use super::formats::count;

texts! {
    Projects {
        title: "Projects", "Proyectos";
        new_project: "New project", "Nuevo proyecto";
        /// While a fetch replaces the list already shown.
        refreshing: "Refreshing\u{2026}", "Actualizando\u{2026}";
        loading: "Loading projects\u{2026}", "Cargando proyectos\u{2026}";
        search: "Search", "Buscar";
        search_placeholder: "Name, description or id", "Nombre, descripción o identificador";
        show_hidden: "Show hidden projects", "Mostrar proyectos ocultos";
        /// The count when every project the switch lets through is shown.
        all_shown(total: usize):
            format!("{} project{}", count(total), if total == 1 { "" } else { "s" }),
            format!("{} proyecto{}", count(total), if total == 1 { "" } else { "s" });
        /// The count while a search leaves some out.
        some_shown(shown: usize, total: usize):
            format!("{} of {} project{}", count(shown), count(total), if total == 1 { "" } else { "s" }),
            format!("{} de {} proyecto{}", count(shown), count(total), if total == 1 { "" } else { "s" });
        none_yet: "This organization has no projects yet.", "Esta organización todavía no tiene proyectos.";
        only_hidden(hidden: usize):
            format!(
                "No active projects. {} hidden project{} can be shown with the switch above.",
                count(hidden),
                if hidden == 1 { "" } else { "s" }
            ),
            if hidden == 1 {
                "No hay proyectos activos. 1 proyecto oculto puede mostrarse con el interruptor de arriba.".to_string()
            } else {
                format!(
                    "No hay proyectos activos. {} proyectos ocultos pueden mostrarse con el interruptor de arriba.",
                    count(hidden)
                )
            };
        no_match(search: &str):
            format!("No projects match \u{201c}{search}\u{201d}."),
            format!("Ningún proyecto coincide con \u{201c}{search}\u{201d}.");
        clear_search: "Clear search", "Borrar la búsqueda";
        caption: "Projects of the organization", "Proyectos de la organización";
        column_name: "Name", "Nombre";
        column_description: "Description", "Descripción";
        column_status: "Status", "Estado";
        column_id: "Id", "Identificador";
        hard_limit_reached: "Hard limit reached", "Límite máximo alcanzado";
        soft_limit_reached: "Soft limit reached", "Límite de aviso alcanzado";
    }
}

#[cfg(test)]
mod tests {
    use super::{EN, ES};

    #[test]
    fn counts_pluralize_in_both_languages() {
        assert_eq!(EN.all_shown(1), "1 project");
        assert_eq!(EN.some_shown(1, 6), "1 of 6 projects");
        assert_eq!(ES.all_shown(1), "1 proyecto");
        assert_eq!(ES.some_shown(2, 3), "2 de 3 proyectos");
        assert!(ES.only_hidden(1).contains("1 proyecto oculto puede"));
        assert!(ES.only_hidden(2).contains("2 proyectos ocultos pueden"));
        assert_eq!(crate::i18n::organization::ES.intents_summary(1, 3), "1 intención, 3 revisiones");
        assert_eq!(crate::i18n::organization::EN.intents_summary(2, 1), "2 intents, 1 revision");
    }
}
