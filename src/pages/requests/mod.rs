//! `/requests`: the project's request log, a page at a time, with filters, a panel for one request, downloads
//! of everything that matches, and charts.

mod export_file;
mod stats;
mod view_state;
