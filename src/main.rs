fn main() {
    // English ships with the app and renders at once; another language first fetches its texts.
    let locale = geai_admin::i18n::preferred();
    if locale == geai_admin::i18n::Locale::En {
        geai_admin::mount();
    } else {
        // Leptos's own executor starts with the first mount, so this first task goes to the browser's directly.
        wasm_bindgen_futures::spawn_local(async move {
            geai_admin::i18n::start(locale).await;
            geai_admin::mount();
        });
    }
}
