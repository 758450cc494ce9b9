//! The texts of the request log (`/requests`): filters and pager, table, one request's panel, charts and the
//! download of everything that matches. The downloaded file's column names are a file format, not texts.

use super::formats::{amount, count_u64 as number};
use super::plural;

texts! {
    Requests {
        title: "Requests", "Solicitudes";
        loading: "Loading\u{2026}", "Cargando\u{2026}";
        loading_requests: "Loading requests\u{2026}", "Cargando solicitudes\u{2026}";
        no_match: "No requests match.", "Ninguna solicitud coincide.";

        // Filters and pager.
        filter_requests: "Filter requests", "Filtrar solicitudes";
        assistant: "Assistant", "Asistente";
        all_assistants: "All assistants", "Todos los asistentes";
        apply: "Apply", "Aplicar";
        status: "Status", "Estado";
        status_all: "All", "Todos";
        status_succeeded: "Succeeded", "Correcto";
        status_failed: "Failed", "Fallido";
        status_pending: "Pending", "Pendiente";
        rows_per_page: "Rows per page", "Filas por página";
        pages_above: "Pages (above the table)", "Páginas (encima de la tabla)";
        pages_below: "Pages (below the table)", "Páginas (debajo de la tabla)";
        previous: "\u{2190} Previous", "\u{2190} Anterior";
        next: "Next \u{2192}", "Siguiente \u{2192}";
        no_rows: "No rows", "Sin filas";
        no_rows_on_page: "No rows on this page", "No hay filas en esta página";
        /// The pager's summary, `Rows 101–200 (last page)`.
        rows_range(first: u64, until: u64, last: bool):
            format!("Rows {}\u{2013}{}{}", number(first), number(until), if last { " (last page)" } else { "" }),
            format!("Filas {}\u{2013}{}{}", number(first), number(until), if last { " (última página)" } else { "" });

        // The table.
        table_caption: "Requests, newest first", "Solicitudes, las más recientes primero";
        time_utc: "Time (UTC)", "Hora (UTC)";
        intent: "Intent", "Intención";
        input: "Input", "Entrada";
        prompt: "Prompt", "Instrucción";
        output: "Output", "Salida";
        elapsed: "Elapsed", "Duración";
        cost: "Cost", "Costo";
        module: "Module", "Módulo";
        no_time: "(no time)", "(sin hora)";
        /// A request's status badge when the server sent none.
        unknown_status: "unknown", "desconocido";
        /// A cost as sent, with all its decimals (grouping would round them away); a decimal comma in Spanish.
        cost_value(cost: f64): cost.to_string(), cost.to_string().replace('.', ",");

        // One request's panel.
        /// `Request 12 · Helpdesk`.
        panel_title(position: u64, assistant: &str):
            format!("Request {} \u{00b7} {assistant}", number(position)),
            format!("Solicitud {} \u{00b7} {assistant}", number(position));
        no_assistant: "no assistant", "sin asistente";
        started: "Started", "Inicio";
        ended: "Ended", "Fin";
        session: "Session", "Sesión";
        api_token: "API token", "Token de API";
        feedback: "Feedback", "Comentarios";
        sources_consulted: "Sources consulted", "Fuentes consultadas";
        close: "Close", "Cerrar";
        /// A text the request does not have (input, prompt, output).
        no_text: "(none)", "(ninguno)";

        // Charts.
        /// The charts' name for requests without an assistant.
        no_assistant_name: "(none)", "(ninguno)";
        chart: "Chart", "Gráfico";
        chart_page_rows: "The rows on this page", "Las filas de esta página";
        chart_downloaded_rows: "The rows downloaded", "Las filas descargadas";
        at_a_glance: "At a glance", "De un vistazo";
        show_numbers: "Show the numbers", "Mostrar los números";
        per_day: "Requests per day, by status", "Solicitudes por día, por estado";
        day: "Day", "Día";
        total: "Total", "Todas";
        chart_succeeded: "Succeeded", "Correctas";
        chart_failed: "Failed", "Fallidas";
        chart_pending: "Pending", "Pendientes";
        chart_other: "Other", "Otras";
        top_by_requests: "Top assistants by requests", "Asistentes con más solicitudes";
        top_by_failures: "Top assistants by failures", "Asistentes con más fallas";
        requests_unit: "Requests", "Solicitudes";
        failures_unit: "Failures", "Fallas";
        chart_none: "None.", "Ninguno.";
        /// What the charts count: `1,000 rows on this page, from 2025-11-19 to 2025-11-20 (UTC).`
        chart_range(rows: u64, downloaded: bool, first: &str, last: &str):
            format!(
                "{} rows {}, from {first} to {last} (UTC).",
                number(rows),
                if downloaded { "downloaded" } else { "on this page" }
            ),
            format!(
                "{} {}, del {first} al {last} (UTC).",
                number(rows),
                match (downloaded, rows == 1) {
                    (true, true) => "fila descargada",
                    (true, false) => "filas descargadas",
                    (false, true) => "fila en esta página",
                    (false, false) => "filas en esta página",
                }
            );
        chart_empty(downloaded: bool):
            format!("No rows {} to chart.", if downloaded { "downloaded" } else { "on this page" }),
            format!("No hay filas {} para graficar.", if downloaded { "descargadas" } else { "en esta página" });
        /// A count in the charts' tables: as is in English (what the browser tests compare), grouped in Spanish.
        chart_number(n: u64): n.to_string(), number(n);

        // Downloading everything that matches.
        download_action: "Download this view as CSV", "Descargar esta vista como CSV";
        download_keywords: "export requests file", "exportar solicitudes archivo descargar export";
        download_heading: "Download everything that matches", "Descargar todo lo que coincide";
        download_hint: "Every row of the filters above, fetched page after page; no cap on the number of rows.",
            "Todas las filas de los filtros de arriba, obtenidas página tras página; sin límite de filas.";
        format: "Format", "Formato";
        format_csv: "CSV", "CSV";
        /// The format's own name.
        format_json_lines: "JSON Lines", "JSON Lines";
        download: "Download", "Descargar";
        cancel: "Cancel", "Cancelar";
        resume: "Resume", "Reanudar";
        download_in_progress: "Download in progress", "Descarga en curso";
        running(rows: u64, per_second: f64):
            format!("{} {} so far, {} rows per second", number(rows), plural(rows, "row", "rows"), amount(per_second)),
            format!(
                "{} {} hasta ahora, {} filas por segundo",
                number(rows),
                plural(rows, "fila", "filas"),
                amount(per_second)
            );
        retrying(rows: u64, error: &str, attempt: usize):
            format!(
                "{} {} so far. A page failed ({error}); trying again, attempt {attempt}.",
                number(rows),
                plural(rows, "row", "rows")
            ),
            format!(
                "{} {} hasta ahora. Falló una página ({error}); reintentando, intento {attempt}.",
                number(rows),
                plural(rows, "fila", "filas")
            );
        /// `next` is the first row not yet fetched.
        stopped(rows: u64, error: &str, next: u64):
            format!(
                "Stopped after {} {}: {error} Resume goes on from row {}.",
                number(rows),
                plural(rows, "row", "rows"),
                number(next)
            ),
            format!(
                "Detenida tras {} {}: {error} Reanudar continúa desde la fila {}.",
                number(rows),
                plural(rows, "fila", "filas"),
                number(next)
            );
        cancelled: "Cancelled; nothing was saved.", "Cancelada; no se guardó nada.";
        saved(rows: u64):
            format!("Saved {} {}.", number(rows), plural(rows, "row", "rows")),
            format!("{} {} {}.", plural(rows, "Se guardó", "Se guardaron"), number(rows), plural(rows, "fila", "filas"));
        browser_refused(problem: &str):
            format!("the browser refused the file: {problem}"),
            format!("el navegador rechazó el archivo: {problem}");
    }
}

#[cfg(test)]
mod tests {
    use super::{EN, ES};

    #[test]
    fn counts_agree_with_their_nouns_in_both_languages() {
        assert_eq!(EN.saved(2500), "Saved 2,500 rows.");
        assert_eq!(EN.saved(1), "Saved 1 row.");
        assert!(EN.running(1, 0.5).starts_with("1 row so far"), "{}", EN.running(1, 0.5));
        assert!(EN.stopped(1, "x.", 2).starts_with("Stopped after 1 row:"), "{}", EN.stopped(1, "x.", 2));
        assert_eq!(EN.saved(5_000_000_000), "Saved 5,000,000,000 rows.", "past u32, grouped");
        assert_eq!(ES.saved(1), "Se guardó 1 fila.");
        assert_eq!(ES.saved(2), "Se guardaron 2 filas.");
        assert_eq!(EN.chart_range(50, false, "a", "b"), "50 rows on this page, from a to b (UTC).");
        assert_eq!(ES.chart_range(1, true, "a", "b"), "1 fila descargada, del a al b (UTC).");
        assert_eq!(EN.rows_range(101, 143, true), "Rows 101\u{2013}143 (last page)");
        assert_eq!(EN.chart_number(1000), "1000", "the browser tests compare the charts' tables with plain numbers");
    }
}
