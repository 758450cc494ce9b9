//! What every form shares: the field-errors type, the submission handle with its lifetime policy, the submit
//! button row, and the token prompt after a 401.

mod actions;
mod submission;
mod token_again;

pub use actions::{SubmitActions, TokenPrompt};
pub use submission::{clear_when_edited, Outcome, Report, StepFailed, Submission};
