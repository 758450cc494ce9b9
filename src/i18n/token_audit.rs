//! The texts of the token audit (`/tokens`): every project's tokens, their filters, the loader's progress and
//! the bulk actions.

use super::formats::count;
use super::plural;

/// English's plural `s`.
fn s(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

texts! {
    TokenAudit {
        title: "Tokens", "Tokens";
        lead: "Every API token of every project, to find blocked and old ones.",
            "Todos los tokens de API de todos los proyectos, para encontrar los bloqueados y los antiguos.";
        loading_projects: "Loading projects\u{2026}", "Cargando proyectos\u{2026}";

        // The loader's progress line.
        /// While loading: `Loading tokens: 3 of 8 projects, 1 failed`.
        loading_tokens(done: usize, all: usize, failed: usize):
            format!("Loading tokens: {} of {} projects{}", count(done), count(all), failed_suffix_en(failed)),
            format!(
                "Cargando tokens: {} de {} {}{}",
                count(done),
                count(all),
                plural(all, "proyecto", "proyectos"),
                failed_suffix_es(failed)
            );
        /// Once loaded: `Tokens of 8 projects, 1 failed`.
        tokens_of(all: usize, failed: usize):
            format!("Tokens of {} project{}{}", count(all), s(all), failed_suffix_en(failed)),
            format!("Tokens de {} {}{}", count(all), plural(all, "proyecto", "proyectos"), failed_suffix_es(failed));
        projects_loaded: "Projects loaded", "Proyectos cargados";
        shown(n: usize):
            format!("{} token{} shown", count(n), s(n)),
            format!("{} {} {}", count(n), plural(n, "token", "tokens"), plural(n, "mostrado", "mostrados"));

        // The table.
        table_caption: "API tokens of every project", "Tokens de API de todos los proyectos";
        select: "Select", "Seleccionar";
        project: "Project", "Proyecto";
        token: "Token", "Token";
        status: "Status", "Estado";
        created: "Created", "Creado";
        value: "Value", "Valor";
        select_token(name: &str, project: &str):
            format!("Select token {name} of {project}"),
            format!("Seleccionar el token {name} de {project}");
        /// Completes the masked value's button, `Reveal token ci of Helpdesk`.
        secret_label(name: &str, project: &str):
            format!("token {name} of {project}"),
            format!("token {name} de {project}");
        /// A project whose tokens could not be loaded; `error` explains why.
        load_failed(error: &str):
            format!("Its tokens could not be loaded. {error} "),
            format!("No se pudieron cargar sus tokens. {error} ");
        retry: "Retry", "Reintentar";
        retry_loading(project: &str):
            format!("Retry loading the tokens of {project}"),
            format!("Reintentar la carga de los tokens de {project}");

        // Filters.
        filter_tokens: "Filter tokens", "Filtrar tokens";
        all: "All", "Todos";
        active: "Active", "Activo";
        blocked: "Blocked", "Bloqueado";
        revoked: "Revoked", "Revocado";
        all_projects: "All projects", "Todos los proyectos";
        order: "Order", "Orden";
        by_project: "By project", "Por proyecto";
        oldest_first: "Oldest first", "Los más antiguos primero";
        newest_first: "Newest first", "Los más recientes primero";

        // Bulk actions.
        selected_tokens: "Selected tokens", "Tokens seleccionados";
        selected(n: usize):
            format!("{} selected", count(n)),
            format!("{} {}", count(n), plural(n, "seleccionado", "seleccionados"));
        block_selected: "Block selected", "Bloquear seleccionados";
        revoke_selected: "Revoke selected\u{2026}", "Revocar seleccionados\u{2026}";
        clear_selection: "Clear selection", "Quitar la selección";
        /// The confirmation's title, `Block 3 tokens?`.
        confirm_title(revoke: bool, n: usize):
            format!("{} {} token{}?", if revoke { "Revoke" } else { "Block" }, count(n), s(n)),
            format!(
                "\u{00bf}{} {} {}?",
                if revoke { "Revocar" } else { "Bloquear" },
                count(n),
                plural(n, "token", "tokens")
            );
        confirm: "Confirm", "Confirmar";
        /// A token in the confirmation and the results, `“ci” of Helpdesk`.
        token_of(name: &str, project: &str):
            format!("\u{201c}{name}\u{201d} of {project}"),
            format!("\u{201c}{name}\u{201d} de {project}");
        block_consequence: "Applications using them stop working until they are unblocked.",
            "Las aplicaciones que los usan dejan de funcionar hasta que se desbloqueen.";
        revoke_consequence: "Applications using them stop working for good: revoked tokens cannot be unblocked.",
            "Las aplicaciones que los usan dejan de funcionar definitivamente: los tokens revocados no se pueden desbloquear.";
        used_here: "One of them is the token this tab uses for assistants and requests.",
            "Uno de ellos es el token que esta pestaña usa para asistentes y solicitudes.";
        /// The results' heading, `2 of 3 done`.
        done_heading(done: usize, total: usize):
            format!("{} of {} done", count(done), count(total)),
            format!("{} de {} {}", count(done), count(total), plural(total, "procesado", "procesados"));
        tokens_done: "Tokens done", "Tokens procesados";
        result_done(label: &str): format!("\u{2713} {label}: done"), format!("\u{2713} {label}: listo");
        dismiss: "Dismiss", "Cerrar";
        /// The toast after the bulk action, `2 of 3 tokens blocked.`
        summary(ok: usize, total: usize, revoke: bool):
            format!("{} of {} tokens {}.", count(ok), count(total), if revoke { "revoked" } else { "blocked" }),
            format!(
                "{} de {} {} {}.",
                count(ok),
                count(total),
                plural(total, "token", "tokens"),
                match (revoke, total == 1) {
                    (true, true) => "revocado",
                    (true, false) => "revocados",
                    (false, true) => "bloqueado",
                    (false, false) => "bloqueados",
                }
            );
        /// The summary when some failed.
        summary_with_failures(summary: &str, failures: usize):
            format!("{summary} {} failed: the results above the table say why.", count(failures)),
            format!(
                "{summary} {} {}: los resultados sobre la tabla indican por qué.",
                count(failures),
                plural(failures, "falló", "fallaron")
            );
    }
}

fn failed_suffix_en(failed: usize) -> String {
    if failed > 0 {
        format!(", {} failed", count(failed))
    } else {
        String::new()
    }
}

fn failed_suffix_es(failed: usize) -> String {
    if failed > 0 {
        format!(", {} con error", count(failed))
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::{EN, ES};

    #[test]
    fn counts_agree_with_their_nouns_in_both_languages() {
        assert_eq!(EN.tokens_of(8, 1), "Tokens of 8 projects, 1 failed");
        assert_eq!(EN.tokens_of(1, 0), "Tokens of 1 project");
        assert_eq!(ES.tokens_of(1, 0), "Tokens de 1 proyecto");
        assert_eq!(EN.summary(2, 3, false), "2 of 3 tokens blocked.");
        assert_eq!(ES.summary(1, 1, true), "1 de 1 token revocado.");
        assert_eq!(ES.confirm_title(false, 3), "\u{00bf}Bloquear 3 tokens?");
        assert_eq!(ES.summary_with_failures("x", 1), "x 1 falló: los resultados sobre la tabla indican por qué.");
    }
}
