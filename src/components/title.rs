/// Sets the document title for the current screen, so tabs, history and screen readers name it.
pub fn use_title(screen: &str) {
    if let Some(document) = leptos::prelude::window().document() {
        document.set_title(&crate::i18n::t().shell().document_title(screen));
    }
}
