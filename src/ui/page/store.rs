//! The Yew reducer around the framework-free state: the page and the runner both hold it.

use crate::state::{Action, AppState};
use std::rc::Rc;
use yew::prelude::*;

/// The Yew reducer around the framework-free state.
#[derive(Clone, Debug, PartialEq)]
pub struct Store(pub AppState);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.0.apply(action);
        if next == self.0 {
            self
        } else {
            Rc::new(Store(next))
        }
    }
}
