//! The answers this tab has seen, so that going back to a range (or leaving the screen and coming back) shows it at
//! once instead of asking again; **Refresh** forgets them, and so does any change of the connection (signing
//! out, connecting again, another token): an organization's figures must not outlive the tokens that were
//! allowed to see them. Kept in memory, bounded, in the analytics module: nothing of it is stored anywhere else.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use super::Ask;

/// Enough for a dozen ranges of every panel; the oldest answer goes first.
const KEPT: usize = 400;

/// A call's question: which call, to which installation (a tab can connect to another), about what.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub call: &'static str,
    pub base_url: String,
    pub ask: Ask,
}

struct Kept {
    question: Question,
    answer: Rc<dyn Any>,
}

/// The answers, and the connection they were fetched with (`session::connection_generation`).
struct Memory {
    connection: u64,
    kept: Vec<Kept>,
}

thread_local! {
    static MEMORY: RefCell<Memory> = const { RefCell::new(Memory { connection: 0, kept: Vec::new() }) };
}

/// This tab's answers, emptied first if they belong to a connection that is no longer the current one.
fn current<R>(use_them: impl FnOnce(&mut Vec<Kept>) -> R) -> R {
    let connection = crate::session::connection_generation();
    MEMORY.with_borrow_mut(|memory| {
        if memory.connection != connection {
            *memory = Memory { connection, kept: Vec::new() };
        }
        use_them(&mut memory.kept)
    })
}

/// The answer to `question`, when this tab has seen it.
pub fn recall<T: Clone + 'static>(question: &Question) -> Option<T> {
    current(|kept| kept.iter().find(|k| k.question == *question).and_then(|k| k.answer.downcast_ref::<T>().cloned()))
}

pub fn keep<T: 'static>(question: Question, answer: T) {
    current(|kept| {
        kept.retain(|k| k.question != question);
        if kept.len() >= KEPT {
            kept.remove(0);
        }
        kept.push(Kept { question, answer: Rc::new(answer) });
    });
}

pub fn forget_all() {
    current(Vec::clear);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::analytics::{Days, Scope};

    fn question(call: &'static str, start: &str) -> Question {
        let days = Days { start: start.into(), end: "2026-01-31".into() };
        let ask = Ask {
            scope: Scope::Organization { organization_id: None },
            now: days.clone(),
            before: days,
            agent: String::new(),
        };
        Question { call, base_url: "https://api.example".into(), ask }
    }

    #[test]
    fn an_answer_is_recalled_by_its_call_and_question_until_forgotten() {
        keep(question("a", "2026-01-01"), 7_u32);
        assert_eq!(recall::<u32>(&question("a", "2026-01-01")), Some(7));
        assert_eq!(recall::<u32>(&question("b", "2026-01-01")), None, "another call");
        assert_eq!(recall::<u32>(&question("a", "2026-01-02")), None, "another range");
        let elsewhere = Question { base_url: "https://other.example".into(), ..question("a", "2026-01-01") };
        assert_eq!(recall::<u32>(&elsewhere), None, "another installation");
        assert_eq!(recall::<String>(&question("a", "2026-01-01")), None, "another type");
        forget_all();
        assert_eq!(recall::<u32>(&question("a", "2026-01-01")), None);
    }

    #[test]
    fn a_change_of_connection_forgets_every_answer() {
        keep(question("a", "2026-01-01"), 7_u32);
        crate::session::connection_changed();
        assert_eq!(recall::<u32>(&question("a", "2026-01-01")), None);
    }

    #[test]
    fn the_oldest_answer_goes_first() {
        for day in 1..=KEPT + 1 {
            keep(question("many", &format!("2026-01-{day:04}")), day);
        }
        assert_eq!(recall::<usize>(&question("many", "2026-01-0001")), None);
        assert_eq!(recall::<usize>(&question("many", "2026-01-0002")), Some(2));
        forget_all();
    }
}
