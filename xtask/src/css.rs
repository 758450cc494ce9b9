//! The stylesheet as the release build ships it: comments and layout whitespace taken out. `style/main.css`
//! stays the commented source (and what `trunk serve` uses); its comments are a quarter of its compressed size,
//! which every first load would otherwise pay for.
//!
//! Deliberately small, not a CSS parser: quoted strings are copied as they are, comments dropped, runs of
//! whitespace made one space, and that space dropped only where CSS never needs it: next to `{ } ; ,` and `>`,
//! and after a `:`. A space before a `:` stays (`nav :focus` is not `nav:focus`), and so do the spaces that
//! `calc()` needs around `+` and `-`.

/// Characters beside which whitespace means nothing.
const TIGHT: [char; 5] = ['{', '}', ';', ',', '>'];

pub fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut previous = ' ';
                for c in chars.by_ref() {
                    if previous == '*' && c == '/' {
                        break;
                    }
                    previous = c;
                }
                pending_space = true;
            }
            c if c.is_whitespace() => pending_space = true,
            c => {
                let last = out.chars().last();
                let needed = last.is_some_and(|last| !TIGHT.contains(&last) && last != ':') && !TIGHT.contains(&c);
                if pending_space && needed {
                    out.push(' ');
                }
                pending_space = false;
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
                if c == '"' || c == '\'' {
                    for inner in chars.by_ref() {
                        out.push(inner);
                        if inner == c {
                            break;
                        }
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::minify;

    #[test]
    fn comments_and_layout_whitespace_go() {
        let css =
            "/* the shell */\n.shell {\n  display: grid;   /* why */\n  gap: 1rem;\n}\n\na, b > c { color: red; }\n";
        assert_eq!(minify(css), ".shell{display:grid;gap:1rem}a,b>c{color:red}");
    }

    #[test]
    fn meaningful_spaces_and_strings_stay() {
        assert_eq!(minify("nav :focus { width: calc(100% - 2rem); }"), "nav :focus{width:calc(100% - 2rem)}");
        assert_eq!(
            minify("a { font: 1rem \"Segoe  UI\", sans-serif; content: \"/* x */\"; }"),
            "a{font:1rem \"Segoe  UI\",sans-serif;content:\"/* x */\"}"
        );
        assert_eq!(
            minify("@media (min-width: 900px) and (prefers-color-scheme: dark) { a:hover { x: y } }"),
            "@media (min-width:900px) and (prefers-color-scheme:dark){a:hover{x:y}}"
        );
    }
}
