//! What a panel shows, without a browser: its rows as a sheet of cells (text, and the number behind it for
//! sorting and charts), sorted by a column, and as a CSV file.

use crate::format::csv_line;

#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub text: String,
    pub number: Option<f64>,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Self {
        Self { text: text.into(), number: None }
    }

    /// A number worded for this language (`amount`), kept for sorting and charts.
    pub fn number(value: f64) -> Self {
        Self { text: crate::i18n::amount(value), number: Some(value) }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    /// The rows by `column`: numbers by value, texts by their words (any case); ties keep their order.
    pub fn sorted(&self, column: usize, descending: bool) -> Vec<Vec<Cell>> {
        let mut rows = self.rows.clone();
        rows.sort_by(|a, b| {
            let order = match (a.get(column), b.get(column)) {
                (Some(Cell { number: Some(x), .. }), Some(Cell { number: Some(y), .. })) => x.total_cmp(y),
                (Some(x), Some(y)) => x.text.to_lowercase().cmp(&y.text.to_lowercase()),
                _ => std::cmp::Ordering::Equal,
            };
            if descending {
                order.reverse()
            } else {
                order
            }
        });
        rows
    }

    /// The sheet as CSV: the column names, then each row; numbers as plain decimals (a file is read by
    /// programs, whatever the language on screen).
    pub fn csv(&self) -> String {
        let mut out = String::new();
        csv_line(self.columns.iter().copied(), &mut out);
        for row in &self.rows {
            let fields: Vec<String> =
                row.iter().map(|cell| cell.number.map_or_else(|| cell.text.clone(), |n| n.to_string())).collect();
            csv_line(fields.iter().map(String::as_str), &mut out);
        }
        out
    }

    /// The largest number of `columns` over the rows: a chart's scale.
    pub fn largest(&self, columns: &[usize]) -> f64 {
        self.rows
            .iter()
            .flat_map(|row| columns.iter().filter_map(|c| row.get(*c).and_then(|cell| cell.number)))
            .fold(0.0, f64::max)
    }
}

/// `+12.5 %` or `-3 %`: the change from `before` to `now`; `None` when there was nothing before.
pub fn change(now: f64, before: f64) -> Option<f64> {
    (before != 0.0).then(|| (now - before) / before * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet() -> Sheet {
        let row = |name: &str, n: f64| {
            vec![Cell { text: name.into(), number: None }, Cell { text: n.to_string(), number: Some(n) }]
        };
        Sheet { columns: vec!["agent", "requests"], rows: vec![row("b, \"x\"", 2.0), row("A", 10.0), row("c", 1.5)] }
    }

    #[test]
    fn sorts_by_number_or_text() {
        let by_number: Vec<String> = sheet().sorted(1, true).into_iter().map(|r| r[0].text.clone()).collect();
        assert_eq!(by_number, ["A", "b, \"x\"", "c"]);
        let by_text: Vec<String> = sheet().sorted(0, false).into_iter().map(|r| r[0].text.clone()).collect();
        assert_eq!(by_text, ["A", "b, \"x\"", "c"]);
        assert_eq!(sheet().largest(&[1]), 10.0);
    }

    #[test]
    fn the_csv_has_plain_numbers_and_quotes_where_needed() {
        assert_eq!(sheet().csv(), "agent,requests\r\n\"b, \"\"x\"\"\",2\r\nA,10\r\nc,1.5\r\n");
    }

    #[test]
    fn a_change_needs_something_before() {
        assert_eq!(change(15.0, 10.0), Some(50.0));
        assert_eq!(change(5.0, 0.0), None);
    }
}
