//! The texts of members and roles: the organization's people (`/members`), one person's access, a project's
//! members (on the project screen), the plugin runtime policies (on the organization screen) and the access
//! review (`/access`).

use super::formats::count;
use super::plural;

texts! {
    Members {
        title: "Members", "Miembros";
        lead: "The organization's people and their roles. Open a person to see every project they can reach.",
            "Las personas de la organización y sus roles. Abra una persona para ver cada proyecto al que accede.";
        loading: "Loading members\u{2026}", "Cargando miembros\u{2026}";
        search: "Search by e-mail or name", "Buscar por correo o nombre";
        role_type: "Role type", "Tipo de rol";
        any_type: "Any type", "Cualquier tipo";
        backend: "Backend", "Backend";
        frontend: "Frontend", "Frontend";
        other_type: "Other", "Otro";
        column_person: "Person", "Persona";
        column_email: "E-mail", "Correo";
        column_roles: "Roles", "Roles";
        no_roles: "No roles", "Sin roles";
        members_caption: "The organization's people with their roles", "Las personas de la organización con sus roles";
        none_match: "Nobody matches this search.", "Nadie coincide con esta búsqueda.";
        /// The pager's line: which of how many are shown.
        showing(first: usize, last: usize, all: usize):
            format!("{}\u{2013}{} of {} {}", count(first), count(last), count(all), plural(all, "person", "people")),
            format!("{}\u{2013}{} de {} {}", count(first), count(last), count(all), plural(all, "persona", "personas"));
        previous: "Previous", "Anterior";
        next: "Next", "Siguiente";
        pages: "Pages", "Páginas";

        person_title: "Access of a person", "Acceso de una persona";
        person_lead: "Every project this person belongs to, with their roles there.",
            "Cada proyecto al que pertenece esta persona, con sus roles en él.";
        person_missing: "No person given: open one from the members list.",
            "No se indicó una persona: ábrala desde la lista de miembros.";
        loading_access: "Loading this person's projects\u{2026}", "Cargando los proyectos de esta persona\u{2026}";
        no_projects: "This person is not a member of any project.", "Esta persona no es miembro de ningún proyecto.";
        projects_caption: "The projects of this person with their roles", "Los proyectos de esta persona con sus roles";
        column_project: "Project", "Proyecto";
        back_to_members: "Back to the members", "Volver a los miembros";

        needs_organization_id:
            "This server did not say which organization the token belongs to, and the member calls need its id.",
            "Este servidor no indicó a qué organización pertenece el token, y las llamadas de miembros necesitan su identificador.";

        project_members: "Members", "Miembros";
        loading_project_members: "Loading members\u{2026}", "Cargando miembros\u{2026}";
        no_members: "This project has no members.", "Este proyecto no tiene miembros.";
        project_members_caption: "The project's members with their roles", "Los miembros del proyecto con sus roles";
        column_actions: "Actions", "Acciones";
        invite: "Invite", "Invitar";
        invite_heading: "Invite a person", "Invitar a una persona";
        email: "E-mail", "Correo";
        email_missing: "Enter the person's e-mail address.", "Escriba el correo de la persona.";
        email_malformed: "This is not an e-mail address (name@example.com).", "Esto no es un correo (nombre@ejemplo.com).";
        roles: "Roles", "Roles";
        roles_missing: "Pick at least one role.", "Elija al menos un rol.";
        loading_roles: "Loading the project's roles\u{2026}", "Cargando los roles del proyecto\u{2026}";
        send_invitation: "Send invitation", "Enviar invitación";
        sending: "Sending\u{2026}", "Enviando\u{2026}";
        cancel: "Cancel", "Cancelar";
        invited(email: &str): format!("Invitation sent to {email}."), format!("Invitación enviada a {email}.");
        invite_failed: "The invitation was not sent.", "La invitación no se envió.";
        remove: "Remove", "Quitar";
        remove_member(name: &str): format!("Remove {name}"), format!("Quitar a {name}");
        remove_title(name: &str, project: &str):
            format!("Remove {name} from {project}?"),
            format!("¿Quitar a {name} de {project}?");
        remove_explanation: "They lose their roles in this project at once. They stay in the organization.",
            "Pierde sus roles en este proyecto de inmediato. Sigue en la organización.";
        removed(name: &str, project: &str):
            format!("{name} was removed from {project}."),
            format!("{name} fue quitado de {project}.");
        remove_failed: "The member was not removed.", "El miembro no fue quitado.";
        role_catalog: "Role catalog", "Catálogo de roles";
        catalog_caption: "The roles this project offers", "Los roles que ofrece este proyecto";
        column_role: "Role", "Rol";
        column_type: "Type", "Tipo";
        column_origin: "Origin", "Origen";
        no_roles_in_catalog: "This project offers no roles.", "Este proyecto no ofrece roles.";
        members_need_organization_token: "Members and roles need an organization token. ",
            "Los miembros y roles necesitan un token de organización. ";

        policies: "Plugin runtime policies", "Políticas de ejecución de plugins";
        loading_policies: "Loading the policies\u{2026}", "Cargando las políticas\u{2026}";
        policies_not_defined: "The organization defines none: each person's own policy applies.",
            "La organización no define ninguna: se aplica la política de cada persona.";
        chat_sharing: "Sharing chats with assistants' plugins", "Compartir chats con los plugins de los asistentes";
        external_execution: "Running plugins outside the platform", "Ejecutar plugins fuera de la plataforma";
        policy_none: "Nobody", "Nadie";
        policy_project: "Within the same project", "Dentro del mismo proyecto";
        policy_organization: "Within the organization", "Dentro de la organización";

        review_title: "Access review", "Revisión de accesos";
        review_lead: "Every project's members and their roles in one table, to review and to keep as a record.",
            "Los miembros de cada proyecto y sus roles en una tabla, para revisarlos y guardarlos como registro.";
        loading_projects: "Loading projects\u{2026}", "Cargando proyectos\u{2026}";
        review_progress(done: usize, all: usize, failed: usize):
            format!("Members of {} of {} projects loaded{}", count(done), count(all), failed_en(failed)),
            format!("Miembros de {} de {} proyectos cargados{}", count(done), count(all), failed_es(failed));
        review_caption: "Every project's members with their roles", "Los miembros de cada proyecto con sus roles";
        filter_person: "Person", "Persona";
        filter_project: "Project", "Proyecto";
        filter_role: "Role", "Rol";
        any_project: "Any project", "Cualquier proyecto";
        any_role: "Any role", "Cualquier rol";
        rows_shown(n: usize):
            format!("{} {} shown", count(n), plural(n, "row", "rows")),
            format!("{} {} {}", count(n), plural(n, "fila", "filas"), plural(n, "mostrada", "mostradas"));
        view_all: "Every membership", "Todas las membresías";
        view_admins: "Administrators on several projects", "Administradores en varios proyectos";
        review_view: "View", "Vista";
        min_projects: "On at least this many projects", "En al menos esta cantidad de proyectos";
        admins_caption: "People with an administrator role on several projects",
            "Personas con un rol de administrador en varios proyectos";
        column_admin_projects: "Projects as administrator", "Proyectos como administrador";
        column_count: "How many", "Cuántos";
        no_admins(n: usize):
            format!("Nobody is an administrator on {} or more projects.", count(n)),
            format!("Nadie es administrador en {} o más proyectos.", count(n));
        project_failed(project: &str): format!("The members of {project} could not be loaded."),
            format!("No se pudieron cargar los miembros de {project}.");
        retry_project(project: &str): format!("Retry {project}"), format!("Reintentar {project}");
        download_csv: "Download CSV", "Descargar CSV";
        download_wait: "The CSV can be downloaded once every project is loaded.",
            "El CSV se puede descargar cuando todos los proyectos estén cargados.";
        downloaded(file: &str): format!("Saved {file}."), format!("Se guardó {file}.");
        download_failed: "The file could not be made.", "No se pudo crear el archivo.";
    }
}

fn failed_en(failed: usize) -> String {
    if failed == 0 { String::new() } else { format!(", {} failed", count(failed)) }
}

fn failed_es(failed: usize) -> String {
    if failed == 0 { String::new() } else { format!(", {} con error", count(failed)) }
}

impl Members {
    /// `Project Administrator (Backend), Chat User (Frontend)`, or "No roles".
    pub fn role_list(&self, roles: &[crate::api::access::Role]) -> String {
        if roles.is_empty() {
            return self.no_roles.into();
        }
        let named: Vec<String> =
            roles.iter().map(|role| format!("{} ({})", role.name, self.role_type_word(role.role_type))).collect();
        named.join(", ")
    }

    /// A role type as a person reads it.
    pub fn role_type_word(&self, role_type: crate::api::access::RoleType) -> &'static str {
        use crate::api::access::RoleType;
        match role_type {
            RoleType::Backend => self.backend,
            RoleType::Frontend => self.frontend,
            RoleType::Other => self.other_type,
        }
    }

    /// A policy's value (`none`, `project`, `organization`) in words; another value as sent.
    pub fn policy_word(&self, value: &str) -> String {
        match value.to_ascii_lowercase().as_str() {
            "none" => self.policy_none.into(),
            "project" => self.policy_project.into(),
            "organization" => self.policy_organization.into(),
            _ => value.into(),
        }
    }
}
