//! The Arcee platform API v2 (shared/api/arcee-api-v2.md, FACTS.md): a neighbouring product served under `/v2`
//! beside the Organization API, in both dialects. It has its own key header (`auth`), its own error shapes
//! (FastAPI's, `error` and `validation`) and its own part of the state (`model`, rules in `store`), and it reads
//! the wall clock: keys expire by the calendar and uploads take real seconds to process.

mod auth;
mod error;
pub mod model;
pub mod ranking;
mod routes;
pub mod seed;
pub mod store;
pub mod table;
mod upload;
pub mod validation;

pub use auth::{ORGANIZATION_HEADER, TOKEN_HEADER};
pub use error::{Answer, Refusal};
pub use model::State;
pub use routes::router;
