//! At most a few analytics calls in flight at once: a screen of twenty panels would otherwise open twenty
//! requests together (and queue behind the browser's six per host anyway, in no useful order).

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// How many calls run at once.
const IN_FLIGHT: usize = 4;

#[derive(Clone)]
pub struct Limiter(Rc<RefCell<State>>);

struct State {
    free: usize,
    waiting: Vec<Waker>,
}

impl Default for Limiter {
    fn default() -> Self {
        Self(Rc::new(RefCell::new(State { free: IN_FLIGHT, waiting: Vec::new() })))
    }
}

impl Limiter {
    /// Waits for a free place; the place is held until the returned permit is dropped.
    pub fn place(&self) -> impl Future<Output = Permit> {
        Place(self.clone())
    }
}

struct Place(Limiter);

impl Future for Place {
    type Output = Permit;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Permit> {
        let mut state = self.0 .0.borrow_mut();
        if state.free > 0 {
            state.free -= 1;
            Poll::Ready(Permit(self.0.clone()))
        } else {
            state.waiting.push(cx.waker().clone());
            Poll::Pending
        }
    }
}

/// A place taken; dropping it (the call ended, or its panel is gone) frees it.
pub struct Permit(Limiter);

impl Drop for Permit {
    fn drop(&mut self) {
        let waiting = {
            let mut state = self.0 .0.borrow_mut();
            state.free += 1;
            std::mem::take(&mut state.waiting)
        };
        // Every waiter asks again: one whose panel is gone never will, and must not keep the place from others.
        for waker in waiting {
            waker.wake();
        }
    }
}
