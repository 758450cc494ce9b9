//! What every list shares: a loaded resource's states, one request per project a few at a time (`FanOut`), the data table with its sort headers, and the rows of a
//! long table kept to those near the viewport.

mod fan_out;
mod loaded;
mod table;
mod virtual_rows;

pub use fan_out::{FanOut, Load};
pub use loaded::Loaded;
pub use table::{DataTable, SortDirection, SortHeader};
pub use virtual_rows::{aria_row_count, scroll_to_row, VirtualRows};
