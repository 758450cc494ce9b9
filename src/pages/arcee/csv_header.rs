//! The first record of a CSV file (RFC 4180: quoted fields, doubled quotes, a BOM), and whether its columns
//! are one of the sets Arcee accepts: checked in the browser so a wrong file is refused before it is sent.

use crate::i18n::t;

/// The column sets a context's CSV may have, in any order.
pub const COLUMN_SETS: [&[&str]; 2] = [&["doc", "title"], &["answer", "doc", "question", "title"]];

/// The header's column names, trimmed; `None` when the file has no first line at all.
pub fn header(text: &str) -> Option<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Blank lines before the header are skipped, as CSV readers (and Arcee's) do.
    let text = text.trim_start_matches(['\r', '\n']);
    if text.trim().is_empty() {
        return None;
    }
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => fields.push(std::mem::take(&mut field)),
            (false, '\r' | '\n') => break,
            (false, c) => field.push(c),
        }
    }
    fields.push(field);
    Some(fields.into_iter().map(|f| f.trim().to_string()).collect())
}

/// `Ok(columns)` when the header is an accepted set; otherwise what is wrong, in words for the file field.
pub fn check(text: &str) -> Result<Vec<String>, String> {
    let Some(columns) = header(text) else {
        return Err(t().arcee().contexts.empty_file.into());
    };
    let mut sorted: Vec<&str> = columns.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    if COLUMN_SETS.contains(&sorted.as_slice()) {
        Ok(columns)
    } else {
        Err(t().arcee().contexts.wrong_columns(&columns.join(",")))
    }
}

#[cfg(test)]
mod tests {
    use super::{check, header};

    #[test]
    fn reads_the_first_record_only() {
        assert_eq!(header("title,doc\nA,B\n").unwrap(), ["title", "doc"]);
        assert_eq!(header("\u{feff}\"title\", \"doc\"\r\nA,B").unwrap(), ["title", "doc"]);
        assert_eq!(header("\"a,b\",\"say \"\"hi\"\"\"\n").unwrap(), ["a,b", "say \"hi\""]);
        assert_eq!(header("\"multi\nline\",x").unwrap(), ["multi\nline", "x"]);
        assert_eq!(header("  \n"), None);
        assert_eq!(header("\r\n\ndoc,title\n").unwrap(), ["doc", "title"]);
    }

    #[test]
    fn accepts_the_two_column_sets_in_any_order() {
        assert!(check("doc,title\n").is_ok());
        assert!(check("title,question,doc,answer\n").is_ok());
        assert!(check("title,body\n").unwrap_err().contains("title,body"));
        assert!(check("doc,title,extra\n").is_err());
        assert!(check("").unwrap_err().contains("empty"));
    }
}
