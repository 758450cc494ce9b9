//! The texts of the Arcee workspace, one sub-area per screen (`t().arcee().keys.title`): account, API keys,
//! organizations and invitations, contexts (CSV upload and retriever status), retrieval and feedback. Per
//! screen because one `texts!` of them all is deeper than the compiler's macro recursion limit. Counts in
//! Spanish are grouped (`formats::count`); the English texts keep the plain numbers they always showed.

use super::plural;

/// The Arcee workspace's texts, by screen.
pub struct Arcee {
    pub workspace: workspace::Workspace,
    pub keys: keys::Keys,
    pub organization: organization::Organization,
    pub contexts: contexts::Contexts,
    pub models: models::Models,
    pub retrieval: retrieval::Retrieval,
    pub feedback: feedback::Feedback,
}

/// The English texts.
pub const EN: Arcee = Arcee {
    workspace: workspace::EN,
    keys: keys::EN,
    organization: organization::EN,
    contexts: contexts::EN,
    models: models::EN,
    retrieval: retrieval::EN,
    feedback: feedback::EN,
};

/// The Spanish texts.
pub const ES: Arcee = Arcee {
    workspace: workspace::ES,
    keys: keys::ES,
    organization: organization::ES,
    contexts: contexts::ES,
    models: models::ES,
    retrieval: retrieval::ES,
    feedback: feedback::ES,
};

/// The frame of every screen (when no installation is connected) and `/arcee`, the account.
pub mod workspace {
    texts! {
        Workspace {
            not_connected: "No Arcee installation is connected in this tab.",
                "No hay ninguna instalación de Arcee conectada en esta pestaña.";
            connect: "Connect Arcee", "Conectar Arcee";

            title: "Arcee account", "Cuenta de Arcee";
            asking_who: "Asking who you are\u{2026}", "Consultando quién es usted\u{2026}";
            signed_in_as: "Signed in as", "Sesión iniciada como";
            organization: "Organization", "Organización";
            no_organization: "none", "ninguna";
            connection: "Connection", "Conexión";
            base_url: "Base URL", "URL base";
            api_key: "API key", "Clave de API";
            acting_in: "Acting in", "Actúa en";
            default_organization: "your default organization", "su organización predeterminada";
            change_connection: "Change the connection", "Cambiar la conexión";
        }
    }
}

/// `/arcee/keys`.
pub mod keys {
    use crate::i18n::formats::count;

    texts! {
        Keys {
            title: "API keys", "Claves de API";
            your_keys: "Your keys", "Sus claves";
            loading_keys: "Loading keys\u{2026}", "Cargando claves\u{2026}";
            no_keys: "No keys.", "No hay claves.";
            choose_expiry: "Choose an expiry date.", "Elija una fecha de vencimiento.";
            expiry_format: "Enter a date as YYYY-MM-DD.", "Ingrese una fecha con el formato AAAA-MM-DD.";
            expiry_past: "The expiry must be a future date: a key that expires today or earlier would not work.",
                "El vencimiento debe ser una fecha futura: una clave que vence hoy o antes no funcionaría.";
            /// `latest` is the last date allowed, `YYYY-MM-DD`.
            expiry_too_far(days: i64, latest: &str):
                format!("The expiry may be at most {days} days ahead ({latest})."),
                format!("El vencimiento puede ser, como máximo, dentro de {} días ({latest}).", count(days as usize));
            key_created(expiry: &str): format!("A key expiring on {expiry} was created."),
                format!("Se creó una clave que vence el {expiry}.");
            creating_key_failed: "Creating the key failed", "No se pudo crear la clave";
            new_key: "New key", "Nueva clave";
            expires_on: "Expires on", "Vence el";
            expiry_hint(today: &str, days: i64):
                format!("After today ({today}, in UTC as Arcee counts), at most {days} days ahead."),
                format!("Posterior a hoy ({today}, en UTC, como cuenta Arcee), como máximo dentro de {} días.", count(days as usize));
            creating: "Creating\u{2026}", "Creando\u{2026}";
            create_key: "Create key", "Crear clave";
            /// The new key's name where it is shown once (and in its Copy button's name).
            new_key_label(expiry: &str): format!("key expiring {expiry}"), format!("clave que vence el {expiry}");
            your_new_key: "Your new key", "Su nueva clave";
            copied_it: "I have copied it", "Ya la copié";
            key_deleted(key: &str): format!("Key {key} was deleted."), format!("Se eliminó la clave {key}.");
            deleting_key_failed: "Deleting the key failed", "No se pudo eliminar la clave";
            delete_key_title(key: &str): format!("Delete key {key}?"), format!("¿Eliminar la clave {key}?");
            own_key_warning: "This is the key this tab is connected with: after deleting it, connect again with another key.",
                "Esta es la clave con la que está conectada esta pestaña: después de eliminarla, vuelva a conectarse con otra clave.";
            delete_key_named(key: &str): format!("Delete key {key}"), format!("Eliminar la clave {key}");
            this_tab: " this tab", " esta pestaña";
            never: "never", "nunca";
            expired: "Expired", "Vencida";
            active: "Active", "Activa";
            delete: "Delete", "Eliminar";
            keys_caption: "Your API keys, newest first, masked", "Sus claves de API, las más recientes primero, enmascaradas";
            column_key: "Key", "Clave";
            column_id: "Id", "Identificador";
            column_created: "Created", "Creada";
            column_expires: "Expires", "Vence";
            column_status: "Status", "Estado";
            column_actions: "Actions", "Acciones";
            delete_key: "Delete key", "Eliminar clave";
            delete_key_consequence: "Programs that use this key stop working at once. This cannot be undone.",
                "Los programas que usan esta clave dejan de funcionar de inmediato. Esto no se puede deshacer.";
        }
    }
}

/// `/arcee/organization`: a new organization, and invitations.
pub mod organization {
    use super::plural;
    use crate::i18n::formats::count;

    texts! {
        Organization {
            title: "Organizations", "Organizaciones";
            enter_organization_name: "Enter the organization's name.", "Ingrese el nombre de la organización.";
            organization_created(name: &str): format!("The organization \u{201c}{name}\u{201d} was created."),
                format!("Se creó la organización \u{201c}{name}\u{201d}.");
            creating_organization_failed: "Creating the organization failed", "No se pudo crear la organización";
            new_organization: "New organization", "Nueva organización";
            name: "Name", "Nombre";
            name_hint: "Its address (slug) is made from the name: \u{201c}Acme Research\u{201d} becomes acme-research.",
                "Su dirección (slug) se forma a partir del nombre: \u{201c}Acme Research\u{201d} se convierte en acme-research.";
            kind: "Type", "Tipo";
            creating: "Creating\u{2026}", "Creando\u{2026}";
            create_organization: "Create organization", "Crear organización";
            /// "Created <name>, slug <slug>, <type>." around the server's values.
            created_before_name: "Created ", "Se creó ";
            created_before_slug: ", slug ", ", con el slug ";
            enter_organization_slug: "Enter the organization's slug.", "Ingrese el slug de la organización.";
            add_an_address: "Add at least one address.", "Agregue al menos una dirección.";
            too_many_invitees(most: usize, over: usize):
                format!("At most {most} people at once: remove {over} address{}, or invite them next time.",
                    if over == 1 { "" } else { "es" }),
                format!("Como máximo {} personas a la vez: quite {} {}, o invítelas la próxima vez.",
                    count(most), count(over), plural(over, "dirección", "direcciones"));
            invited(n: usize, slug: &str):
                format!("Invited {n} {} to {slug}.", if n == 1 { "person" } else { "people" }),
                format!("Se invitó a {} {} a {slug}.", count(n), plural(n, "persona", "personas"));
            invitation_failed: "The invitation failed", "La invitación falló";
            some_refused: "Some addresses were refused: see each one. Nobody was invited yet.",
                "Se rechazaron algunas direcciones: vea cada una. Todavía no se invitó a nadie.";
            invite_people: "Invite people", "Invitar personas";
            organization_slug: "Organization (slug)", "Organización (slug)";
            addresses_legend(most: usize): format!("E-mail addresses (at most {most})"),
                format!("Direcciones de correo electrónico (como máximo {})", count(most));
            addresses_hint: "Paste several addresses into one field to get one row each.",
                "Pegue varias direcciones en un campo para obtener una fila por cada una.";
            filled(filled: usize, most: usize): format!("{filled} of {most}"),
                format!("{} de {}", count(filled), count(most));
            add_address: "Add address", "Agregar dirección";
            inviting: "Inviting\u{2026}", "Invitando\u{2026}";
            send_invitations: "Send invitations", "Enviar invitaciones";
            address(position: usize): format!("Address {position}"), format!("Dirección {position}");
            remove_address(position: usize): format!("Remove address {position}"), format!("Quitar la dirección {position}");
            remove: "Remove", "Quitar";
        }
    }
}

/// `/arcee/contexts`: the CSV upload (with its header check) and a retriever's status.
pub mod contexts {
    use crate::i18n::formats::count;

    texts! {
        Contexts {
            title: "Contexts", "Contextos";
            uploading: "Uploading\u{2026}", "Subiendo\u{2026}";
            processing(context: &str): format!("Uploaded. The retriever for {context} is processing the file\u{2026}"),
                format!("Se subió. El recuperador de {context} está procesando el archivo\u{2026}");
            ready_with_id(context: &str, id: &str): format!("Ready: {context} ({id}) can be queried now."),
                format!("Listo: ya se puede consultar {context} ({id}).");
            ready(context: &str): format!("Ready: {context} can be queried now."),
                format!("Listo: ya se puede consultar {context}.");
            still_processing(context: &str, seconds: u32):
                format!("Uploaded, but {context} is still processing after {seconds} seconds: check its status below later."),
                format!("Se subió, pero {context} sigue procesándose después de {} segundos: consulte su estado abajo \
                         más tarde.", count(seconds as usize));
            bad_context_name: "Use 1 to 64 letters, digits, - or _ (no spaces).",
                "Use de 1 a 64 letras, dígitos, - o _ (sin espacios).";
            file_too_large(mebibytes: f64): format!("The file is {mebibytes:.1} MiB; Arcee takes at most 10 MiB."),
                format!("El archivo tiene {} MiB; Arcee acepta como máximo 10 MiB.", format!("{mebibytes:.1}").replace('.', ","));
            choose_csv: "Choose a CSV file.", "Elija un archivo CSV.";
            still_reading: "The file is still being read; try again in a moment.",
                "El archivo todavía se está leyendo; vuelva a intentarlo en un momento.";
            upload_heading: "Upload a CSV", "Subir un CSV";
            upload_hint: "Columns doc,title, or answer,doc,question,title, in any order. The file replaces the context's rows; \
                     a new name makes a new context.",
                "Columnas doc,title, o answer,doc,question,title, en cualquier orden. El archivo reemplaza las filas del \
                 contexto; un nombre nuevo crea un contexto nuevo.";
            context_name: "Context name", "Nombre del contexto";
            context_name_hint: "Letters, digits, - and _, e.g. support-docs.", "Letras, dígitos, - y _, p. ej., support-docs.";
            csv_file: "CSV file", "Archivo CSV";
            required: " (required)", " (obligatorio)";
            columns_found(columns: &str): format!("Columns: {columns}"), format!("Columnas: {columns}");
            upload: "Upload", "Subir";
            uploaded(context: &str): format!("Context {context} was uploaded."), format!("Se subió el contexto {context}.");
            upload_failed: "Uploading the context failed", "No se pudo subir el contexto";
            sent_percent(percent: f64): format!("Sent: {percent}%"), format!("Enviado: {percent} %");
            status_heading: "A retriever's status", "El estado de un recuperador";
            check: "Check", "Consultar";
            unreadable_file: "The file could not be read.", "No se pudo leer el archivo.";
            empty_file: "The file is empty: it needs a header line and rows.",
                "El archivo está vacío: necesita una línea de encabezado y filas.";
            wrong_columns(found: &str):
                format!("The columns must be doc,title or answer,doc,question,title; this file has {found}."),
                format!("Las columnas deben ser doc,title o answer,doc,question,title; este archivo tiene {found}.");
        }
    }
}

/// `/arcee/models`: training a model, and the picks of what this tab has seen (also on other screens).
pub mod models {
    texts! {
        Models {
            title: "Models", "Modelos";
            train_heading: "Train a model", "Entrenar un modelo";
            train_hint: "Training starts at once and goes on at Arcee; the model can be queried in Retrieval by its id.",
                "El entrenamiento empieza de inmediato y continúa en Arcee; el modelo se puede consultar en \
                 Recuperación por su id.";
            which_model: "Which model", "Qué modelo";
            new_model: "A new model", "Un modelo nuevo";
            retrain: "Retrain a model by its id", "Volver a entrenar un modelo por su id";
            name: "Model name", "Nombre del modelo";
            name_hint: "An existing model's name retrains that model.",
                "El nombre de un modelo existente vuelve a entrenar ese modelo.";
            enter_name: "Enter the new model's name.", "Ingrese el nombre del modelo nuevo.";
            name_too_long(most: usize): format!("At most {most} characters."), format!("Como máximo {most} caracteres.");
            model_id: "Model id", "Id del modelo";
            model_id_hint: "As Arcee gave it when the model was trained, e.g. mdl_support.",
                "Como lo dio Arcee al entrenar el modelo, p. ej., mdl_support.";
            enter_id: "Enter the id of the model to retrain.", "Ingrese el id del modelo que quiere volver a entrenar.";
            context: "Context", "Contexto";
            context_hint: "The context the model learns from: one uploaded or looked up in this tab, or any name. \
                Empty keeps a retrained model's context.",
                "El contexto del que aprende el modelo: uno subido o consultado en esta pestaña, o cualquier nombre. \
                 Vacío conserva el contexto de un modelo que se vuelve a entrenar.";
            generator: "Generator (optional)", "Generador (opcional)";
            generator_hint: "The model that writes answers, e.g. arcee-lite. Empty keeps the current one.",
                "El modelo que redacta las respuestas, p. ej., arcee-lite. Vacío conserva el actual.";
            train: "Train", "Entrenar";
            starting: "Starting\u{2026}", "Iniciando\u{2026}";
            training_failed: "Training the model failed", "No se pudo entrenar el modelo";
            /// After a training starts: the model's id and what Arcee said.
            started(id: &str, said: &str): format!("Training started for model {id}. Arcee said: \u{201c}{said}\u{201d}."),
                format!("Se inició el entrenamiento del modelo {id}. Arcee dijo: \u{201c}{said}\u{201d}.");
            started_silently(id: &str): format!("Training started for model {id}."),
                format!("Se inició el entrenamiento del modelo {id}.");
            /// The picks: what this tab has seen, offered under a field.
            contexts_seen: "Contexts from this tab:", "Contextos de esta pestaña:";
            models_trained: "Models trained in this tab:", "Modelos entrenados en esta pestaña:";
            /// A pick's accessible name: `Use faq-bot (mdl_0a1b)`.
            use_offer(label: &str): format!("Use {label}"), format!("Usar {label}");
        }
    }
}

/// `/arcee/retrieval`.
pub mod retrieval {
    use super::plural;
    use crate::i18n::formats::count;

    texts! {
        Retrieval {
            title: "Retrieval", "Recuperación";
            enter_id: "Enter a model id or a context name.", "Ingrese un id de modelo o un nombre de contexto.";
            enter_query: "Enter what to look for.", "Ingrese qué buscar.";
            size_range(least: u32, most: u32): format!("A whole number from {least} to {most}."),
                format!("Un número entero entre {least} y {most}.");
            filter_half: "Give both a column and the text it must contain, or neither.",
                "Indique tanto una columna como el texto que debe contener, o ninguno de los dos.";
            query_heading: "Query", "Consulta";
            model_or_context: "Model or context", "Modelo o contexto";
            model_or_context_hint: "A model id such as mdl_support, or a context name such as support-docs.",
                "Un id de modelo como mdl_support, o un nombre de contexto como support-docs.";
            query: "Query", "Consulta";
            size: "Results, at most", "Resultados, como máximo";
            filter: "Filter (optional)", "Filtro (opcional)";
            column: "Column", "Columna";
            column_hint: "e.g. title", "p. ej., title";
            must_contain: "Must contain", "Debe contener";
            searching: "Searching\u{2026}", "Buscando\u{2026}";
            search: "Search", "Buscar";
            results: "Results", "Resultados";
            results_appear_here: "Results appear here.", "Los resultados aparecen aquí.";
            nothing_matched: "Nothing matched.", "No hubo coincidencias.";
            result_count(n: usize): format!("{n} result{}", if n == 1 { "" } else { "s" }),
                format!("{} {}", count(n), plural(n, "resultado", "resultados"));
            score: "Score ", "Puntuación ";
            /// A result's score, four decimals.
            score_value(score: f64): format!("{score:.4}"), format!("{score:.4}").replace('.', ",");
        }
    }
}

/// `/arcee/feedback`.
pub mod feedback {
    use crate::i18n::formats::count;

    texts! {
        Feedback {
            title: "Feedback", "Comentarios";
            write_message: "Write a message.", "Escriba un mensaje.";
            message_too_long(most: usize, length: usize): format!("At most {most} characters; this is {length}."),
                format!("Como máximo {} caracteres; este tiene {}.", count(most), count(length));
            /// After the status code when it is 202.
            accepted: " Accepted", " Aceptado";
            feedback_sent(answer: &str, status: u16, accepted: &str):
                format!("Sent. Arcee answered: \u{201c}{answer}\u{201d} (HTTP {status}{accepted})."),
                format!("Enviado. Arcee respondió: \u{201c}{answer}\u{201d} (HTTP {status}{accepted}).");
            sending_failed: "Sending the feedback failed", "No se pudieron enviar los comentarios";
            tell_arcee: "Tell Arcee", "Cuéntele a Arcee";
            message: "Message", "Mensaje";
            message_hint: "What worked, what did not. At most 2,000 characters.",
                "Qué funcionó y qué no. Como máximo 2.000 caracteres.";
            location: "Where (optional)", "Dónde (opcional)";
            location_hint: "The screen or feature it is about.", "La pantalla o la función de la que se trata.";
            sending: "Sending\u{2026}", "Enviando\u{2026}";
            send_feedback: "Send feedback", "Enviar comentarios";
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{contexts, feedback, organization, retrieval};

    #[test]
    fn english_reads_as_before_and_spanish_pluralizes() {
        let (en, es) = (organization::EN, organization::ES);
        assert_eq!(
            en.too_many_invitees(10, 1),
            "At most 10 people at once: remove 1 address, or invite them next time."
        );
        assert_eq!(
            en.too_many_invitees(10, 2),
            "At most 10 people at once: remove 2 addresses, or invite them next time."
        );
        assert_eq!(
            es.too_many_invitees(10, 1),
            "Como máximo 10 personas a la vez: quite 1 dirección, o invítelas la próxima vez."
        );
        assert_eq!(en.invited(1, "acme"), "Invited 1 person to acme.");
        assert_eq!(en.invited(3, "acme"), "Invited 3 people to acme.");
        assert_eq!(es.invited(1, "acme"), "Se invitó a 1 persona a acme.");
        assert_eq!(es.invited(3, "acme"), "Se invitó a 3 personas a acme.");
        let (en, es) = (retrieval::EN, retrieval::ES);
        assert_eq!(en.result_count(1), "1 result");
        assert_eq!(en.result_count(2), "2 results");
        assert_eq!(es.result_count(1), "1 resultado");
        assert_eq!(en.score_value(0.5), "0.5000");
        assert_eq!(es.score_value(0.5), "0,5000");
        let (en, es) = (contexts::EN, contexts::ES);
        assert_eq!(en.file_too_large(12.34), "The file is 12.3 MiB; Arcee takes at most 10 MiB.");
        assert_eq!(es.file_too_large(12.34), "El archivo tiene 12,3 MiB; Arcee acepta como máximo 10 MiB.");
        assert_eq!(en.sent_percent(42.0), "Sent: 42%");
        assert_eq!(
            en.still_processing("docs", 120),
            "Uploaded, but docs is still processing after 120 seconds: check its status below later."
        );
        let en = feedback::EN;
        assert_eq!(en.message_too_long(2_000, 2_001), "At most 2000 characters; this is 2001.");
        assert_eq!(
            en.feedback_sent("ok", 202, en.accepted),
            "Sent. Arcee answered: \u{201c}ok\u{201d} (HTTP 202 Accepted)."
        );
    }
}
