//! The request log as a file: CSV (RFC 4180: a header row, CRLF line ends, fields with quotes, commas or line
//! breaks quoted and their quotes doubled, UTF-8) or JSON Lines (one object per line, as the server sent it).
//! Encoded a page at a time, so a download of any size holds one page in memory here.

use crate::api::ExportItem;
use crate::format::csv_field;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFormat {
    Csv,
    JsonLines,
}

impl FileFormat {
    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::JsonLines => "jsonl",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Self::Csv => "text/csv;charset=utf-8",
            Self::JsonLines => "application/x-ndjson;charset=utf-8",
        }
    }

    /// What the file starts with: the header row for CSV, nothing for JSON Lines.
    pub fn header(self) -> String {
        match self {
            Self::Csv => format!("{}\r\n", CSV_COLUMNS.join(",")),
            Self::JsonLines => String::new(),
        }
    }

    pub fn encode(self, items: &[ExportItem]) -> String {
        let mut out = String::new();
        for item in items {
            match self {
                Self::Csv => csv_row(item, &mut out),
                Self::JsonLines => {
                    // A derived Serialize of strings, numbers and JSON values cannot fail.
                    out.push_str(&serde_json::to_string(item).unwrap_or_default());
                    out.push('\n');
                }
            }
        }
        out
    }
}

/// The API's own field names, in the order people read a request: when, who, how it went, then the texts.
pub const CSV_COLUMNS: &[&str] = &[
    "timestamp",
    "startTimestamp",
    "endTimestamp",
    "assistant",
    "intent",
    "status",
    "module",
    "sessionId",
    "apiToken",
    "elapsedTimeMs",
    "cost",
    "inputText",
    "prompt",
    "output",
    "feedback",
    "ragSourcesConsulted",
];

fn csv_row(item: &ExportItem, out: &mut String) {
    let number = |value: Option<String>| value.unwrap_or_default();
    let fields = [
        item.timestamp.clone().unwrap_or_default(),
        item.start_timestamp.clone().unwrap_or_default(),
        item.end_timestamp.clone().unwrap_or_default(),
        item.assistant.clone().unwrap_or_default(),
        item.intent.clone().unwrap_or_default(),
        item.status.clone().unwrap_or_default(),
        item.module.clone().unwrap_or_default(),
        item.session_id.clone().unwrap_or_default(),
        item.api_token.clone().unwrap_or_default(),
        number(item.elapsed_time_ms.map(|ms| ms.to_string())),
        number(item.cost.map(|cost| cost.to_string())),
        item.input_text.clone().unwrap_or_default(),
        item.prompt.clone().unwrap_or_default(),
        item.output.clone().unwrap_or_default(),
        item.feedback_text().unwrap_or_default(),
        item.rag_sources_text().unwrap_or_default(),
    ];
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(field, out);
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_quoting_and_nothing_else() {
        let item = ExportItem {
            timestamp: Some("2025-02-25T15:03:13.644".into()),
            assistant: Some("Help, desk".into()),
            status: Some("succeeded".into()),
            prompt: Some("Say \"hi\"\nthen stop".into()),
            output: Some("¿Qué tal? 😊".into()),
            cost: Some(0.0125),
            elapsed_time_ms: Some(1834),
            rag_sources_consulted: Some(serde_json::json!(["a.pdf", "b.md"])),
            ..Default::default()
        };
        let csv = format!("{}{}", FileFormat::Csv.header(), FileFormat::Csv.encode(&[item]));
        let mut lines = csv.split("\r\n");
        assert_eq!(lines.next().unwrap().split(',').count(), CSV_COLUMNS.len());
        assert_eq!(
            lines.collect::<Vec<_>>().join("\r\n"),
            "2025-02-25T15:03:13.644,,,\"Help, desk\",,succeeded,,,,1834,0.0125,,\"Say \"\"hi\"\"\nthen stop\",¿Qué tal? 😊,,\"a.pdf, b.md\"\r\n"
        );
    }

    #[test]
    fn json_lines_are_one_object_a_line() {
        let items = [
            ExportItem { output: Some("two\nlines".into()), ..Default::default() },
            ExportItem { status: Some("failed".into()), ..Default::default() },
        ];
        let text = FileFormat::JsonLines.encode(&items);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        let first: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(first["output"], "two\nlines");
        assert_eq!(FileFormat::JsonLines.header(), "");
    }
}
