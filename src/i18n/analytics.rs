//! The texts of the analytics screen (`/analytics`): the range, the headline figures, the panels.

texts! {
    Analytics {
        title: "Analytics", "Analítica";
        lead: "What it costs, who and what drives it, and whether it fails, for the organization or one project.",
            "Cuánto cuesta, quién y qué lo impulsa, y si falla, para la organización o un proyecto.";
        scope: "For", "Para";
        whole_organization: "The whole organization", "Toda la organización";
        range: "Range", "Rango";
        last_7: "Last 7 days", "Últimos 7 días";
        last_30: "Last 30 days", "Últimos 30 días";
        this_month: "This month", "Este mes";
        last_month: "Last month", "El mes pasado";
        custom: "Custom", "Personalizado";
        from: "From", "Desde";
        to: "To", "Hasta";
        bad_range: "Pick a start day on or before the end day.", "Elija un día de inicio igual o anterior al día final.";
        not_a_day: "Enter a day as YYYY-MM-DD.", "Escriba un día como AAAA-MM-DD.";
        refresh: "Refresh", "Actualizar";
        lab_totals: "Lab activity in the range", "Actividad del laboratorio en el rango";
        column_kind: "What", "Qué";
        lab_kind_agents: "Agents", "Agentes";
        lab_kind_flows: "Flows", "Flujos";
        lab_kind_processes: "Processes", "Procesos";
        lab_kind_projects: "Projects", "Proyectos";
        /// The range shown: `2026-11-01 to 2026-11-30, against 2026-10-02 to 2026-10-31`.
        range_shown(start: &str, end: &str, before_start: &str, before_end: &str):
            format!("{start} to {end}, compared with {before_start} to {before_end}"),
            format!("{start} a {end}, comparado con {before_start} a {before_end}");
        assistant: "Assistant (for the requests per day)", "Asistente (para las solicitudes por día)";
        headline: "At a glance", "De un vistazo";
        requests: "Requests", "Solicitudes";
        failed: "Failed requests", "Solicitudes fallidas";
        error_rate: "Error rate", "Tasa de error";
        cost: "Cost (USD)", "Costo (USD)";
        tokens_in: "Tokens in", "Tokens de entrada";
        tokens_out: "Tokens out", "Tokens de salida";
        average_time: "Average request time", "Tiempo medio por solicitud";
        active_users: "Active users", "Usuarios activos";
        active_agents: "Active agents", "Agentes activos";
        active_projects: "Active projects", "Proyectos activos";
        /// The change against the previous period.
        change(percent: &str): format!("{percent} against the previous period"), format!("{percent} respecto del período anterior");
        no_change: "same as the previous period", "igual que el período anterior";
        new_this_period: "none in the previous period", "ninguno en el período anterior";
        loading: "Loading\u{2026}", "Cargando\u{2026}";
        show_numbers: "Show the numbers", "Mostrar los números";
        download_csv(panel: &str): format!("Download {panel} as CSV"), format!("Descargar {panel} como CSV");
        downloaded(file: &str): format!("Saved {file}."), format!("Se guardó {file}.");
        download_failed: "The file could not be made.", "No se pudo crear el archivo.";
        nothing: "Nothing in this range.", "Nada en este rango.";
        requests_per_day: "Requests per day", "Solicitudes por día";
        cost_per_day: "Cost per day", "Costo por día";
        tokens_per_day: "Tokens per day", "Tokens por día";
        top_agents_requests: "Top agents by requests", "Agentes principales por solicitudes";
        top_agents_tokens: "Top agents by tokens", "Agentes principales por tokens";
        top_users_cost: "Top users by cost", "Usuarios principales por costo";
        top_users_requests: "Top users by requests", "Usuarios principales por solicitudes";
        tokens_per_agent: "Tokens per agent and model", "Tokens por agente y modelo";
        usage_per_user: "Usage per user", "Uso por usuario";
        lab_agents: "Agents created and modified per day", "Agentes creados y modificados por día";
        lab_flows: "Flows created and modified per day", "Flujos creados y modificados por día";
        column_day: "Day", "Día";
        column_requests: "Requests", "Solicitudes";
        column_failed: "Failed", "Fallidas";
        column_cost: "Cost (USD)", "Costo (USD)";
        column_in: "Tokens in", "Tokens de entrada";
        column_out: "Tokens out", "Tokens de salida";
        column_tokens: "Tokens", "Tokens";
        column_agent: "Agent", "Agente";
        column_model: "Model", "Modelo";
        column_user: "User", "Usuario";
        column_created: "Created", "Creados";
        column_modified: "Modified", "Modificados";
        link_from_project: "Analytics of this project", "Analítica de este proyecto";
        needs_token: "Analytics need a token: connect with an organization or a project token.",
            "La analítica necesita un token: conéctese con un token de organización o de proyecto.";
    }
}
