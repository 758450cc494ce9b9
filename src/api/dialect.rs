//! Which generation of the Organization API a server speaks (FACTS.md, "How the documented API changed").

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Dialect {
    /// The current documents: `apitoken/validate`, organization fields, no `active` on PUT.
    #[default]
    Current,
    /// SAIA beta: no `apitoken/validate`; PUT takes `active`; `projectStatus` 1 means Deleted.
    SaiaBeta,
}
