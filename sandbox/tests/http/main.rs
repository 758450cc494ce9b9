//! Integration tests: each starts a real sandbox on a free 127.0.0.1 port and talks HTTP to it.

mod access_control;
mod analytics;
mod arcee;
mod arcee_contexts;
mod common;
mod dialects;
mod documented_shapes;
mod export;
mod faults;
mod journal;
mod projects;
mod scopes;
mod sdk_types;
mod serving;
mod state_file;
mod usage_limits;
mod v2_limits;
mod v2_tokens;
