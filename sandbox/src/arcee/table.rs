//! An uploaded context CSV, read per RFC 4180 (quoted fields, `""` escapes, commas and line breaks inside quotes,
//! CRLF or LF, an optional UTF-8 byte order mark) and checked against the platform's rules: the header names one of
//! the two column sets, there is at least one row, and every row has as many fields as the header.

use super::model::Columns;

/// A CSV that passed: its column set and its rows, each row's fields in the order of `columns.names()`.
#[derive(Debug, PartialEq)]
pub struct Table {
    pub columns: Columns,
    pub rows: Vec<Vec<String>>,
}

/// Reads `bytes`, or says what is wrong with them (the reason of a `value_error`).
pub fn read(bytes: &[u8]) -> Result<Table, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut records = reader.records();
    let header = match records.next() {
        None => return Err("the CSV has no rows".into()),
        Some(record) => record.map_err(unreadable)?,
    };
    let names: Vec<&str> = header.iter().map(str::trim).collect();
    let columns = Columns::ALL.into_iter().find(|columns| same_set(columns.names(), &names)).ok_or_else(|| {
        let given: Vec<&str> = header.iter().collect();
        format!("CSV columns must be doc,title or answer,doc,question,title (got: {})", given.join(","))
    })?;
    // Where each of the context's columns is in this file.
    let positions: Vec<usize> =
        columns.names().iter().map(|name| names.iter().position(|n| n == name).unwrap_or_default()).collect();
    let mut rows = Vec::new();
    for (index, record) in records.enumerate() {
        let record = record.map_err(unreadable)?;
        if record.len() != names.len() {
            return Err(format!("row {} has {} fields, expected {}", index + 1, record.len(), names.len()));
        }
        rows.push(positions.iter().map(|at| record[*at].to_string()).collect());
    }
    if rows.is_empty() {
        return Err("the CSV has no rows".into());
    }
    Ok(Table { columns, rows })
}

/// The same names, each once.
fn same_set(expected: &[&str], given: &[&str]) -> bool {
    given.len() == expected.len() && expected.iter().all(|name| given.contains(name))
}

/// With `flexible` set, the only error reading from memory can give is text that is not UTF-8.
fn unreadable(error: csv::Error) -> String {
    match error.position() {
        Some(position) => format!("the CSV is not UTF-8 text (line {})", position.line()),
        None => "the CSV is not UTF-8 text".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_quotes_escapes_line_breaks_bom_and_crlf() {
        let file = "\u{feff}title, doc \r\n\"Commas, too\",\"Line one\nline \"\"two\"\"\"\r\nPlain,Text\r\n";
        let table = read(file.as_bytes()).expect("read");
        assert_eq!(table.columns, Columns::Documents);
        assert_eq!(
            table.rows,
            [vec!["Line one\nline \"two\"".to_string(), "Commas, too".into()], vec!["Text".into(), "Plain".into()]],
            "fields in the order doc, title"
        );
        let faq = read(b"question,answer,title,doc\nq,a,t,d\n").expect("read");
        assert_eq!(
            (faq.columns, &faq.rows[0]),
            (Columns::QuestionsAndAnswers, &vec!["a".into(), "d".into(), "q".into(), "t".into()])
        );
    }

    #[test]
    fn names_what_is_wrong() {
        let cases: [(&[u8], &str); 7] = [
            (b"doc,body\nx,y\n", "CSV columns must be doc,title or answer,doc,question,title (got: doc,body)"),
            (b"doc,title,doc\nx,y,z\n", "(got: doc,title,doc)"),
            (b"doc,title,question\nx,y,z\n", "(got: doc,title,question)"),
            (b"doc,title\n", "the CSV has no rows"),
            (b"", "the CSV has no rows"),
            (b"doc,title\na,b\nc\n", "row 2 has 1 fields, expected 2"),
            (b"doc,title\na,\xff\n", "not UTF-8"),
        ];
        for (file, why) in cases {
            let found = read(file).expect_err("refused");
            assert!(found.contains(why), "{}: {found}", String::from_utf8_lossy(file));
        }
    }
}
