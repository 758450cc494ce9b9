//! The Spanish texts: a split point of the release build (feature `split`), so the first load of a tab in
//! English does not carry them. Without the feature (`trunk serve`) they are part of the one module.

use super::*;

static SPANISH: Spanish = Spanish {
    shell: shell::ES,
    common: common::ES,
    palette: palette::ES,
    connect: connect::ES,
    projects: projects::ES,
    organization: organization::ES,
    project: project::ES,
    project_form: project_form::ES,
    token_audit: token_audit::ES,
    requests: requests::ES,
    arcee: arcee::ES,
};

#[cfg(feature = "split")]
#[leptos::lazy]
pub fn texts() -> &'static Texts {
    static TEXTS: Texts = Texts { spanish: Some(&SPANISH) };
    &TEXTS
}

#[cfg(not(feature = "split"))]
pub async fn texts() -> &'static Texts {
    static TEXTS: Texts = Texts { spanish: Some(&SPANISH) };
    &TEXTS
}
