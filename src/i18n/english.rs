//! The English texts, shipped with the app.

use super::*;

pub static TEXTS: Texts = Texts {
    shell: shell::EN,
    common: common::EN,
    palette: palette::EN,
    connect: connect::EN,
    projects: projects::EN,
    organization: organization::EN,
    project: project::EN,
    project_form: project_form::EN,
    token_audit: token_audit::EN,
    requests: requests::EN,
    arcee: arcee::EN,
};
