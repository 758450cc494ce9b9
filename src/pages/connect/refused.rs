//! What the connect screen says when the browser kept the server's answer from this page (`OriginRefused`: the
//! installation does not allow this page's origin by CORS), with the two ways out: the one command that serves
//! the dashboard and forwards the API on one origin, and the deployment guide.

use leptos::prelude::*;

use crate::components::CopyButton;
use crate::i18n::t;
use crate::session::default_base_url;

/// `base_url` as the forwarding server takes it: scheme, host, port and path, without any user name, password,
/// query or fragment, so nothing secret a pasted address might hold ends up in a command to copy.
pub fn forwarding_url(base_url: &str) -> String {
    let trimmed = base_url.trim();
    let (scheme, rest) = trimmed.split_once("://").unwrap_or(("https", trimmed));
    let rest = &rest[..rest.find(['?', '#']).unwrap_or(rest.len())];
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    format!("{scheme}://{host}{}", path.trim_end_matches('/'))
}

/// The explanation for `base_url`; `flag` is the run command's flag for this kind of installation
/// (`--upstream`, or `--arcee-upstream`).
#[component]
pub fn OriginRefused(base_url: String, flag: &'static str) -> impl IntoView {
    let texts = t().connect();
    let server = forwarding_url(&base_url);
    let command = format!("cargo xtask run {flag} {server}");
    view! {
        <section class="card origin-refused" role="alert" aria-labelledby="origin-refused-heading">
            <h2 id="origin-refused-heading">{texts.refused_heading}</h2>
            <p>{texts.refused_text(&server, &default_base_url())}</p>
            <ol>
                <li>
                    <p>{texts.refused_run}</p>
                    <p class="command-line"><code class="command">{command.clone()}</code>
                        <CopyButton value=command label=texts.refused_command /></p>
                </li>
                <li><p>{texts.refused_deploy}</p></li>
            </ol>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::forwarding_url;

    #[test]
    fn the_command_gets_the_address_without_anything_secret() {
        assert_eq!(forwarding_url(" https://api.saia.ai/ "), "https://api.saia.ai");
        assert_eq!(forwarding_url("http://127.0.0.1:9000"), "http://127.0.0.1:9000");
        assert_eq!(forwarding_url("https://user:secret@ai.example.com/geai/?token=x#y"), "https://ai.example.com/geai");
        assert_eq!(forwarding_url("https://api.arcee.ai/v2"), "https://api.arcee.ai/v2");
    }
}
