//! What the request log shows: the filters, the page size, the page, and the row open in the panel. All of it
//! lives in the URL (`/requests?assistant=Helpdesk&status=failed&size=100&page=3&row=217`), so Back, reload and a
//! shared link show the same rows, and a link can point at one request.

use crate::api::ExportFilter;

pub const PAGE_SIZES: &[u64] = &[25, 50, 100, 500, 1000];
const DEFAULT_SIZE: u64 = 100;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestsView {
    pub filter: ExportFilter,
    pub size: u64,
    /// 1 for the first page.
    pub page: u64,
    /// The row open in the panel, counted from the newest row that matches the filter (0 is the newest).
    pub row: Option<u64>,
}

impl Default for RequestsView {
    fn default() -> Self {
        Self { filter: ExportFilter::default(), size: DEFAULT_SIZE, page: 1, row: None }
    }
}

impl RequestsView {
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let number = |key: &str| get(key).and_then(|v| v.trim().parse::<u64>().ok());
        Self {
            filter: ExportFilter {
                assistant: get("assistant").unwrap_or_default(),
                status: get("status").unwrap_or_default(),
            },
            size: number("size").filter(|s| PAGE_SIZES.contains(s)).unwrap_or(DEFAULT_SIZE),
            page: number("page").filter(|p| *p >= 1).unwrap_or(1),
            row: number("row"),
        }
    }

    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut query = Vec::new();
        if !self.filter.assistant.is_empty() {
            query.push(("assistant", self.filter.assistant.clone()));
        }
        if !self.filter.status.is_empty() {
            query.push(("status", self.filter.status.clone()));
        }
        if self.size != DEFAULT_SIZE {
            query.push(("size", self.size.to_string()));
        }
        if self.page != 1 {
            query.push(("page", self.page.to_string()));
        }
        if let Some(row) = self.row {
            query.push(("row", row.to_string()));
        }
        query
    }

    /// How many rows come before this page.
    pub fn skip(&self) -> u64 {
        (self.page - 1).saturating_mul(self.size)
    }

    /// Another filter or page size starts again from the first page, with no row open.
    pub fn filtered(&self, filter: ExportFilter, size: u64) -> Self {
        Self { filter, size, page: 1, row: None }
    }

    pub fn at_page(&self, page: u64) -> Self {
        Self { page: page.max(1), row: None, ..self.clone() }
    }

    pub fn with_row(&self, row: Option<u64>) -> Self {
        Self { row, ..self.clone() }
    }
}

/// "Rows 101–200", and whether this is the last page: one that came back shorter than asked is.
pub fn page_summary(view: &RequestsView, rows_on_page: usize) -> (String, bool) {
    let texts = crate::i18n::t().requests();
    let last = (rows_on_page as u64) < view.size;
    if rows_on_page == 0 {
        let text = if view.page == 1 { texts.no_rows } else { texts.no_rows_on_page };
        return (text.to_string(), true);
    }
    let first = view.skip() + 1;
    let until = view.skip() + rows_on_page as u64;
    (texts.rows_range(first, until, last), last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[(&str, String)]) -> RequestsView {
        RequestsView::from_query(|k| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone()))
    }

    #[test]
    fn the_query_round_trips_and_bad_values_fall_back() {
        assert_eq!(RequestsView::default().to_query(), vec![]);
        let view = RequestsView {
            filter: ExportFilter { assistant: "Help desk".into(), status: "failed".into() },
            size: 500,
            page: 3,
            row: Some(1017),
        };
        assert_eq!(read(&view.to_query()), view);
        let bad = read(&[("size", "7".into()), ("page", "0".into()), ("row", "x".into())]);
        assert_eq!(bad, RequestsView::default());
    }

    #[test]
    fn pages_count_rows_and_a_short_page_is_the_last() {
        let view = RequestsView { page: 2, ..Default::default() };
        assert_eq!(view.skip(), 100);
        assert_eq!(page_summary(&view, 100), ("Rows 101\u{2013}200".to_string(), false));
        assert_eq!(page_summary(&view, 43), ("Rows 101\u{2013}143 (last page)".to_string(), true));
        assert_eq!(page_summary(&RequestsView::default(), 0), ("No rows".to_string(), true));
        let filtered = view.filtered(ExportFilter { status: "failed".into(), ..Default::default() }, 25);
        assert_eq!((filtered.page, filtered.size, filtered.row), (1, 25, None));
    }
}
