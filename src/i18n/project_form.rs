//! The texts of the project forms (create, edit, the token prompt after a 401, the created screen), of the
//! usage-limits screen and of the usage-limit component (see `texts!`).

texts! {
    ProjectForm {
        // The create screen and the created panel.
        new_project: "New project", "Nuevo proyecto";
        create_button: "Create project", "Crear proyecto";
        creating: "Creating\u{2026}", "Creando\u{2026}";
        created(name: &str):
            format!("Project \u{201c}{name}\u{201d} was created."),
            format!("Se creó el proyecto \u{201c}{name}\u{201d}.");
        create_failed: "Creating the project failed", "No se pudo crear el proyecto";
        create_if_unsure:
            "The project may have been created anyway: look for it in the projects list before saving again.",
            "Es posible que el proyecto se haya creado de todos modos: búsquelo en la lista de proyectos antes de guardar de nuevo.";
        created_heading(name: &str):
            format!("Project \u{201c}{name}\u{201d} was created"),
            format!("Se creó el proyecto \u{201c}{name}\u{201d}");
        save_file_failed: "Saving the file failed", "No se pudo guardar el archivo";
        download_refused(problem: &str):
            format!("the browser refused the download: {problem}"),
            format!("el navegador rechazó la descarga: {problem}");
        download_env: "Download all as .env", "Descargar todo como .env";
        continue_to_project: "Continue to the project", "Continuar al proyecto";

        // The edit screen, and what both screens share.
        edit_project: "Edit project", "Editar proyecto";
        edit_heading(name: &str): format!("Edit \u{201c}{name}\u{201d}"), format!("Editar \u{201c}{name}\u{201d}");
        saved(name: &str):
            format!("Project \u{201c}{name}\u{201d} was saved."),
            format!("Se guardó el proyecto \u{201c}{name}\u{201d}.");
        save_failed: "Saving the project failed", "No se pudo guardar el proyecto";
        save_if_unsure:
            "The change may have been saved anyway; your input is kept, so saving again is safe.",
            "Es posible que el cambio se haya guardado de todos modos; lo que ingresó se conserva, así que puede guardar de nuevo sin riesgo.";
        unsaved_changes: "Unsaved changes", "Cambios sin guardar";
        save: "Save", "Guardar";
        saving: "Saving\u{2026}", "Guardando\u{2026}";
        cancel: "Cancel", "Cancelar";

        // The fields.
        name: "Name", "Nombre";
        description: "Description", "Descripción";
        administrator_email: "Administrator e-mail", "Correo electrónico del administrador";
        administrator_email_hint: "Optional: the person who administers the project.",
            "Opcional: la persona que administra el proyecto.";
        active: "Active (unchecked: hidden)", "Activo (sin marcar: oculto)";
        usage_limit: "Usage limit", "Límite de uso";
        set_usage_limit: "Set a usage limit", "Establecer un límite de uso";
        subscription_type: "Subscription type", "Tipo de suscripción";
        unit: "Unit", "Unidad";
        soft_limit: "Soft limit", "Límite de aviso";
        soft_limit_hint: "A warning when reached.", "Un aviso al alcanzarlo.";
        hard_limit: "Hard limit", "Límite máximo";
        hard_limit_hint: "Requests are refused when reached; at least the soft limit.",
            "Las solicitudes se rechazan al alcanzarlo; al menos el límite de aviso.";
        renewal: "Renewal", "Renovación";

        // The checks made before sending.
        name_missing: "Enter a name for the project.", "Ingrese un nombre para el proyecto.";
        email_invalid: "Enter an e-mail address such as ana@example.com, or leave it empty.",
            "Ingrese una dirección de correo electrónico como ana@example.com, o déjela vacía.";
        hard_below_soft(soft: &str):
            format!("The hard limit must be at least the soft limit ({soft})."),
            format!("El límite máximo debe ser al menos el límite de aviso ({soft}).");
        number_missing: "Enter a number.", "Ingrese un número.";
        whole_number: "Requests are counted whole: enter a whole number.",
            "Las solicitudes se cuentan enteras: ingrese un número entero.";
        not_positive: "Enter a number greater than zero.", "Ingrese un número mayor que cero.";
        /// Spanish takes a decimal comma (and a point), so its message names the comma.
        not_a_number(text: &str):
            format!("\u{201c}{text}\u{201d} is not a number: use digits and a decimal point."),
            format!("\u{201c}{text}\u{201d} no es un número: use dígitos y una coma decimal.");

        // The platform's limit terms, as the selects and the limit's facts name them.
        term_monthly: "Monthly", "Mensual";
        term_weekly: "Weekly", "Semanal";
        term_daily: "Daily", "Diaria";
        term_freemium: "Freemium", "Freemium (prueba gratuita)";
        term_requests: "Requests", "Solicitudes";
        term_cost: "Cost", "Costo";
        term_renewable: "Renewable", "Renovable";
        term_not_renewable: "Not renewable", "No renovable";


        // The usage-limits screen.
        limits_loading: "Loading limits\u{2026}", "Cargando límites\u{2026}";
        limits_change: "Change limit", "Cambiar límite";
        limits_none: "No limit is in force.", "No hay ningún límite vigente.";
        /// The button that opens the new-limit form, and the form's name.
        limits_set_new: "Set a new limit", "Establecer un nuevo límite";
        limits_replaces: "A new limit replaces the one in force.", "Un nuevo límite reemplaza al vigente.";
        limits_history(count: usize):
            format!("History ({} limit{})", super::formats::count(count), if count == 1 { "" } else { "s" }),
            format!("Historial ({} límite{})", super::formats::count(count), if count == 1 { "" } else { "s" });
        limits_caption: "Limits, newest first", "Límites, del más reciente al más antiguo";
        limits_column_soft: "Soft", "Aviso";
        limits_column_hard: "Hard", "Máximo";
        limits_column_used: "Used", "Usado";
        /// The history shows the platform's own word for it in English.
        limits_history_non_renewable: "NonRenewable", "No renovable";
        limits_deleted: "The limit was deleted.", "Se eliminó el límite.";
        limits_delete_failed: "Deleting the limit failed", "No se pudo eliminar el límite";
        limits_delete_button: "Delete limit\u{2026}", "Eliminar límite\u{2026}";
        limits_delete_title: "Delete the limit in force?", "¿Eliminar el límite vigente?";
        limits_delete_confirm: "Delete limit", "Eliminar límite";
        limits_delete_warning:
            "Without a limit nothing caps the spending or the requests: the platform refuses nothing for this reason.",
            "Sin un límite, nada pone tope al gasto ni a las solicitudes: la plataforma no rechaza nada por este motivo.";
        limits_new_set: "The new limit was set.", "Se estableció el nuevo límite.";
        limits_set_failed: "Setting the limit failed", "No se pudo establecer el límite";
        limits_set_button: "Set limit", "Establecer límite";
        limits_setting: "Setting\u{2026}", "Estableciendo\u{2026}";
        limits_nothing_changed: "Nothing changed.", "No cambió nada.";
        /// `field` is the API's name of the term (`hardLimit`), which the English text shows as it is.
        limits_change_failed(field: &str):
            format!("Changing the {field} failed"),
            format!("No se pudo cambiar {}", spanish_limit_field(field));
        limits_change_failed_any: "Changing the limit failed", "No se pudo cambiar el límite";
        limits_changed: "The limit was changed.", "Se cambió el límite.";
        limits_change_form: "Change the active limit", "Cambiar el límite activo";
        limits_save_changes: "Save changes", "Guardar cambios";
        limits_hard_hint: "At least the soft limit.", "Al menos el límite de aviso.";

        // The usage-limit component: the limit's statuses, its bar and its facts.
        status_active: "Active", "Activo";
        status_expired: "Expired", "Vencido";
        status_empty: "Empty (hard limit reached)", "Agotado (límite máximo alcanzado)";
        status_cancelled: "Cancelled", "Cancelado";
        status_other(status: i64): format!("Status {status}"), format!("Estado {status}");
        status_unknown: "Unknown", "Desconocido";
        status: "Status", "Estado";
        subscription: "Subscription", "Suscripción";
        valid_from: "Valid from", "Válido desde";
        valid_until: "Valid until", "Válido hasta";
        /// The unit when the limit names none.
        units: "units", "unidades";
        /// What the meter tells a screen reader.
        usage_value_text(used: &str, hard: &str, unit: &str, soft: &str):
            format!("{used} of {hard} {unit} used; soft limit {soft}"),
            format!("{used} de {hard} usados ({}); límite de aviso {soft}", unit.to_lowercase());
        /// The soft limit in `usage_value_text` when there is none.
        no_soft_limit: "none", "ninguno";
        /// After the amount used, in bold.
        usage_of(hard: &str, unit: &str):
            format!(" of {hard} {unit} used"),
            format!(" de {hard} usados ({})", unit.to_lowercase());
        usage_soft(soft: &str): format!(" \u{00b7} soft limit {soft}"), format!(" \u{00b7} límite de aviso {soft}");
        usage_remaining(left: &str): format!(" \u{00b7} {left} remaining"), format!(" \u{00b7} quedan {left}");
        under_soft: "Under the soft limit", "Por debajo del límite de aviso";
        soft_reached: "Soft limit reached", "Límite de aviso alcanzado";
        hard_reached: "Hard limit reached: requests are refused",
            "Límite máximo alcanzado: se rechazan las solicitudes";
    }
}

impl ProjectForm {
    /// A term of a limit as the platform writes it (`Monthly`, `Cost`, `NonRenewable`), named for people;
    /// `None` for a term this dashboard does not know, which is then shown as sent.
    pub fn term(&self, term: &str) -> Option<&'static str> {
        Some(match term {
            "Monthly" => self.term_monthly,
            "Weekly" => self.term_weekly,
            "Daily" => self.term_daily,
            "Freemium" => self.term_freemium,
            "Requests" => self.term_requests,
            "Cost" => self.term_cost,
            "Renewable" => self.term_renewable,
            "NonRenewable" => self.term_not_renewable,
            _ => return None,
        })
    }

    /// An optional term for people: its name, the platform's word for an unknown one, a dash for none.
    pub fn term_text(&self, term: Option<&str>) -> String {
        term.map_or_else(|| "\u{2014}".into(), |term| self.term(term).unwrap_or(term).into())
    }
}

/// The term a change of the active limit is about, named in Spanish with its article.
fn spanish_limit_field(field: &str) -> String {
    match field {
        "hardLimit" => "el límite máximo".into(),
        "softLimit" => "el límite de aviso".into(),
        "renewalStatus" => "la renovación".into(),
        other => other.into(),
    }
}
