fn main() {
    leptos::mount::mount_to_body(geai_admin::App);
}
